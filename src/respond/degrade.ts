/**
 * Degraded service: keep the product usable while removing what makes outputs valuable
 * for training a student (THREATS.md: withholding reasoning traces is the output-side
 * change shown to cut distillation value; logprobs + logit_bias enable logit extraction,
 * Carlini et al. 2024 / Finlayson et al. arXiv 2403.09539).
 *
 * Requests: strip logprobs/top_logprobs/logit_bias, force n = 1, cap max tokens, disable
 * reasoning (Anthropic `thinking` removed; OpenAI `reasoning_effort` lowered to `low` or
 * removed per config; `reasoning`/`include_reasoning` removed). Responses: reasoning fields
 * and thinking blocks are withheld, in JSON bodies and in SSE streams.
 */
import type { DegradeConfig } from './config.js';

/** The API family of a body. */
export type Protocol = 'openai' | 'anthropic';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function capField(body: Json, field: string, cap: number): boolean {
  const v = body[field];
  if (v === undefined || v === null) return false;
  body[field] = typeof v === 'number' && Number.isFinite(v) ? Math.min(v, cap) : cap;
  return true;
}

/**
 * A degraded copy of a request body (the input is not modified).
 * @example const body = degradeRequest('openai', req.body, cfg.respond.degrade);
 */
export function degradeRequest(protocol: Protocol, body: Json, cfg: DegradeConfig): Json {
  const out: Json = { ...body };
  if (protocol === 'anthropic') {
    // Extended thinking off: the response then carries no thinking blocks at all.
    if (!(isObj(out['thinking']) && out['thinking']['type'] === 'disabled')) delete out['thinking'];
    out['max_tokens'] = typeof out['max_tokens'] === 'number' ? Math.min(out['max_tokens'], cfg.maxTokens) : cfg.maxTokens;
    return out;
  }
  for (const f of ['logprobs', 'top_logprobs', 'logit_bias', 'reasoning', 'include_reasoning']) delete out[f];
  if (out['n'] !== undefined) out['n'] = 1;
  const hadCap = [capField(out, 'max_tokens', cfg.maxTokens), capField(out, 'max_completion_tokens', cfg.maxTokens)];
  if (!hadCap.includes(true)) out[cfg.openaiMaxTokensField] = cfg.maxTokens;
  if (out['reasoning_effort'] !== undefined) {
    if (cfg.reasoningEffort === 'remove') delete out['reasoning_effort'];
    else out['reasoning_effort'] = 'low';
  }
  return out;
}

const OPENAI_REASONING = ['reasoning_content', 'reasoning', 'reasoning_details', 'thinking'];
const ANTHROPIC_THINKING = new Set(['thinking', 'redacted_thinking']);

function stripFields(o: unknown): boolean {
  if (!isObj(o)) return false;
  let removed = false;
  for (const f of OPENAI_REASONING) {
    if (f in o) {
      delete o[f];
      removed = true;
    }
  }
  return removed;
}

/**
 * Withholds reasoning from a non-streaming response body, in place: OpenAI
 * `choices[].message.reasoning_content|reasoning|reasoning_details`, Anthropic
 * `thinking`/`redacted_thinking` content blocks.
 */
export function stripReasoningJson(protocol: Protocol, json: Json): void {
  if (protocol === 'anthropic') {
    if (Array.isArray(json['content'])) {
      json['content'] = json['content'].filter((b: unknown) => !(isObj(b) && ANTHROPIC_THINKING.has(String(b['type']))));
    }
    return;
  }
  if (!Array.isArray(json['choices'])) return;
  for (const c of json['choices']) if (isObj(c)) stripFields(c['message']);
}

/** A per-stream event filter: returns the event to send, or null to drop it. */
export type ReasoningStripper = (eventName: string | undefined, data: Json) => Json | null;

/**
 * A stateful filter for one SSE stream's parsed `data` objects.
 * OpenAI: reasoning fields are removed from `choices[].delta`; a chunk left with nothing
 * but empty deltas is dropped. Anthropic: thinking blocks' `content_block_start/delta/stop`
 * are dropped and later blocks are renumbered so indexes stay contiguous from 0, which the
 * official SDKs' stream accumulators require.
 * @example const strip = createReasoningStripper('anthropic'); const out = strip(ev.event, JSON.parse(ev.data));
 */
export function createReasoningStripper(protocol: Protocol): ReasoningStripper {
  return protocol === 'anthropic' ? anthropicStripper() : openaiStripper;
}

function openaiStripper(_event: string | undefined, data: Json): Json | null {
  const choices = data['choices'];
  if (!Array.isArray(choices)) return data;
  let removed = false;
  for (const c of choices) if (isObj(c) && stripFields(c['delta'])) removed = true;
  if (!removed) return data;
  const empty = choices.every(
    (c) => isObj(c) && isObj(c['delta']) && Object.keys(c['delta']).length === 0 && (c['finish_reason'] ?? null) === null,
  );
  return empty && data['usage'] == null ? null : data;
}

function anthropicStripper(): ReasoningStripper {
  const dropped: number[] = [];
  const shift = (index: number): number => dropped.filter((d) => d < index).length;
  return (event, data) => {
    const type = typeof data['type'] === 'string' ? data['type'] : event;
    if (type === 'message_start' && isObj(data['message'])) {
      stripReasoningJson('anthropic', data['message']);
      return data;
    }
    if (type !== 'content_block_start' && type !== 'content_block_delta' && type !== 'content_block_stop') return data;
    const index = typeof data['index'] === 'number' ? data['index'] : -1;
    if (type === 'content_block_start' && isObj(data['content_block']) && ANTHROPIC_THINKING.has(String(data['content_block']['type']))) {
      dropped.push(index);
      return null;
    }
    if (dropped.includes(index)) return null;
    const n = shift(index);
    return n === 0 ? data : { ...data, index: index - n };
  };
}
