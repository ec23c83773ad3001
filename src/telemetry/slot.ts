/**
 * Where an account's telemetry travels on the NATS JetStream stream when detection is
 * partitioned (issue 18). Each account hashes to one of SLOTS slots, and the slot's bits
 * are spelled out as subject tokens, least significant first:
 *
 *   <stream>.<kind>.<b0>.<b1>.<b2>.<b3>.<b4>.<b5>      e.g. MOAT_EVENTS.events.1.0.0.1.1.0
 *
 * so partition p of N = 2^k owns the subjects whose first k bit tokens spell p, and one
 * NATS filter with `*` wildcards for the other tokens selects exactly them (NATS 2.9 takes
 * one filter subject per consumer). A partition of N is thereby `slot % N`, which is the
 * partition `moat analyze --workers N` gives the same account (engine/route.ts
 * partitionOf: the same FNV-1a + murmur3 finaliser hash, checked by slot.test.ts).
 */

/** Number of slots: the most detector partitions a deployment can have. */
export const SLOTS = 64;
const BITS = 6;

/** murmur3's 32-bit finaliser (fmix32, Appleby, MurmurHash3.cpp). */
function fmix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * The slot (0 … SLOTS-1) of an account id: FNV-1a over its UTF-8 bytes, finished with fmix32.
 * @example accountSlot('acct_1') % 2 // its partition when there are two detectors
 */
export function accountSlot(account: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < account.length; i++) {
    const c = account.charCodeAt(i);
    if (c >= 0x80) {
      h = 0x811c9dc5;
      for (const b of Buffer.from(account, 'utf8')) h = Math.imul(h ^ b, 0x01000193);
      return fmix32(h) % SLOTS;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return fmix32(h) % SLOTS;
}

/** The subject an account's message of `kind` (events, accounts, links) is published on. */
export function slotSubject(stream: string, kind: string, slot: number): string {
  let s = `${stream}.${kind}`;
  for (let i = 0; i < BITS; i++) s += (slot >> i) & 1 ? '.1' : '.0';
  return s;
}

/** Whether `n` is a partition count the subject scheme can serve: a power of two, 1 … SLOTS. */
export function validPartitionCount(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= SLOTS && (n & (n - 1)) === 0;
}

/**
 * The filter subject of partition `index` of `count` (a power of two): every kind, the
 * partition's low bits fixed, the rest wildcards.
 * @example partitionFilter('MOAT_EVENTS', 1, 2) // 'MOAT_EVENTS.*.1.*.*.*.*.*'
 */
export function partitionFilter(stream: string, index: number, count: number): string {
  if (!validPartitionCount(count) || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(
      `partition ${index} of ${count}: the count must be a power of two up to ${SLOTS} and the index below it`,
    );
  }
  const k = Math.log2(count);
  let s = `${stream}.*`;
  for (let i = 0; i < BITS; i++) s += i < k ? ((index >> i) & 1 ? '.1' : '.0') : '.*';
  return s;
}
