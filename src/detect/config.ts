import { z } from 'zod';

/** Configuration of the detect module (the `detect:` section of the YAML). Every field has a default. */
export const detectConfigSchema = z.object({}).loose();

export type DetectConfig = z.infer<typeof detectConfigSchema>;
