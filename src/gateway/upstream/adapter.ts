import type { UpstreamConfig } from '../../config/config.js';
import { MoatError } from '../../errors/registry.js';
import {
  abortableOf,
  type Protocol,
  type Upstream,
  type UpstreamRequest,
  type UpstreamResponse,
} from '../upstream.js';
import { UpstreamHttp } from './http.js';
import type { HttpResult } from './http.js';
import { decodeSse } from './sse.js';

/** What distinguishes one HTTP upstream protocol from another: where to POST and which headers. */
export interface HttpFlavor {
  protocol: Protocol;
  /** Path under the base URL, e.g. `/chat/completions`. */
  path: string;
  /** Headers sent with every request (credentials included), built once. */
  headers: Record<string, string>;
  /** Header names the upstream's config sets: a forwarded client header never replaces them. */
  pinned?: ReadonlySet<string>;
}

/** An HTTP upstream, which can also list the models it serves. */
export interface HttpUpstream extends Upstream {
  /** Model ids from the upstream's `GET {baseUrl}/models`. */
  listModels(signal?: AbortSignal): Promise<string[]>;
}

/** Lower-case header names so configured headers replace defaults instead of duplicating them. */
export function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/** An error body in the protocol's shape for an upstream error whose body was not JSON. */
export function synthesiseError(
  protocol: Protocol,
  status: number,
  body: string,
): Record<string, unknown> {
  const snippet = body.length > 200 ? `${body.slice(0, 200)}…` : body;
  const message = `The upstream returned HTTP ${status}${snippet.trim() ? `: ${snippet.trim()}` : ''}`;
  if (protocol === 'anthropic') {
    return {
      type: 'error',
      error: { type: status >= 500 ? 'api_error' : 'invalid_request_error', message },
    };
  }
  const type = status >= 500 ? 'server_error' : 'invalid_request_error';
  return { error: { message, type, param: null, code: null } };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Turn a raw HTTP result into the gateway's UpstreamResponse. */
export function toUpstreamResponse(protocol: Protocol, r: HttpResult): UpstreamResponse {
  if (r.chunks) return { status: r.status, headers: r.headers, events: decodeSse(r.chunks) };
  const text = r.body ? r.body.toString('utf8') : '';
  const json = parseObject(text);
  if (json) return { status: r.status, headers: r.headers, json };
  if (r.status >= 400)
    return {
      status: r.status,
      headers: r.headers,
      json: synthesiseError(protocol, r.status, text),
    };
  throw new MoatError(
    'MOAT_UPSTREAM_ERROR',
    `HTTP ${r.status} with a body that is not a JSON object`,
  );
}

/**
 * The upstream's headers plus the client headers forwarded with one request; a header the
 * upstream's config sets is never replaced. Returns `base` itself when nothing is added.
 */
export function withForwarded(
  base: Record<string, string>,
  forwarded: Record<string, string> | undefined,
  pinned: ReadonlySet<string>,
): Record<string, string> {
  if (!forwarded) return base;
  let out: Record<string, string> | undefined;
  for (const name in forwarded) {
    if (pinned.has(name)) continue;
    out ??= { ...base };
    out[name] = forwarded[name]!;
  }
  return out ?? base;
}

/**
 * The shared body of the OpenAI- and Anthropic-compatible adapters: one keep-alive pool per
 * upstream, the body serialised once, the SSE stream decoded by the one decoder.
 */
export function createHttpUpstream(
  name: string,
  cfg: UpstreamConfig,
  flavor: HttpFlavor,
): HttpUpstream {
  if (!cfg.baseUrl)
    throw new MoatError('MOAT_UPSTREAM_UNREACHABLE', `upstream "${name}" has no baseUrl`);
  const http = new UpstreamHttp(cfg.baseUrl, cfg.timeoutMs);
  const { protocol, path, headers } = flavor;
  const pinned = flavor.pinned ?? new Set<string>();
  return {
    name,
    kind: cfg.kind,
    speaks: (p: Protocol) => p === protocol,
    async call(req: UpstreamRequest): Promise<UpstreamResponse> {
      const get = req.method === 'GET';
      const r = await http.send(
        get ? 'GET' : 'POST',
        req.path ?? path,
        withForwarded(headers, req.headers, pinned),
        get ? null : JSON.stringify(req.body),
        req.abort ?? abortableOf(req.signal),
        req.stream,
      );
      return toUpstreamResponse(protocol, r);
    },
    async listModels(signal = AbortSignal.timeout(cfg.timeoutMs)): Promise<string[]> {
      const r = await http.send('GET', '/models', headers, null, abortableOf(signal), false);
      const json = r.body ? parseObject(r.body.toString('utf8')) : undefined;
      if (r.status !== 200 || !json || !Array.isArray(json['data'])) {
        throw new MoatError('MOAT_UPSTREAM_ERROR', `GET /models answered HTTP ${r.status}`);
      }
      return (json['data'] as Array<{ id?: unknown }>).flatMap((m) =>
        typeof m.id === 'string' ? [m.id] : [],
      );
    },
    async probe(signal: AbortSignal) {
      // Any answer below 500 but a refused credential means the server is there and takes
      // our requests (some servers have no /models: a 404 is still an answer).
      let r: HttpResult;
      try {
        r = await http.send('GET', '/models', headers, null, abortableOf(signal), false);
      } catch (err) {
        // Addresses and error text stay out of /readyz, which anyone may read (issue 14).
        return {
          ok: false,
          detail:
            signal.aborted || (err instanceof MoatError && err.code === 'MOAT_UPSTREAM_TIMEOUT')
              ? 'timeout'
              : 'unreachable',
        };
      }
      if (r.status === 401 || r.status === 403)
        return { ok: false, detail: `HTTP ${r.status}: credentials refused` };
      return { ok: r.status < 500, detail: `HTTP ${r.status}` };
    },
    close: () => http.close(),
  };
}
