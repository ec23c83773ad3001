import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Challenger, parseSolution, requestBinding } from './challenge.js';
import { leadingZeroBits, scryptOf } from './puzzle.js';
import { solveChallenge } from './client.js';
import { MemorySpentStore, RedisSpentStore } from './spent.js';

const secret = 'test-secret-test-secret-test-secret';
const easy = { secret, minDifficulty: 50, maxDifficulty: 500 };

async function solved(pow: Challenger, account = 'acct_1', score = 0): Promise<string> {
  const { header } = pow.issueChallenge({ account, score });
  const s = await solveChallenge(header);
  assert.ok(s);
  return s;
}

function encode(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString('base64url');
}

test('challenge: difficulty grows geometrically with risk', () => {
  const pow = new Challenger({ secret, minDifficulty: 1000, maxDifficulty: 1_000_000 });
  assert.equal(pow.difficulty(0), 1000);
  assert.equal(pow.difficulty(0.5), 31623);
  assert.equal(pow.difficulty(1), 1_000_000);
  assert.equal(pow.difficulty(Number.NaN), 1_000_000);
});

test('challenge: issue carries header and body, solve, verify once', async () => {
  const pow = new Challenger(easy);
  const { header, body } = pow.issueChallenge({ account: 'acct_1', score: 1 });
  const decoded = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  assert.equal(decoded['maxnumber'], 500);
  assert.equal((body['challenge'] as Record<string, unknown>)['signature'], decoded['signature']);
  const s = await solveChallenge(header);
  assert.ok(s);
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: true });
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: false, reason: 'replayed' });
});

test('challenge: forged, tampered, foreign, expired and malformed solutions are refused (issue 4)', async () => {
  let now = Date.UTC(2026, 0, 1);
  const pow = new Challenger({ ...easy, ttlMs: 60_000, clock: () => now });
  const s = await solved(pow);
  const sol = parseSolution(s)!;
  const other = new Challenger({ ...easy, secret: 'another-secret-another-secret-xx' });
  assert.deepEqual(await other.verifySolution('acct_1', s), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(await pow.verifySolution('acct_1', encode({ ...sol, number: sol.number + 1 })), {
    ok: false,
    reason: 'wrong_solution',
  });
  // Moving the expiry changes the salt, so the hash no longer matches the signed challenge.
  const later = sol.salt.replace(/expires=\d+/, 'expires=9999999999');
  const rehashed = createHash('sha256')
    .update(later + sol.number)
    .digest('hex');
  assert.deepEqual(
    await pow.verifySolution('acct_1', encode({ ...sol, salt: later, challenge: rehashed })),
    { ok: false, reason: 'bad_signature' },
  );
  assert.deepEqual(await pow.verifySolution('acct_2', s), { ok: false, reason: 'wrong_account' });
  assert.deepEqual(await pow.verifySolution('acct_1', encode({ ...sol, algorithm: 'MD5' })), {
    ok: false,
    reason: 'unsupported_algorithm',
  });
  for (const bad of [
    '',
    'not base64 !!',
    encode([1]),
    encode({ ...sol, number: -1 }),
    encode({ ...sol, signature: 'zz' }),
    'x'.repeat(5000),
  ]) {
    assert.deepEqual(
      await pow.verifySolution('acct_1', bad),
      { ok: false, reason: 'malformed' },
      bad.slice(0, 40),
    );
  }
  now += 60_001;
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: false, reason: 'expired' });
});

test('challenge: the client clock plays no part (a skewed client still verifies)', async () => {
  // The expiry is written by the server and checked by the server; the client only hashes.
  const pow = new Challenger(easy);
  const s = await solved(pow);
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: true });
});

test('challenge: ALTCHA v1 shape, standard base64 accepted too', async () => {
  const pow = new Challenger(easy);
  const s = await solved(pow);
  const std = Buffer.from(s, 'base64url').toString('base64');
  assert.deepEqual(Object.keys(parseSolution(std)!).sort(), [
    'algorithm',
    'challenge',
    'number',
    'salt',
    'signature',
  ]);
  assert.deepEqual(await pow.verifySolution('acct_1', std), { ok: true });
});

