import { randomBytes } from 'node:crypto';
import { levelRank, type Level, type Reason, type Verdict } from '../telemetry/event.js';
import type { AuditLog } from '../audit/log.js';
import type { ReviewConfig } from './config.js';
import type {
  Exemption,
  GroundTruthLabel,
  Incident,
  IncidentIndicators,
  IncidentQuery,
  Resolution,
  ReviewStore,
} from './incident.js';
import type { WebhookMessage } from './webhook.js';

/** Outcome of an admin operation: a value, or why it was refused. */
export type ReviewResult =
  | { ok: true; value: Incident }
  | { ok: false; error: { code: 'not_found' | 'conflict'; message: string } };

/** How a false-positive resolution exempts the incident's accounts. */
export interface ExemptOptions {
  /** Reason codes to exempt; default: every reason code of the incident. */
  reasonCodes?: string[] | undefined;
  /** Lifetime; default `exemptionDays` from config. */
  days?: number | undefined;
}

/** Dependencies of the review queue. */
export interface ReviewQueueDeps {
  store: ReviewStore;
  config: Pick<ReviewConfig, 'openAtLevel' | 'groupByCluster' | 'exemptionDays'>;
  audit?: AuditLog | undefined;
  /** Called (never awaited) for each new incident, e.g. WebhookNotifier.notify. */
  notify?: ((msg: WebhookMessage) => void) | undefined;
  now?: () => number;
  /** More reason codes to treat as exempt for an account (e.g. PolicyStore.exemptionsFor). */
  alsoExempt?: ((account: string) => string[]) | undefined;
}

const DAY = 86_400_000;

function mergeReasons(a: Reason[], b: Reason[]): Reason[] {
  const by = new Map(a.map((r) => [r.code, r]));
  for (const r of b) if ((by.get(r.code)?.weight ?? -Infinity) < r.weight) by.set(r.code, r);
  return [...by.values()];
}

function union(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a && !b) return undefined;
  return [...new Set([...(a ?? []), ...(b ?? [])])];
}

function mergeIndicators(a: IncidentIndicators, b: IncidentIndicators): IncidentIndicators {
  const out: IncidentIndicators = {};
  for (const k of ['ipPrefixes', 'fingerprints', 'paymentFingerprints', 'templates'] as const) {
    const u = union(a[k], b[k]);
    if (u) out[k] = u;
  }
  return out;
}

