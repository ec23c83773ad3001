import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MoatConfig } from '../config/config.js';
import type { CanaryStore } from '../provenance/canary-store.js';
import { SqliteCanaryStore } from '../provenance/canary-store/sqlite.js';
import { PostgresCanaryStore } from '../provenance/canary-store/postgres.js';
import { openPostgres } from '../store/index.js';
import { migrated, openSqliteDatabase } from '../store/database.js';

/**
 * The canary store on the process's database: PostgreSQL (the store's schema) when it is the
 * store, so a probe from any replica sees the canaries every replica planted (issue 15);
 * else `<dataDir>/provenance.db` attached to the SQLite connection.
 * @example const canaries = await openCanaryStore(cfg); await canaries.accounts()
 */
export async function openCanaryStore(
  cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'>,
): Promise<CanaryStore> {
  if (cfg.store.kind === 'postgres') {
    return migrated(new PostgresCanaryStore(openPostgres(cfg), { schema: cfg.store.schema }));
  }
  const db = openSqliteDatabase(join(cfg.dataDirAbs, 'moat.db'));
  return new SqliteCanaryStore(db, {
    schema: db.attach('provenance', join(cfg.dataDirAbs, 'provenance.db')),
  });
}

/**
 * As `openCanaryStore`, for read-only commands: a SQLite data dir that never planted
 * anything gives undefined instead of a new file.
 */
export async function openExistingCanaryStore(
  cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'>,
): Promise<CanaryStore | undefined> {
  if (cfg.store.kind === 'sqlite' && !existsSync(join(cfg.dataDirAbs, 'provenance.db')))
    return undefined;
  return openCanaryStore(cfg);
}
