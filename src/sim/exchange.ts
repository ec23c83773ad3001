/**
 * One simulated request/response, first in a neutral form (an Exchange) and then rendered
 * into the body each API expects: OpenAI chat.completions (system prompt as a message,
 * tool calls as `tool_calls`, `tool` role results) or Anthropic messages (top-level
 * `system`, content blocks, `tool_use`/`tool_result`), per DESIGN.md "Telemetry event".
 */
import type { Endpoint, EventResponse } from '../telemetry/event.js';
import type { Rng } from './prng.js';

/** A tool call made by the assistant. */
export interface ToolUse {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

/** A conversation message, API-neutral. */
export interface Msg {
  role: 'user' | 'assistant';
  text: string;
  toolUse?: ToolUse;
  /** A user-side tool result answering `toolUse` with the same id. */
  toolResult?: { id: string; text: string };
}

/** A tool definition offered to the model. */
export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** Sampling and output parameters as the client sets them (absent = not sent). */
export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  /** Name the client uses for the output cap on chat.completions. */
  maxField?: 'max_tokens' | 'max_completion_tokens';
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  tools?: ToolDef[];
  stop?: string[];
  /** End-user id: `user` on chat.completions, `metadata.user_id` on messages. */
  user?: string;
  /** Request tags (chat.completions `metadata`; messages only carries `user_id`). */
  metadata?: Record<string, string>;
}

/** What the model returns. */
export interface Reply {
  text: string;
  tokens: number;
  finish: 'stop' | 'length' | 'tool';
  toolUse?: ToolUse;
  /**
   * How much hidden reasoning the ask draws from a reasoning model, 0 (a label) to 1 (a
   * derivation); `response.reasoningTokens` is drawn from it when one serves the request.
   */
  effort?: number;
}

/** A request and its reply, before rendering. */
export interface Exchange {
  system?: string;
  messages: Msg[];
  params: Params;
  reply: Reply;
}

/** Rough token count (about four characters per token; the simulator needs speed, not exactness). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function openaiMessages(x: Exchange): unknown[] {
  const out: unknown[] = [];
  if (x.system !== undefined) out.push({ role: 'system', content: x.system });
  for (const m of x.messages) {
    if (m.toolResult)
      out.push({ role: 'tool', tool_call_id: m.toolResult.id, content: m.toolResult.text });
    else if (m.toolUse)
      out.push({
        role: 'assistant',
        content: m.text || null,
        tool_calls: [
          {
            id: m.toolUse.id,
            type: 'function',
            function: { name: m.toolUse.name, arguments: JSON.stringify(m.toolUse.input) },
          },
        ],
      });
    else out.push({ role: m.role, content: m.text });
  }
  return out;
}

function anthropicMessages(x: Exchange): unknown[] {
  return x.messages.map((m) => {
    if (m.toolResult)
      return {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: m.toolResult.id, content: m.toolResult.text },
        ],
      };
    if (m.toolUse) {
      const blocks: unknown[] = m.text ? [{ type: 'text', text: m.text }] : [];
      blocks.push({
        type: 'tool_use',
        id: m.toolUse.id,
        name: m.toolUse.name,
        input: m.toolUse.input,
      });
      return { role: 'assistant', content: blocks };
    }
    // Clients differ: some send plain strings, SDK users often send text blocks.
    return {
      role: m.role,
      content:
        m.role === 'user' && m.text.length % 3 === 0 ? m.text : [{ type: 'text', text: m.text }],
    };
  });
}

function openaiBody(model: string, x: Exchange): Record<string, unknown> {
  const p = x.params;
  const body: Record<string, unknown> = { model, messages: openaiMessages(x) };
  if (p.temperature !== undefined) body['temperature'] = p.temperature;
  if (p.top_p !== undefined) body['top_p'] = p.top_p;
  if (p.max_tokens !== undefined) body[p.maxField ?? 'max_tokens'] = p.max_tokens;
  if (p.n !== undefined) body['n'] = p.n;
  if (p.stream !== undefined) body['stream'] = p.stream;
  if (p.logprobs !== undefined) body['logprobs'] = p.logprobs;
  if (p.top_logprobs !== undefined) body['top_logprobs'] = p.top_logprobs;
  if (p.logit_bias !== undefined) body['logit_bias'] = p.logit_bias;
  if (p.stop !== undefined) body['stop'] = p.stop;
  if (p.user !== undefined) body['user'] = p.user;
  if (p.metadata !== undefined) body['metadata'] = p.metadata;
  if (p.tools)
    body['tools'] = p.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  return body;
}

function anthropicBody(model: string, x: Exchange): Record<string, unknown> {
  const p = x.params;
  const body: Record<string, unknown> = { model, max_tokens: p.max_tokens ?? 4096 };
  if (x.system !== undefined)
    body['system'] = x.system.length % 2 === 0 ? x.system : [{ type: 'text', text: x.system }];
  body['messages'] = anthropicMessages(x);
  if (p.temperature !== undefined) body['temperature'] = Math.min(1, p.temperature);
  if (p.top_p !== undefined) body['top_p'] = p.top_p;
  if (p.stream !== undefined) body['stream'] = p.stream;
  if (p.stop !== undefined) body['stop_sequences'] = p.stop;
  if (p.user !== undefined) body['metadata'] = { user_id: p.user };
  if (p.tools)
    body['tools'] = p.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.parameters,
    }));
  return body;
}

/** The request body exactly as a client of `endpoint` would send it. */
export function renderRequest(
  endpoint: Endpoint,
  model: string,
  x: Exchange,
): { messages: unknown[]; [k: string]: unknown } {
  const body = endpoint === 'messages' ? anthropicBody(model, x) : openaiBody(model, x);
  return body as { messages: unknown[]; [k: string]: unknown };
}

