import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { MoatConfig } from '../config/config.js';
import { governanceDatabase, governanceOnPostgres, openPostgres } from '../store/index.js';
import { openSqliteDatabase } from '../store/database.js';
import type { AuditLog } from './log.js';
import { loadOrCreateSigner, type CheckpointSigner } from './signer.js';
import { SqliteAuditLog } from './sqlite/sqlite-log.js';
import { PostgresAuditLog } from './postgres/postgres-log.js';

/** The checkpoint/report signing key named by config (generated into the data dir when absent). */
export function auditSigner(cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit'>): CheckpointSigner {
  return loadOrCreateSigner(cfg.audit.signingKeyFile ?? join(cfg.dataDirAbs, 'audit-ed25519.pem'));
}

/** There is no audit log where the config points (a read-only open never creates one). */
export class AuditLogMissingError extends Error {
  override readonly name = 'AuditLogMissingError';
}

/**
 * Open the audit log the config names: `<dataDir>/audit.db`, or the PostgreSQL store's
 * database when `audit.backend` is postgres (or auto with `store.kind: postgres`).
 * `readOnly` (verification) opens an existing log only: a missing one is an
 * AuditLogMissingError, never a fresh empty log that would verify "ok".
 */
export async function openAuditLog(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
  opts: { readOnly?: boolean } = {},
): Promise<AuditLog> {
  const readOnly = opts.readOnly === true;
  const signer = auditSigner(cfg);
  const common = {
    signer,
    checkpointEvery: cfg.audit.checkpointEvery,
    checkpointEveryMs: cfg.audit.checkpointEveryMs,
    headFile: cfg.audit.headFile ?? join(cfg.dataDirAbs, 'audit-head.json'),
    readOnly,
  };
  if (governanceOnPostgres(cfg)) {
    const log = new PostgresAuditLog(openPostgres(cfg), {
      ...common,
      schema: cfg.audit.postgresSchema,
    });
    try {
      if (!readOnly) await log.migrate();
      else if (!(await log.exists())) {
        throw new AuditLogMissingError(
          `no audit log in PostgreSQL schema "${cfg.audit.postgresSchema}": nothing to verify (it was never created there, or it was dropped)`,
        );
      }
    } catch (err) {
      await log.close();
      throw err;
    }
    return log;
  }
  const file = join(cfg.dataDirAbs, 'audit.db');
  if (readOnly) {
    if (!existsSync(file)) {
      throw new AuditLogMissingError(
        `no audit log at ${file}: nothing to verify (it was never created here, or it was deleted)`,
      );
    }
    // Verification opens the one file, read-only: nothing is created in the data dir.
    return new SqliteAuditLog(openSqliteDatabase(file, { readOnly: true }), common);
  }
  const at = governanceDatabase(cfg, 'audit');
  if (at.kind !== 'sqlite') throw new Error('unreachable: governance is on SQLite here');
  return new SqliteAuditLog(at.db, { ...common, schema: at.schema });
}
