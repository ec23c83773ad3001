import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MoatError } from '../errors/registry.js';
import { LoginThrottle, loginClient } from './login-throttle.js';
import {
  ConsoleSessions,
  CSRF_HEADER,
  readCookie,
  sameOrigin,
  sameToken,
  SESSION_COOKIE,
  type ConsoleSession,
} from './session.js';

/** Where `npm run build:console` (run by `prepare`) writes the bundle: dist/console-web, from src/ or dist/. */
export const CONSOLE_ASSETS = fileURLToPath(new URL('../../dist/console-web/', import.meta.url));

/**
 * Content security policy of every console response: scripts, styles and data from Moat
 * only, no inline script or style element, no framing (CSP Level 3, W3C).
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** Files anyone may fetch: the stylesheet the login page needs carries no data. */
const PUBLIC_ASSETS = new Set(['console.css']);

function secure(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'same-origin') // no-referrer would make Chromium send `Origin: null` on the login POST
    .header('cross-origin-opener-policy', 'same-origin')
    .header('cache-control', 'no-store');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(message?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Sign in · Moat console</title><link rel="stylesheet" href="/console/assets/console.css"></head>
<body class="login"><main class="login-box">
<h1>Moat console</h1>
<p>Sign in with the admin token (<code>MOAT_ADMIN_TOKEN</code>, or the <code>admin-token</code> file in the data dir).</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/console/login">
<label for="name">Your name (for the audit log)</label>
<input id="name" name="name" autocomplete="username" maxlength="64" pattern="[A-Za-z0-9_.@ \\-]*">
<label for="token">Admin token</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form></main></body></html>`;
}

/**
 * The page every console route loads. The stylesheet link carries the id Cytoscape.js looks
 * for before it injects a <style> element of its own (renderer/base), which the CSP refuses;
 * console.css holds that rule instead.
 */
function shell(session: ConsoleSession): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="moat-csrf" content="${escapeHtml(session.csrf)}"><meta name="moat-actor" content="${escapeHtml(session.actor)}">
<link rel="icon" href="data:,"><title>Moat console</title><link rel="stylesheet" href="/console/assets/console.css" id="__________cytoscape_stylesheet">
<script type="module" src="/console/assets/app.js"></script></head>
<body><div id="app"><p class="loading">Loading…</p></div></body></html>`;
}

/** The signed-in session of a request, if any. */
export function sessionOf(
  sessions: ConsoleSessions,
  req: FastifyRequest,
): ConsoleSession | undefined {
  return sessions.get(readCookie(req.headers.cookie, SESSION_COOKIE));
}

/**
 * Admin API access by console session: for a state-changing method the request must carry
 * the session's CSRF token in `x-moat-csrf` and come from this origin. Returns the session
 * (undefined when there is none); throws when the session is there but the request is forged.
 */
export function consoleAccess(
  sessions: ConsoleSessions,
  req: FastifyRequest,
): ConsoleSession | undefined {
  const s = sessionOf(sessions, req);
  if (!s) return undefined;
  if (req.method === 'GET' || req.method === 'HEAD') return s;
  const token = req.headers[CSRF_HEADER];
  if (
    typeof token !== 'string' ||
    !sameToken(token, s.csrf) ||
    !sameOrigin(req.headers.origin, req.headers.host)
  ) {
    throw new MoatError(
      'MOAT_ADMIN_UNAUTHORIZED',
      `A console request that changes something must carry the session's CSRF token in ${CSRF_HEADER} and come from this origin.`,
    );
  }
  return s;
}

/**
 * 429 for a throttled sign-in, with Retry-After (RFC 9110 §10.2.3): a browser's form post
 * gets the login page saying so; any other client the admin API's error (MOAT_RATE_LIMITED).
 */
function tooMany(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: 'client' | 'global',
  seconds: number,
) {
  const who =
    scope === 'global'
      ? 'console sign-in (too many failed attempts from all addresses)'
      : 'console sign-in (too many failed attempts from this address)';
  if (!(req.headers.accept ?? '').includes('text/html'))
    throw new MoatError('MOAT_RATE_LIMITED', who, { headers: { 'retry-after': String(seconds) } });
  return reply
    .code(429)
    .header('retry-after', String(seconds))
    .send(
      loginPage(
        `Too many failed sign-ins ${scope === 'global' ? 'from all addresses' : 'from your address'}: try again in ${seconds} seconds.`,
      ),
    );
}

