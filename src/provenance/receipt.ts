import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { SigningKey } from './keys.js';

/** What a receipt attests, besides the text itself. */
export interface ReceiptMeta {
  account: string;
  /** API key id (never the secret). */
  keyId: string;
  model: string;
  /** Epoch ms when the response was completed. */
  ts: number;
  requestId: string;
}

/** The signed payload of a receipt. */
export interface ReceiptFields extends ReceiptMeta {
  v: 1;
  /** Key id of the Ed25519 signing key (RFC 7638 thumbprint). */
  kid: string;
  /** SHA-256 of the exact assistant text returned, UTF-8, base64url. */
  sha256: string;
}

/** Result of verifying a receipt: expected outcomes are values (STYLE.md). */
export type ReceiptCheck =
  { ok: true; fields: ReceiptFields } | { ok: false; reason: string; fields?: ReceiptFields };

/** SHA-256 of a text, base64url: what a receipt's `sha256` holds. */
export function textDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/**
 * Sign a receipt over the returned assistant text: `base64url(JSON payload) "." base64url(Ed25519
 * signature over the first part)` — the compact shape of a JWS (RFC 7515) without its
 * header, safe in an HTTP header. For a stream, pass the digest of the concatenated
 * deltas as `{ sha256 }` (see textDigest).
 * @example res.setHeader('moat-receipt', signReceipt(keys.signing, text, meta));
 */
export function signReceipt(
  key: SigningKey,
  text: string | { sha256: string },
  meta: ReceiptMeta,
): string {
  const sha256 = typeof text === 'string' ? textDigest(text) : text.sha256;
  const fields: ReceiptFields = {
    v: 1,
    kid: key.kid,
    sha256,
    account: meta.account,
    keyId: meta.keyId,
    model: meta.model,
    ts: meta.ts,
    requestId: meta.requestId,
  };
  const payload = Buffer.from(JSON.stringify(fields)).toString('base64url');
  return payload + '.' + sign(null, Buffer.from(payload), key.privateKey).toString('base64url');
}

function parseFields(payload: string): ReceiptFields | string {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return 'malformed receipt: the payload is not base64url JSON';
  }
  const f = raw as Partial<ReceiptFields> | null;
  if (!f || typeof f !== 'object') return 'malformed receipt: the payload is not an object';
  if (f.v !== 1) return `malformed receipt: unsupported version ${String(f.v)}`;
  for (const k of ['kid', 'sha256', 'account', 'keyId', 'model', 'requestId'] as const) {
    if (typeof f[k] !== 'string') return `malformed receipt: field "${k}" missing or not a string`;
  }
  if (typeof f.ts !== 'number') return 'malformed receipt: field "ts" missing or not a number';
  return f as ReceiptFields;
}

/**
 * Check that `receipt` is a valid signature, by a known key, over exactly `text`.
 * `publicKeys` maps kid → key (loadPublicKeys, keysFromJwks); rotated keys keep working.
 */
export function verifyReceipt(
  text: string,
  receipt: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
): ReceiptCheck {
  const parts = receipt.trim().split('.');
  if (
    parts.length !== 2 ||
    !/^[A-Za-z0-9_-]+$/.test(parts[0]!) ||
    !/^[A-Za-z0-9_-]+$/.test(parts[1]!)
  ) {
    return {
      ok: false,
      reason: 'malformed receipt: expected "<payload>.<signature>" in base64url',
    };
  }
  const [payload, signature] = parts as [string, string];
  const fields = parseFields(payload);
  if (typeof fields === 'string') return { ok: false, reason: fields };
  const key = publicKeys.get(fields.kid);
  if (!key) return { ok: false, reason: `unknown signing key "${fields.kid}"`, fields };
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64 || !verify(null, Buffer.from(payload), key, sig)) {
    return {
      ok: false,
      reason: 'bad signature: the receipt was altered or signed by another key',
      fields,
    };
  }
  if (textDigest(text) !== fields.sha256) {
    return {
      ok: false,
      reason: 'text does not match: its SHA-256 differs from the one the receipt signs',
      fields,
    };
  }
  return { ok: true, fields };
}
