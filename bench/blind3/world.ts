// The shared machinery: accounts, actors (an account plus its client and network habits),
// time-of-day shapes, and the event builder that turns a neutral request description into
// the body its API would carry plus the response the gateway would record.
import type { Corpus } from './corpus.js';
import type { Api, Client } from './clients.js';
import type { Network } from './net.js';
import { Rng } from './rng.js';
import { FIRST, LAST, tokens, truncateTokens } from './text.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface AccountRec {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: string;
  route: string;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

export interface Actor {
  acct: AccountRec;
  keys: string[];
  clients: Client[];
  tz: number;
  ip: (r: Rng, ts: number) => string;
}

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export type NMsg =
  | { role: 'user' | 'assistant'; text: string }
  | { role: 'assistant'; text?: string; toolUse: { id: string; name: string; input: unknown } }
  | { role: 'tool'; toolUseId: string; result: string };

export interface Spec {
  model: string;
  system?: string;
  messages: NMsg[];
  answer: string;
  toolCall?: { id: string; name: string; input: unknown };
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  tools?: ToolDef[];
  extra?: Record<string, unknown>;
  /** Hidden reasoning length hint for reasoning models (tokens). */
  reasoning?: number;
  /** Extra output tokens beyond the first choice (n > 1). */
  extraOut?: number;
  client?: Client;
  key?: string;
  api?: Api;
}

export interface Plan {
  ts: number;
  seq: number;
  fam: number;
  build: (r: Rng) => Record<string, unknown>;
}

export type Shape = 'human' | 'work' | 'evening' | 'app' | 'flat' | 'night' | 'school';

const SHAPES: Record<Shape, number[]> = {
  //        0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23
  human: [3, 2, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 8, 8, 9, 9, 8, 8, 8, 9, 10, 10, 8, 5],
  work: [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 8, 12, 13, 12, 9, 11, 13, 13, 12, 9, 5, 3, 3, 3, 2, 1.5],
  evening: [5, 3, 1, 0.5, 0.3, 0.3, 0.5, 2, 3, 3, 3, 3, 4, 4, 5, 7, 9, 10, 10, 11, 12, 12, 10, 7],
  app: [4, 3, 2, 1.5, 1, 1, 2, 4, 6, 7, 8, 8, 8, 8, 8, 8, 8, 9, 10, 11, 11, 10, 8, 6],
  flat: [9, 9, 9, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 9, 9, 9, 9],
  night: [10, 12, 12, 12, 10, 8, 4, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 5, 8],
  school: [
    0.5, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 4, 8, 10, 10, 9, 8, 9, 10, 10, 11, 11, 10, 10, 9, 7, 4, 2,
  ],
};

const WEEKEND: Record<Shape, number> = {
  human: 0.9,
  work: 0.15,
  evening: 1.0,
  app: 1.1,
  flat: 1,
  night: 1,
  school: 0.6,
};

export const MODELS = {
  flagship: 'orion-2',
  mini: 'orion-2-mini',
  think: 'orion-2-think',
  next: 'orion-3',
} as const;

const TPS: Record<string, number> = {
  'orion-2': 70,
  'orion-2-mini': 150,
  'orion-2-think': 95,
  'orion-3': 60,
};

export class World {
  readonly plans: Plan[] = [];
  readonly accounts: AccountRec[] = [];
  readonly labels = new Map<string, Label>();
  readonly campaigns: { id: string; kind: string; accounts: string[] }[] = [];
  readonly families: { name: string; malicious: boolean }[] = [];
  readonly releaseTs: number;
  readonly end: number;
  private seq = 0;
  private idRng: Rng;
  private campaignSeq = 0;

  constructor(
    readonly rng: Rng,
    readonly net: Network,
    readonly corpus: Corpus,
    readonly start: number,
    readonly days: number,
    readonly scale: number,
  ) {
    this.end = start + days * DAY;
    this.releaseTs = start + Math.max(1, Math.floor(days / 2)) * DAY + 16 * HOUR;
    this.idRng = rng.fork('ids');
  }

  /** Scaled head-count for a family sized for the default 2,500 accounts. */
  n(base: number, min = 1): number {
    return Math.max(min, Math.round(base * this.scale));
  }

