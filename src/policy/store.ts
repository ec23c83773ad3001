import { readFileSync, watch as fsWatch, type FSWatcher } from 'node:fs';
import { createHash } from 'node:crypto';
import { levelRank, type Level, type Verdict } from '../telemetry/event.js';
import type { AuditLog } from '../audit/log.js';
import { defaultPolicy, parsePolicy, type PolicyResult } from './load.js';
import type { BreachPolicy, Contract, Policy } from './schema.js';
import {
  tiersFromLimits,
  tiersFromPolicy,
  type LimitsTiers,
  type Tier,
  type TierTable,
} from './tiers.js';

/** What the policy needs to know about an account. A bare string is an account id. */
export type PolicyAccount =
  | string
  | {
      id: string;
      tier?: string | undefined;
      organization?: string | undefined;
      /** Whether an organisation verification is recorded; false puts a tierless account on `unverified` when the table has it. */
      verified?: boolean | undefined;
    };

/** A contract breach: what the contract says to do. */
export interface Breach extends BreachPolicy {
  contract: string;
  use: string;
  /** The non-exempt reason codes that indicated it. */
  reasons: string[];
}

/** Options of the policy store. */
export interface PolicyStoreOptions {
  /** YAML file; without it the default policy applies and reload is a no-op. */
  file?: string | undefined;
  audit?: AuditLog | undefined;
  now?: () => number;
  /**
   * The tier table without a policy file (the config's `limits` section) and the review
   * level of its tiers; without it, the default policy's single tier.
   */
  fallbackTiers?: { limits: LimitsTiers; reviewAt: Level } | undefined;
}

const norm = (a: PolicyAccount) => (typeof a === 'string' ? { id: a } : a);

function active(c: Contract, now: number): boolean {
  return (
    (!c.validFrom || Date.parse(c.validFrom) <= now) &&
    (!c.validUntil || Date.parse(c.validUntil) > now)
  );
}

/**
 * The policy in force, reloadable without restart. A reload that fails validation keeps
 * the previous policy; every reload, good or bad, is recorded in the audit log.
 * @example const p = new PolicyStore({ file: 'policy.yaml', audit }); await p.reload('admin'); p.exemptionsFor('acct_eval')
 */
export class PolicyStore {
  private current: Policy = defaultPolicy();
  private digest = 'default';
  private table: TierTable;
  private readonly now: () => number;
  private readonly listeners: Array<(p: PolicyStore) => void> = [];

  constructor(private readonly opts: PolicyStoreOptions = {}) {
    this.now = opts.now ?? Date.now;
    const f = opts.fallbackTiers;
    this.table =
      f && !opts.file ? tiersFromLimits(f.limits, f.reviewAt) : tiersFromPolicy(this.current);
  }

  /** The policy in force. */
  get policy(): Policy {
    return this.current;
  }

  /** The one tier table in force (tiers.ts): the policy file's, else the config's `limits.tiers`. */
  get tiers(): TierTable {
    return this.table;
  }

  /** Call `fn` after every reload that took effect. Returns a function that unsubscribes. */
  onChange(fn: (p: PolicyStore) => void): () => void {
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** SHA-256 of the file text in force (`default` without a file). */
  get version(): string {
    return this.digest;
  }

  /** Re-read and validate the file; on success it takes effect at once. */
  async reload(actor = 'system'): Promise<PolicyResult> {
    const file = this.opts.file;
    if (!file) return { ok: true, value: this.current };
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      const r: PolicyResult = {
        ok: false,
        error: `${file}: cannot read: ${(err as Error).message}`,
      };
      await this.opts.audit?.append({
        actor,
        action: 'policy.reload_failed',
        subject: file,
        reason: r.error,
      });
      return r;
    }
    const r = parsePolicy(text, file);
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (!r.ok) {
      await this.opts.audit?.append({
        actor,
        action: 'policy.reload_failed',
        subject: file,
        reason: r.error,
        data: { sha256, kept: this.digest },
      });
      return r;
    }
    const previous = this.digest;
    this.current = r.value;
    this.digest = sha256;
    this.table = tiersFromPolicy(r.value);
    for (const fn of this.listeners) fn(this);
    await this.opts.audit?.append({
      actor,
      action: 'policy.reload',
      subject: file,
      data: {
        sha256,
        previous,
        tiers: Object.keys(r.value.tiers),
        contracts: r.value.contracts.map((c) => c.id),
      },
    });
    return r;
  }

