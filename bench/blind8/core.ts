// Shared machinery for personas: accounts, plans (cheap placeholders sorted before any
// event is rendered), timing shapes and the event builder.
import type { Corpus } from './corpus.js';
import { Rng, hash32 } from './rng.js';
import {
  type AccountRecord,
  type Client,
  type Model,
  type Msg,
  type Params,
  type WorldTime,
  DAY,
  HOUR,
  buildRequest,
  buildResponse,
  inputTokensOf,
} from './world.js';

export interface Acct {
  idx: number;
  rec: AccountRecord;
  family: string;
  persona: string;
  campaign: string | null;
  malicious: boolean;
  /** Local offset from UTC, hours. */
  tz: number;
  clients: Client[];
  ipPool: string[];
  ipStick: 'request' | 'session' | 'day';
  keys: string[];
  /** Free numeric knobs for the persona. */
  p: Record<string, number>;
  /** Free string knobs for the persona. */
  s: Record<string, string>;
}

/** A placeholder for one request: enough to re-create it deterministically. */
export interface Plan {
  ts: number;
  a: number;
  /** Session seed. */
  s: number;
  /** Turn within the session. */
  t: number;
  /** Session length or a persona-specific code. */
  k: number;
}

export interface Ctx {
  corpus: Corpus;
  time: WorldTime;
  models: Record<string, Model>;
}

export interface Reply {
  text: string;
  toolCalls?: { id: string; name: string; args: Record<string, unknown> }[];
  reasoningTokens?: number;
}

export interface Event {
  ts: number;
  account: string;
  key: string;
  requestId: string;
  ip: string;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  endpoint: Client['endpoint'];
  model: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  status: number;
  action: string;
}

export interface Family {
  name: string;
  malicious: boolean;
  plan(acct: Acct, rng: Rng, ctx: Ctx, push: (p: Plan) => void): void;
  render(acct: Acct, plan: Plan, ctx: Ctx): Event;
}

// ---------------------------------------------------------------------------------------
// Timing.

/** Relative activity by local hour for a person. */
const HUMAN = [
  0.15, 0.08, 0.05, 0.03, 0.03, 0.05, 0.15, 0.35, 0.7, 1, 1.1, 1.1, 0.9, 1, 1.1, 1.05, 1, 0.9, 0.7,
  0.65, 0.7, 0.65, 0.5, 0.3,
];
const WORK = [
  0.01, 0.01, 0, 0, 0, 0.01, 0.05, 0.3, 0.9, 1, 1, 0.95, 0.6, 0.9, 1, 1, 0.95, 0.75, 0.35, 0.15,
  0.12, 0.1, 0.06, 0.03,
];
const STUDENT = [
  0.5, 0.3, 0.15, 0.05, 0.02, 0.02, 0.05, 0.15, 0.3, 0.45, 0.55, 0.6, 0.6, 0.7, 0.8, 0.85, 0.9,
  0.95, 0.9, 1, 1.1, 1.1, 0.95, 0.7,
];
export const SHAPES = { human: HUMAN, work: WORK, student: STUDENT };

function hourPick(rng: Rng, shape: number[]): number {
  let total = 0;
  for (const w of shape) total += w;
  let r = rng.next() * total;
  for (let h = 0; h < 24; h++) {
    r -= shape[h]!;
    if (r <= 0) return h;
  }
  return 23;
}

/** Local weekday (0 = Monday) of a UTC ms in the account's zone. */
export function weekday(ts: number, tz: number): number {
  const d = new Date(ts + tz * HOUR).getUTCDay();
  return (d + 6) % 7;
}

/**
 * Session start times following a daily shape in local time; `perDay` sessions on an
 * average weekday, scaled by `weekend` on Saturday/Sunday; only within [from, to).
 */
