import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { ADMIN, PG, Topology, until } from './testdata/topology.js';

test('issue 18: while NATS restarts a gateway keeps serving, holds at most its bound of events, counts the rest as dropped, and delivers again after', async () => {
  const topo = new Topology();
  const pool = new pg.Pool({ connectionString: PG, max: 1 });
  try {
    await topo.startNats();
    const bound = 16;
    topo.writeConfig({ telemetry: { flushMs: 50, bufferSize: bound } });
    const gw = await topo.gateway('gw-a');
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${gw.url}/admin/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => (await r.json()) as any);
    await admin('POST', '/accounts', { id: 'acct_nr', tier: 'enterprise' });
    const key = (await admin('POST', '/accounts/acct_nr/keys', { name: 'k' })).key as string;
    const call = async (i: number) => {
      const r = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 16,
          messages: [{ role: 'user', content: `hello ${i}` }],
        }),
      });
      await r.arrayBuffer();
      return r.status;
    };
    const stored = async () =>
      Number(
        (
          await pool.query(
            `SELECT count(*) AS n FROM ${topo.schema}.events WHERE account = 'acct_nr'`,
          )
        ).rows[0].n,
      );
    const dropped = async () => {
      const text = await fetch(`${gw.url}/metrics`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      }).then((r) => r.text());
      return Number(/^moat_telemetry_events_dropped (\S+)$/m.exec(text)?.[1] ?? NaN);
    };
    for (let i = 0; i < 5; i++) assert.equal(await call(i), 200);
    assert.equal(
      await until(async () => ((await stored()) === 5 ? 5 : 0), 20_000),
      5,
      'events flow before the outage',
    );
    assert.equal(await dropped(), 0);

    await topo.kill(topo.nats!);
    const during = 60;
    for (let i = 0; i < during; i++)
      assert.equal(await call(100 + i), 200, 'requests are served while NATS is down');
    // Bounded: at most `bound` events wait for JetStream; the rest are counted, not queued.
    const lost = await dropped();
    assert.ok(
      lost >= during - bound && lost <= during,
      `dropped ${lost} of ${during} with a bound of ${bound}`,
    );

    await topo.startNats();
    const after = await until(
      async () => {
        const ok = await call(1000);
        return ok === 200 && (await stored()) > 5 ? await stored() : 0;
      },
      30_000,
      500,
    );
    assert.ok(after > 5, 'events reach the store again after NATS is back');
    const total = await until(async () => {
      const [s, d] = [await stored(), await dropped()];
      return s + d >= 5 + during ? s + d : 0;
    }, 20_000);
    assert.ok(total >= 5 + during, 'every event of the outage is stored or counted as dropped');
  } finally {
    await pool.end();
    await topo.close();
  }
});
