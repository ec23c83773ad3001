import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { MoatError } from '../errors/registry.js';
import type { StoredAccount, StoredKey } from '../store/store.js';
import { accountSearchQuery, searchAccounts } from './account-search.js';
import { collectOpenApi } from './openapi.js';
import { LEVELS, allowVerdict } from '../telemetry/event.js';
import type { AdminDeps } from '../gateway/admin-api.js';
import { levelPinSchema as pinBody, validatePin } from '../respond/ladder.js';
import { ConsoleSessions } from './session.js';
import { consoleAccess, consoleWeb } from './web.js';

// The contract the gateway mounts this API through (issue 15: the gateway receives it).
export type { AdminDeps, AdminHooks } from '../gateway/admin-api.js';

const time = z.union([
  z.number().int().nonnegative(),
  z.iso.datetime({
    offset: true,
    message: 'expected an ISO 8601 date-time (e.g. 2026-01-01T00:00:00Z) or epoch milliseconds',
  }),
]);

const accountBody = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'expected 1–128 characters of A–Z, a–z, 0–9, _ . : -')
      .optional(),
    name: z.string().max(256).optional(),
    email: z
      .email({ message: 'expected an email address like name@example.com' })
      .max(320)
      .optional(),
    createdAt: time.optional(),
    signupIp: z
      .string()
      .refine((s) => isIP(s) !== 0, 'expected an IPv4 or IPv6 address')
      .optional(),
    paymentFingerprint: z.string().min(1).max(256).optional(),
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code')
      .optional(),
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
  .object({
    organization: z.string().min(1).max(256).optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();

const eventsQuery = z.object({
  account: z
    .string()
    .min(1)
    .max(256)
    .refine((a) => !a.includes('\0'), 'must not contain a NUL character')
    .optional()
    .describe('only this account (default: every account)'),
  since: z.string().optional().describe('epoch ms or ISO 8601, inclusive'),
  until: z.string().optional().describe('epoch ms or ISO 8601, exclusive'),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

const keyBody = z
  .object({
    name: z.string().min(1).max(128).optional().describe('a label shown in key lists'),
    expiresAt: time
      .optional()
      .describe('from this time on the key is refused (must be in the future)'),
  })
  .strict();

/** Fields an administrator may change on an account (PATCH); signup evidence (IP, payment, created) stays as recorded. */
const accountPatch = z
  .object({
    name: z.string().max(256).optional(),
    email: accountBody.shape.email,
    tier: z.string().min(1).max(64).optional(),
    country: accountBody.shape.country,
    route: z.string().min(1).max(64).optional(),
    organization: z.string().max(256).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give at least one field to change');

const reasonBody = z.object({ reason: z.string().min(1).max(1000) }).strict();

const verdictsQuery = z.object({
  minLevel: z.enum(LEVELS).default('monitor'),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
});

/** A key as listed: never its hash; `status` says whether it works now. */
function listedKey(k: StoredKey, now: number) {
  const { hash: _h, ...rest } = k;
  const status =
    k.revokedAt !== null
      ? 'revoked'
      : k.expiresAt != null && k.expiresAt <= now
        ? 'expired'
        : 'active';
  return { ...rest, name: k.name ?? null, expiresAt: k.expiresAt ?? null, status };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const path = i.path.length ? i.path.join('.') : 'body';
  throw new MoatError('MOAT_INVALID_REQUEST', `${path}: ${i.message}`, { param: path });
}

/** The path of the first string under `v` holding a NUL character, if any. */
function nulPath(v: unknown, path: string, depth = 0): string | undefined {
  if (typeof v === 'string') return v.includes('\u0000') ? path : undefined;
  if (depth > 32 || typeof v !== 'object' || v === null) return undefined;
  for (const [k, x] of Object.entries(v)) {
    const p = k.includes('\u0000') ? `${path}.${k}` : nulPath(x, `${path}.${k}`, depth + 1);
    if (p) return p;
  }
  return undefined;
}

function toMs(t: number | string | undefined): number | undefined {
  if (t === undefined) return undefined;
  return typeof t === 'number' ? t : Date.parse(t);
}

/** The largest epoch-millisecond value a JavaScript Date holds (ECMA-262 §21.4.1.1). */
const MAX_TIME_MS = 8.64e15;

function queryTime(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  // Beyond what a Date can hold (±8.64e15 ms) is not a time; PostgreSQL's BIGINT would
  // refuse it with a 500 (issue 14).
  if (Number.isNaN(n) || !(Math.abs(n) <= MAX_TIME_MS))
    throw new MoatError(
      'MOAT_INVALID_REQUEST',
      `${name}: expected epoch milliseconds or an ISO 8601 time, got "${v}"`,
      { param: name },
    );
  return n;
}

/**
 * The admin API under /admin/v1, behind the admin bearer token (compared in constant time).
 * Accounts, keys, events, verdicts, level pins and limit overrides. Every change is
 * audited before it is made (a key, whose id exists only once made, is revoked again when
 * its entry fails): an action whose audit entry cannot be written does not happen (issue 14).
 */
export function adminRoutes(deps: AdminDeps) {
  const tokenHash = createHash('sha256').update(deps.adminToken).digest();
  const actorOf = (req: FastifyRequest) =>
    (req.headers['x-moat-actor'] as string | undefined)?.slice(0, 128) ?? 'admin';
  // The analyst console (/console) signs in with the admin token and then calls this API
  // with its session cookie (issue 17).
  const sessions = new ConsoleSessions();

  return async (app: FastifyInstance) => {
    // Failed sign-ins are audited through the same hook as every admin action (issue 17).
    await consoleWeb({
      adminToken: deps.adminToken,
      sessions,
      audit: (e) => deps.hooks.audit?.(e),
    })(app);
    await app.register(
      async (admin) => {
        const openapi = collectOpenApi(admin, { title: 'Moat admin API', version: '1' });
        admin.addHook('onRequest', async (req) => {
          const auth = req.headers.authorization ?? '';
          const given = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : '';
          const ok =
            given !== '' && timingSafeEqual(createHash('sha256').update(given).digest(), tokenHash);
          if (!ok) {
            const session = given === '' ? consoleAccess(sessions, req) : undefined;
            if (!session) throw new MoatError('MOAT_ADMIN_UNAUTHORIZED');
            // The console's actions are audited under the name given at sign-in.
            req.headers['x-moat-actor'] = `console:${session.actor}`;
          }
          // A NUL in a path or query value is never a valid id or time, and PostgreSQL
          // refuses it in text with a 500 (issue 14).
          if (/%00/.test(req.url))
            throw new MoatError('MOAT_INVALID_REQUEST', 'The URL contains a NUL character (%00).');
        });
        // Issue 14: nor in a body — PostgreSQL cannot store it (the audit write failed after the
        // action had happened), and it has no business in an id, a reason or a note.
        admin.addHook('preHandler', async (req) => {
          const where = nulPath(req.body, 'body');
          if (where)
            throw new MoatError(
              'MOAT_INVALID_REQUEST',
              `${where}: must not contain NUL (\\u0000) characters`,
              { param: where },
            );
        });

        admin.get(
          '/openapi.json',
          {
            config: {
              openapi: {
                summary:
                  'This document (OpenAPI 3.1), generated from the schemas that validate each request',
              },
            },
          },
          async () => openapi(),
        );

        admin.post(
          '/accounts',
          { config: { openapi: { summary: 'Create an account', body: accountBody, status: 201 } } },
          async (req, reply) => {
            const b = parse(accountBody, req.body);
            const now = Date.now();
            const { createdAt, ...rest } = b;
            const account: StoredAccount = {
              ...rest,
              id: b.id ?? `acct_${randomBytes(8).toString('hex')}`,
              createdAt: toMs(createdAt) ?? now,
            };
            const conflict = () =>
              new MoatError('MOAT_CONFLICT', `Account "${account.id}" already exists.`);
            if (await deps.store.getAccount(account.id)) throw conflict();
            // Audited before it happens (issue 14): no entry, no account.
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'account.created',
              subject: account.id,
            });
            if (!(await deps.store.createAccount(account))) {
              await Promise.resolve(
                deps.hooks.audit?.({
                  actor: 'system',
                  action: 'account.create.aborted',
                  subject: account.id,
                  reason: 'created concurrently',
                }),
              ).catch(() => {});
              throw conflict();
            }
            let verdict = allowVerdict(account.id, now);
            const initial = await deps.hooks.accountCreated?.(account);
            if (initial) {
              deps.applyVerdicts([initial]);
              verdict = deps.verdicts.verdict(account.id);
            }
            return reply.code(201).send({ ...account, verdict });
          },
        );

        admin.get(
          '/accounts',
          {
            config: {
              openapi: {
                summary:
                  'List and search accounts by level, tier, score, creation time, organization, text; paged by id',
                description:
                  'Each account comes with its level in force and detector score. `next` is the id to pass as `after` for the next page (null at the end).',
                query: accountSearchQuery,
              },
            },
          },
          async (req) => {
            const q = parse(accountSearchQuery, req.query);
            const times = {
              createdAfter: queryTime('createdAfter', q.createdAfter),
              createdBefore: queryTime('createdBefore', q.createdBefore),
            };
            const now = Date.now();
            return searchAccounts(
              deps.store,
              (id) => ({
                verdict: deps.verdicts.verdict(id, now),
                level: deps.verdicts.level(id, now),
              }),
              q,
              times,
            );
          },
        );

        admin.patch(
          '/accounts/:id',
          {
            config: {
              openapi: {
                summary: 'Change an account: tier, name, email, country, route, organization',
                body: accountPatch,
              },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const b = parse(accountPatch, req.body);
            const before = await deps.store.getAccount(id);
            if (!before) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            const changed = Object.fromEntries(
              Object.keys(b).map((k) => [
                k,
                { from: before[k] ?? null, to: (b as Record<string, unknown>)[k] },
              ]),
            );
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'account.updated',
              subject: id,
              data: changed,
            });
            const account = await deps.store.updateAccount(id, b);
            if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            // The tier decides limits and policy: caches of the account's record must follow.
            await deps.hooks.limitsChanged?.(id);
            return account;
          },
        );

        admin.post(
          '/accounts/:id/disable',
          {
            config: {
              openapi: {
                summary: 'Disable an account: every key revoked, no new keys until enabled',
                body: reasonBody,
              },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const b = parse(reasonBody, req.body);
            if (!(await deps.store.getAccount(id)))
              throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            const keys = (await deps.store.listKeys(id)).filter((k) => k.revokedAt === null);
            const disabled = { at: Date.now(), by: actorOf(req), reason: b.reason };
            await deps.hooks.audit?.({
              actor: disabled.by,
              action: 'account.disabled',
              subject: id,
              reason: b.reason,
              data: { keys: keys.map((k) => k.id) },
            });
            const account = await deps.store.updateAccount(id, { disabled });
            for (const k of keys) await deps.keys.revoke(k.id, disabled.at);
            return { ...account, revokedKeys: keys.map((k) => k.id) };
          },
        );

        admin.post(
          '/accounts/:id/enable',
          {
            config: {
              openapi: {
                summary:
                  'Enable a disabled account (its revoked keys stay revoked: create new ones)',
                body: reasonBody,
              },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const b = parse(reasonBody, req.body);
            const account = await deps.store.getAccount(id);
            if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            if (!account['disabled'])
              throw new MoatError('MOAT_CONFLICT', `Account "${id}" is not disabled.`);
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'account.enabled',
              subject: id,
              reason: b.reason,
            });
            return deps.store.updateAccount(id, { disabled: null });
          },
        );

        admin.get(
          '/accounts/:id',
          {
            config: {
              openapi: { summary: 'An account, its verdict, pin, keys (never secrets) and limits' },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const account = await deps.store.getAccount(id);
            if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            const verdict = deps.verdicts.verdict(id);
            const pin = deps.verdicts.pin(id) ?? null;
            const now = Date.now();
            const keys = (await deps.store.listKeys(id)).map((k) => listedKey(k, now));
            const limits = (await deps.store.getLimits(id)) ?? null;
            // The level the gateway applies (issue 15): the pin, else the verdict through the tier's cap.
            const level = deps.verdicts.level(id, now, {
              tier: account.tier,
              verified: account.verified !== undefined,
            });
            return { ...account, verdict, level, pin, keys, limits };
          },
        );

        admin.get(
          '/accounts/:id/keys',
          {
            config: {
              openapi: {
                summary:
                  "An account's keys (never secrets), with status active, expired or revoked",
              },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            if (!(await deps.store.getAccount(id)))
              throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            const now = Date.now();
            return { data: (await deps.store.listKeys(id)).map((k) => listedKey(k, now)) };
          },
        );

        admin.post(
          '/accounts/:id/keys',
          {
            config: {
              openapi: {
                summary: 'Create a key; the secret is in this answer only',
                body: keyBody,
                status: 201,
              },
            },
          },
          async (req, reply) => {
            const { id } = req.params as { id: string };
            const b = parse(keyBody, req.body);
            const now = Date.now();
            const expiresAt = toMs(b.expiresAt);
            if (expiresAt !== undefined && expiresAt <= now) {
              throw new MoatError('MOAT_INVALID_REQUEST', 'expiresAt: must be in the future', {
                param: 'expiresAt',
              });
            }
            const account = await deps.store.getAccount(id);
            if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            if (account['disabled'])
              throw new MoatError(
                'MOAT_CONFLICT',
                `Account "${id}" is disabled; enable it first (POST /admin/v1/accounts/${id}/enable).`,
              );
            const { key, secret } = await deps.keys.create(id, now, { name: b.name, expiresAt });
            try {
              await deps.hooks.audit?.({
                actor: actorOf(req),
                action: 'key.created',
                subject: id,
                data: { keyId: key.id, name: key.name, expiresAt: key.expiresAt },
              });
            } catch (err) {
              // Not audited, so not issued: the secret is never shown and the key never works.
              await deps.keys.revoke(key.id);
              throw err;
            }
            return reply.code(201).send({
              id: key.id,
              key: secret,
              account: id,
              prefix: key.prefix,
              name: key.name ?? null,
              createdAt: key.createdAt,
              expiresAt: key.expiresAt ?? null,
            });
          },
        );

        admin.delete(
          '/keys/:keyId',
          { config: { openapi: { summary: 'Revoke a key at once' } } },
          async (req) => {
            const { keyId } = req.params as { keyId: string };
            const found = await deps.store.getKey(keyId);
            if (!found) throw new MoatError('MOAT_NOT_FOUND', `No key "${keyId}".`);
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'key.revoked',
              subject: found.account,
              data: { keyId },
            });
            const key = await deps.keys.revoke(keyId);
            if (!key) throw new MoatError('MOAT_NOT_FOUND', `No key "${keyId}".`);
            return { id: key.id, account: key.account, revokedAt: key.revokedAt };
          },
        );

        admin.get(
          '/events',
          {
            config: {
              openapi: {
                summary: 'Telemetry events in arrival order, of one account or all',
                query: eventsQuery,
              },
            },
          },
          async (req) => {
            const q = parse(eventsQuery, req.query);
            const data = [];
            for await (const e of deps.store.events({
              account: q.account,
              since: queryTime('since', q.since),
              until: queryTime('until', q.until),
              limit: q.limit,
            }))
              data.push(e);
            return { data };
          },
        );

        admin.get(
          '/verdicts',
          {
            config: {
              openapi: { summary: 'Stored verdicts at or above a level', query: verdictsQuery },
            },
          },
          async (req) => {
            const q = parse(verdictsQuery, req.query);
            return {
              data: await deps.store.listVerdicts({ minLevel: q.minLevel, limit: q.limit }),
            };
          },
        );

        admin.put(
          '/accounts/:id/level',
          {
            config: {
              openapi: {
                summary:
                  'Pin a level {level, reason, until?}; wins over the detector until removed or expired',
                body: pinBody,
              },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const v = validatePin(req.body);
            if (!v.ok) throw new MoatError('MOAT_INVALID_REQUEST', v.error);
            const b = v.value;
            if (!(await deps.store.getAccount(id)))
              throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            const pin = {
              level: b.level,
              reason: b.reason,
              by: actorOf(req),
              at: Date.now(),
              until: b.until ?? null,
            };
            await deps.hooks.audit?.({
              actor: pin.by,
              action: 'level.pinned',
              subject: id,
              reason: b.reason,
              data: pin,
            });
            await deps.store.setPin(id, pin);
            deps.verdicts.setPin(id, pin);
            await deps.hooks.pinChanged?.(id);
            return { account: id, pin };
          },
        );

        admin.delete(
          '/accounts/:id/level',
          { config: { openapi: { summary: 'Remove a pinned level' } } },
          async (req) => {
            const { id } = req.params as { id: string };
            const none = () =>
              new MoatError('MOAT_NOT_FOUND', `Account "${id}" has no pinned level.`);
            if (!(await deps.store.getPin(id))) throw none();
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'level.unpinned',
              subject: id,
            });
            if (!(await deps.store.clearPin(id))) throw none();
            deps.verdicts.setPin(id, undefined);
            await deps.hooks.pinChanged?.(id);
            return { account: id, pin: null, level: deps.verdicts.level(id) };
          },
        );

        admin.put(
          '/accounts/:id/limits',
          { config: { openapi: { summary: 'Override limits for an account', body: limitsBody } } },
          async (req) => {
            const { id } = req.params as { id: string };
            const b = parse(limitsBody, req.body);
            if (!(await deps.store.getAccount(id)))
              throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            await deps.hooks.audit?.({
              actor: actorOf(req),
              action: 'limits.changed',
              subject: id,
              data: b,
            });
            await deps.store.setLimits(id, b);
            await deps.hooks.limitsChanged?.(id);
            return { account: id, limits: b };
          },
        );

        admin.post(
          '/accounts/:id/verify',
          {
            config: {
              openapi: { summary: 'Record an organisation verification', body: verifyBody },
            },
          },
          async (req) => {
            const { id } = req.params as { id: string };
            const b = parse(verifyBody, req.body);
            const verified = {
              at: Date.now(),
              by: actorOf(req),
              organization: b.organization,
              note: b.note,
            };
            if (!(await deps.store.getAccount(id)))
              throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            await deps.hooks.audit?.({
              actor: verified.by,
              action: 'account.verified',
              subject: id,
              data: b,
            });
            const account = await deps.store.updateAccount(id, { verified });
            if (!account) throw new MoatError('MOAT_NOT_FOUND', `No account "${id}".`);
            await deps.hooks.accountVerified?.(id);
            await deps.hooks.limitsChanged?.(id);
            return account;
          },
        );

        for (const p of deps.plugins ?? []) await p(admin);
      },
      { prefix: '/admin/v1' },
    );
  };
}
