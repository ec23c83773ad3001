import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { anthropicProtocol } from './anthropic.js';
import { openaiProtocol } from './openai.js';
import { responsesProtocol } from './responses.js';
import { StreamScanner } from './event-scan.js';
import {
  emptyFacts,
  type ProtocolAdapter,
  type ResponseFacts,
  type ScannedEvent,
} from './protocol.js';
import { endingChoice, isUsageOnlyChunk, replaceText, spliceText } from '../stream-event.js';

/**
 * Issue 19: the stream path reads the common events with a scanner instead of JSON.parse.
 * The reference is what the proxy does with a parsed event (readEvent, the delta's setter,
 * replaceText, the ending rules); every event the scanner takes must give the same facts,
 * text, choice and ending, and the same bytes — or, where the parsed path re-serialises,
 * the same JSON value.
 */

// ---- a JSON writer with the freedoms an upstream has (key order, duplicates, escapes, spaces)

type Node = string | number | boolean | null | { o: Array<[string, Node]> } | { a: Node[] };

interface Style {
  /** Per-character choices: \u-escape, \/ for a slash. */
  seed: number;
  escape: number; // 0: never, 1: sometimes, 2: every character
  /** Keys escaped too (which the scanner leaves to the parser). */
  escapeKeys: boolean;
  spaces: boolean;
  /** A newline or tab between tokens (valid JSON the scanner leaves to the parser). */
  breaks: boolean;
}

function hex4(code: number, upper: boolean): string {
  const h = code.toString(16).padStart(4, '0');
  return upper ? h.toUpperCase() : h;
}

function writer(style: Style) {
  let x = style.seed >>> 0 || 1;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8) / 0x1000000;
  const sp = () =>
    style.breaks && rnd() < 0.05
      ? rnd() < 0.5
        ? '\n'
        : '\t'
      : style.spaces && rnd() < 0.3
        ? ' '
        : '';
  const str = (s: string, key: boolean) => {
    if (style.escape === 0 || (key && !style.escapeKeys)) return JSON.stringify(s);
    let out = '"';
    for (const ch of JSON.stringify(s)
      .slice(1, -1)
      .match(/\\u[0-9a-f]{4}|\\.|[^]/g) ?? []) {
      const esc = style.escape === 2 || rnd() < 0.2;
      if (esc && ch.length === 1)
        out += ch === '/' && rnd() < 0.5 ? '\\/' : `\\u${hex4(ch.charCodeAt(0), rnd() < 0.5)}`;
      else out += ch;
    }
    return out + '"';
  };
  const write = (n: Node): string => {
    if (n === null || typeof n !== 'object')
      return typeof n === 'string' ? str(n, false) : JSON.stringify(n);
    if ('a' in n) return `[${sp()}${n.a.map((v) => write(v) + sp()).join(`,${sp()}`)}]`;
    return `{${sp()}${n.o.map(([k, v]) => `${str(k, true)}${sp()}:${sp()}${write(v)}`).join(`,${sp()}`)}${sp()}}`;
  };
  return write;
}

// ---- generators of the three APIs' events, common shapes and unusual ones

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      ' ',
      'word',
      '"',
      '\\',
      '/',
      '\n',
      '\u2028',
      'é',
      '😀',
      '\ud800',
      '\udc00',
      '\u0000',
      'id',
      'content',
    ),
    maxLength: 6,
  }),
  fc.constantFrom('', ' the', 'Hello', 'stop', 'chatcmpl-1', 'bench-model'),
);
const leaf: fc.Arbitrary<Node> = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const anyNode: fc.Arbitrary<Node> = fc.letrec<{ n: Node }>((tie) => ({
  n: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('n'), { maxLength: 3 }).map((a) => ({ a })),
    fc
      .array(
        fc.tuple(
          fc.oneof(text, fc.constantFrom('content', 'text', 'index', 'delta', 'choices')),
          tie('n'),
        ),
        { maxLength: 3 },
      )
      .map((o) => ({ o })),
  ),
})).n;

/**
 * An object of these entries in a generated order, sometimes with one repeated or an extra
 * one; the `required` ones always there in half the objects (the common shapes), the
 * others each left out now and then.
 */
