/**
 * Synchronized timing: accounts whose requests fall in the same short time windows far
 * more often than chance. This follows SynchroTrap (Cao et al., CCS 2014), which links
 * accounts by the Jaccard similarity of their timestamped actions, and the lockstep idea
 * of CopyCatch (Beutel et al., WWW 2013); the similarity is estimated with MinHash
 * (Broder 1997) over each account's set of active time buckets, and candidate pairs are
 * found with LSH banding (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*,
 * §3.4), so state is fixed per account and no pair is ever enumerated.
 *
 * "Beyond chance": two accounts active in a share p and q of the buckets of the window
 * they both cover would, if independent, share about p·q of them, a Jaccard of
 * pq / (p + q − pq). A link needs the estimated Jaccard both above a floor and several
 * times that expectation, so two always-on pipelines (p ≈ q ≈ 1) never link.
 */
import { mix32 } from './text.js';

/** MinHash values per account; 2 rows per band gives K/2 band keys. */
export const TIMING_K = 16;
const ROWS = 2;
export const TIMING_BANDS = TIMING_K / ROWS;
const SEEDS = Uint32Array.from({ length: TIMING_K }, (_, i) =>
  mix32(Math.imul(i + 1, 0x2545f491) ^ 0x68e31da4),
);

/**
 * One account's active time buckets as a MinHash sketch. One typed array holds the K
 * minima and, after them, the bucket behind each minimum (equal minima of two accounts
 * name buckets both were active in): one allocation per account keeps the state small.
 */
export class CoActivity {
  /**
   * Over `w[at, at + WORDS)` (an account's slab, AccountState) or words of its own: the K
   * minima, unsigned, held as int32 bit patterns (read with >>> 0), then their buckets.
   */
  constructor(
    private readonly w = new Int32Array(CoActivity.WORDS),
    private readonly at = 0,
  ) {
    w.fill(-1, at, at + TIMING_K);
  }

  /** Int32 words the sketch takes. */
  static readonly WORDS = 2 * TIMING_K;
  /** Distinct buckets seen (buckets arrive in order, so a change of bucket is a new one). */
  buckets = 0;
  firstBucket = -1;
  lastBucket = -1;

  /**
   * Record activity in `bucket`; returns a bitmask of the bands whose key changed
   * (0 when the bucket was already counted or nothing moved).
   */
  add(bucket: number): number {
    if (bucket === this.lastBucket) return 0;
    if (this.firstBucket < 0) this.firstBucket = bucket;
    this.lastBucket = bucket;
    this.buckets++;
    const h = mix32(bucket ^ 0x5bd1e995);
    const { w, at } = this;
    let changed = 0;
    for (let i = 0; i < TIMING_K; i++) {
      let v = Math.imul(h ^ SEEDS[i]!, 0x85ebca6b);
      v ^= v >>> 13;
      v = Math.imul(v, 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < w[at + i]! >>> 0) {
        w[at + i] = v;
        w[at + TIMING_K + i] = bucket;
        changed |= 1 << (i >>> 1);
      }
    }
    return changed;
  }

  /** LSH key of band `b` (its ROWS minima hashed together), signed like TemplateKeys. */
  bandKey(b: number): number {
    let k = 0x3c6ef372 + b;
    for (let r = 0; r < ROWS; r++) k = mix32(k ^ this.w[this.at + b * ROWS + r]!);
    return k | 0;
  }

  /** Estimated Jaccard similarity of two accounts' active buckets (share of equal MinHash values). */
  jaccard(other: CoActivity): number {
    let eq = 0;
    for (let i = 0; i < TIMING_K; i++) if (this.w[this.at + i] === other.w[other.at + i]) eq++;
    return eq / TIMING_K;
  }

  /**
   * How many distinct periods of `per` buckets the shared buckets sampled by equal minima
   * fall in: two people in the same one-hour session share buckets in one or two periods;
   * accounts run in lockstep share them across many.
   */
  sharedPeriods(other: CoActivity, per: number): number {
    const seen = new Set<number>();
    const { w, at } = this;
    for (let i = 0; i < TIMING_K; i++)
      if (w[at + i] === other.w[other.at + i]) seen.add(Math.floor(w[at + TIMING_K + i]! / per));
    return seen.size;
  }

  /**
   * The Jaccard two independent accounts would show: each one's share of the buckets of
   * its own active span, combined as pq / (p + q − pq).
   */
  chance(other: CoActivity): number {
    const p = Math.min(1, this.buckets / (this.lastBucket - this.firstBucket + 1));
    const q = Math.min(1, other.buckets / (other.lastBucket - other.firstBucket + 1));
    const both = p * q;
    return both / Math.max(1e-9, p + q - both);
  }

  /** Whether the two accounts' active spans overlap at all. */
  overlaps(other: CoActivity): boolean {
    return this.firstBucket <= other.lastBucket && other.firstBucket <= this.lastBucket;
  }

  /** The sketch as plain data (a copy), to move it to another thread; restore() rebuilds it. */
  snapshot(): CoActivitySnapshot {
    const { buckets, firstBucket, lastBucket } = this;
    const words = this.w.slice(this.at, this.at + CoActivity.WORDS);
    return { data: new Uint32Array(words.buffer), buckets, firstBucket, lastBucket };
  }

  /** Make this sketch a copy of snapshot()'s data (a remote account's sketch refreshed, issue 18). */
  load(s: CoActivitySnapshot): void {
    this.w.set(new Int32Array(s.data.buffer, s.data.byteOffset, CoActivity.WORDS), this.at);
    this.buckets = s.buckets;
    this.firstBucket = s.firstBucket;
    this.lastBucket = s.lastBucket;
  }

  /** A sketch rebuilt from snapshot()'s data. */
  static restore(s: CoActivitySnapshot): CoActivity {
    const a = new CoActivity();
    a.load(s);
    return a;
  }

  /** Approximate bytes: the words (counted here, whoever holds them) and the object. */
  static readonly BYTES = TIMING_K * 8 + 64;
}

/** A CoActivity as plain data (CoActivity.snapshot). */
export interface CoActivitySnapshot {
  data: Uint32Array;
  buckets: number;
  firstBucket: number;
  lastBucket: number;
}

/** Thresholds of a timing link. */
export interface SyncRule {
  minBuckets: number;
  minJaccard: number;
  chanceFactor: number;
  /** Distinct periods the shared buckets must fall in, and the period length in buckets. */
  minPeriods: number;
  periodBuckets: number;
}

/**
 * Whether two sketches show synchronized activity far beyond chance (see the module
 * comment), sustained over several separate periods (SynchroTrap's point: one overlapping
 * session is coincidence, the same timing day after day is coordination).
 */
export function synchronized(a: CoActivity, b: CoActivity, rule: SyncRule): boolean {
  if (a.buckets < rule.minBuckets || b.buckets < rule.minBuckets || !a.overlaps(b)) return false;
  const j = a.jaccard(b);
  if (j < rule.minJaccard || j < rule.chanceFactor * a.chance(b)) return false;
  return a.sharedPeriods(b, rule.periodBuckets) >= rule.minPeriods;
}
