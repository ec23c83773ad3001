// Builds telemetry events in each API's own request shape and streams them to time buckets.
import { closeSync, openSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './rng.js';
import { MODELS, type Client, type Clock, HOUR } from './world.js';

export type Endpoint = 'chat.completions' | 'messages';

export interface ToolDef {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}
export interface ToolCall {
  id: string;
  name: string;
  args: Record<string, unknown>;
}
export type Turn =
  | { role: 'user'; text: string }
  | { role: 'assistant'; text: string; calls?: ToolCall[] }
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
  user?: string; // end-user id (OpenAI `user`, Anthropic `metadata.user_id`)
  stop?: string[];
  seed?: number;
  response_format?: Record<string, unknown>;
  reasoning?: 'low' | 'medium' | 'high'; // reasoning_effort / thinking budget
  tool_choice?: string;
  developerRole?: boolean; // OpenAI: system prompt sent with the developer role
  systemBlocks?: boolean; // Anthropic: system as an array of blocks with cache_control
}

export interface Answer {
  text: string;
  calls?: ToolCall[];
  reasoningTokens?: number; // override for reasoning models
  finish?: 'stop' | 'length' | 'tool' | 'error';
}

export interface Ctx {
  account: string;
  key: string;
  ip: string;
  client: Client;
}

export interface Spec {
  ts: number;
  endpoint: Endpoint;
  model: string;
  system?: string;
  turns: Turn[];
  params: Params;
  tools?: ToolDef[];
  answer: Answer;
  status?: number;
}

/** Rough token count: ~4 chars per token for Latin script, ~1 per CJK/Thai char. */
export function tokens(s: string): number {
  const wide = /[^\x00-\u2e80]/.test(s) ? (s.match(/[\u2e81-\uffff]/g)?.length ?? 0) : 0;
  return Math.max(1, Math.ceil((s.length - wide) / 3.9 + wide * 0.9));
}

function openaiMessages(spec: Spec): unknown[] {
  const msgs: unknown[] = [];
  if (spec.system !== undefined)
    msgs.push({ role: spec.params.developerRole ? 'developer' : 'system', content: spec.system });
  for (const t of spec.turns) {
    if (t.role === 'user') msgs.push({ role: 'user', content: t.text });
    else if (t.role === 'assistant') {
      const m: Record<string, unknown> = {
        role: 'assistant',
        content: t.calls && !t.text ? null : t.text,
      };
      if (t.calls)
        m['tool_calls'] = t.calls.map((c) => ({
          id: c.id,
          type: 'function',
          function: { name: c.name, arguments: JSON.stringify(c.args) },
        }));
      msgs.push(m);
    } else msgs.push({ role: 'tool', tool_call_id: t.callId, content: t.text });
  }
  return msgs;
}

function anthropicMessages(spec: Spec): unknown[] {
  const msgs: { role: string; content: unknown }[] = [];
  const push = (role: string, block: Record<string, unknown> | string): void => {
    const last = msgs[msgs.length - 1];
    if (last && last.role === role && Array.isArray(last.content) && typeof block !== 'string') {
      (last.content as unknown[]).push(block);
      return;
    }
    msgs.push({ role, content: typeof block === 'string' ? block : [block] });
  };
  for (const t of spec.turns) {
    if (t.role === 'user') push('user', t.text);
    else if (t.role === 'assistant') {
      if (t.calls) {
        const blocks: unknown[] = [];
        if (t.text) blocks.push({ type: 'text', text: t.text });
        for (const c of t.calls)
          blocks.push({ type: 'tool_use', id: c.id, name: c.name, input: c.args });
        msgs.push({ role: 'assistant', content: blocks });
      } else msgs.push({ role: 'assistant', content: t.text });
    } else push('user', { type: 'tool_result', tool_use_id: t.callId, content: t.text });
  }
  return msgs;
}

function clean<T extends Record<string, unknown>>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

