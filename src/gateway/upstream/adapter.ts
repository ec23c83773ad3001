import type { UpstreamConfig } from '../../config/config.js';
import { MoatError } from '../../errors/registry.js';
import { abortableOf, type Protocol, type Upstream, type UpstreamRequest, type UpstreamResponse } from '../upstream.js';
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
  return {
    name,
    kind: cfg.kind,
    speaks: (p: Protocol) => p === protocol,
    async call(req: UpstreamRequest): Promise<UpstreamResponse> {
      const r = await http.send(
        'POST',
        path,
        headers,
        JSON.stringify(req.body),
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
    close: () => http.close(),
  };
}
