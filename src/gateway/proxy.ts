import type { ServerResponse } from 'node:http';
import { MoatError, errorBody } from '../errors/registry.js';
import type { EventBus } from '../telemetry/bus.js';
import type { TelemetryEvent } from '../telemetry/event.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import type { Finisher, Guard, RequestContext } from './context.js';
import { emptyFacts, type ResponseFacts } from './protocol/protocol.js';
import type { ModelRouter } from './router.js';
import { RequestAbort, type SseEvent, type UpstreamResponse } from './upstream.js';
import { countTokens } from './tokens.js';
import { batchesOf } from './upstream/sse.js';

/** What the proxy needs from the rest of the gateway. */
export interface ProxyDeps {
  router: ModelRouter;
  bus: EventBus;
  metrics: GatewayMetrics;
  guards: Guard[];
  finishers: Finisher[];
  storeText: boolean;
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
export async function proxyRequest(deps: ProxyDeps, ctx: RequestContext, res: ServerResponse): Promise<void> {
  const facts = emptyFacts();
  let status = 200;
  let errorCode: string | undefined;
  const abort = new RequestAbort();
  deps.metrics.active.requests++;
  const onClose = () => {
    if (!res.writableFinished) abort.abort();
  };
  res.on('close', onClose);
  try {
    for (const g of deps.guards) await g.before(ctx);
    const route = deps.router.resolve(ctx.model, ctx.protocol);
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
    });
    status = await sendUpstream(deps, ctx, up, facts, res, route.upstream.name);
  } catch (err) {
    const e = toMoatError(err, ctx.requestId, deps);
    status = e.status;
    errorCode = e.code;
    if (e.code.startsWith('MOAT_UPSTREAM')) deps.metrics.upstreamErrors.inc({ upstream: ctx.model, code: e.code });
    if (ctx.action === 'allow' && e.status === 429) ctx.action = e.code === 'MOAT_CHALLENGE_REQUIRED' ? 'challenge' : 'rate_limited';
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
  const so = ctx.upstreamBody['stream_options'];
  if (so && typeof so === 'object' && (so as Record<string, unknown>)['include_usage'] === true) return;
  ctx.upstreamBody['stream_options'] = { ...(so && typeof so === 'object' ? so : {}), include_usage: true };
  ctx.usageRequested = true;
}

function toMoatError(err: unknown, requestId: string, deps: ProxyDeps): MoatError {
  if (err instanceof MoatError) return err;
  if ((err as Error)?.name === 'AbortError') return new MoatError('MOAT_UPSTREAM_ERROR', 'client disconnected');
  deps.log.error({ err, requestId }, 'unexpected error while proxying');
  return new MoatError('MOAT_INTERNAL', requestId);
}

/** Send a MoatError in the caller's API shape. */
export function sendError(res: ServerResponse, ctx: Pick<RequestContext, 'protocol' | 'requestId' | 'responseHeaders'>, e: MoatError): void {
  const body = JSON.stringify(errorBody(ctx.protocol, e));
  res.writeHead(e.status, {
    ...ctx.responseHeaders,
    ...e.headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': ctx.requestId,
  });
  res.end(body);
}

