/**
 * Honest personas: how many of them there are, how much they send, when, from where and
 * with which clients (THREATS.md, "What they look like next to honest heavy users").
 */
import {
  accountRecord,
  benignAge,
  email,
  paymentFingerprint,
  type EmailStyle,
} from './accounts.js';
import {
  batchPipeline,
  casualChat,
  codingAgent,
  evalHarness,
  logprobUser,
  orgMember,
  researcher,
  reasoningResearcher,
  student,
  mathLearner,
} from './benign.js';
import type { Corpus } from './corpus.js';
import { homeIdentity, pooledIdentity, type IdentitySource } from './identity.js';
import { datacenterPrefix, randomFingerprint, residentialIp } from './network.js';
import { MODELS, steadyModels, type ActorPlan, type ModelPolicy, type World } from './plan.js';
import type { Rng } from './prng.js';
import type { PromptSource } from './source.js';
import { ALWAYS, type GapProcess, type Schedule } from './timing.js';

/** An honest persona. */
export interface BenignPersona {
  name: string;
  /** Share of honest accounts. */
  share: number;
  /** Median relative volume and its log-space spread. */
  volume: [number, number];
  clients: string[];
  emails: [EmailStyle, number][];
  routes: [string, number][];
  reasonerShare: number;
  schedule(rng: Rng, key: string): Schedule;
  process(rng: Rng): GapProcess;
  span(rng: Rng): number;
  source(rng: Rng, corpus: Corpus): PromptSource;
  /** Where requests come from: home addresses (default) or the customer's own servers. */
  egress?: 'home' | 'datacenter';
  /** Fixed account facts: tier weights, verification, a contract. */
  account?: { tiers?: [string, number][]; verified?: boolean; contract?: string };
  /** Model choice (default: a steady per-account mix with `reasonerShare`). */
  models?(world: World): ModelPolicy;
  /** When the account starts sending (absent: from the window's start). */
  wake?(rng: Rng, world: World): number;
}

/** A home time zone. */
export const tz = (rng: Rng): number => rng.pick([-8, -7, -5, -4, 0, 1, 2, 3, 5, 8, 9]);
/** Human hours: start and end drawn from ranges, weekends or not, days skipped. */
export const human =
  (from: [number, number], to: [number, number], weekends: boolean, skip: number) =>
  (rng: Rng, key: string): Schedule => ({
    from: rng.int(...from),
    to: rng.int(...to) % 24,
    tz: tz(rng),
    weekends,
    skipDay: skip,
    key,
  });
/** Sessions of requests with in-session gaps (seconds) and lengths drawn from ranges. */
export const sessions =
  (inGap: [number, number], len: [number, number]) =>
  (rng: Rng): GapProcess => ({
    kind: 'sessions',
    inGapMs: rng.int(...inGap) * 1000,
    sessionLen: rng.int(...len),
  });
/** Office hours on weekdays. */
export const WORKER = human([8, 10], [17, 19], false, 0.08);
const SELF: [string, number][] = [['self-serve', 10]];

/** The honest personas, excluding organisation members and reseller customers (built in groups). */
/** Researchers and power users (THREATS.md hard negatives). */
const RESEARCHER: BenignPersona = {
  name: 'researcher',
  share: 0.1,
  volume: [150, 0.8],
  clients: ['openai-python', 'anthropic-python', 'browser'],
  emails: [
    ['work', 5],
    ['student', 3],
    ['personal', 2],
  ],
  routes: [
    ['research', 4],
    ['self-serve', 4],
    ['education', 2],
  ],
  reasonerShare: 0.5,
  schedule: human([8, 11], [19, 24], true, 0.2),
  process: sessions([30, 200], [3, 12]),
  span: () => 1,
  source: researcher,
};

