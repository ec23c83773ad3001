// The fictional provider ("Corvid Labs"): models, clients, networks, accounts and the
// request/response shapes of both API dialects.
import type { Rng } from './rng.js';
import { FIRST_NAMES, LAST_NAMES, tok } from './text.js';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MIN = 60_000;

export interface Model {
  id: string;
  cap: number;
  reasoning: boolean;
  msPerTok: number;
  releasedAt: number;
}

export interface WorldTime {
  start: number;
  end: number;
  days: number;
  release: number;
}

export function makeTime(days: number): WorldTime {
  const start = Date.UTC(2026, 2, 2); // Monday 2 March 2026
  const release = start + Math.floor(days / 2) * DAY + 17 * HOUR;
  return { start, end: start + days * DAY, days, release };
}

export function models(t: WorldTime): Record<string, Model> {
  return {
    lite: { id: 'corvid-lite-2', cap: 8192, reasoning: false, msPerTok: 6, releasedAt: 0 },
    main: { id: 'corvid-2', cap: 16384, reasoning: false, msPerTok: 14, releasedAt: 0 },
    think: { id: 'corvid-think-1', cap: 32768, reasoning: true, msPerTok: 16, releasedAt: 0 },
    think2: {
      id: 'corvid-think-2',
      cap: 65536,
      reasoning: true,
      msPerTok: 12,
      releasedAt: t.release,
    },
  };
}

// ---------------------------------------------------------------------------------------
// Clients: user agent, TLS fingerprint, header order.

export interface Client {
  ua: string;
  ja4: string;
  headers: string[];
  endpoint: 'chat.completions' | 'messages';
}

const OAI_HEADERS = [
  'host',
  'accept',
  'accept-encoding',
  'authorization',
  'content-type',
  'user-agent',
  'x-stainless-arch',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'content-length',
];
const ANT_HEADERS = [
  'host',
  'accept',
  'accept-encoding',
  'anthropic-version',
  'content-type',
  'user-agent',
  'x-api-key',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-runtime',
  'content-length',
];

export type ClientKind =
  | 'py-openai'
  | 'node-openai'
  | 'py-anthropic'
  | 'node-anthropic'
  | 'langchain'
  | 'curl'
  | 'requests'
  | 'go'
  | 'httpx'
  | 'ide'
  | 'java'
  | 'browser-app';

