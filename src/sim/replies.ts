/**
 * Response text for simulated exchanges, assembled from corpus answers and replies so the
 * recorded `response.text` reads like a model's output of the right kind and length.
 */
import type { Corpus } from './corpus.js';
import type { Reply, ToolUse } from './exchange.js';
import type { Rng } from './prng.js';

/** The kind of answer a prompt gets. */
export type ReplyKind = 'chat' | 'math' | 'reasoning' | 'code' | 'grader' | 'label' | 'summary' | 'list' | 'token';

const STEP_OPENERS = ['Let me work through this step by step.', "Let's think about this carefully.", 'First, let me restate the problem.', 'I will reason through each part in turn.'];

function fill(rng: Rng, pool: string[], start: string, chars: number): string {
  let text = start;
  while (text.length < chars) text += (text ? '\n\n' : '') + rng.pick(pool);
  return text.slice(0, Math.max(chars, Math.min(start.length, chars * 2)));
}

/**
 * A reply of `kind` about `tokens` long. `ref` is the reference answer or rationale when
 * the prompt came with one; `limit` the client's max_tokens (a reply that reaches it stops
 * with finish "length").
 */
export function makeReply(rng: Rng, corpus: Corpus, kind: ReplyKind, tokens: number, ref = '', limit?: number): Reply {
  let t = Math.max(1, Math.round(tokens));
  let finish: Reply['finish'] = 'stop';
  if (limit !== undefined && t >= limit) {
    t = limit;
    finish = 'length';
  }
  const chars = t * 4;
  let text: string;
  switch (kind) {
    case 'token':
      text = rng.pick([' the', ' Yes', ' No', ' A', ' 1', '\n', ' It']);
      break;
    case 'label':
      text = rng.pick(['positive', 'negative', 'neutral', 'A', 'B', 'C', 'D', 'spam', 'not spam', '{"label": "billing"}', '{"label": "technical"}']);
      break;
    case 'math':
      text = fill(rng, corpus.replies, ref || rng.pick(corpus.math).a, Math.min(chars, 2400));
      break;
    case 'reasoning':
      text = fill(rng, corpus.cot.map((c) => c.a), `${rng.pick(STEP_OPENERS)}\n\n${ref}`, chars);
      break;
    case 'code':
      text = fill(rng, corpus.replies, `\`\`\`python\n${ref || rng.pick(corpus.code).a}\n\`\`\`\n`, chars);
      break;
    case 'grader':
      text = fill(rng, corpus.replies, `Score: ${rng.int(1, 10)}/10\n\nJustification: `, chars);
      break;
    case 'list':
      text = corpus.seeds.length ? Array.from({ length: Math.max(1, Math.min(20, t / 25)) }, (_, i) => `${i + 1}. ${rng.pick(corpus.seeds)}`).join('\n') : '';
      break;
    case 'summary':
    case 'chat':
      text = fill(rng, corpus.replies, '', chars);
      break;
  }
  return { text, tokens: t, finish };
}

/** A reply that is a tool call (coding agents). */
export function toolReply(rng: Rng, toolUse: ToolUse): Reply {
  const say = rng.chance(0.5) ? rng.pick(["I'll check the file first.", 'Let me run the tests.', 'Searching the codebase.', 'Applying the fix now.']) : '';
  return { text: say, tokens: 20 + rng.int(0, 60), finish: 'tool', toolUse };
}
