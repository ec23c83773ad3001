import type { Extension, MoatApp } from '../../gateway/app.js';
import { openGovernance } from '../../review/governance.js';
import { PolicyStore } from '../../policy/store.js';
import { usageRoutes } from '../../usage/routes.js';
import { levelRank, type Reason, type Verdict } from '../../telemetry/event.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * Governance (issue 7) in the gateway: every admin action and level change in the
 * hash-chained audit log; incidents opened from verdicts; contract exemptions,
 * false-positive exemptions and contract level floors applied to verdicts; shared
 * indicators (STIX imports) matched against live traffic; SLA observations; audit,
 * review, policy and usage routes under /admin/v1.
 */
export async function governanceExtension(core: Core): Promise<Extension> {
  const { config, store, verdicts, logger } = core;
  const gov = await openGovernance(config);
  const intelFlagged = new Map<string, Reason[]>();
  const reloadTimer = setInterval(() => {
    gov.reloadIntel().catch((err: unknown) => logger.warn({ err }, 'intel reload failed'));
  }, 60_000);
  reloadTimer.unref();

  const audit = async (e: { actor: string; action: string; subject: string; reason?: string | undefined; data?: unknown }): Promise<void> => {
    await gov.audit
      .append({ actor: e.actor, action: e.action, subject: e.subject, ...(e.reason ? { reason: e.reason } : {}), ...(e.data ? { data: e.data as Record<string, unknown> } : {}) })
      .catch((err: unknown) => logger.error({ err, action: e.action }, 'audit append failed'));
  };

  /** Exempted reasons leave the verdict; with none left it is allow. Contract floors apply after. */
  await audit({ actor: 'system', action: 'config.loaded', subject: config.source, data: { store: config.store.kind, redis: Boolean(config.redis.url), nats: Boolean(config.nats.url) } });

  const adjustVerdict = (v: Verdict): Verdict => {
    let out = v;
    const exempt = gov.exemptionsFor(v.account, v.updatedAt);
    if (exempt.length && v.reasons.some((r) => exempt.includes(r.code))) {
      const reasons = v.reasons.filter((r) => !exempt.includes(r.code));
      out = reasons.length ? { ...v, reasons } : { ...v, reasons, score: 0, level: 'allow' };
    }
    const shared = intelFlagged.get(v.account);
    if (shared && !out.reasons.some((r) => r.code === 'shared_indicator')) {
      out = { ...out, reasons: [...out.reasons, ...shared], level: levelRank(out.level) < levelRank('monitor') ? 'monitor' : out.level };
    }
    const breach = gov.policy.breachFor(v.account, out);
    const floored = PolicyStore.withFloor(out.level, breach);
    return floored === out.level ? out : { ...out, level: floored };
  };

  return {
    name: 'governance',
    adjustVerdict,
    onVerdicts(changes) {
      const moved = changes.filter((c) => c.from !== c.verdict.level);
      if (moved.length) {
        gov.audit
          .appendMany(
            moved.map((c) => ({
              actor: 'detector',
              action: 'level.change',
              subject: c.verdict.account,
              reason: c.verdict.reasons.map((r) => r.code).join(', ') || 'no reasons',
              data: { from: c.from, to: c.verdict.level, score: c.verdict.score, cluster: c.verdict.cluster, reasons: c.verdict.reasons },
            })),
          )
          .catch((err: unknown) => logger.error({ err }, 'audit of level changes failed'));
      }
      for (const c of changes) {
        gov.review.onVerdict(c.verdict).catch((err: unknown) => logger.error({ err }, 'review queue failed'));
      }
    },
    onEvents(batch) {
      const matcher = gov.matcher();
      const raised: Verdict[] = [];
      for (const e of batch) {
        gov.sla.observe(gov.policy.tierName(e.account), e.response?.latencyMs ?? 0, e.status < 500);
        if (intelFlagged.has(e.account)) continue;
        const reasons = matcher.matchIndicators({
          ...(e.ip ? { ip: e.ip } : {}),
          ...(typeof e['ipPrefix'] === 'string' ? { ipPrefix: e['ipPrefix'] } : {}),
          ...(e.fingerprint ? { fingerprint: e.fingerprint } : {}),
        });
        if (reasons.length === 0) continue;
        intelFlagged.set(e.account, reasons);
        const v = verdicts.verdict(e.account);
        raised.push({ ...v, score: Math.max(v.score, ...reasons.map((r) => r.weight)), updatedAt: e.ts });
      }
      if (raised.length) core.applyVerdicts(raised);
    },
    adminHooks: {
      audit,
      accountCreated(account) {
        const reasons = gov.matcher().matchIndicators({
          ...(account.signupIp ? { ip: account.signupIp } : {}),
          ...(account.paymentFingerprint ? { paymentFingerprint: account.paymentFingerprint } : {}),
        });
        if (reasons.length === 0) return undefined;
        intelFlagged.set(account.id, reasons);
        return { account: account.id, score: Math.max(...reasons.map((r) => r.weight)), level: 'monitor', reasons, cluster: null, updatedAt: Date.now() };
      },
    },
    adminPlugins: [
      async (admin) => {
        // A false-positive resolution exempts reasons: put the accounts' verdicts back
        // through the adjusters at once rather than at the detector's next update.
        admin.addHook('onResponse', async (req, reply) => {
          const m = /\/incidents\/([^/]+)\/resolve$/.exec(req.url.split('?')[0] ?? '');
          if (!m || reply.statusCode !== 200) return;
          const incident = await gov.review.get(decodeURIComponent(m[1]!));
          if (incident) core.applyVerdicts(incident.accounts.map((a) => verdicts.verdict(a)));
        });
        await admin.register(gov.routes);
        // After `moat intel import` into the same store: load the new indicators now.
        admin.post('/intel/reload', async () => {
          await gov.reloadIntel();
          await audit({ actor: 'admin', action: 'intel.reloaded', subject: 'intel' });
          return { reloaded: true };
        });
      },
      async (admin) => {
        await admin.register(usageRoutes, {
          events: (q) => store.events(q),
          audit: gov.audit,
          signer: gov.signer,
          currentLevel: async (account) => verdicts.level(account),
        });
      },
    ],
    close: async () => {
      clearInterval(reloadTimer);
      await gov.close();
    },
  };
}
