/**
 * Request bodies in each API's own shape (OpenAI chat completions, Anthropic messages) from one
 * neutral description of a call, and the response summary the gateway would log for it.
 */
import { tokens } from './respond.js';
import type { Rng } from './rng.js';

/** The provider's model line-up; `next` is released during the run. */
export const MODELS = {
  flash: 'helix-1.5-flash',
  pro: 'helix-1.5-pro',
  reasoner: 'helix-1.5-reasoner',
  next: 'helix-2',
} as const;

const SPEED: Record<string, { ttft: number; perToken: number; reasons: boolean }> = {
  [MODELS.flash]: { ttft: 260, perToken: 6, reasons: false },
  [MODELS.pro]: { ttft: 520, perToken: 15, reasons: false },
  [MODELS.reasoner]: { ttft: 850, perToken: 10, reasons: true },
  [MODELS.next]: { ttft: 700, perToken: 13, reasons: true },
};

/** A tool the client declares. */
export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** A tool call the model made. */
export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/** One turn of the conversation history. */
export interface Turn {
  role: 'user' | 'assistant';
  text?: string;
  calls?: ToolCall[];
  results?: { id: string; content: string }[];
}

/** Sampling and API options, only those the client actually sets. */
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
  seed?: number;
  stop?: string[];
  json?: boolean;
}

/** A call, independent of the API that carries it. */
export interface Call {
  api: 'openai' | 'anthropic';
  model: string;
  system?: string;
  /** Anthropic only: send the system prompt as text blocks (cache-control style clients). */
  systemBlocks?: boolean;
  /** OpenAI only: `developer` role instead of `system`. */
  developer?: boolean;
  turns: Turn[];
  tools?: ToolDef[];
  params: Params;
}

/** What the model produced. */
export interface Reply {
  text: string;
  calls?: ToolCall[];
  /** Multiplier of visible tokens spent on hidden reasoning (reasoning models only). */
  think?: number;
}

function openaiMessages(call: Call): unknown[] {
  const msgs: unknown[] = [];
  if (call.system !== undefined)
    msgs.push({ role: call.developer ? 'developer' : 'system', content: call.system });
  for (const t of call.turns) {
    if (t.role === 'user') {
      for (const r of t.results ?? [])
        msgs.push({ role: 'tool', tool_call_id: r.id, content: r.content });
      if (t.text !== undefined) msgs.push({ role: 'user', content: t.text });
    } else {
      const m: Record<string, unknown> = { role: 'assistant', content: t.text ?? null };
      if (t.calls && t.calls.length > 0) {
        m.tool_calls = t.calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.input) },
        }));
      }
      msgs.push(m);
    }
  }
  return msgs;
}

function anthropicMessages(call: Call): unknown[] {
  return call.turns.map((t) => {
    if (t.role === 'user') {
      if (!t.results || t.results.length === 0) return { role: 'user', content: t.text ?? '' };
      const blocks: unknown[] = t.results.map((r) => ({
        type: 'tool_result',
        tool_use_id: r.id,
        content: r.content,
      }));
      if (t.text !== undefined) blocks.push({ type: 'text', text: t.text });
      return { role: 'user', content: blocks };
    }
    if (!t.calls || t.calls.length === 0) return { role: 'assistant', content: t.text ?? '' };
    const blocks: unknown[] = [];
    if (t.text) blocks.push({ type: 'text', text: t.text });
    for (const c of t.calls)
      blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: c.input });
    return { role: 'assistant', content: blocks };
  });
}

