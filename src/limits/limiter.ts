/**
 * The limiter interface: admit a request against several keys at once (reserve), then
 * settle the reservation when the response ends. Implementations: `memory/` (in-process,
 * the default) and `redis/` (shared by replicas). Both run the same arithmetic
 * (`gcra.ts`, `quota.ts`) and pass one conformance suite (`limiter.case.ts`).
 */

/** A limited dimension: requests/min and tokens/min (GCRA), daily and monthly token quotas. */
export type Dimension = 'requests' | 'tokens' | 'tokensPerDay' | 'tokensPerMonth';

/** Every dimension, in the order checks are evaluated and reported. */
export const DIMENSIONS: readonly Dimension[] = [
  'requests',
  'tokens',
  'tokensPerDay',
  'tokensPerMonth',
];

/** Limits of one key; an absent field means "no limit on that dimension". */
export interface LimitRules {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  tokensPerDay?: number | undefined;
  tokensPerMonth?: number | undefined;
}

/** One limited subject in a decision, e.g. `{ name: 'acct', rules }` or `{ name: 'key:key_9', rules }`. */
export interface LimitKey {
  /** Unique within the tag (the account); becomes part of the storage key. */
  name: string;
  rules: LimitRules;
}

/** What `admit` is asked to decide. */
export interface AdmitRequest {
  /**
   * The hash tag that groups every key of the decision (normally the account id): Redis
   * keys become `prefix{tag}:name:dim`, so one decision touches one cluster slot.
   */
  tag: string;
  keys: readonly LimitKey[];
  /** Request cost; default 1. */
  requests?: number;
  /**
   * Tokens reserved now against the per-minute token rate: prompt estimate + max output
   * tokens, capped (see `capReservation`) so a large request can pass once the bucket is full.
   */
  tokens: number;
  /**
   * Tokens reserved against the daily and monthly quotas; default `tokens`. Never capped:
   * the whole worst case (every choice of `n` at its max tokens) must fit in what remains of
   * the quota, or the request is refused (issue 14: a capped reservation let 512,000 tokens
   * through a 5,000-token daily quota).
   */
  quotaTokens?: number;
  /** Epoch ms; tests only. Without it memory uses Date.now() and Redis its own TIME. */
  now?: number;
}

/** The state of one dimension, for the most restrictive key. */
export interface DimensionState {
  key: string;
  limit: number;
  remaining: number;
  /** Milliseconds until the dimension is fully replenished (GCRA) or the quota window ends. */
  resetMs: number;
}

/** A held reservation; pass it to `settle` when the response ends. */
export interface Reservation {
  tag: string;
  keys: readonly LimitKey[];
  tokens: number;
  /** Tokens charged to the quotas (`AdmitRequest.quotaTokens`); absent: `tokens`. */
  quotaTokens?: number;
  /** The quota windows the tokens were charged to (UTC day number, month number y*12+m). */
  dayWindow: number;
  monthWindow: number;
}

/** The outcome of `admit`: all keys admitted atomically, or none charged. */
export interface Decision {
  allowed: boolean;
  /** 0 when allowed; otherwise the exact wait until this same request would be admitted. */
  retryAfterMs: number;
  /** The limiting dimension when denied; else the tightest one (least remaining share). */
  dimension: Dimension | null;
  key: string | null;
  limit: number;
  remaining: number;
  resetMs: number;
  /** Per dimension, the key with the least remaining. */
  dimensions: Partial<Record<Dimension, DimensionState>>;
  /** True when the cost exceeds a limit outright: waiting will never admit it. */
  exceedsLimit: boolean;
  reservation: Reservation | null;
  /** Set when the backend was unreachable and the configured fail mode decided. */
  failMode?: 'open' | 'closed';
}

/** A limiter backend. */
export interface Limiter {
  /** Check and charge every key of the request atomically; nothing is charged when denied. */
  admit(req: AdmitRequest): Promise<Decision>;
  /**
   * Charge (positive) or refund (negative) the difference between the tokens actually used
   * and the tokens reserved. Never throws; a reservation of `null` is a no-op.
   */
  settle(reservation: Reservation | null, actualTokens: number, now?: number): Promise<void>;
  close(): Promise<void>;
}
