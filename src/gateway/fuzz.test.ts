import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { startGateway, type TestGateway } from '../test-support/gateway.js';

let double: UpstreamDouble;
let gw: TestGateway;
let key: string;

before(async () => {
  double = await startUpstreamDouble({ record: false });
  gw = await startGateway(double.url, { bodyLimitBytes: 32 * 1024 });
  key = (await gw.newKey('acct_fuzz')).key;
});
after(async () => {
  await gw.close();
  await double.close();
});

const jsonValue = fc.jsonValue({ maxDepth: 3 });
const message = fc.oneof(
  fc.record(
    {
      role: fc.constantFrom('user', 'assistant', 'system', 'tool', 'bogus', ''),
      content: fc.oneof(fc.string(), jsonValue),
    },
    { requiredKeys: [] },
  ),
  jsonValue,
);
const body = fc.oneof(
  // Near-valid bodies with wrong types in random places.
  fc
    .record(
      {
        model: fc.oneof(fc.constantFrom('gpt-test', 'claude-test', 'moat-demo', 'nope'), jsonValue),
        messages: fc.oneof(fc.array(message, { maxLength: 4 }), jsonValue),
        max_tokens: fc.oneof(fc.integer({ min: -5, max: 64 }), jsonValue),
        temperature: fc.oneof(fc.double(), jsonValue),
        stream: fc.oneof(fc.boolean(), jsonValue),
        n: fc.oneof(fc.integer({ min: -3, max: 300 }), jsonValue),
        logit_bias: jsonValue,
        system: jsonValue,
        stop: jsonValue,
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  jsonValue.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.constant('x'.repeat(40 * 1024)),
);
const request = fc.record({
  path: fc.constantFrom(
    '/v1/chat/completions',
    '/v1/messages',
    '/v1/models',
    '/v1/nope',
    '/admin/v1/accounts',
  ),
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE'),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
  ),
  auth: fc.constantFrom('good', 'good', 'good', 'none', 'bad', 'x-api-key'),
  body,
  headers: fc.dictionary(
    fc.stringMatching(/^x-[a-z0-9-]{1,20}$/),
    fc.string({ maxLength: 100 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
    { maxKeys: 10 },
  ),
});

type Req = fc.Arbitrary<typeof request extends fc.Arbitrary<infer T> ? T : never>;

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

test('issue 2: 10,000 generated malformed requests get 4xx errors in API shape, never a 5xx, a crash or a leak', async () => {
  const samples = fc.sample(request as Req, { numRuns: 10_000, seed: 42 });
  const run = async (r: (typeof samples)[number]) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.contentType) headers['content-type'] = r.contentType;
    if (r.auth === 'good') headers['authorization'] = `Bearer ${key}`;
    if (r.auth === 'bad') headers['authorization'] = 'Bearer sk-moat-invalid-key';
    if (r.auth === 'x-api-key') headers['x-api-key'] = key;
    const init: RequestInit = { method: r.method, headers };
    if (r.method !== 'GET') init.body = r.body;
    const res = await fetch(gw.url + r.path, init);
    const text = await res.text();
    assert.ok(res.status < 500, `${r.method} ${r.path} → ${res.status}: ${text.slice(0, 300)}`);
    if (res.status >= 400) {
      const json = JSON.parse(text);
      const message = json.error?.message;
      assert.equal(typeof message, 'string', `error body has a message: ${text.slice(0, 200)}`);
      assert.ok(!/\n\s+at /.test(text), 'no stack trace reaches the client');
    }
    return res.status;
  };
  // Warm up, then measure the heap over the whole run.
  for (const s of samples.slice(0, 200)) await run(s);
  const heapBefore = heapAfterGc();
  const statuses = new Map<number, number>();
  const concurrency = 16;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < samples.length) {
        const s = samples[next++]!;
        const st = await run(s);
        statuses.set(st, (statuses.get(st) ?? 0) + 1);
      }
    }),
  );
  const health = await fetch(gw.url + '/healthz');
  assert.equal(health.status, 200, 'the server is still up');
  await gw.app.flushTelemetry();
  const growth = heapAfterGc() - heapBefore;
  assert.ok(growth < 32 * 1024 * 1024, `heap grew by ${(growth / 1048576).toFixed(1)} MiB`);
  assert.ok((statuses.get(400) ?? 0) > 1000, 'most requests were rejected as invalid');
  assert.ok((statuses.get(200) ?? 0) > 0 || (statuses.get(404) ?? 0) > 0);
});
