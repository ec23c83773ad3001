/**
 * Issue 13, through a running gateway: a low-and-slow hydra that asks in plain words from
 * months-old accounts is linked by the prompt frames its members reuse (harvest-template
 * links) and raised, by the detector thread the gateway runs, from what the gateway served.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { levelRank, type Verdict } from '../telemetry/event.js';
import * as g from '../detect/testdata/traffic.js';

let gw: TestGateway;
let model: Server;

/** A model that answers every question with a worked solution (numbered steps, equations). */
function workedSolutions(): Promise<Server> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n++;
      const content = Array.from({ length: 4 }, (_, i) => `${i + 1}. ${n} + ${i} = ${n + i}`)
        .concat(`So the answer is ${n + 3}.`)
        .join('\n');
      const body = JSON.stringify({
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        created: 1767225600,
        model: 'worked',
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 40, completion_tokens: 600, total_tokens: 640 },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

before(async () => {
  model = await workedSolutions();
  const port = (model.address() as AddressInfo).port;
  // The free tier, with limits a harness of quiet accounts stays under (these members send
  // faster than a real one would, so the test does not wait out the default 20 a minute).
  const free = {
    requestsPerMinute: 1_000,
    tokensPerMinute: 10_000_000,
    tokensPerDay: 100_000_000,
    tokensPerMonth: 1_000_000_000,
    maxReserveTokens: 32_768,
  };
  gw = await startGateway(
    `http://127.0.0.1:${port}/v1`,
    { limits: { tiers: { free } } },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
  await new Promise((resolve) => model.close(resolve));
});

async function ask(key: string, ua: string, content: string, extra: Record<string, unknown>) {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${key}`,
      'user-agent': ua,
    },
    body: JSON.stringify({
      model: 'gpt-test',
      messages: [{ role: 'user', content }],
      ...extra,
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

test('issue 13: a hydra asking in plain words from months-old accounts is linked by its reused frames through the gateway', async () => {
  const r = g.rng(163);
  const DAY = 86_400_000;
  const members = Array.from({ length: 8 }, (_, i) => `lsh_${i}`);
  const keys: string[] = [];
  for (const [i, id] of members.entries()) {
    const made = await gw.admin('POST', '/accounts', {
      id,
      createdAt: Date.now() - (60 + 9 * i) * DAY,
      email: `reader${i}@home-${i}.example`,
      route: 'self-serve',
      tier: 'free',
    });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    keys.push((await gw.newKey(id)).key);
  }
  // Interleaved, as a harness works through its queue: each member its own client and sampling.
  for (let round = 0; round < 26; round++)
    for (const [i, key] of keys.entries()) {
      const frame = g.PLAIN_FRAMES[Math.floor(r() * g.PLAIN_FRAMES.length)]!;
      const status = await ask(key, `reader-app-${i}/2.${i}`, `${frame}: ${g.problem(r)}`, {
        temperature: 0.3 + i / 20,
        max_tokens: 1500 + 100 * i,
      });
      assert.equal(status, 200);
    }
  await gw.app.flushTelemetry();
  let verdicts: Verdict[] = [];
  for (let t = 0; t < 150; t++) {
    verdicts = await Promise.all(
      members.map(async (id) => (await gw.admin('GET', `/accounts/${id}`)).json.verdict as Verdict),
    );
    if (verdicts.every((v) => levelRank(v.level) >= levelRank('throttle'))) break;
    await new Promise((res) => setTimeout(res, 200));
  }
  const caught = verdicts.filter((v) => levelRank(v.level) >= levelRank('throttle'));
  assert.equal(
    caught.length,
    members.length,
    JSON.stringify(verdicts.map((v) => [v.account, v.level, v.score])),
  );
  // Each is raised through its cluster (the members' own scores stay at monitor: without the
  // link, all eight end at 0.356), and the analysts' campaign view holds all eight together.
  for (const v of verdicts) {
    assert.notEqual(v.cluster, null, v.account);
    assert.ok(
      v.reasons.some((x) => x.code === 'cluster_evidence'),
      JSON.stringify(v.reasons),
    );
  }
  const clusters = (await gw.admin('GET', '/clusters')).json.data as {
    accounts: { id: string }[];
  }[];
  const campaign = clusters.find((c) => c.accounts.some((a) => a.id === members[0]));
  assert.deepEqual(campaign?.accounts.map((a) => a.id).sort(), [...members].sort());
});
