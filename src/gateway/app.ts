import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { MoatConfig } from '../config/config.js';
import type { AdminDeps, AdminHooks } from './admin-api.js';
import { KeyService } from '../identity/keys.js';
import { loadOrCreateSecret } from '../identity/secrets.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import type { EventBus } from '../telemetry/bus.js';
import type { Level, TelemetryEvent, Verdict } from '../telemetry/event.js';
import { MemoryBus } from '../telemetry/memory/memory-bus.js';
import { NatsBus } from '../telemetry/nats/nats-bus.js';
import { createMetrics, type GatewayMetrics } from '../telemetry/metrics.js';
import type { Finisher, Guard } from './context.js';
import { ModelRouter } from './router.js';
import { buildServer } from './server.js';
import type { StageFactory } from './stages.js';
import type { Upstream } from './upstream.js';
import { createUpstream, preloadDemo } from './upstream/index.js';
import { VerdictCache } from './verdict-cache.js';
import { AccountCache } from './account-cache.js';
import { RedisVerdictSync } from './verdict-sync/redis.js';
import { metricsListener, type MetricsListener } from './metrics-listener.js';
import { metricsAuthorizer } from './server.js';
import { startRetention } from './retention.js';
import { UpstreamHealth } from './upstream-health.js';

/** How often, and how patiently, each HTTP upstream is probed for /readyz. */
const UPSTREAM_CHECK = { intervalMs: 15_000, timeoutMs: 5_000 };

/** The running gateway and what it is made of. */
export interface MoatApp {
  config: MoatConfig;
  server: FastifyInstance;
  store: Store;
  keys: KeyService;
  bus: EventBus;
  verdicts: VerdictCache;
  /** Tier, verification and limit overrides per account, for every extension's guards. */
  accounts: AccountCache;
  metrics: GatewayMetrics;
  logger: Logger;
  /** Apply verdicts from the detector: cache (hot path), store, metrics. */
  applyVerdicts(v: Verdict[]): void;
  /** Deliver queued telemetry to the store now (tests, shutdown). */
  flushTelemetry(): Promise<void>;
  /** Each upstream's last health check (the console's overview; issue 17). */
  upstreamHealth?: () => Record<string, unknown>;
  /** URL of the separate /metrics listener (`metrics.port`) once the server listens; else undefined. */
  metricsUrl?: () => string | undefined;
  close(): Promise<void>;
}

/** What a module adds to the gateway when it is wired in. */
export interface Extension {
  name: string;
  guards?: Guard[];
  stageFactories?: StageFactory[];
  finishers?: Finisher[];
  plugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
  /** Routes mounted under /admin/v1, behind the admin token. */
  adminPlugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
  adminHooks?: AdminHooks;
  /**
   * Adjusts a verdict before it takes effect (exemptions, contract floors); runs in
   * extension order on every verdict from the detector or signup hygiene.
   */
  adjustVerdict?: (v: Verdict) => Verdict;
  /** Sees every verdict that took effect, with the level it replaced. */
  onVerdicts?: (changes: Array<{ verdict: Verdict; from: Level }>) => void;
  /** Receives every telemetry batch (off the request path). */
  onEvents?: (batch: TelemetryEvent[]) => void | Promise<void>;
  close?: () => Promise<void>;
}

export type { AdminDeps, AdminHooks } from './admin-api.js';

/** What extensions are built from: the running gateway before its server exists. */
export type AppCore = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * The admin API the gateway mounts under /admin/v1 (issue 15: given to it, never imported
 * from console/): console/'s `consoleAdmin` in `moat serve`, `createApp` from 'moat' and
 * the test gateway.
 */
export interface AdminApi {
  /** The routes, behind the admin token, with every extension's `adminPlugins`. */
  routes(deps: AdminDeps): (app: FastifyInstance) => Promise<void> | void;
  /** Wired after the caller's extensions, whatever they are (the console's data; issue 17). */
  extension?(core: AppCore): Extension;
}

