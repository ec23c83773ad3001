/**
 * Accounts run by software: a company's service account on cloud egress, and the shared pieces
 * (app end-user ids) that honest apps and campaigns hiding inside an app both use.
 */
import { CLIENTS, cloudIp, CLOUD, type Client } from './clients.js';
import { TZ, workEmail } from './people.js';
import type { Rng } from './rng.js';
import { isoBefore, keyId, payFp, type Actor, type Label, type World } from './world.js';

/** Options for a service account. */
export interface ServiceOpts {
  label: Label;
  domain: string;
  country: string;
  client: keyof typeof CLIENTS;
  cloud?: keyof typeof CLOUD;
  tier?: string;
  route?: string;
  ageDays?: [number, number];
  ips?: number;
  keys?: number;
  card?: string;
}

/** A company's API account calling from a few fixed cloud addresses. */
export function serviceAccount(world: World, rng: Rng, o: ServiceOpts): Actor {
  const ips = Array.from({ length: o.ips ?? rng.int(1, 4) }, () => cloudIp(rng, o.cloud));
  const [lo, hi] = o.ageDays ?? [60, 800];
  const acct = world.addAccount(
    rng,
    {
      createdAt: isoBefore(rng, world.start, rng.float(lo, hi)),
      email: workEmail(rng, o.domain),
      signupIp: cloudIp(rng, o.cloud),
      paymentFingerprint: o.card ?? payFp(rng),
      country: o.country,
      tier: o.tier ?? rng.pick(['tier-3', 'tier-4', 'tier-5']),
      route: o.route ?? 'self-serve',
    },
    o.label,
  );
  const keys = Array.from({ length: o.keys ?? rng.int(1, 3) }, () => keyId(rng));
  return {
    acct,
    keys,
    client: CLIENTS[o.client] as Client,
    ip: () => rng.pick(ips),
    tz: TZ[o.country] ?? 0,
  };
}

/** Pseudonymous end-user ids as apps pass them in `user` / `metadata.user_id`. */
export function endUsers(rng: Rng, n: number, prefix: string): string[] {
  return Array.from({ length: n }, () => `${prefix}${rng.hex(rng.chance(0.5) ? 8 : 12)}`);
}

/** Requests per hour for an app at local hour `h` given a daily volume and shape. */
export function hourly(daily: number, weights: number[], h: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  return (daily * (weights[h] ?? 0)) / total;
}

/** Arrival times of an app's traffic over the run, following a local-time shape. */
export function appArrivals(
  world: World,
  rng: Rng,
  tz: number,
  daily: number,
  shape: number[],
  weekendFactor = 1,
): number[] {
  const out: number[] = [];
  for (let d = 0; d < world.days; d++) {
    const vol = daily * (world.isWeekend(d) ? weekendFactor : 1) * rng.float(0.85, 1.15);
    for (let h = 0; h < 24; h++) {
      const n = rng.poisson(hourly(vol, shape, h));
      const base = world.dayStart(d) + (h - tz) * 3_600_000;
      for (let k = 0; k < n; k++) out.push(base + rng.next() * 3_600_000);
    }
  }
  return out.sort((a, b) => a - b);
}
