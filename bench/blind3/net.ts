// Where traffic comes from: countries with their UTC offsets and residential ISP prefixes,
// mobile carrier-grade NAT ranges, cloud provider ranges, corporate NAT blocks and
// residential-proxy exit pools. Prefixes are chosen to look like the real allocations of
// each kind; the exact second octets are fixed per seed.
import type { Rng } from './rng.js';

export interface Country {
  code: string;
  /** Candidate UTC offsets in hours (a country with several zones lists several). */
  tz: number[];
  /** First octets typical of residential broadband there. */
  resi: number[];
  mobile: number[];
}

export const COUNTRIES: Record<string, Country> = {
  US: {
    code: 'US',
    tz: [-5, -6, -7, -8],
    resi: [24, 67, 68, 71, 73, 76, 98, 107],
    mobile: [172, 174],
  },
  CA: { code: 'CA', tz: [-5, -8], resi: [70, 142, 184], mobile: [174] },
  GB: { code: 'GB', tz: [0], resi: [81, 86, 90, 109], mobile: [148, 92] },
  DE: { code: 'DE', tz: [1], resi: [79, 84, 91, 93], mobile: [80, 109] },
  FR: { code: 'FR', tz: [1], resi: [78, 86, 90, 92], mobile: [37, 80] },
  NL: { code: 'NL', tz: [1], resi: [77, 84, 145], mobile: [62] },
  ES: { code: 'ES', tz: [1], resi: [79, 83, 88], mobile: [37] },
  PL: { code: 'PL', tz: [1], resi: [31, 37, 83, 89], mobile: [46] },
  TR: { code: 'TR', tz: [3], resi: [78, 85, 88, 176], mobile: [31, 46] },
  IN: { code: 'IN', tz: [5.5], resi: [49, 106, 117, 122], mobile: [49, 223] },
  BD: { code: 'BD', tz: [6], resi: [37, 103, 118], mobile: [103] },
  VN: { code: 'VN', tz: [7], resi: [14, 42, 113, 171], mobile: [27, 116] },
  ID: { code: 'ID', tz: [7, 8], resi: [36, 114, 180], mobile: [114, 182] },
  PH: { code: 'PH', tz: [8], resi: [112, 120, 49], mobile: [175] },
  SG: { code: 'SG', tz: [8], resi: [116, 118, 220], mobile: [101] },
  JP: { code: 'JP', tz: [9], resi: [60, 118, 126], mobile: [1, 49] },
  KR: { code: 'KR', tz: [9], resi: [121, 175, 211], mobile: [223] },
  AU: { code: 'AU', tz: [10, 8], resi: [1, 101, 120], mobile: [49] },
  BR: { code: 'BR', tz: [-3], resi: [177, 179, 189, 201], mobile: [191] },
  MX: { code: 'MX', tz: [-6], resi: [187, 189, 201], mobile: [200] },
  NG: { code: 'NG', tz: [1], resi: [102, 105, 197], mobile: [102, 197] },
  KE: { code: 'KE', tz: [3], resi: [41, 105, 197], mobile: [105] },
  EG: { code: 'EG', tz: [2], resi: [41, 156, 197], mobile: [197] },
  PK: { code: 'PK', tz: [5], resi: [39, 111, 182], mobile: [39] },
};

/** Rough share of API signups by country for the ordinary population. */
export const COUNTRY_MIX: [string, number][] = [
  ['US', 30],
  ['IN', 10],
  ['GB', 6],
  ['DE', 5],
  ['CA', 4],
  ['FR', 4],
  ['BR', 4],
  ['JP', 3],
  ['KR', 3],
  ['AU', 2],
  ['NL', 2],
  ['ES', 2],
  ['PL', 2],
  ['TR', 2],
  ['VN', 2],
  ['ID', 2],
  ['PH', 1.5],
  ['SG', 1.5],
  ['MX', 1.5],
  ['NG', 1.5],
  ['KE', 1],
  ['EG', 1],
  ['PK', 1],
  ['BD', 1],
];

export const CLOUDS: Record<string, [number, number][]> = {
  aws: [
    [3, 80],
    [18, 204],
    [34, 192],
    [44, 192],
    [52, 0],
    [54, 144],
  ],
  gcp: [
    [34, 64],
    [35, 184],
    [34, 118],
  ],
  azure: [
    [20, 36],
    [40, 76],
    [52, 146],
  ],
  hetzner: [
    [65, 108],
    [88, 198],
    [95, 216],
    [135, 181],
  ],
  ovh: [
    [51, 38],
    [51, 68],
    [54, 36],
    [137, 74],
  ],
  digitalocean: [
    [159, 89],
    [165, 22],
    [167, 99],
    [206, 189],
  ],
  alibaba: [
    [47, 74],
    [8, 219],
  ],
};

const BUSINESS_FIRST = [12, 38, 50, 63, 64, 66, 69, 96, 199, 204, 207, 208, 216];

/** Per-seed ISP table: each country gets a handful of /16s (an ISP each). */
export class Network {
  private isps = new Map<string, [number, number][]>();
  private mob = new Map<string, [number, number][]>();
  constructor(private rng: Rng) {
    for (const c of Object.values(COUNTRIES)) {
      const list: [number, number][] = [];
      for (const a of c.resi) for (let i = 0; i < 3; i++) list.push([a, rng.int(1, 254)]);
      this.isps.set(c.code, list);
      const m: [number, number][] = [];
      for (const a of c.mobile) for (let i = 0; i < 2; i++) m.push([a, rng.int(1, 254)]);
      this.mob.set(c.code, m);
    }
    // T-Mobile US style CGNAT sits in 172.32.0.0/11.
    this.mob.set('US', [
      [172, 56],
      [172, 58],
      [172, 59],
      [174, 205],
      [174, 212],
    ]);
  }

  resiPrefix(country: string, r: Rng): [number, number] {
    return r.pick(this.isps.get(country) ?? this.isps.get('US')!);
  }

  /** A home broadband address: stable /24 for the household, last octet may churn. */
  home(country: string, r: Rng): string {
    const [a, b] = this.resiPrefix(country, r);
    return `${a}.${b}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }

  /** Carrier-grade NAT exit: a small pool shared by very many subscribers. */
  mobile(country: string, r: Rng): string {
    const [a, b] = r.pick(this.mob.get(country) ?? this.mob.get('US')!);
    return `${a}.${b}.${r.int(0, 15)}.${r.int(1, 254)}`;
  }

  cloud(provider: string, r: Rng): string {
    const [a, b] = r.pick(CLOUDS[provider] ?? CLOUDS['aws']!);
    return `${a}.${b + r.int(0, 7)}.${r.int(0, 255)}.${r.int(1, 254)}`;
  }

  /** A /28 of business fibre, the egress of one organisation's NAT. */
  corporateBlock(r: Rng): string[] {
    const base = `${r.pick(BUSINESS_FIRST)}.${r.int(1, 254)}.${r.int(0, 255)}`;
    const start = r.int(0, 15) * 16;
    return Array.from({ length: 4 }, (_, i) => `${base}.${start + 1 + i}`);
  }

  /** Residential proxy: each exit is a real-looking home address somewhere in the pool. */
  proxyExit(countries: string[], r: Rng): { ip: string; country: string } {
    const country = r.pick(countries);
    return { ip: this.home(country, r), country };
  }
}

export function tzFor(country: string, r: Rng): number {
  return r.pick(COUNTRIES[country]?.tz ?? [0]);
}
