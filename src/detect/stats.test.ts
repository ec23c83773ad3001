import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fnv1a } from '../hash/fnv.js';
import { Stats } from './stats.js';
import { CHAR_CLASS, CJK, OTHER, WORD, hllCount, mix32, scanTokens, templateKeys } from './text.js';

test('stats: the cached distinct-item estimate follows every change of the registers (issue 3)', () => {
  const a = new Stats();
  const b = new Stats();
  assert.equal(a.distinctItems(), hllCount(a.items));
  for (let i = 1; i <= 500; i++) {
    a.addItem(i * 2654435761);
    b.addItem(i * 40503 + 7);
    assert.equal(a.distinctItems(), hllCount(a.items));
  }
  a.merge(b, 3_600_000);
  assert.equal(a.distinctItems(), hllCount(a.items));
});

test('text: the character-class table agrees with the token reference (issue 3)', () => {
  assert.equal(CHAR_CLASS['a'.charCodeAt(0)], WORD);
  assert.equal(CHAR_CLASS["'".charCodeAt(0)], WORD);
  assert.equal(CHAR_CLASS[' '.charCodeAt(0)], OTHER);
  assert.equal(CHAR_CLASS['—'.charCodeAt(0)], OTHER);
  assert.equal(CHAR_CLASS['é'.charCodeAt(0)], WORD);
  assert.equal(CHAR_CLASS['ж'.charCodeAt(0)], WORD);
  assert.equal(CHAR_CLASS['漢'.charCodeAt(0)], CJK);
  assert.equal(CHAR_CLASS['か'.charCodeAt(0)], CJK);
  assert.equal(CHAR_CLASS['。'.charCodeAt(0)], OTHER);
  const text = 'Résous 3x étape—par 漢字 étape';
  const masked = new Uint32Array(20);
  const raw = new Uint32Array(20);
  const n = scanTokens(text, 0, text.length, masked, raw);
  const cjk = (c: string): number => mix32(c.charCodeAt(0) + 0x10000);
  assert.deepEqual(
    [...raw.subarray(0, n)],
    [
      fnv1a('Résous'),
      fnv1a('3x'),
      fnv1a('étape'),
      fnv1a('par'),
      cjk('漢'),
      cjk('字'),
      fnv1a('étape'),
    ],
  );
  assert.deepEqual(
    [...masked.subarray(0, n)],
    [fnv1a('Résous'), 0x2323, fnv1a('étape'), fnv1a('par'), cjk('漢'), cjk('字'), fnv1a('étape')],
  );
  // Starting mid-word skips the partial word.
  assert.equal(scanTokens(text, 2, text.length, masked, raw), n - 1);
});

/** MinHash band keys as first written (a loop over a minima array), from templateKeys' head tokens. */
function referenceBands(text: string): number[] {
  const masked = new Uint32Array(24);
  const n = scanTokens(text, 0, Math.min(text.length, 240), masked, new Uint32Array(24));
  if (n < 4) return [];
  const seeds = Array.from({ length: 8 }, (_, p) => mix32(Math.imul(p + 1, 0x9e3779b1)));
  const mins = new Uint32Array(8).fill(0xffffffff);
  for (let i = 0; i + 1 < n; i++) {
    const sh = mix32(Math.imul(masked[i]!, 0x9e3779b1) ^ masked[i + 1]!);
    for (let p = 0; p < 8; p++) {
      let v = Math.imul(sh ^ seeds[p]!, 0x85ebca6b);
      v ^= v >>> 15;
      v >>>= 0;
      if (v < mins[p]!) mins[p] = v;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < 4; b++) {
    let h = 0x7f4a7c15 + b;
    for (let r = 0; r < 2; r++) h = mix32(h ^ mins[b * 2 + r]!);
    bands.push(h | 0 || 1);
  }
  return bands;
}

test('text: the unrolled MinHash gives the band keys of the reference loop (fast-check, issue 3)', () => {
  const word = fc.constantFrom(
    'Solve',
    'the',
    'following',
    'problem',
    'step',
    'by',
    '42',
    'x7',
    '漢',
    'étape',
    'and',
    'show',
  );
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), (words) => {
      const text = words.join(' ');
      assert.deepEqual(templateKeys(text).bands, referenceBands(text));
    }),
    { numRuns: 500 },
  );
});
