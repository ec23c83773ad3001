import type { AppOptions, Extension } from '../../gateway/app.js';
import { detectionExtension } from './detection.js';
import { enforcementExtension } from './enforcement.js';
import { fingerprintExtension } from './fingerprint.js';
import { governanceExtension } from './governance.js';
import { provenanceExtension } from './provenance.js';

/**
 * The modules wired into a standard `moat serve`, in the order their guards run:
 * fingerprint → (limits and ladder) → provenance; the detector consumes telemetry.
 */
export const defaultExtensions: NonNullable<AppOptions['extensions']> = async (core) => {
  const list: Extension[] = [
    fingerprintExtension(core.config),
    await detectionExtension(core),
    await enforcementExtension(core),
    provenanceExtension(core, process.env),
    await governanceExtension(core),
  ];
  return list;
};
