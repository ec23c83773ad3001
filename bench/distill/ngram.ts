/**
 * A word-level trigram language model with interpolated Kneser-Ney smoothing (Kneser & Ney
 * 1995; Chen & Goodman 1998, "An empirical study of smoothing techniques", §2.7), used as a
 * small student in the distillation experiment. Tokens are whitespace-delimited chunks;
 * each document is framed by <s> and </s>. Sampling walks the interpolation as a mixture:
 * discounted trigram mass, else the bigram level, else the continuation unigram.
 */

const BOS = '<s>';
const EOS = '</s>';
const D = 0.75;

/** Counts for one history: total, and continuation counts (token → count). */
interface Level {
  total: number;
  next: Map<string, number>;
}

function bump(map: Map<string, Level>, history: string, token: string, by = 1): void {
  let l = map.get(history);
  if (!l) map.set(history, (l = { total: 0, next: new Map() }));
  l.total += by;
  l.next.set(token, (l.next.get(token) ?? 0) + by);
}

/** A trained trigram model. */
export class TrigramModel {
  private readonly tri = new Map<string, Level>();
  /** Bigram level with Kneser-Ney continuation counts: N1+(• v w). */
  private readonly bi = new Map<string, Level>();
  /** Continuation unigram: N1+(• w), as a cumulative table for sampling. */
  private uniTokens: string[] = [];
  private uniCum: number[] = [];

  /** Train on documents (each a string). */
  train(docs: Iterable<string>): this {
    const seenBigram = new Set<string>();
    const uni = new Map<string, number>();
    for (const doc of docs) {
      const toks = [BOS, BOS, ...doc.split(/\s+/).filter(Boolean), EOS];
      for (let i = 2; i < toks.length; i++) {
        const [u, v, w] = [toks[i - 2]!, toks[i - 1]!, toks[i]!];
        const triKey = u + ' ' + v;
        const before = this.tri.get(triKey)?.next.get(w) ?? 0;
        bump(this.tri, triKey, w);
        // Kneser-Ney: the lower level counts distinct left contexts, not occurrences.
        if (before === 0) bump(this.bi, v, w);
        const bk = v + ' ' + w;
        if (!seenBigram.has(bk)) {
          seenBigram.add(bk);
          uni.set(w, (uni.get(w) ?? 0) + 1);
        }
      }
    }
    let cum = 0;
    for (const [t, c] of uni) {
      this.uniTokens.push(t);
      this.uniCum.push((cum += c));
    }
    return this;
  }

  private pick(level: Level, r: number): string | undefined {
    // Discounted mass of observed continuations; the remainder backs off.
    let x = r * level.total;
    for (const [t, c] of level.next) {
      x -= Math.max(0, c - D);
      if (x < 0) return t;
    }
    return undefined;
  }

  private unigram(r: number): string {
    const x = r * this.uniCum[this.uniCum.length - 1]!;
    let lo = 0;
    let hi = this.uniCum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.uniCum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.uniTokens[lo]!;
  }

  /** Sample one document of at most `maxTokens` tokens. */
  sample(rnd: () => number, maxTokens = 400): string[] {
    const out: string[] = [];
    let u = BOS;
    let v = BOS;
    while (out.length < maxTokens) {
      const triLevel = this.tri.get(u + ' ' + v);
      const biLevel = this.bi.get(v);
      const w =
        (triLevel && this.pick(triLevel, rnd())) ??
        (biLevel && this.pick(biLevel, rnd())) ??
        this.unigram(rnd());
      if (w === EOS) break;
      if (w === BOS) continue;
      out.push(w);
      u = v;
      v = w;
    }
    return out;
  }
}
