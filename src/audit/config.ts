import { z } from 'zod';
import { reviewConfigSchema } from '../review/config.js';
import { policyConfigSchema } from '../policy/config.js';

/**
 * Configuration of the governance modules (the `audit:` section of the YAML): the audit
 * log itself, plus the review queue (`audit.review`) and the policy file (`audit.policy`),
 * which have no top-level section of their own. Every field has a default.
 */
export const auditConfigSchema = z.object({
  /** Where the log lives: `auto` follows `store.kind` (SQLite file or the PostgreSQL store). */
  backend: z.enum(['auto', 'sqlite', 'postgres']).default('auto'),
  /** PostgreSQL schema holding the audit tables (postgres backend). */
  postgresSchema: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier')
    .default('moat'),
  /** A signed checkpoint is written every this many entries. */
  checkpointEvery: z.number().int().positive().default(1000),
  /**
   * …and for an entry this long after the previous checkpoint (log time), and for an
   * uncovered tail every this long and on close. Verification holds the log to both rules.
   */
  checkpointEveryMs: z.number().int().min(1000).max(86_400_000).default(60_000),
  /** The signed head (newest checkpoint) kept outside the database; default `<dataDir>/audit-head.json`. */
  headFile: z.string().min(1).optional(),
  /** PEM file of the Ed25519 checkpoint key; generated as `<dataDir>/audit-ed25519.pem` (0600) when unset. */
  signingKeyFile: z.string().optional(),
  review: reviewConfigSchema.prefault({}),
  policy: policyConfigSchema.prefault({}),
});

export type AuditConfig = z.infer<typeof auditConfigSchema>;
