import type { DemoFinish, DemoPlan } from './plan.js';
import { deltas } from './pace.js';
import type { Step } from './pace.js';
import { fnv1a } from '../../hash/fnv.js';

/**
 * The demo model's legacy Completions (`text_completion` objects and chunks ending with
 * `data: [DONE]`) and its Embeddings: hashed bag-of-words vectors (each word adds ±1 at a
 * position from its hash, then the vector is L2-normalised), so texts that share words
 * come out close — enough to try retrieval code against, not a language model's geometry.
 */

type Json = Record<string, unknown>;

const FINISH: Record<DemoFinish, string> = {
  stop: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  tool: 'stop',
};

const completionId = (plan: DemoPlan) => `cmpl-demo${plan.seed.toString(16).padStart(8, '0')}`;

function usage(plan: DemoPlan): Json {
  const completion = plan.choices.reduce((n, c) => n + c.textTokens, 0);
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
  };
}

/** A non-streaming `text_completion`. */
export function completionObject(plan: DemoPlan, model: string): Json {
  return {
    id: completionId(plan),
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: plan.choices.map((c, index) => ({
      text: c.text,
      index,
      logprobs: null,
      finish_reason: FINISH[c.finish],
    })),
    usage: usage(plan),
  };
}

/** The stream of `text_completion` chunks; choices interleave; usage last when asked. */
export function* completionSteps(
  plan: DemoPlan,
  model: string,
  includeUsage: boolean,
): Generator<Step> {
  const head = {
    id: completionId(plan),
    object: 'text_completion',
    created: Math.floor(Date.now() / 1000),
    model,
  };
  const chunk = (index: number, text: string, finish: string | null, tokens: number): Step => ({
    ev: {
      data: JSON.stringify({
        ...head,
        choices: [{ text, index, logprobs: null, finish_reason: finish }],
        ...(includeUsage ? { usage: null } : {}),
      }),
    },
    tokens,
  });
  // Choices interleave, one chunk each in turn, as a real server's do.
  const lists = plan.choices.map((c, index) => {
    const parts = deltas(c.text, 1);
    return [
      ...parts.map((p) => chunk(index, p, null, c.textTokens / parts.length)),
      chunk(index, '', FINISH[c.finish], 0),
    ];
  });
  const longest = Math.max(...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) yield l[i]!;
  if (includeUsage)
    yield { ev: { data: JSON.stringify({ ...head, choices: [], usage: usage(plan) }) }, tokens: 0 };
  yield { ev: { data: '[DONE]' }, tokens: 0 };
}

/** A unit vector of `dims` from the words of `text` (feature hashing; sign from a second hash). */
export function embedText(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of words) {
    const h = fnv1a(w);
    v[h % dims]! += (fnv1a(w, 0x9e3779b9) & 1) === 0 ? 1 : -1;
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => Math.round((x / norm) * 1e6) / 1e6);
}

/** An `embeddings` list: one vector per input, as floats or base64 (little-endian float32). */
export function embeddingsObject(
  inputs: string[],
  model: string,
  dims: number,
  base64: boolean,
  promptTokens: number,
): Json {
  return {
    object: 'list',
    data: inputs.map((text, index) => {
      const vec = embedText(text, dims);
      return {
        object: 'embedding',
        index,
        embedding: base64 ? Buffer.from(new Float32Array(vec).buffer).toString('base64') : vec,
      };
    }),
    model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
