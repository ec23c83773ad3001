// The simulated world for blind11: accounts, clocks, the request/response shapes of the two
// APIs, and lazily built events (an event's text is only produced when it is written out, so
// memory stays flat however many events a seed has).
import { hash32, Rng } from './rng.js';
import type { Client } from './net.js';
import { estimateTokens, truncateToTokens } from './tokens.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MIN = 60_000;

// ---------------------------------------------------------------------------------------------
// Models

export interface ModelInfo {
  name: string;
  tps: number; // output tokens per second
  ttft: number; // median time to first token, ms
  reasoning: boolean;
}

export const MODELS: Record<'flagship' | 'mini' | 'reasoner' | 'next' | 'legacy', ModelInfo> = {
  flagship: { name: 'nova-2', tps: 70, ttft: 520, reasoning: false },
  mini: { name: 'nova-2-mini', tps: 165, ttft: 260, reasoning: false },
  reasoner: { name: 'nova-r2', tps: 95, ttft: 900, reasoning: true },
  next: { name: 'nova-r3', tps: 82, ttft: 1100, reasoning: true },
  legacy: { name: 'nova-1.5', tps: 60, ttft: 480, reasoning: false },
};

// ---------------------------------------------------------------------------------------------
// Records

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: string;
  route: string;
  verified?: boolean;
  contract?: Record<string, unknown>;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
  family: string;
}

export interface Acct {
  idx: number;
  id: string;
  keys: string[];
  rec: AccountRecord;
  label: Label;
  tz: number;
  clients: Client[];
  /** Address for a request at `ts` (may rotate, stick, or share a NAT). */
  ip: (r: Rng, ts: number) => string;
  rng: Rng;
  events: number;
  createdMs: number;
}

// ---------------------------------------------------------------------------------------------
// Neutral conversation form, converted to either API's shape when an event is written.

export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}
export interface ToolDef {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}
export type NMsg =
  | { role: 'user'; text: string; asBlocks?: boolean }
  | { role: 'assistant'; text: string; tools?: ToolCall[] }
  | { role: 'tool'; results: { id: string; content: string; isError?: boolean }[] };

export interface Call {
  api: 'openai' | 'anthropic';
  model: ModelInfo;
  system?: string;
  systemRole?: 'system' | 'developer';
  systemCache?: boolean;
  messages: NMsg[];
  /** Body fields other than model/messages/system/max tokens/tools, in the client's order. */
  params?: Record<string, unknown>;
  maxTokens?: number;
  capField?: 'max_tokens' | 'max_completion_tokens';
  tools?: ToolDef[];
  toolChoice?: unknown;
  stream?: boolean;
  n?: number;
  // what the model answered
  reply: string;
  replyTools?: ToolCall[];
  reasoning?: number;
  cachedInput?: number;
  /** Prompt caching: every message but the last `cacheTail` ones was a cached prefix. */
  cacheTail?: number;
  respLogprobs?: unknown;
  status?: number;
  /** Force the output to stop at the cap (a harvester asking for more than it can get). */
  fillToCap?: boolean;
}

export interface Body {
  endpoint: 'chat.completions' | 'messages';
  model: string;
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  status: number;
}

function openaiMessages(c: Call): unknown[] {
  const out: unknown[] = [];
  if (c.system !== undefined) out.push({ role: c.systemRole ?? 'system', content: c.system });
  for (const m of c.messages) {
    if (m.role === 'user') {
      out.push({
        role: 'user',
        content: m.asBlocks ? [{ type: 'text', text: m.text }] : m.text,
      });
    } else if (m.role === 'assistant') {
      if (m.tools && m.tools.length > 0) {
        out.push({
          role: 'assistant',
          content: m.text.length > 0 ? m.text : null,
          tool_calls: m.tools.map((t) => ({
            id: t.id,
            type: 'function',
            function: { name: t.name, arguments: JSON.stringify(t.input) },
          })),
        });
      } else out.push({ role: 'assistant', content: m.text });
    } else {
      for (const r of m.results) out.push({ role: 'tool', tool_call_id: r.id, content: r.content });
    }
  }
  return out;
}

function anthropicMessages(c: Call): unknown[] {
  const out: unknown[] = [];
  for (const m of c.messages) {
    if (m.role === 'user') {
      out.push({
        role: 'user',
        content: m.asBlocks ? [{ type: 'text', text: m.text }] : m.text,
      });
    } else if (m.role === 'assistant') {
      if (m.tools && m.tools.length > 0) {
        const blocks: unknown[] = [];
        if (m.text.length > 0) blocks.push({ type: 'text', text: m.text });
        for (const t of m.tools)
          blocks.push({ type: 'tool_use', id: t.id, name: t.name, input: t.input });
        out.push({ role: 'assistant', content: blocks });
      } else out.push({ role: 'assistant', content: m.text });
    } else {
      out.push({
        role: 'user',
        content: m.results.map((r) =>
          r.isError
            ? { type: 'tool_result', tool_use_id: r.id, content: r.content, is_error: true }
            : { type: 'tool_result', tool_use_id: r.id, content: r.content },
        ),
      });
    }
  }
  return out;
}

