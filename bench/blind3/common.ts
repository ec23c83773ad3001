// Small pieces shared by the honest and the campaign families.
import type { Turn } from './corpus.js';
import type { Rng } from './rng.js';
import { composeReply } from './text.js';
import { MODELS, type NMsg, type World } from './world.js';

export function lazy<T>(f: () => T): () => T {
  let v: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      v = f();
      done = true;
    }
    return v as T;
  };
}

/** Model choice for ordinary traffic; after the release some users move to the new model. */
export function everydayModel(w: World, r: Rng, ts: number, thinkShare = 0.1): string {
  if (
    ts > w.releaseTs &&
    r.chance(Math.min(0.25, 0.05 + (ts - w.releaseTs) / (w.end - w.releaseTs) / 4))
  )
    return MODELS.next;
  return r.weighted([
    [MODELS.mini, 0.45],
    [MODELS.flagship, 0.45 - thinkShare],
    [MODELS.think, thinkShare],
  ]);
}

/** History as neutral messages from corpus turns. */
export function history(turns: Turn[]): NMsg[] {
  return turns.map((t) => ({ role: t.role, text: t.text }));
}

/** The assistant's reply to turn i of a corpus dialogue, or a composed one. */
export function replyFor(w: World, r: Rng, turns: Turn[], i: number): string {
  const next = turns[i + 1];
  if (next && next.role === 'assistant') return next.text;
  return composeReply(turns[i]!.text, r, w.corpus, r.int(3, 9));
}

/** Request arrival offsets of a human chat: reading and typing between turns. */
export function humanGaps(r: Rng, n: number): number[] {
  const out = [0];
  for (let i = 1; i < n; i++) out.push(out[i - 1]! + r.logNormal(70_000, 0.8));
  return out;
}

export function maxTokensChoice(r: Rng): number | undefined {
  return r.weighted<number | undefined>([
    [undefined, 45],
    [1024, 12],
    [2048, 12],
    [4096, 18],
    [8192, 8],
    [512, 5],
  ]);
}
