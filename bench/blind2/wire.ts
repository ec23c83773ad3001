/**
 * Turns a conversation into the exact request body each API shape carries, the
 * response the gateway would record, and one telemetry event line; plus the account
 * and label records and the world object every family works against.
 */
import type { Corpora } from './corpus.js';
import { Rng, digestHex } from './rng.js';
import { tokens, cutToTokens } from './text.js';
import {
  MODEL_PROFILES,
  type AddressPlan,
  type Client,
  type Country,
  type Endpoint,
  type Net,
  type Window,
} from './world.js';

export interface ToolDef {
  name: string;
  description: string;
  params: Record<string, unknown>;
}

export interface Call {
  id: string;
  name: string;
  args: Record<string, unknown>;
}

export type Msg =
  | { role: 'user'; text: string }
  | { role: 'assistant'; text: string; calls?: Call[] }
  | { role: 'tool'; callId: string; name: string; text: string };

export interface Params {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  user?: string;
  stop?: string[];
  seed?: number;
  json?: boolean;
  /** OpenAI: role used for the system prompt. */
  sysRole?: 'system' | 'developer';
  /** Anthropic: send the system prompt as text blocks (optionally cached). */
  systemBlocks?: boolean;
  cacheSystem?: boolean;
  /** Anthropic: send user text as content blocks instead of a string. */
  blocks?: boolean;
  /** Anthropic: extended thinking budget. */
  thinking?: number;
}

export interface Ask {
  model: string;
  system?: string;
  msgs: Msg[];
  tools?: ToolDef[];
  params: Params;
}

export interface Reply {
  text: string;
  calls?: Call[];
  /** How hard the item is to reason about, 0..1 (reasoning models only). */
  effort?: number;
  /** A label-style answer: one or a few tokens. */
  tokensOverride?: number;
}

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string;
  country: string;
  tier: string;
  route: 'self-serve' | 'enterprise' | 'education' | 'research' | 'startup-credits';
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

/** One account as the generator drives it. */
export interface Actor {
  rec: AccountRecord;
  label: Label;
  keys: string[];
  client: Client;
  net: Net;
  rng: Rng;
  tz: number;
}

export interface EventSink {
  write(ts: number, persona: string, line: string): void;
}

/** Everything a family needs to build its accounts and traffic. */
export interface World {
  seed: number;
  win: Window;
  plan: AddressPlan;
  corpora: Corpora;
  sink: EventSink;
  rng: Rng;
}

// ---------------------------------------------------------------------------
// Accounts

export interface AccountSpec {
  family: string;
  index: number;
  country: Country;
  createdAt: number;
  route: AccountRecord['route'];
  tier: string;
  email: string;
  net: Net;
  client: Client;
  malicious: boolean;
  campaign?: string | null;
  /** Shared card (organisations, campaigns); otherwise a fresh one. */
  payment?: string;
  keys?: number;
}

export function newActor(w: World, spec: AccountSpec): Actor {
  const rng = new Rng(`${w.seed}/actor/${spec.family}/${spec.index}`);
  const id = `acct_${digestHex(`${w.seed}/${spec.family}/${spec.index}`, 16)}`;
  const keys = Array.from(
    { length: spec.keys ?? 1 },
    (_, i) => `key_${digestHex(`${id}/key/${i}`, 12)}`,
  );
  return {
    rec: {
      id,
      createdAt: new Date(Math.floor(spec.createdAt)).toISOString(),
      email: spec.email,
      signupIp: spec.net.signupIp(rng),
      paymentFingerprint: spec.payment ?? newCard(rng),
      country: spec.country.code,
      tier: spec.tier,
      route: spec.route,
    },
    label: { malicious: spec.malicious, persona: spec.family, campaign: spec.campaign ?? null },
    keys,
    client: spec.client,
    net: spec.net,
    rng,
    tz: spec.country.tz,
  };
}

export function newCard(rng: Rng): string {
  return `pm_${rng.hex(20)}`;
}

// ---------------------------------------------------------------------------
// Request bodies

