import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProvenanceConfig } from './config.js';

/** The Ed25519 key that signs receipts now. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Everything provenance needs from the data dir. */
export interface ProvenanceKeys {
  /** Master watermark key (32 bytes). */
  watermarkKey: Buffer;
  signing: SigningKey;
  /** Every public key ever used, current and rotated-out, by kid: old receipts stay verifiable. */
  publicKeys: Map<string, KeyObject>;
}

/** A JSON Web Key (RFC 8037: OKP / Ed25519). */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

/**
 * Key id: the RFC 7638 JWK thumbprint (SHA-256 over the canonical {crv,kty,x}), base64url.
 */
export function keyId(publicKey: KeyObject): string {
  const jwk = publicKey.export({ format: 'jwk' });
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

/**
 * Per-account watermark key: HMAC-SHA256(master, "moat-wm-account" ‖ account). Deterministic,
 * so the detector can re-derive the key of every account it knows without storing any.
 */
export function deriveAccountKey(master: Buffer, account: string): Buffer {
  return createHmac('sha256', master)
    .update('moat-wm-account\u0000' + account)
    .digest();
}

function writeSecret(path: string, data: string): void {
  writeFileSync(path, data, { mode: 0o600, flag: 'wx' });
}

function resolveWatermarkKey(dir: string, cfg: ProvenanceConfig, env: NodeJS.ProcessEnv): Buffer {
  const { key, keyEnv } = cfg.watermark;
  if (key) return Buffer.from(key, 'hex');
  if (keyEnv) {
    const v = env[keyEnv];
    if (!v || !/^[0-9a-fA-F]{64}$/.test(v))
      throw new Error(`provenance.watermark.keyEnv: ${keyEnv} must hold 64 hex characters`);
    return Buffer.from(v, 'hex');
  }
  const file = join(dir, 'watermark.key');
  if (!existsSync(file)) writeSecret(file, randomBytes(32).toString('hex') + '\n');
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${file}: expected 64 hex characters`);
  return Buffer.from(hex, 'hex');
}

/** Create a new Ed25519 signing key in `<dataDir>/provenance/signing/` and make it current. */
export function rotateSigningKey(dataDir: string): SigningKey {
  const dir = join(dataDir, 'provenance', 'signing');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = keyId(publicKey);
  writeSecret(
    join(dir, `${kid}.key`),
    privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  );
  writeFileSync(
    join(dir, `${kid}.pub`),
    publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  );
  writeFileSync(join(dir, 'current'), kid + '\n', { mode: 0o600 });
  return { kid, privateKey, publicKey };
}

function loadSigning(
  dataDir: string,
  create: boolean,
): { signing: SigningKey | undefined; publicKeys: Map<string, KeyObject> } {
  const dir = join(dataDir, 'provenance', 'signing');
  const publicKeys = new Map<string, KeyObject>();
  if (existsSync(dir)) {
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.pub'))
      .sort()) {
      const pub = createPublicKey(readFileSync(join(dir, f), 'utf8'));
      publicKeys.set(keyId(pub), pub);
    }
  }
  const currentFile = join(dir, 'current');
  if (existsSync(currentFile)) {
    const kid = readFileSync(currentFile, 'utf8').trim();
    const privateKey = createPrivateKey(readFileSync(join(dir, `${kid}.key`), 'utf8'));
    const publicKey = createPublicKey(privateKey);
    publicKeys.set(kid, publicKey);
    return { signing: { kid, privateKey, publicKey }, publicKeys };
  }
  if (!create) return { signing: undefined, publicKeys };
  const signing = rotateSigningKey(dataDir);
  publicKeys.set(signing.kid, signing.publicKey);
  return { signing, publicKeys };
}

/**
 * Load the watermark key and the Ed25519 signing keys from `<dataDir>/provenance/`,
 * generating them (files mode 0600) on first start. The watermark key may instead come
 * from config (`provenance.watermark.key`) or an environment variable it names.
 * @example const keys = loadOrCreateKeys(cfg.dataDirAbs, cfg.provenance, ctx.env);
 */
export function loadOrCreateKeys(
  dataDir: string,
  cfg: ProvenanceConfig,
  env: NodeJS.ProcessEnv = {},
): ProvenanceKeys {
  const dir = join(dataDir, 'provenance');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const watermarkKey = resolveWatermarkKey(dir, cfg, env);
  const { signing, publicKeys } = loadSigning(dataDir, true);
  return { watermarkKey, signing: signing!, publicKeys };
}

/** Public keys only (for verification from a data dir without creating anything). */
export function loadPublicKeys(dataDir: string): Map<string, KeyObject> {
  return loadSigning(dataDir, false).publicKeys;
}

/** The JWK set served at `GET /.well-known/moat-keys`: every public key, current first. */
export function publicJwks(keys: Pick<ProvenanceKeys, 'publicKeys' | 'signing'>): {
  keys: Ed25519Jwk[];
} {
  const kids = [
    keys.signing.kid,
    ...[...keys.publicKeys.keys()].filter((k) => k !== keys.signing.kid),
  ];
  return {
    keys: kids.map((kid) => {
      const jwk = keys.publicKeys.get(kid)!.export({ format: 'jwk' });
      return { kty: 'OKP', crv: 'Ed25519', x: String(jwk.x), kid, use: 'sig', alg: 'EdDSA' };
    }),
  };
}

/** Public keys from a JWK set (e.g. fetched from a gateway's /.well-known/moat-keys). */
export function keysFromJwks(jwks: {
  keys: { kty?: string; crv?: string; x?: string; kid?: string }[];
}): Map<string, KeyObject> {
  const out = new Map<string, KeyObject>();
  for (const k of jwks.keys) {
    if (k.kty !== 'OKP' || k.crv !== 'Ed25519' || !k.x || !k.kid) continue;
    out.set(k.kid, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.x }, format: 'jwk' }));
  }
  return out;
}

/**
 * The master watermark key as configured (config, env) or stored in the data dir, without
 * creating one: undefined when none exists yet (detection has nothing to look for).
 */
export function findWatermarkKey(
  dataDir: string,
  cfg: ProvenanceConfig,
  env: NodeJS.ProcessEnv = {},
): Buffer | undefined {
  const dir = join(dataDir, 'provenance');
  if (!cfg.watermark.key && !cfg.watermark.keyEnv && !existsSync(join(dir, 'watermark.key')))
    return undefined;
  return resolveWatermarkKey(dir, cfg, env);
}