function msgTokens(m: NMsg): number {
  if (m.role === 'tool') {
    let t = 0;
    for (const r of m.results) t += estimateTokens(r.content) + 6;
    return t;
  }
  let t = estimateTokens(m.text) + 4;
  if (m.role === 'assistant' && m.tools) {
    for (const tc of m.tools) t += estimateTokens(JSON.stringify(tc.input)) + 8;
  }
  return t;
}

function toolTokens(tools: ToolDef[] | undefined): number {
  if (!tools || tools.length === 0) return 0;
  let t = 12;
  for (const d of tools) {
    t +=
      estimateTokens(d.name) +
      estimateTokens(d.description) +
      estimateTokens(JSON.stringify(d.schema)) +
      8;
  }
  return t;
}

/** Turn a neutral call into the event body (request in its API's own shape, plus response). */
export function finalize(c: Call, r: Rng): Body {
  const anth = c.api === 'anthropic';
  const request: Record<string, unknown> = { model: c.model.name };
  if (anth) {
    request.max_tokens = c.maxTokens ?? 4096;
    if (c.system !== undefined) {
      request.system = c.systemCache
        ? [{ type: 'text', text: c.system, cache_control: { type: 'ephemeral' } }]
        : c.system;
    }
    request.messages = anthropicMessages(c);
  } else {
    request.messages = openaiMessages(c);
    if (c.maxTokens !== undefined) request[c.capField ?? 'max_tokens'] = c.maxTokens;
  }
  if (c.params) for (const [k, v] of Object.entries(c.params)) request[k] = v;
  if (!anth && c.n !== undefined) request.n = c.n;
  if (c.stream !== undefined) {
    request.stream = c.stream;
    if (c.stream && !anth && r.chance(0.6)) request.stream_options = { include_usage: true };
  }
  if (c.tools && c.tools.length > 0) {
    request.tools = anth
      ? c.tools.map((t) => ({ name: t.name, description: t.description, input_schema: t.schema }))
      : c.tools.map((t) => ({
          type: 'function',
          function: { name: t.name, description: t.description, parameters: t.schema },
        }));
    if (c.toolChoice !== undefined) request.tool_choice = c.toolChoice;
  }

  let input = 3 + toolTokens(c.tools);
  if (c.system !== undefined) input += estimateTokens(c.system) + 4;
  let tail = 0;
  const tailFrom = c.messages.length - (c.cacheTail ?? c.messages.length);
  for (let i = 0; i < c.messages.length; i++) {
    const t = msgTokens(c.messages[i]!);
    input += t;
    if (i >= tailFrom) tail += t;
  }
  let cached = c.cachedInput ?? 0;
  if (c.cacheTail !== undefined && c.cacheTail < c.messages.length) {
    const prefix = Math.floor((input - tail) / 64) * 64;
    cached = prefix >= 1024 ? prefix : 0;
  }

  const status = c.status ?? 200;
  if (status !== 200) {
    return {
      endpoint: anth ? 'messages' : 'chat.completions',
      model: c.model.name,
      request,
      response: {
        text: '',
        inputTokens: 0,
        outputTokens: 0,
        finishReason: 'error',
        latencyMs: Math.round(r.lognormal(status === 429 ? 25 : 900, 0.5)),
      },
      status,
    };
  }

  const cap = c.maxTokens ?? (anth ? 4096 : 16384);
  let reasoning = c.model.reasoning ? Math.max(0, Math.round(c.reasoning ?? 0)) : 0;
  if (reasoning > 0 && reasoning > cap - 16) {
    // Some runs finish thinking within the budget, others run out mid-thought.
    reasoning = r.chance(0.5)
      ? Math.round(cap * r.range(0.45, 0.8))
      : Math.max(0, cap - Math.round(r.range(16, 120)));
  }
  let text = c.reply;
  let visible = estimateTokens(text);
  let toolOut = 0;
  for (const t of c.replyTools ?? []) toolOut += estimateTokens(JSON.stringify(t.input)) + 10;
  let finish: string;
  const hasTools = (c.replyTools?.length ?? 0) > 0;
  if (reasoning + visible + toolOut > cap || c.fillToCap === true) {
    const room = Math.max(1, cap - reasoning - toolOut);
    const cut = truncateToTokens(text, room);
    // A one- or two-token cap still returns that token.
    text = cut.length > 0 || text.length === 0 ? cut : text.split(/(?=\s)/)[0]!.slice(0, 12);
    visible = room;
    finish = anth ? 'max_tokens' : 'length';
  } else if (cap <= 2 && visible >= cap) {
    finish = anth ? 'max_tokens' : 'length';
  } else if (hasTools) {
    finish = anth ? 'tool_use' : 'tool_calls';
  } else {
    finish = anth ? 'end_turn' : 'stop';
  }
  const n = c.n ?? 1;
  let outputTokens = visible + toolOut + reasoning;
  if (n > 1) {
    let extra = 0;
    for (let i = 1; i < n; i++) extra += Math.round((visible + reasoning) * r.range(0.75, 1.2));
    outputTokens += Math.min(extra, cap * (n - 1));
  }
  const ttft = r.lognormal(c.model.ttft, 0.35) + (input / r.range(6000, 14000)) * 1000;
  const gen = ((outputTokens / n) * 1000) / (c.model.tps * r.range(0.8, 1.2));
  const latencyMs = Math.round(ttft + gen);
  const response: Record<string, unknown> = {
    text,
    inputTokens: input,
    outputTokens,
    finishReason: finish,
    latencyMs,
  };
  if (reasoning > 0) response.reasoningTokens = reasoning;
  if (cached > 0) response.cachedInputTokens = Math.min(input, cached);
  if (hasTools) {
    response.toolCalls = (c.replyTools ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      input: t.input,
    }));
  }
  if (c.respLogprobs !== undefined) response.logprobs = c.respLogprobs;
  return {
    endpoint: anth ? 'messages' : 'chat.completions',
    model: c.model.name,
    request,
    response,
    status: 200,
  };
}

