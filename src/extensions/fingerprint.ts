import type { MoatConfig } from '../config/config.js';
import { createFingerprinter, fingerprintEventFields } from '../fingerprint/fingerprint.js';
import { fingerprintConfigSchema } from '../fingerprint/config.js';
import type { Extension } from '../gateway/app.js';

/**
 * Fingerprint every model request (issue 5) and put the components on its telemetry
 * event. The server-wide `trustedProxies` are added to the fingerprint module's own list.
 */
export function fingerprintExtension(config: MoatConfig): Extension {
  const cfg = fingerprintConfigSchema.parse({
    ...config.fingerprint,
    trustedProxies: [...new Set([...config.trustedProxies, ...config.fingerprint.trustedProxies])],
  });
  const fingerprint = createFingerprinter(cfg);
  return {
    name: 'fingerprint',
    guards: [
      {
        name: 'fingerprint',
        before(ctx) {
          const fp = fingerprint({
            rawHeaders: ctx.raw.rawHeaders,
            httpVersion: ctx.raw.httpVersion,
            remoteAddress: ctx.raw.socket.remoteAddress ?? '',
            bodyKeys: Object.keys(ctx.clientBody),
            body: ctx.clientBody,
          });
          Object.assign(ctx.eventExtras, fingerprintEventFields(fp), { ipPrefix: fp.ipPrefix });
        },
      },
    ],
  };
}
