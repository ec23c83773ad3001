import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialMixtureTail, binomialTail, logGamma, weightedBinomialTail } from './binomial.js';

/** Direct summation in log space, the reference for the incomplete-beta form. */
function directTail(k: number, n: number, p: number): number {
  let sum = 0;
  for (let i = k; i <= n; i++) {
    sum += Math.exp(
      logGamma(n + 1) -
        logGamma(i + 1) -
        logGamma(n - i + 1) +
        i * Math.log(p) +
        (n - i) * Math.log1p(-p),
    );
  }
  return sum;
}

test('binomialTail matches direct summation', () => {
  for (const [k, n, p] of [
    [5, 10, 0.5],
    [60, 100, 0.5],
    [30, 40, 0.5],
    [3, 50, 0.1],
    [700, 1000, 0.5],
    [1, 1, 0.5],
  ] as const) {
    const a = binomialTail(k, n, p);
    const b = directTail(k, n, p);
    assert.ok(Math.abs(a - b) / b < 1e-9, `${k}/${n}: ${a} vs ${b}`);
  }
});

test('binomialTail edge cases', () => {
  assert.equal(binomialTail(0, 10, 0.5), 1);
  assert.equal(binomialTail(11, 10, 0.5), 0);
  assert.ok(Math.abs(binomialTail(20, 20, 0.5) - 2 ** -20) < 1e-18);
  assert.ok(binomialTail(1000, 1000, 0.5) > 0 || binomialTail(1000, 1000, 0.5) === 0);
});

/** P(sum ≥ k) by enumerating every outcome of the trials (the reference for small n). */
function enumerateTail(k: number, ps: number[]): number {
  let total = 0;
  for (let mask = 0; mask < 1 << ps.length; mask++) {
    let prob = 1;
    let hits = 0;
    ps.forEach((p, i) => {
      const hit = (mask >> i) & 1;
      hits += hit;
      prob *= hit ? p : 1 - p;
    });
    if (hits >= k) total += prob;
  }
  return total;
}

test('binomialMixtureTail equals enumeration over mixed null hit rates (k-way positions)', () => {
  const cases = [
    [
      { n: 5, p: 1 / 2 },
      { n: 4, p: 1 / 3 },
      { n: 3, p: 1 / 4 },
    ],
    [
      { n: 0, p: 1 / 2 },
      { n: 7, p: 1 / 3 },
    ],
    [{ n: 9, p: 1 / 2 }],
  ];
  for (const classes of cases) {
    const ps = classes.flatMap((c) => Array<number>(c.n).fill(c.p));
    for (let k = 0; k <= ps.length + 1; k++) {
      const got = binomialMixtureTail(k, classes);
      const want = enumerateTail(k, ps);
      assert.ok(Math.abs(got - want) <= 1e-12 + 1e-9 * want, `k=${k}: ${got} vs ${want}`);
    }
  }
  assert.equal(binomialMixtureTail(1, []), 0);
  assert.equal(binomialMixtureTail(0, []), 1);
});

test('weightedBinomialTail equals enumeration of weighted hit counts (the suspect-probe statistic)', () => {
  const classes = [
    { n: 6, p: 1 / 2, w: 1 },
    { n: 3, p: 1 / 2, w: 6 },
    { n: 2, p: 1 / 3, w: 1 },
  ];
  const trials = classes.flatMap((c) => Array.from({ length: c.n }, () => c));
  for (let s = 0; s <= 30; s++) {
    let want = 0;
    for (let mask = 0; mask < 1 << trials.length; mask++) {
      let prob = 1;
      let score = 0;
      trials.forEach((t, i) => {
        const hit = (mask >> i) & 1;
        score += hit * t.w;
        prob *= hit ? t.p : 1 - t.p;
      });
      if (score >= s) want += prob;
    }
    const got = weightedBinomialTail(s, classes);
    assert.ok(Math.abs(got - want) <= 1e-12, `s=${s}: ${got} vs ${want}`);
  }
  const quarter = weightedBinomialTail(7, [
    { n: 1, p: 0.5, w: 6 },
    { n: 1, p: 0.5, w: 1 },
  ]);
  assert.ok(Math.abs(quarter - 0.25) < 1e-12);
});
