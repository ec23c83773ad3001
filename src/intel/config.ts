import { z } from 'zod';

/** Configuration of the intel module (the `intel:` section of the YAML). Every field has a default. */
export const intelConfigSchema = z.object({}).loose();

export type IntelConfig = z.infer<typeof intelConfigSchema>;
