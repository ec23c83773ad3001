import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startGateway } from '../../test-support/gateway.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import { openPostgresDatabase } from '../../store/database.js';

const REDIS = process.env['MOAT_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PG = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

test('a level pinned through one replica reaches the other through Redis; keys work on both', async () => {
  const id = randomBytes(5).toString('hex');
  const shared = {
    keyPepper: 'p'.repeat(40),
    redis: { url: REDIS, prefix: `t_${id}` },
    store: { kind: 'postgres', url: PG, schema: `t_${id}` },
  };
  const a = await startGateway(undefined, shared);
  const b = await startGateway(undefined, shared);
  try {
    const k = await a.newKey('acct_rep');
    const call = (gw: typeof a) =>
      fetch(gw.url + '/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${k.key}` },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 8,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      }).then((r) => r.status);
    assert.equal(await call(b), 200, 'a key made on one replica works on the other (shared store)');
    const pin = await a.admin('PUT', '/accounts/acct_rep/level', {
      level: 'block',
      reason: 'test',
    });
    assert.equal(pin.status, 200);
    let level = '';
    for (let i = 0; i < 50 && level !== 'block'; i++) {
      level = (await b.admin('GET', '/accounts/acct_rep')).json.level;
      if (level !== 'block') await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(level, 'block');
    await a.admin('DELETE', '/accounts/acct_rep/level');
    for (let i = 0; i < 50 && level !== 'allow'; i++) {
      level = (await b.admin('GET', '/accounts/acct_rep')).json.level;
      if (level !== 'allow') await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(level, 'allow');
    // Verdicts published by one replica's detector reach the other's cache.
    a.app.applyVerdicts([
      {
        account: 'acct_rep',
        score: 0.8,
        level: 'degrade',
        reasons: [],
        cluster: null,
        updatedAt: Date.now(),
      },
    ]);
    for (let i = 0; i < 50 && b.app.verdicts.level('acct_rep') !== 'degrade'; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(b.app.verdicts.level('acct_rep'), 'degrade');
  } finally {
    await a.close();
    await b.close();
    const s = new PostgresStore(openPostgresDatabase(PG), { schema: `t_${id}` });
    await s.dropSchema();
    await s.close();
    const { Redis } = await import('ioredis');
    const r = new Redis(REDIS);
    await r.del(`{t_${id}}:verdicts`, `{t_${id}}:pins`);
    r.disconnect();
  }
});

test('scale-out column: events travel over NATS JetStream into PostgreSQL', async () => {
  const id = randomBytes(5).toString('hex');
  const gw = await startGateway(undefined, {
    nats: { url: process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222', stream: `T_${id}` },
    store: { kind: 'postgres', url: PG, schema: `t_${id}` },
    telemetry: { flushMs: 50 },
  });
  try {
    const k = await gw.newKey('acct_nats');
    for (let i = 0; i < 5; i++) {
      const r = await fetch(gw.url + '/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': k.key },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 8,
          messages: [{ role: 'user', content: `hi ${i}` }],
        }),
      });
      assert.equal(r.status, 200);
      await r.arrayBuffer();
    }
    let events: any[] = [];
    for (let i = 0; i < 50 && events.length < 5; i++) {
      await gw.app.flushTelemetry();
      events = (await gw.admin('GET', '/events?account=acct_nats')).json.data;
    }
    assert.equal(events.length, 5);
    assert.deepEqual(
      events.map((e) => e.request.messages[0].content),
      ['hi 0', 'hi 1', 'hi 2', 'hi 3', 'hi 4'],
    );
  } finally {
    await gw.close();
    const s = new PostgresStore(openPostgresDatabase(PG), { schema: `t_${id}` });
    await s.dropSchema();
    await s.close();
    const { connect } = await import('nats');
    const nc = await connect({
      servers: process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222',
    });
    await (await nc.jetstreamManager()).streams.delete(`T_${id}`).catch(() => false);
    await nc.close();
  }
});
