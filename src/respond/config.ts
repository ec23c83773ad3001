import { z } from 'zod';

/** Configuration of the respond module (the `respond:` section of the YAML). Every field has a default. */
export const respondConfigSchema = z.object({}).loose();

export type RespondConfig = z.infer<typeof respondConfigSchema>;
