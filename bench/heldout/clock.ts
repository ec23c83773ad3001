/**
 * Time: the window, activity curves by local hour, and arrival processes (human sessions,
 * curve-modulated Poisson pipelines, cron cadences, bursts). Every function returns
 * sorted epoch-ms arrays, so an account's stream is in order by construction.
 */
import type { Rng } from './rng.js';

export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Relative activity by local hour 0–23 (each normalised to mean 1 below). */
const RAW = {
  /** Ordinary people: evenings and midday, little at night. */
  human: [
    0.9, 0.5, 0.3, 0.2, 0.15, 0.2, 0.4, 0.9, 1.6, 2.3, 2.8, 3, 2.7, 2.6, 2.9, 3, 2.8, 2.5, 2.2, 2.3,
    2.5, 2.4, 2, 1.4,
  ],
  /** Office work: 8–19 with a lunch dip. */
  office: [
    0.02, 0.01, 0.01, 0.01, 0.01, 0.02, 0.08, 0.4, 1.8, 3, 3.2, 3.1, 2, 2.7, 3.1, 3, 2.7, 2, 1, 0.5,
    0.35, 0.25, 0.12, 0.05,
  ],
  /** School day, then homework in the evening. */
  school: [
    0.02, 0.01, 0.01, 0.01, 0.01, 0.03, 0.2, 1.2, 3.2, 3.6, 3.4, 3, 2.2, 3, 2.8, 1.8, 1.6, 1.7, 1.9,
    2, 1.6, 0.9, 0.3, 0.08,
  ],
  /** Evenings (family apps, hobbyists). */
  evening: [
    0.8, 0.4, 0.2, 0.1, 0.08, 0.1, 0.3, 0.6, 0.8, 0.9, 1, 1.1, 1.3, 1.2, 1.1, 1.2, 1.6, 2.2, 2.8,
    3.2, 3.3, 3, 2.3, 1.4,
  ],
  /** Round the clock, mildly following the operator's own day. */
  machine: [
    0.85, 0.8, 0.8, 0.8, 0.8, 0.85, 0.9, 1, 1.1, 1.15, 1.2, 1.2, 1.15, 1.15, 1.2, 1.2, 1.15, 1.1,
    1.05, 1, 1, 0.95, 0.9, 0.9,
  ],
  flat: new Array<number>(24).fill(1),
};

export type Curve = keyof typeof RAW;
const CURVES = Object.fromEntries(
  Object.entries(RAW).map(([k, v]) => {
    const mean = v.reduce((a, b) => a + b, 0) / 24;
    return [k, v.map((x) => x / mean)];
  }),
) as Record<Curve, number[]>;
const PEAK = Object.fromEntries(
  Object.entries(CURVES).map(([k, v]) => [k, Math.max(...v)]),
) as Record<Curve, number>;

/** Local hour (0–23, fractional) of a timestamp in a zone `tz` hours from UTC. */
export function localHour(ts: number, tz: number): number {
  const h = ((ts + tz * HOUR) % DAY) / HOUR;
  return h < 0 ? h + 24 : h;
}

/** Local weekday, 0 = Monday … 6 = Sunday (the epoch was a Thursday). */
export function weekday(ts: number, tz: number): number {
  return (Math.floor((ts + tz * HOUR) / DAY) + 3) % 7;
}

/** The activity weight of a curve at a timestamp, weekends scaled by `weekend`. */
export function activity(ts: number, tz: number, curve: Curve, weekend = 1): number {
  const w = CURVES[curve][Math.floor(localHour(ts, tz))]!;
  return weekday(ts, tz) >= 5 ? w * weekend : w;
}

/** Where a stream runs and how its rate follows the clock. */
export interface Shape {
  tz: number;
  curve: Curve;
  /** Weekend rate relative to weekdays (1: no difference). */
  weekend?: number;
}

/**
 * A Poisson process of `perDay` mean arrivals per (weekday) day over [from, to), its rate
 * following the curve in local time (Lewis–Shedler thinning).
 */
export function poissonTimes(
  rng: Rng,
  from: number,
  to: number,
  perDay: number,
  shape: Shape,
): number[] {
  const out: number[] = [];
  if (perDay <= 0 || to <= from) return out;
  const weekend = shape.weekend ?? 1;
  const peak = PEAK[shape.curve] * Math.max(1, weekend);
  const meanGap = DAY / (perDay * peak);
  let t = from + rng.exp(meanGap);
  while (t < to) {
    if (rng.next() * peak < activity(t, shape.tz, shape.curve, weekend)) out.push(Math.floor(t));
    t += rng.exp(meanGap);
  }
  return out;
}

/** Human use: sessions of a few requests, seconds to minutes apart. */
export interface SessionPlan extends Shape {
  /** Mean requests per week. */
  perWeek: number;
  /** Mean requests per session (≥ 1). */
  perSession: number;
  /** Median seconds between requests inside a session (reading, typing). */
  gapS: number;
}

/** Request times of a human: a list of sessions, each a list of times (sorted overall). */
export function sessions(rng: Rng, from: number, to: number, p: SessionPlan): number[][] {
  const starts = poissonTimes(rng, from, to, p.perWeek / 7 / p.perSession, p);
  const out: number[][] = [];
  let floor = from;
  for (const s of starts) {
    let t = Math.max(s, floor);
    const k = 1 + Math.min(200, Math.round(rng.exp(Math.max(0.01, p.perSession - 1))));
    const times: number[] = [];
    for (let i = 0; i < k && t < to; i++) {
      times.push(Math.floor(t));
      t += rng.lognormal(p.gapS, 0.7) * SEC;
    }
    if (times.length > 0) out.push(times);
    floor = t;
  }
  return out;
}

/** A cron-like cadence: one arrival every `periodMs`, each moved by up to ±jitter of the period. */
export function cadence(
  rng: Rng,
  from: number,
  to: number,
  periodMs: number,
  jitter: number,
): number[] {
  const out: number[] = [];
  for (let t = from + rng.next() * periodMs; t < to; t += periodMs) {
    const x = Math.floor(t + (rng.next() * 2 - 1) * jitter * periodMs);
    if (x >= from && x < to) out.push(x);
  }
  return out.sort((a, b) => a - b);
}

/** A burst: `n` requests from `at`, `concurrency` in flight, each taking about `eachMs`. */
export function burst(
  rng: Rng,
  at: number,
  n: number,
  concurrency: number,
  eachMs: number,
): number[] {
  const lanes = new Array<number>(Math.max(1, concurrency)).fill(at);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let lane = 0;
    for (let j = 1; j < lanes.length; j++) if (lanes[j]! < lanes[lane]!) lane = j;
    const t = lanes[lane]! + rng.int(5, 120);
    out.push(Math.floor(t));
    lanes[lane] = t + rng.lognormal(eachMs, 0.5);
  }
  return out.sort((a, b) => a - b);
}

/** A local clock time (hour, fractional) on day `day` of the window, as epoch ms. */
export function localTime(start: number, day: number, hour: number, tz: number): number {
  return start + day * DAY + (hour - tz) * HOUR;
}

/** Merge sorted arrays into one sorted array. */
export function mergeTimes(lists: number[][]): number[] {
  return lists.flat().sort((a, b) => a - b);
}
