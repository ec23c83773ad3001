import type { SlaObjective } from './schema.js';

/** One tier's measured service level against its objective. */
export interface SlaTierReport {
  tier: string;
  objective: SlaObjective | null;
  requests: number;
  failures: number;
  availabilityPercent: number;
  /** Over the most recent `window` observations. */
  p99LatencyMs: number | null;
  meetsLatency: boolean | null;
  meetsAvailability: boolean | null;
}

interface TierStats {
  requests: number;
  failures: number;
  ring: Float64Array;
  next: number;
  filled: number;
}

/**
 * Measures latency and availability per tier and reports them against the policy's
 * objectives. Availability counts every observation since start (or reset); the p99 is
 * exact over a ring of the latest `window` latencies per tier (nearest-rank method).
 */
export class SlaTracker {
  private readonly tiers = new Map<string, TierStats>();

  constructor(
    private readonly objectives: () => Record<string, { sla?: SlaObjective | undefined }>,
    private readonly window = 10_000,
  ) {}

  /** Record one request: its tier, latency and whether it succeeded (not a 5xx from us or upstream). */
  observe(tier: string, latencyMs: number, ok: boolean): void {
    let s = this.tiers.get(tier);
    if (!s)
      this.tiers.set(
        tier,
        (s = { requests: 0, failures: 0, ring: new Float64Array(this.window), next: 0, filled: 0 }),
      );
    s.requests++;
    if (!ok) s.failures++;
    s.ring[s.next] = latencyMs;
    s.next = (s.next + 1) % this.window;
    s.filled = Math.min(this.window, s.filled + 1);
  }

  /** Forget everything (e.g. at the start of a reporting period). */
  reset(): void {
    this.tiers.clear();
  }

  /** Every tier with an objective or an observation. */
  report(): SlaTierReport[] {
    const obj = this.objectives();
    const names = new Set([...Object.keys(obj).filter((t) => obj[t]?.sla), ...this.tiers.keys()]);
    return [...names].sort().map((tier) => {
      const s = this.tiers.get(tier);
      const objective = obj[tier]?.sla ?? null;
      const requests = s?.requests ?? 0;
      const failures = s?.failures ?? 0;
      const availabilityPercent = requests ? (100 * (requests - failures)) / requests : 100;
      let p99: number | null = null;
      if (s && s.filled > 0) {
        const sorted = Array.from(s.ring.subarray(0, s.filled)).sort((a, b) => a - b);
        p99 = sorted[Math.ceil(0.99 * sorted.length) - 1]!;
      }
      return {
        tier,
        objective,
        requests,
        failures,
        availabilityPercent,
        p99LatencyMs: p99,
        meetsLatency: objective && p99 !== null ? p99 <= objective.p99LatencyMs : null,
        meetsAvailability:
          objective && requests ? availabilityPercent >= objective.availabilityPercent : null,
      };
    });
  }
}
