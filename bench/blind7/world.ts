// The fictional provider, its models, client software, networks, people and clocks.
import { hash32, type Rng } from './rng.js';

export const PROVIDER = 'Lumenary Labs';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

export interface ModelInfo {
  id: string;
  reasoning: 'always' | 'optional' | 'none';
  msPerToken: number;
  firstTokenMs: number;
  contextCap: number;
}

export const MODELS: Record<string, ModelInfo> = {
  'lumen-3': {
    id: 'lumen-3',
    reasoning: 'none',
    msPerToken: 14,
    firstTokenMs: 420,
    contextCap: 128000,
  },
  'lumen-3-flash': {
    id: 'lumen-3-flash',
    reasoning: 'none',
    msPerToken: 5,
    firstTokenMs: 180,
    contextCap: 128000,
  },
  'lumen-3-reason': {
    id: 'lumen-3-reason',
    reasoning: 'always',
    msPerToken: 11,
    firstTokenMs: 900,
    contextCap: 200000,
  },
  'lumen-4': {
    id: 'lumen-4',
    reasoning: 'optional',
    msPerToken: 12,
    firstTokenMs: 520,
    contextCap: 256000,
  },
};
export const OLD_MODELS = ['lumen-3', 'lumen-3-flash', 'lumen-3-reason'] as const;
export const NEW_MODEL = 'lumen-4';

export interface Clock {
  start: number;
  days: number;
  end: number;
  release: number; // when NEW_MODEL became available
}

export function makeClock(days: number): Clock {
  const start = Date.UTC(2026, 2, 2); // Monday 2 March 2026, 00:00 UTC
  const rel = Math.min(days - 0.5, Math.max(1, days * 0.52));
  return {
    start,
    days,
    end: start + days * DAY,
    release: start + Math.floor(rel) * DAY + 16 * HOUR,
  };
}

/** Models an account may call at time ts. */
export function modelAvailable(clock: Clock, model: string, ts: number): boolean {
  return model !== NEW_MODEL || ts >= clock.release;
}

// ---------------------------------------------------------------- countries and networks

export interface Country {
  code: string;
  tz: number; // hours from UTC
  isp: string[]; // residential /16 prefixes
  lang: string;
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    tz: -5,
    isp: ['73.162', '24.15', '98.207', '174.63', '67.180', '76.104', '71.226'],
    lang: 'en',
  },
  { code: 'US', tz: -8, isp: ['73.93', '98.33', '24.4', '76.126', '108.211'], lang: 'en' },
  { code: 'CA', tz: -5, isp: ['99.228', '142.114', '174.88'], lang: 'en' },
  { code: 'GB', tz: 0, isp: ['86.151', '81.98', '92.24', '109.150'], lang: 'en' },
  { code: 'DE', tz: 1, isp: ['79.208', '84.160', '91.64', '93.199'], lang: 'de' },
  { code: 'FR', tz: 1, isp: ['90.45', '86.246', '109.7', '82.64'], lang: 'fr' },
  { code: 'ES', tz: 1, isp: ['83.47', '88.26', '79.156'], lang: 'es' },
  { code: 'IT', tz: 1, isp: ['79.41', '93.45', '151.38'], lang: 'it' },
  { code: 'NL', tz: 1, isp: ['84.104', '145.53', '77.161'], lang: 'nl' },
  { code: 'PL', tz: 1, isp: ['83.24', '89.64', '178.42'], lang: 'pl' },
  { code: 'BR', tz: -3, isp: ['177.92', '189.6', '201.17', '179.108'], lang: 'pt' },
  { code: 'MX', tz: -6, isp: ['187.190', '189.203', '201.141'], lang: 'es' },
  { code: 'IN', tz: 5.5, isp: ['49.36', '106.51', '117.201', '122.161', '182.70'], lang: 'en' },
  { code: 'JP', tz: 9, isp: ['126.73', '153.231', '60.108', '220.99'], lang: 'ja' },
  { code: 'KR', tz: 9, isp: ['121.134', '211.36', '175.192'], lang: 'ko' },
  { code: 'CN', tz: 8, isp: ['113.87', '180.164', '222.128', '36.110'], lang: 'zh' },
  { code: 'SG', tz: 8, isp: ['116.86', '118.200', '175.156'], lang: 'en' },
  { code: 'VN', tz: 7, isp: ['113.161', '14.226', '27.72'], lang: 'vi' },
  { code: 'ID', tz: 7, isp: ['36.71', '110.137', '180.244'], lang: 'id' },
  { code: 'TR', tz: 3, isp: ['78.180', '88.230', '176.88'], lang: 'tr' },
  { code: 'RU', tz: 3, isp: ['95.24', '178.176', '46.39'], lang: 'ru' },
  { code: 'NG', tz: 1, isp: ['102.89', '105.112', '197.210'], lang: 'en' },
  { code: 'AU', tz: 10, isp: ['101.176', '120.18', '203.219'], lang: 'en' },
  { code: 'UA', tz: 2, isp: ['93.74', '176.37', '46.211'], lang: 'uk' },
  { code: 'AE', tz: 4, isp: ['94.200', '2.50', '86.96'], lang: 'ar' },
];

