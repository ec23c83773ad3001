/** The limiter's Redis failure counter, registered once per registry. */
import { Counter, type Registry } from 'prom-client';

/** `moat_limiter_failures_total{op,mode}`. */
export type FailureCounter = Counter<'op' | 'mode'>;

const NAME = 'moat_limiter_failures_total';

/** The failure counter on `registry`, created on first use (several limiters may share it). */
export function failureCounter(registry: Registry): FailureCounter {
  const existing = registry.getSingleMetric(NAME);
  if (existing) return existing as FailureCounter;
  return new Counter({
    name: NAME,
    help: 'Limiter operations decided by the fail mode because Redis was unreachable or slow.',
    labelNames: ['op', 'mode'],
    registers: [registry],
  });
}
