/**
 * Response text for simulated exchanges, assembled from corpus answers and replies so the
 * recorded `response.text` reads like a model's output of the right kind and length.
 */
import type { Corpus } from './corpus.js';
import { derivation } from './derivation.js';
import { estimateTokens, type Reply, type ToolUse } from './exchange.js';
import type { Rng } from './prng.js';

/** The kind of answer a prompt gets. */
export type ReplyKind =
  | 'chat'
  | 'math'
  | 'reasoning'
  | 'code'
  | 'grader'
  | 'score'
  | 'mcq'
  | 'rationale'
  | 'label'
  | 'summary'
  | 'list'
  | 'token';

/** How much hidden reasoning each kind of ask draws from a reasoning model (0–1). */
export const EFFORT: Record<ReplyKind, number> = {
  token: 0.02,
  label: 0.05,
  score: 0.25,
  summary: 0.15,
  grader: 0.35,
  list: 0.3,
  chat: 0.35,
  code: 0.7,
  mcq: 0.8,
  rationale: 0.8,
  math: 0.9,
  reasoning: 1,
};

function fill(rng: Rng, pool: string[], start: string, chars: number): string {
  let text = start;
  while (text.length < chars) text += (text ? '\n\n' : '') + rng.pick(pool);
  return text.slice(0, Math.max(chars, Math.min(start.length, chars * 2)));
}

/**
 * A reply whose text the caller wrote: `tokens` is the text's true length, cut at
 * `limit` (the client's max_tokens) with finish "length".
 */
export function served(text: string, effort: number, limit?: number): Reply {
  let tokens = Math.max(1, estimateTokens(text));
  let finish: Reply['finish'] = 'stop';
  if (limit !== undefined && tokens >= limit) {
    tokens = limit;
    finish = 'length';
    text = text.slice(0, limit * 4);
  }
  return { text, tokens, finish, effort };
}

const SCORES: ((rng: Rng) => string)[] = [
  (r) => `${r.int(1, 10)}`,
  (r) => `Score: ${r.int(1, 10)}/10`,
  (r) => `{"score": ${r.int(1, 5)}}`,
  (r) => `Rating: [[${r.int(1, 10)}]]`,
  (r) => `[[${r.pick(['A', 'B'])}]]`,
  (r) => r.pick(['A', 'B', 'C', 'D', 'F']) + r.pick(['', '+', '-']),
  (r) => r.pick(['PASS', 'FAIL', 'acceptable', 'unacceptable']),
];

const STRENGTHS = [
  'answers the question directly',
  'is accurate',
  'is well organised',
  'gives a useful example',
  'is concise',
  'covers the main points',
  'follows the requested format',
];
const WEAKNESSES = [
  'misses an important detail',
  'contains a factual error',
  'is more verbose than needed',
  'does not follow the requested format',
  'makes an unsupported claim',
  'ignores part of the question',
  'is vague in its conclusion',
];
const OVERALL = [
  'Overall it is adequate.',
  'Overall it is helpful.',
  'Overall it falls short.',
  'A careful user would still need to check it.',
];

/** A grader's short critique of one response (or of `subject`). */
export function critique(rng: Rng, subject = 'The response'): string {
  const s = `${subject} ${rng.pick(STRENGTHS)}, but it ${rng.pick(WEAKNESSES)}.`;
  return rng.chance(0.5) ? s : `${s} ${rng.pick(OVERALL)}`;
}

/** A judge's comparison of two responses. */
export function comparison(rng: Rng): string {
  return `Assistant A ${rng.pick(STRENGTHS)}, while Assistant B ${rng.pick(WEAKNESSES)}. ${rng.pick(OVERALL)}`;
}

/** A short grade, sometimes with one line of justification (what a grading ask is served). */
export function scoreText(rng: Rng): string {
  const grade = rng.pick(SCORES)(rng);
  if (rng.chance(0.4)) return grade;
  const why = critique(rng);
  return rng.chance(0.5) ? `${grade}\n${why}` : `${why}\n\n${grade}`;
}

const CRITERIA = [
  'Correctness',
  'Completeness',
  'Clarity',
  'Helpfulness',
  'Harmlessness',
  'Honesty',
];

/** A rubric grade: the score, one justified line per criterion, notes up to `chars`. */
function gradeReport(rng: Rng, chars: number): string {
  const lines = [`Score: ${rng.int(1, 10)}/10`, '', 'Justification:'];
  for (const c of rng.shuffle([...CRITERIA]).slice(0, 3))
    lines.push(`- ${c} (${rng.int(0, 4)}/4): ${critique(rng, 'It')}`);
  let size = lines.join('\n').length;
  for (let guard = 0; size < chars && guard < 20; guard++) {
    const note = `Note: ${critique(rng, rng.pick(['The second paragraph', 'The conclusion', 'The example', 'The opening']))}`;
    lines.push(note);
    size += note.length + 1;
  }
  return lines.join('\n');
}

