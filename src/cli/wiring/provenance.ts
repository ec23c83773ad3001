import { join } from 'node:path';
import type { Extension, MoatApp } from '../../gateway/app.js';
import type { RequestContext } from '../../gateway/context.js';
import type { TextStage } from '../../gateway/stages.js';
import {
  createCanaryPlanter,
  createWatermarker,
  deriveAccountKey,
  loadOrCreateKeys,
  publicJwks,
  ReceiptSigner,
  signReceipt,
  SqliteCanaryStore,
  watermarkText,
  type Watermarker,
} from '../../provenance/index.js';

type Core = Omit<MoatApp, 'server' | 'close' | 'flushTelemetry'>;

/** Watermark every choice / content block of one response, on the stream or whole. */
function watermarkStage(
  key: Buffer,
  accountKey: Buffer | undefined,
  accountShare: number,
): TextStage {
  const opts = { accountKey, accountShare };
  const byChoice = new Map<number, Watermarker>();
  const get = (c: number) => {
    let w = byChoice.get(c);
    if (!w) byChoice.set(c, (w = createWatermarker(key, opts)));
    return w;
  };
  return {
    push: (c, text) => get(c).push(text),
    flush: (c) => {
      const w = byChoice.get(c);
      byChoice.delete(c);
      return w ? w.flush() : '';
    },
    whole: (text) => watermarkText(key, text, opts),
  };
}

/** Append a canary once, to the first choice / text block that ends. */
function canaryStage(suffix: string): TextStage {
  let done = false;
  const once = () => {
    if (done) return '';
    done = true;
    return suffix;
  };
  return { push: (_c, text) => text, flush: () => once(), whole: (text) => text + once() };
}

/**
 * Provenance (issue 6) in the gateway: keyed lexical watermark on served text (streams
 * too), an Ed25519 receipt on every response (`moat-receipt` header; a trailing
 * `moat-receipt` SSE event for streams), canaries for suspect accounts, and the public
 * keys at GET /.well-known/moat-keys.
 */
export function provenanceExtension(core: Core, env: NodeJS.ProcessEnv): Extension {
  const cfg = core.config.provenance;
  const keys = loadOrCreateKeys(core.config.dataDirAbs, cfg, env);
  const canaryStore = new SqliteCanaryStore(join(core.config.dataDirAbs, 'provenance.db'));
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
  // Receipts are signed in batches (one Ed25519 signature per turn of the event loop, over
  // a Merkle root; see ReceiptSigner), so the signing cost per response falls with load.
  // Batches do not wait for company: a 1 ms window while other responses were in flight
  // saved ~5% CPU per response but cost ~20% of throughput at 16 connections (bench/README.md).
  const signer = new ReceiptSigner(keys.signing);
  const pendingReceipts = new WeakMap<RequestContext, Promise<string>>();
  const receipts = new WeakMap<RequestContext, string>();
  const metaOf = (ctx: RequestContext) => ({ account: ctx.account, keyId: ctx.keyId, model: ctx.model, ts: Date.now(), requestId: ctx.requestId });
  const receiptOf = (ctx: RequestContext, text: string): Promise<string> => {
    let r = pendingReceipts.get(ctx);
    if (!r) {
      r = signer.sign(text, metaOf(ctx)).then((value) => {
        receipts.set(ctx, value);
        return value;
      });
      pendingReceipts.set(ctx, r);
    }
    return r;
  };
  /** For telemetry: the receipt sent, or — for a response cut off before it — one signed now over what was served. */
  const receiptServed = (ctx: RequestContext, text: string): string => {
    let r = receipts.get(ctx);
    if (!r) receipts.set(ctx, (r = signReceipt(keys.signing, text, metaOf(ctx))));
    return r;
  };
  const jwks = publicJwks(keys);

  const { accounts } = core;
  const receiptsFor = new WeakSet<RequestContext>();

  /** Tier overrides, then the global switches; JSON-mode output is never watermarked. */
  const plan = async (ctx: RequestContext) => {
    const info = accounts.peek(ctx.account) ?? (await accounts.get(ctx.account));
    const tier = (info?.tier && cfg.tiers[info.tier]) || {};
    const rf = ctx.clientBody['response_format'] as { type?: string } | undefined;
    const structured = rf !== undefined && rf !== null && rf.type !== undefined && rf.type !== 'text';
    return {
      watermark: (tier.watermark ?? cfg.watermark.enabled) && !structured,
      receipts: tier.receipts ?? cfg.receipts.enabled,
      canary: (tier.canary ?? cfg.canary.enabled) && !structured,
    };
  };

  return {
    name: 'provenance',
    guards: [
      {
        name: 'provenance',
        async before(ctx) {
          const p = await plan(ctx);
          if (p.watermark) {
            ctx.plan.textStages.push(watermarkStage(keys.watermarkKey, cfg.watermark.perAccount ? accountKey(ctx.account) : undefined, cfg.watermark.accountShare));
          }
          if (p.receipts) receiptsFor.add(ctx);
          if (!p.canary) return;
          const suffix = await planter.plant({ account: ctx.account, level: ctx.level, requestId: ctx.requestId, ts: ctx.arrivedAt });
          if (suffix) {
            ctx.plan.textStages.push(canaryStage(suffix));
            ctx.eventExtras['canary'] = true;
          }
        },
      },
    ],
    finishers: [
      {
        jsonHeaders: (ctx, facts) =>
          receiptsFor.has(ctx) ? receiptOf(ctx, facts.text).then((receipt) => ({ 'moat-receipt': receipt })) : {},
        trailingEvents: (ctx, facts) =>
          receiptsFor.has(ctx)
            ? receiptOf(ctx, facts.text).then((receipt) => [{ event: 'moat-receipt', data: JSON.stringify({ type: 'moat-receipt', receipt }) }])
            : [],
        eventFields: (ctx, facts) =>
          receiptsFor.has(ctx) && (facts.text || receipts.has(ctx)) ? { receipt: receiptServed(ctx, facts.text) } : {},
      },
    ],
    plugins: [
      (app) => {
        app.get('/.well-known/moat-keys', async (_req, reply) =>
          reply.header('cache-control', 'public, max-age=300').send(jwks),
        );
      },
    ],
    close: async () => canaryStore.close(),
  };
}
