import type { Protocol, Upstream, UpstreamRequest, UpstreamResponse } from '../upstream.js';
import { anthropicMessage, anthropicSteps } from './anthropic-wire.js';
import { openaiCompletion, openaiSteps } from './openai-wire.js';
import { generationDelay, paced } from './pace.js';
import { planAnswer } from './plan.js';
import type { DemoConfig } from './plan.js';

export { preloadDemo } from './plan.js';
export type { DemoConfig } from './plan.js';

/** The demo's models, for GET /v1/models (labelled as demos). */
export const DEMO_MODELS: ReadonlyArray<{ id: string; description: string; reasoning: boolean }> = [
  {
    id: 'moat-demo',
    description: 'Built-in demo model (WordNet text, no real model)',
    reasoning: false,
  },
  {
    id: 'moat-demo-reasoner',
    description: 'Built-in demo model that also streams reasoning',
    reasoning: true,
  },
];

/**
 * The built-in `demo` upstream: an in-process stand-in for a model, speaking both the OpenAI
 * and the Anthropic protocol, with answers drawn from WordNet's glosses and example sentences,
 * exact `usage` from the o200k tokenizer, `max_tokens`, stop sequences and OpenAI's `n`
 * honoured, and streams paced at `tokensPerSecond` (0 = as fast as read). A model whose name
 * contains `reasoner` also produces reasoning. No network, no downloads; honours `req.signal`.
 * @example const demo = createDemoUpstream('demo', { tokensPerSecond: 50, meanTokens: 220 });
 */
export function createDemoUpstream(name: string, demoCfg: DemoConfig): Upstream {
  let counter = 0;
  return {
    name,
    kind: 'demo',
    speaks: (_p: Protocol) => true,
    async call(req: UpstreamRequest): Promise<UpstreamResponse> {
      if (req.signal.aborted) throw req.signal.reason;
      const plan = await planAnswer(req.protocol, req.body, demoCfg, counter++);
      const model = String(req.body['model'] ?? name);
      if (req.stream) {
        const so = req.body['stream_options'] as { include_usage?: unknown } | undefined;
        const steps =
          req.protocol === 'openai'
            ? openaiSteps(plan, model, so?.include_usage === true)
            : anthropicSteps(plan, model);
        return {
          status: 200,
          headers: {},
          events: paced(steps, demoCfg.tokensPerSecond, req.signal),
        };
      }
      const tokens = plan.choices.reduce((n, c) => n + c.reasoningTokens + c.textTokens, 0);
      await generationDelay(tokens, demoCfg.tokensPerSecond, req.signal);
      const json =
        req.protocol === 'openai' ? openaiCompletion(plan, model) : anthropicMessage(plan, model);
      return { status: 200, headers: {}, json };
    },
    close: () => Promise.resolve(),
  };
}
