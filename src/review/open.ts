import type { MoatConfig } from '../config/config.js';
import { governanceDatabase } from '../store/index.js';
import { migrated } from '../store/database.js';
import type { ReviewStore } from './incident.js';
import { SqliteReviewStore } from './sqlite/sqlite-review.js';
import { PostgresReviewStore } from './postgres/postgres-review.js';

export { governanceOnPostgres } from '../store/index.js';

/** The review store the config names (`<dataDir>/governance.db`, or PostgreSQL), on the process's database, migrated. */
export async function openReviewStore(
  cfg: Pick<MoatConfig, 'dataDirAbs' | 'audit' | 'store'>,
): Promise<ReviewStore> {
  const at = governanceDatabase(cfg, 'governance');
  return migrated<ReviewStore>(
    at.kind === 'postgres'
      ? new PostgresReviewStore(at.db, { schema: at.schema })
      : new SqliteReviewStore(at.db, { schema: at.schema }),
  );
}
