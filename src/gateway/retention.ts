import type { Store } from '../store/store.js';

const DAY_MS = 86_400_000;

/**
 * Delete telemetry events older than `retentionDays`, at start and every
 * `retentionSweepMs` after (SQLite and PostgreSQL alike; with several replicas each one
 * sweeps, which is harmless). `retentionDays: 0` keeps events forever.
 * @example const r = startRetention(store, config.telemetry, logger); … r.stop();
 */
export function startRetention(
  store: Pick<Store, 'deleteEventsBefore'>,
  cfg: { retentionDays: number; retentionSweepMs: number },
  log: { info(obj: unknown, msg?: string): void; error(obj: unknown, msg?: string): void },
  now: () => number = Date.now,
): { sweep(): Promise<number>; stop(): void } {
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    if (cfg.retentionDays <= 0) return Promise.resolve(0);
    running ??= (async () => {
      const before = now() - cfg.retentionDays * DAY_MS;
      try {
        const n = await store.deleteEventsBefore(before);
        if (n > 0) log.info({ deleted: n, before }, 'telemetry retention: old events deleted');
        return n;
      } catch (err) {
        log.error({ err }, 'telemetry retention sweep failed');
        return 0;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const timer =
    cfg.retentionDays > 0 ? setInterval(() => void sweep(), cfg.retentionSweepMs) : undefined;
  timer?.unref();
  // The first sweep waits a moment: start-up has enough to do.
  const first =
    cfg.retentionDays > 0
      ? setTimeout(() => void sweep(), Math.min(10_000, cfg.retentionSweepMs))
      : undefined;
  first?.unref();
  return {
    sweep,
    stop() {
      if (timer) clearInterval(timer);
      if (first) clearTimeout(first);
    },
  };
}
