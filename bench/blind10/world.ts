/**
 * The simulated world: the provider's calendar and models, countries and time zones, the IPv4
 * and IPv6 address plan (residential ISPs, mobile carriers, clouds, campuses, offices, a proxy
 * network), API client libraries with their TLS (JA4) and header-order fingerprints, names,
 * e-mail domains and payment fingerprints.
 */
import { Rng } from './rng.js';

// ---------- calendar and models ----------

/** Monday 2026-03-02 00:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MIN = 60_000;
export const T1 = T0 + 7 * DAY;
/** The provider ships a new reasoning model on Thursday 17:00 UTC. */
export const RELEASE = T0 + 3 * DAY + 17 * HOUR;

export const MODELS = {
  mini: 'arc-2-mini',
  chat: 'arc-2',
  reason: 'arc-2-reason',
  reasonNew: 'arc-2.5-reason',
  coder: 'arc-coder-2',
  embedLike: 'arc-2-mini',
} as const;

export const REASONING_MODELS = new Set<string>([MODELS.reason, MODELS.reasonNew]);

/** Tokens per second served, and time to first token (ms), by model. */
export const MODEL_SPEED: Record<string, { tps: number; ttft: number }> = {
  [MODELS.mini]: { tps: 160, ttft: 260 },
  [MODELS.chat]: { tps: 72, ttft: 480 },
  [MODELS.reason]: { tps: 85, ttft: 700 },
  [MODELS.reasonNew]: { tps: 95, ttft: 650 },
  [MODELS.coder]: { tps: 90, ttft: 420 },
};

// ---------- countries ----------

export interface Country {
  code: string;
  tz: number;
  weight: number;
  lang: string;
  mailDomains: string[];
}

export const COUNTRIES: Country[] = [
  {
    code: 'US',
    tz: -5,
    weight: 26,
    lang: 'en',
    mailDomains: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'],
  },
  {
    code: 'US',
    tz: -8,
    weight: 14,
    lang: 'en',
    mailDomains: ['gmail.com', 'icloud.com', 'proton.me'],
  },
  { code: 'CA', tz: -5, weight: 3, lang: 'en', mailDomains: ['gmail.com', 'outlook.com'] },
  {
    code: 'GB',
    tz: 0,
    weight: 7,
    lang: 'en',
    mailDomains: ['gmail.com', 'outlook.com', 'btinternet.com'],
  },
  {
    code: 'DE',
    tz: 1,
    weight: 6,
    lang: 'de',
    mailDomains: ['gmail.com', 'web.de', 'gmx.de', 't-online.de'],
  },
  { code: 'FR', tz: 1, weight: 4, lang: 'fr', mailDomains: ['gmail.com', 'orange.fr', 'free.fr'] },
  { code: 'NL', tz: 1, weight: 2, lang: 'en', mailDomains: ['gmail.com', 'ziggo.nl'] },
  { code: 'ES', tz: 1, weight: 3, lang: 'es', mailDomains: ['gmail.com', 'hotmail.es'] },
  { code: 'IT', tz: 1, weight: 2, lang: 'it', mailDomains: ['gmail.com', 'libero.it'] },
  { code: 'PL', tz: 1, weight: 2, lang: 'pl', mailDomains: ['gmail.com', 'wp.pl', 'onet.pl'] },
  { code: 'SE', tz: 1, weight: 1, lang: 'en', mailDomains: ['gmail.com'] },
  { code: 'TR', tz: 3, weight: 2, lang: 'tr', mailDomains: ['gmail.com', 'hotmail.com'] },
  { code: 'IL', tz: 2, weight: 1, lang: 'en', mailDomains: ['gmail.com'] },
  { code: 'AE', tz: 4, weight: 1, lang: 'en', mailDomains: ['gmail.com', 'outlook.com'] },
  {
    code: 'IN',
    tz: 5.5,
    weight: 9,
    lang: 'en',
    mailDomains: ['gmail.com', 'yahoo.co.in', 'rediffmail.com'],
  },
  { code: 'SG', tz: 8, weight: 2, lang: 'en', mailDomains: ['gmail.com'] },
  { code: 'ID', tz: 7, weight: 2, lang: 'id', mailDomains: ['gmail.com', 'yahoo.co.id'] },
  { code: 'VN', tz: 7, weight: 2, lang: 'vi', mailDomains: ['gmail.com'] },
  {
    code: 'JP',
    tz: 9,
    weight: 3,
    lang: 'ja',
    mailDomains: ['gmail.com', 'yahoo.co.jp', 'docomo.ne.jp'],
  },
  { code: 'KR', tz: 9, weight: 2, lang: 'ko', mailDomains: ['gmail.com', 'naver.com', 'daum.net'] },
  { code: 'TW', tz: 8, weight: 1, lang: 'zh', mailDomains: ['gmail.com', 'yahoo.com.tw'] },
  { code: 'AU', tz: 10, weight: 2, lang: 'en', mailDomains: ['gmail.com', 'bigpond.com'] },
  {
    code: 'BR',
    tz: -3,
    weight: 4,
    lang: 'pt',
    mailDomains: ['gmail.com', 'hotmail.com', 'uol.com.br'],
  },
  { code: 'MX', tz: -6, weight: 2, lang: 'es', mailDomains: ['gmail.com', 'hotmail.com'] },
  { code: 'AR', tz: -3, weight: 1, lang: 'es', mailDomains: ['gmail.com'] },
  { code: 'NG', tz: 1, weight: 1, lang: 'en', mailDomains: ['gmail.com', 'yahoo.com'] },
  { code: 'KE', tz: 3, weight: 1, lang: 'en', mailDomains: ['gmail.com'] },
  { code: 'PH', tz: 8, weight: 1, lang: 'en', mailDomains: ['gmail.com', 'yahoo.com'] },
  { code: 'UA', tz: 2, weight: 1, lang: 'ru', mailDomains: ['gmail.com', 'ukr.net'] },
];

