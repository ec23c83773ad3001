import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provenanceConfigSchema } from './config.js';
import { createCanaryPlanter, makeCanary, revealsCanary } from './canary.js';
import { MemoryCanaryStore } from './canary-store/memory.js';

const master = Buffer.alloc(32, 5);
const cfg = provenanceConfigSchema.parse({}).canary;

test('canaries are deterministic per (account, slot) and unique across accounts', () => {
  assert.deepEqual(makeCanary(master, 'a', 0), makeCanary(master, 'a', 0));
  const secrets = new Set<string>();
  for (let i = 0; i < 500; i++) secrets.add(makeCanary(master, `acct_${i}`, 0).secret);
  assert.equal(secrets.size, 500);
  const c = makeCanary(master, 'a', 1);
  assert.ok(c.text.includes(c.secret));
  assert.ok(!c.trigger.includes(c.secret));
  assert.ok(revealsCanary(`I believe it is ${c.secret.toLowerCase()}.`, c));
  assert.ok(!revealsCanary('I do not know.', c));
});

test('planter respects the level threshold and the rate, and records plantings', async () => {
  const store = new MemoryCanaryStore();
  const planter = createCanaryPlanter(master, store, { ...cfg, rate: 0.1 });
  let planted = 0;
  for (let i = 0; i < 2000; i++) {
    if (await planter.plant({ account: 'acct_x', level: 'throttle', requestId: `r${i}`, ts: i }))
      planted++;
    assert.equal(
      await planter.plant({ account: 'acct_y', level: 'allow', requestId: `r${i}`, ts: i }),
      undefined,
    );
  }
  assert.ok(planted > 140 && planted < 260, `planted ${planted}`);
  assert.equal((await store.plants('acct_x')).length, planted);
  assert.ok((await store.canaries()).length <= cfg.perAccount);
  assert.equal((await store.plants('acct_y')).length, 0);
});
