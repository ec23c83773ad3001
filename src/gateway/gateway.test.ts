import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { DOUBLE_TEXT, DOUBLE_USAGE } from '../test-support/double-bodies.js';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';

let double: UpstreamDouble;
let gw: TestGateway;
let key: { account: string; keyId: string; key: string };

before(async () => {
  double = await startUpstreamDouble();
  gw = await startGateway(double.url);
  key = await gw.newKey('acct_sdk');
});
after(async () => {
  await gw.close();
  await double.close();
});

async function eventsOf(account: string) {
  await gw.app.flushTelemetry();
  const r = await gw.admin('GET', `/events?account=${account}&limit=1000`);
  assert.equal(r.status, 200);
  return r.json.data as any[];
}

test('issue 2: the official openai client works unchanged but for baseURL, non-streaming', async () => {
  const client = new OpenAI({ apiKey: key.key, baseURL: gw.url + '/v1', maxRetries: 0 });
  const res = await client.chat.completions.create({
    model: 'gpt-test',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
    ],
    temperature: 0.3,
    top_p: 0.9,
    max_tokens: 50,
    seed: 7,
    logit_bias: { '50256': -100 },
    user: 'u1',
  });
  assert.equal(res.choices[0]?.message.content, DOUBLE_TEXT);
  const seen = double.requests.at(-1)!;
  assert.equal(seen.path, '/v1/chat/completions');
  assert.equal(
    seen.headers.authorization,
    'Bearer upstream-secret-oa',
    'upstream credentials come from config',
  );
  assert.deepEqual(
    { ...seen.body },
    {
      model: 'gpt-test',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
      ],
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 50,
      seed: 7,
      logit_bias: { '50256': -100 },
      user: 'u1',
    },
    'every parameter passes through untouched',
  );
});

test('issue 2: the official openai client streams through Moat', async () => {
  const client = new OpenAI({ apiKey: key.key, baseURL: gw.url + '/v1', maxRetries: 0 });
  const stream = await client.chat.completions.create({
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'stream please' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let usage: unknown;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  assert.equal(text, DOUBLE_TEXT);
  assert.ok(usage);
  const events = await eventsOf(key.account);
  const ev = events.find((e) => e.request.stream === true && e.endpoint === 'chat.completions');
  assert.ok(ev, 'a telemetry event for the stream');
  assert.equal(ev.response.text, DOUBLE_TEXT);
  assert.equal(ev.response.outputTokens, DOUBLE_USAGE.output);
  assert.equal(ev.key, key.keyId);
  assert.equal(ev.status, 200);
  assert.equal(ev.action, 'allow');
});

test('issue 2: the official anthropic client works unchanged, streaming and not', async () => {
  const client = new Anthropic({ apiKey: key.key, baseURL: gw.url, maxRetries: 0 });
  const msg = await client.messages.create({
    model: 'claude-test',
    max_tokens: 64,
    system: 'You are terse.',
    messages: [{ role: 'user', content: [{ type: 'text', text: 'hello' }] }],
  });
  const block = msg.content[0];
  assert.equal(block?.type === 'text' ? block.text : undefined, DOUBLE_TEXT);
  const seen = double.requests.at(-1)!;
  assert.equal(seen.path, '/v1/messages');
  assert.equal(seen.headers['x-api-key'], 'upstream-secret-an');
  assert.equal(seen.body?.['system'], 'You are terse.');

  const stream = client.messages.stream({
    model: 'claude-test',
    max_tokens: 64,
    messages: [{ role: 'user', content: 'hey' }],
  });
  let text = '';
  for await (const ev of stream)
    if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta') text += ev.delta.text;
  assert.equal(text, DOUBLE_TEXT);
  const final = await stream.finalMessage();
  assert.equal(final.usage.output_tokens, DOUBLE_USAGE.output);

  const events = await eventsOf(key.account);
  const ev = events.filter((e) => e.endpoint === 'messages').at(-1);
  assert.equal(ev.response.text, DOUBLE_TEXT);
  assert.equal(ev.request.messages[0].content, 'hey');
  assert.equal(ev.response.finishReason, 'end_turn');
});

test('issue 2: keys work in x-api-key, and a revoked key is refused at once', async () => {
  const k = await gw.newKey('acct_revoke');
  const call = (headers: Record<string, string>) =>
    fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'x' }] }),
    });
  assert.equal((await call({ 'x-api-key': k.key })).status, 200);
  assert.equal((await call({ authorization: `Bearer ${k.key}` })).status, 200);
  const del = await gw.admin('DELETE', `/keys/${k.keyId}`);
  assert.equal(del.status, 200);
  const res = await call({ authorization: `Bearer ${k.key}` });
  assert.equal(res.status, 401);
  const body = (await res.json()) as any;
  assert.equal(body.error.code, 'MOAT_INVALID_API_KEY');
});

test('issue 2: the admin API shows the account with an allow verdict and its keys, never secrets', async () => {
  const r = await gw.admin('GET', `/accounts/${key.account}`);
  assert.equal(r.status, 200);
  assert.equal(r.json.id, key.account);
  assert.equal(r.json.verdict.level, 'allow');
  assert.deepEqual(Object.keys(r.json.verdict).sort(), [
    'account',
    'cluster',
    'level',
    'reasons',
    'score',
    'updatedAt',
  ]);
  assert.ok(r.json.keys.length >= 1);
  assert.ok(!JSON.stringify(r.json).includes(key.key), 'the secret is never shown again');
  assert.ok(!JSON.stringify(r.json.keys).includes('hash'));
  assert.equal((await gw.admin('GET', '/accounts/nobody')).status, 404);
  const unauth = await fetch(gw.url + '/admin/v1/accounts/' + key.account, {
    headers: { authorization: 'Bearer wrong' },
  });
  assert.equal(unauth.status, 401);
});

