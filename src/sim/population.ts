/**
 * Who is in a simulated run: honest personas, organisations behind shared NAT, resellers
 * whose honest customers share egress with hydra clusters, and the extraction campaigns.
 * About `maliciousShare` of accounts belong to campaigns.
 */
import { allocateCampaigns } from './allocate.js';
import { APP_PERSONAS, appCount } from './app-personas.js';
import { benchSharer, sharedBenchmarkItems } from './apps-tools.js';
import { campaignPlans } from './campaigns.js';
import type { Corpus } from './corpus.js';
import { residentialPrefix } from './network.js';
import { BENIGN_PERSONAS, benignPlan, persona, type Group } from './personas.js';
import type { ActorPlan, World } from './plan.js';
import { Rng } from './prng.js';

export { allocateCampaigns } from './allocate.js';

/** A campaign in labels.json. */
export interface CampaignInfo {
  id: string;
  kind: string;
  accounts: number;
}

/** The accounts of a run and their plans, in file order. */
export interface Population {
  plans: ActorPlan[];
  campaigns: CampaignInfo[];
}

function orgGroup(rng: Rng, n: number): Group {
  const name = `${rng.pick(['acme', 'northwind', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'tyrell', 'hooli', 'vandelay'])}${rng.int(1, 999)}`;
  const g: Group = {
    prefixes: [residentialPrefix(rng)],
    hosts: [1, Math.min(8, 1 + Math.ceil(n / 10))],
    domain: `${name}.com`,
    system: `You are ${name}'s internal assistant. Be concise and follow company policy.`,
    route: rng.chance(0.7) ? 'enterprise' : 'self-serve',
  };
  if (rng.chance(0.6)) g.payment = `pf_${rng.hex(16)}`;
  return g;
}

function benignPlans(
  rng: Rng,
  corpus: Corpus,
  world: World,
  ids: string[],
  resellers: string[][],
): ActorPlan[] {
  const plans: ActorPlan[] = [];
  let i = 0;
  const take = (): string => ids[i++] as string;
  const resellerCustomers = resellers.length ? Math.round(ids.length * 0.08) : 0;
  for (let k = 0; k < resellerCustomers; k++) {
    const base = persona(rng.pick(['casual', 'coding-agent', 'researcher', 'student']));
    const group: Group = {
      prefixes: resellers[k % resellers.length] as string[],
      hosts: [1, 254],
      clients: ['go-router'],
    };
    plans.push(
      benignPlan(rng.fork(`b${i}`), corpus, world, take(), base, 'reseller-customer', group),
    );
  }
  let inOrgs = Math.round(ids.length * 0.14);
  while (inOrgs > 0) {
    const n = Math.min(inOrgs, rng.int(5, 60));
    const group = orgGroup(rng, n);
    for (let k = 0; k < n; k++) {
      const base = persona(rng.pick(['casual', 'coding-agent', 'researcher']));
      plans.push(benignPlan(rng.fork(`b${i}`), corpus, world, take(), base, 'nat-org', group));
    }
    inOrgs -= n;
  }
  // Organisations whose members pass public benchmark questions around (about 2.5%).
  let sharing = Math.max(ids.length >= 150 ? 5 : 0, Math.round(ids.length * 0.025));
  while (sharing > 0) {
    const n = Math.min(sharing, rng.int(5, 25));
    const items = sharedBenchmarkItems(rng, corpus);
    const group: Group = { ...orgGroup(rng, n), wrap: (r, base) => benchSharer(r, items, base) };
    for (let k = 0; k < n; k++) {
      const base = persona(rng.pick(['casual', 'coding-agent', 'researcher']));
      plans.push(
        benignPlan(rng.fork(`b${i}`), corpus, world, take(), base, 'nat-org-bench', group),
      );
    }
    sharing -= n;
  }
  // Course cohorts (about 2%): a class whose students open API accounts within a day or two
  // of the course's start, from one campus, through the course notebook's SDK, and ask
  // for worked solutions on nearly every request. The honest look-alike of a signup-wave
  // hydra (THREATS.md: education apps, signups through education programmes).
  let cohorts = Math.max(ids.length >= 300 ? 15 : 0, Math.round(ids.length * 0.02));
  while (cohorts > 0) {
    let n = Math.min(cohorts, rng.int(15, 40));
    if (cohorts - n < 15) n = cohorts; // no class of a handful
    const start = rng.float() * 10;
    const group: Group = {
      prefixes: [residentialPrefix(rng)],
      hosts: [1, 254],
      route: 'education',
      clients: [rng.pick(['openai-python', 'httpx', 'openai-node'])],
      signup: [start, start + 1.5],
    };
    const base = persona('math-learner');
    for (let k = 0; k < n; k++)
      plans.push(
        benignPlan(rng.fork(`b${i}`), corpus, world, take(), base, 'course-cohort', group),
      );
    cohorts -= n;
  }
  for (const p of APP_PERSONAS)
    for (let k = appCount(p, ids.length); k > 0 && i < ids.length; k--)
      plans.push(benignPlan(rng.fork(`b${i}`), corpus, world, take(), p, p.name));
  while (i < ids.length) {
    const p = rng.weighted(BENIGN_PERSONAS.map((x) => [x, x.share] as const));
    plans.push(benignPlan(rng.fork(`b${i}`), corpus, world, take(), p, p.name));
  }
  return plans;
}

/** Build the population of a run (deterministic in `seed`). */
export function buildPopulation(
  seed: number,
  corpus: Corpus,
  world: World,
  accounts: number,
  maliciousShare: number,
): Population {
  const rng = new Rng(seed, 'population');
  const idSet = new Set<string>();
  while (idSet.size < accounts) idSet.add(`acct_${rng.hex(10)}`);
  const ids = [...idSet];
  const m = Math.min(accounts, Math.round(accounts * maliciousShare));
  const allocs = allocateCampaigns(rng, m);
  const plans: ActorPlan[] = [];
  const campaigns: CampaignInfo[] = [];
  const resellers: string[][] = [];
  let next = 0;
  allocs.forEach((a, n) => {
    const id = `${a.kind.name}-${n + 1}`;
    const crng = rng.fork(id);
    const egress = a.kind.egress(crng);
    // Honest reseller customers share a reseller's egress with the hydras behind it.
    if (egress.kind === 'reseller') resellers.push(egress.prefixes);
    const members = ids.slice(next, next + a.size);
    next += a.size;
    plans.push(
      ...campaignPlans({ id, size: a.size, rng: crng, corpus, world, egress }, a.kind, members),
    );
    campaigns.push({ id, kind: a.kind.name, accounts: a.size });
  });
  plans.push(...benignPlans(rng.fork('benign'), corpus, world, ids.slice(next), resellers));
  rng.shuffle(plans);
  return { plans, campaigns };
}
