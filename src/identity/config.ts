import { z } from 'zod';

/** Configuration of the identity module (the `identity:` section of the YAML). Every field has a default. */
export const identityConfigSchema = z.object({}).loose();

export type IdentityConfig = z.infer<typeof identityConfigSchema>;
