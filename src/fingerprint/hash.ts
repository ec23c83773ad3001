/**
 * Short non-cryptographic hashes for fingerprint components: FNV-1a 32-bit
 * (Fowler–Noll–Vo, draft-eastlake-fnv), over UTF-16 code units. Fingerprints only
 * need to be stable and well spread, and this costs well under a microsecond for the
 * few hundred characters a request's headers give; a client trying to *avoid* a match
 * can change its headers anyway, so collision resistance buys nothing here.
 */

export { hash8, hash16 } from '../hash/fnv.js';

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
