import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import type { MoatConfig } from '../config/config.js';
import { adminRoutes, type AdminHooks } from '../console/admin.js';
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

/** Options for tests and embedders. */
export interface AppOptions {
  logger?: Logger;
  extensions?: (core: Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>) => Promise<Extension[]> | Extension[];
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
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', '*.apiKey', '*.key', '*.secret'], censor: '[redacted]' },
    });
  const store = await openStore(config);
  const keys = new KeyService(store, config.keyPepper ? Buffer.from(config.keyPepper) : loadOrCreateSecret(config.dataDirAbs, 'key-pepper'));
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
  for (const v of await store.listVerdicts({ minLevel: 'allow', limit: 1_000_000 })) verdicts.put(v);

  let sync: RedisVerdictSync | undefined;
  if (config.redis.url) {
    sync = new RedisVerdictSync(config.redis.url, config.redis.prefix, verdicts, (err) => logger.warn({ err }, 'redis verdict sync'));
    await sync.start();
  }

  // Filled once extensions exist; verdicts applied before that (none) skip them.
  const adjusters: Array<(v: Verdict) => Verdict> = [];
  const watchers: Array<(changes: Array<{ verdict: Verdict; from: Level }>) => void> = [];
  const applyVerdicts = (input: Verdict[]) => {
    const list = adjusters.length ? input.map((v) => adjusters.reduce((acc, f) => f(acc), v)) : input;
    const changes = list.map((verdict) => ({ verdict, from: verdicts.verdict(verdict.account).level }));
    for (const v of list) verdicts.put(v);
    for (const w of watchers) {
      try {
        w(changes);
      } catch (err) {
        logger.error({ err }, 'verdict watcher failed');
      }
    }
    sync?.publishVerdicts(list).catch((err: unknown) => logger.error({ err }, 'could not share verdicts'));
    store.putVerdicts(list).catch((err: unknown) => logger.error({ err }, 'could not persist verdicts'));
    const counts = verdicts.counts();
    for (const [level, n] of Object.entries(counts)) metrics.verdictLevels.set({ level }, n);
  };

  bus.subscribe(async (batch) => {
    try {
      await store.insertEvents(batch);
      metrics.eventsPersisted.inc(batch.length);
    } catch (err) {
      logger.error({ err, events: batch.length }, 'could not persist telemetry batch');
    }
    metrics.eventsDropped.set(bus.dropped);
  }, { group: 'moat-store-writer' });

  const upstreams = new Map<string, Upstream>();
  for (const [name, up] of Object.entries(config.upstreams)) upstreams.set(name, createUpstream(name, up, config.demo));
  const router = new ModelRouter(config.models, upstreams);
  // Load the demo model's corpus and tokenizer now rather than on the first request.
  if ([...upstreams.values()].some((u) => u.kind === 'demo')) await preloadDemo();

  const core = { config, store, keys, bus, verdicts, accounts, metrics, logger, applyVerdicts };
  const extensions = (await opts.extensions?.(core)) ?? [];
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
  const hooks = mergeHooks([coreHooks, ...extensions.flatMap((e) => (e.adminHooks ? [e.adminHooks] : []))]);
  const server = await buildServer({
    router,
    bus,
    metrics,
    keys,
    verdicts,
    logger,
    log: logger,
    storeText: config.telemetry.storeText,
    bodyLimitBytes: config.bodyLimitBytes,
    maxHeaderCount: config.maxHeaderCount,
    guards: extensions.flatMap((e) => e.guards ?? []),
    finishers: extensions.flatMap((e) => e.finishers ?? []),
    stageFactories: extensions.flatMap((e) => e.stageFactories ?? []),
    plugins: [
      adminRoutes({
        adminToken: config.adminTokenResolved,
        store,
        keys,
        verdicts,
        hooks,
        applyVerdicts,
        plugins: extensions.flatMap((e) => e.adminPlugins ?? []),
      }),
      ...extensions.flatMap((e) => e.plugins ?? []),
    ],
    ready: async () => {
      const ok = await store.ping().catch(() => false);
      return { ok, detail: ok ? `store ${store.kind} ok` : `store ${store.kind} unreachable` };
    },
    metricsText: () => metrics.registry.metrics(),
  });

  let closed = false;
  return {
    ...core,
    server,
    flushTelemetry: async () => {
      if (bus instanceof MemoryBus) return bus.drain();
      await bus.flush();
      // Give consumers one fetch cycle to deliver what JetStream holds.
      await new Promise((r) => setTimeout(r, config.telemetry.flushMs * 2 + 50));
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await bus.close();
      for (const ext of extensions.reverse()) await ext.close?.().catch((err: unknown) => logger.error({ err, ext: ext.name }, 'close failed'));
      await router.close();
      await sync?.close();
      await store.close();
    },
  };
}
