/**
 * Small deterministic traffic generators for the detector's tests and benchmark: benign
 * personas (chat, students, batch pipelines, evaluation harnesses, shared-NAT
 * organisations, honest logprob users) and campaigns (templated reasoning harvesting,
 * grading, hydra clusters, logit sweeps). Text is drawn from a word bank so prompts are
 * diverse where real ones are.
 */
import type { TelemetryEvent } from '../../telemetry/event.js';

/** The one seeded source (random/seeded.ts; tests only: detection never uses randomness). */
export { seeded as rng } from '../../random/seeded.js';

const WORDS = (
  'river engine garden market theory signal castle pocket winter ladder orbit planet violin harbor ' +
  'forest metal ticket mirror candle rocket travel summer basket puzzle shadow pepper camera doctor ' +
  'village silver thunder lemon paper island bridge marble anchor feather canyon meadow glacier ' +
  'compiler database network protocol kernel cache thread socket vector matrix tensor gradient ' +
  'history poetry novel climate economy budget invoice contract lawyer patient recipe kitchen ' +
  'oven bicycle airport museum concert guitar painting sculpture election senate province harvest'
).split(' ');
const OPENERS = [
  'hey, quick question about',
  'what do you think of',
  'can you help me with my',
  'I was wondering why',
  'tell me a story about',
  'how would I fix the',
  'is it normal that my',
  'write a short poem on',
  'compare the',
  'what is the best way to clean a',
  'any tips for choosing a',
  'translate to French: the',
  'why does my',
  'give me ideas for a',
  'help me plan a trip with a',
  'what year was the first',
];

/** A random phrase of `k` words. */
export function phrase(r: () => number, k: number): string {
  const out: string[] = [];
  for (let i = 0; i < k; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  return out.join(' ');
}

/** A fresh free-form question. */
export function question(r: () => number): string {
  const o = OPENERS[Math.floor(r() * OPENERS.length)]!;
  return `${o} ${phrase(r, 3 + Math.floor(r() * 8))}? ${r() < 0.5 ? phrase(r, 6) + '.' : ''}`.trim();
}

/** A word problem with numbers in it (the slot of a harvesting template). */
export function problem(r: () => number): string {
  const a = 2 + Math.floor(r() * 90);
  const b = 2 + Math.floor(r() * 40);
  return `${phrase(r, 2)} has ${a} ${phrase(r, 1)}s and gives ${b} to each ${phrase(r, 1)} near the ${phrase(r, 2)}. How many ${phrase(r, 1)}s remain after ${phrase(r, 3)}?`;
}

/** Options of one generated event. */
export interface EventOpts {
  ts: number;
  account: string;
  ip?: string | undefined;
  ua?: string | undefined;
  user: string;
  system?: string;
  history?: number;
  anthropic?: boolean;
  request?: Record<string, unknown>;
  inTokens?: number;
  outTokens?: number;
  finish?: string;
  model?: string;
}

/** Build one telemetry event in either API shape. */
export function event(o: EventOpts): TelemetryEvent {
  const messages: unknown[] = [];
  if (o.system && !o.anthropic) messages.push({ role: 'system', content: o.system });
  for (let i = 0; i < (o.history ?? 0); i++) {
    messages.push({ role: 'user', content: 'earlier question ' + i });
    messages.push({ role: 'assistant', content: [{ type: 'text', text: 'earlier answer ' + i }] });
  }
  messages.push({ role: 'user', content: o.anthropic ? [{ type: 'text', text: o.user }] : o.user });
  const request: TelemetryEvent['request'] = { messages, max_tokens: 1024, ...(o.request ?? {}) };
  if (o.system && o.anthropic) request.system = [{ type: 'text', text: o.system }];
  const inTokens = o.inTokens ?? Math.ceil(o.user.length / 4) + 10;
  return {
    ts: o.ts,
    account: o.account,
    key: 'key_' + o.account,
    ip: o.ip ?? '198.51.100.7',
    userAgent: o.ua ?? 'sdk/1.0',
    endpoint: o.anthropic ? 'messages' : 'chat.completions',
    model: o.model ?? 'model-a',
    request,
    response: {
      text: '',
      inputTokens: inTokens,
      outputTokens: o.outTokens ?? 200,
      finishReason: o.finish ?? (o.anthropic ? 'end_turn' : 'stop'),
      latencyMs: 900,
    },
    status: 200,
    action: 'allow',
  };
}

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

/** A human's gap: seconds to hours, heavy-tailed, mostly in working hours. */
function humanGap(r: () => number): number {
  return Math.floor(Math.exp(Math.log(20_000) + r() * 5.5));
}

/** Casual chat / power user: diverse prompts, some multi-turn, human timing. */
export function chatUser(
  r: () => number,
  account: string,
  n: number,
  ip?: string,
  ua?: string,
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = T0 + Math.floor(r() * 600 * MIN);
  for (let i = 0; i < n; i++) {
    ts += humanGap(r);
    out.push(
      event({
        ts,
        account,
        ip,
        ua,
        user: question(r),
        history: r() < 0.4 ? 1 + Math.floor(r() * 4) : 0,
        outTokens: 80 + Math.floor(r() * 600),
        anthropic: r() < 0.3,
      }),
    );
  }
  return out;
}

/** A student: word problems, about half asking for step-by-step explanations. */
export function student(
  r: () => number,
  account: string,
  n: number,
  ip?: string,
  ua?: string,
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = T0 + Math.floor(r() * 600 * MIN);
  const asks = [
    'can you explain step by step?',
    'please show the steps, I need to understand why.',
    'what is the answer?',
    'I got 12, is that right?',
    '',
  ];
  for (let i = 0; i < n; i++) {
    ts += humanGap(r);
    const user = `${r() < 0.5 ? question(r) : problem(r)} ${asks[Math.floor(r() * asks.length)]}`;
    out.push(
      event({
        ts,
        account,
        ip,
        ua,
        user,
        history: r() < 0.3 ? 1 : 0,
        outTokens: 150 + Math.floor(r() * 400),
      }),
    );
  }
  return out;
}

/** A batch pipeline: one summarisation template over many different documents, machine timing. */
export function batchPipeline(r: () => number, account: string, n: number): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = T0;
  for (let i = 0; i < n; i++) {
    ts += 2000 + Math.floor(r() * 200);
    const doc = Array.from({ length: 12 }, () => phrase(r, 14) + '.').join(' ');
    out.push(
      event({
        ts,
        account,
        system: 'You are a summarisation service.',
        user: `Summarize the following document in three bullet points.\n\n${doc}`,
        inTokens: 600,
        outTokens: 60,
        request: { temperature: 0.2, max_tokens: 200 },
      }),
    );
  }
  return out;
}

