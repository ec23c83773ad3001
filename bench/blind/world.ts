/**
 * The shared state of one run: the clock, accounts and labels, and the event sink. Families
 * create accounts and send calls through it; it writes each event as one line right away so
 * the run holds strings, not object graphs.
 */
import type { Client } from './clients.js';
import type { Corpus } from './corpus.js';
import type { Rng } from './rng.js';
import { requestBody, responseFor, type Call, type Reply } from './wire.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** DESIGN.md's account record. */
export interface Account {
  id: string;
  createdAt: string;
  email: string;
  signupIp: string;
  paymentFingerprint: string;
  country: string;
  tier: string;
  route: string;
}

/** One label entry of labels.json. */
export interface Label {
  malicious: boolean;
  persona: string;
  campaign: string | null;
}

/** An account as it acts: its keys, client stack, origin and clock. */
export interface Actor {
  acct: Account;
  keys: string[];
  client: Client;
  ip: () => string;
  /** UTC offset in hours of the person or service behind it. */
  tz: number;
}

/** Hour-of-day weights (local time) for the activity shapes used by the families. */
export const SHAPES: Record<string, number[]> = {
  evening: [3, 2, 1, 1, 0.5, 0.5, 1, 2, 3, 4, 4, 5, 6, 5, 5, 5, 6, 7, 8, 10, 11, 11, 9, 6],
  work: [
    0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 6, 10, 11, 10, 7, 9, 11, 10, 9, 7, 4, 2, 1.5, 1.2, 0.8,
    0.5,
  ],
  student: [
    4, 2.5, 1, 0.5, 0.2, 0.2, 0.5, 1.5, 2, 2, 2.5, 3, 3, 4, 5, 7, 8, 8, 9, 10, 11, 11, 9, 7,
  ],
  flat: Array.from({ length: 24 }, () => 1),
  consumer: [2, 1.2, 0.8, 0.5, 0.5, 0.8, 2, 4, 6, 7, 7, 7, 8, 7, 7, 7, 7, 8, 9, 9, 9, 8, 6, 4],
  school: [
    0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 2, 8, 10, 10, 9, 7, 9, 9, 8, 6, 5, 5, 5, 4, 3, 1.5, 0.5,
  ],
  nightly: [
    2, 8, 10, 9, 6, 2, 0.5, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2,
    0.3, 0.5, 1,
  ],
  business: [
    1, 0.8, 0.7, 0.7, 0.8, 1.2, 2, 3.5, 5, 6, 6.5, 6.5, 6, 6, 6, 5.5, 5, 4.5, 3.5, 3, 2.5, 2, 1.5,
    1.2,
  ],
};

/** The run: options, labels, accounts and the sorted-on-write event lines. */
export class World {
  readonly end: number;
  /** When helix-2 becomes available (17:00 UTC on the day ~45% into the run). */
  readonly release: number;
  readonly accounts: Account[] = [];
  readonly labels: Record<string, Label> = {};
  readonly campaigns: { id: string; kind: string; accounts: number }[] = [];
  private readonly lines: { ts: number; seq: number; line: Buffer }[] = [];
  private readonly ids = new Set<string>();
  private seq = 0;

  constructor(
    readonly start: number,
    readonly days: number,
    readonly totalAccounts: number,
    readonly corpus: Corpus,
  ) {
    this.end = start + days * DAY;
    this.release = start + Math.floor(days * 0.45) * DAY + 17 * HOUR;
  }

  /** A family size scaled to the requested account total (3,000 is the reference). */
  scale(n: number, min = 1): number {
    return Math.max(min, Math.round((n * this.totalAccounts) / 3000));
  }

  /** Registers an account with its label. */
  addAccount(rng: Rng, a: Omit<Account, 'id'>, label: Label): Account {
    let id = `acct_${rng.alnum(12)}`;
    while (this.ids.has(id)) id = `acct_${rng.alnum(12)}`;
    this.ids.add(id);
    const acct = { id, ...a };
    this.accounts.push(acct);
    this.labels[id] = label;
    return acct;
  }

  /** Records a campaign and its account count. */
  addCampaign(id: string, kind: string, accounts: number): void {
    this.campaigns.push({ id, kind, accounts });
  }

  /** Writes one event for `call` answered with `reply` (only inside the window). */
  send(
    rng: Rng,
    actor: Actor,
    ts: number,
    call: Call,
    reply: Reply,
    opts: { key?: string; ip?: string; client?: Client; status?: number } = {},
  ): void {
    if (ts < this.start || ts >= this.end) return;
    const client = opts.client ?? actor.client;
    const status = opts.status ?? 200;
    const response =
      status === 200
        ? responseFor(rng, call, reply)
        : {
            text: '',
            inputTokens: 0,
            outputTokens: 0,
            finishReason: 'error',
            latencyMs: rng.int(5, 60),
          };
    const ev = {
      ts: Math.round(ts),
      account: actor.acct.id,
      key: opts.key ?? actor.keys[0] ?? 'key_0',
      ip: opts.ip ?? actor.ip(),
      userAgent: client.userAgent,
      ja4: client.ja4,
      headerOrder: client.headerOrder,
      endpoint: call.api === 'openai' ? 'chat.completions' : 'messages',
      model: call.model,
      request: requestBody(call),
      response,
      status,
      action: 'allow',
    };
    // Held as UTF-8 bytes outside the JS heap: half the size of a two-byte string.
    this.lines.push({ ts: ev.ts, seq: this.seq++, line: Buffer.from(JSON.stringify(ev) + '\n') });
  }

  /** The event lines (newline-terminated) in time order; ties keep the order they were sent. */
  sortedLines(): Buffer[] {
    this.lines.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
    return this.lines.map((l) => l.line);
  }

  get eventCount(): number {
    return this.lines.length;
  }

  dayStart(d: number): number {
    return this.start + d * DAY;
  }

  isWeekend(d: number): boolean {
    return d % 7 >= 5;
  }

  /** A time on day `d` (UTC day index) drawn from a local-time activity shape. */
  at(rng: Rng, d: number, tz: number, shape: keyof typeof SHAPES): number {
    const hour = rng.index(SHAPES[shape] ?? (SHAPES.flat as number[]));
    return this.dayStart(d) + (hour - tz) * HOUR + rng.next() * HOUR;
  }
}

/** Key ids as the gateway logs them (never the secret). */
export function keyId(rng: Rng): string {
  return `key_${rng.alnum(10)}`;
}

/** A payment fingerprint as a card vault would expose it. */
export function payFp(rng: Rng): string {
  return `pf_${rng.hex(16)}`;
}

/** An ISO time `daysBefore` days (with jitter) before `ts`. */
export function isoBefore(rng: Rng, ts: number, daysBefore: number): string {
  return new Date(Math.round(ts - daysBefore * DAY - rng.next() * DAY)).toISOString();
}

/** Sends a multi-turn conversation; returns when it ended. */
export function converse(
  world: World,
  rng: Rng,
  actor: Actor,
  t0: number,
  base: Omit<Call, 'turns'>,
  userTurns: string[],
  answer: (i: number, prompt: string) => Reply,
  gap: () => number,
): number {
  const turns: Call['turns'] = [];
  let t = t0;
  for (let i = 0; i < userTurns.length; i++) {
    const prompt = userTurns[i] as string;
    turns.push({ role: 'user', text: prompt });
    const reply = answer(i, prompt);
    world.send(rng, actor, t, { ...base, turns: [...turns] }, reply);
    turns.push({ role: 'assistant', text: reply.text });
    t += gap();
  }
  return t;
}
