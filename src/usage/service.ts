import { createHash } from 'node:crypto';
import type { Level, TelemetryEvent } from '../telemetry/event.js';
import type { AuditLog } from '../audit/log.js';
import type { CheckpointSigner } from '../audit/signer.js';
import { buildUsageReport, levelHistory } from './report.js';
import { signReport, type SignedReport } from './format.js';

/** Where a usage report's inputs come from (the lead wires these to the store). */
export interface UsageSources {
  /** Events of one account in [since, until) — e.g. `(q) => store.events(q)`. */
  events(q: { account: string; since: number; until: number }): AsyncIterable<TelemetryEvent>;
  audit: AuditLog;
  signer: CheckpointSigner;
  /** The account's level now (verdict store / pin), for `levels.current`. */
  currentLevel?(account: string): Promise<Level | null | undefined>;
  /** Accounts of an organisation, for organisation reports. */
  organizationAccounts?(org: string): Promise<string[]>;
}

/** One report request. */
export interface UsageRequest {
  subject: { kind: 'account' | 'organization'; id: string };
  from: number;
  to: number;
  format: 'json' | 'csv';
  actor: string;
}

async function* concat(
  src: UsageSources,
  accounts: string[],
  since: number,
  until: number,
): AsyncIterable<TelemetryEvent> {
  for (const account of accounts) yield* src.events({ account, since, until });
}

/**
 * Build, sign and audit a usage report. Returns undefined when an organisation has no
 * accounts (or organisation reports are not wired).
 */
export async function produceUsageReport(
  src: UsageSources,
  req: UsageRequest,
  now = Date.now(),
): Promise<SignedReport | undefined> {
  const accounts =
    req.subject.kind === 'account'
      ? [req.subject.id]
      : ((await src.organizationAccounts?.(req.subject.id)) ?? []);
  if (accounts.length === 0) return undefined;
  const history = await levelHistory(src.audit.list({ until: req.to }), new Set(accounts));
  const currentLevels: Record<string, Level | null> = {};
  if (src.currentLevel && req.to >= now) {
    for (const a of accounts) {
      const l = await src.currentLevel(a);
      if (l !== undefined) currentLevels[a] = l;
    }
  }
  const report = await buildUsageReport(concat(src, accounts, req.from, req.to), {
    subject: req.subject,
    accounts,
    from: req.from,
    to: req.to,
    history,
    currentLevels,
    now,
  });
  const signed = signReport(report, req.format, src.signer);
  await src.audit.append({
    actor: req.actor,
    action: 'usage.export',
    subject: req.subject.id,
    data: {
      kind: req.subject.kind,
      from: req.from,
      to: req.to,
      format: req.format,
      sha256: createHash('sha256').update(signed.body).digest('hex'),
      keyId: signed.keyId,
    },
  });
  return signed;
}
