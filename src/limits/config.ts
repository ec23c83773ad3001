import { z } from 'zod';

/** Configuration of the limits module (the `limits:` section of the YAML). Every field has a default. */
export const limitsConfigSchema = z.object({}).loose();

export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