export function buildEvent(rng: Rng, ctx: Ctx, spec: Spec): Record<string, unknown> {
  const p = spec.params;
  const info = MODELS[spec.model] ?? MODELS['lumen-3'];
  const toolsJson = spec.tools ? JSON.stringify(spec.tools) : '';
  let inTok = tokens(spec.system ?? '') + tokens(toolsJson) + 3;
  for (const t of spec.turns) {
    inTok += 4 + tokens(t.text);
    if (t.role === 'assistant' && t.calls) inTok += tokens(JSON.stringify(t.calls));
  }
  const n = p.n ?? 1;
  let text = spec.answer.text;
  let out = tokens(text) + (spec.answer.calls ? tokens(JSON.stringify(spec.answer.calls)) : 0);
  let finish = spec.answer.finish ?? (spec.answer.calls ? 'tool' : 'stop');
  const cap = p.max_tokens;
  if (cap !== undefined && out > cap && finish !== 'tool') {
    text = text.slice(0, Math.max(1, Math.floor(cap * 3.9)));
    out = cap;
    finish = 'length';
  }
  if (n > 1) out *= n;
  let reasoningTokens: number | undefined;
  if (info && (info.reasoning === 'always' || (info.reasoning === 'optional' && p.reasoning))) {
    const base =
      spec.answer.reasoningTokens ?? Math.round(out * rng.range(1.2, 4.5) + rng.int(60, 600));
    const mult = p.reasoning === 'high' ? 1.8 : p.reasoning === 'low' ? 0.45 : 1;
    reasoningTokens = Math.max(16, Math.round(base * mult));
  }
  const status = spec.status ?? 200;
  const latencyMs =
    status !== 200
      ? rng.int(20, 900)
      : Math.round(
          (info?.firstTokenMs ?? 400) * rng.range(0.6, 1.8) +
            (out + (reasoningTokens ?? 0)) * (info?.msPerToken ?? 12) * rng.range(0.8, 1.3),
        );
  const fin =
    spec.endpoint === 'messages'
      ? { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use', error: 'error' }[finish]
      : { stop: 'stop', length: 'length', tool: 'tool_calls', error: 'error' }[finish];

  let request: Record<string, unknown>;
  if (spec.endpoint === 'chat.completions') {
    request = clean({
      model: spec.model,
      messages: openaiMessages(spec),
      temperature: p.temperature,
      top_p: p.top_p,
      max_tokens: p.max_tokens,
      n: p.n,
      stream: p.stream,
      logprobs: p.logprobs,
      top_logprobs: p.top_logprobs,
      logit_bias: p.logit_bias,
      user: p.user,
      stop: p.stop,
      seed: p.seed,
      response_format: p.response_format,
      reasoning_effort: p.reasoning,
      tool_choice: p.tool_choice,
      tools: spec.tools?.map((t) => ({
        type: 'function',
        function: { name: t.name, description: t.description, parameters: t.parameters },
      })),
    });
  } else {
    const system =
      spec.system === undefined
        ? undefined
        : p.systemBlocks
          ? [{ type: 'text', text: spec.system, cache_control: { type: 'ephemeral' } }]
          : spec.system;
    const budget = p.reasoning === 'high' ? 16000 : p.reasoning === 'low' ? 2048 : 8000;
    request = clean({
      model: spec.model,
      system,
      messages: anthropicMessages(spec),
      max_tokens: p.max_tokens ?? 4096,
      temperature: p.temperature,
      top_p: p.top_p,
      stream: p.stream,
      stop_sequences: p.stop,
      metadata: p.user !== undefined ? { user_id: p.user } : undefined,
      thinking: p.reasoning ? { type: 'enabled', budget_tokens: budget } : undefined,
      tool_choice: p.tool_choice ? { type: p.tool_choice } : undefined,
      tools: spec.tools?.map((t) => ({
        name: t.name,
        description: t.description,
        input_schema: t.parameters,
      })),
    });
  }
  const response: Record<string, unknown> =
    status === 200
      ? clean({
          text,
          inputTokens: inTok,
          outputTokens: out,
          finishReason: fin,
          latencyMs,
          reasoningTokens,
          toolCalls: spec.answer.calls?.map((c) => ({ id: c.id, name: c.name, arguments: c.args })),
        })
      : { text: '', inputTokens: 0, outputTokens: 0, finishReason: 'error', latencyMs };
  return {
    ts: spec.ts,
    account: ctx.account,
    key: ctx.key,
    requestId: `req_${rng.hex(20)}`,
    ip: ctx.ip,
    userAgent: ctx.client.ua,
    ja4: ctx.client.ja4,
    headerOrder: ctx.client.headerOrder,
    endpoint: spec.endpoint,
    model: spec.model,
    request,
    response,
    status,
    action: 'allow',
  };
}

/** Streams event lines into hourly bucket files, then merges them in time order. */
export class EventSink {
  private readonly dir: string;
  private readonly buf = new Map<number, string[]>();
  private readonly bufBytes = new Map<number, number>();
  private readonly written = new Set<number>();
  private readonly fds = new Map<number, number>();
  count = 0;
  perAccount = new Map<string, number>();

  constructor(
    private readonly outDir: string,
    private readonly clock: Clock,
  ) {
    this.dir = join(outDir, '.buckets');
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  add(ev: Record<string, unknown>): void {
    const ts = ev['ts'] as number;
    const b = Math.floor((ts - this.clock.start) / HOUR);
    const line = JSON.stringify(ev);
    let arr = this.buf.get(b);
    if (!arr) {
      arr = [];
      this.buf.set(b, arr);
    }
    arr.push(line);
    const bytes = (this.bufBytes.get(b) ?? 0) + line.length;
    this.bufBytes.set(b, bytes);
    if (bytes > 1_000_000) this.flush(b);
    this.count++;
    const a = ev['account'] as string;
    this.perAccount.set(a, (this.perAccount.get(a) ?? 0) + 1);
  }

  private flush(b: number): void {
    const arr = this.buf.get(b);
    if (!arr || arr.length === 0) return;
    let fd = this.fds.get(b);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `${b}.jsonl`), 'w');
      this.fds.set(b, fd);
    }
    writeSync(fd, arr.join('\n') + '\n');
    this.written.add(b);
    this.buf.set(b, []);
    this.bufBytes.set(b, 0);
  }

  /** Writes events.jsonl sorted by ts (stable within equal ts). */
  finish(file: string): void {
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    const buckets = new Set<number>([...this.buf.keys(), ...this.written]);
    const order = [...buckets].sort((a, b) => a - b);
    const fd = openSync(file, 'w');
    for (const b of order) {
      let lines: string[] = [];
      if (this.written.has(b)) {
        lines = readFileSync(join(this.dir, `${b}.jsonl`), 'utf8')
          .split('\n')
          .filter((l) => l.length > 0);
      }
      const mem = this.buf.get(b);
      if (mem) lines = lines.concat(mem);
      const keyed = lines.map((l) => {
        const m = /^\{"ts":(\d+)/.exec(l);
        return { ts: m ? Number(m[1]) : 0, l };
      });
      keyed.sort((x, y) => x.ts - y.ts);
      const chunk: string[] = [];
      let size = 0;
      for (const k of keyed) {
        chunk.push(k.l);
        size += k.l.length;
        if (size > 8_000_000) {
          writeSync(fd, chunk.join('\n') + '\n');
          chunk.length = 0;
          size = 0;
        }
      }
      if (chunk.length) writeSync(fd, chunk.join('\n') + '\n');
      this.buf.delete(b);
    }
    closeSync(fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