  family(name: string, malicious: boolean): number {
    this.families.push({ name, malicious });
    return this.families.length - 1;
  }

  campaign(kind: string): string {
    this.campaignSeq++;
    const id = `camp_${String(this.campaignSeq).padStart(2, '0')}_${this.idRng.hex(4)}`;
    this.campaigns.push({ id, kind, accounts: [] });
    return id;
  }

  key(): string {
    return `key_${this.idRng.base36(12)}`;
  }

  account(
    r: Rng,
    o: {
      persona: string;
      campaign: string | null;
      country: string;
      createdAt: number;
      email: string;
      signupIp: string;
      payment: string | null;
      tier: string;
      route: string;
    },
  ): AccountRec {
    const rec: AccountRec = {
      id: `acct_${this.idRng.base36(10)}`,
      createdAt: new Date(Math.floor(o.createdAt)).toISOString(),
      email: o.email,
      signupIp: o.signupIp,
      paymentFingerprint: o.payment,
      country: o.country,
      tier: o.tier,
      route: o.route,
    };
    void r;
    this.accounts.push(rec);
    this.labels.set(rec.id, {
      malicious: o.campaign !== null,
      persona: o.persona,
      campaign: o.campaign,
    });
    if (o.campaign) this.campaigns.find((c) => c.id === o.campaign)?.accounts.push(rec.id);
    return rec;
  }

  add(ts: number, fam: number, build: (r: Rng) => Record<string, unknown>): void {
    if (ts < this.start || ts >= this.end) return;
    this.plans.push({ ts: Math.floor(ts), seq: this.seq++, fam, build });
  }

  /** Times for one actor over the window: Poisson per day, placed by the day shape. */
  times(
    r: Rng,
    tz: number,
    shape: Shape,
    perDay: number,
    from = this.start,
    to = this.end,
  ): number[] {
    const out: number[] = [];
    const w = SHAPES[shape];
    const total = w.reduce((a, b) => a + b, 0);
    for (let d = -1; d <= this.days; d++) {
      const dayStartLocal = this.start + d * DAY;
      const dow = new Date(dayStartLocal).getUTCDay();
      const wk = dow === 0 || dow === 6 ? WEEKEND[shape] : 1;
      const n = r.poisson(perDay * wk * r.range(0.8, 1.2));
      for (let i = 0; i < n; i++) {
        let x = r.next() * total;
        let h = 0;
        for (; h < 23; h++) {
          x -= w[h]!;
          if (x < 0) break;
        }
        const ts = dayStartLocal + (h + r.next()) * HOUR - tz * HOUR;
        if (ts >= from && ts < to && ts >= this.start && ts < this.end) out.push(ts);
      }
    }
    return out.sort((a, b) => a - b);
  }

  /** Human working sessions: each a start time (by shape) and a length in requests. */
  sessions(
    r: Rng,
    tz: number,
    shape: Shape,
    perDay: number,
    from = this.start,
    to = this.end,
  ): number[] {
    return this.times(r, tz, shape, perDay, from, to);
  }
}

// ---------- people and addresses ----------

const PERSONAL_DOMAINS: [string, number][] = [
  ['gmail.com', 55],
  ['outlook.com', 10],
  ['hotmail.com', 6],
  ['yahoo.com', 5],
  ['icloud.com', 6],
  ['proton.me', 4],
  ['gmx.de', 2],
  ['qq.com', 1],
  ['yandex.ru', 1],
  ['mail.com', 1],
];

export function personName(r: Rng): [string, string] {
  return [r.pick(FIRST), r.pick(LAST)];
}

export function personalEmail(r: Rng): string {
  const [f, l] = personName(r);
  const local = r.pick([
    `${f}.${l}`,
    `${f}${l}`,
    `${f}.${l}${r.int(1, 99)}`,
    `${f[0]}${l}`,
    `${f}_${l}${r.int(70, 2005)}`,
    `${l}.${f}`,
    `${f}${r.int(100, 9999)}`,
  ]);
  return `${local}@${r.weighted(PERSONAL_DOMAINS)}`;
}

