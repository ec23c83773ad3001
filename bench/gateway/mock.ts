/**
 * The benchmark's upstream: a minimal OpenAI-compatible `node:http` server with prebuilt
 * response bytes, identical for every contender. `POST …/chat/completions` answers JSON, or
 * an SSE stream of `STREAM_WORDS` content chunks (one `write` per event, a `setImmediate`
 * between events so a proxy sees them as separate reads, as it would from a real model)
 * when the body asks for `"stream": true`. Any other path gets a tiny `/v1/models` list.
 *
 *   node --import tsx bench/gateway/mock.ts PORT [WORDS]   (prints `listening PORT`)
 *
 * WORDS (default `STREAM_WORDS`) sets the content chunks of a stream and the words of the
 * JSON answer, so the cost per SSE event can be read off two runs (issue 19).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { sseFrame } from '../../src/gateway/upstream/sse.js';

/** Content chunks in one streamed answer (the default). */
export const STREAM_WORDS = 30;

const isMain = process.argv[1]?.endsWith('mock.ts') === true;
const words = isMain && process.argv[3] ? Number(process.argv[3]) : STREAM_WORDS;

const MODEL = 'bench-model';
const CREATED = 1_700_000_000;
const WORDS = Array.from({ length: words }, (_, i) => (i === 0 ? 'Rivers' : ` word${i}`));
const TEXT = WORDS.join('');
const USAGE = {
  prompt_tokens: 24,
  completion_tokens: words,
  total_tokens: 24 + words,
};

const JSON_BODY = Buffer.from(
  JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    created: CREATED,
    model: MODEL,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: TEXT },
        logprobs: null,
        finish_reason: 'stop',
      },
    ],
    usage: USAGE,
  }),
);

function sse(obj: unknown): Buffer {
  return Buffer.from(sseFrame(undefined, JSON.stringify(obj)));
}

/** The frames of one streamed answer, one per upstream read; `withUsage`: a usage chunk before [DONE]. */
export function streamEvents(withUsage: boolean): Buffer[] {
  const base = {
    id: 'chatcmpl-bench',
    object: 'chat.completion.chunk',
    created: CREATED,
    model: MODEL,
  };
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    sse({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const out = [
    chunk({ role: 'assistant', content: '' }, null),
    ...WORDS.map((w) => chunk({ content: w }, null)),
    chunk({}, 'stop'),
  ];
  if (withUsage) out.push(sse({ ...base, choices: [], usage: USAGE }));
  out.push(Buffer.from(sseFrame(undefined, '[DONE]')));
  return out;
}

const EVENTS = streamEvents(false);
const EVENTS_USAGE = streamEvents(true);
const MODELS = Buffer.from(
  JSON.stringify({
    object: 'list',
    data: [{ id: MODEL, object: 'model', created: CREATED, owned_by: 'bench' }],
  }),
);

function stream(res: ServerResponse, events: Buffer[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  let i = 0;
  const step = (): void => {
    if (res.destroyed) return;
    const ev = events[i++];
    if (ev === undefined) return void res.end();
    res.write(ev);
    setImmediate(step);
  };
  step();
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    if (req.method !== 'POST') {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': MODELS.length });
      return void res.end(MODELS);
    }
    const body = Buffer.concat(parts).toString('latin1');
    if (/"stream"\s*:\s*true/.test(body))
      return stream(res, /"include_usage"\s*:\s*true/.test(body) ? EVENTS_USAGE : EVENTS);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': JSON_BODY.length });
    res.end(JSON_BODY);
  });
}

if (isMain) {
  const server = createServer({ keepAliveTimeout: 60_000 }, handle);
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
  process.once('SIGTERM', () => process.exit(0));
  process.once('SIGINT', () => process.exit(0));
}
