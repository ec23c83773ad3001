import { createHash } from 'node:crypto';
import type { Level } from '../telemetry/event.js';
import { createCanaryPlanter } from './canary.js';
import type { CanaryStore } from './canary-store.js';
import type { ProvenanceConfig } from './config.js';
import { deriveAccountKey, publicJwks, type Ed25519Jwk, type ProvenanceKeys } from './keys.js';
import { signReceipt } from './receipt.js';
import { createWatermarker } from './watermark/embed.js';

/** Who and what a response is for. */
export interface ResponseMeta {
  account: string;
  /** API key id (never the secret). */
  keyId: string;
  model: string;
  requestId: string;
  /** The account's current ladder level (decides canaries). */
  level: Level;
  /** Per-tier overrides of the config defaults. */
  watermark?: boolean;
  receipt?: boolean;
  canary?: boolean;
}

/** What finish() returns. */
export interface ResponseEnd {
  /** Text still to emit: the held-back word, then the canary sentence if one was planted. */
  tail: string;
  /** The moat-receipt value over everything emitted (push outputs + tail), when enabled. */
  receipt: string | undefined;
  /** Whether a canary was appended. */
  canary: boolean;
}

/** Provenance for one response's assistant text, streamed or whole. */
export interface ResponseProvenance {
  /** Feed an assistant text delta; emit what it returns right away. */
  push(delta: string): string;
  /** Call once when the upstream text ends. */
  finish(): Promise<ResponseEnd>;
}

/** Provenance for the gateway: one object at start-up, one ResponseProvenance per response. */
export interface Provenance {
  forResponse(meta: ResponseMeta): ResponseProvenance;
  /** Body of GET /.well-known/moat-keys. */
  jwks(): { keys: Ed25519Jwk[] };
}

/**
 * Wire watermark, canaries and receipts together. The receipt signs the SHA-256 of exactly
 * the text emitted, hashed as it streams (no buffering); the canary sentence, when the
 * planter picks this response, is appended after the watermarked text and covered too.
 * @example
 * const prov = createProvenance(cfg.provenance, loadOrCreateKeys(cfg.dataDirAbs, cfg.provenance, env), store);
 * const p = prov.forResponse({ account, keyId, model, requestId, level });
 * for await (const d of deltas) send(p.push(d));
 * const end = await p.finish(); send(end.tail); trailer('moat-receipt', end.receipt);
 */
export function createProvenance(
  cfg: ProvenanceConfig,
  keys: ProvenanceKeys,
  store: CanaryStore,
  now: () => number = Date.now,
): Provenance {
  const planter = createCanaryPlanter(keys.watermarkKey, store, cfg.canary);
  const noted = new Set<string>();
  return {
    jwks: () => publicJwks(keys),
    forResponse(meta) {
      const watermark = meta.watermark ?? cfg.watermark.enabled;
      const hash = createHash('sha256');
      const wm = watermark
        ? createWatermarker(keys.watermarkKey, {
            accountKey: cfg.watermark.perAccount
              ? deriveAccountKey(keys.watermarkKey, meta.account)
              : undefined,
            accountShare: cfg.watermark.accountShare,
          })
        : undefined;
      const seen = (s: string): string => {
        hash.update(s, 'utf8');
        return s;
      };
      return {
        push: (delta) => seen(wm ? wm.push(delta) : delta),
        async finish() {
          const ts = now();
          let tail = wm ? wm.flush() : '';
          if (watermark && !noted.has(meta.account)) {
            noted.add(meta.account);
            await store.noteAccount(meta.account, ts);
          }
          const suffix =
            meta.canary === false
              ? undefined
              : await planter.plant({
                  account: meta.account,
                  level: meta.level,
                  requestId: meta.requestId,
                  ts,
                });
          if (suffix) tail += suffix;
          seen(tail);
          const signing = meta.receipt ?? cfg.receipts.enabled;
          const receipt = signing
            ? signReceipt(
                keys.signing,
                { sha256: hash.digest('base64url') },
                {
                  account: meta.account,
                  keyId: meta.keyId,
                  model: meta.model,
                  ts,
                  requestId: meta.requestId,
                },
              )
            : undefined;
          return { tail, receipt, canary: suffix !== undefined };
        },
      };
    },
  };
}