// ---------------------------------------------------------------------------------------------
// Clocks: 24-hour activity shapes in local time

export interface Rhythm {
  hours: number[]; // 24 weights, local time
  weekend: number; // multiplier on Saturday and Sunday
}

function shape(points: [number, number][]): number[] {
  const out: number[] = [];
  for (let h = 0; h < 24; h++) {
    let v = 0.02;
    for (const [c, w] of points) {
      const d = Math.min(Math.abs(h - c), 24 - Math.abs(h - c));
      v += w * Math.exp(-(d * d) / 4.5);
    }
    out.push(v);
  }
  return out;
}

export const RHYTHMS = {
  office: {
    hours: shape([
      [10, 1],
      [14.5, 1],
      [17, 0.5],
    ]),
    weekend: 0.15,
  },
  officeLate: {
    hours: shape([
      [11, 0.8],
      [15, 1],
      [21, 0.5],
    ]),
    weekend: 0.3,
  },
  evening: {
    hours: shape([
      [12.5, 0.3],
      [19, 0.8],
      [22, 1],
    ]),
    weekend: 1.3,
  },
  student: {
    hours: shape([
      [14, 0.5],
      [20, 0.9],
      [23.5, 1],
    ]),
    weekend: 0.9,
  },
  school: {
    hours: shape([
      [9, 1],
      [11.5, 0.9],
      [14, 0.8],
      [19.5, 0.5],
    ]),
    weekend: 0.25,
  },
  broad: {
    hours: shape([
      [10, 0.8],
      [15, 1],
      [20, 0.8],
    ]),
    weekend: 0.7,
  },
  flat: { hours: new Array<number>(24).fill(1), weekend: 1 },
  nearFlat: {
    hours: shape([
      [3, 0.2],
      [11, 0.4],
      [16, 0.5],
      [21, 0.4],
    ]).map((x) => x + 0.6),
    weekend: 0.9,
  },
  night: {
    hours: shape([
      [1, 1],
      [4, 0.8],
      [23, 0.6],
    ]),
    weekend: 1,
  },
} as const satisfies Record<string, Rhythm>;

export function localHour(ts: number, tz: number): number {
  const h = (ts / HOUR + tz) % 24;
  return (h + 24) % 24;
}

export function isWeekend(ts: number, tz: number): boolean {
  // The window starts on a Monday at 00:00 UTC; 1970-01-01 was a Thursday.
  const day = Math.floor((ts + tz * HOUR) / DAY);
  const dow = (day + 4) % 7; // 0 = Sunday
  return dow === 0 || dow === 6;
}

export function rhythmWeight(ts: number, tz: number, rh: Rhythm): number {
  const h = Math.floor(localHour(ts, tz));
  return rh.hours[h]! * (isWeekend(ts, tz) ? rh.weekend : 1);
}

