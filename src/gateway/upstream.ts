import type { UpstreamConfig } from '../config/config.js';

/** The client-facing API a request arrived on, which is also the upstream's wire protocol. */
export type Protocol = 'openai' | 'anthropic';

/** One server-sent event, decoded. `data` is the raw data string (JSON, or "[DONE]"). */
export interface SseEvent {
  event?: string | undefined;
  data: string;
  id?: string | undefined;
}

/** What the gateway asks of an upstream. */
export interface UpstreamRequest {
  /** The API the client used; real upstreams are only routed requests of their own protocol. */
  protocol: Protocol;
  /** The body to send, already in the upstream's shape, `model` set to the upstream model name. */
  body: Record<string, unknown>;
  stream: boolean;
  /** Aborted when the client disconnects or the gateway gives up. */
  signal: AbortSignal;
  requestId: string;
}

/**
 * An upstream's answer. Exactly one of `json` (non-streaming success or any error body) and
 * `events` (a streaming success) is set. `events` yields each SSE event as soon as the
 * upstream sends it, never buffering the stream; iterating it after `signal` aborts ends it.
 */
export interface UpstreamResponse {
  status: number;
  /** Response headers worth passing to the client (e.g. openai-processing-ms, request-id). */
  headers: Record<string, string>;
  json?: Record<string, unknown>;
  events?: AsyncIterable<SseEvent>;
}

/**
 * An upstream model server. Implementations: OpenAI-compatible HTTP, Anthropic-compatible
 * HTTP, and the in-process demo model. Network failures are thrown as MoatError
 * (MOAT_UPSTREAM_UNREACHABLE, MOAT_UPSTREAM_TIMEOUT); HTTP error statuses are returned.
 */
export interface Upstream {
  readonly name: string;
  readonly kind: UpstreamConfig['kind'];
  /** Whether this upstream can serve requests that arrived on `protocol`. */
  speaks(protocol: Protocol): boolean;
  call(req: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}