export const BENIGN_PERSONAS: BenignPersona[] = [
  {
    name: 'casual',
    share: 0.3,
    volume: [40, 1],
    clients: ['browser', 'openai-python', 'anthropic-python', 'openai-node'],
    emails: [['personal', 10]],
    routes: SELF,
    reasonerShare: 0.15,
    schedule: human([7, 10], [21, 25], true, 0.35),
    process: sessions([30, 120], [2, 6]),
    span: () => 1,
    source: casualChat,
  },
  {
    name: 'student',
    share: 0.16,
    volume: [50, 0.9],
    clients: ['browser', 'openai-python', 'httpx'],
    emails: [
      ['student', 7],
      ['personal', 3],
    ],
    routes: [
      ['education', 6],
      ['self-serve', 4],
    ],
    reasonerShare: 0.35,
    schedule: human([14, 17], [23, 26], true, 0.25),
    process: sessions([40, 150], [3, 10]),
    span: () => 1,
    source: student,
  },
  {
    name: 'math-learner',
    share: 0.05,
    volume: [80, 0.9],
    clients: ['browser', 'openai-python', 'httpx', 'openai-node'],
    emails: [
      ['student', 5],
      ['personal', 5],
    ],
    routes: [
      ['self-serve', 6],
      ['education', 4],
    ],
    reasonerShare: 0.5,
    schedule: human([9, 15], [21, 25], true, 0.3),
    process: sessions([20, 120], [2, 12]),
    span: () => 1,
    source: mathLearner,
  },
  {
    name: 'coding-agent',
    share: 0.15,
    volume: [250, 0.8],
    clients: ['code-agent', 'anthropic-node', 'openai-node'],
    emails: [
      ['work', 5],
      ['personal', 5],
    ],
    routes: [
      ['self-serve', 7],
      ['startup-credits', 2],
      ['enterprise', 1],
    ],
    reasonerShare: 0.4,
    schedule: WORKER,
    process: sessions([8, 30], [6, 25]),
    span: () => 1,
    source: codingAgent,
  },
  {
    name: 'batch-pipeline',
    share: 0.05,
    volume: [600, 0.7],
    clients: ['openai-python', 'python-requests', 'httpx'],
    emails: [['work', 10]],
    routes: [
      ['self-serve', 5],
      ['enterprise', 3],
      ['startup-credits', 2],
    ],
    reasonerShare: 0,
    schedule: (rng, key) =>
      rng.chance(0.5)
        ? { from: rng.int(0, 3), to: rng.int(4, 7), tz: 0, weekends: true, skipDay: 0, key }
        : ALWAYS,
    process: (rng) => ({ kind: 'regular', jitter: rng.float() * 0.1 }),
    span: (rng) => rng.pick([1, 0.5, 0.3]),
    source: batchPipeline,
  },
  {
    name: 'eval-harness',
    share: 0.03,
    volume: [400, 0.5],
    clients: ['openai-python', 'httpx', 'anthropic-python'],
    emails: [
      ['work', 6],
      ['student', 4],
    ],
    routes: [
      ['research', 5],
      ['self-serve', 3],
      ['education', 2],
    ],
    reasonerShare: 0.5,
    schedule: () => ALWAYS,
    process: (rng) => ({ kind: 'burst', gapMs: rng.int(300, 3000) }),
    span: () => 1,
    source: evalHarness,
  },
  RESEARCHER,
  {
    // An account that has been quiet for months tries the new model within a day and a half
    // of its release: hard problems and puzzles, nearly all answered with derivations, a
    // few dozen requests (THREATS.md: "burstiness right after a model release" is a
    // campaign's signal, and every curious customer's too).
    name: 'release-tryer',
    share: 0.03,
    volume: [25, 0.6],
    clients: ['browser', 'openai-python', 'anthropic-python', 'openai-node'],
    emails: [
      ['personal', 5],
      ['work', 5],
    ],
    routes: [['self-serve', 1]],
    reasonerShare: 0.5,
    schedule: human([8, 11], [19, 24], true, 0.1),
    process: sessions([30, 200], [3, 12]),
    span: () => 1,
    source: (rng, corpus) => (rng.chance(0.5) ? mathLearner(rng) : researcher(rng, corpus)),
    models: (world) => (r, ts) =>
      ts > world.release ? (r.chance(0.85) ? MODELS.next : MODELS.reasoner) : MODELS.large,
    wake: (rng, world) => world.release + rng.int(0, 36) * 3_600_000,
  },
  {
    ...RESEARCHER,
    name: 'reasoning-researcher',
    share: 0.03,
    volume: [150, 0.7],
    reasonerShare: 0.8,
    source: reasoningResearcher,
  },
  {
    name: 'logprob-user',
    share: 0.03,
    volume: [200, 0.8],
    clients: ['openai-python', 'python-requests'],
    emails: [['work', 10]],
    routes: [
      ['self-serve', 6],
      ['startup-credits', 2],
      ['enterprise', 2],
    ],
    reasonerShare: 0,
    schedule: WORKER,
    process: () => ({ kind: 'poisson' }),
    span: () => 1,
    source: (rng) => logprobUser(rng),
  },
];

