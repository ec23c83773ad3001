/**
 * The upstream double's answers on OpenAI's other APIs (issue 16): Embeddings, legacy
 * Completions and the Responses API, in the shapes OpenAI documents, streaming where the
 * API streams. Fixed texts, so tests can compare what the client received.
 */
import { sseFrame } from '../gateway/upstream/sse.js';

/** The text every double completion and response answers with. */
export const DOUBLE_TEXT =
  'The double answers with this sentence, and then with a second one about rivers.';

/** A fixed 8-dimensional embedding per input. */
export function embeddingsJson(model: string, inputs: number): Buffer {
  return Buffer.from(
    JSON.stringify({
      object: 'list',
      data: Array.from({ length: inputs }, (_, index) => ({
        object: 'embedding',
        index,
        embedding: [0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.0, 0.1].map((x) => x + index / 100),
      })),
      model,
      usage: { prompt_tokens: 5 * inputs, total_tokens: 5 * inputs },
    }),
  );
}

export function completionJson(model: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: 'cmpl-double',
      object: 'text_completion',
      created: 1767225600,
      model,
      choices: [{ text: DOUBLE_TEXT, index: 0, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 4, completion_tokens: 16, total_tokens: 20 },
    }),
  );
}

export function completionEvents(model: string, includeUsage: boolean): string[] {
  const head = { id: 'cmpl-double', object: 'text_completion', created: 1767225600, model };
  const words = DOUBLE_TEXT.match(/\s*\S+/g)!;
  const chunk = (text: string, finish: string | null) =>
    sseFrame(
      undefined,
      JSON.stringify({
        ...head,
        choices: [{ text, index: 0, logprobs: null, finish_reason: finish }],
      }),
    );
  return [
    ...words.map((w) => chunk(w, null)),
    chunk('', 'stop'),
    ...(includeUsage
      ? [
          sseFrame(
            undefined,
            JSON.stringify({
              ...head,
              choices: [],
              usage: { prompt_tokens: 4, completion_tokens: 16, total_tokens: 20 },
            }),
          ),
        ]
      : []),
    sseFrame(undefined, '[DONE]'),
  ];
}

function responseObject(model: string, done: boolean, reasoning: boolean): Record<string, unknown> {
  const output = [
    ...(reasoning
      ? [
          {
            type: 'reasoning',
            id: 'rs_double',
            summary: [{ type: 'summary_text', text: 'Thinking about rivers.' }],
            encrypted_content: 'opaque',
          },
        ]
      : []),
    {
      type: 'message',
      id: 'msg_double',
      status: 'completed',
      role: 'assistant',
      content: [
        {
          type: 'output_text',
          text: DOUBLE_TEXT,
          annotations: [],
          logprobs: [{ token: 'The', logprob: -0.1, bytes: [84, 104, 101], top_logprobs: [] }],
        },
      ],
    },
  ];
  return {
    id: 'resp_double',
    object: 'response',
    created_at: 1767225600,
    status: done ? 'completed' : 'in_progress',
    model,
    output: done ? output : [],
    usage: done
      ? {
          input_tokens: 6,
          output_tokens: 16,
          output_tokens_details: { reasoning_tokens: reasoning ? 4 : 0 },
          total_tokens: 22,
        }
      : null,
    // Some servers send the convenience field too: it must carry the served text.
    ...(done ? { output_text: DOUBLE_TEXT } : {}),
  };
}

export function responseJson(model: string): Buffer {
  return Buffer.from(JSON.stringify(responseObject(model, true, true)));
}

/** The typed event stream of a response with a reasoning item and a message. */
export function responseEvents(model: string): string[] {
  let seq = 0;
  const ev = (type: string, payload: Record<string, unknown>) =>
    sseFrame(type, JSON.stringify({ type, sequence_number: seq++, ...payload }));
  const rs = { item_id: 'rs_double', output_index: 0, summary_index: 0 };
  const msg = { item_id: 'msg_double', output_index: 1, content_index: 0 };
  const done = responseObject(model, true, true);
  const items = done['output'] as Array<Record<string, unknown>>;
  return [
    ev('response.created', { response: responseObject(model, false, true) }),
    ev('response.output_item.added', {
      output_index: 0,
      item: { type: 'reasoning', id: 'rs_double', summary: [] },
    }),
    ev('response.reasoning_summary_part.added', {
      ...rs,
      part: { type: 'summary_text', text: '' },
    }),
    ev('response.reasoning_summary_text.delta', { ...rs, delta: 'Thinking about rivers.' }),
    ev('response.reasoning_summary_text.done', { ...rs, text: 'Thinking about rivers.' }),
    ev('response.reasoning_summary_part.done', {
      ...rs,
      part: { type: 'summary_text', text: 'Thinking about rivers.' },
    }),
    ev('response.output_item.done', { output_index: 0, item: items[0] }),
    ev('response.output_item.added', {
      output_index: 1,
      item: {
        type: 'message',
        id: 'msg_double',
        status: 'in_progress',
        role: 'assistant',
        content: [],
      },
    }),
    ev('response.content_part.added', {
      ...msg,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    }),
    ...DOUBLE_TEXT.match(/\s*\S+/g)!.map((delta) =>
      ev('response.output_text.delta', {
        ...msg,
        delta,
        logprobs: [{ token: delta, logprob: -0.5 }],
      }),
    ),
    ev('response.output_text.done', { ...msg, text: DOUBLE_TEXT, logprobs: [] }),
    ev('response.content_part.done', {
      ...msg,
      part: { type: 'output_text', text: DOUBLE_TEXT, annotations: [], logprobs: [] },
    }),
    ev('response.output_item.done', { output_index: 1, item: items[1] }),
    ev('response.completed', { response: done }),
  ];
}
