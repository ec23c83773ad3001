import type { UpstreamConfig } from '../../config/config.js';
import { createHttpUpstream, lowerKeys } from './adapter.js';
import type { HttpUpstream } from './adapter.js';

/**
 * An OpenAI-compatible upstream (OpenAI, vLLM, llama.cpp server, …):
 * `POST {baseUrl}/chat/completions` with `Authorization: Bearer {cfg.apiKey}` — the
 * credential comes from config only, never from the client — plus `cfg.headers`.
 * @example createOpenAIUpstream('vllm', { kind: 'openai', baseUrl: 'http://127.0.0.1:8000/v1', timeoutMs: 60000, headers: {} })
 */
export function createOpenAIUpstream(name: string, cfg: UpstreamConfig): HttpUpstream {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cfg.apiKey) headers['authorization'] = `Bearer ${cfg.apiKey}`;
  Object.assign(headers, lowerKeys(cfg.headers));
  return createHttpUpstream(name, cfg, {
    protocol: 'openai',
    path: '/chat/completions',
    headers,
    pinned: new Set(Object.keys(lowerKeys(cfg.headers))),
  });
}
