// Networks and clients for blind11: address pools (residential ISPs, mobile carriers behind
// carrier-grade NAT, clouds, campus and office NATs, residential-proxy exits) and HTTP client
// profiles (user agent, JA4 TLS fingerprint, header order).
import { hexOf, type Rng } from './rng.js';

export interface Country {
  code: string;
  tz: number; // hours from UTC (standard time, no DST)
  resid: string[]; // residential /16 prefixes "a.b"
  mobile: string[]; // mobile carrier /16 prefixes (CGNAT egress)
  weight: number; // share of ordinary users
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    tz: -5,
    resid: ['73.162', '24.5', '98.207', '71.59', '108.28', '67.180', '76.102', '174.62'],
    mobile: ['172.56', '174.205', '107.77'],
    weight: 30,
  },
  {
    code: 'US',
    tz: -8,
    resid: ['73.92', '98.33', '24.130', '71.202', '99.52', '76.21'],
    mobile: ['172.58', '107.115'],
    weight: 16,
  },
  {
    code: 'US',
    tz: -6,
    resid: ['73.55', '24.14', '70.114', '99.34'],
    mobile: ['172.59', '166.170'],
    weight: 9,
  },
  {
    code: 'CA',
    tz: -5,
    resid: ['99.228', '24.114', '142.114', '70.49'],
    mobile: ['184.151', '142.198'],
    weight: 4,
  },
  {
    code: 'BR',
    tz: -3,
    resid: ['177.92', '189.6', '187.34', '201.17'],
    mobile: ['179.240', '191.246'],
    weight: 4,
  },
  { code: 'MX', tz: -6, resid: ['187.188', '189.203', '201.141'], mobile: ['200.68'], weight: 2 },
  {
    code: 'GB',
    tz: 0,
    resid: ['86.12', '81.98', '92.40', '2.27', '82.132'],
    mobile: ['31.94', '92.40'],
    weight: 6,
  },
  {
    code: 'DE',
    tz: 1,
    resid: ['91.64', '84.159', '93.200', '79.226', '87.150'],
    mobile: ['80.187', '109.40'],
    weight: 6,
  },
  {
    code: 'FR',
    tz: 1,
    resid: ['90.3', '86.246', '78.192', '82.64'],
    mobile: ['37.166', '92.184'],
    weight: 4,
  },
  { code: 'ES', tz: 1, resid: ['88.12', '83.53', '79.147'], mobile: ['95.127'], weight: 2 },
  { code: 'NL', tz: 1, resid: ['84.86', '83.84', '145.53'], mobile: ['62.140'], weight: 2 },
  { code: 'PL', tz: 1, resid: ['83.22', '89.64', '178.42'], mobile: ['37.248'], weight: 2 },
  {
    code: 'IN',
    tz: 5.5,
    resid: ['49.36', '106.210', '117.196', '122.171', '59.92'],
    mobile: ['223.185', '157.32', '106.193'],
    weight: 8,
  },
  {
    code: 'CN',
    tz: 8,
    resid: ['112.96', '183.14', '117.136', '59.172'],
    mobile: ['223.104', '120.244'],
    weight: 2,
  },
  { code: 'HK', tz: 8, resid: ['219.76', '203.186', '112.118'], mobile: ['223.197'], weight: 1 },
  { code: 'SG', tz: 8, resid: ['116.86', '118.200', '175.156'], mobile: ['111.65'], weight: 1.5 },
  {
    code: 'JP',
    tz: 9,
    resid: ['126.73', '60.130', '153.218', '219.117'],
    mobile: ['1.75', '49.98'],
    weight: 3,
  },
  {
    code: 'KR',
    tz: 9,
    resid: ['121.134', '175.213', '211.36', '222.110'],
    mobile: ['39.7', '223.38'],
    weight: 2,
  },
  { code: 'TW', tz: 8, resid: ['114.34', '36.226', '61.224'], mobile: ['27.247'], weight: 1 },
  {
    code: 'AU',
    tz: 10,
    resid: ['101.175', '120.148', '124.168'],
    mobile: ['1.145', '49.180'],
    weight: 2,
  },
  {
    code: 'RU',
    tz: 3,
    resid: ['95.24', '178.176', '46.138', '85.140'],
    mobile: ['176.59', '31.173'],
    weight: 1.5,
  },
  { code: 'TR', tz: 3, resid: ['78.180', '88.230', '85.105'], mobile: ['31.223'], weight: 1.5 },
  { code: 'VN', tz: 7, resid: ['113.161', '14.169', '116.110'], mobile: ['27.72'], weight: 1.5 },
  {
    code: 'ID',
    tz: 7,
    resid: ['36.72', '114.124', '180.252'],
    mobile: ['114.79', '120.188'],
    weight: 2,
  },
  { code: 'NG', tz: 1, resid: ['102.89', '197.210', '105.112'], mobile: ['102.91'], weight: 1 },
  { code: 'EG', tz: 2, resid: ['41.44', '156.203', '197.35'], mobile: ['41.233'], weight: 1 },
  { code: 'AE', tz: 4, resid: ['94.200', '86.98', '5.195'], mobile: ['2.50'], weight: 1 },
  { code: 'IL', tz: 2, resid: ['79.177', '87.68', '109.64'], mobile: ['77.137'], weight: 1 },
  { code: 'UA', tz: 2, resid: ['93.72', '178.150', '46.201'], mobile: ['176.36'], weight: 1 },
  { code: 'PK', tz: 5, resid: ['39.42', '119.155', '182.176'], mobile: ['111.119'], weight: 1 },
  { code: 'PH', tz: 8, resid: ['112.198', '49.145', '120.28'], mobile: ['175.176'], weight: 1 },
];

