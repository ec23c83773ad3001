// Seeded PRNG, time helpers, and synthetic network/client infrastructure.
// Written blind (see README.md "Rules").

function xmur3(str: string): () => number {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^= h >>> 16) >>> 0;
  };
}

export function hash32(s: string): number {
  return xmur3(s)();
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly label: string;
  constructor(seed: string | number) {
    this.label = String(seed);
    const h = xmur3(this.label);
    this.a = h();
    this.b = h();
    this.c = h();
    this.d = h();
    for (let i = 0; i < 12; i++) this.next();
  }
  fork(label: string): Rng {
    return new Rng(this.label + '/' + label);
  }
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  float(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from empty array');
    return arr[Math.floor(this.next() * arr.length)] as T;
  }
  pickN<T>(arr: readonly T[], n: number): T[] {
    const copy = arr.slice();
    this.shuffle(copy);
    return copy.slice(0, Math.min(n, copy.length));
  }
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let tot = 0;
    for (const [, w] of items) tot += w;
    let x = this.next() * tot;
    for (const [v, w] of items) {
      x -= w;
      if (x <= 0) return v;
    }
    return items[items.length - 1]![0];
  }
  normal(): number {
    const u = Math.max(1e-12, this.next());
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }
  exp(mean: number): number {
    return -Math.log(Math.max(1e-12, 1 - this.next())) * mean;
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
  hex(n: number): string {
    let s = '';
    while (s.length < n)
      s += Math.floor(this.next() * 4294967296)
        .toString(16)
        .padStart(8, '0');
    return s.slice(0, n);
  }
  id(n = 24): string {
    const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let s = '';
    for (let i = 0; i < n; i++) s += abc[Math.floor(this.next() * abc.length)];
    return s;
  }
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const MIN = 60_000;

// ---------------------------------------------------------------- countries
export interface Country {
  code: string;
  tz: number; // hours offset from UTC (rough)
  octets: number[]; // first octets used for residential space
}
export const COUNTRIES: Country[] = [
  { code: 'US', tz: -6, octets: [24, 67, 71, 73, 98, 107, 174] },
  { code: 'CA', tz: -5, octets: [70, 99, 142] },
  { code: 'BR', tz: -3, octets: [177, 179, 187, 189] },
  { code: 'MX', tz: -6, octets: [187, 189, 201] },
  { code: 'GB', tz: 0, octets: [81, 86, 90, 92] },
  { code: 'DE', tz: 1, octets: [79, 84, 87, 91] },
  { code: 'FR', tz: 1, octets: [78, 82, 90] },
  { code: 'NL', tz: 1, octets: [77, 83, 145] },
  { code: 'PL', tz: 1, octets: [31, 83, 89] },
  { code: 'ES', tz: 1, octets: [79, 83, 88] },
  { code: 'TR', tz: 3, octets: [78, 88, 176] },
  { code: 'NG', tz: 1, octets: [102, 105, 197] },
  { code: 'KE', tz: 3, octets: [41, 102, 105] },
  { code: 'ZA', tz: 2, octets: [41, 102, 105, 196] },
  { code: 'IN', tz: 5.5, octets: [49, 103, 117, 122] },
  { code: 'ID', tz: 7, octets: [36, 110, 114, 180] },
  { code: 'VN', tz: 7, octets: [14, 113, 116, 171] },
  { code: 'PH', tz: 8, octets: [112, 120, 175] },
  { code: 'SG', tz: 8, octets: [116, 118, 175] },
  { code: 'JP', tz: 9, octets: [106, 114, 126, 153] },
  { code: 'KR', tz: 9, octets: [58, 112, 121, 211] },
  { code: 'AU', tz: 10, octets: [101, 110, 120, 124] },
  { code: 'KZ', tz: 5, octets: [2, 37, 95] },
  { code: 'EG', tz: 2, octets: [41, 156, 197] },
];
export const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));
export function country(code: string): Country {
  return COUNTRY_BY_CODE.get(code) ?? COUNTRIES[0]!;
}

