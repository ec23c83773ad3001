import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { AuditEntry, AuditLog } from './log.js';

const time = z
  .union(
    [
      // Within what a Date holds: PostgreSQL's BIGINT refused 1e21 with a 500 (issue 14).
      z.coerce.number().int().min(-8.64e15).max(8.64e15),
      z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
    ],
    {
      error:
        'expected epoch milliseconds or an ISO 8601 date-time with offset (2026-01-01T00:00:00Z)',
    },
  )
  .optional();

/** The query of GET /audit (the admin OpenAPI document lists it from this schema). */
export const auditQuery = z.object({
  since: time.describe(
    'entries at or after this time: epoch ms or ISO 8601 with offset (2026-01-01T00:00:00Z)',
  ),
  until: time.describe('entries before this time (exclusive): epoch ms or ISO 8601 with offset'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(1000)
    .describe('at most this many entries'),
  order: z
    .enum(['asc', 'desc'])
    .default('asc')
    .describe('asc: oldest first; desc: newest first, so `limit` keeps the newest'),
});

/**
 * Admin routes of the audit log, for the admin prefix: GET /audit (entries, `since`,
 * `until`, `limit`, `order`) and GET /audit/verify (the chain and checkpoints; 200 with `ok`).
 */
export const auditRoutes: FastifyPluginAsync<{ audit: AuditLog }> = async (app, { audit }) => {
  app.get('/audit', async (req) => {
    const q = auditQuery.safeParse(req.query);
    if (!q.success) {
      const i = q.error.issues[0]!;
      const param = `query.${i.path.join('.')}`;
      throw new MoatError('MOAT_INVALID_REQUEST', `${param}: ${i.message}`, { param });
    }
    const { since, until } = q.data;
    if (since !== undefined && until !== undefined && until <= since) {
      throw new MoatError(
        'MOAT_INVALID_REQUEST',
        'query.until: must be after since (until is exclusive)',
        { param: 'query.until' },
      );
    }
    const entries: AuditEntry[] = [];
    for await (const e of audit.list(q.data)) entries.push(e);
    return { entries };
  });
  app.get('/audit/verify', async () => audit.verify());
};
