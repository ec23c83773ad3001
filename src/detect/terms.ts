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
}

/** Evidence terms: stable reason codes, in a fixed order. */
export const TERMS = [
  'reasoning_elicitation',
  'grader_phrasing',
  'data_generation',
  'long_output',
  'harvest_length',
  'logit_bias_sweep',
  'template_reuse',
  'shared_template',
  'coverage_sweep',
  'single_turn',
  'machine_timing',
  'volume_vs_age',
  'signup_route',
  'model_pivot',
  'sampling',
  'cluster_coordination',
] as const;
/** A reason code. */
export type TermCode = (typeof TERMS)[number];