export function makeClient(rng: Rng, kind: ClientKind): Client {
  const v = (a: number, b: number): string => `${a}.${rng.int(0, b)}.${rng.int(0, 12)}`;
  const py = rng.pick(['3.10.14', '3.11.9', '3.12.4', '3.12.7', '3.13.1']);
  const node = rng.pick(['v20.18.0', 'v20.19.2', 'v22.11.0', 'v22.14.0']);
  switch (kind) {
    case 'py-openai':
      return {
        ua: `OpenAI/Python ${v(1, 60)}`,
        ja4: rng.pick([
          't13d1812h2_e8f1e7e78f70_b26ce05bbdd6',
          't13d1811h2_e8f1e7e78f70_3c44f2a2f8f3',
        ]),
        headers: OAI_HEADERS,
        endpoint: 'chat.completions',
      };
    case 'node-openai':
      return {
        ua: `OpenAI/JS ${v(4, 80)}`,
        ja4: rng.pick([
          't13d1516h2_8daaf6152771_02713d6af862',
          't13d1517h2_8daaf6152771_b0da82dd1658',
        ]),
        headers: OAI_HEADERS.filter((h) => h !== 'x-stainless-os').concat(['x-stainless-os']),
        endpoint: 'chat.completions',
      };
    case 'py-anthropic':
      return {
        ua: `Anthropic/Python ${v(0, 40)}`,
        ja4: rng.pick([
          't13d1812h2_e8f1e7e78f70_b26ce05bbdd6',
          't13d1811h2_e8f1e7e78f70_3c44f2a2f8f3',
        ]),
        headers: ANT_HEADERS,
        endpoint: 'messages',
      };
    case 'node-anthropic':
      return {
        ua: `Anthropic/JS ${v(0, 40)}`,
        ja4: 't13d1516h2_8daaf6152771_02713d6af862',
        headers: ANT_HEADERS,
        endpoint: 'messages',
      };
    case 'langchain':
      return {
        ua: `langchain-openai/${v(0, 3)} OpenAI/Python ${v(1, 60)} Python/${py}`,
        ja4: 't13d1812h2_e8f1e7e78f70_b26ce05bbdd6',
        headers: OAI_HEADERS,
        endpoint: 'chat.completions',
      };
    case 'curl':
      return {
        ua: `curl/8.${rng.int(4, 11)}.${rng.int(0, 1)}`,
        ja4: 't13d4907h2_0d8feac7bc37_7395dae3b2f3',
        headers: [
          'host',
          'user-agent',
          'accept',
          'authorization',
          'content-type',
          'content-length',
        ],
        endpoint: rng.chance(0.7) ? 'chat.completions' : 'messages',
      };
    case 'requests':
      return {
        ua: `python-requests/2.${rng.int(28, 32)}.${rng.int(0, 3)}`,
        ja4: 't13d1812h1_e8f1e7e78f70_b26ce05bbdd6',
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
        endpoint: 'chat.completions',
      };
    case 'httpx':
      return {
        ua: `python-httpx/0.${rng.int(25, 28)}.${rng.int(0, 2)}`,
        ja4: 't13d1812h2_e8f1e7e78f70_b26ce05bbdd6',
        headers: [
          'host',
          'accept',
          'accept-encoding',
          'connection',
          'user-agent',
          'authorization',
          'content-type',
          'content-length',
        ],
        endpoint: rng.chance(0.5) ? 'chat.completions' : 'messages',
      };
    case 'go':
      return {
        ua: rng.pick(['Go-http-client/2.0', 'Go-http-client/1.1', `resty/2.${rng.int(10, 16)}.0`]),
        ja4: 't13d1310h2_e8f1e7e78f70_1f22a2ca17c4',
        headers: [
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
        ua: `Java-http-client/${rng.pick(['17.0.12', '21.0.4', '21.0.5'])}`,
        ja4: 't13d2014h2_a09f3c656075_14788d8d241b',
        headers: ['host', 'content-length', 'authorization', 'content-type', 'user-agent'],
        endpoint: rng.chance(0.6) ? 'chat.completions' : 'messages',
      };
    case 'ide':
      return {
        ua: rng.pick([
          `Cursorish/${v(0, 48)} (darwin; arm64) node/${node}`,
          `CodePilotVS/${v(1, 30)} vscode/1.9${rng.int(4, 8)}.${rng.int(0, 2)}`,
          `JetAssist/${v(2, 9)} IntelliJ/2025.${rng.int(1, 3)}`,
          `TermAgent/${v(0, 20)} node/${node}`,
        ]),
        ja4: rng.pick([
          't13d1516h2_8daaf6152771_02713d6af862',
          't13d1517h2_8daaf6152771_b0da82dd1658',
        ]),
        headers: rng.chance(0.5) ? OAI_HEADERS : ANT_HEADERS,
        endpoint: rng.chance(0.5) ? 'chat.completions' : 'messages',
      };
    case 'browser-app':
      return {
        ua: `Mozilla/5.0 (${rng.pick(['Windows NT 10.0; Win64; x64', 'Macintosh; Intel Mac OS X 10_15_7', 'X11; Linux x86_64'])}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/1${rng.int(28, 34)}.0.0.0 Safari/537.36`,
        ja4: 't13d1516h2_8daaf6152771_e5627efa2ab1',
        headers: [
          'host',
          'content-length',
          'sec-ch-ua',
          'content-type',
          'authorization',
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
        endpoint: rng.chance(0.6) ? 'chat.completions' : 'messages',
      };
  }
}

export const COMMON_SDKS: readonly (readonly [ClientKind, number])[] = [
  ['py-openai', 30],
  ['node-openai', 18],
  ['py-anthropic', 14],
  ['node-anthropic', 8],
  ['langchain', 8],
  ['httpx', 5],
  ['requests', 5],
  ['curl', 3],
  ['java', 3],
  ['go', 3],
  ['browser-app', 3],
];

// ---------------------------------------------------------------------------------------
// Networks. Each pool is a list of /16 or /24 prefixes; honest and hostile accounts share
// several of them (residential ISPs, mobile carriers, cloud regions).

export interface Net {
  prefixes: string[];
  /** How many octets the prefix has (2 → a /16, 3 → a /24). */
  octets: 2 | 3;
}

export const COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 30],
  ['IN', 8],
  ['GB', 6],
  ['DE', 6],
  ['FR', 4],
  ['BR', 4],
  ['JP', 4],
  ['CA', 4],
  ['KR', 3],
  ['ES', 3],
  ['NL', 2],
  ['SG', 2],
  ['AU', 2],
  ['PL', 2],
  ['IT', 2],
  ['MX', 2],
  ['ID', 2],
  ['VN', 2],
  ['TR', 2],
  ['SE', 1],
  ['CN', 2],
  ['HK', 1],
  ['AE', 1],
  ['NG', 1],
];