function openaiBody(ask: Ask): Record<string, unknown> {
  const p = ask.params;
  const messages: unknown[] = [];
  if (ask.system !== undefined) messages.push({ role: p.sysRole ?? 'system', content: ask.system });
  for (const m of ask.msgs) {
    if (m.role === 'user') messages.push({ role: 'user', content: m.text });
    else if (m.role === 'assistant') {
      const msg: Record<string, unknown> = {
        role: 'assistant',
        content: m.calls && !m.text ? null : m.text,
      };
      if (m.calls && m.calls.length > 0) {
        msg.tool_calls = m.calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.args) },
        }));
      }
      messages.push(msg);
    } else messages.push({ role: 'tool', tool_call_id: m.callId, content: m.text });
  }
  const body: Record<string, unknown> = { model: ask.model, messages };
  if (ask.tools) {
    body.tools = ask.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.params },
    }));
  }
  const keys = [
    'temperature',
    'top_p',
    'max_tokens',
    'n',
    'stream',
    'logprobs',
    'top_logprobs',
    'logit_bias',
    'user',
    'stop',
    'seed',
  ] as const;
  for (const k of keys) if (p[k] !== undefined) body[k] = p[k];
  if (p.stream) body.stream_options = { include_usage: true };
  if (p.json) body.response_format = { type: 'json_object' };
  return body;
}

function anthropicBody(ask: Ask): Record<string, unknown> {
  const p = ask.params;
  const messages: { role: string; content: unknown }[] = [];
  const push = (role: string, block: Record<string, unknown>): void => {
    const last = messages[messages.length - 1];
    if (last && last.role === role && Array.isArray(last.content))
      (last.content as unknown[]).push(block);
    else messages.push({ role, content: [block] });
  };
  for (const m of ask.msgs) {
    if (m.role === 'user') {
      const last = messages[messages.length - 1];
      if (last && last.role === 'user' && Array.isArray(last.content))
        (last.content as unknown[]).push({ type: 'text', text: m.text });
      else
        messages.push({
          role: 'user',
          content: p.blocks ? [{ type: 'text', text: m.text }] : m.text,
        });
    } else if (m.role === 'assistant') {
      if (!m.calls || m.calls.length === 0) {
        messages.push({
          role: 'assistant',
          content: p.blocks ? [{ type: 'text', text: m.text }] : m.text,
        });
      } else {
        const content: unknown[] = m.text ? [{ type: 'text', text: m.text }] : [];
        for (const c of m.calls)
          content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
        messages.push({ role: 'assistant', content });
      }
    } else push('user', { type: 'tool_result', tool_use_id: m.callId, content: m.text });
  }
  const body: Record<string, unknown> = { model: ask.model, max_tokens: p.max_tokens ?? 4096 };
  if (ask.system !== undefined) {
    body.system = p.systemBlocks
      ? [
          {
            type: 'text',
            text: ask.system,
            ...(p.cacheSystem ? { cache_control: { type: 'ephemeral' } } : {}),
          },
        ]
      : ask.system;
  }
  body.messages = messages;
  if (ask.tools)
    body.tools = ask.tools.map((t) => ({
      name: t.name,
      description: t.description,
      input_schema: t.params,
    }));
  if (p.temperature !== undefined) body.temperature = p.temperature;
  if (p.top_p !== undefined) body.top_p = p.top_p;
  if (p.stop) body.stop_sequences = p.stop;
  if (p.stream) body.stream = true;
  if (p.thinking) body.thinking = { type: 'enabled', budget_tokens: p.thinking };
  if (p.user) body.metadata = { user_id: p.user };
  return body;
}

function inputTokens(ask: Ask): number {
  let t = 3 + (ask.system ? tokens(ask.system) + 4 : 0);
  for (const m of ask.msgs) {
    t += 4;
    if (m.role === 'assistant' && m.calls)
      t += m.calls.reduce((s, c) => s + tokens(JSON.stringify(c.args)) + 8, 0);
    t += tokens(m.text);
  }
  if (ask.tools) t += tokens(JSON.stringify(ask.tools)) + 10;
  return t;
}

// ---------------------------------------------------------------------------
// Events

export interface CallOptions {
  endpoint?: Endpoint;
  keyIndex?: number;
  /** Probability of a failed request (429/500/400); retried by SDK clients. */
  errorRate?: number;
}

const ERRORS = {
  429: {
    openai: ['rate_limit_error', 'Rate limit reached for requests. Please try again shortly.'],
    anthropic: [
      'rate_limit_error',
      'Number of requests has exceeded your rate limit. Please try again later.',
    ],
  },
  500: {
    openai: ['server_error', 'The server had an error while processing your request.'],
    anthropic: ['api_error', 'Internal server error'],
  },
  400: {
    openai: ['invalid_request_error', "Invalid value for 'messages': content must not be empty."],
    anthropic: ['invalid_request_error', 'messages: text content blocks must be non-empty'],
  },
} as const;

