// Renders a persona's request in its API's own wire shape (OpenAI Chat
// Completions or Anthropic Messages) and fills in a plausible served response.
import type { Rng } from './rng.js';
import { M, tokens, truncateToTokens, type Client } from './world.js';

export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

export type Msg =
  | { role: 'user'; text: string; image?: string }
  | { role: 'assistant'; text: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; callId: string; name: string; text: string; isError?: boolean };

export interface ToolDef {
  name: string;
  description: string;
  params: Record<string, unknown>;
}

export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  maxKey?: 'max_tokens' | 'max_completion_tokens';
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  seed?: number;
  json?: boolean;
  thinkingBudget?: number;
  reasoningEffort?: 'low' | 'medium' | 'high';
  stop?: string[];
  user?: string;
  toolChoice?: 'auto' | 'required';
  presencePenalty?: number;
  cacheSystem?: boolean;
  metadataUser?: string;
}

export interface Reply {
  text: string;
  toolCalls?: ToolCall[];
  reasoning?: number; // hidden reasoning tokens (reasoning models)
}

export interface Call {
  model: string;
  system?: string | string[];
  sysRole?: 'system' | 'developer';
  msgs: Msg[];
  params: Params;
  tools?: ToolDef[];
  reply: Reply;
  status?: number;
  api?: 'openai' | 'anthropic';
}

export interface Ctx {
  account: string;
  key: string;
  ip: string;
  client: Client;
}

export type Event = Record<string, unknown> & { ts: number; account: string };

function openaiBody(call: Call): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  if (call.system !== undefined) {
    const content = Array.isArray(call.system) ? call.system.join('\n\n') : call.system;
    messages.push({ role: call.sysRole ?? 'system', content });
  }
  for (const m of call.msgs) {
    if (m.role === 'user') {
      if (m.image)
        messages.push({
          role: 'user',
          content: [
            { type: 'text', text: m.text },
            { type: 'image_url', image_url: { url: m.image } },
          ],
        });
      else messages.push({ role: 'user', content: m.text });
    } else if (m.role === 'assistant') {
      const msg: Record<string, unknown> = { role: 'assistant', content: m.text || null };
      if (m.toolCalls?.length)
        msg.tool_calls = m.toolCalls.map((tc) => ({
          id: tc.id,
          type: 'function',
          function: { name: tc.name, arguments: JSON.stringify(tc.args) },
        }));
      messages.push(msg);
    } else {
      messages.push({ role: 'tool', tool_call_id: m.callId, content: m.text });
    }
  }
  const p = call.params;
  const body: Record<string, unknown> = { model: call.model, messages };
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.top_p !== undefined) body.top_p = p.top_p;
  if (p.max_tokens !== undefined) body[p.maxKey ?? 'max_tokens'] = p.max_tokens;
  if (p.n !== undefined) body.n = p.n;
  if (p.stream !== undefined) {
    body.stream = p.stream;
    if (p.stream) body.stream_options = { include_usage: true };
  }
  if (p.logprobs !== undefined) body.logprobs = p.logprobs;
  if (p.top_logprobs !== undefined) body.top_logprobs = p.top_logprobs;
  if (p.logit_bias !== undefined) body.logit_bias = p.logit_bias;
  if (p.seed !== undefined) body.seed = p.seed;
  if (p.presencePenalty !== undefined) body.presence_penalty = p.presencePenalty;
  if (p.json) body.response_format = { type: 'json_object' };
  if (p.reasoningEffort) body.reasoning_effort = p.reasoningEffort;
  if (p.stop) body.stop = p.stop;
  if (p.user) body.user = p.user;
  if (call.tools?.length) {
    body.tools = call.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.params },
    }));
    if (p.toolChoice) body.tool_choice = p.toolChoice;
  }
  return body;
}

function anthropicBody(call: Call): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  let pendingResults: Record<string, unknown>[] = [];
  const flush = (): void => {
    if (pendingResults.length) {
      messages.push({ role: 'user', content: pendingResults });
      pendingResults = [];
    }
  };
  for (const m of call.msgs) {
    if (m.role === 'tool') {
      const r: Record<string, unknown> = {
        type: 'tool_result',
        tool_use_id: m.callId,
        content: m.text,
      };
      if (m.isError) r.is_error = true;
      pendingResults.push(r);
      continue;
    }
    flush();
    if (m.role === 'user') {
      if (m.image)
        messages.push({
          role: 'user',
          content: [
            { type: 'image', source: { type: 'url', url: m.image } },
            { type: 'text', text: m.text },
          ],
        });
      else messages.push({ role: 'user', content: m.text });
    } else {
      if (m.toolCalls?.length) {
        const blocks: Record<string, unknown>[] = [];
        if (m.text) blocks.push({ type: 'text', text: m.text });
        for (const tc of m.toolCalls)
          blocks.push({ type: 'tool_use', id: tc.id, name: tc.name, input: tc.args });
        messages.push({ role: 'assistant', content: blocks });
      } else messages.push({ role: 'assistant', content: m.text });
    }
  }
  flush();
  const p = call.params;
  const body: Record<string, unknown> = { model: call.model, max_tokens: p.max_tokens ?? 4096 };
  if (call.system !== undefined) {
    if (Array.isArray(call.system) || p.cacheSystem) {
      const parts = Array.isArray(call.system) ? call.system : [call.system];
      body.system = parts.map((text, i) => {
        const b: Record<string, unknown> = { type: 'text', text };
        if (p.cacheSystem && i === parts.length - 1) b.cache_control = { type: 'ephemeral' };
        return b;
      });
    } else body.system = call.system;
  }
  body.messages = messages;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.top_p !== undefined) body.top_p = p.top_p;
  if (p.stream !== undefined) body.stream = p.stream;
  if (p.stop) body.stop_sequences = p.stop;
  if (p.thinkingBudget) body.thinking = { type: 'enabled', budget_tokens: p.thinkingBudget };
  if (p.metadataUser) body.metadata = { user_id: p.metadataUser };
  if (call.tools?.length) {
    body.tools = call.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.params,
    }));
    if (p.toolChoice) body.tool_choice = { type: p.toolChoice === 'required' ? 'any' : 'auto' };
  }
  return body;
}

