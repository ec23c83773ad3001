/**
 * Signup hygiene: the initial risk of a new account, with reasons, and the links that
 * tie it to earlier accounts (same card, same client fingerprint, same numbered email
 * pattern, same network prefix inside one burst). Linked accounts form signup clusters;
 * once a cluster of `clusterMinSize` holds a flagged member, every member carries a
 * `signup_cluster` reason, so the early, clean-looking members of a fleet are raised
 * when the later ones give it away. In memory and bounded; a replay of the same
 * signups gives the same verdicts (time is the signups' own `createdAt`).
 */
import { levelRank, type Reason, type Verdict } from '../../telemetry/event.js';
import { hash8 } from '../../fingerprint/hash.js';
import { ipPrefix, parseIp } from '../../net/ip.js';
import type { HygieneConfig, IdentityConfig } from '../config.js';
import { DisposableDomains } from './disposable.js';
import { parseEmail, type ParsedEmail } from './email.js';
import { LinkGraph, type GraphNode, type Link, type LinkKind } from './graph.js';
import { RecentIndex, type RecentEntry } from './recent.js';
import {
  emailReasons,
  policyReasons,
  span,
  velocityReason,
  windowEntries,
  type VelocityCheck,
} from './signals.js';
import { verdictFrom } from './score.js';
import { validateSignup, type Signup, type SignupValidation } from './validate.js';
import { clusterReason, linkCounts } from './cluster.js';

/** The outcome of assessing one signup. */
export interface SignupAssessment {
  /** The new account's verdict (DESIGN.md "Risk verdict"). */
  verdict: Verdict;
  /** Links found from this account to earlier ones. */
  links: Link[];
  /** Limit tier the gateway should apply (tighter while unverified). */
  tier: string;
  /** Earlier accounts whose verdict changed because of this signup (a cluster was flagged). */
  updated: Verdict[];
}

interface Keys {
  email: ParsedEmail | null;
  prefix: string | undefined;
  pattern: string | undefined;
}

// Signals strong enough to vouch for co-location; a +tag or a number in an address is not (people use both).
const CORROBORATING = new Set([
  'disposable_email',
  'malformed_email',
  'email_pattern_velocity',
  'payment_velocity',
  'fingerprint_velocity',
]);

/** Signup risk and the linked-account graph. */
export class SignupHygiene {
  readonly #cfg: HygieneConfig;
  readonly #disposable: DisposableDomains;
  readonly #graph: LinkGraph;
  readonly #prefix: RecentIndex;
  readonly #payment: RecentIndex;
  readonly #fingerprint: RecentIndex;
  readonly #pattern: RecentIndex;

  /**
   * @param cfg the `identity` section (or its `hygiene` part), already parsed by zod
   * @param disposable a domain list; defaults to the packaged list plus the configured extras
   */
  constructor(cfg: IdentityConfig | HygieneConfig, disposable?: DisposableDomains) {
    this.#cfg = 'hygiene' in cfg ? cfg.hygiene : cfg;
    const c = this.#cfg;
    this.#disposable = disposable ?? DisposableDomains.load(c.email);
    this.#graph = new LinkGraph(c.links.maxAccounts);
    const keep = (max: number) =>
      Math.max(max + 1, c.links.maxLinksPerKey, c.links.ipPrefixMinBurst, 10);
    this.#prefix = new RecentIndex(c.velocity.maxKeys, keep(c.velocity.ipPrefix.max));
    this.#payment = new RecentIndex(c.velocity.maxKeys, keep(c.velocity.payment.max));
    this.#fingerprint = new RecentIndex(c.velocity.maxKeys, keep(c.velocity.clientFingerprint.max));
    this.#pattern = new RecentIndex(c.velocity.maxKeys, keep(c.velocity.emailPattern.max));
  }

  /** Validates raw signup metadata (malformed emails, IPs, timestamps → clear messages). */
  validate(input: unknown): SignupValidation {
    return validateSignup(input);
  }

