import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { ReviewQueue, ReviewResult } from './queue.js';

/** Options of the review routes plugin. */
export interface ReviewRoutesOptions {
  queue: ReviewQueue;
}

const listQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'escalated', 'resolved']).optional(),
  account: z.string().min(1).optional(),
  resolution: z.enum(['confirmed', 'false_positive']).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
const noteBody = z
  .object({ note: z.string().max(10_000).optional(), by: z.string().min(1).max(200).optional() })
  .prefault({});
const resolveBody = z.object({
  resolution: z.enum(['confirmed', 'false_positive']),
  note: z.string().max(10_000).optional(),
  by: z.string().min(1).max(200).optional(),
  exempt: z
    .object({
      reasonCodes: z.array(z.string().min(1)).min(1).optional(),
      days: z.number().positive().max(3650).optional(),
    })
    .optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value ?? undefined);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  throw new MoatError(
    'MOAT_INVALID_REQUEST',
    `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`,
  );
}

/** Who acted: body `by`, else the `x-moat-actor` header the admin layer may set, else `admin`. */
function actor(req: FastifyRequest, by: string | undefined): string {
  const h = req.headers['x-moat-actor'];
  return by ?? (typeof h === 'string' && h ? h : 'admin');
}

function unwrap(r: ReviewResult) {
  if (r.ok) return r.value;
  throw new MoatError(
    r.error.code === 'not_found' ? 'MOAT_NOT_FOUND' : 'MOAT_CONFLICT',
    r.error.message,
  );
}

/**
 * Admin routes of the review queue, registered by the gateway under its admin prefix
 * (`/admin/v1`), behind its admin auth hook:
 * GET /incidents, GET /incidents/labels, GET /incidents/:id,
 * POST /incidents/:id/ack | /escalate | /resolve. Errors are MoatError (registry codes).
 * @example app.register(reviewRoutes, { prefix: '/admin/v1', queue })
 */
export const reviewRoutes: FastifyPluginAsync<ReviewRoutesOptions> = async (app, opts) => {
  const { queue } = opts;
  app.get('/incidents', async (req) => ({
    incidents: await queue.list(parse(listQuery, req.query, 'query')),
  }));
  app.get('/incidents/labels', async () => ({ labels: await queue.labels() }));
  app.get<{ Params: { id: string } }>('/incidents/:id', async (req) => {
    const i = await queue.get(req.params.id);
    if (!i) throw new MoatError('MOAT_NOT_FOUND', `no incident ${req.params.id}`);
    return i;
  });
  app.post<{ Params: { id: string } }>('/incidents/:id/ack', async (req) => {
    const b = parse(noteBody, req.body, 'body');
    return unwrap(await queue.acknowledge(req.params.id, actor(req, b.by), b.note));
  });
  app.post<{ Params: { id: string } }>('/incidents/:id/escalate', async (req) => {
    const b = parse(noteBody, req.body, 'body');
    return unwrap(await queue.escalate(req.params.id, actor(req, b.by), b.note));
  });
  app.post<{ Params: { id: string } }>('/incidents/:id/resolve', async (req) => {
    const b = parse(resolveBody, req.body, 'body');
    return unwrap(
      await queue.resolve(req.params.id, actor(req, b.by), b.resolution, b.note, b.exempt),
    );
  });
};
