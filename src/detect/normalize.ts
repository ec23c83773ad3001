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
  /**
   * The names of the tools the request defines, sorted and joined by commas ('' when it
   * defines none): the environment an agent runs in. A product offers one set; a harness
   * that harvests agent trajectories rotates many.
   */
  toolset: string;
  temperature: number | null;
  n: number;
  maxTokens: number | null;
  logprobs: boolean;
  topLogprobs: number;
  /** Stable hash input of the logit_bias keys+values, '' when absent or empty. */
  logitBias: string;
  /** The token ids logit_bias names (its keys, at most 512), [] when none. */
  biasTokens: string[];
  /**
   * The end user an application says it is serving: OpenAI's `user` / `safety_identifier`,
   * Anthropic's `metadata.user_id`; '' when none.
   */
  endUser: string;
  /**
   * Shape of the request: which parameters it sets and to what (model, sampling, limits,
   * streaming), not its text. Clients of one operator's harness share it.
   */
  shape: string;
  /**
   * What a harness asks of the model, whatever SDK carries it: turn structure, model,
   * sampling and the output cap (either field), without streaming or penalties an SDK or
   * wrapper may set for it (signup cohorts, Detector.cohortLink).
   */
  harness: string;
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

function biasTokens(v: unknown): string[] {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return [];
  const keys = Object.keys(v);
  return keys.length > 512 ? keys.slice(0, 512) : keys;
}

function endUserOf(req: Record<string, unknown>): string {
  if (typeof req.user === 'string') return req.user;
  if (typeof req.safety_identifier === 'string') return req.safety_identifier;
  const meta = req.metadata;
  if (
    meta !== null &&
    typeof meta === 'object' &&
    typeof (meta as Record<string, unknown>).user_id === 'string'
  )
    return (meta as Record<string, string>).user_id!;
  return '';
}

/** Parameters that describe how a client drives the model (their names and values, in a fixed order). */
const SHAPE_PARAMS = [
  'model',
  'temperature',
  'top_p',
  'top_k',
  'max_tokens',
  'max_completion_tokens',
  'n',
  'stream',
  'logprobs',
  'top_logprobs',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'reasoning_effort',
  'response_format',
  'stop',
  'thinking',
];

/** Turn structure: system prompt or not, user and assistant turns (to 9), tools or not. */
function turnsOf(
  userTurns: number,
  assistantTurns: number,
  usesTools: boolean,
  hasSystem: boolean,
): string {
  return `${hasSystem ? 's' : '-'}${Math.min(userTurns, 9)}${Math.min(assistantTurns, 9)}${usesTools ? 't' : '-'}`;
}

function shapeOf(req: Record<string, unknown>, turns: string): string {
  let s = turns;
  for (const k of SHAPE_PARAMS) {
    const v = req[k];
    if (v === undefined) continue;
    s += '|' + k + '=' + (typeof v === 'object' ? (v === null ? 'null' : 'obj') : String(v));
  }
  return s;
}

/** Parameters of a harness's own choosing (HARNESS: the output cap is read from either field). */
const HARNESS_PARAMS = [
  'model',
  'temperature',
  'top_p',
  'top_k',
  'n',
  'logprobs',
  'top_logprobs',
  'seed',
  'reasoning_effort',
  'response_format',
  'thinking',
];

function harnessOf(req: Record<string, unknown>, turns: string): string {
  let s = turns;
  for (const k of HARNESS_PARAMS) {
    const v = req[k];
    if (v === undefined || v === null) continue;
    s += '|' + k + '=' + (typeof v === 'object' ? 'obj' : String(v));
  }
  const cap = req.max_tokens ?? req.max_completion_tokens ?? req.max_output_tokens;
  if (cap !== undefined && cap !== null) s += '|cap=' + String(cap);
  return s;
}

/** Sorted names of tool definitions (OpenAI `function.name`, Anthropic `name`, else `type`). */
function toolsetOf(tools: unknown): string {
  if (!Array.isArray(tools) || tools.length === 0) return '';
  const names: string[] = [];
  for (const t of tools) {
    if (t === null || typeof t !== 'object') continue;
    const o = t as Record<string, unknown>;
    const fn = o.function as Record<string, unknown> | null | undefined;
    const name =
      fn !== null && typeof fn === 'object' && typeof fn.name === 'string'
        ? fn.name
        : typeof o.name === 'string'
          ? o.name
          : typeof o.type === 'string'
            ? o.type
            : '';
    if (name) names.push(name.length > 64 ? name.slice(0, 64) : name);
  }
  return names.sort().join(',');
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
    if (
      !usesTools &&
      (role === 'tool' ||
        role === 'function' ||
        msg.tool_calls !== undefined ||
        hasToolBlocks(msg.content))
    )
      usesTools = true;
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
  const lb = biasKey(req.logit_bias);
  const turns = turnsOf(userTurns, assistantTurns, usesTools, system !== '');
  return {
    system,
    lastUser: userTurns > 0 ? contentText(lastUserContent) : '',
    userTurns,
    assistantTurns,
    usesTools,
    toolset: toolsetOf(req.tools),
    temperature: num(req.temperature),
    n: num(req.n) ?? 1,
    maxTokens: num(req.max_tokens) ?? num(req.max_completion_tokens),
    logprobs: logprobsRaw === true || (typeof logprobsRaw === 'number' && logprobsRaw > 0),
    topLogprobs: num(req.top_logprobs) ?? (typeof logprobsRaw === 'number' ? logprobsRaw : 0),
    logitBias: lb,
    biasTokens: lb ? biasTokens(req.logit_bias) : [],
    endUser: endUserOf(req),
    shape: shapeOf(req, turns),
    harness: harnessOf(req, turns),
  };
}

/** True when a response stopped because it hit its token cap, in either API's vocabulary. */
export function stoppedAtCap(finishReason: string | null | undefined): boolean {
  return finishReason === 'length' || finishReason === 'max_tokens';
}
