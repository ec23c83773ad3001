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
      const sketch = new TemplateSketch();
      const keys = new Int32Array(sketch.keys.length);
      const counts = new Uint16Array(sketch.counts.length);
      for (const k of stream) {
        assert.equal(sketch.add(k), referenceAdd(keys, counts, k));
        assert.deepEqual(sketch.counts, counts);
      }
    }),
    { numRuns: 300 },
  );
});