function head(
  a: Actor,
  ts: number,
  endpoint: Endpoint,
  model: string,
  keyIndex: number,
): Record<string, unknown> {
  return {
    ts: Math.floor(ts),
    account: a.rec.id,
    key: a.keys[keyIndex % a.keys.length],
    requestId: `req_${a.rng.alnum(24)}`,
    ip: a.net.ipAt(ts, a.rng),
    userAgent: a.client.ua,
    ja4: a.client.ja4,
    headerOrder: a.client.headers,
    endpoint,
    model,
  };
}

/**
 * Records one request (and, for a transient failure, the failed try before it).
 * Returns the time the final response finished, for pacing the next turn.
 */
export function call(
  w: World,
  a: Actor,
  ts: number,
  ask: Ask,
  reply: Reply,
  opts: CallOptions = {},
): number {
  const endpoint = opts.endpoint ?? a.client.endpoint;
  const body = endpoint === 'messages' ? anthropicBody(ask) : openaiBody(ask);
  const keyIndex = opts.keyIndex ?? 0;
  const rng = a.rng;
  let at = ts;
  if (rng.chance(opts.errorRate ?? 0.006)) {
    const status = rng.weighted([
      [429, 6],
      [500, 2.5],
      [400, 1.5],
    ] as const);
    const [type, message] = ERRORS[status][endpoint === 'messages' ? 'anthropic' : 'openai'];
    const ev = {
      ...head(a, at, endpoint, ask.model, keyIndex),
      request: body,
      status,
      error: { type, message },
      action: 'allow',
    };
    w.sink.write(at, a.label.persona, JSON.stringify(ev));
    if (status === 400) return at + 300;
    at += rng.range(400, 9000) * (status === 429 ? 2 : 1);
  }
  const p = ask.params;
  const profile = MODEL_PROFILES[ask.model] ?? { ttfbMs: 500, tokensPerSec: 80, reasoning: false };
  const callTokens = (reply.calls ?? []).reduce(
    (s, c) => s + tokens(JSON.stringify(c.args)) + 12,
    0,
  );
  let text = reply.text;
  let visible = reply.tokensOverride ?? tokens(text) + callTokens;
  let reasoning = 0;
  if (profile.reasoning) {
    const effort = reply.effort ?? 0.3;
    reasoning = Math.round(
      (visible * (0.4 + 3.5 * effort) + 120 * effort + 30) * rng.logNormal(1, 0.35),
    );
    if (p.thinking) reasoning = Math.min(reasoning, p.thinking);
  }
  const cap = p.max_tokens ?? (endpoint === 'messages' ? 4096 : 16384);
  let truncated = false;
  if (visible > cap || (reply.tokensOverride !== undefined && visible >= cap)) {
    text = cutToTokens(text, cap);
    visible = cap;
    truncated = true;
  }
  const n = p.n ?? 1;
  const output = n > 1 ? Math.round(visible * (n - 0.15 + 0.3 * rng.next())) : visible;
  const input = inputTokens(ask);
  const finishReason =
    endpoint === 'messages'
      ? truncated
        ? 'max_tokens'
        : reply.calls && reply.calls.length > 0
          ? 'tool_use'
          : 'end_turn'
      : truncated
        ? 'length'
        : reply.calls && reply.calls.length > 0
          ? 'tool_calls'
          : 'stop';
  const latency = Math.round(
    (profile.ttfbMs * rng.logNormal(1, 0.3) +
      input * 0.04 +
      ((output + reasoning) / profile.tokensPerSec) * 1000) *
      rng.logNormal(1, 0.12),
  );
  const response: Record<string, unknown> = {
    text,
    inputTokens: input,
    outputTokens: output + reasoning,
    finishReason,
    latencyMs: latency,
  };
  if (reasoning > 0) response.reasoningTokens = reasoning;
  const ev = {
    ...head(a, at, endpoint, ask.model, keyIndex),
    request: body,
    response,
    status: 200,
    action: 'allow',
  };
  w.sink.write(at, a.label.persona, JSON.stringify(ev));
  return at + latency;
}
