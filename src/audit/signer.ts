import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson, sha256Hex } from './canonical.js';

/**
 * A signed statement that the log held `seq` entries ending in `hash` at `ts`: a
 * checkpoint in the sense of Crosby & Wallach (2009) — later entries can be added, but
 * no earlier one can change, vanish or be reordered without breaking it.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  ts: number;
  /** First 16 hex of SHA-256 over the DER public key. */
  keyId: string;
  /** DER SubjectPublicKeyInfo, base64. */
  publicKey: string;
  /** Ed25519 (RFC 8032) signature over the canonical JSON of {seq, hash, ts, keyId}, base64. */
  signature: string;
}

/** An Ed25519 key pair that signs checkpoints. */
export interface CheckpointSigner {
  readonly keyId: string;
  readonly publicKeyDer: string;
  sign(seq: number, hash: string, ts: number): Checkpoint;
  /** Sign arbitrary bytes (detached signature, base64), e.g. a usage report. */
  signBytes(bytes: Uint8Array): string;
}

function statement(c: Pick<Checkpoint, 'seq' | 'hash' | 'ts' | 'keyId'>): Buffer {
  return Buffer.from(canonicalJson({ seq: c.seq, hash: c.hash, ts: c.ts, keyId: c.keyId }), 'utf8');
}

/** Key id of a public key: first 16 hex of SHA-256 of its DER (SPKI) encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return sha256Hex(der.toString('latin1')).slice(0, 16);
}

/** A signer from a PKCS#8 PEM private key. */
export function signerFromPem(pem: string): CheckpointSigner {
  const priv = createPrivateKey(pem);
  const pub = createPublicKey(priv);
  const keyId = keyIdOf(pub);
  const publicKeyDer = pub.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    keyId,
    publicKeyDer,
    sign(seq, hash, ts) {
      const signature = sign(null, statement({ seq, hash, ts, keyId }), priv).toString('base64');
      return { seq, hash, ts, keyId, publicKey: publicKeyDer, signature };
    },
    signBytes: (bytes) => sign(null, bytes, priv).toString('base64'),
  };
}

/**
 * Load the Ed25519 key from `file`, generating it (mode 0600, directory 0700) when
 * absent. The same key signs audit checkpoints and usage reports.
 */
export function loadOrCreateSigner(file: string): CheckpointSigner {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    // 'wx' fails if another process created it meanwhile; then read theirs.
    try {
      writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return signerFromPem(readFileSync(file, 'utf8'));
}

/** A public key from a PEM file (public or private) or base64 DER SPKI text. */
export function publicKeyFrom(text: string): KeyObject {
  if (text.includes('PRIVATE KEY')) return createPublicKey(createPrivateKey(text));
  if (text.includes('BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
}

/**
 * Check a checkpoint's signature. With `trusted`, the key must be that key; without,
 * the key embedded in the checkpoint is used (integrity only, not authenticity).
 */
export function verifyCheckpoint(
  c: Checkpoint,
  trusted?: KeyObject,
): { ok: boolean; reason?: string } {
  let key: KeyObject;
  try {
    key = trusted ?? publicKeyFrom(c.publicKey);
  } catch {
    return { ok: false, reason: 'checkpoint public key is not a valid Ed25519 key' };
  }
  if (keyIdOf(key) !== c.keyId)
    return {
      ok: false,
      reason: `checkpoint signed by key ${c.keyId}, not the trusted key ${keyIdOf(key)}`,
    };
  let good = false;
  try {
    good = verify(null, statement(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    good = false;
  }
  return good ? { ok: true } : { ok: false, reason: 'checkpoint signature does not verify' };
}

/** Verify a detached Ed25519 signature (base64) over `bytes`. */
export function verifyBytes(bytes: Uint8Array, signature: string, key: KeyObject): boolean {
  try {
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
