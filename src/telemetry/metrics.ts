import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics, on their own registry (GET /metrics). */
export interface GatewayMetrics {
  registry: Registry;
  requests: Counter<'endpoint' | 'status' | 'action'>;
  latency: Histogram<'endpoint' | 'stream'>;
  upstreamErrors: Counter<'upstream' | 'code'>;
  tokens: Counter<'direction'>;
  eventsDropped: Gauge;
  eventsPersisted: Counter;
  verdictLevels: Gauge<'level'>;
  /** Model requests being served now; the hot path counts here, the gauge reads it on scrape. */
  active: { requests: number };
}

/** Create the metric set; `defaults` adds Node process metrics. */
export function createMetrics(defaults = true): GatewayMetrics {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'moat_' });
  const active = { requests: 0 };
  new Gauge({
    name: 'moat_requests_in_flight',
    help: 'Model API requests accepted and not yet ended (a value that never returns to 0 when idle is a leak)',
    registers: [registry],
    collect() {
      this.set(active.requests);
    },
  });
  return {
    registry,
    active,
    requests: new Counter({
      name: 'moat_requests_total',
      help: 'Model API requests by endpoint, HTTP status and ladder action',
      labelNames: ['endpoint', 'status', 'action'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'moat_request_duration_seconds',
      help: 'Time from arrival to the last byte sent',
      labelNames: ['endpoint', 'stream'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'moat_upstream_errors_total',
      help: 'Upstream failures by upstream and error code',
      labelNames: ['upstream', 'code'],
      registers: [registry],
    }),
    tokens: new Counter({
      name: 'moat_tokens_total',
      help: 'Tokens served, by direction (input/output)',
      labelNames: ['direction'],
      registers: [registry],
    }),
    eventsDropped: new Gauge({
      name: 'moat_telemetry_events_dropped',
      help: 'Telemetry events dropped: the bus buffer was full, the event could not be serialised, or the store refused it alone',
      registers: [registry],
    }),
    eventsPersisted: new Counter({
      name: 'moat_telemetry_events_persisted_total',
      help: 'Telemetry events written to the durable store',
      registers: [registry],
    }),
    verdictLevels: new Gauge({
      name: 'moat_accounts_by_level',
      help: 'Accounts currently at each ladder level (from the verdict cache)',
      labelNames: ['level'],
      registers: [registry],
    }),
  };
}
