// The invented world: one provider (Halden AI), its models, countries, networks and clients,
// and the account factory every family uses.
import type { Rng } from './rng.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MIN = 60_000;

export interface Model {
  id: string;
  reasoning: boolean;
  tps: number;
  ttft: number;
  maxOut: number;
}

export const MODELS = {
  flash: { id: 'halden-1.5-flash', reasoning: false, tps: 190, ttft: 230, maxOut: 8192 },
  pro: { id: 'halden-1.5', reasoning: false, tps: 85, ttft: 480, maxOut: 8192 },
  think: { id: 'halden-1.5-think', reasoning: true, tps: 120, ttft: 700, maxOut: 32768 },
  next: { id: 'halden-2', reasoning: true, tps: 95, ttft: 620, maxOut: 32768 },
} satisfies Record<string, Model>;
export type ModelKey = keyof typeof MODELS;

export interface Country {
  code: string;
  tz: number;
  langs: string[];
  weight: number;
}

export const COUNTRIES: Country[] = [
  { code: 'US', tz: -5, langs: ['en'], weight: 22 },
  { code: 'US', tz: -8, langs: ['en'], weight: 12 },
  { code: 'CA', tz: -5, langs: ['en', 'fr'], weight: 3 },
  { code: 'MX', tz: -6, langs: ['es'], weight: 3 },
  { code: 'BR', tz: -3, langs: ['pt'], weight: 5 },
  { code: 'AR', tz: -3, langs: ['es'], weight: 2 },
  { code: 'GB', tz: 0, langs: ['en'], weight: 7 },
  { code: 'IE', tz: 0, langs: ['en'], weight: 1 },
  { code: 'DE', tz: 1, langs: ['de'], weight: 6 },
  { code: 'FR', tz: 1, langs: ['fr'], weight: 5 },
  { code: 'ES', tz: 1, langs: ['es'], weight: 3 },
  { code: 'IT', tz: 1, langs: ['it'], weight: 2 },
  { code: 'NL', tz: 1, langs: ['nl', 'en'], weight: 2 },
  { code: 'PL', tz: 1, langs: ['pl'], weight: 2 },
  { code: 'NG', tz: 1, langs: ['en'], weight: 2 },
  { code: 'UA', tz: 2, langs: ['uk', 'ru'], weight: 1 },
  { code: 'EG', tz: 2, langs: ['ar'], weight: 1 },
  { code: 'TR', tz: 3, langs: ['tr'], weight: 2 },
  { code: 'SA', tz: 3, langs: ['ar'], weight: 1 },
  { code: 'KE', tz: 3, langs: ['sw', 'en'], weight: 1 },
  { code: 'IR', tz: 3.5, langs: ['fa'], weight: 1 },
  { code: 'IN', tz: 5.5, langs: ['en', 'hi'], weight: 9 },
  { code: 'VN', tz: 7, langs: ['vi'], weight: 2 },
  { code: 'TH', tz: 7, langs: ['th'], weight: 1 },
  { code: 'ID', tz: 7, langs: ['id'], weight: 2 },
  { code: 'SG', tz: 8, langs: ['en', 'zh'], weight: 2 },
  { code: 'HK', tz: 8, langs: ['zh', 'en'], weight: 2 },
  { code: 'TW', tz: 8, langs: ['zh'], weight: 1 },
  { code: 'KR', tz: 9, langs: ['ko'], weight: 3 },
  { code: 'JP', tz: 9, langs: ['ja'], weight: 4 },
  { code: 'AU', tz: 10, langs: ['en'], weight: 2 },
];

export function country(code: string, rng?: Rng): Country {
  const xs = COUNTRIES.filter((c) => c.code === code);
  const c = rng && xs.length > 1 ? rng.pick(xs) : xs[0];
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}

export function randomCountry(rng: Rng): Country {
  return rng.weighted(COUNTRIES.map((c) => [c, c.weight] as const));
}

// ---- networks ----------------------------------------------------------------------------

