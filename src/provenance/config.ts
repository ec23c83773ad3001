import { z } from 'zod';
import { LEVELS } from '../telemetry/event.js';

const hexKey = z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected 64 hex characters (32 bytes)');

/** Configuration of the provenance module (the `provenance:` section of the YAML). Every field has a default. */
export const provenanceConfigSchema = z.object({
  watermark: z
    .object({
      /** Watermark served text (the gateway may override per tier). */
      enabled: z.boolean().default(true),
      /** Master watermark key (hex); generated into <dataDir>/provenance/ when unset. */
      key: hexKey.optional(),
      /** Name of an environment variable holding the master key (hex). */
      keyEnv: z.string().min(1).optional(),
      /** Give a keyed share of positions to a per-account derived key (attribution). */
      perAccount: z.boolean().default(true),
      /** Share of positions that follow the account key when perAccount is on. */
      accountShare: z.number().min(0).max(1).default(0.5),
      /** Detection threshold: p-values below it read `watermarked`. */
      alpha: z.number().gt(0).lt(1).default(1e-4),
      /** Fewer scored contexts than this read `insufficient_evidence`. */
      minTrials: z.number().int().min(1).default(16),
    })
    .prefault({}),
  receipts: z
    .object({
      /** Sign every response (moat-receipt header, trailing SSE event). */
      enabled: z.boolean().default(true),
    })
    .prefault({}),
  canary: z
    .object({
      enabled: z.boolean().default(true),
      /** Accounts at or above this ladder level receive canaries. */
      minLevel: z.enum(LEVELS).default('monitor'),
      /** Share of those accounts' responses that carry a canary. */
      rate: z.number().min(0).max(1).default(0.02),
      /** Distinct canaries per account: repeated exposure makes a student learn them. */
      perAccount: z.number().int().min(1).max(64).default(3),
    })
    .prefault({}),
  /**
   * Per-tier overrides (tier names as in `limits.tiers`), e.g. `{ enterprise: { watermark: false } }`
   * for customers whose contracts exclude output marking. Receipts stay on unless turned off here.
   */
  tiers: z
    .record(
      z.string(),
      z.object({
        watermark: z.boolean().optional(),
        receipts: z.boolean().optional(),
        canary: z.boolean().optional(),
      }),
    )
    .default({}),
  probe: z
    .object({
      /** Per-request timeout against a suspect endpoint. */
      timeoutMs: z.number().int().positive().default(60_000),
      retries: z.number().int().min(0).default(3),
      maxRequests: z.number().int().positive().default(200),
      maxTokens: z.number().int().positive().default(200_000),
    })
    .prefault({}),
});

/** The parsed `provenance:` section. */
export type ProvenanceConfig = z.infer<typeof provenanceConfigSchema>;
