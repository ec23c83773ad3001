import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { scanEventRecord } from './scan.js';
import { parseEventLine } from './reader.js';
import { featuresOf, netKeyOf } from './features.js';
import { normalizeRequest } from './normalize.js';
import { readEventLine } from '../engine/offline.js';
import { SCAN_C_SHA256 } from './wasm/scan-wasm.js';
import type { TelemetryEvent } from '../telemetry/event.js';

/** The request parameters the scanner carries beside messages, system and tools. */
const PARAMS = [
  'model',
  'temperature',
  'n',
  'max_tokens',
  'max_completion_tokens',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'top_p',
  'top_k',
  'stream',
  'seed',
  'presence_penalty',
  'frequency_penalty',
  'reasoning_effort',
  'response_format',
  'stop',
  'thinking',
  'user',
  'safety_identifier',
  'metadata',
];

/** A value with its objects' key order made comparable: objects become [key, value] lists. */
function ordered(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(ordered);
  if (v !== null && typeof v === 'object')
    return Object.entries(v).map(([k, x]) => [k, ordered(x)]);
  return v;
}

/** A served value that gives the answer's shape: the scanner leaves `text` out beside it (scan.ts). */
function isShape(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return ['chars', 'lines', 'steps', 'math', 'code', 'grades', 'answers'].every(
    (k) => typeof s[k] === 'number',
  );
}

/** Everything the detector reads of an event. */
function detectorView(ev: TelemetryEvent): unknown {
  const req = ev.request as unknown as Record<string, unknown>;
  const res = ev.response as unknown as Record<string, unknown> | undefined;
  return {
    params: PARAMS.map((k) => [k, k in req, ordered(req[k])]),
    features: featuresOf(ev),
    request: normalizeRequest(ev),
    net: netKeyOf(ev, 24, 48),
    fields: [
      ev.ts,
      ev.account,
      ev.key,
      ev.endpoint,
      ev.model,
      ev.status,
      ev.action,
      ev.fingerprint,
      ev.ip,
      ev.userAgent,
      ev.ja4,
    ],
    headerOrder: Array.isArray(ev.headerOrder) ? [...ev.headerOrder] : ev.headerOrder,
    response: res && [
      res.inputTokens,
      res.outputTokens,
      res.finishReason,
      'reasoningTokens' in res,
      ordered(res.reasoningTokens),
      'served' in res,
      ordered(res.served),
      // The answer's text, where its shape is not already given.
      isShape(res.served) ? 'not read' : res.text,
    ],
  };
}

/** The reference: decode the whole line and JSON.parse it (the path every line took before scan.ts). */
function reference(buf: Buffer): ReturnType<typeof parseEventLine> {
  return parseEventLine(buf.toString('utf8'), 1);
}

