import type { FastifyPluginAsync } from 'fastify';
import type { MoatConfig } from '../config/config.js';
import type { AuditLog } from '../audit/log.js';
import type { CheckpointSigner } from '../audit/signer.js';
import { auditSigner, openAuditLog } from '../audit/open.js';
import { auditRoutes } from '../audit/routes.js';
import { PolicyStore, type PolicyAccount } from '../policy/store.js';
import { SlaTracker } from '../policy/sla.js';
import { policyRoutes } from '../policy/routes.js';
import { openIntelStore, loadIndicatorMatcher } from '../intel/open.js';
import { IndicatorMatcher } from '../intel/indicators.js';
import type { IntelStore } from '../intel/store.js';
import { openReviewStore } from './open.js';
import { ReviewQueue } from './queue.js';
import { reviewRoutes } from './routes.js';
import { WebhookNotifier } from './webhook.js';

/** Everything governance, opened from config, for the gateway to wire in. */
export interface Governance {
  audit: AuditLog;
  /** The Ed25519 key of audit checkpoints and usage reports. */
  signer: CheckpointSigner;
  review: ReviewQueue;
  policy: PolicyStore;
  sla: SlaTracker;
  intel: IntelStore;
  /** Live indicator matcher; replaced by `reloadIntel()`. */
  matcher(): IndicatorMatcher;
  reloadIntel(): Promise<void>;
  /** Reason codes to ignore for an account: contract allowances ∪ false-positive exemptions. */
  exemptionsFor(account: PolicyAccount, now?: number): string[];
  /** Registers audit, review and policy admin routes (mount under the admin prefix). */
  routes: FastifyPluginAsync;
  close(): Promise<void>;
}

/**
 * Open the audit log, review queue (with its webhook), policy (loaded, and watched when
 * `audit.policy.watch`), SLA tracker and intel store the config names.
 * Throws when the policy file is invalid, so a bad file stops start-up with its errors.
 * @example const gov = await openGovernance(cfg); app.register(gov.routes, { prefix: '/admin/v1' })
 */
export async function openGovernance(cfg: MoatConfig): Promise<Governance> {
  const audit = await openAuditLog(cfg);
  const signer = auditSigner(cfg);
  const rc = cfg.audit.review;
  const notifier = rc.webhookUrl
    ? new WebhookNotifier(rc.webhookUrl, {
        attempts: rc.webhookAttempts,
        backoffMs: rc.webhookBackoffMs,
        queueSize: rc.webhookQueueSize,
      })
    : undefined;
  const reviewStore = await openReviewStore(cfg);
  const policy = new PolicyStore({
    file: cfg.audit.policy.file,
    audit,
    fallbackTiers: {
      limits: { defaultTier: cfg.limits.defaultTier, tiers: cfg.limits.tiers },
      reviewAt: rc.openAtLevel,
    },
  });
  const loaded = await policy.reload('startup');
  if (!loaded.ok) throw new Error(loaded.error);
  // One tier table (issue 15): a per-tier override must name one of its tiers.
  for (const name of Object.keys(cfg.provenance.tiers)) {
    const problem = policy.tiers.problem(name, `provenance.tiers.${name}`);
    if (problem) throw new Error(`invalid config in ${cfg.source}: ${problem}`);
  }
  const review = new ReviewQueue({
    alsoExempt: (account) => policy.exemptionsFor(account),
    store: reviewStore,
    config: rc,
    audit,
    notify: notifier && ((m) => notifier.notify(m)),
  });
  await review.refresh();
  const stopWatch = cfg.audit.policy.watch ? policy.watch() : () => {};
  const sla = new SlaTracker(() =>
    Object.fromEntries(policy.tiers.all().map((t) => [t.name, { sla: t.sla }])),
  );
  const intel = await openIntelStore(cfg);
  const minPrefix = {
    minIpv4Prefix: cfg.intel.minIpv4Prefix,
    minIpv6Prefix: cfg.intel.minIpv6Prefix,
  };
  let matcher = await loadIndicatorMatcher(intel, cfg.intel.matchWeight, Date.now(), minPrefix);
  const routes: FastifyPluginAsync = async (app) => {
    await app.register(auditRoutes, { audit });
    await app.register(reviewRoutes, { queue: review });
    await app.register(policyRoutes, { policy, sla });
  };
  return {
    audit,
    signer,
    review,
    policy,
    sla,
    intel,
    matcher: () => matcher,
    reloadIntel: async () => {
      matcher = await loadIndicatorMatcher(intel, cfg.intel.matchWeight, Date.now(), minPrefix);
    },
    exemptionsFor: (account, now) => {
      const id = typeof account === 'string' ? account : account.id;
      return [...new Set([...policy.exemptionsFor(account, now), ...review.exemptions(id, now)])];
    },
    routes,
    close: async () => {
      stopWatch();
      await notifier?.drain();
      await intel.close();
      await reviewStore.close();
      await audit.close();
    },
  };
}
