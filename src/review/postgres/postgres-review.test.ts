import { randomBytes } from 'node:crypto';
import { reviewStoreTests } from '../review.case.js';
import { PostgresReviewStore } from './postgres-review.js';
import { openPostgresDatabase } from '../../store/database.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

reviewStoreTests('postgres', async () => {
  const store = new PostgresReviewStore(openPostgresDatabase(url), {
    schema: `review_${randomBytes(6).toString('hex')}`,
  });
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.dropSchema();
      await store.close();
    },
  };
});
