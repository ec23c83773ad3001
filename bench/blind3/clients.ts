// Client stacks as a gateway sees them: User-Agent, a JA4-style TLS fingerprint and the
// order of request headers. The TLS part follows the TLS library underneath (OpenSSL in
// CPython, BoringSSL in Chrome and Android, Go's crypto/tls, Node's OpenSSL build…), so two
// SDKs on the same runtime share a JA4 while their headers differ.
import { createHash } from 'node:crypto';
import type { Rng } from './rng.js';

export type Api = 'openai' | 'anthropic';

export interface Client {
  id: string;
  api: Api;
  userAgent: string;
  ja4: string;
  headerOrder: string[];
  /** Share of requests sent with stream: true. */
  stream: number;
}

const h12 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

function ja4(lib: string, ciphers: number, exts: number, alpn = 'h2'): string {
  return `t13d${String(ciphers).padStart(2, '0')}${String(exts).padStart(2, '0')}${alpn}_${h12(`c:${lib}`)}_${h12(`e:${lib}`)}`;
}

const TLS: Record<string, string> = {
  py_openssl3: ja4('cpython-openssl-3', 31, 12),
  py_openssl11: ja4('cpython-openssl-1.1', 30, 11),
  node20: ja4('node-20-openssl', 17, 12),
  node22: ja4('node-22-openssl', 17, 13),
  go: ja4('go-crypto-tls', 13, 11),
  chrome: ja4('chromium-boringssl', 15, 16),
  firefox: ja4('firefox-nss', 17, 15),
  safari: ja4('apple-network', 20, 14),
  okhttp: ja4('android-boringssl', 15, 13),
  curl: ja4('curl-openssl', 31, 13),
  java: ja4('jdk-jsse', 24, 13),
  dotnet: ja4('schannel', 19, 10),
  rust: ja4('rustls', 9, 10),
};

const STAINLESS = [
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-os',
  'x-stainless-arch',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
];

const PY_OAI = ['1.35.15', '1.40.8', '1.47.1', '1.52.2', '1.54.4', '1.57.0', '1.59.7', '1.61.1'];
const JS_OAI = ['4.52.7', '4.67.3', '4.73.1', '4.77.0', '4.82.0', '4.85.4'];
const PY_ANT = ['0.34.2', '0.39.0', '0.42.0', '0.45.2', '0.49.0'];
const JS_ANT = ['0.27.3', '0.32.1', '0.33.1', '0.37.0'];
const CHROME = ['124.0.0.0', '126.0.0.0', '128.0.0.0', '130.0.0.0', '131.0.0.0'];

function pyOpenAI(v: string, tls: string): Client {
  return {
    id: `openai-python/${v}`,
    api: 'openai',
    userAgent: `OpenAI/Python ${v}`,
    ja4: tls,
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
    stream: 0.35,
  };
}

function jsOpenAI(v: string, tls: string): Client {
  return {
    id: `openai-node/${v}`,
    api: 'openai',
    userAgent: `OpenAI/JS ${v}`,
    ja4: tls,
    headerOrder: [
      'host',
      'connection',
      'content-length',
      'accept',
      'content-type',
      'user-agent',
      ...STAINLESS,
      'authorization',
      'x-stainless-retry-count',
      'accept-encoding',
    ],
    stream: 0.6,
  };
}

function pyAnthropic(v: string, tls: string): Client {
  return {
    id: `anthropic-python/${v}`,
    api: 'anthropic',
    userAgent: `Anthropic/Python ${v}`,
    ja4: tls,
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
      'x-stainless-async',
      'x-stainless-retry-count',
      'content-length',
    ],
    stream: 0.4,
  };
}

function jsAnthropic(v: string, tls: string): Client {
  return {
    id: `anthropic-node/${v}`,
    api: 'anthropic',
    userAgent: `Anthropic/JS ${v}`,
    ja4: tls,
    headerOrder: [
      'host',
      'connection',
      'content-length',
      'accept',
      'anthropic-version',
      'content-type',
      'user-agent',
      ...STAINLESS,
      'x-api-key',
      'x-stainless-retry-count',
      'accept-encoding',
    ],
    stream: 0.7,
  };
}

