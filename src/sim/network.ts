/**
 * Network identity of simulated clients: IP addresses drawn from ISP, datacenter and
 * proxy ranges, and client fingerprints (User-Agent, JA4 TLS fingerprint, HTTP header
 * order) per client library. JA4 strings follow the FoxIO JA4 layout
 * (`t13d1516h2_<12 hex>_<12 hex>`); the hashes here are synthetic but stable per client.
 */
import { hashString, type Rng } from './prng.js';
import type { Endpoint } from '../telemetry/event.js';

/** A client library or tool as seen on the wire. */
export interface ClientKind {
  name: string;
  endpoint: Endpoint;
  ua: (v: string) => string;
  versions: string[];
  headerOrder: string[];
  /** Cipher and extension counts for the JA4 "a" part. */
  tls: [number, number];
}

const OPENAI_HEADERS = [
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
const ANTHROPIC_HEADERS = [
  'host',
  'accept-encoding',
  'connection',
  'accept',
  'content-type',
  'user-agent',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-runtime',
  'anthropic-version',
  'x-api-key',
  'content-length',
];

/** Client catalogue. */
export const CLIENTS: ClientKind[] = [
  {
    name: 'openai-python',
    endpoint: 'chat.completions',
    ua: (v) => `OpenAI/Python ${v}`,
    versions: ['1.51.2', '1.54.4', '1.57.0', '1.59.7'],
    headerOrder: OPENAI_HEADERS,
    tls: [17, 15],
  },
  {
    name: 'openai-node',
    endpoint: 'chat.completions',
    ua: (v) => `OpenAI/JS ${v}`,
    versions: ['4.68.1', '4.73.0', '4.77.3'],
    headerOrder: [
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
      'host',
      'content-length',
      'connection',
    ],
    tls: [16, 14],
  },
  {
    name: 'anthropic-python',
    endpoint: 'messages',
    ua: (v) => `Anthropic/Python ${v}`,
    versions: ['0.39.0', '0.40.0', '0.42.0'],
    headerOrder: ANTHROPIC_HEADERS,
    tls: [17, 15],
  },
  {
    name: 'anthropic-node',
    endpoint: 'messages',
    ua: (v) => `Anthropic/JS ${v}`,
    versions: ['0.32.1', '0.33.1', '0.36.3'],
    headerOrder: [
      'accept',
      'anthropic-version',
      'content-type',
      'user-agent',
      'x-stainless-lang',
      'x-stainless-package-version',
      'x-api-key',
      'host',
      'content-length',
      'connection',
    ],
    tls: [16, 14],
  },
  {
    name: 'curl',
    endpoint: 'chat.completions',
    ua: (v) => `curl/${v}`,
    versions: ['7.81.0', '8.5.0', '8.9.1'],
    headerOrder: [
      'host',
      'user-agent',
      'accept',
      'authorization',
      'content-type',
      'content-length',
    ],
    tls: [31, 13],
  },
  {
    name: 'python-requests',
    endpoint: 'chat.completions',
    ua: (v) => `python-requests/${v}`,
    versions: ['2.31.0', '2.32.3'],
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
    tls: [17, 11],
  },
  {
    name: 'httpx',
    endpoint: 'messages',
    ua: (v) => `python-httpx/${v}`,
    versions: ['0.27.0', '0.27.2', '0.28.1'],
    headerOrder: [
      'host',
      'accept',
      'accept-encoding',
      'connection',
      'user-agent',
      'x-api-key',
      'anthropic-version',
      'content-type',
      'content-length',
    ],
    tls: [17, 15],
  },
  {
    name: 'browser',
    endpoint: 'chat.completions',
    ua: (v) =>
      `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`,
    versions: ['130.0.0.0', '131.0.0.0', '132.0.0.0'],
    headerOrder: [
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
    ],
    tls: [16, 18],
  },
  {
    name: 'code-agent',
    endpoint: 'messages',
    ua: (v) => `codeagent/${v} (node 20.11.1; linux x64)`,
    versions: ['1.2.0', '1.4.2', '1.5.0'],
    headerOrder: [
      'accept',
      'anthropic-version',
      'content-type',
      'user-agent',
      'x-api-key',
      'x-app',
      'host',
      'content-length',
      'connection',
    ],
    tls: [16, 14],
  },
  {
    name: 'go-router',
    endpoint: 'chat.completions',
    ua: (v) => `Go-http-client/${v}`,
    versions: ['1.1', '2.0'],
    headerOrder: [
      'host',
      'user-agent',
      'content-length',
      'authorization',
      'content-type',
      'accept-encoding',
    ],
    tls: [15, 12],
  },
];

/** The fingerprint a client presents. */
export interface Fingerprint {
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  endpoint: Endpoint;
}

const hex12 = (s: string): string =>
  (
    hashString(s).toString(16).padStart(8, '0') +
    hashString(s + '#')
      .toString(16)
      .padStart(8, '0')
  ).slice(0, 12);

/** The fingerprint of a client library at a version (deterministic). */
export function fingerprintOf(client: ClientKind, version: string): Fingerprint {
  const [c, e] = client.tls;
  return {
    userAgent: client.ua(version),
    ja4: `t13d${String(c).padStart(2, '0')}${String(e).padStart(2, '0')}h2_${hex12(client.name)}_${hex12(client.name + version)}`,
    headerOrder: client.headerOrder,
    endpoint: client.endpoint,
  };
}

/** A client by name (throws on a typo: the catalogue is fixed). */
export function client(name: string): ClientKind {
  const c = CLIENTS.find((k) => k.name === name);
  if (!c) throw new Error(`unknown client ${name}`);
  return c;
}

/** A random fingerprint of the named client at one of its versions. */
export function randomFingerprint(rng: Rng, name: string): Fingerprint {
  const c = client(name);
  return fingerprintOf(c, rng.pick(c.versions));
}

/**
 * Address space. Residential ISPs are a limited set of /16 blocks so that unrelated
 * honest users sometimes share a /24, as they do behind carrier NAT.
 */
const ISP_BLOCKS = [
  [73, 12],
  [73, 189],
  [98, 207],
  [24, 5],
  [86, 142],
  [92, 40],
  [81, 2],
  [109, 190],
  [178, 62],
  [188, 25],
  [95, 91],
  [2, 120],
  [84, 17],
  [37, 201],
  [177, 33],
  [189, 6],
  [110, 44],
  [114, 79],
  [223, 104],
  [49, 36],
  [1, 55],
  [101, 88],
  [175, 120],
  [122, 161],
  [203, 2],
  [41, 90],
  [105, 112],
  [197, 210],
  [85, 93],
  [90, 63],
];
const DC_BLOCKS = [
  [34, 102],
  [35, 190],
  [52, 14],
  [3, 121],
  [18, 204],
  [104, 196],
  [159, 89],
  [167, 71],
  [45, 77],
  [65, 21],
];

/** First octets of blocks that residential and mobile ISPs around the world announce. */
const RESIDENTIAL_FIRST = [
  2, 5, 24, 31, 37, 46, 49, 58, 61, 67, 68, 71, 72, 73, 75, 76, 77, 79, 81, 82, 84, 86, 87, 88, 90,
  92, 93, 94, 95, 98, 99, 109, 112, 114, 116, 118, 121, 124, 151, 171, 175, 176, 177, 178, 179, 181,
  182, 183, 186, 187, 188, 189, 190, 191, 200, 201, 203,
];

/**
 * A residential-proxy pool's exit: a home connection of a network anywhere (pools resell
 * millions of consumer addresses across the ISPs of many countries).
 */
export function proxyExitIp(rng: Rng): string {
  return `${rng.pick(RESIDENTIAL_FIRST)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A current desktop browser's User-Agent (what a script sets to pass as one). */
export function browserUserAgent(rng: Rng): string {
  const v = rng.int(128, 133);
  return rng.pick([
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
    `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v}.0.0.0 Safari/537.36`,
    `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`,
  ]);
}

/** A residential address. */
export function residentialIp(rng: Rng): string {
  const [a, b] = rng.pick(ISP_BLOCKS) as [number, number];
  return `${a}.${b}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/** A datacenter /24 prefix ("34.102.17"). */
export function datacenterPrefix(rng: Rng): string {
  const [a, b] = rng.pick(DC_BLOCKS) as [number, number];
  return `${a}.${b}.${rng.int(0, 255)}`;
}

/** A residential /24 prefix. */
export function residentialPrefix(rng: Rng): string {
  return residentialIp(rng).split('.').slice(0, 3).join('.');
}

/** An address inside a /24 prefix. */
export function ipIn(rng: Rng, prefix: string, hostLo = 1, hostHi = 254): string {
  return `${prefix}.${rng.int(hostLo, hostHi)}`;
}
