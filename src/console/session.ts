import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The console's session cookie: HttpOnly, SameSite=Strict, Path=/ (it must reach /admin/v1). */
export const SESSION_COOKIE = 'moat_console';
/** The header the console sends its CSRF token in on every state-changing admin call. */
export const CSRF_HEADER = 'x-moat-csrf';

/** One analyst's signed-in console. */
export interface ConsoleSession {
  /** Who acts: written into audit entries as `console:<actor>`. */
  actor: string;
  /** Synchronizer token for state-changing requests (OWASP CSRF cheat sheet, "Synchronizer token pattern"). */
  csrf: string;
  expiresAt: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Console sessions, in memory. The store is keyed by the SHA-256 of the session id, so
 * what it holds cannot be replayed as a cookie; the id itself exists only in the
 * browser's cookie. Bounded: the oldest session goes when `max` are open.
 */
export class ConsoleSessions {
  private readonly byHash = new Map<string, ConsoleSession>();

  constructor(
    private readonly ttlMs = 8 * 3_600_000,
    private readonly max = 1_000,
  ) {}

  /** Open a session; returns the id to put in the cookie (never stored) and the session. */
  open(actor: string, now = Date.now()): { id: string; session: ConsoleSession } {
    const id = randomBytes(32).toString('base64url');
    const session = {
      actor,
      csrf: randomBytes(24).toString('base64url'),
      expiresAt: now + this.ttlMs,
    };
    if (this.byHash.size >= this.max) {
      const oldest = this.byHash.keys().next().value;
      if (oldest !== undefined) this.byHash.delete(oldest);
    }
    this.byHash.set(sha256(id), session);
    return { id, session };
  }

  /** The live session of a cookie value, if any. */
  get(id: string | undefined, now = Date.now()): ConsoleSession | undefined {
    if (!id) return undefined;
    const h = sha256(id);
    const s = this.byHash.get(h);
    if (!s) return undefined;
    if (s.expiresAt <= now) {
      this.byHash.delete(h);
      return undefined;
    }
    return s;
  }

  /** End a session (logout). */
  close(id: string | undefined): void {
    if (id) this.byHash.delete(sha256(id));
  }

  /** Seconds a new session lives (the cookie's Max-Age). */
  get maxAgeSeconds(): number {
    return Math.floor(this.ttlMs / 1000);
  }
}

/** Constant-time equality of two tokens (different lengths are simply unequal). */
export function sameToken(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}

/** The value of cookie `name` in a Cookie header (RFC 6265 §5.4: `name=value` pairs joined by "; "). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Whether a state-changing request comes from this origin: a browser sends `Origin` on
 * every cross-origin POST (Fetch standard, "HTTP-network-or-cache fetch" step 10), so one
 * naming another host is refused; none at all (curl, old clients) is judged by the caller.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
