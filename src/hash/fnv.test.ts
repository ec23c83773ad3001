import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a } from './fnv.js';

test('fnv1a: the published FNV-1a 32-bit test vectors; a seed changes the hash', () => {
  // Vectors from draft-eastlake-fnv (ASCII input, so code units equal bytes).
  assert.equal(fnv1a(''), 0x811c9dc5);
  assert.equal(fnv1a('a'), 0xe40c292c);
  assert.equal(fnv1a('foobar'), 0xbf9cf968);
  assert.notEqual(fnv1a('foobar', 1), fnv1a('foobar'));
  assert.equal(
    fnv1a('foobar', 0x811c9dc5 + 2 ** 32),
    fnv1a('foobar'),
    'the seed is taken as unsigned 32-bit',
  );
});
