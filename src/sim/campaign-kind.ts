/**
 * What a kind of extraction campaign is made of (shared by the original families in
 * campaigns.ts and the evasive ones in evasive-campaigns.ts), and small building blocks
 * several kinds use.
 */
import { REASONING_TEMPLATES, type HarvestPlan } from './attacks.js';
import type { Corpus } from './corpus.js';
import type { Sweep } from './evasive.js';
import { datacenterPrefix } from './network.js';
import { MODELS, fixedModel, type ModelPolicy, type World } from './plan.js';
import type { Rng } from './prng.js';
import type { PromptSource } from './source.js';
import { ALWAYS, type GapProcess, type Schedule } from './timing.js';

/** Where a campaign's traffic comes from. */
export type Egress =
  | { kind: 'proxies'; prefixes: string[] }
  | { kind: 'reseller'; prefixes: string[]; client: string }
  | { kind: 'home' }
  | { kind: 'rotating'; every: number; leakTls: boolean }
  /**
   * A residential-proxy pool: a new address every `sticky` requests (1–3), the campaign's own
   * HTTP stacks, and a browser User-Agent set over them by `spoof` of its members.
   */
  | { kind: 'proxy-pool'; spoof: number };

/** Everything shared by the members of one campaign. */
export interface CampaignCtx {
  id: string;
  size: number;
  rng: Rng;
  corpus: Corpus;
  world: World;
  egress: Egress;
}

/** Prompt sources built per member, for kinds a HarvestPlan does not describe. */
export interface MemberSources {
  members(rng: Rng, sweep: Sweep): PromptSource;
}

/**
 * How a campaign's accounts look: `fresh` (days old, credit programmes, shared payment
 * methods, throwaway addresses), `wave` (signed up together, each with its own card and
 * address), `careful` (months old, own card, personal address, own
 * schedule per member), `aged` (signed up long ago and left dormant), `business` (an
 * established company account).
 */
export type Cover = 'fresh' | 'wave' | 'careful' | 'aged' | 'business';

/** A kind of campaign. */
export interface CampaignKind {
  name: string;
  /** Smallest and largest number of accounts. */
  size: [number, number];
  /** Share of the malicious accounts this kind gets (hydras take what is left). */
  share: number;
  volume: [number, number];
  clients: string[];
  egress(rng: Rng): Egress;
  schedule(rng: Rng, id: string): Schedule;
  process(rng: Rng): GapProcess;
  /** How members prompt; built once per campaign. */
  plan(rng: Rng, c: CampaignCtx): HarvestPlan | 'logit' | MemberSources;
  model(world: World): ModelPolicy;
  /** Account cover (default fresh). */
  cover?: Cover;
  /** When the campaign's accounts wake (all together); absent: active from the start. */
  wake?(rng: Rng, world: World): number;
}

/** Round the clock, or one long shift a day. */
export const shift = (rng: Rng, id: string): Schedule =>
  rng.chance(0.5)
    ? ALWAYS
    : { from: rng.int(0, 6), to: rng.int(14, 22), tz: 0, weekends: true, skipDay: 0.1, key: id };
/** One to four datacenter /24s. */
export const proxies = (rng: Rng): Egress => ({
  kind: 'proxies',
  prefixes: Array.from({ length: rng.int(1, 4) }, () => datacenterPrefix(rng)),
});
/** Templated reasoning harvest. */
export const reasoningPlan = (rng: Rng, extra: Partial<HarvestPlan> = {}): HarvestPlan => ({
  templates: rng.shuffle([...REASONING_TEMPLATES]).slice(0, rng.int(2, 6)),
  pool: rng.pick(['math', 'cot'] as const),
  kind: 'reasoning',
  maxTokens: rng.pick([4096, 8192]),
  ...extra,
});
/** Poisson arrivals. */
export const poissonP = (): GapProcess => ({ kind: 'poisson' });
/** Always on. */
export const always = (): Schedule => ALWAYS;
/** The reasoning model only. */
export const reasoner = (): ModelPolicy => fixedModel(MODELS.reasoner);
