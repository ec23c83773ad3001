import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeTests } from '../store.case.js';
import { SqliteStore } from './sqlite-store.js';

storeTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-store-'));
  const store = new SqliteStore(join(dir, 'moat.db'));
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
