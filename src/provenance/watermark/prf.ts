import { createHmac } from 'node:crypto';

/** Bits drawn for one (context, pair) position. */
export interface PositionBits {
  /** Index (0 … k − 1) of the alternative this key prefers at this position. */
  choice: number;
  /** Uniform in [0, 1): selects the per-account layer when it is below the account share. */
  layer: number;
}

const DOMAIN = 'moat-wm/1\u0000';
/**
 * One memo for every key (the master key and each per-account key), bounded in total:
 * the gateway makes a PositionPrf per response, and the same (key, context, group)
 * positions recur across responses, so a per-instance memo would start empty each time.
 */
const CACHE_LIMIT = 65_536;
const cache = new Map<string, PositionBits>();
/** A short id per key Buffer (by identity; the same key in another Buffer gets another id). */
const keyIds = new WeakMap<Buffer, string>();
let nextKeyId = 0;

/**
 * A keyed pseudo-random function over watermark positions: HMAC-SHA256(key, domain ‖ context ‖ pair).
 * Portable across platforms and versions, unlike a library RNG (REFERENCES.md, "Practical
 * pitfalls"). Results are memoised because the same contexts recur constantly.
 */
export class PositionPrf {
  private readonly id: string;
  constructor(private readonly key: Buffer) {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = (nextKeyId++).toString(36)));
    this.id = id;
  }

  /**
   * The bits for group `group` (k alternatives) after context `context`. The choice is
   * exactly uniform over k: a byte is used when it is below the largest multiple of k that
   * fits in 256 (rejection sampling), so the null hit rate is exactly 1/k. For k = 2 it is
   * the first byte's low bit, as in earlier versions.
   */
  bits(context: string, group: number, k = 2): PositionBits {
    const id = context + '\u0000' + group;
    const memo = this.id + '\u0001' + id + '\u0001' + k;
    const hit = cache.get(memo);
    if (hit) return hit;
    const d = createHmac('sha256', this.key)
      .update(DOMAIN + id)
      .digest();
    const bits: PositionBits = { choice: uniform(d, k), layer: d.readUInt32BE(4) / 2 ** 32 };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(memo, bits);
    return bits;
  }
}

/** Uniform index below k from the digest's bytes (skipping 4–7, which draw the layer). */
function uniform(d: Buffer, k: number): number {
  const limit = 256 - (256 % k);
  for (let i = 0; i < d.length; i++) {
    if (i >= 4 && i < 8) continue;
    if (d[i]! < limit) return d[i]! % k;
  }
  return d[0]! % k; // all 28 bytes rejected: probability below 1e-60 for k ≤ 4
}
