import { weightedBinomialTail } from '../stats/binomial.js';
import { PositionPrf } from './prf.js';
import { WordScanner } from './scanner.js';

/** The detector's answer (the `moat provenance detect` contract in DESIGN.md). */
export interface WatermarkDetection {
  /** Exact binomial p-value, Bonferroni-corrected over the keys tried. */
  pValue: number;
  verdict: 'watermarked' | 'not_watermarked' | 'insufficient_evidence';
  /** De-duplicated (context, group) positions scored. */
  trials: number;
  /** Positions holding the best key's preferred word. */
  hits: number;
  /** Tokens scanned (whitespace-delimited words unless opts.countTokens is given). */
  tokens: number;
  /** Index into the keys of the best-scoring key. */
  keyIndex: number;
  /** Per-key p-values (uncorrected) in key order. */
  perKey: { trials: number; hits: number; pValue: number }[];
  /** Human explanation, e.g. "not enough evidence: 12 scored contexts, need ≥ 16". */
  reason: string;
}

/** Detector options. */
export interface DetectOptions {
  /** p-value below which the verdict is `watermarked`; default 1e-4. */
  alpha?: number;
  /** Fewer de-duplicated positions than this gives `insufficient_evidence`; default 16. */
  minTrials?: number;
  /** Positions to skip: contexts seen in the prompts (Sander et al. 2024, radioactivity). */
  exclude?: ReadonlySet<string>;
  countTokens?: (text: string) => number;
}

/** One scored position: its context, its group, the index found, the number of alternatives. */
export interface Position {
  context: string;
  group: number;
  index: number;
  k: number;
  /**
   * Integer weight of the position's hit in the statistic (default 1); PositionVotes gives
   * contexts the suspect used repeatedly REPEAT_WEIGHT. Never a function of the key.
   */
  weight?: number;
}

/** Identity of a position for de-duplication: a repeated (context, group) is scored once. */
export function positionId(p: { context: string; group: number }): string {
  return p.context + '\u0000' + p.group;
}

/**
 * Exact p-value of `score` (the weighted hit count) among `positions` under the null: a
 * position with k alternatives holds the key's choice with probability exactly 1/k,
 * independently (keyed PRF, distinct positions), so the score is a weighted sum of
 * binomials, one per (k, weight) class. With pairs and unit weights: Binomial(n, 1/2).
 */
export function positionsPValue(positions: readonly Position[], score: number): number {
  const classes = new Map<string, { n: number; p: number; w: number }>();
  for (const p of positions) {
    const w = p.weight ?? 1;
    const id = p.k + '/' + w;
    const c = classes.get(id);
    if (c) c.n++;
    else classes.set(id, { n: 1, p: 1 / p.k, w });
  }
  // The largest class last: it enters through its exact tail, the others are convolved.
  return weightedBinomialTail(
    score,
    [...classes.values()].sort((a, b) => a.n - b.n),
  );
}

/**
 * Eligible positions of a text, de-duplicated on (context, group), first occurrence
 * kept — repeated n-grams would otherwise break the independence the binomial test
 * assumes (Three Bricks, arXiv 2308.00113, §4; Sander et al. 2024, arXiv 2402.14904).
 */
export function scanPositions(
  text: string,
  seen = new Set<string>(),
): { positions: Position[]; words: number } {
  const positions: Position[] = [];
  const scanner = new WordScanner((w) => {
    const id = positionId(w);
    if (!seen.has(id)) {
      seen.add(id);
      positions.push({ context: w.context, group: w.group, index: w.index, k: w.k });
    }
    return undefined;
  });
  scanner.write(text);
  scanner.end();
  return { positions, words: scanner.words };
}

/**
 * Test `text` for the watermark of any of `keys` (master and/or per-account keys). Under
 * the null hypothesis (text not produced with the key) each position holds the key's
 * preferred alternative with probability exactly 1/k, independently, because the PRF is
 * keyed and every position is distinct; for pairs, hits ~ Binomial(trials, 1/2).
 * @example detectWatermark(masterKey, text).verdict // 'watermarked'
 */
export function detectWatermark(
  keys: Buffer | Buffer[],
  text: string,
  opts: DetectOptions = {},
): WatermarkDetection {
  const { positions, words } = scanPositions(text, new Set(opts.exclude));
  const tokens = opts.countTokens ? opts.countTokens(text) : words;
  return scorePositions(Array.isArray(keys) ? keys : [keys], positions, tokens, opts);
}