function obj(
  entries: Record<string, fc.Arbitrary<Node>>,
  required: string[] = [],
): fc.Arbitrary<Node> {
  return fc.oneof(entriesOf(entries, required), entriesOf(entries, []));
}

function entriesOf(
  entries: Record<string, fc.Arbitrary<Node>>,
  required: string[],
): fc.Arbitrary<Node> {
  const keys = Object.keys(entries);
  const one = (k: string) => {
    const e = entries[k]!.map((v): [string, Node] => [k, v]);
    return required.includes(k) ? e : fc.option(e, { freq: 4, nil: undefined });
  };
  return fc
    .tuple(
      fc.tuple(...keys.map(one)),
      fc.option(fc.tuple(text, anyNode), { freq: 2, nil: undefined }),
      fc.nat(),
      fc.boolean(),
      fc.nat(),
    )
    .map(([picked, extra, rot, dup, which]) => {
      const o = picked.filter((e): e is [string, Node] => e !== undefined);
      if (extra && which % 3 === 0) o.push(extra);
      const r = o.length ? rot % o.length : 0;
      const out = [...o.slice(r), ...o.slice(0, r)];
      if (dup && out.length > 0 && which % 4 === 0) out.push(out[which % out.length]!);
      return { o: out };
    });
}

const index = fc.oneof(
  { weight: 8, arbitrary: fc.nat(3) },
  fc.constantFrom<Node>(12, 1000, -1, 1.5, '1', null, 1e2),
);
const finish = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  fc.constantFrom<Node>('stop', 'length', 'tool_calls', 5, ''),
);
const chatDelta = obj(
  {
    role: fc.constantFrom<Node>('assistant', null),
    content: fc.oneof({ weight: 6, arbitrary: text }, fc.constantFrom<Node>(null, 5)),
    reasoning_content: fc.oneof(fc.constant(null), text),
    refusal: fc.constant(null),
    tool_calls: fc.constant<Node>({
      a: [
        {
          o: [
            ['index', 0],
            ['function', { o: [['arguments', '{"a":']] }],
          ],
        },
      ],
    }),
  },
  ['content'],
);
const chatChoice = obj(
  {
    index,
    delta: fc.oneof({ weight: 6, arbitrary: chatDelta }, fc.constantFrom<Node>(null, 'x')),
    logprobs: fc.oneof(
      { weight: 4, arbitrary: fc.constant(null) },
      fc.constant<Node>({ o: [['content', { a: [{ o: [['token', 'x']] }] }]] }),
    ),
    finish_reason: finish,
  },
  ['index', 'delta'],
);
const chatChunk = obj(
  {
    id: fc.oneof({ weight: 4, arbitrary: text }, fc.constantFrom<Node>(7, null)),
    object: fc.constant('chat.completion.chunk'),
    created: fc.constant(1_700_000_000),
    model: text,
    system_fingerprint: fc.constant('fp_44709d6fcb'),
    choices: fc.oneof(
      { weight: 8, arbitrary: chatChoice.map((c) => ({ a: [c] })) },
      fc.array(chatChoice, { maxLength: 3 }).map((a) => ({ a })),
    ),
    usage: fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      fc.constant<Node>({
        o: [
          ['prompt_tokens', 3],
          ['completion_tokens', 4],
        ],
      }),
      fc.constant(0),
    ),
  },
  ['choices'],
);
const anthropicDelta = obj(
  {
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constant('content_block_delta') },
      fc.constantFrom<Node>('content_block_stop', 'message_stop', 'ping'),
    ),
    index,
    delta: fc.oneof(
      {
        weight: 6,
        arbitrary: obj(
          {
            type: fc.oneof(
              { weight: 5, arbitrary: fc.constant('text_delta') },
              fc.constantFrom<Node>('thinking_delta', 'input_json_delta'),
            ),
            text,
            thinking: text,
          },
          ['type', 'text'],
        ),
      },
      fc.constantFrom<Node>(null, 'x'),
    ),
  },
  ['type', 'delta'],
);
const responsesDelta = obj(
  {
    type: fc.oneof(
      { weight: 6, arbitrary: fc.constant('response.output_text.delta') },
      fc.constantFrom<Node>('response.output_text.done', 'response.completed'),
    ),
    item_id: fc.constant('msg_1'),
    output_index: index,
    content_index: fc.constant(0),
    delta: fc.oneof({ weight: 6, arbitrary: text }, fc.constantFrom<Node>(null, 3)),
    sequence_number: fc.nat(99),
    logprobs: fc.constantFrom<Node>({ a: [] }, null, { a: [{ o: [['token', 'x']] }] }),
  },
  ['type', 'delta'],
);

