/**
 * FNV-1a, 32-bit (Fowler–Noll–Vo; IETF draft-eastlake-fnv), over a string's UTF-16 code
 * units: deterministic on every platform, well spread, a few nanoseconds a character. Not
 * collision resistant — used where a client that wants to avoid a match can change its
 * input anyway (fingerprints, template sketches, the demo model's picks).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `s`, starting from `seed` (the standard offset basis by default); unsigned 32-bit. */
export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** 8 hex digits: fnv1a of `s`. */
export function hash8(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}

/** 16 hex digits from two independently seeded FNV-1a lanes in one pass (≈ 64 bits). */
export function hash16(s: string): string {
  let a = FNV_OFFSET;
  let b = 0x9e3779b9;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, FNV_PRIME);
    b = Math.imul(b ^ c, FNV_PRIME);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}
