import type { Extension, MoatApp } from '../gateway/app.js';
import { startDetectorWorker } from '../engine/worker.js';
import { SignupHygiene } from '../identity/hygiene/hygiene.js';
import { eachAccount, type StoredAccount } from '../store/store.js';
import type { AccountRecord } from '../telemetry/event.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/** An account as signup hygiene reads it (also used by remote-detection.ts). */
export function toSignup(a: StoredAccount) {
  return {
    id: a.id,
    createdAt: a.createdAt,
    email: a.email,
    signupIp: a.signupIp,
    paymentFingerprint: a.paymentFingerprint,
    country: a.country?.toUpperCase(),
    route: a.route?.toLowerCase(),
    clientFingerprint:
      typeof a['clientFingerprint'] === 'string' ? a['clientFingerprint'] : undefined,
    verified: a.verified !== undefined,
  };
}

/**
 * The live detector (issue 3) in a worker thread, fed by the telemetry bus, and signup
 * hygiene (issue 5) at account creation; links found at signup go to the detector's
 * clusters, verdicts come back into the gateway's verdict cache.
 */
export async function detectionExtension(core: Core): Promise<Extension> {
  const { config, store, logger } = core;
  const worker = startDetectorWorker(
    config.detect,
    (v) => core.applyVerdicts(v),
    (err) => logger.error({ err }, 'detector worker failed'),
  );
  const hygiene = new SignupHygiene(config.identity);

  const admit = (a: StoredAccount) => {
    worker.addAccount(a as AccountRecord);
    const v = hygiene.validate(toSignup(a));
    if (!v.ok) {
      logger.warn({ account: a.id, problem: v.error.message }, 'signup metadata not assessed');
      return undefined;
    }
    const res = hygiene.assess(v.value);
    for (const l of res.links) worker.addLink(l.a, l.b, l.kind, l.detail);
    if (res.updated.length) core.applyVerdicts(res.updated);
    return res;
  };

  // Rebuild signup links and the detector's account table from the store.
  const all: StoredAccount[] = [];
  for await (const a of eachAccount(store)) all.push(a);
  all.sort((x, y) => x.createdAt - y.createdAt);
  for (const a of all) admit(a);

  return {
    name: 'detection',
    onEvents: (batch) => worker.push(batch),
    adminHooks: {
      async accountVerified(account) {
        hygiene.verify(account);
        // A verified organisation goes to review instead of the automatic ladder above
        // monitor (issue 13): the detector learns it from the account record.
        const a = await store.getAccount(account);
        if (a) worker.addAccount(a as AccountRecord);
      },
      accountCreated(account) {
        const res = admit(account);
        return res && res.verdict.level !== 'allow'
          ? res.verdict
          : res?.verdict.reasons.length
            ? res.verdict
            : undefined;
      },
    },
    close: () => worker.close(),
  };
}
