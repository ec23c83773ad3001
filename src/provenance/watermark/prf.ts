import { createHmac } from 'node:crypto';

/** Bits drawn for one (context, pair) position. */
export interface PositionBits {
  /** Index (0 or 1) of the word this key prefers at this position. */
  choice: 0 | 1;
  /** Uniform in [0, 1): selects the per-account layer when it is below the account share. */
  layer: number;
}

const DOMAIN = 'moat-wm/1\u0000';
const CACHE_LIMIT = 8192;

/**
 * A keyed pseudo-random function over watermark positions: HMAC-SHA256(key, domain ‖ context ‖ pair).
 * Portable across platforms and versions, unlike a library RNG (REFERENCES.md, "Practical
 * pitfalls"). Results are memoised because the same contexts recur constantly.
 */
export class PositionPrf {
  private readonly cache = new Map<string, PositionBits>();
  constructor(private readonly key: Buffer) {}

  /** The bits for the word pair `pair` following the context word `context`. */
  bits(context: string, pair: number): PositionBits {
    const id = context + '\u0000' + pair;
    const hit = this.cache.get(id);
    if (hit) return hit;
    const d = createHmac('sha256', this.key)
      .update(DOMAIN + id)
      .digest();
    const bits: PositionBits = { choice: (d[0]! & 1) as 0 | 1, layer: d.readUInt32BE(4) / 2 ** 32 };
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(id, bits);
    return bits;
  }
}