export function workEmail(r: Rng, domain: string): string {
  const [f, l] = personName(r);
  return `${r.pick([`${f}.${l}`, `${f[0]}${l}`, `${f}`])}@${domain}`;
}

export function payment(r: Rng): string {
  return `pm_${r.hex(16)}`;
}

// ---------- the event builder ----------

function toOpenAI(s: Spec): { messages: unknown[]; tools?: unknown[] } {
  const msgs: unknown[] = [];
  if (s.system)
    msgs.push({ role: s.model.includes('think') ? 'developer' : 'system', content: s.system });
  for (const m of s.messages) {
    if ('toolUse' in m) {
      msgs.push({
        role: 'assistant',
        content: m.text ?? null,
        tool_calls: [
          {
            id: m.toolUse.id,
            type: 'function',
            function: { name: m.toolUse.name, arguments: JSON.stringify(m.toolUse.input) },
          },
        ],
      });
    } else if (m.role === 'tool') {
      msgs.push({ role: 'tool', tool_call_id: m.toolUseId, content: m.result });
    } else msgs.push({ role: m.role, content: m.text });
  }
  const out: { messages: unknown[]; tools?: unknown[] } = { messages: msgs };
  if (s.tools?.length)
    out.tools = s.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  return out;
}

function toAnthropic(s: Spec): { messages: unknown[]; tools?: unknown[] } {
  const msgs: { role: string; content: unknown }[] = [];
  const push = (role: string, block: Record<string, unknown>): void => {
    const last = msgs[msgs.length - 1];
    if (last && last.role === role && Array.isArray(last.content))
      (last.content as unknown[]).push(block);
    else msgs.push({ role, content: [block] });
  };
  for (const m of s.messages) {
    if ('toolUse' in m) {
      if (m.text) push('assistant', { type: 'text', text: m.text });
      push('assistant', {
        type: 'tool_use',
        id: m.toolUse.id,
        name: m.toolUse.name,
        input: m.toolUse.input,
      });
    } else if (m.role === 'tool') {
      push('user', { type: 'tool_result', tool_use_id: m.toolUseId, content: m.result });
    } else {
      const last = msgs[msgs.length - 1];
      if (last && last.role === m.role) push(m.role, { type: 'text', text: m.text });
      else msgs.push({ role: m.role, content: m.text });
    }
  }
  const out: { messages: unknown[]; tools?: unknown[] } = { messages: msgs };
  if (s.tools?.length)
    out.tools = s.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.parameters,
    }));
  return out;
}

function msgTokens(s: Spec): number {
  let t = s.system ? tokens(s.system) + 4 : 0;
  for (const m of s.messages) {
    if ('toolUse' in m)
      t += 12 + tokens(JSON.stringify(m.toolUse.input)) + (m.text ? tokens(m.text) : 0);
    else if (m.role === 'tool') t += 8 + tokens(m.result);
    else t += 4 + tokens(m.text);
  }
  if (s.tools) for (const tool of s.tools) t += tokens(JSON.stringify(tool)) + 6;
  return t + 3;
}

const ERRORS: [number, string, string][] = [
  [
    429,
    'rate_limit_error',
    'Rate limit reached for requests per minute. Please retry after a short wait.',
  ],
  [429, 'rate_limit_error', 'Too many tokens per minute for this key.'],
  [500, 'api_error', 'The upstream model returned an internal error.'],
  [529, 'overloaded_error', 'The model is temporarily overloaded.'],
  [400, 'invalid_request_error', 'The prompt is too long for the context window of this model.'],
  [400, 'invalid_request_error', 'Invalid value for temperature: must be between 0 and 2.'],
];

