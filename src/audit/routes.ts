import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { AuditEntry, AuditLog } from './log.js';

const time = z
  .union([
    z.coerce.number().int(),
    z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
  ])
  .optional();
const query = z.object({
  since: time,
  until: time,
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/**
 * Admin routes of the audit log, for the admin prefix: GET /audit (entries, `since`,
 * `until`, `limit`) and GET /audit/verify (the chain and checkpoints; 200 with `ok`).
 */
export const auditRoutes: FastifyPluginAsync<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get('/audit', async (req) => {
    const q = query.safeParse(req.query);
    if (!q.success) {
      const i = q.error.issues[0]!;
      throw new MoatError('MOAT_INVALID_REQUEST', `query.${i.path.join('.')}: ${i.message}`);
    }
    const entries: AuditEntry[] = [];
    for await (const e of audit.list(q.data)) entries.push(e);
    return { entries };
  });
  app.get('/audit/verify', async () => audit.verify());
};
