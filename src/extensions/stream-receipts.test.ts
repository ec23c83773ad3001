import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KeyObject } from 'node:crypto';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { keysFromJwks, verifyReceipt } from '../provenance/index.js';
import { defaultExtensions } from './index.js';

interface Receipts {
  id: string;
  requestId: string;
  responseId: string | null;
  receipts: Array<{ choice?: number; receipt: string }>;
}

/**
 * Issue 16: a stream's receipt travels as an SSE comment before the terminator, where no
 * SDK parser sees it, one per choice; GET /v1/receipts/{id} returns it by response id.
 * The official SDKs' iterators must finish normally, and the receipt must verify.
 */
describe('issue 16: stream receipts the official SDKs never trip over', () => {
  let up: UpstreamDouble;
  let gw: TestGateway;
  let key: string;
  let other: string;
  let publicKeys: Map<string, KeyObject>;
  let openai: OpenAI;
  let anthropic: Anthropic;

  const fetchReceipts = async (
    id: string,
    k = key,
  ): Promise<{ status: number; body: Receipts }> => {
    const res = await fetch(`${gw.url}/v1/receipts/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${k}` },
    });
    return { status: res.status, body: (await res.json()) as Receipts };
  };
  const verifies = (text: string, receipt: string) => {
    const r = verifyReceipt(text, receipt, publicKeys);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    return r.fields;
  };

  before(async () => {
    up = await startUpstreamDouble();
    gw = await startGateway(
      up.url,
      { demo: { meanTokens: 60 } },
      { extensions: defaultExtensions },
    );
    ({ key } = await gw.newKey('acct_receipts', { tier: 'pro' }));
    ({ key: other } = await gw.newKey('acct_receipts_other', { tier: 'pro' }));
    await gw.admin('PUT', '/accounts/acct_receipts/limits', { requestsPerMinute: 10_000 });
    publicKeys = keysFromJwks(
      (await (await fetch(`${gw.url}/.well-known/moat-keys`)).json()) as Parameters<
        typeof keysFromJwks
      >[0],
    );
    openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: gw.url, apiKey: key, maxRetries: 0 });
  });
  after(async () => {
    await gw.close();
    await up.close();
  });

  it('openai: n=2 stream iterates to the end; one receipt per choice, each verifying its own text (issue 16)', async () => {
    const stream = await openai.chat.completions.create({
      model: 'moat-demo',
      n: 2,
      stream: true,
      messages: [{ role: 'user', content: 'Tell me about rivers.' }],
    });
    const texts = ['', ''];
    let id = '';
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      assert.ok(Array.isArray(chunk.choices), 'every chunk the SDK yields is a completion chunk');
      id = chunk.id;
      for (const c of chunk.choices) texts[c.index] += c.delta.content ?? '';
    }
    assert.ok(chunks > 3 && texts[0] && texts[1] && texts[0] !== texts[1]);
    const { status, body } = await fetchReceipts(id);
    assert.equal(status, 200);
    assert.equal(body.responseId, id);
    assert.deepEqual(
      body.receipts.map((r) => r.choice),
      [0, 1],
    );
    for (const r of body.receipts) {
      const fields = verifies(texts[r.choice!]!, r.receipt);
      assert.equal(fields.choice, r.choice);
      assert.equal(fields.account, 'acct_receipts');
      assert.equal(
        verifyReceipt(texts[1 - r.choice!]!, r.receipt, publicKeys).ok,
        false,
        'not the other choice',
      );
    }
    // The same record by request id.
    assert.equal((await fetchReceipts(body.requestId)).status, 200);
    // Another account's key cannot read it.
    assert.equal((await fetchReceipts(id, other)).status, 404);
  });

  it('openai: the receipt is a comment before data: [DONE], which stays the last event (issue 16)', async () => {
    for (const model of ['moat-demo', 'gpt-test']) {
      const res = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          model,
          stream: true,
          messages: [{ role: 'user', content: 'Hello there.' }],
        }),
      });
      const raw = await res.text();
      const blocks = raw.split('\n\n').filter((b) => b.trim());
      assert.equal(blocks.at(-1), 'data: [DONE]', `${model}: [DONE] is last`);
      const comment = blocks.at(-2)!;
      assert.match(
        comment,
        /^: moat-receipt \{/,
        `${model}: the receipt comment just before [DONE]`,
      );
      assert.ok(!raw.includes('event: moat-receipt'), 'no named receipt event');
      let text = '';
      for (const b of blocks) {
        const data = /^data: (\{.*)$/m.exec(b)?.[1];
        if (data)
          text +=
            (JSON.parse(data) as { choices: Array<{ delta?: { content?: string } }> }).choices[0]
              ?.delta?.content ?? '';
      }
      const { receipt } = JSON.parse(comment.slice(': moat-receipt '.length)) as {
        receipt: string;
      };
      verifies(text, receipt);
    }
  });

  it('openai: the stream helper and a non-streaming answer, fetched by id (issue 16)', async () => {
    const helper = openai.chat.completions.stream({
      model: 'moat-demo',
      messages: [{ role: 'user', content: 'What is a lake?' }],
    });
    const done = await helper.finalChatCompletion();
    const text = done.choices[0]!.message.content!;
    const { body } = await fetchReceipts(done.id);
    verifies(text, body.receipts[0]!.receipt);

    const { data, response } = await openai.chat.completions
      .create({ model: 'moat-demo', messages: [{ role: 'user', content: 'What is a hill?' }] })
      .withResponse();
    const header = response.headers.get('moat-receipt')!;
    verifies(data.choices[0]!.message.content!, header);
    const fetched = await fetchReceipts(data.id);
    assert.deepEqual(fetched.body.receipts, [{ receipt: header }]);
  });

  it('anthropic: messages.stream and a raw create({stream}) finish normally; the receipt comes before message_stop (issue 16)', async () => {
    const stream = anthropic.messages.stream({
      model: 'moat-demo',
      max_tokens: 300,
      messages: [{ role: 'user', content: 'Tell me about owls.' }],
    });
    const message = await stream.finalMessage();
    const text = message.content.map((b) => (b.type === 'text' ? b.text : '')).join('');
    const { body } = await fetchReceipts(message.id);
    assert.equal(body.receipts.length, 1);
    assert.equal(body.receipts[0]!.choice, undefined);
    verifies(text, body.receipts[0]!.receipt);

    const raw = await anthropic.messages.create({
      model: 'claude-test',
      max_tokens: 64,
      stream: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
    const types: string[] = [];
    let id = '';
    let streamed = '';
    for await (const ev of raw) {
      types.push(ev.type);
      if (ev.type === 'message_start') id = ev.message.id;
      if (ev.type === 'content_block_delta' && ev.delta.type === 'text_delta')
        streamed += ev.delta.text;
    }
    assert.equal(types.at(-1), 'message_stop');
    assert.ok(
      types.every((t) => !t.startsWith('moat')),
      'the SDK yields no receipt event',
    );
    verifies(streamed, (await fetchReceipts(id)).body.receipts[0]!.receipt);
  });

  it('GET /v1/receipts/{id}: a key is needed; an unknown id is a 404 in the caller shape (issue 16)', async () => {
    assert.equal((await fetch(`${gw.url}/v1/receipts/chatcmpl-x`)).status, 401);
    const res = await fetch(`${gw.url}/v1/receipts/msg_nope`, {
      headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' },
    });
    assert.equal(res.status, 404);
    const body = (await res.json()) as { type: string; error: { type: string; code: string } };
    assert.equal(body.error.type, 'not_found_error');
    assert.equal(body.error.code, 'MOAT_NOT_FOUND');
  });
});
