import { z } from 'zod';

/** Configuration of the respond module (the `respond:` section of the YAML). Every field has a default. */
export const respondConfigSchema = z
  .object({
    challenge: z
      .object({
        /**
         * HMAC key for challenges. Empty: a random key per process, which only works with one
         * replica — set the same secret (≥ 32 chars) on every replica.
         */
        secret: z.string().default(''),
        /** How long a challenge can be solved and redeemed. */
        ttlMs: z.number().int().min(1000).max(3_600_000).default(300_000),
        /** ALTCHA `maxnumber` at risk score 0 (expected work: half of it in SHA-256 hashes). */
        minDifficulty: z.number().int().min(1).default(20_000),
        /** `maxnumber` at risk score 1; scores in between interpolate geometrically. */
        maxDifficulty: z.number().int().min(1).max(1e9).default(2_000_000),
      })
      .prefault({}),
    degrade: z
      .object({
        /** Cap on max_tokens / max_completion_tokens for degraded accounts. */
        maxTokens: z.number().int().positive().default(1024),
        /** OpenAI field set when the client sent neither max_tokens nor max_completion_tokens. */
        openaiMaxTokensField: z.enum(['max_completion_tokens', 'max_tokens']).default('max_completion_tokens'),
        /** OpenAI `reasoning_effort`: lowered to `low` (accepted by every reasoning model) or removed. */
        reasoningEffort: z.enum(['low', 'remove']).default('low'),
      })
      .prefault({}),
  })
  .loose();

export type RespondConfig = z.infer<typeof respondConfigSchema>;

/** The `degrade:` section. */
export type DegradeConfig = RespondConfig['degrade'];
