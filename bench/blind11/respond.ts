// What the simulated model answers: replies assembled from real corpus text (solutions,
// rationales, code, assistant turns) and padded or trimmed to a length drawn per request.
import type { CodeTask, Corpora, Flan, QA } from './corpora.js';
import type { Rng } from './rng.js';

const MATH_GLUE = [
  'Let me set up the quantities first.',
  'We need to be careful about which quantity the question actually asks for.',
  'Write down what is given and what is unknown.',
  'Consider the two cases separately.',
  'By symmetry we may assume the first case without loss of generality.',
  'Substituting this back into the original equation gives a consistent result.',
  'It is worth checking the boundary case, since that is where mistakes usually happen.',
  'This matches a quick estimate, so the arithmetic is probably right.',
  'An alternative approach would be to work backwards from the answer choices, but a direct computation is cleaner here.',
  'Now simplify the expression and collect like terms.',
  'Notice that the condition is only satisfied when both factors are positive.',
  'So the constraint reduces to a single inequality.',
  'Let me double-check the units before finishing.',
  'Summing over all cases gives the total.',
  'Hmm, that would make the count negative, so that case is impossible.',
  'Wait, the problem says at least, not exactly, so I need to include the larger values too.',
  'Rearranging, we obtain an equation in one variable.',
  'Taking the remainder modulo the divisor shows the pattern repeats.',
  'The key observation is that the process is invariant under swapping the two variables.',
  'Since the function is increasing on this interval, the minimum occurs at the left endpoint.',
];

const CODE_GLUE = [
  'The function walks the input once, so it runs in linear time.',
  'Edge cases: an empty input returns the neutral value immediately.',
  'I used a dictionary to keep lookups constant time.',
  'Sorting first makes the two-pointer scan straightforward.',
  'The helper is kept separate so it can be tested on its own.',
  'Memory use is proportional to the number of distinct elements.',
  'If the input can be very large, a generator version avoids building the full list.',
  'Here are a few quick tests that exercise the tricky cases.',
  'Note that integer division is used so the result stays an integer.',
  'The recursion depth is bounded by the length of the input, which is fine for typical sizes.',
];

const OPENERS = [
  'Sure!',
  'Great question.',
  'Happy to help.',
  'Certainly.',
  'Good question!',
  "Here's a quick overview.",
  'Absolutely.',
  'Of course.',
  "Let's go through it.",
  'Here is what I would suggest.',
  'Short answer first, then details.',
  'Good thinking to ask about this.',
];
const CLOSERS = [
  'Let me know if you have any other questions.',
  'Hope this helps!',
  'Feel free to ask if anything is unclear.',
  'Good luck!',
  'Want me to go into more detail on any of these?',
  'I can also give an example if that would help.',
  'Let me know how it goes.',
  'Happy to adjust this if your situation is different.',
];

/** Light per-response variation so two answers to the same prompt are rarely byte-identical. */
export function vary(r: Rng, text: string): string {
  let t = text;
  if (r.chance(0.3)) {
    const parts = t.split('\n\n');
    if (parts.length >= 4) {
      parts.splice(r.int(1, parts.length - 2), 1);
      t = parts.join('\n\n');
    }
  }
  if (r.chance(0.55)) t = r.pick(OPENERS) + (r.chance(0.5) ? ' ' : '\n\n') + t;
  if (r.chance(0.4)) t = t + '\n\n' + r.pick(CLOSERS);
  return t;
}

export function stripGsm(a: string): { steps: string[]; answer: string } {
  const clean = a.replace(/<<[^>]*>>/g, '');
  const parts = clean.split('####');
  const steps = (parts[0] ?? '')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { steps, answer: (parts[1] ?? '').trim() };
}

/** Sentences of prose drawn from the corpus until about `target` tokens. */
export function prose(r: Rng, c: Corpora, target: number): string {
  const paras: string[] = [];
  let chars = 0;
  const goal = target * 4.4;
  while (chars < goal) {
    const k = r.int(2, 5);
    const p: string[] = [];
    for (let i = 0; i < k; i++) p.push(r.pick(c.sentences));
    const s = p.join(' ');
    paras.push(s);
    chars += s.length + 2;
  }
  return paras.join('\n\n');
}

/** A corpus reply trimmed or extended to about `target` tokens. */
export function chatReply(r: Rng, c: Corpora, target: number, base?: string): string {
  return vary(r, sizedReply(r, c, target, base));
}

function sizedReply(r: Rng, c: Corpora, target: number, base?: string): string {
  let text = base ?? r.pick(c.replies);
  const goal = target * 4.3;
  if (text.length > goal * 1.4) {
    const cut = text.lastIndexOf('. ', Math.floor(goal));
    text = text.slice(0, cut > goal * 0.5 ? cut + 1 : Math.floor(goal));
  } else if (text.length < goal * 0.6) {
    text += '\n\n' + prose(r, c, Math.round((goal - text.length) / 4.3));
  }
  return text;
}

export type MathMode = 'final' | 'brief' | 'steps' | 'exhaustive';

