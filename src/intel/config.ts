import { z } from 'zod';

/** Configuration of the intel module (the `intel:` section of the YAML). Every field has a default. */
export const intelConfigSchema = z.object({
  /** Name of the producing organisation in exported bundles (STIX identity). */
  producerName: z.string().min(1).default('Moat operator'),
  /** TLP 2.0 marking on exported indicators. */
  tlp: z.enum(['clear', 'green', 'amber', 'amber+strict', 'red']).default('amber'),
  /** Days an exported indicator stays valid (STIX `valid_until`). */
  validDays: z.number().positive().default(90),
  /** Imports larger than this are rejected before parsing. */
  maxImportBytes: z
    .number()
    .int()
    .positive()
    .default(16 * 1024 * 1024),
  /** Imports with more objects than this are rejected. */
  maxImportObjects: z.number().int().positive().default(100_000),
  /** Reason weight of a `shared_indicator` match, scaled by the indicator's confidence. */
  matchWeight: z.number().min(0).max(1).default(0.3),
  /**
   * Shortest IP prefixes accepted from a peer (issue 14: one `0.0.0.0/0` flagged every
   * account). Broader networks are refused on import and ignored if already stored.
   */
  minIpv4Prefix: z.number().int().min(1).max(32).default(8),
  minIpv6Prefix: z.number().int().min(1).max(128).default(32),
  /** Accounts one indicator may flag; further matches are ignored (a too-broad indicator cannot flag everyone). */
  maxAccountsPerIndicator: z.number().int().positive().default(100),
  /** How long a shared-indicator flag stays on an account without a fresh match. */
  flagTtlHours: z
    .number()
    .positive()
    .max(24 * 365)
    .default(24),
});

export type IntelConfig = z.infer<typeof intelConfigSchema>;
