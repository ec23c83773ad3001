import type { DemoChoice, DemoPlan } from './plan.js';
import { deltas } from './pace.js';
import type { Step } from './pace.js';

/**
 * The demo model's answers in OpenAI Responses wire shapes
 * (platform.openai.com/docs/api-reference/responses): a `response` object, or the typed
 * event stream `response.created`, `response.in_progress`, `response.output_item.added`,
 * `response.content_part.added`, `response.output_text.delta`…, `response.output_text.done`,
 * `response.content_part.done`, `response.output_item.done`, `response.completed`, each with
 * its `sequence_number`. The reasoner's reasoning is a `reasoning` item with a summary, the
 * first output item; a tool call is a `function_call` item.
 */

type Json = Record<string, unknown>;

const hex = (plan: DemoPlan) => plan.seed.toString(16).padStart(8, '0');

function usage(plan: DemoPlan, c: DemoChoice): Json {
  const output = c.reasoningTokens + c.textTokens;
  return {
    input_tokens: plan.promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: c.reasoningTokens },
    total_tokens: plan.promptTokens + output,
  };
}

function reasoningItem(plan: DemoPlan, summary: string): Json {
  return {
    type: 'reasoning',
    id: `rs_demo${hex(plan)}`,
    summary: summary ? [{ type: 'summary_text', text: summary }] : [],
  };
}

type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

/** A finished item's status: `incomplete` when the answer was cut at max_output_tokens. */
const finished = (c: DemoChoice): ItemStatus =>
  c.finish === 'length' ? 'incomplete' : 'completed';

function messageItem(plan: DemoPlan, text: string, status: ItemStatus): Json {
  return {
    type: 'message',
    id: `msg_demo${hex(plan)}`,
    status,
    role: 'assistant',
    content:
      status === 'in_progress'
        ? []
        : [{ type: 'output_text', text, annotations: [], logprobs: [] }],
  };
}

function callItem(c: DemoChoice, args: string, status: ItemStatus): Json {
  const call = c.toolCall!;
  return {
    type: 'function_call',
    id: `fc_${call.id.slice(5)}`,
    call_id: call.id,
    name: call.name,
    arguments: args,
    status,
  };
}

function outputOf(plan: DemoPlan, c: DemoChoice): Json[] {
  const out: Json[] = [];
  if (c.reasoning) out.push(reasoningItem(plan, c.reasoning));
  out.push(
    c.toolCall
      ? callItem(c, c.toolCall.arguments, finished(c))
      : messageItem(plan, c.text, finished(c)),
  );
  return out;
}

/** The response object: `in_progress` with no output while streaming, else complete. */
export function responseObject(plan: DemoPlan, model: string, body: Json, done = true): Json {
  const c = plan.choices[0]!;
  const incomplete = done && c.finish === 'length';
  return {
    id: `resp_demo${hex(plan)}`,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: !done ? 'in_progress' : incomplete ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    instructions: typeof body['instructions'] === 'string' ? body['instructions'] : null,
    max_output_tokens:
      typeof body['max_output_tokens'] === 'number' ? body['max_output_tokens'] : null,
    model,
    output: done ? outputOf(plan, c) : [],
    parallel_tool_calls: body['parallel_tool_calls'] !== false,
    previous_response_id:
      typeof body['previous_response_id'] === 'string' ? body['previous_response_id'] : null,
    reasoning: { effort: null, summary: null },
    store: false,
    temperature: typeof body['temperature'] === 'number' ? body['temperature'] : 1,
    text: { format: { type: 'text' } },
    tool_choice: body['tool_choice'] ?? 'auto',
    tools: Array.isArray(body['tools']) ? body['tools'] : [],
    top_p: typeof body['top_p'] === 'number' ? body['top_p'] : 1,
    truncation: 'disabled',
    usage: done ? usage(plan, c) : null,
    metadata: {},
  };
}

/** The typed event stream of one response. */
export function* responsesSteps(plan: DemoPlan, model: string, body: Json): Generator<Step> {
  const c = plan.choices[0]!;
  let seq = 0;
  const ev = (type: string, payload: Json, tokens = 0): Step => ({
    ev: { event: type, data: JSON.stringify({ type, sequence_number: seq++, ...payload }) },
    tokens,
  });
  const open = responseObject(plan, model, body, false);
  yield ev('response.created', { response: open });
  yield ev('response.in_progress', { response: open });
  let index = 0;
  if (c.reasoning) {
    const item = reasoningItem(plan, '');
    const ids = { item_id: item['id'], output_index: index, summary_index: 0 };
    yield ev('response.output_item.added', { output_index: index, item });
    yield ev('response.reasoning_summary_part.added', {
      ...ids,
      part: { type: 'summary_text', text: '' },
    });
    const parts = deltas(c.reasoning, 3);
    for (const delta of parts)
      yield ev(
        'response.reasoning_summary_text.delta',
        { ...ids, delta },
        c.reasoningTokens / parts.length,
      );
    yield ev('response.reasoning_summary_text.done', { ...ids, text: c.reasoning });
    yield ev('response.reasoning_summary_part.done', {
      ...ids,
      part: { type: 'summary_text', text: c.reasoning },
    });
    yield ev('response.output_item.done', {
      output_index: index,
      item: reasoningItem(plan, c.reasoning),
    });
    index++;
  }
  if (c.toolCall) {
    const item = callItem(c, '', 'in_progress');
    yield ev('response.output_item.added', { output_index: index, item });
    const args = c.toolCall.arguments;
    const pieces: string[] = [];
    for (let i = 0; i < args.length; i += 16) pieces.push(args.slice(i, i + 16));
    for (const delta of pieces)
      yield ev(
        'response.function_call_arguments.delta',
        { item_id: item['id'], output_index: index, delta },
        c.textTokens / pieces.length,
      );
    yield ev('response.function_call_arguments.done', {
      item_id: item['id'],
      output_index: index,
      arguments: args,
    });
    yield ev('response.output_item.done', {
      output_index: index,
      item: callItem(c, args, finished(c)),
    });
  } else {
    const item = messageItem(plan, '', 'in_progress');
    const ids = { item_id: item['id'], output_index: index, content_index: 0 };
    yield ev('response.output_item.added', { output_index: index, item });
    yield ev('response.content_part.added', {
      ...ids,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
    const parts = deltas(c.text, 1);
    for (const delta of parts)
      yield ev(
        'response.output_text.delta',
        { ...ids, delta, logprobs: [] },
        c.textTokens / parts.length,
      );
    yield ev('response.output_text.done', { ...ids, text: c.text, logprobs: [] });
    yield ev('response.content_part.done', {
      ...ids,
      part: { type: 'output_text', text: c.text, annotations: [], logprobs: [] },
    });
    yield ev('response.output_item.done', {
      output_index: index,
      item: messageItem(plan, c.text, finished(c)),
    });
  }
  const done = responseObject(plan, model, body, true);
  yield ev(done['status'] === 'incomplete' ? 'response.incomplete' : 'response.completed', {
    response: done,
  });
}
