import type { Extension, MoatApp } from '../../gateway/app.js';
import type { RequestContext } from '../../gateway/context.js';
import { MoatError } from '../../errors/registry.js';
import type { Limiter, Reservation } from '../../limits/limiter.js';
import { MemoryLimiter } from '../../limits/memory/memory.js';
import { RedisLimiter } from '../../limits/redis/redis.js';
import { createLimiterRedis } from '../../limits/redis/client.js';
import { capReservation, limitKeysFor } from '../../limits/policy.js';
import { rateLimitHeaders } from '../../limits/headers.js';
import { decideAction } from '../../respond/ladder.js';
import { degradeRequest, stripReasoningJson, createReasoningStripper } from '../../respond/degrade.js';
import { CHALLENGE_HEADER, Challenger, SOLUTION_HEADER } from '../../respond/challenge.js';
import { MemorySpentStore, RedisSpentStore } from '../../respond/spent.js';
import { blockReference } from '../../respond/block.js';
import { createActionMetrics } from '../../respond/metrics.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/** Largest max_tokens accepted at all: beyond it a request is absurd, not just expensive. */
const ABSURD_MAX_TOKENS = 10_000_000;

/** A rough prompt-token estimate for the reservation (≈4 characters per token); settled exactly later. */
function promptEstimate(body: Record<string, unknown>): number {
  let chars = 0;
  const add = (v: unknown): void => {
    if (typeof v === 'string') chars += v.length;
    else if (Array.isArray(v)) for (const x of v) add(x);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
  };
  add(body['messages']);
  add(body['system']);
  return Math.ceil(chars / 4);
}

function requestedMaxTokens(ctx: RequestContext): number | undefined {
  const b = ctx.clientBody;
  for (const f of ['max_completion_tokens', 'max_tokens'] as const) {
    const v = b[f];
    if (typeof v === 'number') {
      if (v > ABSURD_MAX_TOKENS || v < 1) {
        throw new MoatError('MOAT_INVALID_REQUEST', `'${f}' must be between 1 and ${ABSURD_MAX_TOKENS.toLocaleString('en-US')}, got ${v}.`, { param: f });
      }
      return v;
    }
  }
  return undefined;
}

/**
 * Limits and the enforcement ladder (issue 4) as one guard: the level in force (pin or
 * verdict) decides block / challenge / degrade / throttle; then GCRA limits reserve the
 * request and its tokens (memory, or one Redis round trip), settled when the response ends.
 */
export async function enforcementExtension(core: Core): Promise<Extension> {
  const { config, verdicts, logger, accounts } = core;
  const lc = config.limits;
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
    spent: redis ? new RedisSpentStore(redis, `${config.redis.prefix}:pow:`, (err) => logger.warn({ err }, 'challenge replay store')) : new MemorySpentStore(),
  });
  if (!config.respond.challenge.secret && redis) {
    logger.warn('respond.challenge.secret is unset: challenges issued by one replica fail on another; set the same secret on every replica');
  }
  const actions = createActionMetrics(core.metrics.registry);
  const reservations = new WeakMap<RequestContext, Reservation>();

  const challenge = async (ctx: RequestContext, score: number) => {
    const given = ctx.raw.headers[SOLUTION_HEADER];
    let why = '';
    if (typeof given === 'string' && given) {
      const r = await challenger.verifySolution(ctx.account, given);
      if (r.ok) return;
      why = `The solution sent was refused (${r.reason.replace(/_/g, ' ')}); solve this new challenge. `;
    }
    const c = challenger.issueChallenge({ account: ctx.account, score });
    throw new MoatError('MOAT_CHALLENGE_REQUIRED', why + 'The protocol is described in docs/challenge-protocol.md.', {
      headers: { [CHALLENGE_HEADER]: c.header, 'retry-after': '0' },
      extra: c.body,
    });
  };

  return {
    name: 'enforcement',
    guards: [
      {
        name: 'enforcement',
        async before(ctx) {
          const now = ctx.arrivedAt;
          const p = verdicts.pin(ctx.account, now);
          const pin = p ? { level: p.level, reason: p.reason, until: p.until ?? undefined } : null;
          const d = decideAction({ verdict: verdicts.verdict(ctx.account, now), pin, now }, { throttleFactor: lc.throttleFactor });
          ctx.action = d.action;
          actions.record(d.action);
          if (d.block) throw new MoatError('MOAT_ACCOUNT_BLOCKED', blockReference(ctx.account, now));
          if (d.challenge) await challenge(ctx, d.score);
          const maxTokens = requestedMaxTokens(ctx);
          if (d.degrade) {
            ctx.upstreamBody = degradeRequest(ctx.protocol, ctx.upstreamBody, config.respond.degrade);
            ctx.plan.eventStages.push(createReasoningStripper(ctx.protocol));
            ctx.plan.jsonStages.push((json) => stripReasoningJson(ctx.protocol, json));
          }
          const info = accounts.peek(ctx.account, now) ?? (await accounts.get(ctx.account, now));
          const tier = info?.tier ?? (info && !info.verified && lc.tiers['unverified'] ? 'unverified' : undefined);
          const { tag, keys } = limitKeysFor(lc, {
            account: ctx.account,
            tier,
            overrides: info?.limits,
            scale: d.limitScale,
            keyId: ctx.keyId,
            keyRules: lc.perKey,
          });
          const upstreamMax = (ctx.upstreamBody['max_completion_tokens'] ?? ctx.upstreamBody['max_tokens'] ?? maxTokens) as number | undefined;
          const tokens = capReservation(promptEstimate(ctx.clientBody) + (upstreamMax ?? 1024), lc, tier, keys);
          const decision = await limiter.admit({ tag, keys, tokens });
          Object.assign(ctx.responseHeaders, rateLimitHeaders(decision));
          if (!decision.allowed) {
            const quota = decision.dimension === 'tokensPerDay' || decision.dimension === 'tokensPerMonth';
            if (decision.failMode === 'closed') throw new MoatError('MOAT_LIMITER_UNAVAILABLE');
            const what = `${decision.dimension ?? 'requests'} (limit ${decision.limit}${decision.exceedsLimit ? '; this request alone exceeds it' : ''})`;
            ctx.action = ctx.action === 'allow' || ctx.action === 'monitor' ? 'rate_limited' : ctx.action;
            throw new MoatError(quota ? 'MOAT_QUOTA_EXCEEDED' : 'MOAT_RATE_LIMITED', what);
          }
          if (decision.reservation) reservations.set(ctx, decision.reservation);
        },
        after(ctx, facts, status) {
          const r = reservations.get(ctx);
          if (!r) return;
          // A failed request is refunded; a served one is charged what it used.
          const used = status < 400 ? (facts.inputTokens ?? 0) + (facts.outputTokens ?? Math.ceil(facts.text.length / 4)) : 0;
          void limiter.settle(r, used);
        },
      },
    ],
    close: async () => {
      await limiter.close();
      redis?.disconnect();
    },
  };
}
