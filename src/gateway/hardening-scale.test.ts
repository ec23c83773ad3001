import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startGateway } from '../test-support/gateway.js';
import type { NatsBus } from '../telemetry/nats/nats-bus.js';
import type { TelemetryEvent } from '../telemetry/event.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

// Issue 14 with the scale-out services (NATS JetStream, PostgreSQL), end to end.

const NATS = process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const PG = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

test(
  'issue 14: NATS mode — poison bodies leak no pending slot: later events are stored, none dropped, and shutdown is bounded',
  { timeout: 120_000 },
  async () => {
    const gw = await startGateway(undefined, {
      nats: { url: NATS, stream: `T_${randomBytes(5).toString('hex')}` },
      telemetry: { flushMs: 20, bufferSize: 4 },
    });
    const bus = gw.app.bus as NatsBus;
    let closed = false;
    try {
      const k = await gw.newKey('acct_nats_poison');
      const send = (body: string) =>
        fetch(gw.url + '/v1/messages', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': k.key },
          body,
        }).then(async (r) => ({ status: r.status, text: await r.text() }));
      // More poison requests than the bus's pending slots (4).
      for (let i = 0; i < 12; i++) {
        const r = await send(
          `{"model":"moat-demo","max_tokens":5,"messages":[{"role":"user","content":"x"}],"metadata":${nested(8000)}}`,
        );
        assert.equal(r.status, 400, r.text.slice(0, 200));
      }
      // The depth check keeps such bodies off the bus; an event that still cannot be
      // serialised (here a cyclic one, published on the running gateway's bus) is dropped
      // without taking a slot — more of them than the bus has slots.
      const cyclic: TelemetryEvent = {
        ts: Date.now(),
        account: k.account,
        key: k.keyId,
        endpoint: 'messages',
        model: 'moat-demo',
        request: { messages: [] },
        status: 200,
        action: 'allow',
      };
      cyclic.request['self'] = cyclic;
      for (let i = 0; i < 12; i++) assert.equal(bus.publish(cyclic), false, 'refused at publish');
      assert.equal(bus.inFlight, 0, 'no pending slot leaked');
      const droppedBefore = bus.dropped;
      for (let i = 0; i < 6; i++) {
        const r = await send(
          JSON.stringify({
            model: 'moat-demo',
            max_tokens: 5,
            messages: [{ role: 'user', content: `q${i}` }],
          }),
        );
        assert.equal(r.status, 200);
      }
      let stored = 0;
      for (let i = 0; i < 50 && stored < 6; i++) {
        await gw.app.flushTelemetry();
        stored = (await gw.admin('GET', `/events?account=${k.account}&limit=100`)).json.data.length;
      }
      assert.equal(stored, 6, 'every valid request reached the store through JetStream');
      assert.equal(bus.dropped, droppedBefore, 'no valid event dropped');
      assert.equal(bus.inFlight, 0);
      await bus.destroy();
      // close() must return (flush is bounded); a hang fails at the test's timeout.
      await gw.close();
      closed = true;
    } finally {
      if (!closed) {
        await bus.destroy().catch(() => undefined);
        await gw.close();
      }
    }
  },
);

test('issue 14: PostgreSQL — a time beyond a Date or a NUL in a query value is a 400, not a 500', async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const gw = await startGateway(undefined, {
    store: { kind: 'postgres', url: PG, schema },
    audit: { backend: 'sqlite' },
  });
  try {
    await gw.newKey('acct_pg_q');
    assert.equal((await gw.admin('GET', '/events?account=acct_pg_q')).status, 200);
    for (const q of [
      'since=1e21',
      'since=1000000000000000000000',
      'until=99999999999999999',
      'since=%2B275761-01-01T00:00:00Z',
    ]) {
      const r = await gw.admin('GET', `/events?account=acct_pg_q&${q}`);
      assert.equal(r.status, 400, `${q}: ${JSON.stringify(r.json)}`);
    }
    const nul = await gw.admin('GET', '/events?account=acct%00pg');
    assert.equal(nul.status, 400, JSON.stringify(nul.json));
    assert.equal((await gw.admin('GET', '/accounts/acct%00pg')).status, 400, 'path parameters too');
  } finally {
    await (gw.app.store as PostgresStore).dropSchema();
    await gw.close();
  }
});
