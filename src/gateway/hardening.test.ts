import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { chunkedFrames, rawExchange } from '../test-support/raw-http.js';
import { defaultExtensions } from '../extensions/index.js';
import type { TelemetryEvent } from '../telemetry/event.js';
import { TRUNCATED_MARK } from './bounded-body.js';

// Issue 14, end to end through a running gateway with the standard extensions (limits,
// ladder, provenance, detector): what a hostile client could do, and what it can no longer.

let double: UpstreamDouble;
let gw: TestGateway;

const LIMIT = 1024 * 1024;

before(async () => {
  double = await startUpstreamDouble();
  gw = await startGateway(
    double.url,
    {
      bodyLimitBytes: LIMIT,
      http: {
        headersTimeoutMs: 800,
        requestTimeoutMs: 1500,
        drainLimitBytes: 16 * 1024 * 1024,
        bodyLimitByRoute: { '/admin/v1': 256 * 1024 },
      },
      telemetry: { flushMs: 20, refusedBodyBytes: 4096 },
    },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
  await double.close();
});

const json = (key: string) => ({
  'content-type': 'application/json',
  authorization: `Bearer ${key}`,
});

async function post(path: string, key: string, body: unknown) {
  const res = await fetch(gw.url + path, {
    method: 'POST',
    headers: json(key),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, json: parsed, text, headers: res.headers };
}

/** `{"a":{"a":…}}` nested `depth` levels. */
function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

async function eventsOf(account: string): Promise<TelemetryEvent[]> {
  await gw.app.flushTelemetry();
  const r = await gw.admin('GET', `/events?account=${account}&limit=10000`);
  assert.equal(r.status, 200);
  return r.json.data;
}

async function metricsText(): Promise<string> {
  return (
    await fetch(gw.url + '/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  ).text();
}

function droppedMetric(text: string): number {
  return Number(/^moat_telemetry_events_dropped (\S+)$/m.exec(text)?.[1]);
}

test('issue 14: a body nested deeper than maxJsonDepth gets a 400 in the API shape at parse time and erases no other account telemetry', async () => {
  const victim = await gw.newKey('acct_poison_victim', { tier: 'enterprise' });
  const attacker = await gw.newKey('acct_poison_attacker', { tier: 'enterprise' });
  assert.equal(
    (
      await gw.admin('PUT', '/accounts/acct_poison_attacker/level', {
        level: 'block',
        reason: 'issue 14 test',
      })
    ).status,
    200,
  );
  const deepMetadata = `{"model":"claude-test","max_tokens":10,"messages":[{"role":"user","content":"hi"}],"metadata":${nested(8000)}}`;
  const deepMessages = `{"model":"gpt-test","messages":[{"role":"user","content":[${nested(8000)}]}]}`;
  for (let i = 0; i < 20; i++) {
    const v = await post('/v1/chat/completions', victim.key, {
      model: 'gpt-test',
      messages: [{ role: 'user', content: `question ${i}` }],
    });
    assert.equal(v.status, 200);
    const a = await post('/v1/messages', attacker.key, deepMetadata);
    assert.equal(a.status, 400, a.text.slice(0, 300));
    assert.equal(a.json.type, 'error', 'Anthropic shape on /v1/messages');
    assert.equal(a.json.error.code, 'MOAT_BODY_TOO_DEEP');
  }
  const m = await post('/v1/chat/completions', victim.key, deepMessages);
  assert.equal(m.status, 400, 'nesting inside messages is a 400, not a 500');
  assert.equal(m.json.error.code, 'MOAT_BODY_TOO_DEEP');
  // Chunked bodies and admin routes (Fastify's parser) are checked too.
  const chunked = await rawExchange(
    gw.url,
    `POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${attacker.key}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    [Buffer.from(deepMetadata.length.toString(16) + '\r\n' + deepMetadata + '\r\n0\r\n\r\n')],
  );
  assert.equal(chunked.status, 400);
  assert.equal(chunked.json.error.code, 'MOAT_BODY_TOO_DEEP');
  const adminDeep = await fetch(gw.url + '/admin/v1/accounts', {
    method: 'POST',
    headers: json(ADMIN_TOKEN),
    body: `{"name":${nested(500).replace('1', '"x"')}}`,
  });
  assert.equal(adminDeep.status, 400);
  // Nesting within the limit is still served.
  const ok = await post(
    '/v1/messages',
    victim.key,
    `{"model":"claude-test","max_tokens":10,"messages":[{"role":"user","content":"hi"}],"metadata":${nested(40)}}`,
  );
  assert.equal(ok.status, 200, ok.text.slice(0, 300));

  const events = await eventsOf(victim.account);
  assert.equal(events.length, 21, 'every acknowledged request of the victim is stored');
  assert.equal(droppedMetric(await metricsText()), 0);
});

test('issue 14: an event that cannot be serialised or stored is dropped alone and counted in moat_telemetry_events_dropped', async () => {
  const before = droppedMetric(await metricsText());
  const base = {
    ts: Date.now(),
    key: 'k',
    endpoint: 'messages' as const,
    model: 'm',
    status: 200,
    action: 'allow',
  };
  const good = (i: number): TelemetryEvent => ({
    ...base,
    account: 'acct_bus_direct',
    request: { messages: [{ role: 'user', content: `q${i}` }] },
  });
  const cyclic: TelemetryEvent = { ...base, account: 'acct_bus_direct', request: { messages: [] } };
  cyclic.request['self'] = cyclic;
  // No account: the store's NOT NULL refuses it, in the same batch as the good ones.
  const unstorable = { ...base, request: { messages: [] } } as unknown as TelemetryEvent;
  assert.equal(gw.app.bus.publish(good(1)), true);
  assert.equal(gw.app.bus.publish(cyclic), false, 'refused at publish');
  assert.equal(gw.app.bus.publish(unstorable), true);
  for (let i = 2; i <= 5; i++) gw.app.bus.publish(good(i));
  const events = await eventsOf('acct_bus_direct');
  assert.equal(events.length, 5, 'the batch survives its bad event');
  assert.equal(droppedMetric(await metricsText()) - before, 2);
});

test('issue 14: a refused request stores a bounded body, marked as truncated', async () => {
  const k = await gw.newKey('acct_refused_big', { tier: 'enterprise' });
  assert.equal(
    (
      await gw.admin('PUT', '/accounts/acct_refused_big/level', {
        level: 'block',
        reason: 'issue 14 test',
      })
    ).status,
    200,
  );
  const big = 'lorem ipsum '.repeat(35_000); // twice ~420 KB: under the body limit
  const r = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    temperature: 0,
    messages: [
      { role: 'system', content: 'Be terse.' },
      { role: 'user', content: big },
    ],
    tools: [{ big }],
  });
  assert.equal(r.status, 403);
  const [e] = await eventsOf(k.account);
  assert.ok(e);
  const stored = JSON.stringify(e.request);
  assert.ok(stored.length < 6000, `stored request is ${stored.length} bytes`);
  assert.ok((e['requestTruncated'] as { bytes: number }).bytes > 800_000);
  assert.equal(e.request['temperature'], 0, 'short parameters are kept');
  assert.equal(e.request['tools'], undefined, 'long ones are dropped');
  const msgs = e.request.messages as Array<{ role: string; content: string }>;
  assert.equal(msgs[0]?.content, 'Be terse.');
  assert.ok(msgs[1]?.content.startsWith('lorem ipsum') && msgs[1].content.endsWith(TRUNCATED_MARK));
  // The Responses API: the cut keeps the start of the messages derived from `input`.
  const r2 = await post('/v1/responses', k.key, { model: 'gpt-test', input: big });
  assert.equal(r2.status, 403);
  const e2 = (await eventsOf(k.account)).find((x) => x.endpoint === 'responses');
  assert.ok(e2);
  assert.ok(JSON.stringify(e2.request).length < 6000);
  const m2 = e2.request.messages as Array<{ role: string; content: string }>;
  assert.ok(
    m2[0]?.content.startsWith('lorem ipsum') && m2[0].content.endsWith(TRUNCATED_MARK),
    JSON.stringify(m2).slice(0, 200),
  );
});

test('issue 14: a token quota counts every choice of n (and best_of) and refuses, never caps, a request larger than what remains', async () => {
  const k = await gw.newKey('acct_quota_n', { tier: 'enterprise' });
  assert.equal(
    (await gw.admin('PUT', '/accounts/acct_quota_n/limits', { tokensPerDay: 5000 })).status,
    200,
  );
  const seen = double.requests.length;
  const big = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    n: 128,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(big.status, 429, big.text);
  assert.equal(big.json.error.code, 'MOAT_QUOTA_EXCEEDED');
  assert.equal(big.json.error.type, 'insufficient_quota');
  assert.ok(Number(big.headers.get('retry-after')) > 0, 'retry-after is set');
  const bestOf = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    best_of: 64,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(bestOf.status, 429, 'best_of counts like n');
  assert.equal(double.requests.length, seen, 'nothing refused reached the upstream');
  const small = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    n: 2,
    max_tokens: 100,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(small.status, 200, small.text);
  // 4,990 of the worst case: more than what the served request left.
  const rest = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    max_tokens: 4990,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(rest.status, 429, 'the remaining quota does not cap the reservation');
  const bad = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    best_of: 1e9,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(bad.status, 400);
  assert.equal(bad.json.error.param, 'best_of');
});

test('issue 14: model names are capped at validation and metrics are labelled by the configured upstream, never the client string', async () => {
  const k = await gw.newKey('acct_model_len', { tier: 'enterprise' });
  const long = await post('/v1/chat/completions', k.key, {
    model: 'm'.repeat(300),
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(long.status, 400);
  assert.equal(long.json.error.param, 'model');
  const fails = await post('/v1/chat/completions', k.key, {
    model: 'double/error-500',
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(fails.status, 502);
  const text = await metricsText();
  assert.match(text, /moat_upstream_errors_total\{upstream="oa",code="MOAT_UPSTREAM_ERROR"\} \d/);
  assert.doesNotMatch(text, /double\/error-500/, 'no client string in any series');
});

test('issue 14: upstream 5xx bodies and connection details never reach the client; the reference is the request id', async () => {
  const k = await gw.newKey('acct_upstream_leak', { tier: 'enterprise' });
  const r = await post('/v1/chat/completions', k.key, {
    model: 'double/error-500',
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(r.status, 502);
  assert.doesNotMatch(r.text, /simulated|double|answered|\boa\b/);
  assert.ok(r.json.error.message.includes(r.headers.get('x-request-id')!), r.json.error.message);
  const a = await post('/v1/messages', k.key, {
    model: 'claude/non-json-500',
    max_tokens: 10,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(a.status, 502);
  assert.equal(a.json.type, 'error');
  assert.doesNotMatch(a.text, /html|Internal Server Error|\ban\b/);

  // An upstream that refuses connections: port 9 (discard), which nothing here listens on. A
  // port freed by closing a server of our own was taken by another test file's listener under
  // CI load once, and the answer was that server's 401.
  const g = await startGateway('http://127.0.0.1:9/v1');
  try {
    const k2 = await g.newKey('acct_refused_conn');
    const res = await fetch(g.url + '/v1/chat/completions', {
      method: 'POST',
      headers: json(k2.key),
      body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const body = await res.text();
    assert.equal(res.status, 502);
    assert.match(body, /MOAT_UPSTREAM_UNREACHABLE/);
    assert.doesNotMatch(body, /127\.0\.0\.1|ECONNREFUSED|:9\b|:\d{4,5}/);
  } finally {
    await g.close();
  }
});

test('issue 14: HTTP-level errors on /v1/messages come back in the Anthropic shape (431, malformed, 413, 408)', async () => {
  const k = await gw.newKey('acct_http_shape', { tier: 'enterprise' });
  const overflow = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      gw.url + '/v1/messages',
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
  assert.equal(overflow.status, 431);
  assert.equal(JSON.parse(overflow.body).type, 'error');
  assert.equal(JSON.parse(overflow.body).error.code, 'MOAT_HEADERS_TOO_LARGE');

  const malformed = await rawExchange(
    gw.url,
    'POST /v1/messages HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  );
  assert.equal(malformed.status, 400);
  assert.equal(malformed.json.type, 'error');
  const openai = await rawExchange(
    gw.url,
    'POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
  );
  assert.equal(openai.status, 400);
  assert.ok(openai.json.error.message, 'OpenAI shape on the OpenAI route');

  const tooBig = await post('/v1/messages', k.key, {
    model: 'claude-test',
    max_tokens: 10,
    messages: [{ role: 'user', content: 'x'.repeat(LIMIT) }],
  });
  assert.equal(tooBig.status, 413);
  assert.equal(tooBig.json.type, 'error');
  assert.equal(tooBig.json.error.type, 'request_too_large');

  const slow = await rawExchange(
    gw.url,
    `POST /v1/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${k.key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    ['"'],
    { endAfterBody: false, closeAfterMs: 10_000 },
  );
  assert.equal(slow.status, 408);
  assert.equal(slow.json.type, 'error');
  assert.equal(slow.json.error.code, 'MOAT_REQUEST_TIMEOUT');
});

test('issue 14: idle and slow sockets are closed by the header and request timeouts', async () => {
  // A socket that never sends a byte: the server ends it (a FIN, or a reset), the client
  // never has to (its own destroy, long after the header timeout, is only a fallback).
  const idleClosedBy = await new Promise<'server' | 'client'>((resolve) => {
    const s: Socket = connect(Number(new URL(gw.url).port), '127.0.0.1');
    let by: 'server' | 'client' = 'server';
    s.on('error', () => undefined);
    s.resume();
    s.on('close', () => resolve(by));
    setTimeout(() => {
      by = 'client';
      s.destroy();
    }, 10_000);
  });
  assert.equal(idleClosedBy, 'server', 'an idle socket is closed by the server');
  const slowHeaders = await rawExchange(gw.url, 'POST /v1/messages HTTP/1.1\r\nHost: x\r\n', [], {
    endAfterBody: false,
    closeAfterMs: 10_000,
  });
  assert.equal(slowHeaders.closedBy, 'server', 'a client that never ends its headers is cut');
  // A slowloris client that keeps trickling header lines is cut too, not just answered.
  const trickle = await rawExchange(
    gw.url,
    'POST /v1/messages HTTP/1.1\r\nHost: x\r\n',
    Array.from({ length: 40 }, () => 'X-Slow: 1\r\n'),
    { pauseMs: 250, endAfterBody: false, closeAfterMs: 15_000 },
  );
  assert.equal(trickle.status, 408);
  assert.equal(trickle.closedBy, 'server');
  assert.ok(trickle.sent < 40, `cut mid-trickle, after ${trickle.sent} of 40 header lines`);
});

test('issue 14: the key is checked before a byte of the body is read, on every model route', async () => {
  // The fast path's two routes, the Fastify routes (issue 16's surfaces, count_tokens) and a
  // fast route reached through Fastify (a query string): none waits for the body.
  for (const path of [
    '/v1/chat/completions',
    '/v1/messages',
    '/v1/responses',
    '/v1/completions',
    '/v1/embeddings',
    '/v1/messages/count_tokens',
    '/v1/chat/completions?x=1',
  ]) {
    const r = await rawExchange(
      gw.url,
      `POST ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-moat-not-a-real-key\r\nx-api-key: sk-moat-not-a-real-key\r\nContent-Type: application/json\r\nContent-Length: 900000\r\n\r\n`,
      [],
      { endAfterBody: false, closeAfterMs: 1_000 },
    );
    assert.equal(r.status, 401, `${path}: answered with no body sent`);
    assert.equal(r.json.error.code, 'MOAT_INVALID_API_KEY', path);
  }
  // The refused body is drained, so a client still sending reads the 401 (no EPIPE).
  const sent = await rawExchange(
    gw.url,
    'POST /v1/responses HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk-moat-not-a-real-key\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n',
    [Buffer.alloc(2 * 1024 * 1024, 'a')],
  );
  assert.equal(sent.status, 401);
  assert.equal(sent.error, '', 'no EPIPE/ECONNRESET');
  // A valid key still goes through those routes.
  const k = await gw.newKey('acct_key_first', { tier: 'enterprise' });
  const ok = await post('/v1/responses?x=1', k.key, { model: 'gpt-test', input: 'hi' });
  assert.equal(ok.status, 200, ok.text.slice(0, 300));
});

test('issue 14: a body over the limit is drained so the client reads the 413 instead of a reset connection', async () => {
  const k = await gw.newKey('acct_drain', { tier: 'enterprise' });
  const auth = `Authorization: Bearer ${k.key}\r\n`;
  const chunked = await rawExchange(
    gw.url,
    `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    chunkedFrames(64, 64 * 1024),
  );
  assert.equal(chunked.status, 413);
  assert.equal(chunked.error, '', 'no EPIPE/ECONNRESET');
  const length = await rawExchange(
    gw.url,
    `POST /v1/messages HTTP/1.1\r\nHost: x\r\n${auth}Content-Type: application/json\r\nContent-Length: ${4 * LIMIT}\r\n\r\n`,
    [Buffer.alloc(4 * LIMIT, 'a')],
  );
  assert.equal(length.status, 413);
  assert.equal(length.json.error.type, 'request_too_large');
  assert.equal(length.error, '');
  // Fastify's routes too, with their own per-route limit (/admin/v1: 256 KiB here).
  const adminBig = await rawExchange(
    gw.url,
    `POST /admin/v1/accounts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
    chunkedFrames(16, 64 * 1024),
  );
  assert.equal(adminBig.status, 413);
  assert.match(adminBig.json.error.message, /262144-byte/);
  assert.equal(adminBig.error, '');
  // Node's fetch, as the SDKs use it.
  const f = await post('/v1/chat/completions', k.key, {
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'x'.repeat(3 * LIMIT) }],
  });
  assert.equal(f.status, 413);
});

test('issue 14: a DELETE with Content-Type: application/json and no body is accepted', async () => {
  const k = await gw.newKey('acct_delete_json');
  const res = await fetch(`${gw.url}/admin/v1/keys/${k.keyId}`, {
    method: 'DELETE',
    headers: json(ADMIN_TOKEN),
  });
  assert.equal(res.status, 200, await res.clone().text());
  assert.ok(((await res.json()) as { revokedAt: number }).revokedAt > 0);
});

test('issue 14: the demo model answers content: [null] with a 400, not a 500', async () => {
  const k = await gw.newKey('acct_demo_null', { tier: 'enterprise' });
  const o = await post('/v1/chat/completions', k.key, {
    model: 'moat-demo',
    messages: [{ role: 'user', content: [null] }],
  });
  assert.equal(o.status, 400);
  assert.equal(o.json.error.param, 'messages[0].content[0]');
  const a = await post('/v1/messages', k.key, {
    model: 'moat-demo',
    max_tokens: 10,
    messages: [{ role: 'user', content: [null] }],
  });
  assert.equal(a.status, 400);
  assert.equal(a.json.type, 'error');
});

test('issue 14: the connection cap refuses sockets beyond http.maxConnections', async () => {
  const g = await startGateway(undefined, { http: { maxConnections: 4 } });
  const sockets: Socket[] = [];
  try {
    const port = Number(new URL(g.url).port);
    let closedEarly = 0;
    await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<void>((resolve) => {
            const s = connect(port, '127.0.0.1');
            sockets.push(s);
            s.on('error', () => undefined);
            s.on('close', () => {
              closedEarly++;
              resolve();
            });
            setTimeout(resolve, 500);
          }),
      ),
    );
    assert.ok(closedEarly >= 6, `${closedEarly} of 10 sockets were refused`);
  } finally {
    for (const s of sockets) s.destroy();
    await g.close();
  }
});

test('issue 14: /metrics can live on its own listener (metrics.port), off the API listener', async () => {
  const g = await startGateway(undefined, { metrics: { port: 0 } });
  try {
    assert.equal(
      (await fetch(g.url + '/metrics', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }))
        .status,
      404,
    );
    const url = g.app.metricsUrl?.();
    assert.ok(url);
    assert.equal((await fetch(url + '/metrics')).status, 401);
    const ok = await fetch(url + '/metrics', {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /moat_requests_in_flight/);
  } finally {
    await g.close();
  }
  const pub = await startGateway(undefined, { metrics: { auth: 'public' } });
  try {
    assert.equal(
      (await fetch(pub.url + '/metrics')).status,
      200,
      'metrics.auth: public serves without a token',
    );
  } finally {
    await pub.close();
  }
});
