import { after } from 'node:test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canaryStoreTests } from './canary.case.js';
import { MemoryCanaryStore } from './memory.js';
import { SqliteCanaryStore } from './sqlite.js';
import { PostgresCanaryStore } from './postgres.js';
import { openPostgresDatabase, openSqliteDatabase } from '../../store/database.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const dir = mkdtempSync(join(tmpdir(), 'moat-canary-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

canaryStoreTests('memory', async () => {
  const store = new MemoryCanaryStore();
  return { store, cleanup: () => store.close() };
});

canaryStoreTests('sqlite', async () => {
  // As `moat serve` lays it out: provenance.db attached to the connection on moat.db.
  const i = n++;
  const db = openSqliteDatabase(join(dir, `moat-${i}.db`));
  const store = new SqliteCanaryStore(db, {
    schema: db.attach('provenance', join(dir, `provenance-${i}.db`)),
  });
  return { store, cleanup: () => store.close() };
});

canaryStoreTests('postgres', async () => {
  const store = new PostgresCanaryStore(openPostgresDatabase(url), {
    schema: `canary_${randomBytes(6).toString('hex')}`,
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
