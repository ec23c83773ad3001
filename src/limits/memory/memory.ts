/**
 * The in-process limiter (the default backend): a Map of GCRA TATs and quota windows.
 * Decisions are synchronous underneath, so a multi-key decision is trivially atomic.
 */
import type { AdmitRequest, Decision, Dimension, Limiter, Reservation } from '../limiter.js';
import { admitChecks, buildDecision, planChecks, type Check } from '../checks.js';
import type { CheckResult } from '../gcra.js';
import { gcraAdmit, gcraSettle, quotaAdmit } from '../gcra.js';
import { dayWindow, monthWindow } from '../calendar.js';

/** One dimension of one key: a GCRA TAT (`w` unused) or a quota window `w` with usage `v`. */
interface Slot {
  v: number;
  w: number;
}

const SLOT: Record<Dimension, number> = {
  requests: 0,
  tokens: 1,
  tokensPerDay: 2,
  tokensPerMonth: 3,
};

/** Per tag (account), per key name, four slots. Nested maps hash the caller's strings, never a concatenation. */
type TagState = Map<string, Array<Slot | undefined>>;

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
  private readonly state = new Map<string, TagState>();
  private readonly clock: () => number;
  private readonly sweepBase: number;
  private sweepAbove: number;
  private monthCache = { day: -1, id: 0, endMs: 0 };

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
    const month = this.month(now, day.id);
    const tag = this.state.get(req.tag);
    const results: CheckResult[] = [];
    const values: Array<number | null> = [];
    for (const c of checks) {
      const slot = tag?.get(c.key)?.[SLOT[c.dimension]];
      if (c.kind === 'g') {
        const { newTat, result } = gcraAdmit(slot?.v, now, c.cost, c.limit, c.periodMs);
        results.push(result);
        values.push(newTat);
      } else {
        const win = c.kind === 'd' ? day : month;
        const { newUsed, result } = quotaAdmit(
          slot && slot.w === win.id ? slot.v : 0,
          c.cost,
          c.limit,
          win.endMs - now,
        );
        results.push(result);
        values.push(newUsed);
      }
    }
    const decision = buildDecision(req, checks, results, { day: day.id, month: month.id });
    if (decision.allowed) {
      for (let i = 0; i < checks.length; i++) {
        const c = checks[i] as Check;
        const w = c.kind === 'g' ? 0 : c.kind === 'd' ? day.id : month.id;
        this.write(req.tag, c, values[i] as number, w);
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
    const quotaDelta = Math.ceil(actualTokens) - (res.quotaTokens ?? res.tokens);
    if (
      (delta === 0 && quotaDelta === 0) ||
      !Number.isFinite(delta) ||
      !Number.isFinite(quotaDelta)
    )
      return;
    const tag = this.state.get(res.tag);
    for (const c of planChecks(res.keys, 0, 0, true)) {
      const slots = tag?.get(c.key);
      const slot = slots?.[SLOT[c.dimension]];
      if (c.kind === 'g') {
        if (delta === 0) continue;
        const next = gcraSettle(slot?.v, now, delta, c.limit, c.periodMs);
        if (next === null && slots) slots[SLOT[c.dimension]] = undefined;
        else if (next !== undefined && next !== null) this.write(res.tag, c, next, 0);
      } else if (slot && slot.w === (c.kind === 'd' ? res.dayWindow : res.monthWindow)) {
        slot.v = Math.max(0, slot.v + quotaDelta);
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
    this.state.clear();
    return Promise.resolve();
  }

  /** Number of tags (accounts) holding state (for tests and metrics). */
  get size(): number {
    return this.state.size;
  }

  private write(tagName: string, c: Check, v: number, w: number): void {
    let tag = this.state.get(tagName);
    if (!tag) this.state.set(tagName, (tag = new Map()));
    let slots = tag.get(c.key);
    if (!slots) tag.set(c.key, (slots = [undefined, undefined, undefined, undefined]));
    const i = SLOT[c.dimension];
    const slot = slots[i];
    if (slot) {
      slot.v = v;
      slot.w = w;
    } else slots[i] = { v, w };
  }

  /** The month window, recomputed only when the day changes. */
  private month(now: number, day: number): { id: number; endMs: number } {
    if (this.monthCache.day !== day) this.monthCache = { day, ...monthWindow(now) };
    return this.monthCache;
  }

  /** Drops TATs in the past and quota windows that have ended: both equal an absent key. */
  private maybeSweep(now: number): void {
    if (this.state.size <= this.sweepAbove) return;
    const day = dayWindow(now).id;
    const month = this.month(now, day).id;
    const live = [
      (s: Slot) => s.v > now,
      (s: Slot) => s.v > now,
      (s: Slot) => s.w >= day,
      (s: Slot) => s.w >= month,
    ];
    for (const [tagName, tag] of this.state) {
      for (const [name, slots] of tag) {
        let any = false;
        slots.forEach((s, i) => {
          if (s && (live[i] as (s: Slot) => boolean)(s)) any = true;
          else slots[i] = undefined;
        });
        if (!any) tag.delete(name);
      }
      if (tag.size === 0) this.state.delete(tagName);
    }
    // Grow the threshold when live accounts are many, so sweeps stay amortised O(1).
    this.sweepAbove = Math.max(this.sweepBase, this.state.size * 2);
  }
}
