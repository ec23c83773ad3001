/**
 * What a model serves to a "show the steps" ask: a derivation with numbered steps and a
 * closing "therefore" line, built from the item's reference solution (GSM8K worked answers,
 * FLAN chain-of-thought rationales) and padded with further checks to the drawn length.
 * The detector is meant to judge what was served, so a harvest and an honest tutoring
 * exchange must both look like this.
 */
import type { Corpus } from './corpus.js';
import type { Rng } from './prng.js';

/** The words a derivation is written with, in one language. */
export interface StepWords {
  step: string;
  therefore: string;
}

/** English step words. */
export const ENGLISH: StepWords = { step: 'Step', therefore: 'Therefore' };

/** A worked solution split into its statements and its result. */
export interface Worked {
  steps: string[];
  result: string;
}

const SENTENCE = /(?<=[.!?])\s+(?=[A-Z0-9(])/;

/**
 * The statements of a reference solution: GSM8K calculator annotations (`<<48/2=24>>`)
 * dropped and its `#### 72` line taken as the result; a FLAN rationale's "So the answer
 * is (C)." likewise.
 */
export function worked(ref: string): Worked {
  let text = ref.replace(/<<[^>]*>>/g, '');
  let result = '';
  const hashes = /^####\s*(.+)$/m.exec(text);
  if (hashes) {
    result = (hashes[1] ?? '').trim();
    text = text.slice(0, hashes.index);
  }
  const so = /So the answer is (.+?)\.?\s*$/.exec(text);
  if (so) {
    result ||= (so[1] ?? '').trim();
    text = text.slice(0, so.index);
  }
  const steps = text
    .split('\n')
    .flatMap((l) => l.split(SENTENCE))
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
  if (!result) result = steps.pop() ?? '';
  return { steps, result };
}

const workedCache = new WeakMap<
  Corpus,
  { cot: (Worked | undefined)[]; math: (Worked | undefined)[] }
>();

/** A random item's worked solution from the cot or math pool (split once per item). */
function randomWorked(rng: Rng, corpus: Corpus, name: 'cot' | 'math'): Worked {
  let cache = workedCache.get(corpus);
  if (!cache) workedCache.set(corpus, (cache = { cot: [], math: [] }));
  const items = corpus[name];
  const k = rng.int(0, items.length - 1);
  return (cache[name][k] ??= worked(items[k]?.a ?? ''));
}

const OPENERS = [
  'Let me work through this carefully.',
  'We can set this up and solve it in order.',
  'First, restate what is given.',
  'Here is the full working.',
  '',
];
const CHECKS = ['Check:', 'Verify:', 'Note:', 'Also:', 'Cross-check:'];
const FORMATS: ((w: StepWords, i: number, s: string) => string)[] = [
  (w, i, s) => `${w.step} ${i}: ${s}`,
  (_w, i, s) => `${i}. ${s}`,
  (w, i, s) => `**${w.step} ${i}.** ${s}`,
];

/**
 * A derivation about `chars` long: numbered steps from `ref` (or a random worked item),
 * more checks from other rationales while short of the length, then the "therefore" line.
 */
export function derivation(
  rng: Rng,
  corpus: Corpus,
  ref: string,
  chars: number,
  words: StepWords = ENGLISH,
): string {
  const w = worked(ref || rng.pick(corpus.math).a);
  // Checks come from the same kind of material: arithmetic after arithmetic, prose after prose.
  const mathy = !ref || /####|\$|\\|\d\s*[-+*/=]\s*\d/.test(ref);
  const format = rng.pick(FORMATS);
  const opener = rng.pick(OPENERS);
  const lines: string[] = opener ? [opener, ''] : [];
  let size = opener.length;
  let i = 0;
  for (const s of w.steps) {
    const line = format(words, ++i, s);
    lines.push(line);
    size += line.length + 1;
  }
  // Long budgets: further checks, drawn from other rationales, until the length is reached.
  for (let guard = 0; size < chars - 80 && guard < 400; guard++) {
    const other = randomWorked(rng, corpus, mathy || rng.chance(0.2) ? 'math' : 'cot').steps;
    const s = other.length ? rng.pick(other) : '';
    if (!s) continue;
    const line = format(words, ++i, `${rng.pick(CHECKS)} ${s}`);
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('', `${words.therefore}, ${w.result || 'the result follows'}.`);
  return lines.join('\n');
}
