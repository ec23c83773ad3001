import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MoatConfig } from '../config/config.js';
import { MoatError, errorBody, type ApiFlavor, type ErrorCode } from '../errors/registry.js';
import type { AuthenticatedKey, KeyService } from '../identity/keys.js';
import type { Logger } from 'pino';
import { installFastPath } from './fast-path.js';
import { bodyLimitResolver, clientErrorHandler, drainRequest, flavorOf } from './http-limits.js';
import { exceedsDepth } from './json-depth.js';
import { anthropicProtocol } from './protocol/anthropic.js';
import { openaiProtocol } from './protocol/openai.js';
import { completionsProtocol } from './protocol/completions.js';
import { embeddingsProtocol } from './protocol/embeddings.js';
import { responsesProtocol } from './protocol/responses.js';
import type { ProtocolAdapter } from './protocol/protocol.js';
import { proxyRequest, sendError, type ProxyDeps } from './proxy.js';
import { registerModelRoutes } from './models-route.js';
import { registerCountTokens } from './count-tokens.js';
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
  /** Deepest array/object nesting a JSON body may have (`maxJsonDepth`). */
  maxJsonDepth: number;
  /** Timeouts, connection cap, per-route body limits, drain bound. */
  http: MoatConfig['http'];
  /** Whether GET /metrics is on this listener and whether it needs the admin token. */
  metricsAccess: {
    onApiListener: boolean;
    auth: MoatConfig['metrics']['auth'];
    adminToken: string;
  };
  logger: Logger;
  /** Extra route plugins (admin API, well-known keys…), registered after the model routes. */
  plugins: Array<(app: FastifyInstance) => Promise<void> | void>;
  /**
   * Readiness: store and upstreams. `checks` is shown to anyone; `upstreams` (each one's
   * last probe, by name) only with the admin token, as `byUpstream`.
   */
  ready: () => Promise<{
    ok: boolean;
    detail: string;
    checks?: Record<string, unknown>;
    upstreams?: Record<string, unknown>;
  }>;
  metricsText: () => Promise<string>;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MOAT_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'MOAT_BODY_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MOAT_INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MOAT_INVALID_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MOAT_INVALID_JSON',
};

export { flavorOf };

/** Longest `model` name accepted: client strings end up in receipts, logs and events (issue 14). */
export const MAX_MODEL_CHARS = 256;

/** Methods whose JSON body may be empty (clients send Content-Type on every call). */
const BODYLESS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS']);

let seq = 0;
const prefix = randomBytes(3).toString('hex');
/** A unique, cheap request id. */
export function newRequestId(): string {
  seq = (seq + 1) % 0x7fffffff;
  return `req_${prefix}${Date.now().toString(36)}${seq.toString(36)}`;
}

function sendMoatError(
  reply: FastifyReply,
  flavor: ApiFlavor,
  e: MoatError,
  requestId: string,
): void {
  void reply
    .code(e.status)
    .headers({ ...e.headers, 'x-request-id': requestId })
    .type('application/json')
    .send(errorBody(flavor, e));
}

/**
 * A shallow copy of a parsed body, as `{ ...body }` makes it. Object.assign makes it here
 * (issue 19): V8 11.3 (Node 20) gives an object made by a spread a shape that each property
 * added later (the proxy adds `stream_options` to a stream's body) rebuilds, ≈0.7 µs a
 * request; one made by Object.assign is an ordinary object. Object.assign sets where a
 * spread defines, which differs for a key named `__proto__` only: a body holding one (a
 * JSON text can) is copied by the spread.
 */
function shallowCopy(body: Record<string, unknown>): Record<string, unknown> {
  return Object.hasOwn(body, '__proto__') ? { ...body } : Object.assign({}, body);
}

/** Extract the presented API key from Authorization: Bearer or x-api-key. */
export function presentedKey(req: { headers: IncomingHttpHeaders }): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.length > 7 && auth.slice(0, 7).toLowerCase() === 'bearer ')
    return auth.slice(7).trim();
  const x = req.headers['x-api-key'];
  if (typeof x === 'string' && x) return x.trim();
  return undefined;
}

