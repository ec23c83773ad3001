import { createHmac, hash as oneShotHash, randomBytes } from 'node:crypto';
import type { Store, StoredKey } from '../store/store.js';

/** What authentication yields on the hot path. */
export interface AuthenticatedKey {
  keyId: string;
  account: string;
}

interface CacheEntry {
  key: AuthenticatedKey | null;
  /** The stored (HMAC) hash, so revocation can find the entry. */
  hash: string;
  expires: number;
}

const KEY_PREFIX = 'sk-moat-';

/**
 * API keys: generated secrets shown once, stored only as HMAC-SHA256 under a server
 * pepper (never the secret — cf. LiteLLM #31620), looked up by that hash (O(1) index) and
 * cached in memory. Revocation drops the cache entry at once in this process; other
 * replicas see it within `cacheTtlMs`.
 */
export class KeyService {
  /** Keyed by cacheId(secret): a one-shot SHA-256 under the pepper, 4× cheaper than the HMAC. */
  private readonly cache = new Map<string, CacheEntry>();
  private readonly cachePrefix: string;

  constructor(
    private readonly store: Store,
    private readonly pepper: Buffer,
    private readonly opts: { cacheTtlMs?: number; cacheMax?: number; negativeTtlMs?: number } = {},
  ) {
    // A per-process random-looking prefix derived from the pepper: the in-memory cache
    // never holds a secret, and its ids differ from the stored hashes.
    this.cachePrefix = createHmac('sha256', pepper).update('moat key cache v1').digest('hex');
  }

  /** In-memory cache id of a presented secret (never stored, never logged). */
  private cacheId(secret: string): string {
    return oneShotHash('sha256', this.cachePrefix + secret, 'base64');
  }

  /** Keyed hash of a presented secret. */
  hash(secret: string): string {
    return createHmac('sha256', this.pepper).update(secret).digest('hex');
  }

  /**
   * Create a key for an account; the returned secret is never stored. `name` labels it in
   * lists; from `expiresAt` (epoch ms) on it is refused like a revoked key.
   */
  async create(
    account: string,
    now = Date.now(),
    opts: { name?: string | undefined; expiresAt?: number | undefined } = {},
  ): Promise<{ key: StoredKey; secret: string }> {
    const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
    const key: StoredKey = {
      id: `key_${randomBytes(8).toString('hex')}`,
      account,
      hash: this.hash(secret),
      prefix: secret.slice(0, KEY_PREFIX.length + 4),
      createdAt: now,
      revokedAt: null,
      name: opts.name ?? null,
      expiresAt: opts.expiresAt ?? null,
    };
    await this.store.createKey(key);
    return { key, secret };
  }

  /** Revoke a key and forget it in this process's cache immediately. */
  async revoke(keyId: string, now = Date.now()): Promise<StoredKey | undefined> {
    const key = await this.store.revokeKey(keyId, now);
    if (key) {
      // Rare (an admin action): a scan of the cache is fine.
      for (const [id, e] of this.cache) if (e.hash === key.hash) this.cache.delete(id);
    }
    return key;
  }

  /**
   * Resolve a presented secret to its key and account, or null when unknown, revoked or expired.
   * Cached: a hit costs one SHA-256 and one Map lookup; a miss adds the HMAC and a store read.
   */
  async authenticate(secret: string, now = Date.now()): Promise<AuthenticatedKey | null> {
    if (secret.length < 8 || secret.length > 256) return null;
    const id = this.cacheId(secret);
    const hit = this.cache.get(id);
    if (hit && hit.expires > now) return hit.key;
    const h = this.hash(secret);
    const stored = await this.store.getKeyByHash(h);
    const live =
      stored && stored.revokedAt === null && (stored.expiresAt == null || stored.expiresAt > now);
    const key = live ? { keyId: stored.id, account: stored.account } : null;
    // A key that expires is not cached past its expiry (issue 16).
    const ttl = key
      ? Math.min(this.opts.cacheTtlMs ?? 10_000, (stored!.expiresAt ?? Infinity) - now)
      : (this.opts.negativeTtlMs ?? 2_000);
    if (this.cache.size >= (this.opts.cacheMax ?? 100_000)) {
      // Evict the oldest insertion (Map keeps insertion order).
      const first = this.cache.keys().next();
      if (!first.done) this.cache.delete(first.value);
    }
    this.cache.delete(id); // re-insert at the end: eviction order stays insertion order
    this.cache.set(id, { key, hash: h, expires: now + ttl });
    return key;
  }
}
