/**
 * Who a request appears to come from: key id, IP address and client fingerprint, per
 * request. Honest users keep a home address and one or two clients; organisations share a
 * /24; resellers spread many accounts over a few datacenter prefixes; rotating campaigns
 * change client and address every few requests.
 */
import {
  CLIENTS,
  fingerprintOf,
  ipIn,
  proxyExitIp,
  randomFingerprint,
  residentialIp,
  type Fingerprint,
} from './network.js';
import type { Rng } from './prng.js';

/** The identity of one request. */
export interface RequestIdentity {
  key: string;
  ip: string;
  fp: Fingerprint;
}

/** Produces the identity of each request. */
export type IdentitySource = (rng: Rng, index: number) => RequestIdentity;

/** A home user: one main address (some mobile roaming), one main client. */
export function homeIdentity(keys: string[], ips: string[], fps: Fingerprint[]): IdentitySource {
  return (rng) => ({
    key: keys.length > 1 && rng.chance(0.2) ? rng.pick(keys) : (keys[0] as string),
    ip: ips.length > 1 && rng.chance(0.15) ? rng.pick(ips) : (ips[0] as string),
    fp: fps.length > 1 && rng.chance(0.15) ? rng.pick(fps) : (fps[0] as Fingerprint),
  });
}

/** Behind shared egress: addresses drawn from a set of /24 prefixes. */
export function pooledIdentity(
  keys: string[],
  prefixes: string[],
  fps: Fingerprint[],
  hosts: [number, number] = [1, 254],
): IdentitySource {
  return (rng) => ({
    key: keys.length > 1 ? rng.pick(keys) : (keys[0] as string),
    ip: ipIn(rng, rng.pick(prefixes), hosts[0], hosts[1]),
    fp: fps.length > 1 ? rng.pick(fps) : (fps[0] as Fingerprint),
  });
}

/**
 * Rotating fingerprints through a residential proxy: a new client string and address every
 * `every` requests. With `leakTls` the TLS stack underneath stays the same (JA4 unchanged)
 * while the User-Agent and header order are spoofed.
 */
export function rotatingIdentity(
  keys: string[],
  every: number,
  leakTls: boolean,
  endpointClients: string[],
): IdentitySource {
  const stackJa4 = fingerprintOf(CLIENTS[5] as (typeof CLIENTS)[number], '2.32.3').ja4;
  let current: RequestIdentity | undefined;
  return (rng, index) => {
    if (!current || index % every === 0) {
      const fp = randomFingerprint(rng, rng.pick(endpointClients));
      current = {
        key: rng.pick(keys),
        ip: residentialIp(rng),
        fp: leakTls ? { ...fp, ja4: stackJa4 } : fp,
      };
    }
    return current;
  };
}

/**
 * Through a residential-proxy pool: one key and client, a new exit address every 1–3 requests
 * (per request, or sticky for a short session).
 */
export function proxyPoolIdentity(rng: Rng, key: string, fp: Fingerprint): IdentitySource {
  const sticky = rng.int(1, 3);
  let ip = proxyExitIp(rng);
  return (r, index) => {
    if (index % sticky === 0) ip = proxyExitIp(r);
    return { key, ip, fp };
  };
}