export function countryByCode(code: string): Country {
  const c = COUNTRIES.find((x) => x.code === code);
  if (!c) throw new Error('unknown country ' + code);
  return c;
}

export function pickCountry(rng: Rng, only?: readonly string[]): Country {
  const pool = only ? COUNTRIES.filter((c) => only.includes(c.code)) : COUNTRIES;
  return rng.weighted(pool.map((c) => [c, c.weight] as const));
}

export type Cloud =
  | 'aws-us-east'
  | 'aws-us-west'
  | 'aws-eu'
  | 'aws-ap'
  | 'gcp-us'
  | 'gcp-eu'
  | 'azure-us'
  | 'azure-eu'
  | 'hetzner'
  | 'ovh'
  | 'digitalocean'
  | 'alibaba-sg'
  | 'alibaba-hk'
  | 'tencent'
  | 'vultr'
  | 'oracle'
  | 'gh-actions';

const CLOUD: Record<Cloud, string[]> = {
  'aws-us-east': ['3.83', '3.91', '18.208', '34.224', '44.192', '52.0', '54.86', '54.152'],
  'aws-us-west': ['34.212', '35.87', '44.226', '52.12', '54.148'],
  'aws-eu': ['3.120', '18.196', '52.48', '34.240', '3.250'],
  'aws-ap': ['13.212', '18.138', '52.77', '54.169', '3.0'],
  'gcp-us': ['34.70', '34.123', '35.184', '35.223', '104.198'],
  'gcp-eu': ['34.76', '35.198', '34.141', '35.234'],
  'azure-us': ['20.42', '40.76', '52.170', '13.82', '20.115'],
  'azure-eu': ['20.50', '40.113', '51.124', '52.174'],
  hetzner: ['88.198', '95.216', '116.202', '135.181', '65.108', '168.119'],
  ovh: ['51.77', '51.91', '54.37', '141.94', '145.239'],
  digitalocean: ['159.89', '167.71', '164.90', '137.184', '146.190', '64.227'],
  'alibaba-sg': ['47.74', '8.219', '47.236'],
  'alibaba-hk': ['47.242', '8.210', '47.243'],
  tencent: ['43.134', '43.153', '129.226', '101.32'],
  vultr: ['45.76', '45.77', '149.28', '207.148', '66.42'],
  oracle: ['129.146', '132.145', '150.136', '152.67'],
  'gh-actions': ['20.51', '20.172', '52.234', '172.200', '40.84'],
};