function plain(
  id: string,
  api: Api,
  ua: string,
  tls: string,
  order: string[],
  stream: number,
): Client {
  return { id, api, userAgent: ua, ja4: tls, headerOrder: order, stream };
}

const AUTH = (api: Api): string[] =>
  api === 'openai' ? ['authorization'] : ['x-api-key', 'anthropic-version'];

export type StackKind =
  | 'py-openai'
  | 'js-openai'
  | 'py-anthropic'
  | 'js-anthropic'
  | 'requests'
  | 'httpx'
  | 'curl'
  | 'go'
  | 'browser'
  | 'android'
  | 'ios'
  | 'java'
  | 'dotnet'
  | 'rust'
  | 'langchain'
  | 'vercel-ai';

export function makeClient(kind: StackKind, r: Rng, api?: Api): Client {
  const pyTls = r.chance(0.85) ? TLS['py_openssl3']! : TLS['py_openssl11']!;
  const nodeTls = r.chance(0.6) ? TLS['node20']! : TLS['node22']!;
  switch (kind) {
    case 'py-openai':
      return pyOpenAI(r.pick(PY_OAI), pyTls);
    case 'js-openai':
      return jsOpenAI(r.pick(JS_OAI), nodeTls);
    case 'py-anthropic':
      return pyAnthropic(r.pick(PY_ANT), pyTls);
    case 'js-anthropic':
      return jsAnthropic(r.pick(JS_ANT), nodeTls);
    case 'langchain': {
      const c = pyOpenAI(r.pick(PY_OAI), pyTls);
      return { ...c, id: `langchain/${c.id}` };
    }
    case 'requests': {
      const a = api ?? 'openai';
      return plain(
        `python-requests-${a}`,
        a,
        `python-requests/${r.pick(['2.28.2', '2.31.0', '2.32.3'])}`,
        pyTls,
        [
          'host',
          'user-agent',
          'accept-encoding',
          'accept',
          'connection',
          ...AUTH(a),
          'content-type',
          'content-length',
        ],
        0.05,
      );
    }
    case 'httpx': {
      const a = api ?? 'openai';
      return plain(
        `python-httpx-${a}`,
        a,
        `python-httpx/${r.pick(['0.25.2', '0.27.0', '0.27.2', '0.28.1'])}`,
        pyTls,
        [
          'host',
          'accept',
          'accept-encoding',
          'connection',
          'user-agent',
          ...AUTH(a),
          'content-type',
          'content-length',
        ],
        0.2,
      );
    }
    case 'curl': {
      const a = api ?? 'openai';
      return plain(
        `curl-${a}`,
        a,
        `curl/${r.pick(['7.81.0', '8.5.0', '8.7.1', '8.10.1'])}`,
        TLS['curl']!,
        ['host', 'user-agent', 'accept', 'content-type', ...AUTH(a), 'content-length'],
        0.1,
      );
    }
    case 'go': {
      const a = api ?? 'openai';
      return plain(
        `go-${a}`,
        a,
        'Go-http-client/2.0',
        TLS['go']!,
        ['host', 'user-agent', 'content-length', ...AUTH(a), 'content-type', 'accept-encoding'],
        0.15,
      );
    }
    case 'browser': {
      const a = api ?? 'openai';
      const firefox = r.chance(0.15);
      const v = r.pick(CHROME);
      const os = r.pick([
        'Windows NT 10.0; Win64; x64',
        'Macintosh; Intel Mac OS X 10_15_7',
        'X11; Linux x86_64',
      ]);
      const ua = firefox
        ? `Mozilla/5.0 (${os}; rv:133.0) Gecko/20100101 Firefox/133.0`
        : `Mozilla/5.0 (${os}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${v} Safari/537.36`;
      return plain(
        `browser-${firefox ? 'firefox' : 'chrome'}-${a}`,
        a,
        ua,
        firefox ? TLS['firefox']! : TLS['chrome']!,
        [
          'host',
          'content-length',
          'sec-ch-ua',
          ...AUTH(a),
          'sec-ch-ua-mobile',
          'user-agent',
          'content-type',
          'accept',
          'origin',
          'sec-fetch-site',
          'sec-fetch-mode',
          'sec-fetch-dest',
          'referer',
          'accept-encoding',
          'accept-language',
        ],
        0.95,
      );
    }
    case 'android': {
      const a = api ?? 'openai';
      return plain(
        `okhttp-${a}`,
        a,
        `okhttp/${r.pick(['4.9.3', '4.11.0', '4.12.0'])}`,
        TLS['okhttp']!,
        [
          ...AUTH(a),
          'content-type',
          'content-length',
          'host',
          'connection',
          'accept-encoding',
          'user-agent',
        ],
        0.8,
      );
    }
    case 'ios': {
      const a = api ?? 'openai';
      const app = r.pick(['ChatPad', 'AskPocket', 'Quillo', 'NoteMind']);
      return plain(
        `ios-${app}-${a}`,
        a,
        `${app}/${r.int(1, 4)}.${r.int(0, 12)}.${r.int(0, 9)} CFNetwork/${r.pick(['1494.0.7', '1496.0.7', '1568.100.1'])} Darwin/${r.pick(['23.4.0', '23.6.0', '24.1.0'])}`,
        TLS['safari']!,
        [
          'host',
          'content-type',
          ...AUTH(a),
          'accept',
          'user-agent',
          'accept-language',
          'content-length',
          'accept-encoding',
          'connection',
        ],
        0.9,
      );
    }
    case 'java': {
      const a = api ?? 'openai';
      return plain(
        `java-${a}`,
        a,
        `Java-http-client/${r.pick(['17.0.9', '21.0.2', '21.0.5'])}`,
        TLS['java']!,
        [
          'connection',
          'content-length',
          'host',
          'http2-settings',
          'upgrade',
          ...AUTH(a),
          'content-type',
          'user-agent',
        ],
        0.1,
      );
    }
    case 'dotnet': {
      const a = api ?? 'openai';
      return plain(
        `dotnet-${a}`,
        a,
        `azsdk-net-AI.OpenAI/2.1.0 (.NET ${r.pick(['8.0.8', '8.0.11'])}; Microsoft Windows 10.0.20348)`,
        TLS['dotnet']!,
        ['host', ...AUTH(a), 'user-agent', 'accept', 'content-type', 'content-length'],
        0.3,
      );
    }
    case 'rust': {
      const a = api ?? 'openai';
      return plain(
        `reqwest-${a}`,
        a,
        `async-openai/${r.pick(['0.23.4', '0.26.0'])}`,
        TLS['rust']!,
        ['content-type', ...AUTH(a), 'user-agent', 'accept', 'host', 'content-length'],
        0.3,
      );
    }
    case 'vercel-ai': {
      const a = api ?? 'openai';
      return plain(
        `vercel-ai-${a}`,
        a,
        `ai-sdk/${a}/${r.pick(['1.0.8', '1.1.2', '1.3.4'])}`,
        nodeTls,
        [
          'host',
          'connection',
          'content-type',
          ...AUTH(a),
          'accept',
          'accept-language',
          'sec-fetch-mode',
          'user-agent',
          'accept-encoding',
          'content-length',
        ],
        0.9,
      );
    }
  }
}

/** A typical stack for an ordinary developer: mostly the official SDKs. */
export const DEV_STACKS: [StackKind, number][] = [
  ['py-openai', 30],
  ['js-openai', 16],
  ['py-anthropic', 14],
  ['js-anthropic', 8],
  ['langchain', 6],
  ['requests', 5],
  ['httpx', 3],
  ['curl', 3],
  ['go', 3],
  ['vercel-ai', 4],
  ['java', 2],
  ['dotnet', 2],
  ['rust', 1],
  ['browser', 3],
];
