import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { keyId, type SigningKey } from './keys.js';
import { ReceiptSigner, verifyReceipt } from './receipt.js';

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { kid: keyId(publicKey), privateKey, publicKey };
}

const meta = (i: number) => ({
  account: `acct_${i}`,
  keyId: `key_${i}`,
  model: 'm',
  ts: 1_700_000_000_000 + i,
  requestId: `req_${i}`,
});

/** Sign `n` texts in one turn of the event loop: one batch. */
async function signBatch(signer: ReceiptSigner, n: number): Promise<string[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => signer.sign(`text number ${i}`, meta(i))));
}

describe('batched receipts (Merkle tree, RFC 9162)', () => {
  const key = newKey();
  const keys = new Map([[key.kid, key.publicKey]]);

  it('a lone receipt is a plain v1 receipt', async () => {
    const [r] = await signBatch(new ReceiptSigner(key), 1);
    assert.equal(r!.split('.').length, 2);
    const check = verifyReceipt('text number 0', r!, keys);
    assert.ok(check.ok);
    assert.equal(check.fields.v, 1);
  });

  it('every receipt of a batch of any size verifies against its own text only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 70 }), async (n) => {
        const receipts = await signBatch(new ReceiptSigner(key), n);
        const signatures = new Set(receipts.map((r) => r.split('.')[1]));
        assert.equal(signatures.size, 1, 'one signature per batch');
        receipts.forEach((r, i) => {
          const ok = verifyReceipt(`text number ${i}`, r, keys);
          assert.ok(ok.ok, `receipt ${i} of ${n}`);
          assert.equal(ok.fields.v, 2);
          assert.equal(ok.fields.requestId, `req_${i}`);
          assert.equal(verifyReceipt(`text number ${(i + 1) % n}`, r, keys).ok, false);
        });
      }),
      { seed: 6, numRuns: 25 },
    );
  });

  it('a proof moved to another leaf, a changed index or a changed payload fails', async () => {
    const receipts = await signBatch(new ReceiptSigner(key), 5);
    const [p0, s0, proof0] = receipts[0]!.split('.') as [string, string, string];
    const [p1, , proof1] = receipts[1]!.split('.') as [string, string, string];
    assert.equal(verifyReceipt('text number 1', `${p1}.${s0}.${proof0}`, keys).ok, false);
    const raw = Buffer.from(proof0, 'base64url');
    raw.writeUInt32BE(3, 0);
    assert.equal(
      verifyReceipt('text number 0', `${p0}.${s0}.${raw.toString('base64url')}`, keys).ok,
      false,
    );
    const forged = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(p0, 'base64url').toString()),
        account: 'someone_else',
      }),
    ).toString('base64url');
    const bad = verifyReceipt('text number 0', `${forged}.${s0}.${proof0}`, keys);
    assert.equal(bad.ok, false);
    assert.match(bad.ok ? '' : bad.reason, /bad signature/);
    assert.ok(verifyReceipt('text number 1', `${p1}.${s0}.${proof1}`, keys).ok);
  });

  it('malformed proofs are rejected with the reason', async () => {
    const [r] = await signBatch(new ReceiptSigner(key), 3);
    const [p, s] = r!.split('.') as [string, string];
    const short = verifyReceipt('text number 0', `${p}.${s}.AAAA`, keys);
    assert.equal(short.ok, false);
    assert.match(short.ok ? '' : short.reason, /inclusion proof/);
    const missing = verifyReceipt('text number 0', `${p}.${s}`, keys);
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.reason, /needs an inclusion proof/);
    const outOfRange = Buffer.alloc(8);
    outOfRange.writeUInt32BE(9, 0);
    outOfRange.writeUInt32BE(3, 4);
    const oor = verifyReceipt(
      'text number 0',
      `${p}.${s}.${outOfRange.toString('base64url')}`,
      keys,
    );
    assert.equal(oor.ok, false);
  });

  it('receipts queued in different turns are signed in different batches', async () => {
    const signer = new ReceiptSigner(key);
    const a = await signer.sign('first', meta(1));
    const b = await signer.sign('second', meta(2));
    assert.equal(a.split('.').length, 2);
    assert.ok(verifyReceipt('first', a, keys).ok && verifyReceipt('second', b, keys).ok);
  });
});
