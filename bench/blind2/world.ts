/**
 * The simulated world: the provider's model lineup, the calendar, countries, network
 * address plans and client software stacks. Nothing here is taken from the project;
 * the provider ("Kestrel") and its models are invented for this generator.
 */
import { Rng, digestHex } from './rng.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

/** Window start: Monday 2025-11-03 00:00 UTC. */
export const WINDOW_START = Date.UTC(2025, 10, 3, 0, 0, 0);

/** The provider's lineup. `think3` is released during the window. */
export const MODELS = {
  lite: 'kestrel-2-lite',
  pro: 'kestrel-2-pro',
  think: 'kestrel-2-think',
  coder: 'kestrel-2-coder',
  think3: 'kestrel-3-think',
} as const;

export interface ModelProfile {
  ttfbMs: number;
  tokensPerSec: number;
  reasoning: boolean;
}

export const MODEL_PROFILES: Record<string, ModelProfile> = {
  [MODELS.lite]: { ttfbMs: 220, tokensPerSec: 170, reasoning: false },
  [MODELS.pro]: { ttfbMs: 480, tokensPerSec: 75, reasoning: false },
  [MODELS.think]: { ttfbMs: 900, tokensPerSec: 95, reasoning: true },
  [MODELS.coder]: { ttfbMs: 350, tokensPerSec: 110, reasoning: false },
  [MODELS.think3]: { ttfbMs: 1100, tokensPerSec: 85, reasoning: true },
};

/** Window-level settings shared by every family. */
export interface Window {
  start: number;
  days: number;
  end: number;
  /** When `kestrel-3-think` becomes available (a Thursday afternoon, UTC). */
  releaseAt: number;
}

export function makeWindow(days: number): Window {
  const releaseDay = Math.min(3, Math.max(0, days - 2));
  return {
    start: WINDOW_START,
    days,
    end: WINDOW_START + days * DAY,
    releaseAt: WINDOW_START + releaseDay * DAY + 15 * HOUR,
  };
}

export interface Country {
  code: string;
  tz: number;
  /** Relative share of ordinary users. */
  weight: number;
}

export const COUNTRIES: readonly Country[] = [
  { code: 'US', tz: -6, weight: 26 },
  { code: 'GB', tz: 0, weight: 6 },
  { code: 'DE', tz: 1, weight: 5 },
  { code: 'FR', tz: 1, weight: 4 },
  { code: 'IN', tz: 5.5, weight: 10 },
  { code: 'BR', tz: -3, weight: 5 },
  { code: 'JP', tz: 9, weight: 4 },
  { code: 'KR', tz: 9, weight: 3 },
  { code: 'CA', tz: -5, weight: 4 },
  { code: 'AU', tz: 10, weight: 2 },
  { code: 'NL', tz: 1, weight: 2 },
  { code: 'ES', tz: 1, weight: 3 },
  { code: 'IT', tz: 1, weight: 2 },
  { code: 'MX', tz: -6, weight: 3 },
  { code: 'ID', tz: 7, weight: 3 },
  { code: 'VN', tz: 7, weight: 2 },
  { code: 'TH', tz: 7, weight: 1 },
  { code: 'NG', tz: 1, weight: 2 },
  { code: 'KE', tz: 3, weight: 1 },
  { code: 'ET', tz: 3, weight: 0.4 },
  { code: 'UA', tz: 2, weight: 1 },
  { code: 'MY', tz: 8, weight: 1 },
  { code: 'PL', tz: 1, weight: 2 },
  { code: 'SE', tz: 1, weight: 1 },
  { code: 'SG', tz: 8, weight: 1 },
  { code: 'TR', tz: 3, weight: 1.5 },
  { code: 'PH', tz: 8, weight: 1.5 },
  { code: 'EG', tz: 2, weight: 1 },
  { code: 'ZA', tz: 2, weight: 1 },
  { code: 'AR', tz: -3, weight: 1 },
  { code: 'CN', tz: 8, weight: 0.5 },
  { code: 'TW', tz: 8, weight: 1 },
  { code: 'PT', tz: 0, weight: 1 },
  { code: 'LK', tz: 5.5, weight: 0.3 },
];

