import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { MoatError } from '../../errors/registry.js';
import { ChunkQueue } from './queue.js';
import type { Abortable } from '../upstream.js';

/** Upstream response headers passed on to the client; everything else stays behind. */
const PASSED_HEADERS = new Set([
  'x-request-id',
  'request-id',
  'openai-processing-ms',
  'openai-version',
  'retry-after',
]);

/** A non-streaming body larger than this is refused rather than held in memory. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The raw outcome of one HTTP exchange with an upstream. */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  /** The whole body, when the response was not a live event stream. */
  body?: Buffer;
  /** Live body chunks of a successful `text/event-stream` response. */
  chunks?: AsyncIterable<Buffer>;
}

/** Network error codes that mean "could not talk to the upstream at all". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
]);

/**
 * Translate an undici/network error into the registry's upstream errors.
 * Before headers: timeouts → MOAT_UPSTREAM_TIMEOUT, connection failures → MOAT_UPSTREAM_UNREACHABLE.
 * After headers (mid-stream): timeouts stay MOAT_UPSTREAM_TIMEOUT, a cut connection is MOAT_UPSTREAM_ERROR.
 */
export function mapNetworkError(err: unknown, timeoutMs: number, midStream: boolean): MoatError {
  if (err instanceof MoatError) return err;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new MoatError('MOAT_UPSTREAM_TIMEOUT', String(timeoutMs));
  }
  const message = typeof e.message === 'string' ? e.message : String(err);
  const reason = code ? `${code} ${message}` : message;
  if (midStream)
    return new MoatError('MOAT_UPSTREAM_ERROR', `connection lost mid-response (${reason})`);
  if (UNREACHABLE_CODES.has(code)) return new MoatError('MOAT_UPSTREAM_UNREACHABLE', reason);
  if (e.cause !== undefined && e.cause !== err)
    return mapNetworkError(e.cause, timeoutMs, midStream);
  return new MoatError('MOAT_UPSTREAM_UNREACHABLE', reason);
}

function pickHeaders(raw: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in raw) {
    if (!PASSED_HEADERS.has(name)) continue;
    const v = raw[name];
    if (v !== undefined) out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** One request in flight: an undici dispatch handler that settles a promise or feeds a queue. */
class Exchange implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: Record<string, string> = {};
  private parts: Buffer[] = [];
  private size = 0;
  private queue: ChunkQueue | undefined;
  private settled = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly signal: Abortable,
    private readonly wantEvents: boolean,
    private readonly timeoutMs: number,
    private readonly resolve: (r: HttpResult) => void,
    private readonly reject: (e: unknown) => void,
  ) {
    this.unsubscribe = signal.subscribe((reason) => this.abort(reason));
  }

  private abort(reason: Error): void {
    if (this.controller && !this.controller.aborted) this.controller.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.signal.aborted) controller.abort(this.signal.reason as Error);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    status: number,
    headers: IncomingHttpHeaders,
  ): void {
    if (status < 200) return;
    this.status = status;
    this.headers = pickHeaders(headers);
    const type = headers['content-type'];
    if (
      this.wantEvents &&
      status < 300 &&
      typeof type === 'string' &&
      type.startsWith('text/event-stream')
    ) {
      this.queue = new ChunkQueue({
        pause: () => controller.pause(),
        resume: () => controller.resume(),
        cancel: () => this.abort(new Error('stream consumer stopped')),
      });
      this.settled = true;
      this.resolve({ status, headers: this.headers, chunks: this.queue });
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.queue) return this.queue.push(chunk);
    this.size += chunk.length;
    if (this.size > MAX_RESPONSE_BYTES) {
      controller.abort(
        new MoatError('MOAT_UPSTREAM_ERROR', `response larger than ${MAX_RESPONSE_BYTES} bytes`),
      );
      return;
    }
    this.parts.push(chunk);
  }

  onResponseEnd(): void {
    this.unsubscribe();
    if (this.queue) return this.queue.end();
    const body = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size);
    this.settled = true;
    this.resolve({ status: this.status, headers: this.headers, body });
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.unsubscribe();
    if (this.queue) {
      // An abort by the gateway ends the stream quietly (the UpstreamResponse contract).
      if (this.signal.aborted) this.queue.end();
      else this.queue.fail(mapNetworkError(err, this.timeoutMs, true));
      return;
    }
    if (this.settled) return;
    this.settled = true;
    this.reject(
      this.signal.aborted
        ? this.signal.reason
        : mapNetworkError(err, this.timeoutMs, this.status !== 0),
    );
  }
}

/**
 * A keep-alive connection pool to one upstream base URL, speaking just enough HTTP for the
 * adapters: POST a JSON body and get back the whole body, or live SSE chunks.
 * Built on undici's dispatch handler API (no Readable streams per request).
 */
export class UpstreamHttp {
  private readonly pool: Pool;
  private readonly prefix: string;

  /**
   * @param baseUrl e.g. http://127.0.0.1:8000/v1 — its path is prefixed to every request path.
   * @param timeoutMs time allowed for response headers and between body chunks.
   */
  constructor(
    baseUrl: string,
    readonly timeoutMs: number,
  ) {
    const url = new URL(baseUrl);
    this.prefix = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      keepAliveTimeout: 30_000,
      connect: { timeout: Math.min(timeoutMs, 10_000) },
    });
  }

  /**
   * Send one request. Resolves once headers (for an event stream) or the whole body arrived;
   * rejects with MoatError for network failures and timeouts, or with `signal.reason` when aborted.
   */
  send(
    method: 'GET' | 'POST',
    path: string,
    headers: Record<string, string>,
    body: string | null,
    signal: Abortable,
    wantEvents: boolean,
  ): Promise<HttpResult> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const exchange = new Exchange(signal, wantEvents, this.timeoutMs, resolve, reject);
      this.pool.dispatch(
        {
          method,
          path: this.prefix + path,
          headers,
          body,
          headersTimeout: this.timeoutMs,
          bodyTimeout: this.timeoutMs,
        },
        exchange,
      );
    });
  }

  /**
   * Refuse new requests and close connections once in-flight requests finish; requests
   * still running after `graceMs` (a hung stream) are cut.
   */
  async close(graceMs = 5_000): Promise<void> {
    const timer = setTimeout(() => void this.pool.destroy().catch(() => undefined), graceMs);
    try {
      await this.pool.close();
    } catch {
      // destroyed during the grace period: nothing left to close
    } finally {
      clearTimeout(timer);
    }
  }
}
