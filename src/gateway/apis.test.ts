import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { KeyObject } from 'node:crypto';
import OpenAI from 'openai';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { DOUBLE_TEXT } from '../test-support/double-apis.js';
import { keysFromJwks, verifyReceipt } from '../provenance/index.js';
import { defaultExtensions } from '../extensions/index.js';
import { main, makeContext } from '../cli/main.js';
import type { TelemetryEvent } from '../telemetry/event.js';

/**
 * Issue 16: embeddings, legacy completions and the Responses API through the same pipeline
 * as chat — auth, limits, ladder, watermark, receipts, telemetry — against the demo model
 * and an OpenAI-compatible double, with the official SDK's own methods.
 */
describe('issue 16: /v1/embeddings, /v1/completions, /v1/responses', () => {
  let up: UpstreamDouble;
  let gw: TestGateway;
  let key: string;
  let openai: OpenAI;
  let publicKeys: Map<string, KeyObject>;
  before(async () => {
    up = await startUpstreamDouble();
    gw = await startGateway(
      up.url,
      { demo: { meanTokens: 120 } },
      { extensions: defaultExtensions },
    );
    ({ key } = await gw.newKey('acct_apis', { tier: 'pro' }));
    await gw.admin('PUT', '/accounts/acct_apis/limits', { requestsPerMinute: 10_000 });
    openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    publicKeys = keysFromJwks(
      (await (await fetch(`${gw.url}/.well-known/moat-keys`)).json()) as Parameters<
        typeof keysFromJwks
      >[0],
    );
  });
  after(async () => {
    await gw.close();
    await up.close();
  });

  it('embeddings.create: demo vectors (base64 decoded by the SDK, floats, dimensions) and the double, no receipt (issue 16)', async () => {
    const r = await openai.embeddings.create({
      model: 'moat-demo',
      input: ['rivers and lakes', 'lakes and rivers', 'a tax form'],
    });
    assert.equal(r.data.length, 3);
    assert.equal(r.data[0]!.embedding.length, 256);
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    assert.ok(cos(r.data[0]!.embedding, r.data[1]!.embedding) > 0.99, 'same words, same vector');
    assert.ok(cos(r.data[0]!.embedding, r.data[2]!.embedding) < 0.5);
    assert.ok(r.usage.prompt_tokens > 0);
    const floats = await openai.embeddings.create({
      model: 'moat-demo',
      input: 'hello',
      encoding_format: 'float',
      dimensions: 64,
    });
    assert.equal(floats.data[0]!.embedding.length, 64);
    const { data, response } = await openai.embeddings
      .create({ model: 'gpt-test', input: ['a', 'b'], encoding_format: 'float' })
      .withResponse();
    assert.equal(data.data.length, 2);
    assert.equal(response.headers.get('moat-receipt'), null, 'vectors carry no text to sign');
    assert.equal(
      up.requests.findLast((q) => q.path === '/v1/embeddings')?.headers['authorization'],
      'Bearer upstream-secret-oa',
    );
  });

  it('completions.create: JSON and stream, demo and double; receipts verify; [DONE] last (issue 16)', async () => {
    for (const model of ['moat-demo', 'gpt-test']) {
      const { data, response } = await openai.completions
        .create({ model, prompt: 'Rivers are', max_tokens: 200 })
        .withResponse();
      const text = data.choices[0]!.text;
      assert.ok(text.length > 10);
      assert.ok(verifyReceipt(text, response.headers.get('moat-receipt')!, publicKeys).ok);
      const stream = await openai.completions.create({
        model,
        prompt: 'Lakes are',
        max_tokens: 200,
        stream: true,
      });
      let streamed = '';
      let id = '';
      for await (const chunk of stream) {
        id = chunk.id;
        streamed += chunk.choices[0]?.text ?? '';
      }
      assert.ok(streamed.length > 10);
      const rec = (await (
        await fetch(`${gw.url}/v1/receipts/${id}`, { headers: { authorization: `Bearer ${key}` } })
      ).json()) as { receipts: Array<{ receipt: string }> };
      assert.ok(verifyReceipt(streamed, rec.receipts[0]!.receipt, publicKeys).ok, model);
    }
    const raw = await (
      await fetch(`${gw.url}/v1/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ model: 'gpt-test', prompt: 'x', stream: true }),
      })
    ).text();
    const blocks = raw.split('\n\n').filter(Boolean);
    assert.equal(blocks.at(-1), 'data: [DONE]');
    assert.match(blocks.at(-2)!, /^: moat-receipt /);
    assert.ok(!raw.includes('"usage"'), 'the usage chunk Moat asked for is not shown');
  });

  it('responses.create and responses.stream: the text every event repeats is the served text; receipts verify (issue 16)', async () => {
    for (const model of ['moat-demo', 'gpt-test', 'moat-demo-reasoner']) {
      const r = await openai.responses.create({
        model,
        input: 'Tell me about rivers.',
        instructions: 'Be brief.',
      });
      assert.equal(r.status, 'completed');
      const message = r.output.find((o) => o.type === 'message');
      assert.ok(message && message.type === 'message');
      const text = message.content.map((p) => (p.type === 'output_text' ? p.text : '')).join('');
      assert.equal(r.output_text, text, `${model}: output_text is the served text`);
      assert.ok(text.length > 10);

      const s = openai.responses.stream({
        model,
        input: [{ role: 'user', content: 'Tell me about lakes.' }],
      });
      let deltas = '';
      const types = new Set<string>();
      for await (const ev of s) {
        types.add(ev.type);
        if (ev.type === 'response.output_text.delta') deltas += ev.delta;
        if (ev.type === 'response.output_text.done')
          assert.equal(ev.text, deltas, `${model}: done repeats the deltas`);
      }
      const final = await s.finalResponse();
      assert.equal(
        final.output_text,
        deltas,
        `${model}: the accumulated response is what was streamed`,
      );
      assert.ok(types.has('response.completed'));
      const rec = (await (
        await fetch(`${gw.url}/v1/receipts/${final.id}`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).json()) as { receipts: Array<{ choice?: number; receipt: string }> };
      assert.equal(rec.receipts.length, 1);
      assert.ok(verifyReceipt(deltas, rec.receipts[0]!.receipt, publicKeys).ok, model);
    }
    const stream = await openai.responses.create({ model: 'gpt-test', input: 'hi', stream: true });
    let last = '';
    for await (const ev of stream) last = ev.type;
    assert.equal(last, 'response.completed', 'the raw iterator ends on response.completed');
    assert.equal(
      up.requests.findLast((q) => q.path === '/v1/responses')?.body?.['stream_options'],
      undefined,
      'no include_usage on the Responses API',
    );
  });

  it('responses: the demo model calls function tools (issue 16)', async () => {
    const tools = [
      {
        type: 'function' as const,
        name: 'get_weather',
        description: 'Weather for a city',
        strict: false,
        parameters: {
          type: 'object',
          properties: { city: { type: 'string' } },
          required: ['city'],
        },
      },
    ];
    const r = await openai.responses.create({
      model: 'moat-demo',
      input: 'Weather in Rome?',
      tools,
      tool_choice: 'required',
    });
    const call = r.output.find((o) => o.type === 'function_call');
    assert.ok(call && call.type === 'function_call');
    assert.equal(call.name, 'get_weather');
    assert.equal(JSON.parse(call.arguments).city, 'Rome');
    const final = await openai.responses
      .stream({ model: 'moat-demo', input: 'Weather in Rome?', tools, tool_choice: 'required' })
      .finalResponse();
    assert.ok(
      final.output.some(
        (o) => o.type === 'function_call' && JSON.parse(o.arguments).city === 'Rome',
      ),
    );
  });

  it('an upstream without the API: a clear 400, not a bare 404; an Anthropic model: the right route named (issue 16)', async () => {
    for (const call of [
      () => openai.responses.create({ model: 'double/chat-only', input: 'hi' }),
      () => openai.embeddings.create({ model: 'double/chat-only', input: 'hi' }),
      () => openai.completions.create({ model: 'double/chat-only', prompt: 'hi' }),
    ]) {
      await assert.rejects(call(), (e: unknown) => {
        assert.ok(e instanceof OpenAI.BadRequestError);
        assert.equal((e.error as { code: string }).code, 'MOAT_UNSUPPORTED_ENDPOINT');
        assert.match(e.message, /does not implement POST \/v1\/(responses|embeddings|completions)/);
        return true;
      });
    }
    await assert.rejects(
      openai.responses.create({ model: 'claude-test', input: 'hi' }),
      (e: unknown) => {
        assert.ok(e instanceof OpenAI.BadRequestError);
        assert.equal((e.error as { code: string }).code, 'MOAT_WRONG_API_FOR_MODEL');
        return true;
      },
    );
  });

  it('bad input on each new route: 4xx in the OpenAI error shape (issue 16)', async () => {
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${gw.url}/v1/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
      return {
        status: res.status,
        body: (await res.json()) as { error: { type: string; code: string; param: string | null } },
      };
    };
    for (const [path, body, param] of [
      ['embeddings', { model: 'moat-demo' }, 'input'],
      ['embeddings', { model: 'moat-demo', input: [] }, 'input'],
      [
        'embeddings',
        { model: 'moat-demo', input: Array.from({ length: 2049 }, () => 'x') },
        'input',
      ],
      [
        'embeddings',
        { model: 'moat-demo', input: 'x', encoding_format: 'int8' },
        'encoding_format',
      ],
      ['completions', { model: 'moat-demo' }, 'prompt'],
      ['completions', { model: 'moat-demo', prompt: 'x', logprobs: 9 }, 'logprobs'],
      ['responses', { model: 'moat-demo' }, 'input'],
      ['responses', { model: 'moat-demo', input: 42 }, 'input'],
      ['responses', { input: 'x' }, 'model'],
      [
        'responses',
        { model: 'moat-demo', input: 'x', max_output_tokens: 'many' },
        'max_output_tokens',
      ],
    ] as const) {
      const r = await post(path, body);
      assert.equal(r.status, 400, `${path} ${JSON.stringify(body).slice(0, 80)}`);
      assert.equal(r.body.error.type, 'invalid_request_error');
      assert.equal(r.body.error.code, 'MOAT_INVALID_REQUEST');
      assert.equal(r.body.error.param, param);
    }
    const noKey = await fetch(`${gw.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model":"moat-demo","input":"x"}',
    });
    assert.equal(noKey.status, 401);
    assert.equal(
      ((await noKey.json()) as { error: { code: string } }).error.code,
      'MOAT_MISSING_API_KEY',
    );
  });

  it('degrade: Responses reasoning summaries and logprobs withheld, stream and JSON; request allow-listed (issue 16)', async () => {
    const { key: k } = await gw.newKey('acct_apis_degraded', { tier: 'pro' });
    assert.equal(
      (
        await gw.admin('PUT', '/accounts/acct_apis_degraded/level', {
          level: 'degrade',
          reason: 'test',
        })
      ).status,
      200,
    );
    const client = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: k, maxRetries: 0 });
    const r = await client.responses.create({
      model: 'gpt-test',
      input: 'hi',
      include: ['message.output_text.logprobs'],
      top_logprobs: 5,
      reasoning: { effort: 'high', summary: 'detailed' },
    });
    const sent = up.requests.findLast((q) => q.path === '/v1/responses')!.body!;
    assert.equal(sent['include'], undefined);
    assert.equal(sent['top_logprobs'], undefined);
    assert.deepEqual(sent['reasoning'], { effort: 'low' });
    assert.ok((sent['max_output_tokens'] as number) > 0, 'output bounded');
    const reasoning = r.output.find((o) => o.type === 'reasoning');
    assert.ok(reasoning && reasoning.type === 'reasoning');
    assert.deepEqual(reasoning.summary, []);
    assert.equal((reasoning as { encrypted_content?: unknown }).encrypted_content, undefined);
    const msg = r.output.find((o) => o.type === 'message');
    assert.ok(msg?.type === 'message' && msg.content[0]?.type === 'output_text');
    assert.deepEqual(msg.content[0].logprobs, []);

    const s = client.responses.stream({ model: 'gpt-test', input: 'hi' });
    for await (const ev of s) {
      if (ev.type === 'response.reasoning_summary_text.delta') assert.equal(ev.delta, '');
      if (ev.type === 'response.output_text.delta') assert.deepEqual(ev.logprobs, []);
    }
    const final = await s.finalResponse();
    assert.equal(final.output_text.length > 0, true);
    const fr = final.output.find((o) => o.type === 'reasoning');
    assert.ok(fr && fr.type === 'reasoning' && fr.summary.length === 0);

    await client.completions.create({
      model: 'gpt-test',
      prompt: 'x',
      logprobs: 5,
      echo: true,
      best_of: 3,
      n: 2,
    });
    const c = up.requests.findLast((q) => q.path === '/v1/completions')!.body!;
    assert.deepEqual(
      [c['logprobs'], c['echo'], c['best_of'], c['n']],
      [undefined, undefined, undefined, 1],
    );
  });

  it('telemetry: one event per request with endpoint set and derived messages; moat analyze reads the log (issue 16)', async () => {
    await gw.app.flushTelemetry();
    const events: TelemetryEvent[] = [];
    for await (const e of gw.app.store.events({ account: 'acct_apis' })) events.push(e);
    const byEndpoint = (ep: string) => events.filter((e) => e.endpoint === ep);
    for (const ep of ['embeddings', 'completions', 'responses'])
      assert.ok(byEndpoint(ep).length > 0, ep);
    const resp = byEndpoint('responses').find(
      (e) =>
        e.status === 200 && (e.request as { instructions?: string }).instructions === 'Be brief.',
    )!;
    assert.deepEqual(resp.request.messages, [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Tell me about rivers.' },
    ]);
    assert.ok((resp.response?.outputTokens ?? 0) > 0);
    const emb = byEndpoint('embeddings').find((e) => e.status === 200)!;
    assert.equal(emb.response?.outputTokens, 0);
    assert.equal(
      byEndpoint('responses').some(
        (e) => e.status === 400 && e.error === 'MOAT_UNSUPPORTED_ENDPOINT',
      ),
      true,
    );

    const log = join(gw.dataDir, 'apis-events.jsonl');
    writeFileSync(log, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    let err = '';
    const sink = (f: (s: string) => void) =>
      new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
    const out = join(gw.dataDir, 'apis-verdicts.json');
    const code = await main(
      ['analyze', '--events', log, '--out', out],
      makeContext(
        { MOAT_DATA_DIR: gw.dataDir },
        sink(() => {}),
        sink((s) => (err += s)),
      ),
    );
    assert.equal(code, 0, err);
  });

  it('the double text is served as is when nothing marks it (sanity of the double) (issue 16)', async () => {
    const plain = await startGateway(up.url);
    try {
      const { key: k } = await plain.newKey('acct_plain');
      const c = new OpenAI({ baseURL: `${plain.url}/v1`, apiKey: k, maxRetries: 0 });
      assert.equal(
        (await c.responses.create({ model: 'gpt-test', input: 'x' })).output_text,
        DOUBLE_TEXT,
      );
      assert.equal(
        (await c.completions.create({ model: 'gpt-test', prompt: 'x' })).choices[0]!.text,
        DOUBLE_TEXT,
      );
    } finally {
      await plain.close();
    }
  });
});
