// Shared primitives for the blind5 traffic generator: PRNG, the invented world
// (provider, models, countries, networks, SDK clients) and the event writer.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream = 0) {
    const h = hash32(`${seed}:${stream}`);
    this.a = h ^ 0x9e3779b9;
    this.b = hash32(`b${h}`);
    this.c = hash32(`c${h}`);
    this.d = hash32(`d${h}`) | 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    // sfc32
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from empty array');
    return arr[Math.floor(this.next() * arr.length)] as T;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x <= 0) return v;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted from empty list');
    return last[0];
  }
  normal(mean = 0, sd = 1): number {
    const u = Math.max(1e-12, this.next());
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }
  hex(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(this.next() * 16)];
    return s;
  }
  b36(n: number): string {
    let s = '';
    const al = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < n; i++) s += al[Math.floor(this.next() * 36)];
    return s;
  }
  shuffle<T>(arr: T[]): T[] {
    for (let i = arr.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = arr[i] as T;
      arr[i] = arr[j] as T;
      arr[j] = t;
    }
    return arr;
  }
  sample<T>(arr: readonly T[], k: number): T[] {
    return this.shuffle(arr.slice()).slice(0, k);
  }
}

export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MIN = 60_000;

// ---------------------------------------------------------------- world

export const PROVIDER = 'Corvid Labs';
export const MODELS = {
  mini: 'corvid-3-mini',
  main: 'corvid-3',
  think: 'corvid-3-think',
  next: 'corvid-4',
} as const;

export interface Country {
  code: string;
  tz: number;
  isps: string[]; // /16 prefixes of residential ISPs
  mobile: string[]; // CGNAT-ish mobile carrier prefixes
  weight: number;
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    tz: -6,
    isps: ['73.92', '98.207', '24.18', '71.63', '108.49'],
    mobile: ['172.58', '174.203'],
    weight: 26,
  },
  {
    code: 'IN',
    tz: 5.5,
    isps: ['49.36', '106.210', '117.99'],
    mobile: ['42.105', '157.48'],
    weight: 12,
  },
  {
    code: 'GB',
    tz: 0,
    isps: ['86.142', '81.98', '90.204'],
    mobile: ['31.94', '82.132'],
    weight: 6,
  },
  { code: 'DE', tz: 1, isps: ['84.61', '91.64', '79.211'], mobile: ['2.205', '109.40'], weight: 6 },
  {
    code: 'BR',
    tz: -3,
    isps: ['177.84', '189.6', '201.17'],
    mobile: ['179.240', '191.55'],
    weight: 6,
  },
  {
    code: 'JP',
    tz: 9,
    isps: ['126.35', '153.206', '114.181'],
    mobile: ['49.96', '1.79'],
    weight: 5,
  },
  {
    code: 'FR',
    tz: 1,
    isps: ['90.112', '86.246', '82.64'],
    mobile: ['37.169', '92.184'],
    weight: 4,
  },
  { code: 'CA', tz: -5, isps: ['99.231', '70.52', '142.114'], mobile: ['184.151'], weight: 4 },
  { code: 'KR', tz: 9, isps: ['121.131', '211.36', '175.223'], mobile: ['223.38'], weight: 3 },
  { code: 'SG', tz: 8, isps: ['116.86', '118.200'], mobile: ['111.65'], weight: 3 },
  { code: 'ID', tz: 7, isps: ['36.72', '114.124'], mobile: ['114.5', '182.1'], weight: 3 },
  { code: 'NG', tz: 1, isps: ['102.89', '105.112'], mobile: ['197.210'], weight: 2 },
  { code: 'KE', tz: 3, isps: ['41.90', '105.163'], mobile: ['197.237'], weight: 2 },
  { code: 'VN', tz: 7, isps: ['113.161', '14.231'], mobile: ['27.72'], weight: 2 },
  { code: 'PH', tz: 8, isps: ['112.198', '49.145'], mobile: ['110.54'], weight: 2 },
  { code: 'MX', tz: -6, isps: ['187.190', '189.203'], mobile: ['201.141'], weight: 3 },
  { code: 'PL', tz: 1, isps: ['83.24', '89.64'], mobile: ['37.47'], weight: 2 },
  { code: 'TR', tz: 3, isps: ['78.180', '88.240'], mobile: ['176.88'], weight: 2 },
  { code: 'ET', tz: 3, isps: ['196.188'], mobile: ['196.189'], weight: 1 },
  { code: 'BD', tz: 6, isps: ['103.84', '37.111'], mobile: ['103.230'], weight: 1 },
  { code: 'NP', tz: 5.75, isps: ['27.34', '110.44'], mobile: ['113.199'], weight: 1 },
  { code: 'ZA', tz: 2, isps: ['41.13', '105.224'], mobile: ['197.229'], weight: 1 },
  { code: 'NL', tz: 1, isps: ['84.104', '77.248'], mobile: ['31.161'], weight: 2 },
  { code: 'AU', tz: 10, isps: ['120.148', '101.181'], mobile: ['1.144'], weight: 2 },
];

