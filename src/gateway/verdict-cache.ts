import { allowVerdict, levelRank, type Level, type Verdict } from '../telemetry/event.js';
import type { LevelPin } from '../store/store.js';

/** The account facts a tier rule needs (the store's record, or the account cache's). */
export interface TierFacts {
  tier?: string | undefined;
  verified?: boolean | undefined;
}

/**
 * The raw verdict → the verdict the ladder applies to the account (issue 15: the tier's
 * initial level and its `maxAutomaticLevel` cap). Set by the enforcement module, so the
 * admin API, the metrics and the gateway read one rule.
 */
export type EffectiveRule = (
  raw: Verdict | undefined,
  account: string,
  now: number,
  facts?: TierFacts,
) => Verdict;

/**
 * The hot path's view of every account's current verdict and admin pin: O(1) reads from
 * memory. The detector (or, with several replicas, a Redis subscription) writes into it.
 */
export class VerdictCache {
  private readonly verdicts = new Map<string, Verdict>();
  private readonly pins = new Map<string, LevelPin>();
  private rule: EffectiveRule | undefined;

  /** Install the rule from raw to applied verdict (one per process; the last one wins). */
  setEffectiveRule(rule: EffectiveRule | undefined): void {
    this.rule = rule;
  }

  put(v: Verdict): void {
    this.verdicts.set(v.account, v);
  }

  /** The detector's verdict, or undefined when none exists yet (the tier's initial level applies). */
  peek(account: string): Verdict | undefined {
    return this.verdicts.get(account);
  }

  /** The detector's verdict, or allow when none exists yet. */
  verdict(account: string, now = Date.now()): Verdict {
    return this.verdicts.get(account) ?? allowVerdict(account, now);
  }

  setPin(account: string, pin: LevelPin | undefined): void {
    if (pin) this.pins.set(account, pin);
    else this.pins.delete(account);
  }

  pin(account: string, now = Date.now()): LevelPin | undefined {
    const p = this.pins.get(account);
    if (p && p.until !== null && p.until <= now) {
      this.pins.delete(account);
      return undefined;
    }
    return p;
  }

  /**
   * The verdict the ladder applies, before any pin: the detector's through the effective
   * rule (tier cap, initial level), or the detector's as is when no rule is installed.
   * `facts` names the account's tier when the caller has its record.
   */
  effective(account: string, now = Date.now(), facts?: TierFacts): Verdict {
    const raw = this.verdicts.get(account);
    if (this.rule) return this.rule(raw, account, now, facts);
    return raw ?? allowVerdict(account, now);
  }

  /** The level in force: an unexpired pin wins over the applied verdict. */
  level(account: string, now = Date.now(), facts?: TierFacts): Level {
    return this.pin(account, now)?.level ?? this.effective(account, now, facts).level;
  }

  /** Counts per level in force (pins included) of the accounts with a verdict or a pin, for the metrics gauge. */
  counts(now = Date.now()): Record<Level, number> {
    const c: Record<string, number> = {
      allow: 0,
      monitor: 0,
      throttle: 0,
      degrade: 0,
      challenge: 0,
      block: 0,
    };
    for (const account of this.verdicts.keys()) {
      const l = this.level(account, now);
      c[l] = (c[l] ?? 0) + 1;
    }
    for (const account of [...this.pins.keys()]) {
      if (this.verdicts.has(account)) continue;
      const l = this.pin(account, now)?.level;
      if (l) c[l] = (c[l] ?? 0) + 1;
    }
    return c as Record<Level, number>;
  }

  /** Whether `level` is at least `min`. */
  static atLeast(level: Level, min: Level): boolean {
    return levelRank(level) >= levelRank(min);
  }
}
