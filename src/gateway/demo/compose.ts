import type { Corpus } from './corpus.js';
import type { Rng } from '../../random/seeded.js';

/** The demo's sentence picks draw from the one seeded source (random/seeded.ts; issue 15). */
export { seeded as rng } from '../../random/seeded.js';

const STOPWORDS = new Set(
  'about above after again also because been before being between both could does doing down during each from further have having here into itself just more most other over same should some such than that their them then there these they this those through under until very were what when where which while with would your please tell explain write give make want need know like'.split(
    ' ',
  ),
);
const LINKS = [
  'In addition, ',
  'For example, ',
  'By contrast, ',
  'Similarly, ',
  'In practice, ',
  'Note that ',
];
const LIST_INTROS = [
  'A few related points:',
  'Some points worth keeping in mind:',
  'In short:',
  'To summarise the main ideas:',
];
const THINK_OPENERS = [
  'Let me think about what is being asked.',
  'First, I should recall the relevant facts.',
  'I need to work out a clear answer.',
];

/** Rough token estimate used only while drafting; exact counts come from the tokenizer. */
const approxTokens = (s: string): number => Math.ceil(s.length / 4.3);

function pick<T>(r: Rng, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

/** Sentence ids about words of the prompt (WordNet lemmas), so answers stay loosely on topic. */
export function topicIds(corpus: Corpus, prompt: string): number[] {
  const ids: number[] = [];
  for (const m of prompt.toLowerCase().matchAll(/[a-z]{4,}/g)) {
    if (STOPWORDS.has(m[0])) continue;
    const found = corpus.byLemma.get(m[0]) ?? corpus.byLemma.get(m[0].replace(/s$/, ''));
    if (found) ids.push(...found.slice(0, 8));
    if (ids.length > 40) break;
  }
  return ids;
}

/** Prefix a linking phrase where lower-casing the first word is safe. */
function link(r: Rng, s: string): string {
  if (r() > 0.18 || !/^(The|A|An|To|When) /.test(s)) return s;
  return pick(r, LINKS) + s.charAt(0).toLowerCase() + s.slice(1);
}

/** A sentence not used yet in this answer: on topic about a third of the time. */
function nextSentence(r: Rng, corpus: Corpus, topic: number[], used: Set<number>): string {
  let id = 0;
  for (let tries = 0; tries < 4; tries++) {
    id =
      topic.length > 0 && r() < 0.35 ? pick(r, topic) : Math.floor(r() * corpus.sentences.length);
    if (!used.has(id)) break;
  }
  used.add(id);
  return corpus.sentences[id]!;
}

/**
 * Draft an answer of about `target` tokens: paragraphs of 2–5 sentences, sometimes a
 * bulleted list, the first sentence on the prompt's topic when WordNet knows a word of it.
 */
export function composeAnswer(corpus: Corpus, r: Rng, target: number, topic: number[]): string {
  const parts: string[] = [];
  const seen = new Set<number>();
  let used = 0;
  let listDone = target < 120 || r() > 0.3;
  const firstId = topic.length
    ? pick(r, topic.slice(0, 8))
    : Math.floor(r() * corpus.sentences.length);
  seen.add(firstId);
  const first = corpus.sentences[firstId]!;
  let para = [first];
  used += approxTokens(first);
  while (used < target) {
    if (para.length >= 2 + Math.floor(r() * 4)) {
      parts.push(para.join(' '));
      para = [];
      if (!listDone && parts.length === 1) {
        listDone = true;
        const items = Array.from(
          { length: 3 + Math.floor(r() * 3) },
          () => `- ${nextSentence(r, corpus, topic, seen)}`,
        );
        parts.push(`${pick(r, LIST_INTROS)}\n\n${items.join('\n')}`);
        used += items.reduce((n, s) => n + approxTokens(s), 0);
        continue;
      }
    }
    const s = link(r, nextSentence(r, corpus, topic, seen));
    para.push(s);
    used += approxTokens(s);
  }
  if (para.length) parts.push(para.join(' '));
  return parts.join('\n\n');
}

/** Draft a short chain of "reasoning" for the reasoner model. */
export function composeReasoning(corpus: Corpus, r: Rng, target: number, topic: number[]): string {
  const lines = [pick(r, THINK_OPENERS)];
  const seen = new Set<number>();
  let used = approxTokens(lines[0]!);
  while (used < target) {
    const s = nextSentence(r, corpus, topic, seen);
    lines.push(s);
    used += approxTokens(s);
  }
  lines.push('That should be enough to write the answer.');
  return lines.join(' ');
}

/** An answer length drawn around `mean` (roughly log-normal, clamped to 0.3–3× the mean). */
export function answerLength(r: Rng, mean: number): number {
  const z = (r() + r() + r() - 1.5) * 2; // ≈ N(0, 1) by the Irwin–Hall sum of three uniforms
  return Math.max(8, Math.round(mean * Math.min(3, Math.max(0.3, Math.exp(0.4 * z)))));
}

/**
 * Draft an answer laid out as numbered steps, as a model does when the prompt asks it to work
 * step by step: a line that sets out, 3–7 steps, a conclusion.
 */
export function composeSteps(corpus: Corpus, r: Rng, target: number, topic: number[]): string {
  const seen = new Set<number>();
  const steps = Math.max(3, Math.min(7, Math.round(target / 40)));
  const lines = [pick(r, STEP_OPENERS)];
  for (let i = 1; i <= steps; i++) lines.push(`${i}. ${nextSentence(r, corpus, topic, seen)}`);
  lines.push(
    `So, ${nextSentence(r, corpus, topic, seen).replace(/^[A-Z]/, (c) => c.toLowerCase())}`,
  );
  return lines.join('\n');
}

/**
 * A grade on the scale the prompt asked for, then a short justification: what a model asked
 * to rate or score something returns.
 * @example composeGrade(corpus, r, 10, []) // 'Score: 7/10\n\nJustification: …'
 */
export function composeGrade(corpus: Corpus, r: Rng, top: number, topic: number[]): string {
  const score = 1 + Math.floor(r() * top);
  const seen = new Set<number>();
  return `Score: ${score}/${top}\n\nJustification: ${nextSentence(r, corpus, topic, seen)}`;
}

const STEP_OPENERS = [
  "Let's work through it step by step.",
  'Here is the reasoning, one step at a time.',
  'Working it out:',
];
