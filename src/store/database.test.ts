import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrated, openPostgresDatabase, openSqliteDatabase, schemaName } from './database.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

const PG = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

test('issue 15: one SQLite handle per file per process, closed by its last user', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-db-'));
  try {
    const file = join(dir, 'moat.db');
    const a = openSqliteDatabase(file);
    assert.equal(
      openSqliteDatabase(join(dir, '.', 'moat.db')),
      a,
      'the same handle for the same file',
    );
    const s1 = new SqliteStore(a);
    const s2 = new SqliteStore(openSqliteDatabase(file));
    await s1.close();
    assert.equal(a.isClosed, false, 'still in use by the second store');
    await s2.close();
    assert.equal(a.isClosed, true);
    assert.equal(a.db.open, false);
    assert.notEqual(openSqliteDatabase(file), a, 'a later open is a fresh handle');
    assert.throws(() => a.retain(), /already closed/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 15: attach is idempotent per name and refuses a second file under one name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-db-'));
  const db = openSqliteDatabase(join(dir, 'moat.db')).retain();
  try {
    assert.equal(db.attach('audit', join(dir, 'audit.db'), { synchronous: 'FULL' }), 'audit');
    assert.equal(db.attach('audit', join(dir, 'audit.db')), 'audit');
    assert.throws(() => db.attach('audit', join(dir, 'other.db')), /already/);
    assert.throws(() => db.attach('main', join(dir, 'x.db')), /invalid schema/);
    assert.equal(db.db.pragma('audit.synchronous', { simple: true }), 2);
    assert.equal(
      db.db.pragma('main.synchronous', { simple: true }),
      1,
      'the main file keeps NORMAL',
    );
  } finally {
    void db.release();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 15: a read-only open creates nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-db-'));
  try {
    assert.throws(() => openSqliteDatabase(join(dir, 'audit.db'), { readOnly: true }));
    assert.equal(existsSync(join(dir, 'audit.db')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 15: one PostgreSQL pool per URL; a failed migration releases it', async () => {
  const a = openPostgresDatabase(PG);
  assert.equal(openPostgresDatabase(PG), a);
  const failing = {
    migrate: () => Promise.reject(new Error('boom')),
    close: () => a.release(),
  };
  a.retain();
  await assert.rejects(migrated(failing), /boom/);
  assert.equal(a.isClosed, true, 'the only user released it');
  assert.equal((await openPostgresDatabase(PG).retain().health()).ok, true);
  await openPostgresDatabase(PG).release();
  assert.throws(() => schemaName('Robert"; DROP'), /invalid schema name/);
});
