import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { connect, createServer } from 'node:net';
import { Registry } from 'prom-client';
import { limiterTests } from '../limiter.case.js';
import { MemoryLimiter } from '../memory/memory.js';
import type { Decision, LimitKey } from '../limiter.js';
import { RedisLimiter } from './redis.js';
import { createLimiterRedis } from './client.js';

const URL = process.env['MOAT_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const prefixes: string[] = [];

function newPrefix(): string {
  const p = `moat:test:${randomUUID()}:`;
  prefixes.push(p);
  return p;
}

after(async () => {
  const r = new Redis(URL);
  for (const p of prefixes) {
    const keys = await r.keys(`${p}*`);
    if (keys.length > 0) await r.del(...keys);
  }
  await r.quit();
});

limiterTests('redis', async () => {
  const redis = createLimiterRedis(URL);
  await redis.ping().catch(async () => new Promise((resolve) => redis.once('ready', resolve)));
  return new RedisLimiter({ redis, prefix: newPrefix(), timeoutMs: 2000 });
});

limiterTests('redis, settlements deferred into the next admission', async () => {
  const redis = createLimiterRedis(URL);
  await redis.ping().catch(async () => new Promise((resolve) => redis.once('ready', resolve)));
  return new RedisLimiter({ redis, prefix: newPrefix(), timeoutMs: 2000, deferSettleMs: 20 });
});

test('redis: a deferred settlement costs no round trip of its own when an admission follows (issue 4)', async () => {
  // A counting TCP relay in front of Redis: each chunk the client sends is one write.
  const target = new globalThis.URL(URL);
  let writes = 0;
  const relay = createServer((client) => {
    const upstream = connect(Number(target.port || 6379), target.hostname);
    client.on('data', (c) => {
      writes++;
      upstream.write(c);
    });
    upstream.on('data', (c) => client.write(c));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
  const port = (relay.address() as { port: number }).port;
  const redis = createLimiterRedis(`redis://127.0.0.1:${port}`, { commandTimeoutMs: 2000 });
  try {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
    const limiter = new RedisLimiter({
      redis,
      prefix: newPrefix(),
      timeoutMs: 2000,
      deferSettleMs: 1000,
    });
    const keys: LimitKey[] = [{ name: 'acct', rules: { tokensPerMinute: 1000 } }];
    const first = await limiter.admit({ tag: 'a', keys, tokens: 600 });
    assert.ok(first.allowed);
    const before = writes;
    await limiter.settle(first.reservation, 100); // refund 500, held
    assert.equal(writes, before, 'nothing sent at settlement');
    const second = await limiter.admit({ tag: 'a', keys, tokens: 800 });
    assert.ok(second.allowed, 'the refund was applied before the admission');
    assert.equal(writes - before, 1, 'settlement and admission left in one write: one round trip');
    await limiter.close();
  } finally {
    redis.disconnect();
    await new Promise((r) => relay.close(r));
  }
});

async function connected(): Promise<Redis> {
  const redis = new Redis(URL);
  await redis.ping();
  return redis;
}

test('redis: keys of one decision share a hash tag (one cluster slot)', async () => {
  const redis = await connected();
  const prefix = newPrefix();
  const l = new RedisLimiter({ redis, prefix });
  const keys: LimitKey[] = [
    {
      name: 'acct',
      rules: {
        requestsPerMinute: 5,
        tokensPerMinute: 100,
        tokensPerDay: 1000,
        tokensPerMonth: 9000,
      },
    },
    { name: 'key:k1', rules: { requestsPerMinute: 5 } },
  ];
  assert.equal((await l.admit({ tag: 'acct_1', keys, tokens: 10 })).allowed, true);
  const stored = (await redis.keys(`${prefix}*`)).sort();
  assert.equal(stored.length, 2);
  for (const k of stored) assert.ok(k.startsWith(`${prefix}{acct_1}:`), k);
  await l.close();
});

test('redis: falls back to EVAL when the script cache was flushed (NOSCRIPT)', async () => {
  const redis = await connected();
  const l = new RedisLimiter({ redis, prefix: newPrefix() });
  await redis.script('FLUSH');
  const d = await l.admit({
    tag: 'x',
    keys: [{ name: 'acct', rules: { requestsPerMinute: 1 } }],
    tokens: 0,
  });
  assert.equal(d.allowed, true);
  await l.close();
});

type Op =
  | { kind: 'admit'; dt: number; key: number; requests: number; tokens: number }
  | { kind: 'settle'; dt: number; actual: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('admit' as const),
    dt: fc.integer({ min: 0, max: 40_000 }),
    key: fc.integer({ min: 0, max: 2 }),
    requests: fc.integer({ min: 0, max: 3 }),
    tokens: fc.integer({ min: 0, max: 900 }),
  }),
  fc.record({
    kind: fc.constant('settle' as const),
    dt: fc.integer({ min: 0, max: 5_000 }),
    actual: fc.integer({ min: 0, max: 1500 }),
  }),
);

const rulesArb = fc.record({
  requestsPerMinute: fc.integer({ min: 1, max: 13 }),
  tokensPerMinute: fc.integer({ min: 100, max: 3000 }),
  tokensPerDay: fc.integer({ min: 500, max: 20_000 }),
  tokensPerMonth: fc.integer({ min: 1000, max: 60_000 }),
});

function comparable(d: Decision): unknown {
  return {
    ...d,
    reservation: d.reservation && { ...d.reservation, keys: d.reservation.keys.length },
  };
}

test('redis: agrees with the memory limiter on random sequences (fast-check differential, issue 4)', async () => {
  const redis = await connected();
  // Start near real time, near the end of a month, so day and month windows roll over.
  const [sec] = (await redis.time()) as [number | string, number | string];
  await fc.assert(
    fc.asyncProperty(
      fc.array(rulesArb, { minLength: 3, maxLength: 3 }),
      fc.array(opArb, { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 3 * 86_400_000 }),
      async (rules, ops, offset) => {
        const mem = new MemoryLimiter();
        const red = new RedisLimiter({ redis, prefix: newPrefix(), timeoutMs: 5000 });
        const keySets: LimitKey[][] = [
          [{ name: 'acct', rules: rules[0]! }],
          [
            { name: 'acct', rules: rules[0]! },
            { name: 'key:a', rules: rules[1]! },
          ],
          [
            { name: 'acct', rules: rules[0]! },
            { name: 'key:b', rules: rules[2]! },
          ],
        ];
        let now = Date.UTC(2026, 10, 29) + offset + (Number(sec) % 1000);
        let lastMem: Decision | null = null;
        let lastRed: Decision | null = null;
        for (const op of ops) {
          now += op.dt;
          if (op.kind === 'admit') {
            const req = {
              tag: 'd',
              keys: keySets[op.key]!,
              requests: op.requests,
              tokens: op.tokens,
              now,
            };
            lastMem = await mem.admit(req);
            lastRed = await red.admit(req);
            assert.deepEqual(comparable(lastRed), comparable(lastMem));
          } else {
            await mem.settle(lastMem?.reservation ?? null, op.actual, now);
            await red.settle(lastRed?.reservation ?? null, op.actual, now);
          }
        }
      },
    ),
    { numRuns: 60 },
  );
  await redis.quit();
});

test('redis: fail-open admits and counts when Redis is unreachable', async () => {
  const registry = new Registry();
  const lines: string[] = [];
  const redis = createLimiterRedis('redis://127.0.0.1:1', { connectTimeoutMs: 100 });
  const l = new RedisLimiter({
    redis,
    failMode: 'open',
    registry,
    logger: { warn: (_o, m) => lines.push(m) },
  });
  const keys = [{ name: 'acct', rules: { requestsPerMinute: 1 } }];
  const a = await l.admit({ tag: 'x', keys, tokens: 5 });
  const b = await l.admit({ tag: 'x', keys, tokens: 5 });
  assert.equal(a.allowed && b.allowed, true);
  assert.equal(a.failMode, 'open');
  assert.equal(a.reservation, null);
  await l.settle(a.reservation, 10);
  assert.equal(lines.length, 1, 'log lines are rate-limited');
  const metric = await registry.getSingleMetricAsString('moat_limiter_failures_total');
  assert.match(metric, /moat_limiter_failures_total\{op="admit",mode="open"\} 2/);
  redis.disconnect();
});

test('redis: fail-closed denies with a retry hint when Redis is unreachable', async () => {
  const redis = createLimiterRedis('redis://127.0.0.1:1', { connectTimeoutMs: 100 });
  const l = new RedisLimiter({ redis, failMode: 'closed' });
  const d = await l.admit({
    tag: 'x',
    keys: [{ name: 'acct', rules: { requestsPerMinute: 100 } }],
    tokens: 0,
  });
  assert.equal(d.allowed, false);
  assert.equal(d.failMode, 'closed');
  assert.ok(d.retryAfterMs > 0);
  redis.disconnect();
});

test('redis: a server that never answers is cut off by the timeout, not awaited', async () => {
  // A TCP server that accepts and stays silent: the worst case for a hung Redis.
  const net = await import('node:net');
  const sockets: import('node:net').Socket[] = [];
  const server = net.createServer((s) => sockets.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as import('node:net').AddressInfo).port;
  const redis = new Redis({ port, host: '127.0.0.1', lazyConnect: false, maxRetriesPerRequest: 0 });
  redis.on('error', () => undefined);
  const l = new RedisLimiter({ redis, failMode: 'closed', timeoutMs: 50 });
  const d = await l.admit({
    tag: 'x',
    keys: [{ name: 'acct', rules: { requestsPerMinute: 100 } }],
    tokens: 0,
  });
  assert.equal(d.failMode, 'closed');
  redis.disconnect();
  for (const s of sockets) s.destroy();
  await new Promise((r) => server.close(r));
});

test('redis: two replicas bursting one account concurrently stay within the limit (issue 4)', async () => {
  const prefix = newPrefix();
  const a = new RedisLimiter({ redis: await connected(), prefix, timeoutMs: 5000 });
  const b = new RedisLimiter({ redis: await connected(), prefix, timeoutMs: 5000 });
  const keys = [{ name: 'acct', rules: { requestsPerMinute: 100, tokensPerMinute: 1_000_000 } }];
  const burst = Array.from({ length: 300 }, (_, i) =>
    (i % 2 === 0 ? a : b).admit({ tag: 'burst', keys, tokens: 50 }),
  );
  const admitted = (await Promise.all(burst)).filter((d) => d.allowed).length;
  // Server time moves during the burst and GCRA refills one request per 600 ms: ≤ 1% over.
  assert.ok(admitted >= 100 && admitted <= 101, `admitted ${admitted}`);
  await a.close();
  await b.close();
});
