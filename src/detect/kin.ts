/**
 * Behavioural kin (issue 13, "behavioural linking"): an account that behaves like the accounts
 * raised around it is raised to throttle with them.
 *
 * A campaign runs its accounts from one harness, so their traffic has one shape: the same
 * request rate and hours, the same token economics, the same mix of what was served. A hydra
 * keeps each member under every per-account bar and shares no card, address or phrasing, but
 * it cannot make its members behave unlike each other without running a different harness for
 * each. So when most of an account's nearest accounts in behaviour are raised on their own
 * evidence, it is probably one of theirs.
 *
 * The method is k-nearest-neighbour label propagation over behaviour vectors (Zhu &
 * Ghahramani 2002, "Learning from labeled and unlabeled data with label propagation", one
 * step, hard labels; the guilt-by-association graph of Chau et al. 2011, "Polonium", SDM,
 * built from behaviour instead of shared files). Every feature is a share or a log rate read
 * off the account's own decayed counters (stats.ts): language- and wording-free, no new state.
 * Features are standardised over the accounts of the sweep, so the distance reads "unusual in
 * the same way", not absolute values.
 *
 * Guards (measured over nine generators, docs/evaluation/REPORT.md):
 * - one step: the raised neighbours must have been raised on their own or their cluster's
 *   evidence, never by kin (no cascade through a population);
 * - only quiet accounts: an application with hundreds of requests in the window is judged on
 *   its own evidence (LLM-judge vendors and education apps sit next to grading and reasoning
 *   campaigns in behaviour);
 * - a population of at least KIN_MIN_POPULATION accounts;
 * - the raise stops at throttle (a reversible slow-down, never degrade or block).
 */
import type { Reason } from '../telemetry/event.js';
import { F, type Counters } from './stats.js';

/** Nearest accounts each candidate is compared with. */
export const KIN_K = 10;
/** Share of those raised on their own evidence at which a candidate is raised. */
export const KIN_SHARE = 0.6;
/** Decayed requests an account needs to be a candidate (fewer say too little about it). */
export const KIN_MIN_REQUESTS = 5;
/** Decayed requests above which an account is judged on its own evidence alone. */
export const KIN_MAX_REQUESTS = 150;
/**
 * Reference accounts a sweep needs: standardising over a few dozen accounts, or taking ten
 * nearest among them, says nothing about who behaves like whom.
 */
export const KIN_MIN_POPULATION = 200;
/** Decayed requests an account needs to count as a neighbour. */
const KIN_REFERENCE_MIN = 2;
/**
 * Most reference accounts a sweep compares against (a deterministic stride sample beyond it),
 * bounding a sweep's cost at candidates × this × dimensions.
 */
export const KIN_REFERENCE_MAX = 6000;

/** Counter shares in the behaviour vector. */
const SHARES = [
  F.singleTurn,
  F.tools,
  F.endUser,
  F.harvest,
  F.derivation,
  F.rationale,
  F.gradeReport,
  F.verdictAnswer,
  F.longOutput,
  F.capHit,
  F.logprobs,
  F.logitBias,
  F.multiSample,
  F.temp0,
  F.highTemp,
  F.reasoningServed,
  F.episodes,
  F.spoofed,
] as const;

/** Dimensions of a behaviour vector. */
export const KIN_DIMS = 8 + SHARES.length;

/**
 * Write an account's behaviour vector into `out` at `at`: volume, the daily shape (entropy of
 * its hour-of-day histogram, the busiest eight hours' share), pacing (mean and spread of the
 * log gaps, sessions per request), token economics (mean input and output tokens, logged)
 * and the share of each kind of request and answer.
 */
export function kinVector(c: Counters, out: Float64Array, at: number): void {
  const n = c[F.n]!;
  let k = at;
  out[k++] = Math.log(n);
  let ent = 0;
  let hours = 0;
  for (let h = 0; h < 24; h++) hours += c[F.hours + h]!;
  let peak = 0;
  if (hours > 0) {
    for (let h = 0; h < 24; h++) {
      const p = c[F.hours + h]! / hours;
      if (p > 0) ent -= p * Math.log(p);
    }
    let run = 0;
    for (let h = 0; h < 8; h++) run += c[F.hours + h]!;
    peak = run;
    for (let s = 1; s < 24; s++) {
      run += c[F.hours + ((s + 7) % 24)]! - c[F.hours + s - 1]!;
      if (run > peak) peak = run;
    }
    peak /= hours;
  }
  out[k++] = ent;
  out[k++] = peak;
  const gaps = c[F.gaps]!;
  const mean = gaps > 0 ? c[F.logGapSum]! / gaps : 0;
  out[k++] = mean;
  out[k++] = gaps > 0 ? Math.sqrt(Math.max(0, c[F.logGapSq]! / gaps - mean * mean)) : 0;
  out[k++] = c[F.sessions]! / n;
  out[k++] = Math.log1p(c[F.inTokens]! / n);
  out[k++] = Math.log1p(c[F.outTokens]! / n);
  for (const s of SHARES) out[k++] = c[s]! / n;
}

/** One account as a sweep sees it. */
export interface KinInput {
  counters: Counters;
  /** Raised (throttle or above) on its own or its cluster's evidence, not by kin. */
  raised: boolean;
  /** May be raised by kin: quiet, below throttle on its own evidence, not held for review. */
  candidate: boolean;
}

