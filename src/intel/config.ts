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
});

export type IntelConfig = z.infer<typeof intelConfigSchema>;
