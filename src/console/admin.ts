import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { KeyService } from '../identity/keys.js';
import type { Store, StoredAccount } from '../store/store.js';
import { LEVELS, allowVerdict, type Verdict } from '../telemetry/event.js';
import type { VerdictCache } from '../gateway/verdict-cache.js';
import { validatePin } from '../respond/ladder.js';

/** Hooks other modules attach to admin actions (hygiene, detector, audit…). */
export interface AdminHooks {
  /** Runs after an account is stored; may return the initial risk verdict (signup hygiene). */
  accountCreated?(account: StoredAccount): Promise<Verdict | undefined> | Verdict | undefined;
  /** Audit trail of every admin action. */
  audit?(entry: { actor: string; action: string; subject: string; reason?: string | undefined; data?: unknown }): void | Promise<void>;
  /** A pin/unpin happened (so caches and replicas can follow). */
  pinChanged?(account: string): void | Promise<void>;
  /** Limits were changed for an account. */
  limitsChanged?(account: string): void | Promise<void>;
  /** An organisation verification was recorded. */
  accountVerified?(account: string): void | Promise<void>;
}

export interface AdminDeps {
  adminToken: string;
  /** More admin routes (review queue, audit, usage…), mounted behind the same auth. */
  plugins?: Array<(app: FastifyInstance) => Promise<void> | void>;
  store: Store;
  keys: KeyService;
  verdicts: VerdictCache;
  hooks: AdminHooks;
  /** Puts verdicts into effect (cache, store, replicas, watchers). */
  applyVerdicts: (v: Verdict[]) => void;
}

const time = z.union([
  z.number().int().nonnegative(),
  z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time (e.g. 2026-01-01T00:00:00Z) or epoch milliseconds' }),
]);

const accountBody = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'expected 1–128 characters of A–Z, a–z, 0–9, _ . : -').optional(),
    name: z.string().max(256).optional(),
    email: z.email({ message: 'expected an email address like name@example.com' }).max(320).optional(),
    createdAt: time.optional(),
    signupIp: z.string().refine((s) => isIP(s) !== 0, 'expected an IPv4 or IPv6 address').optional(),
    paymentFingerprint: z.string().min(1).max(256).optional(),
    country: z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code').optional(),
    tier: z.string().min(1).max(64).optional(),
    route: z.string().min(1).max(64).optional(),
    organization: z.string().max(256).optional(),
    clientFingerprint: z.string().max(256).optional(),
  })
  .strict();

const limitsBody = z
  .object({
    requestsPerMinute: z.number().int().positive().max(1e12, 'at most 10^12').optional(),
    tokensPerMinute: z.number().int().positive().max(1e12, 'at most 10^12').optional(),
    tokensPerDay: z.number().int().positive().max(1e12, 'at most 10^12').optional(),
    tokensPerMonth: z.number().int().positive().max(1e12, 'at most 10^12').optional(),
  })
  .strict();

const verifyBody = z
  .object({ organization: z.string().min(1).max(256).optional(), note: z.string().max(1000).optional() })
  .strict();

const eventsQuery = z.object({
  account: z.string().min(1, 'account is required'),
  since: z.string().optional(),
  until: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const path = i.path.length ? i.path.join('.') : 'body';
  throw new MoatError('MOAT_INVALID_REQUEST', `${path}: ${i.message}`, { param: path });
}

function toMs(t: number | string | undefined): number | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'number' ? t : Date.parse(t);
}

function queryTime(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  if (Number.isNaN(n)) throw new MoatError('MOAT_INVALID_REQUEST', `${name}: expected epoch milliseconds or an ISO 8601 time, got "${v}"`, { param: name });
  return n;
}

/**
 * The admin API under /admin/v1, behind the admin bearer token (compared in constant time).
 * Accounts, keys, events, verdicts, level pins and limit overrides.
 */
