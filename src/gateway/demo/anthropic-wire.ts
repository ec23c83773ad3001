import { createHash } from 'node:crypto';
import type { DemoChoice, DemoFinish, DemoPlan } from './plan.js';
import type { DemoToolCall } from './tools.js';
import { deltas } from './pace.js';
import type { Step } from './pace.js';

/**
 * The demo model's answers in Anthropic Messages wire shapes: a `message` object, or the
 * named event stream `message_start`, `content_block_start`, `ping`, `content_block_delta`…,
 * `content_block_stop`, `message_delta`, `message_stop` (docs.anthropic.com, "Streaming
 * Messages"). The reasoner's thinking is a `thinking` block before the text, streamed as
 * `thinking_delta`s and closed by a `signature_delta`, as extended thinking is.
 */

type Json = Record<string, unknown>;

const STOP: Record<DemoFinish, string> = {
  stop: 'end_turn',
  stop_sequence: 'stop_sequence',
  length: 'max_tokens',
  tool: 'tool_use',
};
/** Words per text delta: Anthropic sends a few tokens per event. */
const WORDS_PER_DELTA = 4;

/** A stand-in for the thinking block's signature: a digest of the thinking text. */
function signature(thinking: string): string {
  return createHash('sha256').update(thinking).digest('base64');
}

function messageId(plan: DemoPlan): string {
  return `msg_demo${plan.seed.toString(16).padStart(8, '0')}`;
}

function blocks(c: DemoChoice): Json[] {
  const out: Json[] = [];
  if (c.reasoning)
    out.push({ type: 'thinking', thinking: c.reasoning, signature: signature(c.reasoning) });
  if (c.toolCall) {
    const { id, name, arguments: args } = c.toolCall;
    out.push({ type: 'tool_use', id, name, input: JSON.parse(args) as unknown });
  } else out.push({ type: 'text', text: c.text });
  return out;
}

/** A non-streaming `message` object. */
export function anthropicMessage(plan: DemoPlan, model: string): Json {
  const c = plan.choices[0]!;
  return {
    id: messageId(plan),
    type: 'message',
    role: 'assistant',
    model,
    content: blocks(c),
    stop_reason: STOP[c.finish],
    stop_sequence: c.stopSequence,
    usage: {
      input_tokens: plan.promptTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: c.reasoningTokens + c.textTokens,
    },
  };
}

function step(event: string, payload: Json, tokens = 0): Step {
  return { ev: { event, data: JSON.stringify(payload) }, tokens };
}

function* blockSteps(
  index: number,
  kind: 'thinking' | 'text',
  text: string,
  tokens: number,
): Generator<Step> {
  const start =
    kind === 'thinking'
      ? { type: 'thinking', thinking: '', signature: '' }
      : { type: 'text', text: '' };
  yield step('content_block_start', { type: 'content_block_start', index, content_block: start });
  if (index === 0) yield step('ping', { type: 'ping' });
  const parts = deltas(text, WORDS_PER_DELTA);
  for (const p of parts) {
    const delta =
      kind === 'thinking'
        ? { type: 'thinking_delta', thinking: p }
        : { type: 'text_delta', text: p };
    yield step(
      'content_block_delta',
      { type: 'content_block_delta', index, delta },
      tokens / parts.length,
    );
  }
  if (kind === 'thinking') {
    const delta = { type: 'signature_delta', signature: signature(text) };
    yield step('content_block_delta', { type: 'content_block_delta', index, delta });
  }
  yield step('content_block_stop', { type: 'content_block_stop', index });
}

/** A `tool_use` block: started with empty input, the input streamed as `input_json_delta`s. */
function* toolUseSteps(index: number, call: DemoToolCall, tokens: number): Generator<Step> {
  const start = { type: 'tool_use', id: call.id, name: call.name, input: {} };
  yield step('content_block_start', { type: 'content_block_start', index, content_block: start });
  if (index === 0) yield step('ping', { type: 'ping' });
  const pieces: string[] = [];
  for (let i = 0; i < call.arguments.length; i += 16) pieces.push(call.arguments.slice(i, i + 16));
  for (const partial_json of pieces) {
    const delta = { type: 'input_json_delta', partial_json };
    yield step(
      'content_block_delta',
      { type: 'content_block_delta', index, delta },
      tokens / pieces.length,
    );
  }
  yield step('content_block_stop', { type: 'content_block_stop', index });
}

/** The named event stream of one message. */
export function* anthropicSteps(plan: DemoPlan, model: string): Generator<Step> {
  const c = plan.choices[0]!;
  const message = {
    ...anthropicMessage(plan, model),
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: {
      input_tokens: plan.promptTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 1,
    },
  };
  yield step('message_start', { type: 'message_start', message });
  let index = 0;
  if (c.reasoning) yield* blockSteps(index++, 'thinking', c.reasoning, c.reasoningTokens);
  if (c.toolCall) yield* toolUseSteps(index, c.toolCall, c.textTokens);
  else yield* blockSteps(index, 'text', c.text, c.textTokens);
  yield step('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: STOP[c.finish], stop_sequence: c.stopSequence },
    usage: { output_tokens: c.reasoningTokens + c.textTokens },
  });
  yield step('message_stop', { type: 'message_stop' });
}
