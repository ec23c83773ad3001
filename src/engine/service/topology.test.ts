import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accountSlot } from '../../telemetry/slot.js';
import { levelRank } from '../../telemetry/event.js';
import pg from 'pg';
import { ADMIN, PG, Topology, detectorMetrics, until, verdictStream } from './testdata/topology.js';

const TOPICS = [
  'photosynthesis',
  'binary search',
  'plate tectonics',
  'inflation',
  'recursion',
  'black holes',
  'protein folding',
  'supply chains',
];

/** Two account ids of each partition of two. */
function campaignAccounts(): string[] {
  const out: string[] = [];
  const per = [0, 0];
  for (let i = 0; out.length < 4; i++) {
    const id = `acct_camp${i}`;
    const p = accountSlot(id) % 2;
    if (per[p]! < 2) {
      per[p]!++;
      out.push(id);
    }
  }
  return out;
}

test('issue 18: a campaign spread over two gateways is detected once, by the owning partition of two, and enforced on both gateways', async () => {
  const topo = new Topology();
  try {
    await topo.startNats();
    topo.writeConfig();
    const a = await topo.gateway('gw-a');
    const b = await topo.gateway('gw-b');
    const d0 = await topo.detector(0, 2);
    const d1 = await topo.detector(1, 2);
    const admin = (gw: { url: string }, method: string, path: string, body?: unknown) =>
      fetch(`${gw.url}/admin/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as any }));
    const accounts = campaignAccounts();
    const keys: Record<string, string> = {};
    for (const id of accounts) {
      assert.equal((await admin(a, 'POST', '/accounts', { id, tier: 'enterprise' })).status, 201);
      keys[id] = (await admin(a, 'POST', `/accounts/${id}/keys`, { name: 'k' })).json.key;
    }
    for (let i = 0; i < 60; i++) {
      await Promise.all(
        accounts.map(async (id, j) => {
          const gw = (i + j) % 2 ? b : a;
          const r = await fetch(`${gw.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[id]}` },
            body: JSON.stringify({
              model: 'moat-demo',
              temperature: 0.7,
              max_tokens: 4096,
              messages: [
                {
                  role: 'user',
                  content: `Solve the following problem. Think step by step and write out your full internal reasoning before the final answer. Problem ${i}: explain ${TOPICS[i % TOPICS.length]} in detail, case ${i * 7}.`,
                },
              ],
            }),
          });
          await r.arrayBuffer();
        }),
      );
    }
    // Detected: every campaign account above allow, with the same level on both gateways.
    const level = async (gw: { url: string }, id: string) =>
      (await admin(gw, 'GET', `/accounts/${id}`)).json.verdict?.level as string;
    for (const id of accounts) {
      const seen = await until(async () => {
        const [la, lb] = [await level(a, id), await level(b, id)];
        return la !== 'allow' && la === lb ? la : '';
      }, 45_000);
      if (!seen) {
        const why = JSON.stringify([
          await detectorMetrics(d0.port),
          await detectorMetrics(d1.port),
          (await verdictStream(topo.prefix)).length,
        ]);
        assert.fail(
          `${id} not raised on both gateways: ${why}\n${[...topo.procs].map((p) => p.name + ': ' + p.out.join('')).join('\n')}`,
        );
      }
      assert.ok(levelRank(seen as never) >= levelRank('monitor'), `${id}: ${seen}`);
    }
    // Enforced on both: a request to each gateway after detection is handled at the verdict's level.
    const pool = new pg.Pool({ connectionString: PG, max: 1 });
    try {
      for (const id of accounts) {
        const want = await level(a, id);
        for (const [name, gw] of [
          ['a', a],
          ['b', b],
        ] as const) {
          const r = await fetch(`${gw.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${keys[id]}` },
            body: JSON.stringify({
              model: 'moat-demo',
              max_tokens: 64,
              messages: [{ role: 'user', content: `after detection via ${name}` }],
            }),
          });
          await r.arrayBuffer();
        }
        const actions = await until(async () => {
          const rows = (
            await pool.query<{ action: string; t: string }>(
              `SELECT doc::jsonb->>'action' AS action, doc::jsonb #>> '{request,messages,0,content}' AS t FROM ${topo.schema}.events WHERE account = $1`,
              [id],
            )
          ).rows.filter((x) => x.t.startsWith('after detection via'));
          return rows.length === 2 ? rows.map((x) => x.action) : undefined;
        }, 20_000);
        assert.deepEqual(actions, [want, want], `${id}: both gateways act at ${want}`);
      }
    } finally {
      await pool.end();
    }
    // Once: each account's verdicts were written by its own partition only, and both partitions wrote.
    const batches = await verdictStream(topo.prefix);
    const writers = new Map<string, Set<string>>();
    for (const batch of batches)
      for (const v of batch.v)
        (writers.get(v.account) ?? writers.set(v.account, new Set()).get(v.account)!).add(batch.p);
    for (const id of accounts)
      assert.deepEqual(
        [...(writers.get(id) ?? [])],
        [`${accountSlot(id) % 2}/2`],
        `${id}'s verdicts come from its partition alone`,
      );
    assert.deepEqual(new Set(batches.map((x) => x.p)), new Set(['0/2', '1/2']));
  } finally {
    await topo.close();
  }
});
