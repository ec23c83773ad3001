import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { QUESTIONS } from '../test-support/questions.js';
import { defaultExtensions } from './index.js';
import { main, makeContext } from '../cli/main.js';
import { Writable } from 'node:stream';

let gw: TestGateway;
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

test('issue 6: watermarking is configurable per tier; issue 14: response_format does not switch it off', async () => {
  const ent = (await gw.newKey('acct_ent', { tier: 'enterprise' })).key;
  const pro = (await gw.newKey('acct_pro', { tier: 'pro' })).key;
  const ask = async (k: string, content: string, extra: Record<string, unknown> = {}) => {
    const res = await fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k}` },
      body: JSON.stringify({
        model: 'moat-demo',
        temperature: 0,
        max_tokens: 1500,
        messages: [{ role: 'user', content }],
        ...extra,
      }),
    });
    assert.ok(res.headers.get('moat-receipt'), 'receipts stay on');
    return ((await res.json()) as any).choices[0].message.content as string;
  };
  let differs = 0;
  // Varied prompts: a template sent by every account would rightly interest the detector.
  const prompts = [
    'Tell me about forests.',
    'How do rivers form deltas?',
    'What is a glacier?',
    'Why do leaves change colour?',
    'Describe a coral reef.',
  ];
  for (const prompt of prompts) {
    const plain = await ask(ent, prompt);
    const marked = await ask(pro, prompt);
    if (plain !== marked) differs++;
    // The demo model answers prose whatever response_format says: prose is marked as prose.
    assert.equal(
      await ask(pro, prompt, { response_format: { type: 'json_object' } }),
      marked,
      'JSON mode on prose is marked',
    );
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

test('issue 6: a stream carries a receipt comment covering the concatenated deltas; served text is watermarked', async () => {
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
      const comment = /^: moat-receipt (.*)$/m.exec(block)?.[1];
      // Issue 16: an SSE comment before message_stop, which no SDK parser yields.
      if (comment) {
        assert.ok(
          raw.indexOf(block) < raw.indexOf('event: message_stop'),
          'receipt before the terminator',
        );
        receipt = JSON.parse(comment).receipt;
      }
      if (!data) continue;
      const d = JSON.parse(data);
      if (ev === 'content_block_delta' && d.delta.type === 'text_delta') text += d.delta.text;
    }
    assert.ok(receipt, 'receipt comment');
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
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 40,
          messages: [{ role: 'user', content: q }],
        }),
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
    assert.notEqual(
      (await cli(['provenance', 'verify', '--text', file, '--receipt', a.receipt])).code,
      0,
      'another answer does not match',
    );
  }
});