export function countryOf(code: string): Country {
  return COUNTRIES.find((c) => c.code === code) ?? { code, tz: 0, weight: 1 };
}

export function pickCountry(rng: Rng): Country {
  return rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
}

// ---------------------------------------------------------------------------
// Activity shapes (relative weights per local hour, 0..23)

export type Profile = 'consumer' | 'work' | 'student' | 'flat' | 'night' | 'office-batch';

const SHAPES: Record<Profile, readonly number[]> = {
  consumer: [3, 2, 1, 0.6, 0.4, 0.4, 0.8, 2, 3, 4, 4, 5, 6, 5, 5, 5, 5, 6, 7, 8, 9, 9, 7, 5],
  work: [
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 6, 9, 10, 10, 7, 8, 10, 10, 9, 7, 4, 2, 1.5, 1, 0.6, 0.3,
  ],
  student: [
    5, 3, 1.5, 0.6, 0.3, 0.3, 0.5, 1.5, 2.5, 3, 3.5, 4, 4, 4.5, 5, 6, 7, 7, 7, 8, 9, 9, 8, 7,
  ],
  flat: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  night: [8, 8, 7, 6, 4, 2, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 6, 7, 8, 8],
  'office-batch': [1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 8, 8, 8, 8, 8, 8, 7, 5, 3, 2, 1, 1, 1, 1],
};

/** Weekend damping per profile (1 = no difference). */
const WEEKEND: Record<Profile, number> = {
  consumer: 1.15,
  work: 0.12,
  student: 0.8,
  flat: 1,
  night: 1.1,
  'office-batch': 0.3,
};

/** 0 = Monday … 6 = Sunday, for a window day index. */
export function weekday(day: number): number {
  return ((day % 7) + 7) % 7;
}

export function isWeekend(day: number): boolean {
  return weekday(day) >= 5;
}

/** Relative daily volume factor for a profile on a given window day. */
export function dayFactor(profile: Profile, day: number): number {
  return isWeekend(day) ? WEEKEND[profile] : 1;
}

/**
 * `count` arrival times on window day `day`, following the profile in the account's
 * local time (tz offset in hours), sorted ascending.
 */
export function sampleTimes(
  rng: Rng,
  win: Window,
  day: number,
  count: number,
  profile: Profile,
  tz: number,
): number[] {
  const shape = SHAPES[profile];
  const pairs = shape.map((w, h) => [h, w] as const);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const hour = rng.weighted(pairs);
    const localMs = hour * HOUR + rng.next() * HOUR;
    out.push(win.start + day * DAY + localMs - tz * HOUR);
  }
  return out.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// Address plans

export type NetKind = 'residential' | 'mobile' | 'cloud' | 'university' | 'corporate' | 'hosting';

export interface AddressBlock {
  owner: string;
  kind: NetKind;
  country: string;
  /** Two leading octets. */
  prefix: readonly [number, number];
}

const FIRST_OCTETS = [
  2, 5, 24, 31, 37, 41, 45, 46, 49, 58, 59, 60, 61, 62, 66, 67, 68, 69, 70, 71, 73, 75, 76, 77, 78,
  79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 101, 102, 103, 105, 106, 109,
  110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 128, 129, 130,
  131, 134, 137, 138, 139, 141, 142, 145, 146, 147, 149, 151, 152, 154, 155, 156, 158, 159, 161,
  162, 163, 164, 165, 167, 171, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183, 185, 186,
  187, 188, 189, 190, 191, 193, 194, 195, 196, 197, 200, 201, 202, 206, 207, 208, 209, 210, 211,
  212, 213, 217, 218, 219, 220, 221, 222,
];

/** Allocates distinct /16 blocks for the world's networks. */
export class AddressPlan {
  private used = new Set<string>();
  readonly blocks: AddressBlock[] = [];
  private byOwner = new Map<string, AddressBlock[]>();

