/**
 * Short non-cryptographic hashes for fingerprint components: FNV-1a 32-bit
 * (Fowler–Noll–Vo, draft-eastlake-fnv), over UTF-16 code units. Fingerprints only
 * need to be stable and well spread, and this costs well under a microsecond for the
 * few hundred characters a request's headers give; a client trying to *avoid* a match
 * can change its headers anyway, so collision resistance buys nothing here.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the string's code units, seeded; an unsigned 32-bit integer. */
export function fnv1a(s: string, seed = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** 8 hex digits. */
export function hash8(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}

/** 16 hex digits from two independently seeded lanes (≈ 64 bits). */
export function hash16(s: string): string {
  return hash8(s) + fnv1a(s, 0x9e3779b9).toString(16).padStart(8, '0');
}
