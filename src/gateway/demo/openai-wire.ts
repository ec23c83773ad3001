import type { DemoChoice, DemoFinish, DemoPlan } from './plan.js';
import type { DemoToolCall } from './tools.js';
import { deltas } from './pace.js';
import type { Step } from './pace.js';

/**
 * The demo model's answers in OpenAI Chat Completions wire shapes: a `chat.completion`
 * object, or `chat.completion.chunk` events ending with `data: [DONE]`
 * (platform.openai.com/docs/api-reference/chat). Reasoning travels as `reasoning_content`,
 * the field DeepSeek and vLLM use for it.
 */

type Json = Record<string, unknown>;

const FINISH: Record<DemoFinish, string> = {
  stop: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  tool: 'tool_calls',
};
/** Marks responses as the demo's, like a real deployment's fingerprint. */
const FINGERPRINT = 'fp_moat_demo';

function usage(plan: DemoPlan): Json {
  let completion = 0;
  let reasoning = 0;
  for (const c of plan.choices) {
    completion += c.reasoningTokens + c.textTokens;
    reasoning += c.reasoningTokens;
  }
  return {
    prompt_tokens: plan.promptTokens,
    completion_tokens: completion,
    total_tokens: plan.promptTokens + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
}

/** The response id, derived from the plan's seed so a reproduced answer has the same id. */
export function completionId(plan: DemoPlan): string {
  return `chatcmpl-demo${plan.seed.toString(16).padStart(8, '0')}`;
}

/** A non-streaming `chat.completion` object. */
export function openaiCompletion(plan: DemoPlan, model: string): Json {
  return {
    id: completionId(plan),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: plan.choices.map((c, index) => ({
      index,
      message: {
        role: 'assistant',
        content: c.toolCall ? null : c.text,
        ...(c.reasoning ? { reasoning_content: c.reasoning } : {}),
        ...(c.toolCall ? { tool_calls: [toolCallObject(c.toolCall)] } : {}),
        refusal: null,
      },
      logprobs: null,
      finish_reason: FINISH[c.finish],
    })),
    usage: usage(plan),
    system_fingerprint: FINGERPRINT,
  };
}

function toolCallObject(call: DemoToolCall): Json {
  return {
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: call.arguments },
  };
}

/** Argument pieces of a streamed tool call: a few JSON characters at a time, as OpenAI sends them. */
function argumentPieces(args: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 12) out.push(args.slice(i, i + 12));
  return out;
}

/**
 * One choice's deltas: role first, then reasoning, then content or a tool call (its id and
 * name, then its arguments in pieces), then the finish reason.
 */
function* choiceDeltas(
  c: DemoChoice,
): Generator<{ delta: Json; finish: string | null; tokens: number }> {
  yield { delta: { role: 'assistant', content: '' }, finish: null, tokens: 0 };
  const r = deltas(c.reasoning, 1);
  for (const piece of r)
    yield {
      delta: { reasoning_content: piece },
      finish: null,
      tokens: c.reasoningTokens / r.length,
    };
  if (c.toolCall) {
    const { id, name, arguments: args } = c.toolCall;
    yield {
      delta: {
        tool_calls: [{ index: 0, id, type: 'function', function: { name, arguments: '' } }],
      },
      finish: null,
      tokens: 0,
    };
    const pieces = argumentPieces(args);
    for (const piece of pieces)
      yield {
        delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
        finish: null,
        tokens: c.textTokens / pieces.length,
      };
  } else {
    const t = deltas(c.text, 1);
    for (const piece of t)
      yield { delta: { content: piece }, finish: null, tokens: c.textTokens / t.length };
  }
  yield { delta: {}, finish: FINISH[c.finish], tokens: 0 };
}

/**
 * The stream of `chat.completion.chunk` events. With several choices (`n`), their chunks
 * interleave as a real server's do. With `includeUsage` every chunk carries `usage: null`
 * and a last chunk with empty `choices` carries the totals (stream_options.include_usage).
 */
export function* openaiSteps(
  plan: DemoPlan,
  model: string,
  includeUsage: boolean,
): Generator<Step> {
  const head = `{"id":"${completionId(plan)}","object":"chat.completion.chunk","created":${Math.floor(Date.now() / 1000)},"model":${JSON.stringify(model)},"system_fingerprint":"${FINGERPRINT}",`;
  const tail = includeUsage ? ',"usage":null}' : '}';
  let live = plan.choices.map((c, index) => ({ index, gen: choiceDeltas(c) }));
  while (live.length) {
    for (const { index, gen } of live) {
      const next = gen.next();
      if (next.done) continue;
      const { delta, finish, tokens } = next.value;
      const choice = { index, delta, logprobs: null, finish_reason: finish };
      yield { ev: { data: `${head}"choices":[${JSON.stringify(choice)}]${tail}` }, tokens };
      if (finish !== null) live = live.filter((l) => l.index !== index);
    }
  }
  if (includeUsage)
    yield {
      ev: { data: `${head}"choices":[],"usage":${JSON.stringify(usage(plan))}}` },
      tokens: 0,
    };
  yield { ev: { data: '[DONE]' }, tokens: 0 };
}
