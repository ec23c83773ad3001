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

/**
 * A bounded memo of a string hash. Header orders, casings and body shapes repeat across
 * almost every request of one client, and V8's native string hashing (a Map lookup) is
 * much cheaper than FNV in JavaScript; a client that varies them on purpose only gets
 * the plain hash. Cleared whole when full: simple, and bounded.
 */
export function memoized(hash: (s: string) => string, capacity = 4096): (s: string) => string {
  const memo = new Map<string, string>();
  return (s) => {
    // Long keys would make the memo's memory unbounded in practice; hash them directly.
    if (s.length > 1024) return hash(s);
    let h = memo.get(s);
    if (h === undefined) {
      h = hash(s);
      if (memo.size >= capacity) memo.clear();
      memo.set(s, h);
    }
    return h;
  };
}
