import type { Reason } from '../telemetry/event.js';
import type { IndicatorMatch } from './indicators.js';

/** Options of IntelFlags. */
export interface IntelFlagOptions {
  /** How long a flag lasts without a fresh match, ms. */
  ttlMs: number;
  /** Accounts one indicator may flag. */
  maxAccountsPerIndicator: number;
}

interface Flag {
  reasons: Reason[];
  until: number;
}

/**
 * Accounts flagged by shared (STIX) indicators, bounded two ways (issue 14: one
 * `0.0.0.0/0` flagged every account, until restart): a flag expires `ttlMs` after the
 * match that set it, and one indicator flags at most `maxAccountsPerIndicator` accounts —
 * past that its matches are ignored and `saturated` names it, so an operator can look at
 * the producer's data. Pure and in memory; the caller supplies the time.
 * @example const r = flags.flag(account, matcher.matches(q, now), now); if (r.length) raise(account, r);
 */
export class IntelFlags {
  private readonly flags = new Map<string, Flag>();
  private readonly accountsOf = new Map<string, Set<string>>();
  /** Indicators that reached the cap, in the order they did. */
  readonly saturated: string[] = [];

  constructor(private readonly opts: IntelFlagOptions) {}

  /** The live flag's reasons for an account, or undefined (an expired flag is dropped). */
  get(account: string, now: number): Reason[] | undefined {
    const f = this.flags.get(account);
    if (!f) return undefined;
    if (f.until > now) return f.reasons;
    this.flags.delete(account);
    return undefined;
  }

  /**
   * Flag an account for the matches its indicators allow; returns the reasons applied
   * (empty when every matching indicator is at its cap). A live flag is renewed.
   */
  flag(account: string, matches: IndicatorMatch[], now: number): Reason[] {
    const reasons: Reason[] = [];
    for (const m of matches) {
      let set = this.accountsOf.get(m.indicator);
      if (!set) this.accountsOf.set(m.indicator, (set = new Set()));
      if (!set.has(account)) {
        if (set.size >= this.opts.maxAccountsPerIndicator) {
          if (
            set.size === this.opts.maxAccountsPerIndicator &&
            !this.saturated.includes(m.indicator)
          )
            this.saturated.push(m.indicator);
          continue;
        }
        set.add(account);
      }
      reasons.push(m.reason);
    }
    if (reasons.length) this.flags.set(account, { reasons, until: now + this.opts.ttlMs });
    return reasons;
  }

  /** Number of accounts flagged now. */
  size(now: number): number {
    let n = 0;
    for (const a of [...this.flags.keys()]) if (this.get(a, now)) n++;
    return n;
  }
}
