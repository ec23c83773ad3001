import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { TelemetryEvent } from '../telemetry/event.js';
import { MoatError, errorBody } from '../errors/registry.js';
import { SqliteAuditLog } from '../audit/sqlite/sqlite-log.js';
import { loadOrCreateSigner, publicKeyFrom, verifyBytes } from '../audit/signer.js';
import { buildUsageReport, levelHistory } from './report.js';
import { usageCsv } from './format.js';
import { usageRoutes } from './routes.js';
import { openSqliteDatabase } from '../store/database.js';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const H = 3_600_000;

function ev(
  account: string,
  ts: number,
  model: string,
  action: string,
  status = 200,
  inT = 10,
  outT = 100,
): TelemetryEvent {
  return {
    ts,
    account,
    key: 'k',
    endpoint: 'chat.completions',
    model,
    request: { messages: [] },
    status,
    action,
    response: {
      text: '',
      inputTokens: inT,
      outputTokens: outT,
      finishReason: 'stop',
      latencyMs: 5,
    },
  };
}

const events = [
  ev('a1', T0 + H, 'm-large', 'allow'),
  ev('a1', T0 + 2 * H, 'm-large', 'throttle', 429, 0, 0),
  ev('a1', T0 + 3 * H, 'm-small', 'degrade'),
  ev('a1', T0 + 4 * H, 'm-small', 'challenge', 429, 0, 0),
  ev('a1', T0 + 5 * H, 'm-small', 'block', 403, 0, 0),
  ev('a2', T0 + 5 * H, 'm-small', 'allow'),
  ev('a1', T0 + 30 * 24 * H, 'm-small', 'allow'),
];

test('usage report: per-model tokens, actions, levels from the audit log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-usage-'));
  const audit = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
    signer: loadOrCreateSigner(join(dir, 'k.pem')),
    now: (() => {
      let t = T0 - H;
      return () => (t += H);
    })(),
  });
  try {
    await audit.append({
      actor: 'detector',
      action: 'level.change',
      subject: 'a1',
      data: { from: 'allow', to: 'monitor' },
    }); // T0
    await audit.append({
      actor: 'detector',
      action: 'level.change',
      subject: 'a1',
      data: { from: 'monitor', to: 'throttle' },
    }); // T0+1h
    await audit.append({
      actor: 'ana',
      action: 'level.pinned',
      subject: 'a1',
      reason: 'abuse',
      data: { level: 'block' },
    }); // T0+2h
    await audit.append({ actor: 'ana', action: 'key.created', subject: 'a1' });
    const history = await levelHistory(audit.list(), new Set(['a1']));
    assert.equal(history.length, 3);
    const r = await buildUsageReport(events, {
      subject: { kind: 'account', id: 'a1' },
      accounts: ['a1'],
      from: T0 + H / 2,
      to: T0 + 24 * H,
      history,
      now: T0,
    });
    assert.deepEqual(r.totals, { requests: 5, inputTokens: 20, outputTokens: 200, errors: 3 });
    assert.deepEqual(r.models, [
      { model: 'm-large', requests: 2, inputTokens: 10, outputTokens: 100 },
      { model: 'm-small', requests: 3, inputTokens: 10, outputTokens: 100 },
    ]);
    assert.deepEqual(r.actions, { throttled: 1, degraded: 1, challenged: 1, blocked: 1 });
    assert.deepEqual(r.byAction, { allow: 1, block: 1, challenge: 1, degrade: 1, throttle: 1 });
    assert.deepEqual(r.levels.atStart, { a1: 'monitor' });
    assert.deepEqual(r.levels.current, { a1: 'block' });
    assert.deepEqual(
      r.levels.changes.map((c) => [c.from, c.to, c.actor]),
      [
        ['monitor', 'throttle', 'detector'],
        [null, 'block', 'ana'],
      ],
    );

    const csv = usageCsv(r);
    assert.ok(csv.startsWith('section,item,metric,value\r\n'));
    assert.ok(csv.includes('model,m-small,outputTokens,100\r\n'));
    assert.ok(csv.includes('actions,blocked,count,1\r\n'));
    assert.ok(csv.includes('level,a1,current,block\r\n'));
  } finally {
    await audit.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV quotes fields per RFC 4180', async () => {
  const r = await buildUsageReport([ev('a', T0, 'model,"x"', 'allow')], {
    subject: { kind: 'account', id: 'a' },
    accounts: ['a'],
    from: T0,
    to: T0 + 1,
    history: [],
  });
  assert.ok(usageCsv(r).includes('model,"model,""x""",requests,1'));
});

test('GET /admin/v1/accounts/:id/usage returns signed JSON and CSV; org reports; audited', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-usage-routes-'));
  const signer = loadOrCreateSigner(join(dir, 'k.pem'));
  const audit = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), { signer });
  const app = Fastify();
  app.setErrorHandler((err, _req, reply) =>
    err instanceof MoatError
      ? reply.status(err.status).send(errorBody('openai', err))
      : reply.status(500).send(err),
  );
  await app.register(usageRoutes, {
    prefix: '/admin/v1',
    audit,
    signer,
    events: async function* (q) {
      yield* events.filter((e) => e.account === q.account && e.ts >= q.since && e.ts < q.until);
    },
    organizationAccounts: async (org) => (org === 'org_1' ? ['a1', 'a2'] : []),
  });
  try {
    const key = publicKeyFrom(signer.publicKeyDer);
    const url = `/admin/v1/accounts/a1/usage?from=${new Date(T0).toISOString()}&to=${T0 + 24 * H}`;
    const res = await app.inject({ url });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /application\/json/);
    const sig = /sig=([A-Za-z0-9+/=]+)/.exec(res.headers['moat-signature'] as string)![1]!;
    assert.equal(verifyBytes(res.rawPayload, sig, key), true);
    assert.equal(
      verifyBytes(Buffer.concat([res.rawPayload, Buffer.from(' ')]), sig, key),
      false,
      'any change breaks it',
    );
    assert.equal(res.json().totals.requests, 5);

    const csv = await app.inject({ url: url + '&format=csv' });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.equal(
      verifyBytes(
        csv.rawPayload,
        /sig=(\S+)/.exec(csv.headers['moat-signature'] as string)![1]!,
        key,
      ),
      true,
    );

    const org = await app.inject({
      url: `/admin/v1/organizations/org_1/usage?from=${T0}&to=${T0 + 24 * H}`,
    });
    assert.equal(org.json().totals.requests, 6);
    assert.equal((await app.inject({ url: `/admin/v1/organizations/none/usage` })).statusCode, 404);
    assert.equal(
      (await app.inject({ url: `/admin/v1/accounts/a1/usage?from=yesterday` })).statusCode,
      400,
    );
    assert.equal(
      (await app.inject({ url: `/admin/v1/accounts/a1/usage?format=xml` })).statusCode,
      400,
    );

    let exports = 0;
    for await (const e of audit.list()) if (e.action === 'usage.export') exports++;
    assert.equal(exports, 3);
  } finally {
    await app.close();
    await audit.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
