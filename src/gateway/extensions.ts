import type { AppOptions, Extension } from './app.js';

/**
 * The modules wired into a standard `moat serve`: each returns an Extension (guards,
 * stages, finishers, routes, admin hooks, telemetry consumers).
 */
export const defaultExtensions: NonNullable<AppOptions['extensions']> = async (_core) => {
  const list: Extension[] = [];
  return list;
};
