/**
 * Client software as the gateway sees it: User-Agent, TLS fingerprint (JA4) and the order
 * of HTTP headers. Each stack is what one SDK or HTTP library sends; the same stack is
 * shared by many unrelated customers, as it is in real traffic.
 */
import type { Rng } from './rng.js';

export type Api = 'openai' | 'anthropic';

/** A client stack. */
export interface Client {
  stack: string;
  api: Api;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
}

interface Stack {
  api: Api;
  ua: (rng: Rng) => string;
  ja4: string;
  headers: string[];
}

const OA_PY = [
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
  'x-stainless-async',
  'x-stainless-retry-count',
  'x-stainless-read-timeout',
  'content-length',
];
const OA_JS = [
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
  'accept-encoding',
  'content-length',
];
const AN_PY = [
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
  'x-api-key',
  'anthropic-version',
  'x-stainless-async',
  'x-stainless-retry-count',
  'x-stainless-read-timeout',
  'x-stainless-timeout',
  'content-length',
];
const AN_TS = [
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
  'accept-encoding',
  'content-length',
];

const v = (rng: Rng, major: number, minors: number, patches: number) =>
  `${major}.${rng.int(0, minors)}.${rng.int(0, patches)}`;

/** JA4 strings of common TLS stacks (format per FoxIO's JA4 spec: proto, version, SNI, counts, ALPN, hashes). */
const STACKS: Record<string, Stack> = {
  'openai-python': {
    api: 'openai',
    ua: (r) => `OpenAI/Python ${v(r, 1, 90, 9)}`,
    ja4: 't13d1812h1_85036bcba153_375ca2c5e164',
    headers: OA_PY,
  },
  'openai-node': {
    api: 'openai',
    ua: (r) => `OpenAI/JS ${v(r, r.pick([4, 5]), 80, 5)}`,
    ja4: 't13d1311h1_e8f1e7e78f70_b5f8a1e2a1c1',
    headers: OA_JS,
  },
  'anthropic-python': {
    api: 'anthropic',
    ua: (r) => `Anthropic/Python 0.${r.int(40, 75)}.${r.int(0, 3)}`,
    ja4: 't13d1812h1_85036bcba153_375ca2c5e164',
    headers: AN_PY,
  },
  'anthropic-ts': {
    api: 'anthropic',
    ua: (r) => `Anthropic/JS 0.${r.int(30, 65)}.${r.int(0, 4)}`,
    ja4: 't13d1311h1_e8f1e7e78f70_b5f8a1e2a1c1',
    headers: AN_TS,
  },
  'python-requests': {
    api: 'openai',
    ua: (r) => `python-requests/2.${r.int(28, 32)}.${r.int(0, 3)}`,
    ja4: 't13d1812h1_85036bcba153_375ca2c5e164',
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
  },
  aiohttp: {
    api: 'openai',
    ua: (r) => `Python/3.${r.int(10, 13)} aiohttp/3.${r.int(8, 11)}.${r.int(0, 12)}`,
    ja4: 't13d1812h1_85036bcba153_375ca2c5e164',
    headers: [
      'host',
      'authorization',
      'content-type',
      'accept',
      'accept-encoding',
      'user-agent',
      'content-length',
    ],
  },
  curl: {
    api: 'openai',
    ua: (r) => `curl/8.${r.int(2, 11)}.${r.int(0, 1)}`,
    ja4: 't13d3112h2_e8f1e7e78f70_9f4cbf2b7a6d',
    headers: ['host', 'user-agent', 'accept', 'authorization', 'content-type', 'content-length'],
  },
  go: {
    api: 'openai',
    ua: () => 'Go-http-client/2.0',
    ja4: 't13d1310h2_e8f1e7e78f70_6bebaf5329ac',
    headers: [
      'host',
      'user-agent',
      'content-length',
      'authorization',
      'content-type',
      'accept-encoding',
    ],
  },
  okhttp: {
    api: 'openai',
    ua: (r) => `okhttp/4.${r.int(9, 12)}.${r.int(0, 3)}`,
    ja4: 't13d1614h2_2b729b4bf6f3_dfa7fb1b3fbd',
    headers: [
      'host',
      'authorization',
      'content-type',
      'content-length',
      'accept-encoding',
      'user-agent',
    ],
  },
  'ai-sdk': {
    api: 'openai',
    ua: (r) => `ai-sdk/openai/${v(r, 1, 3, 20)} runtime/vercel-edge`,
    ja4: 't13d1311h1_e8f1e7e78f70_b5f8a1e2a1c1',
    headers: [
      'host',
      'authorization',
      'content-type',
      'user-agent',
      'accept',
      'accept-encoding',
      'content-length',
    ],
  },
  litellm: {
    api: 'openai',
    ua: (r) => `litellm/1.${r.int(40, 75)}.${r.int(0, 9)}`,
    ja4: 't13d1812h1_85036bcba153_375ca2c5e164',
    headers: OA_PY,
  },
  'ide-agent': {
    api: 'anthropic',
    ua: (r) => `claude-cli/1.0.${r.int(20, 99)} (external, cli)`,
    ja4: 't13d1311h1_e8f1e7e78f70_b5f8a1e2a1c1',
    headers: AN_TS,
  },
  'vscode-ext': {
    api: 'openai',
    ua: (r) => `VSCodeExt/${r.int(1, 3)}.${r.int(0, 30)}.${r.int(0, 9)} node/${r.int(18, 22)}`,
    ja4: 't13d1311h1_e8f1e7e78f70_b5f8a1e2a1c1',
    headers: OA_JS,
  },
};

export type StackName = keyof typeof STACKS;
export const STACK_NAMES = Object.keys(STACKS);

/** A client of a given stack, its version drawn once (a deployment pins one). */
export function client(rng: Rng, stack: string): Client {
  const s = STACKS[stack];
  if (!s) throw new Error(`unknown client stack ${stack}`);
  return { stack, api: s.api, userAgent: s.ua(rng), ja4: s.ja4, headerOrder: s.headers };
}

/** A client typical of an individual developer. */
export function everydayClient(rng: Rng): Client {
  return client(
    rng,
    rng.weighted<string>([
      ['openai-python', 30],
      ['openai-node', 16],
      ['anthropic-python', 14],
      ['anthropic-ts', 8],
      ['python-requests', 5],
      ['curl', 3],
      ['ai-sdk', 5],
      ['litellm', 4],
      ['go', 2],
      ['okhttp', 2],
      ['aiohttp', 2],
    ]),
  );
}
