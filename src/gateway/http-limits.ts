import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { MoatError, errorBody, type ApiFlavor, type ErrorCode } from '../errors/registry.js';

/** Which API's error shape a path uses. */
export function flavorOf(url: string): ApiFlavor {
  return url.startsWith('/v1/messages') ? 'anthropic' : 'openai';
}

/**
 * The body limit of each path: the longest matching prefix in `byRoute`, else `fallback`.
 * @example bodyLimitResolver({ '/admin/v1': 1 << 20 }, 32 << 20)('/admin/v1/accounts') // 1048576
 */
export function bodyLimitResolver(
  byRoute: Readonly<Record<string, number>>,
  fallback: number,
): (path: string) => number {
  const prefixes = Object.entries(byRoute).sort((a, b) => b[0].length - a[0].length);
  return (path) => {
    for (const [prefix, limit] of prefixes) if (path.startsWith(prefix)) return limit;
    return fallback;
  };
}

/**
 * After an early answer (401, 413, 431…), read and discard the rest of the body so the
 * client finishes sending and then reads the answer. Closing at once leaves its unsent bytes
 * to a connection reset, which Node's fetch and the official SDKs report as a network error
 * and retry (issue 14). Beyond `limit` bytes the connection is closed anyway; the request
 * timeout bounds how long a slow sender can keep it.
 */
export function drainRequest(req: IncomingMessage, limit: number): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  req.on('data', (c: Buffer) => {
    seen += c.length;
    if (seen > limit) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  431: 'Request Header Fields Too Large',
};

/** The API whose error shape an HTTP-level error takes: from the request line, when Node kept it. */
function flavorOfRaw(err: { rawPacket?: unknown }, socket: Socket): ApiFlavor {
  const current = (socket as Socket & { _httpMessage?: { req?: { url?: string } } })._httpMessage
    ?.req?.url;
  if (current) return flavorOf(current);
  const raw = err.rawPacket;
  if (!Buffer.isBuffer(raw)) return 'openai';
  const line = /^[A-Z]+ (\S+)/.exec(raw.subarray(0, 256).toString('latin1'));
  return line?.[1] ? flavorOf(line[1]) : 'openai';
}

/**
 * Node's `clientError` handler: the errors Node raises before a request reaches a route
 * (malformed HTTP, header overflow, request timeout) answered as JSON in the API's shape —
 * Anthropic's on /v1/messages — instead of a bare status line.
 */
export function clientErrorHandler(
  err: NodeJS.ErrnoException & { rawPacket?: unknown },
  socket: Socket,
): void {
  const code: ErrorCode =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? 'MOAT_HEADERS_TOO_LARGE'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? 'MOAT_REQUEST_TIMEOUT'
        : 'MOAT_INVALID_REQUEST';
  const pending = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  // Mid-response (headers already sent) or a reset socket: nothing can be said any more.
  if (!socket.writable || pending?.headersSent || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const e = new MoatError(code, code === 'MOAT_INVALID_REQUEST' ? 'Malformed HTTP request.' : '');
  const body = JSON.stringify(errorBody(flavorOfRaw(err, socket), e));
  socket.end(
    `HTTP/1.1 ${e.status} ${STATUS_TEXT[e.status] ?? 'Error'}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  // end() only half-closes (HTTP server sockets allow half-open): a slowloris client that
  // keeps writing would keep the socket. Give an honest client a moment to read, then cut.
  const timer = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/** How long a socket answered by `clientErrorHandler` may stay open for the client to read. */
const CLOSE_GRACE_MS = 1_000;