function message(i: Incident): WebhookMessage {
  const who = i.cluster
    ? `cluster ${i.cluster} (${i.accounts.length} accounts)`
    : `account ${i.accounts[0]}`;
  const why = i.reasons.map((r) => r.code).join(', ') || 'no reasons given';
  const text = `Moat incident ${i.id}: ${who} reached level ${i.level} (score ${i.score.toFixed(2)}): ${why}`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/**
 * The review queue: opens incidents from verdicts, and carries an analyst's acknowledge,
 * escalate and resolve decisions, each recorded in the audit log. A false-positive
 * resolution can exempt the accounts from the incident's reason codes for a while; the
 * exemptions are cached in memory so `exemptions()` is a synchronous hot-path lookup.
 */
export class ReviewQueue {
  private readonly store: ReviewStore;
  private readonly now: () => number;
  private exemptCache = new Map<string, Exemption[]>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: ReviewQueueDeps) {
    this.store = deps.store;
    this.now = deps.now ?? Date.now;
  }

  /** Load exemptions in force into the cache (call at start, and to pick up other replicas' changes). */
  async refresh(): Promise<void> {
    const all = await this.store.exemptions(undefined, this.now());
    const next = new Map<string, Exemption[]>();
    for (const e of all) next.set(e.account, [...(next.get(e.account) ?? []), e]);
    this.exemptCache = next;
  }

  /** Reason codes to ignore for `account` at `now` (false-positive exemptions). */
  exemptions(account: string, now = this.now()): string[] {
    return [
      ...new Set(
        (this.exemptCache.get(account) ?? []).filter((e) => e.until > now).map((e) => e.reasonCode),
      ),
    ];
  }

  /** Serialise work on one key within this process (the store's unique index covers other processes). */
  private serial<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.locks.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.locks.set(key, tail);
    void tail.then(() => this.locks.get(key) === tail && this.locks.delete(key));
    return run;
  }

  /**
   * Hook for every new verdict: at or above `openAtLevel` (the config's, or the account's
   * tier's when the caller passes it) it opens an incident for the
   * account (or its cluster), or folds into the open one. Returns the incident, if any.
   */
  onVerdict(
    v: Verdict,
    indicators: IncidentIndicators = {},
    openAtLevel: Level = this.deps.config.openAtLevel,
  ): Promise<Incident | undefined> {
    if (levelRank(v.level) < levelRank(openAtLevel)) return Promise.resolve(undefined);
    // A verdict resting only on exempted reasons (an analyst's false positive, a contract's
    // allowed use) opens nothing: otherwise every detector pass would reopen it.
    const exempt = new Set([
      ...this.exemptions(v.account),
      ...(this.deps.alsoExempt?.(v.account) ?? []),
    ]);
    if (v.reasons.length > 0 && v.reasons.every((r) => exempt.has(r.code)))
      return Promise.resolve(undefined);
    const subject =
      this.deps.config.groupByCluster && v.cluster
        ? `cluster:${v.cluster}`
        : `account:${v.account}`;
    return this.serial(subject, () => this.openOrMerge(subject, v, indicators));
  }

  private async openOrMerge(
    subject: string,
    v: Verdict,
    indicators: IncidentIndicators,
  ): Promise<Incident> {
    for (let tries = 0; ; tries++) {
      const open = await this.store.findOpen(subject);
      if (open) return this.merge(open, v, indicators);
      const now = this.now();
      const inc: Incident = {
        id: `inc_${randomBytes(8).toString('hex')}`,
        subject,
        accounts: [v.account],
        cluster: subject.startsWith('cluster:') ? v.cluster : null,
        level: v.level,
        score: v.score,
        reasons: v.reasons,
        indicators,
        status: 'open',
        resolution: null,
        openedAt: now,
        updatedAt: now,
        history: [{ at: now, by: 'detector', action: 'open', note: `level ${v.level}` }],
      };
      if (await this.store.insert(inc)) {
        await this.deps.audit?.append({
          actor: 'detector',
          action: 'incident.open',
          subject: inc.id,
          reason: `${subject} reached ${v.level}`,
          data: {
            accounts: inc.accounts,
            level: v.level,
            score: v.score,
            reasons: v.reasons.map((r) => r.code),
          },
        });
        this.deps.notify?.(message(inc));
        return inc;
      }
      if (tries > 3) throw new Error(`could not open an incident for ${subject}`);
    }
  }

  private async merge(
    open: Incident,
    v: Verdict,
    indicators: IncidentIndicators,
  ): Promise<Incident> {
    const raised = levelRank(v.level) > levelRank(open.level);
    const added = !open.accounts.includes(v.account);
    const next: Incident = {
      ...open,
      accounts: added ? [...open.accounts, v.account] : open.accounts,
      level: raised ? v.level : open.level,
      score: Math.max(open.score, v.score),
      reasons: mergeReasons(open.reasons, v.reasons),
      indicators: mergeIndicators(open.indicators, indicators),
      updatedAt: this.now(),
    };
    if (raised || added)
      next.history = [
        ...open.history,
        {
          at: next.updatedAt,
          by: 'detector',
          action: 'update',
          note: raised ? `level ${v.level}` : `account ${v.account} joined`,
        },
      ];
    await this.store.update(next);
    return next;
  }

  get(id: string): Promise<Incident | undefined> {
    return this.store.get(id);
  }

  list(q: IncidentQuery = {}): Promise<Incident[]> {
    return this.store.list(q);
  }

  /** An analyst has seen the incident. */
  acknowledge(id: string, by: string, note?: string): Promise<ReviewResult> {
    return this.transition(id, by, 'acknowledge', note, (i) =>
      i.status === 'open' ? 'acknowledged' : undefined,
    );
  }

  /** Hand the incident up (e.g. to legal or the trust & safety lead). */
  escalate(id: string, by: string, note?: string): Promise<ReviewResult> {
    return this.transition(id, by, 'escalate', note, (i) =>
      i.status === 'resolved' ? undefined : 'escalated',
    );
  }

  /**
   * Close the incident as a confirmed campaign or a false positive. A false positive
   * with `exempt` adds expiring exemptions for its accounts and reason codes.
   */
  async resolve(
    id: string,
    by: string,
    resolution: Resolution,
    note?: string,
    exempt?: ExemptOptions,
  ): Promise<ReviewResult> {
    const r = await this.transition(
      id,
      by,
      'resolve',
      note,
      (i) => (i.status === 'resolved' ? undefined : 'resolved'),
      resolution,
    );
    if (!r.ok || resolution !== 'false_positive' || !exempt) return r;
    const now = this.now();
    const until = now + (exempt.days ?? this.deps.config.exemptionDays) * DAY;
    const codes = exempt.reasonCodes ?? r.value.reasons.map((x) => x.code);
    await this.deps.audit?.append({
      actor: by,
      action: 'exemption.add',
      subject: id,
      reason: note,
      data: { accounts: r.value.accounts, reasonCodes: codes, until },
    });
    for (const account of r.value.accounts) {
      for (const reasonCode of codes) {
        const e: Exemption = { account, reasonCode, until, incident: id, by, createdAt: now };
        await this.store.addExemption(e);
        this.exemptCache.set(account, [...(this.exemptCache.get(account) ?? []), e]);
      }
    }
    return r;
  }

  private transition(
    id: string,
    by: string,
    action: 'acknowledge' | 'escalate' | 'resolve',
    note: string | undefined,
    to: (i: Incident) => Incident['status'] | undefined,
    resolution?: Resolution,
  ): Promise<ReviewResult> {
    return this.serial(`id:${id}`, async (): Promise<ReviewResult> => {
      const cur = await this.store.get(id);
      if (!cur) return { ok: false, error: { code: 'not_found', message: `no incident ${id}` } };
      const status = to(cur);
      if (!status)
        return {
          ok: false,
          error: { code: 'conflict', message: `incident ${id} is ${cur.status}; cannot ${action}` },
        };
      const at = this.now();
      const next: Incident = {
        ...cur,
        status,
        resolution: resolution ?? cur.resolution,
        updatedAt: at,
        history: [...cur.history, { at, by, action, ...(note !== undefined ? { note } : {}) }],
      };
      // Audited first (issue 14): a decision whose entry cannot be written is not made.
      await this.deps.audit?.append({
        actor: by,
        action: `incident.${action}`,
        subject: id,
        reason: note,
        data: { status, resolution: next.resolution, accounts: next.accounts },
      });
      await this.store.update(next);
      return { ok: true, value: next };
    });
  }

  /** Ground truth from resolved incidents: one label per account (for the evaluation). */
  async labels(): Promise<GroundTruthLabel[]> {
    const out: GroundTruthLabel[] = [];
    for (const i of await this.store.list({ status: 'resolved', limit: 1_000_000 })) {
      const last = [...i.history].reverse().find((h) => h.action === 'resolve');
      for (const account of i.accounts) {
        out.push({
          account,
          incident: i.id,
          cluster: i.cluster,
          label: i.resolution ?? 'confirmed',
          reasons: i.reasons.map((r) => r.code),
          level: i.level,
          resolvedAt: last?.at ?? i.updatedAt,
          by: last?.by ?? 'unknown',
          ...(last?.note !== undefined ? { note: last.note } : {}),
        });
      }
    }
    return out;
  }

  /** Incidents resolved as confirmed campaigns (the input of intel export). */
  confirmed(): Promise<Incident[]> {
    return this.store.list({ status: 'resolved', resolution: 'confirmed', limit: 1_000_000 });
  }
}

/** The highest level a set of incidents reached (for summaries). */
export function maxLevel(incidents: Incident[]): Level | undefined {
  return incidents.reduce<Level | undefined>(
    (m, i) => (m === undefined || levelRank(i.level) > levelRank(m) ? i.level : m),
    undefined,
  );
}
