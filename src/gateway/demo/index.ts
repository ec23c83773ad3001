import { MoatError } from '../../errors/registry.js';
import type { Protocol, Upstream, UpstreamRequest, UpstreamResponse } from '../upstream.js';
import { anthropicMessage, anthropicSteps } from './anthropic-wire.js';
import { openaiCompletion, openaiSteps } from './openai-wire.js';
import { generationDelay, paced, type Step } from './pace.js';
import { completionObject, completionSteps, embeddingsObject } from './legacy-wire.js';
import { responseObject, responsesSteps } from './responses-wire.js';
import { promptMessages } from '../protocol/completions.js';
import { inputMessages } from '../protocol/responses.js';
import { countTokens } from '../../tokens/count.js';
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
 * Refuse content arrays holding anything but blocks (objects), as the real APIs do with a
 * 400: `content: [null]` crashed the demo with a 500 (issue 14).
 */
function checkBlocks(protocol: Protocol, body: Record<string, unknown>): void {
  const check = (content: unknown, at: string) => {
    if (!Array.isArray(content)) return;
    content.forEach((b: unknown, j) => {
      if (typeof b !== 'object' || b === null || Array.isArray(b)) {
        const param = protocol === 'openai' ? `${at}[${j}]` : `${at}.${j}`;
        throw new MoatError(
          'MOAT_INVALID_REQUEST',
          `${param}: must be a content block object, got ${b === null ? 'null' : Array.isArray(b) ? 'an array' : typeof b}.`,
          { param },
        );
      }
    });
  };
  check(body['system'], 'system');
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  messages.forEach((m: unknown, i) => {
    if (m && typeof m === 'object')
      check(
        (m as Record<string, unknown>)['content'],
        protocol === 'openai' ? `messages[${i}].content` : `messages.${i}.content`,
      );
  });
}

/** Responses API tools and tool_choice in Chat Completions shape, for the demo's tool planner. */
function chatTools(body: Record<string, unknown>): Record<string, unknown> {
  const tools = Array.isArray(body['tools'])
    ? (body['tools'] as Array<Record<string, unknown>>)
    : [];
  const choice = body['tool_choice'];
  const named =
    choice && typeof choice === 'object' ? (choice as Record<string, unknown>)['name'] : undefined;
  return {
    tools: tools
      .filter((t) => t?.['type'] === 'function')
      .map((t) => ({
        type: 'function',
        function: { name: t['name'], description: t['description'], parameters: t['parameters'] },
      })),
    ...(typeof named === 'string'
      ? { tool_choice: { type: 'function', function: { name: named } } }
      : typeof choice === 'string'
        ? { tool_choice: choice }
        : {}),
  };
}

/**
 * The demo's other OpenAI APIs (issue 16): legacy Completions and the Responses API answered
 * by the same planner as chat, Embeddings by hashed bag-of-words vectors.
 */
async function otherApi(
  req: UpstreamRequest,
  cfg: DemoConfig,
  counter: number,
  name: string,
): Promise<UpstreamResponse> {
  const body = req.body;
  const model = String(body['model'] ?? name);
  const paced_ = (steps: Iterable<Step>) => ({
    status: 200,
    headers: {},
    events: paced(steps, cfg.tokensPerSecond, req.signal),
  });
  switch (req.path) {
    case '/embeddings': {
      const input = body['input'];
      const inputs = (Array.isArray(input) ? input : [input]).map((x) =>
        typeof x === 'string' ? x : Array.isArray(x) ? x.join(' ') : '',
      );
      const dims = typeof body['dimensions'] === 'number' ? body['dimensions'] : 256;
      const tokens = inputs.reduce((n, t) => n + countTokens(t), 0);
      return {
        status: 200,
        headers: {},
        json: embeddingsObject(inputs, model, dims, body['encoding_format'] === 'base64', tokens),
      };
    }
    case '/completions': {
      const plan = await planAnswer(
        'openai',
        { ...body, messages: promptMessages(body['prompt']), tools: [] },
        cfg,
        counter,
      );
      if (req.stream) {
        const so = body['stream_options'] as { include_usage?: unknown } | undefined;
        return paced_(completionSteps(plan, model, so?.include_usage === true));
      }
      await generationDelay(
        plan.choices.reduce((n, c) => n + c.textTokens, 0),
        cfg.tokensPerSecond,
        req.signal,
      );
      return { status: 200, headers: {}, json: completionObject(plan, model) };
    }
    case '/responses': {
      const chat = {
        ...body,
        ...chatTools(body),
        messages: inputMessages(body),
        n: 1,
        max_tokens: body['max_output_tokens'],
      };
      const plan = await planAnswer('openai', chat, cfg, counter);
      if (req.stream) return paced_(responsesSteps(plan, model, body));
      const c = plan.choices[0]!;
      await generationDelay(c.reasoningTokens + c.textTokens, cfg.tokensPerSecond, req.signal);
      return { status: 200, headers: {}, json: responseObject(plan, model, body) };
    }
    default:
      return {
        status: 404,
        headers: {},
        json: {
          error: {
            message: `The demo model has no ${req.path}.`,
            type: 'invalid_request_error',
            param: null,
            code: null,
          },
        },
      };
  }
}

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
      if (req.path !== undefined) return otherApi(req, demoCfg, counter++, name);
      checkBlocks(req.protocol, req.body);
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
