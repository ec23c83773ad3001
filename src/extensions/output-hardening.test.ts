import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startLeakyUpstream, type LeakyUpstream } from '../test-support/leaky-upstream.js';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { deriveAccountKey, loadOrCreateKeys } from '../provenance/keys.js';
import { detectWatermark } from '../provenance/watermark/detect.js';
import { LEXICON_PAIRS } from '../provenance/watermark/lexicon-data.js';

let up: LeakyUpstream;
let gw: TestGateway;

before(async () => {
  up = await startLeakyUpstream();
  gw = await startGateway(
    up.url,
    { provenance: { canary: { rate: 1, minLevel: 'throttle' } } },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
  await up.close();
});

async function call(key: string, body: Record<string, unknown>, path = '/v1/chat/completions') {
  const res = await fetch(gw.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/** Every vLLM/LiteLLM/Anthropic extension an extraction campaign would send. */
const HOSTILE_OPENAI = {
  logprobs: true,
  top_logprobs: 20,
  logit_bias: { '1': 100 },
  n: 4,
  prompt_logprobs: 20,
  return_tokens_as_token_ids: true,
  allowed_token_ids: [1, 2, 3],
  chat_template_kwargs: { enable_thinking: true },
  thinking: { type: 'enabled', budget_tokens: 4096 },
  best_of: 8,
  use_beam_search: true,
  top_k: 1,
  include_reasoning: true,
  reasoning: { effort: 'high' },
  guided_choice: ['a', 'b'],
  some_future_extension: { x: 1 },
};
const DROPPED_OPENAI = Object.keys(HOSTILE_OPENAI).filter((k) => k !== 'n');
const SECRETS =
  /SECRET-|prompt_logprobs|prompt_token_ids|token_ids|top_logprobs|"logprob"|thinking_blocks|provider_specific_fields|reasoning_content|redacted_thinking|"thinking"/;

test('issue 14 (6): at degrade no unknown or extraction parameter reaches the upstream, and no reasoning or logprob field reaches the client (JSON and streams, both APIs)', async () => {
  const k = await gw.newKey('acct_deg14', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_deg14/level', { level: 'degrade', reason: 'test' });

  for (const stream of [false, true]) {
    const r = await call(k.key, {
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'hi', reasoning_content: 'x' }],
      max_tokens: 99_999,
      stream,
      ...HOSTILE_OPENAI,
    });
    assert.equal(r.status, 200, r.text);
    const seen = up.requests.at(-1)!.body;
    for (const f of DROPPED_OPENAI)
      assert.equal(seen[f], undefined, `${f} reached the upstream (stream ${stream})`);
    assert.ok(seen['n'] === undefined || seen['n'] === 1);
    assert.ok((seen['max_tokens'] as number) <= 1024);
    assert.deepEqual(seen['messages'], [{ role: 'user', content: 'hi' }]);
    assert.doesNotMatch(
      r.text,
      SECRETS,
      `leaked to the client (stream ${stream}): ${r.text.slice(0, 400)}`,
    );
    if (stream) assert.match(r.text, /"content":"The /);
    else {
      assert.equal(r.json.choices[0].message.content.length > 0, true);
      assert.equal(r.json.choices[0].logprobs, null);
    }
  }

  for (const stream of [false, true]) {
    const r = await call(
      k.key,
      {
        model: 'claude-test',
        max_tokens: 50_000,
        stream,
        messages: [{ role: 'user', content: 'hi' }],
        thinking: { type: 'enabled', budget_tokens: 32_000 },
        top_k: 1,
        service_tier: 'priority',
        some_future_extension: true,
      },
      '/v1/messages',
    );
    assert.equal(r.status, 200, r.text);
    const seen = up.requests.at(-1)!.body;
    for (const f of ['thinking', 'top_k', 'service_tier', 'some_future_extension'])
      assert.equal(seen[f], undefined, `${f} reached the upstream`);
    assert.ok((seen['max_tokens'] as number) <= 1024);
    assert.doesNotMatch(
      r.text,
      SECRETS,
      `leaked to the client (stream ${stream}): ${r.text.slice(0, 400)}`,
    );
    if (stream)
      assert.deepEqual(
        [...r.text.matchAll(/"type":"content_block_start","index":(\d+)/g)].map((m) =>
          Number(m[1]),
        ),
        [0],
      );
    else
      assert.deepEqual(
        r.json.content.map((b: { type: string }) => b.type),
        ['text'],
      );
  }
});

test('issue 14 (6): the same account below degrade gets everything through (the allow-list applies from degrade up)', async () => {
  const k = await gw.newKey('acct_full14', { tier: 'pro' });
  const r = await call(k.key, {
    model: 'gpt-test',
    messages: [{ role: 'user', content: 'hi' }],
    ...HOSTILE_OPENAI,
  });
  assert.equal(r.status, 200);
  const seen = up.requests.at(-1)!.body;
  assert.equal(seen['prompt_logprobs'], 20);
  assert.deepEqual(seen['chat_template_kwargs'], { enable_thinking: true });
  assert.equal(r.json.choices[0].message.reasoning_content, 'SECRET-REASONING step by step');
});

/** Prose dense in watermark positions, on one line, starting with a capitalized word. */
const PROSE = 'The ' + LEXICON_PAIRS.map(([a], i) => `w${i % 7}x ${a}`).join(' ') + '.';

function textOf(r: { json: any; text: string }, path: string, stream: boolean): string {
  if (!stream)
    return path === '/v1/messages'
      ? r.json.content.map((b: { text?: string }) => b.text ?? '').join('')
      : r.json.choices[0].message.content;
  let out = '';
  for (const block of r.text.split('\n\n')) {
    const line = block.split('\n').find((l) => l.startsWith('data: {'));
    if (!line) continue;
    const d = JSON.parse(line.slice(6));
    out += d.choices?.[0]?.delta?.content ?? (d.delta?.type === 'text_delta' ? d.delta.text : '');
  }
  return out;
}

test('issue 14 (7): no response_format (null, json_object, json_schema, on /v1/messages) and no leading markup turns the watermark off', async () => {
  const k = await gw.newKey('acct_wm14', { tier: 'pro' });
  const keys = loadOrCreateKeys(gw.config.dataDirAbs, gw.config.provenance);
  const detectKeys = [keys.watermarkKey, deriveAccountKey(keys.watermarkKey, 'acct_wm14')];
  const formats: unknown[] = [
    undefined,
    null,
    { type: null },
    { type: 'json_object' },
    { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
    { type: 'bogus' },
  ];
  const wrappers = ['', '> ', '```\n', '```text\n', '    ', '[', '{', '`', '"'];
  let cases = 0;
  for (const [path, model] of [
    ['/v1/chat/completions', 'gpt-test'],
    ['/v1/messages', 'claude-test'],
  ] as const) {
    for (const stream of [false, true]) {
      for (let i = 0; i < wrappers.length; i++) {
        const served = wrappers[i]! + PROSE;
        const rf = formats[(i + (stream ? 1 : 0)) % formats.length];
        const body: Record<string, unknown> = {
          model,
          max_tokens: 500,
          stream,
          messages: [{ role: 'user', content: 'echo:' + served }],
        };
        if (rf !== undefined) body['response_format'] = rf;
        const r = await call(k.key, body, path);
        assert.equal(r.status, 200, r.text);
        const text = textOf(r, path, stream);
        const label = `${path} stream=${stream} wrapper=${JSON.stringify(wrappers[i])} response_format=${JSON.stringify(rf)}`;
        assert.notEqual(text, served, `${label}: served unmarked`);
        const d = detectWatermark(detectKeys, text);
        assert.equal(d.verdict, 'watermarked', `${label}: ${d.reason}`);
        cases++;
      }
    }
  }
  assert.equal(cases, 36);
});

test('issue 14 (7): a JSON answer to a JSON response_format stays valid JSON; its long prose strings are marked', async () => {
  const k = await gw.newKey('acct_json14', { tier: 'pro' });
  const doc = JSON.stringify({ ok: true, label: 'big car', answer: PROSE });
  const r = await call(k.key, {
    model: 'gpt-test',
    response_format: { type: 'json_object' },
    messages: [{ role: 'user', content: 'echo:' + doc }],
  });
  const text = r.json.choices[0].message.content as string;
  const parsed = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual([parsed['ok'], parsed['label']], [true, 'big car']);
  assert.notEqual(parsed['answer'], PROSE);
});

test('issue 14 (12): canaries are woven into the answer through the gateway, JSON and streams', async () => {
  const k = await gw.newKey('acct_can14', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_can14/level', { level: 'throttle', reason: 'test' });
  const served =
    'Deltas form where rivers slow. Sediment settles in fans. Fans grow into plains. Waves shape the edges.';
  for (const [path, model] of [
    ['/v1/chat/completions', 'gpt-test'],
    ['/v1/messages', 'claude-test'],
  ] as const) {
    for (const stream of [false, true]) {
      const r = await call(
        k.key,
        { model, max_tokens: 500, stream, messages: [{ role: 'user', content: 'echo:' + served }] },
        path,
      );
      const text = textOf(r, path, stream);
      assert.ok(
        text.length > served.length + 40,
        `${path} stream=${stream}: a canary was added: ${text}`,
      );
      assert.ok(!text.includes('\n'), 'woven into the paragraph, not after a blank line');
      assert.ok(
        text.endsWith('the edges.') || text.endsWith('edges.'),
        'the answer still ends as it did',
      );
      assert.match(text, /^Deltas form where rivers slow\. /);
    }
  }
  await gw.app.flushTelemetry();
  const events = (await gw.admin('GET', '/events?account=acct_can14')).json.data;
  assert.equal(events.length, 4);
  assert.ok(
    events.every((e: any) => e.canary === true),
    'telemetry records the planting',
  );
});