/** Shared facts about a group of accounts (an organisation, a reseller's customers). */
export interface Group {
  prefixes: string[];
  hosts: [number, number];
  domain?: string;
  payment?: string;
  system?: string;
  route?: string;
  clients?: string[];
  /** Days before the window's start between which every member signed up (a class at its course's start). */
  signup?: [number, number];
  /** Wraps each member's prompts (an organisation's shared habits). */
  wrap?(rng: Rng, base: PromptSource): PromptSource;
}

const TIERS: [string, number][] = [
  ['free', 3],
  ['tier-1', 4],
  ['tier-2', 2],
  ['tier-3', 1],
  ['tier-4', 0.5],
];

/** Plan for one honest account of `persona`, optionally inside a group. */
export function benignPlan(
  rng: Rng,
  corpus: Corpus,
  world: World,
  id: string,
  persona: BenignPersona,
  label: string,
  group?: Group,
): ActorPlan {
  const keys = Array.from({ length: rng.int(1, 2) }, () => `key_${rng.hex(10)}`);
  const fps = Array.from({ length: rng.chance(0.3) ? 2 : 1 }, () =>
    randomFingerprint(rng, rng.pick(group?.clients ?? persona.clients)),
  );
  const ips = [residentialIp(rng), residentialIp(rng)];
  const servers =
    !group && persona.egress === 'datacenter'
      ? Array.from({ length: rng.int(1, 3) }, () => datacenterPrefix(rng))
      : undefined;
  const identity: IdentitySource = group
    ? pooledIdentity(keys, group.prefixes, fps, group.hosts)
    : servers
      ? pooledIdentity(keys, servers, fps)
      : homeIdentity(keys, ips, fps);
  const style = group?.domain ? 'work' : rng.weighted(persona.emails);
  const account = accountRecord(rng, world.start, {
    id,
    ageDays: group?.signup
      ? group.signup[0] + rng.float() * (group.signup[1] - group.signup[0])
      : benignAge(rng),
    email: email(rng, style, group?.domain),
    signupIp: group
      ? `${group.prefixes[0]}.${rng.int(group.hosts[0], group.hosts[1])}`
      : (ips[0] as string),
    ...(persona.account?.verified !== undefined ? { verified: persona.account.verified } : {}),
    ...(persona.account?.contract !== undefined ? { contract: persona.account.contract } : {}),
    payment: group?.payment ?? (rng.chance(0.9) ? paymentFingerprint(rng) : undefined),
    route: group?.route ?? rng.weighted(persona.routes),
    tier: rng.weighted(persona.account?.tiers ?? TIERS),
  });
  const base =
    group?.system !== undefined
      ? orgMember(rng, corpus, group.system)
      : persona.source(rng, corpus);
  const prompts = group?.wrap ? group.wrap(rng, base) : base;
  const plan: ActorPlan = {
    account,
    label: { malicious: false, persona: label, campaign: null },
    volume: rng.lognormal(...persona.volume),
    schedule: persona.schedule(rng, id),
    process: persona.process(rng),
    span: persona.span(rng),
    identity,
    prompts,
    model: persona.models?.(world) ?? steadyModels(rng, world, persona.reasonerShare),
  };
  if (persona.wake) plan.activeFrom = persona.wake(rng, world);
  return plan;
}

/** The persona record by name (throws on a typo). */
export function persona(name: string): BenignPersona {
  const p = BENIGN_PERSONAS.find((x) => x.name === name);
  if (!p) throw new Error(`unknown persona ${name}`);
  return p;
}
