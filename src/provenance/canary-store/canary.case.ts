import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Canary, CanaryStore } from '../canary-store.js';

const canary = (id: string, account: string): Canary => ({
  id,
  account,
  text: `t ${id}`,
  trigger: `q ${id}?`,
  secret: `S${id}`,
});

/**
 * The conformance suite every CanaryStore passes (STYLE.md: one suite per interface).
 * `factory` returns a fresh, empty store and how to clean up after it.
 */
export function canaryStoreTests(
  name: string,
  factory: () => Promise<{ store: CanaryStore; cleanup: () => Promise<void> }>,
): void {
  test(`${name}: records canaries once and every planting`, async () => {
    const { store: s, cleanup } = await factory();
    try {
      await s.record(canary('a1', 'acct_a'), {
        canaryId: 'a1',
        account: 'acct_a',
        requestId: 'r1',
        ts: 1,
      });
      await s.record(canary('a1', 'acct_a'), {
        canaryId: 'a1',
        account: 'acct_a',
        requestId: 'r2',
        ts: 2,
      });
      await s.record(canary('b1', 'acct_b'), {
        canaryId: 'b1',
        account: 'acct_b',
        requestId: 'r3',
        ts: 3,
      });
      assert.deepEqual(
        (await s.canaries()).map((c) => c.id),
        ['a1', 'b1'],
      );
      assert.deepEqual((await s.canaries())[0], canary('a1', 'acct_a'));
      assert.deepEqual(
        (await s.plants('acct_a')).map((p) => p.requestId),
        ['r1', 'r2'],
      );
      assert.equal((await s.plants()).length, 3);
    } finally {
      await cleanup();
    }
  });

  test(`${name}: remembers watermarked accounts`, async () => {
    const { store: s, cleanup } = await factory();
    try {
      await s.noteAccount('acct_b', 5);
      await s.noteAccount('acct_a', 6);
      await s.noteAccount('acct_b', 7);
      assert.deepEqual(await s.accounts(), ['acct_a', 'acct_b']);
    } finally {
      await cleanup();
    }
  });

  test(`${name}: a canary is stored once however often it is planted; an unknown account has no plantings`, async () => {
    const { store: s, cleanup } = await factory();
    try {
      await s.record(canary('c1', 'acct_c'), {
        canaryId: 'c1',
        account: 'acct_c',
        requestId: 'r9',
        ts: 9,
      });
      await s.record(canary('c1', 'acct_c'), {
        canaryId: 'c1',
        account: 'acct_c',
        requestId: 'r10',
        ts: 10,
      });
      assert.equal((await s.canaries()).length, 1, 'a canary is stored once');
      assert.deepEqual(
        (await s.plants()).map((p) => p.ts),
        [9, 10],
      );
      assert.deepEqual(await s.plants('nobody'), []);
    } finally {
      await cleanup();
    }
  });
}
