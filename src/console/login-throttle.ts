import { prefixOf } from '../net/ip.js';

/** Limits of console sign-in failures. */
export interface LoginThrottleOptions {
  /** Failed sign-ins one client may make in `windowMs` before it is locked out. */
  perClient: number;
  /** Failed sign-ins from all clients together in `windowMs` before everyone is locked out. */
  global: number;
  /** How long failures are remembered (counted from the first of a run). */
  windowMs: number;
  /** The first lockout; each further failure in the window doubles it. */
  baseLockMs: number;
  /** The longest lockout. */
  maxLockMs: number;
  /** Clients tracked at most (the oldest is forgotten first): bounded memory under a spray. */
  maxClients: number;
}

/** 5 failures per address in 15 minutes, 50 from everyone; locked 30 s, doubling, at most 15 minutes. */
export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleOptions = {
  perClient: 5,
  global: 50,
  windowMs: 15 * 60_000,
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  maxClients: 10_000,
};

interface Run {
  failures: number;
  first: number;
  lockedUntil: number;
}

/** Whether a sign-in may be tried now; when not, for how long and whose limit it is. */
export type LoginGate =
  { ok: true } | { ok: false; retryAfterMs: number; scope: 'client' | 'global' };

/** What one failure did: the failures counted in the window, and the lockout it started, if any. */
export interface LoginFailure {
  failures: number;
  globalFailures: number;
  lockedMs: number | undefined;
  scope: 'client' | 'global' | undefined;
}

/**
 * The client key of a sign-in: the peer address, IPv6 by its /64 (one host's usual
 * allocation, RFC 6177), so an attacker cannot step through the addresses of one subnet.
 * Behind a reverse proxy every sign-in shares the proxy's address, which makes the
 * per-client limit a second global one.
 * @example loginClient('2001:db8::1') // '2001:db8::/64'
 */
export function loginClient(address: string | undefined): string {
  const p = prefixOf(address, 32, 64);
  return p ? p.replace(/\/32$/, '') : (address ?? 'unknown');
}

/**
 * Failed console sign-ins, per client and from everyone, with exponential backoff: after
 * `perClient` failures in the window a client is refused for `baseLockMs`, doubled by each
 * failure after that (OWASP Authentication Cheat Sheet, "Login throttling"); after `global`
 * failures from all clients every sign-in is. While locked out nothing is compared with the
 * token, so a lockout says nothing about it. A success clears the client's run.
 * @example
 * const t = new LoginThrottle();
 * const gate = t.check(client);
 * if (!gate.ok) reply 429 with Retry-After: Math.ceil(gate.retryAfterMs / 1000)
 * else if (wrong) t.failed(client); else t.succeeded(client);
 */
export class LoginThrottle {
  private readonly clients = new Map<string, Run>();
  private everyone: Run = { failures: 0, first: 0, lockedUntil: 0 };
  private readonly opts: LoginThrottleOptions;

  constructor(opts: Partial<LoginThrottleOptions> = {}) {
    this.opts = { ...LOGIN_THROTTLE_DEFAULTS, ...opts };
  }

  /** Whether `client` may try a sign-in at `now`. */
  check(client: string, now = Date.now()): LoginGate {
    if (this.everyone.lockedUntil > now)
      return { ok: false, retryAfterMs: this.everyone.lockedUntil - now, scope: 'global' };
    const run = this.clients.get(client);
    if (run && run.lockedUntil > now)
      return { ok: false, retryAfterMs: run.lockedUntil - now, scope: 'client' };
    return { ok: true };
  }

  /** Count a failed sign-in of `client`. */
  failed(client: string, now = Date.now()): LoginFailure {
    let run = this.clients.get(client);
    if (!run || this.expired(run, now)) {
      this.clients.delete(client);
      if (this.clients.size >= this.opts.maxClients) {
        const oldest = this.clients.keys().next().value;
        if (oldest !== undefined) this.clients.delete(oldest);
      }
      run = { failures: 0, first: now, lockedUntil: 0 };
      this.clients.set(client, run);
    }
    if (this.expired(this.everyone, now))
      this.everyone = { failures: 0, first: now, lockedUntil: 0 };
    const mine = this.count(run, this.opts.perClient, now);
    const all = this.count(this.everyone, this.opts.global, now);
    const lockedMs = Math.max(mine ?? 0, all ?? 0) || undefined;
    return {
      failures: run.failures,
      globalFailures: this.everyone.failures,
      lockedMs,
      scope:
        all !== undefined && all >= (mine ?? 0)
          ? 'global'
          : mine !== undefined
            ? 'client'
            : undefined,
    };
  }

  /** A correct token: the client's failures are forgiven (the global count is not). */
  succeeded(client: string): void {
    this.clients.delete(client);
  }

  private expired(run: Run, now: number): boolean {
    return now - run.first > this.opts.windowMs && run.lockedUntil <= now;
  }

  /** Count one failure in `run`; returns the lockout it starts once past `limit`. */
  private count(run: Run, limit: number, now: number): number | undefined {
    run.failures++;
    if (run.failures < limit) return undefined;
    const ms = Math.min(
      this.opts.maxLockMs,
      this.opts.baseLockMs * 2 ** Math.min(30, run.failures - limit),
    );
    run.lockedUntil = now + ms;
    return ms;
  }
}