function inputTokens(call: Call): number {
  let n = 3;
  if (call.system !== undefined)
    n += tokens(Array.isArray(call.system) ? call.system.join('\n\n') : call.system) + 4;
  for (const m of call.msgs) {
    n += 4 + tokens(m.text);
    if (m.role === 'assistant' && m.toolCalls)
      for (const tc of m.toolCalls) n += 8 + tokens(JSON.stringify(tc.args));
    if (m.role === 'user' && m.image) n += 765;
  }
  if (call.tools)
    for (const t of call.tools) n += 10 + tokens(t.description) + tokens(JSON.stringify(t.params));
  return n;
}

const SPEED: Record<string, [number, number]> = {
  // [time to first token ms, output tokens per second]
  [M.mini]: [260, 170],
  [M.flagship]: [480, 78],
  [M.pinned]: [480, 78],
  [M.think]: [700, 95],
  [M.next]: [520, 90],
};

export function isReasoningModel(model: string): boolean {
  return model === M.think;
}

export function buildEvent(rng: Rng, ts: number, ctx: Ctx, call: Call): Event {
  const api = call.api ?? ctx.client.api;
  const request = api === 'anthropic' ? anthropicBody(call) : openaiBody(call);
  const endpoint = api === 'anthropic' ? 'messages' : 'chat.completions';
  const inTok = inputTokens(call);
  let status = call.status ?? 200;
  if (call.status === undefined && rng.chance(0.003))
    status = rng.pick(api === 'anthropic' ? [500, 529, 529] : [500, 502, 503]);
  const [ttft, tps] = SPEED[call.model] ?? [500, 80];
  let response: Record<string, unknown>;
  if (status !== 200) {
    response = {
      text: '',
      inputTokens: status === 429 ? 0 : inTok,
      outputTokens: 0,
      finishReason: 'error',
      latencyMs: Math.round(rng.logNormal(status === 429 ? 40 : 900, 0.5)),
    };
  } else {
    const max = call.params.max_tokens ?? (api === 'anthropic' ? 4096 : 16384);
    const reasoning = isReasoningModel(call.model) ? (call.reply.reasoning ?? 0) : 0;
    let text = call.reply.text;
    const toolTok = (call.reply.toolCalls ?? []).reduce(
      (s, tc) => s + 12 + tokens(JSON.stringify(tc.args)),
      0,
    );
    let visible = tokens(text) + toolTok;
    let finish: string;
    if (max <= 2 && text.length <= 16 && !call.reply.toolCalls?.length) {
      // a single label or vocabulary token
      visible = 1;
      finish = api === 'anthropic' ? 'max_tokens' : 'length';
    } else if (reasoning + visible > max) {
      text = truncateToTokens(text, Math.max(0, max - reasoning - toolTok));
      visible = max - reasoning;
      finish = api === 'anthropic' ? 'max_tokens' : 'length';
    } else if (call.reply.toolCalls?.length)
      finish = api === 'anthropic' ? 'tool_use' : 'tool_calls';
    else finish = api === 'anthropic' ? 'end_turn' : 'stop';
    const n = call.params.n ?? 1;
    const out = Math.max(1, visible) * n + reasoning * n;
    const lat =
      ttft * rng.logNormal(1, 0.35) + (out / tps) * 1000 * rng.logNormal(1, 0.15) + inTok * 0.015;
    response = {
      text,
      inputTokens: inTok,
      outputTokens: out,
      finishReason: finish,
      latencyMs: Math.round(lat),
    };
    if (reasoning) response.reasoningTokens = reasoning * n;
    if (call.reply.toolCalls?.length)
      response.toolCalls = call.reply.toolCalls.map((tc) => ({
        id: tc.id,
        name: tc.name,
        arguments: tc.args,
      }));
  }
  return {
    ts,
    account: ctx.account,
    key: ctx.key,
    requestId: `req_${rng.alnum(22)}`,
    ip: ctx.ip,
    userAgent: ctx.client.userAgent,
    ja4: ctx.client.ja4,
    headerOrder: ctx.client.headerOrder,
    endpoint,
    model: call.model,
    request,
    response,
    status,
    action: 'allow',
  };
}
