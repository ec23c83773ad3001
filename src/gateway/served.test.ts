/**
 * Issue 13: the gateway records what it served — the answer's shape and the reasoning tokens
 * beside it — in each telemetry event, through a running gateway, JSON and stream.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { servedShape } from '../telemetry/served.js';

const ANSWER = 'Step 1: let x be the number\nStep 2: 2x + 4 = 10\nStep 3: x = 3';
/** What the upstream serves a prompt that asks for a rating: a grade and its reason. */
const GRADE = 'Puntuación: 8/10\n\nLa respuesta es clara y correcta.';

/** An OpenAI-compatible upstream that reasons: reasoning_content beside the answer, reasoning tokens in usage. */
function reasoner(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      if (req.method === 'GET') {
        // The gateway's upstream health check lists the models.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            data: [{ id: 'r', object: 'model', created: 1, owned_by: 'test' }],
          }),
        );
        return;
      }
      const stream = (JSON.parse(body) as { stream?: boolean }).stream === true;
      const answer = body.includes('Califica') ? GRADE : ANSWER;
      const usage = {
        prompt_tokens: 12,
        completion_tokens: 90,
        total_tokens: 102,
        completion_tokens_details: { reasoning_tokens: 70 },
      };
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'c1',
            object: 'chat.completion',
            created: 1,
            model: 'r',
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: answer,
                  reasoning_content: 'hidden thoughts',
                },
                finish_reason: 'stop',
              },
            ],
            usage,
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'r', choices: [{ index: 0, delta, finish_reason: null }], ...extra })}\n\n`;
      res.write(chunk({ role: 'assistant', reasoning_content: 'x'.repeat(400) }));
      for (const line of answer.split('\n')) res.write(chunk({ content: line + '\n' }));
      res.write(
        `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'r', choices: [], usage: { prompt_tokens: 12, completion_tokens: 90 } })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server }),
    ),
  );
}

let up: { url: string; server: Server };
let gw: TestGateway;

before(async () => {
  up = await reasoner();
  gw = await startGateway(up.url);
});
after(async () => {
  await gw.close();
  up.server.close();
});

async function lastEvent(account: string): Promise<any> {
  await gw.app.flushTelemetry();
  const r = await gw.admin('GET', `/events?account=${account}&limit=10`);
  assert.equal(r.status, 200);
  return r.json.data.at(-1);
}

test('gateway: a JSON answer is recorded with its served shape and the upstream’s reasoning tokens (issue 13)', async () => {
  const { account, key } = await gw.newKey('acct_served_json');
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Kwa nini? Eleza kila hatua.' }],
    }),
  });
  assert.equal(res.status, 200);
  const text = ((await res.json()) as { choices: Array<{ message: { content: string } }> })
    .choices[0]!.message.content;
  const ev = await lastEvent(account);
  assert.deepEqual(ev.response.served, servedShape(text));
  assert.equal(ev.response.served.steps, 3);
  assert.equal(ev.response.reasoningTokens, 70);
});

test('gateway: a stream’s served shape is measured on the concatenated deltas; reasoning text without a count is estimated (issue 13)', async () => {
  const { account, key } = await gw.newKey('acct_served_stream');
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'gpt-test',
      stream: true,
      messages: [{ role: 'user', content: 'Neden? Her adımı yaz.' }],
    }),
  });
  assert.equal(res.status, 200);
  await res.text();
  const ev = await lastEvent(account);
  assert.equal(ev.response.served.steps, 3);
  assert.equal(ev.response.served.math, 2);
  assert.equal(
    ev.response.reasoningTokens,
    100,
    '400 characters of reasoning_content ≈ 100 tokens',
  );
});

test('gateway: a grade served is recorded in the event (served.grades), in the language it was written in (issue 13)', async () => {
  const { account, key } = await gw.newKey('acct_served_grade');
  for (const stream of [false, true]) {
    const res = await fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'gpt-test',
        stream,
        messages: [
          { role: 'user', content: 'Califica esta respuesta del 1 al 10: el río es largo.' },
        ],
      }),
    });
    assert.equal(res.status, 200);
    await res.text();
    const ev = await lastEvent(account);
    assert.equal(ev.response.served.grades, 1, JSON.stringify(ev.response.served));
    assert.equal(ev.response.served.steps, 0);
  }
});
