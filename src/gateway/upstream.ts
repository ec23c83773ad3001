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
  /**
   * The same cancellation without an AbortSignal (whose creation and listeners cost ~15 µs
   * per request on the hot path): HTTP upstreams use this when present, `signal` otherwise.
   */
  abort?: Abortable;
  requestId: string;
  /**
   * Client headers forwarded to this upstream (`anthropic-beta`, `anthropic-version`,
   * `openai-organization`, `openai-project`; see forwardedHeaders). The upstream's
   * configured headers win over them.
   */
  headers?: Record<string, string> | undefined;
  /**
   * Path under the upstream's base URL when not the protocol's model route, e.g.
   * `/messages/count_tokens`, `/embeddings`, `/completions`, `/responses`, `/models/ID`.
   */
  path?: string | undefined;
  /** GET instead of POST (no body sent); only with `path`. */
  method?: 'GET' | 'POST' | undefined;
}

/** A cancellation handle: aborted once, telling each subscriber. */
export interface Abortable {
  readonly aborted: boolean;
  readonly reason: unknown;
  /** Call `fn` on abort (at once when already aborted); returns the unsubscribe. */
  subscribe(fn: (reason: Error) => void): () => void;
}

/**
 * An Abortable whose AbortSignal is only made when something asks for `signal` (the demo
 * upstream's timers do; HTTP upstreams do not).
 */
export class RequestAbort implements Abortable {
  private controller: AbortController | undefined;
  private listeners: Array<(reason: Error) => void> = [];
  aborted = false;
  reason: unknown;

  get signal(): AbortSignal {
    this.controller ??= new AbortController();
    if (this.aborted && !this.controller.signal.aborted) this.controller.abort(this.reason);
    return this.controller.signal;
  }

  abort(reason: Error = new DOMException('This operation was aborted', 'AbortError')): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.controller?.abort(reason);
    const fns = this.listeners;
    this.listeners = [];
    for (const fn of fns) fn(reason);
  }

  subscribe(fn: (reason: Error) => void): () => void {
    if (this.aborted) {
      fn(this.reason as Error);
      return () => undefined;
    }
    this.listeners.push(fn);
    return () => {
      const i = this.listeners.indexOf(fn);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }
}

/** An Abortable view of an AbortSignal. */
export function abortableOf(signal: AbortSignal): Abortable {
  return {
    get aborted() {
      return signal.aborted;
    },
    get reason() {
      return signal.reason as unknown;
    },
    subscribe(fn) {
      const on = () => fn(signal.reason as Error);
      if (signal.aborted) {
        on();
        return () => undefined;
      }
      signal.addEventListener('abort', on, { once: true });
      return () => signal.removeEventListener('abort', on);
    },
  };
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
  /**
   * One cheap request that says whether the upstream answers (readiness; see
   * UpstreamHealth). Absent for the built-in demo model, which is always up.
   */
  probe?(signal: AbortSignal): Promise<{ ok: boolean; detail: string }>;
  close(): Promise<void>;
}
