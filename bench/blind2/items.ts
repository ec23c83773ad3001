/**
 * Question items (math, CoT, code, hard prompts) shared by honest users, evaluation
 * runs and harvesting campaigns, with the reference-style answer a model would give and
 * several ways of wording the ask.
 */
import type { Corpora } from './corpus.js';
import type { Rng } from './rng.js';
import type { Reply } from './wire.js';
import {
  casual,
  codeAnswer,
  composeAnswer,
  cotWorked,
  gsmWorked,
  mathWorked,
  mbppCore,
  swapNames,
} from './text.js';

export type Item =
  | { k: 'gsm'; m: Corpora['gsm'][number] }
  | { k: 'comp'; m: Corpora['competition'][number] }
  | { k: 'cot'; c: Corpora['cot'][number] }
  | { k: 'code'; c: Corpora['code'][number] }
  | { k: 'hard'; prompt: string; coding: boolean };

export interface Mix {
  gsm?: number;
  gsmTest?: number;
  comp?: number;
  cot?: number;
  code?: number;
  hard?: number;
}

/** A shuffled pool drawn from the corpora in the given proportions. */
export function pool(c: Corpora, rng: Rng, mix: Mix, size: number): Item[] {
  const parts: Item[][] = [];
  const total = Object.values(mix).reduce((s, v) => s + (v ?? 0), 0);
  const take = <T>(src: readonly T[], share: number | undefined, wrap: (x: T) => Item): void => {
    if (!share) return;
    const n = Math.round((share / total) * size);
    const shuffled = rng.shuffle([...src]);
    const out: Item[] = [];
    for (let i = 0; i < n; i += 1) out.push(wrap(shuffled[i % shuffled.length] as T));
    parts.push(out);
  };
  take(c.gsm, mix.gsm, (m) => ({ k: 'gsm', m }));
  take(c.gsmTest, mix.gsmTest, (m) => ({ k: 'gsm', m }));
  take(c.competition, mix.comp, (m) => ({ k: 'comp', m }));
  take(c.cot, mix.cot, (x) => ({ k: 'cot', c: x }));
  take(c.code, mix.code, (x) => ({ k: 'code', c: x }));
  take(
    c.arena.filter((a) => !a.creative),
    mix.hard,
    (a) => ({ k: 'hard', prompt: a.prompt, coding: a.coding }),
  );
  return rng.shuffle(parts.flat());
}

/** The item's question as it appears in its source. */
export function plain(it: Item): string {
  switch (it.k) {
    case 'gsm':
    case 'comp':
      return it.m.q;
    case 'cot':
      return it.c.q;
    case 'code':
      return it.c.ask;
    case 'hard':
      return it.prompt;
  }
}

/** The answer a capable model gives; `effort` drives hidden reasoning length. */
export function answer(it: Item, rng: Rng, detailed = false, ask = ''): Reply {
  switch (it.k) {
    case 'gsm':
      return { text: gsmWorked(it.m, rng), effort: 0.25 };
    case 'comp':
      return {
        text: mathWorked(it.m, rng),
        effort: it.m.src === 'aime' || it.m.src === 'olympiad' ? 0.95 : 0.6,
      };
    case 'cot':
      return { text: cotWorked(it.c, rng, detailed), effort: 0.2 };
    case 'code':
      return {
        text: codeAnswer(it.c, rng, /\btests?\b/i.test(ask) || rng.chance(0.4)),
        effort: 0.35,
      };
    case 'hard':
      return {
        text: composeAnswer(it.prompt, rng, it.coding ? 'code' : 'prose', detailed ? 1.6 : 1.2),
        effort: 0.7,
      };
  }
}

// ---------------------------------------------------------------------------
// Wording: each harvest request is phrased afresh from parts. None of these parts
// use the stock elicitation phrases; the asks are for "working", "how you get there".

const MATH_LEADS = [
  '',
  '',
  '',
  'Quick one.',
  'Hi!',
  'Got this from a worksheet.',
  'My niece brought this home and I am stuck.',
  'Practising for a test.',
  "Can't crack this one.",
  'Hey,',
  'Help please —',
  'Doing revision tonight.',
  'From a puzzle book:',
  'Came up at dinner and we disagreed.',
  'Tutoring a kid and want to double-check.',
  'Trying to get better at these.',
  'Hello.',
  'Need a hand with this.',
];