/** Score already-collected positions against keys (used by the suspect-model probe). */
export function scorePositions(
  keys: Buffer[],
  positions: Position[],
  tokens: number,
  opts: DetectOptions = {},
): WatermarkDetection {
  const alpha = opts.alpha ?? 1e-4;
  const minTrials = opts.minTrials ?? 16;
  const trials = positions.length;
  const perKey = keys.map((key) => {
    const prf = new PositionPrf(key);
    let hits = 0;
    let score = 0;
    for (const p of positions) {
      if (prf.bits(p.context, p.group, p.k).choice !== p.index) continue;
      hits++;
      score += p.weight ?? 1;
    }
    return { trials, hits, pValue: positionsPValue(positions, score) };
  });
  let keyIndex = 0;
  perKey.forEach((k, i) => {
    if (k.pValue < perKey[keyIndex]!.pValue) keyIndex = i;
  });
  const best = perKey[keyIndex] ?? { hits: 0, pValue: 1 };
  const pValue = Math.min(1, best.pValue * Math.max(1, keys.length));
  const base = { pValue, trials, hits: best.hits, tokens, keyIndex, perKey };
  if (trials < minTrials) {
    return {
      ...base,
      verdict: 'insufficient_evidence',
      reason: `not enough evidence: ${trials} scored contexts, need ≥ ${minTrials}`,
    };
  }
  const verdict = pValue < alpha ? 'watermarked' : 'not_watermarked';
  return {
    ...base,
    verdict,
    reason: `${best.hits} of ${trials} scored contexts match (p = ${pValue.toExponential(2)}, threshold ${alpha})`,
  };
}

/** Weight of a context the suspect used at least twice (PositionVotes). */
export const REPEAT_WEIGHT = 6;

/**
 * Word choices of a suspect per (context, group) position, accumulated over many texts, for
 * the radioactivity test of Sander et al. 2024 (arXiv 2402.14904). `majority()` turns each
 * position into one trial: the alternative the suspect over-uses there *relative to its own
 * average for that group* — the largest n_i / n − m_i, where m_i is the suspect's share of
 * alternative i over all contexts of the group (ties dropped). Under the null hypothesis
 * that index is a function of the suspect's text alone, not of the key, so each trial is
 * still a hit with probability exactly 1/k and the test stays exact. Under the alternative
 * it amplifies a student's partial bias at contexts seen many times — where a plain
 * majority would just return the group's naturally dominant form ("don't" over "do not")
 * and first-occurrence de-duplication throws the repeats away — and reduces to the first
 * occurrence at contexts seen once.
 *
 * A context the suspect used at least twice weighs REPEAT_WEIGHT in the statistic: in a
 * student, those are the frequent contexts, the ones most likely to have been served
 * watermarked and whose vote averages several samples. The weight depends only on the
 * suspect's text, so the weighted test stays exact. (6 was chosen on the distillation
 * benchmark's seeds 1–6 among 3, 6 and 12; see bench/distill/README.md.)
 */
export class PositionVotes {
  private readonly votes = new Map<string, { context: string; group: number; n: number[] }>();
  private readonly totals = new Map<number, number[]>();

  /** Add a text; positions in `exclude` (prompt contexts) are skipped. Returns its word count. */
  add(text: string, exclude?: ReadonlySet<string>): number {
    const scanner = new WordScanner((w) => {
      const id = positionId(w);
      if (exclude?.has(id)) return undefined;
      let v = this.votes.get(id);
      if (!v) {
        v = { context: w.context, group: w.group, n: new Array<number>(w.k).fill(0) };
        this.votes.set(id, v);
      }
      v.n[w.index]!++;
      let t = this.totals.get(w.group);
      if (!t) this.totals.set(w.group, (t = new Array<number>(w.k).fill(0)));
      t[w.index]!++;
      return undefined;
    });
    scanner.write(text);
    scanner.end();
    return scanner.words;
  }

  /** Distinct positions seen. */
  get size(): number {
    return this.votes.size;
  }

  /**
   * One position per (context, group), as described above; optional filter on ids, and a
   * minimum number of occurrences (a function of the suspect's text only, so the null
   * distribution is unchanged).
   */
  majority(keep?: (id: string) => boolean, minCount = 1): Position[] {
    const out: Position[] = [];
    for (const [id, v] of this.votes) {
      if (keep && !keep(id)) continue;
      const t = this.totals.get(v.group)!;
      const total = t.reduce((a, b) => a + b, 0);
      const count = v.n.reduce((a, b) => a + b, 0);
      if (count < minCount) continue;
      let best = -1;
      let bestScore = -Infinity;
      let tie = false;
      v.n.forEach((c, i) => {
        // Integer arithmetic (scaled by count · total) so equal scores compare equal.
        const score = c * total - t[i]! * count;
        if (score > bestScore) [best, bestScore, tie] = [i, score, false];
        else if (score === bestScore) tie = true;
      });
      if (tie) continue;
      const weight = count >= 2 ? REPEAT_WEIGHT : 1;
      out.push({ context: v.context, group: v.group, index: best, k: v.n.length, weight });
    }
    return out;
  }
}
