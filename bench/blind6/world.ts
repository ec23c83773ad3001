// World model: accounts, slots, request/response building in both API shapes.
import type { Client } from './lib.js';
import { Rng, HOUR, approxTokens, residentialIp } from './lib.js';
import type { Corpus } from './corpus.js';

export const PROVIDER = 'Larkspur AI';
export const M_MINI = 'larkspur-2-mini';
export const M_STD = 'larkspur-2';
export const M_THINK = 'larkspur-2-think'; // reasoning model, reports reasoning tokens
export const M_NEW = 'larkspur-3'; // released mid-window, also reasoning
export const REASONING = new Set([M_THINK, M_NEW]);

export type Tier = 'unverified' | 'free' | 'pro' | 'enterprise';
export type Route = 'self-serve' | 'enterprise' | 'education' | 'research' | 'startup-credits';

export interface Acct {
  idx: number;
  id: string;
  family: string;
  persona: string;
  malicious: boolean;
  campaign: string | null;
  createdAt: number;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: Tier;
  route: Route;
  keys: string[];
  clients: Client[];
  ipMode: 'home' | 'fixed' | 'rotate' | 'pool';
  ips: string[];
  tz: number;
  adopt: number; // probability of using the new model once released
  p: Record<string, any>; // family parameters
  st: Record<string, any>; // render state
  r: Rng; // render stream
  events: number;
}

