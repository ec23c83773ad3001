// Turns a neutral conversation plus the text the model serves into one telemetry event in
// the request's own API shape (OpenAI Chat Completions or Anthropic Messages), with token
// counts computed from the text actually sent and served.
import { encode, decode } from 'gpt-tokenizer';
import { tok } from './tokens.js';
import type { Rng } from './rng.js';
import { MODELS, type Actor, type Api, type Model } from './world.js';

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
export type NMsg =
  | { role: 'user'; text: string; blocks?: string[] }
  | { role: 'assistant'; text: string; calls?: ToolCall[] }
  | { role: 'tool'; callId: string; name: string; content: string };

export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  user?: string;
  metadataUserId?: string;
  toolChoice?: 'auto' | 'required' | 'none';
  stop?: string[];
  seed?: number;
  responseFormat?: 'json_object';
  reasoningEffort?: 'low' | 'medium' | 'high';
  thinkingBudget?: number;
  presencePenalty?: number;
}

export interface Conv {
  system?: string;
  /** Anthropic only: send the system prompt as blocks. */
  systemBlocks?: boolean;
  /** OpenAI only: role of the system message. */
  systemRole?: 'system' | 'developer';
  msgs: NMsg[];
  tools?: ToolDef[];
  params: Params;
}

export interface Served {
  text: string;
  calls?: ToolCall[];
  /** Extra choices when n > 1. */
  more?: string[];
  /** Hidden reasoning length, tokens (reasoning models only). */
  reasoning?: number;
  /** Per-token log-probabilities (top alternatives) when the request asked for them. */
  logprobs?: boolean;
  /** Forced stop reason, e.g. the client's stop sequence. */
  status?: number;
}

// ---- token counting: see tokens.ts ------------------------------------------------------

export function truncateTokens(s: string, n: number): string {
  const ids = encode(s);
  return ids.length <= n ? s : decode(ids.slice(0, n));
}

// ---- request shapes ------------------------------------------------------------------------

type Json = Record<string, unknown>;

function openaiBody(c: Conv, model: string): Json {
  const messages: Json[] = [];
  if (c.system) messages.push({ role: c.systemRole ?? 'system', content: c.system });
  for (const m of c.msgs) {
    if (m.role === 'user') {
      if (m.blocks)
        messages.push({
          role: 'user',
          content: [...m.blocks, m.text].map((t) => ({ type: 'text', text: t })),
        });
      else messages.push({ role: 'user', content: m.text });
    } else if (m.role === 'assistant') {
      const o: Json = { role: 'assistant', content: m.text || null };
      if (m.calls?.length)
        o.tool_calls = m.calls.map((k) => ({
          id: k.id,
          type: 'function',
          function: { name: k.name, arguments: JSON.stringify(k.args) },
        }));
      messages.push(o);
    } else messages.push({ role: 'tool', tool_call_id: m.callId, content: m.content });
  }
  const p = c.params;
  const b: Json = { model, messages };
  if (p.temperature !== undefined) b.temperature = p.temperature;
  if (p.top_p !== undefined) b.top_p = p.top_p;
  if (p.max_tokens !== undefined) {
    if (MODELS.think.id === model || MODELS.next.id === model)
      b.max_completion_tokens = p.max_tokens;
    else b.max_tokens = p.max_tokens;
  }
  if (p.n !== undefined) b.n = p.n;
  if (p.stream !== undefined) b.stream = p.stream;
  if (p.stream) b.stream_options = { include_usage: true };
  if (p.logprobs !== undefined) b.logprobs = p.logprobs;
  if (p.top_logprobs !== undefined) b.top_logprobs = p.top_logprobs;
  if (p.logit_bias !== undefined) b.logit_bias = p.logit_bias;
  if (p.stop) b.stop = p.stop;
  if (p.seed !== undefined) b.seed = p.seed;
  if (p.presencePenalty !== undefined) b.presence_penalty = p.presencePenalty;
  if (p.responseFormat) b.response_format = { type: p.responseFormat };
  if (p.reasoningEffort) b.reasoning_effort = p.reasoningEffort;
  if (c.tools?.length) {
    b.tools = c.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
    if (p.toolChoice) b.tool_choice = p.toolChoice;
  }
  if (p.user !== undefined) b.user = p.user;
  if (p.metadataUserId !== undefined) b.metadata = { user_id: p.metadataUserId };
  return b;
}