export function adminRoutes(deps: AdminDeps) {
  const tokenHash = createHash('sha256').update(deps.adminToken).digest();
  const actorOf = (req: FastifyRequest) => (req.headers['x-moat-actor'] as string | undefined)?.slice(0, 128) ?? 'admin';

  return async (app: FastifyInstance) => {
    await app.register(
      async (admin) => {
        admin.addHook('onRequest', async (req) => {
          const auth = req.headers.authorization ?? '';
          const given = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
          const ok = given !== '' && timingSafeEqual(createHash('sha256').update(given).digest(), tokenHash);
          if (!ok) throw new MoatError('MOAT_ADMIN_UNAUTHORIZED');
        });

        admin.post('/accounts', async (req, reply) => {
          const b = parse(accountBody, req.body);
          const now = Date.now();
          const { createdAt, ...rest } = b;
          const account: StoredAccount = {
            ...rest,
            id: b.id ?? `acct_${randomBytes(8).toString('hex')}`,
            createdAt: toMs(createdAt) ?? now,
          };
          if (!(await deps.store.createAccount(account))) {
            throw new MoatError('MOAT_CONFLICT', `Account "${account.id}" already exists.`);
          }
          let verdict = allowVerdict(account.id, now);
          const initial = await deps.hooks.accountCreated?.(account);
          if (initial) {
            deps.applyVerdicts([initial]);
            verdict = deps.verdicts.verdict(account.id);
          }
          await deps.hooks.audit?.({ actor: actorOf(req), action: 'account.created', subject: account.id });
          return reply.code(201).send({ ...account, verdict });
        });

        admin.get('/accounts', async (req) => {
          const q = req.query as { after?: string; limit?: string };
          const limit = Math.min(1000, Math.max(1, Number(q.limit ?? 100) || 100));
          return { data: await deps.store.listAccounts({ limit, ...(q.after ? { after: q.after } : {}) }) };
        });

        admin.get('/accounts/:id', async (req) => {
          const { id } = req.params as { id: string };
          const account = await deps.store.getAccount(id);
          if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
          const verdict = deps.verdicts.verdict(id);
          const pin = deps.verdicts.pin(id) ?? null;
          const keys = (await deps.store.listKeys(id)).map(({ hash: _h, ...k }) => k);
          const limits = (await deps.store.getLimits(id)) ?? null;
          return { ...account, verdict, level: pin?.level ?? verdict.level, pin, keys, limits };
        });

        admin.post('/accounts/:id/keys', async (req, reply) => {
          const { id } = req.params as { id: string };
          if (!(await deps.store.getAccount(id))) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
          const { key, secret } = await deps.keys.create(id);
          await deps.hooks.audit?.({ actor: actorOf(req), action: 'key.created', subject: id, data: { keyId: key.id } });
          return reply.code(201).send({ id: key.id, key: secret, account: id, prefix: key.prefix, createdAt: key.createdAt });
        });

        admin.delete('/keys/:keyId', async (req) => {
          const { keyId } = req.params as { keyId: string };
          const key = await deps.keys.revoke(keyId);
          if (!key) throw new MoatError('MOAT_NOT_FOUND', `No key "${keyId}".`);
          await deps.hooks.audit?.({ actor: actorOf(req), action: 'key.revoked', subject: key.account, data: { keyId } });
          return { id: key.id, account: key.account, revokedAt: key.revokedAt };
        });

        admin.get('/events', async (req) => {
          const q = parse(eventsQuery, req.query);
          const data = [];
          for await (const e of deps.store.events({
            account: q.account,
            since: queryTime('since', q.since),
            until: queryTime('until', q.until),
            limit: q.limit,
          })) data.push(e);
          return { data };
        });

        admin.get('/verdicts', async (req) => {
          const q = req.query as { minLevel?: string; limit?: string };
          const minLevel = q.minLevel === undefined ? 'monitor' : parse(z.enum(LEVELS), q.minLevel);
          return { data: await deps.store.listVerdicts({ minLevel, limit: Math.min(10_000, Number(q.limit ?? 1000) || 1000) }) };
        });

        admin.put('/accounts/:id/level', async (req) => {
          const { id } = req.params as { id: string };
          const v = validatePin(req.body);
          if (!v.ok) throw new MoatError('MOAT_INVALID_REQUEST', v.error);
          const b = v.value;
          if (!(await deps.store.getAccount(id))) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
          const pin = { level: b.level, reason: b.reason, by: actorOf(req), at: Date.now(), until: b.until ?? null };
          await deps.store.setPin(id, pin);
          deps.verdicts.setPin(id, pin);
          await deps.hooks.pinChanged?.(id);
          await deps.hooks.audit?.({ actor: pin.by, action: 'level.pinned', subject: id, reason: b.reason, data: pin });
          return { account: id, pin };
        });

        admin.delete('/accounts/:id/level', async (req) => {
          const { id } = req.params as { id: string };
          const removed = await deps.store.clearPin(id);
          if (!removed) throw new MoatError('MOAT_NOT_FOUND', `Account "${id}" has no pinned level.`);
          deps.verdicts.setPin(id, undefined);
          await deps.hooks.pinChanged?.(id);
          await deps.hooks.audit?.({ actor: actorOf(req), action: 'level.unpinned', subject: id });
          return { account: id, pin: null, level: deps.verdicts.level(id) };
        });

        admin.put('/accounts/:id/limits', async (req) => {
          const { id } = req.params as { id: string };
          const b = parse(limitsBody, req.body);
          if (!(await deps.store.getAccount(id))) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
          await deps.store.setLimits(id, b);
          await deps.hooks.limitsChanged?.(id);
          await deps.hooks.audit?.({ actor: actorOf(req), action: 'limits.changed', subject: id, data: b });
          return { account: id, limits: b };
        });

        admin.post('/accounts/:id/verify', async (req) => {
          const { id } = req.params as { id: string };
          const b = parse(verifyBody, req.body);
          const verified = { at: Date.now(), by: actorOf(req), organization: b.organization, note: b.note };
          const account = await deps.store.updateAccount(id, { verified });
          if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
          await deps.hooks.accountVerified?.(id);
          await deps.hooks.limitsChanged?.(id);
          await deps.hooks.audit?.({ actor: verified.by, action: 'account.verified', subject: id, data: b });
          return account;
        });

        for (const p of deps.plugins ?? []) await p(admin);
      },
      { prefix: '/admin/v1' },
    );
  };
}