const rarely = fc.constantFrom(false, false, false, false, false, true);
/** The shapes upstreams send: every field the scanner reads, unknown ones beside them. */
const unknown = fc.option(fc.tuple(fc.constantFrom('obfuscation', 'service_tier', 'x'), anyNode), {
  nil: undefined,
});
const ordered = (entries: Array<[string, Node] | undefined>, rot: number): Node => {
  const o = entries.filter((e): e is [string, Node] => e !== undefined);
  const r = rot % o.length;
  return { o: [...o.slice(r), ...o.slice(0, r)] };
};
const chatCommon = fc
  .tuple(
    text,
    fc.nat(3),
    fc.oneof(text, fc.constant(null)),
    fc.constantFrom<Node>(null, null, 'stop'),
    unknown,
    fc.nat(5),
    fc.boolean(),
  )
  .map(([id, index, content, finish, extra, rot, role]): Node =>
    ordered(
      [
        ['id', id],
        ['object', 'chat.completion.chunk'],
        ['model', 'm'],
        [
          'choices',
          {
            a: [
              ordered(
                [
                  ['index', index],
                  [
                    'delta',
                    ordered([['content', content], role ? ['role', 'assistant'] : undefined], rot),
                  ],
                  ['logprobs', null],
                  ['finish_reason', finish],
                ],
                rot,
              ),
            ],
          },
        ],
        rot % 2 ? ['usage', null] : undefined,
        extra,
      ],
      rot,
    ),
  );
const anthropicCommon = fc
  .tuple(fc.nat(3), text, unknown, fc.nat(3))
  .map(([index, t, extra, rot]) =>
    ordered(
      [
        ['type', 'content_block_delta'],
        ['index', index],
        [
          'delta',
          ordered(
            [
              ['type', 'text_delta'],
              ['text', t],
            ],
            rot,
          ),
        ],
        extra,
      ],
      rot,
    ),
  );
const responsesCommon = fc
  .tuple(fc.nat(3), text, unknown, fc.nat(5))
  .map(([index, t, extra, rot]) =>
    ordered(
      [
        ['type', 'response.output_text.delta'],
        ['item_id', 'msg_1'],
        ['output_index', index],
        ['content_index', 0],
        ['delta', t],
        ['sequence_number', rot],
        ['logprobs', { a: [] }],
        extra,
      ],
      rot,
    ),
  );

const style = fc.record({
  seed: fc.nat(),
  escape: fc.constantFrom(0, 0, 0, 1, 2),
  escapeKeys: rarely,
  spaces: fc.boolean(),
  breaks: rarely,
});
/** Sometimes break the text: the scanner must then leave it to the parser, which refuses it. */
const damage = fc.option(fc.tuple(fc.nat(), fc.constantFrom('', '"', '}', ',', '\\', 'x', ' ')), {
  freq: 6,
  nil: undefined,
});

/**
 * An event's data: half written as upstreams write (no escaped keys, no line breaks, not
 * damaged), half with every freedom (escaped keys and types, tabs and newlines, a
 * character replaced, dropped or added).
 */
function raws(common: fc.Arbitrary<Node>, events: fc.Arbitrary<Node>): fc.Arbitrary<string> {
  const usual = fc.record({
    seed: fc.nat(),
    escape: fc.constantFrom(0, 0, 1),
    escapeKeys: fc.constant(false),
    spaces: fc.boolean(),
    breaks: fc.constant(false),
  });
  return fc.oneof(
    fc.tuple(common, usual).map(([n, st]) => rawOf(n, st, undefined)),
    fc.tuple(events, style, damage).map(([n, st, dmg]) => rawOf(n, st, dmg)),
  );
}