/** Residential address inside a country's (fictional, stable) address space. */
export function residentialIp(code: string, r: Rng): string {
  const c = country(code);
  const a = r.pick(c.octets);
  const seconds = [0, 1, 2, 3, 4, 5].map((i) => (hash32(`${code}:${a}:${i}`) % 250) + 2);
  return `${a}.${r.pick(seconds)}.${r.int(0, 255)}.${r.int(1, 254)}`;
}

const CLOUDS: Record<string, string[]> = {
  aws: ['3.84', '3.120', '18.204', '34.201', '44.192', '52.14', '52.90', '54.156', '54.210'],
  gcp: ['34.66', '34.118', '35.185', '35.237', '104.196'],
  azure: ['20.42', '20.106', '40.76', '52.167', '13.91'],
  hetzner: ['65.108', '95.216', '116.202', '135.181', '162.55'],
  ovh: ['51.38', '51.75', '54.36', '147.135'],
  digitalocean: ['159.89', '167.99', '143.198', '164.92'],
  hosting: [
    '45.134',
    '45.147',
    '185.220',
    '185.107',
    '194.87',
    '193.36',
    '91.92',
    '103.152',
    '45.88',
  ],
};
export function cloudPrefix(provider: keyof typeof CLOUDS | string, r: Rng): string {
  const list = CLOUDS[provider] ?? CLOUDS['aws']!;
  return `${r.pick(list)}.${r.int(0, 255)}`;
}
export function ipIn24(prefix24: string, r: Rng): string {
  return `${prefix24}.${r.int(2, 253)}`;
}

// ---------------------------------------------------------------- clients
export interface Client {
  kind: string;
  ua: string;
  ja4: string;
  headerOrder: string[];
  endpoint: 'chat.completions' | 'messages';
}

