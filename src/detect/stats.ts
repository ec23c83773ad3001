/**
 * Bounded evidence of one account or one cluster: a fixed vector of exponentially
 * decayed counters, a 24-bin hour-of-day histogram and a HyperLogLog of distinct prompt
 * items. Clusters are the sums of their members (merge = add), so one scoring function
 * reads both.
 */
import { HLL_REGISTERS, hllAdd, hllCount, hllMerge } from './text.js';

/** Counter slots of a Stats vector. */
export const F = {
  n: 0,
  singleTurn: 1,
  reasoning: 2,
  grader: 3,
  datagen: 4,
  suspect: 5,
  tplHit: 6,
  tplShared: 7,
  withResponse: 8,
  longOutput: 9,
  capHit: 10,
  outTokens: 11,
  inTokens: 12,
  logprobs: 13,
  logitBias: 14,
  biasChange: 15,
  multiSample: 16,
  temp0: 17,
  highTemp: 18,
  pivot: 19,
  tools: 20,
  gaps: 21,
  logGapSum: 22,
  logGapSq: 23,
  young: 24,
  lowFrictionRoute: 25,
  /** Requests both core-suspect and on a template first sent by another account. */
  suspectShared: 26,
  harvestLength: 27,
  /** Requests on a known campaign's template, from its payment method or network+client. */
  knownCampaign: 28,
  /** Answers served as derivations (steps, equations, reasoning tokens). */
  derivation: 29,
  /** Answers served with reasoning tokens beside them. */
  reasoningServed: 30,
  /** Requests naming an end user (an application serving people). */
  endUser: 31,
  /** Single-turn requests without tools whose answer was a derivation. */
  derivationSingle: 32,
  /** Short judgements served for long inputs (features.ts verdictAnswer). */
  verdictAnswer: 33,
  /** Requests with any core evidence (features.ts `harvest`: asks or a derivation served). */
  harvest: 34,
  /** Grades served (features.ts gradeReport: a score on a scale, a judge's bracketed verdict). */
  gradeReport: 35,
  /** Requests from a network (/24, /48) this account had not used before (AccountState.newNetwork). */
  newNet: 36,
  /** Requests whose client claims a browser it is not (features.ts `spoofedClient`). */
  spoofed: 37,
  /** Rationales served (features.ts rationale: an explanation closing on a final answer). */
  rationale: 38,
  /** …of which the network's /16 (/32) block was new to the account too. */
  newBlock: 39,
  /** Single-turn code solutions served (features.ts `solution`): counted toward focus only. */
  solution: 40,
  /** Agent episodes started: tool-using requests with no assistant turn before them (features.ts `episodeStart`). */
  episodes: 41,
  /** Sessions: requests 30+ minutes after the account's previous one, or its first. */
  sessions: 42,
  /** Requests whose logit_bias gave the last request's tokens another value (detector.ts deltas). */
  biasSearch: 43,
  /**
   * Requests on an opening frame another account sent first, filled with an item no other
   * account had sent (detector.ts crossTemplates): one harness's frames over new items.
   */
  frameNewItem: 44,
  hours: 45,
} as const;

/** Length of the counter vector (hours take 24 slots at the end). */
export const STATS_LEN = F.hours + 24;

/**
 * The counter vector's type. Single precision: decayed counts and token sums keep ~7
 * significant digits, far more than any threshold reads, at half the bytes per account.
 */
export type Counters = Float32Array;

/** One account's or cluster's counters. */
export class Stats {
  /** Counters and the distinct-item sketch share one buffer (one backing store per Stats). */
  readonly c: Counters;
  readonly items: Uint8Array;
  /** Event time the counters were last decayed to. */
  at = 0;
  /** hllCount(items) as of the last change of `items` (-1: not computed since). */
  private distinct = -1;

  constructor() {
    const buf = new ArrayBuffer(STATS_LEN * 4 + HLL_REGISTERS);
    this.c = new Float32Array(buf, 0, STATS_LEN);
    this.items = new Uint8Array(buf, STATS_LEN * 4, HLL_REGISTERS);
  }

  /** Estimated distinct items (hllCount of `items`), computed once per change of the registers. */
  distinctItems(): number {
    if (this.distinct < 0) this.distinct = hllCount(this.items);
    return this.distinct;
  }

  /** Add an item's hash to the distinct-item sketch; true when the estimate may have changed. */
  addItem(hash: number): boolean {
    if (hllAdd(this.items, hash) < 0) return false;
    this.distinct = -1;
    return true;
  }

  /** Decay every counter to time `ts` with half-life `halfLifeMs` (no-op going backwards). */
  decayTo(ts: number, halfLifeMs: number): void {
    if (this.at === 0) {
      this.at = ts;
      return;
    }
    const dt = ts - this.at;
    if (dt <= 0) return;
    const f = Math.pow(2, -dt / halfLifeMs);
    const c = this.c;
    for (let i = 0; i < c.length; i++) c[i]! *= f;
    this.at = ts;
  }

  /** Add another Stats into this one (both first decayed to the later time). */
  merge(other: Stats, halfLifeMs: number): void {
    const t = Math.max(this.at, other.at);
    this.decayTo(t, halfLifeMs);
    other.decayTo(t, halfLifeMs);
    for (let i = 0; i < STATS_LEN; i++) this.c[i]! += other.c[i]!;
    hllMerge(this.items, other.items);
    this.distinct = -1;
  }

  /** Make this a copy of `other`'s counters, sketch and decay time. */
  assign(other: Stats): void {
    this.c.set(other.c);
    this.items.set(other.items);
    this.at = other.at;
    this.distinct = -1;
  }

  /**
   * In a sum of Stats (a cluster's), replace one part `old` by its newer copy `next`: the
   * counters move by the difference, all three decayed to the latest time; the distinct-item
   * sketch takes `next`'s registers (a HyperLogLog union cannot drop a part, and a newer copy
   * of one account's sketch only ever holds more). `old` and `next` are decayed in place.
   * Used when a remote cluster member's copy is refreshed (issue 18).
   */
  replace(old: Stats, next: Stats, halfLifeMs: number): void {
    const t = Math.max(this.at, old.at, next.at);
    this.decayTo(t, halfLifeMs);
    old.decayTo(t, halfLifeMs);
    next.decayTo(t, halfLifeMs);
    for (let i = 0; i < STATS_LEN; i++)
      this.c[i] = Math.max(0, this.c[i]! + next.c[i]! - old.c[i]!);
    hllMerge(this.items, next.items);
    this.distinct = -1;
  }

  /** Approximate bytes: the shared buffer, `at` and `distinct`, four object headers (Stats, buffer, two views). */
  static readonly BYTES = STATS_LEN * 4 + HLL_REGISTERS + 2 * 8 + 4 * 64;
}
