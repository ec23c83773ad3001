import type { Extension, MoatApp } from '../gateway/app.js';
import type { RequestContext } from '../gateway/context.js';
import type { Limiter, Reservation } from '../limits/limiter.js';
import type { LimitsConfig } from '../limits/config.js';
import type { PolicyStore } from '../policy/store.js';
import { tierVerdict } from '../policy/effective.js';
import type { TierFacts } from '../gateway/verdict-cache.js';
import { MemoryLimiter } from '../limits/memory/memory.js';
import { RedisLimiter } from '../limits/redis/redis.js';
import { createLimiterRedis } from '../limits/redis/client.js';
import { capReservation, limitKeysFor } from '../limits/policy.js';
import { rateLimitHeaders } from '../limits/headers.js';
import { decideAction } from '../respond/ladder.js';
import { Challenger, SOLUTION_HEADER } from '../respond/challenge.js';
import { MemorySpentStore, RedisSpentStore } from '../respond/spent.js';
import { blockedError, limitError } from '../respond/errors.js';
import {
  checkChallenge,
  degradePlan,
  requestedMaxTokens,
  settledTokens,
  worstCaseTokens,
} from '../respond/enforce.js';
import { createActionMetrics } from '../respond/metrics.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/**
 * Limits and the enforcement ladder (issue 4) as one guard: the level in force (pin or
 * verdict) decides block / challenge / degrade / throttle; then GCRA limits reserve the
 * request and its tokens (memory, or one Redis round trip), settled when the response ends.
 */