/** An evaluation harness: a benchmark run once at temperature 0 in a burst. */
export function evalHarness(r: () => number, account: string, n: number): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = T0;
  for (let i = 0; i < n; i++) {
    ts += 700 + Math.floor(r() * 300);
    out.push(
      event({
        ts,
        account,
        user: `Question: ${problem(r)}\nLet's think step by step.\nAnswer:`,
        inTokens: 120,
        outTokens: 160,
        request: { temperature: 0, max_tokens: 512 },
      }),
    );
  }
  return out;
}

/** Harvesting templates the fixtures fill (exported for tests that replay one). */
export const HARVEST_TEMPLATES = [
  'Solve the following problem. Write out your complete reasoning step by step before giving the final answer.\n\n',
  'Before answering, think through the problem carefully and articulate every intermediate step of your reasoning.\n\n',
];

/** A templated reasoning harvester on one account. */
export function harvester(
  r: () => number,
  account: string,
  n: number,
  startTs = T0,
  ip = '203.0.113.50',
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = startTs;
  for (let i = 0; i < n; i++) {
    ts += 8000 + Math.floor(r() * 4000);
    const tpl = HARVEST_TEMPLATES[i % HARVEST_TEMPLATES.length]!;
    const ev = event({
      ts,
      account,
      ip,
      user: tpl + problem(r),
      inTokens: 110,
      outTokens: 900 + Math.floor(r() * 700),
      request: { temperature: 0.7, max_tokens: 4096 },
    });
    // What a model asked to write out every step serves: a worked solution.
    ev.response = { ...ev.response!, text: workedSolution(r) };
    out.push(ev);
  }
  return out;
}

