import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fingerprintConfigSchema } from './config.js';
import {
  computeFingerprint,
  fingerprintEventFields,
  headersToStrip,
  type FingerprintInput,
} from './fingerprint.js';

const JA4 = 't13d1516h2_8daaf6152771_b186095e22b6';
const plain = fingerprintConfigSchema.parse({});
const behindProxy = fingerprintConfigSchema.parse({
  trustedProxies: ['10.0.0.0/8', '2001:db8:ffff::/48'],
});

function req(
  headers: Record<string, string> | string[],
  over: Partial<FingerprintInput> = {},
): FingerprintInput {
  const rawHeaders = Array.isArray(headers) ? headers : Object.entries(headers).flat();
  return { rawHeaders, httpVersion: '1.1', remoteAddress: '198.51.100.20', ...over };
}

const openaiNode = [
  'Host',
  'api.example.com',
  'Content-Type',
  'application/json',
  'User-Agent',
  'OpenAI/JS 4.56.0',
  'X-Stainless-Lang',
  'js',
  'X-Stainless-Package-Version',
  '4.56.0',
  'X-Stainless-Runtime',
  'node',
  'X-Stainless-Runtime-Version',
  'v20.11.0',
  'Authorization',
  'Bearer sk-test',
];

test('issue 5: the socket peer is the client when no proxy is trusted; X-Forwarded-For and JA4 are ignored', () => {
  const fp = computeFingerprint(
    req({ 'x-forwarded-for': '1.2.3.4', 'x-ja4': JA4 }, { remoteAddress: '::ffff:198.51.100.20' }),
    plain,
  );
  assert.equal(fp.ip, '198.51.100.20');
  assert.equal(fp.ipPrefix, '198.51.100.0/24');
  assert.equal(fp.ja4, undefined);
  assert.equal(fp.parts.ja4Spoofed, '1');
  assert.ok(!fp.headerOrder.includes('x-ja4') && !fp.headerOrder.includes('x-forwarded-for'));
});

test('issue 5: spoofed forwarding headers from an untrusted peer behind a trusted config are ignored', () => {
  const fp = computeFingerprint(
    req({ 'X-Forwarded-For': '10.0.0.1', 'X-JA4': JA4 }, { remoteAddress: '203.0.113.50' }),
    behindProxy,
  );
  assert.equal(fp.ip, '203.0.113.50');
  assert.equal(fp.ja4, undefined);
});

test('issue 5: behind trusted proxies, X-Forwarded-For is walked right to left skipping trusted hops', () => {
  const fp = computeFingerprint(
    req(['X-Forwarded-For', '6.6.6.6, 203.0.113.9', 'x-forwarded-for', '10.1.1.1', 'X-JA4', JA4], {
      remoteAddress: '10.0.0.2',
    }),
    behindProxy,
  );
  // 6.6.6.6 was written by the client itself; the trusted chain ends at 203.0.113.9.
  assert.equal(fp.ip, '203.0.113.9');
  assert.equal(fp.ja4, JA4);
  assert.equal(fp.parts.ja4, JA4);
});

test('a malformed hop stops the walk at the last trusted hop; an all-trusted chain yields its leftmost', () => {
  const bad = computeFingerprint(
    req({ 'x-forwarded-for': 'garbage, 10.2.2.2' }, { remoteAddress: '10.0.0.2' }),
    behindProxy,
  );
  assert.equal(bad.ip, '10.2.2.2');
  const all = computeFingerprint(
    req({ 'x-forwarded-for': '10.9.9.9, 10.2.2.2' }, { remoteAddress: '10.0.0.2' }),
    behindProxy,
  );
  assert.equal(all.ip, '10.9.9.9');
  const v6 = computeFingerprint(
    req({ 'x-forwarded-for': '2001:db8:1234:5678::1' }, { remoteAddress: '2001:db8:ffff::2' }),
    behindProxy,
  );
  assert.equal(v6.ipPrefix, '2001:db8:1234::/48');
});