export function countryByCode(code: string, rng: Rng): Country {
  const cs = COUNTRIES.filter((c) => c.code === code);
  return cs.length > 0 ? rng.pick(cs) : rng.pick(COUNTRIES);
}

/** Rough country mix of a consumer API's users. */
export function pickCountry(rng: Rng): Country {
  return rng.weighted(
    COUNTRIES.map((c) => [c, c.code === 'US' ? 9 : c.code === 'IN' ? 5 : 2] as const),
  );
}

const octet = (rng: Rng, lo = 1, hi = 254): number => rng.int(lo, hi);

export function residentialIp(rng: Rng, c: Country): string {
  return `${rng.pick(c.isp)}.${octet(rng, 0, 255)}.${octet(rng)}`;
}

export const CLOUD_PREFIXES = [
  '3.91',
  '18.204',
  '52.14',
  '54.183',
  '35.227',
  '34.82',
  '20.51',
  '104.196',
  '159.203',
  '138.68',
  '5.161',
  '95.216',
  '51.91',
  '13.56',
  '44.201',
  '40.76',
];

export function cloudIp(rng: Rng, prefix?: string): string {
  return `${prefix ?? rng.pick(CLOUD_PREFIXES)}.${octet(rng, 0, 255)}.${octet(rng)}`;
}

/** A small block of addresses an organisation NATs behind (a /28). */
export function natBlock(rng: Rng): string[] {
  const base = `${rng.pick(['64.125', '12.161', '208.80', '195.12', '81.171', '203.2', '62.93', '128.32'])}.${octet(rng)}`;
  const start = rng.int(0, 14) * 16;
  const out: string[] = [];
  for (let i = 1; i < 15; i++) out.push(`${base}.${start + i}`);
  return out;
}

export function mobileIp(rng: Rng): string {
  const p = rng.pick(['172.58', '174.226', '100.36', '39.42', '223.104', '37.120', '5.24']);
  return `${p}.${octet(rng, 0, 255)}.${octet(rng)}`;
}

// ---------------------------------------------------------------- clients

export interface Client {
  name: string;
  ua: string;
  ja4: string;
  headerOrder: string[];
}

const JA4: Record<string, string[]> = {
  py: ['t13d1812h2_85036bcba153_375ca2c5e164', 't13d1813h2_e8a523a41297_e0c1d4c1f7a9'],
  node: ['t13d1516h2_8daaf6152771_02713d6af862', 't13d1517h2_8daaf6152771_b0da82dd1658'],
  go: ['t13d1310h2_f57a46bbacb6_e7c285222651'],
  curl: ['t13d3112h2_e8f1e7e78f70_6bebaf5329ac', 't13d3113h2_e8f1e7e78f70_375ca2c5e164'],
  chrome: ['t13d1516h2_8daaf6152771_e5627efa2ab1'],
  firefox: ['t13d1715h2_5b57614c22b0_3d5424432f57'],
  safari: ['t13d2014h2_a09f3c656075_14788d8d241b'],
  java: ['t13d1911h2_5ab2f93c4d3a_b92ea1a45e71'],
};

