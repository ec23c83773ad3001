import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { QUESTIONS } from '../test-support/questions.js';
import { runMoat } from '../test-support/cli.js';
import { defaultExtensions } from './index.js';

let gw: TestGateway;

before(async () => {
  gw = await startGateway(
    undefined,
    { demo: { meanTokens: 700 } },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
});

const cli = (args: string[]) => runMoat(args, { MOAT_DATA_DIR: gw.dataDir });

/** `n` answers served to one key, streamed and not, over both APIs; their text joined. */
async function serve(key: string, n: number, offset: number): Promise<string> {
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const q = QUESTIONS[(offset + i) % QUESTIONS.length]!;
    if (i % 2 === 0) {
      const res = await fetch(gw.url + '/v1/chat/completions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 1500,
          messages: [{ role: 'user', content: q }],
        }),
      });
      assert.equal(res.status, 200);
      texts.push(
        ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message
          .content,
      );
    } else {
      const res = await fetch(gw.url + '/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 1500,
          stream: true,
          messages: [{ role: 'user', content: q }],
        }),
      });
      assert.equal(res.status, 200);
      let text = '';
      for (const block of (await res.text()).split('\n\n')) {
        const data = /^data: (.*)$/m.exec(block)?.[1];
        const d = data
          ? (JSON.parse(data) as { type?: string; delta?: { type?: string; text?: string } })
          : undefined;
        if (d?.type === 'content_block_delta' && d.delta?.type === 'text_delta')
          text += d.delta.text;
      }
      texts.push(text);
    }
  }
  return texts.join('\n\n');
}

test('issue 15: text a running gateway served to account A is attributed to A by moat provenance detect', async () => {
  const alice = await gw.newKey('acct_alice', { tier: 'pro' });
  const bob = await gw.newKey('acct_bob', { tier: 'pro' });
  const carol = await gw.newKey('acct_carol', { tier: 'pro' });
  for (const a of ['acct_alice', 'acct_bob', 'acct_carol'])
    assert.equal(
      (await gw.admin('PUT', `/accounts/${a}/limits`, { requestsPerMinute: 10_000 })).status,
      200,
    );
  const served = await serve(alice.key, 12, 0);
  await serve(bob.key, 2, 5);
  await serve(carol.key, 2, 9);
  const file = join(gw.dataDir, 'served-to-alice.txt');
  writeFileSync(file, served);
  const r = await cli(['provenance', 'detect', '--json', file]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout) as {
    verdict: string;
    pValue: number;
    tokens: number;
    accounts: { account: string; pValue: number }[];
  };
  assert.equal(doc.verdict, 'watermarked', r.stdout);
  assert.deepEqual(
    doc.accounts.map((a) => a.account),
    ['acct_alice'],
    'named: A, and only A',
  );
  const human = await cli(['provenance', 'detect', file]);
  assert.match(human.stdout, /served to: acct_alice \(p = /);
});
