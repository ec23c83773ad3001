/**
 * The arithmetic every backend shares, written so the Redis Lua script (redis/script.ts)
 * can mirror it operation for operation: the differential test relies on IEEE-754 doubles
 * giving the same result in JavaScript and in Redis's Lua.
 *
 * Rates use GCRA, the Generic Cell Rate Algorithm of the ATM Forum Traffic Management
 * Specification 4.0 (virtual-scheduling form), as redis-cell's CL.THROTTLE applies it to
 * rate limiting: one stored value per key, the theoretical arrival time (TAT). With
 * emission interval T = period / limit and a burst tolerance of the whole period, a
 * request of cost c at time t is conforming when max(TAT, t) + c·T − period ≤ t.
 */

/** Slack for float noise when comparing times in ms and counting whole units. */
export const EPS = 1e-6;

/** Outcome of one check (one dimension of one key). */
export interface CheckResult {
  allowed: boolean;
  remaining: number;
  resetMs: number;
  retryAfterMs: number;
}

/** GCRA admission: the new TAT to store when allowed (null when denied) and the result. */
export function gcraAdmit(
  tat: number | undefined,
  now: number,
  cost: number,
  limit: number,
  periodMs: number,
): { newTat: number | null; result: CheckResult } {
  const base = tat !== undefined && tat > now ? tat : now;
  const newTat = base + (cost * periodMs) / limit;
  const allowAt = newTat - periodMs;
  const interval = periodMs / limit;
  if (allowAt - now > EPS) {
    return {
      newTat: null,
      result: {
        allowed: false,
        remaining: Math.max(0, Math.floor((now + periodMs - base) / interval + EPS)),
        resetMs: Math.max(0, Math.ceil(base - now - EPS)),
        retryAfterMs: Math.ceil(allowAt - now - EPS),
      },
    };
  }
  return {
    newTat,
    result: {
      allowed: true,
      remaining: Math.max(0, Math.floor((now + periodMs - newTat) / interval + EPS)),
      resetMs: Math.max(0, Math.ceil(newTat - now - EPS)),
      retryAfterMs: 0,
    },
  };
}

/**
 * GCRA settlement: move the TAT by `delta` units (positive charges, negative refunds).
 * Returns the TAT to store, null to delete the key (a TAT in the past is a fresh key), or
 * undefined to leave it as it is.
 */
export function gcraSettle(
  tat: number | undefined,
  now: number,
  delta: number,
  limit: number,
  periodMs: number,
): number | null | undefined {
  if (delta === 0) return undefined;
  let base: number;
  if (delta > 0) base = tat !== undefined && tat > now ? tat : now;
  else if (tat === undefined || tat <= now) return undefined;
  else base = tat;
  const next = base + (delta * periodMs) / limit;
  return next > now ? next : null;
}

/** Fixed-window quota admission: `used` is the window's usage so far. */
export function quotaAdmit(
  used: number,
  cost: number,
  limit: number,
  untilEndMs: number,
): { newUsed: number | null; result: CheckResult } {
  if (used + cost > limit) {
    return {
      newUsed: null,
      result: {
        allowed: false,
        remaining: Math.max(0, limit - used),
        resetMs: untilEndMs,
        retryAfterMs: untilEndMs,
      },
    };
  }
  return {
    newUsed: used + cost,
    result: { allowed: true, remaining: limit - used - cost, resetMs: untilEndMs, retryAfterMs: 0 },
  };
}