/**
 * Build the gateway's HTTP server: the OpenAI and Anthropic routes, /v1/models, health,
 * readiness and metrics, with every error in the caller's API shape.
 */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const h = deps.http;
  const bodyLimitOf = bodyLimitResolver(h.bodyLimitByRoute, deps.bodyLimitBytes);
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: deps.bodyLimitBytes,
    genReqId: newRequestId,
    // No child logger per request (pino children cost ~9 µs each here): the few request
    // log lines carry requestId themselves.
    childLoggerFactory: (logger) => logger,
    return503OnClosing: true,
    // Slow or idle clients cannot hold sockets (issue 14: 1,500 idle sockets stayed open 80 s).
    connectionTimeout: h.idleTimeoutMs,
    keepAliveTimeout: h.keepAliveTimeoutMs,
    requestTimeout: h.requestTimeoutMs,
    http: {
      headersTimeout: h.headersTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, h.headersTimeoutMs),
    },
    // Node answers header floods, malformed requests and timeouts itself; send a JSON body
    // in the API's shape instead of a bare status line.
    clientErrorHandler,
  });
  app.server.maxConnections = h.maxConnections;
  // Node's header timeout starts with a request's first byte: a socket that never sends one
  // would stay open until the idle timeout (minutes). Close it after the header timeout.
  app.server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), h.headersTimeoutMs);
    timer.unref();
    socket.once('data', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
  });
  // Per-route body limits (`http.bodyLimitByRoute`), for plugin routes too.
  app.addHook('onRoute', (route) => {
    if (route.bodyLimit === undefined) route.bodyLimit = bodyLimitOf(route.url ?? route.path);
  });

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    // A DELETE with `Content-Type: application/json` and no body is what many HTTP clients send.
    if (buf.length === 0 && BODYLESS.has(req.method)) return done(null, undefined);
    if (exceedsDepth(buf, deps.maxJsonDepth))
      return done(new MoatError('MOAT_BODY_TOO_DEEP', String(deps.maxJsonDepth)), undefined);
    try {
      const parsed: unknown = JSON.parse(buf.toString('utf8'));
      done(null, parsed);
    } catch (err) {
      done(
        new MoatError(
          'MOAT_INVALID_JSON',
          buf.length === 0 ? 'the body is empty' : (err as Error).message,
        ),
        undefined,
      );
    }
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    const flavor = flavorOf(req.url);
    if (err instanceof MoatError) return sendMoatError(reply, flavor, err, req.id);
    const fe = err as { code?: string; statusCode?: number; message?: string };
    const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
    if (mapped) {
      if (mapped === 'MOAT_BODY_TOO_LARGE') {
        // Fastify asks to close the connection, which resets a client still sending: drain
        // (bounded) instead, so it reads this answer.
        reply.removeHeader('connection');
        drainRequest(req.raw, h.drainLimitBytes);
      }
      const detail =
        mapped === 'MOAT_BODY_TOO_LARGE'
          ? String(req.routeOptions.bodyLimit ?? deps.bodyLimitBytes)
          : mapped === 'MOAT_UNSUPPORTED_MEDIA_TYPE'
            ? JSON.stringify(req.headers['content-type'] ?? '(none)')
            : mapped === 'MOAT_INVALID_JSON'
              ? 'the body is empty'
              : (fe.message ?? 'invalid request');
      return sendMoatError(reply, flavor, new MoatError(mapped, detail), req.id);
    }
    if (fe.statusCode && fe.statusCode < 500) {
      return sendMoatError(
        reply,
        flavor,
        new MoatError('MOAT_INVALID_REQUEST', fe.message ?? 'invalid request'),
        req.id,
      );
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return sendMoatError(reply, flavor, new MoatError('MOAT_INTERNAL', req.id), req.id);
  });

  app.setNotFoundHandler((req, reply) => {
    const e = new MoatError(
      'MOAT_NOT_FOUND',
      `No route ${req.method} ${req.url.split('?')[0]}. Model routes: POST /v1/chat/completions, POST /v1/messages, POST /v1/responses, POST /v1/completions, POST /v1/embeddings, GET /v1/models.`,
    );
    sendMoatError(reply, flavorOf(req.url), e, req.id);
  });

  // A callback hook, not an async one: no promise per request.
  app.addHook('onRequest', (req, _reply, done) => {
    done(
      req.raw.rawHeaders.length / 2 > deps.maxHeaderCount
        ? new MoatError('MOAT_HEADERS_TOO_LARGE')
        : undefined,
    );
  });

  const authenticate = async (req: { headers: IncomingHttpHeaders }) => {
    const secret = presentedKey(req);
    if (!secret) throw new MoatError('MOAT_MISSING_API_KEY');
    const key = await deps.keys.authenticate(secret);
    if (!key) throw new MoatError('MOAT_INVALID_API_KEY');
    return key;
  };

  /** Serve one parsed model request on the raw response; every error in the API's shape. */
  const serveModel = async (
    adapter: ProtocolAdapter,
    requestId: string,
    raw: IncomingMessage,
    body: unknown,
    res: ServerResponse,
    authenticated?: AuthenticatedKey,
  ) => {
    try {
      const key = authenticated ?? (await authenticate(raw));
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new MoatError('MOAT_INVALID_REQUEST', 'The request body must be a JSON object.');
      }
      const b = body as Record<string, unknown>;
      const bad = adapter.validate(b);
      if (bad) throw new MoatError('MOAT_INVALID_REQUEST', bad.message, { param: bad.param });
      const model = b['model'] as string;
      if (model.length > MAX_MODEL_CHARS) {
        throw new MoatError(
          'MOAT_INVALID_REQUEST',
          `'model' must be at most ${MAX_MODEL_CHARS} characters, got ${model.length}.`,
          { param: 'model' },
        );
      }
      if (!deps.router.knows(model))
        throw new MoatError('MOAT_UNKNOWN_MODEL', model, { param: 'model' });
      const stream = adapter.streams !== false && b['stream'] === true;
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
        upstreamBody: shallowCopy(b),
        stream,
        level: deps.verdicts.level(key.account, now),
        action: 'allow',
        responseHeaders: {},
        plan: { textStages: [], eventStages: [], jsonStages: [] },
        eventExtras: {},
        usageRequested: false,
      };
      for (const f of deps.stageFactories) {
        const part = f({
          protocol: ctx.protocol,
          account: ctx.account,
          keyId: ctx.keyId,
          level: ctx.level,
          requestId: ctx.requestId,
          stream,
        });
        if (!part) continue;
        if (part.textStages) ctx.plan.textStages.push(...part.textStages);
        if (part.eventStages) ctx.plan.eventStages.push(...part.eventStages);
        if (part.jsonStages) ctx.plan.jsonStages.push(...part.jsonStages);
      }
      await proxyRequest(deps, ctx, res);
    } catch (err) {
      const e = err instanceof MoatError ? err : new MoatError('MOAT_INTERNAL', requestId);
      if (!(err instanceof MoatError)) deps.logger.error({ err, requestId }, 'unhandled error');
      if (!res.headersSent)
        sendError(res, { protocol: adapter.protocol, requestId, responseHeaders: {} }, e);
      else res.destroy();
    }
  };

  // The key before the body (issue 14): the fast path checks it for its two routes; every
  // other way into a model route (the Responses, completions, embeddings and count_tokens
  // routes; a fast route with a query string or without a JSON content type) checks it in
  // onRequest, before Fastify reads a byte of the body. A refused body is drained, bounded,
  // so the client reads the 401 instead of a reset connection.
  const keyOf = new WeakMap<IncomingMessage, AuthenticatedKey>();
  const keyFirst = (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
    authenticate(req).then(
      (key) => {
        keyOf.set(req.raw, key);
        done();
      },
      (err: unknown) => {
        drainRequest(req.raw, h.drainLimitBytes);
        done(err instanceof Error ? err : new MoatError('MOAT_INTERNAL', req.id));
      },
    );
  };

  const modelRoute =
    (adapter: ProtocolAdapter) => async (req: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      await serveModel(adapter, req.id, req.raw, req.body, reply.raw, keyOf.get(req.raw));
    };

  app.post('/v1/chat/completions', { onRequest: keyFirst }, modelRoute(openaiProtocol));
  app.post('/v1/messages', { onRequest: keyFirst }, modelRoute(anthropicProtocol));
  // Issue 16: every surface a client may use goes through the same pipeline.
  app.post('/v1/completions', { onRequest: keyFirst }, modelRoute(completionsProtocol));
  app.post('/v1/embeddings', { onRequest: keyFirst }, modelRoute(embeddingsProtocol));
  app.post('/v1/responses', { onRequest: keyFirst }, modelRoute(responsesProtocol));

  registerModelRoutes(app, { router: deps.router, authenticate, log: deps.logger });
  registerCountTokens(app, {
    router: deps.router,
    verdicts: deps.verdicts,
    authenticate: (req) => {
      const key = keyOf.get(req.raw);
      return key ? Promise.resolve(key) : authenticate(req);
    },
    onRequest: keyFirst,
    log: deps.logger,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  // Liveness (/healthz) says the process answers; readiness says it can serve: store
  // reachable and at least one routed upstream answering its last probe (issue 16).
  const isAdmin = metricsAuthorizer('admin-token', deps.metricsAccess.adminToken);
  app.get('/readyz', async (req, reply) => {
    const r = await deps.ready();
    return reply.code(r.ok ? 200 : 503).send({
      status: r.ok ? 'ready' : 'not_ready',
      detail: r.detail,
      ...r.checks,
      ...(r.upstreams && isAdmin(req.headers.authorization) ? { byUpstream: r.upstreams } : {}),
    });
  });
  if (deps.metricsAccess.onApiListener) {
    const allowed = metricsAuthorizer(deps.metricsAccess.auth, deps.metricsAccess.adminToken);
    app.get('/metrics', async (req, reply) => {
      if (!allowed(req.headers.authorization)) throw new MoatError('MOAT_ADMIN_UNAUTHORIZED');
      return reply.type('text/plain; version=0.0.4').send(await deps.metricsText());
    });
  }

  for (const p of deps.plugins) await p(app);
  installFastPath(
    app,
    {
      keys: deps.keys,
      maxHeaderCount: deps.maxHeaderCount,
      maxJsonDepth: deps.maxJsonDepth,
      drainLimitBytes: h.drainLimitBytes,
      bodyLimitOf,
      presentedKey,
      newRequestId,
      log: deps.logger,
    },
    serveModel,
  );
  return app;
}

/**
 * Whether an Authorization header may read /metrics: always under `public`, else only with
 * the admin bearer token (compared in constant time).
 */
export function metricsAuthorizer(
  auth: 'admin-token' | 'public',
  adminToken: string,
): (authorization: string | undefined) => boolean {
  if (auth === 'public') return () => true;
  const want = createHash('sha256').update(adminToken).digest();
  return (header) => {
    const given =
      typeof header === 'string' && header.toLowerCase().startsWith('bearer ')
        ? header.slice(7).trim()
        : '';
    return given !== '' && timingSafeEqual(createHash('sha256').update(given).digest(), want);
  };
}
