import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IntelStore } from './store.js';
import type { SharedIndicator } from './indicators.js';

const ind = (
  id: string,
  value: string,
  validUntil: number | null,
  confidence = 80,
): SharedIndicator => ({
  stixId: `indicator--${id}`,
  kind: 'ip',
  value,
  confidence,
  validUntil,
  source: 'Peer',
  tlp: 'amber',
});

/** The conformance suite every IntelStore backend passes. */
export function intelStoreTests(
  name: string,
  factory: () => Promise<{ store: IntelStore; cleanup: () => Promise<void> }>,
): void {
  test(`${name}: stores, replaces on re-import, and expires indicators`, async () => {
    const { store, cleanup } = await factory();
    try {
      const from = { bundleId: 'bundle--1', importedAt: 1, origin: 'peer.json' };
      await store.add([ind('a', '10.0.0.0/8', null), ind('b', '192.0.2.0/24', 5000)], from);
      assert.deepEqual(
        (await store.live(1000)).map((i) => i.value),
        ['10.0.0.0/8', '192.0.2.0/24'],
      );
      assert.deepEqual(
        (await store.live(6000)).map((i) => i.value),
        ['10.0.0.0/8'],
      );
      await store.add([ind('a', '10.0.0.0/8', null, 95)], { ...from, bundleId: 'bundle--2' });
      const live = await store.live(6000);
      assert.equal(live.length, 1);
      assert.deepEqual(live[0], ind('a', '10.0.0.0/8', null, 95));
    } finally {
      await cleanup();
    }
  });
}
