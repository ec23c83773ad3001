import { z } from 'zod';

/** Configuration of the fingerprint module (the `fingerprint:` section of the YAML). Every field has a default. */
export const fingerprintConfigSchema = z.object({}).loose();

export type FingerprintConfig = z.infer<typeof fingerprintConfigSchema>;
