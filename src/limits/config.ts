import { z } from 'zod';

const MAX_LIMIT = 1e12;
const limit = z.number().int().positive().max(MAX_LIMIT);

/** Limits of one tier; an absent field means no limit on that dimension. */
export const tierLimitsSchema = z.object({
  requestsPerMinute: limit.optional(),
  tokensPerMinute: limit.optional(),
  tokensPerDay: limit.optional(),
  tokensPerMonth: limit.optional(),
  /** Largest token reservation one request may hold (prompt estimate + max output tokens). */
  maxReserveTokens: limit.default(32_768),
});

export type TierLimits = z.infer<typeof tierLimitsSchema>;

/** Configuration of the limits module (the `limits:` section of the YAML). Every field has a default. */
export const limitsConfigSchema = z
  .object({
    /** When Redis cannot answer: `open` admits (and logs), `closed` answers 503. */
    failMode: z.enum(['open', 'closed']).default('open'),
    /** Tier of accounts without one (free/unverified is the tightest). */
    defaultTier: z.string().min(1).default('free'),
    tiers: z.record(z.string(), tierLimitsSchema).default({
      // Accounts with no tier of their own and no organisation verification (issue 5).
      unverified: {
        requestsPerMinute: 10,
        tokensPerMinute: 20_000,
        tokensPerDay: 200_000,
        tokensPerMonth: 2_000_000,
        maxReserveTokens: 4_096,
      },
      free: {
        requestsPerMinute: 20,
        tokensPerMinute: 40_000,
        tokensPerDay: 1_000_000,
        tokensPerMonth: 10_000_000,
        maxReserveTokens: 8_192,
      },
      pro: {
        requestsPerMinute: 500,
        tokensPerMinute: 2_000_000,
        tokensPerDay: 100_000_000,
        maxReserveTokens: 32_768,
      },
      enterprise: {
        requestsPerMinute: 10_000,
        tokensPerMinute: 30_000_000,
        maxReserveTokens: 131_072,
      },
    }),
    /**
     * Limits of each API key on top of its account's (e.g. so one leaked or runaway key
     * cannot spend the whole account's budget); unset: keys share the account's limits.
     */
    perKey: z
      .object({
        requestsPerMinute: limit.optional(),
        tokensPerMinute: limit.optional(),
        tokensPerDay: limit.optional(),
        tokensPerMonth: limit.optional(),
      })
      .optional(),
    /** Multiplier applied to per-minute limits of accounts at the `throttle` level or above. */
    throttleFactor: z.number().gt(0).max(1).default(0.25),
    redis: z
      .object({
        /** Prefix of every limiter key in Redis. */
        prefix: z.string().default('moat:rl:'),
        /** Longest wait for one decision before the fail mode decides. */
        timeoutMs: z.number().int().positive().default(100),
        connectTimeoutMs: z.number().int().positive().default(500),
      })
      .prefault({}),
  })
  .loose();

export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
