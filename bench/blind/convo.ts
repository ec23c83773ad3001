/**
 * Shared conversational pieces: follow-up turns, model choice and parameters that honest
 * people's chat front-ends send, and one chat session with a plausible answer per turn.
 */
import type { Client } from './clients.js';
import { codeAnswer, proseAnswer, workedAnswer } from './respond.js';
import type { Rng } from './rng.js';
import { MODELS, type Call, type Params, type Reply } from './wire.js';
import { converse, type Actor, type World } from './world.js';

const FOLLOW_UPS = [
  'thanks! can you make it shorter?',
  'Can you give me an example?',
  'ok and what if I only have half the budget',
  'That makes sense. What would you do first?',
  'can you put that in a table',
  'Hmm, are you sure about the second point?',
  'Perfect, thank you',
  'Could you rewrite that in a more casual tone?',
  'what are the downsides though',
  'Great. Now translate it to Spanish please',
];

/** The API a client speaks (either-API clients pick one per account). */
export function apiOf(rng: Rng, client: Client): 'openai' | 'anthropic' {
  if (client.api !== 'either') return client.api;
  return rng.chance(0.7) ? 'openai' : 'anthropic';
}

/** What a chat front-end sends: streaming, sometimes an explicit temperature and cap. */
export function uiParams(rng: Rng, api: 'openai' | 'anthropic'): Params {
  const p: Params = { stream: true };
  if (rng.chance(0.4)) p.temperature = rng.pick([0.7, 1, 0.8, 0.5]);
  if (api === 'anthropic' || rng.chance(0.3)) p.max_tokens = rng.pick([1024, 2048, 4096, 8192]);
  return p;
}

/** A casual chat model mix (helix-2 only once released). */
export function chatModel(rng: Rng, world: World, t: number): string {
  if (t >= world.release && rng.chance(0.25)) return MODELS.next;
  return rng.weighted([
    [MODELS.flash, 55],
    [MODELS.pro, 38],
    [MODELS.reasoner, 7],
  ]);
}

/** Seconds-scale pause between turns of a person typing. */
export function humanGap(rng: Rng): number {
  return Math.min(20 * 60_000, rng.lognormal(75_000, 0.8));
}

/** One chat session: a corpus dialog, or a single prompt with a few follow-ups. */
export function chatSession(
  world: World,
  rng: Rng,
  actor: Actor,
  t: number,
  api: 'openai' | 'anthropic',
  opts: { system?: string; maxTurns?: number } = {},
): number {
  const c = world.corpus;
  const model = chatModel(rng, world, t);
  const base: Omit<Call, 'turns'> = { api, model, params: uiParams(rng, api) };
  if (opts.system !== undefined) base.system = opts.system;
  const maxTurns = opts.maxTurns ?? 4;
  const roll = rng.next();
  let turns: string[];
  let first: Reply | undefined;
  if (roll < 0.2 && c.dialogs.length > 0) {
    turns = rng.pick(c.dialogs).slice(0, maxTurns);
  } else if (roll < 0.3) {
    const w = rng.pick(c.math);
    turns = [w.q];
    first = { text: workedAnswer(rng, w) };
  } else if (roll < 0.38) {
    const code = rng.pick(c.code);
    turns = [code.q];
    first = { text: codeAnswer(rng, code) };
  } else {
    const pair = rng.pick(c.chat);
    turns = [pair.q];
    first = { text: proseAnswer(rng, pair.q, pair.a) };
  }
  const extra = rng.weighted([
    [0, 55],
    [1, 25],
    [2, 12],
    [3, 8],
  ]);
  for (let i = 0; i < extra && turns.length < maxTurns; i++) turns.push(rng.pick(FOLLOW_UPS));
  return converse(
    world,
    rng,
    actor,
    t,
    base,
    turns,
    (i, prompt) => (i === 0 && first ? first : { text: proseAnswer(rng, prompt) }),
    () => humanGap(rng),
  );
}
