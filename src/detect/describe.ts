/**
 * The sentence behind each reason code, with the numbers an analyst can check against
 * the logs ("87% of 1,240 prompts share 3 templates"). Called only when a verdict is built.
 */
import type { AssessContext, TermCode } from './terms.js';
import { F, type Stats } from './stats.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** An integer with thousands separators ("1,240"), as toLocaleString('en-US') writes it, without ICU's cost. */
export function int(x: number): string {
  const r = Math.round(x);
  const digits = String(Math.abs(r));
  let out = digits.length > 3 ? '' : digits;
  if (digits.length > 3) {
    const head = digits.length % 3 || 3;
    out = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) out += ',' + digits.slice(i, i + 3);
  }
  return r < 0 ? '-' + out : out;
}
const DAY = 86_400_000;

function timing(c: Float64Array, n: number): string {
  const g = c[F.gaps]!;
  const mean = g > 0 ? c[F.logGapSum]! / g : 0;
  const std = g > 0 ? Math.sqrt(Math.max(0, c[F.logGapSq]! / g - mean * mean)) : 0;
  let active = 0;
  for (let h = 0; h < 24; h++) if (c[F.hours + h]! >= n / 48) active++;
  return `inter-arrival log-gap spread ${std.toFixed(2)} over ${int(g)} gaps; active in ${active} of 24 hours`;
}

/** The sentence for one reason code. */
export function describe(code: TermCode, s: Stats, ctx: AssessContext): string {
  const c = s.c;
  const n = c[F.n]!;
  const share = (k: number) => pct(c[k]! / n);
  const withRes = c[F.withResponse]!;
  switch (code) {
    case 'reasoning_elicitation':
      return `${share(F.reasoning)} of ${int(n)} prompts ask for the reasoning to be written out`;
    case 'grader_phrasing':
      return `${share(F.grader)} of ${int(n)} prompts use the model as a grader or ask for "safe" rewrites`;
    case 'data_generation':
      return `${share(F.datagen)} of ${int(n)} prompts ask for many diverse instructions or data items`;
    case 'long_output':
      return `${pct(c[F.longOutput]! / withRes)} of ${int(withRes)} responses are long relative to the prompt (output/input tokens ${(c[F.outTokens]! / Math.max(1, c[F.inTokens]!)).toFixed(1)}, ${pct(c[F.capHit]! / withRes)} at max_tokens)`;
    case 'harvest_length':
      return `${pct(c[F.harvestLength]! / withRes)} of ${int(withRes)} responses are harvest-length (≥ 1,500 tokens and ≥ 8× the prompt; mean ${int(c[F.outTokens]! / withRes)} output tokens)`;
    case 'logit_bias_sweep':
      return `${int(c[F.biasChange]!)} of ${int(n)} requests combine logprobs with a changed logit_bias (embedding-extraction pattern)`;
    case 'template_reuse':
      return `${share(F.tplHit)} of ${int(n)} prompts reuse a template already seen from this sender (slots masked)`;
    case 'shared_template':
      return `${share(F.tplShared)} of ${int(n)} prompts reuse a template first sent by another account`;
    case 'coverage_sweep':
      return `one template filled with ~${int(Math.min(n, s.distinctItems()))} distinct items over ${int(n)} prompts`;
    case 'single_turn':
      return `${share(F.singleTurn)} of ${int(n)} requests are single-turn with no tools`;
    case 'machine_timing':
      return timing(c, n);
    case 'volume_vs_age': {
      const start = ctx.createdAt > 0 ? Math.min(ctx.createdAt, ctx.firstTs) : ctx.firstTs;
      const days = Math.max(0.5, (ctx.lastTs - start) / DAY);
      return `${int(n / days)} requests/day and ${int(c[F.harvestLength]! / days)} harvest-length answers/day from an account ${days.toFixed(1)} days old`;
    }
    case 'signup_route':
      return 'signed up through a low-friction credit programme (education, research, startup credits)';
    case 'model_pivot':
      return `${share(F.pivot)} of ${int(n)} requests went to a model within hours of its first appearance`;
    case 'sampling':
      return `${share(F.multiSample)} of ${int(n)} requests ask for n > 1 samples`;
    case 'cluster_coordination':
      return ctx.coordinationDetail();
  }
}