/** Compare the fast path (readEventLine) with the reference on one line; true when the scanner took it. */
function agree(buf: Buffer): boolean {
  const scanned = scanEventRecord(buf, 0, buf.length);
  const ref = reference(buf);
  const got = readEventLine(buf, 0, buf.length, 1);
  if (got === null) {
    assert.equal(buf.toString('utf8').trim(), '');
    return false;
  }
  if (scanned !== undefined) {
    // The scanner accepted the line, so JSON.parse must accept it too.
    let parsed: unknown;
    assert.doesNotThrow(
      () => (parsed = JSON.parse(buf.toString('utf8'))),
      `scanner accepted invalid JSON: ${buf.toString('utf8').slice(0, 200)}`,
    );
    // The response text (large) is decoded only where no served shape stands in for it.
    const res = scanned.response;
    const full = (parsed as Record<string, unknown>).response;
    if (res !== null && typeof res === 'object' && !Array.isArray(res)) {
      const f = full as Record<string, unknown>;
      assert.equal(
        'text' in res,
        'text' in f && !isShape(f.served),
        'response.text decoded beside a served shape, or left out without one',
      );
    }
  }
  assert.equal(got.ok, ref.ok, `${got.ok ? '' : got.error} / ${ref.ok ? '' : ref.error}`);
  if (got.ok && ref.ok) assert.deepEqual(detectorView(got.value), detectorView(ref.value));
  else if (!got.ok && !ref.ok) assert.equal(got.error, ref.error);
  return scanned !== undefined;
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    'Think step by step.',
    'Grade this answer 1-10:\n',
    '请逐步推理',
    'tool_use',
    'user',
    '"quoted" \\ back\\slash\t\u0001',
    '\ud83d\ude00 \ud800 lone',
  ),
);
const scalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), text);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const block = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(
        'text',
        'tool_use',
        'tool_result',
        'function_call',
        'image',
        'Text',
        '',
      ),
      text: fc.oneof(text, scalar),
      content: fc.oneof(
        text,
        fc.array(fc.record({ type: fc.constant('text'), text }), { maxLength: 2 }),
      ),
      extra: anyJson,
    },
    { requiredKeys: ['type'] },
  ),
  text,
  scalar,
);
const content = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 3, arbitrary: fc.array(block, { maxLength: 4 }) },
  { weight: 1, arbitrary: anyJson },
);
const message = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        role: fc.oneof(
          fc.constantFrom('user', 'assistant', 'system', 'developer', 'tool', 'function', 'User'),
          scalar,
        ),
        content,
        tool_calls: anyJson,
        name: text,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: anyJson },
);
const request = fc.record(
  {
    model: fc.oneof(text, scalar),
    messages: fc.oneof(
      { weight: 9, arbitrary: fc.array(message, { maxLength: 6 }) },
      { weight: 1, arbitrary: anyJson },
    ),
    system: fc.oneof(text, fc.array(block, { maxLength: 3 }), scalar),
    temperature: scalar,
    n: scalar,
    max_tokens: scalar,
    max_completion_tokens: scalar,
    logprobs: scalar,
    top_logprobs: scalar,
    logit_bias: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.integer({ min: -100, max: 100 }), {
          maxKeys: 4,
        }),
      },
      // A logit sweep's map: many token ids (integer-like keys, which objects order first).
      {
        weight: 1,
        arbitrary: fc.dictionary(
          fc.oneof(fc.nat({ max: 200_000 }).map(String), fc.string({ maxLength: 4 })),
          fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double()),
          { minKeys: 20, maxKeys: 300 },
        ),
      },
      { weight: 1, arbitrary: scalar },
    ),
    tools: fc.oneof(fc.array(anyJson, { maxLength: 3 }), scalar),
    top_p: scalar,
    top_k: scalar,
    stream: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: scalar }),
    seed: fc.oneof(fc.integer(), fc.constant(2 ** 53 + 2), scalar),
    presence_penalty: scalar,
    frequency_penalty: scalar,
    reasoning_effort: fc.oneof(fc.constantFrom('low', 'medium', 'high'), scalar),
    response_format: fc.oneof(
      fc.constant({ type: 'json_object' }),
      fc.record({ type: fc.constant('json_schema'), json_schema: anyJson }),
      anyJson,
    ),
    stop: fc.oneof(text, fc.array(text, { maxLength: 4 }), scalar),
    thinking: fc.oneof(
      fc.record(
        { type: fc.constantFrom('enabled', 'disabled'), budget_tokens: fc.oneof(fc.nat(), scalar) },
        { requiredKeys: ['type'] },
      ),
      anyJson,
    ),
    user: fc.oneof(text, scalar),
    safety_identifier: fc.oneof(text, scalar),
    metadata: fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record(
          { user_id: fc.oneof(text, scalar), extra: anyJson },
          { requiredKeys: [] },
        ),
      },
      { weight: 1, arbitrary: anyJson },
    ),
    extra: anyJson,
  },
  { requiredKeys: ['messages'] },
);
/** response.served as the gateway writes it (telemetry/served.ts), and other values under that name. */
const shape = fc.record({
  chars: fc.nat(),
  lines: fc.nat(),
  steps: fc.nat(),
  math: fc.nat(),
  code: fc.nat(),
  grades: fc.nat(),
  answers: fc.nat(),
});
const served = fc.oneof(
  { weight: 6, arbitrary: shape },
  // As a gateway wrote it before final answers, or before grades, were counted.
  { weight: 1, arbitrary: shape.map(({ answers: _, ...older }) => older) },
  { weight: 1, arbitrary: shape.map(({ grades: _, answers: __, ...older }) => older) },
  // Reordered, partial, with an extra member, or with a member of another type.
  {
    weight: 1,
    arbitrary: shape.map(({ chars, lines, steps, math, code }) => ({
      code,
      math,
      steps,
      lines,
      chars,
    })),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        chars: fc.nat(),
        lines: fc.nat(),
        steps: fc.nat(),
        math: fc.nat(),
        code: fc.nat(),
        grades: fc.nat(),
        answers: fc.nat(),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.tuple(shape, text, anyJson).map(([s, k, v]) => ({ ...s, [k]: v })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        shape,
        fc.constantFrom('chars', 'lines', 'steps', 'math', 'code', 'grades', 'answers'),
        scalar,
      )
      .map(([s, k, v]) => ({ ...s, [k]: v })),
  },
  { weight: 1, arbitrary: anyJson },
);
const response = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record(
      {
        text,
        inputTokens: fc.oneof(fc.nat(), scalar),
        outputTokens: fc.oneof(fc.nat(), scalar),
        finishReason: fc.oneof(fc.constantFrom('stop', 'length', 'max_tokens', 'end_turn'), scalar),
        reasoningTokens: fc.oneof(fc.nat(), scalar),
        served,
        latencyMs: fc.nat(),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: scalar },
);
/**
 * served values as other writers might spell them: numbers JSON.stringify never writes, a
 * repeated member (the last wins), spaces and a newline, an escaped name (the scanner gives
 * the line to JSON.parse).
 */
