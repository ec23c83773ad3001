/** What one request shows about its sender that a peer can match (all optional). */
export interface RequestEvidence {
  /** The client's network prefix (CIDR), e.g. `203.0.113.0/24`. */
  ipPrefix?: string | undefined;
  /** The combined client fingerprint id (fingerprint module). */
  fingerprint?: string | undefined;
  /** The prompt's template signature (`templateSignature`). */
  template?: string | undefined;
}

/** An account's shareable indicators: the shape of an incident's `indicators`. */
export interface AccountIndicators {
  ipPrefixes?: string[];
  fingerprints?: string[];
  templates?: string[];
}

/** Options of EvidenceLog. */
export interface EvidenceOptions {
  /** Accounts remembered; the least recently seen is forgotten beyond it. */
  maxAccounts?: number;
  /** Distinct values remembered per account and kind (later new values are not counted). */
  maxValues?: number;
  /** Values reported per kind, the most frequent first. */
  top?: number;
  /** A template is reported only once the account sent it this many times (one prompt is no template). */
  minTemplateRepeats?: number;
}

type Counts = Map<string, number>;
interface Entry {
  ipPrefix: Counts;
  fingerprint: Counts;
  template: Counts;
}

/**
 * Per-account counts of network prefixes, client fingerprints and prompt templates seen
 * in live traffic, bounded in accounts and values, so an incident opened from a verdict
 * carries indicators another provider can match (issue 15: a confirmed live incident
 * exported none).
 * @example log.observe('acct_1', { ipPrefix, fingerprint, template }); queue.onVerdict(v, log.indicators('acct_1'))
 */
export class EvidenceLog {
  private readonly accounts = new Map<string, Entry>();
  private readonly maxAccounts: number;
  private readonly maxValues: number;
  private readonly top: number;
  private readonly minTemplateRepeats: number;

  constructor(opts: EvidenceOptions = {}) {
    // About 2 KB an account with five distinct values of each kind (measured), so at most
    // ~20 MB; a verdict follows its account's requests closely, so recent ones suffice.
    this.maxAccounts = opts.maxAccounts ?? 10_000;
    this.maxValues = opts.maxValues ?? 16;
    this.top = opts.top ?? 3;
    this.minTemplateRepeats = opts.minTemplateRepeats ?? 3;
  }

  /** Count one request of `account`. */
  observe(account: string, e: RequestEvidence): void {
    let entry = this.accounts.get(account);
    if (entry) {
      this.accounts.delete(account); // re-inserted last: the map's order is recency
    } else {
      entry = { ipPrefix: new Map(), fingerprint: new Map(), template: new Map() };
      if (this.accounts.size >= this.maxAccounts) {
        const oldest = this.accounts.keys().next();
        if (!oldest.done) this.accounts.delete(oldest.value);
      }
    }
    this.accounts.set(account, entry);
    for (const kind of ['ipPrefix', 'fingerprint', 'template'] as const) {
      const v = e[kind];
      if (!v) continue;
      const counts = entry[kind];
      const n = counts.get(v);
      if (n !== undefined) counts.set(v, n + 1);
      else if (counts.size < this.maxValues) counts.set(v, 1);
    }
  }

  /** The account's most frequent prefixes, fingerprints and repeated templates. */
  indicators(account: string): AccountIndicators {
    const entry = this.accounts.get(account);
    if (!entry) return {};
    const best = (counts: Counts, min: number) =>
      [...counts]
        .filter(([, n]) => n >= min)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, this.top)
        .map(([v]) => v);
    const out: AccountIndicators = {};
    const ipPrefixes = best(entry.ipPrefix, 1);
    const fingerprints = best(entry.fingerprint, 1);
    const templates = best(entry.template, this.minTemplateRepeats);
    if (ipPrefixes.length) out.ipPrefixes = ipPrefixes;
    if (fingerprints.length) out.fingerprints = fingerprints;
    if (templates.length) out.templates = templates;
    return out;
  }
}
