import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MoatConfig } from '../config/config.js';
import { governanceOnPostgres } from '../review/open.js';
import { IndicatorMatcher } from './indicators.js';
import type { IntelStore } from './store.js';
import { SqliteIntelStore } from './sqlite/sqlite-intel.js';
import { PostgresIntelStore } from './postgres/postgres-intel.js';

/** The intel store the config names (`<dataDir>/governance.db`, or PostgreSQL), migrated. */
export async function openIntelStore(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
): Promise<IntelStore> {
  let store: IntelStore;
  if (governanceOnPostgres(cfg)) {
    if (!cfg.store.url)
      throw new Error('governance on postgres needs store.url (or MOAT_DATABASE_URL)');
    store = new PostgresIntelStore(cfg.store.url, { schema: cfg.audit.postgresSchema });
  } else {
    mkdirSync(cfg.dataDirAbs, { recursive: true, mode: 0o700 });
    store = new SqliteIntelStore(join(cfg.dataDirAbs, 'governance.db'));
  }
  await store.migrate();
  return store;
}

/**
 * A matcher over every live imported indicator; rebuild it after an import (or
 * periodically) and call `matchIndicators` from the detector.
 * @example const m = await loadIndicatorMatcher(store, cfg.intel.matchWeight); m.matchIndicators({ ip })
 */
export async function loadIndicatorMatcher(
  store: IntelStore,
  weight: number,
  now = Date.now(),
): Promise<IndicatorMatcher> {
  return new IndicatorMatcher(await store.live(now), weight);
}
