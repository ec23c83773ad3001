/**
 * Requests and responses on the wire: one internal description of a call (system text,
 * turns, tool definitions and calls, sampling parameters) written out in the shape the
 * client's API uses — OpenAI chat.completions or Anthropic messages — plus the served
 * response summary the gateway records (tokens, finish reason, latency).
 */
import type { EventResponse, TelemetryEvent } from '../../src/telemetry/event.js';
import type { Client } from './clients.js';
import type { Rng } from './rng.js';

/** The response summary, with the reasoning tokens a reasoning upstream reports. */
export interface Served extends EventResponse {
  reasoningTokens?: number;
  /** Tool calls the model made (names and arguments), when it made any. */
  toolCalls?: { name: string; arguments: string }[];
}

/** A telemetry event as written (assignable to the project's TelemetryEvent). */
export type HEvent = {
  ts: number;
  account: string;
  key: string;
  requestId: string;
  ip: string;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  endpoint: 'chat.completions' | 'messages';
  model: string;
  request: { messages: unknown[]; [k: string]: unknown };
  response?: Served;
  status: number;
  action: string;
  error?: string;
};
// Compile-time check that the written shape is the contract's.
export const asTelemetry = (e: HEvent): TelemetryEvent => e;

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}
export interface ToolResult {
  id: string;
  content: string;
  error?: boolean;
  /** True token length when `content` was stored shortened (a long file or log). */
  tokens?: number;
}

/** One conversation turn, API-neutral. */
export interface Turn {
  role: 'user' | 'assistant';
  text?: string;
  calls?: ToolCall[];
  results?: ToolResult[];
  /** Send this user text as a content-block array instead of a string. */
  blocks?: boolean;
  /** True token length of `text` when the text was stored shortened (an earlier answer in the history). */
  tokens?: number;
}

/** Sampling and other body parameters (absent ones are not sent). */
export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  /** OpenAI reasoning-model clients send max_completion_tokens instead. */
  newCap?: boolean;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  stop?: string[];
  seed?: number;
  json?: boolean;
  /** Anthropic extended-thinking budget. */
  thinking?: number;
  /** OpenAI reasoning effort. */
  effort?: 'low' | 'medium' | 'high';
  /** End-user id (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
  toolChoice?: 'auto' | 'required';
}

/** A call, before it is written in an API's shape. */
export interface Call {
  model: string;
  system?: string;
  /** OpenAI: send the system text as a `developer` message. */
  developer?: boolean;
  /** Anthropic: send the system text as a block array with a cache breakpoint. */
  cacheSystem?: boolean;
  turns: Turn[];
  tools?: ToolDef[];
  params: Params;
}

/** What the model produced for a call. */
export interface Output {
  text: string;
  /** Visible output tokens (the true length, however much of the text is stored). */
  tokens: number;
  /** Hidden reasoning tokens, on reasoning models. */
  reasoning?: number;
  calls?: ToolCall[];
}

const tokenCache = new Map<string, number>();

/** Approximate tokens of a text: ~4 ASCII characters, ~1 CJK character, ~2.3 other characters per token. */
export function tokens(s: string): number {
  if (s.length > 600) {
    const hit = tokenCache.get(s);
    if (hit !== undefined) return hit;
  }
  let ascii = 0;
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ascii++;
    else if ((c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) cjk++;
    else other++;
  }
  const n = Math.max(1, Math.ceil(ascii / 4 + cjk * 1.1 + other / 2.3));
  if (s.length > 600) {
    if (tokenCache.size > 5000) tokenCache.clear();
    tokenCache.set(s, n);
  }
  return n;
}

const REASONING_MODELS = /think|reason/;
export const isReasoningModel = (m: string): boolean => REASONING_MODELS.test(m);

function openaiTools(tools: ToolDef[]): unknown[] {
  return tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
}

function anthropicTools(tools: ToolDef[]): unknown[] {
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    input_schema: t.parameters,
  }));
}