const FINISH: Record<Endpoint, Record<Reply['finish'], string>> = {
  'chat.completions': { stop: 'stop', length: 'length', tool: 'tool_calls' },
  messages: { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use' },
};

/** The response summary the gateway records, with the reasoning tokens a reasoning model served. */
export type SimResponse = EventResponse & { reasoningTokens?: number };

/**
 * The response summary the gateway records (text capped at `maxChars`; `outputTokens` the
 * whole reply's length times `n`). With `reasoning` (a reasoning model served it) the
 * hidden reasoning tokens are drawn from the reply's effort and reported apart, as the
 * APIs do (`completion_tokens_details.reasoning_tokens`).
 */
export function renderResponse(
  rng: Rng,
  endpoint: Endpoint,
  x: Exchange,
  maxChars: number,
  reasoning = false,
): SimResponse {
  let input = 8;
  if (x.system) input += estimateTokens(x.system);
  for (const m of x.messages) {
    input += 4 + estimateTokens(m.text) + estimateTokens(m.toolResult?.text ?? '');
    if (m.toolUse) input += 12 + estimateTokens(JSON.stringify(m.toolUse.input));
  }
  for (const t of x.params.tools ?? []) input += 30 + estimateTokens(t.description);
  const n = endpoint === 'chat.completions' ? (x.params.n ?? 1) : 1;
  const out = x.reply.tokens * n;
  const thought = reasoning
    ? Math.round(rng.lognormal(60 + 2400 * (x.reply.effort ?? 0.3), 0.5))
    : 0;
  const firstByte = Math.round(150 + input * 0.04 + thought * 8 + rng.exp(120));
  const latency = Math.round(firstByte + x.reply.tokens * (6 + rng.float() * 14));
  const text = x.reply.text.length > maxChars ? x.reply.text.slice(0, maxChars) : x.reply.text;
  const res: SimResponse = {
    text,
    inputTokens: input,
    outputTokens: out,
    finishReason: FINISH[endpoint][x.reply.finish],
    latencyMs: latency,
  };
  if (x.params.stream) res.firstByteMs = firstByte;
  if (reasoning) res.reasoningTokens = thought * n;
  return res;
}
