/**
 * OpenAI-style rate-limit headers from a decision: `x-ratelimit-{limit,remaining,reset}-
 * {requests,tokens}` (resets as Go-style durations such as `1s`, `6m0s`, `20ms`, the way
 * OpenAI's API writes them), plus `retry-after` (whole seconds, RFC 9110 §10.2.3) and
 * `retry-after-ms` (read by the official OpenAI SDKs) on a denial.
 */
import type { Decision, DimensionState } from './limiter.js';

/** `1500` → `1.5s`; `360000` → `6m0s`; `20` → `20ms`. */
export function formatDuration(ms: number): string {
  const v = Math.max(0, Math.ceil(ms));
  if (v < 1000) return `${v}ms`;
  if (v < 60_000) return `${trim(v / 1000)}s`;
  const h = Math.floor(v / 3_600_000);
  const m = Math.floor((v % 3_600_000) / 60_000);
  const s = trim((v % 60_000) / 1000);
  return h > 0 ? `${h}h${m}m${s}s` : `${m}m${s}s`;
}

function trim(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

function put(out: Record<string, string>, suffix: string, s: DimensionState | undefined): void {
  if (!s) return;
  out[`x-ratelimit-limit-${suffix}`] = String(s.limit);
  out[`x-ratelimit-remaining-${suffix}`] = String(s.remaining);
  out[`x-ratelimit-reset-${suffix}`] = formatDuration(s.resetMs);
}

/**
 * The headers to send with a response (admitted or denied). Token headers describe the
 * per-minute token limit, or the daily quota when no per-minute limit is set.
 * @example reply.headers(rateLimitHeaders(decision))
 */
export function rateLimitHeaders(d: Decision): Record<string, string> {
  const out: Record<string, string> = {};
  put(out, 'requests', d.dimensions.requests);
  put(
    out,
    'tokens',
    d.dimensions.tokens ?? d.dimensions.tokensPerDay ?? d.dimensions.tokensPerMonth,
  );
  if (!d.allowed) {
    out['retry-after'] = String(Math.max(1, Math.ceil(d.retryAfterMs / 1000)));
    out['retry-after-ms'] = String(Math.max(0, Math.ceil(d.retryAfterMs)));
  }
  return out;
}
