/**
 * The engine: accounts and labels, the request/response builder for both API shapes
 * (OpenAI Chat Completions and Anthropic Messages), token and latency accounting, and a
 * time-bucketed spill-to-disk sink that writes one timestamp-sorted events.jsonl without
 * holding the whole week in memory.
 */
import {
  appendFileSync,
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { Corpora } from './corpora.js';
import { Rng } from './rng.js';
import { cutToTokens, tok } from './text.js';
import type { Client, Net } from './world.js';
import { HOUR, MODEL_SPEED, REASONING_MODELS, T0, T1 } from './world.js';

// ---------- accounts and labels ----------

export interface Contract {
  id: string;
  kind: string;
  signedAt: string;
  permitsTraining?: boolean;
}

export interface AccountRecord {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string | null;
  country: string;
  tier: string;
  route: string;
  verified?: true;
  contract?: Contract;
  org?: string;
}

export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
  family: string;
}

export interface Actor {
  rec: AccountRecord;
  createdMs: number;
  keys: string[];
  label: Label;
  rng: Rng;
  events: number;
}

export interface NewAccount {
  family: string;
  persona: string;
  malicious: boolean;
  campaign?: string | null;
  createdMs: number;
  email: string;
  signupIp: string;
  payment: string | null;
  country: string;
  tier: string;
  route: string;
  org?: string;
  verified?: boolean;
  contract?: Contract;
  keys?: number;
}

// ---------- conversation model ----------

export interface ToolCall {
  id: string;
  name: string;
  input: Record<string, unknown>;
}

export type Turn =
  | { role: 'user'; text: string }
  | { role: 'user'; results: { id: string; content: string; isError?: boolean }[] }
  | { role: 'assistant'; text: string; calls?: ToolCall[] };

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface Params {
  temperature?: number;
  top_p?: number;
  top_k?: number;
  max_tokens?: number;
  /** OpenAI: newer SDK users send max_completion_tokens instead of max_tokens. */
  maxField?: 'max_tokens' | 'max_completion_tokens';
  n?: number;
  stream?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  logit_bias?: Record<string, number>;
  seed?: number;
  stop?: string[];
  response_format?: Record<string, unknown>;
  reasoning_effort?: 'low' | 'medium' | 'high';
  /** Anthropic extended thinking budget. */
  thinking?: number;
}

export interface CallSpec {
  ts: number;
  actor: Actor;
  key?: string;
  ip: string;
  client: Client;
  model: string;
  system?: string | null;
  /** OpenAI: the role carrying the system prompt. */
  systemRole?: 'system' | 'developer';
  /** Anthropic: send the system prompt as blocks with prompt caching. */
  systemBlocks?: boolean;
  turns: Turn[];
  params?: Params;
  tools?: ToolDef[];
  toolChoice?: 'auto' | 'required' | 'any';
  /** End-user id: OpenAI `user`, Anthropic `metadata.user_id`. */
  endUser?: string;
  /** Send user text as an array of content blocks rather than a string. */
  blocks?: boolean;
  extra?: Record<string, unknown>;
}

export interface Served {
  text: string;
  choices?: string[];
  calls?: ToolCall[];
  reasoningTokens?: number;
  /** Produce per-token logprobs for the (short) output. */
  wantLogprobs?: boolean;
  forcedToken?: number;
  /** Plausible competitors for top_logprobs (labels, option letters, biased ids). */
  alternatives?: string[];
  finish?: 'stop' | 'length' | 'tool' | 'filter';
  error?: { status: number; type: string; message: string };
}

export interface CallResult {
  end: number;
  outputTokens: number;
  inputTokens: number;
  status: number;
}

// ---------- sink ----------

class Sink {
  private readonly dir: string;
  private readonly buffers = new Map<number, string[]>();
  private readonly sizes = new Map<number, number>();
  private seq = 0;
  dropped = 0;
  written = 0;

