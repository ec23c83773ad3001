/**
 * The Redis limiter: one Lua script per decision (EVALSHA, falling back to EVAL on
 * NOSCRIPT), Redis server time, and hash-tagged keys (`prefix{tag}:key:dim`) so every key
 * of a decision lives in one Redis Cluster slot. When Redis is unreachable or slow the
 * configured fail mode decides, with a (rate-limited) log line and a metric; the limiter
 * never throws on the hot path and never waits longer than `timeoutMs`.
 */
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { AdmitRequest, Decision, Limiter, Reservation } from '../limiter.js';
import { admitChecks, buildDecision, planChecks, type Check } from '../checks.js';
import type { CheckResult } from '../gcra.js';
import { ADMIT_LUA, SETTLE_LUA, scriptSha } from './script.js';
import { failureCounter, type FailureCounter } from './metrics.js';

/** What to do when Redis cannot answer: admit everything, or refuse everything (503). */
export type FailMode = 'open' | 'closed';

/** A pino-compatible logger subset. */
export interface LimiterLogger {
  warn(obj: object, msg: string): void;
}

/** Options of the Redis limiter. */
export interface RedisLimiterOptions {
  /** A connected ioredis client (see `createLimiterRedis` for safe options). */
  redis: Redis;
  /** Key prefix; default `moat:rl:`. */
  prefix?: string;
  /** Default `open`. */
  failMode?: FailMode;
  /** Longest wait for one script before the fail mode decides; default 100 ms. */
  timeoutMs?: number;
  logger?: LimiterLogger;
  /** Registry for `moat_limiter_failures_total{op,mode}`. */
  registry?: Registry;
}

const ADMIT_SHA = scriptSha(ADMIT_LUA);
const SETTLE_SHA = scriptSha(SETTLE_LUA);
const LOG_EVERY_MS = 10_000;

/**
 * Limiter shared by every replica through Redis.
 * @example
 * const limiter = new RedisLimiter({ redis: createLimiterRedis(url), failMode: 'open', registry });
 */
export class RedisLimiter implements Limiter {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly failMode: FailMode;
  private readonly timeoutMs: number;
  private readonly logger: LimiterLogger | undefined;
  private readonly failures: FailureCounter | undefined;
  private lastLog = 0;
  private suppressed = 0;

  constructor(opts: RedisLimiterOptions) {
    this.redis = opts.redis;
    this.prefix = opts.prefix ?? 'moat:rl:';
    this.failMode = opts.failMode ?? 'open';
    this.timeoutMs = opts.timeoutMs ?? 100;
    this.logger = opts.logger;
    this.failures = opts.registry ? failureCounter(opts.registry) : undefined;
  }

  /** @inheritdoc */
  async admit(req: AdmitRequest): Promise<Decision> {
    const checks = admitChecks(req);
    const args: Array<string | number> = [req.now === undefined ? '' : req.now];
    for (const c of checks) args.push(c.kind, c.limit, c.cost, c.periodMs);
    let raw: unknown;
    try {
      raw = await this.run(ADMIT_SHA, ADMIT_LUA, this.keysOf(req.tag, checks), args);
    } catch (err) {
      return this.failed('admit', err);
    }
    const out = raw as number[];
    const results: CheckResult[] = checks.map((_, i) => ({
      allowed: out[4 + i * 4] === 1,
      remaining: out[5 + i * 4] ?? 0,
      resetMs: out[6 + i * 4] ?? 0,
      retryAfterMs: out[7 + i * 4] ?? 0,
    }));
    return buildDecision(req, checks, results, { day: out[2] ?? 0, month: out[3] ?? 0 });
  }

  /** @inheritdoc */
  async settle(res: Reservation | null, actualTokens: number, now?: number): Promise<void> {
    if (!res) return;
    const delta = Math.ceil(actualTokens) - res.tokens;
    if (delta === 0 || !Number.isFinite(delta)) return;
    const checks = planChecks(res.keys, 0, 0, true);
    if (checks.length === 0) return;
    const args: Array<string | number> = [now === undefined ? '' : now, res.dayWindow, res.monthWindow, delta];
    for (const c of checks) args.push(c.kind, c.limit, c.periodMs);
    try {
      await this.run(SETTLE_SHA, SETTLE_LUA, this.keysOf(res.tag, checks), args);
    } catch (err) {
      this.count('settle', err);
    }
  }

  /** Closes the client this limiter was given. */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private keysOf(tag: string, checks: readonly Check[]): string[] {
    return checks.map((c) => `${this.prefix}{${tag}}:${c.key}:${c.dimension}`);
  }

  /** EVALSHA, and EVAL when the server has not cached the script yet; bounded by timeoutMs. */
  private run(sha: string, script: string, keys: string[], args: Array<string | number>): Promise<unknown> {
    const call = this.redis.evalsha(sha, keys.length, ...keys, ...args).catch((err: unknown) => {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return this.redis.eval(script, keys.length, ...keys, ...args);
      }
      throw err;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`limiter: Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }

  private failed(op: string, err: unknown): Decision {
    this.count(op, err);
    const open = this.failMode === 'open';
    return {
      allowed: open,
      retryAfterMs: open ? 0 : 1000,
      dimension: null,
      key: null,
      limit: 0,
      remaining: 0,
      resetMs: 0,
      dimensions: {},
      exceedsLimit: false,
      reservation: null,
      failMode: this.failMode,
    };
  }

  private count(op: string, err: unknown): void {
    this.failures?.inc({ op, mode: this.failMode });
    const now = Date.now();
    if (now - this.lastLog < LOG_EVERY_MS) {
      this.suppressed++;
      return;
    }
    this.logger?.warn(
      { op, failMode: this.failMode, err: err instanceof Error ? err.message : String(err), suppressed: this.suppressed },
      `limiter: Redis unavailable, failing ${this.failMode}`,
    );
    this.lastLog = now;
    this.suppressed = 0;
  }
}
