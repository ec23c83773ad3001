import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TemplateSketch } from './account.js';

/** Misra–Gries as first written: one pass finding the key or the first free slot. */
function referenceAdd(keys: Int32Array, counts: Uint16Array, key: number): boolean {
  let free = -1;
  for (let i = 0; i < keys.length; i++) {
    if (counts[i]! > 0 && keys[i] === key) {
      if (counts[i]! < 0xffff) counts[i]!++;
      return true;
    }
    if (free < 0 && counts[i] === 0) free = i;
  }
  if (free >= 0) {
    keys[free] = key;
    counts[free] = 1;
    return false;
  }
  for (let i = 0; i < counts.length; i++) counts[i]!--;
  return false;
}

test('account: TemplateSketch.add agrees with the one-pass Misra–Gries reference (fast-check, issue 3)', () => {
  // Few distinct keys, so slots fill, decrement, free up and are reused with stale keys in them.
  const key = fc.integer({ min: -40, max: 40 }).map((k) => k * 0x1000193);
  fc.assert(
    fc.property(fc.array(key, { maxLength: 400 }), (stream) => {
      // At an offset in a slab with neighbours on both sides, as AccountState holds it.
      const slab = new Int32Array(TemplateSketch.WORDS + 8).fill(-7);
      const sketch = new TemplateSketch(slab, 4);
      slab.fill(0, 4, 4 + TemplateSketch.WORDS);
      const keys = new Int32Array(TemplateSketch.SLOTS);
      const counts = new Uint16Array(TemplateSketch.SLOTS);
      for (const k of stream) {
        assert.equal(sketch.add(k), referenceAdd(keys, counts, k));
        const got = Array.from({ length: TemplateSketch.SLOTS }, (_, i) => sketch.count(i));
        assert.deepEqual(got, Array.from(counts));
      }
      // The neighbours are untouched.
      assert.deepEqual(Array.from(slab.subarray(0, 4)), [-7, -7, -7, -7]);
      assert.deepEqual(Array.from(slab.subarray(4 + TemplateSketch.WORDS)), [-7, -7, -7, -7]);
    }),
    { numRuns: 300 },
  );
});