const JA4 = {
  pyHttpx: 't13d1812h2_85036bcba153_b26ce05bbdd6',
  pyRequests: 't13d1811h1_85036bcba153_7d5ad9b1a3e7',
  node: 't13d5911h1_a33745022dd6_1f22a2ca17c4',
  nodeUndici: 't13d1713h2_5b57614c22b0_ef7df7f74e48',
  curl: 't13d3112h2_e8f1e7e78f70_6bebaf5329ac',
  go: 't13d1011h2_61a7ad8aa9b6_3b5074b1b5d0',
  chrome: 't13d1516h2_8daaf6152771_02713d6af862',
  chromeOld: 't13d1517h2_8daaf6152771_b0da82dd1658',
  firefox: 't13d1715h2_5b57614c22b0_3d5424432f57',
  safari: 't13d2014h2_a09f3c656075_14788d8d241b',
  java: 't13d1514h2_de4a06bb82e3_ef7df7f74e48',
  rust: 't13d0910h2_f91f431d341e_e7c285222651',
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
  | 'openai-py'
  | 'openai-js'
  | 'anthropic-py'
  | 'anthropic-ts'
  | 'requests'
  | 'httpx'
  | 'curl'
  | 'go'
  | 'chrome'
  | 'firefox'
  | 'safari'
  | 'langchain'
  | 'litellm'
  | 'continue'
  | 'cline'
  | 'aider'
  | 'java'
  | 'rust'
  | 'custom-bot'
  | 'lm-eval'
  | 'openai-py-async';

export function makeClient(kind: ClientKind, r: Rng, botName?: string): Client {
  // Draw (and discard) a Python version to keep the RNG sequence stable.
  r.pick([10, 11, 11, 12, 12, 13]);
  r.int(1, 9);
  switch (kind) {
    case 'openai-py':
    case 'openai-py-async':
      return {
        kind,
        ua: `OpenAI/Python 1.${r.int(40, 61)}.${r.int(0, 9)}`,
        ja4: JA4.pyHttpx,
        headerOrder: [
          'host',
          'accept-encoding',
          'connection',
          'accept',
          'content-type',
          'user-agent',
          ...STAINLESS,
          'authorization',
          ...(kind === 'openai-py-async' ? ['x-stainless-async'] : []),
          'x-stainless-retry-count',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'lm-eval':
      return {
        kind,
        ua: `OpenAI/Python 1.${r.int(30, 45)}.${r.int(0, 9)}`,
        ja4: JA4.pyHttpx,
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
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'openai-js':
      return {
        kind,
        ua: `OpenAI/JS 4.${r.int(60, 104)}.${r.int(0, 9)}`,
        ja4: JA4.nodeUndici,
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
        endpoint: 'chat.completions',
      };
    case 'anthropic-py':
      return {
        kind,
        ua: `Anthropic/Python 0.${r.int(34, 62)}.${r.int(0, 4)}`,
        ja4: JA4.pyHttpx,
        headerOrder: [
          'host',
          'accept-encoding',
          'connection',
          'accept',
          'content-type',
          'user-agent',
          ...STAINLESS,
          'x-api-key',
          'anthropic-version',
          'x-stainless-retry-count',
          'content-length',
        ],
        endpoint: 'messages',
      };
    case 'anthropic-ts':
      return {
        kind,
        ua: `Anthropic/JS 0.${r.int(27, 55)}.${r.int(0, 3)}`,
        ja4: JA4.nodeUndici,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'accept',
          'anthropic-version',
          'user-agent',
          ...STAINLESS,
          'x-api-key',
          'content-length',
          'accept-encoding',
        ],
        endpoint: 'messages',
      };
    case 'requests':
      return {
        kind,
        ua: `python-requests/2.${r.pick([28, 31, 32])}.${r.int(0, 3)}`,
        ja4: JA4.pyRequests,
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
        endpoint: 'chat.completions',
      };
    case 'httpx':
      return {
        kind,
        ua: `python-httpx/0.${r.pick([25, 27, 28])}.${r.int(0, 2)}`,
        ja4: JA4.pyHttpx,
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
        endpoint: r.chance(0.3) ? 'messages' : 'chat.completions',
      };
    case 'curl':
      return {
        kind,
        ua: `curl/8.${r.int(4, 11)}.${r.int(0, 1)}`,
        ja4: JA4.curl,
        headerOrder: [
          'host',
          'user-agent',
          'accept',
          'authorization',
          'content-type',
          'content-length',
        ],
        endpoint: r.chance(0.25) ? 'messages' : 'chat.completions',
      };
    case 'go':
      return {
        kind,
        ua: 'Go-http-client/2.0',
        ja4: JA4.go,
        headerOrder: [
          'host',
          'user-agent',
          'content-length',
          'authorization',
          'content-type',
          'accept-encoding',
        ],
        endpoint: 'chat.completions',
      };
    case 'java':
      return {
        kind,
        ua: `Java-http-client/${r.pick(['17.0.9', '21.0.2', '21.0.5'])}`,
        ja4: JA4.java,
        headerOrder: ['content-length', 'host', 'user-agent', 'authorization', 'content-type'],
        endpoint: 'chat.completions',
      };
    case 'rust':
      return {
        kind,
        ua: `reqwest/0.12.${r.int(2, 9)}`,
        ja4: JA4.rust,
        headerOrder: ['content-type', 'authorization', 'accept', 'host', 'content-length'],
        endpoint: r.chance(0.4) ? 'messages' : 'chat.completions',
      };
    case 'chrome':
    case 'firefox':
    case 'safari': {
      const ua =
        kind === 'chrome'
          ? `Mozilla/5.0 (${r.pick(['Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'X11; Linux x86_64'])}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${r.int(128, 134)}.0.0.0 Safari/537.36`
          : kind === 'firefox'
            ? `Mozilla/5.0 (${r.pick(['Windows NT 10.0; Win64; x64; rv:13', 'X11; Ubuntu; Linux x86_64; rv:13'])}${r.int(0, 4)}.0) Gecko/20100101 Firefox/13${r.int(0, 4)}.0`
            : `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.${r.int(0, 3)} Safari/605.1.15`;
      return {
        kind,
        ua,
        ja4:
          kind === 'chrome'
            ? r.chance(0.8)
              ? JA4.chrome
              : JA4.chromeOld
            : kind === 'firefox'
              ? JA4.firefox
              : JA4.safari,
        headerOrder: [
          'host',
          'connection',
          'content-length',
          'sec-ch-ua',
          'authorization',
          'content-type',
          'sec-ch-ua-mobile',
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
        ],
        endpoint: r.chance(0.3) ? 'messages' : 'chat.completions',
      };
    }
    case 'langchain':
      return {
        kind,
        ua: `OpenAI/Python 1.${r.int(40, 61)}.${r.int(0, 9)}`,
        ja4: JA4.pyHttpx,
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
          'x-stainless-raw-response',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'litellm':
      return {
        kind,
        ua: `litellm/1.${r.int(40, 63)}.${r.int(0, 20)}`,
        ja4: JA4.pyHttpx,
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
        endpoint: r.chance(0.3) ? 'messages' : 'chat.completions',
      };
    case 'continue':
      return {
        kind,
        ua: `Continue/0.${r.int(8, 9)}.${r.int(40, 70)} (vscode ${r.pick(['1.94.2', '1.95.3', '1.96.0'])})`,
        ja4: JA4.node,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'authorization',
          'user-agent',
          'accept',
          'accept-encoding',
          'content-length',
        ],
        endpoint: 'chat.completions',
      };
    case 'cline':
      return {
        kind,
        ua: `Cline/3.${r.int(1, 9)}.${r.int(0, 12)}`,
        ja4: JA4.nodeUndici,
        headerOrder: [
          'host',
          'connection',
          'content-type',
          'accept',
          'anthropic-version',
          'user-agent',
          'x-api-key',
          'content-length',
          'accept-encoding',
        ],
        endpoint: 'messages',
      };
    case 'aider':
      return {
        kind,
        ua: `litellm/1.${r.int(48, 60)}.${r.int(0, 9)} aider/0.${r.int(60, 75)}.${r.int(0, 3)}`,
        ja4: JA4.pyHttpx,
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
        endpoint: 'chat.completions',
      };
    case 'custom-bot':
      return {
        kind,
        ua: `${botName ?? 'acme-bot'}/${r.int(1, 4)}.${r.int(0, 12)}.${r.int(0, 9)} (+https://${(botName ?? 'acme-bot').toLowerCase()}.dev/bot)`,
        ja4: r.pick([JA4.go, JA4.nodeUndici, JA4.pyHttpx]),
        headerOrder: [
          'host',
          'user-agent',
          'authorization',
          'content-type',
          'accept',
          'content-length',
          'accept-encoding',
        ],
        endpoint: 'chat.completions',
      };
  }
}

/** A client that claims one identity but whose TLS stack is another (sloppy impersonation). */
export function spoofedClient(r: Rng): Client {
  const base = makeClient(
    r.pick<ClientKind>(['openai-py', 'chrome', 'openai-js', 'anthropic-py']),
    r,
  );
  base.ja4 = r.pick([JA4.go, JA4.rust, JA4.curl]);
  base.kind += '~spoof';
  return base;
}

// ---------------------------------------------------------------- people
export const FIRST = [
  'james',
  'maria',
  'wei',
  'aisha',
  'olu',
  'lucas',
  'sofia',
  'arjun',
  'priya',
  'kenji',
  'yuki',
  'minjun',
  'seo-yeon',
  'omar',
  'fatima',
  'ivan',
  'olga',
  'pierre',
  'chloe',
  'hans',
  'lena',
  'diego',
  'camila',
  'thabo',
  'amara',
  'kwame',
  'nguyen',
  'linh',
  'budi',
  'sari',
  'jose',
  'ana',
  'tom',
  'emma',
  'noah',
  'mia',
  'ali',
  'zeynep',
  'mehmet',
  'piotr',
  'kasia',
  'raj',
  'anil',
  'sunita',
  'chen',
  'hui',
  'daniel',
  'sarah',
  'michael',
  'laura',
  'ahmed',
  'nour',
  'tariq',
  'grace',
  'samuel',
  'ruth',
  'joao',
  'beatriz',
  'mateo',
  'valentina',
  'erik',
  'ingrid',
  'akira',
  'haruto',
  'dmitri',
  'elena',
  'kofi',
  'adaeze',
  'chidi',
  'wanjiru',
  'otieno',
  'aziz',
  'dana',
  'ruslan',
  'mariam',
  'isabel',
  'lukas',
];
export const LAST = [
  'smith',
  'garcia',
  'wang',
  'okafor',
  'silva',
  'patel',
  'tanaka',
  'kim',
  'hassan',
  'petrov',
  'dubois',
  'muller',
  'rossi',
  'nguyen',
  'santoso',
  'lopez',
  'johnson',
  'brown',
  'kowalski',
  'yilmaz',
  'sharma',
  'chen',
  'li',
  'mensah',
  'adeyemi',
  'otieno',
  'ndlovu',
  'cohen',
  'schmidt',
  'fischer',
  'martin',
  'bernard',
  'sato',
  'park',
  'lee',
  'ivanova',
  'ali',
  'khan',
  'reyes',
  'cruz',
  'hernandez',
  'souza',
  'costa',
  'novak',
  'horvat',
  'jensen',
  'larsen',
  'walker',
];
export const FREEMAIL = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'outlook.com',
  'hotmail.com',
  'yahoo.com',
  'proton.me',
  'icloud.com',
  'gmx.de',
  'yandex.ru',
  'naver.com',
  'qq.com',
];
export const DISPOSABLE = [
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'tempmail.dev',
  'sharklasers.com',
  'yopmail.com',
];

export function personalEmail(r: Rng, domain?: string): string {
  const f = r.pick(FIRST);
  const l = r.pick(LAST);
  const d = domain ?? r.pick(FREEMAIL);
  const style = r.int(0, 5);
  const local =
    style === 0
      ? `${f}.${l}`
      : style === 1
        ? `${f}${l}${r.int(1, 99)}`
        : style === 2
          ? `${f[0]}${l}`
          : style === 3
            ? `${f}_${l}${r.int(70, 2005)}`
            : style === 4
              ? `${l}.${f}`
              : `${f}${r.int(100, 9999)}`;
  return `${local.replace(/[^a-z0-9._-]/g, '')}@${d}`;
}

export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Weight of activity by local hour, for a few shapes. */
export function hourWeight(shape: string, h: number, weekday: number): number {
  const weekend = weekday === 0 || weekday === 6;
  switch (shape) {
    case 'office': {
      const w =
        h >= 9 && h < 18 ? (h === 12 || h === 13 ? 0.7 : 1) : h >= 7 && h < 21 ? 0.25 : 0.03;
      return weekend ? w * 0.12 : w;
    }
    case 'evening': {
      const w =
        h >= 18 && h <= 23
          ? 1
          : h >= 12 && h < 18
            ? 0.5
            : h >= 7 && h < 12
              ? 0.3
              : h < 2
                ? 0.35
                : 0.04;
      return weekend ? w * 1.2 : w;
    }
    case 'student': {
      const w = h >= 15 && h <= 23 ? 1 : h >= 9 && h < 15 ? 0.45 : h < 2 ? 0.4 : 0.05;
      return weekend ? w * 0.8 : w;
    }
    case 'school': {
      const w = h >= 8 && h < 16 ? 1 : h >= 16 && h < 22 ? 0.55 : 0.04;
      return weekend ? w * 0.3 : w;
    }
    case 'consumer': {
      const w = h >= 8 && h <= 23 ? 0.6 + 0.4 * Math.sin(((h - 8) / 15) * Math.PI) : 0.08;
      return w;
    }
    case 'business': {
      const w = h >= 8 && h < 20 ? 1 : h >= 6 && h < 23 ? 0.35 : 0.1;
      return weekend ? w * 0.4 : w;
    }
    case 'flat':
    default:
      return 1;
  }
}

/** Rejection-sample a timestamp in [start,end) following a diurnal shape in local time. */
export function sampleTime(r: Rng, start: number, end: number, shape: string, tz: number): number {
  for (let i = 0; i < 200; i++) {
    const t = start + Math.floor(r.next() * (end - start));
    const local = new Date(t + tz * HOUR);
    if (r.next() < hourWeight(shape, local.getUTCHours(), local.getUTCDay())) return t;
  }
  return start + Math.floor(r.next() * (end - start));
}

export function approxTokens(s: string): number {
  if (!s) return 0;
  // crude: latin ~4 chars/token, non-latin scripts more tokens per char
  let nonAscii = 0;
  for (let i = 0; i < s.length; i += 7) if (s.charCodeAt(i) > 127) nonAscii++;
  const frac = Math.min(1, (nonAscii * 7) / s.length);
  return Math.max(1, Math.round((s.length / 4) * (1 - frac) + s.length * 0.9 * frac));
}
