// Builds actors: an account record, its keys, its client stack(s) and how its IP address
// behaves over time (home broadband, mobile CGNAT, cloud egress, corporate NAT, proxies).
import { makeClient, type Client, type StackKind } from './clients.js';
import { COUNTRY_MIX, tzFor } from './net.js';
import { Rng } from './rng.js';
import { DAY, payment, personalEmail, type Actor, type World } from './world.js';

export type IpMode =
  | { kind: 'home'; mobileShare?: number }
  | { kind: 'mobile' }
  | { kind: 'cloud'; provider: string; pool?: number }
  | { kind: 'fixed'; ips: string[] }
  | { kind: 'proxy'; countries: string[]; stickyMin: number };

export interface ActorOpts {
  persona: string;
  campaign?: string | null;
  country?: string;
  createdAt?: number;
  email?: string;
  tier?: string;
  route?: string;
  payment?: string | null;
  stacks?: [StackKind, number][];
  clients?: Client[];
  ip: IpMode;
  keys?: number;
  signupIp?: string;
  tz?: number;
}

export function ipFn(
  w: World,
  r: Rng,
  mode: IpMode,
  country: string,
): (r: Rng, ts: number) => string {
  switch (mode.kind) {
    case 'home': {
      // One household /24; the lease changes every few days; some requests from the phone.
      const [a, b] = w.net.resiPrefix(country, r);
      const c = r.int(0, 255);
      const leases = Array.from({ length: w.days + 3 }, () => `${a}.${b}.${c}.${r.int(2, 254)}`);
      const churn = r.int(2, 9);
      const ms = mode.mobileShare ?? 0;
      return (er, ts) => {
        if (ms > 0 && er.chance(ms)) return w.net.mobile(country, er);
        const d = Math.max(0, Math.floor((ts - w.start) / (churn * DAY)) + 1);
        return leases[Math.min(d, leases.length - 1)]!;
      };
    }
    case 'mobile':
      return (er) => w.net.mobile(country, er);
    case 'cloud': {
      const pool = Array.from({ length: mode.pool ?? 1 }, () => w.net.cloud(mode.provider, r));
      return (er) => er.pick(pool);
    }
    case 'fixed':
      return (er) => er.pick(mode.ips);
    case 'proxy': {
      const base = r.label;
      const cache = new Map<number, string>();
      return (_er, ts) => {
        const bucket = Math.floor(ts / (mode.stickyMin * 60_000));
        let ip = cache.get(bucket);
        if (!ip) {
          ip = w.net.proxyExit(mode.countries, new Rng(`${base}/exit/${bucket}`)).ip;
          if (cache.size > 64) cache.clear();
          cache.set(bucket, ip);
        }
        return ip;
      };
    }
  }
}

export function createActor(w: World, r: Rng, o: ActorOpts): Actor {
  const country = o.country ?? r.weighted(COUNTRY_MIX);
  const createdAt = o.createdAt ?? w.start - r.logNormal(160, 1.1) * DAY;
  const ip = ipFn(w, r, o.ip, country);
  const signupIp =
    o.signupIp ??
    (o.ip.kind === 'cloud' || o.ip.kind === 'fixed' || o.ip.kind === 'proxy'
      ? ip(r, w.start)
      : w.net.home(country, r));
  const tier =
    o.tier ??
    r.weighted([
      ['free', 30],
      ['tier-1', 35],
      ['tier-2', 20],
      ['tier-3', 10],
      ['tier-4', 5],
    ]);
  const acct = w.account(r, {
    persona: o.persona,
    campaign: o.campaign ?? null,
    country,
    createdAt,
    email: o.email ?? personalEmail(r),
    signupIp,
    payment: o.payment !== undefined ? o.payment : tier === 'free' ? null : payment(r),
    tier,
    route: o.route ?? 'self-serve',
  });
  const clients =
    o.clients ??
    (() => {
      const stacks = o.stacks ?? [['py-openai', 1]];
      const first = makeClient(r.weighted(stacks), r);
      return r.chance(0.15) ? [first, makeClient(r.weighted(stacks), r)] : [first];
    })();
  const keys = Array.from({ length: o.keys ?? (r.chance(0.2) ? 2 : 1) }, () => w.key());
  return { acct, keys, clients, tz: o.tz ?? tzFor(country, r), ip };
}
