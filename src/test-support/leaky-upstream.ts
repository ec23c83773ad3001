import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { sseFrame } from '../gateway/upstream/sse.js';

/** A request the leaky upstream received. */
export interface LeakyRequest {
  path: string;
  body: Record<string, unknown>;
}

/** A running leaky upstream. */
export interface LeakyUpstream {
  /** Base URL with the version prefix: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Bodies received, oldest first. */
  readonly requests: LeakyRequest[];
  close(): Promise<void>;
}

/** The answer text: the last user message's text after `echo:`, else a fixed sentence. */
function answerText(body: Record<string, unknown>): string {
  const msgs = Array.isArray(body['messages'])
    ? (body['messages'] as Array<Record<string, unknown>>)
    : [];
  const last = msgs.filter((m) => m['role'] === 'user').at(-1)?.['content'];
  const text =
    typeof last === 'string'
      ? last
      : Array.isArray(last)
        ? String((last[0] as Record<string, unknown>)?.['text'] ?? '')
        : '';
  return text.startsWith('echo:') ? text.slice(5) : 'The answer is four.';
}

const LOGPROBS = {
  content: [
    {
      token: 'The',
      logprob: -0.01,
      bytes: [84, 104, 101],
      top_logprobs: [{ token: 'The', logprob: -0.01 }],
    },
  ],
};

function openaiJson(model: string, text: string): Record<string, unknown> {
  return {
    id: 'chatcmpl-leaky',
    object: 'chat.completion',
    created: 1767225600,
    model,
    prompt_logprobs: [null, { '791': { logprob: -3.2, rank: 1, decoded_token: 'The' } }],
    prompt_token_ids: [791, 4320],
    kv_transfer_params: { x: 1 },
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text,
          refusal: null,
          reasoning_content: 'SECRET-REASONING step by step',
          reasoning: 'SECRET-REASONING',
          thinking_blocks: [{ type: 'thinking', thinking: 'SECRET-THINKING', signature: 's' }],
          provider_specific_fields: { reasoning: 'SECRET-PROVIDER-REASONING' },
        },
        logprobs: LOGPROBS,
        token_ids: [1, 2, 3],
        stop_reason: null,
        finish_reason: 'stop',
      },
    ],
    usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
  };
}

function openaiEvents(model: string, text: string, usage: boolean): string[] {
  const base = {
    id: 'chatcmpl-leaky',
    object: 'chat.completion.chunk',
    created: 1767225600,
    model,
  };
  const ev = (o: unknown) => sseFrame(undefined, JSON.stringify(o));
  const words = text.split(/(?<= )/);
  return [
    ev({
      ...base,
      prompt_logprobs: [null, { '791': { logprob: -3.2 } }],
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '' },
          logprobs: null,
          finish_reason: null,
        },
      ],
    }),
    ev({
      ...base,
      choices: [
        { index: 0, delta: { reasoning_content: 'SECRET-REASONING' }, finish_reason: null },
      ],
    }),
    ev({
      ...base,
      choices: [
        {
          index: 0,
          delta: { thinking_blocks: [{ type: 'thinking', thinking: 'SECRET-THINKING' }] },
          finish_reason: null,
        },
      ],
    }),
    ev({
      ...base,
      choices: [
        {
          index: 0,
          delta: { provider_specific_fields: { reasoning: 'SECRET-PROVIDER-REASONING' } },
          finish_reason: null,
        },
      ],
    }),
    ...words.map((w) =>
      ev({
        ...base,
        choices: [
          {
            index: 0,
            delta: { content: w },
            logprobs: LOGPROBS,
            token_ids: [7],
            finish_reason: null,
          },
        ],
      }),
    ),
    ev({ ...base, choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }] }),
    ...(usage
      ? [
          ev({
            ...base,
            choices: [],
            usage: { prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 },
          }),
        ]
      : []),
    sseFrame(undefined, '[DONE]'),
  ];
}

function anthropicJson(model: string, text: string): Record<string, unknown> {
  return {
    id: 'msg_leaky',
    type: 'message',
    role: 'assistant',
    model,
    content: [
      { type: 'thinking', thinking: 'SECRET-THINKING', signature: 'sig' },
      { type: 'redacted_thinking', data: 'SECRET-REDACTED' },
      { type: 'text', text },
    ],
    reasoning_content: 'SECRET-REASONING',
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 5, output_tokens: 4 },
  };
}

function anthropicEvents(model: string, text: string): string[] {
  const ev = (name: string, o: unknown) => sseFrame(name, JSON.stringify(o));
  const words = text.split(/(?<= )/);
  return [
    ev('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_leaky',
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        usage: { input_tokens: 5, output_tokens: 1 },
      },
    }),
    ev('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'thinking', thinking: '' },
    }),
    ev('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'thinking_delta', thinking: 'SECRET-THINKING' },
    }),
    ev('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'signature_delta', signature: 'sig' },
    }),
    ev('content_block_stop', { type: 'content_block_stop', index: 0 }),
    ev('content_block_start', {
      type: 'content_block_start',
      index: 1,
      content_block: { type: 'text', text: '' },
    }),
    ...words.map((w) =>
      ev('content_block_delta', {
        type: 'content_block_delta',
        index: 1,
        delta: { type: 'text_delta', text: w },
      }),
    ),
    ev('content_block_stop', { type: 'content_block_stop', index: 1 }),
    ev('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'end_turn', stop_sequence: null },
      usage: { output_tokens: 4 },
    }),
    ev('message_stop', { type: 'message_stop' }),
  ];
}

/**
 * An upstream double that behaves like a permissive inference server (vLLM, LiteLLM, a
 * reasoning model behind Anthropic's API): it records every body it receives and answers
 * with everything an extraction campaign would want — reasoning fields, thinking blocks,
 * logprobs, prompt logprobs, token ids — in JSON and in streams. The answer text is the
 * last user message after `echo:` (so tests choose what the gateway must watermark), else
 * "The answer is four.".
 * @example const up = await startLeakyUpstream(); … up.requests.at(-1).body; await up.close();
 */
export async function startLeakyUpstream(): Promise<LeakyUpstream> {
  const requests: LeakyRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (s: string) => (raw += s));
    req.on('end', () => {
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ path, body });
      const model = typeof body['model'] === 'string' ? body['model'] : 'leaky';
      const text = answerText(body);
      const anthropic = path === '/v1/messages';
      if (body['stream'] === true) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const so = body['stream_options'] as { include_usage?: boolean } | undefined;
        res.end(
          (anthropic
            ? anthropicEvents(model, text)
            : openaiEvents(model, text, so?.include_usage === true)
          ).join(''),
        );
        return;
      }
      const json = JSON.stringify(anthropic ? anthropicJson(model, text) : openaiJson(model, text));
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
      });
      res.end(json);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
