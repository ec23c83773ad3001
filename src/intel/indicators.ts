import type { Reason } from '../telemetry/event.js';
import { cidrWithin, parseCidr, type Cidr } from '../net/ip.js';
import { indicatorHash } from './ids.js';

/** What a shared indicator describes. */
export type IndicatorKind = 'ip' | 'fingerprint' | 'payment' | 'template';

/** One matchable value from a peer's STIX indicator. */
export interface SharedIndicator {
  /** STIX id of the indicator it came from. */
  stixId: string;
  kind: IndicatorKind;
  /** A CIDR network (ip) or a lower-case SHA-256 hex (the others). */
  value: string;
  /** 0–100; 50 when the producer gave none. */
  confidence: number;
  /** Epoch ms; null when open-ended. */
  validUntil: number | null;
  /** Producer name (or its identity id). */
  source: string;
  tlp: string | null;
}

/** What is known about an account (or request) to match against shared indicators. */
export interface MatchQuery {
  /** A single client address. */
  ip?: string | undefined;
  /** The account's IP prefix (CIDR); matches a shared network that contains or overlaps it. */
  ipPrefix?: string | undefined;
  /** Raw client fingerprint id (hashed here). */
  fingerprint?: string | undefined;
  /** Raw payment fingerprint (hashed here). */
  paymentFingerprint?: string | undefined;
  /** SHA-256 of the payment fingerprint, when the caller already has it. */
  paymentHash?: string | undefined;
  /** SHA-256 hashes of the account's prompt-template signatures. */
  templateHashes?: string[] | undefined;
}

interface Net {
  net: Cidr;
  ind: SharedIndicator;
}

/** Options of the matcher. */
export interface MatcherOptions {
  /** IP indicators broader than these prefixes are ignored (stored before the import refused them). */
  minIpv4Prefix?: number;
  minIpv6Prefix?: number;
}

/** One match: the indicator's identity (stix id + value) and the reason it gives. */
export interface IndicatorMatch {
  indicator: string;
  reason: Reason;
}

/**
 * An in-memory index of shared indicators for the detector's hot loop: hashes in a
 * map, networks in a list (peers share at most thousands of prefixes).
 */
export class IndicatorMatcher {
  private readonly byHash = new Map<string, SharedIndicator[]>();
  private readonly nets: Net[] = [];

  constructor(
    indicators: SharedIndicator[],
    private readonly weight = 0.3,
    opts: MatcherOptions = {},
  ) {
    const min4 = opts.minIpv4Prefix ?? 8;
    const min6 = opts.minIpv6Prefix ?? 32;
    for (const ind of indicators) {
      if (ind.kind === 'ip') {
        const net = parseCidr(ind.value);
        if (net && net.bits >= (net.version === 4 ? min4 : min6)) this.nets.push({ net, ind });
      } else {
        const key = `${ind.kind}:${ind.value}`;
        this.byHash.set(key, [...(this.byHash.get(key) ?? []), ind]);
      }
    }
  }

  /** Number of indexed indicators. */
  get size(): number {
    return this.nets.length + [...this.byHash.values()].reduce((n, l) => n + l.length, 0);
  }

  private reason(ind: SharedIndicator, what: string): Reason {
    return {
      code: 'shared_indicator',
      weight: Math.round(this.weight * (ind.confidence / 100) * 1000) / 1000,
      detail: `${what} matches an indicator shared by ${ind.source} (${ind.stixId}, confidence ${ind.confidence}${ind.tlp ? `, TLP:${ind.tlp.toUpperCase()}` : ''})`,
    };
  }

  /**
   * `shared_indicator` reasons for every live indicator the query matches; weight is
   * the configured match weight scaled by the producer's confidence.
   * @example matcher.matchIndicators({ ip: '203.0.113.7', fingerprint: 'fp_9' })
   */
  matchIndicators(q: MatchQuery, now = Date.now()): Reason[] {
    return this.matches(q, now).map((m) => m.reason);
  }

  /** As matchIndicators, with the identity of the indicator behind each reason (for per-indicator caps). */
  matches(q: MatchQuery, now = Date.now()): IndicatorMatch[] {
    // Nothing shared with us: nothing to parse or hash (this runs once per request event).
    if (this.nets.length === 0 && this.byHash.size === 0) return [];
    const live = (i: SharedIndicator) => i.validUntil === null || i.validUntil > now;
    const out: IndicatorMatch[] = [];
    const seen = new Set<string>();
    const add = (ind: SharedIndicator, what: string) => {
      const id = ind.stixId + ' ' + ind.value;
      if (!live(ind) || seen.has(id)) return;
      seen.add(id);
      out.push({ indicator: id, reason: this.reason(ind, what) });
    };
    for (const [text, label] of [
      [q.ip, 'IP'],
      [q.ipPrefix, 'IP prefix'],
    ] as const) {
      const c = text ? parseCidr(text) : undefined;
      if (!c) continue;
      for (const n of this.nets)
        if (cidrWithin(n.net, c) || cidrWithin(c, n.net))
          add(n.ind, `${label} ${text} (in ${n.ind.value})`);
    }
    const hashes: Array<[string, string | undefined, string]> = [
      ['fingerprint', q.fingerprint && indicatorHash(q.fingerprint), 'client fingerprint'],
      [
        'payment',
        q.paymentFingerprint && indicatorHash(q.paymentFingerprint),
        'payment fingerprint',
      ],
      ['payment', q.paymentHash?.toLowerCase(), 'payment fingerprint'],
      ...(q.templateHashes ?? []).map((h): [string, string, string] => [
        'template',
        h.toLowerCase(),
        'prompt template',
      ]),
    ];
    for (const [kind, h, label] of hashes) {
      if (!h) continue;
      for (const ind of this.byHash.get(`${kind}:${h}`) ?? []) add(ind, label);
    }
    return out;
  }
}
