/**
 * A campaign's infrastructure: accounts signed up in waves through chosen routes, cards
 * drawn partly from a shared pool, e-mail at free providers or cheap throwaway domains,
 * residential proxy exits or a few rented servers, and "shifts" in which each account is
 * active for a few hours a day so that no account looks busy.
 */
import { DAY, HOUR, poissonTimes, type Curve } from '../clock.js';
import {
  cardFingerprint,
  personName,
  personalEmail,
  pickCountry,
  type Country,
} from '../people.js';
import type { Rng } from '../rng.js';
import type { AccountOut, World } from '../world.js';

/** How a campaign provisions accounts. */
export interface FleetPlan {
  /** Signup waves spread over [oldest, newest] days before the window (negative: inside it). */
  waves: number;
  age: [number, number];
  routes: readonly (readonly [string, number])[];
  /** Share of accounts paying with a card from the shared pool, and the pool's size. */
  cardShare: number;
  cards: number;
  /** Share of accounts on the campaign's own cheap domains. */
  domainShare?: number;
  countries?: string[];
  tiers?: readonly (readonly [string, number])[];
}

const CHEAP_TLDS = ['xyz', 'top', 'site', 'online', 'click', 'icu'];

/** Account records of a campaign, and each account's country. */
export function fleet(
  w: World,
  rng: Rng,
  n: number,
  p: FleetPlan,
): { rec: AccountOut; country: Country }[] {
  const waves = Array.from({ length: Math.max(1, p.waves) }, () => rng.range(p.age[0], p.age[1]));
  const cards = Array.from({ length: Math.max(1, p.cards) }, () => cardFingerprint(rng));
  const domains = Array.from(
    { length: 4 },
    () => `${rng.id(rng.int(5, 9))}.${rng.pick(CHEAP_TLDS)}`,
  );
  return Array.from({ length: n }, () => {
    const country = pickCountry(rng, p.countries);
    // Accounts of a wave sign up within a few hours of each other.
    const age = rng.pick(waves) - rng.range(0, 6) / 24;
    const name = personName(rng);
    const email = rng.chance(p.domainShare ?? 0)
      ? `${name[0]}.${name[1]}${rng.int(1, 999)}@${rng.pick(domains)}`
      : personalEmail(rng, name);
    const rec: AccountOut = {
      id: w.ids.make('acct_', 10),
      createdAt: new Date(w.start - Math.round(age * DAY)).toISOString(),
      email,
      signupIp: w.net.home(rng),
      paymentFingerprint: rng.chance(p.cardShare) ? rng.pick(cards) : cardFingerprint(rng),
      country: country.code,
      tier: rng.weighted(
        p.tiers ?? [
          ['free', 2],
          ['tier-1', 5],
          ['tier-2', 2],
        ],
      ),
      route: rng.weighted(p.routes),
    };
    return { rec, country };
  });
}

/**
 * An account's activity in shifts: each day, `shifts` windows of a few hours at hours the
 * controller picks (jittered day to day), `perDay` requests in total, Poisson inside.
 */
export function shiftTimes(
  rng: Rng,
  from: number,
  to: number,
  perDay: number,
  shifts: number,
  hours: [number, number] = [1.5, 4],
): number[] {
  const out: number[] = [];
  const day0 = Math.floor(from / DAY) * DAY;
  const base = Array.from({ length: shifts }, () => rng.range(0, 24));
  for (let d = day0; d < to; d += DAY) {
    for (const h of base) {
      const len = rng.range(hours[0], hours[1]) * HOUR;
      const s = d + (h + rng.range(-1.5, 1.5)) * HOUR;
      const a = Math.max(from, s);
      const b = Math.min(to, s + len);
      if (b > a)
        out.push(
          ...poissonTimes(rng, a, b, (perDay / shifts) * (DAY / len), { tz: 0, curve: 'flat' }),
        );
    }
  }
  return out.sort((x, y) => x - y);
}

/** Times of an always-on pipeline following a curve in the operator's zone. */
export function pipelineTimes(
  rng: Rng,
  from: number,
  to: number,
  perDay: number,
  tz: number,
  curve: Curve = 'machine',
): number[] {
  return poissonTimes(rng, from, to, perDay, { tz, curve });
}
