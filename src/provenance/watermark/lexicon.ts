import { LEXICON_AFTER, LEXICON_PAIRS } from './lexicon-data.js';

/** Where a surface word sits in the lexicon: its group, its index inside it, the group's size. */
export interface LexiconEntry {
  group: number;
  index: number;
  /** Number of alternatives in the group: the null hit rate of a position is 1/k. */
  k: number;
  /** For a context-gated group, the previous words that make it eligible. */
  after?: ReadonlySet<string>;
}

/**
 * Version of the watermark scheme: the synonym table, the contraction classes and the PRF's
 * choice rule. Text embedded with one version is detected with the same; `moat provenance
 * detect --json` reports it.
 * - `wn31-pairs-3`: 104 WordNet synonym pairs.
 * - `wn31-pairs-3+contr-1`: the same pairs plus contractions (contractions.ts), which use
 *   two words of context.
 * - `wn31-groups-4+contr-1`: 117 groups — four pairs grown to 3-way groups
 *   ("therefore/thus/hence"), missing inflections ("larger/bigger", "occurred/happened"),
 *   "someone/somebody", "using/utilizing", gated "make sure/make certain" and "to
 *   use/to utilize"; contractions unchanged.
 */
export const LEXICON_VERSION = 'wn31-groups-4+contr-1';

let byWord: Map<string, LexiconEntry> | undefined;

/** Lower-case word → entry, built once from the committed table (≈ 0.1 ms). */
export function lexicon(): Map<string, LexiconEntry> {
  if (byWord) return byWord;
  byWord = new Map();
  LEXICON_PAIRS.forEach((words, group) => {
    const list = LEXICON_AFTER[words.join('/')];
    const after = list ? { after: new Set(list) } : {};
    words.forEach((w, index) => byWord!.set(w, { group, index, k: words.length, ...after }));
  });
  return byWord;
}

/** The surface forms of synonym group `group` (2 or 3 alternatives). */
export function groupWords(group: number): readonly string[] {
  const p = LEXICON_PAIRS[group];
  if (!p) throw new RangeError(`no lexicon group ${group}`);
  return p;
}
