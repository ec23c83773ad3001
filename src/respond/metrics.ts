/** Metrics of the ladder: `moat_actions_total{action}`, on a registry the caller owns. */
import { Counter, type Registry } from 'prom-client';
import type { Level } from '../telemetry/event.js';

const NAME = 'moat_actions_total';

/** Counts actions taken. */
export interface ActionMetrics {
  record(action: Level | 'rate_limited' | 'challenge_solved' | 'challenge_failed'): void;
}

/**
 * The action counter on `registry` (created once; several callers may share it).
 * @example const metrics = createActionMetrics(registry); metrics.record(decision.action);
 */
export function createActionMetrics(registry: Registry): ActionMetrics {
  const counter =
    (registry.getSingleMetric(NAME) as Counter<'action'> | undefined) ??
    new Counter({
      name: NAME,
      help: 'Enforcement actions taken, by action.',
      labelNames: ['action'],
      registers: [registry],
    });
  return { record: (action) => counter.inc({ action }) };
}
