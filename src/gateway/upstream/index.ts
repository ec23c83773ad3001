import type { UpstreamConfig } from '../../config/config.js';
import type { Upstream } from '../upstream.js';
import { createDemoUpstream } from '../demo/index.js';
import type { DemoConfig } from '../demo/index.js';
import { createAnthropicUpstream } from './anthropic.js';
import { createOpenAIUpstream } from './openai.js';

export { createOpenAIUpstream } from './openai.js';
export { createAnthropicUpstream } from './anthropic.js';
export type { HttpUpstream } from './adapter.js';
export { decodeSse, encodeSse } from './sse.js';
export { createDemoUpstream, DEMO_MODELS, preloadDemo } from '../demo/index.js';

/** Defaults of the top-level `demo:` config section, for callers that have none. */
const DEMO_DEFAULTS: DemoConfig = { tokensPerSecond: 0, meanTokens: 220 };

/**
 * Build the upstream named `name` from its config, choosing the adapter by `cfg.kind`.
 * `demo` is the top-level `demo:` config section (pace and length of the built-in model).
 * @example const up = createUpstream('demo', cfg.upstreams['demo']!, cfg.demo)
 */
export function createUpstream(
  name: string,
  cfg: UpstreamConfig,
  demo: DemoConfig = DEMO_DEFAULTS,
): Upstream {
  switch (cfg.kind) {
    case 'openai':
      return createOpenAIUpstream(name, cfg);
    case 'anthropic':
      return createAnthropicUpstream(name, cfg);
    case 'demo':
      return createDemoUpstream(name, demo);
  }
}
