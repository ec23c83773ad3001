import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import { signatureHeader } from './format.js';
import { produceUsageReport, type UsageSources } from './service.js';

const DAY = 86_400_000;

const time = z
  .string()
  .transform((v, ctx) => {
    const t = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
    // Within what a Date holds (±8.64e15 ms); beyond it is not a time (issue 14).
    if (Number.isNaN(t) || !(t <= 8.64e15))
      ctx.addIssue({ code: 'custom', message: 'expected epoch milliseconds or an ISO 8601 time' });
    return t;
  })
  .optional();
const query = z.object({ from: time, to: time, format: z.enum(['json', 'csv']).default('json') });

/**
 * Usage-report routes (audit rights), for the admin prefix:
 * GET /accounts/:id/usage and GET /organizations/:id/usage with `from`, `to` (epoch ms
 * or ISO 8601; default the last 30 days) and `format=json|csv`. The body is signed:
 * header `moat-signature: ed25519; keyid=…; sig=…` covers its exact bytes.
 */
export const usageRoutes: FastifyPluginAsync<UsageSources> = async (app, src) => {
  const handler =
    (kind: 'account' | 'organization') =>
    async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const q = query.safeParse(req.query);
      if (!q.success) {
        const i = q.error.issues[0]!;
        throw new MoatError('MOAT_INVALID_REQUEST', `query.${i.path.join('.')}: ${i.message}`);
      }
      const to = q.data.to ?? Date.now();
      const from = q.data.from ?? to - 30 * DAY;
      if (from >= to) throw new MoatError('MOAT_INVALID_REQUEST', 'query.from: must be before to');
      const h = req.headers['x-moat-actor'];
      const signed = await produceUsageReport(src, {
        subject: { kind, id: req.params.id },
        from,
        to,
        format: q.data.format,
        actor: typeof h === 'string' && h ? h : 'admin',
      });
      if (!signed)
        throw new MoatError('MOAT_NOT_FOUND', `no accounts for ${kind} ${req.params.id}`);
      return reply
        .header('content-type', signed.contentType)
        .header('moat-signature', signatureHeader(signed))
        .send(signed.body);
    };
  app.get('/accounts/:id/usage', handler('account'));
  app.get('/organizations/:id/usage', handler('organization'));
};
