import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { withMoatChallenges } from '../respond/client.js';

let double: UpstreamDouble;
let gw: TestGateway;

before(async () => {
  double = await startUpstreamDouble();
  gw = await startGateway(
    double.url,
    { respond: { challenge: { minDifficulty: 1000, maxDifficulty: 5000 } } },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
  await double.close();
});

async function call(
  key: string,
  body: Record<string, unknown>,
  path = '/v1/chat/completions',
  headers: Record<string, string> = {},
) {
  const res = await fetch(gw.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
const chat = (model = 'gpt-test', extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: 'user', content: 'hello' }],
  ...extra,
});

test('issue 4: limits answer 429 in the caller API shape with OpenAI-style rate-limit headers', async () => {
  const k = await gw.newKey('acct_lim', { tier: 'pro' });
  assert.equal(
    (await gw.admin('PUT', '/accounts/acct_lim/limits', { requestsPerMinute: 3 })).status,
    200,
  );
  const ok = await call(k.key, chat());
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('x-ratelimit-limit-requests'), '3');
  assert.equal(ok.headers.get('x-ratelimit-remaining-requests'), '2');
  assert.ok(ok.headers.get('x-ratelimit-reset-requests'));
  assert.ok(ok.headers.get('x-ratelimit-remaining-tokens'));
  await call(k.key, chat());
  await call(k.key, chat());
  const limited = await call(k.key, chat());
  assert.equal(limited.status, 429);
  assert.equal(limited.json.error.code, 'MOAT_RATE_LIMITED');
  assert.equal(limited.json.error.type, 'rate_limit_error');
  assert.ok(Number(limited.headers.get('retry-after')) >= 1);
  const a = await call(
    k.key,
    { model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: 'x' }] },
    '/v1/messages',
  );
  assert.equal(a.status, 429);
  assert.equal(a.json.type, 'error');
  assert.equal(a.json.error.type, 'rate_limit_error');
  await gw.app.flushTelemetry();
  const events = (await gw.admin('GET', '/events?account=acct_lim')).json.data;
  assert.ok(
    events.some((e: any) => e.status === 429 && e.action === 'rate_limited'),
    'the action is on the telemetry event',
  );
});