const rawServed = fc.constantFrom(
  '{"chars":-0,"lines":1e2,"steps":1.50,"math":12345678901234567890,"code":-7}',
  '{"chars":1,"lines":2,"steps":3,"math":3,"code":0,"steps":"three"}',
  '{"chars":1,"lines":2,"steps":"three","math":3,"code":0,"steps":3}',
  '{"chars":1,"chars":2,"lines":0,"steps":3,"math":3,"code":0}',
  '{ "chars" : 10 ,\n "lines" : 2 , "steps" : 3 , "math" : 0 , "code" : 1 }',
  '{"chars":1,"lines":2,"steps":3,"math":3,"code":0,"":null}',
  '{"c\\u0068ars":1,"lines":2,"steps":3,"math":3,"code":0}',
  '{"chars":1,"lines":2,"steps":3,"math":3}',
  '{}',
  '[1,2,3,4,5]',
  'null',
);
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), text, fc.integer());
const event = fc.record(
  {
    ts: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) },
      { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
      { weight: 1, arbitrary: scalar },
    ),
    account: fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^acct_[0-9a-f]{6}$/) },
      { weight: 1, arbitrary: scalar },
    ),
    key: fc.oneof(text, scalar),
    requestId: text,
    ip,
    userAgent: fc.oneof(text, scalar),
    ja4: fc.oneof(text, scalar),
    headerOrder: fc.oneof(
      fc.array(
        fc.constantFrom('host', 'authorization', 'content-type', 'user-agent', 'x-stainless-os'),
        { maxLength: 6 },
      ),
      fc.array(scalar, { maxLength: 3 }),
      scalar,
    ),
    fingerprint: fc.oneof(text, scalar),
    endpoint: fc.oneof(fc.constantFrom('chat.completions', 'messages'), scalar),
    model: fc.oneof(text, scalar),
    request: fc.oneof({ weight: 9, arbitrary: request }, { weight: 1, arbitrary: anyJson }),
    response,
    status: fc.oneof(fc.constantFrom(200, 429, 500), scalar),
    action: fc.oneof(fc.constantFrom('allow', 'throttle', 'block'), scalar),
    unknown: anyJson,
  },
  { requiredKeys: ['ts', 'account', 'request'] },
);

