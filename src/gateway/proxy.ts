import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { MoatError, errorBody } from '../errors/registry.js';
import type { EventBus } from '../telemetry/bus.js';
import type { TelemetryEvent } from '../telemetry/event.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import type { Finisher, Guard, RequestContext } from './context.js';
import { servedShape } from '../telemetry/served.js';
import { emptyFacts, type ResponseFacts } from './protocol/protocol.js';
import type { ModelRouter } from './router.js';
import { RequestAbort, type SseEvent, type UpstreamResponse } from './upstream.js';
import { countTokens } from '../tokens/count.js';
import { batchesOf, sseComment, sseFrame } from './upstream/sse.js';
import { boundRequest } from './bounded-body.js';
import { forwardedHeaders } from './forward-headers.js';
import { endingChoice, isUsageOnlyChunk, replaceText, spliceText } from './stream-event.js';
import { StreamScanner } from './protocol/event-scan.js';

/** What the proxy needs from the rest of the gateway. */
export interface ProxyDeps {
  router: ModelRouter;
  bus: EventBus;
  metrics: GatewayMetrics;
  guards: Guard[];
  finishers: Finisher[];
  storeText: boolean;
  /** Bytes of a refused request's body kept in its event (`telemetry.refusedBodyBytes`). */
  refusedBodyBytes?: number;
  log: { warn(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void };
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/**
 * Serve one authenticated, validated model request: run guards, call the upstream, send
 * the response through the plan's stages, and emit the telemetry event when it ends.
 * Writes to the raw response; never throws after headers are sent.
 */
export async function proxyRequest(
  deps: ProxyDeps,
  ctx: RequestContext,
  res: ServerResponse,
): Promise<void> {
  const facts = emptyFacts();
  let status = 200;
  let errorCode: string | undefined;
  const abort = new RequestAbort();
  deps.metrics.active.requests++;
  const onClose = () => {
    if (!res.writableFinished) abort.abort();
  };
  res.on('close', onClose);
  let upstreamName = 'none';
  try {
    ctx.upstreamHeaders ??= forwardedHeaders(ctx.raw.headers, ctx.protocol);
    for (const g of deps.guards) await g.before(ctx);
    const route = deps.router.resolve(ctx.model, ctx.protocol);
    upstreamName = route.upstream.name;
    ctx.upstreamBody['model'] = route.upstreamModel;
    requestStreamUsage(ctx, route.upstream.kind);
    const up = await route.upstream.call({
      protocol: ctx.protocol,
      body: ctx.upstreamBody,
      stream: ctx.stream,
      get signal() {
        return abort.signal;
      },
      abort,
      requestId: ctx.requestId,
      headers: ctx.upstreamHeaders,
      path: ctx.adapter.path,
    });
    status = await sendUpstream(deps, ctx, up, facts, res, route.upstream.name);
  } catch (err) {
    const e = clientSafe(toMoatError(err, ctx.requestId, deps), ctx.requestId, upstreamName, deps);
    status = e.status;
    errorCode = e.code;
    // Labelled by the configured upstream, never by a client string (issue 14: 309 series).
    // A client that left is not an upstream failure (issue 15), whatever the call threw.
    if (e.code.startsWith('MOAT_UPSTREAM') && !abort.aborted)
      deps.metrics.upstreamErrors.inc({ upstream: upstreamName, code: e.code });
    if (ctx.action === 'allow' && e.status === 429)
      ctx.action = e.code === 'MOAT_CHALLENGE_REQUIRED' ? 'challenge' : 'rate_limited';
    if (e.code === 'MOAT_ACCOUNT_BLOCKED') ctx.action = 'block';
    if (!res.headersSent) {
      sendError(res, ctx, e);
    } else if (!res.writableEnded) {
      writeStreamError(res, ctx, e);
      res.end();
    }
  } finally {
    res.off('close', onClose);
  }
  finish(deps, ctx, facts, status, errorCode, abort.aborted);
}

/**
 * An OpenAI stream carries usage only when asked (`stream_options.include_usage`). Ask on
 * the client's behalf, so token accounting needs no tokenizer, and drop that chunk from
 * the client's stream when it did not ask.
 */
function requestStreamUsage(ctx: RequestContext, kind: string): void {
  if (ctx.protocol !== 'openai' || !ctx.stream || kind === 'anthropic') return;
  // The Responses API reports usage in response.completed and has no include_usage.
  if (ctx.adapter.endpoint !== 'chat.completions' && ctx.adapter.endpoint !== 'completions') return;
  const so = ctx.upstreamBody['stream_options'];
  if (so && typeof so === 'object' && (so as Record<string, unknown>)['include_usage'] === true)
    return;
  // The client's own options are copied by a spread (a key named `__proto__` stays a key);
  // without any, a plain literal (issue 19: see headersOf).
  ctx.upstreamBody['stream_options'] =
    so && typeof so === 'object' ? { ...so, include_usage: true } : { include_usage: true };
  ctx.usageRequested = true;
}

function toMoatError(err: unknown, requestId: string, deps: ProxyDeps): MoatError {
  if (err instanceof MoatError) return err;
  if ((err as Error)?.name === 'AbortError')
    return new MoatError('MOAT_UPSTREAM_ERROR', 'client disconnected');
  deps.log.error({ err, requestId }, 'unexpected error while proxying');
  return new MoatError('MOAT_INTERNAL', requestId);
}

/**
 * What a client may see of an upstream failure: a generic message with the request id as
 * reference. The upstream's own answer and connection details (addresses, ports, upstream
 * names) go to the log only (issue 14).
 */
function clientSafe(e: MoatError, requestId: string, upstream: string, deps: ProxyDeps): MoatError {
  if (e.code !== 'MOAT_UPSTREAM_ERROR' && e.code !== 'MOAT_UPSTREAM_UNREACHABLE') return e;
  deps.log.warn({ requestId, upstream, code: e.code, detail: e.detail }, 'upstream failure');
  return new MoatError(e.code, requestId, { headers: e.headers });
}

/** Send a MoatError in the caller's API shape. */
export function sendError(
  res: ServerResponse,
  ctx: Pick<RequestContext, 'protocol' | 'requestId' | 'responseHeaders'>,
  e: MoatError,
): void {
  const body = JSON.stringify(errorBody(ctx.protocol, e));
  res.writeHead(e.status, jsonHead(ctx.responseHeaders, e.headers, body, ctx.requestId));
  res.end(body);
}

/**
 * `first` and `then` merged, a value of `then` winning in the place of the first: what
 * `{ ...first, ...then }` builds, built with Object.assign (issue 19). On Node 20 (V8 11.3) an
 * object made by a spread and then given more properties, or a literal spreading two
 * objects, costs 1–6 µs per response here against ≈0.1 µs this way (bench/README.md,
 * "Issue 19, 7 Dec (later)"). Object.assign sets each key where a spread defines it, which
 * differs only for a key named `__proto__`: these keys are Moat's own or picked by name
 * from a fixed list (upstream/http.ts PASSED_HEADERS), never a client's.
 */
function headersOf(
  first: Readonly<Record<string, string>>,
  then: Readonly<Record<string, string>> | undefined,
): OutgoingHttpHeaders {
  return Object.assign({}, first, then);
}

/** The head of a JSON response: `first` and `then` merged (headersOf), then its type, length and request id. */
function jsonHead(
  first: Readonly<Record<string, string>>,
  then: Readonly<Record<string, string>> | undefined,
  body: string,
  requestId: string,
): OutgoingHttpHeaders {
  const head = headersOf(first, then);
  head['content-type'] = 'application/json';
  head['content-length'] = Buffer.byteLength(body);
  head['x-request-id'] = requestId;
  return head;
}

function writeStreamError(res: ServerResponse, ctx: RequestContext, e: MoatError): void {
  const body = JSON.stringify(errorBody(ctx.protocol, e));
  res.write(sseFrame(ctx.protocol === 'anthropic' ? 'error' : undefined, body));
}

async function sendUpstream(
  deps: ProxyDeps,
  ctx: RequestContext,
  up: UpstreamResponse,
  facts: ResponseFacts,
  res: ServerResponse,
  upstreamName: string,
): Promise<number> {
  if (up.status >= 500) {
    const msg = upstreamMessage(up.json) ?? `HTTP ${up.status}`;
    throw new MoatError('MOAT_UPSTREAM_ERROR', `${upstreamName} answered ${up.status}: ${msg}`);
  }
  // An OpenAI-compatible server without this API (vLLM and llama.cpp have no Responses API):
  // say so rather than pass on a bare 404 (issue 16).
  if (ctx.adapter.path && (up.status === 404 || up.status === 405)) {
    deps.log.warn(
      {
        requestId: ctx.requestId,
        upstream: upstreamName,
        status: up.status,
        path: ctx.adapter.path,
      },
      'upstream lacks the endpoint',
    );
    throw new MoatError(
      'MOAT_UNSUPPORTED_ENDPOINT',
      `the model "${ctx.model}" does not implement POST /v1${ctx.adapter.path}`,
      { param: 'model' },
    );
  }
  if (up.events && up.status < 300) {
    await sendStream(deps, ctx, up.events, facts, res);
    return up.status;
  }
  const json = up.json ?? {};
  if (up.status < 300) {
    for (const s of ctx.plan.jsonStages) s(json);
    for (const st of ctx.plan.textStages) ctx.adapter.mapJsonText(json, (t, i) => st.whole(t, i));
    ctx.adapter.readJson(json, facts);
    for (const f of deps.finishers) {
      if (!f.jsonHeaders) continue;
      const h = f.jsonHeaders(ctx, facts);
      Object.assign(ctx.responseHeaders, h instanceof Promise ? await h : h);
    }
  }
  const body = JSON.stringify(json);
  res.writeHead(up.status, jsonHead(up.headers, ctx.responseHeaders, body, ctx.requestId));
  res.end(body);
  return up.status;
}

function upstreamMessage(json: Record<string, unknown> | undefined): string | undefined {
  const err = json?.['error'] as Record<string, unknown> | string | undefined;
  if (typeof err === 'string') return err;
  if (err && typeof err['message'] === 'string') return err['message'];
  return undefined;
}

/**
 * Write a chunk; resolves when the socket can take more (backpressure), or at once. Each
 * upstream read's events leave in one write.
 */
export function writeChunk(res: ServerResponse, chunk: string): Promise<void> | undefined {
  // A response whose socket is gone takes no more (and will emit no 'drain' or 'close'
  // again): waiting on it would leave the request unfinished forever.
  if (res.write(chunk) || res.destroyed) return undefined;
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** An SSE event, or a comment line when `comment` is set (the encoders of upstream/sse.ts). */
function encode(ev: {
  event?: string | undefined;
  data?: string | undefined;
  comment?: string | undefined;
}): string {
  return ev.comment !== undefined ? sseComment(ev.comment) : sseFrame(ev.event, ev.data ?? '');
}

/** Highest OpenAI choice index whose text is kept apart (n is at most 128). */
const MAX_CHOICE = 127;

/**
 * Record served text. An OpenAI stream with several choices also keeps each choice's text
 * apart (`facts.choiceTexts`), so each can be signed on its own: the interleaved whole is
 * what no client keeps (issue 16). Choice 0 alone costs nothing extra.
 */
function addText(ctx: RequestContext, facts: ResponseFacts, choice: number, text: string): void {
  facts.text += text;
  if (ctx.protocol !== 'openai' || choice > MAX_CHOICE || choice < 0) return;
  let per = facts.choiceTexts;
  if (!per) {
    if (choice === 0) return;
    // Everything before the first other choice was choice 0's.
    per = facts.choiceTexts = [facts.text.slice(0, facts.text.length - text.length)];
  }
  per[choice] = (per[choice] ?? '') + text;
}

/** The text served so far for one choice; undefined when it served none. */
function servedText(facts: ResponseFacts, choice: number): string | undefined {
  if (facts.choiceTexts) return facts.choiceTexts[choice];
  return choice === 0 && facts.text !== '' ? facts.text : undefined;
}

/** The finishers' closing events (receipts), encoded; sent once, before the stream's terminator. */
async function trailer(
  deps: ProxyDeps,
  ctx: RequestContext,
  facts: ResponseFacts,
): Promise<string> {
  let tail = '';
  for (const f of deps.finishers) {
    if (!f.trailingEvents) continue;
    const t = f.trailingEvents(ctx, facts);
    for (const ev of t instanceof Promise ? await t : t) tail += encode(ev);
  }
  return tail;
}

/**
 * Stream an upstream's SSE events to the client as they arrive. Each event is decoded,
 * passed through event stages (which may drop it) and text stages (which may hold back a
 * partial word), and re-encoded; held-back text is flushed before the event that ends its
 * choice (OpenAI finish_reason / [DONE], Anthropic content_block_stop). The events of one
 * upstream read are handled together and leave in one write.
 */
async function sendStream(
  deps: ProxyDeps,
  ctx: RequestContext,
  events: AsyncIterable<SseEvent>,
  facts: ResponseFacts,
  res: ServerResponse,
): Promise<void> {
  const { plan, adapter } = ctx;
  const eventStages = plan.eventStages.length > 0;
  const dropUsageChunk = ctx.usageRequested;
  // The common text events are read by the adapter's scanner, not parsed (issue 19); a
  // degraded request's event stages need the parsed event.
  const scanEvent = eventStages ? undefined : adapter.scanEvent;
  const scanner = scanEvent && new StreamScanner(scanEvent.bind(adapter));
  const open = new Set<number>();
  /** The last event with text: parsed, or its raw data until a flush needs its fields. */
  let template: Record<string, unknown> | string | undefined;
  const templateOf = () =>
    typeof template === 'string'
      ? (template = JSON.parse(template) as Record<string, unknown>)
      : template;
  const head = headersOf(SSE_HEADERS, ctx.responseHeaders);
  head['x-request-id'] = ctx.requestId;
  res.writeHead(200, head);
  // The headers leave with the first events when these are already here (one write, not
  // two: issue 19); else at the end of this turn of the event loop, so a slow first token
  // never holds back the 200.
  let headerFlush: NodeJS.Immediate | undefined = setImmediate(() => {
    headerFlush = undefined;
    // (headersSent is already true after writeHead: it says the head is built, not sent.)
    if (!res.destroyed) res.flushHeaders();
  });
  /** Write events (the headers with the first). */
  const send = (out: string): Promise<void> | undefined => {
    if (headerFlush) clearImmediate(headerFlush);
    headerFlush = undefined;
    return writeChunk(res, out);
  };
  let first = true;
  let trailed = false;
  /** Flush held-back text, then the closing events, before the terminator ([DONE], message_stop). */
  const close = async (out: string): Promise<string> => {
    for (const choice of open) out += flushChoice(ctx, choice, templateOf, facts);
    open.clear();
    if (trailed) return out;
    trailed = true;
    // What came before leaves now: the receipt is signed at the end of this turn.
    if (out) {
      const p = send(out);
      if (p) await p;
    }
    return trailer(deps, ctx, facts);
  };
  try {
    for await (const batch of batchesOf(events)) {
      if (res.destroyed) break; // the client left: what the upstream already sent goes nowhere
      if (first) {
        first = false;
        ctx.eventExtras['firstByteMs'] = Number(process.hrtime.bigint() - ctx.startNs) / 1e6;
      }
      let out = '';
      for (const ev of batch) {
        if (ev.data === '[DONE]') {
          out = await close(out);
          out += encode(ev);
          continue;
        }
        const scanned = scanner?.read(ev.event, ev.data, facts);
        if (scanned) {
          let raw = ev.data;
          if (scanned.text !== '') {
            let text = scanned.text;
            for (const st of plan.textStages) text = st.push(scanned.choice, text);
            if (text !== scanned.text) raw = spliceText(raw, scanned, text);
            addText(ctx, facts, scanned.choice, text);
            open.add(scanned.choice);
            template = ev.data;
          }
          const ending = scanned.ends;
          if (ending !== undefined && open.has(ending)) {
            out += flushChoice(ctx, ending, templateOf, facts);
            open.delete(ending);
          }
          out += sseFrame(ev.event, raw);
          continue;
        }
        let data: Record<string, unknown>;
        try {
          data = JSON.parse(ev.data) as Record<string, unknown>;
        } catch {
          out += encode(ev); // not JSON: pass it through untouched
          continue;
        }
        let keep: Record<string, unknown> | null = data;
        for (const st of plan.eventStages) {
          keep = st(ev.event, keep);
          if (!keep) break;
        }
        if (!keep) continue;
        data = keep;
        const delta = adapter.readEvent(ev.event, data, facts);
        let raw = eventStages ? JSON.stringify(data) : ev.data;
        if (delta) {
          let text = delta.text;
          for (const st of plan.textStages) text = st.push(delta.choice, text);
          if (text !== delta.text) {
            delta.set(text);
            raw = eventStages ? JSON.stringify(data) : replaceText(ev.data, data, delta.text, text);
          }
          addText(ctx, facts, delta.choice, text);
          open.add(delta.choice);
          template = data;
        } else if (dropUsageChunk && isUsageOnlyChunk(data)) {
          continue; // usage Moat asked for on the client's behalf; the client did not ask
        }
        const ending = adapter.endsChoice
          ? adapter.endsChoice(ev.event, data)
          : endingChoice(ctx.protocol, ev.event, data);
        if (ending !== undefined && open.has(ending)) {
          out += flushChoice(ctx, ending, templateOf, facts);
          open.delete(ending);
        }
        const terminator =
          ctx.protocol === 'anthropic'
            ? ((data['type'] as string | undefined) ?? ev.event) === 'message_stop'
            : adapter.isTerminator?.(ev.event, data) === true;
        if (terminator) out = await close(out);
        // Events that repeat the whole text (Responses *.done, response.completed) carry what was served.
        if (adapter.finalizeEvent?.(ev.event, data, (c) => servedText(facts, c)))
          raw = JSON.stringify(data);
        out += sseFrame(ev.event, raw);
      }
      if (out) {
        const p = send(out);
        if (p) await p;
      }
    }
    // An upstream that ended without its terminator: the closing events go last.
    res.end(await close(''));
  } finally {
    // Ended (or failed) before any event: end() or the error event sends the headers.
    if (headerFlush) clearImmediate(headerFlush);
  }
}

/** The event carrying a choice's held-back text (empty when nothing was held back). */
function flushChoice(
  ctx: RequestContext,
  choice: number,
  templateOf: () => Record<string, unknown> | undefined,
  facts: ResponseFacts,
): string {
  let text = '';
  for (const st of ctx.plan.textStages) {
    // Held-back text from an earlier stage passes through the later ones.
    text = st.push(choice, text) + st.flush(choice);
  }
  if (!text) return '';
  addText(ctx, facts, choice, text);
  const template = templateOf();
  if (ctx.adapter.flushEvent) return encode(ctx.adapter.flushEvent(template, choice, text));
  let data: Record<string, unknown>;
  let event: string | undefined;
  if (ctx.protocol === 'anthropic') {
    event = 'content_block_delta';
    data = { type: 'content_block_delta', index: choice, delta: { type: 'text_delta', text } };
  } else {
    data = {
      id: template?.['id'],
      object: 'chat.completion.chunk',
      created: template?.['created'],
      model: template?.['model'],
      choices: [{ index: choice, delta: { content: text }, finish_reason: null }],
    };
  }
  return encode({ event, data: JSON.stringify(data) });
}

function finish(
  deps: ProxyDeps,
  ctx: RequestContext,
  facts: ResponseFacts,
  status: number,
  errorCode: string | undefined,
  aborted: boolean,
): void {
  const latencyMs = Number(process.hrtime.bigint() - ctx.startNs) / 1e6;
  deps.metrics.active.requests--;
  for (const g of deps.guards) {
    try {
      g.after?.(ctx, facts, status);
    } catch (err) {
      deps.log.warn({ err, guard: g.name }, 'guard after() failed');
    }
  }
  deps.metrics.requests.inc({
    endpoint: ctx.adapter.endpoint,
    status: String(status),
    action: ctx.action,
  });
  deps.metrics.latency.observe(
    { endpoint: ctx.adapter.endpoint, stream: String(ctx.stream) },
    latencyMs / 1000,
  );
  const extra: Record<string, unknown> = {};
  for (const f of deps.finishers)
    if (f.eventFields) Object.assign(extra, f.eventFields(ctx, facts));
  const event: TelemetryEvent = {
    ts: ctx.arrivedAt,
    account: ctx.account,
    key: ctx.keyId,
    requestId: ctx.requestId,
    ...ctx.eventExtras,
    endpoint: ctx.adapter.endpoint,
    model: ctx.model,
    request: (ctx.adapter.eventRequest
      ? ctx.adapter.eventRequest(ctx.clientBody)
      : ctx.clientBody) as TelemetryEvent['request'],
    status,
    action: ctx.action,
  };
  if (errorCode) event.error = errorCode;
  // Refused by Moat (403, 429, challenge, block…): the body is kept only up to a bound, so
  // a refused key cannot fill the disk (issue 14).
  if (errorCode && !errorCode.startsWith('MOAT_UPSTREAM')) {
    // The event's request, not the client body: for the Responses API it carries the
    // `messages` derived from `input`, which the cut keeps the start of.
    const cut = boundRequest(event.request, deps.refusedBodyBytes ?? 8192);
    if (cut) {
      event.request = cut.request;
      event['requestTruncated'] = { bytes: cut.originalBytes };
    }
  }
  if (aborted) event['clientAborted'] = true;
  if (status < 400 || facts.text) {
    // Count with a real tokenizer only when the upstream sent no usage (deferred: off the
    // response's critical path, the client already has its last byte).
    const inputTokens =
      facts.inputTokens ?? countTokens(JSON.stringify(event.request.messages ?? ''));
    const outputTokens = facts.outputTokens ?? countTokens(facts.text);
    event.response = {
      text: deps.storeText ? facts.text : '',
      inputTokens,
      outputTokens,
      finishReason: facts.finishReason,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      // What was served, for the detector: measured on the full text even when it is not stored.
      served: servedShape(facts.text),
      ...extra,
    };
    const reasoning =
      facts.reasoningTokens ?? (facts.reasoningChars ? Math.ceil(facts.reasoningChars / 4) : 0);
    if (reasoning > 0) event.response.reasoningTokens = reasoning;
    deps.metrics.tokens.inc({ direction: 'input' }, inputTokens);
    deps.metrics.tokens.inc({ direction: 'output' }, outputTokens);
  }
  if (!deps.storeText) {
    event.request = { ...event.request, messages: [] };
    for (const f of ctx.adapter.textFields ?? [])
      if (f in event.request) (event.request as Record<string, unknown>)[f] = '';
  }
  deps.bus.publish(event);
}