function anthropicBody(c: Conv, model: string): Json {
  const messages: Json[] = [];
  const push = (role: 'user' | 'assistant', block: Json) => {
    const last = messages[messages.length - 1];
    if (last && last.role === role && Array.isArray(last.content))
      (last.content as Json[]).push(block);
    else messages.push({ role, content: [block] });
  };
  for (const m of c.msgs) {
    if (m.role === 'user') {
      const last = messages[messages.length - 1];
      if (m.blocks || (last && last.role === 'user')) {
        for (const t of m.blocks ?? []) push('user', { type: 'text', text: t });
        push('user', { type: 'text', text: m.text });
      } else messages.push({ role: 'user', content: m.text });
    } else if (m.role === 'assistant') {
      if (m.calls?.length) {
        if (m.text) push('assistant', { type: 'text', text: m.text });
        for (const k of m.calls)
          push('assistant', { type: 'tool_use', id: k.id, name: k.name, input: k.args });
      } else messages.push({ role: 'assistant', content: m.text });
    } else push('user', { type: 'tool_result', tool_use_id: m.callId, content: m.content });
  }
  const p = c.params;
  const b: Json = { model, max_tokens: p.max_tokens ?? 4096, messages };
  if (c.system)
    b.system = c.systemBlocks
      ? [{ type: 'text', text: c.system, cache_control: { type: 'ephemeral' } }]
      : c.system;
  if (p.temperature !== undefined) b.temperature = p.temperature;
  if (p.top_p !== undefined) b.top_p = p.top_p;
  if (p.stream !== undefined) b.stream = p.stream;
  if (p.stop) b.stop_sequences = p.stop;
  if (p.thinkingBudget) b.thinking = { type: 'enabled', budget_tokens: p.thinkingBudget };
  if (c.tools?.length) {
    b.tools = c.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.parameters,
    }));
    if (p.toolChoice && p.toolChoice !== 'none')
      b.tool_choice = { type: p.toolChoice === 'required' ? 'any' : 'auto' };
  }
  if (p.metadataUserId !== undefined) b.metadata = { user_id: p.metadataUserId };
  return b;
}

function inputTokens(c: Conv): number {
  let n = 3;
  if (c.system) n += tok(c.system) + 4;
  for (const m of c.msgs) {
    n += 4;
    if (m.role === 'user') {
      n += tok(m.text);
      if (m.blocks) for (const b of m.blocks) n += tok(b) + 2;
    } else if (m.role === 'assistant') {
      n += tok(m.text);
      if (m.calls) for (const k of m.calls) n += tok(JSON.stringify(k.args)) + tok(k.name) + 6;
    } else n += tok(m.content) + 3;
  }
  if (c.tools) for (const t of c.tools) n += tok(JSON.stringify(t)) + 8;
  return n;
}

// ---- events --------------------------------------------------------------------------------

export interface Event {
  ts: number;
  account: string;
  key: string;
  ip: string;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  endpoint: 'chat.completions' | 'messages';
  model: string;
  request: Json;
  response: Json;
  status: number;
  action: 'allow';
}

const UPSTREAM_ERRORS: [number, string, string][] = [
  [500, 'api_error', 'The server had an error while processing your request.'],
  [503, 'overloaded', 'The model is currently overloaded. Please retry.'],
  [529, 'overloaded_error', 'Overloaded'],
  [504, 'timeout', 'Upstream model timed out.'],
];

function logprobEntries(
  rng: Rng,
  text: string,
  bias: Record<string, number> | undefined,
  k: number,
): Json[] {
  const ids = encode(text).slice(0, 64);
  const alts = [' the', ' a', '\n', ',', ' and', ' yes', ' no', ' is', '.', ' of', ' to', ' in'];
  const biasIds = Object.keys(bias ?? {});
  return ids.map((id) => {
    const token = decode([id]);
    const lp = -rng.exp(0.25);
    const top: Json[] = [{ token, logprob: lp }];
    let prev = lp;
    for (let i = 1; i < k; i++) {
      prev = prev - rng.exp(1.1) - 0.05;
      const alt =
        biasIds.length && rng.chance(0.6)
          ? decode([Number(rng.pick(biasIds)) % 190000])
          : rng.pick(alts);
      top.push({ token: alt, logprob: Number(prev.toFixed(4)) });
    }
    return { token, logprob: Number(lp.toFixed(4)), top_logprobs: k > 0 ? top : [] };
  });
}

