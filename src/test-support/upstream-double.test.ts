import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startUpstreamDouble } from './upstream-double.js';
import type { UpstreamDouble } from './upstream-double.js';
import { DOUBLE_TEXT } from './double-bodies.js';

describe('upstream double', () => {
  let d: UpstreamDouble;
  before(async () => {
    d = await startUpstreamDouble({ slowDelayMs: 10 });
  });
  after(() => d.close());

  const post = (path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) =>
    fetch(`${d.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });

  it('listens on 127.0.0.1 with a /v1 base URL and records requests', async () => {
    assert.match(d.url, /^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const res = await post('/chat/completions', { model: 'x', messages: [] }, { authorization: 'Bearer k' });
    const j = (await res.json()) as { model: string; choices: Array<{ message: { content: string } }> };
    assert.equal(j.model, 'x');
    assert.equal(j.choices[0]!.message.content, DOUBLE_TEXT);
    const rec = d.requests.at(-1)!;
    assert.equal(rec.path, '/v1/chat/completions');
    assert.equal(rec.headers['authorization'], 'Bearer k');
    assert.deepEqual(rec.body, { model: 'x', messages: [] });
  });

  it('streams both protocols as SSE', async () => {
    const o = await (await post('/chat/completions', { model: 'x', stream: true, stream_options: { include_usage: true } })).text();
    assert.match(o, /"usage":\{"prompt_tokens"/);
    assert.ok(o.endsWith('data: [DONE]\n\n'));
    const a = await post('/messages', { model: 'x', stream: true });
    assert.equal(a.headers.get('content-type'), 'text/event-stream');
    const text = await a.text();
    assert.ok(text.startsWith('event: message_start\n'));
    assert.ok(text.endsWith('event: message_stop\ndata: {"type":"message_stop"}\n\n'));
  });

  it('switches mode by header, by model name, and by setMode', async () => {
    assert.equal((await post('/messages', { model: 'x' }, { 'x-double-mode': 'error-400' })).status, 400);
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
    const res = await post('/chat/completions', { model: 'double/slow-stream', stream: true }, {}, ac.signal);
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
});
