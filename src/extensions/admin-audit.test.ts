import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startGateway } from '../test-support/gateway.js';
import { PostgresStore } from '../store/postgres/postgres-store.js';
import { defaultExtensions } from './index.js';

const PG = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

test('issue 14 (9): PostgreSQL — NUL in admin text is a 400 and an admin action whose audit entry cannot be written does not happen', async () => {
  const id = randomBytes(5).toString('hex');
  const auditSchema = `a_${id}`;
  const gw = await startGateway(
    undefined,
    {
      store: { kind: 'postgres', url: PG, schema: `t_${id}` },
      audit: { backend: 'postgres', postgresSchema: auditSchema },
    },
    { extensions: defaultExtensions },
  );
  const db = new pg.Client({ connectionString: PG });
  await db.connect();
  const call = (key: string) =>
    fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        model: 'moat-demo',
        max_tokens: 8,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    }).then(async (r) => (await r.arrayBuffer(), r.status));
  const audited = async (action: string) =>
    Number(
      (
        await db.query(`SELECT count(*) AS n FROM ${auditSchema}.audit_log WHERE action = $1`, [
          action,
        ])
      ).rows[0].n,
    );
  try {
    const k = await gw.newKey('acct_aud');

    // NUL bytes: refused before anything happens, in every text field.
    for (const [method, path, body] of [
      ['PUT', '/accounts/acct_aud/level', { level: 'block', reason: 'abuse\u0000report' }],
      ['POST', '/accounts/acct_aud/verify', { organization: 'Ex\u0000ample' }],
      ['POST', '/accounts/acct_aud/verify', { note: 'n\u0000' }],
      ['POST', '/accounts', { id: 'acct_nul', name: 'a\u0000b' }],
      ['POST', '/incidents/x/resolve', { resolution: 'confirmed', note: '\u0000' }],
    ] as const) {
      const r = await gw.admin(method, path, body);
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.json)}`);
      assert.match(r.json.error.message, /NUL/);
    }
    assert.equal(
      (await gw.admin('GET', '/accounts/acct_aud')).json.pin,
      null,
      'the NUL pin was not set',
    );
    assert.equal((await gw.admin('GET', '/accounts/acct_nul')).status, 404);

    // The audit log refuses writes from now on (as a full disk or a broken table would).
    await db.query(
      `ALTER TABLE ${auditSchema}.audit_log ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`,
    );
    const refused = async (method: string, path: string, body?: unknown) => {
      const r = await gw.admin(method, path, body);
      assert.equal(r.status, 503, `${method} ${path}: ${JSON.stringify(r.json)}`);
      assert.equal(r.json.error.code, 'MOAT_AUDIT_UNAVAILABLE');
      return r;
    };
    await refused('PUT', '/accounts/acct_aud/level', { level: 'block', reason: 'unaudited' });
    assert.equal(
      (await gw.admin('GET', '/accounts/acct_aud')).json.pin,
      null,
      'no pin without its audit entry',
    );
    assert.equal(await call(k.key), 200, 'and the account is not blocked');
    await refused('PUT', '/accounts/acct_aud/limits', { requestsPerMinute: 1 });
    assert.equal((await gw.admin('GET', '/accounts/acct_aud')).json.limits, null);
    await refused('POST', '/accounts/acct_aud/verify', { organization: 'Example' });
    assert.equal((await gw.admin('GET', '/accounts/acct_aud')).json.verified, undefined);
    await refused('DELETE', `/keys/${k.keyId}`);
    assert.equal(await call(k.key), 200, 'the key was not revoked');
    const made = await refused('POST', '/accounts/acct_aud/keys');
    assert.equal(made.json.key, undefined, 'no secret shown');
    const keys = (await gw.admin('GET', '/accounts/acct_aud')).json.keys as Array<{
      id: string;
      revokedAt: number | null;
    }>;
    assert.ok(
      keys.filter((x) => x.id !== k.keyId).every((x) => x.revokedAt),
      'the key made before the audit failed was revoked again',
    );
    await refused('POST', '/accounts', { id: 'acct_unaudited' });
    assert.equal((await gw.admin('GET', '/accounts/acct_unaudited')).status, 404);

    // Writable again: the same actions succeed and are audited.
    await db.query(`ALTER TABLE ${auditSchema}.audit_log DROP CONSTRAINT refuse_all`);
    assert.equal(
      (await gw.admin('PUT', '/accounts/acct_aud/level', { level: 'block', reason: 'audited' }))
        .status,
      200,
    );
    assert.equal(await audited('level.pinned'), 1);
    assert.equal(await call(k.key), 403);
    await db.query(
      `ALTER TABLE ${auditSchema}.audit_log ADD CONSTRAINT refuse_all CHECK (false) NOT VALID`,
    );
    await refused('DELETE', '/accounts/acct_aud/level');
    assert.equal(
      (await gw.admin('GET', '/accounts/acct_aud')).json.pin.level,
      'block',
      'still pinned',
    );
    await db.query(`ALTER TABLE ${auditSchema}.audit_log DROP CONSTRAINT refuse_all`);
    assert.equal((await gw.admin('GET', '/audit/verify')).json.ok, true);
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS ${auditSchema} CASCADE`).catch(() => {});
    await db.end();
    await (gw.app.store as PostgresStore).dropSchema();
    await gw.close();
  }
});
