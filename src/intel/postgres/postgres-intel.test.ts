import { randomBytes } from 'node:crypto';
import { intelStoreTests } from '../intel.case.js';
import { PostgresIntelStore } from './postgres-intel.js';
import { openPostgresDatabase } from '../../store/database.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

intelStoreTests('postgres', async () => {
  const store = new PostgresIntelStore(openPostgresDatabase(url), {
    schema: `intel_${randomBytes(6).toString('hex')}`,
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
