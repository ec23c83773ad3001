import type { Level, TelemetryEvent } from '../telemetry/event.js';
import { LEVELS } from '../telemetry/event.js';
import type { AuditEntry } from '../audit/entry.js';

/** A change of an account's level, from the audit log. `to` is null when a pin was removed. */
export interface LevelChange {
  ts: number;
  account: string;
  from: Level | null;
  to: Level | null;
  actor: string;
  action: string;
  reason?: string;
}

/** Per-model usage. */
export interface ModelUsage {
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

/** A usage report for an account or an organisation over [from, to). */
export interface UsageReport {
  reportVersion: 1;
  subject: { kind: 'account' | 'organization'; id: string };
  accounts: string[];
  period: { from: string; to: string };
  generatedAt: string;
  totals: { requests: number; inputTokens: number; outputTokens: number; errors: number };
  models: ModelUsage[];
  /** Requests by the enforcement action applied (throttled, degraded, challenged, blocked) … */
  actions: { throttled: number; degraded: number; challenged: number; blocked: number };
  /** … and by every raw action value seen (allow, monitor, limiter outcomes…). */
  byAction: Record<string, number>;
  levels: {
    /** Level at the end of the period (or now, when the caller gives current levels). */
    current: Record<string, Level | null>;
    /** Level at the start of the period. */
    atStart: Record<string, Level | null>;
    /** Changes within the period, oldest first. */
    changes: LevelChange[];
  };
}

const ACTION_BUCKET: Record<string, keyof UsageReport['actions']> = {
  throttle: 'throttled',
  throttled: 'throttled',
  rate_limited: 'throttled',
  degrade: 'degraded',
  degraded: 'degraded',
  challenge: 'challenged',
  challenged: 'challenged',
  block: 'blocked',
  blocked: 'blocked',
};

const isLevel = (v: unknown): v is Level =>
  typeof v === 'string' && (LEVELS as readonly string[]).includes(v);

/**
 * Level changes of `accounts` recorded in the audit log: `level.change` entries
 * (data `{from, to}`, written by the ladder), and admin pins (`level.pinned` with
 * data `{level}`, `level.unpinned`).
 */
export async function levelHistory(
  entries: AsyncIterable<AuditEntry>,
  accounts: Set<string>,
): Promise<LevelChange[]> {
  const out: LevelChange[] = [];
  for await (const e of entries) {
    if (!accounts.has(e.subject)) continue;
    const d = e.data ?? {};
    let from: Level | null = isLevel(d['from']) ? d['from'] : null;
    let to: Level | null;
    if (e.action === 'level.change' || e.action === 'level.changed')
      to = isLevel(d['to']) ? d['to'] : isLevel(d['level']) ? d['level'] : null;
    else if (e.action === 'level.pinned' || e.action === 'pin.set')
      to = isLevel(d['level']) ? d['level'] : null;
    else if (e.action === 'level.unpinned' || e.action === 'pin.clear') [from, to] = [from, null];
    else continue;
    out.push({
      ts: e.ts,
      account: e.subject,
      from,
      to,
      actor: e.actor,
      action: e.action,
      ...(e.reason !== undefined ? { reason: e.reason } : {}),
    });
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** What buildUsageReport needs besides the events. */
export interface UsageOptions {
  subject: { kind: 'account' | 'organization'; id: string };
  accounts: string[];
  from: number;
  to: number;
  /** From levelHistory(); any time range (earlier entries give the level at the start). */
  history: LevelChange[];
  /** Levels now, from the verdict store; overrides the history's last value. */
  currentLevels?: Record<string, Level | null>;
  now?: number;
}

function levelsAt(
  history: LevelChange[],
  accounts: string[],
  t: number,
): Record<string, Level | null> {
  const at: Record<string, Level | null> = Object.fromEntries(accounts.map((a) => [a, null]));
  for (const c of history) if (c.ts < t && c.account in at) at[c.account] = c.to;
  return at;
}

/**
 * Aggregate telemetry events into a usage report: requests and tokens per model,
 * enforcement actions with counts, and levels at the start, at the end and in between.
 * Storage-agnostic: events come from any iterable (the store filters by account and
 * time where it can; this filters again).
 */
export async function buildUsageReport(
  events: AsyncIterable<TelemetryEvent> | Iterable<TelemetryEvent>,
  o: UsageOptions,
): Promise<UsageReport> {
  const members = new Set(o.accounts);
  const models = new Map<string, ModelUsage>();
  const totals = { requests: 0, inputTokens: 0, outputTokens: 0, errors: 0 };
  const actions = { throttled: 0, degraded: 0, challenged: 0, blocked: 0 };
  const byAction: Record<string, number> = {};
  for await (const e of events) {
    if (!members.has(e.account) || e.ts < o.from || e.ts >= o.to) continue;
    const inT = e.response?.inputTokens ?? 0;
    const outT = e.response?.outputTokens ?? 0;
    const m = models.get(e.model) ?? {
      model: e.model,
      requests: 0,
      inputTokens: 0,
      outputTokens: 0,
    };
    m.requests++;
    m.inputTokens += inT;
    m.outputTokens += outT;
    models.set(e.model, m);
    totals.requests++;
    totals.inputTokens += inT;
    totals.outputTokens += outT;
    if (e.status >= 400) totals.errors++;
    byAction[e.action] = (byAction[e.action] ?? 0) + 1;
    const bucket = ACTION_BUCKET[e.action];
    if (bucket) actions[bucket]++;
  }
  const current = { ...levelsAt(o.history, o.accounts, o.to), ...(o.currentLevels ?? {}) };
  return {
    reportVersion: 1,
    subject: o.subject,
    accounts: [...o.accounts].sort(),
    period: { from: new Date(o.from).toISOString(), to: new Date(o.to).toISOString() },
    generatedAt: new Date(o.now ?? Date.now()).toISOString(),
    totals,
    models: [...models.values()].sort((a, b) => a.model.localeCompare(b.model)),
    actions,
    byAction: Object.fromEntries(Object.entries(byAction).sort(([a], [b]) => a.localeCompare(b))),
    levels: {
      current,
      atStart: levelsAt(o.history, o.accounts, o.from),
      changes: o.history.filter((c) => members.has(c.account) && c.ts >= o.from && c.ts < o.to),
    },
  };
}
