import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntelFlags } from './flags.js';
import { IndicatorMatcher } from './indicators.js';
import { intelConfigSchema } from './config.js';

const H = 3_600_000;
const matcher = new IndicatorMatcher([
  {
    stixId: 'indicator--a',
    kind: 'ip',
    value: '203.0.113.0/24',
    confidence: 80,
    validUntil: null,
    source: 'peer',
    tlp: null,
  },
]);

test('issue 14: a shared-indicator flag expires after its time to live (configurable)', () => {
  const cfg = intelConfigSchema.parse({ flagTtlHours: 2 });
  const flags = new IntelFlags({
    ttlMs: cfg.flagTtlHours * H,
    maxAccountsPerIndicator: cfg.maxAccountsPerIndicator,
  });
  const m = matcher.matches({ ip: '203.0.113.9' });
  assert.equal(m.length, 1);
  assert.equal(flags.flag('acct_1', m, 0).length, 1);
  assert.ok(flags.get('acct_1', 2 * H - 1));
  assert.equal(flags.get('acct_1', 2 * H), undefined, 'expired');
  assert.equal(flags.size(2 * H), 0);
  assert.equal(flags.flag('acct_1', m, 3 * H).length, 1, 'a fresh match flags again');
  assert.ok(flags.get('acct_1', 4 * H));
  assert.equal(intelConfigSchema.parse({}).flagTtlHours, 24);
});

test('issue 14: one indicator flags at most maxAccountsPerIndicator accounts', () => {
  const flags = new IntelFlags({ ttlMs: 24 * H, maxAccountsPerIndicator: 3 });
  const m = matcher.matches({ ip: '203.0.113.9' });
  const flagged = Array.from({ length: 10 }, (_, i) => flags.flag(`acct_${i}`, m, 0).length);
  assert.deepEqual(flagged, [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(flags.saturated, ['indicator--a 203.0.113.0/24']);
  assert.equal(flags.size(0), 3);
  assert.equal(
    flags.flag('acct_0', m, 25 * H).length,
    1,
    'an account it already flagged can be flagged again',
  );
});