const H_SDK_PY = [
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
const H_SDK_JS = [
  'host',
  'connection',
  'content-type',
  'accept',
  'user-agent',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'authorization',
  'x-stainless-retry-count',
  'accept-encoding',
  'content-length',
];
const H_ANT = [
  'host',
  'accept',
  'anthropic-version',
  'content-type',
  'user-agent',
  'x-api-key',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-retry-count',
  'content-length',
];
const H_REQ = [
  'host',
  'user-agent',
  'accept-encoding',
  'accept',
  'connection',
  'authorization',
  'content-type',
  'content-length',
];
const H_CURL = ['host', 'user-agent', 'accept', 'authorization', 'content-type', 'content-length'];
const H_GO = [
  'host',
  'user-agent',
  'content-length',
  'authorization',
  'content-type',
  'accept-encoding',
];
const H_BROWSER = [
  'host',
  'connection',
  'content-length',
  'sec-ch-ua',
  'content-type',
  'sec-ch-ua-mobile',
  'authorization',
  'user-agent',
  'sec-ch-ua-platform',
  'accept',
  'origin',
  'sec-fetch-site',
  'sec-fetch-mode',
  'sec-fetch-dest',
  'referer',
  'accept-encoding',
  'accept-language',
];
const H_JAVA = [
  'host',
  'authorization',
  'content-type',
  'content-length',
  'accept-encoding',
  'user-agent',
];

export type ClientKind =
  | 'openai-py'
  | 'openai-js'
  | 'anthropic-py'
  | 'anthropic-js'
  | 'requests'
  | 'httpx'
  | 'curl'
  | 'go'
  | 'browser'
  | 'java'
  | 'langchain'
  | 'ide';

export function makeClient(rng: Rng, kind: ClientKind): Client {
  const pyRt = rng.pick(['3.10.14', '3.11.9', '3.12.4', '3.12.7', '3.13.1']);
  switch (kind) {
    case 'openai-py':
      return {
        name: kind,
        ua: `OpenAI/Python 1.${rng.int(40, 68)}.${rng.int(0, 3)}`,
        ja4: rng.pick(JA4.py ?? []),
        headerOrder: H_SDK_PY,
      };
    case 'openai-js':
      return {
        name: kind,
        ua: `OpenAI/JS 4.${rng.int(55, 104)}.${rng.int(0, 2)}`,
        ja4: rng.pick(JA4.node ?? []),
        headerOrder: H_SDK_JS,
      };
    case 'anthropic-py':
      return {
        name: kind,
        ua: `Anthropic/Python 0.${rng.int(34, 49)}.${rng.int(0, 2)}`,
        ja4: rng.pick(JA4.py ?? []),
        headerOrder: H_ANT,
      };
    case 'anthropic-js':
      return {
        name: kind,
        ua: `Anthropic/JS 0.${rng.int(27, 39)}.${rng.int(0, 2)}`,
        ja4: rng.pick(JA4.node ?? []),
        headerOrder: H_ANT,
      };
    case 'requests':
      return {
        name: kind,
        ua: `python-requests/2.${rng.int(28, 32)}.${rng.int(0, 3)}`,
        ja4: rng.pick(JA4.py ?? []),
        headerOrder: H_REQ,
      };
    case 'httpx':
      return {
        name: kind,
        ua: `python-httpx/0.${rng.int(25, 28)}.${rng.int(0, 2)}`,
        ja4: rng.pick(JA4.py ?? []),
        headerOrder: H_REQ.slice().reverse().slice(0, 3).concat(H_REQ.slice(0, 5)),
      };
    case 'curl':
      return {
        name: kind,
        ua: `curl/8.${rng.int(4, 11)}.${rng.int(0, 1)}`,
        ja4: rng.pick(JA4.curl ?? []),
        headerOrder: H_CURL,
      };
    case 'go':
      return {
        name: kind,
        ua: 'Go-http-client/2.0',
        ja4: rng.pick(JA4.go ?? []),
        headerOrder: H_GO,
      };
    case 'java':
      return {
        name: kind,
        ua: `okhttp/4.${rng.int(9, 12)}.0`,
        ja4: rng.pick(JA4.java ?? []),
        headerOrder: H_JAVA,
      };
    case 'langchain':
      return {
        name: kind,
        ua: `langchain-openai/0.${rng.int(1, 3)}.${rng.int(0, 30)} OpenAI/Python 1.${rng.int(40, 60)}.0 Python/${pyRt}`,
        ja4: rng.pick(JA4.py ?? []),
        headerOrder: H_SDK_PY,
      };
    case 'ide':
      return {
        name: kind,
        ua: `Quillpad/${rng.int(1, 3)}.${rng.int(0, 12)}.${rng.int(0, 9)} (vscode ${rng.pick(['1.94.2', '1.95.3', '1.96.0'])}; ${rng.pick(['darwin arm64', 'linux x64', 'win32 x64'])})`,
        ja4: rng.pick(JA4.node ?? []),
        headerOrder: H_SDK_JS,
      };
    case 'browser': {
      const b = rng.weighted([
        ['chrome', 6],
        ['firefox', 2],
        ['safari', 2],
      ] as const);
      const ua =
        b === 'chrome'
          ? `Mozilla/5.0 (${rng.pick(['Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'X11; Linux x86_64'])}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${rng.int(128, 134)}.0.0.0 Safari/537.36`
          : b === 'firefox'
            ? `Mozilla/5.0 (${rng.pick(['Windows NT 10.0; Win64; x64; rv:133.0', 'X11; Linux x86_64; rv:132.0'])}) Gecko/20100101 Firefox/${rng.int(130, 134)}.0`
            : `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.${rng.int(0, 2)} Safari/605.1.15`;
      return {
        name: kind,
        ua,
        ja4: rng.pick(JA4[b] ?? []),
        headerOrder: b === 'chrome' ? H_BROWSER : H_BROWSER.filter((h) => !h.startsWith('sec-ch')),
      };
    }
  }
}

/** A typical developer's client mix. */
export function pickDevClient(rng: Rng, endpoint: 'chat.completions' | 'messages'): Client {
  if (endpoint === 'messages')
    return makeClient(rng, rng.chance(0.65) ? 'anthropic-py' : 'anthropic-js');
  return makeClient(
    rng,
    rng.weighted([
      ['openai-py', 10],
      ['openai-js', 6],
      ['requests', 2],
      ['httpx', 1],
      ['langchain', 2],
      ['curl', 1],
      ['go', 1],
      ['java', 1],
    ] as const),
  );
}

/** A bespoke client (own header order, own TLS stack), e.g. an in-house harvesting tool. */
export function customClient(rng: Rng, label: string): Client {
  const h = hash32(label).toString(16).padStart(8, '0');
  const base = rng.shuffle([
    'host',
    'authorization',
    'content-type',
    'accept',
    'user-agent',
    'content-length',
    'accept-encoding',
    'x-request-id',
  ]);
  return {
    name: 'custom',
    ua: rng.pick([
      `aiohttp/3.${rng.int(8, 11)}.${rng.int(0, 5)} Python/3.11`,
      `python-httpx/0.27.${rng.int(0, 2)}`,
      `undici/6.${rng.int(10, 21)}.0`,
      `reqwest/0.12.${rng.int(1, 9)}`,
    ]),
    ja4: `t13d${rng.int(10, 19)}${rng.int(10, 14)}h2_${h}${rng.hex(4)}_${rng.hex(12)}`,
    headerOrder: base,
  };
}

// ---------------------------------------------------------------- people

const FIRST = [
  'james',
  'maria',
  'wei',
  'priya',
  'lucas',
  'sofia',
  'kenji',
  'ana',
  'omar',
  'emma',
  'li',
  'raj',
  'chloe',
  'mateo',
  'yuki',
  'fatima',
  'noah',
  'olga',
  'minh',
  'aisha',
  'liam',
  'ines',
  'jun',
  'sara',
  'david',
  'lena',
  'arjun',
  'mei',
  'tomasz',
  'camille',
  'diego',
  'hana',
  'ali',
  'grace',
  'pavel',
  'nina',
  'kwame',
  'julia',
  'haruto',
  'zoe',
  'ahmed',
  'elena',
  'seo-yeon',
  'felix',
  'ngozi',
  'marco',
  'anika',
  'ravi',
  'leila',
  'tariq',
  'irene',
  'bao',
  'dmitri',
  'lucia',
  'joon',
  'amara',
];
const LAST = [
  'smith',
  'garcia',
  'chen',
  'patel',
  'silva',
  'rossi',
  'tanaka',
  'kim',
  'nguyen',
  'mueller',
  'dubois',
  'kowalski',
  'hassan',
  'ivanova',
  'okafor',
  'johnson',
  'lopez',
  'wang',
  'sharma',
  'sato',
  'novak',
  'brown',
  'park',
  'martin',
  'yilmaz',
  'costa',
  'lee',
  'fischer',
  'santos',
  'ali',
  'zhang',
  'mendes',
  'haddad',
  'nakamura',
  'popescu',
  'andersen',
  'reyes',
  'singh',
  'moreau',
  'tran',
];
const CONSUMER = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'icloud.com',
  'proton.me',
  'hotmail.com',
  'qq.com',
  '163.com',
  'naver.com',
  'yandex.ru',
  'web.de',
  'gmx.de',
  'mail.ru',
  'orange.fr',
  'libero.it',
  'uol.com.br',
];