function openaiMessages(call: Call): unknown[] {
  const out: unknown[] = [];
  if (call.system)
    out.push({ role: call.developer ? 'developer' : 'system', content: call.system });
  for (const t of call.turns) {
    if (t.role === 'user') {
      if (t.results)
        for (const r of t.results)
          out.push({ role: 'tool', tool_call_id: r.id, content: r.content });
      if (t.text !== undefined)
        out.push({ role: 'user', content: t.blocks ? [{ type: 'text', text: t.text }] : t.text });
    } else {
      const m: Record<string, unknown> = { role: 'assistant', content: t.text ?? null };
      if (t.calls)
        m.tool_calls = t.calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.args) },
        }));
      out.push(m);
    }
  }
  return out;
}

function anthropicMessages(call: Call): unknown[] {
  const out: unknown[] = [];
  for (const t of call.turns) {
    if (t.role === 'user') {
      if (t.results) {
        const content: unknown[] = t.results.map((r) => ({
          type: 'tool_result',
          tool_use_id: r.id,
          content: r.content,
          ...(r.error ? { is_error: true } : {}),
        }));
        if (t.text !== undefined) content.push({ type: 'text', text: t.text });
        out.push({ role: 'user', content });
      } else
        out.push({
          role: 'user',
          content: t.blocks ? [{ type: 'text', text: t.text ?? '' }] : (t.text ?? ''),
        });
    } else if (t.calls) {
      const content: unknown[] = t.text ? [{ type: 'text', text: t.text }] : [];
      for (const c of t.calls)
        content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
      out.push({ role: 'assistant', content });
    } else out.push({ role: 'assistant', content: t.text ?? '' });
  }
  return out;
}

/** The request body as the client's SDK would send it. */
export function body(call: Call, api: Client['api']): Record<string, unknown> {
  const p = call.params;
  const b: Record<string, unknown> = { model: call.model };
  if (api === 'openai') {
    b.messages = openaiMessages(call);
    if (p.temperature !== undefined) b.temperature = p.temperature;
    if (p.top_p !== undefined) b.top_p = p.top_p;
    if (p.max_tokens !== undefined)
      b[p.newCap ? 'max_completion_tokens' : 'max_tokens'] = p.max_tokens;
    if (p.n !== undefined) b.n = p.n;
    if (p.stream) {
      b.stream = true;
      b.stream_options = { include_usage: true };
    }
    if (p.logprobs !== undefined) b.logprobs = p.logprobs;
    if (p.top_logprobs !== undefined) b.top_logprobs = p.top_logprobs;
    if (p.logit_bias !== undefined) b.logit_bias = p.logit_bias;
    if (p.stop) b.stop = p.stop;
    if (p.seed !== undefined) b.seed = p.seed;
    if (p.json) b.response_format = { type: 'json_object' };
    if (p.effort) b.reasoning_effort = p.effort;
    if (call.tools && call.tools.length > 0) {
      b.tools = openaiTools(call.tools);
      if (p.toolChoice) b.tool_choice = p.toolChoice;
    }
    if (p.user) b.user = p.user;
  } else {
    b.max_tokens = p.max_tokens ?? 4096;
    if (call.system)
      b.system = call.cacheSystem
        ? [{ type: 'text', text: call.system, cache_control: { type: 'ephemeral' } }]
        : call.system;
    b.messages = anthropicMessages(call);
    if (p.temperature !== undefined) b.temperature = Math.min(1, p.temperature);
    if (p.top_p !== undefined) b.top_p = p.top_p;
    if (p.stop) b.stop_sequences = p.stop;
    if (p.stream) b.stream = true;
    if (p.thinking) b.thinking = { type: 'enabled', budget_tokens: p.thinking };
    if (call.tools && call.tools.length > 0) {
      b.tools = anthropicTools(call.tools);
      if (p.toolChoice) b.tool_choice = { type: p.toolChoice === 'required' ? 'any' : 'auto' };
    }
    if (p.user) b.metadata = { user_id: p.user };
  }
  return b;
}

const toolDefCache = new WeakMap<ToolDef[], number>();

/** Input tokens of a call: text of every part, tool definitions, per-message overhead. */
export function inputTokens(call: Call): number {
  let n = call.system ? tokens(call.system) + 4 : 0;
  for (const t of call.turns) {
    n += 4;
    if (t.text) n += t.tokens ?? tokens(t.text);
    if (t.calls) for (const c of t.calls) n += 12 + tokens(JSON.stringify(c.args));
    if (t.results) for (const r of t.results) n += 6 + (r.tokens ?? tokens(r.content));
  }
  if (call.tools && call.tools.length > 0) {
    let d = toolDefCache.get(call.tools);
    if (d === undefined) {
      d = tokens(JSON.stringify(call.tools)) + 20;
      toolDefCache.set(call.tools, d);
    }
    n += d;
  }
  return n;
}