  constructor(private readonly rng: Rng) {
    for (const c of COUNTRIES) {
      const isps = c.weight >= 4 ? 4 : c.weight >= 1 ? 3 : 2;
      for (let i = 0; i < isps; i += 1)
        this.alloc(`isp-${c.code}-${i}`, 'residential', c.code, i === 0 ? 3 : 2);
      for (let i = 0; i < 2; i += 1) this.alloc(`carrier-${c.code}-${i}`, 'mobile', c.code, 2);
    }
    for (const cloud of ['cumulo', 'stratus', 'nimbo'])
      this.alloc(`cloud-${cloud}`, 'cloud', 'US', 6);
    this.alloc('cloud-cumulo-eu', 'cloud', 'DE', 3);
    this.alloc('cloud-nimbo-ap', 'cloud', 'SG', 3);
    for (let i = 0; i < 6; i += 1)
      this.alloc(`hosting-${i}`, 'hosting', rng.pick(['NL', 'DE', 'US', 'SG']), 1);
  }

  private alloc(owner: string, kind: NetKind, country: string, count: number): void {
    const list: AddressBlock[] = [];
    for (let i = 0; i < count; i += 1) {
      let a = 0;
      let b = 0;
      do {
        a = this.rng.pick(FIRST_OCTETS);
        b = this.rng.int(0, 255);
      } while (this.used.has(`${a}.${b}`));
      this.used.add(`${a}.${b}`);
      const block: AddressBlock = { owner, kind, country, prefix: [a, b] };
      list.push(block);
      this.blocks.push(block);
    }
    this.byOwner.set(owner, list);
  }

  owned(owner: string): AddressBlock[] {
    const list = this.byOwner.get(owner);
    if (!list) throw new Error(`no address block for ${owner}`);
    return list;
  }

  /** Residential ISP blocks of a country (falls back to the US). */
  residential(country: string): AddressBlock[] {
    const list = this.blocks.filter((b) => b.kind === 'residential' && b.country === country);
    return list.length > 0 ? list : this.residential('US');
  }

  mobile(country: string): AddressBlock[] {
    const list = this.blocks.filter((b) => b.kind === 'mobile' && b.country === country);
    return list.length > 0 ? list : this.mobile('US');
  }

  allResidential(): AddressBlock[] {
    return this.blocks.filter((b) => b.kind === 'residential');
  }
}

