import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encode, encodeChat } from 'gpt-tokenizer';
import type { Protocol, SseEvent, Upstream, UpstreamResponse } from '../upstream.js';
import { createDemoUpstream, DEMO_MODELS, preloadDemo } from './index.js';
import { servedShape } from '../../telemetry/served.js';
import { isDerivation } from '../../detect/features.js';

type Json = Record<string, any>;
const CFG = { tokensPerSecond: 0, meanTokens: 120 };
const MESSAGES = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'Tell me about the dog and the river.' },
];

function body(protocol: Protocol, extra: Json = {}): Json {
  return protocol === 'openai'
    ? { model: 'moat-demo', messages: MESSAGES, ...extra }
    : {
        model: 'moat-demo',
        system: MESSAGES[0]!.content,
        messages: [MESSAGES[1]],
        max_tokens: 1024,
        ...extra,
      };
}

async function call(
  up: Upstream,
  protocol: Protocol,
  stream: boolean,
  extra: Json = {},
  signal = new AbortController().signal,
): Promise<UpstreamResponse> {
  return up.call({
    protocol,
    body: body(protocol, { ...extra, ...(stream ? { stream: true } : {}) }),
    stream,
    signal,
    requestId: 'r',
  });
}

async function events(res: UpstreamResponse): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of res.events!) out.push(ev);
  return out;
}

const parse = (evs: SseEvent[]): Json[] =>
  evs.filter((e) => e.data !== '[DONE]').map((e) => JSON.parse(e.data) as Json);
const text = (j: Json): string => j['choices'][0].message.content as string;

