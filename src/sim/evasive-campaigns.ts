/**
 * Campaign kinds of an attacker who has read the detector (THREATS.md, "How a lab that has
 * read Moat's code would evade it", issue 13): reworded hydras, agentic and multi-turn
 * harvesting, instructions buried in system prompts, harvest mixed into a real app, varied
 * grading wording, logit_bias-only extraction, many languages, taxonomy sweeps, padding,
 * and dormant accounts woken together.
 */
import { agenticDistill } from './agentic.js';
import {
  always,
  poissonP,
  proxies,
  reasoner,
  reasoningPlan,
  shift,
  type CampaignKind,
} from './campaign-kind.js';
import { graderReworded, logitBiasOnly, mixedApp, whyChain } from './evasive-dialog.js';
import {
  buriedCot,
  buriedSystemPrompt,
  mixedSweep,
  padded,
  plainSweep,
  polyglot,
  rewordedSweep,
  taxonomySweep,
  withCover,
} from './evasive.js';
import { datacenterPrefix } from './network.js';
import { MODELS, fixedModel, type ModelPolicy } from './plan.js';
import type { Rng } from './prng.js';
import { BURIED_INSTRUCTION } from './reword.js';
import type { Schedule } from './timing.js';

const mostlyReasoner = (): ModelPolicy => (r) => (r.chance(0.7) ? MODELS.reasoner : MODELS.large);
const large = (): ModelPolicy => fixedModel(MODELS.large);
const anyTz = (rng: Rng) => rng.pick([-8, -6, -5, -3, 0, 1, 2, 3, 5, 7, 8, 9]);
const sessions = (gap: [number, number], len: [number, number]) => (rng: Rng) => ({
  kind: 'sessions' as const,
  inGapMs: rng.int(...gap) * 1000,
  sessionLen: rng.int(...len),
});

/** Each member its own hours in its own time zone (a careful hydra looks like people). */
const ownHours =
  (from: [number, number], to: [number, number], weekends: number, skipDay: number) =>
  (rng: Rng, key: string): Schedule => ({
    from: rng.int(...from),
    to: rng.int(...to),
    tz: anyTz(rng),
    weekends: weekends >= 1 || rng.chance(weekends),
    skipDay,
    key: `${key}-${rng.hex(4)}`,
  });

/** A large low-and-slow hydra: each member a quiet human-looking user (~30 requests a day), no trigger words, every ask reworded. */
export const LOWSLOW_HYDRA: CampaignKind = {
  name: 'lowslow-hydra',
  cover: 'careful',
  size: [6, 1000],
  share: 0,
  volume: [380, 0.25],
  clients: ['browser', 'openai-python', 'openai-node', 'anthropic-python'],
  egress: () => ({ kind: 'home' }),
  schedule: ownHours([7, 11], [17, 23], 0.5, 0.15),
  process: sessions([60, 300], [2, 6]),
  plan: (rng) => {
    const pool = rng.pick(['math', 'cot'] as const);
    return { members: (r, sweep) => withCover(plainSweep(r, sweep, pool), 0.15) };
  },
  model: mostlyReasoner,
};

/** A reasoning hydra behind a reseller: every request a reworded reasoning ask over its slice. */
export const REWORD_HYDRA: CampaignKind = {
  name: 'reword-hydra',
  size: [8, 300],
  share: 0,
  volume: [150, 0.4],
  clients: ['go-router'],
  egress: (rng) => ({
    kind: 'reseller',
    prefixes: Array.from({ length: rng.int(2, 5) }, () => datacenterPrefix(rng)),
    client: 'go-router',
  }),
  schedule: shift,
  process: (rng) => ({ kind: 'regular', jitter: 0.3 + rng.float() * 0.5 }),
  plan: (rng) => {
    const pool = rng.pick(['math', 'cot'] as const);
    const maxTokens = rng.pick([4096, 8192]);
    return { members: (r, sweep) => rewordedSweep(r, sweep, pool, maxTokens) };
  },
  model: reasoner,
};

/**
 * A reasoning hydra with nothing shared but its harness: every ask reworded, each member on
 * its own home connection, SDK and card, signed up in one wave (THREATS.md, "Hydra clusters",
 * "signups through low-friction routes"). The harness's request parameters are the same for
 * all members; the client each presents is not.
 */
export const SCATTER_HYDRA: CampaignKind = {
  name: 'scatter-hydra',
  cover: 'wave',
  size: [8, 200],
  share: 0,
  volume: [90, 0.5],
  clients: ['browser', 'openai-python', 'openai-node', 'anthropic-python', 'httpx'],
  egress: () => ({ kind: 'home' }),
  schedule: shift,
  process: sessions([30, 240], [2, 8]),
  plan: (rng) => {
    const pool = rng.pick(['math', 'cot'] as const);
    const maxTokens = rng.pick([2048, 4096, 8192]);
    return {
      members: (r, sweep) => withCover(rewordedSweep(r, sweep, pool, maxTokens), 0.15),
    };
  },
  model: mostlyReasoner,
};

/**
 * A hydra through a residential-proxy pool (THREATS.md: "a single proxy network ran more than
 * 20,000 accounts at once"; traffic "mixed with ordinary customer traffic from the same
 * proxy"): aged accounts each on its own card, bare questions with nothing shared between
 * members, ~20–40 requests a day each, a new residential address on nearly every request,
 * and some members posing as browsers over the harness's HTTP stack.
 */