export interface Slot {
  ts: number;
  a: number; // account index
  s: number; // session number within account
  t: number; // turn within session
  n: number; // turns planned for the session
  item: number; // work item (e.g. campaign cursor), -1 if none
  tag: string;
}

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}
export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
export interface Msg {
  role: 'user' | 'assistant' | 'tool';
  text?: string;
  toolCalls?: ToolCall[];
  toolCallId?: string;
}
export interface Spec {
  model: string;
  system?: string | undefined;
  msgs: Msg[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  tools?: ToolDef[];
  tool_choice?: string;
  user?: string;
  seed?: number;
  response_format?: Record<string, unknown>;
  forceEndpoint?: 'chat.completions' | 'messages';
  out: {
    text: string;
    toolCalls?: ToolCall[];
    reasoning?: number; // reasoning tokens when the model is a reasoning model
    logprobs?: unknown;
    stop?: boolean; // force a natural stop even if long
  };
  status?: number;
  client?: Client;
  ip?: string;
}

export interface Ctx {
  seed: number;
  start: number;
  end: number;
  days: number;
  release: number;
  corpus: Corpus;
  accts: Acct[];
  slots: Slot[];
  campaigns: Map<string, { kind: string; accounts: string[] }>;
  r: Rng;
}

export function push(
  ctx: Ctx,
  a: Acct,
  ts: number,
  s: number,
  t: number,
  n: number,
  item = -1,
  tag = '',
): void {
  if (ts < ctx.start || ts >= ctx.end) return;
  ctx.slots.push({ ts: Math.floor(ts), a: a.idx, s, t, n, item, tag });
}

export function modelFor(a: Acct, ts: number, ctx: Ctx, pref: string): string {
  if (ts >= ctx.release && a.r.chance(a.adopt)) return M_NEW;
  return pref;
}

export function pickIp(a: Acct, r: Rng): string {
  switch (a.ipMode) {
    case 'home':
      return r.chance(0.85) ? a.ips[0]! : r.pick(a.ips);
    case 'fixed':
    case 'pool':
      return r.pick(a.ips);
    case 'rotate':
      return residentialIp(r.pick(a.ips), r); // ips holds country codes here
  }
}

function cut(s: string, max: number): string {
  return s.length > max ? s.slice(0, max) : s;
}

/** Build the telemetry event for a slot from a neutral spec. */
export function buildEvent(
  ctx: Ctx,
  a: Acct,
  slot: Slot,
  spec: Spec,
  reqRng: Rng,
): Record<string, unknown> {
  const r = a.r;
  const client = spec.client ?? (a.clients.length === 1 ? a.clients[0]! : r.pick(a.clients));
  let endpoint = spec.forceEndpoint ?? client.endpoint;
  if (spec.logprobs || spec.logit_bias || (spec.n ?? 1) > 1) endpoint = 'chat.completions';
  const isAnth = endpoint === 'messages';
  const reasoning = REASONING.has(spec.model);
  const cap = spec.max_tokens;

  // --------------------------- request body
  let request: Record<string, unknown>;
  const inTexts: string[] = [];
  if (spec.system) inTexts.push(spec.system);
  for (const m of spec.msgs) {
    if (m.text) inTexts.push(m.text);
    if (m.toolCalls) inTexts.push(JSON.stringify(m.toolCalls));
  }
  if (spec.tools) inTexts.push(JSON.stringify(spec.tools));
  if (isAnth) {
    const messages: Record<string, unknown>[] = [];
    for (const m of spec.msgs) {
      if (m.role === 'user') {
        messages.push({
          role: 'user',
          content: r.chance(0.5) ? (m.text ?? '') : [{ type: 'text', text: m.text ?? '' }],
        });
      } else if (m.role === 'assistant') {
        const blocks: Record<string, unknown>[] = [];
        if (m.text) blocks.push({ type: 'text', text: m.text });
        for (const tc of m.toolCalls ?? [])
          blocks.push({
            type: 'tool_use',
            id: tc.id.replace('call_', 'toolu_'),
            name: tc.name,
            input: tc.args,
          });
        messages.push({
          role: 'assistant',
          content: blocks.length === 1 && m.text ? m.text : blocks,
        });
      } else {
        const blk = {
          type: 'tool_result',
          tool_use_id: (m.toolCallId ?? '').replace('call_', 'toolu_'),
          content: m.text ?? '',
        };
        const prev = messages[messages.length - 1];
        if (
          prev &&
          prev['role'] === 'user' &&
          Array.isArray(prev['content']) &&
          (prev['content'] as any[])[0]?.type === 'tool_result'
        ) {
          (prev['content'] as unknown[]).push(blk);
        } else messages.push({ role: 'user', content: [blk] });
      }
    }
    request = { model: spec.model, max_tokens: cap ?? 4096, messages };
    if (spec.system)
      request['system'] = r.chance(0.6) ? spec.system : [{ type: 'text', text: spec.system }];
    if (spec.temperature !== undefined) request['temperature'] = spec.temperature;
    if (spec.top_p !== undefined) request['top_p'] = spec.top_p;
    if (spec.stream) request['stream'] = true;
    if (spec.tools)
      request['tools'] = spec.tools.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters,
      }));
    if (spec.user) request['metadata'] = { user_id: spec.user };
    if (reasoning && r.chance(0.5))
      request['thinking'] = {
        type: 'enabled',
        budget_tokens: Math.min(16000, Math.floor((cap ?? 8192) * 0.75)),
      };
  } else {
    const messages: Record<string, unknown>[] = [];
    if (spec.system)
      messages.push({
        role: reasoning && a.p['devRole'] ? 'developer' : 'system',
        content: spec.system,
      });
    for (const m of spec.msgs) {
      if (m.role === 'user') messages.push({ role: 'user', content: m.text ?? '' });
      else if (m.role === 'assistant') {
        const o: Record<string, unknown> = { role: 'assistant', content: m.text ?? null };
        if (m.toolCalls?.length)
          o['tool_calls'] = m.toolCalls.map((tc) => ({
            id: tc.id,
            type: 'function',
            function: { name: tc.name, arguments: JSON.stringify(tc.args) },
          }));
        messages.push(o);
      } else
        messages.push({ role: 'tool', tool_call_id: m.toolCallId ?? '', content: m.text ?? '' });
    }
    request = { model: spec.model, messages };
    if (spec.temperature !== undefined) request['temperature'] = spec.temperature;
    if (spec.top_p !== undefined) request['top_p'] = spec.top_p;
    if (cap !== undefined)
      request[reasoning && a.p['mct'] ? 'max_completion_tokens' : 'max_tokens'] = cap;
    if (spec.n !== undefined) request['n'] = spec.n;
    if (spec.stream) request['stream'] = true;
    if (spec.logprobs !== undefined) request['logprobs'] = spec.logprobs;
    if (spec.top_logprobs !== undefined) request['top_logprobs'] = spec.top_logprobs;
    if (spec.logit_bias) request['logit_bias'] = spec.logit_bias;
    if (spec.tools) request['tools'] = spec.tools.map((t) => ({ type: 'function', function: t }));
    if (spec.tool_choice) request['tool_choice'] = spec.tool_choice;
    if (spec.user) request['user'] = spec.user;
    if (spec.seed !== undefined) request['seed'] = spec.seed;
    if (spec.response_format) request['response_format'] = spec.response_format;
  }

  // --------------------------- response
  const status = spec.status ?? (r.chance(0.002) ? 500 : 200);
  let inputTokens = 0;
  for (const t of inTexts) inputTokens += approxTokens(t) + 4;
  let text = spec.out.text;
  let visible =
    approxTokens(text) +
    (spec.out.toolCalls ? approxTokens(JSON.stringify(spec.out.toolCalls)) : 0);
  let rTok = reasoning ? (spec.out.reasoning ?? Math.round(r.logNormal(420, 0.8))) : 0;
  let finish: string = spec.out.toolCalls?.length ? 'tool' : 'stop';
  if (cap !== undefined && visible + rTok > cap && !spec.out.stop) {
    finish = 'length';
    if (rTok > cap * 0.8) rTok = Math.floor(cap * 0.8);
    const room = Math.max(1, cap - rTok);
    if (visible > room) {
      text = text.slice(0, Math.max(1, Math.floor(text.length * (room / visible))));
      visible = room;
    }
  }
  const nOut = spec.n ?? 1;
  const outputTokens = (visible + rTok) * nOut;
  const tps = reasoning
    ? r.float(55, 95)
    : spec.model === M_MINI
      ? r.float(110, 190)
      : r.float(60, 120);
  const latencyMs = Math.round(
    r.float(180, 700) + (outputTokens / tps) * 1000 + inputTokens * 0.02,
  );
  const finishReason = isAnth
    ? finish === 'length'
      ? 'max_tokens'
      : finish === 'tool'
        ? 'tool_use'
        : 'end_turn'
    : finish === 'length'
      ? 'length'
      : finish === 'tool'
        ? 'tool_calls'
        : 'stop';
  let response: Record<string, unknown>;
  if (status !== 200) {
    response = {
      text: '',
      inputTokens,
      outputTokens: 0,
      finishReason: 'error',
      latencyMs: Math.round(r.float(20, 400)),
    };
  } else {
    response = { text, inputTokens, outputTokens, finishReason, latencyMs };
    if (reasoning) response['reasoningTokens'] = rTok * nOut;
    if (spec.out.toolCalls?.length)
      response['toolCalls'] = spec.out.toolCalls.map((tc) => ({
        id: isAnth ? tc.id.replace('call_', 'toolu_') : tc.id,
        name: tc.name,
        arguments: JSON.stringify(tc.args),
      }));
    if (spec.out.logprobs !== undefined) response['logprobs'] = spec.out.logprobs;
  }

  a.events++;
  return {
    ts: slot.ts,
    account: a.id,
    key: a.keys.length === 1 ? a.keys[0] : r.pick(a.keys),
    requestId: (isAnth ? 'msg_' : 'chatcmpl-') + reqRng.id(isAnth ? 24 : 29),
    ip: spec.ip ?? pickIp(a, r),
    userAgent: client.ua,
    ja4: client.ja4,
    headerOrder: client.headerOrder,
    endpoint,
    model: spec.model,
    request,
    response,
    status,
    action: 'allow',
  };
}

export function tcId(r: Rng): string {
  return 'call_' + r.id(24);
}
export function clip(s: string, n: number): string {
  return cut(s, n);
}
export { HOUR };
