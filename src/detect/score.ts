/**
 * Turn Stats into a risk score and reasons. Two groups of evidence are combined:
 * *core* terms say what is being harvested (reasoning traces, grades, generated data,
 * long outputs) and *amplifier* terms say how (templates, sweeps, machine timing, young
 * accounts, pivots, clusters). Each group is a noisy-OR of its weighted terms; the score is
 * core × amplifier × confidence, so honest users with one trait (a student asking for
 * steps, a batch pipeline reusing one template) stay low while a campaign showing both is
 * high. A logprob + logit_bias sweep (Carlini et al. 2024, arXiv 2403.06634) scores alone.
 *
 * The hot path (every event) computes numbers only, into a reused array; the sentences
 * with checkable numbers are written only when a verdict is emitted (describe.ts).
 */
import type { Reason } from '../telemetry/event.js';
import type { DetectConfig } from './config.js';
import { F, type Stats } from './stats.js';
import { describe } from './describe.js';
import { TERMS, type AssessContext, type TermCode } from './terms.js';

export { TERMS, type AssessContext, type TermCode } from './terms.js';

const T = Object.fromEntries(TERMS.map((c, i) => [c, i])) as Record<TermCode, number>;
const CORE_END = T.logit_bias_sweep; // terms before it are core
const WEIGHT_KEY: Record<TermCode, keyof DetectConfig['weights']> = {
  reasoning_elicitation: 'reasoning',
  grader_phrasing: 'grader',
  data_generation: 'datagen',
  long_output: 'longOutput',
  harvest_length: 'harvestLength',
  logit_bias_sweep: 'logitSweep',
  template_reuse: 'templateReuse',
  shared_template: 'sharedTemplate',
  coverage_sweep: 'coverageSweep',
  single_turn: 'singleTurn',
  machine_timing: 'timing',
  volume_vs_age: 'volumeAge',
  signup_route: 'signupRoute',
  model_pivot: 'modelPivot',
  sampling: 'sampling',
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
const sat = (x: number, at: number): number => (x <= 0 ? 0 : x >= at ? 1 : x / at);

/** Strength of machine-like timing: regular inter-arrival gaps, or activity round the clock. */
export function timingStrength(c: Float64Array, n: number): number {
  const g = c[F.gaps]!;
  let regular = 0;
  if (g >= 20) {
    const mean = c[F.logGapSum]! / g;
    const std = Math.sqrt(Math.max(0, c[F.logGapSq]! / g - mean * mean));
    regular = std < 0.25 ? 1 : std < 0.6 ? (0.6 - std) / 0.35 : 0;
  }
  if (n < 100) return regular;
  let active = 0;
  for (let h = 0; h < 24; h++) if (c[F.hours + h]! >= n / 48) active++;
  return Math.max(regular, active >= 21 ? 1 : 0);
}

function coreStrengths(c: Float64Array, n: number, x: Float64Array): void {
  x[T.reasoning_elicitation] = sat(c[F.reasoning]! / n, 0.6);
  x[T.grader_phrasing] = sat(c[F.grader]! / n, 0.6);
  x[T.data_generation] = sat(c[F.datagen]! / n, 0.5);
  const withRes = c[F.withResponse]!;
  x[T.long_output] = withRes >= 3 ? sat(c[F.longOutput]! / withRes, 0.7) : 0;
  x[T.harvest_length] = withRes >= 3 ? sat(c[F.harvestLength]! / withRes - 0.1, 0.5) : 0;
  x[T.logit_bias_sweep] = c[F.logprobs]! >= 3 && c[F.biasChange]! >= 3 ? sat(c[F.biasChange]! / n, 0.4) : 0;
}

function ampStrengths(s: Stats, n: number, ctx: AssessContext, x: Float64Array): void {
  const c = s.c;
  const tpl = c[F.tplHit]! / n;
  x[T.template_reuse] = sat(tpl - 0.2, 0.6);
  x[T.shared_template] = sat(c[F.tplShared]! / n, 0.5);
  // Coverage: one template filled with mostly distinct items (HyperLogLog only when it can matter).
  x[T.coverage_sweep] = tpl >= 0.5 && n >= 10 ? sat((Math.min(n, s.distinctItems()) / n) * sat(tpl, 0.8) - 0.3, 0.5) : 0;
  x[T.single_turn] = sat(c[F.singleTurn]! / n - 0.6, 0.35);
  x[T.machine_timing] = timingStrength(c, n);
  // Volume against age: requests per day from a young account, or harvest-length answers
  // per day of the account's life (an honest heavy user gets a few a day; a harvester,
  // paraphrased or not, collects dozens — a rate, so it counts from the first hours).
  const days = ageDays(ctx);
  x[T.volume_vs_age] = Math.max((c[F.young]! / n) * sat(n / days - 50, 250), sat(c[F.harvestLength]! / days - 5, 20));
  x[T.signup_route] = sat(c[F.lowFrictionRoute]! / n, 1);
  x[T.model_pivot] = sat(c[F.pivot]! / n, 0.5);
  x[T.sampling] = sat(c[F.multiSample]! / n, 0.5);
  x[T.cluster_coordination] = ctx.coordination;
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
  coreStrengths(c, n, x);
  ampStrengths(s, n, ctx, x);
  const w = weightsOf(cfg);
  let keepCore = 1;
  let keepAmp = 1;
  for (let i = 0; i < TERMS.length; i++) {
    const contribution = w[i]! * Math.min(1, x[i]!);
    x[i] = contribution;
    if (i < CORE_END) keepCore *= 1 - contribution;
    else if (i > CORE_END) keepAmp *= 1 - contribution;
  }
  const core = 1 - keepCore;
  let amp = 1 - keepAmp;
  // An evaluation harness runs a benchmark once at temperature 0 with short answers, in a
  // burst: templated and regular, but not harvesting outputs (THREATS.md, hard negatives).
  // Mostly grading asks sustained for days in that shape are a reward-model campaign's
  // (scores, preferences), not a benchmark run. (Other temperature-0 work, an organisation's
  // templated tool say, keeps the damping however long it runs.)
  const withRes = c[F.withResponse]!;
  const gradingForDays = ctx.lastTs - ctx.firstTs > cfg.evalBurstHours * 3_600_000 && c[F.grader]! / n >= 0.5;
  const evalShape = !gradingForDays && c[F.temp0]! / n >= 0.9 && (withRes < 3 || c[F.longOutput]! / withRes < 0.3);
  if (evalShape && ctx.coordination === 0) amp *= 0.4;
  const conf = n / (n + cfg.confidenceRequests);
  filled.core = core;
  filled.amp = amp;
  return conf * Math.max(x[CORE_END]!, core * amp);
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
    if (w >= 0.05) out.push({ code, weight: Math.round(w * 100) / 100, detail: describe(code, s, ctx) });
  }
  return out.sort((p, q) => q.weight - p.weight || (p.code < q.code ? -1 : 1));
}