export function ispNet(country: string): Net {
  // Deterministic per country: a handful of /16s of "home broadband".
  let h = 0;
  for (const c of country) h = (h * 31 + c.charCodeAt(0)) % 200;
  const base = 24 + (h % 150);
  return {
    prefixes: [0, 1, 2, 3, 4, 5].map((i) => `${base + (i % 3)}.${(h * 7 + i * 37) % 250}`),
    octets: 2,
  };
}
export function mobileNet(country: string): Net {
  let h = 0;
  for (const c of country) h = (h * 17 + c.charCodeAt(0)) % 97;
  return { prefixes: [`${100 + (h % 20)}.${64 + (h % 60)}`, `${176 + (h % 10)}.${h}`], octets: 2 };
}
export const CLOUD: Net = {
  prefixes: [
    '3.91',
    '3.216',
    '34.82',
    '34.141',
    '35.203',
    '52.14',
    '54.174',
    '18.204',
    '20.81',
    '13.57',
  ],
  octets: 2,
};
export const HOSTING: Net = {
  prefixes: [
    '45.133.2',
    '45.140.17',
    '91.199.84',
    '185.220.3',
    '194.87.44',
    '5.188.62',
    '89.248.165',
  ],
  octets: 3,
};

export function ipIn(rng: Rng, net: Net): string {
  const p = rng.pick(net.prefixes);
  return net.octets === 2
    ? `${p}.${rng.int(0, 255)}.${rng.int(1, 254)}`
    : `${p}.${rng.int(1, 254)}`;
}

// ---------------------------------------------------------------------------------------
// Accounts.

export type Tier = 'unverified' | 'free' | 'pro' | 'enterprise';
export type Route = 'self-serve' | 'enterprise' | 'education' | 'research' | 'startup-credits';

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: Tier;
  route: Route;
  verified?: true;
  contract?: string;
}

export function personEmail(rng: Rng, domain?: string): string {
  const f = rng.pick(FIRST_NAMES);
  const l = rng.pick(LAST_NAMES);
  const style = rng.int(0, 5);
  const local =
    style === 0
      ? `${f}.${l}`
      : style === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : style === 2
          ? `${f[0]}${l}`
          : style === 3
            ? `${f}_${l}${rng.int(70, 99)}`
            : style === 4
              ? `${l}.${f}`
              : `${f}${rng.int(100, 9999)}`;
  const d =
    domain ??
    rng.weighted([
      ['gmail.com', 50],
      ['outlook.com', 12],
      ['yahoo.com', 6],
      ['proton.me', 5],
      ['icloud.com', 8],
      ['hotmail.com', 4],
      ['gmx.de', 2],
      ['naver.com', 2],
      ['qq.com', 2],
      ['yandex.ru', 1],
      ['fastmail.com', 1],
      ['orange.fr', 1],
    ] as const);
  return `${local}@${d}`;
}

