import { join } from 'node:path';
import type { MoatConfig } from '../config/config.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';

/** Open the store the config names (SQLite file in the data dir by default) and migrate it. */
export async function openStore(cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'>): Promise<Store> {
  const store: Store =
    cfg.store.kind === 'postgres'
      ? new PostgresStore(cfg.store.url!, { schema: cfg.store.schema })
      : new SqliteStore(join(cfg.dataDirAbs, 'moat.db'));
  await store.migrate();
  return store;
}
