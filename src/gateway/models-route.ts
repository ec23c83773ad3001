import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { MoatError, errorBody, type ApiFlavor } from '../errors/registry.js';
import type { AuthenticatedKey } from '../identity/keys.js';
import { RequestAbort } from './upstream.js';
import type { ModelRouter } from './router.js';

/** What the model listing routes need from the server. */
export interface ModelRouteDeps {
  router: ModelRouter;
  authenticate: (req: { headers: IncomingHttpHeaders }) => Promise<AuthenticatedKey>;
  log: { warn(obj: unknown, msg?: string): void };
}

/** One fixed creation time: the routes table has none, and clients only display it. */
const CREATED = 1767225600;

/**
 * A model object both SDKs read: OpenAI's `{id, object: "model", created, owned_by}` and
 * Anthropic's `{id, type: "model", display_name, created_at}`.
 */
function modelObject(
  id: string,
  ownedBy: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    object: 'model',
    created: CREATED,
    owned_by: ownedBy,
    type: 'model',
    display_name: id,
    created_at: new Date(CREATED * 1000).toISOString(),
    ...extra,
  };
}

/**
 * The error shape of a model listing request: Anthropic's when the client sent
 * `anthropic-version` (the Anthropic SDK always does), else OpenAI's.
 */
export function listingFlavor(headers: IncomingHttpHeaders): ApiFlavor {
  return headers['anthropic-version'] !== undefined ? 'anthropic' : 'openai';
}

/** Send a MoatError in the shape of the caller's SDK (listingFlavor), for routes both SDKs call. */
export function replyError(req: FastifyRequest, reply: FastifyReply, e: MoatError): FastifyReply {
  return reply
    .code(e.status)
    .headers({ ...e.headers, 'x-request-id': req.id })
    .type('application/json')
    .send(errorBody(listingFlavor(req.headers), e));
}

/**
 * `GET /v1/models` and `GET /v1/models/{id}` (OpenAI `models.list`/`models.retrieve`,
 * Anthropic `models.list`/`models.retrieve`). A name the config routes exactly is answered
 * from the routes table; a name only the wildcard (`*`) catches is looked up at its
 * upstream (`GET {baseUrl}/models/{id}`), or served as is by the demo model, which answers
 * any name.
 */
export function registerModelRoutes(app: FastifyInstance, deps: ModelRouteDeps): void {
  app.get('/v1/models', async (req, reply) => {
    try {
      await deps.authenticate(req);
    } catch (err) {
      if (err instanceof MoatError) return replyError(req, reply, err);
      throw err;
    }
    const data = deps.router
      .list()
      .map((m) =>
        modelObject(
          m.id,
          m.kind === 'demo' ? 'moat-demo' : m.upstream,
          m.kind === 'demo'
            ? { demo: true, description: m.description ?? 'Built-in demo model' }
            : m.description
              ? { description: m.description }
              : {},
        ),
      );
    return {
      object: 'list',
      data,
      has_more: false,
      first_id: data[0]?.['id'] ?? null,
      last_id: data.at(-1)?.['id'] ?? null,
    };
  });

  app.get('/v1/models/*', async (req, reply) => {
    // A wildcard path, not `:id`: model names contain slashes (`meta-llama/Llama-3.1-8B`).
    const id = (req.params as { '*': string })['*'];
    try {
      await deps.authenticate(req);
      return await retrieve(deps, id, req.id);
    } catch (err) {
      if (err instanceof MoatError) return replyError(req, reply, err);
      throw err;
    }
  });
}

async function retrieve(
  deps: ModelRouteDeps,
  id: string,
  requestId: string,
): Promise<Record<string, unknown>> {
  const found = id === '' ? undefined : deps.router.lookup(id);
  if (!found) throw new MoatError('MOAT_UNKNOWN_MODEL', id, { param: 'model' });
  const { upstream, route } = found;
  if (upstream.kind === 'demo') {
    return modelObject(id, 'moat-demo', {
      demo: true,
      description: route.description ?? 'Built-in demo model',
    });
  }
  if (found.exact)
    return modelObject(
      id,
      upstream.name,
      route.description ? { description: route.description } : {},
    );
  const abort = new RequestAbort();
  const timer = setTimeout(() => abort.abort(), 10_000);
  try {
    const r = await upstream
      .call({
        protocol: upstream.speaks('anthropic') ? 'anthropic' : 'openai',
        method: 'GET',
        path: `/models/${encodeURIComponent(found.upstreamModel)}`,
        body: {},
        stream: false,
        get signal() {
          return abort.signal;
        },
        abort,
        requestId,
      })
      .catch((err: unknown) => {
        // Connection details stay in the log; the client gets the request id (issue 14).
        deps.log.warn({ err, requestId, upstream: upstream.name }, 'model lookup failed upstream');
        throw new MoatError('MOAT_UPSTREAM_UNREACHABLE', requestId);
      });
    if (r.status === 404) throw new MoatError('MOAT_UNKNOWN_MODEL', id, { param: 'model' });
    if (r.status !== 200 || !r.json) {
      deps.log.warn(
        { requestId, upstream: upstream.name, status: r.status },
        'model lookup failed upstream',
      );
      throw new MoatError('MOAT_UPSTREAM_ERROR', requestId);
    }
    return modelObject(id, upstream.name, { ...r.json, id });
  } finally {
    clearTimeout(timer);
  }
}
