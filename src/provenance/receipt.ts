import { hash, sign, verify, type KeyObject } from 'node:crypto';
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
  /** The choice (OpenAI `index`) whose text alone is signed; absent when the receipt covers the whole response. */
  choice?: number | undefined;
}

/** The signed payload of a receipt. */
export interface ReceiptFields extends ReceiptMeta {
  /** 1: signed alone; 2: one leaf of a signed batch (see ReceiptSigner). */
  v: 1 | 2;
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
  // One-shot crypto.hash: several times cheaper than a createHash object per call.
  return hash('sha256', text, 'base64url');
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
  const payload = receiptPayload(1, key.kid, text, meta);
  return payload + '.' + sign(null, Buffer.from(payload), key.privateKey).toString('base64url');
}

function receiptPayload(
  v: 1 | 2,
  kid: string,
  text: string | { sha256: string },
  meta: ReceiptMeta,
): string {
  const fields: ReceiptFields = {
    v,
    kid,
    sha256: typeof text === 'string' ? textDigest(text) : text.sha256,
    account: meta.account,
    keyId: meta.keyId,
    model: meta.model,
    ts: meta.ts,
    requestId: meta.requestId,
  };
  if (meta.choice !== undefined) fields.choice = meta.choice;
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

// ---- Batched receipts: one signature per batch over a Merkle tree root ----
//
// Signing every response alone costs one Ed25519 signature each (tens of µs of CPU on the
// gateway's request thread). Responses that finish in the same turn of the event loop are
// signed together instead: their payloads are the leaves of a Merkle tree built the way
// Certificate Transparency builds its log (RFC 6962 §2.1, RFC 9162 §2.1: leaf hash
// SHA-256(0x00 ‖ leaf), node hash SHA-256(0x01 ‖ left ‖ right), the left subtree the largest
// power of two below n), the root is signed once, and each receipt carries its leaf index,
// the tree size and its inclusion proof. A batch of one is a plain v1 receipt.
//
// v2 receipt: base64url(payload) "." base64url(signature over ROOT_CONTEXT ‖ size ‖ root)
//             "." base64url(uint32 index ‖ uint32 size ‖ proof hashes, 32 bytes each)

const ROOT_CONTEXT = Buffer.from('moat-receipt-batch-v2\0');
/** The largest batch signed at once; more waiting receipts start another batch. */
const MAX_BATCH = 1024;

function sha256(...parts: Buffer[]): Buffer {
  return hash('sha256', Buffer.concat(parts), 'buffer') as unknown as Buffer;
}

const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** RFC 6962 leaf hash of a receipt payload (its base64url text, as signed in v1). */
function leafHash(payload: string): Buffer {
  return sha256(LEAF, Buffer.from(payload));
}

/** Largest power of two strictly below n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** A Merkle tree over leaf hashes: every subtree hash computed once, so each proof is O(log n). */
class MerkleTree {
  private readonly nodes = new Map<number, Buffer>();
  readonly root: Buffer;

  constructor(private readonly leaves: Buffer[]) {
    this.root = this.hash(0, leaves.length);
  }

  private hash(lo: number, hi: number): Buffer {
    if (hi - lo === 1) return this.leaves[lo]!;
    const id = lo * (this.leaves.length + 1) + hi;
    let h = this.nodes.get(id);
    if (!h) {
      const k = lo + splitPoint(hi - lo);
      this.nodes.set(id, (h = sha256(NODE, this.hash(lo, k), this.hash(k, hi))));
    }
    return h;
  }

  /** Inclusion proof of leaf `index`: sibling subtree hashes, nearest the leaf first (RFC 9162 §2.1.3.1). */
  proof(index: number): Buffer[] {
    const path: Buffer[] = [];
    let lo = 0;
    let hi = this.leaves.length;
    while (hi - lo > 1) {
      const k = lo + splitPoint(hi - lo);
      if (index < k) {
        path.push(this.hash(k, hi));
        hi = k;
      } else {
        path.push(this.hash(lo, k));
        lo = k;
      }
    }
    return path.reverse();
  }
}

/** The root implied by a leaf, its index, the tree size and an inclusion proof (RFC 9162 §2.1.3.2). */
function rootFromProof(
  leaf: Buffer,
  index: number,
  size: number,
  proof: Buffer[],
): Buffer | undefined {
  if (index >= size) return undefined;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return undefined;
    if ((fn & 1) === 1 || fn === sn) {
      r = sha256(NODE, p, r);
      if ((fn & 1) === 0) {
        while ((fn & 1) === 0 && fn !== 0) {
          fn >>>= 1;
          sn >>>= 1;
        }
      }
    } else {
      r = sha256(NODE, r, p);
    }
    fn >>>= 1;
    sn >>>= 1;
  }
  return sn === 0 ? r : undefined;
}