export function sessionStarts(
  rng: Rng,
  acct: Acct,
  ctx: Ctx,
  perDay: number,
  shape: number[],
  weekend: number,
  from = ctx.time.start,
  to = ctx.time.end,
): number[] {
  const out: number[] = [];
  for (let d = -1; d <= ctx.time.days; d++) {
    const dayStartLocal = ctx.time.start + d * DAY - acct.tz * HOUR;
    const wd = weekday(dayStartLocal + 12 * HOUR, acct.tz);
    const lambda = perDay * (wd >= 5 ? weekend : 1);
    const n = rng.poisson(lambda);
    for (let i = 0; i < n; i++) {
      const h = hourPick(rng, shape);
      const ts = Math.floor(dayStartLocal + h * HOUR + rng.next() * HOUR);
      if (ts >= from && ts < to) out.push(ts);
    }
  }
  return out.sort((a, b) => a - b);
}

export function newSeed(rng: Rng): number {
  return rng.u32();
}

/** Pushes a session of `k` turns with gaps drawn from `gap` (ms). */
export function pushSession(
  acct: Acct,
  start: number,
  k: number,
  rng: Rng,
  gap: () => number,
  push: (p: Plan) => void,
  end: number,
): void {
  const s = newSeed(rng);
  let ts = start;
  for (let t = 0; t < k; t++) {
    if (ts >= end) break;
    push({ ts: Math.floor(ts), a: acct.idx, s, t, k });
    ts += gap();
  }
}

// ---------------------------------------------------------------------------------------
// Events.

export function pickModel(ctx: Ctx, ts: number, wanted: string): Model {
  const m = ctx.models[wanted] ?? ctx.models.main!;
  if (ts < m.releasedAt) return ctx.models.think!;
  return m;
}

export function ipFor(acct: Acct, plan: Plan, rng: Rng): string {
  const pool = acct.ipPool;
  if (pool.length === 1) return pool[0]!;
  let key: number;
  if (acct.ipStick === 'request') key = rng.u32();
  else if (acct.ipStick === 'session') key = plan.s;
  else key = hash32(`${acct.idx}:${Math.floor(plan.ts / DAY)}`);
  return pool[key % pool.length]!;
}

export interface EmitSpec {
  client: Client;
  model: Model;
  system: string | null;
  msgs: Msg[];
  params: Params;
  reply: Reply;
  status?: number;
}

export function emit(acct: Acct, plan: Plan, rng: Rng, spec: EmitSpec): Event {
  const { client, model } = spec;
  const request = buildRequest(client.endpoint, model.id, spec.system, spec.msgs, spec.params);
  const inTok = inputTokensOf(spec.system, spec.msgs, spec.params.tools);
  const ropts: Parameters<typeof buildResponse>[5] = {};
  if (spec.params.max_tokens !== undefined) ropts.maxTokens = spec.params.max_tokens;
  if (spec.reply.reasoningTokens !== undefined) ropts.reasoningTokens = spec.reply.reasoningTokens;
  if (spec.reply.toolCalls) ropts.toolCalls = spec.reply.toolCalls;
  let status = spec.status ?? 200;
  if (status === 200) {
    const r = rng.next();
    if (r < 0.0015) status = 500;
    else if (r < 0.0035) status = client.endpoint === 'messages' ? 529 : 503;
  }
  const response: Record<string, unknown> =
    status === 200
      ? { ...buildResponse(rng, client.endpoint, model, inTok, spec.reply.text, ropts) }
      : {
          text: '',
          inputTokens: inTok,
          outputTokens: 0,
          finishReason: 'error',
          latencyMs: rng.int(40, 30000),
        };
  return {
    ts: plan.ts,
    account: acct.rec.id,
    key: acct.keys[plan.s % acct.keys.length]!,
    requestId: `req_${rng.hex(24)}`,
    ip: ipFor(acct, plan, rng),
    userAgent: client.ua,
    ja4: client.ja4,
    headerOrder: client.headers,
    endpoint: client.endpoint,
    model: model.id,
    request,
    response,
    status,
    action: 'allow',
  };
}

/** Two seeded streams per plan: one for the whole session, one for this turn. */
export function planRngs(plan: Plan): { sess: Rng; turn: Rng } {
  return {
    sess: new Rng(`a${plan.a}:s${plan.s}`),
    turn: new Rng(`a${plan.a}:s${plan.s}:t${plan.t}:${plan.ts}`),
  };
}

export function clientFor(acct: Acct, plan: Plan): Client {
  return acct.clients[plan.s % acct.clients.length]!;
}
