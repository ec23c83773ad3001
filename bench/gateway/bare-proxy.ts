/**
 * The floor for any Node.js gateway: a bare `node:http` server that forwards each request
 * to the upstream through an undici keep-alive Pool and pipes the response back, with no
 * parsing, auth or telemetry. What Moat costs above this is Moat's own work.
 *
 *   node bench/gateway/bare-proxy.ts PORT UPSTREAM_ORIGIN   (prints `listening PORT`)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'undici';

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);

function forward(pool: Pool, req: IncomingMessage, res: ServerResponse): void {
  const parts: Buffer[] = [];
  req.on('data', (c: Buffer) => parts.push(c));
  req.on('end', () => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (typeof v === 'string' && !HOP.has(k)) headers[k] = v;
    pool
      .request({
        method: req.method as 'POST',
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(parts),
      })
      .then(
        async (up) => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(up.headers))
            if (typeof v === 'string' && !HOP.has(k)) out[k] = v;
          res.writeHead(up.statusCode, out);
          for await (const chunk of up.body) res.write(chunk as Buffer);
          res.end();
        },
        (err: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(err));
        },
      );
  });
}

if (process.argv[1]?.endsWith('bare-proxy.ts') || process.argv[1]?.endsWith('bare-proxy.js')) {
  const pool = new Pool(process.argv[3] ?? 'http://127.0.0.1:1', { connections: 128 });
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => forward(pool, req, res));
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
  });
  process.once('SIGTERM', () => process.exit(0));
}