function octet(rng: Rng): number {
  return rng.int(1, 254);
}

export function ipFromPrefix(rng: Rng, prefix: string): string {
  const parts = prefix.split('.').length;
  let ip = prefix;
  for (let i = parts; i < 4; i++) ip += '.' + octet(rng);
  return ip;
}

export function cloudIp(rng: Rng, cloud: Cloud): string {
  return ipFromPrefix(rng, rng.pick(CLOUD[cloud]));
}

export function residentialIp(rng: Rng, c: Country): string {
  return ipFromPrefix(rng, rng.pick(c.resid));
}

/** A small block of fixed addresses (an office, campus or data-centre NAT). */
export function natBlock(rng: Rng, prefix: string, size: number): string[] {
  const third = rng.int(1, 254);
  const base = rng.int(1, 254 - size);
  const pfx = prefix.split('.').length === 2 ? `${prefix}.${third}` : prefix;
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(`${pfx}.${base + i}`);
  return out;
}

/** Carrier-grade NAT egress pool: a few hundred public addresses shared by many subscribers. */
export function cgnatPool(rng: Rng, c: Country, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < size; i++) out.push(ipFromPrefix(rng, rng.pick(c.mobile)));
  return out;
}

export const CAMPUS_PREFIXES = [
  '128.32',
  '171.64',
  '18.9',
  '129.105',
  '141.211',
  '130.132',
  '131.111',
  '129.67',
  '192.76',
  '134.169',
  '147.46',
  '133.11',
  '166.104',
  '202.120',
];
export const OFFICE_PREFIXES = [
  '12.153',
  '38.104',
  '63.116',
  '64.125',
  '65.51',
  '66.163',
  '195.59',
  '212.58',
  '194.150',
  '203.116',
  '62.241',
  '217.146',
];

// ---------------------------------------------------------------------------------------------
// Clients

export interface Client {
  ua: string;
  ja4: string;
  headerOrder: string[];
  family: string; // e.g. openai-python, chrome, curl (not emitted; used for API choice)
  anthropic: boolean; // speaks the Messages API
}

function ja4(stack: string, ciphers: number, exts: number, alpn: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `t13d${two(ciphers)}${two(exts)}${alpn}_${hexOf('c:' + stack, 12)}_${hexOf('e:' + stack, 12)}`;
}

// Well-known browser fingerprints and stack fingerprints for common HTTP libraries.
export const JA4 = {
  chrome: 't13d1516h2_8daaf6152771_02713d6af862',
  firefox: 't13d1715h2_5b57614c22b0_3d5424432f57',
  safari: 't13d2014h2_a09f3c656075_14788d8d241b',
  edge: 't13d1516h2_8daaf6152771_e5627efa2ab1',
  pyOpenssl3: ja4('python-openssl3', 18, 12, 'h1'),
  pyOpenssl3h2: ja4('python-openssl3-h2', 18, 13, 'h2'),
  pyOpenssl11: ja4('python-openssl111', 17, 11, 'h1'),
  node20: ja4('node20-openssl3', 59, 11, 'h1'),
  node22: ja4('node22-openssl3', 59, 12, 'h1'),
  go: ja4('go-crypto-tls', 13, 12, 'h2'),
  curl: ja4('curl-openssl3', 31, 12, 'h2'),
  java: ja4('java17-jsse', 22, 14, 'h2'),
  rust: ja4('rustls', 9, 10, 'h2'),
  dotnet: ja4('dotnet-schannel', 24, 10, 'h2'),
  bun: ja4('bun-boringssl', 15, 13, 'h1'),
} as const;