const CODE_NOTES = [
  'This runs in linear time and constant extra space.',
  'Edge cases: an empty input returns the default value.',
  'The helper is pure, so it is easy to test in isolation.',
  'Inputs are assumed to be valid; add checks if they come from users.',
  'A few tests:',
];

/** A code answer: the solution in a fenced block, notes, and further blocks until the length. */
function codeAnswer(rng: Rng, corpus: Corpus, first: string, chars: number): string {
  let text = codeBlock(first);
  for (let guard = 0; text.length < chars && guard < 200; guard++)
    text += rng.chance(0.5)
      ? `\n${rng.pick(CODE_NOTES)}\n`
      : `\nAnother way to write it:\n\n${codeBlock(rng.pick(corpus.code).a)}`;
  return text;
}

/**
 * A reply of `kind` about `tokens` long. `ref` is the reference answer or rationale when
 * the prompt came with one; `limit` the client's max_tokens (a reply that reaches it stops
 * with finish "length"). `tokens` is the text's true length (labels and single tokens
 * count as drawn: a tokenizer reads "positive" as one).
 */
export function makeReply(
  rng: Rng,
  corpus: Corpus,
  kind: ReplyKind,
  tokens: number,
  ref = '',
  limit?: number,
): Reply {
  const t = Math.max(1, Math.round(tokens));
  const chars = t * 4;
  const effort = EFFORT[kind];
  switch (kind) {
    case 'token':
    case 'label': {
      const text =
        kind === 'token'
          ? rng.pick([' the', ' Yes', ' No', ' A', ' 1', '\n', ' It'])
          : rng.pick(LABELS);
      const capped = limit !== undefined && t >= limit;
      return { text, tokens: capped ? limit : t, finish: capped ? 'length' : 'stop', effort };
    }
    case 'math':
    case 'reasoning':
      return served(derivation(rng, corpus, ref, chars), effort, limit);
    case 'mcq': {
      const w = derivation(rng, corpus, ref, Math.min(chars, 1600));
      const letter = /\(([A-E])\)/.exec(ref)?.[1] ?? rng.pick(['A', 'B', 'C', 'D']);
      return served(`${w}\n\nAnswer: ${letter}`, effort, limit);
    }
    case 'rationale': {
      // A rationale in prose, then the answer on a line of its own: what rationale
      // distillation collects (Hsieh et al. 2023, "Distilling Step-by-Step", arXiv 2305.02301).
      const letter = /\(([A-E])\)/.exec(ref)?.[1];
      const answer = letter ? `(${letter})` : rng.pick(['yes', 'no']);
      const prose = ref
        ? ref.replace(/\s*\n+\s*/g, ' ')
        : fill(rng, corpus.replies, '', Math.min(chars, 1400));
      return served(`${prose}\n\n${rng.pick(ANSWER_LINES)}${answer}`, effort, limit);
    }
    case 'code':
      return served(codeAnswer(rng, corpus, ref || rng.pick(corpus.code).a, chars), effort, limit);
    case 'grader':
      return served(gradeReport(rng, Math.min(chars, 2400)), effort, limit);
    case 'score':
      return served(scoreText(rng), effort, limit);
    case 'list': {
      const n = Math.max(1, Math.min(20, Math.round(t / 25)));
      const items = Array.from({ length: n }, (_, i) => `${i + 1}. ${rng.pick(corpus.seeds)}`);
      return served(items.join('\n'), effort, limit);
    }
    case 'summary':
    case 'chat':
      return served(fill(rng, corpus.replies, '', chars), effort, limit);
  }
}

const ANSWER_LINES = ['Final answer: ', 'So the answer is ', 'Answer: ', '**Answer:** '];

const LABELS = [
  'positive',
  'negative',
  'neutral',
  'A',
  'B',
  'C',
  'D',
  'spam',
  'not spam',
  '{"label": "billing"}',
  '{"label": "technical"}',
];

/** A fenced Python code block. */
export function codeBlock(code: string, lang = 'python'): string {
  return `\`\`\`${lang}\n${code}\n\`\`\`\n`;
}

/** A reply that is a tool call (coding agents). */
export function toolReply(rng: Rng, toolUse: ToolUse): Reply {
  const say = rng.chance(0.5)
    ? rng.pick([
        "I'll check the file first.",
        'Let me run the tests.',
        'Searching the codebase.',
        'Applying the fix now.',
      ])
    : '';
  return { text: say, tokens: 20 + rng.int(0, 60), finish: 'tool', toolUse, effort: 0.3 };
}
