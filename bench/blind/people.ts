/**
 * Identities: names, e-mail addresses, countries with their UTC offsets, tiers and signup
 * routes, and ready-made honest actors.
 */
import { clientFor, mobileIp, residentialIp, type Client } from './clients.js';
import type { Rng } from './rng.js';
import { isoBefore, keyId, payFp, type Actor, type Label, type World } from './world.js';

const FIRST = [
  'james',
  'maria',
  'wei',
  'fatima',
  'lucas',
  'sofia',
  'arjun',
  'yuki',
  'olga',
  'daniel',
  'chloe',
  'kwame',
  'ana',
  'minh',
  'leila',
  'pedro',
  'hannah',
  'rahul',
  'nadia',
  'tom',
  'ines',
  'sipho',
  'emre',
  'julia',
  'kofi',
  'mei',
  'sven',
  'aroha',
  'carlos',
  'priya',
  'jakub',
  'amara',
  'noah',
  'zeynep',
  'ravi',
  'grace',
  'thabo',
  'elena',
  'hiro',
  'sara',
];
const LAST = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'muller',
  'rossi',
  'patel',
  'tanaka',
  'ivanova',
  'nguyen',
  'okafor',
  'silva',
  'kim',
  'haddad',
  'novak',
  'dubois',
  'mensah',
  'lopez',
  'sato',
  'kowalski',
  'nair',
  'johansson',
  'adeyemi',
  'fischer',
  'moreau',
  'yilmaz',
  'santos',
  'ahmed',
  'brown',
  'wong',
];

const FREEMAIL: [string, number][] = [
  ['gmail.com', 50],
  ['outlook.com', 12],
  ['hotmail.com', 6],
  ['yahoo.com', 6],
  ['icloud.com', 8],
  ['proton.me', 4],
  ['gmx.de', 2],
  ['qq.com', 2],
];

/** UTC offsets (standard time) by country. */
export const TZ: Record<string, number> = {
  US: -5,
  CA: -5,
  GB: 0,
  DE: 1,
  FR: 1,
  NL: 1,
  IN: 5.5,
  BR: -3,
  JP: 9,
  KR: 9,
  SG: 8,
  PH: 8,
  VN: 7,
  ID: 7,
  NG: 1,
  KE: 3,
  ZA: 2,
  MX: -6,
  ES: 1,
  PL: 1,
  TR: 3,
  AU: 10,
  CN: 8,
  HK: 8,
  RU: 3,
  BD: 6,
  ET: 3,
};

/** Where honest consumer users live, weighted. */
export const CONSUMER_COUNTRIES: [string, number][] = [
  ['US', 30],
  ['IN', 10],
  ['GB', 7],
  ['DE', 5],
  ['BR', 5],
  ['CA', 4],
  ['FR', 4],
  ['JP', 3],
  ['NG', 3],
  ['PH', 3],
  ['ID', 3],
  ['MX', 3],
  ['ES', 3],
  ['AU', 2],
  ['KR', 2],
  ['PL', 2],
  ['TR', 2],
  ['VN', 2],
  ['KE', 2],
  ['ZA', 1],
  ['NL', 2],
  ['SG', 1],
  ['BD', 1],
];

/** A person's name pair. */
export function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST), rng.pick(LAST)];
}

/** A personal e-mail address in one of the usual shapes. */
export function personalEmail(rng: Rng): string {
  const [f, l] = personName(rng);
  const dom = rng.weighted(FREEMAIL);
  const shape = rng.int(0, 4);
  const local =
    shape === 0
      ? `${f}.${l}`
      : shape === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : shape === 2
          ? `${f[0]}${l}${rng.int(70, 2005)}`
          : shape === 3
            ? `${f}_${l}`
            : `${l}.${f}${rng.int(1, 9)}`;
  return `${local}@${dom}`;
}

/** A work address at a company domain. */
export function workEmail(rng: Rng, domain: string): string {
  const [f, l] = personName(rng);
  return rng.chance(0.7) ? `${f}.${l}@${domain}` : `${f[0]}${l}@${domain}`;
}

/** A tier that fits an account's age and use. */
export function consumerTier(rng: Rng): string {
  return rng.weighted([
    ['free', 55],
    ['tier-1', 30],
    ['tier-2', 12],
    ['tier-3', 3],
  ]);
}

/** Options for an honest individual account. */
export interface PersonOpts {
  persona: string;
  clients: readonly string[];
  countries?: [string, number][];
  ageDays?: [number, number];
  tier?: string;
  route?: string;
  email?: string;
  mobileShare?: number;
}

/** An honest individual: home broadband (sometimes mobile), a client, an account. */
export function honestPerson(world: World, rng: Rng, o: PersonOpts): Actor {
  const country = rng.weighted(o.countries ?? CONSUMER_COUNTRIES);
  const home = residentialIp(rng, country);
  const label: Label = { malicious: false, persona: o.persona, campaign: null };
  const [lo, hi] = o.ageDays ?? [10, 900];
  const acct = world.addAccount(
    rng,
    {
      createdAt: isoBefore(rng, world.start, rng.float(lo, hi)),
      email: o.email ?? personalEmail(rng),
      signupIp: rng.chance(0.7) ? home : residentialIp(rng, country),
      paymentFingerprint: payFp(rng),
      country,
      tier: o.tier ?? consumerTier(rng),
      route: o.route ?? 'self-serve',
    },
    label,
  );
  const client: Client = clientFor(rng, o.clients);
  const mobile = o.mobileShare ?? 0.15;
  // A home address that occasionally renews (DHCP) and a phone on a carrier network.
  let current = home;
  const ip = (): string => {
    if (rng.chance(mobile)) return mobileIp(rng, country);
    if (rng.chance(0.01)) current = residentialIp(rng, country);
    return current;
  };
  return { acct, keys: [keyId(rng)], client, ip, tz: TZ[country] ?? 0 };
}
