import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binomialTail, logGamma } from './binomial.js';

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