/** `n` times in [from, to) drawn from the rhythm (sorted). */
export function sampleTimes(
  r: Rng,
  n: number,
  rh: Rhythm,
  tz: number,
  from: number,
  to: number,
): number[] {
  const out: number[] = [];
  if (to <= from || n <= 0) return out;
  let max = 0;
  for (const w of rh.hours) max = Math.max(max, w);
  max *= Math.max(1, rh.weekend);
  let guard = 0;
  while (out.length < n && guard < n * 400) {
    guard++;
    const t = from + r.next() * (to - from);
    if (r.next() * max <= rhythmWeight(t, tz, rh)) out.push(Math.floor(t));
  }
  return out.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// The world

export interface Pending {
  ts: number;
  seq: number;
  acct: number;
  ip: string;
  client: number;
  key: number;
  build: ((r: Rng, cl: Client) => Body) | null;
}

export interface Campaign {
  id: string;
  kind: string;
  accounts: string[];
}

export interface NewAccount {
  family: string;
  persona: string;
  malicious: boolean;
  campaign: string | null;
  createdAt: number;
  email: string;
  signupIp: string;
  payment: string | null;
  country: string;
  tz: number;
  tier: string;
  route: string;
  clients: Client[];
  ip: (r: Rng, ts: number) => string;
  keys?: number;
  verified?: boolean;
  contract?: Record<string, unknown>;
}

export class World {
  readonly seed: number;
  readonly rng: Rng;
  readonly start: number;
  readonly end: number;
  readonly release: number;
  readonly scale: number;
  readonly accounts: Acct[] = [];
  readonly campaigns: Campaign[] = [];
  readonly pending: Pending[] = [];
  private readonly ids = new Set<string>();
  private seq = 0;

  constructor(seed: number, start: number, days: number, scale: number) {
    this.seed = seed;
    this.rng = new Rng(hash32('blind11-world', seed));
    this.start = start;
    this.end = start + days * DAY;
    this.release = start + Math.floor(days * 0.52) * DAY + 16 * HOUR;
    this.scale = scale;
  }

  /** Scale a count by --scale, keeping at least `min`. */
  n(count: number, min = 1): number {
    return Math.max(min, Math.round(count * this.scale));
  }

  private uid(prefix: string, len: number): string {
    for (;;) {
      const id = prefix + this.rng.base36(len);
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  campaign(kind: string): Campaign {
    const c: Campaign = { id: this.uid('camp_', 6), kind, accounts: [] };
    this.campaigns.push(c);
    return c;
  }

  addAccount(a: NewAccount): Acct {
    const id = this.uid('acct_', 10);
    const createdMs = Math.min(Math.floor(a.createdAt), this.end - 30 * MIN);
    const keys: string[] = [];
    for (let i = 0; i < (a.keys ?? 1); i++) keys.push(this.uid('key_', 12));
    const rec: AccountRecord = {
      id,
      createdAt: new Date(createdMs).toISOString(),
      email: a.email,
      signupIp: a.signupIp,
      paymentFingerprint: a.payment,
      country: a.country,
      tier: a.tier,
      route: a.route,
    };
    if (a.verified !== undefined) rec.verified = a.verified;
    if (a.contract !== undefined) rec.contract = a.contract;
    const acct: Acct = {
      idx: this.accounts.length,
      id,
      keys,
      rec,
      label: {
        malicious: a.malicious,
        persona: a.persona,
        campaign: a.campaign,
        family: a.family,
      },
      tz: a.tz,
      clients: a.clients,
      ip: a.ip,
      rng: this.rng.fork('acct:' + id),
      events: 0,
      createdMs,
    };
    this.accounts.push(acct);
    if (a.campaign !== null) {
      const c = this.campaigns.find((x) => x.id === a.campaign);
      if (c) c.accounts.push(id);
    }
    return acct;
  }

  /** Schedule one request; its body is built when written. */
  emit(
    a: Acct,
    ts: number,
    build: (r: Rng, cl: Client) => Body,
    opts: { client?: number; ip?: string; key?: number } = {},
  ): void {
    if (ts < this.start || ts >= this.end || ts < a.createdMs) return;
    const client = opts.client ?? (a.clients.length > 1 ? a.rng.int(0, a.clients.length - 1) : 0);
    const key = opts.key ?? (a.keys.length > 1 ? a.rng.int(0, a.keys.length - 1) : 0);
    const ip = opts.ip ?? a.ip(a.rng, ts);
    this.pending.push({ ts: Math.floor(ts), seq: this.seq++, acct: a.idx, ip, client, key, build });
    a.events++;
  }

  eventRng(seq: number): Rng {
    return new Rng(hash32('ev:' + seq, this.seed));
  }
}
