/**
 * Turn Stats into a risk score and reasons. Two groups of evidence are combined:
 * *core* terms say what is being harvested (reasoning traces, grades, generated data,
 * long outputs) and *amplifier* terms say how (templates, sweeps, machine timing, young
 * accounts, pivots, clusters). Each group is a noisy-OR of its weighted terms; the score is
 * core × amplifier × confidence, so honest users with one trait (a student asking for
 * steps, a batch pipeline reusing one template) stay low while a campaign showing both is
 * high. A logprob + logit_bias sweep or search (Carlini et al. 2024, arXiv 2403.06634) scores
 * alone, and so, up to throttle, do agent trajectories taken across many rotating tool
 * environments or at a harness's rate, and code or agent work served with no night's rest.
 *
 * The hot path (every event) computes numbers only, into a reused array; the sentences
 * with checkable numbers are written only when a verdict is emitted (describe.ts).
 */
import type { Reason } from '../telemetry/event.js';
import type { DetectConfig } from './config.js';
import { F, type Counters, type Stats } from './stats.js';
import { describe } from './describe.js';
import {
  TERMS,
  accountFocus,
  activeDays,
  activeHours,
  episodesPerDay,
  namesEndUsers,
  peopleServed,
  restShare,
  sat,
  standing,
  streamFocus,
  substreamStrength,
  type AssessContext,
  type TermCode,
} from './terms.js';

export { TERMS, namesEndUsers, type AssessContext, type TermCode } from './terms.js';

const T = Object.fromEntries(TERMS.map((c, i) => [c, i])) as Record<TermCode, number>;
const CORE_END = T.logit_bias_sweep; // terms before it are core
/** Amplifiers that describe automation, which honest integrations share (capped together). */
const AUTOMATION: boolean[] = TERMS.map(
  (t) =>
    t === 'template_reuse' ||
    t === 'shared_template' ||
    t === 'coverage_sweep' ||
    t === 'novelty' ||
    t === 'single_turn' ||
    t === 'machine_timing' ||
    t === 'sampling',
);
const WEIGHT_KEY: Record<TermCode, keyof DetectConfig['weights']> = {
  reasoning_elicitation: 'reasoning',
  grader_phrasing: 'grader',
  data_generation: 'datagen',
  reasoning_served: 'reasoningServed',
  judgements_served: 'judgements',
  grades_served: 'grades',
  substream_harvest: 'substream',
  long_output: 'longOutput',
  harvest_length: 'harvestLength',
  agent_environments: 'agentEnvironments',
  agent_episodes: 'agentEpisodes',
  sleepless_work: 'sleepless',
  logit_bias_sweep: 'logitSweep',
  template_reuse: 'templateReuse',
  shared_template: 'sharedTemplate',
  shared_harness: 'sharedHarness',
  coverage_sweep: 'coverageSweep',
  novelty: 'novelty',
  single_turn: 'singleTurn',
  machine_timing: 'timing',
  harvest_focus: 'focus',
  volume_vs_age: 'volumeAge',
  signup_route: 'signupRoute',
  model_pivot: 'modelPivot',
  sampling: 'sampling',
  proxy_rotation: 'rotation',
  client_spoof: 'spoof',
  cluster_coordination: 'cluster',
};

/** A scored Stats: score, the two noisy-ORs, and each term's contribution (weight × strength). */
export interface Assessment {
  score: number;
  core: number;
  amp: number;
  contributions: Float64Array;
}

const DAY = 86_400_000;

/** Strength of machine-like timing: regular inter-arrival gaps, or activity round the clock. */
export function timingStrength(c: Counters, n: number): number {
  const g = c[F.gaps]!;
  let regular = 0;
  if (g >= 20) {
    const mean = c[F.logGapSum]! / g;
    const std = Math.sqrt(Math.max(0, c[F.logGapSq]! / g - mean * mean));
    regular = std < 0.25 ? 1 : std < 0.6 ? (0.6 - std) / 0.35 : 0;
  }
  if (n < 100) return regular;
  return Math.max(regular, activeHours(c, n) >= 21 ? 1 : 0);
}

/**
 * Strength of a rotating egress: the share of requests from a network prefix the account had
 * not used before. A home or an office repeats its address for days, a mobile carrier a
 * handful of prefixes; a residential-proxy pool hands out a new one nearly every request
 * (THREATS.md: "a single proxy network ran more than 20,000 accounts at once"), or one per
 * sticky session of a few requests. Full from 50% over 10+ requests, nothing below 10% or
 * before the new networks span eight ISP blocks (/16, /32).
 */
