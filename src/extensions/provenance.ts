import type { Extension, MoatApp } from '../gateway/app.js';
import type { RequestContext } from '../gateway/context.js';
import type { FastifyInstance } from 'fastify';
import { MoatError } from '../errors/registry.js';
import { replyError } from '../gateway/models-route.js';
import { presentedKey } from '../gateway/server.js';
import {
  createCanaryPlanter,
  deriveAccountKey,
  loadOrCreateKeys,
  publicJwks,
  type CanaryStore,
} from '../provenance/index.js';
import { canaryStage, provenancePlan, watermarkStage } from '../provenance/stages.js';
import { ServedReceipts, WatermarkedAccounts, type ServedRequest } from '../provenance/served.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/** Responses whose receipts GET /v1/receipts/{id} can return, and for how long (issue 16). */
const RECEIPTS_KEPT = 10_000;
const RECEIPTS_TTL_MS = 3_600_000;

/**
 * `GET /v1/receipts/{id}`: the receipts of a response served in the last hour (the
 * latest 10,000), by its response id (`chatcmpl-…`, `msg_…`) or its `x-request-id`, to the
 * key's own account only (anyone else gets 404, as for an unknown id).
 */
function receiptRoute(core: Core, receipts: ServedReceipts<RequestContext>) {
  return (app: FastifyInstance) => {
    app.get('/v1/receipts/:id', async (req, reply) => {
      const { id } = req.params as { id: string };
      try {
        const secret = presentedKey(req);
        if (!secret) throw new MoatError('MOAT_MISSING_API_KEY');
        const key = await core.keys.authenticate(secret);
        if (!key) throw new MoatError('MOAT_INVALID_API_KEY');
        const rec = receipts.find(id, key.account);
        if (!rec) {
          throw new MoatError(
            'MOAT_NOT_FOUND',
            `No receipt for "${id}" here: receipts are kept ${RECEIPTS_TTL_MS / 60_000} minutes on the replica that served the response; older ones are on its telemetry event.`,
          );
        }
        return {
          object: 'moat.receipts',
          id,
          requestId: rec.requestId,
          responseId: rec.responseId ?? null,
          model: rec.model,
          receipts: rec.receipts,
        };
      } catch (err) {
        if (err instanceof MoatError) return replyError(req, reply, err);
        throw err;
      }
    });
  };
}

/**
 * Provenance (issue 6) in the gateway: keyed lexical watermark on served text (streams
 * too), an Ed25519 receipt on every response (`moat-receipt` header; a trailing
 * `moat-receipt` SSE event for streams), canaries for suspect accounts, and the public
 * keys at GET /.well-known/moat-keys. `canaryStore` (`openCanaryStore`) is closed with it.
 */
export function provenanceExtension(
  core: Core,
  env: NodeJS.ProcessEnv,
  canaryStore: CanaryStore,
): Extension {
  const cfg = core.config.provenance;
  const keys = loadOrCreateKeys(core.config.dataDirAbs, cfg, env);
  const planter = createCanaryPlanter(keys.watermarkKey, canaryStore, cfg.canary);
  const accountKeys = new Map<string, Buffer>();
  const accountKey = (account: string) => {
    let k = accountKeys.get(account);
    if (!k) {
      if (accountKeys.size > 100_000) accountKeys.clear();
      accountKeys.set(account, (k = deriveAccountKey(keys.watermarkKey, account)));
    }
    return k;
  };
  const receipts = new ServedReceipts<RequestContext>(keys.signing, {
    max: RECEIPTS_KEPT,
    ttlMs: RECEIPTS_TTL_MS,
  });
  const served = (ctx: RequestContext): ServedRequest => ({
    account: ctx.account,
    keyId: ctx.keyId,
    model: ctx.model,
    requestId: ctx.requestId,
    endpoint: ctx.adapter.endpoint,
    stream: ctx.stream,
  });
  const jwks = publicJwks(keys);

  const { accounts } = core;
  const receiptsFor = new WeakSet<RequestContext>();
  const watermarked = new WatermarkedAccounts(canaryStore, (err, account) =>
    core.logger.error({ err, account }, 'could not record a watermarked account'),
  );
  const plan = async (ctx: RequestContext) => {
    const info = accounts.peek(ctx.account) ?? (await accounts.get(ctx.account));
    return provenancePlan(cfg, info?.tier, ctx.protocol, ctx.clientBody);
  };

  return {
    name: 'provenance',
    guards: [
      {
        name: 'provenance',
        async before(ctx) {
          // Vectors carry no text to mark or sign (issue 16).
          if (ctx.adapter.endpoint === 'embeddings') return;
          const p = await plan(ctx);
          if (p.watermark) {
            watermarked.note(ctx.account, ctx.arrivedAt);
            ctx.plan.textStages.push(
              watermarkStage(
                keys.watermarkKey,
                cfg.watermark.perAccount ? accountKey(ctx.account) : undefined,
                cfg.watermark.accountShare,
                p.json,
              ),
            );
          }
          if (p.receipts) receiptsFor.add(ctx);
          if (!p.canary) return;
          const planted = await planter.plant({
            account: ctx.account,
            level: ctx.level,
            requestId: ctx.requestId,
            ts: ctx.arrivedAt,
          });
          if (planted) {
            ctx.plan.textStages.push(canaryStage(planted, p.json));
            ctx.eventExtras['canary'] = true;
          }
        },
      },
    ],
    finishers: [
      {
        jsonHeaders: (ctx, facts) =>
          receiptsFor.has(ctx)
            ? receipts
                .sign(ctx, served(ctx), facts)
                .then((list) => ({ 'moat-receipt': list[0]!.receipt }))
            : {},
        // SSE comment lines before the terminator: no SDK's parser sees them (issue 16).
        trailingEvents: (ctx, facts) =>
          receiptsFor.has(ctx)
            ? receipts
                .sign(ctx, served(ctx), facts)
                .then((list) => list.map((r) => ({ comment: `moat-receipt ${JSON.stringify(r)}` })))
            : [],
        eventFields: (ctx, facts) => {
          if (!receiptsFor.has(ctx) || !(facts.text || receipts.has(ctx))) return {};
          const list = receipts.served(ctx, served(ctx), facts);
          return list.length === 1 ? { receipt: list[0]!.receipt } : { receipts: list };
        },
      },
    ],
    plugins: [
      (app) => {
        app.get('/.well-known/moat-keys', async (_req, reply) =>
          reply.header('cache-control', 'public, max-age=300').send(jwks),
        );
      },
      receiptRoute(core, receipts),
    ],
    close: async () => canaryStore.close(),
  };
}
