import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openAuditLog } from '../audit/open.js';
import type { AuditEntry } from '../audit/log.js';
import type { MoatConfig } from '../config/config.js';
import type { Store } from '../store/store.js';
import { LEVELS } from '../telemetry/event.js';
import type { RiskSample, VerdictHistory } from './traffic.js';

/** How far back, and how many level changes at most, the timelines are rebuilt from at start. */
export const RISK_SEED = { days: 30, maxEntries: 200_000 };

/** The part of a `level.change` entry's data a timeline needs (the governance extension writes it). */
const levelChange = z.object({ to: z.enum(LEVELS), score: z.number().min(0).max(1) });

/**
 * The risk point a detector `level.change` audit entry records: its time, the account
 * (subject), the level it moved to and the score that moved it; undefined for any other entry.
 */
export function riskSampleOf(e: AuditEntry): RiskSample | undefined {
  if (e.action !== 'level.change') return undefined;
  const d = levelChange.safeParse(e.data);
  return d.success
    ? { account: e.subject, ts: e.ts, score: d.data.score, level: d.data.to }
    : undefined;
}

/**
 * Level changes recorded in the audit log since `since`, newest first, at most `limit`.
 * Empty when this deployment has no audit log (no signing key: governance never ran here),
 * so opening it read-only creates nothing.
 */
export async function auditedRisk(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
  since: number,
  limit: number,
): Promise<RiskSample[]> {
  if (!existsSync(cfg.audit.signingKeyFile ?? join(cfg.dataDirAbs, 'audit-ed25519.pem'))) return [];
  const log = await openAuditLog(cfg, { readOnly: true });
  try {
    const out: RiskSample[] = [];
    for await (const e of log.list({ since, order: 'desc', limit })) {
      const s = riskSampleOf(e);
      if (s) out.push(s);
    }
    return out;
  } finally {
    await log.close();
  }
}

/**
 * Rebuild the risk timelines after a start: each account's level changes from the audit
 * log (the detector's `level.change` entries carry the score) and the verdict in force from
 * the store. Score moves within a level are kept in memory only (VerdictHistory), so after a
 * restart a timeline shows the level changes of the last RISK_SEED.days, then live points.
 */
export async function seedRiskHistory(
  deps: { config: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>; store: Store },
  history: VerdictHistory,
  now = Date.now(),
): Promise<void> {
  const inForce = await deps.store.listVerdicts({ minLevel: 'allow', limit: 1_000_000 });
  history.seed(
    inForce.map((v) => ({ account: v.account, ts: v.updatedAt, score: v.score, level: v.level })),
  );
  history.seed(
    await auditedRisk(deps.config, now - RISK_SEED.days * 86_400_000, RISK_SEED.maxEntries),
  );
}
