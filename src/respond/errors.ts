/**
 * Client-facing errors of the ladder and the limiter, as MoatErrors the gateway's error
 * handler renders in the caller's API shape (429 rate limit / quota / challenge, 403 block,
 * 503 limiter unavailable), with the headers each needs.
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
 * fail-closed); headers include `retry-after`.
 */
export function limitError(d: Decision): MoatError {
  const headers = rateLimitHeaders(d);
  if (d.failMode === 'closed') return new MoatError('MOAT_LIMITER_UNAVAILABLE', '', { headers: { 'retry-after': '1' } });
  const what = `${DIMENSION_TEXT[d.dimension ?? ''] ?? 'requests'} (limit ${d.limit}${d.key && d.key !== 'acct' ? `, ${d.key}` : ''})`;
  const detail = d.exceedsLimit ? `${what}; this request alone is larger than the limit, send a smaller one` : what;
  const quota = d.dimension === 'tokensPerDay' || d.dimension === 'tokensPerMonth';
  return new MoatError(quota ? 'MOAT_QUOTA_EXCEEDED' : 'MOAT_RATE_LIMITED', detail, { headers });
}

const FAILURE_TEXT: Record<ChallengeFailure, string> = {
  malformed: 'The moat-challenge-solution header could not be decoded.',
  unsupported_algorithm: 'The solution names an unsupported algorithm.',
  bad_signature: 'The solution does not match a challenge issued by this server.',
  wrong_solution: 'The number does not solve the challenge.',
  expired: 'The challenge expired; solve the new one.',
  wrong_account: 'The challenge was issued to another account.',
  replayed: 'That solution was already used; each solution admits one request.',
};

/** A 429 with a fresh challenge; `failure` explains why a sent solution was refused. */
export function challengeError(pow: Challenger, account: string, score: number, failure?: ChallengeFailure): MoatError {
  const { header, body } = pow.issueChallenge({ account, score });
  const detail = failure ? `${FAILURE_TEXT[failure]} (${failure})` : '';
  return new MoatError('MOAT_CHALLENGE_REQUIRED', detail, { headers: { [CHALLENGE_HEADER]: header }, extra: body });
}

/** A 403 with the block reference the customer can quote to support. */
export function blockedError(account: string, now = Date.now()): MoatError {
  const reference = blockReference(account, now);
  return new MoatError('MOAT_ACCOUNT_BLOCKED', reference, { extra: { reference } });
}