  /** Reload when the file changes (debounced); returns a function that stops watching. */
  watch(onReload?: (r: PolicyResult) => void, debounceMs = 200): () => void {
    if (!this.opts.file) return () => {};
    let timer: NodeJS.Timeout | undefined;
    const w: FSWatcher = fsWatch(this.opts.file, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.reload('fs.watch').then((r) => onReload?.(r)), debounceMs);
    });
    w.on('error', () => {});
    return () => {
      clearTimeout(timer);
      w.close();
    };
  }

  /** Contracts in force naming the account or its organisation. */
  contractsFor(account: PolicyAccount, now = this.now()): Contract[] {
    const a = norm(account);
    const org = 'organization' in a ? a.organization : undefined;
    return this.current.contracts.filter(
      (c) =>
        active(c, now) &&
        (c.accounts.includes(a.id) || (org !== undefined && c.organizations.includes(org))),
    );
  }

  /**
   * Name of the account's tier: a contract's tier, else its own if defined, else
   * `unverified` for an account with neither a tier nor a verified organisation (when the
   * table defines it: issue 5), else the default.
   */
  tierName(account: PolicyAccount, now = this.now()): string {
    const a = norm(account);
    const fromContract = this.contractsFor(a, now).find((c) => c.tier)?.tier;
    const own = 'tier' in a ? a.tier : undefined;
    if (fromContract && this.table.has(fromContract)) return fromContract;
    if (own && this.table.has(own)) return own;
    if (!own && 'verified' in a && a.verified === false && this.table.has('unverified'))
      return 'unverified';
    return this.table.defaultTier;
  }

  /** The account's tier, resolved from the tier table: limits, ladder, SLA. */
  tier(account: PolicyAccount, now = this.now()): Tier {
    return this.table.get(this.tierName(account, now));
  }

  /** Reason codes the detector and ladder should ignore for this account (allowed automated uses). */
  exemptionsFor(account: PolicyAccount, now = this.now()): string[] {
    return [
      ...new Set(
        this.contractsFor(account, now).flatMap((c) =>
          c.allowedUses.flatMap((u) => u.exemptReasons),
        ),
      ),
    ];
  }

  /**
   * The breach a verdict shows, if any: a prohibited use of a contract in force whose
   * indicating reason codes (or, when none are listed, any reason) appear among the
   * verdict's non-exempt reasons, at level monitor or above.
   */
  breachFor(
    account: PolicyAccount,
    v: Pick<Verdict, 'level' | 'reasons'>,
    now = this.now(),
  ): Breach | undefined {
    if (levelRank(v.level) < levelRank('monitor')) return undefined;
    const exempt = new Set(this.exemptionsFor(account, now));
    const codes = v.reasons.map((r) => r.code).filter((c) => !exempt.has(c));
    if (codes.length === 0) return undefined;
    for (const c of this.contractsFor(account, now)) {
      for (const p of c.prohibitedUses) {
        const hit =
          p.indicatedBy.length === 0 ? codes : codes.filter((x) => p.indicatedBy.includes(x));
        if (hit.length > 0) return { contract: c.id, use: p.use, reasons: hit, ...c.onBreach };
      }
    }
    return undefined;
  }

  /** Apply a breach's level floor to a level (the ladder calls this). */
  static withFloor(level: Level, breach: Breach | undefined): Level {
    return breach?.levelFloor && levelRank(breach.levelFloor) > levelRank(level)
      ? breach.levelFloor
      : level;
  }
}