function writeStreamError(res: ServerResponse, ctx: RequestContext, e: MoatError): void {
  const body = JSON.stringify(errorBody(ctx.protocol, e));
  res.write(ctx.protocol === 'anthropic' ? `event: error\ndata: ${body}\n\n` : `data: ${body}\n\n`);
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
  res.writeHead(up.status, {
    ...up.headers,
    ...ctx.responseHeaders,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': ctx.requestId,
  });
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

/**
 * The event's data with one delta text replaced. Splices the JSON string in place when the
 * upstream encoded it the way JSON.stringify does (the usual case), else re-serialises.
 */
function replaceText(raw: string, data: Record<string, unknown>, before: string, after: string): string {
  const enc = JSON.stringify(before);
  const at = raw.indexOf(enc);
  if (at >= 0 && raw.indexOf(enc, at + enc.length) < 0) return raw.slice(0, at) + JSON.stringify(after) + raw.slice(at + enc.length);
  return JSON.stringify(data);
}

function encode(ev: { event?: string | undefined; data: string }): string {
  return ev.event ? `event: ${ev.event}\ndata: ${ev.data}\n\n` : `data: ${ev.data}\n\n`;
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
  const open = new Set<number>();
  let template: Record<string, unknown> | undefined;
  res.writeHead(200, { ...SSE_HEADERS, ...ctx.responseHeaders, 'x-request-id': ctx.requestId });
  res.flushHeaders();
  let first = true;
  for await (const batch of batchesOf(events)) {
    if (res.destroyed) break; // the client left: what the upstream already sent goes nowhere
    if (first) {
      first = false;
      ctx.eventExtras['firstByteMs'] = Number(process.hrtime.bigint() - ctx.startNs) / 1e6;
    }
    let out = '';
    for (const ev of batch) {
      if (ev.data === '[DONE]') {
        for (const choice of open) out += flushChoice(ctx, choice, template, facts);
        open.clear();
        out += encode(ev);
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
        facts.text += text;
        open.add(delta.choice);
        template = data;
      } else if (dropUsageChunk && isUsageOnlyChunk(data)) {
        continue; // usage Moat asked for on the client's behalf; the client did not ask
      }
      const ending = endingChoice(ctx, ev.event, data);
      if (ending !== undefined && open.has(ending)) {
        out += flushChoice(ctx, ending, template, facts);
        open.delete(ending);
      }
      out += encode({ event: ev.event, data: raw });
    }
    if (out) {
      const p = writeChunk(res, out);
      if (p) await p;
    }
  }
  let tail = '';
  for (const choice of open) tail += flushChoice(ctx, choice, template, facts);
  for (const f of deps.finishers) {
    if (!f.trailingEvents) continue;
    const t = f.trailingEvents(ctx, facts);
    for (const ev of t instanceof Promise ? await t : t) tail += encode(ev);
  }
  res.end(tail);
}

function isUsageOnlyChunk(data: Record<string, unknown>): boolean {
  const choices = data['choices'];
  return data['usage'] !== undefined && data['usage'] !== null && Array.isArray(choices) && choices.length === 0;
}

/** The choice (OpenAI) or content block (Anthropic) this event ends, if any. */
function endingChoice(ctx: RequestContext, name: string | undefined, data: Record<string, unknown>): number | undefined {
  if (ctx.protocol === 'anthropic') {
    const type = (data['type'] as string | undefined) ?? name;
    return type === 'content_block_stop' && typeof data['index'] === 'number' ? data['index'] : undefined;
  }
  const c = (data['choices'] as Array<Record<string, unknown>> | undefined)?.[0];
  if (c && c['finish_reason'] !== null && c['finish_reason'] !== undefined) return (c['index'] as number) ?? 0;
  return undefined;
}

/** The event carrying a choice's held-back text (empty when nothing was held back). */
function flushChoice(
  ctx: RequestContext,
  choice: number,
  template: Record<string, unknown> | undefined,
  facts: ResponseFacts,
): string {
  let text = '';
  for (const st of ctx.plan.textStages) {
    // Held-back text from an earlier stage passes through the later ones.
    text = st.push(choice, text) + st.flush(choice);
  }
  if (!text) return '';
  facts.text += text;
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
  deps.metrics.requests.inc({ endpoint: ctx.adapter.endpoint, status: String(status), action: ctx.action });
  deps.metrics.latency.observe({ endpoint: ctx.adapter.endpoint, stream: String(ctx.stream) }, latencyMs / 1000);
  const extra: Record<string, unknown> = {};
  for (const f of deps.finishers) if (f.eventFields) Object.assign(extra, f.eventFields(ctx, facts));
  const event: TelemetryEvent = {
    ts: ctx.arrivedAt,
    account: ctx.account,
    key: ctx.keyId,
    requestId: ctx.requestId,
    ...ctx.eventExtras,
    endpoint: ctx.adapter.endpoint,
    model: ctx.model,
    request: ctx.clientBody as TelemetryEvent['request'],
    status,
    action: ctx.action,
  };
  if (errorCode) event.error = errorCode;
  if (aborted) event['clientAborted'] = true;
  if (status < 400 || facts.text) {
    // Count with a real tokenizer only when the upstream sent no usage (deferred: off the
    // response's critical path, the client already has its last byte).
    const inputTokens = facts.inputTokens ?? countTokens(JSON.stringify(ctx.clientBody['messages'] ?? ''));
    const outputTokens = facts.outputTokens ?? countTokens(facts.text);
    event.response = {
      text: deps.storeText ? facts.text : '',
      inputTokens,
      outputTokens,
      finishReason: facts.finishReason,
      latencyMs: Math.round(latencyMs * 1000) / 1000,
      ...extra,
    };
    deps.metrics.tokens.inc({ direction: 'input' }, inputTokens);
    deps.metrics.tokens.inc({ direction: 'output' }, outputTokens);
  }
  if (!deps.storeText) event.request = { ...event.request, messages: [] };
  deps.bus.publish(event);
}
