import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewStoreTests } from '../review.case.js';
import { SqliteReviewStore } from './sqlite-review.js';
import { openSqliteDatabase } from '../../store/database.js';

reviewStoreTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-review-'));
  // As `moat serve` lays it out: governance.db attached to the connection on moat.db.
  const db = openSqliteDatabase(join(dir, 'moat.db'));
  const store = new SqliteReviewStore(db, {
    schema: db.attach('governance', join(dir, 'governance.db')),
  });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