export function personName(rng: Rng): [string, string] {
  return [rng.pick(FIRST), rng.pick(LAST)];
}

export function consumerEmail(rng: Rng, domain?: string): string {
  const [f, l] = personName(rng);
  const d = domain ?? rng.pick(CONSUMER);
  const p = rng.int(0, 5);
  const local =
    p === 0
      ? `${f}.${l}`
      : p === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : p === 2
          ? `${f[0] ?? 'x'}${l}`
          : p === 3
            ? `${f}_${rng.int(1970, 2006)}`
            : p === 4
              ? `${l}.${f}${rng.int(1, 9)}`
              : `${f}${rng.alnum(3)}`;
  return `${local.replace(/[^a-z0-9._-]/g, '')}@${d}`;
}

export function companyDomain(rng: Rng): string {
  const a = rng.pick([
    'north',
    'blue',
    'brightly',
    'quanta',
    'veri',
    'cedar',
    'helio',
    'nimbus',
    'atlas',
    'kite',
    'orbit',
    'lattice',
    'pine',
    'sable',
    'tidal',
    'ember',
    'vector',
    'cobalt',
    'argent',
    'meridian',
  ]);
  const b = rng.pick([
    'labs',
    'works',
    'hq',
    'ai',
    'data',
    'soft',
    'health',
    'learn',
    'systems',
    'io',
    'tech',
    'co',
  ]);
  return `${a}${b}${rng.chance(0.3) ? rng.int(2, 99) : ''}.${rng.pick(['com', 'io', 'ai', 'dev', 'co', 'de', 'app'])}`;
}