function rawOf(n: Node, st: Style, dmg: [number, string] | undefined): string {
  const raw = writer(st)(n);
  if (!dmg) return raw;
  const at = dmg[0] % (raw.length + 1);
  return raw.slice(0, at) + dmg[1] + raw.slice(at + 1);
}

// ---- the reference: the proxy's parsed path

interface Outcome {
  facts: ResponseFacts;
  text: string;
  choice: number | undefined;
  ends: number | undefined;
  out: string;
}

function parsedPath(
  adapter: ProtocolAdapter,
  name: string | undefined,
  raw: string,
  facts: ResponseFacts,
  after: string,
): Outcome | 'refused' {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(raw) as Record<string, unknown>;
    if (typeof data !== 'object' || data === null) return 'refused';
    const d = adapter.readEvent(name, data, facts);
    let out = raw;
    if (d && after !== d.text) {
      d.set(after);
      out = replaceText(raw, data, d.text, after);
    }
    assert.equal(isUsageOnlyChunk(data), false, 'a scanned event is never a usage-only chunk');
    const term =
      adapter.protocol === 'anthropic'
        ? ((data['type'] as string | undefined) ?? name) === 'message_stop'
        : adapter.isTerminator?.(name, data) === true;
    assert.equal(term, false, 'a scanned event is never a terminator');
    assert.equal(
      adapter.finalizeEvent?.(name, structuredClone(data), () => 'served') ?? false,
      false,
      'a scanned event never repeats the text',
    );
    const ends = adapter.endsChoice
      ? adapter.endsChoice(name, data)
      : endingChoice(adapter.protocol, name, data);
    return { facts, text: d?.text ?? '', choice: d?.choice, ends, out };
  } catch {
    return 'refused'; // not JSON, or a value readEvent throws on
  }
}

type Scan = (
  name: string | undefined,
  raw: string,
  facts: ResponseFacts,
) => ScannedEvent | undefined;

function check(
  adapter: ProtocolAdapter,
  name: string | undefined,
  raw: string,
  preset: boolean,
  after: string,
  scan: Scan = adapter.scanEvent!,
): ScannedEvent | undefined {
  const fresh = (): ResponseFacts => ({
    ...emptyFacts(),
    ...(preset ? { responseId: 'preset' } : {}),
  });
  const scannedFacts = fresh();
  const s = scan(name, raw, scannedFacts);
  if (!s) {
    assert.deepEqual(scannedFacts, fresh(), 'an event left to the parser leaves the facts alone');
    return undefined;
  }
  const ref = parsedPath(adapter, name, raw, fresh(), after);
  assert.notEqual(ref, 'refused', `the scanner took what the parser refuses: ${raw}`);
  if (ref === 'refused') return s;
  assert.deepEqual(scannedFacts, ref.facts);
  assert.equal(s.text, ref.text);
  if (ref.choice !== undefined) assert.equal(s.choice, ref.choice);
  assert.equal(s.ends, ref.ends);
  if (s.text === '') return s;
  const out = after === s.text ? raw : spliceText(raw, s, after);
  const expected = JSON.parse(raw) as Record<string, unknown>;
  const d = adapter.readEvent(name, expected, emptyFacts());
  d?.set(after);
  // Same JSON value always; same bytes unless the parsed path re-serialised the event.
  assert.deepEqual(JSON.parse(out), expected);
  if (ref.out !== JSON.stringify(expected)) assert.equal(out, ref.out);
  return s;
}

export const RUNS = { numRuns: 3000, seed: 19_2026 };

/** How many generated events the scanner took (with text): the properties must exercise it. */
function counted(run: (tally: (s: ScannedEvent | undefined) => void) => void): void {
  let taken = 0;
  let withText = 0;
  run((s) => {
    if (s) taken++;
    if (s && s.text !== '') withText++;
  });
  assert.ok(
    taken > RUNS.numRuns / 5 && withText > RUNS.numRuns / 10,
    `scanned ${taken}, with text ${withText} of ${RUNS.numRuns}`,
  );
}

