import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  anthropicEvents,
  anthropicJson,
  errorJson,
  hugeText,
  openaiEvents,
  openaiJson,
} from './double-bodies.js';
import {
  completionEvents,
  completionJson,
  embeddingsJson,
  responseEvents,
  responseJson,
} from './double-apis.js';
import { sseFrame } from '../gateway/upstream/sse.js';

/**
 * How the double answers a request. Chosen per request by the `x-double-mode` header, else
 * by a model name `double/<mode>` (which survives a gateway that rewrites headers), else by
 * the default set with `setMode`.
 */
export const DOUBLE_MODES = [
  'normal',
  'error-400',
  'error-429',
  'error-500',
  'non-json-500',
  'hang-headers',
  'hang-stream',
  'close-stream',
  'slow-stream',
  'huge',
  'ignore-stream',
  'non-json-200',
  // Chat only, like vLLM and llama.cpp: /v1/responses, /v1/embeddings and /v1/completions are 404.
  'chat-only',
] as const;
/** One of DOUBLE_MODES. */
export type DoubleMode = (typeof DOUBLE_MODES)[number];

/** A request the double received. */
export interface RecordedRequest {
  method: string;
  /** Path including query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (undefined for GET or a body that is not JSON). */
  body: Record<string, unknown> | undefined;
  /** The body as received. */
  raw: string;
}

/** Knobs of the double. */
export interface DoubleOptions {
  /** Keep every request in `requests` (turn off for benchmarks). Default true. */
  record?: boolean;
  /** Pause between events in `slow-stream` mode. Default 20 ms. */
  slowDelayMs?: number;
  /** Body size of `huge` mode. Default 8 MiB. */
  hugeBytes?: number;
}

/** A running upstream double. */
export interface UpstreamDouble {
  /** Base URL with the version prefix: `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  readonly port: number;
  /** Requests received so far, oldest first. */
  readonly requests: RecordedRequest[];
  /** Set the mode for requests that name none. */
  setMode(mode: DoubleMode): void;
  /** Responses whose connection closed before they finished (client aborts). */
  readonly aborted: number;
  /** TCP connections that have closed, for whatever reason. */
  readonly connectionsClosed: number;
  /** Resolves once `aborted` reaches `count` (default: one more than now). */
  waitForAbort(count?: number): Promise<void>;
  /** Close every connection and stop listening. */
  close(): Promise<void>;
}

function modeOf(headers: IncomingHttpHeaders, model: unknown, fallback: DoubleMode): DoubleMode {
  const h = headers['x-double-mode'];
  if (typeof h === 'string' && (DOUBLE_MODES as readonly string[]).includes(h))
    return h as DoubleMode;
  if (typeof model === 'string' && model.startsWith('double/')) {
    const m = model.slice(7);
    if ((DOUBLE_MODES as readonly string[]).includes(m)) return m as DoubleMode;
  }
  return fallback;
}

function parseBody(raw: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Buffer | string[]>();
function cached<T extends Buffer | string[]>(key: string, build: () => T): T {
  let v = cache.get(key) as T | undefined;
  if (v === undefined) {
    v = build();
    cache.set(key, v);
  }
  return v;
}

const MODELS = Buffer.from(
  JSON.stringify({
    object: 'list',
    data: [
      {
        id: 'double-model',
        object: 'model',
        type: 'model',
        created: 1767225600,
        owned_by: 'double',
        display_name: 'Double',
      },
    ],
    has_more: false,
  }),
);

function sendJson(
  res: ServerResponse,
  status: number,
  body: Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': body.length,
    'x-request-id': 'req_double',
    ...extra,
  });
  res.end(body);
}

/** Each cached event list as one prebuilt buffer, for the fast normal stream. */
const joined = new WeakMap<string[], Buffer>();

/** Responses the double cut on purpose ('close-stream'), which are not client aborts. */
const cutByDouble = new WeakSet<ServerResponse>();

/** Stream `events`, all at once or `delayMs` apart; `cut` stops after the first few. */
function stream(
  res: ServerResponse,
  events: string[],
  delayMs: number,
  cut?: 'hang' | 'close',
): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-request-id': 'req_double',
  });
  const stopAt = cut ? 2 : events.length;
  if (delayMs === 0 && !cut) {
    let whole = joined.get(events);
    if (whole === undefined) joined.set(events, (whole = Buffer.from(events.join(''))));
    res.end(whole);
    return;
  }
  let i = 0;
  const step = (): void => {
    if (res.destroyed) return;
    if (i === stopAt) {
      if (cut === 'close') {
        cutByDouble.add(res);
        res.socket?.destroy();
      } else if (!cut) res.end();
      return;
    }
    res.write(events[i++]);
    if (delayMs > 0) setTimeout(step, delayMs);
    else setImmediate(step);
  };
  step();
}

interface Ctx {
  mode: DoubleMode;
  anthropic: boolean;
  model: string;
  streaming: boolean;
  includeUsage: boolean;
}

