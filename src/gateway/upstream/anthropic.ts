import type { UpstreamConfig } from '../../config/config.js';
import { createHttpUpstream, lowerKeys } from './adapter.js';
import type { HttpUpstream } from './adapter.js';

/** Sent as `anthropic-version` unless the upstream's configured headers set another. */
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

/**
 * An Anthropic-compatible upstream: `POST {baseUrl}/messages` with `x-api-key: {cfg.apiKey}`
 * (from config only) and `anthropic-version` (the client's, else 2023-06-01), plus `cfg.headers`.
 * @example createAnthropicUpstream('claude', { kind: 'anthropic', baseUrl: 'https://api.anthropic.com/v1', apiKey, timeoutMs: 120000, headers: {} })
 */
export function createAnthropicUpstream(name: string, cfg: UpstreamConfig): HttpUpstream {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'anthropic-version': DEFAULT_ANTHROPIC_VERSION,
  };
  if (cfg.apiKey) headers['x-api-key'] = cfg.apiKey;
  Object.assign(headers, lowerKeys(cfg.headers));
  return createHttpUpstream(name, cfg, {
    protocol: 'anthropic',
    path: '/messages',
    headers,
    pinned: new Set(Object.keys(lowerKeys(cfg.headers))),
  });
}
