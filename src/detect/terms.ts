/**
 * Shared vocabulary of the scoring: reason codes, the context a score is computed in, and the
 * parts of terms that the score (score.ts) and its sentences (describe.ts) both read.
 */
import { F, type Counters } from './stats.js';

/** Context that is not a counter: account age, cluster coordination. */
export interface AssessContext {
  /** Epoch ms the account (or oldest cluster member) was created; 0 unknown. */
  createdAt: number;
  firstTs: number;
  lastTs: number;
  /** Coordination evidence of a cluster in [0,1]; 0 for a lone account. */
  coordination: number;
  /** The sentence behind `coordination` (only called when a reason is written). */
  coordinationDetail: () => string;
  /** The most harvest-suspect sub-stream of an account (share, requests), 0/0 when none stands out or for a cluster. */
  substreamShare: number;
  substreamN: number;
  /** That sub-stream is one of the system prompt × harness kind (features.ts harnessStream), not × end user. */
  substreamByHarness: boolean;
  /** Distinct token ids its logit_bias maps named (estimate). */
  biasIds: number;
  /** Distinct end users it named (estimate), 0 when none. */
  endUsers: number;
  /** Distinct tool sets its requests defined (estimate), 0 when none or for a cluster. */
  toolsets: number;
  /** A paying customer (account.ts paidStanding); false for a cluster. */
  paid: boolean;
  /** Days the decayed counters stand for: two half-lives. */
  windowDays: number;
  /**
   * Share of the account's requests sent in its busiest clock hour (AccountState.sittingShare:
   * 0 until it has sent enough over enough hours, and for a cluster): an experiment run in one
   * sitting.
   */
  sitting: number;
}

/** Evidence terms: stable reason codes, in a fixed order. */
export const TERMS = [
  'reasoning_elicitation',
  'grader_phrasing',
  'data_generation',
  'reasoning_served',
  'judgements_served',
  'grades_served',
  'substream_harvest',
  'long_output',
  'harvest_length',
  'agent_environments',
  'agent_episodes',
  'sleepless_work',
  'logit_bias_sweep',
  'template_reuse',
  'shared_template',
  'shared_harness',
  'coverage_sweep',
  'novelty',
  'single_turn',
  'machine_timing',
  'harvest_focus',
  'volume_vs_age',
  'signup_route',
  'model_pivot',
  'sampling',
  'proxy_rotation',
  'client_spoof',
  'cluster_coordination',
] as const;
/** A reason code. */
export type TermCode = (typeof TERMS)[number];

/**
 * Days of events a decayed counter holds after the observed span: a counter that gained one a
 * day for `span` days holds (h / ln 2)(1 − 2^(−span/h)) for a half-life of h days (ctx.windowDays
 * is two half-lives), so a count divided by it is a rate per day whatever the span. At least
 * half a day.
 */
export function decayedDays(ctx: AssessContext): number {
  const h = ctx.windowDays / 2;
  const span = Math.max(0, (ctx.lastTs - ctx.firstTs) / 86_400_000);
  return Math.max(0.5, (h / Math.LN2) * (1 - Math.pow(2, -span / h)));
}

/**
 * Agent episodes started a day (decayedDays), per end user when the application names them:
 * each person runs their own (score.ts agentEpisodesStrength).
 */
export function episodesPerDay(c: Counters, n: number, ctx: AssessContext): number {
  return c[F.episodes]! / decayedDays(ctx) / peopleServed(c, n, ctx);
}

/** The people an account's traffic stands for: the end users it names, else 1. */
export function peopleServed(c: Counters, n: number, ctx: AssessContext): number {
  return namesEndUsers(c, n) ? Math.max(1, ctx.endUsers) : 1;
}

/** Share of requests that took a harvest, code solutions served included (accountFocus). */
export function harvestShare(c: Counters, n: number): number {
  return (c[F.harvest]! + c[F.solution]!) / n;
}

/**
 * The share of requests in the quietest six consecutive hours of the day (UTC, wrapping past
 * midnight): a person's night holds a few percent of their requests whatever their time zone;
 * work spread evenly round the clock puts a quarter there.
 */
