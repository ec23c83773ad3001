/**
 * Turn Stats into a risk score and reasons. Two groups of evidence are combined:
 * *core* terms say what is being harvested (reasoning traces, grades, generated data,
 * long outputs) and *amplifier* terms say how (templates, sweeps, machine timing, young
 * accounts, pivots, clusters). Each group is a noisy-OR of its weighted terms; the score is
 * core × amplifier × confidence, so honest users with one trait (a student asking for
 * steps, a batch pipeline reusing one template) stay low while a campaign showing both is
 * high. A logprob + logit_bias sweep (Carlini et al. 2024, arXiv 2403.06634) scores alone.
 */
import type { Reason } from '../telemetry/event.js';
import type { DetectConfig } from './config.js';
import { F, type Stats } from './stats.js';
import { hllCount } from './text.js';

/** Context that is not a counter: account age, cluster coordination. */
export interface AssessContext {
  /** Epoch ms the account (or oldest cluster member) was created; 0 unknown. */
  createdAt: number;
  firstTs: number;
  lastTs: number;
  /** Coordination evidence of a cluster in [0,1] and its sentence; 0 for a lone account. */
  coordination: number;
  coordinationDetail: string;
}

/** One evidence term. */
export interface Term {
  code: string;
  /** The term's contribution (weight × strength). */
  weight: number;
  core: boolean;
  detail: string;
}

/** A scored Stats. */
export interface Assessment {
  score: number;
  core: number;
  amp: number;
  terms: Term[];
}

const DAY = 86_400_000;
const sat = (x: number, at: number): number => (x <= 0 ? 0 : x >= at ? 1 : x / at);
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');

function noisyOr(terms: Term[], core: boolean): number {
  let keep = 1;
  for (const t of terms) if (t.core === core) keep *= 1 - t.weight;
  return 1 - keep;
}

type Push = (code: string, w: number, x: number, core: boolean, detail: () => string) => void;

function coreTerms(c: Float64Array, n: number, push: Push, w: DetectConfig['weights']): void {
  const share = (k: number) => c[k]! / n;
  push('reasoning_elicitation', w.reasoning, sat(share(F.reasoning), 0.6), true,
    () => `${pct(share(F.reasoning))} of ${int(n)} prompts ask for the reasoning to be written out`);
  push('grader_phrasing', w.grader, sat(share(F.grader), 0.6), true,
    () => `${pct(share(F.grader))} of ${int(n)} prompts use the model as a grader or ask for "safe" rewrites`);
  push('data_generation', w.datagen, sat(share(F.datagen), 0.5), true,
    () => `${pct(share(F.datagen))} of ${int(n)} prompts ask for many diverse instructions or data items`);
  const withRes = c[F.withResponse]!;
  if (withRes >= 3) {
    const long = c[F.longOutput]! / withRes;
    const ratio = c[F.outTokens]! / Math.max(1, c[F.inTokens]!);
    push('long_output', w.longOutput, sat(long, 0.7), true,
      () => `${pct(long)} of ${int(withRes)} responses are long relative to the prompt (output/input tokens ${ratio.toFixed(1)}, ${pct(c[F.capHit]! / withRes)} at max_tokens)`);
  }
  const bias = c[F.biasChange]!;
  if (c[F.logprobs]! >= 3 && bias >= 3) {
    push('logit_bias_sweep', w.logitSweep, sat(bias / n, 0.4), true,
      () => `${int(bias)} of ${int(n)} requests combine logprobs with a changed logit_bias (embedding-extraction pattern)`);
  }
}

function timingStrength(c: Float64Array, n: number): { x: number; detail: string } {
  const g = c[F.gaps]!;
  let regular = 0;
  let std = 0;
  if (g >= 20) {
    const mean = c[F.logGapSum]! / g;
    std = Math.sqrt(Math.max(0, c[F.logGapSq]! / g - mean * mean));
    regular = std < 0.25 ? 1 : std < 0.6 ? (0.6 - std) / 0.35 : 0;
  }
  let active = 0;
  for (let h = 0; h < 24; h++) if (c[F.hours + h]! >= n / 48) active++;
  const roundClock = n >= 100 && active >= 21 ? 1 : 0;
  const x = Math.max(regular, roundClock);
  return { x, detail: `inter-arrival log-gap spread ${std.toFixed(2)} over ${int(g)} gaps; active in ${active} of 24 hours` };
}

