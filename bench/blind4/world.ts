// The invented world: the "Halcyon" API provider, its models, the countries and
// networks its customers come from, the SDK clients they use, and the helpers
// that turn a persona's intent into a telemetry event in the contract shape.
import type { Rng } from './rng.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MIN = 60_000;

// ---------------------------------------------------------------- models

export const M = {
  flagship: 'halcyon-2',
  pinned: 'halcyon-2-2026-07-22',
  mini: 'halcyon-2-mini',
  think: 'halcyon-think-1',
  next: 'halcyon-3', // released mid-window
} as const;

export interface WorldTime {
  start: number;
  end: number;
  days: number;
  release: number; // when halcyon-3 became available
}

export function makeTime(days: number): WorldTime {
  // Monday 2026-11-16 00:00 UTC; the window is fixed so output depends only on options.
  const start = Date.UTC(2026, 10, 16);
  const end = start + days * DAY;
  const release = start + Math.max(1, Math.floor(days / 2)) * DAY + 17 * HOUR;
  return { start, end, days, release };
}

// ---------------------------------------------------------------- countries & networks

export interface Country {
  code: string;
  tz: number; // hours from UTC (no DST in this window except where noted)
  res: string[]; // residential ISP prefixes (first two octets)
  mob: string[]; // mobile carrier CGNAT prefixes
  mail: string[];
  weight: number;
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    tz: -5,
    res: ['73.12', '98.207', '24.130', '71.59', '47.144', '67.180', '108.28'],
    mob: ['172.58', '174.204'],
    mail: ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'hotmail.com'],
    weight: 26,
  },
  {
    code: 'US-W',
    tz: -8,
    res: ['76.102', '99.8', '50.47', '68.4'],
    mob: ['172.56', '174.215'],
    mail: ['gmail.com', 'icloud.com', 'outlook.com'],
    weight: 12,
  },
  {
    code: 'GB',
    tz: 0,
    res: ['86.150', '81.98', '92.40', '2.125'],
    mob: ['148.252', '82.132'],
    mail: ['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk'],
    weight: 7,
  },
  {
    code: 'DE',
    tz: 1,
    res: ['91.64', '84.150', '79.210', '93.221'],
    mob: ['80.187', '109.43'],
    mail: ['gmail.com', 'web.de', 'gmx.de', 't-online.de'],
    weight: 6,
  },
  {
    code: 'FR',
    tz: 1,
    res: ['90.3', '86.246', '82.64', '176.150'],
    mob: ['37.171', '92.184'],
    mail: ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net'],
    weight: 4,
  },
  {
    code: 'PL',
    tz: 1,
    res: ['83.24', '89.64', '178.37'],
    mob: ['31.0', '46.112'],
    mail: ['gmail.com', 'wp.pl', 'o2.pl'],
    weight: 2,
  },
  {
    code: 'IN',
    tz: 5.5,
    res: ['117.199', '122.161', '49.36', '106.51'],
    mob: ['157.48', '223.181', '42.106'],
    mail: ['gmail.com', 'yahoo.in', 'outlook.com', 'rediffmail.com'],
    weight: 10,
  },
  {
    code: 'JP',
    tz: 9,
    res: ['126.20', '60.87', '153.232', '219.100'],
    mob: ['49.96', '1.75'],
    mail: ['gmail.com', 'yahoo.co.jp', 'icloud.com'],
    weight: 4,
  },
  {
    code: 'KR',
    tz: 9,
    res: ['121.134', '175.192', '211.36'],
    mob: ['223.38', '39.7'],
    mail: ['gmail.com', 'naver.com', 'daum.net'],
    weight: 3,
  },
  {
    code: 'SG',
    tz: 8,
    res: ['116.86', '118.189', '175.156'],
    mob: ['111.65', '42.60'],
    mail: ['gmail.com', 'outlook.com'],
    weight: 2,
  },
  {
    code: 'BR',
    tz: -3,
    res: ['177.38', '189.6', '187.10', '201.17'],
    mob: ['191.32', '179.97'],
    mail: ['gmail.com', 'hotmail.com', 'outlook.com', 'uol.com.br'],
    weight: 5,
  },
  {
    code: 'MX',
    tz: -6,
    res: ['187.190', '189.203', '201.141'],
    mob: ['187.145', '200.68'],
    mail: ['gmail.com', 'hotmail.com', 'outlook.com'],
    weight: 2,
  },
  {
    code: 'CA',
    tz: -5,
    res: ['174.112', '99.229', '70.50'],
    mob: ['142.169', '24.114'],
    mail: ['gmail.com', 'outlook.com', 'yahoo.ca'],
    weight: 3,
  },
  {
    code: 'AU',
    tz: 11,
    res: ['101.160', '120.148', '49.180'],
    mob: ['1.136', '110.145'],
    mail: ['gmail.com', 'outlook.com', 'bigpond.com'],
    weight: 2,
  },
  {
    code: 'NG',
    tz: 1,
    res: ['105.112', '197.210', '41.184'],
    mob: ['102.89', '105.113', '197.211'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 2,
  },
  {
    code: 'KE',
    tz: 3,
    res: ['41.90', '105.163', '197.232'],
    mob: ['105.160', '41.80', '197.237'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 1.5,
  },
  {
    code: 'ET',
    tz: 3,
    res: ['196.188', '197.156'],
    mob: ['196.189', '196.191'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 0.6,
  },
  {
    code: 'PH',
    tz: 8,
    res: ['112.198', '120.28', '49.145'],
    mob: ['175.176', '110.54'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 2,
  },
  {
    code: 'BD',
    tz: 6,
    res: ['103.108', '202.134', '27.147'],
    mob: ['37.111', '103.67'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 1.2,
  },
  {
    code: 'NP',
    tz: 5.75,
    res: ['110.44', '27.34', '36.252'],
    mob: ['113.199', '27.34'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 0.5,
  },
  {
    code: 'VN',
    tz: 7,
    res: ['113.161', '14.232', '171.252'],
    mob: ['27.72', '116.96'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 1.5,
  },
  {
    code: 'ID',
    tz: 7,
    res: ['36.72', '114.124', '180.252'],
    mob: ['114.10', '182.1'],
    mail: ['gmail.com', 'yahoo.co.id'],
    weight: 2,
  },
  {
    code: 'ZA',
    tz: 2,
    res: ['41.13', '105.224', '197.245'],
    mob: ['41.114', '105.245'],
    mail: ['gmail.com', 'outlook.com'],
    weight: 1,
  },
  {
    code: 'IS',
    tz: 0,
    res: ['157.157', '85.220'],
    mob: ['31.209'],
    mail: ['gmail.com', 'simnet.is'],
    weight: 0.2,
  },
  {
    code: 'KH',
    tz: 7,
    res: ['175.100', '36.37'],
    mob: ['103.197'],
    mail: ['gmail.com'],
    weight: 0.3,
  },
  {
    code: 'UA',
    tz: 2,
    res: ['93.74', '176.36', '46.211'],
    mob: ['31.144', '46.133'],
    mail: ['gmail.com', 'ukr.net', 'i.ua'],
    weight: 1.5,
  },
  {
    code: 'ES',
    tz: 1,
    res: ['83.45', '88.26', '79.148'],
    mob: ['85.58', '37.35'],
    mail: ['gmail.com', 'hotmail.es', 'yahoo.es'],
    weight: 2,
  },
  {
    code: 'NL',
    tz: 1,
    res: ['84.86', '77.163', '145.53'],
    mob: ['62.140', '31.20'],
    mail: ['gmail.com', 'ziggo.nl', 'outlook.com'],
    weight: 2,
  },
  {
    code: 'TR',
    tz: 3,
    res: ['78.174', '88.230', '176.88'],
    mob: ['31.223', '149.0'],
    mail: ['gmail.com', 'hotmail.com'],
    weight: 1.5,
  },
  {
    code: 'EG',
    tz: 2,
    res: ['41.233', '156.210', '197.35'],
    mob: ['41.43', '156.196'],
    mail: ['gmail.com', 'yahoo.com'],
    weight: 1,
  },
];

export function country(code: string): Country {
  const c = COUNTRIES.find((x) => x.code === code);
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}

export function pickCountry(rng: Rng): Country {
  return rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
}

/** Account-level country code as a provider would store it (US-W is still US). */
export function isoCountry(c: Country): string {
  return c.code.replace(/-.*$/, '');
}

export const CLOUDS: Record<string, string[]> = {
  aws: ['3.88', '18.207', '34.201', '44.199', '52.14', '54.174', '35.171'],
  gcp: ['34.82', '35.196', '34.145', '104.196'],
  azure: ['20.42', '40.76', '52.151', '13.89'],
  hetzner: ['5.75', '65.108', '95.216', '135.181'],
  ovh: ['51.38', '51.75', '141.94'],
  digitalocean: ['159.89', '167.99', '164.92', '143.198'],
  oracle: ['129.153', '150.136', '152.67'],
};

export const VPN_EXITS = ['146.70', '185.156', '149.88', '89.187', '193.32'];

function ipIn(rng: Rng, prefix: string): string {
  return `${prefix}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A stable small pool of addresses (an office NAT, a CGNAT pool slice, a cloud subnet). */
export function natPool(rng: Rng, prefix: string, size: number): string[] {
  const third = rng.int(0, 255);
  const base = rng.int(1, 250 - size);
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(`${prefix}.${third}.${base + i}`);
  return out;
}

export type EgressKind = 'home' | 'mobile' | 'office' | 'cloud' | 'vpn' | 'resproxy' | 'pool';

/** Where one account's requests come from over time. */
export class Egress {
  private current: string;
  private changeAt: number;
  constructor(
    private readonly rng: Rng,
    readonly kind: EgressKind,
    private readonly prefixes: string[],
    private readonly pool: string[] = [],
    private readonly stickyMs = 20 * MIN,
  ) {
    this.current = this.fresh();
    this.changeAt = 0;
  }

  private fresh(): string {
    if (this.pool.length) return this.rng.pick(this.pool);
    return ipIn(this.rng, this.rng.pick(this.prefixes));
  }

  first(): string {
    return this.current;
  }

  at(ts: number): string {
    switch (this.kind) {
      case 'home':
        // Dynamic residential addresses renew every few days.
        if (ts > this.changeAt) {
          if (this.changeAt !== 0) this.current = this.fresh();
          this.changeAt = ts + this.rng.exp(4 * DAY);
        }
        return this.current;
      case 'mobile':
        if (ts > this.changeAt) {
          this.current = this.fresh();
          this.changeAt = ts + this.rng.exp(3 * HOUR);
        }
        return this.current;
      case 'office':
      case 'pool':
      case 'cloud':
        return this.pool.length ? this.rng.pick(this.pool) : this.current;
      case 'vpn':
        if (ts > this.changeAt) {
          this.current = this.fresh();
          this.changeAt = ts + this.rng.exp(8 * HOUR);
        }
        return this.current;
      case 'resproxy':
        if (ts > this.changeAt) {
          this.current = this.fresh();
          this.changeAt = ts + this.rng.exp(this.stickyMs);
        }
        return this.current;
    }
  }
}

export function homeEgress(rng: Rng, c: Country): Egress {
  return new Egress(rng, 'home', c.res);
}
export function mobileEgress(rng: Rng, c: Country): Egress {
  return new Egress(rng, 'mobile', c.mob);
}
export function cloudEgress(rng: Rng, cloud: keyof typeof CLOUDS | string, size = 2): Egress {
  const prefixes = CLOUDS[cloud] ?? CLOUDS.aws ?? [];
  return new Egress(rng, 'cloud', prefixes, natPool(rng, rng.pick(prefixes), size));
}
/** Residential proxy: exits in home ranges of the given countries, sticky for a while. */
export function resProxyEgress(rng: Rng, countries: Country[], stickyMs = 20 * MIN): Egress {
  const prefixes = countries.flatMap((c) => [...c.res, ...c.res, ...c.mob]);
  return new Egress(rng, 'resproxy', prefixes, [], stickyMs);
}
export function vpnEgress(rng: Rng): Egress {
  return new Egress(rng, 'vpn', VPN_EXITS);
}
export function poolEgress(rng: Rng, pool: string[], kind: EgressKind = 'office'): Egress {
  return new Egress(rng, kind, [], pool);
}

// ---------------------------------------------------------------- clients

export type Api = 'openai' | 'anthropic';

export interface Client {
  name: string;
  api: Api;
  userAgent: string;
  headerOrder: string[];
  ja4: string;
}

const STAINLESS = [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

// TLS fingerprints of the stacks (invented but in JA4 form).
const JA4 = {
  pyOpenssl3: 't13d1812h1_85036bcba153_375ca2c5e164',
  pyOpenssl11: 't13d1713h1_5b57614c22b0_eca864cca44a',
  pyOpenssl3h2: 't13d1812h2_85036bcba153_b0da82dd1658',
  node20: 't13d1516h1_8daaf6152771_e5627efa2ab1',
  node22: 't13d1517h1_8daaf6152771_d8a2da3f94cd',
  go: 't13d1311h2_f57a46bbacb6_ab7e3b40a677',
  curl: 't13d3112h2_e8f1e7e78f70_6bebaf5329ac',
  okhttp: 't13d1612h2_46e7e9700bed_c4e0d2f6b3a1',
  chrome: 't13d1516h2_8daaf6152771_02713d6af862',
  firefox: 't13d1715h2_5b57614c22b0_3d5424432f57',
  safari: 't13d2014h2_a09f3c656075_14788d8d241b',
  electron: 't13d1516h2_8daaf6152771_b1ff8ab2d16f',
  dotnet: 't12d1209h2_d34a8e72043a_b39be8c56a14',
  rustls: 't13d0912h2_f91f431d341e_dc02b1d7e2c7',
};

const OSES = [
  ['Linux', 'x64', 6],
  ['MacOS', 'arm64', 4],
  ['MacOS', 'x64', 1],
  ['Windows', 'x64', 2],
] as const;

export type ClientKind =
  | 'openai-py'
  | 'openai-node'
  | 'anthropic-py'
  | 'anthropic-ts'
  | 'requests'
  | 'aiohttp'
  | 'httpx-raw'
  | 'curl'
  | 'go'
  | 'okhttp'
  | 'dotnet'
  | 'browser'
  | 'ide'
  | 'litellm'
  | 'rust';

export function makeClient(rng: Rng, kind: ClientKind): Client {
  const os = rng.weighted(OSES.map((o) => [o, o[2]] as const));
  switch (kind) {
    case 'openai-py': {
      const v = rng.pick(['1.51.2', '1.54.4', '1.55.3', '1.57.0', '1.58.1', '1.59.7', '1.61.0']);
      return {
        name: kind,
        api: 'openai',
        userAgent: `OpenAI/Python ${v}`,
        headerOrder: [
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
        ja4: rng.chance(0.75) ? JA4.pyOpenssl3 : JA4.pyOpenssl11,
      };
    }
    case 'litellm': {
      const v = rng.pick(['1.52.6', '1.53.1', '1.55.0']);
      return {
        name: kind,
        api: 'openai',
        userAgent: `litellm/${v}`,
        headerOrder: [
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
          'content-length',
        ],
        ja4: JA4.pyOpenssl3,
      };
    }
    case 'openai-node': {
      const v = rng.pick(['4.67.3', '4.71.1', '4.73.0', '4.76.2', '4.77.0']);
      return {
        name: kind,
        api: 'openai',
        userAgent: `OpenAI/JS ${v}`,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'accept',
          'authorization',
          'user-agent',
          ...STAINLESS,
          'x-stainless-retry-count',
          'accept-encoding',
          'content-length',
        ],
        ja4: rng.chance(0.6) ? JA4.node20 : JA4.node22,
      };
    }
    case 'anthropic-py': {
      const v = rng.pick(['0.39.0', '0.40.0', '0.42.0', '0.43.1']);
      return {
        name: kind,
        api: 'anthropic',
        userAgent: `Anthropic/Python ${v}`,
        headerOrder: [
          'host',
          'accept-encoding',
          'connection',
          'accept',
          'content-type',
          'user-agent',
          ...STAINLESS,
          'anthropic-version',
          'x-api-key',
          'x-stainless-async',
          'x-stainless-retry-count',
          'content-length',
        ],
        ja4: rng.chance(0.75) ? JA4.pyOpenssl3 : JA4.pyOpenssl11,
      };
    }
    case 'anthropic-ts': {
      const v = rng.pick(['0.32.1', '0.33.1', '0.36.3']);
      return {
        name: kind,
        api: 'anthropic',
        userAgent: `Anthropic/JS ${v}`,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'accept',
          'anthropic-version',
          'x-api-key',
          'user-agent',
          ...STAINLESS,
          'x-stainless-retry-count',
          'accept-encoding',
          'content-length',
        ],
        ja4: rng.chance(0.6) ? JA4.node20 : JA4.node22,
      };
    }
    case 'requests': {
      const v = rng.pick(['2.31.0', '2.32.2', '2.32.3']);
      return {
        name: kind,
        api: rng.chance(0.8) ? 'openai' : 'anthropic',
        userAgent: `python-requests/${v}`,
        headerOrder: [
          'host',
          'user-agent',
          'accept-encoding',
          'accept',
          'connection',
          'authorization',
          'content-type',
          'content-length',
        ],
        ja4: rng.chance(0.7) ? JA4.pyOpenssl3 : JA4.pyOpenssl11,
      };
    }
    case 'aiohttp': {
      const py = rng.pick(['3.10', '3.11', '3.12']);
      const v = rng.pick(['3.9.5', '3.10.10', '3.11.2']);
      return {
        name: kind,
        api: 'openai',
        userAgent: `Python/${py} aiohttp/${v}`,
        headerOrder: [
          'host',
          'authorization',
          'content-type',
          'accept',
          'accept-encoding',
          'user-agent',
          'content-length',
        ],
        ja4: JA4.pyOpenssl3,
      };
    }
    case 'httpx-raw': {
      const v = rng.pick(['0.27.0', '0.27.2', '0.28.1']);
      return {
        name: kind,
        api: rng.chance(0.5) ? 'openai' : 'anthropic',
        userAgent: `python-httpx/${v}`,
        headerOrder: [
          'host',
          'accept',
          'accept-encoding',
          'connection',
          'user-agent',
          'authorization',
          'content-type',
          'content-length',
        ],
        ja4: JA4.pyOpenssl3h2,
      };
    }
    case 'curl': {
      const v = rng.pick(['7.81.0', '8.5.0', '8.7.1', '8.11.0']);
      return {
        name: kind,
        api: rng.chance(0.7) ? 'openai' : 'anthropic',
        userAgent: `curl/${v}`,
        headerOrder: [
          'host',
          'user-agent',
          'accept',
          'authorization',
          'content-type',
          'content-length',
        ],
        ja4: JA4.curl,
      };
    }
    case 'go':
      return {
        name: kind,
        api: 'openai',
        userAgent: rng.chance(0.6)
          ? 'Go-http-client/2.0'
          : `go-openai/${rng.pick(['1.32.0', '1.35.6', '1.36.0'])}`,
        headerOrder: [
          'host',
          'user-agent',
          'content-length',
          'accept',
          'authorization',
          'content-type',
          'accept-encoding',
        ],
        ja4: JA4.go,
      };
    case 'okhttp':
      return {
        name: kind,
        api: 'openai',
        userAgent: `okhttp/${rng.pick(['4.11.0', '4.12.0', '5.0.0-alpha.14'])}`,
        headerOrder: [
          'host',
          'authorization',
          'content-type',
          'content-length',
          'connection',
          'accept-encoding',
          'user-agent',
        ],
        ja4: JA4.okhttp,
      };
    case 'dotnet':
      return {
        name: kind,
        api: 'openai',
        userAgent: `OpenAI/.NET ${rng.pick(['2.0.0', '2.1.0'])} (.NET 8.0.${rng.int(4, 11)}; Microsoft Windows 10.0.20348)`,
        headerOrder: [
          'host',
          'accept',
          'user-agent',
          'authorization',
          'content-type',
          'content-length',
        ],
        ja4: JA4.dotnet,
      };
    case 'rust':
      return {
        name: kind,
        api: 'openai',
        userAgent: `async-openai/${rng.pick(['0.24.1', '0.26.0'])}`,
        headerOrder: ['content-type', 'authorization', 'accept', 'host', 'content-length'],
        ja4: JA4.rustls,
      };
    case 'browser': {
      const which = rng.weighted([
        ['chrome', 6],
        ['firefox', 1.5],
        ['safari', 2],
      ] as const);
      const chromeV = rng.int(128, 131);
      const ua =
        which === 'chrome'
          ? `Mozilla/5.0 (${os[0] === 'Windows' ? 'Windows NT 10.0; Win64; x64' : 'Macintosh; Intel Mac OS X 10_15_7'}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${chromeV}.0.0.0 Safari/537.36`
          : which === 'firefox'
            ? `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${rng.int(130, 133)}.0) Gecko/20100101 Firefox/${rng.int(130, 133)}.0`
            : `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.${rng.int(0, 2)} Safari/605.1.15`;
      const order =
        which === 'chrome'
          ? [
              'host',
              'connection',
              'content-length',
              'sec-ch-ua-platform',
              'authorization',
              'sec-ch-ua',
              'content-type',
              'sec-ch-ua-mobile',
              'user-agent',
              'accept',
              'origin',
              'sec-fetch-site',
              'sec-fetch-mode',
              'sec-fetch-dest',
              'referer',
              'accept-encoding',
              'accept-language',
              'priority',
            ]
          : which === 'firefox'
            ? [
                'host',
                'user-agent',
                'accept',
                'accept-language',
                'accept-encoding',
                'referer',
                'content-type',
                'authorization',
                'content-length',
                'origin',
                'connection',
                'sec-fetch-dest',
                'sec-fetch-mode',
                'sec-fetch-site',
                'priority',
              ]
            : [
                'host',
                'content-type',
                'origin',
                'accept-encoding',
                'connection',
                'accept',
                'user-agent',
                'authorization',
                'referer',
                'content-length',
                'accept-language',
                'sec-fetch-dest',
                'sec-fetch-site',
                'sec-fetch-mode',
              ];
      return {
        name: `browser-${which}`,
        api: 'openai',
        userAgent: ua,
        headerOrder: order,
        ja4: JA4[which],
      };
    }
    case 'ide': {
      const ext = rng.weighted([
        ['Kestrel', 3],
        ['Codeline', 2],
        ['pairwise-vim', 0.5],
      ] as const);
      const host =
        ext === 'pairwise-vim'
          ? `neovim/0.10.${rng.int(0, 2)}`
          : `vscode/1.9${rng.int(4, 6)}.${rng.int(0, 3)}`;
      const v = `${rng.int(0, 3)}.${rng.int(1, 30)}.${rng.int(0, 9)}`;
      return {
        name: `ide-${ext}`,
        api: rng.chance(0.5) ? 'anthropic' : 'openai',
        userAgent: `${ext}/${v} (${host}; ${os[0].toLowerCase()} ${os[1]})`,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'authorization',
          'x-client-session',
          'user-agent',
          'accept',
          'accept-language',
          'sec-fetch-mode',
          'accept-encoding',
          'content-length',
        ],
        ja4: JA4.electron,
      };
    }
  }
}

/** Client popularity among ordinary API developers. */
export function commonClientKind(rng: Rng): ClientKind {
  return rng.weighted([
    ['openai-py', 38],
    ['openai-node', 18],
    ['anthropic-py', 10],
    ['anthropic-ts', 5],
    ['requests', 7],
    ['browser', 7],
    ['litellm', 4],
    ['curl', 2],
    ['go', 2],
    ['okhttp', 1.5],
    ['dotnet', 1.5],
    ['httpx-raw', 1.5],
    ['aiohttp', 1.5],
    ['rust', 0.5],
  ] as const);
}

// ---------------------------------------------------------------- accounts & labels

export interface Account {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: string;
  route: string;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

const FIRST = [
  'james',
  'maria',
  'wei',
  'priya',
  'liam',
  'fatima',
  'noah',
  'sofia',
  'arjun',
  'emma',
  'mateo',
  'chloe',
  'kenji',
  'amara',
  'lukas',
  'ana',
  'omar',
  'hana',
  'david',
  'zoe',
  'ivan',
  'leila',
  'tomas',
  'yuki',
  'samuel',
  'grace',
  'diego',
  'nadia',
  'ethan',
  'mina',
  'oluwaseun',
  'kwame',
  'thandiwe',
  'sione',
  'aisha',
  'rafael',
  'ingrid',
  'bao',
  'minh',
  'ravi',
  'sara',
  'jonas',
  'elif',
  'marek',
  'olga',
  'pedro',
  'julia',
  'chen',
  'hyun',
  'ade',
];
const LAST = [
  'smith',
  'garcia',
  'wang',
  'patel',
  'nguyen',
  'kim',
  'muller',
  'rossi',
  'silva',
  'tanaka',
  'okafor',
  'kowalski',
  'johnson',
  'lee',
  'brown',
  'fernandez',
  'sato',
  'ivanova',
  'haddad',
  'mensah',
  'chowdhury',
  'novak',
  'jensen',
  'dubois',
  'yilmaz',
  'santos',
  'khan',
  'park',
  'moreau',
  'schmidt',
  'adeyemi',
  'otieno',
  'perera',
  'lopez',
  'cohen',
  'berg',
  'petrov',
  'reyes',
  'abbasi',
  'ng',
];

export function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST), rng.pick(LAST)];
}

export function personalEmail(rng: Rng, c: Country): string {
  const [f, l] = personName(rng);
  const style = rng.int(0, 5);
  const local =
    style === 0
      ? `${f}.${l}`
      : style === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : style === 2
          ? `${f[0]}${l}`
          : style === 3
            ? `${f}_${l}${rng.int(80, 2005)}`
            : style === 4
              ? `${l}.${f}`
              : `${f}${rng.int(100, 9999)}`;
  const domain = rng.chance(0.1)
    ? rng.pick(['proton.me', 'fastmail.com', 'pm.me', 'hey.com'])
    : rng.pick(c.mail);
  return `${local}@${domain}`;
}

export function workEmail(rng: Rng, domain: string): string {
  const [f, l] = personName(rng);
  return rng.chance(0.7) ? `${f}.${l}@${domain}` : `${f[0]}${l}@${domain}`;
}

export function payment(rng: Rng): string {
  return `pm_${rng.hex(16)}`;
}

// ---------------------------------------------------------------- schedules

export type Rhythm = 'office' | 'evening' | 'student' | 'owl' | 'flat' | 'school' | 'mixed';

function hourWeight(r: Rhythm, h: number, weekend: boolean): number {
  const office = h >= 9 && h < 18 ? (h === 12 ? 0.6 : 1) : h >= 7 && h < 21 ? 0.25 : 0.03;
  switch (r) {
    case 'office':
      return weekend ? office * 0.12 : office;
    case 'evening':
      return (
        (h >= 18 && h < 24 ? 1 : h >= 7 && h < 18 ? 0.35 : h < 2 ? 0.3 : 0.03) * (weekend ? 1.3 : 1)
      );
    case 'student':
      return (h >= 10 && h < 24 ? (h >= 19 ? 1 : 0.6) : h < 2 ? 0.5 : 0.05) * (weekend ? 0.8 : 1);
    case 'owl':
      return h >= 21 || h < 4 ? 1 : h >= 12 && h < 21 ? 0.5 : 0.08;
    case 'school':
      return weekend
        ? h >= 10 && h < 22
          ? 0.25
          : 0.02
        : h >= 8 && h < 16
          ? 1
          : h >= 16 && h < 22
            ? 0.7
            : 0.03;
    case 'mixed':
      return (weekend ? 0.6 : 1) * (h >= 8 && h < 23 ? 1 : 0.12);
    case 'flat':
      return 1;
  }
}

export function localHour(ts: number, tz: number): { h: number; weekend: boolean } {
  const d = new Date(ts + tz * HOUR);
  const dow = d.getUTCDay();
  return { h: d.getUTCHours(), weekend: dow === 0 || dow === 6 };
}

export function activity(r: Rhythm, ts: number, tz: number): number {
  const { h, weekend } = localHour(ts, tz);
  return hourWeight(r, h, weekend);
}

/** n start times in [from, to) drawn from a rhythm in the given timezone, sorted. */
export function sampleTimes(
  rng: Rng,
  n: number,
  from: number,
  to: number,
  tz: number,
  r: Rhythm,
): number[] {
  const out: number[] = [];
  if (to <= from) return out;
  let guard = 0;
  while (out.length < n && guard < n * 200) {
    guard++;
    const t = from + rng.next() * (to - from);
    if (rng.next() < activity(r, t, tz)) out.push(Math.floor(t));
  }
  return out.sort((a, b) => a - b);
}

// ---------------------------------------------------------------- tokens

export function tokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) ascii++;
    else other++;
  }
  return Math.ceil(ascii / 4 + other * 0.8);
}

export function truncateToTokens(text: string, max: number): string {
  if (tokens(text) <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens(text.slice(0, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo);
}
