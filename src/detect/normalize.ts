/**
 * One view of a request body whatever API shape the client used (DESIGN.md "Telemetry
 * event"): OpenAI chat.completions keeps the system prompt as a `system`/`developer`
 * message, Anthropic messages as a top-level `system` string or block array; message
 * content is a string or an array of blocks. Unknown fields are ignored.
 */
import type { TelemetryEvent } from '../telemetry/event.js';

/** What the detector reads from one request. */
export interface NormalizedRequest {
  system: string;
  /** Text of the last user message (the one this request asks about). */
  lastUser: string;
  userTurns: number;
  assistantTurns: number;
  /** Tool definitions, tool calls or tool results anywhere in the request. */
  usesTools: boolean;
  temperature: number | null;
  n: number;
  maxTokens: number | null;
  logprobs: boolean;
  topLogprobs: number;
  /** Stable hash input of the logit_bias keys+values, '' when absent or empty. */
  logitBias: string;
}

/** Concatenate the text parts of a content value (string, block array or single block). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    let out = '';
    for (const block of content) {
      const t = blockText(block);
      if (t) out = out ? out + '\n' + t : t;
    }
    return out;
  }
  return blockText(content);
}

function blockText(block: unknown): string {
  if (typeof block === 'string') return block;
  if (block === null || typeof block !== 'object') return '';
  const b = block as Record<string, unknown>;
  if (typeof b.text === 'string') return b.text;
  if (b.type === 'tool_result' && b.content !== undefined) return contentText(b.content);
  return '';
}

function hasToolBlocks(content: unknown): boolean {
  if (!Array.isArray(content)) return false;
  for (let i = 0; i < content.length; i++) {
    const t = (content[i] as { type?: unknown } | null)?.type;
    if (t === 'tool_use' || t === 'tool_result' || t === 'function_call') return true;
  }
  return false;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function biasKey(v: unknown): string {
  if (v === null || typeof v !== 'object') return '';
  const keys = Object.keys(v).sort();
  if (keys.length === 0) return '';
  const o = v as Record<string, unknown>;
  return keys.map((k) => `${k}:${String(o[k])}`).join(',');
}

/** Normalise an event's request into the fields the detector uses. */
export function normalizeRequest(ev: TelemetryEvent): NormalizedRequest {
  const req = ev.request as Record<string, unknown>;
  const messages = Array.isArray(req.messages) ? req.messages : [];
  let system = req.system !== undefined ? contentText(req.system) : '';
  // The last user message's content: its text is extracted once, after the loop.
  let lastUserContent: unknown;
  let userTurns = 0;
  let assistantTurns = 0;
  let usesTools = Array.isArray(req.tools) && req.tools.length > 0;
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    if (m === null || typeof m !== 'object') continue;
    const msg = m as Record<string, unknown>;
    const role = msg.role;
    if (!usesTools && (role === 'tool' || role === 'function' || msg.tool_calls !== undefined || hasToolBlocks(msg.content))) usesTools = true;
    if (role === 'system' || role === 'developer') {
      const t = contentText(msg.content);
      system = system ? system + '\n' + t : t;
    } else if (role === 'user') {
      userTurns++;
      lastUserContent = msg.content;
    } else if (role === 'assistant') {
      assistantTurns++;
    }
  }
  const logprobsRaw = req.logprobs;
  return {
    system,
    lastUser: userTurns > 0 ? contentText(lastUserContent) : '',
    userTurns,
    assistantTurns,
    usesTools,
    temperature: num(req.temperature),
    n: num(req.n) ?? 1,
    maxTokens: num(req.max_tokens) ?? num(req.max_completion_tokens),
    logprobs: logprobsRaw === true || (typeof logprobsRaw === 'number' && logprobsRaw > 0),
    topLogprobs: num(req.top_logprobs) ?? (typeof logprobsRaw === 'number' ? logprobsRaw : 0),
    logitBias: biasKey(req.logit_bias),
  };
}

/** True when a response stopped because it hit its token cap, in either API's vocabulary. */
export function stoppedAtCap(finishReason: string | null | undefined): boolean {
  return finishReason === 'length' || finishReason === 'max_tokens';
}
