/**
 * From configuration to limiter keys: tier defaults, per-account overrides (the admin
 * API's `PUT /admin/v1/accounts/{id}/limits`) and the ladder's throttle scale.
 */
import { z } from 'zod';
import type { LimitsConfig, TierLimits } from './config.js';
import type { LimitKey, LimitRules } from './limiter.js';

/**
 * Body of `PUT /admin/v1/accounts/{id}/limits`: positive integers up to 10^12, unknown
 * fields rejected, so negative, fractional or absurd limits get a clear 400.
 */
export const accountLimitOverridesSchema = z
  .object({
    requestsPerMinute: z.number().int().positive().max(1e12).optional(),
    tokensPerMinute: z.number().int().positive().max(1e12).optional(),
    tokensPerDay: z.number().int().positive().max(1e12).optional(),
    tokensPerMonth: z.number().int().positive().max(1e12).optional(),
  })
  .strict();

/** Per-account overrides of the tier's limits. */
export type AccountLimitOverrides = z.infer<typeof accountLimitOverridesSchema>;

/** Who is asking, for `limitKeysFor`. */
export interface LimitSubject {
  account: string;
  /** API key id (never the secret); gets its own key when `keyRules` is given. */
  keyId?: string | undefined;
  keyRules?: LimitRules | undefined;
  tier?: string | undefined;
  overrides?: AccountLimitOverrides | undefined;
  /** Scale for per-minute limits, e.g. `cfg.throttleFactor` at the throttle level; default 1. */
  scale?: number | undefined;
}

/** The tier's limits, falling back to `defaultTier` for an unknown or absent tier. */
export function tierOf(cfg: LimitsConfig, tier: string | undefined): TierLimits {
  return (
    cfg.tiers[tier ?? cfg.defaultTier] ?? cfg.tiers[cfg.defaultTier] ?? { maxReserveTokens: 32_768 }
  );
}

function scaled(v: number | undefined, scale: number): number | undefined {
  return v === undefined ? undefined : Math.max(1, Math.floor(v * scale));
}

/** The account's rules: tier defaults, then overrides, then the scale on per-minute limits. */
export function resolveRules(cfg: LimitsConfig, s: LimitSubject): LimitRules {
  const t = tierOf(cfg, s.tier);
  const scale = s.scale ?? 1;
  return {
    requestsPerMinute: scaled(s.overrides?.requestsPerMinute ?? t.requestsPerMinute, scale),
    tokensPerMinute: scaled(s.overrides?.tokensPerMinute ?? t.tokensPerMinute, scale),
    tokensPerDay: s.overrides?.tokensPerDay ?? t.tokensPerDay,
    // Issue 19: the admin API accepts a monthly override; ignoring it left a raised-limit
    // free account refused (429 MOAT_QUOTA_EXCEEDED) after its tier's 10M tokens a month.
    tokensPerMonth: s.overrides?.tokensPerMonth ?? t.tokensPerMonth,
  };
}

/**
 * The keys of one decision, tagged by account (one Redis Cluster slot).
 * @example
 * const { tag, keys } = limitKeysFor(cfg.limits, { account: 'acct_1', tier: 'pro', scale: 1 });
 * const d = await limiter.admit({ tag, keys, tokens: capReservation(est + maxTokens, cfg.limits, 'pro', keys) });
 */
export function limitKeysFor(
  cfg: LimitsConfig,
  s: LimitSubject,
): { tag: string; keys: LimitKey[] } {
  const keys: LimitKey[] = [{ name: 'acct', rules: resolveRules(cfg, s) }];
  if (s.keyId !== undefined && s.keyRules) {
    const scale = s.scale ?? 1;
    keys.push({
      name: `key:${s.keyId}`,
      rules: {
        ...s.keyRules,
        requestsPerMinute: scaled(s.keyRules.requestsPerMinute, scale),
        tokensPerMinute: scaled(s.keyRules.tokensPerMinute, scale),
      },
    });
  }
  return { tag: s.account, keys };
}

/**
 * The tokens to reserve: the estimate capped by the tier's `maxReserveTokens` and by every
 * per-minute token limit (so a reservation can always succeed after waiting). Tokens used
 * beyond it are charged at settlement.
 */
export function capReservation(
  tokens: number,
  cfg: LimitsConfig,
  tier: string | undefined,
  keys: readonly LimitKey[],
): number {
  let cap = tierOf(cfg, tier).maxReserveTokens;
  for (const k of keys) {
    for (const v of [k.rules.tokensPerMinute, k.rules.tokensPerDay, k.rules.tokensPerMonth]) {
      if (v !== undefined) cap = Math.min(cap, v);
    }
  }
  return Math.max(0, Math.min(Math.ceil(tokens), cap));
}