/** Stored response text is cut here; the token counts keep the true length. */
export const TEXT_CAP = 1200;
/** Earlier answers carried in a later request are stored cut here (their token counts stay whole). */
export const HISTORY_CAP = 600;

/** Who sends a request: account, key, network address, client. */
export interface Sender {
  account: string;
  key: string;
  ip: string;
  client: Client;
}

/** The telemetry event of one served request. */
export function event(ts: number, s: Sender, call: Call, out: Output, rng: Rng): HEvent {
  const api = s.client.api;
  const p = call.params;
  const inTok = inputTokens(call);
  const reasoning = isReasoningModel(call.model)
    ? Math.max(0, Math.round(out.reasoning ?? out.tokens * rng.range(0.4, 1.6)))
    : 0;
  const n = api === 'openai' ? Math.max(1, p.n ?? 1) : 1;
  let visible = Math.max(1, out.tokens) * n;
  let stop: 'stop' | 'length' | 'tool' = out.calls && out.calls.length > 0 ? 'tool' : 'stop';
  const cap = p.max_tokens ?? (api === 'anthropic' ? 4096 : undefined);
  // OpenAI counts reasoning inside max_completion_tokens; Anthropic's budget sits inside max_tokens too.
  if (cap !== undefined && visible + reasoning > cap * n) {
    visible = Math.max(1, cap * n - reasoning);
    stop = 'length';
  }
  const total = visible + reasoning;
  const rate = call.model.includes('flash') ? rng.range(140, 220) : rng.range(55, 110);
  const ttft = Math.round(
    180 + rng.lognormal(350, 0.45) + inTok * 0.015 + (reasoning / rate) * 1000,
  );
  const latencyMs = Math.round(ttft + (visible / n / rate) * 1000);
  const text = out.text.length > TEXT_CAP ? out.text.slice(0, TEXT_CAP) : out.text;
  const finish =
    api === 'openai'
      ? { stop: 'stop', length: 'length', tool: 'tool_calls' }[stop]
      : { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use' }[stop];
  const response: Served = {
    text,
    inputTokens: inTok,
    outputTokens: total,
    finishReason: finish,
    latencyMs,
  };
  if (p.stream) response.firstByteMs = ttft;
  if (reasoning > 0) response.reasoningTokens = reasoning;
  if (out.calls && out.calls.length > 0 && stop === 'tool')
    response.toolCalls = out.calls.map((c) => ({
      name: c.name,
      arguments: JSON.stringify(c.args),
    }));
  return {
    ts,
    account: s.account,
    key: s.key,
    requestId: `req_${rng.id(20)}`,
    ip: s.ip,
    userAgent: s.client.userAgent,
    ja4: s.client.ja4,
    headerOrder: s.client.headerOrder,
    endpoint: api === 'openai' ? 'chat.completions' : 'messages',
    model: call.model,
    request: body(call, api) as HEvent['request'],
    response,
    status: 200,
    action: 'allow',
  };
}

/** A request the upstream failed (overloaded, timeout): no response, an error code. */
export function failed(ts: number, s: Sender, call: Call, rng: Rng): HEvent {
  const api = s.client.api;
  const status = rng.weighted([
    [500, 2],
    [529, api === 'anthropic' ? 3 : 0],
    [503, api === 'openai' ? 3 : 0],
    [504, 1],
  ] as const);
  return {
    ts,
    account: s.account,
    key: s.key,
    requestId: `req_${rng.id(20)}`,
    ip: s.ip,
    userAgent: s.client.userAgent,
    ja4: s.client.ja4,
    headerOrder: s.client.headerOrder,
    endpoint: api === 'openai' ? 'chat.completions' : 'messages',
    model: call.model,
    request: body(call, api) as HEvent['request'],
    status,
    action: 'allow',
    error: status === 504 ? 'upstream_timeout' : 'upstream_overloaded',
  };
}
