import { z } from 'zod';

/**
 * Chat Completions parameters a degraded request keeps (everything else is dropped):
 * the documented sampling and tool parameters, none of logprobs, logit_bias, reasoning
 * or engine-specific extensions (vLLM prompt_logprobs, best_of, chat_template_kwargs…).
 */
export const OPENAI_DEGRADE_PARAMS = [
  'model',
  'messages',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'n',
  'stream',
  'stream_options',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'seed',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'response_format',
  'user',
  'metadata',
  'reasoning_effort',
];
/** Messages API parameters a degraded request keeps (no `thinking`, no `top_k`). */
export const ANTHROPIC_DEGRADE_PARAMS = [
  'model',
  'messages',
  'system',
  'max_tokens',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'tools',
  'tool_choice',
];

const paramList = z.array(z.string().min(1).max(128)).max(500);

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
        /**
         * `sha256`: ALTCHA v1 (any ALTCHA client solves it; a GPU solves it ~10^5 times
         * faster than a CPU core). `scrypt`: memory-hard (RFC 7914), solved by Moat's client
         * helper; a GPU's edge shrinks to what its memory bandwidth buys. docs/challenge-protocol.md.
         */
        algorithm: z.enum(['sha256', 'scrypt']).default('sha256'),
        scrypt: z
          .object({
            /** scrypt N (a power of two), r, p: 128·N·r bytes and ~N·r block mixes per evaluation. */
            N: z
              .number()
              .int()
              .min(1024)
              .max(1 << 20)
              .refine((n) => (n & (n - 1)) === 0, 'a power of two')
              .default(16384),
            r: z.number().int().min(1).max(32).default(8),
            p: z.number().int().min(1).max(4).default(1),
            /** Leading zero bits of the output at risk 0 and 1: 2^bits evaluations expected. */
            minBits: z.number().int().min(0).max(12).default(1),
            maxBits: z.number().int().min(0).max(12).default(5),
            /** SHA-256 leading zero bits a candidate needs before the server evaluates scrypt on it. */
            prefilterBits: z.number().int().min(0).max(20).default(10),
            /** Scrypt verifications at once per process; more answer a fresh challenge (`busy`). */
            maxInFlight: z.number().int().min(1).max(64).default(2),
          })
          .strict()
          .prefault({}),
      })
      .prefault({}),
    degrade: z
      .object({
        /** Cap on max_tokens / max_completion_tokens for degraded accounts. */
        maxTokens: z.number().int().positive().default(1024),
        /** OpenAI field set when the client sent neither max_tokens nor max_completion_tokens. */
        openaiMaxTokensField: z
          .enum(['max_completion_tokens', 'max_tokens'])
          .default('max_completion_tokens'),
        /** OpenAI `reasoning_effort`: lowered to `low` (accepted by every reasoning model) or removed. */
        reasoningEffort: z.enum(['low', 'remove']).default('low'),
        /**
         * Request parameters that reach the upstream at each level from `degrade` up, per
         * API; anything not listed is dropped. `challenge` falls back to `degrade`'s lists.
         */
        allow: z
          .object({
            degrade: z
              .object({
                openai: paramList.default(OPENAI_DEGRADE_PARAMS),
                anthropic: paramList.default(ANTHROPIC_DEGRADE_PARAMS),
              })
              .strict()
              .prefault({}),
            challenge: z
              .object({ openai: paramList.optional(), anthropic: paramList.optional() })
              .strict()
              .prefault({}),
          })
          .strict()
          .prefault({}),
      })
      .prefault({}),
  })
  .loose();

export type RespondConfig = z.infer<typeof respondConfigSchema>;

/** The `degrade:` section. */
export type DegradeConfig = RespondConfig['degrade'];
