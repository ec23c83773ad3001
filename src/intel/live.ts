/**
 * Shared indicators against live traffic (issue 7; issue 15: out of the wiring): what each
 * request shows about its sender (network prefix, client fingerprint, prompt template),
 * remembered per account for its incidents' indicators, and matched against the imported
 * STIX indicators; a match flags the account (bounded per indicator, expiring) and raises
 * its verdict to at least `monitor` through the verdict adjusters.
 */
import { normalizeRequest } from '../detect/normalize.js';
import type { Reason, TelemetryEvent, Verdict } from '../telemetry/event.js';
import { EvidenceLog, type AccountIndicators, type RequestEvidence } from './evidence.js';
import { IntelFlags, type IntelFlagOptions } from './flags.js';
import { indicatorHash } from './ids.js';
import type { IndicatorMatch, IndicatorMatcher } from './indicators.js';
import { templateSignature } from './template.js';

/** What one telemetry event shows that a peer can match. */
export function evidenceOf(e: TelemetryEvent): RequestEvidence {
  const prefix = e['ipPrefix'];
  const prompt = e.request && typeof e.request === 'object' ? normalizeRequest(e).lastUser : '';
  return {
    ipPrefix: typeof prefix === 'string' && prefix ? prefix : undefined,
    fingerprint: e.fingerprint || undefined,
    template: templateSignature(prompt),
  };
}

/**
 * The verdict a shared-indicator match raises: the account's current one, its score at
 * least the strongest matching reason's weight (the reasons themselves join through the
 * adjusters), dated when the event arrived.
 */
export function raisedVerdict(current: Verdict, reasons: Reason[], ts: number): Verdict {
  return {
    ...current,
    score: Math.max(current.score, ...reasons.map((r) => r.weight)),
    updatedAt: ts,
  };
}

/** The initial verdict of a new account whose signup matched shared indicators: monitor. */
export function signupVerdict(account: string, reasons: Reason[], now: number): Verdict {
  return {
    account,
    score: Math.max(...reasons.map((r) => r.weight)),
    level: 'monitor',
    reasons,
    cluster: null,
    updatedAt: now,
  };
}

/**
 * Live intel for one gateway: per-account evidence and shared-indicator flags.
 * @example const live = new LiveIntel({ ttlMs, maxAccountsPerIndicator: 1000 }); live.matchEvent(e, gov.matcher(), Date.now())
 */
export class LiveIntel {
  private readonly evidence = new EvidenceLog();
  private readonly flags: IntelFlags;
  private saturatedSeen = 0;

  constructor(
    opts: IntelFlagOptions,
    /** Told once of each indicator that reached its account cap (further matches are ignored). */
    private readonly onSaturated: (indicator: string) => void = () => {},
  ) {
    this.flags = new IntelFlags(opts);
  }

  /** The account's network prefixes, fingerprints and templates seen in live traffic. */
  indicators(account: string): AccountIndicators {
    return this.evidence.indicators(account);
  }

  /** The shared-indicator reasons flagged on the account, while they last. */
  flagged(account: string, now: number): Reason[] | undefined {
    return this.flags.get(account, now);
  }

  /**
   * Remembers what the event shows of its account and matches it against the shared
   * indicators: the new reasons it flags (none when the account is already flagged, nothing
   * matches, or the indicators are at their cap).
   */
  matchEvent(e: TelemetryEvent, matcher: IndicatorMatcher, now: number): Reason[] {
    const seen = evidenceOf(e);
    this.evidence.observe(e.account, seen);
    if (this.flags.get(e.account, now)) return [];
    const matches = matcher.matches({
      ip: e.ip,
      ipPrefix: seen.ipPrefix,
      fingerprint: seen.fingerprint,
      templateHashes: seen.template ? [indicatorHash(seen.template)] : undefined,
    });
    return matches.length ? this.flag(e.account, matches, now) : [];
  }

  /** Matches a new account's signup IP and payment fingerprint: the reasons it flags. */
  matchSignup(
    account: { id: string; signupIp?: string | undefined; paymentFingerprint?: string | undefined },
    matcher: IndicatorMatcher,
    now: number,
  ): Reason[] {
    const matches = matcher.matches({
      ...(account.signupIp ? { ip: account.signupIp } : {}),
      ...(account.paymentFingerprint ? { paymentFingerprint: account.paymentFingerprint } : {}),
    });
    return matches.length ? this.flag(account.id, matches, now) : [];
  }

  private flag(account: string, matches: IndicatorMatch[], now: number): Reason[] {
    const reasons = this.flags.flag(account, matches, now);
    for (; this.saturatedSeen < this.flags.saturated.length; this.saturatedSeen++) {
      this.onSaturated(this.flags.saturated[this.saturatedSeen]!);
    }
    return reasons;
  }
}
