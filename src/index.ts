/**
 * Moat as a library (`import { createApp } from 'moat'`): the gateway with the standard
 * modules, its config, the offline detector and provenance. `moat/client` is the
 * client-side helper that solves proof-of-work challenges.
 * @example
 * const config = loadConfig(process.env);
 * const app = await createApp(config, { extensions: defaultExtensions });
 * await app.server.listen({ port: config.port });
 */
import { createApp as createGateway, type AppOptions, type MoatApp } from './gateway/app.js';
import type { MoatConfig } from './config/config.js';
import { consoleAdmin } from './console/extension.js';

/**
 * The gateway with the admin API and the analyst console mounted (`opts.admin` replaces
 * them); the modules it runs are `opts.extensions` (`defaultExtensions` for `moat serve`'s).
 */
export function createApp(config: MoatConfig, opts: AppOptions = {}): Promise<MoatApp> {
  return createGateway(config, { admin: consoleAdmin(process.env), ...opts });
}
export { type AdminApi, type AppOptions, type Extension, type MoatApp } from './gateway/app.js';
export { loadConfig, ConfigError, type MoatConfig } from './config/config.js';
export { consoleAdmin } from './console/extension.js';
export { defaultExtensions } from './extensions/index.js';
export { analyzeFiles, writeVerdicts } from './engine/offline.js';
export type { Level, TelemetryEvent, Verdict } from './telemetry/event.js';
export * as provenance from './provenance/index.js';
