import { randomBytes } from 'node:crypto';
import { storeTests } from '../store.case.js';
import { PostgresStore } from './postgres-store.js';
import { openPostgresDatabase } from '../database.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

storeTests('postgres', async () => {
  const store = new PostgresStore(openPostgresDatabase(url), {
    schema: `t_${randomBytes(6).toString('hex')}`,
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
