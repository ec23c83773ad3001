/** The pieces every prompt source shares: its context and small helpers. */
import type { Corpus } from './corpus.js';
import type { Exchange, Params } from './exchange.js';
import type { Rng } from './prng.js';

/** What a prompt source sees when asked for its next exchange. */
export interface PromptCtx {
  rng: Rng;
  corpus: Corpus;
  /** Wall-clock time of the request. */
  ts: number;
  /** Index of this request among the actor's requests (0-based). */
  index: number;
  /** The actor's planned request count. */
  total: number;
}

/** Produces an actor's exchanges, one per request, in order. Sources keep their own state. */
export type PromptSource = (ctx: PromptCtx) => Exchange;

/** Fill `{slot}` placeholders. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m: string, k: string) => slots[k] ?? m);
}

/** Per-account habits: what the client sends when the user does not think about it. */
export interface Habits {
  temperature: number | undefined;
  maxTokens: number | undefined;
  stream: boolean;
  maxField: 'max_tokens' | 'max_completion_tokens';
}

/** Draw an account's habits. */
export function drawHabits(rng: Rng): Habits {
  return {
    temperature: rng.weighted<number | undefined>([
      [undefined, 4],
      [0.7, 3],
      [1, 2],
      [0.2, 1],
      [0.5, 1],
    ]),
    maxTokens: rng.weighted<number | undefined>([
      [undefined, 4],
      [1024, 2],
      [2048, 2],
      [4096, 2],
      [800, 1],
    ]),
    stream: rng.chance(0.7),
    maxField: rng.chance(0.8) ? 'max_tokens' : 'max_completion_tokens',
  };
}

/** Params from habits, with overrides. */
export function paramsFrom(h: Habits, extra: Params = {}): Params {
  const p: Params = { stream: h.stream, maxField: h.maxField };
  if (h.temperature !== undefined) p.temperature = h.temperature;
  if (h.maxTokens !== undefined) p.max_tokens = h.maxTokens;
  return { ...p, ...extra };
}
