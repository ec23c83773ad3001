import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewStoreTests } from '../review.case.js';
import { SqliteReviewStore } from './sqlite-review.js';

reviewStoreTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-review-'));
  const store = new SqliteReviewStore(join(dir, 'governance.db'));
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
