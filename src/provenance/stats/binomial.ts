/**
 * Exact binomial tail through the regularized incomplete beta function, as Three Bricks
 * (Fernandez et al. 2023, arXiv 2308.00113) recommends over z-scores at low false-positive
 * rates: P(X ≥ k | n, p) = I_p(k, n − k + 1).
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; ≈ 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  LANCZOS.forEach((c, i) => {
    a += c / (z + i + 1);
  });
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function, evaluated by the modified Lentz method. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    c = 1 + num / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    num = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    c = 1 + num / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaContinuedFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaContinuedFraction(b, a, 1 - x)) / b;
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the p-value of observing k or more hits in n trials.
 * @example binomialTail(20, 20, 0.5) // 2^-20 ≈ 9.5e-7
 */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p >= 1) return 1;
  return Math.min(1, Math.max(0, regularizedBeta(p, k, n - k + 1)));
}

/**
 * P(X ≥ k) for X = X₁ + … + Xₘ with independent Xⱼ ~ Binomial(nⱼ, pⱼ): the exact tail of
 * a Poisson-binomial whose trials fall into a few classes of equal p (the watermark's
 * positions with k alternatives have null hit rate 1/k). All classes but the last are
 * convolved as probability mass functions; the last contributes its exact tail.
 * @example binomialMixtureTail(3, [{ n: 2, p: 0.5 }, { n: 1, p: 1 / 3 }]) // 1/4 · 1/3
 */
export function binomialMixtureTail(
  k: number,
  classes: readonly { n: number; p: number }[],
): number {
  const used = classes.filter((c) => c.n > 0);
  if (k <= 0) return 1;
  const last = used.at(-1);
  if (!last) return 0;
  let pmf = [1];
  for (const c of used.slice(0, -1)) pmf = convolve(pmf, binomialPmf(c.n, c.p));
  let tail = 0;
  for (let a = 0; a < pmf.length; a++) {
    if (pmf[a]! > 0) tail += pmf[a]! * binomialTail(k - a, last.n, last.p);
  }
  return Math.min(1, Math.max(0, tail));
}

/** Probability mass function of Binomial(n, p), computed in log space. */
export function binomialPmf(n: number, p: number): number[] {
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const lnN = logGamma(n + 1);
  return Array.from({ length: n + 1 }, (_, i) =>
    Math.exp(lnN - logGamma(i + 1) - logGamma(n - i + 1) + i * lp + (n - i) * lq),
  );
}

function convolve(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0) continue;
    for (let j = 0; j < b.length; j++) out[i + j] = out[i + j]! + a[i]! * b[j]!;
  }
  return out;
}

/**
 * P(S ≥ s) for S = Σⱼ wⱼ·Xⱼ with independent Xⱼ ~ Binomial(nⱼ, pⱼ) and integer weights
 * wⱼ ≥ 1: the exact null tail of a weighted hit count (weights fixed before looking at
 * the key). With every weight 1 it equals binomialMixtureTail.
 * @example weightedBinomialTail(7, [{ n: 1, p: 0.5, w: 6 }, { n: 1, p: 0.5, w: 1 }]) // 1/4
 */
export function weightedBinomialTail(
  s: number,
  classes: readonly { n: number; p: number; w: number }[],
): number {
  const used = classes.filter((c) => c.n > 0);
  if (s <= 0) return 1;
  const last = used.at(-1);
  if (!last) return 0;
  let pmf = [1];
  for (const c of used.slice(0, -1)) {
    const b = binomialPmf(c.n, c.p);
    const spread = new Array<number>((b.length - 1) * c.w + 1).fill(0);
    b.forEach((q, i) => (spread[i * c.w] = q));
    pmf = convolve(pmf, spread);
  }
  let tail = 0;
  for (let a = 0; a < pmf.length; a++) {
    if (pmf[a]! > 0) tail += pmf[a]! * binomialTail(Math.ceil((s - a) / last.w), last.n, last.p);
  }
  return Math.min(1, Math.max(0, tail));
}
