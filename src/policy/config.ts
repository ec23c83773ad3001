import { z } from 'zod';

/** Policy-as-code configuration (`audit.policy` in the YAML). Every field has a default. */
export const policyConfigSchema = z.object({
  /** The YAML policy file; no policy (everything default) when unset. */
  file: z.string().optional(),
  /** Reload the file when it changes on disk (fs.watch). */
  watch: z.boolean().default(false),
});

export type PolicyConfig = z.infer<typeof policyConfigSchema>;
