import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listener of its own for GET /metrics (`metrics.port`), apart from the API. */
export interface MetricsListener {
  /** Start listening; resolves to the URL (e.g. http://127.0.0.1:9464). */
  listen(): Promise<string>;
  /** The URL once listening. */
  url(): string | undefined;
  close(): Promise<void>;
}

/**
 * Serve the Prometheus text on `host:port`, so the API listener can stay public while
 * only a scraper reaches this one. `allowed` still applies (the admin token unless
 * `metrics.auth: public`).
 */
export function metricsListener(opts: {
  host: string;
  port: number;
  allowed: (authorization: string | undefined) => boolean;
  text: () => Promise<string>;
  headersTimeoutMs: number;
}): MetricsListener {
  let server: Server | undefined;
  let address: string | undefined;
  return {
    async listen() {
      const srv = createServer(
        { headersTimeout: opts.headersTimeoutMs, requestTimeout: opts.headersTimeoutMs },
        (req, res) => {
          req.resume();
          const path = (req.url ?? '').split('?')[0];
          if (req.method !== 'GET' || path !== '/metrics') {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
          } else if (!opts.allowed(req.headers.authorization)) {
            res
              .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
              .end('Send the admin token: Authorization: Bearer ADMIN_TOKEN\n');
          } else {
            opts.text().then(
              (body) =>
                res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body),
              () => res.writeHead(500).end(),
            );
          }
        },
      );
      srv.maxConnections = 64;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen(opts.port, opts.host, () => {
          srv.off('error', reject);
          resolve();
        });
      });
      server = srv;
      const a = srv.address() as AddressInfo;
      address = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
      return address;
    },
    url: () => address,
    async close() {
      const srv = server;
      server = undefined;
      if (!srv) return;
      srv.closeAllConnections();
      await new Promise<void>((resolve) => srv.close(() => resolve()));
    },
  };
}
