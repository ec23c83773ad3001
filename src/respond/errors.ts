/**
 * Client-facing errors of the ladder and the limiter, as MoatErrors the gateway's error
 * handler renders in the caller's API shape (429 rate limit / quota / challenge, 403 block,
 * 503 limiter unavailable), with the headers each needs. The enforcement guard throws
 * exactly these (issue 15: this file was a tested twin of inline code).
 */
import { MoatError } from '../errors/registry.js';
import type { Decision } from '../limits/limiter.js';
import { rateLimitHeaders } from '../limits/headers.js';
import { blockReference } from './block.js';
import { CHALLENGE_HEADER, type ChallengeFailure, type Challenger } from './challenge.js';

const DIMENSION_TEXT: Record<string, string> = {
  requests: 'requests per minute',
  tokens: 'tokens per minute',
  tokensPerDay: 'tokens per day',
  tokensPerMonth: 'tokens per month',
};

/**
 * The error for a denied limiter decision: MOAT_RATE_LIMITED (per-minute limits),
 * MOAT_QUOTA_EXCEEDED (daily/monthly quota) or MOAT_LIMITER_UNAVAILABLE (Redis down,
 * fail-closed); headers include `retry-after` and the `x-ratelimit-*` set.
 */
export function limitError(d: Decision): MoatError {
  if (d.failMode === 'closed')
    return new MoatError('MOAT_LIMITER_UNAVAILABLE', '', { headers: { 'retry-after': '1' } });
  const headers = rateLimitHeaders(d);
  const what = `${DIMENSION_TEXT[d.dimension ?? ''] ?? 'requests per minute'} (limit ${d.limit}${d.key && d.key !== 'acct' ? `, ${d.key}` : ''})`;
  const detail = d.exceedsLimit
    ? `${what}; this request alone is larger than the limit, send a smaller one`
    : what;
  const quota = d.dimension === 'tokensPerDay' || d.dimension === 'tokensPerMonth';
  return new MoatError(quota ? 'MOAT_QUOTA_EXCEEDED' : 'MOAT_RATE_LIMITED', detail, { headers });
}

const FAILURE_TEXT: Record<ChallengeFailure, string> = {
  malformed: 'The moat-challenge-solution header could not be decoded.',
  unsupported_algorithm: 'The solution names an unsupported algorithm.',
  bad_signature: 'The solution does not match a challenge issued by this server.',
  wrong_solution: 'The number does not solve the challenge.',
  expired: 'The challenge expired.',
  wrong_account: 'The challenge was issued to another account.',
  wrong_request:
    'The challenge was issued for another request; a solution admits only the request it was issued for.',
  replayed: 'That solution was already used; each solution admits one request.',
  busy: 'The server is verifying too many solutions right now.',
};

/** What a challenge is issued for, and why a sent solution was refused. */
export interface ChallengeErrorOptions {
  /** `requestBinding(account, path, body)`: the solution admits only this request. */
  request?: string | undefined;
  failure?: ChallengeFailure | undefined;
}

/**
 * A 429 with a fresh challenge (`retry-after: 0`: the client may retry as soon as it has
 * solved it); `failure` explains why a sent solution was refused.
 * @example throw challengeError(pow, ctx.account, d.score, { request, failure: r.reason })
 */
export function challengeError(
  pow: Challenger,
  account: string,
  score: number,
  opts: ChallengeErrorOptions = {},
): MoatError {
  const { header, body } = pow.issueChallenge({
    account,
    score,
    ...(opts.request === undefined ? {} : { request: opts.request }),
  });
  const why = opts.failure
    ? `The solution sent was refused (${opts.failure.replace(/_/g, ' ')}): ${FAILURE_TEXT[opts.failure]} Solve this new challenge. `
    : '';
  return new MoatError(
    'MOAT_CHALLENGE_REQUIRED',
    why + 'The protocol is described in docs/challenge-protocol.md.',
    { headers: { [CHALLENGE_HEADER]: header, 'retry-after': '0' }, extra: body },
  );
}

/** A 403 with the block reference the customer can quote to support (also as `reference` in the body). */
export function blockedError(account: string, now = Date.now()): MoatError {
  const reference = blockReference(account, now);
  return new MoatError('MOAT_ACCOUNT_BLOCKED', reference, { extra: { reference } });
}
