import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALWAYS, ActiveClock, Arrivals, activeTime, type Schedule } from './timing.js';
import { Rng } from './prng.js';

const start = Date.UTC(2026, 0, 5);
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

test('skipped days are drawn per day, not all at once (issue 3 regression: FNV top bits)', () => {
  const s: Schedule = {
    from: 11,
    to: 22,
    tz: -5,
    weekends: true,
    skipDay: 0.2,
    key: 'acct_a77ae3d102',
  };
  const active = activeTime(s, start, 28 * 24 * HOUR) / HOUR;
  assert.ok(active > 28 * 11 * 0.5 && active < 28 * 11, `active hours ${active}`);
});

test('ActiveClock maps active time onto working hours only', () => {
  const s: Schedule = { from: 9, to: 17, tz: 0, weekends: false, skipDay: 0, key: 'k' };
  const c = new ActiveClock(s, start); // a Monday, 00:00 UTC
  assert.equal(c.at(0), start + 9 * HOUR);
  assert.equal(c.at(8 * HOUR), start + 24 * HOUR + 9 * HOUR); // first hour of Tuesday
  assert.equal(activeTime(s, start, WEEK), 5 * 8 * HOUR);
});

test('arrivals are non-decreasing and stay (almost) inside the window for every process', () => {
  const schedules: Schedule[] = [
    ALWAYS,
    { from: 8, to: 18, tz: 1, weekends: false, skipDay: 0.1, key: 'w' },
    { from: 20, to: 2, tz: -5, weekends: true, skipDay: 0.3, key: 'e' },
  ];
  for (const s of schedules) {
    for (const process of [
      { kind: 'sessions', inGapMs: 90_000, sessionLen: 8 },
      { kind: 'regular', jitter: 0.3 },
      { kind: 'poisson' },
      { kind: 'burst', gapMs: 1000 },
    ] as const) {
      for (const n of [1, 40, 900]) {
        const a = new Arrivals(new Rng(n, s.key + process.kind), s, start, WEEK, n, process);
        let prev = -Infinity;
        let late = 0;
        for (let i = 0; i < n; i++) {
          const t = a.next();
          assert.ok(t >= prev && t >= start);
          if (t > start + WEEK) late++;
          prev = t;
        }
        assert.ok(late <= Math.max(1, n * 0.05), `${process.kind} n=${n}: ${late} late`);
      }
    }
  }
});