/** Options for tests and embedders. */
export interface AppOptions {
  logger?: Logger;
  extensions?: (core: AppCore) => Promise<Extension[]> | Extension[];
  /** The admin API; without it the gateway serves no /admin/v1 and mounts no `adminPlugins`. */
  admin?: AdminApi;
}

function mergeHooks(list: AdminHooks[]): AdminHooks {
  return {
    accountCreated: async (acct) => {
      let verdict: Verdict | undefined;
      for (const h of list) {
        const v = await h.accountCreated?.(acct);
        if (v && (!verdict || v.score > verdict.score)) verdict = v;
      }
      return verdict;
    },
    audit: async (e) => {
      for (const h of list) await h.audit?.(e);
    },
    pinChanged: async (a) => {
      for (const h of list) await h.pinChanged?.(a);
    },
    limitsChanged: async (a) => {
      for (const h of list) await h.limitsChanged?.(a);
    },
    accountVerified: async (a) => {
      for (const h of list) await h.accountVerified?.(a);
    },
  };
}

/**
 * Assemble the gateway from its config: store, keys, telemetry bus and writer, verdict
 * cache, upstreams and routes, plus whatever extensions (detector, limits, ladder,
 * provenance, fingerprints…) the caller wires in.
 */
export async function createApp(config: MoatConfig, opts: AppOptions = {}): Promise<MoatApp> {
  const logger =
    opts.logger ??
    pino({
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          '*.apiKey',
          '*.key',
          '*.secret',
        ],
        censor: '[redacted]',
      },
    });
  const store = await openStore(config, {
    onError: (err) => logger.error({ err }, 'database pool error'),
  });
  const keys = new KeyService(
    store,
    config.keyPepper
      ? Buffer.from(config.keyPepper)
      : loadOrCreateSecret(config.dataDirAbs, 'key-pepper'),
  );
  const metrics = createMetrics();
  const onBusError = (err: unknown) => logger.error({ err }, 'telemetry bus');
  const bus: MemoryBus | NatsBus = config.nats.url
    ? await NatsBus.connect({
        url: config.nats.url,
        stream: config.nats.stream,
        batchSize: config.telemetry.batchSize,
        flushMs: config.telemetry.flushMs,
        maxPending: config.telemetry.bufferSize,
        onError: onBusError,
      })
    : new MemoryBus({
        capacity: config.telemetry.bufferSize,
        batchSize: config.telemetry.batchSize,
        flushMs: config.telemetry.flushMs,
        onError: onBusError,
      });
  const verdicts = new VerdictCache();
  const accounts = new AccountCache(store);
  for (const { account, pin } of await store.listPins()) verdicts.setPin(account, pin);
  for (const v of await store.listVerdicts({ minLevel: 'allow', limit: 1_000_000 }))
    verdicts.put(v);

  let sync: RedisVerdictSync | undefined;
  if (config.redis.url) {
    sync = new RedisVerdictSync(config.redis.url, config.redis.prefix, verdicts, (err) =>
      logger.warn({ err }, 'redis verdict sync'),
    );
    await sync.start();
  }

  // Filled once extensions exist; verdicts applied before that (none) skip them.
  const adjusters: Array<(v: Verdict) => Verdict> = [];
  const watchers: Array<(changes: Array<{ verdict: Verdict; from: Level }>) => void> = [];
  const applyVerdicts = (input: Verdict[]) => {
    const list = adjusters.length
      ? input.map((v) => adjusters.reduce((acc, f) => f(acc), v))
      : input;
    const changes = list.map((verdict) => ({
      verdict,
      from: verdicts.verdict(verdict.account).level,
    }));
    for (const v of list) verdicts.put(v);
    for (const w of watchers) {
      try {
        w(changes);
      } catch (err) {
        logger.error({ err }, 'verdict watcher failed');
      }
    }
    sync
      ?.publishVerdicts(list)
      .catch((err: unknown) => logger.error({ err }, 'could not share verdicts'));
    store
      .putVerdicts(list)
      .catch((err: unknown) => logger.error({ err }, 'could not persist verdicts'));
  };

  // Events the store refused one by one (the bus counts those it could not queue).
  let storeDropped = 0;
  bus.subscribe(
    async (batch) => {
      try {
        await store.insertEvents(batch);
        metrics.eventsPersisted.inc(batch.length);
      } catch (err) {
        // One bad event must not cost the batch (other accounts' events with it): store them
        // one at a time and drop only those the store refuses (issue 14).
        logger.error(
          { err, events: batch.length },
          'could not persist telemetry batch; retrying its events one by one',
        );
        for (const e of batch) {
          try {
            await store.insertEvents([e]);
            metrics.eventsPersisted.inc();
          } catch (one) {
            storeDropped++;
            logger.error(
              { err: one, requestId: e.requestId, account: e.account },
              'telemetry event dropped: the store refused it',
            );
          }
        }
      }
      metrics.eventsDropped.set(bus.dropped + storeDropped);
    },
    { group: 'moat-store-writer' },
  );
  const retention = startRetention(store, config.telemetry, logger);

  const upstreams = new Map<string, Upstream>();
  for (const [name, up] of Object.entries(config.upstreams))
    upstreams.set(name, createUpstream(name, up, config.demo));
  const router = new ModelRouter(config.models, upstreams);
  // Readiness sees the upstreams the routes use (issue 16: ready while every one was down).
  const health = new UpstreamHealth(router.allUpstreams(), UPSTREAM_CHECK);
  const routed = new Set(config.models.map((m) => m.upstream));
  health.start();
  // Load the demo model's corpus and tokenizer now rather than on the first request.
  if ([...upstreams.values()].some((u) => u.kind === 'demo')) await preloadDemo();

  const core = {
    config,
    store,
    keys,
    bus,
    verdicts,
    accounts,
    metrics,
    logger,
    applyVerdicts,
    upstreamHealth: () => health.report(),
  };
  // The admin API's own extension (the analyst console's data) comes with it, whatever else is wired (issue 17).
  const adminExtension = opts.admin?.extension?.(core);
  const extensions = [
    ...((await opts.extensions?.(core)) ?? []),
    ...(adminExtension ? [adminExtension] : []),
  ];
  for (const ext of extensions) {
    if (ext.onEvents) bus.subscribe(ext.onEvents, { group: `moat-${ext.name}` });
    if (ext.adjustVerdict) adjusters.push(ext.adjustVerdict);
    if (ext.onVerdicts) watchers.push(ext.onVerdicts);
  }

  const coreHooks: AdminHooks = {
    pinChanged: async (account) => {
      await sync?.publishPin(account, verdicts.pin(account));
    },
    limitsChanged: (account) => accounts.invalidate(account),
    accountVerified: (account) => accounts.invalidate(account),
  };
  const hooks = mergeHooks([
    coreHooks,
    ...extensions.flatMap((e) => (e.adminHooks ? [e.adminHooks] : [])),
  ]);
  const metricsAllowed = metricsAuthorizer(config.metrics.auth, config.adminTokenResolved);
  const metricsText = () => {
    metrics.eventsDropped.set(bus.dropped + storeDropped);
    // Levels in force at scrape time (issue 15): tier caps and pins applied, so a policy
    // reload or an expired pin shows without waiting for the detector's next verdict.
    for (const [level, n] of Object.entries(verdicts.counts()))
      metrics.verdictLevels.set({ level }, n);
    return metrics.registry.metrics();
  };
  const metricsSrv: MetricsListener | undefined =
    config.metrics.port === undefined
      ? undefined
      : metricsListener({
          host: config.metrics.host,
          port: config.metrics.port,
          allowed: metricsAllowed,
          text: metricsText,
          headersTimeoutMs: config.http.headersTimeoutMs,
        });
  const server = await buildServer({
    router,
    bus,
    metrics,
    keys,
    verdicts,
    logger,
    log: logger,
    storeText: config.telemetry.storeText,
    refusedBodyBytes: config.telemetry.refusedBodyBytes,
    bodyLimitBytes: config.bodyLimitBytes,
    maxHeaderCount: config.maxHeaderCount,
    maxJsonDepth: config.maxJsonDepth,
    http: config.http,
    metricsAccess: {
      onApiListener: metricsSrv === undefined,
      auth: config.metrics.auth,
      adminToken: config.adminTokenResolved,
    },
    guards: extensions.flatMap((e) => e.guards ?? []),
    finishers: extensions.flatMap((e) => e.finishers ?? []),
    stageFactories: extensions.flatMap((e) => e.stageFactories ?? []),
    plugins: [
      ...(opts.admin
        ? [
            opts.admin.routes({
              adminToken: config.adminTokenResolved,
              store,
              keys,
              verdicts,
              hooks,
              applyVerdicts,
              plugins: extensions.flatMap((e) => e.adminPlugins ?? []),
            }),
          ]
        : []),
      ...extensions.flatMap((e) => e.plugins ?? []),
    ],
    ready: async () => {
      const db = await store.health().catch((err: unknown) => ({
        ok: false,
        lastError: { message: String(err), at: Date.now() },
      }));
      const storeOk = db.ok;
      const report = health.report();
      const used = [...routed].filter((n) => report[n]);
      const up = used.filter((n) => report[n]!.ok).length;
      const upstreamsOk = used.length === 0 || up > 0;
      const detail = !storeOk
        ? `store ${store.kind} unreachable`
        : upstreamsOk
          ? `store ${store.kind} ok; ${up} of ${used.length} upstreams up`
          : `every upstream is down (${used.length})`;
      return {
        ok: storeOk && upstreamsOk,
        detail,
        checks: {
          store: storeOk ? 'ok' : 'unreachable',
          // When the database pool last failed (issue 15: no longer swallowed; the message,
          // which may name a host, goes to the log only), so a flapping database shows.
          ...(db.lastError ? { storeLastErrorAt: new Date(db.lastError.at).toISOString() } : {}),
          upstreams: { up, total: used.length },
        },
        upstreams: Object.fromEntries(used.map((n) => [n, report[n]!])),
      };
    },
    metricsText,
  });
  if (metricsSrv) {
    // With the API listener: started before it listens, closed with it.
    server.addHook('onReady', async () => {
      await metricsSrv.listen();
    });
    server.addHook('onClose', async () => metricsSrv.close());
  }

  let closed = false;
  return {
    ...core,
    server,
    metricsUrl: () => metricsSrv?.url(),
    flushTelemetry: async () => {
      if (bus instanceof MemoryBus) return bus.drain();
      await bus.flush(config.telemetry.flushTimeoutMs);
      // Give consumers one fetch cycle to deliver what JetStream holds.
      await new Promise((r) => setTimeout(r, config.telemetry.flushMs * 2 + 50));
    },
    async close() {
      if (closed) return;
      closed = true;
      retention.stop();
      health.stop();
      await server.close();
      // Bounded: a store or NATS server that stopped answering must not keep the process
      // alive after SIGTERM (issue 14: still alive 15 minutes later).
      const busClosed =
        bus instanceof NatsBus ? bus.close(config.telemetry.flushTimeoutMs) : bus.close();
      const gaveUp = await Promise.race([
        busClosed.then(() => false),
        new Promise<boolean>((r) =>
          setTimeout(() => r(true), config.telemetry.flushTimeoutMs + 1_000).unref(),
        ),
      ]);
      if (gaveUp)
        logger.error(
          { timeoutMs: config.telemetry.flushTimeoutMs },
          'telemetry not flushed in time on shutdown; queued events are lost',
        );
      for (const ext of extensions.reverse())
        await ext
          .close?.()
          .catch((err: unknown) => logger.error({ err, ext: ext.name }, 'close failed'));
      await router.close();
      await sync?.close();
      await store.close();
    },
  };
}
