/**
 * Building blocks shared by the families: the family contract, account ageing, human
 * pacing, and running a conversation turn by turn through the wire layer.
 */
import type { Rng } from './rng.js';
import { DAY, HOUR, MINUTE, MODELS, type Profile, dayFactor, sampleTimes } from './world.js';
import {
  type Actor,
  type Ask,
  type CallOptions,
  type Msg,
  type Params,
  type Reply,
  type World,
  call,
} from './wire.js';

/** A family of accounts (one persona) and the traffic they send. */
export interface Family {
  persona: string;
  malicious: boolean;
  /** Campaign id and kind for malicious families. */
  campaign?: { id: string; kind: string };
  behaviour: string;
  /** Account count for a world of `total` accounts (at least 1). */
  size(total: number): number;
  make(w: World, n: number): { actors: Actor[]; run(): void };
}

export function scaled(base: number, total: number, min = 1): number {
  return Math.max(min, Math.round((base * total) / 2500));
}

/** Account creation time between `minDays` and `maxDays` before the window. */
export function agedBefore(w: World, rng: Rng, minDays: number, maxDays: number): number {
  return w.win.start - rng.range(minDays, maxDays) * DAY - rng.range(0, DAY);
}

/** Think-and-type time between a reply and the person's next message. */
export function humanGap(rng: Rng, median = 70_000): number {
  return Math.min(40 * MINUTE, Math.max(6000, rng.logNormal(median, 0.8)));
}

export interface Turn {
  user: string;
  reply: Reply;
}

export interface Conversation {
  system?: string;
  turns: Turn[];
}

/** Sends a conversation turn by turn; returns when the last reply ended. */
export function converse(
  w: World,
  a: Actor,
  start: number,
  conv: Conversation,
  model: string | ((ts: number) => string),
  params: Params,
  opts: CallOptions & { gap?: number } = {},
): number {
  const msgs: Msg[] = [];
  let t = start;
  let end = start;
  for (const turn of conv.turns) {
    msgs.push({ role: 'user', text: turn.user });
    const ask: Ask = { model: typeof model === 'string' ? model : model(t), msgs, params };
    if (conv.system !== undefined) ask.system = conv.system;
    end = call(w, a, t, ask, turn.reply, opts);
    msgs.push({ role: 'assistant', text: turn.reply.text });
    t = end + humanGap(a.rng, opts.gap);
  }
  return end;
}

/**
 * Daily human activity: on each active day, a Poisson number of sessions at times
 * that follow the profile in the account's local time.
 */
export function eachSession(
  w: World,
  a: Actor,
  o: { activeProb: number; sessions: number; profile: Profile; from?: number },
  fn: (ts: number, day: number) => number,
): void {
  let busyUntil = 0;
  for (let day = 0; day < w.win.days; day += 1) {
    if (!a.rng.chance(Math.min(1, o.activeProb * dayFactor(o.profile, day)))) continue;
    const count = Math.max(1, a.rng.poisson(o.sessions));
    for (const ts of sampleTimes(a.rng, w.win, day, count, o.profile, a.tz)) {
      if (o.from !== undefined && ts < o.from) continue;
      const at = Math.max(ts, busyUntil + a.rng.range(2, 30) * MINUTE);
      busyUntil = fn(at, day);
    }
  }
}

/** Generation parameters people typically leave at or near the defaults. */
export function humanParams(rng: Rng, stream = rng.chance(0.6)): Params {
  const p: Params = {};
  if (rng.chance(0.45)) p.temperature = rng.pick([0.2, 0.5, 0.7, 0.7, 0.8, 1]);
  if (rng.chance(0.35)) p.max_tokens = rng.pick([512, 1000, 1024, 2048, 4096]);
  if (stream) p.stream = true;
  if (rng.chance(0.15)) p.sysRole = 'developer';
  return p;
}

/** Typical model choice for ordinary users, moving to the new model after release. */
export function userModel(
  w: World,
  rng: Rng,
  weights: { lite: number; pro: number; think: number },
  adopt = 0.06,
) {
  return (ts: number): string => {
    if (ts > w.win.releaseAt && rng.chance(adopt)) return MODELS.think3;
    return rng.weighted([
      [MODELS.lite, weights.lite],
      [MODELS.pro, weights.pro],
      [MODELS.think, weights.think],
    ] as const);
  };
}

export { DAY, HOUR, MINUTE };
