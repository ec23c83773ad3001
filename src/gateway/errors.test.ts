import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:net';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { startGateway, type TestGateway } from '../test-support/gateway.js';

let double: UpstreamDouble;
let gw: TestGateway;
let key: string;

before(async () => {
  double = await startUpstreamDouble({ slowDelayMs: 30 });
  gw = await startGateway(double.url, { bodyLimitBytes: 64 * 1024, maxHeaderCount: 60 });
  key = (await gw.newKey('acct_err')).key;
});
after(async () => {
  await gw.close();
  await double.close();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(gw.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

const chat = (model = 'gpt-test', extra: Record<string, unknown> = {}) => ({
  model,
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});
const msgs = (model = 'claude-test', extra: Record<string, unknown> = {}) => ({
  model,
  max_tokens: 20,
  messages: [{ role: 'user', content: 'hi' }],
  ...extra,
});

function assertOpenAIError(r: { status: number; json: any }, status: number, code: string) {
  assert.equal(r.status, status, JSON.stringify(r.json));
  assert.equal(typeof r.json?.error?.message, 'string');
  assert.equal(r.json.error.code, code);
  assert.ok(r.json.error.type);
}
function assertAnthropicError(r: { status: number; json: any }, status: number, code: string) {
  assert.equal(r.status, status, JSON.stringify(r.json));
  assert.equal(r.json?.type, 'error');
  assert.equal(typeof r.json.error.message, 'string');
  assert.equal(r.json.error.code, code);
}

test('issue 2: missing and unknown keys get 401 in each API shape', async () => {
  assertOpenAIError(
    await post('/v1/chat/completions', chat(), { authorization: '' }),
    401,
    'MOAT_MISSING_API_KEY',
  );
  assertAnthropicError(
    await post('/v1/messages', msgs(), { authorization: '' }),
    401,
    'MOAT_MISSING_API_KEY',
  );
  assertOpenAIError(
    await post('/v1/chat/completions', chat(), { authorization: 'Bearer sk-moat-nope-nope' }),
    401,
    'MOAT_INVALID_API_KEY',
  );
  const r = await post('/v1/messages', msgs(), { authorization: '', 'x-api-key': 'bogus-key-123' });
  assertAnthropicError(r, 401, 'MOAT_INVALID_API_KEY');
  assert.equal(r.json.error.type, 'authentication_error');
});

test('issue 2: malformed JSON, wrong content type, oversized body', async () => {
  const bad = await post('/v1/chat/completions', '{"model": "gpt-test", ');
  assertOpenAIError(bad, 400, 'MOAT_INVALID_JSON');
  assert.match(bad.json.error.message, /not valid JSON/);
  assertOpenAIError(
    await post('/v1/chat/completions', 'model=x', {
      'content-type': 'application/x-www-form-urlencoded',
    }),
    415,
    'MOAT_UNSUPPORTED_MEDIA_TYPE',
  );
  assertAnthropicError(
    await post('/v1/messages', 'hello', { 'content-type': 'text/plain' }),
    415,
    'MOAT_UNSUPPORTED_MEDIA_TYPE',
  );
  const big = await post('/v1/chat/completions', chat('gpt-test', { pad: 'x'.repeat(70 * 1024) }));
  assertOpenAIError(big, 413, 'MOAT_BODY_TOO_LARGE');
  assertOpenAIError(await post('/v1/chat/completions', '[1,2]'), 400, 'MOAT_INVALID_REQUEST');
  assertOpenAIError(await post('/v1/chat/completions', ''), 400, 'MOAT_INVALID_JSON');
});

test('issue 2: invalid parameter types are named', async () => {
  const r = await post('/v1/chat/completions', chat('gpt-test', { temperature: 'hot' }));
  assertOpenAIError(r, 400, 'MOAT_INVALID_REQUEST');
  assert.equal(r.json.error.param, 'temperature');
  assert.match(r.json.error.message, /temperature/);
  const m = await post('/v1/chat/completions', { model: 'gpt-test', messages: 'hi' });
  assert.equal(m.json.error.param, 'messages');
  const a = await post('/v1/messages', {
    model: 'claude-test',
    messages: [{ role: 'user', content: 'x' }],
  });
  assertAnthropicError(a, 400, 'MOAT_INVALID_REQUEST');
  assert.match(a.json.error.message, /max_tokens/);
  const role = await post(
    '/v1/messages',
    msgs('claude-test', { messages: [{ role: 'system', content: 'x' }] }),
  );
  assert.match(role.json.error.message, /messages\.0\.role/);
});

test('issue 2: unknown model is 404, a model of the other API says where to go', async () => {
  const r = await post('/v1/chat/completions', chat('no-such-model'));
  assertOpenAIError(r, 404, 'MOAT_UNKNOWN_MODEL');
  assert.match(r.json.error.message, /no-such-model/);
  const w = await post('/v1/messages', msgs('gpt-test'));
  assertAnthropicError(w, 400, 'MOAT_WRONG_API_FOR_MODEL');
  assert.match(w.json.error.message, /\/v1\/chat\/completions/);
});

test('issue 2: header floods get 431 with a JSON body', async () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 80; i++) many[`x-flood-${i}`] = 'y';
  assertOpenAIError(
    await post('/v1/chat/completions', chat(), many),
    431,
    'MOAT_HEADERS_TOO_LARGE',
  );
  const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      gw.url + '/v1/chat/completions',
      { method: 'POST', headers: { 'x-huge': 'a'.repeat(40_000) } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
  assert.equal(status.status, 431);
  assert.equal(JSON.parse(status.body).error.code, 'MOAT_HEADERS_TOO_LARGE');
});

test('issue 2: unknown routes get 404 in the API shape', async () => {
  // /v1/completions was the example until it became a route (issue 16).
  const res = await fetch(gw.url + '/v1/assistants', { method: 'POST' });
  assert.equal(res.status, 404);
  assert.equal(((await res.json()) as any).error.code, 'MOAT_NOT_FOUND');
});

test('issue 2: upstream failures become 502/504 in the caller API shape, never a hang', async () => {
  assertOpenAIError(
    await post('/v1/chat/completions', chat('double/error-500')),
    502,
    'MOAT_UPSTREAM_ERROR',
  );
  assertAnthropicError(
    await post('/v1/messages', msgs('claude/non-json-500')),
    502,
    'MOAT_UPSTREAM_ERROR',
  );
  assertOpenAIError(
    await post('/v1/chat/completions', chat('double/hang-headers')),
    504,
    'MOAT_UPSTREAM_TIMEOUT',
  );
  const r400 = await post('/v1/chat/completions', chat('double/error-400'));
  assert.equal(r400.status, 400, 'upstream client errors pass through');
  assert.ok(r400.json.error);
  const r429 = await post('/v1/messages', msgs('claude/error-429'));
  assert.equal(r429.status, 429);
});

test('issue 2: a refused upstream connection is a 502', async () => {
  const srv: Server = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  const g = await startGateway(`http://127.0.0.1:${port}/v1`);
  try {
    const k = await g.newKey('acct_refused');
    const res = await fetch(g.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k.key}` },
      body: JSON.stringify(chat()),
    });
    assert.equal(res.status, 502);
    assert.equal(((await res.json()) as any).error.code, 'MOAT_UPSTREAM_UNREACHABLE');
  } finally {
    await g.close();
  }
});

test('issue 2: a stream that hangs mid-way ends with an error event, and the first bytes arrived before it', async () => {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(chat('double/hang-stream', { stream: true })),
  });
  assert.equal(res.status, 200);
  const text = await res.text();
  const firstData = text.indexOf('data: {"');
  const errAt = text.indexOf('MOAT_UPSTREAM_TIMEOUT');
  assert.ok(firstData >= 0 && errAt > firstData, text);
});

test('issue 2: the first streamed event reaches the client while the upstream is still sending', async () => {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(chat('double/slow-stream', { stream: true })),
  });
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.ok(!first.done);
  const before = double.requests.length;
  // The upstream (slow mode) has not finished: the client aborts, and the upstream sees it.
  const aborted = double.aborted;
  await reader.cancel();
  await double.waitForAbort(aborted + 1);
  assert.ok(double.aborted > aborted, 'client disconnect aborted the upstream request');
  assert.equal(double.requests.length, before);
});
