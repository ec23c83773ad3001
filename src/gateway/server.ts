import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { MoatError, errorBody, type ApiFlavor, type ErrorCode } from '../errors/registry.js';
import type { KeyService } from '../identity/keys.js';
import type { Logger } from 'pino';
import { anthropicProtocol } from './protocol/anthropic.js';
import { openaiProtocol } from './protocol/openai.js';
import type { ProtocolAdapter } from './protocol/protocol.js';
import { proxyRequest, sendError, type ProxyDeps } from './proxy.js';
import type { RequestContext } from './context.js';
import type { VerdictCache } from './verdict-cache.js';
import type { StageFactory } from './stages.js';

/** Everything the HTTP server is built from. */
export interface ServerDeps extends ProxyDeps {
  keys: KeyService;
  verdicts: VerdictCache;
  stageFactories: StageFactory[];
  bodyLimitBytes: number;
  maxHeaderCount: number;
  logger: Logger;
  /** Extra route plugins (admin API, well-known keys…), registered after the model routes. */
  plugins: Array<(app: FastifyInstance) => Promise<void> | void>;
  ready: () => Promise<{ ok: boolean; detail: string }>;
  metricsText: () => Promise<string>;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MOAT_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'MOAT_BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MOAT_INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MOAT_INVALID_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MOAT_INVALID_JSON',
};

/** Which API's error shape a path uses. */
export function flavorOf(url: string): ApiFlavor {
  return url.startsWith('/v1/messages') ? 'anthropic' : 'openai';
}

let seq = 0;
const prefix = randomBytes(3).toString('hex');
/** A unique, cheap request id. */
export function newRequestId(): string {
  seq = (seq + 1) % 0x7fffffff;
  return `req_${prefix}${Date.now().toString(36)}${seq.toString(36)}`;
}

function sendMoatError(reply: FastifyReply, flavor: ApiFlavor, e: MoatError, requestId: string): void {
  void reply
    .code(e.status)
    .headers({ ...e.headers, 'x-request-id': requestId })
    .type('application/json')
    .send(errorBody(flavor, e));
}

/** Extract the presented API key from Authorization: Bearer or x-api-key. */
export function presentedKey(req: { headers: IncomingHttpHeaders }): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ') return auth.slice(7).trim();
  const x = req.headers['x-api-key'];
  if (typeof x === 'string' && x) return x.trim();
  return undefined;
}

