import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { MoatError } from '../errors/registry.js';
import type { AuthenticatedKey } from '../identity/keys.js';
import { blockReference } from '../respond/block.js';
import { forwardedHeaders } from './forward-headers.js';
import { anthropicProtocol } from './protocol/anthropic.js';
import type { ModelRouter } from './router.js';
import { countTokens } from '../tokens/count.js';
import { RequestAbort } from './upstream.js';
import type { VerdictCache } from './verdict-cache.js';

/** What the count_tokens route needs from the server. */
export interface CountTokensDeps {
  router: ModelRouter;
  verdicts: VerdictCache;
  /** The request's key (usually already checked by `onRequest`). */
  authenticate: (req: FastifyRequest) => Promise<AuthenticatedKey>;
  /** Runs before the body is read: the server checks the key there (issue 14). */
  onRequest?: onRequestHookHandler;
  log: { warn(obj: unknown, msg?: string): void };
}

/** Tokens Anthropic adds per message for its role markers (an estimate: the count is local). */
const PER_MESSAGE = 3;

/** Every text a count covers, joined: system, message content (text, tool input and results), tool definitions. */
function countedText(body: Record<string, unknown>): { text: string; messages: number } {
  const parts: string[] = [];
  const add = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Array.isArray(v)) for (const b of v) add(b);
    else if (v && typeof v === 'object') {
      const b = v as Record<string, unknown>;
      if (typeof b['text'] === 'string') parts.push(b['text']);
      else if (b['type'] === 'tool_use')
        parts.push(String(b['name'] ?? ''), JSON.stringify(b['input'] ?? {}));
      else if (b['type'] === 'tool_result') add(b['content']);
      else if (b['type'] === 'thinking' && typeof b['thinking'] === 'string')
        parts.push(b['thinking']);
    }
  };
  add(body['system']);
  const messages = body['messages'] as Array<Record<string, unknown>>;
  for (const m of messages) add(m['content']);
  if (Array.isArray(body['tools']) && body['tools'].length > 0)
    parts.push(JSON.stringify(body['tools']));
  return { text: parts.join('\n'), messages: messages.length };
}

/**
 * `POST /v1/messages/count_tokens` (Anthropic `messages.countTokens`): `{input_tokens}` for
 * a Messages request. A model routed to an Anthropic upstream is counted there (the
 * request forwarded with `anthropic-beta`/`anthropic-version`); any other model is counted
 * here with the o200k_base tokenizer — an estimate, since the upstream's tokenizer may
 * differ. Needs a valid key; a blocked account is refused. No model output is produced,
 * so no telemetry event is written.
 */
export function registerCountTokens(app: FastifyInstance, deps: CountTokensDeps): void {
  app.post('/v1/messages/count_tokens', { onRequest: deps.onRequest ?? [] }, async (req, reply) => {
    const key = await deps.authenticate(req);
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new MoatError('MOAT_INVALID_REQUEST', 'The request body must be a JSON object.');
    }
    const b = body as Record<string, unknown>;
    // The Messages rules, without max_tokens (a count has none).
    const bad = anthropicProtocol.validate({ ...b, max_tokens: 1 });
    if (bad) throw new MoatError('MOAT_INVALID_REQUEST', bad.message, { param: bad.param });
    const now = Date.now();
    if (deps.verdicts.level(key.account, now) === 'block') {
      throw new MoatError('MOAT_ACCOUNT_BLOCKED', blockReference(key.account, now));
    }
    const model = b['model'] as string;
    const found = deps.router.lookup(model);
    if (!found) throw new MoatError('MOAT_UNKNOWN_MODEL', model, { param: 'model' });
    if (found.upstream.kind !== 'anthropic') {
      const { text, messages } = countedText(b);
      return { input_tokens: countTokens(text) + PER_MESSAGE * messages };
    }
    const abort = new RequestAbort();
    req.raw.on('close', () => abort.abort());
    const r = await found.upstream
      .call({
        protocol: 'anthropic',
        path: '/messages/count_tokens',
        body: { ...b, model: found.upstreamModel },
        stream: false,
        get signal() {
          return abort.signal;
        },
        abort,
        requestId: req.id,
        headers: forwardedHeaders(req.headers, 'anthropic'),
      })
      .catch((err: unknown) => {
        deps.log.warn(
          { err, requestId: req.id, upstream: found.upstream.name },
          'count_tokens failed upstream',
        );
        throw new MoatError('MOAT_UPSTREAM_UNREACHABLE', req.id);
      });
    if (r.status >= 500 || !r.json) {
      deps.log.warn(
        { requestId: req.id, upstream: found.upstream.name, status: r.status },
        'count_tokens failed upstream',
      );
      throw new MoatError('MOAT_UPSTREAM_ERROR', req.id);
    }
    // The upstream's own 4xx (a bad block, an unknown beta) is the client's to read, as on /v1/messages.
    return reply.code(r.status).headers(r.headers).send(r.json);
  });
}
