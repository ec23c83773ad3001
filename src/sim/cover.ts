/**
 * Account records of campaign members by cover (campaign-kind.ts `Cover`): fresh sign-ups
 * through credit programmes, a signup wave of unrelated-looking accounts, careful aged accounts, dormant accounts created long before,
 * or an established business (THREATS.md, "Shared infrastructure").
 */
import {
  accountRecord,
  campaignAge,
  email,
  paymentFingerprint,
  type AccountSpec,
  type SimAccount,
} from './accounts.js';
import type { Cover } from './campaign-kind.js';
import type { Rng } from './prng.js';

/** What the campaign fixes for a member's record. */
export interface MemberFacts {
  id: string;
  signupIp: string;
  /** The campaign's shared payment methods. */
  payments: string[];
  /** Days before the window's start when a `wave` campaign's signups began. */
  waveDays?: number | undefined;
}

const FRESH_TIER: [string, number][] = [
  ['free', 3],
  ['tier-1', 3],
  ['tier-2', 1],
];

function spec(rng: Rng, cover: Cover, m: MemberFacts): Omit<AccountSpec, 'id' | 'signupIp'> {
  switch (cover) {
    case 'careful':
      return {
        ageDays: rng.lognormal(120, 0.8),
        email: email(rng, 'personal'),
        payment: paymentFingerprint(rng),
        route: 'self-serve',
        tier: rng.weighted(FRESH_TIER),
      };
    case 'aged':
      // Signed up months ago (bought or farmed), then left idle until the campaign wakes them.
      return {
        ageDays: 60 + rng.float() * 400,
        email: email(
          rng,
          rng.weighted([
            ['personal', 4],
            ['alias', 2],
            ['random', 2],
          ]),
        ),
        payment: rng.chance(0.5) ? rng.pick(m.payments) : paymentFingerprint(rng),
        route: rng.weighted([
          ['self-serve', 4],
          ['startup-credits', 2],
          ['education', 2],
        ]),
        tier: rng.weighted(FRESH_TIER),
      };
    case 'business': {
      const domain = `${rng.pick(['brightlane', 'kovo', 'tessellate', 'mapleworks', 'quanta'])}${rng.int(2, 99)}.io`;
      return {
        ageDays: rng.lognormal(300, 0.6),
        email: email(rng, 'work', domain),
        payment: paymentFingerprint(rng),
        route: rng.chance(0.6) ? 'self-serve' : 'enterprise',
        tier: rng.weighted([
          ['tier-2', 2],
          ['tier-3', 3],
          ['tier-4', 2],
        ]),
      };
    }
    case 'wave':
      // Signed up within a day and a half of each other, each with its own address and card.
      return {
        ageDays: (m.waveDays ?? 2) + rng.float() * 1.5,
        email: email(
          rng,
          rng.weighted([
            ['personal', 3],
            ['alias', 2],
            ['random', 1],
          ]),
        ),
        payment: rng.chance(0.7) ? paymentFingerprint(rng) : undefined,
        route: rng.weighted([
          ['self-serve', 4],
          ['education', 2],
          ['research', 1],
        ]),
        tier: rng.weighted(FRESH_TIER),
      };
    case 'fresh':
      return {
        ageDays: campaignAge(rng),
        email: email(
          rng,
          rng.weighted([
            ['throwaway', 4],
            ['alias', 3],
            ['random', 2],
            ['personal', 2],
          ]),
        ),
        payment: rng.chance(0.8) ? rng.pick(m.payments) : undefined,
        route: rng.weighted([
          ['education', 3],
          ['research', 3],
          ['startup-credits', 3],
          ['self-serve', 2],
        ]),
        tier: rng.weighted(FRESH_TIER),
      };
  }
}

/** The account record of one campaign member. */
export function coverAccount(rng: Rng, start: number, cover: Cover, m: MemberFacts): SimAccount {
  return accountRecord(rng, start, { id: m.id, signupIp: m.signupIp, ...spec(rng, cover, m) });
}