export async function enforcementExtension(core: Core, policy: PolicyStore): Promise<Extension> {
  const { config, verdicts, logger, accounts } = core;
  const lc = config.limits;
  // The limiter reads its tiers from the one tier table (issue 15), rebuilt on every reload.
  const tiered = (): LimitsConfig => ({
    ...lc,
    defaultTier: policy.tiers.defaultTier,
    tiers: policy.tiers.limitsByName(),
  });
  let limits = tiered();
  const stopWatching = policy.onChange(() => (limits = tiered()));
  // One rule from raw to applied verdict (issue 15), read by this guard, the admin API and
  // the level gauge alike. Tier facts: the caller's record, else the account cache, else
  // what this guard last saw of the account (a verdict exists only for accounts with traffic).
  const lastFacts = new Map<string, TierFacts>();
  verdicts.setEffectiveRule((raw, account, now, facts) => {
    const f = facts ?? accounts.peek(account, now) ?? lastFacts.get(account);
    return tierVerdict(
      raw,
      account,
      policy.tier({ id: account, tier: f?.tier, verified: f?.verified }, now),
      now,
    );
  });
  const redis = config.redis.url
    ? createLimiterRedis(config.redis.url, {
        connectTimeoutMs: lc.redis.connectTimeoutMs,
        commandTimeoutMs: lc.redis.timeoutMs,
        onError: (err) => logger.debug({ err }, 'limiter redis'),
      })
    : undefined;
  const limiter: Limiter = redis
    ? new RedisLimiter({
        redis,
        prefix: lc.redis.prefix,
        failMode: lc.failMode,
        timeoutMs: lc.redis.timeoutMs,
        logger,
        registry: core.metrics.registry,
        // Settlements ride along with the next admission: one Redis round trip per request.
        deferSettleMs: 50,
      })
    : new MemoryLimiter();
  const challenger = new Challenger({
    secret: config.respond.challenge.secret,
    ttlMs: config.respond.challenge.ttlMs,
    minDifficulty: config.respond.challenge.minDifficulty,
    maxDifficulty: config.respond.challenge.maxDifficulty,
    algorithm: config.respond.challenge.algorithm,
    scrypt: config.respond.challenge.scrypt,
    spent: redis
      ? new RedisSpentStore(redis, `${config.redis.prefix}:pow:`, (err) =>
          logger.warn({ err }, 'challenge replay store'),
        )
      : new MemorySpentStore(),
  });
  if (!config.respond.challenge.secret && redis) {
    logger.warn(
      'respond.challenge.secret is unset: challenges issued by one replica fail on another; set the same secret on every replica',
    );
  }
  const actions = createActionMetrics(core.metrics.registry);
  const reservations = new WeakMap<RequestContext, Reservation>();

  const challenge = async (ctx: RequestContext, score: number) => {
    const outcome = await checkChallenge(challenger, {
      account: ctx.account,
      url: ctx.raw.url ?? '',
      body: ctx.clientBody,
      solution: ctx.raw.headers[SOLUTION_HEADER],
      score,
    });
    if (outcome.solved) return actions.record('challenge_solved');
    if (outcome.attempted) actions.record('challenge_failed');
    throw outcome.error;
  };

  return {
    name: 'enforcement',
    guards: [
      {
        name: 'enforcement',
        async before(ctx) {
          const now = ctx.arrivedAt;
          const info = accounts.peek(ctx.account, now) ?? (await accounts.get(ctx.account, now));
          const tier = policy.tier(
            { id: ctx.account, tier: info?.tier, verified: info?.verified },
            now,
          );
          const p = verdicts.pin(ctx.account, now);
          const pin = p ? { level: p.level, reason: p.reason, until: p.until ?? undefined } : null;
          // The tier's ladder: its initial level before any verdict, its cap on automatic ones.
          if (info) {
            if (lastFacts.size >= 200_000 && !lastFacts.has(ctx.account)) lastFacts.clear();
            lastFacts.set(ctx.account, { tier: info.tier, verified: info.verified });
          }
          const verdict = verdicts.effective(ctx.account, now, {
            tier: info?.tier,
            verified: info?.verified,
          });
          const d = decideAction({ verdict, pin, now }, { throttleFactor: lc.throttleFactor });
          ctx.action = d.action;
          actions.record(d.action);
          if (d.block) throw blockedError(ctx.account, now);
          if (d.challenge) await challenge(ctx, d.score);
          const maxTokens = requestedMaxTokens(ctx.clientBody);
          const endpoint = ctx.adapter.endpoint;
          if (d.degrade) {
            const plan = degradePlan(
              endpoint,
              ctx.protocol,
              ctx.upstreamBody,
              config.respond.degrade,
              d.challenge ? 'challenge' : 'degrade',
            );
            ctx.upstreamBody = plan.body;
            ctx.plan.eventStages.push(...plan.eventStages);
            ctx.plan.jsonStages.push(...plan.jsonStages);
          }
          const { tag, keys } = limitKeysFor(limits, {
            account: ctx.account,
            tier: tier.name,
            overrides: info?.limits,
            scale: d.limitScale,
            keyId: ctx.keyId,
            keyRules: lc.perKey,
          });
          // Only the per-minute rate is charged a capped share of the worst case, so it can
          // pass once its bucket is full; the quotas are charged all of it.
          const worst = worstCaseTokens({
            endpoint,
            clientBody: ctx.clientBody,
            upstreamBody: ctx.upstreamBody,
            maxTokens,
          });
          const tokens = capReservation(worst, limits, tier.name, keys);
          const decision = await limiter.admit({ tag, keys, tokens, quotaTokens: worst });
          Object.assign(ctx.responseHeaders, rateLimitHeaders(decision));
          if (!decision.allowed) {
            if (decision.failMode !== 'closed') {
              actions.record('rate_limited');
              ctx.action =
                ctx.action === 'allow' || ctx.action === 'monitor' ? 'rate_limited' : ctx.action;
            }
            throw limitError(decision);
          }
          if (decision.reservation) reservations.set(ctx, decision.reservation);
        },
        after(ctx, facts, status) {
          const r = reservations.get(ctx);
          if (!r) return;
          // A failed request is refunded; a served one is charged what it used.
          const used = settledTokens(status, facts);
          void limiter.settle(r, used);
        },
      },
    ],
    close: async () => {
      verdicts.setEffectiveRule(undefined);
      stopWatching();
      await limiter.close();
      redis?.disconnect();
    },
  };
}
