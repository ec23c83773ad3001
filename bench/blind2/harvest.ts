/**
 * Shared machinery for the malicious families: campaign accounts and a pacing loop that
 * looks like a person using the API in sessions, not a metronome.
 */
import { agedBefore } from './common.js';
import { Rng } from './rng.js';
import { type Actor, type World, newActor, newCard } from './wire.js';
import {
  type Client,
  type Country,
  type Net,
  type Profile,
  DAY,
  MINUTE,
  dayFactor,
  personalEmail,
  sampleTimes,
} from './world.js';

export interface CampaignAccount {
  persona: string;
  campaign: string;
  index: number;
  country: Country;
  net: Net;
  client: Client;
  route?: 'self-serve' | 'education' | 'research' | 'startup-credits' | 'enterprise';
  tier?: string;
  createdAt?: number;
  email?: string;
  payment?: string;
  keys?: number;
}

export function campaignActor(w: World, o: CampaignAccount): Actor {
  const rng = new Rng(`${w.seed}/campaign/${o.persona}/${o.index}`);
  return newActor(w, {
    family: o.persona,
    index: o.index,
    country: o.country,
    createdAt: o.createdAt ?? agedBefore(w, rng, 10, 120),
    route: o.route ?? 'self-serve',
    tier: o.tier ?? 'pay-as-you-go',
    email: o.email ?? personalEmail(rng),
    net: o.net,
    client: o.client,
    malicious: true,
    campaign: o.campaign,
    payment: o.payment ?? newCard(rng),
    keys: o.keys ?? 1,
  });
}

/** A pool of virtual cards, each reused by a few accounts. */
export function cardPool(rng: Rng, accounts: number, perCard: number): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(accounts / perCard)) }, () => newCard(rng));
}

export interface Pace {
  perDay: number;
  profile: Profile;
  /** Requests per sitting: [min, max]. */
  burst: [number, number];
  /** Median gap inside a sitting, ms. */
  gap: number;
  from?: number;
  to?: number;
  /** Probability of a day off. */
  offDay?: number;
}

/**
 * Sittings spread over the day in the account's local time; inside a sitting, requests
 * follow each other at human-like gaps. `fn` sends one unit of work and returns its end.
 */
export function paced(w: World, a: Actor, p: Pace, fn: (ts: number, day: number) => number): void {
  let busy = 0;
  for (let day = 0; day < w.win.days; day += 1) {
    if (a.rng.chance(p.offDay ?? 0)) continue;
    let left = a.rng.poisson(p.perDay * dayFactor(p.profile, day));
    const avg = (p.burst[0] + p.burst[1]) / 2;
    const sittings = Math.max(1, Math.round(left / avg));
    for (const start of sampleTimes(a.rng, w.win, day, sittings, p.profile, a.tz)) {
      let t = Math.max(start, busy + a.rng.range(1, 10) * MINUTE);
      for (let k = a.rng.int(p.burst[0], p.burst[1]); k > 0 && left > 0; k -= 1, left -= 1) {
        if (p.from !== undefined && t < p.from) break;
        if (p.to !== undefined && t >= p.to) break;
        if (t >= w.win.end + DAY) break;
        const end = fn(t, day);
        busy = end;
        t = end + Math.max(3000, a.rng.logNormal(p.gap, 0.7));
      }
    }
  }
}
