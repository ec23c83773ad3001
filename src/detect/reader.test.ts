import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAccountLine, parseEventLine } from './reader.js';
import { normalizeRequest } from './normalize.js';
import { featuresOf, netKeyOf } from './features.js';
import type { TelemetryEvent } from '../telemetry/event.js';

const base = {
  ts: 1767225600000,
  account: 'acct_1',
  request: { messages: [{ role: 'user', content: 'hi' }] },
};

test('reader: a minimal record parses and unknown fields are kept (issue 3)', () => {
  const r = parseEventLine(JSON.stringify({ ...base, extra: { x: 1 } }), 1);
  assert.ok(r.ok);
  assert.equal(r.value.account, 'acct_1');
  assert.equal(r.value.endpoint, 'chat.completions');
  assert.deepEqual(r.value.extra, { x: 1 });
});

test('reader: ISO timestamps are accepted', () => {
  const r = parseEventLine(JSON.stringify({ ...base, ts: '2026-01-01T00:00:00Z' }), 1);
  assert.ok(r.ok);
  assert.equal(r.value.ts, Date.UTC(2026, 0, 1));
});

test('reader: records without ts, account or request.messages are rejected naming the line (issue 3)', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ account: 'a', request: { messages: [] } }, /line 7: .*"ts"/],
    [{ ts: 1, request: { messages: [] } }, /line 7: .*"account"/],
    [{ ts: 1, account: 'a', request: {} }, /line 7: .*request\.messages/],
    [{ ts: 1, account: 'a' }, /line 7: .*request\.messages/],
    [[1, 2], /line 7: expected a JSON object/],
  ];
  for (const [value, re] of cases) {
    const r = parseEventLine(JSON.stringify(value), 7);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, re);
  }
  const bad = parseEventLine('{"ts":', 9);
  assert.ok(!bad.ok && /line 9: not valid JSON/.test(bad.error));
});

test('reader: account records accept ISO or epoch createdAt', () => {
  const a = parseAccountLine(
    '{"id":"a","createdAt":"2026-01-02T00:00:00Z","route":"education"}',
    1,
  );
  assert.ok(a.ok && a.value.createdAt === Date.UTC(2026, 0, 2) && a.value.route === 'education');
  const b = parseAccountLine('{"id":"b","createdAt":1767225600000}', 2);
  assert.ok(b.ok && b.value.createdAt === 1767225600000);
  const c = parseAccountLine('{"createdAt":1}', 3);
  assert.ok(!c.ok && /line 3: missing "id"/.test(c.error));
});

test('normalize: OpenAI and Anthropic shapes read the same (DESIGN.md telemetry event)', () => {
  const openai = parseEventLine(
    JSON.stringify({
      ...base,
      endpoint: 'chat.completions',
      request: {
        messages: [
          { role: 'developer', content: 'Be terse.' },
          { role: 'user', content: 'first' },
          { role: 'assistant', content: 'ok' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'second' },
              { type: 'image_url', image_url: {} },
            ],
          },
        ],
        logprobs: true,
        top_logprobs: 5,
        logit_bias: { '50256': -100 },
        n: 3,
        temperature: 0,
      },
    }),
    1,
  );
  const anthropic = parseEventLine(
    JSON.stringify({
      ...base,
      endpoint: 'messages',
      request: {
        system: [{ type: 'text', text: 'Be terse.' }],
        messages: [
          { role: 'user', content: 'first' },
          { role: 'assistant', content: [{ type: 'text', text: 'ok' }] },
          { role: 'user', content: [{ type: 'text', text: 'second' }] },
        ],
        max_tokens: 100,
      },
    }),
    2,
  );
  assert.ok(openai.ok && anthropic.ok);
  const o = normalizeRequest(openai.value);
  const a = normalizeRequest(anthropic.value);
  for (const n of [o, a]) {
    assert.equal(n.system, 'Be terse.');
    assert.equal(n.lastUser, 'second');
    assert.equal(n.userTurns, 2);
    assert.equal(n.assistantTurns, 1);
  }
  assert.equal(o.logprobs, true);
  assert.equal(o.topLogprobs, 5);
  assert.equal(o.logitBias, '50256:-100');
  assert.equal(o.n, 3);
  assert.equal(a.maxTokens, 100);
  assert.equal(anthropic.value.endpoint, 'messages');
});

test('normalize: tool use in either API is seen', () => {
  const r = parseEventLine(
    JSON.stringify({
      ...base,
      request: {
        messages: [
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'out' }] },
        ],
      },
    }),
    1,
  );
  assert.ok(r.ok);
  const n = normalizeRequest(r.value);
  assert.equal(n.usesTools, true);
  assert.equal(n.lastUser, 'out');
});

test('reader: optional fields of the wrong type are dropped, so the detector never trips on them ("ip": 5, "response": null) (issue 3)', () => {
  const lines = [
    { ...base, ip: 5, userAgent: ['x'], response: null },
    { ...base, response: 'ok', headerOrder: 'host' },
    { ...base, response: { inputTokens: '12', outputTokens: -3, finishReason: 7 } },
  ];
  for (const l of lines) {
    const r = parseEventLine(JSON.stringify(l), 1);
    assert.ok(r.ok);
    assert.doesNotThrow(() => featuresOf(r.value));
    assert.doesNotThrow(() => netKeyOf(r.value, 24, 48));
  }
  const a = parseEventLine(JSON.stringify(lines[0]), 1);
  assert.ok(
    a.ok &&
      a.value.ip === undefined &&
      a.value.userAgent === undefined &&
      a.value.response === undefined,
  );
  const c = parseEventLine(JSON.stringify(lines[2]), 1);
  assert.ok(c.ok);
  assert.deepEqual(
    [c.value.response?.inputTokens, c.value.response?.outputTokens, c.value.response?.finishReason],
    [0, 0, null],
  );
  // A well-typed response is kept as it came, unknown fields included.
  const d = parseEventLine(
    JSON.stringify({
      ...base,
      response: { inputTokens: 3, outputTokens: 9, finishReason: 'stop', custom: 1 },
    }),
    1,
  );
  assert.ok(d.ok && (d.value.response as unknown as Record<string, unknown>).custom === 1);
});

test('normalize: one harness through two SDKs has one harness key, while the client-facing shape differs (issue 13: signup cohorts)', () => {
  const ev = (endpoint: string, request: Record<string, unknown>) =>
    ({ ...base, endpoint, request }) as unknown as TelemetryEvent;
  const user = [{ role: 'user', content: 'What is 17 times 23?' }];
  const openai = normalizeRequest(
    ev('chat.completions', {
      model: 'm',
      messages: user,
      max_completion_tokens: 4096,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
    }),
  );
  const anthropic = normalizeRequest(
    ev('messages', { model: 'm', messages: user, max_tokens: 4096, temperature: 0.7 }),
  );
  assert.notEqual(openai.shape, anthropic.shape);
  assert.equal(openai.harness, anthropic.harness);
  const other = normalizeRequest(
    ev('messages', { model: 'm', messages: user, max_tokens: 2048, temperature: 0.7 }),
  );
  assert.notEqual(other.harness, anthropic.harness);
});
