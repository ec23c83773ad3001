import type { IncomingHttpHeaders } from 'node:http';
import type { Protocol } from './upstream.js';

/**
 * Client headers that change what an upstream does and carry no credential, per API:
 * Anthropic's `anthropic-beta` (opt-in features) and `anthropic-version`; OpenAI's
 * `openai-organization` and `openai-project` (which organisation and project an OpenAI
 * key acts for). Everything else the client sends stays at the gateway: credentials come
 * from the upstream's config only.
 */
export const FORWARDED_HEADERS: Readonly<Record<Protocol, readonly string[]>> = {
  anthropic: ['anthropic-beta', 'anthropic-version'],
  openai: ['openai-organization', 'openai-project'],
};

/** Longest forwarded header value; longer ones are dropped (they are short tokens). */
const MAX_VALUE = 1024;

/**
 * The headers of `FORWARDED_HEADERS[protocol]` that the client sent (repeated headers
 * joined by commas, as RFC 9110 §5.3 allows for list values), or undefined when none.
 * An upstream's configured header of the same name wins (withForwarded).
 * @example forwardedHeaders({ 'anthropic-beta': 'prompt-caching-2024-07-31' }, 'anthropic')
 */
export function forwardedHeaders(
  headers: IncomingHttpHeaders,
  protocol: Protocol,
): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const name of FORWARDED_HEADERS[protocol]) {
    const v = headers[name];
    const value = Array.isArray(v) ? v.join(',') : v;
    if (
      typeof value !== 'string' ||
      value === '' ||
      value.length > MAX_VALUE ||
      /[\r\n\0]/.test(value)
    )
      continue;
    (out ??= {})[name] = value;
  }
  return out;
}