export const PROXY_HYDRA: CampaignKind = {
  name: 'proxy-hydra',
  cover: 'careful',
  size: [4, 400],
  share: 0.1,
  volume: [200, 0.3],
  clients: ['openai-python', 'anthropic-python', 'httpx', 'python-requests'],
  egress: (rng) => ({ kind: 'proxy-pool', spoof: rng.float() * 0.5 }),
  schedule: ownHours([6, 10], [18, 24], 1, 0.1),
  process: sessions([20, 600], [1, 5]),
  plan: () => ({ members: (r, sweep) => withCover(mixedSweep(r, sweep), 0.15) }),
  model: mostlyReasoner,
};

/** The evasive kinds that take a share of the malicious accounts. */
export const EVASIVE_KINDS: CampaignKind[] = [
  PROXY_HYDRA,
  {
    name: 'agentic-distill',
    size: [2, 8],
    share: 0.05,
    volume: [600, 0.4],
    clients: ['openai-python', 'anthropic-python', 'openai-node'],
    egress: proxies,
    schedule: always,
    process: sessions([4, 15], [4, 9]),
    plan: () => ({ members: (r) => agenticDistill(r) }),
    model: mostlyReasoner,
  },
  {
    name: 'why-chain',
    size: [1, 5],
    share: 0.04,
    volume: [400, 0.4],
    clients: ['openai-python', 'browser', 'anthropic-python'],
    egress: proxies,
    schedule: shift,
    process: sessions([20, 60], [3, 7]),
    plan: () => ({ members: (r) => whyChain(r) }),
    model: reasoner,
  },
  {
    name: 'buried-cot',
    size: [1, 5],
    share: 0.04,
    volume: [500, 0.5],
    clients: ['openai-python', 'anthropic-python', 'httpx'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: (rng, c) => {
      const system = buriedSystemPrompt(
        rng,
        c.corpus,
        BURIED_INSTRUCTION.at(rng.int(0, BURIED_INSTRUCTION.size - 1)),
      );
      return { members: (r) => buriedCot(r, system) };
    },
    model: reasoner,
  },
  {
    name: 'mixed-app',
    cover: 'business',
    size: [1, 1],
    share: 0.01,
    volume: [2500, 0.3],
    clients: ['openai-node', 'openai-python'],
    egress: (rng) => ({ kind: 'proxies', prefixes: [datacenterPrefix(rng)] }),
    schedule: (rng, key) => ({
      from: rng.int(6, 8),
      to: rng.int(22, 24) % 24,
      tz: anyTz(rng),
      weekends: true,
      skipDay: 0,
      key,
    }),
    process: poissonP,
    plan: (_rng, c) => ({ members: (r) => mixedApp(r, c.corpus, 0.12 + r.float() * 0.06) }),
    model: () => (r) =>
      r.weighted([
        [MODELS.large, 6],
        [MODELS.mini, 2],
        [MODELS.reasoner, 2],
      ]),
  },
  {
    name: 'grader-reworded',
    size: [2, 6],
    share: 0.04,
    volume: [500, 0.5],
    clients: ['openai-python', 'httpx', 'python-requests'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: () => ({ members: (r) => graderReworded(r) }),
    model: large,
  },
  {
    name: 'logit-bias-only',
    size: [1, 2],
    share: 0.015,
    volume: [1500, 0.3],
    clients: ['python-requests', 'openai-python'],
    egress: proxies,
    schedule: always,
    process: poissonP,
    plan: () => ({ members: (r) => logitBiasOnly(r) }),
    model: large,
  },
  {
    name: 'polyglot-cot',
    size: [2, 6],
    share: 0.04,
    volume: [400, 0.5],
    clients: ['openai-python', 'anthropic-python', 'httpx'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: () => ({ members: (r) => polyglot(r) }),
    model: reasoner,
  },
  {
    name: 'taxonomy-sweep',
    size: [3, 12],
    share: 0.05,
    volume: [250, 0.3],
    clients: ['openai-python', 'openai-node'],
    egress: proxies,
    schedule: always,
    process: (rng) => ({ kind: 'regular', jitter: 0.2 + rng.float() * 0.4 }),
    plan: () => ({ members: (r, sweep) => taxonomySweep(r, sweep) }),
    model: mostlyReasoner,
  },
  {
    name: 'padded',
    size: [1, 5],
    share: 0.04,
    volume: [400, 0.5],
    clients: ['openai-python', 'anthropic-python', 'openai-node'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: () => ({ members: (r) => padded(r) }),
    model: reasoner,
  },
  {
    name: 'dormant-wake',
    cover: 'aged',
    size: [5, 30],
    share: 0.06,
    volume: [250, 0.4],
    clients: ['browser', 'openai-python', 'openai-node'],
    egress: () => ({ kind: 'home' }),
    schedule: always,
    process: poissonP,
    plan: (rng) =>
      rng.chance(0.5) ? reasoningPlan(rng) : reasoningPlan(rng, { paraphrase: true }),
    model: reasoner,
    wake: (rng, world) => world.start + Math.round(world.window * (0.2 + rng.float() * 0.5)),
  },
];