test('challenge: memory spent set expires entries', async () => {
  let now = 0;
  const store = new MemorySpentStore(() => now);
  assert.equal(await store.markSpent('a', 10), true);
  assert.equal(await store.markSpent('a', 10), false);
  now = 11;
  assert.equal(await store.markSpent('a', 10), true);
});

const prefix = `moat:test:pow:${randomUUID()}:`;
const redis = new Redis(process.env['MOAT_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
after(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

test('challenge: replay protection across replicas through Redis SET NX PX', async () => {
  const a = new Challenger({ ...easy, spent: new RedisSpentStore(redis, prefix) });
  const b = new Challenger({ ...easy, spent: new RedisSpentStore(redis, prefix) });
  const s = await solved(a);
  assert.deepEqual(await a.verifySolution('acct_1', s), { ok: true });
  assert.deepEqual(await b.verifySolution('acct_1', s), { ok: false, reason: 'replayed' });
  const ttl = await redis.pttl(`${prefix}${parseSolution(s)!.signature}`);
  assert.ok(ttl > 0 && ttl <= 301_000, `ttl ${ttl}`); // expiry is whole seconds, rounded up
});

test('challenge: Redis down falls back to the in-process spent set', async () => {
  const dead = new Redis({
    port: 1,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
  });
  dead.on('error', () => undefined);
  const errors: unknown[] = [];
  const pow = new Challenger({
    ...easy,
    spent: new RedisSpentStore(dead, prefix, (e) => errors.push(e)),
  });
  const s = await solved(pow);
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: true });
  assert.deepEqual(await pow.verifySolution('acct_1', s), { ok: false, reason: 'replayed' });
  assert.equal(errors.length, 2);
  dead.disconnect();
});

test('issue 14: a solution for request A is refused for request B (account, route and body are bound)', async () => {
  const pow = new Challenger(easy);
  const a = requestBinding('acct_1', '/v1/chat/completions', {
    model: 'm',
    messages: [{ role: 'user', content: 'A' }],
  });
  const b = requestBinding('acct_1', '/v1/chat/completions', {
    model: 'm',
    messages: [{ role: 'user', content: 'B' }],
  });
  assert.notEqual(a, b);
  assert.equal(
    a,
    requestBinding('acct_1', '/v1/chat/completions', {
      messages: [{ content: 'A', role: 'user' }],
      model: 'm',
    }),
    'key order does not matter',
  );
  assert.notEqual(
    a,
    requestBinding('acct_1', '/v1/messages', {
      model: 'm',
      messages: [{ role: 'user', content: 'A' }],
    }),
  );
  assert.notEqual(
    a,
    requestBinding('acct_2', '/v1/chat/completions', {
      model: 'm',
      messages: [{ role: 'user', content: 'A' }],
    }),
  );
  const { header } = pow.issueChallenge({ account: 'acct_1', score: 0, request: a });
  const s = (await solveChallenge(header))!;
  assert.deepEqual(await pow.verifySolution('acct_1', s, b), {
    ok: false,
    reason: 'wrong_request',
  });
  assert.deepEqual(
    await pow.verifySolution('acct_1', s),
    { ok: false, reason: 'wrong_request' },
    'nor for an unbound check',
  );
  assert.deepEqual(await pow.verifySolution('acct_1', s, a), { ok: true });
  // Rebinding the salt to B breaks the signature.
  const sol = parseSolution(s)!;
  const other = sol.salt.replace(/req=[\w-]{16}/, 'req=' + 'x'.repeat(16));
  assert.equal(pow.checkSolution('acct_1', encode({ ...sol, salt: other }), b).ok, false);
});

test('issue 14: the memory-hard scrypt puzzle (behind config): solved by the helper, bound, single use, one evaluation per challenge', async () => {
  const scrypt = { N: 1024, r: 1, p: 1, minBits: 1, maxBits: 3, prefilterBits: 3 };
  const pow = new Challenger({ secret, algorithm: 'scrypt', scrypt });
  const req = requestBinding('acct_1', '/v1/messages', { x: 1 });
  const { header, body } = pow.issueChallenge({ account: 'acct_1', score: 1, request: req });
  const c = JSON.parse(Buffer.from(header, 'base64url').toString()) as Record<string, string>;
  assert.equal(c['algorithm'], 'SCRYPT');
  assert.match(c['salt']!, /&alg=scrypt&N=1024&r=1&p=1&bits=3&pre=3$/);
  assert.equal((body['challenge'] as Record<string, unknown>)['algorithm'], 'SCRYPT');
  const s = (await solveChallenge(header))!;
  assert.ok(s);
  const sol = parseSolution(s)!;
  assert.ok(
    leadingZeroBits(
      createHash('sha256')
        .update(sol.salt + sol.number)
        .digest(),
    ) >= 3,
  );
  assert.ok(leadingZeroBits(await scryptOf(sol.salt, sol.number, scrypt)) >= 3);
  assert.deepEqual(
    await pow.verifySolution('acct_1', s, requestBinding('acct_1', '/v1/messages', { x: 2 })),
    { ok: false, reason: 'wrong_request' },
  );
  assert.deepEqual(await pow.verifySolution('acct_1', s, req), { ok: true });
  assert.deepEqual(await pow.verifySolution('acct_1', s, req), { ok: false, reason: 'replayed' });
  // A candidate that passes the cheap prefilter but not scrypt burns its challenge: one evaluation each.
  const fresh = JSON.parse(
    Buffer.from(
      pow.issueChallenge({ account: 'acct_1', score: 1, request: req }).header,
      'base64url',
    ).toString(),
  ) as { salt: string; challenge: string; signature: string };
  let n = 0;
  for (; ; n++) {
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(fresh.salt + n)
          .digest(),
      ) < 3
    )
      continue;
    if (leadingZeroBits(await scryptOf(fresh.salt, n, scrypt)) < 3) break;
  }
  const bogus = encode({
    algorithm: 'SCRYPT',
    challenge: fresh.challenge,
    number: n,
    salt: fresh.salt,
    signature: fresh.signature,
  });
  assert.deepEqual(await pow.verifySolution('acct_1', bogus, req), {
    ok: false,
    reason: 'wrong_solution',
  });
  assert.deepEqual(await pow.verifySolution('acct_1', bogus, req), {
    ok: false,
    reason: 'replayed',
  });
  // A SHA-256 server does not take scrypt solutions, and the helper refuses puzzles above its bound.
  assert.deepEqual(await new Challenger(easy).verifySolution('acct_1', s, req), {
    ok: false,
    reason: 'unsupported_algorithm',
  });
  assert.equal(await solveChallenge(header, undefined, 4), null);
});

test('issue 14: scrypt verifications in flight are capped (busy), so bogus candidates cannot queue server work', async () => {
  const scrypt = { N: 1024, r: 1, p: 1, minBits: 0, maxBits: 0, prefilterBits: 0, maxInFlight: 1 };
  const pow = new Challenger({ secret, algorithm: 'scrypt', scrypt });
  const sols = await Promise.all(
    [0, 1, 2].map(
      async () => (await solveChallenge(pow.issueChallenge({ account: 'a', score: 0 }).header))!,
    ),
  );
  const results = await Promise.all(sols.map((s) => pow.verifySolution('a', s)));
  assert.deepEqual(results.map((r) => (r.ok ? 'ok' : r.reason)).sort(), ['busy', 'busy', 'ok']);
  assert.deepEqual(
    await pow.verifySolution('a', sols[1]!),
    { ok: true },
    'a busy answer does not spend the solution',
  );
});