export function rotationStrength(c: Counters, n: number): number {
  // Eight new blocks at least (/16, /32): a reseller's or an office's few egress ranges are
  // all new to an account's first requests, and a carrier moves a phone within a few blocks.
  return n >= 10 && c[F.newBlock]! >= ROTATION_MIN_BLOCKS ? sat(c[F.newNet]! / n - 0.1, 0.4) : 0;
}

const ROTATION_MIN_BLOCKS = 8;

/**
 * Agent trajectories harvested by a harness: tool-using episodes started at a rate no person
 * runs, round the clock. A developer's coding agent runs a few to a few dozen tasks a day in a
 * working day's hours (THREATS.md: "bursts that follow a human's working hours"); a harness
 * collecting trajectories starts a new episode every few minutes, in every hour. Both are
 * needed: a team on one key can run many episodes a day, a night owl works late. Per person
 * when the application names its end users (each runs their own episodes). Distinct tool sets
 * are counted apart (agent_environments): this term is for one fixed tool set.
 */
export function agentEpisodesStrength(c: Counters, n: number, ctx: AssessContext): number {
  if (c[F.episodes]! < 20) return 0;
  return (
    sat(c[F.tools]! / n, 0.5) *
    sat(episodesPerDay(c, n, ctx) - EPISODES_PER_DAY, EPISODES_PER_DAY) *
    sat(activeHours(c, n) - 14, 6)
  );
}

/**
 * Agent episodes a day one person's use stays under; the term is full at twice it. The
 * diagnosed generators' developers run 0.4–8 a day, heavier ones (a team on one key) up to 57
 * but in 7–10 hours of the day; trajectory harnesses 10–38, in 16–24 hours.
 */
const EPISODES_PER_DAY = 6;

/**
 * Code solutions or agent trajectories served on a schedule nobody keeps: requests spread so
 * evenly round the clock that the quietest six hours of the day hold 10% of them, day after
 * day. A developer's coding work, an agent's included, follows a working day and a night's
 * sleep (THREATS.md: "bursts that follow a human's working hours"); a hydra's scheduler keeps
 * each account under its limits by spreading a few dozen requests a day over all 24 hours,
 * whatever they harvest. Services that run round the clock for many people name them (judged
 * per person) or run evaluations (evaluationShaped, applied by the caller, and a harness's one
 * frame round every item); the rest of round-the-clock automation (batch pipelines, judges,
 * translation) is neither code nor tools. The diagnosed generators' coding agents and students
 * keep 0–4% of their requests in their quietest six hours.
 */
export function sleeplessStrength(c: Counters, n: number, ctx: AssessContext): number {
  if (n < SLEEPLESS_MIN_REQUESTS || c[F.sessions]! < SLEEPLESS_MIN_SESSIONS || namesEndUsers(c, n))
    return 0;
  // An evaluation service wraps every benchmark item in its harness's one frame (a frame seen
  // before on 80%+ of its prompts); code asked for in changing words is not a harness's run.
  const code = c[F.tplHit]! < 0.8 * n ? sat(c[F.solution]! / n - 0.1, 0.4) : 0;
  const what = Math.max(code, sat(c[F.tools]! / n, 0.5));
  if (what === 0) return 0;
  const rest = restShare(c, n);
  // …and enough sittings there to be a habit, not chance: a developer whose 16 sessions of a
  // week fell at scattered hours put a tenth of them in the quietest six hours by luck (1.6
  // sessions' worth); a scheduler running 20+ a week puts 2.4 or more there.
  return (
    what *
    sat(rest - 0.04, 0.06) *
    sat(rest * c[F.sessions]! - 1.6, 0.8) *
    sat(activeDays(ctx) - 1.25, 0.5)
  );
}

const SLEEPLESS_MIN_REQUESTS = 40;
/**
 * Sessions (30 minutes apart) the hours are judged over: a person's few long sittings at
 * different times of the week can spread 70 requests over the clock; a scheduler's starts
 * sample the whole day.
 */
const SLEEPLESS_MIN_SESSIONS = 15;