test('issue 5: a client padding X-Forwarded-For cannot push the trusted hop out of view', () => {
  const padding = Array.from({ length: 400 }, (_, i) => `6.6.${i % 250}.1`).join(', ');
  const fp = computeFingerprint(
    req(['X-Forwarded-For', padding, 'X-Forwarded-For', '203.0.113.9'], {
      remoteAddress: '10.0.0.2',
    }),
    behindProxy,
  );
  assert.equal(fp.ip, '203.0.113.9');
  const one = computeFingerprint(
    req({ 'x-forwarded-for': `${padding}, 203.0.113.9` }, { remoteAddress: '10.0.0.2' }),
    behindProxy,
  );
  assert.equal(one.ip, '203.0.113.9');
});

test("with several JA4 headers the last (the proxy's, even when it appends) is used", () => {
  const other = 't12d1209h1_aaaaaaaaaaaa_bbbbbbbbbbbb';
  const fp = computeFingerprint(
    req(['x-ja4', other, 'x-ja4', JA4], { remoteAddress: '10.0.0.2' }),
    behindProxy,
  );
  assert.equal(fp.ja4, JA4);
});

test('a malformed JA4 value from a trusted proxy is dropped', () => {
  const fp = computeFingerprint(
    req({ 'x-ja4': 'not-a-ja4' }, { remoteAddress: '10.0.0.2' }),
    behindProxy,
  );
  assert.equal(fp.ja4, undefined);
  assert.equal(fp.parts.ja4Spoofed, undefined);
});

test('SDK, family, runtime, header order and casing from an OpenAI Node SDK request', () => {
  const fp = computeFingerprint(req(openaiNode), plain);
  assert.equal(fp.uaFamily, 'openai-sdk');
  assert.equal(fp.sdk, 'openai-node/4.56.0');
  assert.equal(fp.parts.runtime, 'node/v20.11.0');
  assert.deepEqual(fp.headerOrder.slice(0, 3), ['host', 'content-type', 'user-agent']);
  const lower = computeFingerprint(
    req(openaiNode.map((h, i) => (i % 2 === 0 ? h.toLowerCase() : h))),
    plain,
  );
  assert.notEqual(lower.headerCasing, fp.headerCasing);
  assert.notEqual(lower.id, fp.id);
  assert.deepEqual(lower.headerOrder, fp.headerOrder);
});

test('user-agent families for common clients', () => {
  const cases: Array<[string, string, string]> = [
    ['Anthropic/Python 0.34.2', 'anthropic-sdk', 'anthropic-python/0.34.2'],
    ['OpenAI/Python 1.51.0', 'openai-sdk', 'openai-python/1.51.0'],
    ['python-requests/2.31.0', 'python-requests', 'python-requests/2.31.0'],
    ['python-httpx/0.27.0', 'python-httpx', 'python-httpx/0.27.0'],
    ['curl/8.4.0', 'curl', 'curl/8.4.0'],
    ['Go-http-client/2.0', 'go-http', 'go-http-client/2.0'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
      'browser',
      'browser/120.0.0.0',
    ],
    ['my-bot', 'other', ''],
  ];
  for (const [ua, family, sdk] of cases) {
    const fp = computeFingerprint(req({ 'user-agent': ua }), plain);
    assert.equal(fp.uaFamily, family, ua);
    assert.equal(fp.sdk, sdk, ua);
  }
  assert.equal(computeFingerprint(req({}), plain).uaFamily, 'empty');
});

test('an SDK user-agent whose Stainless headers disagree is marked', () => {
  const fp = computeFingerprint(
    req({ 'user-agent': 'OpenAI/Python 1.51.0', 'x-stainless-lang': 'js' }),
    plain,
  );
  assert.equal(fp.sdk, 'openai-python/1.51.0!');
});

test('body shape records key order and parameters sent at their default', () => {
  const body = {
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }],
    temperature: 1,
    top_p: 0.9,
    n: 1,
    stream: false,
    stop: null,
  };
  const fp = computeFingerprint(req({}, { body }), plain);
  assert.equal(
    fp.bodyShape,
    'model,messages,temperature,top_p,n,stream,stop|temperature=1,n=1,stream=false,stop=null',
  );
  const sdkLike = computeFingerprint(
    req({}, { body: { messages: [{ role: 'user', content: 'hi' }], model: 'm' } }),
    plain,
  );
  assert.notEqual(sdkLike.id, fp.id);
  const keyed = computeFingerprint(req({}, { body, bodyKeys: ['messages', 'model'] }), plain);
  assert.ok(keyed.bodyShape.startsWith('messages,model|'));
});

