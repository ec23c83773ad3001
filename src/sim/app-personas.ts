/**
 * Honest applications and services that behave like extraction (issue 13's hard
 * negatives): few accounts, each busy, most running on their own servers. Their shares are
 * of the honest accounts; each appears at least once in a run with 150 or more.
 */
import { adVariations, ciReviewBot, kidsRewriter, resumeScreener } from './apps-tools.js';
import {
  benchmarkVendor,
  edtechApp,
  judgeService,
  labelClassifier,
  syntheticData,
} from './apps.js';
import { WORKER, human, sessions, type BenignPersona } from './personas.js';
import { MODELS, everyModel, fixedModel } from './plan.js';
import { ALWAYS } from './timing.js';

const ENTERPRISE: [string, number][] = [
  ['enterprise', 7],
  ['self-serve', 3],
];
const BUSINESS: [string, number][] = [
  ['self-serve', 6],
  ['startup-credits', 2],
  ['enterprise', 2],
];
const BIG_TIERS: [string, number][] = [
  ['tier-3', 1],
  ['tier-4', 2],
  ['tier-5', 2],
];
const regular = (jitter: number) => () => ({ kind: 'regular' as const, jitter });
const poisson = () => ({ kind: 'poisson' as const });

/** The honest applications. */
export const APP_PERSONAS: BenignPersona[] = [
  {
    name: 'benchmark-vendor',
    share: 0.002,
    volume: [1000, 0.3],
    clients: ['openai-python', 'httpx'],
    emails: [['work', 10]],
    routes: ENTERPRISE,
    reasonerShare: 0,
    schedule: () => ALWAYS,
    process: regular(0.3),
    span: () => 1,
    source: benchmarkVendor,
    egress: 'datacenter',
    account: { tiers: BIG_TIERS },
    models: everyModel,
  },
  {
    name: 'judge-service',
    share: 0.002,
    volume: [800, 0.4],
    clients: ['openai-python', 'python-requests'],
    emails: [['work', 10]],
    routes: ENTERPRISE,
    reasonerShare: 0.2,
    schedule: () => ALWAYS,
    process: poisson,
    span: () => 1,
    source: judgeService,
    egress: 'datacenter',
    account: { tiers: BIG_TIERS },
  },
  {
    name: 'edtech-app',
    share: 0.003,
    volume: [1500, 0.4],
    clients: ['openai-node', 'anthropic-node'],
    emails: [['work', 10]],
    routes: [['enterprise', 10]],
    reasonerShare: 0.3,
    // School hours, weekdays: lessons from about 8:00 to 15:00 local time.
    schedule: human([7, 8], [15, 16], false, 0.05),
    process: poisson,
    span: () => 1,
    source: edtechApp,
    egress: 'datacenter',
    account: { tiers: BIG_TIERS },
  },
  {
    name: 'synthetic-data-licensed',
    share: 0.0015,
    volume: [2000, 0.3],
    clients: ['openai-python'],
    emails: [['work', 10]],
    routes: [['enterprise', 10]],
    reasonerShare: 0.8,
    schedule: () => ALWAYS,
    process: regular(0.2),
    span: () => 1,
    source: syntheticData,
    egress: 'datacenter',
    account: { tiers: BIG_TIERS, verified: true, contract: 'synthetic-data' },
    models: () => fixedModel(MODELS.reasoner),
  },
  {
    name: 'lab-classifier',
    share: 0.004,
    volume: [400, 0.6],
    clients: ['openai-python', 'python-requests'],
    emails: [
      ['student', 6],
      ['work', 4],
    ],
    routes: [
      ['research', 6],
      ['education', 4],
    ],
    reasonerShare: 0,
    schedule: (rng, key) => (rng.chance(0.5) ? ALWAYS : WORKER(rng, key)),
    process: regular(0.2),
    span: (rng) => rng.pick([1, 0.5, 0.3]),
    source: labelClassifier,
    models: () => fixedModel(MODELS.large),
  },
  {
    name: 'ci-review-bot',
    share: 0.003,
    volume: [300, 0.6],
    clients: ['python-requests', 'openai-node'],
    emails: [['work', 10]],
    routes: BUSINESS,
    reasonerShare: 0.2,
    schedule: WORKER,
    process: sessions([2, 10], [2, 6]),
    span: () => 1,
    source: ciReviewBot,
    egress: 'datacenter',
  },
  {
    name: 'resume-screener',
    share: 0.002,
    volume: [300, 0.6],
    clients: ['openai-python', 'openai-node'],
    emails: [['work', 10]],
    routes: BUSINESS,
    reasonerShare: 0,
    schedule: WORKER,
    process: poisson,
    span: () => 1,
    source: resumeScreener,
    egress: 'datacenter',
  },
  {
    name: 'ad-variations',
    share: 0.003,
    volume: [250, 0.6],
    clients: ['openai-node', 'openai-python'],
    emails: [['work', 10]],
    routes: BUSINESS,
    reasonerShare: 0,
    schedule: human([8, 10], [18, 22], true, 0.1),
    process: sessions([5, 40], [2, 8]),
    span: () => 1,
    source: adVariations,
    egress: 'datacenter',
  },
  {
    name: 'kids-rewriter',
    share: 0.002,
    volume: [400, 0.5],
    clients: ['openai-python', 'anthropic-python'],
    emails: [['work', 10]],
    routes: ENTERPRISE,
    reasonerShare: 0,
    schedule: (rng, key) =>
      rng.chance(0.5) ? ALWAYS : { from: 1, to: 6, tz: 0, weekends: true, skipDay: 0, key },
    process: regular(0.1),
    span: () => 1,
    source: kidsRewriter,
    egress: 'datacenter',
  },
];

/** How many accounts of `p` a run with `honest` honest accounts gets. */
export function appCount(p: BenignPersona, honest: number): number {
  return Math.max(honest >= 150 ? 1 : 0, Math.round(honest * p.share));
}
