/** Shared vocabulary of the scoring: reason codes and the context a score is computed in. */

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
}

/** Evidence terms: stable reason codes, in a fixed order. */
export const TERMS = [
  'reasoning_elicitation',
  'grader_phrasing',
  'data_generation',
  'reasoning_served',
  'judgements_served',
  'substream_harvest',
  'long_output',
  'harvest_length',
  'agent_environments',
  'logit_bias_sweep',
  'template_reuse',
  'shared_template',
  'coverage_sweep',
  'novelty',
  'single_turn',
  'machine_timing',
  'harvest_focus',
  'volume_vs_age',
  'signup_route',
  'model_pivot',
  'sampling',
  'cluster_coordination',
] as const;
/** A reason code. */
export type TermCode = (typeof TERMS)[number];

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
