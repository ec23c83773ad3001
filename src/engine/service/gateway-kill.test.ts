import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { connect } from 'nats';
import { ADMIN, PG, Topology, until } from './testdata/topology.js';

test('issue 18: kill -9 of a gateway loses none of the events JetStream acknowledged: the other gateway stores them', async () => {
  const topo = new Topology();
  const pool = new pg.Pool({ connectionString: PG, max: 1 });
  try {
    await topo.startNats();
    topo.writeConfig();
    const a = await topo.gateway('gw-a');
    await topo.gateway('gw-b');
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${a.url}/admin/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => (await r.json()) as any);
    await admin('POST', '/accounts', { id: 'acct_gk', tier: 'enterprise' });
    const key = (await admin('POST', '/accounts/acct_gk/keys', { name: 'k' })).key as string;
    const n = 60;
    const sent: string[] = [];
    for (let i = 0; i < n; i += 6) {
      await Promise.all(
        Array.from({ length: 6 }, async (_, j) => {
          const text = `kill test ${i + j}`;
          const r = await fetch(`${a.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
            body: JSON.stringify({
              model: 'moat-demo',
              max_tokens: 16,
              messages: [{ role: 'user', content: text }],
            }),
          });
          await r.arrayBuffer();
          if (r.status === 200) sent.push(text);
        }),
      );
    }
    assert.equal(sent.length, n);
    // Acknowledged: JetStream holds every request's event. Then the gateway dies at once.
    const nc = await connect({ servers: `nats://127.0.0.1:${topo.natsPort}` });
    const jsm = await nc.jetstreamManager();
    const held = await until(
      async () => ((await jsm.streams.info(topo.stream)).state.messages >= n + 1 ? true : false),
      20_000,
      10,
    );
    await topo.kill(a.proc);
    await nc.close();
    assert.ok(held, 'JetStream acknowledged every event');
    const stored = async () =>
      new Set(
        (
          await pool.query<{ t: string }>(
            `SELECT doc::jsonb #>> '{request,messages,0,content}' AS t FROM ${topo.schema}.events WHERE account = 'acct_gk'`,
          )
        ).rows.map((r) => r.t),
      );
    const all = await until(
      async () => {
        const s = await stored();
        return sent.every((t) => s.has(t));
      },
      40_000,
      250,
    );
    const s = await stored();
    assert.ok(all, `missing from the store: ${sent.filter((t) => !s.has(t)).join(', ')}`);
  } finally {
    await pool.end();
    await topo.close();
  }
});