/** A worked solution as a model serves it: numbered lines, each stating an equation. */
function workedSolution(r: () => number): string {
  return Array.from(
    { length: 4 },
    (_, i) => `${i + 1}. ${phrase(r, 6)} = ${Math.floor(r() * 100)}`,
  ).join('\n');
}

/**
 * A tutoring application (an honest look-alike of reasoning harvest): a system prompt that
 * demands every step, a worked solution served on every request, every few minutes; each
 * request names one of `pupils` end users in `user` (0: none, one anonymous sender).
 */
export function tutorApp(
  r: () => number,
  account: string,
  n: number,
  pupils: number,
  startTs = T0,
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = startTs;
  for (let i = 0; i < n; i++) {
    ts += 120_000 + Math.floor(r() * 120_000);
    const user = pupils > 0 ? { user: `${account}-pupil-${Math.floor(r() * pupils)}` } : {};
    const ev = event({
      ts,
      account,
      system:
        'You are a maths tutor for secondary pupils. Always explain each step of the solution.',
      user: `${problem(r)} ${phrase(r, 6)}`,
      request: { max_tokens: 1200, ...user },
      outTokens: 450,
    });
    ev.response = { ...ev.response!, text: workedSolution(r) };
    out.push(ev);
  }
  return out;
}

/** Frames a plain-worded harness opens its asks with (8+ words: a whole template frame), no word anyone lists as an ask. */
export const PLAIN_FRAMES = [
  'here is one more from the notebook for today',
  'next one on the list for tonight if you can',
  'please take a careful look at this one for me',
  'one more from the same worksheet we had last week',
  'this one came up in the group chat earlier today',
];

/**
 * One member (`index`) of a low-and-slow hydra that asks in plain words (THREATS.md: quiet
 * accounts under every threshold, mixed with ordinary traffic): its own home address, client,
 * sampling and hours; `n` requests a few hours apart from `startTs`, each ask opened by one of
 * the harness's frames and answered with a worked solution; `cover` of them ordinary chat.
 */
export function plainAsker(
  r: () => number,
  account: string,
  index: number,
  n: number,
  startTs: number,
  cover = 0.1,
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = startTs;
  for (let i = 0; i < n; i++) {
    ts += 1_200_000 + Math.floor(r() * 14_000_000);
    const chat = r() < cover;
    const frame = PLAIN_FRAMES[Math.floor(r() * PLAIN_FRAMES.length)]!;
    const ev = event({
      ts,
      account,
      ip: `100.${64 + (index % 64)}.${index % 256}.${1 + (i % 4)}`,
      ua: `client-${index}/1.${index}`,
      user: chat ? question(r) : `${frame}: ${problem(r)}`,
      request: { temperature: 0.3 + (index % 5) / 10, max_tokens: 2000 + 500 * (index % 4) },
      outTokens: chat ? 150 : 700,
    });
    ev.response = { ...ev.response!, text: chat ? phrase(r, 40) : workedSolution(r) };
    out.push(ev);
  }
  return out;
}

/** A hydra: `accounts` accounts sharing a template, round-robin, each under `perAccount` requests. */
export function hydra(
  r: () => number,
  prefix: string,
  accounts: number,
  perAccount: number,
): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  let ts = T0;
  for (let i = 0; i < perAccount; i++) {
    for (let a = 0; a < accounts; a++) {
      ts += 3000 + Math.floor(r() * 3000);
      const ip = `192.0.2.${(a * 7) % 250}`;
      const ua = `client/${Math.floor(r() * 1000)}`;
      const ev = event({
        ts,
        account: `${prefix}${a}`,
        ip,
        ua,
        user: HARVEST_TEMPLATES[0]! + problem(r),
        inTokens: 110,
        outTokens: 1000,
        request: { max_tokens: 4096 },
      });
      ev.response = { ...ev.response!, text: workedSolution(r) };
      out.push(ev);
    }
  }
  return out;
}

/** Merge event lists in timestamp order (stable by account id for ties). */
export function mergeByTime(...lists: TelemetryEvent[][]): TelemetryEvent[] {
  return lists
    .flat()
    .sort((a, b) => a.ts - b.ts || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0));
}