export function ipIn(block: AddressBlock, rng: Rng): string {
  return `${block.prefix[0]}.${block.prefix[1]}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A small fixed range (a /28 or /27 inside a block): corporate or campus NAT. */
export function natRange(block: AddressBlock, rng: Rng, size: number): string[] {
  const third = rng.int(0, 255);
  const base = rng.int(0, 255 - size) & ~7;
  const out: string[] = [];
  for (let i = 0; i < size; i += 1)
    out.push(`${block.prefix[0]}.${block.prefix[1]}.${third}.${base + i + 1}`);
  return out;
}

/** How an account's requests reach the gateway; called in time order. */
export interface Net {
  ipAt(ts: number, rng: Rng): string;
  /** IP used at signup. */
  signupIp(rng: Rng): string;
}

/** Home broadband: one address, re-leased now and then; sometimes the phone instead. */
export function homeNet(plan: AddressPlan, country: string, rng: Rng, mobileShare = 0.08): Net {
  const isp = rng.pick(plan.residential(country));
  const carrier = rng.pick(plan.mobile(country));
  let ip = ipIn(isp, rng);
  let leaseUntil = 0;
  return {
    ipAt(ts, r) {
      if (r.chance(mobileShare)) return ipIn(carrier, r);
      if (ts > leaseUntil) {
        if (leaseUntil !== 0 && r.chance(0.35)) ip = ipIn(isp, r);
        leaseUntil = ts + r.range(2, 9) * DAY;
      }
      return ip;
    },
    signupIp: (r) => ipIn(isp, r),
  };
}

/** Phone on a carrier's CGNAT: a new public address most sessions; home Wi-Fi sometimes. */
export function mobileNet(plan: AddressPlan, country: string, rng: Rng): Net {
  const carriers = plan.mobile(country);
  const home = ipIn(rng.pick(plan.residential(country)), rng);
  let ip = ipIn(rng.pick(carriers), rng);
  let last = 0;
  return {
    ipAt(ts, r) {
      if (ts - last > 10 * MINUTE || r.chance(0.25)) {
        ip = r.chance(0.25) ? home : ipIn(r.pick(carriers), r);
      }
      last = ts;
      return ip;
    },
    signupIp: (r) => ipIn(r.pick(carriers), r),
  };
}

/** A fixed pool of addresses (corporate NAT, campus NAT, reseller egress). */
export function poolNet(ips: readonly string[]): Net {
  return {
    ipAt: (_ts, r) => r.pick(ips),
    signupIp: (r) => r.pick(ips),
  };
}

/** A handful of sticky cloud instances. */
export function cloudNet(plan: AddressPlan, owner: string, rng: Rng, instances: number): Net {
  const blocks = plan.owned(owner);
  const ips = Array.from({ length: instances }, () => ipIn(rng.pick(blocks), rng));
  return poolNet(ips);
}

/**
 * Residential proxy pool: every sticky session exits through a random household in one
 * of the given countries, so addresses overlap honest home users' ISPs.
 */
export function proxyNet(
  plan: AddressPlan,
  countries: readonly string[],
  stickyMinutes: number,
  signupFrom?: Net,
): Net {
  let ip = '';
  let until = 0;
  return {
    ipAt(ts, r) {
      if (ts > until || ip === '') {
        ip = ipIn(r.pick(plan.residential(r.pick(countries))), r);
        until = ts + r.range(0.5, 1.5) * stickyMinutes * MINUTE;
      }
      return ip;
    },
    signupIp: (r) =>
      signupFrom ? signupFrom.signupIp(r) : ipIn(r.pick(plan.residential(r.pick(countries))), r),
  };
}

// ---------------------------------------------------------------------------
// Client stacks: User-Agent, TLS fingerprint (JA4-style) and header order

export type Endpoint = 'chat.completions' | 'messages';

export interface Client {
  ua: string;
  ja4: string;
  headers: readonly string[];
  endpoint: Endpoint;
}

/**
 * JA4-style string (FoxIO JA4: protocol, TLS version, SNI, cipher and extension counts,
 * ALPN, then two truncated hashes): fixed per TLS library; here the hashes are of the
 * library name, not of real ClientHello contents.
 */
function ja4(lib: string, head: string): string {
  return `${head}_${digestHex(`${lib}:ciphers`, 12)}_${digestHex(`${lib}:extensions`, 12)}`;
}

const TLS = {
  pyOpenssl: ja4('cpython-openssl3', 't13d1812h1'),
  pyOpensslNoAlpn: ja4('cpython-openssl3-noalpn', 't13d181200'),
  node: ja4('node-openssl3', 't13d1712h1'),
  go: ja4('go-crypto-tls', 't13d1312h2'),
  curl: ja4('curl-openssl', 't13d3113h2'),
  okhttp: ja4('okhttp-conscrypt', 't13d1516h2'),
  apple: ja4('apple-network-framework', 't13d2014h2'),
  rustls: ja4('rustls', 't13d0910h2'),
};

const STAINLESS = [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

export type ClientKind =
  | 'openai-python'
  | 'openai-node'
  | 'anthropic-python'
  | 'anthropic-node'
  | 'curl'
  | 'requests'
  | 'aiohttp'
  | 'go'
  | 'okhttp'
  | 'cfnetwork'
  | 'kestrel-cli'
  | 'rust';

function ver(rng: Rng, major: number, minors: [number, number], patch = 9): string {
  return `${major}.${rng.int(minors[0], minors[1])}.${rng.int(0, patch)}`;
}

/**
 * A client stack of the given kind with a version drawn for this installation.
 * Pass `pinned` to reuse one exact version (a fleet built from one container image).
 */
export function makeClient(kind: ClientKind, rng: Rng, pinned?: string): Client {
  switch (kind) {
    case 'openai-python':
      return {
        ua: `OpenAI/Python ${pinned ?? (rng.chance(0.7) ? ver(rng, 1, [40, 109], 2) : ver(rng, 2, [0, 8], 3))}`,
        ja4: TLS.pyOpenssl,
        headers: [
          'host',
          'accept-encoding',
          'connection',
          'accept',
          'content-type',
          'user-agent',
          ...STAINLESS,
          'authorization',
          'x-stainless-async',
          'x-stainless-retry-count',
          'x-stainless-read-timeout',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'openai-node':
      return {
        ua: `OpenAI/JS ${pinned ?? (rng.chance(0.5) ? ver(rng, 4, [60, 104], 3) : ver(rng, 5, [0, 23], 2))}`,
        ja4: TLS.node,
        headers: [
          'host',
          'connection',
          'content-type',
          'accept',
          'authorization',
          'user-agent',
          ...STAINLESS,
          'x-stainless-retry-count',
          'x-stainless-timeout',
          'accept-language',
          'sec-fetch-mode',
          'accept-encoding',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'anthropic-python':
      return {
        ua: `Anthropic/Python ${pinned ?? ver(rng, 0, [34, 72], 3)}`,
        ja4: TLS.pyOpenssl,
        headers: [
          'host',
          'accept-encoding',
          'connection',
          'accept',
          'content-type',
          'user-agent',
          ...STAINLESS,
          'x-api-key',
          'anthropic-version',
          'x-stainless-async',
          'x-stainless-retry-count',
          'x-stainless-read-timeout',
          'x-stainless-timeout',
          'content-length',
        ],
        endpoint: 'messages',
      };
    case 'anthropic-node':
      return {
        ua: `Anthropic/JS ${pinned ?? ver(rng, 0, [27, 66], 2)}`,
        ja4: TLS.node,
        headers: [
          'host',
          'connection',
          'content-type',
          'accept',
          'anthropic-version',
          'user-agent',
          ...STAINLESS,
          'x-stainless-retry-count',
          'x-stainless-timeout',
          'x-api-key',
          'accept-language',
          'sec-fetch-mode',
          'accept-encoding',
          'content-length',
        ],
        endpoint: 'messages',
      };
    case 'kestrel-cli':
      return {
        ua: `kestrel-cli/${pinned ?? ver(rng, 0, [11, 19], 6)} (external, cli)`,
        ja4: TLS.node,
        headers: [
          'host',
          'connection',
          'content-type',
          'accept',
          'anthropic-version',
          'anthropic-beta',
          'user-agent',
          ...STAINLESS,
          'x-stainless-retry-count',
          'x-stainless-timeout',
          'x-api-key',
          'x-app',
          'accept-language',
          'sec-fetch-mode',
          'accept-encoding',
          'content-length',
        ],
        endpoint: 'messages',
      };
    case 'curl':
      return {
        ua: `curl/${pinned ?? rng.pick(['7.81.0', '7.88.1', '8.5.0', '8.7.1', '8.9.1', '8.11.1'])}`,
        ja4: TLS.curl,
        headers: [
          'host',
          'user-agent',
          'accept',
          'authorization',
          'content-type',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'requests':
      return {
        ua: `python-requests/${pinned ?? rng.pick(['2.28.2', '2.31.0', '2.32.2', '2.32.3', '2.32.4'])}`,
        ja4: TLS.pyOpenssl,
        headers: [
          'host',
          'user-agent',
          'accept-encoding',
          'accept',
          'connection',
          'authorization',
          'content-type',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'aiohttp':
      return {
        ua: `Python/3.${rng.int(10, 12)} aiohttp/${pinned ?? rng.pick(['3.9.5', '3.10.10', '3.11.11', '3.12.13'])}`,
        ja4: TLS.pyOpensslNoAlpn,
        headers: [
          'host',
          'authorization',
          'content-type',
          'accept',
          'accept-encoding',
          'user-agent',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'go':
      return {
        ua: 'Go-http-client/1.1',
        ja4: TLS.go,
        headers: [
          'host',
          'user-agent',
          'content-length',
          'accept',
          'authorization',
          'content-type',
          'accept-encoding',
        ],
        endpoint: 'chat.completions',
      };
    case 'okhttp':
      return {
        ua: `okhttp/${pinned ?? rng.pick(['4.9.3', '4.11.0', '4.12.0', '5.0.0'])}`,
        ja4: TLS.okhttp,
        headers: [
          'host',
          'authorization',
          'content-type',
          'content-length',
          'connection',
          'accept-encoding',
          'user-agent',
        ],
        endpoint: 'chat.completions',
      };
    case 'cfnetwork':
      return {
        ua: `${pinned ?? rng.pick(['Pocketchat', 'AskBox', 'Slate'])}/${rng.int(1, 4)}.${rng.int(0, 12)} CFNetwork/${rng.pick(['1496.0.7', '1568.100.1', '1568.200.51'])} Darwin/${rng.pick(['23.5.0', '24.0.0', '24.1.0'])}`,
        ja4: TLS.apple,
        headers: [
          'host',
          'content-type',
          'accept',
          'authorization',
          'user-agent',
          'accept-language',
          'content-length',
          'accept-encoding',
          'connection',
        ],
        endpoint: 'chat.completions',
      };
    case 'rust':
      return {
        ua: `async-openai/${pinned ?? rng.pick(['0.23.4', '0.24.1', '0.26.0', '0.28.1'])}`,
        ja4: TLS.rustls,
        headers: [
          'host',
          'authorization',
          'content-type',
          'accept',
          'user-agent',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
  }
}

// ---------------------------------------------------------------------------
// Names and e-mail addresses

export const FIRST_NAMES = [
  'james',
  'maria',
  'wei',
  'aisha',
  'lukas',
  'sofia',
  'arjun',
  'yuki',
  'olga',
  'diego',
  'fatima',
  'noah',
  'emma',
  'kenji',
  'priya',
  'mateo',
  'chloe',
  'omar',
  'ines',
  'tomas',
  'hana',
  'david',
  'lea',
  'ravi',
  'ana',
  'jonas',
  'mei',
  'kwame',
  'nadia',
  'felix',
  'sara',
  'ivan',
  'lucia',
  'ahmed',
  'julia',
  'minh',
  'zara',
  'pedro',
  'elif',
  'samuel',
  'grace',
  'hiro',
  'amara',
  'leon',
  'nora',
  'viktor',
  'camila',
  'tariq',
  'ella',
  'ben',
  'rosa',
  'kai',
  'anya',
  'joao',
  'linh',
  'musa',
  'ayla',
  'oscar',
  'bea',
  'dmytro',
  'siti',
  'kavya',
  'chidi',
  'marta',
  'alex',
  'sam',
  'jordan',
];

export const LAST_NAMES = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'muller',
  'rossi',
  'patel',
  'tanaka',
  'ivanova',
  'lopez',
  'ali',
  'brown',
  'martin',
  'sato',
  'sharma',
  'fernandez',
  'dubois',
  'hassan',
  'silva',
  'novak',
  'kim',
  'cohen',
  'weber',
  'nguyen',
  'okafor',
  'haddad',
  'johansson',
  'kowalski',
  'santos',
  'yilmaz',
  'park',
  'rahman',
  'moreau',
  'wong',
  'mensah',
  'lee',
  'fischer',
  'costa',
  'bianchi',
  'singh',
  'abebe',
  'tran',
  'schmidt',
  'ortiz',
  'nakamura',
  'adeyemi',
  'petrenko',
  'aziz',
];

const PERSONAL_DOMAINS: readonly (readonly [string, number])[] = [
  ['gmail.com', 50],
  ['outlook.com', 10],
  ['hotmail.com', 6],
  ['yahoo.com', 6],
  ['icloud.com', 7],
  ['proton.me', 4],
  ['gmx.de', 2],
  ['web.de', 1],
  ['naver.com', 1.5],
  ['qq.com', 0.6],
  ['fastmail.com', 1],
  ['yandex.com', 0.8],
];

export function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)];
}

/** A personal address in one of the usual styles. */
export function personalEmail(rng: Rng, domain?: string): string {
  const [f, l] = personName(rng);
  const d = domain ?? rng.weighted(PERSONAL_DOMAINS);
  const style = rng.int(0, 5);
  const local =
    style === 0
      ? `${f}.${l}`
      : style === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : style === 2
          ? `${f[0] ?? 'x'}${l}`
          : style === 3
            ? `${f}_${rng.int(1970, 2008)}`
            : style === 4
              ? `${l}.${f}${rng.int(1, 9)}`
              : `${f}${rng.alnum(3).toLowerCase()}`;
  return `${local}@${d}`;
}

export function workEmail(rng: Rng, domain: string): string {
  const [f, l] = personName(rng);
  return rng.chance(0.7) ? `${f}.${l}@${domain}` : `${f[0] ?? 'x'}${l}@${domain}`;
}