/** The body exactly as the client would send it. */
export function requestBody(call: Call): Record<string, unknown> {
  const p = call.params;
  if (call.api === 'openai') {
    const b: Record<string, unknown> = { model: call.model, messages: openaiMessages(call) };
    if (p.temperature !== undefined) b.temperature = p.temperature;
    if (p.top_p !== undefined) b.top_p = p.top_p;
    if (p.max_tokens !== undefined) b.max_tokens = p.max_tokens;
    if (p.n !== undefined) b.n = p.n;
    if (p.logprobs !== undefined) b.logprobs = p.logprobs;
    if (p.top_logprobs !== undefined) b.top_logprobs = p.top_logprobs;
    if (p.logit_bias !== undefined) b.logit_bias = p.logit_bias;
    if (p.seed !== undefined) b.seed = p.seed;
    if (p.stop !== undefined) b.stop = p.stop;
    if (p.json) b.response_format = { type: 'json_object' };
    if (call.tools) {
      b.tools = call.tools.map((t) => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.parameters },
      }));
    }
    if (p.user !== undefined) b.user = p.user;
    if (p.stream !== undefined) {
      b.stream = p.stream;
      if (p.stream) b.stream_options = { include_usage: true };
    }
    return b;
  }
  const b: Record<string, unknown> = { model: call.model, max_tokens: p.max_tokens ?? 1024 };
  if (call.system !== undefined) {
    b.system = call.systemBlocks
      ? [{ type: 'text', text: call.system, cache_control: { type: 'ephemeral' } }]
      : call.system;
  }
  b.messages = anthropicMessages(call);
  if (p.temperature !== undefined) b.temperature = p.temperature;
  if (p.top_p !== undefined) b.top_p = p.top_p;
  if (p.stop !== undefined) b.stop_sequences = p.stop;
  if (call.tools) {
    b.tools = call.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.parameters,
    }));
  }
  if (p.user !== undefined) b.metadata = { user_id: p.user };
  if (p.stream !== undefined) b.stream = p.stream;
  return b;
}

function inputTokens(call: Call): number {
  let n = 3;
  if (call.system) n += tokens(call.system) + 4;
  for (const t of call.turns) {
    n += 4;
    if (t.text) n += tokens(t.text);
    for (const c of t.calls ?? []) n += tokens(JSON.stringify(c.input)) + 8;
    for (const r of t.results ?? []) n += tokens(r.content) + 6;
  }
  if (call.tools) n += tokens(JSON.stringify(call.tools));
  return n;
}

/** The response summary for the log: text, token counts, API-native stop reason, latency. */
export function responseFor(rng: Rng, call: Call, reply: Reply): Record<string, unknown> {
  const cap = call.params.max_tokens ?? (call.api === 'anthropic' ? 1024 : 16384);
  let text = reply.text;
  let out =
    tokens(text) +
    (reply.calls ?? []).reduce((s, c) => s + tokens(JSON.stringify(c.input)) + 12, 0);
  let truncated = false;
  if (out > cap) {
    // A one-word label under a tiny cap is a single token: keep it whole.
    if (cap > 2 || /\s/.test(text.trim())) text = text.slice(0, cap * 4);
    out = cap;
    truncated = true;
  }
  const n = call.params.n ?? 1;
  const outTotal = out * n;
  const speed = SPEED[call.model] ?? { ttft: 500, perToken: 12, reasons: false };
  const inTok = inputTokens(call);
  const reasoning = speed.reasons
    ? Math.round(out * (reply.think ?? rng.lognormal(1.8, 0.5)) + rng.int(40, 200))
    : 0;
  const latency = Math.round(
    rng.lognormal(speed.ttft, 0.3) +
      inTok * 0.04 +
      (outTotal + reasoning) * speed.perToken * rng.float(0.8, 1.3),
  );
  const hasCalls = (reply.calls ?? []).length > 0;
  let finish: string;
  if (call.api === 'openai') finish = truncated ? 'length' : hasCalls ? 'tool_calls' : 'stop';
  else finish = truncated ? 'max_tokens' : hasCalls ? 'tool_use' : 'end_turn';
  const r: Record<string, unknown> = {
    text,
    inputTokens: inTok,
    outputTokens: outTotal,
    finishReason: finish,
    latencyMs: latency,
  };
  if (speed.reasons) r.reasoningTokens = reasoning;
  if (hasCalls)
    r.toolCalls = (reply.calls ?? []).map((c) => ({ id: c.id, name: c.name, input: c.input }));
  return r;
}