export function buildEvent(actor: Actor, ts: number, s: Spec, r: Rng): Record<string, unknown> {
  const client = s.client ?? actor.clients[0]!;
  const api: Api = s.api ?? client.api;
  const stream = s.stream ?? r.chance(client.stream);
  const maxTokens = s.max_tokens;
  const reasoningModel =
    s.model.includes('think') || (s.model === MODELS.next && (s.reasoning ?? 0) > 0);
  let request: Record<string, unknown>;
  if (api === 'openai') {
    const body = toOpenAI(s);
    request = { model: s.model, messages: body.messages };
    if (s.temperature !== undefined) request['temperature'] = s.temperature;
    if (s.top_p !== undefined) request['top_p'] = s.top_p;
    if (maxTokens !== undefined) {
      if (reasoningModel) request['max_completion_tokens'] = maxTokens;
      else request['max_tokens'] = maxTokens;
    }
    if (s.n !== undefined) request['n'] = s.n;
    if (stream) {
      request['stream'] = true;
      if (r.chance(0.6)) request['stream_options'] = { include_usage: true };
    }
    if (s.logprobs) {
      request['logprobs'] = true;
      if (s.top_logprobs !== undefined) request['top_logprobs'] = s.top_logprobs;
    }
    if (s.logit_bias) request['logit_bias'] = s.logit_bias;
    if (body.tools) request['tools'] = body.tools;
    if (reasoningModel && s.reasoning)
      request['reasoning_effort'] = s.reasoning > 1500 ? 'high' : 'medium';
  } else {
    const body = toAnthropic(s);
    request = { model: s.model, max_tokens: maxTokens ?? 4096, messages: body.messages };
    if (s.system) request['system'] = s.system;
    if (s.temperature !== undefined && !(reasoningModel && s.reasoning))
      request['temperature'] = s.temperature;
    if (s.top_p !== undefined) request['top_p'] = s.top_p;
    if (stream) request['stream'] = true;
    if (body.tools) request['tools'] = body.tools;
    if (reasoningModel && s.reasoning)
      request['thinking'] = { type: 'enabled', budget_tokens: s.reasoning > 1500 ? 8000 : 2048 };
  }
  if (s.extra) Object.assign(request, s.extra);

  const ev: Record<string, unknown> = {
    ts: Math.floor(ts),
    requestId: `req_${r.hex(24)}`,
    account: actor.acct.id,
    key: s.key ?? actor.keys[0]!,
    ip: actor.ip(r, ts),
    userAgent: client.userAgent,
    ja4: client.ja4,
    headerOrder: client.headerOrder,
    endpoint: api === 'openai' ? 'chat.completions' : 'messages',
    model: s.model,
    request,
  };
  const inputTokens = msgTokens(s);
  if (r.chance(0.01)) {
    const [status, type, message] = r.pick(ERRORS);
    ev['status'] = status;
    ev['action'] = 'allow';
    ev['error'] = { type, message };
    return ev;
  }
  let text = s.answer;
  let out = tokens(text) + (s.extraOut ?? 0);
  if (s.toolCall) out += 10 + tokens(JSON.stringify(s.toolCall.input));
  let finish: string;
  const cap = maxTokens ?? (api === 'anthropic' ? 4096 : 16384);
  if (out >= cap && !s.toolCall) {
    text = truncateTokens(text, cap);
    out = cap;
    finish = api === 'openai' ? 'length' : 'max_tokens';
  } else if (s.toolCall) finish = api === 'openai' ? 'tool_calls' : 'tool_use';
  else finish = api === 'openai' ? 'stop' : 'end_turn';
  const reasoningTokens = reasoningModel
    ? Math.round((s.reasoning ?? 400) * r.logNormal(1, 0.5))
    : undefined;
  const tps = (TPS[s.model] ?? 70) * r.range(0.75, 1.25);
  const ttft = r.logNormal(380, 0.45) + inputTokens * 0.04;
  const latency = ttft + ((out + (reasoningTokens ?? 0)) / tps) * 1000;
  const response: Record<string, unknown> = {
    text,
    inputTokens,
    outputTokens: out + (reasoningTokens ?? 0),
    finishReason: finish,
    latencyMs: Math.round(latency),
  };
  if (reasoningTokens !== undefined) response['reasoningTokens'] = reasoningTokens;
  if (s.toolCall)
    response['toolCalls'] = [{ id: s.toolCall.id, name: s.toolCall.name, input: s.toolCall.input }];
  ev['response'] = response;
  ev['status'] = 200;
  ev['action'] = 'allow';
  return ev;
}

export function toolId(r: Rng, api: Api): string {
  return api === 'openai' ? `call_${r.base36(24)}` : `toolu_01${r.base36(22)}`;
}