export function countryByCode(code: string): Country {
  const c = COUNTRIES.find((x) => x.code === code);
  if (!c) throw new Error(`no country ${code}`);
  return c;
}

export function pickCountry(rng: Rng, only?: string[]): Country {
  const list = only ? COUNTRIES.filter((c) => only.includes(c.code)) : COUNTRIES;
  return rng.weighted(list.map((c) => [c, c.weight] as const));
}

// cloud ranges (invented split of public space by provider-ish names)
export const CLOUDS: Record<string, string[]> = {
  'nimbus-compute': ['3.224', '18.206', '52.14', '54.87'],
  'gcs-like': ['34.118', '35.203', '34.82'],
  azurite: ['20.118', '40.76', '52.242'],
  'hetz-vps': ['95.217', '116.203', '5.161'],
  'ocean-vps': ['159.223', '164.92', '143.198'],
  'asia-cloud': ['47.242', '8.219', '119.28'],
};

export function ipIn(rng: Rng, prefix16: string): string {
  return `${prefix16}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

// ------------------------------------------------------------- networks

export type NetKind = 'residential' | 'mobile' | 'cloud' | 'nat' | 'proxy' | 'static';
export interface Net {
  kind: NetKind;
  ips: string[]; // pool (for residential/mobile: the account's current leases)
  rotate: number; // probability per request of moving to another pool address
  proxyCountries?: Country[];
}

export function residentialNet(rng: Rng, c: Country): Net {
  const p = rng.pick(c.isps);
  const ips = [ipIn(rng, p)];
  if (rng.chance(0.5)) ips.push(ipIn(rng, rng.pick(c.mobile)));
  return { kind: 'residential', ips, rotate: 0.04 };
}
export function mobileNet(rng: Rng, c: Country): Net {
  const p = rng.pick(c.mobile);
  const ips: string[] = [];
  for (let i = 0; i < 6; i++) ips.push(ipIn(rng, p));
  return { kind: 'mobile', ips, rotate: 0.3 };
}
export function cloudNet(rng: Rng, provider?: string, n = 2): Net {
  const prov = provider ?? rng.pick(Object.keys(CLOUDS));
  const ranges = CLOUDS[prov] ?? ['3.224'];
  const ips: string[] = [];
  for (let i = 0; i < n; i++) ips.push(ipIn(rng, rng.pick(ranges)));
  return { kind: 'cloud', ips, rotate: 0.2 };
}
export function natNet(ips: string[]): Net {
  return { kind: 'nat', ips, rotate: 0.5 };
}
export function proxyNet(rng: Rng, countries: Country[]): Net {
  return { kind: 'proxy', ips: [], rotate: 1, proxyCountries: countries };
}

export function drawIp(rng: Rng, net: Net, sticky: { cur: string }): string {
  if (net.kind === 'proxy') {
    if (sticky.cur && !rng.chance(0.7)) return sticky.cur;
    const c = rng.pick(net.proxyCountries ?? COUNTRIES);
    sticky.cur = ipIn(rng, rng.chance(0.75) ? rng.pick(c.isps) : rng.pick(c.mobile));
    return sticky.cur;
  }
  if (!sticky.cur || rng.chance(net.rotate)) sticky.cur = rng.pick(net.ips);
  return sticky.cur;
}

// --------------------------------------------------------------- clients

export type Endpoint = 'chat.completions' | 'messages';
export interface Client {
  name: string;
  endpoint: Endpoint;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
}

function ja4(name: string, tls = 't13d', ciphers = 15, exts = 16, alpn = 'h2'): string {
  const h1 = hash32(`c:${name}`).toString(16).padStart(8, '0');
  const h2 = hash32(`e:${name}`).toString(16).padStart(8, '0');
  const h3 = hash32(`x:${name}`).toString(16).padStart(8, '0');
  return `${tls}${String(ciphers).padStart(2, '0')}${String(exts).padStart(2, '0')}${alpn}_${h1}${h2.slice(0, 4)}_${h3}${h2.slice(4)}`;
}

const OAI_STAINLESS = [
  'host',
  'accept-encoding',
  'connection',
  'accept',
  'content-type',
  'user-agent',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'authorization',
  'x-stainless-retry-count',
  'content-length',
];
const ANT_STAINLESS = [
  'host',
  'accept-encoding',
  'connection',
  'accept',
  'anthropic-version',
  'content-type',
  'user-agent',
  'x-api-key',
  'x-stainless-arch',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'x-stainless-retry-count',
  'content-length',
];

export const CLIENTS: Record<string, Client> = {};
function reg(
  name: string,
  endpoint: Endpoint,
  userAgent: string,
  headerOrder: string[],
  tls?: [number, number],
): void {
  CLIENTS[name] = {
    name,
    endpoint,
    userAgent,
    headerOrder,
    ja4: ja4(name.replace(/@.*/, ''), 't13d', tls?.[0] ?? 15, tls?.[1] ?? 16),
  };
}
for (const v of ['1.51.2', '1.54.4', '1.57.0', '1.58.1'])
  reg(`openai-python@${v}`, 'chat.completions', `OpenAI/Python ${v}`, OAI_STAINLESS, [17, 12]);
for (const v of ['4.71.1', '4.73.0', '4.77.0'])
  reg(`openai-node@${v}`, 'chat.completions', `OpenAI/JS ${v}`, OAI_STAINLESS, [16, 15]);
for (const v of ['0.39.0', '0.40.0', '0.42.0'])
  reg(`anthropic-python@${v}`, 'messages', `Anthropic/Python ${v}`, ANT_STAINLESS, [17, 12]);
for (const v of ['0.32.1', '0.33.1'])
  reg(`anthropic-ts@${v}`, 'messages', `Anthropic/JS ${v}`, ANT_STAINLESS, [16, 15]);
reg(
  'curl',
  'chat.completions',
  'curl/8.5.0',
  ['host', 'user-agent', 'accept', 'content-type', 'authorization', 'content-length'],
  [31, 11],
);
reg(
  'requests',
  'chat.completions',
  'python-requests/2.32.3',
  [
    'host',
    'user-agent',
    'accept-encoding',
    'accept',
    'connection',
    'authorization',
    'content-type',
    'content-length',
  ],
  [17, 12],
);
reg(
  'httpx',
  'chat.completions',
  'python-httpx/0.27.2',
  [
    'host',
    'accept',
    'accept-encoding',
    'connection',
    'user-agent',
    'authorization',
    'content-type',
    'content-length',
  ],
  [17, 12],
);
reg(
  'aiohttp',
  'messages',
  'Python/3.11 aiohttp/3.10.10',
  [
    'host',
    'x-api-key',
    'anthropic-version',
    'content-type',
    'accept',
    'accept-encoding',
    'user-agent',
    'content-length',
  ],
  [17, 12],
);
reg(
  'go-http',
  'chat.completions',
  'Go-http-client/2.0',
  ['host', 'user-agent', 'content-length', 'authorization', 'content-type', 'accept-encoding'],
  [13, 10],
);
reg(
  'undici',
  'messages',
  'undici',
  [
    'host',
    'connection',
    'content-type',
    'x-api-key',
    'anthropic-version',
    'accept',
    'accept-language',
    'sec-fetch-mode',
    'user-agent',
    'accept-encoding',
    'content-length',
  ],
  [16, 15],
);
reg(
  'litellm',
  'chat.completions',
  'litellm/1.52.9',
  [
    'host',
    'accept-encoding',
    'connection',
    'accept',
    'content-type',
    'user-agent',
    'authorization',
    'content-length',
  ],
  [17, 12],
);
reg('langchain-js', 'chat.completions', 'langchainjs-openai/0.3.11', OAI_STAINLESS, [16, 15]);
reg(
  'java-okhttp',
  'chat.completions',
  'okhttp/4.12.0',
  ['host', 'authorization', 'content-type', 'content-length', 'accept-encoding', 'user-agent'],
  [15, 13],
);
reg(
  'browser-chrome',
  'messages',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  [
    'host',
    'content-length',
    'sec-ch-ua-platform',
    'x-api-key',
    'user-agent',
    'sec-ch-ua',
    'content-type',
    'anthropic-version',
    'accept',
    'origin',
    'sec-fetch-site',
    'sec-fetch-mode',
    'sec-fetch-dest',
    'referer',
    'accept-encoding',
    'accept-language',
  ],
  [16, 18],
);
reg(
  'browser-safari',
  'chat.completions',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  [
    'host',
    'content-type',
    'accept',
    'authorization',
    'origin',
    'accept-language',
    'accept-encoding',
    'user-agent',
    'referer',
    'content-length',
  ],
  [20, 13],
);
reg(
  'ide-codeweave',
  'chat.completions',
  'CodeWeave/1.9.3 (vscode 1.95.3; darwin arm64)',
  [
    'host',
    'user-agent',
    'content-type',
    'authorization',
    'x-codeweave-session',
    'x-request-id',
    'accept',
    'content-length',
  ],
  [16, 15],
);
reg(
  'ide-codeweave-linux',
  'chat.completions',
  'CodeWeave/1.9.1 (vscode 1.94.2; linux x64)',
  [
    'host',
    'user-agent',
    'content-type',
    'authorization',
    'x-codeweave-session',
    'x-request-id',
    'accept',
    'content-length',
  ],
  [16, 15],
);
reg(
  'cli-agent',
  'messages',
  'tern-cli/0.14.2 node/20.18.0',
  [
    'host',
    'accept',
    'anthropic-version',
    'content-type',
    'user-agent',
    'x-api-key',
    'x-app',
    'content-length',
  ],
  [16, 15],
);
reg(
  'ci-reviewbot',
  'chat.completions',
  'prgoblin-bot/2.3.0 (+https://prgoblin.dev)',
  ['host', 'user-agent', 'authorization', 'content-type', 'accept', 'content-length'],
  [13, 10],
);
reg(
  'mobile-ios',
  'chat.completions',
  'StudyPal/5.2.1 (iPhone; iOS 18.1; Scale/3.00) Alamofire/5.9.1',
  [
    'host',
    'content-type',
    'accept',
    'authorization',
    'user-agent',
    'accept-language',
    'accept-encoding',
    'content-length',
  ],
  [20, 13],
);
reg(
  'mobile-android',
  'chat.completions',
  'okhttp/4.11.0',
  ['host', 'authorization', 'content-type', 'content-length', 'accept-encoding', 'user-agent'],
  [15, 13],
);

export function client(name: string): Client {
  const c = CLIENTS[name];
  if (!c) throw new Error(`no client ${name}`);
  return c;
}
export const SDK_MIX: (readonly [string, number])[] = [
  ['openai-python@1.54.4', 10],
  ['openai-python@1.57.0', 8],
  ['openai-python@1.51.2', 3],
  ['openai-node@4.73.0', 6],
  ['openai-node@4.77.0', 3],
  ['anthropic-python@0.40.0', 6],
  ['anthropic-python@0.42.0', 3],
  ['anthropic-ts@0.33.1', 3],
  ['httpx', 2],
  ['requests', 3],
  ['curl', 1],
  ['litellm', 2],
  ['langchain-js', 1],
  ['go-http', 1],
  ['java-okhttp', 1],
];

// ----------------------------------------------------------------- tokens

export function tokens(s: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) < 128) ascii++;
    else other++;
  }
  return Math.max(1, Math.round(ascii / 3.9 + other / 1.6));
}