test('issue 2: GET /v1/models lists routes and labels the demo model', async () => {
  const res = await fetch(gw.url + '/v1/models', {
    headers: { authorization: `Bearer ${key.key}` },
  });
  const body = (await res.json()) as any;
  assert.equal(body.object, 'list');
  const demo = body.data.find((m: any) => m.id === 'moat-demo');
  assert.equal(demo.demo, true);
  assert.ok(body.data.some((m: any) => m.id === 'gpt-test'));
  assert.equal((await fetch(gw.url + '/v1/models')).status, 401);
});

test('issue 2: health, readiness and Prometheus metrics', async () => {
  assert.equal((await fetch(gw.url + '/healthz')).status, 200);
  const ready = await fetch(gw.url + '/readyz');
  assert.equal(ready.status, 200);
  // Behind the admin token by default (issue 14: per-level counts tell an attacker when its accounts move).
  assert.equal((await fetch(gw.url + '/metrics')).status, 401);
  assert.equal(
    (await fetch(gw.url + '/metrics', { headers: { authorization: `Bearer ${key.key}` } })).status,
    401,
    'an API key is not enough',
  );
  const metrics = await (
    await fetch(gw.url + '/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  ).text();
  assert.match(
    metrics,
    /moat_requests_total\{endpoint="chat.completions",status="200",action="allow"\} \d+/,
  );
  assert.match(metrics, /moat_request_duration_seconds_bucket/);
});

test('issue 2: the demo model answers both APIs with usage', async () => {
  const client = new OpenAI({ apiKey: key.key, baseURL: gw.url + '/v1', maxRetries: 0 });
  const res = await client.chat.completions.create({
    model: 'moat-demo',
    messages: [{ role: 'user', content: 'Tell me about rivers.' }],
  });
  const text = res.choices[0]?.message.content ?? '';
  assert.ok(text.split(/\s+/).length > 20, 'a realistic answer');
  assert.ok((res.usage?.completion_tokens ?? 0) > 0);
  const a = new Anthropic({ apiKey: key.key, baseURL: gw.url, maxRetries: 0 });
  const msg = await a.messages.create({
    model: 'moat-demo',
    max_tokens: 40,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.ok(msg.usage.output_tokens > 0 && msg.usage.output_tokens <= 40);
});

test('issue 2: Moat asks an OpenAI upstream for stream usage and hides that chunk from a client that did not ask', async () => {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
    body: JSON.stringify({
      model: 'gpt-test',
      stream: true,
      messages: [{ role: 'user', content: 'usage please' }],
    }),
  });
  const raw = await res.text();
  const seen = double.requests.at(-1)!;
  assert.deepEqual(seen.body?.['stream_options'], { include_usage: true });
  const chunks = raw
    .split('\n\n')
    .filter((b) => b.startsWith('data: {'))
    .map((b) => JSON.parse(b.slice(6)));
  assert.ok(chunks.length > 0);
  assert.ok(
    chunks.every((c) => Array.isArray(c.choices) && c.choices.length > 0),
    'no usage-only chunk reaches the client',
  );
  assert.ok(raw.trimEnd().endsWith('data: [DONE]'));
  const events = await eventsOf(key.account);
  const ev = events.find((e) => e.request.messages[0].content === 'usage please');
  assert.equal(ev.response.outputTokens, DOUBLE_USAGE.output);
  assert.equal(ev.response.inputTokens, DOUBLE_USAGE.input, 'counts come from the upstream usage');
  assert.equal(
    ev.request.stream_options,
    undefined,
    'telemetry keeps the body as the client sent it',
  );
});

test('issue 19: the upstream gets the client body as sent, a "__proto__" key and the stream options Moat adds included', async () => {
  const raw =
    '{"model":"gpt-test","messages":[{"role":"user","content":"hi"}],"__proto__":{"x":1},"stream":true}';
  const res = await fetch(`${gw.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
    body: raw,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.match(res.headers.get('x-request-id') ?? '', /^req_/);
  await res.text();
  const seen = JSON.parse(double.requests.at(-1)!.raw) as Record<string, unknown>;
  assert.ok(Object.hasOwn(seen, '__proto__'), 'the key is passed on as a key');
  assert.deepEqual(seen['__proto__'], { x: 1 });
  assert.deepEqual(seen['stream_options'], { include_usage: true });
  assert.deepEqual(Object.getPrototypeOf(seen), Object.prototype);
});

test("issue 19: a JSON answer carries its type, length and one request id, Moat's", async () => {
  const res = await fetch(`${gw.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] }),
  });
  assert.equal(res.status, 200);
  const body = await res.text();
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.equal(res.headers.get('content-length'), String(Buffer.byteLength(body)));
  assert.match(res.headers.get('x-request-id') ?? '', /^req_/);
  assert.equal(res.headers.get('x-request-id')?.includes(','), false, 'one x-request-id');
});