function cookie(req: FastifyRequest, value: string, maxAge: number): string {
  // RFC 6265bis: SameSite=Strict keeps the cookie off every cross-site request; Path=/ so
  // it reaches /admin/v1; Secure whenever Moat is reached over TLS.
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${req.protocol === 'https' ? '; Secure' : ''}`;
}

/** An audit entry of the console's sign-in (never the submitted token). */
export type ConsoleAudit = (entry: {
  actor: string;
  action: string;
  subject: string;
  reason?: string;
  data?: unknown;
}) => void | Promise<void>;

/** What the console's pages need. */
export interface ConsoleWebOptions {
  adminToken: string;
  sessions: ConsoleSessions;
  assetsDir?: string;
  /** Failed sign-ins per client and from everyone (default: LOGIN_THROTTLE_DEFAULTS). */
  throttle?: LoginThrottle;
  /** Where failed sign-ins and lockouts are recorded (the admin API's audit hook). */
  audit?: ConsoleAudit;
}

/**
 * The analyst console at /console: login, logout, the page shell and its bundled assets.
 * Sign-in is throttled (login-throttle.ts): past the limit it is 429 with Retry-After —
 * the login page for a browser's form post, the admin API's JSON error (MOAT_RATE_LIMITED)
 * for any other client. Failures and lockouts go to the audit log and the server log with
 * the client's address and the name given, never the token.
 */
export function consoleWeb(opts: ConsoleWebOptions) {
  const dir = opts.assetsDir ?? CONSOLE_ASSETS;
  const throttle = opts.throttle ?? new LoginThrottle();
  return async (app: FastifyInstance) => {
    await app.register(async (web) => {
      web.addContentTypeParser(
        'application/x-www-form-urlencoded',
        { parseAs: 'string', bodyLimit: 8192 },
        (_req, body, done) => {
          done(null, Object.fromEntries(new URLSearchParams(body as string)));
        },
      );

      web.get('/console/login', async (req, reply) => {
        if (sessionOf(opts.sessions, req)) return secure(reply).redirect('/console/', 303);
        return secure(reply).type('text/html; charset=utf-8').send(loginPage());
      });

      web.post('/console/login', async (req, reply) => {
        secure(reply).type('text/html; charset=utf-8');
        if (!sameOrigin(req.headers.origin, req.headers.host))
          return reply
            .code(403)
            .send(loginPage('Sign-in refused: the form was posted from another site.'));
        const client = loginClient(req.socket.remoteAddress);
        const gate = throttle.check(client);
        if (!gate.ok) {
          const seconds = Math.ceil(gate.retryAfterMs / 1000);
          req.log.warn(
            { client, scope: gate.scope, retryAfterSeconds: seconds },
            'console sign-in refused: too many failed attempts',
          );
          return tooMany(req, reply, gate.scope, seconds);
        }
        const body = (req.body ?? {}) as Record<string, unknown>;
        const token = typeof body['token'] === 'string' ? body['token'] : '';
        const name =
          typeof body['name'] === 'string' && body['name'].trim() ? body['name'].trim() : 'analyst';
        if (!/^[A-Za-z0-9_.@ -]{1,64}$/.test(name))
          return reply
            .code(400)
            .send(loginPage('Name: use up to 64 letters, digits, spaces and _ . @ -'));
        if (!token || !sameToken(token, opts.adminToken)) {
          const f = throttle.failed(client);
          const data = {
            client,
            name,
            failures: f.failures,
            globalFailures: f.globalFailures,
            ...(f.lockedMs ? { lockedSeconds: Math.ceil(f.lockedMs / 1000), scope: f.scope } : {}),
          };
          req.log.warn(
            data,
            f.lockedMs ? 'console sign-in failed: locked out' : 'console sign-in failed',
          );
          // Off the answer's path: a failing audit log must not turn a wrong token into a 503 that says more.
          await Promise.resolve(
            opts.audit?.({
              actor: `console:${name}`,
              action: f.lockedMs ? 'console.login.locked' : 'console.login.failed',
              subject: client,
              reason: 'wrong admin token',
              data,
            }),
          ).catch((err: unknown) =>
            req.log.error({ err }, 'audit of a failed console sign-in failed'),
          );
          if (f.lockedMs)
            return tooMany(req, reply, f.scope ?? 'client', Math.ceil(f.lockedMs / 1000));
          return reply.code(401).send(loginPage('That is not the admin token.'));
        }
        throttle.succeeded(client);
        const { id } = opts.sessions.open(name);
        return reply
          .header('set-cookie', cookie(req, id, opts.sessions.maxAgeSeconds))
          .redirect('/console/', 303);
      });

      web.post('/console/logout', async (req, reply) => {
        const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
        if (!consoleAccess(opts.sessions, req))
          throw new MoatError('MOAT_ADMIN_UNAUTHORIZED', 'Not signed in to the console.');
        opts.sessions.close(raw);
        return secure(reply)
          .header('set-cookie', cookie(req, '', 0))
          .code(204)
          .send();
      });

      const page = async (req: FastifyRequest, reply: FastifyReply) => {
        const s = sessionOf(opts.sessions, req);
        if (!s) return secure(reply).redirect('/console/login', 303);
        return secure(reply).type('text/html; charset=utf-8').send(shell(s));
      };
      web.get('/console', page);
      web.get('/console/', page);

      web.get('/console/assets/:file', async (req, reply) => {
        const { file } = req.params as { file: string };
        if (!PUBLIC_ASSETS.has(file) && !sessionOf(opts.sessions, req))
          throw new MoatError(
            'MOAT_ADMIN_UNAUTHORIZED',
            'Sign in to the console first (/console/login).',
          );
        const type = TYPES[extname(file)];
        const path = join(dir, file);
        if (!/^[A-Za-z0-9_.-]+$/.test(file) || !type || !existsSync(path)) {
          if (!existsSync(join(dir, 'app.js')))
            throw new MoatError(
              'MOAT_NOT_FOUND',
              'The console is not built: run `npm run build:console`.',
            );
          throw new MoatError('MOAT_NOT_FOUND', `No console asset "${file}".`);
        }
        // Chunk names carry a content hash; app.js and console.css do not, so nothing is cached.
        return secure(reply).type(type).send(readFileSync(path));
      });
    });
  };
}
