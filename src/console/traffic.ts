import type { Store } from '../store/store.js';
import {
  levelRank,
  LEVELS,
  type Level,
  type TelemetryEvent,
  type Verdict,
} from '../telemetry/event.js';

/** One minute of traffic. */
export interface TrafficBucket {
  /** Start of the minute, epoch ms. */
  t: number;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  /** Requests per action taken (allow, throttle, degrade, rate_limited…). */
  actions: Record<string, number>;
}

const MINUTE = 60_000;

/**
 * Requests, tokens and actions per minute over the last `keepMinutes`, and each account's
 * running totals, fed from the telemetry bus (off the request path). With the NATS bus and
 * several replicas, each replica sees the share of events its consumer receives.
 */
export class TrafficRecorder {
  private readonly buckets = new Map<number, TrafficBucket>();
  private readonly totals = new Map<string, { requests: number; tokens: number; last: number }>();

  constructor(
    private readonly keepMinutes = 24 * 60,
    private readonly maxAccounts = 200_000,
  ) {}

  add(batch: readonly TelemetryEvent[]): void {
    for (const e of batch) {
      const t = Math.floor(e.ts / MINUTE) * MINUTE;
      let b = this.buckets.get(t);
      if (!b) {
        b = { t, requests: 0, inputTokens: 0, outputTokens: 0, actions: {} };
        this.buckets.set(t, b);
        this.prune(t);
      }
      const inTok = e.response?.inputTokens ?? 0;
      const outTok = e.response?.outputTokens ?? 0;
      b.requests++;
      b.inputTokens += inTok;
      b.outputTokens += outTok;
      b.actions[e.action] = (b.actions[e.action] ?? 0) + 1;
      let a = this.totals.get(e.account);
      if (!a) {
        if (this.totals.size >= this.maxAccounts) continue;
        this.totals.set(e.account, (a = { requests: 0, tokens: 0, last: 0 }));
      }
      a.requests++;
      a.tokens += inTok + outTok;
      a.last = Math.max(a.last, e.ts);
    }
  }

  private prune(newest: number): void {
    const oldest = newest - this.keepMinutes * MINUTE;
    for (const t of this.buckets.keys()) if (t < oldest) this.buckets.delete(t);
  }

  /** Minutes from `since` to now, oldest first; minutes without traffic are zeros. */
  series(since: number, now = Date.now()): TrafficBucket[] {
    const out: TrafficBucket[] = [];
    for (let t = Math.floor(since / MINUTE) * MINUTE; t <= now; t += MINUTE) {
      out.push(
        this.buckets.get(t) ?? { t, requests: 0, inputTokens: 0, outputTokens: 0, actions: {} },
      );
    }
    return out;
  }

  /** An account's totals since the recorder started (or was backfilled). */
  volume(account: string): { requests: number; tokens: number; last: number | null } {
    const a = this.totals.get(account);
    return a ? { ...a } : { requests: 0, tokens: 0, last: null };
  }

  /** Seed from the store's events in [since, until) (at start, until = start: the bus brings the rest), at most `limit`. */
  async backfill(store: Store, since: number, until: number, limit = 100_000): Promise<void> {
    const batch: TelemetryEvent[] = [];
    for await (const e of store.events({ since, until, limit })) {
      batch.push(e);
      if (batch.length === 1000) this.add(batch.splice(0));
    }
    this.add(batch);
  }
}

/** One point of an account's risk over time: [epoch ms, score, level index]. */
export type RiskPoint = [number, number, number];

/** A past point of an account's risk, as read back from storage. */
export interface RiskSample {
  account: string;
  ts: number;
  score: number;
  level: Level;
}

/**
 * Each account's recent verdicts, for the console's risk timeline: a point when the score
 * moved by at least `minStep` or the level changed, at most `perAccount` points each.
 * Live verdicts come through `add`; what storage kept (the audit log's level changes, the
 * verdicts in force) is merged in by time through `seed` at start (risk-history.ts).
 */
export class VerdictHistory {
  private readonly points = new Map<string, RiskPoint[]>();

  constructor(
    private readonly perAccount = 240,
    private readonly maxAccounts = 100_000,
    private readonly minStep = 0.005,
  ) {}

  add(verdicts: readonly Verdict[]): void {
    for (const v of verdicts) {
      let list = this.points.get(v.account);
      if (!list) {
        if (this.points.size >= this.maxAccounts) continue;
        this.points.set(v.account, (list = []));
      }
      const level = levelRank(v.level);
      const last = list[list.length - 1];
      if (last && Math.abs(last[1] - v.score) < this.minStep && last[2] === level) continue;
      list.push([v.updatedAt, v.score, level]);
      if (list.length > this.perAccount) list.shift();
    }
  }

  /**
   * Merge older points in time order with what `add` collected meanwhile; a point that
   * repeats the one before it (same level, score within `minStep`) is dropped, and only the
   * newest `perAccount` are kept.
   */
  seed(samples: Iterable<RiskSample>): void {
    const by = new Map<string, RiskPoint[]>();
    for (const p of samples) {
      const list = by.get(p.account) ?? by.set(p.account, []).get(p.account)!;
      list.push([p.ts, p.score, levelRank(p.level)]);
    }
    for (const [account, older] of by) {
      const live = this.points.get(account);
      if (!live && this.points.size >= this.maxAccounts) continue;
      const merged = [...older, ...(live ?? [])].sort((a, b) => a[0] - b[0]);
      const kept: RiskPoint[] = [];
      for (const q of merged) {
        const last = kept[kept.length - 1];
        if (last && Math.abs(last[1] - q[1]) < this.minStep && last[2] === q[2]) continue;
        kept.push(q);
      }
      this.points.set(account, kept.slice(-this.perAccount));
    }
  }

  of(account: string): Array<{ ts: number; score: number; level: Level }> {
    return (this.points.get(account) ?? []).map(([ts, score, l]) => ({
      ts,
      score,
      level: LEVELS[l] ?? 'allow',
    }));
  }
}
