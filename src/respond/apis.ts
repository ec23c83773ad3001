/**
 * Degraded service for the OpenAI APIs beside Chat Completions (issue 16): legacy
 * Completions, Embeddings and the Responses API. As for chat (degrade.ts, withhold.ts) the
 * request keeps only allow-listed parameters, bounded, and the response withholds what
 * an extraction campaign trains on beyond the answer — reasoning summaries and reasoning
 * text (arXiv 2603.07835), logprobs (Carlini et al. 2024; Finlayson et al. arXiv 2403.09539)
 * — while keeping every event and item in place, so the SDKs' stream accumulators
 * (which index output items by position) still work.
 */
import type { DegradeConfig } from './config.js';

/** The APIs handled here. */
export type OtherApi = 'completions' | 'embeddings' | 'responses';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parameters that reach the upstream at degrade and above, per API. */
export const OTHER_API_ALLOW: Readonly<Record<OtherApi, readonly string[]>> = {
  completions: [
    'model',
    'prompt',
    'max_tokens',
    'temperature',
    'top_p',
    'n',
    'stream',
    'stream_options',
    'stop',
    'user',
    'seed',
    'presence_penalty',
    'frequency_penalty',
    'suffix',
  ],
  embeddings: ['model', 'input', 'encoding_format', 'dimensions', 'user'],
  responses: [
    'model',
    'input',
    'instructions',
    'max_output_tokens',
    'temperature',
    'top_p',
    'stream',
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'max_tool_calls',
    'text',
    'metadata',
    'store',
    'previous_response_id',
    'truncation',
    'user',
    'reasoning',
  ],
};

/**
 * A degraded copy of a request to one of these APIs: allow-listed parameters; `n` 1; the
 * output bound capped at `cfg.maxTokens` (set when absent); a Responses `reasoning` kept to
 * `{effort: "low"}` (no summary) or removed, as `cfg.reasoningEffort` says.
 * @example degradeOtherRequest('responses', body, cfg.respond.degrade)
 */
export function degradeOtherRequest(api: OtherApi, body: Json, cfg: DegradeConfig): Json {
  const allowed = new Set(OTHER_API_ALLOW[api]);
  const out: Json = {};
  for (const k of Object.keys(body)) if (allowed.has(k)) out[k] = body[k];
  if (api === 'completions') {
    if (out['n'] !== undefined) out['n'] = 1;
    out['max_tokens'] =
      typeof out['max_tokens'] === 'number'
        ? Math.min(out['max_tokens'], cfg.maxTokens)
        : cfg.maxTokens;
    if (isObj(out['stream_options'])) {
      const so = out['stream_options'];
      out['stream_options'] =
        so['include_usage'] === undefined ? {} : { include_usage: so['include_usage'] };
    }
  } else if (api === 'responses') {
    out['max_output_tokens'] =
      typeof out['max_output_tokens'] === 'number'
        ? Math.min(out['max_output_tokens'], cfg.maxTokens)
        : cfg.maxTokens;
    if (out['reasoning'] !== undefined) {
      if (cfg.reasoningEffort === 'remove') delete out['reasoning'];
      else out['reasoning'] = { effort: 'low' };
    }
  }
  return out;
}

/** A reasoning output item with its summary and text emptied and its encrypted content removed. */
function blankReasoning(item: Json): void {
  if (Array.isArray(item['summary'])) item['summary'] = [];
  if (Array.isArray(item['content'])) item['content'] = [];
  delete item['encrypted_content'];
}

function stripParts(parts: unknown): void {
  if (!Array.isArray(parts)) return;
  for (const p of parts) if (isObj(p) && 'logprobs' in p) p['logprobs'] = [];
}

function stripItem(item: unknown): void {
  if (!isObj(item)) return;
  if (item['type'] === 'reasoning') blankReasoning(item);
  else if (item['type'] === 'message') stripParts(item['content']);
}

/** A whole Responses object, in place: reasoning items emptied, logprobs emptied. */
export function stripResponseJson(json: Json): void {
  if (Array.isArray(json['output'])) for (const item of json['output']) stripItem(item);
}

/** Legacy completions, in place: `logprobs` null on every choice (and chunk). */
export function stripCompletionJson(json: Json): void {
  if (!Array.isArray(json['choices'])) return;
  for (const c of json['choices'])
    if (isObj(c) && c['logprobs'] !== undefined) c['logprobs'] = null;
}

/** One Responses stream event, in place: reasoning text and logprobs emptied; never dropped. */
function stripResponseEvent(type: string | undefined, data: Json): Json {
  switch (type) {
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_text.delta':
      data['delta'] = '';
      break;
    case 'response.reasoning_summary_text.done':
    case 'response.reasoning_text.done':
      data['text'] = '';
      break;
    case 'response.reasoning_summary_part.added':
    case 'response.reasoning_summary_part.done':
      if (isObj(data['part'])) data['part']['text'] = '';
      break;
    case 'response.output_text.delta':
    case 'response.output_text.done':
      if ('logprobs' in data) data['logprobs'] = [];
      break;
    case 'response.content_part.added':
    case 'response.content_part.done':
      if (isObj(data['part'])) {
        if (data['part']['type'] === 'reasoning_text') data['part']['text'] = '';
        if ('logprobs' in data['part']) data['part']['logprobs'] = [];
      }
      break;
    case 'response.output_item.added':
    case 'response.output_item.done':
      stripItem(data['item']);
      break;
    default:
      if (isObj(data['response'])) stripResponseJson(data['response']);
  }
  return data;
}

/**
 * The response-side stages of a degraded request to one of these APIs (embeddings carry
 * neither reasoning nor logprobs: none).
 */
export function otherApiWithholding(
  api: OtherApi,
):
  | { event: (name: string | undefined, data: Json) => Json; json: (json: Json) => void }
  | undefined {
  if (api === 'responses') {
    return {
      event: (name, data) => stripResponseEvent((data['type'] as string | undefined) ?? name, data),
      json: stripResponseJson,
    };
  }
  if (api === 'completions') {
    return {
      event: (_name, data) => {
        stripCompletionJson(data);
        return data;
      },
      json: stripCompletionJson,
    };
  }
  return undefined;
}
