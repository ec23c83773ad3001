import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeTests } from '../store.case.js';
import { SqliteStore } from './sqlite-store.js';
import { openSqliteDatabase } from '../database.js';

storeTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-store-'));
  const store = new SqliteStore(openSqliteDatabase(join(dir, 'moat.db')));
  await store.migrate();
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

test('issue 14: the database files (moat.db and the attached ones) and their WAL/SHM files are created owner-only (0600)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-store-'));
  const old = process.umask(0o022);
  try {
    const file = join(dir, 'sub', 'moat.db');
    const db = openSqliteDatabase(file);
    const store = new SqliteStore(db);
    await store.migrate();
    await store.insertEvents([
      {
        ts: 1,
        account: 'a',
        key: 'k',
        endpoint: 'messages',
        model: 'm',
        request: { messages: [] },
        status: 200,
        action: 'allow',
      },
    ]);
    // audit.db, governance.db and provenance.db are ATTACHed to the same connection.
    const audit = join(dir, 'sub', 'audit.db');
    const s = db.attach('audit', audit, { synchronous: 'FULL' });
    db.db.exec(`CREATE TABLE ${s}.t (x); INSERT INTO ${s}.t VALUES (1)`);
    for (const f of [file, `${file}-wal`, `${file}-shm`, audit, `${audit}-wal`, `${audit}-shm`]) {
      if (existsSync(f)) assert.equal(statSync(f).mode & 0o777, 0o600, f);
    }
    assert.ok(existsSync(audit));
    assert.ok(existsSync(`${file}-wal`), 'WAL mode made a -wal file to check');
    assert.equal(statSync(join(dir, 'sub')).mode & 0o777, 0o700);
    await store.close();
  } finally {
    process.umask(old);
    rmSync(dir, { recursive: true, force: true });
  }
});
