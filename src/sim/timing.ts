/**
 * When simulated requests arrive. A Schedule says which hours an actor is active (local
 * working hours, evenings, nightly batch windows, round the clock; some days skipped);
 * a gap process draws inter-arrival times in *active* time, and an ActiveClock maps
 * active time back onto the wall clock. Budgets: each actor is given its event count and
 * the window, and spaces its requests so the count fits the window.
 */
import { hash01, type Rng } from './prng.js';

const HOUR = 3_600_000;

/** Which hours an actor is active. */
export interface Schedule {
  /** Local hours [from, to), may wrap midnight (from > to). */
  from: number;
  to: number;
  /** UTC offset of the actor in hours. */
  tz: number;
  /** Active on Saturday and Sunday too. */
  weekends: boolean;
  /** Probability a given day is skipped entirely (holidays, days off). */
  skipDay: number;
  /** Key for the per-day skip draws (shared by synchronized actors). */
  key: string;
}

/** Round the clock, every day. */
export const ALWAYS: Schedule = {
  from: 0,
  to: 24,
  tz: 0,
  weekends: true,
  skipDay: 0,
  key: 'always',
};

function hourActive(s: Schedule, hourIndex: number): boolean {
  const localHours = hourIndex + s.tz;
  const day = Math.floor(localHours / 24);
  const h = ((localHours % 24) + 24) % 24;
  const inHours = s.from <= s.to ? h >= s.from && h < s.to : h >= s.from || h < s.to;
  if (!inHours) return false;
  const dow = (((day + 4) % 7) + 7) % 7; // epoch day 0 was a Thursday; 0 = Sunday
  if (!s.weekends && (dow === 0 || dow === 6)) return false;
  return s.skipDay === 0 || hash01(`${s.key}:${day}`) >= s.skipDay;
}

/** Maps monotonically increasing active time onto wall-clock time. */
export class ActiveClock {
  private hour: number;
  private activeBefore = 0;
  private readonly offset: number;

  constructor(
    private readonly schedule: Schedule,
    start: number,
  ) {
    this.hour = Math.floor(start / HOUR);
    this.offset = start - this.hour * HOUR;
    // Time before `start` inside the first hour does not count.
    this.activeBefore = hourActive(schedule, this.hour) ? -this.offset : 0;
  }

  /** Wall-clock ms for active time `tau` (must not decrease between calls). */
  at(tau: number): number {
    for (let guard = 0; guard < 24 * 3660; guard++) {
      const len = hourActive(this.schedule, this.hour) ? HOUR : 0;
      if (len > 0 && tau < this.activeBefore + len)
        return this.hour * HOUR + (tau - this.activeBefore);
      this.activeBefore += len;
      this.hour++;
    }
    return this.hour * HOUR; // schedule with no active hours for ten years: give up gracefully
  }
}

/** Active milliseconds of `schedule` in [start, start + window). */
export function activeTime(schedule: Schedule, start: number, window: number): number {
  let total = 0;
  for (let t = Math.floor(start / HOUR) * HOUR; t < start + window; t += HOUR) {
    if (!hourActive(schedule, t / HOUR)) continue;
    total += Math.min(t + HOUR, start + window) - Math.max(t, start);
  }
  return total;
}

/** How gaps between requests are drawn, in active time. */
export type GapProcess =
  | { kind: 'sessions'; inGapMs: number; sessionLen: number }
  | { kind: 'regular'; jitter: number }
  | { kind: 'poisson' }
  | { kind: 'burst'; gapMs: number };

/** Produces the arrival times of one actor's `n` requests, lazily. */
export class Arrivals {
  private readonly clock: ActiveClock;
  private tau: number;
  private readonly meanGap: number;
  private left = 0;
  private end = 0;
  private issued = 0;
  private lead = 0;
  private inGap = 0;

  constructor(
    private readonly rng: Rng,
    schedule: Schedule,
    start: number,
    window: number,
    private readonly n: number,
    private readonly process: GapProcess,
    /** Fraction of the window the actor's activity should span (0..1], from a random point. */
    span = 1,
  ) {
    this.clock = new ActiveClock(schedule, start);
    const total = Math.max(HOUR, activeTime(schedule, start, window));
    const used = total * span;
    const lead = rng.float() * (total - used);
    if (process.kind === 'burst') {
      const len = Math.min(total, process.gapMs * n);
      this.tau = rng.float() * (total - len);
      this.meanGap = process.gapMs;
    } else if (process.kind === 'sessions') {
      // Session starts are spread over what is left of the window for the sessions still to
      // come (self-correcting), so the activity spans the window without drifting past it.
      this.end = lead + used * 0.97;
      this.meanGap = this.end / Math.max(1, n / process.sessionLen);
      // A heavy user works faster: in-session gaps shrink so sessions fit their slices.
      this.inGap = Math.min(process.inGapMs, (0.5 * used) / Math.max(1, n));
      this.lead = lead;
      this.tau = lead + rng.float() * this.meanGap;
      this.left = Math.max(0, Math.round(rng.exp(process.sessionLen)) - 1);
    } else {
      this.meanGap = (used * 0.98) / Math.max(1, n);
      this.end = lead + used * 0.98;
      this.tau = lead + rng.float() * this.meanGap;
    }
  }

  /** Wall-clock time of the next request. */
  next(): number {
    const t = this.clock.at(this.tau);
    this.issued++;
    this.tau += this.gap();
    return Math.floor(t);
  }

  private sessionGap(sessionLen: number): number {
    const sessionsLeft = Math.max(1, (this.n - this.issued) / sessionLen);
    const room = Math.max(0, this.end - this.tau);
    return (room / sessionsLeft) * (0.2 + 1.6 * this.rng.float());
  }

  /** Mean gap that spreads the remaining requests over the remaining room (self-correcting drift). */
  private steadyGap(): number {
    return Math.max(10, (this.end - this.tau) / Math.max(1, this.n - this.issued + 1));
  }

  private gap(): number {
    const p = this.process;
    switch (p.kind) {
      case 'regular':
        return this.steadyGap() * (1 + p.jitter * (2 * this.rng.float() - 1));
      case 'poisson':
        return this.rng.exp(this.steadyGap());
      case 'burst':
        return this.rng.exp(p.gapMs);
      case 'sessions':
        if (this.left > 0) {
          this.left--;
          return this.rng.exp(this.inGap) + 1000;
        }
        this.left = Math.max(0, Math.round(this.rng.exp(p.sessionLen)) - 1);
        return Math.max(1000, this.sessionGap(p.sessionLen));
    }
  }
}
