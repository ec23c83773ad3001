import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { intelStoreTests } from '../intel.case.js';
import { SqliteIntelStore } from './sqlite-intel.js';
import { openSqliteDatabase } from '../../store/database.js';

intelStoreTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-intel-'));
  // As `moat serve` lays it out: governance.db attached to the connection on moat.db.
  const db = openSqliteDatabase(join(dir, 'moat.db'));
  const store = new SqliteIntelStore(db, {
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