/** A line as some writer might produce it: compact, indented, or with a key repeated before the rest. */
const line = fc
  .tuple(
    event,
    fc.constantFrom(
      'compact',
      'spaces',
      'tabs',
      'dup-request',
      'dup-response',
      'escaped-key',
      'ensure-ascii',
      'raw-served',
    ),
    request,
    response,
    rawServed,
    text,
  )
  .map(([ev, style, req, res, raw, answer]) => {
    const compact = JSON.stringify(ev);
    switch (style) {
      case 'raw-served':
        // A response written by hand, text first (as the gateway writes it), in place of the event's own.
        return `{"response":{"text":${JSON.stringify(answer)},"served":${raw},"inputTokens":5,"outputTokens":7},${JSON.stringify({ ...ev, response: undefined }).slice(1)}`;
      case 'spaces':
        return JSON.stringify(ev, null, 1).replace(/\n/g, ' ');
      case 'tabs':
        return JSON.stringify(ev, null, '\t');
      case 'dup-request':
        // A whole request object before the real one: none of its fields may leak into the record.
        return `{"request":${JSON.stringify(req)},${compact.slice(1)}`;
      case 'dup-response':
        return `{"response":${JSON.stringify(res)},${compact.slice(1)}`;
      case 'escaped-key':
        return compact.replace('"account"', '"\\u0061ccount"');
      case 'ensure-ascii':
        // As Python's json.dumps writes: every non-ASCII UTF-16 unit escaped (pairs as two escapes).
        return compact.replace(
          /[\u007f-\uffff]/g,
          (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
        );
      default:
        return compact;
    }
  });

test('scan: the byte scanner gives the detector exactly what JSON.parse gives, on generated records (fast-check differential, issue 3)', () => {
  let fast = 0;
  let runs = 0;
  fc.assert(
    fc.property(line, (l) => {
      runs++;
      if (agree(Buffer.from(l, 'utf8'))) fast++;
    }),
    { seed: 3, numRuns: 3000 },
  );
  // The comparison must exercise the scanner, not only the fallback.
  assert.ok(fast > runs * 0.6, `scanner took ${fast} of ${runs} lines`);
});

const interesting = [...'{}[],:"\\ \t\n0123456789.eE+-tfnu/']
  .map((c) => c.charCodeAt(0))
  .concat([0x00, 0x01, 0x1f, 0x7f, 0x80, 0xbf, 0xc3, 0xe2, 0xed, 0xf0, 0xff]);

test('scan: a corrupted line is never accepted when JSON.parse rejects it, and the error is the one JSON.parse names (fast-check, issue 3)', () => {
  const mutation = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('delete', 'insert', 'replace', 'truncate'),
    byte: fc.constantFrom(...interesting),
  });
  let rejected = 0;
  fc.assert(
    fc.property(line, fc.array(mutation, { minLength: 1, maxLength: 3 }), (l, muts) => {
      let buf = Buffer.from(l, 'utf8');
      for (const m of muts) {
        const at = buf.length ? m.at % buf.length : 0;
        if (m.kind === 'delete') buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + 1)]);
        else if (m.kind === 'insert')
          buf = Buffer.concat([buf.subarray(0, at), Buffer.from([m.byte]), buf.subarray(at)]);
        else if (m.kind === 'replace' && buf.length) buf[at] = m.byte;
        else buf = buf.subarray(0, at);
      }
      let valid = true;
      try {
        JSON.parse(buf.toString('utf8'));
      } catch {
        valid = false;
        rejected++;
      }
      if (!valid)
        assert.equal(
          scanEventRecord(buf, 0, buf.length),
          undefined,
          `accepted: ${JSON.stringify(buf.toString('latin1').slice(0, 300))}`,
        );
      agree(buf);
    }),
    { seed: 4, numRuns: 4000 },
  );
  assert.ok(rejected > 1000, `only ${rejected} corrupted lines were invalid`);
});

test('scan: lines inside a larger buffer are read between their bounds only (issue 3)', () => {
  const a = '{"ts":1,"account":"a","request":{"messages":[{"role":"user","content":"hi"}]}}';
  const b = '{"ts":2,"account":"b","request":{"messages":[]}}';
  const buf = Buffer.from(`${a}\n${b}\n{"ts":`);
  const ra = scanEventRecord(buf, 0, a.length);
  const rb = scanEventRecord(buf, a.length + 1, a.length + 1 + b.length);
  assert.equal(ra?.account, 'a');
  assert.equal(rb?.account, 'b');
  // A line cut short must not borrow the bytes after its end.
  assert.equal(scanEventRecord(buf, 0, a.length - 1), undefined);
  assert.equal(scanEventRecord(buf, a.length + b.length + 2, buf.length), undefined);
});

