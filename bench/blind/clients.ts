/**
 * Client stacks (User-Agent, header order, TLS fingerprint) and network origins (residential
 * ISPs, clouds, corporate NAT, proxy pools). Header orders follow what each library sends on the
 * wire, lower-cased as a proxy sees them in HTTP/2.
 */
import { hashHex, type Rng } from './rng.js';

/** One client stack as the gateway sees it. */
export interface Client {
  name: string;
  userAgent: string;
  headerOrder: string[];
  ja4: string;
  /** Which API the stack speaks. */
  api: 'openai' | 'anthropic' | 'either';
}

const STAINLESS = [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

/** JA4 strings: the prefix is the real shape for that TLS stack; the hashes are derived. */
function ja4(stack: string, prefix: string): string {
  return `${prefix}_${hashHex(`cipher:${stack}`, 12)}_${hashHex(`ext:${stack}`, 12)}`;
}

const TLS = {
  chrome: ja4('boringssl-chrome', 't13d1516h2'),
  firefox: ja4('nss-firefox', 't13d1715h2'),
  safari: ja4('apple-safari', 't13d2014h2'),
  python: ja4('openssl3-python', 't13d1812h1'),
  python311: ja4('openssl3.0-python3.11', 't13d1811h1'),
  node: ja4('openssl-node20', 't13d1813h2'),
  go: ja4('go-crypto-tls', 't13d1312h2'),
  curl: ja4('openssl-curl', 't13d3113h2'),
  java: ja4('jdk17-jsse', 't13d4413h2'),
  rust: ja4('rustls', 't13d0911h2'),
};

function pyOpenAI(version: string, async = false): Client {
  return {
    name: `openai-python-${version}${async ? '-async' : ''}`,
    userAgent: `${async ? 'AsyncOpenAI' : 'OpenAI'}/Python ${version}`,
    headerOrder: [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...STAINLESS,
      'x-stainless-async',
      'authorization',
      'x-stainless-retry-count',
      'x-stainless-read-timeout',
      'content-length',
    ],
    ja4: version.startsWith('1.3') ? TLS.python311 : TLS.python,
    api: 'openai',
  };
}

function jsOpenAI(version: string): Client {
  return {
    name: `openai-node-${version}`,
    userAgent: `OpenAI/JS ${version}`,
    headerOrder: [
      'host',
      'connection',
      'content-type',
      'accept',
      'user-agent',
      ...STAINLESS,
      'authorization',
      'x-stainless-retry-count',
      'content-length',
      'accept-encoding',
    ],
    ja4: TLS.node,
    api: 'openai',
  };
}

function pyAnthropic(version: string): Client {
  return {
    name: `anthropic-python-${version}`,
    userAgent: `Anthropic/Python ${version}`,
    headerOrder: [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...STAINLESS,
      'x-stainless-async',
      'anthropic-version',
      'x-api-key',
      'x-stainless-retry-count',
      'x-stainless-timeout',
      'content-length',
    ],
    ja4: TLS.python,
    api: 'anthropic',
  };
}

function jsAnthropic(version: string): Client {
  return {
    name: `anthropic-node-${version}`,
    userAgent: `Anthropic/JS ${version}`,
    headerOrder: [
      'host',
      'connection',
      'content-type',
      'accept',
      'anthropic-version',
      'user-agent',
      ...STAINLESS,
      'x-api-key',
      'x-stainless-retry-count',
      'content-length',
      'accept-encoding',
    ],
    ja4: TLS.node,
    api: 'anthropic',
  };
}

const BROWSER_FETCH = [
  'host',
  'content-length',
  'sec-ch-ua-platform',
  'authorization',
  'sec-ch-ua',
  'content-type',
  'sec-ch-ua-mobile',
  'accept',
  'origin',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'referer',
  'accept-encoding',
  'accept-language',
  'priority',
];

/** The library of client stacks, by short name. */
/** Safari's request header order, the same on iOS and macOS. */
const SAFARI_HEADERS = [
  'host',
  'content-type',
  'accept',
  'authorization',
  'sec-fetch-site',
  'accept-language',
  'sec-fetch-mode',
  'accept-encoding',
  'origin',
  'user-agent',
  'referer',
  'content-length',
  'sec-fetch-dest',
];

export const CLIENTS: Record<string, Client> = {
  chromeWin: {
    name: 'chrome-windows',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
    headerOrder: BROWSER_FETCH,
    ja4: TLS.chrome,
    api: 'either',
  },
  chromeMac: {
    name: 'chrome-mac',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/132.0.0.0 Safari/537.36',
    headerOrder: BROWSER_FETCH,
    ja4: TLS.chrome,
    api: 'either',
  },
  edge: {
    name: 'edge-windows',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36 Edg/133.0.0.0',
    headerOrder: BROWSER_FETCH,
    ja4: TLS.chrome,
    api: 'either',
  },
  firefox: {
    name: 'firefox',
    userAgent: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
    headerOrder: [
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
      'sec-fetch-dest',
      'sec-fetch-mode',
      'sec-fetch-site',
      'priority',
      'te',
    ],
    ja4: TLS.firefox,
    api: 'either',
  },
  safariIos: {
    name: 'safari-ios',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Mobile/15E148 Safari/604.1',
    headerOrder: SAFARI_HEADERS,
    ja4: TLS.safari,
    api: 'either',
  },
  safariMac: {
    name: 'safari-mac',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
    headerOrder: SAFARI_HEADERS,
    ja4: TLS.safari,
    api: 'either',
  },
  pyOpenAI_1_59: pyOpenAI('1.59.7'),
  pyOpenAI_1_61: pyOpenAI('1.61.1'),
  pyOpenAI_1_35: pyOpenAI('1.35.13'),
  pyOpenAIAsync: pyOpenAI('1.61.1', true),
  jsOpenAI_4_77: jsOpenAI('4.77.3'),
  jsOpenAI_4_85: jsOpenAI('4.85.1'),
  pyAnthropic_0_45: pyAnthropic('0.45.2'),
  pyAnthropic_0_49: pyAnthropic('0.49.0'),
  jsAnthropic_0_36: jsAnthropic('0.36.3'),
  jsAnthropic_0_39: jsAnthropic('0.39.0'),
  curl: {
    name: 'curl',
    userAgent: 'curl/8.5.0',
    headerOrder: [
      'host',
      'user-agent',
      'accept',
      'authorization',
      'content-type',
      'content-length',
    ],
    ja4: TLS.curl,
    api: 'either',
  },
  requests: {
    name: 'python-requests',
    userAgent: 'python-requests/2.32.3',
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
    ja4: TLS.python,
    api: 'either',
  },
  aiohttp: {
    name: 'aiohttp',
    userAgent: 'Python/3.11 aiohttp/3.10.11',
    headerOrder: [
      'host',
      'authorization',
      'content-type',
      'accept',
      'accept-encoding',
      'user-agent',
      'content-length',
    ],
    ja4: TLS.python311,
    api: 'either',
  },
  httpx: {
    name: 'httpx',
    userAgent: 'python-httpx/0.28.1',
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
    ja4: TLS.python,
    api: 'either',
  },
  go: {
    name: 'go-net-http',
    userAgent: 'Go-http-client/2.0',
    headerOrder: [
      'host',
      'user-agent',
      'content-length',
      'authorization',
      'content-type',
      'accept-encoding',
    ],
    ja4: TLS.go,
    api: 'either',
  },
  okhttp: {
    name: 'okhttp',
    userAgent: 'okhttp/4.12.0',
    headerOrder: [
      'host',
      'authorization',
      'content-type',
      'content-length',
      'connection',
      'accept-encoding',
      'user-agent',
    ],
    ja4: TLS.java,
    api: 'either',
  },
  nodeFetch: {
    name: 'node-fetch-undici',
    userAgent: 'node',
    headerOrder: [
      'host',
      'connection',
      'authorization',
      'content-type',
      'accept',
      'accept-language',
      'sec-fetch-mode',
      'user-agent',
      'accept-encoding',
      'content-length',
    ],
    ja4: TLS.node,
    api: 'either',
  },
  reqwest: {
    name: 'rust-reqwest',
    userAgent: 'reqwest/0.12.12',
    headerOrder: ['host', 'authorization', 'content-type', 'accept', 'content-length'],
    ja4: TLS.rust,
    api: 'either',
  },
  vscodeContinue: {
    name: 'ide-plugin-continue',
    userAgent: 'Continue/0.9.260 (vscode 1.97.2; darwin arm64)',
    headerOrder: [
      'host',
      'connection',
      'content-type',
      'authorization',
      'x-continue-unique-id',
      'accept',
      'user-agent',
      'accept-encoding',
      'content-length',
    ],
    ja4: TLS.node,
    api: 'openai',
  },
  jetbrains: {
    name: 'ide-plugin-jetbrains',
    userAgent: 'CodePilot-JetBrains/2.4.1 (IntelliJ IDEA 2024.3.3; Java 21.0.5)',
    headerOrder: [
      'host',
      'authorization',
      'anthropic-version',
      'content-type',
      'x-client-session',
      'content-length',
      'user-agent',
      'accept-encoding',
    ],
    ja4: TLS.java,
    api: 'anthropic',
  },
  cliAgent: {
    name: 'terminal-agent',
    userAgent: 'Anthropic/JS 0.39.0',
    headerOrder: [
      'host',
      'connection',
      'content-type',
      'accept',
      'anthropic-version',
      'anthropic-beta',
      'user-agent',
      ...STAINLESS,
      'x-api-key',
      'x-stainless-retry-count',
      'x-app',
      'content-length',
      'accept-encoding',
    ],
    ja4: TLS.node,
    api: 'anthropic',
  },
};

/** Picks a client compatible with an API. */
export function clientFor(rng: Rng, names: readonly string[]): Client {
  const c = CLIENTS[rng.pick(names)];
  if (!c) throw new Error('unknown client');
  return c;
}

/** An origin network: prefixes plus how addresses rotate within them. */
export interface Net {
  kind: 'residential' | 'mobile' | 'datacenter' | 'corporate' | 'university' | 'proxy';
  prefixes: string[];
}

/** Residential broadband prefixes by country (first two or three octets). */
const RESIDENTIAL: Record<string, string[]> = {
  US: ['73.162', '24.18', '98.207', '71.58', '67.161', '76.104', '108.26', '174.62'],
  CA: ['70.52', '99.228', '142.114', '184.146'],
  GB: ['86.140', '81.98', '90.213', '109.150', '2.124'],
  DE: ['91.64', '84.161', '93.211', '79.238', '87.162'],
  FR: ['90.76', '86.246', '82.64', '109.9'],
  NL: ['84.84', '145.53', '77.160'],
  IN: ['49.36', '106.205', '117.214', '223.187', '182.68'],
  BR: ['177.94', '189.6', '191.177', '200.150'],
  JP: ['126.74', '60.66', '153.206', '220.100'],
  KR: ['121.134', '211.36', '175.197'],
  SG: ['116.86', '118.200', '175.156'],
  PH: ['112.198', '120.29', '49.145'],
  VN: ['113.161', '14.232', '171.243'],
  ID: ['36.72', '114.122', '180.252'],
  NG: ['102.89', '105.112', '197.210'],
  KE: ['41.90', '105.160', '197.232'],
  ZA: ['41.13', '105.233', '196.210'],
  MX: ['187.189', '201.141', '189.203'],
  ES: ['88.27', '83.56', '79.153'],
  PL: ['83.27', '89.64', '31.0'],
  TR: ['78.180', '88.241', '85.105'],
  AU: ['101.180', '110.145', '124.168'],
  CN: ['114.246', '123.117', '183.14'],
  HK: ['112.118', '219.77', '42.2'],
  RU: ['95.24', '178.66', '46.138'],
  BD: ['103.108', '119.30', '37.111'],
  ET: ['196.188', '197.156'],
};

const MOBILE: Record<string, string[]> = {
  US: ['172.56', '174.204', '166.205'],
  GB: ['31.94', '92.40'],
  IN: ['157.47', '27.57'],
  BR: ['179.237', '152.250'],
  NG: ['105.112', '102.90'],
  KE: ['105.161', '41.89'],
  PH: ['110.54', '180.190'],
  ID: ['114.125', '182.2'],
};

/** Cloud egress ranges (AWS, GCP, Azure, Hetzner, OVH, DigitalOcean, Linode). */
export const CLOUD: Record<string, string[]> = {
  aws: ['3.85', '18.204', '34.203', '44.201', '52.23', '54.172', '3.120', '13.48', '18.139'],
  gcp: ['34.68', '35.185', '34.105', '35.232', '34.91'],
  azure: ['20.42', '40.76', '52.160', '20.115', '13.92'],
  hetzner: ['88.198', '95.216', '138.201', '5.161', '65.108', '116.202'],
  ovh: ['51.68', '141.94', '54.38', '51.195'],
  digitalocean: ['134.209', '159.89', '167.99', '143.198', '64.227'],
  linode: ['45.79', '172.105', '139.162'],
};

/** Universities (research and education signups). */
const UNIVERSITY = [
  '128.12',
  '171.64',
  '18.29',
  '128.32',
  '131.111',
  '129.132',
  '147.46',
  '137.132',
];

function fill(prefix: string, rng: Rng): string {
  const parts = prefix.split('.').length;
  const rest: number[] = [];
  for (let i = parts; i < 4; i++) rest.push(i === 3 ? rng.int(2, 254) : rng.int(0, 255));
  return [prefix, ...rest].join('.');
}

/** A concrete address inside a prefix. */
export function ipIn(prefix: string, rng: Rng): string {
  return fill(prefix, rng);
}

/** A home broadband address for a country. */
export function residentialIp(rng: Rng, country: string): string {
  const list = RESIDENTIAL[country] ?? (RESIDENTIAL.US as string[]);
  return fill(rng.pick(list), rng);
}

/** A mobile carrier address (CGNAT: many users share them). */
export function mobileIp(rng: Rng, country: string): string {
  const list = MOBILE[country] ?? RESIDENTIAL[country] ?? (RESIDENTIAL.US as string[]);
  return fill(rng.pick(list), rng);
}

/** A cloud VM address at a provider. */
export function cloudIp(rng: Rng, provider?: keyof typeof CLOUD): string {
  const p = provider ?? rng.pick(Object.keys(CLOUD));
  return fill(rng.pick(CLOUD[p] ?? (CLOUD.aws as string[])), rng);
}

export function universityIp(rng: Rng): string {
  return fill(rng.pick(UNIVERSITY), rng);
}

/** A /28 corporate egress block: returns its 16 addresses' base (three octets + start). */
export function natBlock(rng: Rng, country: string): string[] {
  const base = fill(rng.pick(RESIDENTIAL[country] ?? (CLOUD.azure as string[])), rng)
    .split('.')
    .slice(0, 3)
    .join('.');
  const start = rng.int(0, 15) * 16;
  return Array.from({ length: 4 }, (_, i) => `${base}.${start + 1 + i}`);
}

/**
 * A residential proxy pool: exit addresses scattered over home ISPs in several countries, as
 * the "obfuscated third-party routers" rent them out.
 */
export function proxyPool(rng: Rng, size: number, countries: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < size; i++) {
    const c = rng.pick(countries);
    out.push(rng.chance(0.25) ? mobileIp(rng, c) : residentialIp(rng, c));
  }
  return out;
}

/** Whether a country code has residential prefixes here. */
export const COUNTRIES = Object.keys(RESIDENTIAL);
