import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { levelRank } from '../telemetry/event.js';

let gw: TestGateway;

before(async () => {
  gw = await startGateway(undefined, {}, { extensions: defaultExtensions });
});
after(async () => {
  await gw.close();
});

async function chat(
  key: string,
  content: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${key}`,
      'user-agent': 'OpenAI/Python 1.40.0',
      ...headers,
    },
    body: JSON.stringify({
      model: 'moat-demo',
      messages: [{ role: 'user', content }],
      max_tokens: 64,
      ...extra,
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

test('issue 5: every event carries the client fingerprint; a spoofed X-Forwarded-For from an untrusted peer is ignored', async () => {
  const k = await gw.newKey('acct_fp');
  assert.equal(
    await chat(
      k.key,
      'hello there',
      {},
      { 'x-forwarded-for': '203.0.113.50', 'x-ja4': 't13d1516h2_8daaf6152771_b186095e22b6' },
    ),
    200,
  );
  await gw.app.flushTelemetry();
  const ev = (await gw.admin('GET', '/events?account=acct_fp')).json.data[0];
  assert.equal(ev.ip, '127.0.0.1', 'the socket peer, not the spoofed header');
  assert.equal(ev.ja4, undefined, 'a JA4 header from an untrusted peer is ignored');
  assert.equal(ev.userAgent, 'OpenAI/Python 1.40.0');
  assert.ok(Array.isArray(ev.headerOrder) && ev.headerOrder.includes('authorization'));
  assert.match(ev.fingerprint, /^[0-9a-f]+$/);
  assert.equal(typeof ev.fingerprintParts, 'object');
});

test('issue 5: a signup wave through the admin API is linked and raised; a university NAT stays allow', async () => {
  const t0 = Date.parse('2026-11-01T10:00:00Z');
  const wave = [];
  for (let i = 0; i < 50; i++) {
    const r = await gw.admin('POST', '/accounts', {
      id: `wave_${i}`,
      email: `trial${String(i).padStart(3, '0')}@mailbox-${i % 3}.example`,
      createdAt: t0 + i * 10_000,
      signupIp: `198.51.100.${10 + i}`,
      paymentFingerprint: 'card_shared_1',
      route: 'startup-credits',
      country: 'US',
    });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    wave.push(r.json);
  }
  const uni = [];
  for (let i = 0; i < 40; i++) {
    const r = await gw.admin('POST', '/accounts', {
      id: `uni_${i}`,
      email: `${['ana', 'bo', 'chen', 'dara', 'eli', 'fay', 'gus', 'hana'][i % 8]}.${['smith', 'lee', 'kim', 'ruiz', 'ng'][i % 5]}${i}@uni.example.edu`,
      createdAt: t0 + i * 6 * 3_600_000,
      signupIp: `192.0.2.${(i * 7) % 250}`,
      paymentFingerprint: `card_student_${i}`,
      route: 'education',
      country: 'US',
    });
    uni.push(r.json);
  }
  const late = await gw.admin('GET', '/accounts/wave_49');
  assert.ok(
    levelRank(late.json.verdict.level) >= levelRank('monitor'),
    JSON.stringify(late.json.verdict),
  );
  assert.ok(late.json.verdict.reasons.length > 0);
  const first = await gw.admin('GET', '/accounts/wave_0');
  assert.ok(
    levelRank(first.json.verdict.level) >= levelRank('monitor'),
    'the cluster raises its earliest member too',
  );
  for (const u of uni) {
    const r = await gw.admin('GET', `/accounts/${u.id}`);
    assert.equal(
      r.json.verdict.level,
      'allow',
      `${u.id}: ${JSON.stringify(r.json.verdict.reasons)}`,
    );
  }
  // Malformed signup metadata is a clear 400.
  const bad = await gw.admin('POST', '/accounts', { email: 'not-an-email', signupIp: '999.1.1.1' });
  assert.equal(bad.status, 400);
  assert.match(bad.json.error.message, /email/);
});

test('issue 3: the live detector raises a harvesting account and the admin API shows it', async () => {
  const k = await gw.newKey('acct_harvest', { tier: 'enterprise' });
  const topics = [
    'photosynthesis',
    'the French revolution',
    'binary search',
    'plate tectonics',
    'inflation',
    'the immune system',
    'recursion',
    'supply chains',
    'black holes',
    'protein folding',
  ];
  for (let i = 0; i < 150; i++) {
    const topic = topics[i % topics.length];
    await chat(
      k.key,
      `Solve the following problem. Think step by step and write out your full internal reasoning before the final answer. Problem ${i}: explain ${topic} in detail, case ${i * 7}.`,
      { temperature: 0.7, max_tokens: 4096 },
    );
  }
  await gw.app.flushTelemetry();
  let verdict: any;
  for (let i = 0; i < 100; i++) {
    verdict = (await gw.admin('GET', '/accounts/acct_harvest')).json.verdict;
    if (verdict.level !== 'allow') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(levelRank(verdict.level) >= levelRank('monitor'), JSON.stringify(verdict));
  assert.ok(
    verdict.reasons.some(
      (r: any) => r.code === 'reasoning_elicitation' || r.code === 'template_reuse',
    ),
    JSON.stringify(verdict.reasons),
  );
});
