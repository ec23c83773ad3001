import { z } from 'zod';

/** Configuration of the provenance module (the `provenance:` section of the YAML). Every field has a default. */
export const provenanceConfigSchema = z.object({}).loose();

export type ProvenanceConfig = z.infer<typeof provenanceConfigSchema>;