function coreStrengths(c: Counters, n: number, ctx: AssessContext, x: Float64Array): void {
  x[T.reasoning_elicitation] = sat(c[F.reasoning]! / n, 0.6);
  x[T.grader_phrasing] = sat(c[F.grader]! / n, 0.6);
  x[T.data_generation] = sat(c[F.datagen]! / n, 0.5);
  const withRes = c[F.withResponse]!;
  // What was served, in any language: derivations (steps, equations, reasoning tokens).
  // Rationales closing on a final answer are reasoning served too (Hsieh et al. 2023).
  x[T.reasoning_served] =
    withRes >= 3 ? sat((c[F.derivation]! + c[F.rationale]!) / withRes, 0.6) : 0;
  x[T.judgements_served] = withRes >= 10 ? sat(c[F.verdictAnswer]! / withRes - 0.2, 0.6) : 0;
  // Grades served, in any language: a rubric grader's or a reward-model labeller's answers
  // (people ask for a rating now and then: up to a tenth of a chat user's answers on the
  // tuning generator).
  x[T.grades_served] = withRes >= 5 ? sat(c[F.gradeReport]! / withRes - 0.2, 0.5) : 0;
  x[T.substream_harvest] = substreamStrength(c, n, ctx);
  x[T.long_output] = withRes >= 3 ? sat(c[F.longOutput]! / withRes, 0.7) : 0;
  x[T.harvest_length] = withRes >= 3 ? sat(c[F.harvestLength]! / withRes - 0.1, 0.5) : 0;
  // Agent trajectories harvested across many environments: a product's agent offers one tool
  // set (a few across its features); a harness that collects tool-use trajectories rotates
  // synthetic tool sets per episode, as tool-use training data is built over thousands of
  // APIs (APIGen, Liu et al. 2024, arXiv 2406.18518; ToolACE, Liu et al. 2024, arXiv
  // 2409.00920). An application that names its end users is judged per person.
  const perPerson = namesEndUsers(c, n) ? Math.max(1, ctx.endUsers / 4) : 1;
  x[T.agent_environments] =
    c[F.tools]! >= 20 ? sat((ctx.toolsets / perPerson - 4) / 12, 1) * sat(c[F.tools]! / n, 0.5) : 0;
  x[T.agent_episodes] = agentEpisodesStrength(c, n, ctx);
  x[T.sleepless_work] = sleeplessStrength(c, n, ctx);
  // A logit_bias sweep names ever more token ids (Carlini et al. 2024); logprobs or not. A
  // search moves the bias of the same tokens request after request, to find where each becomes
  // the argmax (their §5, without logprobs): full from half the requests, over 100 of them.
  x[T.logit_bias_sweep] = Math.max(
    c[F.biasChange]! >= 3 ? sat(c[F.biasChange]! / n, 0.4) * sat(ctx.biasIds, 100) : 0,
    // (An account's own: a cluster names no ids, and a member that searches does not make its
    // linked accounts searchers.)
    ctx.biasIds > 0 ? sat(c[F.biasSearch]! / n - 0.1, 0.4) * sat(c[F.biasSearch]!, 100) : 0,
  );
}

function ampStrengths(s: Stats, n: number, ctx: AssessContext, x: Float64Array): void {
  const c = s.c;
  const tpl = c[F.tplHit]! / n;
  x[T.template_reuse] = sat(tpl - 0.2, 0.6);
  x[T.shared_template] = sat(c[F.tplShared]! / n, 0.5);
  // One harness over a split item list: opening frames other accounts sent first, each filled
  // with an item no other account sent (complementary coverage, issue 13 §4). Not automation:
  // an integration's frames are its own, and people who share prompts (a class and its
  // homework, a popular prompt) share the items too. An application that names its end users
  // sends what they paste; 30+ requests.
  x[T.shared_harness] = namesEndUsers(c, n)
    ? 0
    : sat(c[F.frameNewItem]! / n - 0.2, 0.45) * sat(n - 30, 30);
  // Coverage: one template filled with mostly distinct items (HyperLogLog only when it can matter).
  x[T.coverage_sweep] =
    tpl >= 0.5 && n >= 10
      ? sat((Math.min(n, s.distinctItems()) / n) * sat(tpl, 0.8) - 0.3, 0.5)
      : 0;
  // Novelty: a harvester wants new items; an evaluation or an application repeats its own.
  x[T.novelty] = n >= 10 ? sat(Math.min(n, s.distinctItems()) / n - 0.6, 0.35) : 0;
  x[T.single_turn] = sat(c[F.singleTurn]! / n - 0.6, 0.35);
  x[T.machine_timing] = timingStrength(c, n);
  // Volume against age: requests per day from a young account, harvest-length answers per
  // day of the account's life, or single-turn derivations per day per person served (an
  // application that names its end users spreads its volume over them).
  const days = ageDays(ctx);
  // Harvest rates are per day of the period the (decayed) counters cover: an old account
  // that starts harvesting today is not excused by its years of quiet.
  const active = Math.min(days, activeDays(ctx));
  const people = peopleServed(c, n, ctx);
  // A young application's volume is its end users' (an edtech app a week old serving 1,600
  // pupils sends hundreds of requests a day, a few per pupil).
  x[T.volume_vs_age] = Math.max(
    (c[F.young]! / n) * sat(n / days / people - 50, 250),
    sat(c[F.harvestLength]! / active - 5, 20),
    sat(c[F.derivationSingle]! / active / people - 40, 160),
  );
  x[T.harvest_focus] = Math.max(accountFocus(c, n, ctx), streamFocus(c, n, ctx));
  x[T.signup_route] = sat(c[F.lowFrictionRoute]! / n, 1);
  x[T.model_pivot] = sat(c[F.pivot]! / n, 0.5);
  x[T.sampling] = sat(c[F.multiSample]! / n, 0.5);
  x[T.proxy_rotation] = rotationStrength(c, n);
  x[T.client_spoof] = n >= 5 ? sat(c[F.spoofed]! / n - 0.1, 0.4) : 0;
  x[T.cluster_coordination] = ctx.coordination;
}

