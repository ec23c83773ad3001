/**
 * The sentence behind each reason code, with the numbers an analyst can check against
 * the logs ("87% of 1,240 prompts share 3 templates"). Called only when a verdict is built.
 */
import {
  accountFocus,
  activeDays,
  activeHours,
  episodesPerDay,
  harvestShare,
  peopleServed,
  restShare,
  streamFocus,
  type AssessContext,
  type TermCode,
} from './terms.js';
import { F, type Counters, type Stats } from './stats.js';

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

function timing(c: Counters, n: number): string {
  const g = c[F.gaps]!;
  const mean = g > 0 ? c[F.logGapSum]! / g : 0;
  const std = g > 0 ? Math.sqrt(Math.max(0, c[F.logGapSq]! / g - mean * mean)) : 0;
  return `inter-arrival log-gap spread ${std.toFixed(2)} over ${int(g)} gaps; active in ${activeHours(c, n)} of 24 hours`;
}

/** What an account's most suspect sub-stream is keyed by (Detector ownCtx). */
function substreamKind(ctx: AssessContext): string {
  return ctx.substreamByHarness
    ? 'system prompt × model, sampling and cap'
    : 'system prompt × end user';
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
    case 'reasoning_served':
      return `${pct((c[F.derivation]! + c[F.rationale]!) / withRes)} of ${int(withRes)} answers served were derivations (enumerated steps, equations or reasoning tokens; ${int(c[F.reasoningServed]!)} with reasoning tokens) or rationales closing on a final answer (${int(c[F.rationale]!)})`;
    case 'judgements_served':
      return `${pct(c[F.verdictAnswer]! / withRes)} of ${int(withRes)} answers were judgements of a few tokens (a score, a label) for prompts of 150+ tokens`;
    case 'grades_served':
      return `${pct(c[F.gradeReport]! / withRes)} of ${int(withRes)} answers served gave a grade (a score on a scale, "7/10", a judge's bracketed verdict, "[[8]]", a scorecard, or a score or choice before its reasons)`;
    case 'substream_harvest':
      return `one sub-stream (${substreamKind(ctx)}) of ${int(ctx.substreamN)} requests is ${pct(ctx.substreamShare)} harvest-suspect, against ${share(F.harvest)} for the account as a whole`;
    case 'long_output':
      return `${pct(c[F.longOutput]! / withRes)} of ${int(withRes)} answers are ≥ 700 tokens (mean ${int(c[F.outTokens]! / withRes)} output tokens, ${pct(c[F.capHit]! / withRes)} at max_tokens)`;
    case 'harvest_length':
      return `${pct(c[F.harvestLength]! / withRes)} of ${int(withRes)} answers are harvest-length (≥ 1,500 tokens outside tool loops; mean ${int(c[F.outTokens]! / withRes)} output tokens)`;
    case 'agent_environments':
      return `${int(c[F.tools]!)} of ${int(n)} requests ran tools, across ~${int(ctx.toolsets)} distinct tool sets${ctx.endUsers > 0 ? ` for ~${int(ctx.endUsers)} end users` : ''} (an application's agent offers one or a few)`;
    case 'agent_episodes': {
      const people = peopleServed(c, n, ctx);
      return `${int(c[F.episodes]!)} agent episodes started (${episodesPerDay(c, n, ctx).toFixed(1)} a day${people > 1 ? ` per end user, ~${int(people)} named` : ''}) with requests in ${activeHours(c, n)} of 24 hours: a harness's rate round the clock (a person's agent runs a few to a few dozen tasks a day in working hours)`;
    }
    case 'sleepless_work':
      return `${pct(restShare(c, n))} of ${int(n)} requests fell in the quietest six hours of the day, over ${activeDays(ctx).toFixed(1)} days (a person's night holds a few percent), ${pct(c[F.solution]! / n)} of them code solutions and ${pct(c[F.tools]! / n)} agent steps with tools, no end users named`;
    case 'logit_bias_sweep':
      return c[F.biasSearch]! > c[F.biasChange]!
        ? `${int(c[F.biasSearch]!)} of ${int(n)} requests gave the same logit_bias tokens as the request before another value, over ~${int(ctx.biasIds)} distinct token ids (a search for the bias that makes each token the answer; a classifier sets its labels' bias once)`
        : `${int(c[F.biasChange]!)} of ${int(n)} requests moved logit_bias, naming ~${int(ctx.biasIds)} distinct token ids in all (embedding-extraction sweep; a label set names a few)`;
    case 'novelty':
      return `~${int(Math.min(n, s.distinctItems()))} distinct prompts in ${int(n)} requests (new items, not repeats)`;
    case 'template_reuse':
      return `${share(F.tplHit)} of ${int(n)} prompts reuse a template already seen from this sender (slots masked)`;
    case 'shared_template':
      return `${share(F.tplShared)} of ${int(n)} prompts reuse a template first sent by another account`;
    case 'shared_harness':
      return `${share(F.frameNewItem)} of ${int(n)} prompts open on a frame another account sent first, each with an item no other account sent (one harness over a split item list)`;
    case 'coverage_sweep':
      return `one template filled with ~${int(Math.min(n, s.distinctItems()))} distinct items over ${int(n)} prompts`;
    case 'single_turn':
      return `${share(F.singleTurn)} of ${int(n)} requests are single-turn with no tools`;
    case 'machine_timing':
      return timing(c, n);
    case 'harvest_focus':
      // The sub-stream's focus when the score took it (score.ts: a harvest inside an application).
      return streamFocus(c, n, ctx) > accountFocus(c, n, ctx)
        ? `${pct(ctx.substreamShare)} of the ${int(ctx.substreamN)} requests of one sub-stream (${substreamKind(ctx)}) took a harvest, against ${share(F.harvest)} of the account's ${int(n)}; people mix their asks (counted from 65%)`
        : `${pct(harvestShare(c, n))} of ${int(n)} requests took a harvest (a reasoning, grading or data ask, a derivation served${c[F.solution]! >= 0.5 ? `, or a code solution: ${share(F.solution)}` : ''}); people mix their asks (counted from 65%)`;
    case 'volume_vs_age': {
      const start = ctx.createdAt > 0 ? Math.min(ctx.createdAt, ctx.firstTs) : ctx.firstTs;
      const days = Math.max(0.5, (ctx.lastTs - start) / DAY);
      const active = Math.min(days, activeDays(ctx));
      return `${int(n / days)} requests/day over its life; ${int(c[F.harvestLength]! / active)} harvest-length answers/day and ${int(c[F.derivationSingle]! / active)} single-turn derivations/day over the last ${active.toFixed(1)} days${ctx.endUsers > 0 ? ` across ~${int(ctx.endUsers)} end users` : ''}; account ${days.toFixed(1)} days old`;
    }
    case 'signup_route':
      return 'signed up through a low-friction credit programme (education, research, startup credits)';
    case 'model_pivot':
      return `${share(F.pivot)} of ${int(n)} requests went to a model within hours of its first appearance`;
    case 'sampling':
      return `${share(F.multiSample)} of ${int(n)} requests ask for n > 1 samples`;
    case 'proxy_rotation':
      return `${share(F.newNet)} of ${int(n)} requests came from a network (/24) the account had not used before, in ${int(c[F.newBlock]!)} blocks (/16) new to it (a rotating proxy pool spans many ISPs; a home, an office or a mobile carrier repeats a few)`;
    case 'client_spoof':
      return `${share(F.spoofed)} of ${int(n)} requests carry a browser User-Agent without a browser's Fetch Metadata headers or HTTP/2 TLS offer (another client posing as a browser)`;
    case 'cluster_coordination':
      return ctx.coordinationDetail();
  }
}
