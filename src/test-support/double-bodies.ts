/**
 * The canned answers of the upstream double, in the exact wire shapes of OpenAI's Chat
 * Completions API and Anthropic's Messages API. Built once per (protocol, model) and reused,
 * so the double's normal modes cost next to nothing in a benchmark.
 */
import { sseFrame } from '../gateway/upstream/sse.js';

/** The words the double answers with, streamed one delta per word. */
export const DOUBLE_WORDS = ['Hello', ' from', ' the', ' upstream', ' double', '.'];
/** The full answer text. */
export const DOUBLE_TEXT = DOUBLE_WORDS.join('');
/** Usage the double reports. */
export const DOUBLE_USAGE = { input: 12, output: DOUBLE_WORDS.length };

const CREATED = 1767225600;

function sse(data: unknown, event?: string): string {
  return sseFrame(event || undefined, typeof data === 'string' ? data : JSON.stringify(data));
}

/** OpenAI `chat.completion` object. */
export function openaiJson(model: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: 'chatcmpl-double',
      object: 'chat.completion',
      created: CREATED,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: DOUBLE_TEXT, refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: DOUBLE_USAGE.input,
        completion_tokens: DOUBLE_USAGE.output,
        total_tokens: DOUBLE_USAGE.input + DOUBLE_USAGE.output,
      },
    }),
  );
}

/** OpenAI `chat.completion.chunk` events, the usage chunk (when asked) and `[DONE]`. */
export function openaiEvents(model: string, includeUsage: boolean): string[] {
  const base = { id: 'chatcmpl-double', object: 'chat.completion.chunk', created: CREATED, model };
  const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
    sse({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const out = [chunk({ role: 'assistant', content: '' }, null)];
  for (const w of DOUBLE_WORDS) out.push(chunk({ content: w }, null));
  out.push(chunk({}, 'stop'));
  if (includeUsage) {
    const usage = {
      prompt_tokens: DOUBLE_USAGE.input,
      completion_tokens: DOUBLE_USAGE.output,
      total_tokens: DOUBLE_USAGE.input + DOUBLE_USAGE.output,
    };
    out.push(sse({ ...base, choices: [], usage }));
  }
  out.push(sseFrame(undefined, '[DONE]'));
  return out;
}

/** Anthropic `message` object. */
export function anthropicJson(model: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: 'msg_double',
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: DOUBLE_TEXT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: DOUBLE_USAGE.input, output_tokens: DOUBLE_USAGE.output },
    }),
  );
}

/** Anthropic Messages streaming events, with their `event:` names. */
export function anthropicEvents(model: string): string[] {
  const message = {
    id: 'msg_double',
    type: 'message',
    role: 'assistant',
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: DOUBLE_USAGE.input, output_tokens: 1 },
  };
  const out = [
    sse({ type: 'message_start', message }, 'message_start'),
    sse(
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      'content_block_start',
    ),
    sse({ type: 'ping' }, 'ping'),
  ];
  for (const w of DOUBLE_WORDS) {
    out.push(
      sse(
        { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: w } },
        'content_block_delta',
      ),
    );
  }
  out.push(sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'));
  out.push(
    sse(
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: DOUBLE_USAGE.output },
      },
      'message_delta',
    ),
  );
  out.push(sse({ type: 'message_stop' }, 'message_stop'));
  return out;
}

/** An API-shaped error body. */
export function errorJson(anthropic: boolean, status: number): Buffer {
  const message = `double: simulated HTTP ${status}`;
  if (anthropic) {
    const type =
      status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
    return Buffer.from(JSON.stringify({ type: 'error', error: { type, message } }));
  }
  const type =
    status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return Buffer.from(JSON.stringify({ error: { message, type, param: null, code: null } }));
}

/** A `data:` event carrying `bytes` of filler text, for the "huge" mode. */
export function hugeText(bytes: number): string {
  return 'x'.repeat(bytes);
}
