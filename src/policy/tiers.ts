import type { Level } from '../telemetry/event.js';
import type { Policy, SlaObjective } from './schema.js';

/** Largest token reservation of one request when a tier does not say (the limits module's default). */
export const DEFAULT_MAX_RESERVE_TOKENS = 32_768;

/** A tier's limits; an absent dimension is unlimited. */
export interface TierLimitValues {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  tokensPerDay?: number | undefined;
  tokensPerMonth?: number | undefined;
  /** Largest token reservation one request may hold (prompt estimate + max output tokens). */
  maxReserveTokens: number;
}

/** How the enforcement ladder treats a tier's accounts. */
export interface TierLadder {
  /** Level of an account before the detector's first verdict about it. */
  initialLevel: Level;
  /** Highest level applied without a human decision (a pin); above it the verdict waits for review. */
  maxAutomaticLevel: Level;
  /** Level at which a verdict opens a review incident. */
  reviewAt: Level;
}

/** One tier, resolved: everything the gateway enforces and reports for it. */
export interface Tier {
  name: string;
  limits: TierLimitValues;
  ladder: TierLadder;
  sla: SlaObjective | undefined;
}

/** The tiers of the config's `limits` section: the table when no policy file is set. */
export interface LimitsTiers {
  defaultTier: string;
  tiers: Record<string, Partial<TierLimitValues>>;
}

/**
 * The one tier table (issue 15): the policy file's tiers when one is configured, else the
 * `limits.tiers` of the config with the default ladder. Every reader — the limiter, the
 * ladder, the review queue, the SLA report, account creation — asks this table.
 * @example const t = table.get(account.tier); t.limits.requestsPerMinute; t.ladder.maxAutomaticLevel
 */
export class TierTable {
  constructor(
    readonly defaultTier: string,
    private readonly byName: ReadonlyMap<string, Tier>,
    /** Where the table came from: `policy` (audit.policy.file) or `limits` (the config). */
    readonly source: 'policy' | 'limits',
  ) {
    if (!byName.has(defaultTier))
      throw new Error(`tier table: default tier "${defaultTier}" is not defined`);
  }

  /** Whether `name` is a tier of the table. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Every tier name, sorted. */
  names(): string[] {
    return [...this.byName.keys()].sort();
  }

  /** The tier called `name`; the default tier for an absent or unknown name. */
  get(name: string | undefined): Tier {
    return (name !== undefined && this.byName.get(name)) || this.byName.get(this.defaultTier)!;
  }

  /** Every tier, sorted by name. */
  all(): Tier[] {
    return this.names().map((n) => this.byName.get(n)!);
  }

  /**
   * Why `name` cannot be used at `field`, or undefined when it is a tier.
   * @example table.problem('platinum', 'tier') // 'tier: unknown tier "platinum" (defined: enterprise, free, pro)'
   */
  problem(name: string, field: string): string | undefined {
    if (this.has(name)) return undefined;
    const where = this.source === 'policy' ? 'the policy file' : 'limits.tiers';
    return `${field}: unknown tier "${name}" (defined in ${where}: ${this.names().join(', ')})`;
  }

  /** The limits of every tier, keyed by name (the shape of `limits.tiers`). */
  limitsByName(): Record<string, TierLimitValues> {
    return Object.fromEntries(this.all().map((t) => [t.name, t.limits]));
  }
}

/** The table of a policy file: its tiers, limits, ladders and objectives, exactly as written. */
export function tiersFromPolicy(p: Policy): TierTable {
  const byName = new Map<string, Tier>();
  for (const [name, t] of Object.entries(p.tiers)) {
    byName.set(name, {
      name,
      limits: {
        ...t.limits,
        maxReserveTokens: t.limits.maxReserveTokens ?? DEFAULT_MAX_RESERVE_TOKENS,
      },
      ladder: { ...t.ladder },
      sla: t.sla,
    });
  }
  return new TierTable(p.defaultTier, byName, 'policy');
}

/** The table of the config's `limits` section, every tier on the default ladder (`reviewAt`: `audit.review.openAtLevel`). */
export function tiersFromLimits(l: LimitsTiers, reviewAt: Level): TierTable {
  const byName = new Map<string, Tier>();
  for (const [name, limits] of Object.entries(l.tiers)) {
    byName.set(name, {
      name,
      limits: {
        ...limits,
        maxReserveTokens: limits.maxReserveTokens ?? DEFAULT_MAX_RESERVE_TOKENS,
      },
      ladder: { initialLevel: 'allow', maxAutomaticLevel: 'block', reviewAt },
      sla: undefined,
    });
  }
  // A default tier the section does not define is unlimited rather than a start-up failure.
  if (!byName.has(l.defaultTier))
    byName.set(l.defaultTier, {
      name: l.defaultTier,
      limits: { maxReserveTokens: DEFAULT_MAX_RESERVE_TOKENS },
      ladder: { initialLevel: 'allow', maxAutomaticLevel: 'block', reviewAt },
      sla: undefined,
    });
  return new TierTable(l.defaultTier, byName, 'limits');
}
