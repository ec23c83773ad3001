import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { MoatError, errorBody } from '../errors/registry.js';
import { SqliteReviewStore } from './sqlite/sqlite-review.js';
import { ReviewQueue } from './queue.js';
import { reviewRoutes } from './routes.js';
import { SqliteAuditLog } from '../audit/sqlite/sqlite-log.js';
import { loadOrCreateSigner } from '../audit/signer.js';
import type { AuditEntry } from '../audit/entry.js';
import { openSqliteDatabase } from '../store/database.js';

test('review routes: list, ack, escalate, resolve with exemption; decisions audited', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-review-routes-'));
  const store = new SqliteReviewStore(openSqliteDatabase(join(dir, 'governance.db')));
  await store.migrate();
  const audit = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
    signer: loadOrCreateSigner(join(dir, 'k.pem')),
  });
  const queue = new ReviewQueue({
    store,
    audit,
    config: { openAtLevel: 'challenge', groupByCluster: true, exemptionDays: 30 },
  });
  const app = Fastify();
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof MoatError) return reply.status(err.status).send(errorBody('openai', err));
    return reply.status(500).send({ error: String(err) });
  });
  await app.register(reviewRoutes, { prefix: '/admin/v1', queue });
  try {
    const inc = (await queue.onVerdict({
      account: 'a1',
      score: 0.95,
      level: 'block',
      reasons: [{ code: 'template_reuse', weight: 0.5, detail: '' }],
      cluster: null,
      updatedAt: 1,
    }))!;
    const list = await app.inject({ url: '/admin/v1/incidents?status=open' });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().incidents.map((i: { id: string }) => i.id),
      [inc.id],
    );
    assert.equal((await app.inject({ url: '/admin/v1/incidents?status=bogus' })).statusCode, 400);
    assert.equal((await app.inject({ url: '/admin/v1/incidents/inc_nope' })).statusCode, 404);

    const ack = await app.inject({
      method: 'POST',
      url: `/admin/v1/incidents/${inc.id}/ack`,
      headers: { 'x-moat-actor': 'ana' },
      payload: { note: 'on it' },
    });
    assert.equal(ack.statusCode, 200);
    assert.equal(ack.json().status, 'acknowledged');
    assert.equal(
      (await app.inject({ method: 'POST', url: `/admin/v1/incidents/${inc.id}/ack` })).statusCode,
      409,
    );
    assert.equal(
      (
        await app.inject({
          method: 'POST',
          url: `/admin/v1/incidents/${inc.id}/escalate`,
          payload: { note: 'legal' },
        })
      ).json().status,
      'escalated',
    );
    const bad = await app.inject({
      method: 'POST',
      url: `/admin/v1/incidents/${inc.id}/resolve`,
      payload: { resolution: 'maybe' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /body\.resolution/);
    const res = await app.inject({
      method: 'POST',
      url: `/admin/v1/incidents/${inc.id}/resolve`,
      payload: {
        resolution: 'false_positive',
        note: 'eval partner',
        by: 'bob',
        exempt: { days: 3 },
      },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(queue.exemptions('a1'), ['template_reuse']);
    const labels = (await app.inject({ url: '/admin/v1/incidents/labels' })).json().labels;
    assert.equal(labels[0].label, 'false_positive');

    const actions: string[] = [];
    for await (const e of audit.list() as AsyncIterable<AuditEntry>)
      actions.push(`${e.actor}:${e.action}`);
    assert.deepEqual(actions, [
      'detector:incident.open',
      'ana:incident.acknowledge',
      'admin:incident.escalate',
      'bob:incident.resolve',
      'bob:exemption.add',
    ]);
  } finally {
    await app.close();
    await store.close();
    await audit.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