export function countryByCode(code: string): Country {
  const c = COUNTRIES.find((x) => x.code === code);
  if (!c) throw new Error(`unknown country ${code}`);
  return c;
}

// ---------- address plan ----------

export interface Isp {
  name: string;
  country: string;
  kind: 'residential' | 'mobile';
  v4: string[]; // "a.b" prefixes (/16)
  v6: string | null; // "2a02:xxxx" /32
}

export interface Cloud {
  name: string;
  blocks: string[]; // "a.b.c" prefixes (/24)
}

export class Net {
  readonly isps: Isp[] = [];
  readonly clouds: Cloud[] = [];
  private used = new Set<string>();
  private rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
    const firstOctets = [
      24, 31, 37, 41, 46, 49, 58, 61, 62, 66, 67, 68, 70, 71, 73, 76, 77, 78, 79, 80, 81, 82, 83,
      84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 98, 99, 101, 103, 105, 106, 109, 110, 112,
      113, 114, 115, 116, 118, 119, 121, 122, 123, 124, 125, 141, 151, 171, 175, 176, 177, 178, 179,
      180, 181, 182, 183, 186, 187, 188, 189, 190, 191, 197, 200, 201, 211, 212, 213, 217, 218, 219,
      220, 221, 222,
    ];
    const seen = new Set<string>();
    for (const c of COUNTRIES) {
      if (seen.has(c.code)) continue;
      seen.add(c.code);
      const nRes = c.weight >= 6 ? 4 : c.weight >= 2 ? 3 : 2;
      for (let i = 0; i < nRes + 1; i++) {
        const kind = i === nRes ? 'mobile' : 'residential';
        const v4: string[] = [];
        const nBlocks = rng.int(2, 5);
        for (let j = 0; j < nBlocks; j++) v4.push(this.fresh16(rng.pick(firstOctets)));
        this.isps.push({
          name: `${c.code.toLowerCase()}-${kind === 'mobile' ? 'mob' : 'isp'}${i}`,
          country: c.code,
          kind,
          v4,
          v6: rng.chance(0.6)
            ? `2${rng.pick(['a0', 'a01', 'a02', '003', '600', '601', '804'])}:${rng.hex(4)}`
            : null,
        });
      }
    }
    const cloudOctets = [
      3, 13, 18, 20, 34, 35, 40, 44, 52, 54, 104, 130, 134, 137, 138, 139, 143, 146, 147, 157, 159,
      164, 165, 167, 168, 170, 172, 188, 192, 198, 206, 209,
    ];
    for (const name of ['cloud-a', 'cloud-b', 'cloud-c', 'vps-d', 'vps-e', 'vps-f']) {
      const blocks: string[] = [];
      const n16 = name.startsWith('cloud') ? 6 : 3;
      for (let i = 0; i < n16; i++) {
        const p16 = this.fresh16(rng.pick(cloudOctets));
        for (let k = 0; k < 6; k++) blocks.push(`${p16}.${rng.int(0, 255)}`);
      }
      this.clouds.push({ name, blocks });
    }
  }

  private fresh16(first: number): string {
    for (;;) {
      const p = `${first}.${this.rng.int(0, 255)}`;
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
  }

  ispsOf(country: string, kind: 'residential' | 'mobile'): Isp[] {
    const xs = this.isps.filter((i) => i.country === country && i.kind === kind);
    return xs.length ? xs : this.isps.filter((i) => i.kind === kind);
  }

  /** A household connection: a stable address that occasionally changes (DHCP). */
  homeAddress(rng: Rng, country: string): HomeLine {
    const isp = rng.pick(this.ispsOf(country, 'residential'));
    return new HomeLine(rng, isp);
  }

  mobileIp(rng: Rng, country: string): string {
    const isp = rng.pick(this.ispsOf(country, 'mobile'));
    return `${rng.pick(isp.v4)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  }

  /** A residential exit node of a proxy network (the address of somebody's home router). */
  proxyExit(rng: Rng, country: string | null): string {
    const pool = country
      ? this.ispsOf(country, 'residential')
      : this.isps.filter((i) => i.kind === 'residential');
    const isp = rng.pick(pool);
    return `${rng.pick(isp.v4)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  }

  cloudByName(name: string): Cloud {
    const c = this.clouds.find((x) => x.name === name);
    if (!c) throw new Error(`no cloud ${name}`);
    return c;
  }

  /** A fixed set of server egress addresses for one tenant in one cloud. */
  egress(rng: Rng, cloud: string, n: number): string[] {
    const c = this.cloudByName(cloud);
    const out: string[] = [];
    const block = rng.pick(c.blocks);
    for (let i = 0; i < n; i++) {
      const b = rng.chance(0.7) ? block : rng.pick(c.blocks);
      out.push(`${b}.${rng.int(2, 253)}`);
    }
    return out;
  }

  /** A NAT pool: a handful of consecutive addresses in one /24 of an ISP or campus block. */
  natPool(rng: Rng, country: string, n: number): string[] {
    const isp = rng.pick(this.ispsOf(country, 'residential'));
    const base = `${rng.pick(isp.v4)}.${rng.int(0, 255)}`;
    const start = rng.int(2, 200);
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(`${base}.${start + i}`);
    return out;
  }

  /** A dedicated /24 owned by an institution (university, company). */
  ownedBlock(rng: Rng): string {
    return `${this.fresh16(rng.pick([128, 129, 131, 132, 136, 140, 144, 149, 150, 152, 155, 156, 158, 160, 161, 163, 192, 193, 194, 195]))}.${rng.int(0, 255)}`;
  }
}

export class HomeLine {
  private current: string;
  private changes: number;
  private readonly isp: Isp;
  private readonly rng: Rng;
  readonly v6: string | null;

  constructor(rng: Rng, isp: Isp) {
    this.rng = rng;
    this.isp = isp;
    this.current = this.draw();
    this.changes = 0;
    this.v6 =
      isp.v6 && rng.chance(0.35)
        ? `${isp.v6}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}:${rng.hex(4)}`.replace(
            /:0{1,3}/g,
            ':',
          )
        : null;
  }

  private draw(): string {
    return `${this.rng.pick(this.isp.v4)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`;
  }

  /** The address for the next session; a small chance that the lease changed. */
  ip(): string {
    if (this.v6 && this.rng.chance(0.55)) return this.v6;
    if (this.rng.chance(0.04)) {
      this.current = this.draw();
      this.changes++;
    }
    return this.current;
  }
}

// ---------- clients ----------

export interface Client {
  kind: string;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  /** Which API shapes this client speaks. */
  api: 'openai' | 'anthropic';
}

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
  openaiNode: [
    'host',
    'connection',
    'content-type',
    'accept',
    'authorization',
    'user-agent',
    'x-stainless-retry-count',
    'x-stainless-timeout',
    ...STAINLESS_PY,
    'accept-encoding',
    'content-length',
  ],
  anthropicPy: [
    'host',
    'accept-encoding',
    'connection',
    'accept',
    'content-type',
    'user-agent',
    ...STAINLESS_PY,
    'anthropic-version',
    'x-api-key',
    'x-stainless-async',
    'x-stainless-retry-count',
    'x-stainless-read-timeout',
    'x-stainless-timeout',
    'content-length',
  ],
  anthropicNode: [
    'host',
    'connection',
    'content-type',
    'accept',
    'anthropic-version',
    'user-agent',
    'x-api-key',
    'x-stainless-retry-count',
    'x-stainless-timeout',
    ...STAINLESS_PY,
    'accept-encoding',
    'content-length',
  ],
  requests: [
    'host',
    'user-agent',
    'accept-encoding',
    'accept',
    'connection',
    'authorization',
    'content-type',
    'content-length',
  ],
  requestsAnthropic: [
    'host',
    'user-agent',
    'accept-encoding',
    'accept',
    'connection',
    'x-api-key',
    'anthropic-version',
    'content-type',
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
  curl: ['host', 'user-agent', 'accept', 'authorization', 'content-type', 'content-length'],
  curlAnthropic: [
    'host',
    'user-agent',
    'accept',
    'x-api-key',
    'anthropic-version',
    'content-type',
    'content-length',
  ],
  go: ['host', 'user-agent', 'content-length', 'authorization', 'content-type', 'accept-encoding'],
  axios: [
    'host',
    'accept',
    'content-type',
    'authorization',
    'user-agent',
    'content-length',
    'accept-encoding',
    'connection',
  ],
  okhttp: [
    'host',
    'authorization',
    'content-type',
    'content-length',
    'accept-encoding',
    'user-agent',
  ],
  undici: [
    'host',
    'connection',
    'content-type',
    'authorization',
    'accept',
    'accept-language',
    'sec-fetch-mode',
    'user-agent',
    'accept-encoding',
    'content-length',
  ],
  reqwest: ['host', 'authorization', 'content-type', 'accept', 'content-length'],
};

const JA4 = {
  py30: 't13d4907h2_0d8feac7bc37_7395dae3b2f3',
  py31: 't13d4908h2_0d8feac7bc37_2a3f1c6e8b90',
  py11: 't13d4507h2_1e7a5b2c9d40_6e1f0b3aa7c2',
  node20: 't13d5911h2_a56c5b993250_1e0b3fd1cc9e',
  node22: 't13d5912h2_a56c5b993250_4f9a77c0d2e1',
  bun: 't13d1712h2_5b57614c22b0_3d5424432f57',
  go: 't13d1312h2_f57a46bbacb6_e7c285222651',
  curl: 't13d3113h2_e8f1e7e78f70_ce5650b735ce',
  java: 't13d2713h2_7d5a1c9e2b44_0f6b9d3c8a11',
  okhttp: 't13d1712h2_2c6e1d9a7f30_b8a04c1d6e92',
  rust: 't13d0910h2_9c1f4e7a2d55_71b3e0c9f4a8',
};

interface ClientKind {
  kind: string;
  api: 'openai' | 'anthropic';
  ua: (r: Rng) => string;
  ja4: (r: Rng) => string;
  headers: string[];
}

const pyVer = (r: Rng): string => r.pick(['3.10', '3.11', '3.11', '3.12', '3.12', '3.13']);

export const CLIENT_KINDS: Record<string, ClientKind> = {
  'openai-python': {
    kind: 'openai-python',
    api: 'openai',
    ua: (r) => `OpenAI/Python 1.${r.int(40, 109)}.${r.int(0, 3)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.py30, 6],
        [JA4.py31, 3],
        [JA4.py11, 1],
      ]),
    headers: H.openaiPy,
  },
  'openai-node': {
    kind: 'openai-node',
    api: 'openai',
    ua: (r) =>
      r.chance(0.5)
        ? `OpenAI/JS 4.${r.int(50, 104)}.${r.int(0, 4)}`
        : `OpenAI/JS 5.${r.int(0, 23)}.${r.int(0, 3)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.node20, 5],
        [JA4.node22, 4],
        [JA4.bun, 1],
      ]),
    headers: H.openaiNode,
  },
  'anthropic-python': {
    kind: 'anthropic-python',
    api: 'anthropic',
    ua: (r) => `Anthropic/Python 0.${r.int(34, 75)}.${r.int(0, 2)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.py30, 6],
        [JA4.py31, 3],
        [JA4.py11, 1],
      ]),
    headers: H.anthropicPy,
  },
  'anthropic-node': {
    kind: 'anthropic-node',
    api: 'anthropic',
    ua: (r) => `Anthropic/JS 0.${r.int(27, 65)}.${r.int(0, 3)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.node20, 5],
        [JA4.node22, 4],
      ]),
    headers: H.anthropicNode,
  },
  requests: {
    kind: 'requests',
    api: 'openai',
    ua: (r) => `python-requests/2.${r.pick([28, 31, 31, 32, 32, 32])}.${r.int(0, 3)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.py30, 6],
        [JA4.py31, 3],
        [JA4.py11, 1],
      ]),
    headers: H.requests,
  },
  'requests-anthropic': {
    kind: 'requests-anthropic',
    api: 'anthropic',
    ua: (r) => `python-requests/2.${r.pick([31, 32, 32])}.${r.int(0, 3)}`,
    ja4: () => JA4.py30,
    headers: H.requestsAnthropic,
  },
  aiohttp: {
    kind: 'aiohttp',
    api: 'openai',
    ua: (r) => `Python/${pyVer(r)} aiohttp/3.${r.int(8, 11)}.${r.int(0, 12)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.py30, 6],
        [JA4.py31, 3],
      ]),
    headers: H.aiohttp,
  },
  curl: {
    kind: 'curl',
    api: 'openai',
    ua: (r) => `curl/8.${r.int(4, 14)}.${r.int(0, 1)}`,
    ja4: () => JA4.curl,
    headers: H.curl,
  },
  'curl-anthropic': {
    kind: 'curl-anthropic',
    api: 'anthropic',
    ua: (r) => `curl/8.${r.int(4, 14)}.${r.int(0, 1)}`,
    ja4: () => JA4.curl,
    headers: H.curlAnthropic,
  },
  go: {
    kind: 'go',
    api: 'openai',
    ua: () => 'Go-http-client/2.0',
    ja4: () => JA4.go,
    headers: H.go,
  },
  axios: {
    kind: 'axios',
    api: 'openai',
    ua: (r) => `axios/1.${r.int(6, 12)}.${r.int(0, 8)}`,
    ja4: (r) =>
      r.weighted([
        [JA4.node20, 5],
        [JA4.node22, 4],
      ]),
    headers: H.axios,
  },
  okhttp: {
    kind: 'okhttp',
    api: 'openai',
    ua: (r) => `okhttp/4.${r.int(9, 12)}.${r.int(0, 3)}`,
    ja4: () => JA4.okhttp,
    headers: H.okhttp,
  },
  'vercel-ai': {
    kind: 'vercel-ai',
    api: 'openai',
    ua: (r) => `ai-sdk/openai/${r.int(1, 2)}.${r.int(0, 3)}.${r.int(0, 20)} runtime/node`,
    ja4: (r) =>
      r.weighted([
        [JA4.node20, 3],
        [JA4.node22, 5],
      ]),
    headers: H.undici,
  },
  reqwest: {
    kind: 'reqwest',
    api: 'openai',
    ua: () => '',
    ja4: () => JA4.rust,
    headers: H.reqwest,
  },
  java: {
    kind: 'java',
    api: 'openai',
    ua: (r) => `Java-http-client/${r.pick(['17.0.12', '21.0.4', '21.0.6'])}`,
    ja4: () => JA4.java,
    headers: ['host', 'content-length', 'authorization', 'content-type', 'user-agent'],
  },
};

