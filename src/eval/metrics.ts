/**
 * Account-level detection metrics: confusion counts per level threshold, precision,
 * recall, false-positive rate, and ROC-AUC from scores (the Mann–Whitney U statistic:
 * Hanley & McNeil, "The meaning and use of the area under a ROC curve", Radiology 1982).
 */
import { LEVELS, levelRank, type Level } from '../telemetry/event.js';

/** One account as the evaluation sees it. */
export interface Scored {
  account: string;
  malicious: boolean;
  persona: string;
  campaign: string | null;
  score: number;
  level: Level;
}

/** Confusion counts and rates at one threshold. */
export interface LevelStats {
  level: Level;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** null when nothing was flagged. */
  precision: number | null;
  /** null when there are no malicious accounts. */
  recall: number | null;
  /** null when there are no benign accounts. */
  fpr: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Confusion at "level ≥ `level`". */
export function levelStats(items: Scored[], level: Level): LevelStats {
  const r = levelRank(level);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const it of items) {
    const flagged = levelRank(it.level) >= r;
    if (it.malicious && flagged) tp++;
    else if (it.malicious) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  return {
    level,
    tp,
    fp,
    fn,
    tn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    fpr: ratio(fp, fp + tn),
  };
}

/** Stats for every level above allow. */
export function allLevels(items: Scored[]): LevelStats[] {
  return LEVELS.slice(1).map((l) => levelStats(items, l));
}

/** ROC-AUC: P(score of a random malicious > a random benign), ties counted half. null if a class is empty. */
export function rocAuc(items: Scored[]): number | null {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  let nPos = 0;
  let nNeg = 0;
  let rankSumPos = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && (sorted[j] as Scored).score === (sorted[i] as Scored).score) j++;
    const avgRank = (i + 1 + j) / 2; // 1-based average rank of the tie group
    for (let k = i; k < j; k++) {
      if ((sorted[k] as Scored).malicious) {
        nPos++;
        rankSumPos += avgRank;
      } else nNeg++;
    }
    i = j;
  }
  if (nPos === 0 || nNeg === 0) return null;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** A point of the ROC curve: flag everything with score ≥ threshold. */
export interface RocPoint {
  threshold: number;
  fpr: number;
  tpr: number;
}

/** The ROC curve, from (0,0) to (1,1), one point per distinct score. */
export function rocCurve(items: Scored[]): RocPoint[] {
  const pos = items.filter((i) => i.malicious).length;
  const neg = items.length - pos;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const pts: RocPoint[] = [{ threshold: Infinity, fpr: 0, tpr: 0 }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < sorted.length;) {
    const s = (sorted[i] as Scored).score;
    for (; i < sorted.length && (sorted[i] as Scored).score === s; i++) {
      if ((sorted[i] as Scored).malicious) tp++;
      else fp++;
    }
    pts.push({ threshold: s, fpr: neg ? fp / neg : 0, tpr: pos ? tp / pos : 0 });
  }
  return pts;
}

/** The best recall reachable by a score threshold whose false-positive rate stays ≤ maxFpr. */
export function recallAtFpr(curve: RocPoint[], maxFpr: number): RocPoint {
  let best = curve[0] as RocPoint;
  for (const p of curve) if (p.fpr <= maxFpr && p.tpr > best.tpr) best = p;
  return best;
}

/** Thin a curve to at most `n` points for plotting and JSON, keeping both ends. */
export function thin<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.round((i * (xs.length - 1)) / (n - 1))] as T);
  return out;
}

/** The q-quantile (0..1) of numbers by nearest rank; null when empty. */
export function quantile(xs: number[], q: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}
