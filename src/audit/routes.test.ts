import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { errorBody, MoatError } from '../errors/registry.js';
import { openSqliteDatabase } from '../store/database.js';
import { auditRoutes } from './routes.js';
import { loadOrCreateSigner } from './signer.js';
import { SqliteAuditLog } from './sqlite/sqlite-log.js';

describe('issue 17: GET /audit time filter', () => {
  let dir: string;
  let log: SqliteAuditLog;
  let app: FastifyInstance;
  let t = 0;
  const get = async (query: string) => {
    const r = await app.inject({ url: `/audit${query}` });
    return {
      status: r.statusCode,
      json: r.json() as {
        entries: Array<{ seq: number; ts: number }>;
        error?: { code: string; param: string; message: string };
      },
    };
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'moat-audit-routes-'));
    log = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
      signer: loadOrCreateSigner(join(dir, 'key.pem')),
      now: () => (t += 60_000),
    });
    for (let i = 1; i <= 6; i++)
      await log.append({ actor: 'admin', action: 'level.pinned', subject: `acct_${i}` });
    app = Fastify();
    // The gateway's error handler, as far as this route needs it.
    app.setErrorHandler((err, _req, reply) => {
      if (err instanceof MoatError) return reply.code(err.status).send(errorBody('openai', err));
      return reply.code(500).send(err);
    });
    await app.register(auditRoutes, { audit: log });
  });
  after(async () => {
    await app.close();
    await log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('since (inclusive) and until (exclusive), as epoch ms or ISO 8601; newest first with order=desc', async () => {
    const ts = (await get('')).json.entries.map((e) => e.ts);
    assert.equal(ts.length, 6);
    const seqs = async (q: string) => (await get(q)).json.entries.map((e) => e.seq);
    assert.deepEqual(await seqs(`?since=${ts[1]}&until=${ts[4]}`), [2, 3, 4]);
    const iso = (ms: number) => new Date(ms).toISOString();
    assert.deepEqual(
      await seqs(
        `?since=${encodeURIComponent(iso(ts[1]!))}&until=${encodeURIComponent(iso(ts[4]!))}`,
      ),
      [2, 3, 4],
    );
    assert.deepEqual(await seqs(`?since=${ts[1]}&until=${ts[4]}&order=desc`), [4, 3, 2]);
    assert.deepEqual(await seqs('?order=desc&limit=2'), [6, 5], 'the limit keeps the newest');
    assert.deepEqual(await seqs(`?until=${ts[0]}`), []);
  });

  it('a bad time, a reversed range or an unknown order is a 400 naming the parameter', async () => {
    for (const [q, param] of [
      ['?since=yesterday', 'query.since'],
      ['?until=2026-13-45T00:00:00Z', 'query.until'],
      ['?since=1e22', 'query.since'],
      ['?since=2000&until=1000', 'query.until'],
      ['?since=1000&until=1000', 'query.until'],
      ['?order=newest', 'query.order'],
    ] as const) {
      const r = await get(q);
      assert.equal(r.status, 400, q);
      assert.equal(r.json.error?.code, 'MOAT_INVALID_REQUEST', q);
      assert.equal(r.json.error?.param, param, q);
    }
    assert.match(
      (await get('?since=yesterday')).json.error!.message,
      /epoch milliseconds or an ISO 8601 date-time/,
    );
  });
});