export function eduDomain(rng: Rng): string {
  return `${rng.pick(['cs', 'mail', 'stu', 'alumni', ''])}${rng.chance(0.5) ? '.' : ''}${rng.pick(['uni', 'state', 'tech', 'poly', 'inst'])}-${rng.pick(['ridge', 'lakes', 'vale', 'hill', 'port', 'ford', 'mont', 'rio', 'saxon', 'keio'])}.${rng.pick(['edu', 'ac.uk', 'edu.cn', 'ac.jp', 'edu.br', 'ac.in', 'de'])}`.replace(
    /^\./,
    '',
  );
}

export function paymentFp(rng: Rng): string {
  return `pm_${rng.hex(16)}`;
}

// ---------------------------------------------------------------- clocks for behaviour

/** Relative activity of a human at a local hour (0..23). */
export function humanHourWeight(h: number, profile: 'work' | 'evening' | 'mixed'): number {
  const work = [
    0.05, 0.03, 0.02, 0.02, 0.02, 0.04, 0.1, 0.3, 0.7, 1, 1, 0.95, 0.7, 0.9, 1, 1, 0.9, 0.7, 0.45,
    0.3, 0.25, 0.2, 0.12, 0.08,
  ];
  const evening = [
    0.35, 0.2, 0.1, 0.05, 0.03, 0.03, 0.05, 0.15, 0.25, 0.3, 0.35, 0.4, 0.5, 0.45, 0.45, 0.5, 0.6,
    0.7, 0.8, 0.9, 1, 1, 0.85, 0.6,
  ];
  const i = ((Math.floor(h) % 24) + 24) % 24;
  if (profile === 'work') return work[i] ?? 0.1;
  if (profile === 'evening') return evening[i] ?? 0.1;
  return ((work[i] ?? 0.1) + (evening[i] ?? 0.1)) / 2;
}

/** A time on UTC day `day` (index into the window) at which a human in tz would be active. */
export function humanTime(
  rng: Rng,
  clock: Clock,
  day: number,
  tz: number,
  profile: 'work' | 'evening' | 'mixed',
): number {
  const weights: [number, number][] = [];
  for (let h = 0; h < 24; h++) weights.push([h, humanHourWeight(h, profile)]);
  const localHour = rng.weighted(weights);
  const localMs = localHour * HOUR + rng.int(0, HOUR - 1);
  let ts = clock.start + day * DAY + localMs - tz * HOUR;
  if (ts < clock.start) ts += DAY;
  if (ts >= clock.end) ts -= DAY;
  return ts;
}

export function isWeekend(clock: Clock, ts: number, tz: number): boolean {
  const d = new Date(ts + tz * HOUR).getUTCDay();
  return d === 0 || d === 6;
}

export function iso(ts: number): string {
  return new Date(ts).toISOString();
}