test('issue 4: negative, huge or unknown limits and absurd max_tokens get a clear 400', async () => {
  const k = await gw.newKey('acct_bad', { tier: 'pro' });
  for (const body of [
    { requestsPerMinute: -1 },
    { tokensPerDay: 1e15 },
    { rpm: 5 },
    { requestsPerMinute: 1.5 },
  ]) {
    const r = await gw.admin('PUT', '/accounts/acct_bad/limits', body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.match(r.json.error.message, /requestsPerMinute|tokensPerDay|rpm|Unrecognized/);
  }
  const r = await call(k.key, chat('gpt-test', { max_tokens: 1e11 }));
  assert.equal(r.status, 400);
  assert.equal(r.json.error.param, 'max_tokens');
  const pin = await gw.admin('PUT', '/accounts/acct_bad/level', { level: 'nuke', reason: 'x' });
  assert.equal(pin.status, 400);
});

test('issue 4: a blocked account gets 403 with a support reference; unpinning restores service', async () => {
  const k = await gw.newKey('acct_block', { tier: 'pro' });
  assert.equal(
    (
      await gw.admin('PUT', '/accounts/acct_block/level', {
        level: 'block',
        reason: 'confirmed campaign',
      })
    ).status,
    200,
  );
  const r = await call(k.key, chat());
  assert.equal(r.status, 403);
  assert.equal(r.json.error.code, 'MOAT_ACCOUNT_BLOCKED');
  assert.match(r.json.error.message, /reference MOAT-/);
  assert.equal((await gw.admin('DELETE', '/accounts/acct_block/level')).status, 200);
  assert.equal((await call(k.key, chat())).status, 200);
  const pinned = await gw.admin('PUT', '/accounts/acct_block/level', {
    level: 'block',
    reason: 'short',
    until: Date.now() + 60_000,
  });
  assert.equal(pinned.json.pin.until > Date.now(), true);
});

test('issue 4: degrade strips logprobs, logit_bias and n, caps max_tokens, and withholds reasoning (JSON and streams)', async () => {
  const k = await gw.newKey('acct_deg', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_deg/level', { level: 'degrade', reason: 'test' });
  const r = await call(
    k.key,
    chat('gpt-test', {
      logprobs: true,
      top_logprobs: 5,
      logit_bias: { '1': 5 },
      n: 3,
      max_tokens: 50_000,
    }),
  );
  assert.equal(r.status, 200);
  const seen = double.requests.at(-1)!.body!;
  assert.equal(seen['logprobs'], undefined);
  assert.equal(seen['top_logprobs'], undefined);
  assert.equal(seen['logit_bias'], undefined);
  assert.ok(seen['n'] === undefined || seen['n'] === 1);
  assert.ok((seen['max_tokens'] as number) <= 1024);

  const json = await call(k.key, chat('moat-demo-reasoner', { max_tokens: 60 }));
  assert.equal(json.status, 200);
  assert.equal(json.json.choices[0].message.reasoning_content, undefined, 'reasoning withheld');
  const stream = await call(k.key, chat('moat-demo-reasoner', { max_tokens: 60, stream: true }));
  assert.ok(!stream.text.includes('reasoning_content'), 'no reasoning in the stream');
  assert.match(stream.text, /"content":"/);

  const a = await call(
    k.key,
    {
      model: 'moat-demo-reasoner',
      max_tokens: 60,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    },
    '/v1/messages',
  );
  assert.ok(!a.text.includes('thinking'), 'no thinking blocks');
  const starts = [...a.text.matchAll(/"type":"content_block_start","index":(\d+)/g)].map((m) =>
    Number(m[1]),
  );
  assert.deepEqual(starts, [0], 'block indexes renumbered from 0');

  // The same account without the pin gets reasoning.
  await gw.admin('DELETE', '/accounts/acct_deg/level');
  const full = await call(k.key, chat('moat-demo-reasoner', { max_tokens: 60 }));
  assert.equal(typeof full.json.choices[0].message.reasoning_content, 'string');
});

test('issue 4: challenge asks for proof of work; the client helper solves it; replays and forgeries are refused', async () => {
  const k = await gw.newKey('acct_pow', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_pow/level', { level: 'challenge', reason: 'test' });
  const first = await call(k.key, chat());
  assert.equal(first.status, 429);
  assert.equal(first.json.error.code, 'MOAT_CHALLENGE_REQUIRED');
  assert.ok(first.headers.get('moat-challenge'));
  assert.ok(first.json.error.challenge);

  const forged = await call(k.key, chat(), '/v1/chat/completions', {
    'moat-challenge-solution': Buffer.from('{"algorithm":"SHA-256"}').toString('base64'),
  });
  assert.equal(forged.status, 429);
  assert.match(forged.json.error.message, /refused \(malformed\)/);

  let solution = '';
  const fetchWithPow = withMoatChallenges(async (input, init) => {
    const h = new Headers(init?.headers);
    if (h.get('moat-challenge-solution')) solution = h.get('moat-challenge-solution')!;
    return fetch(input, init);
  });
  const client = new OpenAI({
    apiKey: k.key,
    baseURL: gw.url + '/v1',
    fetch: fetchWithPow as typeof fetch,
    maxRetries: 0,
  });
  const res = await client.chat.completions.create({
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.ok(res.choices[0]?.message.content);
  assert.ok(solution, 'the helper sent a solution');
  // The same request again (a solution is bound to its request, issue 14): a replay.
  const replay = await call(
    k.key,
    { model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] },
    '/v1/chat/completions',
    { 'moat-challenge-solution': solution },
  );
  assert.equal(replay.status, 429);
  assert.match(replay.json.error.message, /replayed/);
  const other = await gw.newKey('acct_pow2', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_pow2/level', { level: 'challenge', reason: 'test' });
  const stolen = await call(other.key, chat(), '/v1/chat/completions', {
    'moat-challenge-solution': solution,
  });
  assert.equal(stolen.status, 429);
});

test('issue 4: throttle scales the per-minute limits down', async () => {
  const k = await gw.newKey('acct_thr', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_thr/limits', { requestsPerMinute: 8 });
  await gw.admin('PUT', '/accounts/acct_thr/level', { level: 'throttle', reason: 'test' });
  const r = await call(k.key, chat());
  assert.equal(r.status, 200);
  assert.equal(r.headers.get('x-ratelimit-limit-requests'), '2', 'limit 8 × throttle factor 0.25');
});

test('issue 4: a pin whose expiry is in the past is refused', async () => {
  await gw.newKey('acct_past', { tier: 'pro' });
  const r = await gw.admin('PUT', '/accounts/acct_past/level', {
    level: 'block',
    reason: 'x',
    until: '2001-01-01T00:00:00Z',
  });
  assert.equal(r.status, 400);
  assert.match(r.json.error.message, /until/);
});

test('issue 5: an account with no tier gets the tighter unverified limits until an organisation is verified', async () => {
  const k = await gw.newKey('acct_unverified');
  const before = await call(k.key, chat());
  assert.equal(before.headers.get('x-ratelimit-limit-requests'), '10');
  assert.equal(
    (await gw.admin('POST', '/accounts/acct_unverified/verify', { organization: 'Example Labs' }))
      .status,
    200,
  );
  const after = await call(k.key, chat());
  assert.equal(
    after.headers.get('x-ratelimit-limit-requests'),
    '20',
    'the default tier once verified',
  );
  const shown = await gw.admin('GET', '/accounts/acct_unverified');
  assert.equal(shown.json.verified.organization, 'Example Labs');
});

test('issue 4: per-key limits apply on top of the account limits when configured', async () => {
  const g = await startGateway(
    double.url,
    { limits: { perKey: { requestsPerMinute: 2 } } },
    { extensions: defaultExtensions },
  );
  try {
    const a = await g.newKey('acct_keys', { tier: 'pro' });
    const k2 = (await g.admin('POST', '/accounts/acct_keys/keys')).json.key as string;
    const hit = async (key: string) => {
      const res = await fetch(g.url + '/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(chat()),
      });
      await res.arrayBuffer();
      return res.status;
    };
    assert.deepEqual(
      [await hit(a.key), await hit(a.key), await hit(a.key)],
      [200, 200, 429],
      'the first key runs out',
    );
    assert.equal(await hit(k2), 200, 'the second key of the same account still works');
  } finally {
    await g.close();
  }
});

test('issue 15: moat_actions_total counts rate_limited, challenge_solved and challenge_failed', async () => {
  // The tests above were refused by a limit, solved one challenge and failed several.
  const text = await (
    await fetch(gw.url + '/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  ).text();
  const count = (action: string) =>
    Number(
      new RegExp(`^moat_actions_total\\{action="${action}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0,
    );
  assert.ok(count('rate_limited') >= 2, 'two 429s from the limiter');
  assert.ok(count('challenge_solved') >= 1, 'the client helper solved one');
  assert.ok(count('challenge_failed') >= 3, 'a forgery, a replay and a stolen solution');
  assert.ok(count('challenge') >= 1 && count('allow') >= 1, 'ladder levels are still counted');
});
