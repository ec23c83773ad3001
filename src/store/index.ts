import { join } from 'node:path';
import type { MoatConfig } from '../config/config.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import {
  migrated,
  openPostgresDatabase,
  openSqliteDatabase,
  type DatabaseHandle,
  type PostgresDatabase,
  type SqliteDatabase,
} from './database.js';

/**
 * The process's database for this config: the SQLite connection on `<dataDir>/moat.db`, or
 * the one PostgreSQL pool on `store.url`. Every repository of the process is built on it.
 */
export function openDatabase(cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'>): DatabaseHandle {
  return cfg.store.kind === 'postgres'
    ? openPostgres(cfg)
    : openSqliteDatabase(join(cfg.dataDirAbs, 'moat.db'));
}

/** The process's PostgreSQL pool on `store.url` (also for governance on PostgreSQL beside a SQLite store). */
export function openPostgres(
  cfg: Pick<MoatConfig, 'store'>,
): ReturnType<typeof openPostgresDatabase> {
  if (!cfg.store.url) throw new Error('PostgreSQL needs store.url (or MOAT_DATABASE_URL)');
  return openPostgresDatabase(cfg.store.url, { max: cfg.store.poolMax });
}

/** Where a governance repository (audit, review, intel) lives: a handle and the schema on it. */
export type GovernancePlace =
  | { kind: 'sqlite'; db: SqliteDatabase; schema: string }
  | { kind: 'postgres'; db: PostgresDatabase; schema: string };

/** True when governance data lives in PostgreSQL (audit.backend, or auto with store.kind postgres). */
export function governanceOnPostgres(cfg: Pick<MoatConfig, 'audit' | 'store'>): boolean {
  return (cfg.audit.backend === 'auto' ? cfg.store.kind : cfg.audit.backend) === 'postgres';
}

/**
 * The process's handle for governance data: the PostgreSQL pool (schema `audit.postgresSchema`),
 * or the SQLite connection with `<dataDir>/<file>.db` attached as schema `<file>` — the audit
 * log keeps its own file, durable on every commit; review and intel share `governance.db`.
 */
export function governanceDatabase(
  cfg: Pick<MoatConfig, 'store' | 'dataDirAbs' | 'audit'>,
  file: 'audit' | 'governance',
): GovernancePlace {
  if (governanceOnPostgres(cfg))
    return { kind: 'postgres', db: openPostgres(cfg), schema: cfg.audit.postgresSchema };
  const db = openSqliteDatabase(join(cfg.dataDirAbs, 'moat.db'));
  const schema = db.attach(file, join(cfg.dataDirAbs, `${file}.db`), {
    synchronous: file === 'audit' ? 'FULL' : 'NORMAL',
  });
  return { kind: 'sqlite', db, schema };
}

/**
 * Open the store the config names (SQLite file in the data dir by default) and migrate it.
 * `onError` hears the PostgreSQL pool's errors (the gateway logs them).
 */
export async function openStore(
  cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'>,
  opts: { onError?: (err: Error) => void } = {},
): Promise<Store> {
  const db = openDatabase(cfg);
  if (db.kind === 'postgres' && opts.onError) db.onError(opts.onError);
  return migrated<Store>(
    db.kind === 'postgres'
      ? new PostgresStore(db, { schema: cfg.store.schema })
      : new SqliteStore(db),
  );
}
