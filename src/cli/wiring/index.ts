import type { AppOptions, Extension } from '../../gateway/app.js';
import { detectionExtension } from './detection.js';
import { fingerprintExtension } from './fingerprint.js';

/**
 * The modules wired into a standard `moat serve`: each returns an Extension (guards,
 * stages, finishers, routes, admin hooks, telemetry consumers).
 */
export const defaultExtensions: NonNullable<AppOptions['extensions']> = async (core) => {
  const list: Extension[] = [fingerprintExtension(core.config), await detectionExtension(core)];
  return list;
};
