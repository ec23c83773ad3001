/**
 * The Redis limiter: one Lua script per decision (EVALSHA, falling back to EVAL on
 * NOSCRIPT), Redis server time, and hash-tagged keys (`prefix{tag}:key`) so every key
 * of a decision lives in one Redis Cluster slot; one hash per limit key holds its four dimensions. When Redis is unreachable or slow the
 * configured fail mode decides, with a (rate-limited) log line and a metric; the limiter
 * never throws on the hot path and never waits longer than `timeoutMs`.
 */
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type {
  AdmitRequest,
  Decision,
  Dimension,
  Limiter,
  LimitKey,
  Reservation,
} from '../limiter.js';
import { DIMENSIONS } from '../limiter.js';
import { admitChecks, buildDecision } from '../checks.js';
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
  /**
   * Hold settlements and send them in the same pipeline as the next admission (or after
   * `deferSettleMs` when none comes), so a request costs one Redis round trip, not two.
   * Needs a client with `enableAutoPipelining` (createLimiterRedis sets it). Default off.
   */
  deferSettleMs?: number;
}

const ADMIT_SHA = scriptSha(ADMIT_LUA);
const SETTLE_SHA = scriptSha(SETTLE_LUA);
const LOG_EVERY_MS = 10_000;
const PERIOD_MS = 60_000;

function ruleOf(k: LimitKey, dim: Dimension): number | undefined {
  const r = k.rules;
  return dim === 'requests'
    ? r.requestsPerMinute
    : dim === 'tokens'
      ? r.tokensPerMinute
      : dim === 'tokensPerDay'
        ? r.tokensPerDay
        : r.tokensPerMonth;
}

/** Four limits per key, 0 for "none", in DIMENSIONS order. */
function pushLimits(args: Array<string | number>, keys: readonly LimitKey[]): void {
  for (const k of keys) for (const dim of DIMENSIONS) args.push(ruleOf(k, dim) ?? 0);
}

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
  private readonly deferMs: number;
  private pending: Array<{ keys: string[]; args: Array<string | number> }> = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(opts: RedisLimiterOptions) {
    this.deferMs = opts.deferSettleMs ?? 0;
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
    const args: Array<string | number> = [
      req.now === undefined ? '' : req.now,
      req.requests ?? 1,
      req.tokens,
      PERIOD_MS,
      req.quotaTokens ?? req.tokens,
    ];
    pushLimits(args, req.keys);
    // Held settlements go first, issued in the same tick: one pipelined round trip.
    this.flushSettlements();
    let raw: unknown;
    try {
      raw = await this.run(ADMIT_SHA, ADMIT_LUA, this.keysOf(req.tag, req.keys), args);
    } catch (err) {
      return this.failed('admit', err);
    }
    const out = raw as number[];
    // The script answers for all four dimensions of every key; keep those that are limited,
    // in the order admitChecks listed them (key by key, DIMENSIONS order).
    const results: CheckResult[] = [];
    req.keys.forEach((k, ki) => {
      DIMENSIONS.forEach((dim, di) => {
        if (ruleOf(k, dim) === undefined) return;
        const o = 4 + (ki * 4 + di) * 4;
        results.push({
          allowed: out[o] === 1,
          remaining: out[o + 1] ?? 0,
          resetMs: out[o + 2] ?? 0,
          retryAfterMs: out[o + 3] ?? 0,
        });
      });
    });
    return buildDecision(req, checks, results, { day: out[2] ?? 0, month: out[3] ?? 0 });
  }

  /** @inheritdoc */
  async settle(res: Reservation | null, actualTokens: number, now?: number): Promise<void> {
    if (!res) return;
    const delta = Math.ceil(actualTokens) - res.tokens;
    const quotaDelta = Math.ceil(actualTokens) - (res.quotaTokens ?? res.tokens);
    if (
      (delta === 0 && quotaDelta === 0) ||
      !Number.isFinite(delta) ||
      !Number.isFinite(quotaDelta) ||
      res.keys.length === 0
    )
      return;
    const args: Array<string | number> = [
      now === undefined ? '' : now,
      res.dayWindow,
      res.monthWindow,
      delta,
      PERIOD_MS,
      quotaDelta,
    ];
    pushLimits(args, res.keys);
    const keys = this.keysOf(res.tag, res.keys);
    if (this.deferMs > 0) {
      this.pending.push({ keys, args });
      this.flushTimer ??= setTimeout(() => this.flushSettlements(), this.deferMs).unref();
      return;
    }
    try {
      await this.run(SETTLE_SHA, SETTLE_LUA, keys, args);
    } catch (err) {
      this.count('settle', err);
    }
  }

  /** Send every held settlement now (without waiting for the answers). */
  private flushSettlements(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    for (const p of batch)
      this.run(SETTLE_SHA, SETTLE_LUA, p.keys, p.args).catch((err: unknown) =>
        this.count('settle', err),
      );
  }

  /** Closes the client this limiter was given. */
  async close(): Promise<void> {
    this.flushSettlements();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private keysOf(tag: string, keys: readonly LimitKey[]): string[] {
    return keys.map((k) => `${this.prefix}{${tag}}:${k.name}`);
  }

  /** EVALSHA, and EVAL when the server has not cached the script yet; bounded by timeoutMs. */
  private run(
    sha: string,
    script: string,
    keys: string[],
    args: Array<string | number>,
  ): Promise<unknown> {
    const call = this.redis.evalsha(sha, keys.length, ...keys, ...args).catch((err: unknown) => {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) {
        return this.redis.eval(script, keys.length, ...keys, ...args);
      }
      throw err;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`limiter: Redis did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
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
      {
        op,
        failMode: this.failMode,
        err: err instanceof Error ? err.message : String(err),
        suppressed: this.suppressed,
      },
      `limiter: Redis unavailable, failing ${this.failMode}`,
    );
    this.lastLog = now;
    this.suppressed = 0;
  }
}