export function restShare(c: Counters, n: number): number {
  let window = 0;
  for (let h = 0; h < REST_HOURS; h++) window += c[F.hours + h]!;
  let least = window;
  for (let h = 0; h < 23; h++) {
    window += c[F.hours + ((h + REST_HOURS) % 24)]! - c[F.hours + h]!;
    if (window < least) least = window;
  }
  return n > 0 ? Math.max(0, least) / n : 0;
}

const REST_HOURS = 6;

/** Hours of the day (of 24) that hold at least half an even share of the requests. */
export function activeHours(c: Counters, n: number): number {
  let active = 0;
  for (let h = 0; h < 24; h++) if (c[F.hours + h]! >= n / 48) active++;
  return active;
}

/** Days the decayed counters cover: the observed span, at most two half-lives (ctx.windowDays), at least half a day. */
export function activeDays(ctx: AssessContext): number {
  return Math.max(0.5, Math.min((ctx.lastTs - ctx.firstTs) / 86_400_000, ctx.windowDays));
}

/**
 * What a paying customer established for `establishedDays` keeps of its amplified or inherited
 * evidence (three quarters; 1 for anyone else): campaigns run on fresh, low-friction signups.
 */
export function standing(
  paid: boolean,
  createdAt: number,
  lastTs: number,
  cfg: { establishedDays: number },
): number {
  return paid && createdAt > 0 && lastTs - createdAt >= cfg.establishedDays * 86_400_000 ? 0.75 : 1;
}

/** The ramp of every term: 0 at or below 0, 1 from `at` on. */
export const sat = (x: number, at: number): number => (x <= 0 ? 0 : x >= at ? 1 : x / at);

/** Whether most of an account's requests name an end user: an application, judged per person it serves. */
export function namesEndUsers(c: Counters, n: number): boolean {
  return c[F.endUser]! >= 0.5 * n;
}

/**
 * A harvest inside an application's traffic: how far its most suspect sub-stream stands out
 * from the account as a whole (sub-stream scoring: dilution does not hide it), 0–1.
 */
export function substreamStrength(c: Counters, n: number, ctx: AssessContext): number {
  return ctx.substreamN >= 12
    ? sat(ctx.substreamShare - c[F.harvest]! / n - 0.2, 0.4) * sat(ctx.substreamN, 30)
    : 0;
}

/**
 * Focus: most requests take a harvest, asked for or a derivation served, from ten requests
 * on; graded from 65% to all of them. People mix their asks (students, researchers: a third;
 * honest maths-only learners reach 72% at p90); a harvest account does little else — but
 * mixes in ordinary chat as cover: a cliff at 85% let a hydra with 15% cover through (tuning
 * generator, issue 13: low-and-slow hydra 1 of 61 caught; from 65%, 43–46 of 61, no honest
 * account raised). An application that names its end users is judged per person (streamFocus).
 */
export function accountFocus(c: Counters, n: number, ctx: AssessContext): number {
  return isApplication(c, n, ctx) ? 0 : sat(harvestShare(c, n) - 0.65, 0.35) * sat(n - 10, 50);
}

/**
 * An application's focus is that of a sub-stream that stands out as harvest — one insider
 * who asks for nothing else, judged per person as the application's users are — in the
 * measure it stands out (a judge service whose account is 69% grading and one customer's
 * stream all of it was raised at full weight, tuning seed 3). Not for accounts that name no
 * end users: an evaluation vendor's or a judge service's per-customer streams stand out too
 * (on tuning seeds 1–2 that raised one or two of each).
 */
export function streamFocus(c: Counters, n: number, ctx: AssessContext): number {
  return isApplication(c, n, ctx)
    ? sat(ctx.substreamShare - 0.65, 0.35) *
        sat(ctx.substreamN - 10, 50) *
        substreamStrength(c, n, ctx)
    : 0;
}

function isApplication(c: Counters, n: number, ctx: AssessContext): boolean {
  return namesEndUsers(c, n) && ctx.endUsers >= 20;
}