  /**
   * Assesses a validated signup. Idempotent per account id: assessing a known id again
   * returns its current verdict and links without counting it twice.
   */
  assess(signup: Signup): SignupAssessment {
    const known = this.#graph.get(signup.id);
    if (known !== undefined) {
      return {
        verdict: known.verdict,
        links: known.links.filter((l) => l.a === signup.id),
        tier: this.#tier(known.verified),
        updated: [],
      };
    }
    const keys = this.#keys(signup);
    const checks = this.#checks(signup, keys);
    const own = this.#ownReasons(signup, keys, checks);
    const corroborated = own.some((r) => CORROBORATING.has(r.code));
    const links = this.#findLinks(signup, keys, checks, corroborated);
    this.#remember(signup, keys, corroborated);
    const ownVerdict = this.#verdict(signup.id, own, null, signup.createdAt);
    const node = this.#graph.add({
      id: signup.id,
      createdAt: signup.createdAt,
      own,
      flagged: levelRank(ownVerdict.level) >= levelRank('monitor'),
      verified: signup.verified === true,
      verdict: ownVerdict,
    });
    for (const l of links) this.#graph.link(l);
    const updated = this.#propagate(node, signup.createdAt);
    return { verdict: node.verdict, links, tier: this.#tier(node.verified), updated };
  }

  /** Records an organisation verification; returns the tier now recommended, or null for an unknown account. */
  verify(id: string): { tier: string } | null {
    const node = this.#graph.get(id);
    if (node === undefined) return null;
    node.verified = true;
    return { tier: this.#tier(true) };
  }

  /** The latest verdict for an account assessed here (undefined once forgotten). */
  verdictOf(id: string): Verdict | undefined {
    return this.#graph.get(id)?.verdict;
  }

  /** All links touching an account. */
  linksOf(id: string): Link[] {
    return [...(this.#graph.get(id)?.links ?? [])];
  }

  /** Every link in the graph (each once): what the detector's clustering seeds from. */
  allLinks(): Link[] {
    return this.#graph.allLinks();
  }

  /** Account ids in the same signup cluster (bounded by `maxClusterScan`). */
  clusterOf(id: string): string[] {
    return this.#graph.component(id, this.#cfg.links.maxClusterScan).map((n) => n.id);
  }

  #tier(verified: boolean): string {
    return verified ? this.#cfg.tiers.verified : this.#cfg.tiers.unverified;
  }

  #verdict(id: string, reasons: Reason[], cluster: string | null, at: number): Verdict {
    return verdictFrom(id, reasons, cluster, at, this.#cfg);
  }

  #keys(s: Signup): Keys {
    const parsed = s.email === undefined ? null : parseEmail(s.email);
    const email = parsed !== null && parsed.ok ? parsed.value : null;
    const ip = parseIp(s.signupIp);
    const exempt = email !== null && this.#cfg.email.patternExemptDomains.includes(email.domain);
    return {
      email,
      prefix:
        ip === null ? undefined : ipPrefix(ip, this.#cfg.ipv4PrefixBits, this.#cfg.ipv6PrefixBits),
      pattern: email === null || email.pattern === null || exempt ? undefined : email.pattern,
    };
  }

  #checks(s: Signup, k: Keys): VelocityCheck[] {
    const v = this.#cfg.velocity;
    const n = k.email?.number ?? null;
    const spanOk = (e: RecentEntry) =>
      n === null ||
      e.n === null ||
      e.n === undefined ||
      Math.abs(e.n - n) <= this.#cfg.email.sequenceSpan;
    return [
      {
        code: 'ip_prefix_velocity',
        index: this.#prefix,
        rule: v.ipPrefix,
        key: k.prefix,
        label: `from ${k.prefix}`,
      },
      {
        code: 'payment_velocity',
        index: this.#payment,
        rule: v.payment,
        key: s.paymentFingerprint,
        label: 'on one payment fingerprint',
      },
      {
        code: 'fingerprint_velocity',
        index: this.#fingerprint,
        rule: v.clientFingerprint,
        key: s.clientFingerprint,
        label: 'from one client fingerprint',
      },
      {
        code: 'email_pattern_velocity',
        index: this.#pattern,
        rule: v.emailPattern,
        key: k.pattern,
        label: `matching ${k.pattern}`,
        counts: spanOk,
      },
    ];
  }

  #ownReasons(s: Signup, k: Keys, checks: VelocityCheck[]): Reason[] {
    const out: Reason[] = [];
    if (s.email !== undefined && k.email === null) {
      out.push({
        code: 'malformed_email',
        weight: this.#cfg.email.malformedWeight,
        detail: 'the signup email is not a valid address',
      });
    }
    if (k.email !== null) out.push(...emailReasons(k.email, this.#disposable, this.#cfg.email));
    out.push(...policyReasons(s, this.#cfg));
    for (const c of checks) {
      const r = velocityReason(c, s.createdAt);
      if (r !== null) out.push(r);
    }
    return out;
  }

  #findLinks(s: Signup, k: Keys, checks: VelocityCheck[], corroborated: boolean): Link[] {
    const L = this.#cfg.links;
    const out: Link[] = [];
    const add = (
      kind: LinkKind,
      rule: { enabled: boolean; windowMs: number },
      entries: RecentEntry[],
      detail: string,
    ) => {
      if (!rule.enabled) return;
      const near = entries.filter(
        (e) => Math.abs(e.ts - s.createdAt) <= rule.windowMs && e.id !== s.id,
      );
      for (const e of near.slice(-L.maxLinksPerKey)) out.push({ a: s.id, b: e.id, kind, detail });
    };
    const patternC = checks[3] as VelocityCheck;
    if (s.paymentFingerprint !== undefined)
      add(
        'payment',
        L.payment,
        [...this.#payment.get(s.paymentFingerprint)],
        'same payment fingerprint',
      );
    if (s.clientFingerprint !== undefined)
      add(
        'fingerprint',
        L.fingerprint,
        [...this.#fingerprint.get(s.clientFingerprint)],
        `same client fingerprint ${s.clientFingerprint.slice(0, 24)}`,
      );
    if (k.pattern !== undefined)
      add(
        'email_pattern',
        L.emailPattern,
        windowEntries(
          { ...patternC, rule: { ...patternC.rule, windowMs: L.emailPattern.windowMs } },
          s.createdAt,
        ),
        `same email pattern ${k.pattern}`,
      );
    if (k.prefix !== undefined && (corroborated || !L.ipPrefixNeedsCorroboration)) {
      const burst = this.#prefix.within(k.prefix, s.createdAt, L.ipPrefixWindow.windowMs);
      const partners = L.ipPrefixNeedsCorroboration
        ? burst.filter((e) => e.corroborated === true)
        : burst;
      if (burst.length + 1 >= L.ipPrefixMinBurst) {
        add(
          'ip_prefix_window',
          L.ipPrefixWindow,
          partners,
          `${burst.length + 1} signups from ${k.prefix} within ${span(L.ipPrefixWindow.windowMs)}`,
        );
      }
    }
    return out;
  }

  #remember(s: Signup, k: Keys, corroborated: boolean): void {
    const base = { id: s.id, ts: s.createdAt, corroborated };
    if (k.prefix !== undefined) this.#prefix.add(k.prefix, base);
    if (s.paymentFingerprint !== undefined) this.#payment.add(s.paymentFingerprint, base);
    if (s.clientFingerprint !== undefined) this.#fingerprint.add(s.clientFingerprint, base);
    if (k.pattern !== undefined)
      this.#pattern.add(k.pattern, { ...base, n: k.email?.number ?? null });
  }

  /** Re-verdicts the new account's cluster; returns the earlier accounts whose verdict changed. */
  #propagate(node: GraphNode, at: number): Verdict[] {
    const members = this.#graph.component(node.id, this.#cfg.links.maxClusterScan);
    if (members.length < this.#cfg.links.clusterMinSize) return [];
    const flagged = members.filter((m) => m.flagged).length;
    const earliest = members.reduce((a, b) =>
      b.createdAt < a.createdAt || (b.createdAt === a.createdAt && b.id < a.id) ? b : a,
    );
    const cluster = `su_${hash8(earliest.id)}`;
    const reason =
      flagged > 0
        ? clusterReason(members.length, flagged, linkCounts(members), this.#cfg.links.clusterWeight)
        : null;
    const updated: Verdict[] = [];
    for (const m of members) {
      // A member already carrying this cluster's reason keeps its verdict (only the
      // counts in the detail would change): re-verdicting all of a growing fleet on
      // every signup would make a wave of n accounts cost O(n²).
      const has =
        m.verdict.cluster === cluster && m.verdict.reasons.some((r) => r.code === 'signup_cluster');
      if (m !== node && (reason === null ? m.verdict.cluster === cluster : has)) continue;
      const v = this.#verdict(m.id, reason === null ? m.own : [...m.own, reason], cluster, at);
      const changed = m.verdict.level !== v.level || m.verdict.cluster !== v.cluster;
      m.verdict = v;
      if (m !== node && changed) updated.push(v);
    }
    return updated;
  }
}
