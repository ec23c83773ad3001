import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main, makeContext } from '../main.js';
import { loadConfig } from '../../config/config.js';
import { openStore } from '../../store/index.js';
import { publicKeyFrom, verifyBytes } from '../../audit/signer.js';

test('moat usage writes a signed CSV report and its .sig (issue 7)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-usage-cli-'));
  const env = { MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  try {
    const store = await openStore(loadConfig(env));
    await store.createAccount({
      id: 'a1',
      createdAt: 1,
      verified: { at: 1, by: 'x', organization: 'org_1' },
    });
    const base = {
      key: 'k',
      endpoint: 'chat.completions' as const,
      request: { messages: [] },
      status: 200,
      response: { text: '', inputTokens: 3, outputTokens: 7, finishReason: 'stop', latencyMs: 1 },
    };
    await store.insertEvents([
      { ...base, ts: 1000, account: 'a1', model: 'm', action: 'allow' },
      { ...base, ts: 2000, account: 'a1', model: 'm', action: 'throttle' },
      { ...base, ts: 2500, account: 'a2', model: 'm', action: 'allow' },
    ]);
    await store.close();
    const out = join(dir, 'usage.csv');
    const err = new PassThrough();
    const code = await main(
      ['usage', '--account', 'a1', '--from', '0', '--to', '10000', '--format', 'csv', '--out', out],
      makeContext(env, new PassThrough(), err),
    );
    assert.equal(code, 0);
    const body = readFileSync(out);
    assert.ok(body.toString().includes('totals,all,requests,2\r\n'));
    assert.ok(body.toString().includes('actions,throttled,count,1\r\n'));
    const sig = JSON.parse(readFileSync(out + '.sig', 'utf8'));
    assert.equal(verifyBytes(body, sig.signature, publicKeyFrom(sig.publicKey)), true);

    const org = join(dir, 'org.json');
    assert.equal(
      await main(
        ['usage', '--org', 'org_1', '--from', '0', '--to', '10000', '--out', org],
        makeContext(env, new PassThrough(), new PassThrough()),
      ),
      0,
    );
    assert.deepEqual(JSON.parse(readFileSync(org, 'utf8')).accounts, ['a1']);
    assert.equal(
      await main(
        ['usage', '--account', 'a1', '--org', 'x'],
        makeContext(env, new PassThrough(), new PassThrough()),
      ),
      2,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