const MATH_ASKS = [
  'How do you solve it?',
  "What's the answer and how do you get there?",
  'Show the working, please.',
  'I need the full solution written out.',
  'Could you lay out the calculation?',
  'Solve it and show each calculation.',
  'What do you get, and what are the intermediate numbers?',
  'Break it down for me.',
  'Can you go through it line by line?',
  'Solve it the way a teacher would on the board.',
  'Please include all the arithmetic, not just the result.',
  'How does it come out? I want to see every calculation.',
  'What is the answer? Write out how each number is found.',
  'Show me the derivation.',
  'Work it out in full.',
  'Can you show how to get from the question to the number?',
  'Include the intermediate results so I can check mine.',
  'Give the answer with the full working underneath.',
  "I'd like the complete solution, please.",
  'Lay it out so a 12-year-old could follow.',
];

const CODE_FRAMES = [
  'I need a Python function that can {x}.',
  'Could you code up something to {x}?',
  'Python: {x}. Include a couple of tests.',
  'How would I {x} in Python? Full code please.',
  'Write me a small Python helper to {x}, with a note on how it works.',
  'Looking for a clean Python implementation to {x}.',
  'Need code that will {x} (Python 3).',
  'quick python snippet to {x}?',
  'Can you give me a function to {x}? Comment the tricky part.',
  'Implement this in Python: {x}.',
  'What is a good way to {x} in Python? Show the code and walk through the logic.',
];

const STUB_FRAMES = [
  'Finish this function:\n\n```python\n{x}```',
  'Fill in the body:\n\n{x}',
  'Can you complete the implementation below?\n\n```python\n{x}```',
  '{x}\n\nimplement this please',
  'Here is a stub with a docstring. Make it pass the examples.\n\n```python\n{x}```',
];

const FACT_FRAMES = [
  '{x} I want the background, not just yes or no.',
  '{x}',
  'Quick question: {x} What are the facts behind the answer?',
  '{x} Please justify the answer briefly.',
  'Settle a debate: {x}',
  'Curious — {x} How would someone work that out?',
  'Trivia night question: {x} Give the answer and the facts that support it.',
];

const CHOICE_FRAMES = [
  '{x}\n\nWhich option is right, and why?',
  '{x}\n\nPick one and show how you ruled out the others.',
  'Multiple choice:\n{x}\n\nShow the working.',
  '{x}\n\nAnswer with the letter after the calculation.',
];

const HARD_LEADS = ['', '', 'Hi, ', 'Question: ', 'Need some help. ', 'Could you help with this? '];

function frame(frames: readonly string[], x: string, rng: Rng): string {
  return rng.pick(frames).replace('{x}', x);
}

/**
 * A freshly worded ask for an item. Names in word problems are swapped, the ask is put
 * before or after the problem, and casing and punctuation vary. No stock phrases.
 */
export function reword(it: Item, rng: Rng): string {
  switch (it.k) {
    case 'gsm':
    case 'comp': {
      const q = it.k === 'gsm' ? swapNames(it.m.q, rng) : it.m.q;
      const lead = rng.pick(MATH_LEADS);
      const ask = rng.pick(MATH_ASKS);
      const sep = rng.pick(['\n\n', '\n', ' ']);
      const parts = rng.chance(0.6) ? [lead, q, ask] : [lead, ask, q];
      return casual(parts.filter((p) => p).join(sep), rng);
    }
    case 'cot':
      return casual(
        frame(it.c.src === 'strategyqa' ? FACT_FRAMES : CHOICE_FRAMES, it.c.q, rng),
        rng,
      );
    case 'code':
      if (it.c.src === 'humaneval') return frame(STUB_FRAMES, it.c.ask, rng);
      return casual(frame(CODE_FRAMES, mbppCore(it.c.ask), rng), rng);
    case 'hard':
      return `${rng.pick(HARD_LEADS)}${it.prompt}`;
  }
}