describe('demo upstream, OpenAI protocol', () => {
  let up: Upstream;
  before(async () => {
    await preloadDemo();
    up = createDemoUpstream('demo', CFG);
  });

  it('answers with a chat.completion whose usage matches the tokenizer', async () => {
    const res = await call(up, 'openai', false);
    const j = res.json as Json;
    assert.equal(res.status, 200);
    assert.equal(j['object'], 'chat.completion');
    assert.equal(j['model'], 'moat-demo');
    assert.match(j['id'], /^chatcmpl-/);
    const content = text(j);
    assert.ok(
      content.length > 100 && /[.!?]$/.test(content.trim()),
      'a fluent answer of realistic length',
    );
    assert.equal(j['choices'][0].finish_reason, 'stop');
    assert.equal(j['usage'].completion_tokens, encode(content).length);
    assert.equal(j['usage'].prompt_tokens, encodeChat(MESSAGES as never, 'gpt-4o').length);
    assert.equal(j['usage'].total_tokens, j['usage'].prompt_tokens + j['usage'].completion_tokens);
  });

  it('streams chunks that add up to the non-streaming answer, ending with [DONE]', async () => {
    const whole = text((await call(up, 'openai', false, { temperature: 0 })).json as Json);
    const evs = await events(await call(up, 'openai', true, { temperature: 0 }));
    assert.equal(evs.at(-1)!.data, '[DONE]');
    const chunks = parse(evs);
    assert.ok(chunks.every((c) => c['object'] === 'chat.completion.chunk' && !('usage' in c)));
    assert.deepEqual(chunks[0]!['choices'][0].delta, { role: 'assistant', content: '' });
    assert.equal(chunks.at(-1)!['choices'][0].finish_reason, 'stop');
    assert.equal(chunks.map((c) => c['choices'][0].delta.content ?? '').join(''), whole);
    assert.ok(chunks.length > 20, 'word-sized chunks');
  });

  it('honours stream_options.include_usage', async () => {
    const chunks = parse(
      await events(await call(up, 'openai', true, { stream_options: { include_usage: true } })),
    );
    const last = chunks.at(-1)!;
    assert.deepEqual(last['choices'], []);
    assert.ok(chunks.slice(0, -1).every((c) => c['usage'] === null));
    const streamed = chunks.map((c) => c['choices'][0]?.delta.content ?? '').join('');
    assert.equal(last['usage'].completion_tokens, encode(streamed).length);
  });

  it('respects max_tokens (and max_completion_tokens) with finish_reason length', async () => {
    for (const key of ['max_tokens', 'max_completion_tokens']) {
      const j = (await call(up, 'openai', false, { [key]: 7 })).json as Json;
      assert.equal(j['choices'][0].finish_reason, 'length');
      assert.equal(j['usage'].completion_tokens, 7);
    }
  });

  it('Responses API: an answer cut at max_output_tokens is incomplete, its message item too, streaming or not', async () => {
    const req = (stream: boolean, max: number) =>
      up.call({
        protocol: 'openai',
        path: '/responses',
        body: {
          model: 'moat-demo',
          input: 'Tell me about the dog and the river.',
          max_output_tokens: max,
          ...(stream ? { stream: true } : {}),
        },
        stream,
        signal: new AbortController().signal,
        requestId: 'r',
      });
    const cut = (await req(false, 5)).json as Json;
    assert.equal(cut['status'], 'incomplete');
    assert.deepEqual(cut['incomplete_details'], { reason: 'max_output_tokens' });
    assert.equal(cut['output'].at(-1).status, 'incomplete');
    assert.ok(cut['output'].at(-1).content[0].text.length > 0, 'the cut text is still served');
    const whole = (await req(false, 4000)).json as Json;
    assert.equal(whole['status'], 'completed');
    assert.equal(whole['output'].at(-1).status, 'completed');
    const evs = parse(await events(await req(true, 5)));
    const itemDone = evs.find((e) => e['type'] === 'response.output_item.done');
    assert.equal(itemDone?.['item'].status, 'incomplete');
    assert.equal(evs.at(-1)?.['type'], 'response.incomplete');
  });

  it('returns n choices, interleaved when streaming', async () => {
    const j = (await call(up, 'openai', false, { n: 3 })).json as Json;
    assert.deepEqual(
      j['choices'].map((c: Json) => c['index']),
      [0, 1, 2],
    );
    assert.equal(new Set(j['choices'].map((c: Json) => c['message'].content)).size, 3);
    const sum = j['choices'].reduce(
      (n: number, c: Json) => n + encode(c['message'].content).length,
      0,
    );
    assert.equal(j['usage'].completion_tokens, sum);
    const chunks = parse(await events(await call(up, 'openai', true, { n: 2 })));
    assert.deepEqual(
      chunks.slice(0, 2).map((c) => c['choices'][0].index),
      [0, 1],
    );
    assert.equal(chunks.filter((c) => c['choices'][0].finish_reason).length, 2);
  });

  it('cuts at a stop sequence', async () => {
    const whole = text((await call(up, 'openai', false, { temperature: 0 })).json as Json);
    const stop = whole.split(' ')[5]!;
    const j = (await call(up, 'openai', false, { temperature: 0, stop: [stop] })).json as Json;
    assert.equal(text(j), whole.slice(0, whole.indexOf(stop)));
    assert.equal(j['choices'][0].finish_reason, 'stop');
  });

  it('asked to work step by step, it numbers its steps as models do (a derivation to the detector); otherwise it writes prose', async () => {
    const ask = [{ role: 'user', content: 'Explain the river, step by step.' }];
    const stepwise = text((await call(up, 'openai', false, { messages: ask })).json as Json);
    assert.ok(isDerivation(servedShape(stepwise)), stepwise);
    assert.match(stepwise, /^1\. /m);
    const plain = text((await call(up, 'openai', false)).json as Json);
    assert.ok(!isDerivation(servedShape(plain)), plain);
    assert.equal(servedShape(plain).grades, 0, plain);
  });

  it('asked to rate something on a scale, it gives a grade on that scale and a reason (a grade to the detector)', async () => {
    for (const [content, top] of [
      ['Rate this answer from 1 to 10: the river is long.', 10],
      ['Score the essay below out of 5.\n\nThe river is long.', 5],
    ] as const) {
      const ask = [{ role: 'user', content }];
      const graded = text((await call(up, 'openai', false, { messages: ask })).json as Json);
      assert.match(graded, new RegExp(`^Score: \\d+/${top}\\n\\nJustification: `), graded);
      assert.equal(servedShape(graded).grades, 1, graded);
    }
  });

  it('the reasoner adds reasoning_content, counted in reasoning_tokens', async () => {
    const j = (await call(up, 'openai', false, { model: 'moat-demo-reasoner' })).json as Json;
    const msg = j['choices'][0].message;
    assert.ok(msg.reasoning_content.length > 20);
    assert.equal(
      j['usage'].completion_tokens_details.reasoning_tokens,
      encode(msg.reasoning_content).length,
    );
    assert.equal(
      j['usage'].completion_tokens,
      encode(msg.reasoning_content).length + encode(msg.content).length,
    );
    const deltas = parse(
      await events(await call(up, 'openai', true, { model: 'moat-demo-reasoner' })),
    ).map((c) => c['choices'][0].delta);
    const firstReason = deltas.findIndex((d) => d.reasoning_content);
    const firstText = deltas.findIndex((d) => d.content);
    assert.ok(firstReason > 0 && firstReason < firstText);
  });
});

