import type { Extension, MoatApp } from '../gateway/app.js';
import { MoatError } from '../errors/registry.js';
import { LiveIntel, raisedVerdict, signupVerdict } from '../intel/live.js';
import type { Governance } from '../review/governance.js';
import { PolicyStore } from '../policy/store.js';
import { governedVerdict, reviewLevel } from '../policy/effective.js';
import { usageRoutes } from '../usage/routes.js';
import { organizationAccounts } from '../usage/organization.js';
import { levelRank, type Verdict } from '../telemetry/event.js';
import type { IncidentIndicators } from '../review/incident.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * Governance (issue 7) in the gateway: every admin action and level change in the
 * hash-chained audit log; incidents opened from verdicts; contract exemptions,
 * false-positive exemptions and contract level floors applied to verdicts; shared
 * indicators (STIX imports) matched against live traffic; SLA observations; audit,
 * review, policy and usage routes under /admin/v1.
 */
export async function governanceExtension(core: Core, gov: Governance): Promise<Extension> {
  const { config, store, verdicts, logger, accounts } = core;
  /** The account's tier in the one tier table (issue 15), from its cached record. */
  const tierOf = async (account: string, now = Date.now()) => {
    const info = accounts.peek(account, now) ?? (await accounts.get(account, now));
    return gov.policy.tier({ id: account, tier: info?.tier, verified: info?.verified }, now);
  };
  // Live traffic against the shared indicators; flags expire and are capped per indicator (issue 14).
  const intel = new LiveIntel(
    {
      ttlMs: config.intel.flagTtlHours * 3_600_000,
      maxAccountsPerIndicator: config.intel.maxAccountsPerIndicator,
    },
    (indicator) =>
      logger.warn(
        { indicator, max: config.intel.maxAccountsPerIndicator },
        'shared indicator reached its account cap: further matches ignored',
      ),
  );
  /** An account's indicators: network prefixes, client fingerprints, templates, payment fingerprint. */
  const indicatorsOf = async (account: string): Promise<IncidentIndicators> => {
    const out: IncidentIndicators = { ...intel.indicators(account) };
    const acct = await store.getAccount(account);
    if (acct?.paymentFingerprint) out.paymentFingerprints = [acct.paymentFingerprint];
    return out;
  };
  /**
   * Opens (or folds into) an incident at the account's tier's review level, with the
   * indicators live traffic showed (issue 15: a confirmed live incident exported none).
   */
  const review = async (v: Verdict) => {
    const openAt = reviewLevel(await tierOf(v.account));
    if (levelRank(v.level) < levelRank(openAt)) return;
    await gov.review.onVerdict(v, await indicatorsOf(v.account), openAt);
  };
  const reloadTimer = setInterval(() => {
    gov.reloadIntel().catch((err: unknown) => logger.warn({ err }, 'intel reload failed'));
  }, 60_000);
  reloadTimer.unref();

  type AuditHookEntry = {
    actor: string;
    action: string;
    subject: string;
    reason?: string | undefined;
    data?: unknown;
  };
  const append = (e: AuditHookEntry) =>
    gov.audit.append({
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.data ? { data: e.data as Record<string, unknown> } : {}),
    });
  /**
   * The admin API's audit hook (issue 14): an admin action whose entry cannot be written
   * is not performed (admin.ts audits first, or undoes the action), so this throws.
   */
  const audit = async (e: AuditHookEntry): Promise<void> => {
    try {
      await append(e);
    } catch (err) {
      logger.error({ err, action: e.action }, 'audit append failed: admin action refused');
      throw new MoatError('MOAT_AUDIT_UNAVAILABLE', e.action);
    }
  };

  await append({
    actor: 'system',
    action: 'config.loaded',
    subject: config.source,
    data: {
      store: config.store.kind,
      redis: Boolean(config.redis.url),
      nats: Boolean(config.nats.url),
    },
  }).catch((err: unknown) => logger.error({ err }, 'audit append failed'));

  const adjustVerdict = (v: Verdict): Verdict =>
    governedVerdict(v, {
      exempt: gov.exemptionsFor(v.account, v.updatedAt),
      shared: intel.flagged(v.account, Date.now()),
      floor: (out) => PolicyStore.withFloor(out.level, gov.policy.breachFor(v.account, out)),
    });

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
              data: {
                from: c.from,
                to: c.verdict.level,
                score: c.verdict.score,
                cluster: c.verdict.cluster,
                reasons: c.verdict.reasons,
              },
            })),
          )
          .catch((err: unknown) => logger.error({ err }, 'audit of level changes failed'));
      }
      for (const c of changes) {
        review(c.verdict).catch((err: unknown) => logger.error({ err }, 'review queue failed'));
      }
    },
    async onEvents(batch) {
      const matcher = gov.matcher();
      const raised: Verdict[] = [];
      for (const e of batch) {
        // The account's real tier (issue 15: every request was counted under the default tier).
        gov.sla.observe((await tierOf(e.account)).name, e.response?.latencyMs ?? 0, e.status < 500);
        const reasons = intel.matchEvent(e, matcher, Date.now());
        if (reasons.length === 0) continue;
        raised.push(raisedVerdict(verdicts.verdict(e.account), reasons, e.ts));
      }
      if (raised.length) core.applyVerdicts(raised);
    },
    adminHooks: {
      audit,
      accountCreated(account) {
        const reasons = intel.matchSignup(account, gov.matcher(), Date.now());
        return reasons.length ? signupVerdict(account.id, reasons, Date.now()) : undefined;
      },
    },
    adminPlugins: [
      (admin) => {
        // One tier table (issue 15): an account's tier must be one of its tiers.
        admin.addHook('preHandler', async (req) => {
          if (!/^\/admin\/v1\/accounts(\/|$|\?)/.test(req.url)) return;
          const tier = (req.body as { tier?: unknown } | undefined)?.tier;
          const problem =
            typeof tier === 'string' ? gov.policy.tiers.problem(tier, 'tier') : undefined;
          if (problem) throw new MoatError('MOAT_INVALID_REQUEST', problem, { param: 'tier' });
        });
      },
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
          // Issue 16: without it every organisation report was a 404.
          organizationAccounts: (org) => organizationAccounts(store, org),
        });
      },
    ],
    close: async () => {
      clearInterval(reloadTimer);
      await gov.close();
    },
  };
}