export function payFp(rng: Rng): string {
  return `pm_${rng.hex(16)}`;
}

// ---------------------------------------------------------------------------------------
// Request / response shaping.

export interface Msg {
  role: 'system' | 'user' | 'assistant' | 'tool';
  text?: string;
  toolCalls?: { id: string; name: string; args: Record<string, unknown> }[];
  toolCallId?: string;
}

export interface ToolDef {
  name: string;
  description: string;
  params: Record<string, unknown>;
}

export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  useMaxCompletion?: boolean;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  user?: string;
  metadataUser?: string;
  responseFormat?: 'json_object';
  reasoningEffort?: 'low' | 'medium' | 'high';
  tools?: ToolDef[];
  toolChoice?: 'auto' | 'required';
  developerRole?: boolean;
}

/** Builds the body exactly as the client would send it. */
export function buildRequest(
  endpoint: Client['endpoint'],
  model: string,
  system: string | null,
  msgs: Msg[],
  p: Params,
): Record<string, unknown> {
  if (endpoint === 'chat.completions') {
    const messages: Record<string, unknown>[] = [];
    if (system !== null)
      messages.push({ role: p.developerRole ? 'developer' : 'system', content: system });
    for (const m of msgs) {
      if (m.role === 'tool')
        messages.push({ role: 'tool', tool_call_id: m.toolCallId, content: m.text ?? '' });
      else if (m.toolCalls && m.toolCalls.length > 0)
        messages.push({
          role: 'assistant',
          content: m.text ?? null,
          tool_calls: m.toolCalls.map((c) => ({
            id: c.id,
            type: 'function',
            function: { name: c.name, arguments: JSON.stringify(c.args) },
          })),
        });
      else messages.push({ role: m.role, content: m.text ?? '' });
    }
    const body: Record<string, unknown> = { model, messages };
    if (p.temperature !== undefined) body.temperature = p.temperature;
    if (p.top_p !== undefined) body.top_p = p.top_p;
    if (p.max_tokens !== undefined)
      body[p.useMaxCompletion ? 'max_completion_tokens' : 'max_tokens'] = p.max_tokens;
    if (p.n !== undefined) body.n = p.n;
    if (p.stream !== undefined) body.stream = p.stream;
    if (p.logprobs !== undefined) body.logprobs = p.logprobs;
    if (p.top_logprobs !== undefined) body.top_logprobs = p.top_logprobs;
    if (p.logit_bias !== undefined) body.logit_bias = p.logit_bias;
    if (p.user !== undefined) body.user = p.user;
    if (p.responseFormat) body.response_format = { type: p.responseFormat };
    if (p.reasoningEffort) body.reasoning_effort = p.reasoningEffort;
    if (p.tools && p.tools.length > 0) {
      body.tools = p.tools.map((t) => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.params },
      }));
      if (p.toolChoice) body.tool_choice = p.toolChoice;
    }
    return body;
  }
  // Anthropic Messages.
  const messages: Record<string, unknown>[] = [];
  for (const m of msgs) {
    if (m.role === 'tool') {
      const block = { type: 'tool_result', tool_use_id: m.toolCallId, content: m.text ?? '' };
      const prev = messages[messages.length - 1];
      if (prev && prev.role === 'user' && Array.isArray(prev.content))
        (prev.content as unknown[]).push(block);
      else messages.push({ role: 'user', content: [block] });
    } else if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
      const blocks: unknown[] = [];
      if (m.text) blocks.push({ type: 'text', text: m.text });
      for (const c of m.toolCalls)
        blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
      messages.push({ role: 'assistant', content: blocks });
    } else if (m.role === 'user' || m.role === 'assistant') {
      messages.push({ role: m.role, content: m.text ?? '' });
    }
  }
  const body: Record<string, unknown> = { model, max_tokens: p.max_tokens ?? 4096, messages };
  if (system !== null)
    body.system = system.length > 1500 ? [{ type: 'text', text: system }] : system;
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.top_p !== undefined) body.top_p = p.top_p;
  if (p.stream !== undefined) body.stream = p.stream;
  if (p.metadataUser !== undefined) body.metadata = { user_id: p.metadataUser };
  if (p.tools && p.tools.length > 0) {
    body.tools = p.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.params,
    }));
    if (p.toolChoice) body.tool_choice = { type: p.toolChoice === 'required' ? 'any' : 'auto' };
  }
  return body;
}