function rootMessage(size: number, root: Buffer): Buffer {
  const n = Buffer.alloc(4);
  n.writeUInt32BE(size);
  return Buffer.concat([ROOT_CONTEXT, n, root]);
}

interface Pending {
  sha256: string;
  meta: ReceiptMeta;
  resolve: (receipt: string) => void;
}

/**
 * Signs receipts in batches: `sign()` queues one and resolves once the batch it joined is
 * signed, at the end of the current turn of the event loop (setImmediate), so a lone
 * request waits no longer than that and a busy gateway signs once for many responses.
 */
export class ReceiptSigner {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly key: SigningKey) {}

  /** The receipt over `text` (or its digest) and `meta`, signed with the next batch. */
  sign(text: string | { sha256: string }, meta: ReceiptMeta): Promise<string> {
    const sha256 = typeof text === 'string' ? textDigest(text) : text.sha256;
    return new Promise((resolve) => {
      this.pending.push({ sha256, meta, resolve });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Sign everything queued now (also what the scheduled turn does). */
  flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0, MAX_BATCH);
      signBatch(this.key, batch);
    }
  }
}

function signBatch(key: SigningKey, batch: Pending[]): void {
  if (batch.length === 1) {
    // A batch of one: a plain v1 receipt (no proof to carry).
    const only = batch[0]!;
    only.resolve(signReceipt(key, only, only.meta));
    return;
  }
  const payloads = batch.map((p) => receiptPayload(2, key.kid, p, p.meta));
  const tree = new MerkleTree(payloads.map(leafHash));
  const size = payloads.length;
  const signature = sign(null, rootMessage(size, tree.root), key.privateKey).toString('base64url');
  batch.forEach((p, i) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(i, 0);
    head.writeUInt32BE(size, 4);
    p.resolve(
      `${payloads[i]!}.${signature}.${Buffer.concat([head, ...tree.proof(i)]).toString('base64url')}`,
    );
  });
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
  if (f.v !== 1 && f.v !== 2) return `malformed receipt: unsupported version ${String(f.v)}`;
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
    (parts.length !== 2 && parts.length !== 3) ||
    !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))
  ) {
    return {
      ok: false,
      reason:
        'malformed receipt: expected "<payload>.<signature>" or "<payload>.<signature>.<proof>" in base64url',
    };
  }
  const [payload, signature, proofPart] = parts as [string, string, string | undefined];
  const fields = parseFields(payload);
  if (typeof fields === 'string') return { ok: false, reason: fields };
  if ((fields.v === 2) !== (proofPart !== undefined)) {
    return {
      ok: false,
      reason: `malformed receipt: a v${fields.v} receipt ${fields.v === 2 ? 'needs' : 'has no'} an inclusion proof`,
      fields,
    };
  }
  const key = publicKeys.get(fields.kid);
  if (!key) return { ok: false, reason: `unknown signing key "${fields.kid}"`, fields };
  let signed: Buffer = Buffer.from(payload);
  if (proofPart !== undefined) {
    const raw = Buffer.from(proofPart, 'base64url');
    if (raw.length < 8 || (raw.length - 8) % 32 !== 0) {
      return {
        ok: false,
        reason: 'malformed receipt: the inclusion proof is not an index, a size and 32-byte hashes',
        fields,
      };
    }
    const proof: Buffer[] = [];
    for (let o = 8; o < raw.length; o += 32) proof.push(raw.subarray(o, o + 32));
    const size = raw.readUInt32BE(4);
    const root = rootFromProof(leafHash(payload), raw.readUInt32BE(0), size, proof);
    if (!root)
      return { ok: false, reason: 'bad inclusion proof: it does not lead to a batch root', fields };
    signed = rootMessage(size, root);
  }
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64 || !verify(null, signed, key, sig)) {
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
