/**
 * The enforcement guard's decisions as pure functions (issue 15: domain logic out of the
 * wiring): what a request may ask for, how many tokens it reserves, what a degraded request
 * and response look like, whether a challenge solution admits it, and what a served request
 * is charged. The gateway adapter (extensions/enforcement.ts) only reads the request
 * context, calls these and applies the result.
 */
import { MoatError } from '../errors/registry.js';
import type { ApiEndpoint } from '../telemetry/event.js';
import { degradeOtherRequest, otherApiWithholding } from './apis.js';
import { Challenger, requestBinding, type ChallengeFailure } from './challenge.js';
import type { DegradeConfig } from './config.js';
import { degradeRequest, type DegradeLevel, type Protocol } from './degrade.js';
import { challengeError } from './errors.js';
import { createReasoningStripper, stripReasoningJson } from './withhold.js';

type Json = Record<string, unknown>;

/** Largest max_tokens accepted at all: beyond it a request is absurd, not just expensive. */
export const ABSURD_MAX_TOKENS = 10_000_000;

/** Most completions one request may ask for: OpenAI's own bound on `n`. */
export const MAX_CHOICES = 128;

/** Output tokens assumed for a request that names no maximum. */
const DEFAULT_MAX_TOKENS = 1024;

/**
 * A rough prompt-token estimate for the reservation (≈4 characters per token); settled
 * exactly when the response ends.
 * @example promptEstimate({ messages: [{ role: 'user', content: 'abcdefgh' }] }) // 4 (the role counts too)
 */
export function promptEstimate(body: Json): number {
  let chars = 0;
  const add = (v: unknown): void => {
    if (typeof v === 'string') chars += v.length;
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
  };
  add(body['messages']);
  add(body['system']);
  // Issue 16: legacy completions, embeddings and the Responses API carry their text here.
  add(body['prompt']);
  add(body['input']);
  add(body['instructions']);
  return Math.ceil(chars / 4);
}

/**
 * The maximum output tokens the client asked for (`max_completion_tokens`, `max_tokens` or
 * `max_output_tokens`, the first present), or undefined. Throws MOAT_INVALID_REQUEST for a
 * value outside 1..ABSURD_MAX_TOKENS.
 */
export function requestedMaxTokens(clientBody: Json): number | undefined {
  for (const f of ['max_completion_tokens', 'max_tokens', 'max_output_tokens'] as const) {
    const v = clientBody[f];
    if (typeof v === 'number') {
      if (v > ABSURD_MAX_TOKENS || v < 1) {
        throw new MoatError(
          'MOAT_INVALID_REQUEST',
          `'${f}' must be between 1 and ${ABSURD_MAX_TOKENS.toLocaleString('en-US')}, got ${v}.`,
          { param: f },
        );
      }
      return v;
    }
  }
  return undefined;
}

/**
 * How many completions the upstream generates for this request: `n`, or `best_of` (vLLM and
 * legacy completions generate `best_of` and return `n` of them), whichever is larger. Each
 * may run to the max output tokens, so the reservation multiplies by it (issue 14). Reads
 * what goes upstream: degrade may have removed best_of.
 */
export function requestedChoices(upstreamBody: Json): number {
  let choices = 1;
  for (const f of ['n', 'best_of'] as const) {
    const v = upstreamBody[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_CHOICES) {
      throw new MoatError(
        'MOAT_INVALID_REQUEST',
        `'${f}' must be an integer between 1 and ${MAX_CHOICES}.`,
        { param: f },
      );
    }
    choices = Math.max(choices, v);
  }
  return choices;
}

/**
 * The worst case a request can cost: the prompt once, every choice at its max output
 * tokens (embeddings generate none). The quotas are charged all of it, never capped: a
 * request that does not fit in what remains is refused (issue 14: 512,000 tokens were
 * served against a 5,000-token daily quota).
 * @example worstCaseTokens({ endpoint: 'chat.completions', clientBody, upstreamBody: { n: 4, max_tokens: 100 } }) // prompt + 400
 */