test('scan: what the scanner leaves to JSON.parse still reads the same (deep nesting, 1,025 messages, a 3 MB line, escaped keys) (issue 3)', () => {
  const deep = {
    ts: 1,
    account: 'a',
    request: { messages: [{ role: 'user', content: 'x' }] },
    extra: JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown,
  };
  const many = {
    ts: 1,
    account: 'a',
    request: {
      messages: Array.from({ length: 1025 }, (_, i) => ({
        role: i % 2 ? 'assistant' : 'user',
        content: `turn ${i}`,
      })),
    },
  };
  const big = {
    ts: 1,
    account: 'a',
    request: { messages: [{ role: 'user', content: 'é'.repeat(1_500_000) }] },
  };
  for (const [value, fastPath] of [
    [deep, false],
    [many, false],
    [big, true],
  ] as const) {
    const buf = Buffer.from(JSON.stringify(value));
    assert.equal(scanEventRecord(buf, 0, buf.length) !== undefined, fastPath);
    assert.equal(agree(buf), fastPath);
  }
  const escapedKey = Buffer.from('{"\\u0074s":5,"account":"a","request":{"messages":[]}}');
  assert.equal(scanEventRecord(escapedKey, 0, escapedKey.length), undefined);
  const r = readEventLine(escapedKey, 0, escapedKey.length, 1);
  assert.ok(r?.ok && r.value.ts === 5);
});

test('scan: the detector reads only the last user turn and system prompts; other texts are not decoded (issue 3)', () => {
  const ev = {
    ts: 1,
    account: 'a',
    request: {
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1' }] },
        {
          role: 'user',
          content: [
            { type: 'tool_result', content: 'out' },
            { type: 'text', text: 'second' },
          ],
        },
      ],
    },
  };
  const buf = Buffer.from(JSON.stringify(ev));
  const rec = scanEventRecord(buf, 0, buf.length) as {
    request: { messages: Array<{ content: unknown }> };
  };
  const contents = rec.request.messages.map((m) => m.content);
  assert.deepEqual(contents, [
    'be brief',
    '',
    [{ type: 'tool_use' }],
    ev.request.messages[3]!.content,
  ]);
  assert.ok(agree(buf));
});

test('scan: response.text is decoded only when no served shape stands in for it; the new request fields read as JSON.parse reads them (issue 13)', () => {
  const shape = { chars: 1200, lines: 14, steps: 5, math: 3, code: 0, grades: 0, answers: 0 };
  const request = {
    model: 'm',
    messages: [{ role: 'user', content: 'q' }],
    stream: true,
    top_p: 0.9,
    top_k: 40,
    seed: -7,
    presence_penalty: 0.5,
    frequency_penalty: -0.25,
    reasoning_effort: 'high',
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'x', schema: { type: 'object' } },
    },
    stop: ['\n\n', 'END'],
    thinking: { type: 'enabled', budget_tokens: 2048 },
    user: 'end-user-1',
    safety_identifier: 'sid-\u00e9',
    metadata: { user_id: 'u-42', trace: [1, 2] },
    logit_bias: Object.fromEntries(
      Array.from({ length: 400 }, (_, i) => [String(100_000 - i * 37), (i % 201) - 100]),
    ),
  };
  const answer = 'Step 1: x + 2 = 5\nStep 2: x = 3';
  const lineOf = (response: Record<string, unknown>): Buffer =>
    Buffer.from(JSON.stringify({ ts: 1, account: 'a', request, response }));
  const withShape = lineOf({
    text: answer,
    inputTokens: 3,
    outputTokens: 900,
    finishReason: 'stop',
    reasoningTokens: 512,
    served: shape,
  });
  const withoutShape = lineOf({
    text: answer,
    inputTokens: 3,
    outputTokens: 900,
    finishReason: 'stop',
  });
  const partial = lineOf({
    text: answer,
    inputTokens: 3,
    outputTokens: 900,
    finishReason: 'stop',
    served: { steps: 2, math: 2 },
  });

  const a = scanEventRecord(withShape, 0, withShape.length) as {
    request: Record<string, unknown>;
    response: Record<string, unknown>;
  };
  assert.deepEqual(a.response, {
    inputTokens: 3,
    outputTokens: 900,
    finishReason: 'stop',
    reasoningTokens: 512,
    served: shape,
  });
  assert.deepEqual(Object.keys(a.response.served as object), Object.keys(shape));
  for (const [k, v] of Object.entries(request))
    if (k !== 'messages') assert.deepEqual(a.request[k], v, k);
  assert.deepEqual(Object.keys(a.request.logit_bias as object), Object.keys(request.logit_bias));
  assert.equal((a.request.metadata as { user_id: string }).user_id, 'u-42');

  const b = scanEventRecord(withoutShape, 0, withoutShape.length) as {
    response: Record<string, unknown>;
  };
  assert.deepEqual(b.response, {
    text: answer,
    inputTokens: 3,
    outputTokens: 900,
    finishReason: 'stop',
  });
  const c = scanEventRecord(partial, 0, partial.length) as { response: Record<string, unknown> };
  assert.equal(c.response.text, answer);
  assert.deepEqual(c.response.served, { steps: 2, math: 2 });
  for (const buf of [withShape, withoutShape, partial]) assert.ok(agree(buf));
});

