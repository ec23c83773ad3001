import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provenanceConfigSchema } from './config.js';
import {
  deriveAccountKey,
  keysFromJwks,
  loadOrCreateKeys,
  loadPublicKeys,
  publicJwks,
  rotateSigningKey,
} from './keys.js';
import { signReceipt, verifyReceipt } from './receipt.js';

const cfg = provenanceConfigSchema.parse({});
const meta = {
  account: 'acct_1',
  keyId: 'key_1',
  model: 'm',
  ts: 1767225600000,
  requestId: 'req_1',
};

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'moat-prov-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('keys are generated once with 0600 permissions and reloaded', () => {
  withDir((dir) => {
    const a = loadOrCreateKeys(dir, cfg);
    const b = loadOrCreateKeys(dir, cfg);
    assert.deepEqual(a.watermarkKey, b.watermarkKey);
    assert.equal(a.signing.kid, b.signing.kid);
    assert.equal(statSync(join(dir, 'provenance', 'watermark.key')).mode & 0o777, 0o600);
    assert.equal(
      statSync(join(dir, 'provenance', 'signing', `${a.signing.kid}.key`)).mode & 0o777,
      0o600,
    );
  });
});

test('watermark key from config or env', () => {
  withDir((dir) => {
    const hex = 'ab'.repeat(32);
    const fromCfg = loadOrCreateKeys(
      dir,
      provenanceConfigSchema.parse({ watermark: { key: hex } }),
    );
    assert.equal(fromCfg.watermarkKey.toString('hex'), hex);
    const fromEnv = loadOrCreateKeys(
      dir,
      provenanceConfigSchema.parse({ watermark: { keyEnv: 'WM' } }),
      { WM: hex },
    );
    assert.equal(fromEnv.watermarkKey.toString('hex'), hex);
    assert.throws(
      () =>
        loadOrCreateKeys(dir, provenanceConfigSchema.parse({ watermark: { keyEnv: 'WM' } }), {}),
      /WM/,
    );
  });
});

test('receipt round trip; tampering, other text and malformed receipts are rejected', () => {
  withDir((dir) => {
    const keys = loadOrCreateKeys(dir, cfg);
    const r = signReceipt(keys.signing, 'hello world', meta);
    const ok = verifyReceipt('hello world', r, keys.publicKeys);
    assert.ok(ok.ok);
    assert.equal(ok.fields.account, 'acct_1');
    const other = verifyReceipt('hello world!', r, keys.publicKeys);
    assert.ok(!other.ok && /text does not match/.test(other.reason));
    const [p, s] = r.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), account: 'x' }),
    ).toString('base64url');
    const bad = verifyReceipt('hello world', `${forged}.${s}`, keys.publicKeys);
    assert.ok(!bad.ok && /bad signature/.test(bad.reason));
    for (const junk of ['', 'abc', 'a.b.c', '!!.??', 'e30.AAAA']) {
      const res = verifyReceipt('hello world', junk, keys.publicKeys);
      assert.ok(!res.ok && /malformed/.test(res.reason), junk);
    }
  });
});

test('rotation keeps old receipts verifiable, via the data dir and the JWK set', () => {
  withDir((dir) => {
    const keys = loadOrCreateKeys(dir, cfg);
    const old = signReceipt(keys.signing, 'text', meta);
    const next = rotateSigningKey(dir);
    const reloaded = loadOrCreateKeys(dir, cfg);
    assert.equal(reloaded.signing.kid, next.kid);
    assert.ok(verifyReceipt('text', old, loadPublicKeys(dir)).ok);
    const jwks = publicJwks(reloaded);
    assert.equal(jwks.keys.length, 2);
    assert.equal(jwks.keys[0]!.kid, next.kid);
    assert.ok(verifyReceipt('text', old, keysFromJwks(jwks)).ok);
    assert.ok(
      verifyReceipt('text', signReceipt(reloaded.signing, 'text', meta), keysFromJwks(jwks)).ok,
    );
  });
});

test('account keys are deterministic and distinct', () => {
  const m = Buffer.alloc(32, 1);
  assert.deepEqual(deriveAccountKey(m, 'a'), deriveAccountKey(m, 'a'));
  assert.notDeepEqual(deriveAccountKey(m, 'a'), deriveAccountKey(m, 'b'));
});