/** One installed client: a library at a version on a machine. */
export function makeClient(r: Rng, kind: string, uaOverride?: string): Client {
  const k = CLIENT_KINDS[kind];
  if (!k) throw new Error(`unknown client ${kind}`);
  return {
    kind,
    api: k.api,
    userAgent: uaOverride ?? k.ua(r),
    ja4: k.ja4(r),
    headerOrder: k.headers,
  };
}

/** A client whose headers and TLS come from one library while the User-Agent claims another. */
export function spoofedClient(r: Rng, realKind: string, claimedUa: string): Client {
  const c = makeClient(r, realKind);
  return { ...c, userAgent: claimedUa };
}

// ---------- people, e-mail, payment ----------

export const FIRST = [
  'james',
  'maria',
  'wei',
  'aisha',
  'lucas',
  'sofia',
  'arjun',
  'emma',
  'noah',
  'olivia',
  'liam',
  'mia',
  'ethan',
  'ava',
  'mateo',
  'chloe',
  'hiro',
  'yuki',
  'minjun',
  'seoyeon',
  'an',
  'linh',
  'mehmet',
  'elif',
  'piotr',
  'anna',
  'jakub',
  'zofia',
  'lukas',
  'lena',
  'jonas',
  'marie',
  'pierre',
  'camille',
  'giulia',
  'marco',
  'pablo',
  'lucia',
  'diego',
  'valentina',
  'joao',
  'beatriz',
  'rafael',
  'ana',
  'priya',
  'rahul',
  'ananya',
  'vikram',
  'sneha',
  'kofi',
  'amara',
  'chidi',
  'ngozi',
  'omar',
  'fatima',
  'yusuf',
  'layla',
  'daniel',
  'sarah',
  'michael',
  'jessica',
  'david',
  'emily',
  'chris',
  'laura',
  'kevin',
  'rachel',
  'tom',
  'hannah',
  'sam',
  'nina',
  'alex',
  'kai',
  'ivan',
  'olga',
  'dmytro',
  'oksana',
  'budi',
  'siti',
  'rizky',
  'putri',
  'tuan',
  'huong',
  'kenji',
  'sakura',
  'jisoo',
  'taeyang',
  'mei',
  'jun',
  'li',
  'chen',
];
export const LAST = [
  'smith',
  'garcia',
  'chen',
  'khan',
  'silva',
  'rossi',
  'patel',
  'mueller',
  'schmidt',
  'dubois',
  'martin',
  'kowalski',
  'nowak',
  'yilmaz',
  'demir',
  'tanaka',
  'sato',
  'kim',
  'park',
  'lee',
  'nguyen',
  'tran',
  'santos',
  'oliveira',
  'lopez',
  'hernandez',
  'johnson',
  'brown',
  'williams',
  'jones',
  'miller',
  'davis',
  'wilson',
  'anderson',
  'taylor',
  'thomas',
  'moore',
  'jackson',
  'white',
  'harris',
  'clark',
  'lewis',
  'walker',
  'young',
  'allen',
  'wright',
  'scott',
  'green',
  'baker',
  'adams',
  'nelson',
  'hill',
  'campbell',
  'sharma',
  'gupta',
  'singh',
  'reddy',
  'iyer',
  'okafor',
  'adeyemi',
  'mensah',
  'hassan',
  'ali',
  'ivanova',
  'shevchenko',
  'wijaya',
  'santoso',
  'pham',
  'hoang',
  'suzuki',
  'watanabe',
  'choi',
  'jung',
  'wang',
  'liu',
];

