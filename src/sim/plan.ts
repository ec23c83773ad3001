/** The plan of one simulated account, and the world it lives in. */
import type { SimAccount } from './accounts.js';
import type { IdentitySource } from './identity.js';
import type { Rng } from './prng.js';
import type { PromptSource } from './source.js';
import type { GapProcess, Schedule } from './timing.js';

/** The simulated period and the model release inside it. */
export interface World {
  start: number;
  window: number;
  /** When the new model name first appears. */
  release: number;
}

/** Ground truth for one account (labels.json). */
export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

/** Which model a request names. */
export type ModelPolicy = (rng: Rng, ts: number) => string;

/** Everything the simulator needs to run one account. */
export interface ActorPlan {
  account: SimAccount;
  label: Label;
  /** Relative request volume; the run's event budget is split in proportion. */
  volume: number;
  schedule: Schedule;
  process: GapProcess;
  /** Fraction of the window the account's activity spans. */
  span: number;
  /** Wall-clock ms before which the account sends nothing (dormant accounts woken together). */
  activeFrom?: number;
  identity: IdentitySource;
  prompts: PromptSource;
  model: ModelPolicy;
}

/** Model names; `next` appears at the world's release time. */
export const MODELS = {
  large: 'moat-large-1',
  mini: 'moat-mini-1',
  reasoner: 'moat-reasoner-1',
  next: 'moat-reasoner-2',
} as const;

const DAY = 86_400_000;

/** Whether `model` serves hidden reasoning tokens. */
export function isReasoningModel(model: string): boolean {
  return model === MODELS.reasoner || model === MODELS.next;
}

/**
 * Honest model choice: a per-account mix; early adopters move part of their reasoning
 * traffic to the new model over the days after release.
 */
export function steadyModels(rng: Rng, world: World, reasonerShare: number): ModelPolicy {
  // Honest users try a new model quickly too: half the accounts are adopters that move
  // up to half of their reasoning traffic within two days, and anyone may try it once.
  const adopter = rng.chance(0.5);
  const mini = rng.float() * 0.4;
  return (r, ts) => {
    const x = r.float();
    if (ts > world.release && r.chance(0.02)) return MODELS.next;
    if (x < reasonerShare) {
      const ramp =
        adopter && ts > world.release ? Math.min(0.5, ((ts - world.release) / (2 * DAY)) * 0.5) : 0;
      return r.chance(ramp) ? MODELS.next : MODELS.reasoner;
    }
    return x < reasonerShare + (1 - reasonerShare) * mini ? MODELS.mini : MODELS.large;
  };
}

/** A campaign that moves half its traffic to the new model within 24 hours of release. */
export function pivotModels(world: World): ModelPolicy {
  return (r, ts) => {
    if (ts <= world.release) return MODELS.reasoner;
    const share = Math.min(0.6, ((ts - world.release) / DAY) * 0.55);
    return r.chance(share) ? MODELS.next : MODELS.reasoner;
  };
}

/** Always the same model. */
export function fixedModel(name: string): ModelPolicy {
  return () => name;
}

/**
 * Every model, in turn: an evaluation vendor scores each one it can reach, the new model
 * from its release on.
 */
export function everyModel(world: World): ModelPolicy {
  const before = [MODELS.large, MODELS.mini, MODELS.reasoner];
  const after = [...before, MODELS.next];
  return (r, ts) => r.pick(ts > world.release ? after : before);
}
