import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway, type TestGateway } from '../../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { main, makeContext } from '../main.js';
import { Writable } from 'node:stream';

let gw: TestGateway;
// Varied questions: one template sent 30 times would rightly raise the account (and degrade it).
const QUESTIONS = [
  'How do mountains form?', 'What makes the sea salty?', 'Tell me about the history of paper.', 'Why is the sky blue?',
  'Explain how bees make honey.', 'What is a volcano?', 'How do trains stay on the rails?', 'Describe life in a desert.',
  'What do owls eat?', 'How are clouds made?', 'What is a comet?', 'Why do cats purr?', 'How does a compass work?',
  'What is the tallest tree?', 'How do fish breathe?',
];
let key: string;

before(async () => {
  gw = await startGateway(
    undefined,
    { demo: { meanTokens: 700 }, provenance: { tiers: { enterprise: { watermark: false } } } },
    { extensions: defaultExtensions },
  );
  key = (await gw.newKey('acct_prov', { tier: 'pro' })).key;
  await gw.admin('PUT', '/accounts/acct_prov/limits', { requestsPerMinute: 10_000 });
});
after(async () => {
  await gw.close();
});

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

async function cli(args: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(args, makeContext({ MOAT_DATA_DIR: gw.dataDir }, out.stream, err.stream));
  return { code, stdout: out.text(), stderr: err.text() };
}

test('issue 6: watermarking is configurable per tier and never touches JSON-mode output', async () => {
  const ent = (await gw.newKey('acct_ent', { tier: 'enterprise' })).key;
  const pro = (await gw.newKey('acct_pro', { tier: 'pro' })).key;
  const ask = async (k: string, content: string, extra: Record<string, unknown> = {}) => {
    const res = await fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` },
      body: JSON.stringify({ model: 'moat-demo', temperature: 0, max_tokens: 1500, messages: [{ role: 'user', content }], ...extra }),
    });
    assert.ok(res.headers.get('moat-receipt'), 'receipts stay on');
    return ((await res.json()) as any).choices[0].message.content as string;
  };
  let differs = 0;
  // Varied prompts: a template sent by every account would rightly interest the detector.
  const prompts = ['Tell me about forests.', 'How do rivers form deltas?', 'What is a glacier?', 'Why do leaves change colour?', 'Describe a coral reef.'];
  for (const prompt of prompts) {
    const plain = await ask(ent, prompt);
    const marked = await ask(pro, prompt);
    if (plain !== marked) differs++;
    assert.equal(await ask(pro, prompt, { response_format: { type: 'json_object' } }), plain, 'JSON mode is served unmarked');
  }
  assert.ok(differs > 0, 'the pro tier is watermarked, the enterprise tier is not');
});

test('issue 6: a non-streaming answer carries a receipt that moat provenance verify accepts, and rejects when altered', async () => {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model: 'moat-demo',
      messages: [{ role: 'user', content: 'Tell me about lakes.' }],
    }),
  });
  const receipt = res.headers.get('moat-receipt');
  assert.ok(receipt, 'moat-receipt header');
  const body = (await res.json()) as any;
  const text = body.choices[0].message.content as string;
  const file = join(gw.dataDir, 'answer.txt');
  writeFileSync(file, text);
  const ok = await cli(['provenance', 'verify', '--text', file, '--receipt', receipt!]);
  assert.equal(ok.code, 0, ok.stderr);
  writeFileSync(file, text + ' ');
  const bad = await cli(['provenance', 'verify', '--text', file, '--receipt', receipt!]);
  assert.notEqual(bad.code, 0);
  assert.ok(bad.stderr.length > 0);
  const jwks = (await (await fetch(gw.url + '/.well-known/moat-keys')).json()) as any;
  assert.equal(jwks.keys[0].crv, 'Ed25519');
});

test('issue 6: a stream ends with a receipt event covering the concatenated deltas; served text is watermarked', async () => {
  let all = '';
  for (let i = 0; i < 30; i++) {
    const res = await fetch(gw.url + '/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        model: 'moat-demo',
        max_tokens: 1500,
        stream: true,
        messages: [{ role: 'user', content: QUESTIONS[i % QUESTIONS.length]! }],
      }),
    });
    const raw = await res.text();
    let text = '';
    let receipt = '';
    for (const block of raw.split('\n\n')) {
      const ev = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!data) continue;
      const d = JSON.parse(data);
      if (ev === 'content_block_delta' && d.delta.type === 'text_delta') text += d.delta.text;
      if (ev === 'moat-receipt') receipt = d.receipt;
    }
    assert.ok(receipt, 'trailing receipt event');
    const file = join(gw.dataDir, `s${i}.txt`);
    writeFileSync(file, text);
    const v = await cli(['provenance', 'verify', '--text', file, '--receipt', receipt]);
    assert.equal(v.code, 0, v.stderr);
    all += text + '\n\n';
  }
  const file = join(gw.dataDir, 'all.txt');
  writeFileSync(file, all);
  const d = await cli(['provenance', 'detect', '--json', file]);
  assert.equal(d.code, 0, d.stderr);
  const r = JSON.parse(d.stdout);
  assert.equal(r.verdict, 'watermarked', d.stdout);
  assert.ok(r.pValue < 1e-4);
});

test('issue 6: concurrent answers (signed alone or in a batch, whichever the timing gives) each verify against their own text only', async () => {
  const answers = await Promise.all(
    QUESTIONS.slice(0, 12).map(async (q) => {
      const res = await fetch(gw.url + '/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ model: 'moat-demo', max_tokens: 40, messages: [{ role: 'user', content: q }] }),
      });
      const text = ((await res.json()) as any).choices[0].message.content as string;
      return { text, receipt: res.headers.get('moat-receipt')! };
    }),
  );
  for (const [i, a] of answers.entries()) {
    assert.ok(a.receipt, 'every answer has a receipt');
    const file = join(gw.dataDir, `c${i}.txt`);
    writeFileSync(file, a.text);
    const ok = await cli(['provenance', 'verify', '--text', file, '--receipt', a.receipt]);
    assert.equal(ok.code, 0, ok.stderr);
    writeFileSync(file, answers[(i + 1) % answers.length]!.text);
    assert.notEqual((await cli(['provenance', 'verify', '--text', file, '--receipt', a.receipt])).code, 0, 'another answer does not match');
  }
});
