import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { Challenger, CHALLENGE_HEADER, SOLUTION_HEADER } from './challenge.js';
import { solveChallenge, withMoatChallenges } from './client.js';

/** A real HTTP server that challenges every request without a valid solution. */
async function challengingServer(
  pow: Challenger,
): Promise<{ url: string; bodies: string[]; close: () => Promise<void> }> {
  const bodies: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      void (async () => {
        const sol = req.headers[SOLUTION_HEADER];
        const ok = typeof sol === 'string' && (await pow.verifySolution('acct_1', sol)).ok;
        if (!ok) {
          const { header, body: extra } = pow.issueChallenge({ account: 'acct_1', score: 0.5 });
          res.writeHead(429, {
            'content-type': 'application/json',
            [CHALLENGE_HEADER]: header,
            'retry-after': '0',
          });
          res.end(
            JSON.stringify({
              error: {
                message: 'Proof of work required',
                type: 'rate_limit_error',
                code: 'MOAT_CHALLENGE_REQUIRED',
                ...extra,
              },
            }),
          );
          return;
        }
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' });
        if (req.url?.includes('/messages')) {
          res.end(
            JSON.stringify({
              id: 'm',
              type: 'message',
              role: 'assistant',
              model: 'c',
              content: [{ type: 'text', text: 'ok' }],
              stop_reason: 'end_turn',
              stop_sequence: null,
              usage: { input_tokens: 1, output_tokens: 1 },
            }),
          );
        } else {
          res.end(
            JSON.stringify({
              id: 'c',
              object: 'chat.completion',
              created: 0,
              model: 'm',
              choices: [
                { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
              ],
            }),
          );
        }
      })();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const pow = () =>
  new Challenger({
    secret: 'client-test-secret-client-test-secret',
    minDifficulty: 100,
    maxDifficulty: 1000,
  });

test('client: plain fetch solves the challenge and replays the body', async () => {
  const srv = await challengingServer(pow());
  const f = withMoatChallenges();
  const res = await f(`${srv.url}/v1/chat/completions`, {
    method: 'POST',
    body: '{"a":1}',
    headers: { 'content-type': 'application/json' },
  });
  assert.equal(res.status, 200);
  assert.deepEqual(srv.bodies, ['{"a":1}']);
  const req = new Request(`${srv.url}/v1/x`, { method: 'POST', body: '{"b":2}' });
  assert.equal((await f(req)).status, 200);
  assert.deepEqual(srv.bodies, ['{"a":1}', '{"b":2}']);
  await srv.close();
});

test('client: works as the fetch of the official OpenAI and Anthropic SDKs (issue 4)', async () => {
  const srv = await challengingServer(pow());
  const openai = new OpenAI({
    apiKey: 'k',
    baseURL: `${srv.url}/v1`,
    fetch: withMoatChallenges(),
    maxRetries: 0,
  });
  const c = await openai.chat.completions.create({
    model: 'm',
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(c.choices[0]?.message.content, 'ok');
  const anthropic = new Anthropic({
    apiKey: 'k',
    baseURL: srv.url,
    fetch: withMoatChallenges(),
    maxRetries: 0,
  });
  const m = await anthropic.messages.create({
    model: 'c',
    max_tokens: 5,
    messages: [{ role: 'user', content: 'hi' }],
  });
  assert.equal(m.content[0]?.type, 'text');
  await srv.close();
});

test('client: gives up and returns the 429 when a challenge is too hard or keeps coming', async () => {
  const srv = await challengingServer(pow());
  const res = await withMoatChallenges(undefined, { maxDifficulty: 10 })(`${srv.url}/v1/x`, {
    method: 'POST',
    body: '{}',
  });
  assert.equal(res.status, 429);
  assert.ok(res.headers.get(CHALLENGE_HEADER));
  assert.equal(await solveChallenge('garbage'), null);
  await srv.close();
});