export function worstCaseTokens(req: {
  endpoint: ApiEndpoint;
  clientBody: Json;
  upstreamBody: Json;
  /** requestedMaxTokens(clientBody), when the caller has it already. */
  maxTokens?: number | undefined;
}): number {
  const { endpoint, clientBody, upstreamBody } = req;
  const maxTokens = 'maxTokens' in req ? req.maxTokens : requestedMaxTokens(clientBody);
  const upstreamMax = (
    endpoint === 'embeddings'
      ? 0
      : (upstreamBody['max_completion_tokens'] ??
        upstreamBody['max_tokens'] ??
        upstreamBody['max_output_tokens'] ??
        maxTokens)
  ) as number | undefined;
  return Math.min(
    Number.MAX_SAFE_INTEGER,
    Math.ceil(
      promptEstimate(clientBody) +
        requestedChoices(upstreamBody) * (upstreamMax ?? DEFAULT_MAX_TOKENS),
    ),
  );
}

/** A degraded request: the body sent upstream and the stages its response goes through. */
export interface DegradePlan {
  body: Json;
  eventStages: Array<(eventName: string | undefined, data: Json) => Json | null>;
  jsonStages: Array<(json: Json) => void>;
}

/**
 * What degrade does to one request (issue 4; issue 16 for the other APIs): only
 * allow-listed parameters go upstream, and the response withholds reasoning (and, for the
 * other APIs, logprobs). The chat APIs and the others keep their own allow-lists: the chat
 * ones would strip `input`.
 */
export function degradePlan(
  endpoint: ApiEndpoint,
  protocol: Protocol,
  upstreamBody: Json,
  cfg: DegradeConfig,
  level: DegradeLevel,
): DegradePlan {
  if (endpoint === 'chat.completions' || endpoint === 'messages') {
    return {
      body: degradeRequest(protocol, upstreamBody, cfg, level),
      eventStages: [createReasoningStripper(protocol)],
      jsonStages: [(json) => stripReasoningJson(protocol, json)],
    };
  }
  const w = otherApiWithholding(endpoint);
  return {
    body: degradeOtherRequest(endpoint, upstreamBody, cfg),
    eventStages: w ? [w.event] : [],
    jsonStages: w ? [w.json] : [],
  };
}

/** What a request at `challenge` brought: no solution, one that admits it, or one refused. */
export type ChallengeOutcome =
  { solved: true } | { solved: false; attempted: boolean; error: MoatError };

/**
 * Checks a challenge solution (the `moat-challenge-solution` header) against the request
 * it was issued for — account, route, body (issue 14) — and, when it does not admit the
 * request, the 429 with a fresh challenge to throw.
 */
export async function checkChallenge(
  challenger: Challenger,
  req: { account: string; url: string; body: Json; solution: unknown; score: number },
): Promise<ChallengeOutcome> {
  const request = requestBinding(req.account, req.url.split('?')[0] ?? '', req.body);
  let failure: ChallengeFailure | undefined;
  const attempted = typeof req.solution === 'string' && req.solution !== '';
  if (attempted) {
    const r = await challenger.verifySolution(req.account, req.solution as string, request);
    if (r.ok) return { solved: true };
    failure = r.reason;
  }
  return {
    solved: false,
    attempted,
    error: challengeError(challenger, req.account, req.score, { request, failure }),
  };
}

/**
 * What a finished request is charged against its reservation: a failed one nothing (a
 * refund), a served one what it used (its output estimated at ≈4 characters per token when
 * the upstream reported no count).
 */
export function settledTokens(
  status: number,
  used: { inputTokens?: number | undefined; outputTokens?: number | undefined; text: string },
): number {
  if (status >= 400) return 0;
  return (used.inputTokens ?? 0) + (used.outputTokens ?? Math.ceil(used.text.length / 4));
}
