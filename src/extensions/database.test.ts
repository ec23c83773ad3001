import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { startGateway } from '../test-support/gateway.js';
import { openPostgresDatabase, openSqliteDatabase } from '../store/database.js';
import { defaultExtensions } from './index.js';

const PG = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

test('issue 15: a SQLite gateway opens one connection; audit, governance and canary files are attached to it', async () => {
  const gw = await startGateway(undefined, {}, { extensions: defaultExtensions });
  let db;
  try {
    db = openSqliteDatabase(join(gw.dataDir, 'moat.db'));
    const names = (db.db.pragma('database_list') as Array<{ name: string }>)
      .map((d) => d.name)
      .sort();
    assert.deepEqual(names, ['audit', 'governance', 'main', 'provenance']);
    const sync = db.db.pragma('audit.synchronous', { simple: true });
    assert.equal(sync, 2, 'the audit file commits with synchronous=FULL');
    const ready = await fetch(gw.url + '/readyz').then(
      (r) => r.json() as Promise<Record<string, unknown>>,
    );
    assert.equal(ready['store'], 'ok');
    assert.equal(ready['storeLastErrorAt'], undefined);
  } finally {
    await gw.close();
  }
  assert.equal(db.isClosed, true, 'the last repository to close closed the connection');
});

test('issue 15: a PostgreSQL gateway uses one pool for every repository, keeps canaries there, and shows pool errors in /readyz', async () => {
  const id = randomBytes(5).toString('hex');
  const app = `moat_db_${id}`;
  const url = `${PG}${PG.includes('?') ? '&' : '?'}application_name=${app}`;
  const schema = `dbt_${id}`;
  const gw = await startGateway(
    undefined,
    {
      store: { kind: 'postgres', url, schema, poolMax: 6 },
      audit: { postgresSchema: `${schema}_gov` },
    },
    { extensions: defaultExtensions },
  );
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  try {
    const pool = openPostgresDatabase(url);
    assert.equal(pool.isClosed, false, 'the gateway holds the process pool');
    const ready = await fetch(gw.url + '/readyz');
    assert.equal(ready.status, 200);
    // Every connection of this process to the server is one of the pool's (at most poolMax).
    const conns = await admin.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
      [app],
    );
    assert.ok(conns.rows[0].n >= 1 && conns.rows[0].n <= 6, `connections: ${conns.rows[0].n}`);
    const tables = await admin.query(
      'SELECT to_regclass($1) AS c, to_regclass($2) AS a, to_regclass($3) AS i',
      [`${schema}.canaries`, `${schema}_gov.audit_log`, `${schema}_gov.intel_indicators`],
    );
    assert.ok(
      tables.rows[0].c && tables.rows[0].a && tables.rows[0].i,
      'canaries, audit and intel are in PostgreSQL',
    );

    // The server drops the pool's idle connections: the error is kept, not swallowed.
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [app],
    );
    // Wait for the error to show and the pool to have reconnected: the probe that first sees
    // the error may itself run on a connection being terminated (store: unreachable then).
    let body: Record<string, unknown> = {};
    const settled = () => body['storeLastErrorAt'] !== undefined && body['store'] === 'ok';
    for (let i = 0; i < 100 && !settled(); i++) {
      body = (await fetch(gw.url + '/readyz').then((r) => r.json())) as Record<string, unknown>;
      if (!settled()) await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(typeof body['storeLastErrorAt'], 'string');
    assert.equal(body['store'], 'ok', 'the pool reconnects; the error stays visible');
    assert.doesNotMatch(
      JSON.stringify(body),
      /127\.0\.0\.1|terminat/,
      'no address or message in the public answer',
    );
  } finally {
    await gw.close();
    await admin.query(
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_gov CASCADE`,
    );
    await admin.end();
  }
});