/**
 * An evaluation harness runs a benchmark once at temperature 0 with short answers, in a
 * burst: templated and regular, but not harvesting outputs (THREATS.md, hard negatives),
 * alone or as several accounts of one lab sharing its harness. Mostly grading asks
 * sustained for days in that shape are a reward-model campaign's (scores, preferences),
 * not a benchmark run.
 */
export function evaluationShaped(
  c: Counters,
  n: number,
  ctx: AssessContext,
  cfg: DetectConfig,
): boolean {
  const withRes = c[F.withResponse]!;
  const inBurst = ctx.lastTs - ctx.firstTs <= cfg.evalBurstHours * 3_600_000;
  const grading = Math.max(c[F.grader]!, c[F.gradeReport]!) / n;
  const gradingForDays = !inBurst && grading >= 0.5;
  // The shape: temperature 0, or one template sent in one burst (so far), short answers.
  const burst =
    inBurst &&
    c[F.tplHit]! / n >= 0.8 &&
    // …asking for neither grades nor written-out reasoning: a harness's answers may be
    // derivations, but an ask for the reasoning in one burst is a harvest's.
    grading < 0.5 &&
    c[F.reasoning]! / n < 0.5;
  // Or most of the account's requests in one clock hour: an experiment run in one sitting, at
  // whatever temperature and answer length (a reasoning benchmark's answers are long). A
  // campaign spreads its volume over days to stay under limits and out of sight (THREATS.md);
  // on the diagnosed generators' seed 1, researchers and evaluation harnesses raised on their
  // own or through a campaign's frames sent 35-100% of their requests in one hour, campaign
  // members 2-27% (held-out: at most 9%).
  const sitting = ctx.sitting >= SITTING_SHARE;
  return (
    !gradingForDays &&
    (c[F.temp0]! / n >= 0.9 || burst || sitting) &&
    (sitting || withRes < 3 || c[F.longOutput]! / withRes < 0.3)
  );
}

/** Share of an account's requests in its busiest hour from which it is one sitting's experiment (evaluationShaped). */
const SITTING_SHARE = 0.5;

/** Whether an account hides where it sends from: a rotating egress or a spoofed browser, for most of its requests. */
export function evasive(c: Counters, n: number): boolean {
  return rotationStrength(c, n) >= 0.5 || (n >= 5 && c[F.spoofed]! >= 0.5 * n);
}

/** Days the account (or cluster) has existed at its last event, at least half a day. */
export function ageDays(ctx: AssessContext): number {
  const start = ctx.createdAt > 0 ? Math.min(ctx.createdAt, ctx.firstTs) : ctx.firstTs;
  return Math.max(0.5, (ctx.lastTs - start) / DAY);
}

/** Term weights of a configuration in TERMS order, computed once per configuration object. */
const weightCache = new WeakMap<DetectConfig, Float64Array>();
function weightsOf(cfg: DetectConfig): Float64Array {
  let w = weightCache.get(cfg);
  if (!w) {
    w = Float64Array.from(TERMS, (t) => cfg.weights[WEIGHT_KEY[t]]);
    weightCache.set(cfg, w);
  }
  return w;
}

/** Scratch strengths for assessScore (the per-event path allocates nothing). */
const scratch = new Float64Array(TERMS.length);

/** The score alone of Stats: what assess(...).score gives, without allocating (the per-event path). */
export function assessScore(s: Stats, ctx: AssessContext, cfg: DetectConfig): number {
  return fill(s, ctx, cfg, scratch);
}

