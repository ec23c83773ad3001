/**
 * Limiter and proof-of-work microbenchmark (issue 4). Not a test: prints numbers and
 * ratios against a baseline measured in the same run.
 *   npx tsx bench/limits.ts [--redis redis://127.0.0.1:6379] [--solves 5] [--quick]
 * - memory: µs per decision (two keys: account + API key, four dimensions)
 * - redis: µs per sequential decision vs a plain PING round trip, and decisions/s with 64 in flight
 * - challenge: µs per verification (crypto only, and with the replay set), and the median
 *   client solve time per difficulty level
 */
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { MemoryLimiter } from '../src/limits/memory/memory.js';
import { RedisLimiter } from '../src/limits/redis/redis.js';
import { limitsConfigSchema } from '../src/limits/config.js';
import { limitKeysFor } from '../src/limits/policy.js';
import { Challenger } from '../src/respond/challenge.js';
import { solveChallenge } from '../src/respond/client.js';
import { respondConfigSchema } from '../src/respond/config.js';

const argv = process.argv.slice(2);
const arg = (name: string, def: string): string => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : def;
};
const quick = argv.includes('--quick');
const REDIS_URL = arg('--redis', process.env['MOAT_REDIS_URL'] ?? 'redis://127.0.0.1:6379');
const SOLVES = Number(arg('--solves', quick ? '3' : '5'));

const cfg = limitsConfigSchema.parse({
  tiers: {
    bench: {
      requestsPerMinute: 1e9,
      tokensPerMinute: 1e12,
      tokensPerDay: 1e12,
      tokensPerMonth: 1e12,
    },
  },
});
const subject = (i: number) =>
  limitKeysFor(cfg, {
    account: `acct_${i % 1000}`,
    keyId: `k${i % 1000}`,
    keyRules: { requestsPerMinute: 1e9 },
    tier: 'bench',
  });

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function memoryBench(): void {
  const l = new MemoryLimiter();
  const n = quick ? 50_000 : 200_000;
  const subjects = Array.from({ length: 1000 }, (_, i) => subject(i));
  for (let i = 0; i < 10_000; i++) l.admitSync({ ...subjects[i % 1000]!, tokens: 500 });
  const t0 = performance.now();
  for (let i = 0; i < n; i++) l.admitSync({ ...subjects[i % 1000]!, tokens: 500 });
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(
    `memory   decision            ${us.toFixed(2)} µs   (${Math.round(1e6 / us).toLocaleString()} decisions/s, 1 core)`,
  );
}

async function redisBench(): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
  try {
    await redis.ping();
  } catch {
    console.log(`redis    skipped: ${REDIS_URL} unreachable`);
    redis.disconnect();
    return;
  }
  const prefix = `moat:bench:${process.pid}:`;
  const l = new RedisLimiter({ redis, prefix, timeoutMs: 5000 });
  const n = quick ? 2000 : 10_000;
  const subjects = Array.from({ length: 1000 }, (_, i) => subject(i));
  for (let i = 0; i < 500; i++) await l.admit({ ...subjects[i % 1000]!, tokens: 500 });
  let t0 = performance.now();
  for (let i = 0; i < n; i++) await redis.ping();
  const ping = ((performance.now() - t0) * 1000) / n;
  t0 = performance.now();
  for (let i = 0; i < n; i++) await l.admit({ ...subjects[i % 1000]!, tokens: 500 });
  const dec = ((performance.now() - t0) * 1000) / n;
  t0 = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < n) await l.admit({ ...subjects[next++ % 1000]!, tokens: 500 });
  };
  await Promise.all(Array.from({ length: 64 }, worker));
  const conc = n / ((performance.now() - t0) / 1000);
  console.log(`redis    PING round trip     ${ping.toFixed(1)} µs   (baseline)`);
  console.log(
    `redis    decision            ${dec.toFixed(1)} µs   (${(dec / ping).toFixed(2)}× PING; one EVALSHA per decision)`,
  );
  console.log(`redis    64 in flight        ${Math.round(conc).toLocaleString()} decisions/s`);
  let cursor = '0';
  do {
    const [c, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = c;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

async function challengeBench(): Promise<void> {
  const c = respondConfigSchema.parse({}).challenge;
  const pow = new Challenger({
    secret: 'bench-secret-bench-secret-bench-secret',
    minDifficulty: 1000,
    maxDifficulty: 1000,
  });
  const solutions: string[] = [];
  for (let i = 0; i < 200; i++)
    solutions.push(
      (await solveChallenge(pow.issueChallenge({ account: 'acct_1', score: 0 }).header))!,
    );
  const n = quick ? 20_000 : 100_000;
  let t0 = performance.now();
  for (let i = 0; i < n; i++) pow.checkSolution('acct_1', solutions[i % 200]!);
  const check = ((performance.now() - t0) * 1000) / n;
  t0 = performance.now();
  for (const s of solutions) await pow.verifySolution('acct_1', s);
  const verify = ((performance.now() - t0) * 1000) / solutions.length;
  console.log(`pow      verify (crypto)     ${check.toFixed(2)} µs`);
  console.log(`pow      verify + replay set ${verify.toFixed(2)} µs   (memory spent set)`);
  const real = new Challenger({
    secret: 'bench-secret-bench-secret-bench-secret',
    minDifficulty: c.minDifficulty,
    maxDifficulty: c.maxDifficulty,
  });
  console.log(
    `pow      client solve time, median of ${SOLVES} (default config: ${c.minDifficulty.toLocaleString()}…${c.maxDifficulty.toLocaleString()})`,
  );
  console.log('         score  maxnumber   median ms');
  for (const score of [0, 0.25, 0.5, 0.75, 1]) {
    const times: number[] = [];
    for (let i = 0; i < SOLVES; i++) {
      const { header } = real.issueChallenge({ account: 'acct_1', score });
      const t = performance.now();
      await solveChallenge(header);
      times.push(performance.now() - t);
    }
    console.log(
      `         ${score.toFixed(2)}   ${String(real.difficulty(score)).padStart(9)}   ${median(times).toFixed(0).padStart(9)}`,
    );
  }
}

console.log(`node ${process.version}, ${new Date().toISOString()}`);
memoryBench();
await redisBench();
await challengeBench();
