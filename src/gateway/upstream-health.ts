import type { Upstream } from './upstream.js';

/** The last check of one upstream. */
export interface UpstreamStatus {
  ok: boolean;
  kind: string;
  /** What the check found, in words (`HTTP 200`, `unreachable: ECONNREFUSED`, `built in`). */
  detail: string;
  /** Epoch ms of the last check; null before the first one ends. */
  checkedAt: number | null;
}

type Probe = NonNullable<Upstream['probe']>;

/**
 * Upstream health for `/readyz`: every `intervalMs` each HTTP upstream is probed with one
 * cheap request (`GET {baseUrl}/models`, bounded by `timeoutMs`); the built-in demo model is
 * always up. Probes run off the request path — readiness reads the last results.
 * @example const h = new UpstreamHealth(router.allUpstreams(), { intervalMs: 15_000, timeoutMs: 5_000 }); h.start();
 */
export class UpstreamHealth {
  private readonly status = new Map<string, UpstreamStatus>();
  private readonly probes = new Map<string, Probe>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    upstreams: readonly Upstream[],
    private readonly opts: { intervalMs: number; timeoutMs: number },
  ) {
    for (const u of upstreams) {
      if (u.probe) {
        this.probes.set(u.name, (signal) => u.probe!(signal));
        // Ready until the first check (milliseconds after start) says otherwise.
        this.status.set(u.name, {
          ok: true,
          kind: u.kind,
          detail: 'not checked yet',
          checkedAt: null,
        });
      } else
        this.status.set(u.name, { ok: true, kind: u.kind, detail: 'built in', checkedAt: null });
    }
  }

  /** Check now, then every interval (the timer does not keep the process alive). */
  start(): void {
    if (this.probes.size === 0 || this.timer) return;
    void this.checkNow();
    this.timer = setInterval(() => void this.checkNow(), this.opts.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Probe every HTTP upstream once (a check already running is joined, not repeated). */
  checkNow(): Promise<void> {
    this.running ??= Promise.all(
      [...this.probes].map(async ([name, probe]) => {
        const prev = this.status.get(name)!;
        let r: { ok: boolean; detail: string };
        try {
          r = await probe(AbortSignal.timeout(this.opts.timeoutMs));
        } catch {
          r = { ok: false, detail: 'unreachable' };
        }
        this.status.set(name, { ...prev, ...r, checkedAt: Date.now() });
      }),
    ).then(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** The last status of every upstream, by name. */
  report(): Record<string, UpstreamStatus> {
    return Object.fromEntries(this.status);
  }

  /** Whether at least one of `names` (the upstreams routes use) is up. */
  anyUp(names: Iterable<string>): boolean {
    for (const n of names) if (this.status.get(n)?.ok) return true;
    return false;
  }
}