test('issue 19: the chat chunk scanner reads what JSON.parse + readEvent read, and splices the same bytes', () => {
  counted((tally) =>
    fc.assert(
      fc.property(raws(chatCommon, chatChunk), fc.boolean(), text, (raw, preset, after) =>
        tally(check(openaiProtocol, undefined, raw, preset, after)),
      ),
      RUNS,
    ),
  );
});

test('issue 19: the Anthropic text_delta scanner agrees with the parsed path', () => {
  const name = fc.constantFrom<string | undefined>('content_block_delta', undefined, 'ping');
  counted((tally) =>
    fc.assert(
      fc.property(raws(anthropicCommon, anthropicDelta), name, text, (raw, nm, after) =>
        tally(check(anthropicProtocol, nm, raw, false, after)),
      ),
      RUNS,
    ),
  );
});

test('issue 19: the Responses output_text.delta scanner agrees with the parsed path', () => {
  const name = fc.constantFrom<string | undefined>('response.output_text.delta', undefined);
  counted((tally) =>
    fc.assert(
      fc.property(raws(responsesCommon, responsesDelta), name, text, (raw, nm, after) =>
        tally(check(responsesProtocol, nm, raw, false, after)),
      ),
      RUNS,
    ),
  );
});

/**
 * A stream's text events: the same bytes around each text, the text written by
 * JSON.stringify or pasted in raw (a quote, a backslash, a control character: not one JSON
 * string), now and then another event between them.
 */
function streamOf(common: fc.Arbitrary<Node>, marker: string): fc.Arbitrary<string[]> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: text.map((t) => JSON.stringify(t)) },
    text.map((t) => `"${t}"`),
    fc.constantFrom('"a\\"', '"\\u00e9\\/"', '"\\x"', '"\\u12"', '"a" ', '5', '"\\"'),
  );
  return fc
    .tuple(
      common,
      fc.array(
        fc.oneof(
          { weight: 6, arbitrary: piece },
          common.map((n) => ({
            other: writer({ seed: 1, escape: 0, escapeKeys: false, spaces: false, breaks: false })(
              n,
            ),
          })),
        ),
        { minLength: 1, maxLength: 12 },
      ),
    )
    .map(([n, parts]) => {
      // The template: the common event with a marker text, cut around it.
      const raw = writer({ seed: 1, escape: 0, escapeKeys: false, spaces: false, breaks: false })(
        n,
      );
      const at = raw.lastIndexOf(JSON.stringify(marker));
      const head = at < 0 ? raw : raw.slice(0, at);
      const tail = at < 0 ? '' : raw.slice(at + JSON.stringify(marker).length);
      return [raw, ...parts.map((p) => (typeof p === 'string' ? head + p + tail : p.other))];
    });
}

test('issue 19: a stream scanner reads its template events as the parsed path does', () => {
  const cases: Array<[ProtocolAdapter, string | undefined, fc.Arbitrary<Node>]> = [
    [openaiProtocol, undefined, chatCommon],
    [anthropicProtocol, 'content_block_delta', anthropicCommon],
    [responsesProtocol, 'response.output_text.delta', responsesCommon],
  ];
  for (const [adapter, name, common] of cases) {
    // The marker stands for the text: a common event's text is replaced by it before the cut.
    const marked = common.map((n) => mark(n, '\u0001MARK'));
    fc.assert(
      fc.property(streamOf(marked, '\u0001MARK'), text, (raws, after) => {
        const scanner = new StreamScanner(adapter.scanEvent!);
        for (const raw of raws)
          check(adapter, name, raw, true, after, (nm, r, f) => scanner.read(nm, r, f));
      }),
      { numRuns: 1000, seed: 19 },
    );
  }
});

/** The event with its text field (content, text or delta: the string one) set to `marker`. */
function mark(n: Node, marker: string): Node {
  if (n === null || typeof n !== 'object') return n;
  if ('a' in n) return { a: n.a.map((v) => mark(v, marker)) };
  return {
    o: n.o.map(([k, v]) => [
      k,
      (k === 'content' || k === 'text' || k === 'delta') && (typeof v === 'string' || v === null)
        ? marker
        : mark(v, marker),
    ]),
  };
}