test('the combined id ignores the IP prefix by default and is stable', () => {
  const a = computeFingerprint(req(openaiNode, { remoteAddress: '198.51.100.1' }), plain);
  const b = computeFingerprint(req(openaiNode, { remoteAddress: '192.0.2.77' }), plain);
  assert.equal(a.id, b.id);
  assert.match(a.id, /^[0-9a-f]{16}$/);
  const withIp = fingerprintConfigSchema.parse({ idParts: ['ipPrefix', 'sdk'] });
  assert.notEqual(
    computeFingerprint(req(openaiNode, { remoteAddress: '198.51.100.1' }), withIp).id,
    computeFingerprint(req(openaiNode, { remoteAddress: '192.0.2.77' }), withIp).id,
  );
});

test('headersToStrip always names the JA4 header; event fields map onto the telemetry event', () => {
  const strip = headersToStrip(fingerprintConfigSchema.parse({ ja4Header: 'X-TLS-JA4' }));
  assert.ok(strip.has('x-tls-ja4'));
  assert.ok(strip.has('x-forwarded-for'));
  const fields = fingerprintEventFields(computeFingerprint(req(openaiNode), plain));
  assert.equal(typeof fields.fingerprint, 'string');
  assert.equal(fields.ja4, undefined);
  assert.ok(!('ja4' in fields));
});

test('config rejects malformed trusted proxies with the path and what was expected', () => {
  const r = fingerprintConfigSchema.safeParse({ trustedProxies: ['10.0.0.0/8', '10.0.0/8'] });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0]?.path, ['trustedProxies', 1]);
  assert.match(r.error?.issues[0]?.message ?? '', /not an IP address or CIDR/);
});

const oddString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    'X-Forwarded-For',
    'x-ja4',
    'USER-AGENT',
    'x-stainless-lang',
    'Host',
    '',
    ' ',
    ',,,',
    '::',
    '10.0.0.1',
  ),
  fc.string({ minLength: 5000, maxLength: 20000 }),
  fc.ipV4(),
  fc.ipV6(),
);

test('issue 5: a fingerprint never throws on random header sets, odd casings, duplicates, huge values, invalid IPs', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(oddString, fc.anything() as fc.Arbitrary<unknown>), { maxLength: 60 }),
      fc.oneof(oddString, fc.constant(undefined as unknown)),
      fc.oneof(
        fc.constant(undefined as unknown),
        fc.anything(),
        fc.dictionary(fc.string(), fc.anything()),
      ),
      fc.oneof(fc.constant(undefined as unknown), fc.array(fc.anything())),
      fc.boolean(),
      (raw, remote, body, keys, trusted) => {
        const input = {
          rawHeaders: raw,
          httpVersion: remote,
          remoteAddress: remote,
          body,
          bodyKeys: keys,
        } as unknown as FingerprintInput;
        const fp = computeFingerprint(input, trusted ? behindProxy : plain);
        assert.equal(typeof fp.id, 'string');
        assert.equal(fp.parts.error, undefined);
        assert.ok(fp.userAgent.length <= 512);
        assert.ok(fp.headerOrder.length <= plain.maxHeaders);
      },
    ),
    { numRuns: 1500 },
  );
});

test('memoised hashes agree with the plain ones, including long and evicted keys', async () => {
  const { hash8, hash16, memoized } = await import('./hash.js');
  const m = memoized(hash16, 4);
  for (const s of ['a', 'b', 'a', 'x'.repeat(2000), 'c', 'd', 'e', 'a'])
    assert.equal(m(s), hash16(s));
  assert.equal(hash8(''), '811c9dc5');
  assert.notEqual(hash16('ab'), hash16('ba'));
});