function answer(res: ServerResponse, c: Ctx, opts: Required<DoubleOptions>): void {
  const events = (): string[] =>
    c.anthropic
      ? cached(`a:${c.model}`, () => anthropicEvents(c.model))
      : cached(`o:${c.model}:${c.includeUsage}`, () => openaiEvents(c.model, c.includeUsage));
  switch (c.mode) {
    case 'error-400':
    case 'error-429':
    case 'error-500': {
      const status = Number(c.mode.slice(6));
      return sendJson(
        res,
        status,
        errorJson(c.anthropic, status),
        status === 429 ? { 'retry-after': '1' } : {},
      );
    }
    case 'non-json-500':
      res.writeHead(500, { 'content-type': 'text/html' });
      return void res.end('<html><body>Internal Server Error</body></html>');
    case 'hang-headers':
      return;
    case 'non-json-200':
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('OK');
    case 'huge':
      if (!c.streaming)
        return sendJson(
          res,
          200,
          Buffer.from(JSON.stringify({ filler: hugeText(opts.hugeBytes) })),
        );
      return stream(res, hugeEvents(c, opts.hugeBytes), 0);
    default:
      break;
  }
  if (!c.streaming || c.mode === 'ignore-stream') {
    return sendJson(
      res,
      200,
      c.anthropic
        ? cached(`aj:${c.model}`, () => anthropicJson(c.model))
        : cached(`oj:${c.model}`, () => openaiJson(c.model)),
    );
  }
  if (c.mode === 'hang-stream') return stream(res, events(), 0, 'hang');
  if (c.mode === 'close-stream') return stream(res, events(), 0, 'close');
  return stream(res, events(), c.mode === 'slow-stream' ? opts.slowDelayMs : 0);
}

function hugeEvents(c: Ctx, bytes: number): string[] {
  const piece = hugeText(16 * 1024);
  const n = Math.ceil(bytes / piece.length);
  const ev = c.anthropic
    ? sseFrame(
        'content_block_delta',
        JSON.stringify({
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: piece },
        }),
      )
    : sseFrame(
        undefined,
        JSON.stringify({
          object: 'chat.completion.chunk',
          model: c.model,
          choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
        }),
      );
  const all = c.anthropic ? anthropicEvents(c.model) : openaiEvents(c.model, false);
  return [...all.slice(0, 2), ...Array.from({ length: n }, () => ev), ...all.slice(2)];
}

/**
 * Start a real HTTP server on 127.0.0.1, port 0, that speaks OpenAI's `/v1/chat/completions`,
 * Anthropic's `/v1/messages` (and `/v1/messages/count_tokens`: always 42), `/v1/models` and
 * `/v1/models/{id}` (`double-model` and `double/…` exist), `/v1/embeddings`, `/v1/completions`
 * and `/v1/responses` (double-apis.ts; 404 for a `double/chat-only` model), streaming and not, records what it received,
 * and misbehaves on request (see DoubleMode).
 * @example const up = await startUpstreamDouble(); … await up.close();
 */
export async function startUpstreamDouble(options: DoubleOptions = {}): Promise<UpstreamDouble> {
  const opts: Required<DoubleOptions> = {
    record: true,
    slowDelayMs: 20,
    hugeBytes: 8 * 1024 * 1024,
    ...options,
  };
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let fallback: DoubleMode = 'normal';
  let aborted = 0;
  let connectionsClosed = 0;
  let waiters: Array<{ count: number; resolve: () => void }> = [];

  const onAbort = (): void => {
    aborted++;
    waiters = waiters.filter((w) => (w.count <= aborted ? (w.resolve(), false) : true));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    res.on('close', () => {
      if (!res.writableFinished && !cutByDouble.has(res)) onAbort();
    });
    const body = raw ? parseBody(raw) : undefined;
    if (opts.record)
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        raw,
      });
    const path = (req.url ?? '').split('?')[0];
    if (req.method === 'GET' && path === '/v1/models') return sendJson(res, 200, MODELS);
    if (req.method === 'GET' && path?.startsWith('/v1/models/')) {
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      return id === 'double-model' || id.startsWith('double/')
        ? sendJson(
            res,
            200,
            Buffer.from(
              JSON.stringify({ id, object: 'model', created: 1767225600, owned_by: 'double' }),
            ),
          )
        : sendJson(res, 404, errorJson(false, 404));
    }
    if (req.method === 'POST' && path === '/v1/messages/count_tokens') {
      return sendJson(res, 200, Buffer.from(JSON.stringify({ input_tokens: 42 })));
    }
    if (
      req.method === 'POST' &&
      (path === '/v1/embeddings' || path === '/v1/completions' || path === '/v1/responses')
    ) {
      const model = typeof body?.['model'] === 'string' ? body['model'] : 'double-model';
      if (modeOf(req.headers, model, fallback) === 'chat-only')
        return sendJson(res, 404, errorJson(false, 404));
      const streaming = body?.['stream'] === true;
      if (path === '/v1/embeddings') {
        const input = body?.['input'];
        return sendJson(res, 200, embeddingsJson(model, Array.isArray(input) ? input.length : 1));
      }
      if (path === '/v1/completions') {
        const so = body?.['stream_options'] as { include_usage?: unknown } | undefined;
        return streaming
          ? stream(res, completionEvents(model, so?.include_usage === true), 0)
          : sendJson(res, 200, completionJson(model));
      }
      return streaming
        ? stream(res, responseEvents(model), 0)
        : sendJson(res, 200, responseJson(model));
    }
    const anthropic = path === '/v1/messages';
    if (req.method !== 'POST' || (!anthropic && path !== '/v1/chat/completions')) {
      return sendJson(res, 404, errorJson(anthropic, 404));
    }
    const model = typeof body?.['model'] === 'string' ? body['model'] : 'double-model';
    const so = body?.['stream_options'] as { include_usage?: unknown } | undefined;
    const c: Ctx = {
      mode: modeOf(req.headers, model, fallback),
      anthropic,
      model,
      streaming: body?.['stream'] === true,
      includeUsage: so?.include_usage === true,
    };
    answer(res, c, opts);
  };

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (s: string) => (raw += s));
    req.on('end', () => handle(req, res, raw));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => {
      sockets.delete(s);
      connectionsClosed++;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    setMode: (m) => void (fallback = m),
    get aborted() {
      return aborted;
    },
    get connectionsClosed() {
      return connectionsClosed;
    },
    waitForAbort: (count = aborted + 1) =>
      count <= aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
