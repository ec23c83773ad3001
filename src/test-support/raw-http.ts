import { connect } from 'node:net';

/** What a raw HTTP exchange saw: the bytes back, how the socket ended, and the parsed answer. */
export interface RawExchange {
  /** Everything the server sent. */
  text: string;
  /** Status of the first response, 0 when none. */
  status: number;
  /** JSON body of the first response, when it had one. */
  json: any;
  /** Socket error code on the client side (EPIPE, ECONNRESET…), '' when it ended cleanly. */
  error: string;
  /** Who ended the exchange: the server (it closed the socket), or the client at `closeAfterMs`. */
  closedBy: 'server' | 'client';
  /** How many pieces of `body` were written before the socket closed. */
  sent: number;
}

/**
 * Send `head` (request line and headers, ending in a blank line) and then `body`, piece by
 * piece, on a raw socket, reading whatever comes back until the server closes or `closeAfterMs`
 * passes; `pauseMs` waits between pieces (a slow client). Lets tests see what real clients
 * see when the server answers early or closes: a clean answer, or EPIPE / ECONNRESET.
 */
export function rawExchange(
  url: string,
  head: string,
  body: Array<string | Buffer> = [],
  opts: { pauseMs?: number; closeAfterMs?: number; endAfterBody?: boolean } = {},
): Promise<RawExchange> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = connect(Number(u.port), u.hostname);
    let text = '';
    let error = '';
    let done = false;
    let closedBy: RawExchange['closedBy'] = 'server';
    let sent = 0;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const at = text.indexOf('\r\n\r\n');
      let json: unknown;
      if (at >= 0) {
        const len = Number(/content-length: (\d+)/i.exec(text.slice(0, at))?.[1] ?? -1);
        const raw = len >= 0 ? text.slice(at + 4, at + 4 + len) : text.slice(at + 4);
        try {
          json = JSON.parse(raw);
        } catch {
          json = undefined;
        }
      }
      resolve({ text, status, json, error, closedBy, sent });
    };
    const timer = setTimeout(() => {
      closedBy = 'client';
      s.destroy();
      finish();
    }, opts.closeAfterMs ?? 20_000);
    s.on('data', (d) => (text += d.toString('latin1')));
    s.on('error', (e: NodeJS.ErrnoException) => (error ||= e.code ?? e.message));
    s.on('close', finish);
    s.on('connect', async () => {
      s.write(head);
      for (const piece of body) {
        if (s.destroyed) return;
        if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
        if (!s.write(piece)) await new Promise((r) => s.once('drain', r).once('close', r));
        sent++;
      }
      if (opts.endAfterBody !== false && !s.destroyed) s.end();
    });
  });
}

/** `n` pieces of `size` bytes of `fill`, as chunked transfer-encoding frames, ending with the last frame. */
export function chunkedFrames(n: number, size: number, fill = 'a'): Buffer[] {
  const data = Buffer.alloc(size, fill);
  const frame = Buffer.concat([Buffer.from(size.toString(16) + '\r\n'), data, Buffer.from('\r\n')]);
  return [...Array.from({ length: n }, () => frame), Buffer.from('0\r\n\r\n')];
}
