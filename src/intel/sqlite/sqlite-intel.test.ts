import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intelStoreTests } from '../intel.case.js';
import { SqliteIntelStore } from './sqlite-intel.js';

intelStoreTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-intel-'));
  const store = new SqliteIntelStore(join(dir, 'governance.db'));
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