/** A worked solution to a math problem in one of several levels of detail. */
export function mathAnswer(r: Rng, qa: QA, mode: MathMode, lang = 'en'): string {
  const isGsm = qa.a.includes('####');
  let steps: string[];
  let answer: string;
  if (isGsm) {
    const g = stripGsm(qa.a);
    steps = g.steps;
    answer = g.answer;
  } else {
    const boxed = /\\boxed\{([^{}]*(\{[^{}]*\}[^{}]*)*)\}/.exec(qa.a);
    answer = boxed ? boxed[1]! : qa.a.length < 60 ? qa.a : '';
    steps =
      qa.a.length >= 60 ? qa.a.split(/(?<=[.!?])\s+(?=[A-Z$\\])/).filter((s) => s.length > 3) : [];
    if (answer === '') answer = (steps[steps.length - 1] ?? '').slice(0, 80);
  }
  const fin = lang === 'en' ? `**Answer:** ${answer}` : `**${answer}**`;
  if (mode === 'final') return r.chance(0.5) ? fin : `The answer is ${answer}.`;
  if (mode === 'brief') {
    const s = steps.slice(-2).join(' ');
    return vary(r, `${s}\n\n${fin}`);
  }
  const out: string[] = [];
  if (mode === 'exhaustive') {
    out.push(
      r.pick([
        'Let me restate the problem to make sure I understand it.',
        'First, let me understand exactly what is being asked.',
        "Okay, let's think about what the problem gives us.",
      ]),
    );
    out.push(r.pick(MATH_GLUE));
  }
  let i = 1;
  const label =
    mode === 'steps'
      ? r.pick(['**Step {i}:** ', 'Step {i}: ', '{i}. ', ''])
      : r.pick(['**Step {i}:** ', '', '']);
  for (const s of steps) {
    out.push(label.replace('{i}', String(i)) + s);
    if (mode === 'exhaustive' && r.chance(0.55)) out.push(r.pick(MATH_GLUE));
    i++;
  }
  if (steps.length < 3) {
    for (let k = 0; k < r.int(3, mode === 'exhaustive' ? 12 : 5); k++) out.push(r.pick(MATH_GLUE));
  }
  if (mode === 'exhaustive') {
    out.push(
      r.pick([
        'Let me verify this answer by plugging it back in.',
        'Double-checking with a different method gives the same value.',
        'Checking each step again, nothing was dropped.',
      ]),
    );
    for (let k = 0; k < r.int(1, 4); k++) out.push(r.pick(MATH_GLUE));
  }
  out.push(fin);
  return mode === 'steps' ? vary(r, out.join('\n\n')) : out.join('\n\n');
}

export function flanAnswer(r: Rng, f: Flan, mode: MathMode): string {
  if (mode === 'final') return f.a;
  if (mode === 'brief') return `${f.r.split('. ')[0]}. So the answer is ${f.a}.`;
  const out = [f.r];
  if (mode === 'exhaustive') {
    out.unshift(
      r.pick([
        'Let me reason about this carefully.',
        'First I will lay out the relevant facts.',
        'To answer this I need to combine a couple of facts.',
      ]),
    );
    out.push(
      r.pick([
        'Checking the other options, none of them fits as well.',
        'The remaining choices can be ruled out because they contradict the facts above.',
        'I considered the alternative reading of the question, but it does not change the conclusion.',
      ]),
    );
  }
  out.push(`So the answer is ${f.a}.`);
  return out.join('\n\n');
}

export function codeAnswer(r: Rng, t: CodeTask, mode: 'code' | 'explained' | 'exhaustive'): string {
  const code = '```python\n' + t.solution.trim() + '\n```';
  if (mode === 'code') return code;
  const out: string[] = [];
  if (mode === 'exhaustive') {
    out.push(
      r.pick([
        'Let me think about the requirements before writing code.',
        'First, the approach:',
        "Let's break the problem down.",
      ]),
    );
    for (let k = 0; k < r.int(2, 4); k++) out.push(r.pick(CODE_GLUE));
  } else
    out.push(r.pick(['Here is an implementation:', 'Sure, here you go:', 'This should do it:']));
  out.push(code);
  for (let k = 0; k < r.int(1, mode === 'exhaustive' ? 5 : 2); k++) out.push(r.pick(CODE_GLUE));
  if (mode === 'exhaustive') {
    out.push(
      '```python\nassert ' +
        (t.id.startsWith('mbpp') ? 'solution_works()' : 'check(candidate)') +
        '\n```',
    );
  }
  return out.join('\n\n');
}

/** Hidden reasoning length for a reasoning model, by problem difficulty. */
export function reasoningBudget(
  r: Rng,
  difficulty: 'easy' | 'medium' | 'hard' | 'olympiad',
): number {
  switch (difficulty) {
    case 'easy':
      return Math.round(r.lognormal(420, 0.5));
    case 'medium':
      return Math.round(r.lognormal(1400, 0.55));
    case 'hard':
      return Math.round(r.lognormal(4200, 0.55));
    case 'olympiad':
      return Math.round(r.lognormal(9000, 0.5));
  }
}

export function judgeJson(r: Rng, criteria: string[], pairwise: boolean): string {
  const scores: Record<string, number> = {};
  for (const k of criteria) scores[k] = r.int(2, 10);
  const why = r.pick([
    'The response addresses the main question but omits a relevant caveat.',
    'Accurate and well organised; the second half is somewhat repetitive.',
    'It follows the instructions and cites the right facts, though the tone is a bit curt.',
    'Partially correct: the calculation in the middle contains an error that changes the result.',
    'Clear, concise and complete. Minor formatting issue.',
    'It refuses a benign request, which hurts helpfulness.',
  ]);
  const obj: Record<string, unknown> = pairwise
    ? {
        winner: r.pick(['A', 'B', 'A', 'B', 'tie']),
        scores_a: scores,
        scores_b: Object.fromEntries(criteria.map((k) => [k, r.int(2, 10)])),
        rationale: why,
      }
    : { scores, overall: r.int(1, 10), rationale: why };
  return JSON.stringify(obj, null, r.chance(0.5) ? 2 : undefined);
}
