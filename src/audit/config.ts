import { z } from 'zod';

/** Configuration of the audit module (the `audit:` section of the YAML). Every field has a default. */
export const auditConfigSchema = z.object({}).loose();

export type AuditConfig = z.infer<typeof auditConfigSchema>;
