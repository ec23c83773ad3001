import type { AppOptions, Extension } from '../gateway/app.js';
import { detectionExtension } from './detection.js';
import { enforcementExtension } from './enforcement.js';
import { fingerprintExtension } from './fingerprint.js';
import { governanceExtension } from './governance.js';
import { openGovernance } from '../review/governance.js';
import { provenanceExtension } from './provenance.js';
import { openCanaryStore } from './canaries.js';
import { remoteDetectionExtension } from './remote-detection.js';

/**
 * The modules wired into a standard `moat serve`, in the order their guards run:
 * fingerprint → (limits and ladder) → provenance; the detector consumes telemetry.
 */
export const defaultExtensions: NonNullable<AppOptions['extensions']> = (core) =>
  extensionsWith(core, 'embedded');

/** The standard modules with detection in a worker thread (`embedded`) or in `moat detector` processes (`remote`, issue 18). */
export const extensionsFor =
  (detection: 'embedded' | 'remote'): NonNullable<AppOptions['extensions']> =>
  (core) =>
    extensionsWith(core, detection);

async function extensionsWith(
  core: Parameters<NonNullable<AppOptions['extensions']>>[0],
  detection: 'embedded' | 'remote',
) {
  // Opened first: the policy's tier table drives enforcement as well as governance.
  const gov = await openGovernance(core.config);
  const list: Extension[] = [
    fingerprintExtension(core.config),
    detection === 'embedded'
      ? await detectionExtension(core)
      : await remoteDetectionExtension(core),
    await enforcementExtension(core, gov.policy),
    provenanceExtension(core, process.env, await openCanaryStore(core.config)),
    await governanceExtension(core, gov),
  ];
  return list;
}
