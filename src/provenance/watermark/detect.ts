import { binomialTail } from '../stats/binomial.js';
import { PositionPrf } from './prf.js';
import { WordScanner } from './scanner.js';

/** The detector's answer (the `moat provenance detect` contract in DESIGN.md). */
export interface WatermarkDetection {
  /** Exact binomial p-value, Bonferroni-corrected over the keys tried. */
  pValue: number;
  verdict: 'watermarked' | 'not_watermarked' | 'insufficient_evidence';
  /** De-duplicated (context, pair) positions scored. */
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

/** One scored position: the previous word, the pair, and the index of the word found. */
export interface Position {
  context: string;
  pair: number;
  index: 0 | 1;
}

/** Identity of a position for de-duplication: a repeated (context, pair) is scored once. */
export function positionId(p: { context: string; pair: number }): string {
  return p.context + '\u0000' + p.pair;
}

/**
 * Eligible positions of a text, de-duplicated on (previous word, pair), first occurrence
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
      positions.push({ context: w.context, pair: w.pair, index: w.index });
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
 * preferred word with probability exactly 1/2, independently, because the PRF is keyed
 * and every position is distinct; so hits ~ Binomial(trials, 1/2).
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
    const hits = positions.filter((p) => prf.bits(p.context, p.pair).choice === p.index).length;
    return { trials, hits, pValue: binomialTail(hits, trials, 0.5) };
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

/**
 * Word choices of a suspect per (context, pair) position, accumulated over many texts.
 * `majority()` turns each position into one trial — the word the suspect used most there
 * (ties dropped). Under the null hypothesis the suspect's majority word does not depend
 * on the key, so each trial is still a fair coin against the keyed choice and the
 * binomial test stays exact; under the alternative, voting amplifies a student's partial
 * bias, which first-occurrence de-duplication (Sander et al. 2024) throws away.
 */
export class PositionVotes {
  private readonly votes = new Map<
    string,
    { context: string; pair: number; n: [number, number] }
  >();

  /** Add a text; positions in `exclude` (prompt contexts) are skipped. Returns its word count. */
  add(text: string, exclude?: ReadonlySet<string>): number {
    const scanner = new WordScanner((w) => {
      const id = positionId(w);
      if (exclude?.has(id)) return undefined;
      let v = this.votes.get(id);
      if (!v) this.votes.set(id, (v = { context: w.context, pair: w.pair, n: [0, 0] }));
      v.n[w.index]++;
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

  /** One position per (context, pair): the majority word; ties dropped; optional filter on ids. */
  majority(keep?: (id: string) => boolean): Position[] {
    const out: Position[] = [];
    for (const [id, v] of this.votes) {
      if (v.n[0] === v.n[1] || (keep && !keep(id))) continue;
      out.push({ context: v.context, pair: v.pair, index: v.n[1] > v.n[0] ? 1 : 0 });
    }
    return out;
  }
}
