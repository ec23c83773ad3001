import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { int } from './describe.js';

test('describe: int() writes counts as toLocaleString("en-US") does (reason sentences, issue 3)', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e15, noNaN: true }), (x) => {
      assert.equal(int(x), Math.round(x).toLocaleString('en-US'));
    }),
    { seed: 3, numRuns: 2000 },
  );
  assert.equal(int(1240), '1,240');
  assert.equal(int(999.4), '999');
});
