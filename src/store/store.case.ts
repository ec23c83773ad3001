import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eachAccount, type Store } from './store.js';
import type { TelemetryEvent } from '../telemetry/event.js';

function ev(ts: number, account: string, i = 0): TelemetryEvent {
  return {
    ts,
    account,
    key: 'key_1',
    endpoint: 'chat.completions',
    model: 'm',
    request: { messages: [{ role: 'user', content: `hello ${i}` }], temperature: 0 },
    status: 200,
    action: 'allow',
  };
}

/**
 * The conformance suite every Store backend passes (STYLE.md: one suite per interface).
 * `factory` returns a fresh, migrated, empty store and a cleanup function.
 */
export function storeTests(
  name: string,
  factory: () => Promise<{ store: Store; cleanup: () => Promise<void> }>,
): void {
  const withStore = (title: string, fn: (s: Store) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const { store, cleanup } = await factory();
      try {
        await fn(store);
      } finally {
        await cleanup();
      }
    });

  withStore('accounts are created once and updated by merge', async (s) => {
    assert.equal(
      await s.createAccount({ id: 'a1', createdAt: 5, email: 'x@y.z', tier: 'free' }),
      true,
    );
    assert.equal(await s.createAccount({ id: 'a1', createdAt: 6 }), false);
    assert.equal((await s.getAccount('a1'))?.email, 'x@y.z');
    const up = await s.updateAccount('a1', { tier: 'pro' });
    assert.equal(up?.tier, 'pro');
    assert.equal(up?.email, 'x@y.z');
    assert.equal(await s.updateAccount('nope', { tier: 'pro' }), undefined);
    await s.createAccount({ id: 'a2', createdAt: 7 });
    assert.deepEqual(
      (await s.listAccounts()).map((a) => a.id),
      ['a1', 'a2'],
    );
    assert.deepEqual(
      (await s.listAccounts({ after: 'a1' })).map((a) => a.id),
      ['a2'],
    );
    await s.createAccount({ id: 'a3', createdAt: 8 });
    for (const size of [1, 2, 3, 1000]) {
      const seen: string[] = [];
      for await (const a of eachAccount(s, size)) seen.push(a.id);
      assert.deepEqual(seen, ['a1', 'a2', 'a3'], `eachAccount, pages of ${size}`);
    }
  });

  withStore('keys are found by hash and revoked once', async (s) => {
    await s.createKey({
      id: 'k1',
      account: 'a1',
      hash: 'h1',
      prefix: 'sk-1',
      createdAt: 1,
      revokedAt: null,
    });
    assert.equal((await s.getKeyByHash('h1'))?.id, 'k1');
    assert.equal(await s.getKeyByHash('h2'), undefined);
    const r = await s.revokeKey('k1', 100);
    assert.equal(r?.revokedAt, 100);
    assert.equal((await s.revokeKey('k1', 200))?.revokedAt, 100, 'first revocation time is kept');
    assert.equal(await s.revokeKey('missing', 1), undefined);
    assert.equal((await s.listKeys('a1')).length, 1);
    // Issue 16: a key's name and expiry are kept; keys made without them read back null.
    await s.createKey({
      id: 'k2',
      account: 'a1',
      hash: 'h2b',
      prefix: 'sk-2',
      createdAt: 2,
      revokedAt: null,
      name: 'ci runner',
      expiresAt: 5_000,
    });
    const k2 = await s.getKeyByHash('h2b');
    assert.equal(k2?.name, 'ci runner');
    assert.equal(k2?.expiresAt, 5_000);
    assert.equal((await s.getKey('k1'))?.name, null);
    assert.equal((await s.getKey('k1'))?.expiresAt, null);
  });

  withStore('events round-trip in ts order with filters and paging', async (s) => {
    const batch: TelemetryEvent[] = [];
    for (let i = 0; i < 2500; i++) batch.push(ev(1000 + (i % 1250), i % 2 ? 'a' : 'b', i));
    await s.insertEvents(batch);
    assert.equal(await s.countEvents(), 2500);
    assert.equal(await s.countEvents({ account: 'a' }), 1250);
    let prev = -1;
    let n = 0;
    for await (const e of s.events({})) {
      assert.ok(e.ts >= prev);
      prev = e.ts;
      n++;
    }
    assert.equal(n, 2500);
    const some: TelemetryEvent[] = [];
    for await (const e of s.events({ account: 'a', since: 1100, until: 1200, limit: 10 }))
      some.push(e);
    assert.equal(some.length, 10);
    assert.ok(some.every((e) => e.account === 'a' && e.ts >= 1100 && e.ts < 1200));
    assert.deepEqual(
      some[0]?.request,
      batch.find((e) => e.account === 'a' && e.ts >= 1100)?.request,
    );
  });

  withStore('issue 14: deleteEventsBefore removes only older events (retention)', async (s) => {
    const batch: TelemetryEvent[] = [];
    for (let i = 0; i < 12_000; i++)
      batch.push(ev(i < 11_000 ? 1000 + i : 50_000 + i, i % 2 ? 'a' : 'b', i));
    await s.insertEvents(batch);
    assert.equal(await s.deleteEventsBefore(50_000), 11_000, 'old events go, in several chunks');
    assert.equal(await s.countEvents(), 1000);
    assert.equal(await s.deleteEventsBefore(50_000), 0);
    let min = Infinity;
    for await (const e of s.events({})) min = Math.min(min, e.ts);
    assert.ok(min >= 50_000);
  });

  withStore('verdicts upsert and list by level', async (s) => {
    await s.putVerdicts([
      { account: 'a', score: 0.9, level: 'degrade', reasons: [], cluster: null, updatedAt: 1 },
      { account: 'b', score: 0.1, level: 'allow', reasons: [], cluster: null, updatedAt: 1 },
    ]);
    await s.putVerdicts([
      { account: 'b', score: 0.5, level: 'monitor', reasons: [], cluster: 'c1', updatedAt: 2 },
    ]);
    assert.equal((await s.getVerdict('b'))?.level, 'monitor');
    assert.deepEqual(
      (await s.listVerdicts({ minLevel: 'throttle' })).map((v) => v.account),
      ['a'],
    );
  });

  withStore('pins and limit overrides', async (s) => {
    await s.setPin('a', { level: 'block', reason: 'abuse', by: 'admin', at: 1, until: null });
    assert.equal((await s.getPin('a'))?.level, 'block');
    assert.equal((await s.listPins()).length, 1);
    assert.equal(await s.clearPin('a'), true);
    assert.equal(await s.clearPin('a'), false);
    await s.setLimits('a', { requestsPerMinute: 5 });
    await s.setLimits('a', { requestsPerMinute: 7, tokensPerDay: 100 });
    assert.deepEqual(await s.getLimits('a'), { requestsPerMinute: 7, tokensPerDay: 100 });
    assert.equal(await s.ping(), true);
  });
}