describe('demo upstream, Anthropic protocol', () => {
  let up: Upstream;
  before(async () => {
    await preloadDemo();
    up = createDemoUpstream('demo', CFG);
  });

  it('answers with a message object', async () => {
    const j = (await call(up, 'anthropic', false)).json as Json;
    assert.equal(j['type'], 'message');
    assert.equal(j['role'], 'assistant');
    assert.match(j['id'], /^msg_/);
    assert.equal(j['content'].length, 1);
    assert.equal(j['content'][0].type, 'text');
    assert.equal(j['stop_reason'], 'end_turn');
    assert.equal(j['usage'].output_tokens, encode(j['content'][0].text).length);
    assert.ok(j['usage'].input_tokens > 10);
  });

  it('streams the named event sequence with thinking before text for the reasoner', async () => {
    const evs = await events(await call(up, 'anthropic', true, { model: 'moat-demo-reasoner' }));
    const names = evs.map((e) => e.event);
    assert.ok(evs.every((e) => JSON.parse(e.data).type === e.event));
    const kinds = parse(evs).map((d) =>
      d['type'] === 'content_block_delta' ? d['delta'].type : d['type'],
    );
    const collapsed = kinds.filter((k, i) => k !== kinds[i - 1]);
    assert.deepEqual(collapsed, [
      'message_start',
      'content_block_start',
      'ping',
      'thinking_delta',
      'signature_delta',
      'content_block_stop',
      'content_block_start',
      'text_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    assert.equal(names.at(-1), 'message_stop');
    const data = parse(evs);
    const thinking = data
      .filter((d) => d['delta']?.type === 'thinking_delta')
      .map((d) => d['delta'].thinking)
      .join('');
    const said = data
      .filter((d) => d['delta']?.type === 'text_delta')
      .map((d) => d['delta'].text)
      .join('');
    const delta = data.find((d) => d['type'] === 'message_delta')!;
    assert.equal(delta['usage'].output_tokens, encode(thinking).length + encode(said).length);
    assert.equal(delta['delta'].stop_reason, 'end_turn');
    assert.equal(data[1]!['content_block'].type, 'thinking');
  });

  it('respects max_tokens with stop_reason max_tokens, and stop_sequences', async () => {
    const j = (await call(up, 'anthropic', false, { max_tokens: 5 })).json as Json;
    assert.equal(j['stop_reason'], 'max_tokens');
    assert.equal(j['usage'].output_tokens, 5);
    const whole = ((await call(up, 'anthropic', false, { temperature: 0 })).json as Json)[
      'content'
    ][0].text as string;
    const stop = whole.split(' ')[3]!;
    const s = (await call(up, 'anthropic', false, { temperature: 0, stop_sequences: [stop] }))
      .json as Json;
    assert.equal(s['stop_reason'], 'stop_sequence');
    assert.equal(s['stop_sequence'], stop);
  });

  it('the reasoner puts a signed thinking block first', async () => {
    const j = (await call(up, 'anthropic', false, { model: 'moat-demo-reasoner' })).json as Json;
    assert.deepEqual(
      j['content'].map((b: Json) => b['type']),
      ['thinking', 'text'],
    );
    assert.ok(j['content'][0].signature.length > 20);
  });
});

describe('demo upstream behaviour', () => {
  it('is reproducible: fresh instances agree; repeats vary unless temperature 0 or a seed is given', async () => {
    const a = createDemoUpstream('a', CFG);
    const b = createDemoUpstream('b', CFG);
    const t = async (u: Upstream, extra: Json = {}) =>
      text((await call(u, 'openai', false, extra)).json as Json);
    assert.equal(await t(a), await t(b));
    assert.notEqual(await t(a), await t(a));
    assert.equal(await t(a, { temperature: 0 }), await t(a, { temperature: 0 }));
    assert.equal(await t(a, { seed: 7 }), await t(b, { seed: 7 }));
  });

  it('answers at about meanTokens on average', async () => {
    const up = createDemoUpstream('m', { tokensPerSecond: 0, meanTokens: 200 });
    let total = 0;
    for (let i = 0; i < 30; i++)
      total += ((await call(up, 'openai', false)).json as Json)['usage']
        .completion_tokens as number;
    const mean = total / 30;
    assert.ok(mean > 120 && mean < 330, `mean ${mean}`);
  });

  it('ends a paced stream when the signal aborts', async () => {
    const up = createDemoUpstream('slow', { tokensPerSecond: 200, meanTokens: 200 });
    const ac = new AbortController();
    const res = await call(up, 'anthropic', true, {}, ac.signal);
    let n = 0;
    for await (const _ of res.events!) if (++n === 3) ac.abort();
    assert.equal(n, 3);
    await assert.rejects(call(up, 'openai', false, {}, ac.signal));
  });

  it('lists its models as demos', () => {
    assert.deepEqual(
      DEMO_MODELS.map((m) => m.id),
      ['moat-demo', 'moat-demo-reasoner'],
    );
    assert.ok(DEMO_MODELS.every((m) => /demo/i.test(m.description)));
  });
});
