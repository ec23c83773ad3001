/**
 * Extraction campaigns as groups of accounts that share infrastructure, schedule and
 * templates (THREATS.md, "Campaigns as reported"). Each kind says how big it is, how much
 * each member sends, when, from where, and how it prompts.
 */
import {
  CHAT_TEMPLATES,
  CODE_TEMPLATES,
  GRADER_TEMPLATES,
  REASONING_TEMPLATES,
  harvest,
  logitSweep,
} from './attacks.js';
import {
  always,
  poissonP,
  proxies,
  reasoner,
  reasoningPlan,
  shift,
  type CampaignCtx,
  type CampaignKind,
} from './campaign-kind.js';
import { coverAccount } from './cover.js';
import {
  homeIdentity,
  pooledIdentity,
  proxyPoolIdentity,
  rotatingIdentity,
  type IdentitySource,
} from './identity.js';
import { browserUserAgent, datacenterPrefix, randomFingerprint, residentialIp } from './network.js';
import { MODELS, fixedModel, pivotModels, type ActorPlan } from './plan.js';
import { paymentFingerprint } from './accounts.js';
import { Rng, hashString } from './prng.js';
import type { PromptSource } from './source.js';

/** Campaign kinds. */
export const CAMPAIGN_KINDS: CampaignKind[] = [
  {
    name: 'heavy-harvester',
    size: [1, 1],
    share: 0.01,
    volume: [3000, 0.3],
    clients: ['openai-python', 'httpx'],
    egress: proxies,
    schedule: always,
    process: (rng) => ({ kind: 'regular', jitter: rng.float() * 0.5 }),
    plan: (rng) => ({
      templates: [
        ...CHAT_TEMPLATES,
        ...CODE_TEMPLATES.slice(0, 1),
        ...REASONING_TEMPLATES.slice(0, 2),
      ],
      pool: rng.pick(['chat', 'math', 'code', 'hard'] as const),
      kind: 'reasoning',
      maxTokens: 8192,
      instructionGen: 0.1,
    }),
    model: () => fixedModel(MODELS.large),
  },
  {
    name: 'reasoning-harvest',
    size: [3, 12],
    share: 0.1,
    volume: [500, 0.5],
    clients: ['openai-python', 'anthropic-python', 'python-requests'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: (rng) => reasoningPlan(rng),
    model: reasoner,
  },
  {
    name: 'grader-abuse',
    size: [2, 8],
    share: 0.06,
    volume: [500, 0.5],
    clients: ['openai-python', 'httpx'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: (rng) => ({
      templates: rng.shuffle([...GRADER_TEMPLATES]).slice(0, 3),
      pool: rng.pick(['chat', 'math', 'hard'] as const),
      kind: 'grader',
      maxTokens: 1024,
      temperature: 0,
    }),
    model: () => fixedModel(MODELS.large),
  },
  {
    name: 'slow-low',
    cover: 'careful',
    size: [2, 6],
    share: 0.06,
    volume: [60, 0.4],
    clients: ['browser', 'openai-python'],
    egress: () => ({ kind: 'home' }),
    schedule: (rng) => ({
      from: rng.int(8, 10),
      to: rng.int(17, 20),
      tz: rng.pick([-5, 1, 8]),
      weekends: false,
      skipDay: 0.1,
      key: `slow-${rng.hex(6)}`,
    }),
    process: (rng) => ({
      kind: 'sessions',
      inGapMs: rng.int(60, 240) * 1000,
      sessionLen: rng.int(3, 8),
    }),
    plan: (rng) =>
      reasoningPlan(rng, {
        templates: rng.shuffle([...REASONING_TEMPLATES]).slice(0, 2),
        maxTokens: 4096,
      }),
    model: reasoner,
  },
  {
    name: 'logit-sweep',
    size: [1, 2],
    share: 0.02,
    volume: [1500, 0.4],
    clients: ['openai-python', 'python-requests'],
    egress: proxies,
    schedule: always,
    process: poissonP,
    plan: () => 'logit',
    model: () => fixedModel(MODELS.large),
  },
  {
    name: 'paraphrase',
    size: [2, 8],
    share: 0.07,
    volume: [500, 0.5],
    clients: ['openai-python', 'anthropic-python', 'httpx'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: (rng) => reasoningPlan(rng, { paraphrase: true }),
    model: reasoner,
  },
  {
    name: 'model-pivot',
    size: [2, 8],
    share: 0.06,
    volume: [600, 0.4],
    clients: ['openai-python', 'anthropic-python'],
    egress: proxies,
    schedule: shift,
    process: poissonP,
    plan: (rng) => reasoningPlan(rng),
    model: (world) => pivotModels(world),
  },
  {
    name: 'rotating-fingerprint',
    size: [1, 4],
    share: 0.04,
    volume: [800, 0.4],
    clients: ['openai-python', 'openai-node', 'python-requests', 'curl', 'browser', 'go-router'],
    egress: (rng) => ({ kind: 'rotating', every: rng.int(1, 5), leakTls: rng.chance(0.5) }),
    schedule: always,
    process: poissonP,
    plan: (rng) => ({
      templates: rng.chance(0.5) ? CHAT_TEMPLATES : CODE_TEMPLATES,
      pool: rng.pick(['chat', 'hard', 'code'] as const),
      kind: 'chat',
      maxTokens: 4096,
    }),
    model: () => fixedModel(MODELS.large),
  },
];

/** Hydra clusters: many accounts behind a reseller, sweeping disjoint slices of one space. */
export const HYDRA: CampaignKind = {
  name: 'hydra',
  size: [20, 500],
  share: 0,
  volume: [120, 0.4],
  clients: ['go-router'],
  egress: (rng) => ({
    kind: 'reseller',
    prefixes: Array.from({ length: rng.int(2, 6) }, () => datacenterPrefix(rng)),
    client: 'go-router',
  }),
  schedule: shift,
  process: (rng) => ({ kind: 'regular', jitter: 0.2 + rng.float() * 0.5 }),
  plan: (rng) => {
    const code = rng.chance(0.4);
    return code
      ? {
          templates: rng.shuffle([...CODE_TEMPLATES]).slice(0, rng.int(1, 2)),
          pool: 'code',
          kind: 'code',
          maxTokens: 8192,
          agentic: rng.chance(0.5),
        }
      : reasoningPlan(rng, {
          templates: rng.shuffle([...REASONING_TEMPLATES]).slice(0, rng.int(1, 3)),
        });
  },
  model: reasoner,
};

function identityFor(
  rng: Rng,
  c: CampaignCtx,
  kind: CampaignKind,
  keys: string[],
): { identity: IdentitySource; signupIp: string } {
  const e = c.egress;
  if (e.kind === 'rotating')
    return {
      identity: rotatingIdentity(keys, e.every, e.leakTls, kind.clients),
      signupIp: residentialIp(rng),
    };
  if (e.kind === 'proxy-pool') {
    // The harness's own stacks (one to three per campaign), a browser User-Agent over some.
    const names = kind.clients.slice(0, 1 + (hashString(c.id) % 3));
    const name = rng.pick(names);
    let fp = randomFingerprint(new Rng(hashString(`${c.id}:${name}`), 'stack'), name);
    if (rng.chance(e.spoof)) fp = { ...fp, userAgent: browserUserAgent(rng) };
    return { identity: proxyPoolIdentity(rng, keys[0]!, fp), signupIp: residentialIp(rng) };
  }
  if (e.kind === 'home') {
    const ip = residentialIp(rng);
    return {
      identity: homeIdentity(keys, [ip], [randomFingerprint(rng, rng.pick(kind.clients))]),
      signupIp: ip,
    };
  }
  const clientName = e.kind === 'reseller' ? e.client : rng.pick(kind.clients);
  const fp = randomFingerprint(c.rng.fork(`fp:${clientName}`), clientName); // shared stack inside the campaign
  return {
    identity: pooledIdentity(keys, e.prefixes, [fp]),
    signupIp: `${rng.pick(e.prefixes)}.${rng.int(1, 254)}`,
  };
}

/** Plans for every member of one campaign. */
export function campaignPlans(c: CampaignCtx, kind: CampaignKind, ids: string[]): ActorPlan[] {
  const plan = kind.plan(c.rng, c);
  const schedule = kind.schedule(c.rng, c.id);
  const payments = Array.from({ length: Math.max(1, Math.ceil(c.size / 12)) }, () =>
    paymentFingerprint(c.rng),
  );
  const offset = c.rng.int(0, 10_000);
  const cover = kind.cover ?? 'fresh';
  const activeFrom = kind.wake?.(c.rng, c.world);
  const waveDays = cover === 'wave' ? c.rng.float() * 10 : undefined;
  return ids.map((id, member) => {
    const rng = c.rng.fork(id);
    const keys = Array.from(
      { length: c.egress.kind === 'rotating' ? rng.int(3, 10) : 1 },
      () => `key_${rng.hex(10)}`,
    );
    const { identity, signupIp } = identityFor(rng, c, kind, keys);
    const account = coverAccount(rng, c.world.start, cover, { id, signupIp, payments, waveDays });
    const sweep = { member, members: ids.length, offset };
    const prompts: PromptSource =
      plan === 'logit'
        ? logitSweep(rng)
        : 'members' in plan
          ? plan.members(rng, sweep)
          : harvest(kind === HYDRA ? { ...plan, sweep } : plan);
    const p: ActorPlan = {
      account,
      label: { malicious: true, persona: kind.name, campaign: c.id },
      volume: rng.lognormal(...kind.volume),
      schedule: cover === 'careful' ? kind.schedule(rng, id) : schedule,
      process: kind.process(c.rng.fork('process')),
      span: 1,
      identity,
      prompts,
      model: kind.model(c.world),
    };
    if (activeFrom !== undefined) p.activeFrom = activeFrom;
    return p;
  });
}
