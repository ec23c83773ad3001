/**
 * Turns an admit request into a flat list of checks (one per limited dimension of each
 * key) and folds per-check results into one Decision. Shared by every backend so they
 * report identically.
 */
import type { AdmitRequest, Decision, Dimension, DimensionState, LimitKey } from './limiter.js';
import { DIMENSIONS } from './limiter.js';
import type { CheckResult } from './gcra.js';

/** Check kinds: GCRA rate, daily quota, monthly quota (single letters: they travel to Lua). */
export type CheckKind = 'g' | 'd' | 'm';

/** One dimension of one key. */
export interface Check {
  key: string;
  dimension: Dimension;
  kind: CheckKind;
  limit: number;
  cost: number;
  periodMs: number;
}

const MINUTE_MS = 60_000;

function ruleFor(key: LimitKey, dim: Dimension): number | undefined {
  switch (dim) {
    case 'requests':
      return key.rules.requestsPerMinute;
    case 'tokens':
      return key.rules.tokensPerMinute;
    case 'tokensPerDay':
      return key.rules.tokensPerDay;
    case 'tokensPerMonth':
      return key.rules.tokensPerMonth;
  }
}

const KIND: Record<Dimension, CheckKind> = {
  requests: 'g',
  tokens: 'g',
  tokensPerDay: 'd',
  tokensPerMonth: 'm',
};

function assertCount(what: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${v}`);
}

/**
 * The checks of a request, or of a settlement when `tokensOnly` (requests are never
 * refunded). `quotaTokens` is the cost on the daily and monthly quotas (default `tokens`).
 */
export function planChecks(
  keys: readonly LimitKey[],
  requests: number,
  tokens: number,
  tokensOnly = false,
  quotaTokens = tokens,
): Check[] {
  assertCount('requests', requests);
  if (!tokensOnly) {
    assertCount('tokens', tokens);
    assertCount('quotaTokens', quotaTokens);
  }
  const out: Check[] = [];
  for (const key of keys) {
    for (const dim of DIMENSIONS) {
      if (tokensOnly && dim === 'requests') continue;
      const limit = ruleFor(key, dim);
      if (limit === undefined) continue;
      if (!(limit > 0) || !Number.isFinite(limit))
        throw new RangeError(`${key.name}.${dim} limit must be > 0, got ${limit}`);
      const cost = dim === 'requests' ? requests : dim === 'tokens' ? tokens : quotaTokens;
      out.push({
        key: key.name,
        dimension: dim,
        kind: KIND[dim],
        limit,
        cost,
        periodMs: MINUTE_MS,
      });
    }
  }
  return out;
}

/** The checks of an admit request. */
export function admitChecks(req: AdmitRequest): Check[] {
  return planChecks(req.keys, req.requests ?? 1, req.tokens, false, req.quotaTokens ?? req.tokens);
}

/** Folds check results into the decision: the most restrictive key per dimension and overall. */
export function buildDecision(
  req: AdmitRequest,
  checks: readonly Check[],
  results: readonly CheckResult[],
  windows: { day: number; month: number },
): Decision {
  const dimensions: Partial<Record<Dimension, DimensionState>> = {};
  let allowed = true;
  let worst = -1;
  let worstShare = Infinity;
  let exceedsLimit = false;
  for (let i = 0; i < checks.length; i++) {
    const c = checks[i] as Check;
    const r = results[i] as CheckResult;
    const cur = dimensions[c.dimension];
    if (
      !cur ||
      r.remaining < cur.remaining ||
      (r.remaining === cur.remaining && r.resetMs > cur.resetMs)
    ) {
      dimensions[c.dimension] = {
        key: c.key,
        limit: c.limit,
        remaining: r.remaining,
        resetMs: r.resetMs,
      };
    }
    if (!r.allowed) {
      if (c.cost > c.limit) exceedsLimit = true;
      // The longest wait among the denials is the exact Retry-After: the others pass by then.
      if (allowed || r.retryAfterMs > (results[worst] as CheckResult).retryAfterMs) worst = i;
      allowed = false;
    } else if (allowed && r.remaining / c.limit < worstShare) {
      worst = i;
      worstShare = r.remaining / c.limit;
    }
  }
  const wc = worst >= 0 ? (checks[worst] as Check) : null;
  const wr = worst >= 0 ? (results[worst] as CheckResult) : null;
  return {
    allowed,
    retryAfterMs: allowed || !wr ? 0 : wr.retryAfterMs,
    dimension: wc ? wc.dimension : null,
    key: wc ? wc.key : null,
    limit: wc ? wc.limit : 0,
    remaining: wr ? wr.remaining : 0,
    resetMs: wr ? wr.resetMs : 0,
    dimensions,
    exceedsLimit,
    reservation: allowed
      ? {
          tag: req.tag,
          keys: req.keys,
          tokens: req.tokens,
          ...(req.quotaTokens !== undefined && req.quotaTokens !== req.tokens
            ? { quotaTokens: req.quotaTokens }
            : {}),
          dayWindow: windows.day,
          monthWindow: windows.month,
        }
      : null,
  };
}