  constructor(out: string) {
    this.dir = join(out, '.blind10-spill');
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  put(ts: number, json: string): boolean {
    if (ts < T0 || ts >= T1) {
      this.dropped++;
      return false;
    }
    const b = Math.floor((ts - T0) / HOUR);
    const line = `${ts}\t${this.seq++}\t${json}\n`;
    let buf = this.buffers.get(b);
    if (!buf) {
      buf = [];
      this.buffers.set(b, buf);
    }
    buf.push(line);
    const size = (this.sizes.get(b) ?? 0) + line.length;
    if (size > 1 << 19) {
      appendFileSync(join(this.dir, `${b}.tsv`), buf.join(''));
      this.buffers.set(b, []);
      this.sizes.set(b, 0);
    } else this.sizes.set(b, size);
    return true;
  }

  finish(eventsPath: string): number {
    for (const [b, buf] of this.buffers)
      if (buf.length) appendFileSync(join(this.dir, `${b}.tsv`), buf.join(''));
    this.buffers.clear();
    const fd = openSync(eventsPath, 'w');
    let n = 0;
    const hours = Math.ceil((T1 - T0) / HOUR);
    for (let b = 0; b < hours; b++) {
      let txt: string;
      try {
        txt = readFileSync(join(this.dir, `${b}.tsv`), 'utf8');
      } catch {
        continue;
      }
      const rows: { ts: number; seq: number; json: string }[] = [];
      for (const line of txt.split('\n')) {
        if (!line) continue;
        const t1 = line.indexOf('\t');
        const t2 = line.indexOf('\t', t1 + 1);
        rows.push({
          ts: Number(line.slice(0, t1)),
          seq: Number(line.slice(t1 + 1, t2)),
          json: line.slice(t2 + 1),
        });
      }
      rows.sort((a, b2) => a.ts - b2.ts || a.seq - b2.seq);
      let chunk: string[] = [];
      let size = 0;
      for (const r of rows) {
        chunk.push(r.json);
        size += r.json.length;
        if (size > 1 << 22) {
          writeSync(fd, chunk.join('\n') + '\n');
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
      n += rows.length;
    }
    closeSync(fd);
    rmSync(this.dir, { recursive: true, force: true });
    this.written = n;
    return n;
  }
}

// ---------- context ----------

export class Ctx {
  readonly root: Rng;
  readonly net: Net;
  readonly corp: Corpora;
  readonly actors: Actor[] = [];
  readonly campaigns = new Map<string, { id: string; kind: string; accounts: number }>();
  readonly perFamily = new Map<string, { accounts: number; events: number; malicious: boolean }>();
  private readonly sink: Sink;
  private readonly ids = new Set<string>();
  private readonly rng: Rng;

  constructor(root: Rng, net: Net, corp: Corpora, out: string) {
    this.root = root;
    this.net = net;
    this.corp = corp;
    this.sink = new Sink(out);
    this.rng = root.fork('core');
  }

  newId(prefix: string, r: Rng, len = 10): string {
    for (;;) {
      const id = `${prefix}_${r.b36(len)}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  campaign(id: string, kind: string): void {
    if (!this.campaigns.has(id)) this.campaigns.set(id, { id, kind, accounts: 0 });
  }

  account(r: Rng, a: NewAccount): Actor {
    const id = this.newId('acct', r);
    const rec: AccountRecord = {
      id,
      createdAt: new Date(a.createdMs).toISOString(),
      email: a.email,
      signupIp: a.signupIp,
      paymentFingerprint: a.payment,
      country: a.country,
      tier: a.tier,
      route: a.route,
    };
    if (a.verified) rec.verified = true;
    if (a.contract) rec.contract = a.contract;
    if (a.org) rec.org = a.org;
    const keys: string[] = [];
    for (let i = 0; i < (a.keys ?? 1); i++) keys.push(this.newId('key', r, 12));
    const label: Label = {
      malicious: a.malicious,
      persona: a.persona,
      campaign: a.campaign ?? null,
      family: a.family,
    };
    const actor: Actor = { rec, createdMs: a.createdMs, keys, label, rng: r.fork(id), events: 0 };
    this.actors.push(actor);
    if (a.campaign) {
      const c = this.campaigns.get(a.campaign);
      if (!c) throw new Error(`campaign ${a.campaign} not declared`);
      c.accounts++;
    }
    const f = this.perFamily.get(a.family) ?? { accounts: 0, events: 0, malicious: a.malicious };
    f.accounts++;
    this.perFamily.set(a.family, f);
    return actor;
  }

  /** Build one request/response pair in the client's API shape and record it. */
  call(s: CallSpec, served: Served): CallResult {
    const r = this.rng;
    const actor = s.actor;
    const p = s.params ?? {};
    const api = s.client.api;
    const isReasoning = REASONING_MODELS.has(s.model);

    // --- request body, exactly as the client would send it
    const body: Record<string, unknown> = { model: s.model };
    let inputTokens = 0;
    let nMsgs = 0;
    if (api === 'openai') {
      const messages: Record<string, unknown>[] = [];
      if (s.system) {
        messages.push({ role: s.systemRole ?? 'system', content: s.system });
        inputTokens += tok(s.system) + 4;
        nMsgs++;
      }
      for (const t of s.turns) {
        if (t.role === 'user' && 'text' in t) {
          messages.push({
            role: 'user',
            content: s.blocks ? [{ type: 'text', text: t.text }] : t.text,
          });
          inputTokens += tok(t.text) + 4;
          nMsgs++;
        } else if (t.role === 'user') {
          for (const res of t.results) {
            messages.push({ role: 'tool', tool_call_id: res.id, content: res.content });
            inputTokens += tok(res.content) + 6;
            nMsgs++;
          }
        } else {
          const m: Record<string, unknown> = { role: 'assistant', content: t.text || null };
          inputTokens += tok(t.text) + 4;
          if (t.calls?.length) {
            m.tool_calls = t.calls.map((c) => ({
              id: c.id,
              type: 'function',
              function: { name: c.name, arguments: JSON.stringify(c.input) },
            }));
            for (const c of t.calls) inputTokens += tok(JSON.stringify(c.input)) + 8;
          }
          messages.push(m);
          nMsgs++;
        }
      }
      body.messages = messages;
      if (p.temperature !== undefined) body.temperature = p.temperature;
      if (p.top_p !== undefined) body.top_p = p.top_p;
      if (p.max_tokens !== undefined) body[p.maxField ?? 'max_tokens'] = p.max_tokens;
      if (p.n !== undefined) body.n = p.n;
      if (p.stream !== undefined) {
        body.stream = p.stream;
        if (p.stream && r.chance(0.6)) body.stream_options = { include_usage: true };
      }
      if (p.logprobs !== undefined) body.logprobs = p.logprobs;
      if (p.top_logprobs !== undefined) body.top_logprobs = p.top_logprobs;
      if (p.logit_bias !== undefined) body.logit_bias = p.logit_bias;
      if (p.seed !== undefined) body.seed = p.seed;
      if (p.stop !== undefined) body.stop = p.stop;
      if (p.response_format !== undefined) body.response_format = p.response_format;
      if (p.reasoning_effort !== undefined) body.reasoning_effort = p.reasoning_effort;
      if (s.tools?.length) {
        body.tools = s.tools.map((t) => ({
          type: 'function',
          function: { name: t.name, description: t.description, parameters: t.parameters },
        }));
        if (s.toolChoice) body.tool_choice = s.toolChoice === 'any' ? 'required' : s.toolChoice;
      }
      if (s.endUser) body.user = s.endUser;
    } else {
      if (s.system) {
        body.system = s.systemBlocks
          ? [{ type: 'text', text: s.system, cache_control: { type: 'ephemeral' } }]
          : s.system;
        inputTokens += tok(s.system);
      }
      const messages: Record<string, unknown>[] = [];
      for (const t of s.turns) {
        if (t.role === 'user' && 'text' in t) {
          messages.push({
            role: 'user',
            content: s.blocks ? [{ type: 'text', text: t.text }] : t.text,
          });
          inputTokens += tok(t.text) + 3;
        } else if (t.role === 'user') {
          messages.push({
            role: 'user',
            content: t.results.map((res) => ({
              type: 'tool_result',
              tool_use_id: res.id,
              content: res.content,
              ...(res.isError ? { is_error: true } : {}),
            })),
          });
          for (const res of t.results) inputTokens += tok(res.content) + 6;
        } else {
          const content: Record<string, unknown>[] = [];
          if (t.text) content.push({ type: 'text', text: t.text });
          for (const c of t.calls ?? []) {
            content.push({ type: 'tool_use', id: c.id, name: c.name, input: c.input });
            inputTokens += tok(JSON.stringify(c.input)) + 8;
          }
          messages.push({
            role: 'assistant',
            content: content.length === 1 && t.text && !t.calls?.length ? t.text : content,
          });
          inputTokens += tok(t.text) + 3;
        }
        nMsgs++;
      }
      body.max_tokens = p.max_tokens ?? 4096;
      body.messages = messages;
      if (p.temperature !== undefined) body.temperature = p.temperature;
      if (p.top_p !== undefined) body.top_p = p.top_p;
      if (p.top_k !== undefined) body.top_k = p.top_k;
      if (p.stop !== undefined) body.stop_sequences = p.stop;
      if (p.stream !== undefined) body.stream = p.stream;
      if (p.thinking !== undefined) body.thinking = { type: 'enabled', budget_tokens: p.thinking };
      if (s.tools?.length) {
        body.tools = s.tools.map((t) => ({
          name: t.name,
          description: t.description,
          input_schema: t.parameters,
        }));
        if (s.toolChoice)
          body.tool_choice = { type: s.toolChoice === 'required' ? 'any' : s.toolChoice };
      }
      if (s.endUser) body.metadata = { user_id: s.endUser };
    }
    if (s.extra) Object.assign(body, s.extra);
    if (s.tools?.length) inputTokens += toolTokens(s.tools);
    inputTokens += 3 + Math.ceil(nMsgs / 8);

    // --- response
    const response: Record<string, unknown> = {};
    let status = 200;
    let outputTokens = 0;
    let latency: number;
    const err =
      served.error ??
      (r.chance(0.0015)
        ? api === 'anthropic'
          ? { status: 529, type: 'overloaded_error', message: 'Overloaded' }
          : {
              status: 500,
              type: 'server_error',
              message: 'The server had an error while processing your request.',
            }
        : undefined);
    if (err) {
      status = err.status;
      latency = Math.round(r.float(15, 120) + (err.status >= 500 ? r.float(200, 4000) : 0));
      response.text = '';
      response.inputTokens = 0;
      response.outputTokens = 0;
      response.finishReason = 'error';
      response.latencyMs = latency;
      response.error = { type: err.type, message: err.message };
    } else {
      const maxTok = p.max_tokens ?? (api === 'anthropic' ? 4096 : 16_384);
      let reasoning = isReasoning
        ? (served.reasoningTokens ?? Math.round(r.lognormal(700, 0.7)))
        : 0;
      if (api === 'anthropic' && !isReasoning && p.thinking !== undefined)
        reasoning = Math.min(
          p.thinking,
          served.reasoningTokens ?? Math.round(r.lognormal(900, 0.6)),
        );
      let text = served.text;
      let finish: string;
      const choices = served.choices && served.choices.length > 1 ? served.choices : null;
      let visible = choices ? choices.reduce((n, c) => n + tok(c), 0) : tok(text);
      let callTokens = 0;
      for (const c of served.calls ?? []) callTokens += tok(JSON.stringify(c.input)) + 12;
      if (reasoning + visible + callTokens > maxTok * (choices?.length ?? 1)) {
        if (reasoning > maxTok * 0.9) reasoning = Math.round(maxTok * r.float(0.6, 0.9));
        const room = Math.max(1, maxTok - reasoning - callTokens);
        text = cutToTokens(text, room);
        visible = Math.min(visible, room * (choices?.length ?? 1));
        finish = 'length';
      } else finish = served.finish ?? (served.calls?.length ? 'tool' : 'stop');
      outputTokens = Math.max(1, visible + reasoning + callTokens);
      response.text = text;
      if (choices) response.choices = choices.map((c) => ({ text: c }));
      response.inputTokens = inputTokens;
      response.outputTokens = outputTokens;
      if (reasoning) response.reasoningTokens = reasoning;
      response.finishReason = mapFinish(api, finish);
      if (served.calls?.length)
        response.toolCalls = served.calls.map((c) => ({
          id: c.id,
          name: c.name,
          arguments: JSON.stringify(c.input),
        }));
      if (served.wantLogprobs)
        response.logprobs = logprobsFor(
          r,
          text,
          p.top_logprobs ?? 0,
          served.forcedToken,
          served.alternatives,
        );
      const speed = MODEL_SPEED[s.model] ?? { tps: 80, ttft: 500 };
      const ttft =
        speed.ttft * r.lognormal(1, 0.3) + inputTokens * 0.015 + reasoning * (1000 / speed.tps);
      latency = Math.round(
        ttft + ((visible + callTokens) * 1000) / (speed.tps * r.lognormal(1, 0.15)),
      );
      if (r.chance(0.01)) latency *= r.float(2, 5);
      latency = Math.round(latency);
      response.latencyMs = latency;
    }

    const ev = {
      ts: Math.round(s.ts),
      account: actor.rec.id,
      key: s.key ?? actor.keys[0] ?? 'key_unknown',
      ip: s.ip,
      userAgent: s.client.userAgent,
      ja4: s.client.ja4,
      headerOrder: s.client.headerOrder,
      endpoint: api === 'openai' ? 'chat.completions' : 'messages',
      model: s.model,
      request: body,
      response,
      status,
      action: 'allow',
    };
    if (s.ts >= actor.createdMs && this.sink.put(ev.ts, JSON.stringify(ev))) {
      actor.events++;
      const f = this.perFamily.get(actor.label.family);
      if (f) f.events++;
    }
    return { end: s.ts + latency, outputTokens, inputTokens, status };
  }

  finish(eventsPath: string): { written: number; dropped: number } {
    const written = this.sink.finish(eventsPath);
    return { written, dropped: this.sink.dropped };
  }
}

const toolTokenCache = new WeakMap<ToolDef[], number>();
function toolTokens(tools: ToolDef[]): number {
  const hit = toolTokenCache.get(tools);
  if (hit !== undefined) return hit;
  const n = tok(JSON.stringify(tools)) + 10;
  toolTokenCache.set(tools, n);
  return n;
}

function mapFinish(api: 'openai' | 'anthropic', f: string): string {
  if (api === 'openai') return f === 'tool' ? 'tool_calls' : f === 'filter' ? 'content_filter' : f;
  if (f === 'stop') return 'end_turn';
  if (f === 'length') return 'max_tokens';
  if (f === 'tool') return 'tool_use';
  return 'refusal';
}

const COMMON = [
  ' the',
  ',',
  '.',
  ' and',
  ' a',
  ' to',
  ' of',
  '\n',
  ' is',
  ' in',
  ' that',
  ' it',
  ' I',
  ' for',
  ' you',
  ' with',
  ' on',
  ' be',
  ' this',
  ':',
];

/** Per-token logprobs for a short output: the chosen token plus `top` alternatives. */
function logprobsFor(
  r: Rng,
  text: string,
  top: number,
  forced?: number,
  alternatives?: string[],
): unknown[] {
  let ids: number[];
  try {
    ids = encode(text).slice(0, 64);
  } catch {
    ids = [];
  }
  if (!ids.length && forced !== undefined) ids = [forced];
  return ids.map((id, pos) => {
    const tokenText = safeDecode(id);
    const lp = -Math.abs(r.exp(pos === 0 && alternatives ? 0.25 : 0.35));
    const entry: Record<string, unknown> = { token: tokenText, logprob: round4(lp) };
    if (top > 0) {
      const alts: { token: string; logprob: number }[] = [
        { token: tokenText, logprob: round4(lp) },
      ];
      const pool = (pos === 0 && alternatives?.length ? alternatives : COMMON).filter(
        (x) => x !== tokenText,
      );
      const picks = r.sample(pool, top - 1);
      let cur = lp;
      for (const alt of picks) {
        cur -= r.exp(1.2) + 0.05;
        alts.push({ token: alt, logprob: round4(cur) });
      }
      entry.top_logprobs = alts;
    }
    return entry;
  });
}

export function safeDecode(id: number): string {
  try {
    return decode([id]);
  } catch {
    return '';
  }
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