function ampTerms(s: Stats, n: number, ctx: AssessContext, push: Push, w: DetectConfig['weights']): void {
  const c = s.c;
  const tpl = c[F.tplHit]! / n;
  push('template_reuse', w.templateReuse, sat(tpl - 0.2, 0.6), false,
    () => `${pct(tpl)} of ${int(n)} prompts reuse a template already seen from this sender (slots masked)`);
  const shared = c[F.tplShared]! / n;
  push('shared_template', w.sharedTemplate, sat(shared, 0.5), false,
    () => `${pct(shared)} of ${int(n)} prompts reuse a template first sent by another account`);
  const distinct = tpl >= 0.5 && n >= 10 ? Math.min(n, hllCount(s.items)) : 0;
  const sweep = distinct > 0 ? (distinct / n) * sat(tpl, 0.8) : 0;
  push('coverage_sweep', w.coverageSweep, sat(sweep - 0.3, 0.5), false,
    () => `one template filled with ~${int(distinct)} distinct items over ${int(n)} prompts`);
  const single = c[F.singleTurn]! / n;
  push('single_turn', w.singleTurn, sat(single - 0.6, 0.35), false,
    () => `${pct(single)} of ${int(n)} requests are single-turn with no tools`);
  const timing = timingStrength(c, n);
  push('machine_timing', w.timing, timing.x, false, () => timing.detail);
  const start = ctx.createdAt > 0 ? Math.min(ctx.createdAt, ctx.firstTs) : ctx.firstTs;
  const days = Math.max(0.5, (ctx.lastTs - start) / DAY);
  const perDay = n / days;
  const young = c[F.young]! / n;
  push('volume_vs_age', w.volumeAge, young * sat(perDay - 50, 250), false,
    () => `${int(perDay)} requests/day from an account ${(days).toFixed(1)} days old`);
  push('signup_route', w.signupRoute, sat(c[F.lowFrictionRoute]! / n, 1), false,
    () => 'signed up through a low-friction credit programme');
  const pivot = c[F.pivot]! / n;
  push('model_pivot', w.modelPivot, sat(pivot, 0.5), false,
    () => `${pct(pivot)} of requests went to a model within hours of its first appearance`);
  const multi = c[F.multiSample]! / n;
  push('sampling', w.sampling, sat(multi, 0.5), false, () => `${pct(multi)} of requests ask for n > 1 samples`);
  if (ctx.coordination > 0) push('cluster_coordination', w.cluster, ctx.coordination, false, () => ctx.coordinationDetail);
}

/**
 * Score Stats. With `details` false only the numbers are computed (hot path); with
 * true every term carries its sentence.
 */
export function assess(s: Stats, ctx: AssessContext, cfg: DetectConfig, details: boolean): Assessment {
  const c = s.c;
  const n = c[F.n]!;
  const terms: Term[] = [];
  if (n < 1) return { score: 0, core: 0, amp: 0, terms };
  const push: Push = (code, w, x, core, detail) => {
    if (x <= 0 || w <= 0) return;
    terms.push({ code, weight: w * Math.min(1, x), core, detail: details ? detail() : '' });
  };
  coreTerms(c, n, push, cfg.weights);
  ampTerms(s, n, ctx, push, cfg.weights);
  const core = noisyOr(terms.filter((t) => t.code !== 'logit_bias_sweep'), true);
  let amp = noisyOr(terms, false);
  // An evaluation harness runs a benchmark once at temperature 0 with short answers:
  // templated and regular, but not harvesting outputs (THREATS.md, hard negatives).
  const evalShape = c[F.temp0]! / n >= 0.9 && (c[F.withResponse]! < 3 || c[F.longOutput]! / c[F.withResponse]! < 0.3);
  if (evalShape && ctx.coordination === 0) amp *= 0.4;
  const logit = terms.find((t) => t.code === 'logit_bias_sweep')?.weight ?? 0;
  const conf = n / (n + cfg.confidenceRequests);
  const score = conf * Math.max(logit, core * amp);
  return { score, core, amp, terms };
}

/**
 * Reasons of an assessment, strongest first, weights rounded to 0.01. An amplifier's
 * reported weight is scaled by the core evidence it amplifies, so a batch pipeline's
 * template reuse alone lists nothing.
 */
export function reasonsOf(a: Assessment): Reason[] {
  return a.terms
    .map((t) => (t.core || t.code === 'logit_bias_sweep' ? t : { ...t, weight: t.weight * a.core }))
    .filter((t) => t.weight >= 0.05)
    .sort((x, y) => y.weight - x.weight || (x.code < y.code ? -1 : 1))
    .map((t) => ({ code: t.code, weight: Math.round(t.weight * 100) / 100, detail: t.detail }));
}
