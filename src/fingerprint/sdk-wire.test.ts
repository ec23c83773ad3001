/**
 * Fingerprints of real SDK requests on the wire: the official OpenAI and Anthropic
 * Node SDKs call a real HTTP server on port 0, and the server fingerprints node's
 * `req.rawHeaders` exactly as the gateway will.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { fingerprintConfigSchema } from './config.js';
import { computeFingerprint, type Fingerprint } from './fingerprint.js';

const cfg = fingerprintConfigSchema.parse({});

async function capture(
  send: (baseURL: string) => Promise<unknown>,
  reply: unknown,
): Promise<Fingerprint> {
  let fp: Fingerprint | undefined;
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      fp = computeFingerprint(
        {
          rawHeaders: req.rawHeaders,
          httpVersion: req.httpVersion,
          remoteAddress: req.socket.remoteAddress ?? '',
          body,
        },
        cfg,
      );
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await send(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  assert.ok(fp, 'the server saw the request');
  return fp;
}

const chatReply = {
  id: 'x',
  object: 'chat.completion',
  created: 0,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }],
};
const msgReply = {
  id: 'x',
  type: 'message',
  role: 'assistant',
  model: 'm',
  content: [{ type: 'text', text: 'hi' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 1, output_tokens: 1 },
};

test('issue 5: the OpenAI Node SDK is recognised from its real request', async () => {
  const fp = await capture(
    (baseURL) =>
      new OpenAI({
        apiKey: 'sk-test',
        baseURL: `${baseURL}/v1`,
        maxRetries: 0,
      }).chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    chatReply,
  );
  assert.equal(fp.uaFamily, 'openai-sdk');
  assert.match(fp.sdk, /^openai-node\/\d+\.\d+\.\d+$/);
  assert.match(fp.parts.runtime ?? '', /^node\/v20\./);
  assert.equal(fp.ip, '127.0.0.1');
  assert.equal(fp.bodyShape, 'model,messages|');
  assert.ok(fp.headerOrder.includes('authorization'));
});

test('issue 5: the Anthropic Node SDK is recognised from its real request', async () => {
  const fp = await capture(
    (baseURL) =>
      new Anthropic({ apiKey: 'sk-ant-test', baseURL, maxRetries: 0 }).messages.create({
        model: 'm',
        max_tokens: 16,
        messages: [{ role: 'user', content: 'hi' }],
      }),
    msgReply,
  );
  assert.equal(fp.uaFamily, 'anthropic-sdk');
  assert.match(fp.sdk, /^anthropic-node\/\d+\.\d+\.\d+$/);
  assert.ok(fp.headerOrder.includes('x-api-key') || fp.headerOrder.includes('authorization'));
  assert.ok(fp.headerOrder.includes('anthropic-version'));
});