export interface ResponseOut {
  text: string;
  inputTokens: number;
  outputTokens: number;
  finishReason: string;
  latencyMs: number;
  reasoningTokens?: number;
  toolCalls?: { id: string; name: string; arguments: string }[];
}

export function inputTokensOf(
  system: string | null,
  msgs: Msg[],
  tools: ToolDef[] | undefined,
): number {
  let n = system ? tok(system) + 4 : 0;
  for (const m of msgs) {
    n += 4 + tok(m.text ?? '');
    if (m.toolCalls) for (const c of m.toolCalls) n += 8 + tok(JSON.stringify(c.args));
  }
  if (tools) for (const t of tools) n += 12 + tok(t.description) + tok(JSON.stringify(t.params));
  return n;
}

/** The served response; truncates at max_tokens and reports reasoning tokens. */
export function buildResponse(
  rng: Rng,
  endpoint: Client['endpoint'],
  model: Model,
  inputTokens: number,
  text: string,
  opts: {
    maxTokens?: number;
    reasoningTokens?: number;
    toolCalls?: { id: string; name: string; args: Record<string, unknown> }[];
  },
): ResponseOut {
  let out = text;
  let outTok = tok(out);
  let finish = endpoint === 'messages' ? 'end_turn' : 'stop';
  let reasoning = model.reasoning
    ? (opts.reasoningTokens ?? Math.round(rng.logNormal(900, 0.8)))
    : 0;
  // Reasoning models budget their thinking: most of the time they leave room for the answer.
  const budget = opts.maxTokens ?? model.cap;
  if (reasoning > budget * 0.75 && rng.chance(0.85))
    reasoning = Math.round(budget * rng.range(0.4, 0.75));
  const cap = opts.maxTokens ?? model.cap;
  if (outTok + reasoning > cap) {
    const keep = Math.max(1, cap - reasoning);
    out = out.slice(0, Math.max(1, Math.min(out.length, keep * 4)));
    outTok = Math.max(1, Math.min(keep, tok(out)));
    finish = endpoint === 'messages' ? 'max_tokens' : 'length';
  }
  const r: ResponseOut = {
    text: out,
    inputTokens,
    outputTokens: outTok + (model.reasoning ? Math.min(reasoning, cap) : 0),
    finishReason: finish,
    latencyMs: 0,
  };
  if (opts.toolCalls && opts.toolCalls.length > 0) {
    r.toolCalls = opts.toolCalls.map((c) => ({
      id: c.id,
      name: c.name,
      arguments: JSON.stringify(c.args),
    }));
    r.finishReason = endpoint === 'messages' ? 'tool_use' : 'tool_calls';
    r.outputTokens += opts.toolCalls.reduce((s, c) => s + 10 + tok(JSON.stringify(c.args)), 0);
  }
  if (model.reasoning) r.reasoningTokens = Math.min(reasoning, cap);
  r.latencyMs = Math.round(
    rng.logNormal(280, 0.35) +
      inputTokens * 0.04 +
      r.outputTokens * model.msPerTok * rng.range(0.8, 1.3),
  );
  return r;
}
