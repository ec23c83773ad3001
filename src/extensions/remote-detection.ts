import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Extension, MoatApp } from '../gateway/app.js';
import { RedisVerdictInbox } from '../engine/service/redis-outbox.js';
import { SignupHygiene } from '../identity/hygiene/hygiene.js';
import { eachAccount, type StoredAccount } from '../store/store.js';
import { NatsBus } from '../telemetry/nats/nats-bus.js';
import { accountSlot } from '../telemetry/slot.js';
import { toSignup } from './detection.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * `moat serve --no-detector` (issue 18): detection runs in `moat detector` partitions.
 * The gateway still checks signups (hygiene), and sends new account records and the links
 * hygiene finds to the owning partitions over the NATS stream (a link to both accounts'
 * partitions: that is the cross-partition evidence); verdicts come back from the
 * partitions through the Redis verdict stream, each batch applied by one gateway and
 * shared with the rest over the verdict channel.
 */
export async function remoteDetectionExtension(core: Core): Promise<Extension> {
  const { config, store, logger, bus } = core;
  if (!(bus instanceof NatsBus) || !config.redis.url) {
    throw new Error(
      'moat serve --no-detector needs MOAT_NATS_URL (events to the detectors) and MOAT_REDIS_URL (verdicts back); set both, or drop --no-detector to run the embedded detector',
    );
  }
  const hygiene = new SignupHygiene(config.identity);
  const assess = (a: StoredAccount) => {
    const v = hygiene.validate(toSignup(a));
    if (!v.ok) {
      logger.warn({ account: a.id, problem: v.error.message }, 'signup metadata not assessed');
      return undefined;
    }
    return hygiene.assess(v.value);
  };
  // Rebuild the hygiene indexes; the partitions already hold what was sent before (snapshots).
  const all: StoredAccount[] = [];
  for await (const a of eachAccount(store)) all.push(a);
  all.sort((x, y) => x.createdAt - y.createdAt);
  for (const a of all) assess(a);

  const sendAccount = (a: StoredAccount) =>
    bus.publishRecord(
      'accounts',
      a.id,
      a,
      `acct:${a.id}:${a.verified ? 'v' : 'n'}:${String(a['contract'] ?? '')}`,
    );
  const inbox = new RedisVerdictInbox(
    config.redis.url,
    config.redis.prefix,
    `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    (v) => core.applyVerdicts(v),
    (err) => logger.warn({ err }, 'detector verdict stream'),
  );
  await inbox.start();

  return {
    name: 'detection',
    adminHooks: {
      async accountVerified(account) {
        hygiene.verify(account);
        const a = await store.getAccount(account);
        if (a) sendAccount(a);
      },
      accountCreated(account) {
        sendAccount(account);
        const res = assess(account);
        if (!res) return undefined;
        for (const l of res.links) {
          const link = { a: l.a, b: l.b, kind: l.kind, detail: l.detail };
          bus.publishRecord('links', l.a, link, `link:${l.a}:${l.b}:${l.kind}:a`);
          if (accountSlot(l.a) !== accountSlot(l.b))
            bus.publishRecord('links', l.b, link, `link:${l.a}:${l.b}:${l.kind}:b`);
        }
        if (res.updated.length) core.applyVerdicts(res.updated);
        return res.verdict.level !== 'allow' || res.verdict.reasons.length
          ? res.verdict
          : undefined;
      },
    },
    close: () => inbox.close(),
  };
}
