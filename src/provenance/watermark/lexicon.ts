import { LEXICON_AFTER, LEXICON_PAIRS } from './lexicon-data.js';

/** Where a surface word sits in the lexicon: its pair and its index (0 or 1) inside it. */
export interface LexiconEntry {
  pair: number;
  index: 0 | 1;
  /** For a context-gated pair, the previous words that make it eligible. */
  after?: ReadonlySet<string>;
}

/** Version of the pair table; text embedded with one version is detected with the same. */
export const LEXICON_VERSION = 'wn31-pairs-3';

let byWord: Map<string, LexiconEntry> | undefined;

/** Lower-case word → entry, built once from the committed pair table (≈ 0.1 ms). */
export function lexicon(): Map<string, LexiconEntry> {
  if (byWord) return byWord;
  byWord = new Map();
  LEXICON_PAIRS.forEach(([a, b], pair) => {
    const list = LEXICON_AFTER[`${a}/${b}`];
    const after = list ? { after: new Set(list) } : {};
    byWord!.set(a, { pair, index: 0, ...after });
    byWord!.set(b, { pair, index: 1, ...after });
  });
  return byWord;
}

/** The two surface forms of pair `pair`. */
export function pairWords(pair: number): readonly [string, string] {
  const p = LEXICON_PAIRS[pair];
  if (!p) throw new RangeError(`no lexicon pair ${pair}`);
  return p;
}
