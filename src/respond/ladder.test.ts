import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Registry } from 'prom-client';
import type { Verdict } from '../telemetry/event.js';
import { decideAction, validatePin } from './ladder.js';
import { createActionMetrics } from './metrics.js';
import { blockReference, matchesBlockReference } from './block.js';

const verdict = (level: Verdict['level'], score: number): Verdict => ({
  account: 'a',
  score,
  level,
  reasons: [{ code: 'template_reuse', weight: 1, detail: '' }],
  cluster: null,
  updatedAt: 0,
});
const opts = { throttleFactor: 0.25 };

test('ladder: no verdict means allow at full limits', () => {
  const d = decideAction({}, opts);
  assert.deepEqual(
    [d.action, d.source, d.limitScale, d.degrade, d.challenge, d.block],
    ['allow', 'default', 1, false, false, false],
  );
});

test('ladder: effects are cumulative up the levels', () => {
  const at = (l: Verdict['level']) => decideAction({ verdict: verdict(l, 0.5) }, opts);
  assert.equal(at('monitor').limitScale, 1);
  assert.equal(at('throttle').limitScale, 0.25);
  assert.equal(at('throttle').degrade, false);
  assert.equal(at('degrade').degrade, true);
  assert.equal(at('challenge').challenge, true);
  assert.equal(at('challenge').degrade, true);
  assert.equal(at('block').block, true);
  assert.equal(at('degrade').reason, 'template_reuse');
});

test('ladder: a pin wins over the verdict until it expires (issue 4)', () => {
  const pin = { level: 'block' as const, reason: 'fraud ticket 12', until: 2000 };
  const pinned = decideAction({ verdict: verdict('allow', 0.1), pin, now: 1000 }, opts);
  assert.deepEqual(
    [pinned.action, pinned.source, pinned.reason],
    ['block', 'pin', 'fraud ticket 12'],
  );
  const expired = decideAction({ verdict: verdict('monitor', 0.1), pin, now: 2000 }, opts);
  assert.deepEqual([expired.action, expired.source], ['monitor', 'verdict']);
  const down = decideAction(
    { verdict: verdict('block', 0.99), pin: { level: 'allow', reason: 'false positive' } },
    opts,
  );
  assert.equal(down.action, 'allow', 'a pin can also lower the level');
});

test('ladder: pin bodies are validated (bad input gets a clear error, issue 4)', () => {
  const now = Date.UTC(2026, 0, 1);
  const ok = validatePin({ level: 'challenge', reason: 'x', until: '2026-02-01T00:00:00Z' }, now);
  assert.deepEqual(ok, {
    ok: true,
    value: { level: 'challenge', reason: 'x', until: Date.UTC(2026, 1, 1) },
  });
  for (const bad of [
    { level: 'nuke', reason: 'x' },
    { level: 'block' },
    { level: 'block', reason: ' ' },
    { level: 'block', reason: 'x', until: now - 1 },
    { level: 'block', reason: 'x', extra: 1 },
  ]) {
    const r = validatePin(bad, now);
    assert.equal(r.ok, false, JSON.stringify(bad));
    if (!r.ok) assert.ok(r.error.length > 0);
  }
});

test('metrics: moat_actions_total counts on the registry passed in', async () => {
  const registry = new Registry();
  const m = createActionMetrics(registry);
  m.record('degrade');
  m.record('degrade');
  createActionMetrics(registry).record('block');
  const text = await registry.metrics();
  assert.match(text, /moat_actions_total\{action="degrade"\} 2/);
  assert.match(text, /moat_actions_total\{action="block"\} 1/);
});

test('block: a reference support can recompute and grep', () => {
  const now = Date.UTC(2026, 5, 15, 13);
  const ref = blockReference('acct_1', now);
  assert.match(ref, /^MOAT-20260615-[0-9A-F]{8}$/);
  assert.equal(blockReference('acct_1', now + 1000), ref, 'stable within a day');
  assert.equal(matchesBlockReference(ref.toLowerCase(), 'acct_1'), true);
  assert.equal(matchesBlockReference(ref, 'acct_2'), false);
  assert.equal(matchesBlockReference('MOAT-nope', 'acct_1'), false);
});
