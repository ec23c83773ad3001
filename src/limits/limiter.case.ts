/**
 * The limiter conformance suite (STYLE.md "One conformance suite per interface"): every
 * backend's test file builds its limiter and calls `limiterTests`. Times are explicit
 * (`now`), so results are exact and independent of the machine's speed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Limiter, LimitKey } from './limiter.js';

/** Builds a fresh limiter (with its own key space) for one test. */
export type LimiterFactory = () => Promise<Limiter>;

const T0 = Date.UTC(2026, 5, 15, 12, 0, 0);

function acct(rules: LimitKey['rules'], name = 'acct'): LimitKey {
  return { name, rules };
}

async function withLimiter(
  factory: LimiterFactory,
  fn: (l: Limiter) => Promise<void>,
): Promise<void> {
  const l = await factory();
  try {
    await fn(l);
  } finally {
    await l.close();
  }
}

/** Runs the suite against `factory` under the label `name`. */
export function limiterTests(name: string, factory: LimiterFactory): void {
  const run = (title: string, fn: (l: Limiter) => Promise<void>): void => {
    test(`${name}: ${title}`, () => withLimiter(factory, fn));
  };

  run(
    'admits a full burst of requestsPerMinute, then denies with the exact Retry-After',
    async (l) => {
      const keys = [acct({ requestsPerMinute: 60 })];
      for (let i = 0; i < 60; i++) {
        const d = await l.admit({ tag: 'a1', keys, tokens: 0, now: T0 });
        assert.equal(d.allowed, true, `request ${i}`);
        assert.equal(d.dimensions.requests?.remaining, 59 - i);
      }
      const denied = await l.admit({ tag: 'a1', keys, tokens: 0, now: T0 });
      assert.equal(denied.allowed, false);
      assert.equal(denied.retryAfterMs, 1000);
      assert.equal(denied.dimension, 'requests');
      assert.equal(denied.reservation, null);
      assert.equal((await l.admit({ tag: 'a1', keys, tokens: 0, now: T0 + 999 })).allowed, false);
      assert.equal((await l.admit({ tag: 'a1', keys, tokens: 0, now: T0 + 1000 })).allowed, true);
    },
  );

  run('charges token costs greater than one (GCRA with cost)', async (l) => {
    const keys = [acct({ tokensPerMinute: 1000 })];
    assert.equal((await l.admit({ tag: 'a2', keys, tokens: 400, now: T0 })).allowed, true);
    const second = await l.admit({ tag: 'a2', keys, tokens: 400, now: T0 });
    assert.equal(second.allowed, true);
    assert.equal(second.dimensions.tokens?.remaining, 200);
    assert.equal(second.dimensions.tokens?.resetMs, 48_000);
    const third = await l.admit({ tag: 'a2', keys, tokens: 400, now: T0 });
    assert.equal(third.allowed, false);
    assert.equal(third.retryAfterMs, 12_000);
    assert.equal((await l.admit({ tag: 'a2', keys, tokens: 400, now: T0 + 12_000 })).allowed, true);
  });

  run('a multi-key decision is atomic and reports the most restrictive key', async (l) => {
    const keys = [
      acct({ requestsPerMinute: 100 }),
      { name: 'key:k1', rules: { requestsPerMinute: 2 } },
    ];
    await l.admit({ tag: 'a3', keys, tokens: 0, now: T0 });
    const d = await l.admit({ tag: 'a3', keys, tokens: 0, now: T0 });
    assert.equal(d.allowed, true);
    assert.equal(d.key, 'key:k1');
    assert.equal(d.remaining, 0);
    const denied = await l.admit({ tag: 'a3', keys, tokens: 0, now: T0 });
    assert.equal(denied.allowed, false);
    assert.equal(denied.key, 'key:k1');
    // The account key was not charged by the denied request: 98 left, not 97.
    const only = await l.admit({ tag: 'a3', keys: [keys[0]!], tokens: 0, now: T0 });
    assert.equal(only.dimensions.requests?.remaining, 97);
  });

  run('denied requests report the longest wait among the limits they hit', async (l) => {
    const keys = [acct({ requestsPerMinute: 1, tokensPerMinute: 600 })];
    assert.equal((await l.admit({ tag: 'a4', keys, tokens: 600, now: T0 })).allowed, true);
    const d = await l.admit({ tag: 'a4', keys, tokens: 300, now: T0 + 10_000 });
    assert.equal(d.allowed, false);
    assert.equal(d.dimension, 'requests');
    assert.equal(d.retryAfterMs, 50_000);
    assert.equal((await l.admit({ tag: 'a4', keys, tokens: 300, now: T0 + 60_000 })).allowed, true);
  });

  run('a daily quota denies until midnight UTC, then resets', async (l) => {
    const keys = [acct({ tokensPerDay: 1000 })];
    const late = Date.UTC(2026, 5, 15, 23, 0, 0);
    assert.equal((await l.admit({ tag: 'a5', keys, tokens: 900, now: late })).allowed, true);
    const d = await l.admit({ tag: 'a5', keys, tokens: 200, now: late });
    assert.equal(d.allowed, false);
    assert.equal(d.dimension, 'tokensPerDay');
    assert.equal(d.retryAfterMs, 3_600_000);
    assert.equal(d.remaining, 100);
    const next = await l.admit({ tag: 'a5', keys, tokens: 200, now: Date.UTC(2026, 5, 16) });
    assert.equal(next.allowed, true);
    assert.equal(next.remaining, 800);
  });

  run('a monthly quota follows calendar months (leap February included)', async (l) => {
    const keys = [acct({ tokensPerMonth: 100 })];
    const feb = Date.UTC(2028, 1, 29, 10);
    assert.equal((await l.admit({ tag: 'a6', keys, tokens: 100, now: feb })).allowed, true);
    const d = await l.admit({ tag: 'a6', keys, tokens: 1, now: feb });
    assert.equal(d.allowed, false);
    assert.equal(d.retryAfterMs, Date.UTC(2028, 2, 1) - feb);
    assert.equal(
      (await l.admit({ tag: 'a6', keys, tokens: 1, now: Date.UTC(2028, 2, 1) })).allowed,
      true,
    );
    const dec = Date.UTC(2026, 11, 31, 23, 59);
    assert.equal((await l.admit({ tag: 'a6b', keys, tokens: 100, now: dec })).allowed, true);
    const d2 = await l.admit({ tag: 'a6b', keys, tokens: 1, now: dec });
    assert.equal(d2.retryAfterMs, 60_000);
  });

  run('settle refunds unused reserved tokens', async (l) => {
    const keys = [acct({ tokensPerMinute: 1000, tokensPerDay: 5000 })];
    const d = await l.admit({ tag: 'a7', keys, tokens: 1000, now: T0 });
    assert.equal(d.allowed, true);
    assert.equal((await l.admit({ tag: 'a7', keys, tokens: 900, now: T0 })).allowed, false);
    await l.settle(d.reservation, 100, T0);
    const after = await l.admit({ tag: 'a7', keys, tokens: 900, now: T0 });
    assert.equal(after.allowed, true);
    assert.equal(after.dimensions.tokens?.remaining, 0);
    assert.equal(after.dimensions.tokensPerDay?.remaining, 4000);
  });

  run('settle charges tokens used beyond the reservation', async (l) => {
    const keys = [acct({ tokensPerMinute: 1000, tokensPerDay: 5000 })];
    const d = await l.admit({ tag: 'a8', keys, tokens: 100, now: T0 });
    await l.settle(d.reservation, 700, T0);
    const next = await l.admit({ tag: 'a8', keys, tokens: 300, now: T0 });
    assert.equal(next.allowed, true);
    assert.equal(next.dimensions.tokens?.remaining, 0);
    assert.equal(next.dimensions.tokensPerDay?.remaining, 4000);
    assert.equal((await l.admit({ tag: 'a8', keys, tokens: 1, now: T0 })).allowed, false);
  });

  run('settle after the quota window rolled over leaves the new window alone', async (l) => {
    const keys = [acct({ tokensPerDay: 1000 })];
    const late = Date.UTC(2026, 5, 15, 23, 59, 59);
    const d = await l.admit({ tag: 'a9', keys, tokens: 500, now: late });
    const next = Date.UTC(2026, 5, 16, 0, 0, 1);
    assert.equal((await l.admit({ tag: 'a9', keys, tokens: 100, now: next })).remaining, 900);
    await l.settle(d.reservation, 900, next);
    assert.equal(
      (await l.admit({ tag: 'a9', keys, tokens: 0, now: next })).dimensions.tokensPerDay?.remaining,
      900,
    );
  });

  run('a cost above the limit is flagged: waiting will never admit it', async (l) => {
    const d = await l.admit({
      tag: 'a10',
      keys: [acct({ tokensPerMinute: 100 })],
      tokens: 101,
      now: T0,
    });
    assert.equal(d.allowed, false);
    assert.equal(d.exceedsLimit, true);
    const ok = await l.admit({
      tag: 'a10',
      keys: [acct({ tokensPerMinute: 100 })],
      tokens: 100,
      now: T0,
    });
    assert.equal(ok.exceedsLimit, false);
    assert.equal(ok.allowed, true);
  });

  run(
    'issue 14: quotaTokens is charged in full to the quotas, tokens to the per-minute rate, and each settles apart',
    async (l) => {
      const keys = [acct({ tokensPerMinute: 1000, tokensPerDay: 5000 })];
      // A worst case bigger than the per-minute bucket passes the rate capped, the quota in full.
      const d = await l.admit({ tag: 'q1', keys, tokens: 1000, quotaTokens: 4000, now: T0 });
      assert.equal(d.allowed, true);
      assert.equal(d.dimensions.tokensPerDay?.remaining, 1000);
      assert.equal(d.dimensions.tokens?.remaining, 0);
      // What remains of the quota (1,000) is less than this request's worst case: refused, not capped.
      const over = await l.admit({
        tag: 'q1',
        keys,
        tokens: 0,
        quotaTokens: 1001,
        now: T0 + 60_000,
      });
      assert.equal(over.allowed, false);
      assert.equal(over.dimension, 'tokensPerDay');
      assert.ok(over.retryAfterMs > 0);
      // Used 1,500: the quota gets 2,500 back, the rate is charged 500 more.
      await l.settle(d.reservation, 1500, T0);
      const after = await l.admit({ tag: 'q1', keys, tokens: 0, quotaTokens: 0, now: T0 + 60_000 });
      assert.equal(after.dimensions.tokensPerDay?.remaining, 3500);
      const rate = await l.admit({
        tag: 'q1',
        keys,
        tokens: 1000,
        quotaTokens: 1000,
        now: T0 + 60_000,
      });
      assert.equal(
        rate.allowed,
        false,
        'the 500 charged at settlement still weighs on the per-minute rate',
      );
      assert.equal(
        (await l.admit({ tag: 'q1', keys, tokens: 1000, quotaTokens: 1000, now: T0 + 90_000 }))
          .allowed,
        true,
      );
    },
  );

  run('tags are isolated from one another', async (l) => {
    const keys = [acct({ requestsPerMinute: 1 })];
    assert.equal((await l.admit({ tag: 'b1', keys, tokens: 0, now: T0 })).allowed, true);
    assert.equal((await l.admit({ tag: 'b2', keys, tokens: 0, now: T0 })).allowed, true);
    assert.equal((await l.admit({ tag: 'b1', keys, tokens: 0, now: T0 })).allowed, false);
  });

  run('keys without rules are unlimited and a null reservation settles as a no-op', async (l) => {
    const d = await l.admit({ tag: 'c1', keys: [acct({})], tokens: 10 ** 9, now: T0 });
    assert.equal(d.allowed, true);
    assert.deepEqual(d.dimensions, {});
    await l.settle(null, 5);
  });

  run('without an explicit time, the backend clock is used', async (l) => {
    const keys = [acct({ requestsPerMinute: 2 })];
    const a = await l.admit({ tag: 'c2', keys, tokens: 0 });
    const b = await l.admit({ tag: 'c2', keys, tokens: 0 });
    const c = await l.admit({ tag: 'c2', keys, tokens: 0 });
    assert.deepEqual([a.allowed, b.allowed, c.allowed], [true, true, false]);
    assert.ok(c.retryAfterMs > 25_000 && c.retryAfterMs <= 30_000, `retry ${c.retryAfterMs}`);
  });

  run('invalid costs and limits are programming errors', async (l) => {
    await assert.rejects(
      l.admit({ tag: 'c3', keys: [acct({ requestsPerMinute: 1 })], tokens: -1 }),
      RangeError,
    );
    await assert.rejects(
      l.admit({ tag: 'c3', keys: [acct({ requestsPerMinute: 0 })], tokens: 0 }),
      RangeError,
    );
  });
}
