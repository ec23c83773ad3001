import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provenanceConfigSchema } from './config.js';
import { loadOrCreateKeys } from './keys.js';
import { MemoryCanaryStore } from './canary-store/memory.js';
import { createProvenance } from './response.js';
import { verifyReceipt } from './receipt.js';
import { detectWatermark } from './watermark/detect.js';
import { deriveAccountKey } from './keys.js';
import { LEXICON_PAIRS } from './watermark/lexicon-data.js';

const text = LEXICON_PAIRS.map(([a], i) => `w${i % 7}x ${a}`).join(' ') + '.';
const meta = {
  account: 'acct_1',
  keyId: 'key_1',
  model: 'm',
  requestId: 'req_1',
  level: 'allow' as const,
};

test('a streamed response is watermarked, signed over exactly what was emitted, and noted (issue 6)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-resp-'));
  try {
    const cfg = provenanceConfigSchema.parse({});
    const keys = loadOrCreateKeys(dir, cfg);
    const store = new MemoryCanaryStore();
    const prov = createProvenance(cfg, keys, store);
    const p = prov.forResponse(meta);
    let emitted = '';
    for (let i = 0; i < text.length; i += 5) emitted += p.push(text.slice(i, i + 5));
    const end = await p.finish();
    emitted += end.tail;
    assert.ok(end.receipt);
    assert.ok(verifyReceipt(emitted, end.receipt, keys.publicKeys).ok);
    assert.ok(!verifyReceipt(text, end.receipt, keys.publicKeys).ok);
    const r = detectWatermark(
      [keys.watermarkKey, deriveAccountKey(keys.watermarkKey, 'acct_1')],
      emitted,
    );
    assert.equal(r.verdict, 'watermarked');
    assert.deepEqual(await store.accounts(), ['acct_1']);
    assert.equal(prov.jwks().keys[0]!.kid, keys.signing.kid);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('per-tier overrides: no watermark, no receipt; canaries for flagged accounts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-resp-'));
  try {
    const cfg = provenanceConfigSchema.parse({ canary: { rate: 1, minLevel: 'throttle' } });
    const keys = loadOrCreateKeys(dir, cfg);
    const store = new MemoryCanaryStore();
    const prov = createProvenance(cfg, keys, store);
    const plain = prov.forResponse({ ...meta, watermark: false, receipt: false });
    const out = plain.push(text) + (await plain.finish()).tail;
    assert.equal(out, text);
    const flagged = prov.forResponse({ ...meta, level: 'degrade' });
    flagged.push('hello there');
    const end = await flagged.finish();
    assert.ok(end.canary);
    assert.match(end.tail, /^there\n\n/);
    assert.equal((await store.plants('acct_1')).length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
