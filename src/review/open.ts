import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MoatConfig } from '../config/config.js';
import type { ReviewStore } from './incident.js';
import { SqliteReviewStore } from './sqlite/sqlite-review.js';
import { PostgresReviewStore } from './postgres/postgres-review.js';

/** True when governance data lives in PostgreSQL (audit.backend, or auto with store.kind postgres). */
export function governanceOnPostgres(cfg: Pick<MoatConfig, 'audit' | 'store'>): boolean {
  return (cfg.audit.backend === 'auto' ? cfg.store.kind : cfg.audit.backend) === 'postgres';
}

/** The review store the config names (`<dataDir>/governance.db`, or PostgreSQL), migrated. */
export async function openReviewStore(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
): Promise<ReviewStore> {
  let store: ReviewStore;
  if (governanceOnPostgres(cfg)) {
    if (!cfg.store.url)
      throw new Error('governance on postgres needs store.url (or MOAT_DATABASE_URL)');
    store = new PostgresReviewStore(cfg.store.url, { schema: cfg.audit.postgresSchema });
  } else {
    mkdirSync(cfg.dataDirAbs, { recursive: true, mode: 0o700 });
    store = new SqliteReviewStore(join(cfg.dataDirAbs, 'governance.db'));
  }
  await store.migrate();
  return store;
}
