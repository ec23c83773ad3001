import type { MoatConfig } from '../config/config.js';
import { governanceDatabase } from '../store/index.js';
import { migrated } from '../store/database.js';
import { IndicatorMatcher, type MatcherOptions } from './indicators.js';
import type { IntelStore } from './store.js';
import { SqliteIntelStore } from './sqlite/sqlite-intel.js';
import { PostgresIntelStore } from './postgres/postgres-intel.js';

/** The intel store the config names (`<dataDir>/governance.db`, or PostgreSQL), on the process's database, migrated. */
export async function openIntelStore(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
): Promise<IntelStore> {
  const at = governanceDatabase(cfg, 'governance');
  return migrated<IntelStore>(
    at.kind === 'postgres'
      ? new PostgresIntelStore(at.db, { schema: at.schema })
      : new SqliteIntelStore(at.db, { schema: at.schema }),
  );
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
  opts: MatcherOptions = {},
): Promise<IndicatorMatcher> {
  return new IndicatorMatcher(await store.live(now), weight, opts);
}
