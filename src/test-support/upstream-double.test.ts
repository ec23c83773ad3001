import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startUpstreamDouble } from './upstream-double.js';
import type { UpstreamDouble } from './upstream-double.js';
import { DOUBLE_TEXT, DOUBLE_USAGE } from './double-bodies.js';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

describe('upstream double', () => {
  let d: UpstreamDouble;
  before(async () => {
    d = await startUpstreamDouble({ slowDelayMs: 10 });
  });
  after(() => d.close());

  const post = (
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ) =>
    fetch(`${d.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });

  it('listens on 127.0.0.1 with a /v1 base URL and records requests', async () => {
    assert.match(d.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await post(
      '/chat/completions',
      { model: 'x', messages: [] },
      { authorization: 'Bearer k' },
    );
    const j = (await res.json()) as {
      model: string;
      choices: Array<{ message: { content: string } }>;
    };
    assert.equal(j.model, 'x');
    assert.equal(j.choices[0]!.message.content, DOUBLE_TEXT);
    const rec = d.requests.at(-1)!;
    assert.equal(rec.path, '/v1/chat/completions');
    assert.equal(rec.headers['authorization'], 'Bearer k');
    assert.deepEqual(rec.body, { model: 'x', messages: [] });
  });

  it('streams both protocols as SSE', async () => {
    const o = await (
      await post('/chat/completions', {
        model: 'x',
        stream: true,
        stream_options: { include_usage: true },
      })
    ).text();
    assert.match(o, /"usage":\{"prompt_tokens"/);
    assert.ok(o.endsWith('data: [DONE]\n\n'));
    const a = await post('/messages', { model: 'x', stream: true });
    assert.equal(a.headers.get('content-type'), 'text/event-stream');
    const text = await a.text();
    assert.ok(text.startsWith('event: message_start\n'));
    assert.ok(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n'));
  });

  it('switches mode by header, by model name, and by setMode', async () => {
    assert.equal(
      (await post('/messages', { model: 'x' }, { 'x-double-mode': 'error-400' })).status,
      400,
    );
    const r = await post('/messages', { model: 'double/error-500' });
    assert.equal(r.status, 500);
    assert.deepEqual(((await r.json()) as { type: string }).type, 'error');
    d.setMode('non-json-500');
    const t = await post('/chat/completions', { model: 'x' });
    d.setMode('normal');
    assert.equal(t.status, 500);
    assert.match(await t.text(), /<html>/);
  });

  it('counts client aborts', async () => {
    const before = d.aborted;
    const ac = new AbortController();
    const res = await post(
      '/chat/completions',
      { model: 'double/slow-stream', stream: true },
      {},
      ac.signal,
    );
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await d.waitForAbort(before + 1);
    assert.equal(d.aborted, before + 1);
  });

  it('lists models', async () => {
    const j = (await (await fetch(`${d.url}/models`)).json()) as { data: Array<{ id: string }> };
    assert.equal(j.data[0]!.id, 'double-model');
  });

  it('is read correctly by the official SDKs, streaming and not', async () => {
    const openai = new OpenAI({ baseURL: d.url, apiKey: 'k', maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'hi' }];
    const o = await openai.chat.completions.create({ model: 'x', messages });
    assert.equal(o.choices[0]?.message.content, DOUBLE_TEXT);
    const os = await openai.chat.completions
      .stream({ model: 'x', messages, stream_options: { include_usage: true } })
      .finalChatCompletion();
    assert.equal(os.choices[0]?.message.content, DOUBLE_TEXT);
    assert.equal(os.usage?.completion_tokens, DOUBLE_USAGE.output);
    const anthropic = new Anthropic({
      baseURL: d.url.replace(/\/v1$/, ''),
      apiKey: 'k',
      maxRetries: 0,
    });
    const a = await anthropic.messages.create({ model: 'x', max_tokens: 10, messages });
    assert.deepEqual(a.content, [{ type: 'text', text: DOUBLE_TEXT }]);
    const as = await anthropic.messages
      .stream({ model: 'x', max_tokens: 10, messages })
      .finalMessage();
    assert.equal(as.content[0]?.type === 'text' ? as.content[0].text : '', DOUBLE_TEXT);
    assert.equal(as.usage.output_tokens, DOUBLE_USAGE.output);
    await assert.rejects(
      anthropic.messages.create({ model: 'double/error-400', max_tokens: 10, messages }),
      Anthropic.BadRequestError,
    );
  });
});