/** Build the event: request body in the actor's API shape, response computed from `out`. */
export function makeEvent(
  a: Actor,
  ts: number,
  model: Model,
  c: Conv,
  out: Served,
  opts: { ip?: string; key?: string; api?: Api; errorRate?: number } = {},
): Event {
  const rng = a.rng;
  const api = opts.api ?? a.api;
  const request = api === 'openai' ? openaiBody(c, model.id) : anthropicBody(c, model.id);
  const inTok = inputTokens(c);
  const maxTok = c.params.max_tokens ?? (api === 'anthropic' ? 4096 : model.maxOut);
  let text = out.text;
  let visible = tok(text);
  let reasoning = model.reasoning ? (out.reasoning ?? Math.round(visible * rng.range(1.5, 4))) : 0;
  if (model.reasoning && c.params.reasoningEffort === 'low')
    reasoning = Math.round(reasoning * 0.3);
  let finish: string;
  const callTok = out.calls
    ? out.calls.reduce((s, k) => s + tok(JSON.stringify(k.args)) + 8, 0)
    : 0;
  if (reasoning > 0 && reasoning + visible + callTok > maxTok) {
    reasoning = Math.max(0, Math.min(reasoning, Math.floor(maxTok * 0.6)));
  }
  const room = Math.max(1, maxTok - reasoning - callTok);
  let truncated = false;
  if (visible > room) {
    text = truncateTokens(text, room);
    visible = room;
    truncated = true;
  }
  if (truncated) finish = api === 'openai' ? 'length' : 'max_tokens';
  else if (out.calls?.length) finish = api === 'openai' ? 'tool_calls' : 'tool_use';
  else finish = api === 'openai' ? 'stop' : 'end_turn';
  let moreTok = 0;
  const more = out.more?.map((t) => {
    const n = tok(t);
    if (n > room) {
      moreTok += room;
      return truncateTokens(t, room);
    }
    moreTok += n;
    return t;
  });
  const outTok = visible + callTok + reasoning + moreTok;
  const speed = model.tps * rng.range(0.75, 1.2);
  const latency = Math.round(
    model.ttft * rng.range(0.7, 1.6) +
      inTok * 0.02 +
      ((visible + callTok + reasoning) / speed) * 1000,
  );
  const response: Json = {
    text,
    inputTokens: inTok,
    outputTokens: outTok,
    finishReason: finish,
    latencyMs: latency,
  };
  if (model.reasoning) response.reasoningTokens = reasoning;
  if (out.calls?.length)
    response.toolCalls = out.calls.map((k) => ({
      id: k.id,
      name: k.name,
      arguments: JSON.stringify(k.args),
    }));
  if (more?.length) response.choices = [text, ...more];
  if (c.params.logprobs && api === 'openai')
    response.logprobs = logprobEntries(rng, text, c.params.logit_bias, c.params.top_logprobs ?? 0);
  let status = out.status ?? 200;
  const er = opts.errorRate ?? 0.006;
  if (status === 200 && rng.chance(er)) {
    const [code, type, message] = rng.pick(UPSTREAM_ERRORS);
    status = code;
    response.text = '';
    response.outputTokens = 0;
    response.finishReason = 'error';
    response.latencyMs = code === 504 ? 60000 + rng.int(0, 500) : rng.int(150, 4000);
    response.error = { type, message };
    delete response.reasoningTokens;
    delete response.toolCalls;
    delete response.choices;
    delete response.logprobs;
  }
  return {
    ts,
    account: a.rec.id,
    key: opts.key ?? (a.keys[0] as string),
    ip: opts.ip ?? '',
    userAgent: a.ua,
    ja4: a.client.ja4,
    headerOrder: a.client.headers(api),
    endpoint: api === 'openai' ? 'chat.completions' : 'messages',
    model: model.id,
    request,
    response,
    status,
    action: 'allow',
  };
}
