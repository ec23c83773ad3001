import type { AdminApi, Extension, MoatApp } from '../gateway/app.js';
import { adminRoutes } from './admin.js';
import { consoleApi } from './console-api.js';
import { seedRiskHistory } from './risk-history.js';
import { TrafficRecorder, VerdictHistory } from './traffic.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * The analyst console's data: traffic per minute and per account (from the telemetry bus),
 * each account's risk history (from applied verdicts; after a restart, rebuilt from the
 * audit log's level changes), and the admin routes that serve them
 * (console-api.ts). The console's pages and login are mounted by the admin routes (web.ts).
 */
export function consoleExtension(core: Core, env: NodeJS.ProcessEnv): Extension {
  const traffic = new TrafficRecorder();
  const history = new VerdictHistory();
  const now = Date.now();
  // The last day's traffic and the verdicts in force, so a restart does not blank the plots.
  traffic
    .backfill(core.store, now - 24 * 3_600_000, now)
    .catch((err: unknown) => core.logger.warn({ err }, 'console: traffic backfill failed'));
  // The timelines from the audit log's level changes and the verdicts in force (risk-history.ts).
  seedRiskHistory(core, history, now).catch((err: unknown) =>
    core.logger.warn({ err }, 'console: risk timeline seed failed'),
  );
  return {
    name: 'console',
    onEvents: (batch) => traffic.add(batch),
    onVerdicts: (changes) => history.add(changes.map((c) => c.verdict)),
    adminPlugins: [consoleApi({ core, traffic, history, env })],
  };
}

/**
 * The admin API and the console as the gateway receives them (`AppOptions.admin`, issue 15):
 * the admin routes (accounts, keys, pins, the console's pages and API) and the console's data.
 * @example const app = await createApp(config, { extensions: defaultExtensions, admin: consoleAdmin(process.env) });
 */
export function consoleAdmin(env: NodeJS.ProcessEnv): AdminApi {
  return { routes: adminRoutes, extension: (core) => consoleExtension(core, env) };
}