/**
 * Build the gateway's HTTP server: the OpenAI and Anthropic routes, /v1/models, health,
 * readiness and metrics, with every error in the caller's API shape.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes,
    genReqId: newRequestId,
    // No child logger per request (pino children cost ~9 µs each here): the few request
    // log lines carry requestId themselves.
    childLoggerFactory: (logger) => logger,
    return503OnClosing: true,
    // Node answers header floods itself; send a JSON body instead of a bare status line.
    clientErrorHandler: (err: NodeJS.ErrnoException, socket: Socket) => {
      const code = err.code === 'HPE_HEADER_OVERFLOW' ? 'MOAT_HEADERS_TOO_LARGE' : 'MOAT_INVALID_REQUEST';
      const e = new MoatError(code, code === 'MOAT_INVALID_REQUEST' ? 'Malformed HTTP request.' : '');
      const body = JSON.stringify(errorBody('openai', e));
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${e.status} ${code === 'MOAT_HEADERS_TOO_LARGE' ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
    },
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    try {
      const parsed: unknown = JSON.parse(body as string);
      done(null, parsed);
    } catch (err) {
      done(new MoatError('MOAT_INVALID_JSON', (err as Error).message), undefined);
    }
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const flavor = flavorOf(req.url);
    if (err instanceof MoatError) return sendMoatError(reply, flavor, err, req.id);
    const fe = err as { code?: string; statusCode?: number; message?: string };
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) {
      const detail =
        mapped === 'MOAT_BODY_TOO_LARGE'
          ? String(deps.bodyLimitBytes)
          : mapped === 'MOAT_UNSUPPORTED_MEDIA_TYPE'
            ? JSON.stringify(req.headers['content-type'] ?? '(none)')
            : mapped === 'MOAT_INVALID_JSON'
              ? 'the body is empty'
              : (fe.message ?? 'invalid request');
      return sendMoatError(reply, flavor, new MoatError(mapped, detail), req.id);
    }
    if (fe.statusCode && fe.statusCode < 500) {
      return sendMoatError(reply, flavor, new MoatError('MOAT_INVALID_REQUEST', fe.message ?? 'invalid request'), req.id);
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return sendMoatError(reply, flavor, new MoatError('MOAT_INTERNAL', req.id), req.id);
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new MoatError('MOAT_NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}. Model routes: POST /v1/chat/completions, POST /v1/messages, GET /v1/models.`);
    sendMoatError(reply, flavorOf(req.url), e, req.id);
  });

  // A callback hook, not an async one: no promise per request.
  app.addHook('onRequest', (req, _reply, done) => {
    done(req.raw.rawHeaders.length / 2 > deps.maxHeaderCount ? new MoatError('MOAT_HEADERS_TOO_LARGE') : undefined);
  });

  const authenticate = async (req: { headers: IncomingHttpHeaders }) => {
    const secret = presentedKey(req);
    if (!secret) throw new MoatError('MOAT_MISSING_API_KEY');
    const key = await deps.keys.authenticate(secret);
    if (!key) throw new MoatError('MOAT_INVALID_API_KEY');
    return key;
  };

  /** Serve one parsed model request on the raw response; every error in the API's shape. */
  const serveModel = async (adapter: ProtocolAdapter, requestId: string, raw: IncomingMessage, body: unknown, res: ServerResponse) => {
    try {
      const key = await authenticate(raw);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new MoatError('MOAT_INVALID_REQUEST', 'The request body must be a JSON object.');
      }
      const b = body as Record<string, unknown>;
      const bad = adapter.validate(b);
      if (bad) throw new MoatError('MOAT_INVALID_REQUEST', bad.message, { param: bad.param });
      const model = b['model'] as string;
      if (!deps.router.knows(model)) throw new MoatError('MOAT_UNKNOWN_MODEL', model, { param: 'model' });
      const stream = b['stream'] === true;
      const now = Date.now();
      const ctx: RequestContext = {
        requestId,
        protocol: adapter.protocol,
        adapter,
        arrivedAt: now,
        startNs: process.hrtime.bigint(),
        raw,
        account: key.account,
        keyId: key.keyId,
        model,
        clientBody: b,
        upstreamBody: { ...b },
        stream,
        level: deps.verdicts.level(key.account, now),
        action: 'allow',
        responseHeaders: {},
        plan: { textStages: [], eventStages: [], jsonStages: [] },
        eventExtras: {},
        usageRequested: false,
      };
      for (const f of deps.stageFactories) {
        const part = f({ protocol: ctx.protocol, account: ctx.account, keyId: ctx.keyId, level: ctx.level, requestId: ctx.requestId, stream });
        if (!part) continue;
        if (part.textStages) ctx.plan.textStages.push(...part.textStages);
        if (part.eventStages) ctx.plan.eventStages.push(...part.eventStages);
        if (part.jsonStages) ctx.plan.jsonStages.push(...part.jsonStages);
      }
      await proxyRequest(deps, ctx, res);
    } catch (err) {
      const e = err instanceof MoatError ? err : new MoatError('MOAT_INTERNAL', requestId);
      if (!(err instanceof MoatError)) deps.logger.error({ err, requestId }, 'unhandled error');
      if (!res.headersSent) sendError(res, { protocol: adapter.protocol, requestId, responseHeaders: {} }, e);
      else res.destroy();
    }
  };

  const modelRoute = (adapter: ProtocolAdapter) => async (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    await serveModel(adapter, req.id, req.raw, req.body, reply.raw);
  };

  app.post('/v1/chat/completions', modelRoute(openaiProtocol));
  app.post('/v1/messages', modelRoute(anthropicProtocol));

  app.get('/v1/models', async (req) => {
    await authenticate(req);
    const created = 1767225600;
    return {
      object: 'list',
      data: deps.router.list().map((m) => ({
        id: m.id,
        object: 'model',
        created,
        owned_by: m.kind === 'demo' ? 'moat-demo' : m.upstream,
        ...(m.kind === 'demo' ? { demo: true, description: m.description ?? 'Built-in demo model' } : m.description ? { description: m.description } : {}),
      })),
    };
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const r = await deps.ready();
    return reply.code(r.ok ? 200 : 503).send({ status: r.ok ? 'ready' : 'not_ready', detail: r.detail });
  });
  app.get('/metrics', async (_req, reply) => reply.type('text/plain; version=0.0.4').send(await deps.metricsText()));

  for (const p of deps.plugins) await p(app);
  installFastPath(app, deps, serveModel);
  return app;
}

const FAST_ROUTES: Record<string, ProtocolAdapter> = { '/v1/chat/completions': openaiProtocol, '/v1/messages': anthropicProtocol };

/**
 * The model routes' common case, served without Fastify's per-request machinery (routing,
 * request/reply objects, hooks, content-type parsing: ~40 µs of CPU per request here):
 * a POST to a model route with a JSON content type and a Content-Length within the body
 * limit. Anything else — another route, chunked or empty bodies, other media types, a
 * closing server — goes to Fastify, which answers exactly as before. The checks Fastify's
 * onRequest hook and JSON parser make are made here too, with the same errors.
 */
function installFastPath(
  app: FastifyInstance,
  deps: ServerDeps,
  serve: (adapter: ProtocolAdapter, requestId: string, raw: IncomingMessage, body: unknown, res: ServerResponse) => Promise<void>,
): void {
  const server = app.server;
  const fallback = server.listeners('request')[0] as ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  if (!fallback) return;
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  server.removeListener('request', fallback);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const adapter = req.method === 'POST' && !closing ? FAST_ROUTES[req.url ?? ''] : undefined;
    const type = req.headers['content-type'];
    const length = Number(req.headers['content-length']);
    if (
      !adapter ||
      typeof type !== 'string' ||
      !(type === 'application/json' || type.startsWith('application/json;')) ||
      !(length > 0 && length <= deps.bodyLimitBytes) ||
      req.headers['transfer-encoding'] !== undefined
    ) {
      fallback.call(server, req, res);
      return;
    }
    const requestId = newRequestId();
    if (req.rawHeaders.length / 2 > deps.maxHeaderCount) {
      sendError(res, { protocol: adapter.protocol, requestId, responseHeaders: {} }, new MoatError('MOAT_HEADERS_TOO_LARGE'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      chunks.push(c);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      let body: unknown;
      try {
        body = JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size)).toString('utf8'));
      } catch (err) {
        sendError(res, { protocol: adapter.protocol, requestId, responseHeaders: {} }, new MoatError('MOAT_INVALID_JSON', (err as Error).message));
        return;
      }
      void serve(adapter, requestId, req, body, res);
    });
  });
}