test('scan: a header order cached under the same FNV-1a hash as another is not mistaken for it (issue 3)', () => {
  // Find two header orders whose 32-bit FNV-1a hashes of their JSON bytes are equal (birthday search).
  const fnv = (s: string): number => {
    let h = 2166136261;
    for (const b of Buffer.from(s)) h = Math.imul(h ^ b, 16777619) >>> 0;
    return h;
  };
  const seen = new Map<number, string[]>();
  let pair: [string[], string[]] | undefined;
  for (let i = 0; !pair; i++) {
    const order = ['host', `x-h${i.toString(36)}`];
    const h = fnv(JSON.stringify(order));
    const other = seen.get(h);
    if (other !== undefined) pair = [other, order];
    else seen.set(h, order);
  }
  for (const order of [...pair, ...pair]) {
    const buf = Buffer.from(
      JSON.stringify({ ts: 1, account: 'a', headerOrder: order, request: { messages: [] } }),
    );
    assert.deepEqual(scanEventRecord(buf, 0, buf.length)?.headerOrder, order);
  }
});

test('scan: wasm/scan-wasm.ts was built from the scan.c beside it (run scripts/build-wasm.sh after editing scan.c) (issue 3)', () => {
  const source = readFileSync(new URL('./wasm/scan.c', import.meta.url));
  assert.equal(createHash('sha256').update(source).digest('hex'), SCAN_C_SHA256);
});

test('scan: request.tools is parsed once per distinct list and shared frozen; a list that differs anywhere is parsed afresh (issue 13)', () => {
  const tool = (name: string) => ({
    type: 'function',
    function: { name, description: 'x'.repeat(300), parameters: { type: 'object' } },
  });
  const lineOf = (names: string[]): Buffer =>
    Buffer.from(
      JSON.stringify({
        ts: 1,
        account: 'a',
        request: { messages: [{ role: 'user', content: 'q' }], tools: names.map(tool) },
      }),
    );
  const toolsOf = (buf: Buffer) =>
    (scanEventRecord(buf, 0, buf.length) as { request: { tools: unknown } }).request.tools;
  const a1 = toolsOf(lineOf(['read_file', 'write_file']));
  const a2 = toolsOf(lineOf(['read_file', 'write_file']));
  assert.equal(a1, a2, 'the same bytes give the same value');
  assert.ok(Object.isFrozen(a1) && Object.isFrozen((a1 as object[])[0]));
  // Same length, one character apart at every position of the first name: never the cached list.
  for (let i = 0; i < 9; i++) {
    const other = 'read_file'.slice(0, i) + 'X' + 'read_file'.slice(i + 1);
    const b = toolsOf(lineOf([other, 'write_file'])) as Array<{ function: { name: string } }>;
    assert.equal(b[0]!.function.name, other);
    assert.deepEqual(b, JSON.parse(JSON.stringify([tool(other), tool('write_file')])));
  }
  assert.equal(
    (toolsOf(lineOf(['read_file', 'write_file'])) as Array<{ function: { name: string } }>)[0]!
      .function.name,
    'read_file',
  );
});