const STAINLESS_PY = [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

const H = {
  openaiPy: [
    'host',
    'accept-encoding',
    'connection',
    'accept',
    'content-type',
    'user-agent',
    ...STAINLESS_PY,
    'authorization',
    'x-stainless-async',
    'x-stainless-retry-count',
    'x-stainless-read-timeout',
    'content-length',
  ],
  openaiJs: [
    'host',
    'connection',
    'content-type',
    'accept',
    'authorization',
    'user-agent',
    'x-stainless-retry-count',
    'x-stainless-timeout',
    'x-stainless-lang',
    'x-stainless-package-version',
    'x-stainless-os',
    'x-stainless-arch',
    'x-stainless-runtime',
    'x-stainless-runtime-version',
    'content-length',
    'accept-encoding',
  ],
  anthropicPy: [
    'host',
    'accept-encoding',
    'connection',
    'accept',
    'content-type',
    'user-agent',
    ...STAINLESS_PY,
    'x-api-key',
    'anthropic-version',
    'x-stainless-async',
    'x-stainless-retry-count',
    'x-stainless-read-timeout',
    'x-stainless-timeout',
    'content-length',
  ],
  anthropicJs: [
    'host',
    'connection',
    'content-type',
    'accept',
    'anthropic-version',
    'user-agent',
    'x-api-key',
    'x-stainless-retry-count',
    'x-stainless-timeout',
    'x-stainless-lang',
    'x-stainless-package-version',
    'x-stainless-os',
    'x-stainless-arch',
    'x-stainless-runtime',
    'x-stainless-runtime-version',
    'content-length',
    'accept-encoding',
  ],
  requests: [
    'host',
    'user-agent',
    'accept-encoding',
    'accept',
    'connection',
    'content-type',
    'authorization',
    'content-length',
  ],
  aiohttp: [
    'host',
    'authorization',
    'content-type',
    'accept',
    'accept-encoding',
    'user-agent',
    'content-length',
  ],
  curl: ['host', 'user-agent', 'accept', 'content-type', 'authorization', 'content-length'],
  go: ['host', 'user-agent', 'content-length', 'authorization', 'content-type', 'accept-encoding'],
  java: [
    'host',
    'authorization',
    'content-type',
    'content-length',
    'user-agent',
    'accept-encoding',
  ],
  chrome: [
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
  ],
  firefox: [
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
    'te',
  ],
  safari: [
    'host',
    'content-type',
    'accept',
    'authorization',
    'sec-fetch-site',
    'origin',
    'sec-fetch-mode',
    'user-agent',
    'referer',
    'sec-fetch-dest',
    'content-length',
    'accept-language',
    'priority',
    'accept-encoding',
    'connection',
  ],
  // curl_cffi style impersonation: browser TLS and UA, but a library's header set.
  impersonate: [
    'host',
    'sec-ch-ua',
    'sec-ch-ua-mobile',
    'sec-ch-ua-platform',
    'upgrade-insecure-requests',
    'user-agent',
    'accept',
    'accept-encoding',
    'accept-language',
    'authorization',
    'content-type',
    'content-length',
  ],
} as const;

function withAnthropicHeaders(order: readonly string[]): string[] {
  const out: string[] = [];
  for (const h of order) {
    if (h === 'authorization') {
      out.push('x-api-key', 'anthropic-version');
    } else out.push(h);
  }
  return out;
}

const PY_VERSIONS = ['3.10.14', '3.11.9', '3.11.7', '3.12.4', '3.12.7', '3.9.19', '3.13.0'];
const OPENAI_PY = ['1.35.13', '1.40.6', '1.47.1', '1.51.2', '1.54.4', '1.57.0', '1.58.1', '1.59.3'];
const OPENAI_JS = ['4.52.7', '4.67.3', '4.73.1', '4.77.0', '4.79.1'];
const ANTH_PY = ['0.34.2', '0.37.1', '0.39.0', '0.40.0', '0.42.0'];
const ANTH_JS = ['0.27.3', '0.32.1', '0.33.1', '0.36.3'];
const CHROME = ['129.0.0.0', '130.0.0.0', '131.0.0.0', '132.0.0.0'];
const FIREFOX = ['131.0', '132.0', '133.0', '134.0'];

export type ClientKind =
  | 'openai-python'
  | 'openai-node'
  | 'anthropic-python'
  | 'anthropic-node'
  | 'requests'
  | 'aiohttp'
  | 'curl'
  | 'go'
  | 'java'
  | 'chrome'
  | 'firefox'
  | 'safari'
  | 'edge'
  | 'impersonate-chrome'
  | 'langchain'
  | 'agent-cli'
  | 'ide-plugin';

const OSES = ['Linux', 'MacOS', 'Windows'];

export function makeClient(rng: Rng, kind: ClientKind, opts: { anthropic?: boolean } = {}): Client {
  const os = rng.pick(OSES);
  const wantAnth = opts.anthropic ?? false;
  switch (kind) {
    case 'openai-python':
      return {
        ua: `OpenAI/Python ${rng.pick(OPENAI_PY)}`,
        ja4: rng.chance(0.7) ? JA4.pyOpenssl3 : JA4.pyOpenssl3h2,
        headerOrder: [...H.openaiPy],
        family: kind,
        anthropic: false,
      };
    case 'langchain':
      return {
        ua: `OpenAI/Python ${rng.pick(OPENAI_PY)}`,
        ja4: JA4.pyOpenssl3,
        headerOrder: [...H.openaiPy],
        family: kind,
        anthropic: false,
      };
    case 'openai-node':
      return {
        ua: `OpenAI/JS ${rng.pick(OPENAI_JS)}`,
        ja4: rng.chance(0.6) ? JA4.node20 : JA4.node22,
        headerOrder: [...H.openaiJs],
        family: kind,
        anthropic: false,
      };
    case 'anthropic-python':
      return {
        ua: `Anthropic/Python ${rng.pick(ANTH_PY)}`,
        ja4: JA4.pyOpenssl3,
        headerOrder: [...H.anthropicPy],
        family: kind,
        anthropic: true,
      };
    case 'anthropic-node':
      return {
        ua: `Anthropic/JS ${rng.pick(ANTH_JS)}`,
        ja4: rng.chance(0.6) ? JA4.node20 : JA4.node22,
        headerOrder: [...H.anthropicJs],
        family: kind,
        anthropic: true,
      };
    case 'requests': {
      const order = wantAnth ? withAnthropicHeaders(H.requests) : [...H.requests];
      return {
        ua: `python-requests/${rng.pick(['2.31.0', '2.32.2', '2.32.3'])}`,
        ja4: rng.chance(0.8) ? JA4.pyOpenssl3 : JA4.pyOpenssl11,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'aiohttp': {
      const order = wantAnth ? withAnthropicHeaders(H.aiohttp) : [...H.aiohttp];
      return {
        ua: `Python/${rng.pick(PY_VERSIONS).slice(0, 4)} aiohttp/${rng.pick(['3.9.5', '3.10.5', '3.11.9'])}`,
        ja4: JA4.pyOpenssl3,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'curl': {
      const order = wantAnth ? withAnthropicHeaders(H.curl) : [...H.curl];
      return {
        ua: `curl/${rng.pick(['7.81.0', '8.5.0', '8.7.1', '8.11.0'])}`,
        ja4: JA4.curl,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'go': {
      const order = wantAnth ? withAnthropicHeaders(H.go) : [...H.go];
      return {
        ua: rng.chance(0.6) ? 'Go-http-client/2.0' : 'Go-http-client/1.1',
        ja4: JA4.go,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'java': {
      const order = wantAnth ? withAnthropicHeaders(H.java) : [...H.java];
      return {
        ua: `Java-http-client/${rng.pick(['17.0.12', '21.0.4'])}`,
        ja4: JA4.java,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'chrome':
    case 'edge': {
      const v = rng.pick(CHROME);
      const plat = rng.weighted([
        ['Windows NT 10.0; Win64; x64', 5],
        ['Macintosh; Intel Mac OS X 10_15_7', 4],
        ['X11; Linux x86_64', 1],
      ] as const);
      const edge = kind === 'edge' ? ` Edg/${v.replace('.0.0.0', '.0.2903.86')}` : '';
      const order = wantAnth ? withAnthropicHeaders(H.chrome) : [...H.chrome];
      return {
        ua: `Mozilla/5.0 (${plat}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36${edge}`,
        ja4: kind === 'edge' ? JA4.edge : JA4.chrome,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'firefox': {
      const v = rng.pick(FIREFOX);
      const plat = rng.pick([
        'Windows NT 10.0; Win64; x64; rv:' + v,
        'Macintosh; Intel Mac OS X 10.15; rv:' + v,
        'X11; Linux x86_64; rv:' + v,
        'X11; Ubuntu; Linux x86_64; rv:' + v,
      ]);
      const order = wantAnth ? withAnthropicHeaders(H.firefox) : [...H.firefox];
      return {
        ua: `Mozilla/5.0 (${plat}) Gecko/20100101 Firefox/${v}`,
        ja4: JA4.firefox,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'safari': {
      const order = wantAnth ? withAnthropicHeaders(H.safari) : [...H.safari];
      const ver = rng.pick(['17.6', '18.1', '18.2']);
      return {
        ua: `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${ver} Safari/605.1.15`,
        ja4: JA4.safari,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'impersonate-chrome': {
      const v = rng.pick(CHROME);
      const order = wantAnth ? withAnthropicHeaders(H.impersonate) : [...H.impersonate];
      return {
        ua: `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`,
        ja4: JA4.chrome,
        headerOrder: order,
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'agent-cli': {
      const name = rng.pick(['Aider', 'OpenHands', 'Goose', 'Codebuff']);
      const base = wantAnth ? H.anthropicJs : H.openaiJs;
      return {
        ua: `${name}/${rng.int(0, 1)}.${rng.int(10, 80)}.${rng.int(0, 9)} (${os.toLowerCase()})`,
        ja4: rng.chance(0.5) ? JA4.node22 : JA4.node20,
        headerOrder: [...base],
        family: kind,
        anthropic: wantAnth,
      };
    }
    case 'ide-plugin': {
      const name = rng.pick(['Cline', 'Continue', 'Roo-Code', 'Zed']);
      const base = wantAnth ? H.anthropicJs : H.openaiJs;
      return {
        ua: `${name}/${rng.int(0, 3)}.${rng.int(1, 30)}.${rng.int(0, 12)} ${rng.pick(['vscode/1.96.2', 'vscode/1.95.3', 'jetbrains/2024.3', 'vscode/1.97.0'])}`,
        ja4: rng.chance(0.7) ? JA4.node20 : JA4.node22,
        headerOrder: [...base],
        family: kind,
        anthropic: wantAnth,
      };
    }
  }
}

/** A client that matches the API the account talks (SDK clients speak only their own API). */
export function clientFor(rng: Rng, kind: ClientKind, anthropic: boolean): Client {
  if (kind === 'openai-python' && anthropic) return makeClient(rng, 'anthropic-python');
  if (kind === 'openai-node' && anthropic) return makeClient(rng, 'anthropic-node');
  if (kind === 'anthropic-python' && !anthropic) return makeClient(rng, 'openai-python');
  if (kind === 'anthropic-node' && !anthropic) return makeClient(rng, 'openai-node');
  return makeClient(rng, kind, { anthropic });
}
