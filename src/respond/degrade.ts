/**
 * Degraded service, request side: keep the product usable while removing what makes
 * outputs valuable for training a student (withholding reasoning traces is the
 * output-side change shown to cut distillation value, arXiv 2603.07835; logprobs +
 * logit_bias enable logit extraction, Carlini et al. 2024 / Finlayson et al. arXiv
 * 2403.09539).
 *
 * An allow-list, not a strip-list (issue 14): at `degrade` and above only the parameters
 * named for that level and API reach the upstream. Anything else — vLLM's
 * `prompt_logprobs`, `return_tokens_as_token_ids`, `allowed_token_ids`,
 * `chat_template_kwargs`, `best_of`, `use_beam_search`, `top_k`, Anthropic `thinking`, a
 * parameter invented next year — is dropped. Kept parameters are then bounded: n = 1,
 * max tokens capped, `reasoning_effort` lowered, `stream_options` reduced to
 * `include_usage`, messages reduced to their standard fields.
 * The response side (withholding reasoning and logprobs) is in withhold.ts.
 */
import type { DegradeConfig } from './config.js';

export { createReasoningStripper, stripReasoningJson, type ReasoningStripper } from './withhold.js';

/** The API family of a body. */
export type Protocol = 'openai' | 'anthropic';

type Json = Record<string, unknown>;

/** Ladder levels at which requests are degraded. */
export type DegradeLevel = 'degrade' | 'challenge';

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Standard fields of a Chat Completions message; `reasoning_content`, `prefix`… are not among them. */
const OPENAI_MESSAGE_FIELDS = new Set([
  'role',
  'content',
  'name',
  'tool_calls',
  'tool_call_id',
  'function_call',
  'refusal',
]);
const ANTHROPIC_MESSAGE_FIELDS = new Set(['role', 'content']);

function pick(o: Json, allowed: ReadonlySet<string>): Json {
  const out: Json = {};
  for (const k of Object.keys(o)) if (allowed.has(k)) out[k] = o[k];
  return out;
}

function messagesOnly(v: unknown, fields: ReadonlySet<string>): unknown {
  return Array.isArray(v) ? v.map((m) => (isObj(m) ? pick(m, fields) : m)) : v;
}

function capped(v: unknown, cap: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(v, cap) : cap;
}

/** The allow-list in force for a level and API (a level without its own list uses degrade's). */
export function allowedParams(
  cfg: DegradeConfig,
  protocol: Protocol,
  level: DegradeLevel = 'degrade',
): ReadonlySet<string> {
  const own = level === 'challenge' ? cfg.allow.challenge[protocol] : undefined;
  return new Set(own ?? cfg.allow.degrade[protocol]);
}

/**
 * A degraded copy of a request body (the input is not modified): only allow-listed
 * parameters, bounded.
 * @example const body = degradeRequest('openai', req.body, cfg.respond.degrade, 'degrade');
 */
export function degradeRequest(
  protocol: Protocol,
  body: Json,
  cfg: DegradeConfig,
  level: DegradeLevel = 'degrade',
): Json {
  const out = pick(body, allowedParams(cfg, protocol, level));
  if (protocol === 'anthropic') {
    if ('messages' in out)
      out['messages'] = messagesOnly(out['messages'], ANTHROPIC_MESSAGE_FIELDS);
    // Extended thinking stays off even if an operator allow-lists `thinking`, unless disabled explicitly.
    if ('thinking' in out && !(isObj(out['thinking']) && out['thinking']['type'] === 'disabled'))
      delete out['thinking'];
    out['max_tokens'] = capped(out['max_tokens'], cfg.maxTokens);
    return out;
  }
  if ('messages' in out) out['messages'] = messagesOnly(out['messages'], OPENAI_MESSAGE_FIELDS);
  if (out['n'] !== undefined) out['n'] = 1;
  if (isObj(out['stream_options'])) {
    const so = out['stream_options'];
    out['stream_options'] =
      so['include_usage'] === undefined ? {} : { include_usage: so['include_usage'] };
  }
  let hadCap = false;
  for (const f of ['max_tokens', 'max_completion_tokens']) {
    if (out[f] === undefined || out[f] === null) continue;
    out[f] = capped(out[f], cfg.maxTokens);
    hadCap = true;
  }
  if (!hadCap) out[cfg.openaiMaxTokensField] = cfg.maxTokens;
  if (out['reasoning_effort'] !== undefined) {
    if (cfg.reasoningEffort === 'remove') delete out['reasoning_effort'];
    else out['reasoning_effort'] = 'low';
  }
  return out;
}