test('issue 19: replaceText never splices into another field that reads like the text', () => {
  // The text written with escapes, another field holding it plainly: the one match is not the text.
  const raw =
    '{"choices":[{"index":0,"delta":{"content":"s\\u0074op","tool_calls":[]},"finish_reason":"stop"}]}';
  const data = JSON.parse(raw) as {
    choices: Array<{ delta: { content: string }; finish_reason: string }>;
  };
  data.choices[0]!.delta.content = 'go';
  const out = JSON.parse(replaceText(raw, data, 'stop', 'go')) as typeof data;
  assert.equal(out.choices[0]!.delta.content, 'go');
  assert.equal(out.choices[0]!.finish_reason, 'stop');
});

test('issue 19: the common events of each API are scanned, not parsed', () => {
  const taken: Array<[ProtocolAdapter, string | undefined, string]> = [
    [
      openaiProtocol,
      undefined,
      '{"id":"chatcmpl-bench","object":"chat.completion.chunk","created":1700000000,"model":"bench-model","choices":[{"index":0,"delta":{"content":" word1"},"logprobs":null,"finish_reason":null}]}',
    ],
    [
      openaiProtocol,
      undefined,
      '{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","service_tier":"default","system_fingerprint":"fp_1","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"logprobs":null,"finish_reason":null}],"usage":null,"obfuscation":"a1b2"}',
    ],
    [
      openaiProtocol,
      undefined,
      '{"id":"c","choices":[{"index":2,"delta":{},"finish_reason":"stop"}]}',
    ],
    [
      openaiProtocol,
      undefined,
      '{"id":"c","choices":[{"index":0,"delta":{"content":"caf\\u00e9 \\"q\\" \\ud83d\\ude00"},"finish_reason":null}]}',
    ],
    [
      anthropicProtocol,
      'content_block_delta',
      '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hello"}}',
    ],
    [
      responsesProtocol,
      'response.output_text.delta',
      '{"type":"response.output_text.delta","sequence_number":4,"item_id":"msg_1","output_index":0,"content_index":0,"delta":"Hi","logprobs":[]}',
    ],
  ];
  for (const [adapter, name, raw] of taken)
    assert.ok(check(adapter, name, raw, false, 'X "y"'), raw);
  const left: Array<[ProtocolAdapter, string | undefined, string]> = [
    [openaiProtocol, undefined, '{"id":"c","choices":[{"index":0,"delta":{"cont\\u0065nt":"x"}}]}'], // escaped key
    [
      openaiProtocol,
      undefined,
      '{"choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}',
    ], // two choices
    [openaiProtocol, undefined, '{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0}]}}]}'],
    [
      openaiProtocol,
      undefined,
      '{"choices":[{"index":0,"delta":{"content":"a"},"logprobs":{"content":[]}}]}',
    ],
    [
      openaiProtocol,
      undefined,
      '{"choices":[{"index":0,"delta":{"content":"a","reasoning_content":"r"}}]}',
    ],
    [openaiProtocol, undefined, '{"choices":[],"usage":{"prompt_tokens":1}}'],
    [
      openaiProtocol,
      undefined,
      '{"choices":[{"index":0,"delta":{"content":"a"}}],"choices":[{"index":0,"delta":{"content":"b"}}]}',
    ], // duplicate
    [openaiProtocol, undefined, '{"choices":[{"index":1.5,"delta":{"content":"a"}}]}'],
    [openaiProtocol, undefined, '{\n "choices": [{"index": 0, "delta": {"content": "a"}}]\n}'],
    [openaiProtocol, undefined, '{"choices":[{"index":0,"delta":{"content":"a"}}]'], // cut short
    [
      anthropicProtocol,
      'content_block_delta',
      '{"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"h"}}',
    ],
    [anthropicProtocol, 'message_stop', '{"type":"message_stop"}'],
    [
      responsesProtocol,
      undefined,
      '{"type":"response.output_text.delta","output_index":0,"delta":"Hi","logprobs":[{"token":"Hi"}]}',
    ],
  ];
  for (const [adapter, name, raw] of left)
    assert.equal(check(adapter, name, raw, false, 'X'), undefined, raw);
});
