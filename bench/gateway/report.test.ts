// Run: node --import tsx --test bench/gateway/report.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, renderTable, summarise, type RoundSample } from './report.js';
import { threadCostUs, treeCpuSeconds } from './proc.js';

const sample = (
  contender: string,
  round: number,
  cpuUs: number | undefined,
  p50One: number,
): RoundSample => ({
  contender,
  mode: 'json',
  round,
  rps: 1000 + round,
  p50: 1,
  p99: 2,
  cpuUs,
  p50One,
  errors: 0,
});

test('median of odd and even lists', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('summarise takes medians, the CPU minimum, and latency added over direct', () => {
  const rows = summarise([
    sample('direct', 0, undefined, 0.1),
    sample('direct', 1, undefined, 0.3),
    sample('moat', 0, 300, 0.5),
    sample('moat', 1, 200, 0.7),
    sample('moat', 2, 250, 0.6),
  ]);
  const moat = rows.find((r) => r.contender === 'moat')!;
  assert.equal(moat.cpuUs, 250);
  assert.equal(moat.cpuMinUs, 200);
  assert.ok(Math.abs(moat.addedMs! - 0.4) < 1e-9);
  assert.equal(rows.find((r) => r.contender === 'direct')!.cpuUs, undefined);
  assert.match(renderTable(rows, 16), /\| json \| moat \| 1001 \|/);
});

test('thread costs group threads by name per request', () => {
  const before = new Map([
    ['node/1', 1],
    ['libuv-worker/2', 0],
  ]);
  const after = new Map([
    ['node/1', 1.5],
    ['libuv-worker/2', 0.1],
    ['libuv-worker/3', 0.1],
  ]);
  const us = threadCostUs(before, after, 1000);
  assert.equal(Math.round(us['node']!), 500);
  assert.equal(Math.round(us['libuv-worker']!), 200);
});

test('this process uses some CPU by /proc', () => {
  assert.ok(treeCpuSeconds(process.pid) > 0);
});