export function personHandle(r: Rng): string {
  const f = r.pick(FIRST);
  const l = r.pick(LAST);
  return r.weighted<string>([
    [`${f}.${l}`, 4],
    [`${f}${l}`, 2],
    [`${f}.${l}${r.int(1, 99)}`, 3],
    [`${f[0] ?? 'x'}${l}`, 2],
    [`${f}_${l}${r.int(70, 2005)}`, 1],
    [`${l}.${f}`, 1],
    [`${f}${r.int(100, 9999)}`, 1],
  ]);
}

export function personalEmail(r: Rng, country: Country): string {
  return `${personHandle(r)}@${r.pick(country.mailDomains)}`;
}

export function paymentFingerprint(r: Rng): string {
  return `pmfp_${r.b36(16)}`;
}

export const DISPOSABLE = [
  'mailinator.com',
  'guerrillamail.com',
  'yopmail.com',
  'sharklasers.com',
  'trashmail.com',
  'getnada.com',
  'tempmail.dev',
  'mailpoof.com',
];

/** Local-time hour profiles: weight per hour of the day (0..23). */
export const PROFILES: Record<string, number[]> = {
  consumer: [3, 2, 1, 0.5, 0.4, 0.4, 0.8, 2, 3, 4, 5, 5, 6, 6, 5, 5, 5, 6, 7, 8, 9, 9, 7, 5],
  work: [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 6, 9, 10, 10, 8, 9, 10, 10, 9, 7, 4, 2.5, 2, 1.5, 1, 0.6,
  ],
  student: [5, 3, 1.5, 0.6, 0.3, 0.3, 0.5, 1, 3, 5, 6, 6, 5, 6, 7, 7, 6, 6, 6, 8, 9, 10, 9, 7],
  developer: [
    1.5, 0.8, 0.4, 0.2, 0.2, 0.3, 0.6, 1.5, 4, 7, 9, 9, 7, 8, 9, 9, 8, 6, 4, 4, 5, 5, 4, 2.5,
  ],
  school: [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1, 3, 6, 8, 8, 7, 6, 7, 8, 9, 10, 10, 9, 9, 8, 5, 2, 0.6],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  nightly: [
    8, 10, 10, 9, 6, 3, 1, 0.5, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.5, 1,
    2, 5,
  ],
};
