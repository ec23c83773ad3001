/**
 * Contractions as a second alternation class of the lexical watermark: "do not"/"don't",
 * "it is"/"it's", "cannot"/"can't". Like the synonym pairs (He et al. 2022, arXiv
 * 2112.02701, §3), each is a choice between two spellings of the same meaning, made by the
 * keyed PRF over the context; unlike them, a contraction is frequent in assistant prose
 * (≈ 10 per 1,000 words in the OpenAssistant replies), which is what the detector needs.
 *
 * Every class here contracts by appending to its first word ("do" + "n't", "it" + "'s"),
 * so the embedder never rewrites a word it has already emitted: it only holds back the
 * single space after a host word until it sees the next word. "will not"/"won't" is left
 * out for that reason; "'d" and "'ve" because their expansion is ambiguous ("I'd" = "I
 * would"/"I had") or needs the next word ("I've a car" is not American English). The one
 * blemish: "you will not" may come out as "you'll not" (grammatical, a little formal).
 */

/** Group ids of the contraction classes: disjoint from the synonym table's ids. */
export const CONTRACTION_BASE = 1000;

/** Auxiliaries with a negative contraction formed by appending "n't". */
const NEG_AUX = [
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'has',
  'have',
  'had',
  'could',
  'would',
  'should',
];

/** Pronoun + auxiliary pairs with an unambiguous contraction (suffix appended to the pronoun). */
const AFFIRMATIVE: readonly [host: string, aux: string, suffix: string][] = [
  ['i', 'am', 'm'],
  ['you', 'are', 're'],
  ['we', 'are', 're'],
  ['they', 'are', 're'],
  ['it', 'is', 's'],
  ['that', 'is', 's'],
  ['there', 'is', 's'],
  ['here', 'is', 's'],
  ['what', 'is', 's'],
  ['he', 'is', 's'],
  ['she', 'is', 's'],
  ['who', 'is', 's'],
  ['i', 'will', 'll'],
  ['you', 'will', 'll'],
  ['we', 'will', 'll'],
  ['they', 'will', 'll'],
  ['it', 'will', 'll'],
  ['he', 'will', 'll'],
  ['she', 'will', 'll'],
];

/** After "it's", these mean "it has" ("it's been"): not a position, never expanded. */
export const HAS_PARTICIPLES = new Set(['been', 'got', 'gotten', 'had']);

/**
 * Question words: "why don't we" cannot become "why do not we" (subject–auxiliary
 * inversion), so a negation right after one is not a position.
 */
export const WH_WORDS = new Set([
  'why',
  'how',
  'what',
  'where',
  'when',
  'who',
  'whom',
  'which',
  'whose',
]);

/** A negation class: "X not" (index 0) or "Xn't" (index 1). */
export interface NegationClass {
  group: number;
  aux: string;
}

/** An affirmative class: "P aux" (index 0) or "P'suffix" (index 1). */
export interface AffirmativeClass {
  group: number;
  host: string;
  aux: string;
  suffix: string;
}

const negByAux = new Map<string, NegationClass>(
  NEG_AUX.map((aux, i) => [aux, { group: CONTRACTION_BASE + i, aux }]),
);
const affirmatives = AFFIRMATIVE.map(([host, aux, suffix], i) => ({
  group: CONTRACTION_BASE + 100 + i,
  host,
  aux,
  suffix,
}));
const affHosts = new Set(AFFIRMATIVE.map(([host]) => host));
const affByAux = new Map(affirmatives.map((c) => [c.host + ' ' + c.aux, c]));
const affBySuffix = new Map(affirmatives.map((c) => [c.host + ' ' + c.suffix, c]));

/** "cannot" (index 0) / "can't" (index 1): one word either way, rewritten in place. */
export const CANNOT_GROUP = CONTRACTION_BASE + 200;

/** The negation class whose auxiliary is `aux` (lower case). */
export function negationFor(aux: string): NegationClass | undefined {
  return negByAux.get(aux);
}

/** Whether `word` (lower case) is the pronoun of some affirmative class. */
export function isAffirmativeHost(word: string): boolean {
  return affHosts.has(word);
}

/** The affirmative class of pronoun `host` and auxiliary `aux` ("it", "is"), lower case. */
export function affirmativeFor(host: string, aux: string): AffirmativeClass | undefined {
  return affByAux.get(host + ' ' + aux);
}

/** The affirmative class of a contracted form: pronoun and suffix ("it", "s"). */
export function affirmativeBySuffix(host: string, suffix: string): AffirmativeClass | undefined {
  return affBySuffix.get(host + ' ' + suffix);
}

/** Trailing punctuation a contraction may carry: . , ; : ! ? ) */
const TRAIL = '([.,;:!?)]*)';

/** "don't", "Doesn't." → aux, apostrophe, trailing punctuation. */
export const NEG_CONTRACTED = new RegExp(`^([A-Za-z]+)n(['\u2019])t${TRAIL}$`);
/** "it's", "You're", "I'm", "we'll" (no trailing punctuation: "it's." is not English). */
export const AFF_CONTRACTED = /^([A-Za-z]+)(['\u2019])(s|m|re|ll)$/;
/** "cannot", "can't", "Can't," */
export const CANNOT = new RegExp(`^(can)(not|(['\u2019])t)${TRAIL}$`, 'i');