/** Score Stats; `contributions` is a new array the caller may keep. */
export function assess(s: Stats, ctx: AssessContext, cfg: DetectConfig): Assessment {
  const contributions = new Float64Array(TERMS.length);
  const score = fill(s, ctx, cfg, contributions);
  return { score, core: filled.core, amp: filled.amp, contributions };
}

/** The two noisy-ORs of the last fill(), beside its score (no result object per event). */
const filled = { core: 0, amp: 0 };

/** Write each term's contribution into `x` and the noisy-ORs into `filled`; returns the score. */
function fill(s: Stats, ctx: AssessContext, cfg: DetectConfig, x: Float64Array): number {
  const c = s.c;
  const n = c[F.n]!;
  if (n < 1) {
    filled.core = filled.amp = 0;
    return 0;
  }
  coreStrengths(c, n, ctx, x);
  ampStrengths(s, n, ctx, x);
  const w = weightsOf(cfg);
  let keepCore = 1;
  let keepAuto = 1;
  let keepAmp = 1;
  for (let i = 0; i < TERMS.length; i++) {
    const contribution = w[i]! * Math.min(1, x[i]!);
    x[i] = contribution;
    if (i < CORE_END) keepCore *= 1 - contribution;
    else if (AUTOMATION[i]) keepAuto *= 1 - contribution;
    else if (i > CORE_END) keepAmp *= 1 - contribution;
  }
  const core = 1 - keepCore;
  // Automation alone (templates, single turns, machine timing, new items) is how every honest
  // integration looks: it amplifies at most `automationCap`. Past that, only evidence of a
  // campaign's economics raises the score: volume for the account's age, young accounts,
  // credit-programme signups, coordination with other accounts, pivots to new models.
  let amp = 1 - (1 - Math.min(cfg.automationCap, 1 - keepAuto)) * keepAmp;
  const evaluation = evaluationShaped(c, n, ctx, cfg);
  if (evaluation) amp *= 0.4;
  // Re-running the same single-turn items (an evaluation service, a regression suite) is not
  // harvesting: a harvester's value is new answers. (A conversation's last turn repeats —
  // "why is that?" — while its history changes, so only single-turn traffic counts.)
  if (
    n >= 30 &&
    ctx.coordination === 0 &&
    c[F.singleTurn]! >= 0.8 * n &&
    s.distinctItems() < 0.35 * n
  )
    amp *= 0.5;
  // Standing: a paying customer for months is rarely a throwaway harvest account (campaigns
  // run on fresh, low-friction signups: THREATS.md); its evidence counts at three quarters.
  // (Not a harvest hidden in one sub-stream of an established application: that is how a
  // real customer's account is misused.)
  // (Nor an account that hides where it sends from: a paying customer's own traffic comes from
  // its own networks and clients, not a rotating proxy pool or a borrowed browser identity.)
  if (x[T.substream_harvest]! === 0 && !evasive(c, n))
    amp *= standing(ctx.paid, ctx.createdAt, ctx.lastTs, cfg);
  const conf = n / (n + cfg.confidenceRequests);
  filled.core = core;
  filled.amp = amp;
  // Four kinds of evidence stand alone, whatever amplifies them: a logit_bias sweep, agent
  // trajectories taken in a new environment nearly every episode (no product's agent rotates
  // its tools) or at a harness's rate round the clock, and code or agent work served with no
  // night's rest (the last three at 0.85 of the term's weight: throttle, not more, until
  // something amplifies it; an evaluation run's sleepless work does not stand alone).
  return (
    conf *
    Math.max(
      x[CORE_END]!,
      0.85 * x[T.agent_environments]!,
      0.85 * x[T.agent_episodes]!,
      evaluation ? 0 : 0.85 * x[T.sleepless_work]!,
      core * amp,
    )
  );
}

/**
 * Reasons of an assessment, strongest first, weights rounded to 0.01, each with a
 * sentence an analyst can check. An amplifier's reported weight is scaled by the core
 * evidence it amplifies, so a batch pipeline's template reuse alone lists nothing.
 */
export function reasonsOf(a: Assessment, s: Stats, ctx: AssessContext): Reason[] {
  const out: Reason[] = [];
  for (let i = 0; i < TERMS.length; i++) {
    const code = TERMS[i]!;
    const w = i > CORE_END ? a.contributions[i]! * a.core : a.contributions[i]!;
    if (w >= 0.05)
      out.push({ code, weight: Math.round(w * 100) / 100, detail: describe(code, s, ctx) });
  }
  return out.sort((p, q) => q.weight - p.weight || (p.code < q.code ? -1 : 1));
}
