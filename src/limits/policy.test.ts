import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitsConfigSchema } from './config.js';
import {
  accountLimitOverridesSchema,
  capReservation,
  limitKeysFor,
  resolveRules,
} from './policy.js';

const cfg = limitsConfigSchema.parse({});

test('limits config parses from nothing with tier defaults', () => {
  assert.equal(cfg.defaultTier, 'free');
  assert.equal(cfg.failMode, 'open');
  assert.ok(cfg.tiers['free']!.requestsPerMinute! < cfg.tiers['pro']!.requestsPerMinute!);
});

test('overrides win over the tier, and the throttle scale shrinks per-minute limits only', () => {
  const r = resolveRules(cfg, {
    account: 'a',
    tier: 'pro',
    overrides: { tokensPerDay: 7 },
    scale: 0.25,
  });
  assert.equal(r.requestsPerMinute, 125);
  assert.equal(r.tokensPerMinute, 500_000);
  assert.equal(r.tokensPerDay, 7);
  assert.equal(
    resolveRules(cfg, { account: 'a', tier: 'nope' }).requestsPerMinute,
    20,
    'unknown tier → default tier',
  );
});

test('a tokensPerMonth override wins over the tier too (issue 19: a raised free account still ran out after 10M tokens)', () => {
  const raised = {
    requestsPerMinute: 1e9,
    tokensPerMinute: 1e11,
    tokensPerDay: 1e12,
    tokensPerMonth: 1e12,
  };
  assert.equal(accountLimitOverridesSchema.safeParse(raised).success, true);
  assert.equal(
    resolveRules(cfg, { account: 'a', tier: 'free', overrides: raised }).tokensPerMonth,
    1e12,
  );
  assert.equal(
    resolveRules(cfg, { account: 'a', tier: 'free' }).tokensPerMonth,
    cfg.tiers['free']!.tokensPerMonth,
  );
});

test('limitKeysFor tags by account and adds a key-level key when asked', () => {
  const { tag, keys } = limitKeysFor(cfg, {
    account: 'acct_1',
    keyId: 'k9',
    keyRules: { requestsPerMinute: 4 },
    scale: 0.5,
  });
  assert.equal(tag, 'acct_1');
  assert.deepEqual(
    keys.map((k) => k.name),
    ['acct', 'key:k9'],
  );
  assert.equal(keys[1]!.rules.requestsPerMinute, 2);
});

test('capReservation caps absurd max_tokens by the tier and the per-minute limit', () => {
  const { keys } = limitKeysFor(cfg, { account: 'a', tier: 'free' });
  assert.equal(capReservation(10 ** 9, cfg, 'free', keys), 8192);
  assert.equal(capReservation(100.2, cfg, 'free', keys), 101);
  const tight = limitKeysFor(cfg, {
    account: 'a',
    tier: 'free',
    overrides: { tokensPerMinute: 500 },
  }).keys;
  assert.equal(capReservation(4000, cfg, 'free', tight), 500);
});

test('the admin overrides schema rejects negative, huge, fractional and unknown limits (issue 4)', () => {
  assert.equal(accountLimitOverridesSchema.safeParse({ requestsPerMinute: 10 }).success, true);
  for (const bad of [
    { requestsPerMinute: -1 },
    { tokensPerDay: 1e13 },
    { tokensPerMinute: 1.5 },
    { rpm: 3 },
    { requestsPerMinute: '5' },
  ]) {
    assert.equal(accountLimitOverridesSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});