export type NetKind =
  'broadband' | 'mobile' | 'cloud' | 'hosting' | 'campus' | 'corporate' | 'resi-proxy';

export interface Network {
  name: string;
  kind: NetKind;
  /** Address pool: a list of prefixes (2 or 3 octets) and how many host bits vary. */
  prefixes: string[];
  hostSpan: number;
}

function ipIn(rng: Rng, n: Network): string {
  const pre = rng.pick(n.prefixes);
  const parts = pre.split('.').length;
  if (parts === 3) return `${pre}.${rng.int(1, Math.min(254, n.hostSpan))}`;
  if (parts === 2) return `${pre}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  return `${pre}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** The world's address plan, built once per seed. */
export class Nets {
  readonly broadband = new Map<string, Network[]>();
  readonly mobile = new Map<string, Network[]>();
  readonly cloud: Network[] = [];
  readonly hosting: Network[] = [];
  /** Shared NATs other families reuse (set by the families that own them). */
  campusShared?: Network;
  corpShared?: Network;
  private used = new Set<string>();

  constructor(private rng: Rng) {
    for (const c of new Set(COUNTRIES.map((x) => x.code))) {
      const bb: Network[] = [];
      for (let i = 0; i < 3; i++)
        bb.push({
          name: `${c}-isp${i}`,
          kind: 'broadband',
          prefixes: [this.fresh2(), this.fresh2()],
          hostSpan: 254,
        });
      this.broadband.set(c, bb);
      const mob: Network[] = [];
      for (let i = 0; i < 2; i++)
        mob.push({
          name: `${c}-mobile${i}`,
          kind: 'mobile',
          prefixes: [this.fresh3(), this.fresh3(), this.fresh3()],
          hostSpan: 90,
        });
      this.mobile.set(c, mob);
    }
    const clouds = ['nimbus', 'stratus', 'azurite'];
    for (const cl of clouds)
      for (const region of ['us-east', 'us-west', 'eu-central', 'ap-south', 'ap-northeast'])
        this.cloud.push({
          name: `${cl}-${region}`,
          kind: 'cloud',
          prefixes: [this.fresh2(), this.fresh2()],
          hostSpan: 254,
        });
    for (const h of ['hetzbox', 'ovhost', 'droplethub', 'linode-ish', 'vultrix', 'contabo-ish'])
      this.hosting.push({
        name: h,
        kind: 'hosting',
        prefixes: [this.fresh3(), this.fresh3(), this.fresh3(), this.fresh3()],
        hostSpan: 254,
      });
  }

  private fresh2(): string {
    for (;;) {
      const a = this.rng.pick([
        2, 5, 24, 31, 37, 41, 46, 49, 58, 60, 62, 67, 68, 71, 73, 76, 77, 78, 79, 80, 81, 82, 83,
        84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 101, 103, 106, 109, 110,
        111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 175, 176,
        177, 178, 179, 180, 181, 182, 183, 186, 187, 188, 189, 190, 191, 200, 201, 210, 211, 212,
        213, 217, 218, 219, 220, 221, 222,
      ]);
      const p = `${a}.${this.rng.int(0, 255)}`;
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }

  private fresh3(): string {
    return `${this.fresh2()}.${this.rng.int(0, 255)}`;
  }

  /** A small NAT (campus or office): a handful of egress addresses. */
  nat(name: string, kind: 'campus' | 'corporate', size: number): Network {
    const pre = this.fresh3();
    const start = this.rng.int(2, 200);
    return {
      name,
      kind,
      prefixes: Array.from({ length: size }, (_, i) => `${pre}.${start + i}`),
      hostSpan: 1,
    };
  }

  home(rng: Rng, cc: string): Network {
    return rng.pick(this.broadband.get(cc) ?? this.broadband.get('US') ?? []);
  }

  mob(rng: Rng, cc: string): Network {
    return rng.pick(this.mobile.get(cc) ?? this.mobile.get('US') ?? []);
  }

  /** Residential-proxy exit: a broadband address in one of the given countries. */
  resi(rng: Rng, ccs: string[]): string {
    return ipOf(rng, this.home(rng, rng.pick(ccs)));
  }
}

export function ipOf(rng: Rng, n: Network): string {
  if (n.hostSpan === 1) return rng.pick(n.prefixes);
  return ipIn(rng, n);
}

// ---- clients -----------------------------------------------------------------------------

export type Api = 'openai' | 'anthropic';

export interface Client {
  name: string;
  apis: Api[];
  ja4: string;
  ua: (rng: Rng) => string;
  headers: (api: Api) => string[];
}

const stainless = (_lang: string) => [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];
const auth = (api: Api) =>
  api === 'openai' ? ['authorization'] : ['x-api-key', 'anthropic-version'];

const JA4 = {
  pyOpenssl: 't13d1812h1_85036bcba153_b26ce05bbdd6',
  pyOpenssl3: 't13d1813h1_85036bcba153_375ca2c5e164',
  node: 't13d1710h1_5b57614c22b0_a68a4e5a5e5c',
  node22: 't13d1711h1_5b57614c22b0_e9a4c5c3d3b9',
  chrome: 't13d1516h2_8daaf6152771_02713d6af862',
  firefox: 't13d1715h2_5b57614c22b0_3d5424432f57',
  safari: 't13d2014h2_a09f3c656075_14788d8d241b',
  curl: 't13d3112h2_e8f1e7e78f70_6bebaf5329ac',
  go: 't13d1312h2_f57a46bbacb6_ab7e3b40a677',
  java: 't13d1210h2_2a284e3b0c56_a1b8d4b7e8c2',
  rust: 't13d0912h2_f91f431d341e_dc0a5fa4b8d1',
} as const;

const v = (rng: Rng, major: number, minors: number, patches: number) =>
  `${major}.${rng.int(0, minors)}.${rng.int(0, patches)}`;
const OSES = ['Linux', 'MacOS', 'Windows'];

export const CLIENTS = {
  openaiPy: {
    name: 'openai-python',
    apis: ['openai'],
    ja4: JA4.pyOpenssl,
    ua: (r) => `OpenAI/Python ${v(r, 1, 60, 9)}`,
    headers: (a) => [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...stainless('python'),
      ...auth(a),
      'x-stainless-retry-count',
      'content-length',
    ],
  },
  openaiNode: {
    name: 'openai-node',
    apis: ['openai'],
    ja4: JA4.node,
    ua: (r) => `OpenAI/JS ${v(r, 4, 80, 5)}`,
    headers: (a) => [
      'host',
      'connection',
      'content-type',
      ...auth(a),
      'user-agent',
      ...stainless('js'),
      'x-stainless-retry-count',
      'accept',
      'accept-encoding',
      'content-length',
    ],
  },
  anthropicPy: {
    name: 'anthropic-python',
    apis: ['anthropic'],
    ja4: JA4.pyOpenssl3,
    ua: (r) => `Anthropic/Python ${v(r, 0, 45, 3)}`,
    headers: (a) => [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...stainless('python'),
      ...auth(a),
      'x-stainless-timeout',
      'content-length',
    ],
  },
  anthropicTs: {
    name: 'anthropic-ts',
    apis: ['anthropic'],
    ja4: JA4.node22,
    ua: (r) => `Anthropic/JS ${v(r, 0, 40, 4)}`,
    headers: (a) => [
      'host',
      'connection',
      'content-type',
      ...auth(a),
      'user-agent',
      ...stainless('js'),
      'accept',
      'accept-encoding',
      'content-length',
    ],
  },
  httpx: {
    name: 'python-httpx',
    apis: ['openai', 'anthropic'],
    ja4: JA4.pyOpenssl,
    ua: (r) => `python-httpx/0.${r.int(25, 28)}.${r.int(0, 2)}`,
    headers: (a) => [
      'host',
      'accept',
      'accept-encoding',
      'connection',
      'user-agent',
      ...auth(a),
      'content-type',
      'content-length',
    ],
  },
  requests: {
    name: 'python-requests',
    apis: ['openai', 'anthropic'],
    ja4: JA4.pyOpenssl3,
    ua: (r) => `python-requests/2.${r.int(28, 32)}.${r.int(0, 3)}`,
    headers: (a) => [
      'host',
      'user-agent',
      'accept-encoding',
      'accept',
      'connection',
      ...auth(a),
      'content-type',
      'content-length',
    ],
  },
  aiohttp: {
    name: 'aiohttp',
    apis: ['openai', 'anthropic'],
    ja4: JA4.pyOpenssl3,
    ua: (r) => `Python/3.${r.int(10, 12)} aiohttp/3.${r.int(8, 10)}.${r.int(0, 5)}`,
    headers: (a) => [
      'host',
      ...auth(a),
      'content-type',
      'accept',
      'accept-encoding',
      'user-agent',
      'content-length',
    ],
  },
  litellm: {
    name: 'litellm',
    apis: ['openai', 'anthropic'],
    ja4: JA4.pyOpenssl,
    ua: (r) => `litellm/1.${r.int(40, 60)}.${r.int(0, 12)}`,
    headers: (a) => [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...auth(a),
      'content-length',
    ],
  },
  curl: {
    name: 'curl',
    apis: ['openai', 'anthropic'],
    ja4: JA4.curl,
    ua: (r) => `curl/8.${r.int(4, 11)}.${r.int(0, 1)}`,
    headers: (a) => ['host', 'user-agent', 'accept', ...auth(a), 'content-type', 'content-length'],
  },
  goHttp: {
    name: 'go-http',
    apis: ['openai', 'anthropic'],
    ja4: JA4.go,
    ua: () => 'Go-http-client/2.0',
    headers: (a) => [
      'host',
      'user-agent',
      'content-length',
      ...auth(a),
      'content-type',
      'accept-encoding',
    ],
  },
  okhttp: {
    name: 'okhttp',
    apis: ['openai'],
    ja4: JA4.java,
    ua: (r) => `okhttp/4.${r.int(9, 12)}.${r.int(0, 3)}`,
    headers: (a) => [
      'host',
      ...auth(a),
      'content-type',
      'content-length',
      'accept-encoding',
      'user-agent',
    ],
  },
  reqwest: {
    name: 'reqwest',
    apis: ['openai', 'anthropic'],
    ja4: JA4.rust,
    ua: () => 'reqwest/0.12',
    headers: (a) => ['host', 'content-type', ...auth(a), 'accept', 'content-length'],
  },
  forgeIde: {
    name: 'forgecode-vscode',
    apis: ['openai', 'anthropic'],
    ja4: JA4.node22,
    ua: (r) => `ForgeCode/${v(r, 2, 9, 20)} vscode/1.${r.int(94, 99)}.${r.int(0, 3)} node/22`,
    headers: (a) => [
      'host',
      'connection',
      'content-type',
      'user-agent',
      ...auth(a),
      'x-forge-session',
      'x-forge-client-version',
      'accept',
      'accept-encoding',
      'content-length',
    ],
  },
  tessellate: {
    name: 'tessellate-jetbrains',
    apis: ['openai'],
    ja4: JA4.java,
    ua: (r) =>
      `Tessellate-JetBrains/0.${r.int(8, 14)}.${r.int(0, 9)} (IntelliJ IDEA 2025.${r.int(1, 3)})`,
    headers: (a) => [
      'host',
      'user-agent',
      ...auth(a),
      'content-type',
      'accept',
      'content-length',
      'accept-encoding',
    ],
  },
  termAgent: {
    name: 'burrow-cli',
    apis: ['anthropic', 'openai'],
    ja4: JA4.node22,
    ua: (r) => `burrow-cli/${v(r, 1, 12, 30)} (${r.pick(OSES).toLowerCase()}; node 22)`,
    headers: (a) => [
      'host',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...auth(a),
      'x-burrow-session',
      'accept-encoding',
      'content-length',
    ],
  },
  chrome: {
    name: 'chrome',
    apis: ['openai'],
    ja4: JA4.chrome,
    ua: (r) =>
      `Mozilla/5.0 (${r.pick(['Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'X11; Linux x86_64'])}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${r.int(130, 136)}.0.0.0 Safari/537.36`,
    headers: (a) => [
      'host',
      'connection',
      'content-length',
      'sec-ch-ua-platform',
      ...auth(a),
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
    ],
  },
  firefox: {
    name: 'firefox',
    apis: ['openai'],
    ja4: JA4.firefox,
    ua: (r) => {
      const fv = r.int(128, 137);
      return `Mozilla/5.0 (${r.pick(['Windows NT 10.0; Win64; x64', 'X11; Ubuntu; Linux x86_64'])}; rv:${fv}.0) Gecko/20100101 Firefox/${fv}.0`;
    },
    headers: (a) => [
      'host',
      'user-agent',
      'accept',
      'accept-language',
      'accept-encoding',
      'referer',
      'content-type',
      ...auth(a),
      'content-length',
      'origin',
      'connection',
      'sec-fetch-dest',
      'sec-fetch-mode',
      'sec-fetch-site',
    ],
  },
  safari: {
    name: 'safari',
    apis: ['openai'],
    ja4: JA4.safari,
    ua: (r) =>
      `Mozilla/5.0 (${r.pick(['Macintosh; Intel Mac OS X 10_15_7', 'iPhone; CPU iPhone OS 18_3 like Mac OS X'])}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.${r.int(0, 4)} Safari/605.1.15`,
    headers: (a) => [
      'host',
      'content-type',
      'accept',
      ...auth(a),
      'sec-fetch-site',
      'accept-language',
      'sec-fetch-mode',
      'accept-encoding',
      'origin',
      'user-agent',
      'referer',
      'content-length',
      'connection',
      'sec-fetch-dest',
    ],
  },
} satisfies Record<string, Client>;
export type ClientKey = keyof typeof CLIENTS;

// ---- names, emails, payment --------------------------------------------------------------

const FIRST: Record<string, string[]> = {
  en: [
    'james',
    'emma',
    'liam',
    'olivia',
    'noah',
    'ava',
    'ethan',
    'mia',
    'lucas',
    'chloe',
    'ryan',
    'grace',
    'aiden',
    'zoe',
    'kate',
    'sam',
  ],
  es: ['sofia', 'mateo', 'valentina', 'santiago', 'lucia', 'diego', 'camila', 'javier'],
  pt: ['joao', 'ana', 'pedro', 'beatriz', 'rafael', 'larissa', 'thiago'],
  fr: ['lucie', 'hugo', 'camille', 'louis', 'manon', 'theo'],
  de: ['lukas', 'lena', 'jonas', 'anna', 'felix', 'marie', 'paul'],
  it: ['giulia', 'marco', 'chiara', 'luca', 'francesca'],
  nl: ['daan', 'sanne', 'bram', 'femke'],
  pl: ['kasia', 'piotr', 'agnieszka', 'tomasz'],
  tr: ['emre', 'elif', 'burak', 'zeynep'],
  ru: ['ivan', 'olga', 'dmitry', 'anya'],
  uk: ['oksana', 'taras', 'iryna', 'bohdan'],
  ar: ['omar', 'layla', 'youssef', 'mariam'],
  hi: ['arjun', 'priya', 'rohan', 'ananya', 'vikram', 'sneha', 'rahul', 'kavya'],
  id: ['budi', 'sari', 'agus', 'dewi'],
  vi: ['minh', 'linh', 'huy', 'trang'],
  th: ['somchai', 'nok', 'anan', 'ploy'],
  zh: ['wei', 'jing', 'hao', 'xin', 'lei', 'yan', 'chen', 'yu'],
  ja: ['haruto', 'yui', 'sota', 'hina', 'ren'],
  ko: ['minjun', 'seoyeon', 'jiho', 'hayoon'],
  sw: ['amani', 'baraka', 'neema', 'juma'],
  fa: ['reza', 'sara', 'ali', 'niloufar'],
};
const LAST = [
  'smith',
  'garcia',
  'mueller',
  'rossi',
  'kim',
  'nguyen',
  'tanaka',
  'singh',
  'sharma',
  'silva',
  'martin',
  'kowalski',
  'yilmaz',
  'ivanov',
  'hassan',
  'wang',
  'li',
  'zhang',
  'patel',
  'okafor',
  'dubois',
  'jensen',
  'novak',
  'park',
  'santos',
  'kumar',
  'ahmed',
  'chen',
  'lopez',
  'brown',
];
const WEBMAIL: Record<string, string[]> = {
  default: [
    'gmail.com',
    'gmail.com',
    'gmail.com',
    'outlook.com',
    'yahoo.com',
    'icloud.com',
    'proton.me',
    'hotmail.com',
  ],
  CN: ['qq.com', '163.com', 'gmail.com', 'outlook.com'],
  HK: ['gmail.com', 'outlook.com', 'yahoo.com.hk'],
  KR: ['naver.com', 'gmail.com', 'daum.net'],
  DE: ['gmail.com', 'web.de', 'gmx.de', 'outlook.de'],
  RU: ['yandex.ru', 'mail.ru', 'gmail.com'],
  UA: ['ukr.net', 'gmail.com'],
  JP: ['gmail.com', 'yahoo.co.jp', 'icloud.com'],
  FR: ['gmail.com', 'orange.fr', 'free.fr', 'outlook.fr'],
  BR: ['gmail.com', 'hotmail.com', 'uol.com.br'],
};

export function personName(rng: Rng, lang: string): { first: string; last: string } {
  return { first: rng.pick(FIRST[lang] ?? (FIRST.en as string[])), last: rng.pick(LAST) };
}

export function webmail(rng: Rng, c: Country | string, lang: string): string {
  const cc = typeof c === 'string' ? c : c.code;
  const { first, last } = personName(rng, lang);
  const dom = rng.pick(WEBMAIL[cc] ?? (WEBMAIL.default as string[]));
  const style = rng.int(0, 5);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first}${last}${rng.int(1, 99)}`
        : style === 2
          ? `${first[0]}${last}`
          : style === 3
            ? `${first}_${rng.int(1980, 2008)}`
            : style === 4
              ? `${last}.${first}${rng.int(1, 9)}`
              : `${first}${rng.hex(3)}`;
  return `${local}@${dom}`;
}

export function workEmail(rng: Rng, domain: string, lang = 'en'): string {
  const { first, last } = personName(rng, lang);
  return rng.chance(0.7) ? `${first}.${last}@${domain}` : `${first[0]}${last}@${domain}`;
}

export function paymentFp(rng: Rng): string {
  return `pm_${rng.hex(20)}`;
}

// ---- accounts ----------------------------------------------------------------------------

export type Tier = 'free' | 'tier-1' | 'tier-2' | 'tier-3' | 'tier-4' | 'enterprise';
export type Route =
  | 'self-serve'
  | 'enterprise'
  | 'education'
  | 'research'
  | 'startup-credits'
  | 'marketplace'
  | 'partner';

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: Tier;
  route: Route;
  verified?: boolean;
  contract?: { id: string; kind: string; signedAt: string; permitsTraining?: boolean };
  org?: string;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
  family: string;
}

/** Everything a family needs to send requests as this account. */
export interface Actor {
  rec: AccountRecord;
  keys: string[];
  tz: number;
  lang: string;
  client: Client;
  ua: string;
  api: Api;
  net: Network;
  /** Secondary network (phone, travel) used now and then. */
  alt: Network | null;
  rng: Rng;
}