/** A candidate's neighbourhood. */
export interface Kinship {
  /** Index (into the sweep's input) of the candidate. */
  account: number;
  /** Share of its KIN_K nearest accounts that were raised. */
  share: number;
  /** The raised ones among them, nearest first. */
  raised: number[];
}

/**
 * One sweep: every candidate's KIN_K nearest accounts by standardised Euclidean distance
 * (features clipped at ±5 standard deviations, so one extreme counter cannot decide), and the
 * share of them raised. Returns the candidates at KIN_SHARE or above. Deterministic: ties and
 * the reference sample follow input order.
 */
export function kinSweep(accounts: readonly KinInput[]): Kinship[] {
  const ref: number[] = [];
  const cand: number[] = [];
  for (let i = 0; i < accounts.length; i++) {
    const n = accounts[i]!.counters[F.n]!;
    if (n >= KIN_REFERENCE_MIN) ref.push(i);
    if (accounts[i]!.candidate && n >= KIN_MIN_REQUESTS && n <= KIN_MAX_REQUESTS) cand.push(i);
  }
  if (cand.length === 0 || ref.length < KIN_MIN_POPULATION) return [];
  const D = KIN_DIMS;
  const rows = new Map<number, number>();
  const pool = new Set<number>(cand);
  const stride = ref.length > KIN_REFERENCE_MAX ? ref.length / KIN_REFERENCE_MAX : 1;
  const sample: number[] = [];
  for (let s = 0; s < ref.length && sample.length < KIN_REFERENCE_MAX; s += stride)
    sample.push(ref[Math.floor(s)]!);
  for (const i of sample) pool.add(i);
  const ids = [...pool];
  const X = new Float64Array(ids.length * D);
  ids.forEach((i, r) => {
    rows.set(i, r);
    kinVector(accounts[i]!.counters, X, r * D);
  });
  // Standardise over the reference sample.
  const mu = new Float64Array(D);
  const sd = new Float64Array(D);
  for (const i of sample) {
    const o = rows.get(i)! * D;
    for (let d = 0; d < D; d++) mu[d]! += X[o + d]!;
  }
  for (let d = 0; d < D; d++) mu[d]! /= sample.length;
  for (const i of sample) {
    const o = rows.get(i)! * D;
    for (let d = 0; d < D; d++) sd[d]! += (X[o + d]! - mu[d]!) ** 2;
  }
  for (let d = 0; d < D; d++) sd[d] = Math.sqrt(sd[d]! / sample.length) || 1;
  for (let o = 0; o < X.length; o += D)
    for (let d = 0; d < D; d++) {
      const z = (X[o + d]! - mu[d]!) / sd[d]!;
      X[o + d] = z > 5 ? 5 : z < -5 ? -5 : z;
    }
  const sampleRows = Int32Array.from(sample, (i) => rows.get(i)!);
  const bestD = new Float64Array(KIN_K);
  const bestI = new Int32Array(KIN_K);
  const out: Kinship[] = [];
  for (const c of cand) {
    const co = rows.get(c)! * D;
    let held = 0;
    for (let s = 0; s < sample.length; s++) {
      const i = sample[s]!;
      if (i === c) continue;
      const ro = sampleRows[s]! * D;
      let dist = 0;
      for (let d = 0; d < D; d++) {
        const v = X[co + d]! - X[ro + d]!;
        dist += v * v;
      }
      if (held === KIN_K && dist >= bestD[KIN_K - 1]!) continue;
      // Insert into the sorted top-K (strictly nearer first, so ties keep input order).
      let p = held < KIN_K ? held++ : KIN_K - 1;
      while (p > 0 && bestD[p - 1]! > dist) {
        bestD[p] = bestD[p - 1]!;
        bestI[p] = bestI[p - 1]!;
        p--;
      }
      bestD[p] = dist;
      bestI[p] = i;
    }
    if (held < KIN_K) continue;
    const raised: number[] = [];
    for (let j = 0; j < KIN_K; j++) if (accounts[bestI[j]!]!.raised) raised.push(bestI[j]!);
    const share = raised.length / KIN_K;
    if (share >= KIN_SHARE) out.push({ account: c, share, raised });
  }
  return out;
}

/** The score a kin raise gives: at throttle, a little above it as more neighbours are raised. */
export function kinScore(share: number, throttle: number): number {
  return throttle + 0.05 * Math.max(0, (share - KIN_SHARE) / (1 - KIN_SHARE));
}

/** The `behaviour_kin` reason of a raise to `score`, first among the account's reasons. */
export function kinReason(
  score: number,
  share: number,
  raised: ReadonlyArray<{ id: string; score: number }>,
): Reason {
  return {
    code: 'behaviour_kin',
    weight: Math.round(score * 100) / 100,
    detail: kinDetail(share, raised),
  };
}

/** The reason a kin raise names: the share and the nearest raised neighbours with their scores. */
export function kinDetail(
  share: number,
  raised: ReadonlyArray<{ id: string; score: number }>,
): string {
  const shown = raised
    .slice(0, 3)
    .map((r) => `${r.id} (${r.score.toFixed(2)})`)
    .join(', ');
  return `behaves like the accounts raised around it: ${Math.round(share * KIN_K)} of its ${KIN_K} nearest accounts by behaviour (request rate and hours, pacing, token economics, the mix of what was served) were raised on their own evidence, nearest ${shown}`;
}
