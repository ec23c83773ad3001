import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { encodeSse } from '../upstream/sse.js';
import { createDemoUpstream, preloadDemo } from './index.js';

/**
 * The demo's wire shapes, checked by the official SDKs' own stream accumulators: the demo is
 * served over a bare node:http server (what the gateway does, minus everything else).
 */
describe('demo upstream read by the official SDKs', () => {
  let server: Server;
  let base: string;
  before(async () => {
    await preloadDemo();
    const demo = createDemoUpstream('demo', { tokensPerSecond: 0, meanTokens: 80 });
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, unknown>;
        const protocol = req.url?.endsWith('/messages') ? 'anthropic' : 'openai';
        const signal = new AbortController().signal;
        void demo
          .call({ protocol, body, stream: body['stream'] === true, signal, requestId: 'r' })
          .then(async (r) => {
            if (!r.events)
              return void res
                .writeHead(r.status, { 'content-type': 'application/json' })
                .end(JSON.stringify(r.json));
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            for await (const ev of r.events) res.write(encodeSse(ev));
            res.end();
          });
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('openai: create and stream', async () => {
    const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'unused', maxRetries: 0 });
    const messages = [{ role: 'user' as const, content: 'What is a river?' }];
    const done = await client.chat.completions.create({
      model: 'moat-demo',
      messages,
      temperature: 0,
    });
    assert.ok((done.choices[0]?.message.content ?? '').length > 20);
    const stream = client.chat.completions.stream({
      model: 'moat-demo',
      messages,
      temperature: 0,
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    assert.equal(final.choices[0]?.message.content, done.choices[0]?.message.content);
    assert.equal(final.usage?.completion_tokens, done.usage?.completion_tokens);
    assert.equal(final.choices[0]?.finish_reason, 'stop');
  });

  it('anthropic: create and stream, with thinking from the reasoner', async () => {
    const client = new Anthropic({ baseURL: base, apiKey: 'unused', maxRetries: 0 });
    const params = {
      model: 'moat-demo-reasoner',
      max_tokens: 400,
      temperature: 0,
      messages: [{ role: 'user' as const, content: 'What is a river?' }],
    };
    const done = await client.messages.create(params);
    const final = await client.messages.stream(params).finalMessage();
    assert.deepEqual(
      final.content.map((b) => b.type),
      ['thinking', 'text'],
    );
    assert.deepEqual(final.content, done.content);
    assert.equal(final.usage.output_tokens, done.usage.output_tokens);
    assert.equal(final.stop_reason, done.stop_reason);
  });
});
