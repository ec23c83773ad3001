import { z } from 'zod';
import { LEVELS } from '../telemetry/event.js';

const positiveInt = z.number().int().positive();
const level = z.enum(LEVELS);

/** Per-tier limits (the limiter's defaults; per-account overrides win). */
export const limitsSchema = z.strictObject({
  requestsPerMinute: positiveInt.optional(),
  tokensPerMinute: positiveInt.optional(),
  tokensPerDay: positiveInt.optional(),
  tokensPerMonth: positiveInt.optional(),
  /** Largest token reservation one request may hold; default 32,768. */
  maxReserveTokens: positiveInt.optional(),
});

/** How the ladder treats a tier by default. */
export const ladderSchema = z.strictObject({
  /** Level every account of the tier starts at. */
  initialLevel: level.default('allow'),
  /** Highest level applied without a human decision; above it the verdict waits for review. */
  maxAutomaticLevel: level.default('block'),
  /** Level at which an incident opens for review. */
  reviewAt: level.default('challenge'),
});

/** Service-level objectives Moat measures and reports against. */
export const slaSchema = z.strictObject({
  p99LatencyMs: positiveInt,
  availabilityPercent: z.number().min(0).max(100),
});

export const tierSchema = z.strictObject({
  description: z.string().optional(),
  limits: limitsSchema.prefault({}),
  ladder: ladderSchema.prefault({}),
  sla: slaSchema.optional(),
});

/** An allowed automated use: the reason codes it legitimately triggers are exempted. */
export const allowedUseSchema = z.strictObject({
  use: z.string().min(1),
  description: z.string().optional(),
  exemptReasons: z.array(z.string().min(1)).min(1),
});

/** A prohibited use, indicated by detector reason codes (none listed: any non-exempt reason). */
export const prohibitedUseSchema = z.union([
  z
    .string()
    .min(1)
    .transform((use) => ({ use, indicatedBy: [] as string[] })),
  z.strictObject({ use: z.string().min(1), indicatedBy: z.array(z.string().min(1)).default([]) }),
]);

export const breachSchema = z.strictObject({
  /** Open a review incident. */
  incident: z.boolean().default(true),
  /** The account is held at least at this level while the breach stands. */
  levelFloor: level.optional(),
  /** Addresses or channels to notify (passed to the notifier). */
  notify: z.array(z.string().min(1)).default([]),
});

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const contractSchema = z
  .strictObject({
    id: z.string().min(1),
    description: z.string().optional(),
    accounts: z.array(z.string().min(1)).default([]),
    organizations: z.array(z.string().min(1)).default([]),
    /** Tier the contract's accounts are on, overriding their own. */
    tier: z.string().min(1).optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
    allowedUses: z.array(allowedUseSchema).default([]),
    prohibitedUses: z
      .array(prohibitedUseSchema)
      .prefault(['extraction', 'training_competing_models']),
    onBreach: breachSchema.prefault({}),
  })
  .refine((c) => c.accounts.length + c.organizations.length > 0, {
    message: 'a contract must name at least one account or organization',
    path: ['accounts'],
  });

/** The whole policy file. */
export const policySchema = z
  .strictObject({
    version: z.literal(1, { error: 'must be 1' }),
    defaultTier: z.string().min(1).default('default'),
    tiers: z.record(z.string().min(1), tierSchema).prefault({ default: {} }),
    contracts: z.array(contractSchema).default([]),
  })
  .superRefine((p, ctx) => {
    if (!p.tiers[p.defaultTier]) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultTier'],
        message: `tier "${p.defaultTier}" is not defined under tiers (have: ${Object.keys(p.tiers).join(', ')})`,
      });
    }
    const seen = new Set<string>();
    p.contracts.forEach((c, i) => {
      if (seen.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'id'],
          message: `duplicate contract id "${c.id}"`,
        });
      seen.add(c.id);
      if (c.tier && !p.tiers[c.tier])
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'tier'],
          message: `tier "${c.tier}" is not defined under tiers`,
        });
    });
  });

export type Policy = z.infer<typeof policySchema>;
export type TierPolicy = z.infer<typeof tierSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type BreachPolicy = z.infer<typeof breachSchema>;
export type SlaObjective = z.infer<typeof slaSchema>;
