import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { MoatConfig } from '../config/config.js';
import type { AuditLog } from './log.js';
import { loadOrCreateSigner, type CheckpointSigner } from './signer.js';
import { SqliteAuditLog } from './sqlite/sqlite-log.js';
import { PostgresAuditLog } from './postgres/postgres-log.js';

/** The checkpoint/report signing key named by config (generated into the data dir when absent). */
export function auditSigner(cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit'>): CheckpointSigner {
  return loadOrCreateSigner(cfg.audit.signingKeyFile ?? join(cfg.dataDirAbs, 'audit-ed25519.pem'));
}

/**
 * Open the audit log the config names: `<dataDir>/audit.db`, or the PostgreSQL store's
 * database when `audit.backend` is postgres (or auto with `store.kind: postgres`).
 */
export async function openAuditLog(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
): Promise<AuditLog> {
  const signer = auditSigner(cfg);
  const backend = cfg.audit.backend === 'auto' ? cfg.store.kind : cfg.audit.backend;
  if (backend === 'postgres') {
    if (!cfg.store.url)
      throw new Error('audit.backend postgres needs store.url (or MOAT_DATABASE_URL)');
    const log = new PostgresAuditLog(cfg.store.url, {
      signer,
      schema: cfg.audit.postgresSchema,
      checkpointEvery: cfg.audit.checkpointEvery,
    });
    await log.migrate();
    return log;
  }
  mkdirSync(cfg.dataDirAbs, { recursive: true, mode: 0o700 });
  return new SqliteAuditLog(join(cfg.dataDirAbs, 'audit.db'), {
    signer,
    checkpointEvery: cfg.audit.checkpointEvery,
  });
}
