/**
 * What the model answered: worked solutions, rationales, code, prose, labels, grades and
 * summaries written for the question actually asked, and token counts that follow the text.
 */
import type { CodeTask, Rationale } from './corpus.js';
import type { Worked } from './problems.js';
import type { Rng } from './rng.js';

/** Tokens for a text: ~4 characters per token for Latin script, denser for other scripts. */
export function tokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4 + other / 1.7);
}

/** A worked solution: numbered steps, or prose with equations, and the final answer. */
export function workedAnswer(rng: Rng, w: Worked, lang?: { step: string; answer: string }): string {
  const steps =
    w.steps.length > 0 ? w.steps : [`We work directly from the statement: ${w.q.slice(0, 120)}`];
  if (lang) return [...steps, '', w.answer].join('\n');
  const style = rng.int(0, 2);
  const intro = rng.pick([
    `Let's set up what we know and work through it.`,
    `Here is the full working.`,
    `We can solve this in ${steps.length} parts.`,
    `Start by writing down the quantities involved.`,
  ]);
  let body: string;
  if (style === 0) body = steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  else if (style === 1) body = steps.map((s, i) => `**Step ${i + 1}.** ${s}`).join('\n\n');
  else body = steps.join(' ');
  const final = w.answer
    ? rng.pick([
        `**Answer:** ${w.answer}`,
        `So the answer is ${w.answer}.`,
        `Final answer: ${w.answer}`,
      ])
    : '';
  const check = rng.chance(0.35)
    ? `\n\nCheck: substituting back into the original conditions gives a consistent result, so ${w.answer || 'the result'} is correct.`
    : '';
  return `${intro}\n\n${body}\n\n${final}${check}`;
}

/** An answer with its justification (StrategyQA/QASC/AQuA-style items). */
export function rationaleAnswer(rng: Rng, r: Rationale, full: boolean): string {
  if (!full) return `${r.answer}`;
  const sentences = r.rationale.split(/(?<=\.)\s+/).filter((s) => s.length > 0);
  const body =
    sentences.length > 1 && rng.chance(0.6)
      ? sentences.map((s, i) => `${i + 1}. ${s}`).join('\n')
      : r.rationale;
  return `${body}\n\nTherefore, the answer is ${r.answer}.`;
}

/** A short explanation, the code, and a note on complexity or usage. */
export function codeAnswer(rng: Rng, t: CodeTask): string {
  const lead = rng.pick([
    'Here is a straightforward implementation:',
    "Here's one way to do it:",
    'You can solve this with a single pass:',
    'A clean solution in Python:',
  ]);
  const tail = rng.pick([
    'The function runs in linear time in the size of the input.',
    'Edge cases such as empty input are handled by the loop bounds.',
    'You can test it with a few small inputs to confirm the behaviour.',
    'If performance matters for very large inputs, consider a generator instead of building a list.',
  ]);
  return `${lead}\n\n\`\`\`python\n${t.code.trim()}\n\`\`\`\n\n${tail}`;
}

const STOP = new Set(
  'about after again also because before being could does from have here into just like make more most much need only other should some than that their them then there these they this those through very want what when where which while will with would your you please write give tell explain help know'.split(
    ' ',
  ),
);

/** The content words of a prompt, for answers that talk about what was asked. */
export function keywords(text: string, k: number): string[] {
  const seen = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z-]{4,}/g) ?? []) {
    if (!STOP.has(w)) seen.add(w);
    if (seen.size >= k) break;
  }
  return [...seen];
}

const LEADS = [
  'Good question. A few things matter most here.',
  "Short answer: it depends on your situation, but here is how I'd think about it.",
  "Sure! Here's an overview.",
  'There are a couple of ways to look at this.',
  "Here's what I'd suggest.",
  'Happy to help with that.',
];
const POINTS = [
  '{w} is usually the deciding factor, so start by being clear about what you need from it.',
  'Compare two or three options for {w} side by side before committing.',
  'Small changes to {w} tend to have an outsized effect over time.',
  'People often overlook {w}, but it is worth checking early.',
  'If {w} is a constraint for you, plan around it first and fit the rest in afterwards.',
  'With {w}, the simplest approach that works is usually the right one to start with.',
  'It helps to look at {w} from the point of view of whoever is affected most.',
  'A common mistake with {w} is trying to optimise everything at once.',
];
const CLOSES = [
  'If you share a bit more about your constraints (budget, time, experience), I can make this more specific.',
  'In practice, most people find it easiest to start small and adjust once they see what works.',
  'A good next step is to try one of these for a week and see how it feels.',
  'Let me know which of these fits best and I can go into more detail.',
];

/** A plausible prose answer: a human-written reference when there is one, otherwise composed. */
export function proseAnswer(rng: Rng, prompt: string, reference?: string, long = false): string {
  if (reference && reference.length > 40 && rng.chance(0.85)) return reference;
  const kw = keywords(prompt, long ? 7 : 5);
  while (kw.length < 2) kw.push(rng.pick(['the details', 'the timing', 'the cost', 'the context']));
  const points = rng.sample(POINTS, kw.length).map((t, i) => t.replace('{w}', kw[i] as string));
  const shape = rng.int(0, 2);
  const parts = [rng.pick(LEADS)];
  if (shape === 0) parts.push(points.map((p) => cap(p)).join(' '));
  else if (shape === 1) parts.push(points.map((p) => `- ${cap(p)}`).join('\n'));
  else parts.push(points.map((p, i) => `${i + 1}. ${cap(p)}`).join('\n'));
  if (long || rng.chance(0.5)) parts.push(rng.pick(CLOSES));
  return parts.join('\n\n');
}

const cap = (s: string): string => (s[0] ?? '').toUpperCase() + s.slice(1);

/** A grader's verdict: a score on the requested scale and a one-line justification. */
export function gradeAnswer(rng: Rng, scale: number, aspect: string, json: boolean): string {
  const score = Math.max(1, Math.min(scale, Math.round(rng.normal(scale * 0.65, scale * 0.2))));
  const why = rng.pick([
    `the ${aspect} is mostly sound but one intermediate claim is unsupported`,
    `it answers the question directly and the ${aspect} holds throughout`,
    `it misses a key constraint from the prompt, which weakens the ${aspect}`,
    `the ${aspect} is clear, though the final step skips a justification`,
    `it contains a factual error that undermines the ${aspect}`,
    `concise and correct; the ${aspect} could cite the relevant rule`,
  ]);
  if (json) return JSON.stringify({ score, justification: cap(why) + '.' });
  return `Score: ${score}/${scale}\nJustification: ${cap(why)}.`;
}

/** A summary built from a document's own sentences. */
export function summaryOf(rng: Rng, doc: string, bullets: boolean): string {
  const sentences = doc.split(/(?<=[.!?])\s+/).filter((s) => s.length > 20);
  const picked = rng.sample(sentences, Math.min(sentences.length, rng.int(2, 4)));
  if (picked.length === 0) return 'The document contains no substantive content to summarise.';
  return bullets ? picked.map((s) => `- ${s}`).join('\n') : picked.join(' ');
}
