/**
 * The in-process limiter (the default backend): a Map of GCRA TATs and quota windows.
 * Decisions are synchronous underneath, so a multi-key decision is trivially atomic.
 */
import type { AdmitRequest, Decision, Limiter, Reservation } from '../limiter.js';
import { admitChecks, buildDecision, planChecks, type Check } from '../checks.js';
import type { CheckResult } from '../gcra.js';
import { gcraAdmit, gcraSettle, quotaAdmit } from '../gcra.js';
import { dayWindow, monthWindow } from '../calendar.js';

interface Quota {
  w: number;
  u: number;
}

/** Options of the memory limiter. */
export interface MemoryLimiterOptions {
  /** Clock for decisions without an explicit `now`; default Date.now. */
  clock?: () => number;
  /** Sweep stale entries when the map grows past this many entries; default 100,000. */
  sweepAbove?: number;
}

/**
 * In-process limiter.
 * @example
 * const limiter = new MemoryLimiter();
 * const d = await limiter.admit({ tag: 'acct_1', keys: [{ name: 'acct', rules: { requestsPerMinute: 60 } }], tokens: 0 });
 */
export class MemoryLimiter implements Limiter {
  private readonly tats = new Map<string, number>();
  private readonly quotas = new Map<string, Quota>();
  private readonly clock: () => number;
  private readonly sweepBase: number;
  private sweepAbove: number;

  constructor(opts: MemoryLimiterOptions = {}) {
    this.clock = opts.clock ?? Date.now;
    this.sweepBase = opts.sweepAbove ?? 100_000;
    this.sweepAbove = this.sweepBase;
  }

  /** Synchronous admit, for callers on the hot path that want to skip the Promise. */
  admitSync(req: AdmitRequest): Decision {
    const now = req.now ?? this.clock();
    const checks = admitChecks(req);
    const day = dayWindow(now);
    const month = monthWindow(now);
    const results: CheckResult[] = [];
    const ids: string[] = [];
    const values: Array<number | null> = [];
    for (const c of checks) {
      const id = `{${req.tag}}:${c.key}:${c.dimension}`;
      ids.push(id);
      if (c.kind === 'g') {
        const { newTat, result } = gcraAdmit(this.tats.get(id), now, c.cost, c.limit, c.periodMs);
        results.push(result);
        values.push(newTat);
      } else {
        const win = c.kind === 'd' ? day : month;
        const q = this.quotas.get(id);
        const { newUsed, result } = quotaAdmit(q && q.w === win.id ? q.u : 0, c.cost, c.limit, win.endMs - now);
        results.push(result);
        values.push(newUsed);
      }
    }
    const decision = buildDecision(req, checks, results, { day: day.id, month: month.id });
    if (decision.allowed) {
      for (let i = 0; i < checks.length; i++) {
        const c = checks[i] as Check;
        const v = values[i] as number;
        if (c.kind === 'g') this.tats.set(ids[i] as string, v);
        else this.quotas.set(ids[i] as string, { w: c.kind === 'd' ? day.id : month.id, u: v });
      }
    }
    this.maybeSweep(now);
    return decision;
  }

  /** @inheritdoc */
  admit(req: AdmitRequest): Promise<Decision> {
    try {
      return Promise.resolve(this.admitSync(req));
    } catch (err) {
      return Promise.reject(err as Error);
    }
  }

  /** Synchronous settle; see `Limiter.settle`. */
  settleSync(res: Reservation | null, actualTokens: number, now = this.clock()): void {
    if (!res) return;
    const delta = Math.ceil(actualTokens) - res.tokens;
    if (delta === 0 || !Number.isFinite(delta)) return;
    for (const c of planChecks(res.keys, 0, 0, true)) {
      const id = `{${res.tag}}:${c.key}:${c.dimension}`;
      if (c.kind === 'g') {
        const next = gcraSettle(this.tats.get(id), now, delta, c.limit, c.periodMs);
        if (next === null) this.tats.delete(id);
        else if (next !== undefined) this.tats.set(id, next);
      } else {
        const q = this.quotas.get(id);
        const w = c.kind === 'd' ? res.dayWindow : res.monthWindow;
        if (q && q.w === w) q.u = Math.max(0, q.u + delta);
      }
    }
  }

  /** @inheritdoc */
  settle(res: Reservation | null, actualTokens: number, now?: number): Promise<void> {
    this.settleSync(res, actualTokens, now);
    return Promise.resolve();
  }

  /** @inheritdoc */
  close(): Promise<void> {
    this.tats.clear();
    this.quotas.clear();
    return Promise.resolve();
  }

  /** Number of stored entries (for tests and metrics). */
  get size(): number {
    return this.tats.size + this.quotas.size;
  }

  /** Drops TATs in the past and quota windows that have ended: both equal an absent key. */
  private maybeSweep(now: number): void {
    if (this.size <= this.sweepAbove) return;
    for (const [k, tat] of this.tats) if (tat <= now) this.tats.delete(k);
    const day = dayWindow(now).id;
    const month = monthWindow(now).id;
    for (const [k, q] of this.quotas) if (q.w < (k.endsWith(':tokensPerDay') ? day : month)) this.quotas.delete(k);
    // Grow the threshold when live entries are many, so sweeps stay amortised O(1).
    this.sweepAbove = Math.max(this.sweepBase, this.size * 2);
  }
}
