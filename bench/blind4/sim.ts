// Shared persona toolkit: the environment, accounts, actors that emit events,
// and conversation material used by several families.
import { buildEvent, type Call, type Event } from './api.js';
import type { CodeItem, Corpus } from './corpus.js';
import type { Rng } from './rng.js';
import {
  codeAnswer,
  firstLine,
  keywords,
  mathFollow,
  prose,
  tidy,
  workedSolution,
} from './text.js';
import {
  DAY,
  HOUR,
  isoCountry,
  M,
  type Account,
  type Client,
  type Country,
  type Egress,
  type Label,
  type WorldTime,
} from './world.js';

export interface Sim {
  account: Account;
  label: Label;
  family: string;
  gen: Generator<Event, void, undefined>;
}

export interface Campaign {
  id: string;
  kind: string;
  accounts: string[];
}

export interface AccountSpec {
  createdAt: number;
  email: string;
  signupIp: string;
  payment: string | null;
  country: Country | string;
  tier: string;
  route: string;
}

export class Env {
  readonly sims: Sim[] = [];
  readonly campaigns: Campaign[] = [];
  private readonly ids = new Set<string>();
  private readonly idRng: Rng;

  constructor(
    readonly rng: Rng,
    readonly c: Corpus,
    readonly t: WorldTime,
    readonly scale: number,
  ) {
    this.idRng = rng.fork('ids');
  }

  n(base: number, min = 1): number {
    return Math.max(min, Math.round(base * this.scale));
  }

  newId(prefix: string, len: number): string {
    for (;;) {
      const id = `${prefix}${this.idRng.alnum(len).toLowerCase()}`;
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  account(spec: AccountSpec): Account {
    return {
      id: this.newId('acct_', 10),
      createdAt: new Date(Math.floor(spec.createdAt)).toISOString(),
      email: spec.email,
      signupIp: spec.signupIp,
      paymentFingerprint: spec.payment,
      country: typeof spec.country === 'string' ? spec.country : isoCountry(spec.country),
      tier: spec.tier,
      route: spec.route,
    };
  }

  campaign(kind: string): Campaign {
    const c: Campaign = { id: this.newId('camp_', 6), kind, accounts: [] };
    this.campaigns.push(c);
    return c;
  }

  add(
    family: string,
    label: Label,
    account: Account,
    gen: Generator<Event, void, undefined>,
  ): void {
    this.sims.push({ account, label, family, gen });
  }
}

export const honest = (persona: string): Label => ({ malicious: false, persona, campaign: null });

export class Actor {
  readonly keys: string[];
  constructor(
    readonly env: Env,
    readonly rng: Rng,
    readonly account: Account,
    readonly egress: Egress,
    readonly clients: Client[],
    nKeys = 1,
  ) {
    this.keys = [];
    for (let i = 0; i < nKeys; i++) this.keys.push(env.newId('key_', 12));
  }

  get client(): Client {
    return this.clients[0] as Client;
  }

  ev(ts: number, call: Call, o: { client?: Client; key?: string; ip?: string } = {}): Event {
    const client = o.client ?? this.client;
    return buildEvent(
      this.rng,
      Math.floor(ts),
      {
        account: this.account.id,
        key: o.key ?? (this.keys[0] as string),
        ip: o.ip ?? this.egress.at(ts),
        client,
      },
      { ...call, api: call.api ?? client.api },
    );
  }
}

/** Days before the window start, as an epoch; fractional days allowed. */
export function before(t: WorldTime, rng: Rng, minDays: number, maxDays: number): number {
  return t.start - rng.float(minDays, maxDays) * DAY - rng.int(0, 23) * HOUR;
}

export function modelFor(
  rng: Rng,
  t: WorldTime,
  ts: number,
  mix: { mini?: number; flagship?: number; think?: number; adopt?: number },
): string {
  const released = ts >= t.release;
  const adopt = released
    ? (mix.adopt ?? 0.3) * Math.min(1, (ts - t.release) / (18 * HOUR) + 0.35)
    : 0;
  if (released && rng.chance(adopt)) return M.next;
  return rng.weighted([
    [M.mini, mix.mini ?? 0.3],
    [rng.chance(0.12) ? M.pinned : M.flagship, mix.flagship ?? 0.6],
    [M.think, mix.think ?? 0.1],
  ] as const);
}

// ---------------------------------------------------------------- conversations

export interface Turn {
  user: string;
  assistant: string;
  reasoning?: number;
}
export interface Convo {
  system?: string;
  turns: Turn[];
  kind: string;
}

const GENERIC_FOLLOWUPS = [
  'can you make that shorter?',
  'What do you mean by {k}?',
  'Could you give me a concrete example of {k}?',
  "ok and what if I don't have {k}?",
  'Thanks. How does that compare with {k2}?',
  'Which of those would you start with?',
  'Can you put that in a table?',
  'Is {k} really necessary or can I skip it?',
  "hmm, that's not quite what I meant — I'm asking specifically about {k}",
  'Great, can you turn that into a checklist?',
  'Why {k} though?',
  'Any downsides to {k}?',
  'Say more about the second point.',
  'perfect thanks. one more: how long would {k} usually take?',
];

const CODE_FOLLOWUPS = [
  "I get `TypeError: 'NoneType' object is not subscriptable` when I run it — what's wrong?",
  'Can you add type hints and a docstring?',
  'How would I write a unit test for {k}?',
  "This works but it's slow on big inputs. Can it be faster?",
  'Can you make it not use recursion?',
  'what does the {k} part do exactly?',
  'It fails on an empty list. Fix?',
  'Can you make it not use recursion?',
];

const MATH_FOLLOWUPS = [
  'Wait, why did you multiply there?',
  'I got {a} too, thanks! Could you check a similar one for me?',
  'Can you show a quicker way?',
  "I don't get the second line.",
  "My teacher's answer key says something different, are you sure?",
];

export function followUp(rng: Rng, kind: string, answer: string, ans = ''): string {
  const kw = keywords(answer, 8);
  const bank =
    kind === 'code' ? CODE_FOLLOWUPS : kind === 'math' ? MATH_FOLLOWUPS : GENERIC_FOLLOWUPS;
  const tpl = rng.pick(bank);
  return tidy(
    rng,
    tpl
      .replace('{k}', rng.pick(kw.length ? kw : ['that']))
      .replace('{k2}', rng.pick(kw.length ? kw : ['the other option']))
      .replace('{a}', ans || 'the same'),
  );
}

function withGuard(code: string): string {
  const lines = code.trim().split('\n');
  const i = lines.findIndex((l) => /^\s*def\s+\w+\s*\(/.test(l));
  const p = /def\s+\w+\s*\(\s*(\w+)/.exec(lines[i] ?? '')?.[1];
  if (i < 0 || !p) return code.trim();
  const indent = /^(\s*)/.exec(lines[i + 1] ?? '    ')?.[1] || '    ';
  lines.splice(i + 1, 0, `${indent}if not ${p}:`, `${indent}    return ${p}`);
  return lines.join('\n');
}

export function codeFollowAnswer(rng: Rng, item: CodeItem, q: string): string {
  const low = q.toLowerCase();
  const fence = (code: string): string => '```python\n' + code.trim() + '\n```';
  if (/error|fails|empty|bug|wrong|none/.test(low))
    return `Good catch — ${rng.pick(['the function assumes a non-empty input', 'nothing handles the empty case, so it falls through', 'that path never returns a value'])}. Here's a fixed version:\n\n${fence(withGuard(item.solution))}\n\nThe early return covers the empty case; everything else behaves as before.`;
  if (/test/.test(low))
    return `Here's a small pytest file:\n\n${fence(`import pytest\nfrom solution import ${item.name}\n\n\ndef test_${item.name}_examples():\n${(item.tests.length && item.src === 'mbpp' ? item.tests : [`assert ${item.name} is not None`]).map((t) => `    ${t.trim()}`).join('\n')}`)}\n\nRun it with \`pytest -q\`.`;
  if (/type hints|docstring/.test(low)) {
    const code = item.solution
      .trim()
      .replace(
        /(def\s+\w+\s*\([^)]*\)\s*(?:->[^:]+)?:)/,
        `$1\n    """${firstLine(item.prompt, 90).replace(/"/g, "'")}"""`,
      );
    return `Sure:\n\n${fence(code)}`;
  }
  if (/faster|slow/.test(low))
    return `Most of the time goes into repeated work inside the loop. ${rng.pick(['Caching intermediate results', 'Building the result in one pass', 'Using a set for membership checks'])} avoids that:\n\n${fence(item.solution)}\n\nFor large inputs this brings it down to roughly linear time.`;
  if (/recursion/.test(low))
    return `Here's an iterative version with an explicit loop instead:\n\n${fence(item.solution)}`;
  return `That part ${rng.pick(['handles the main loop', 'builds the result', 'checks the input before doing any work'])}: ${rng.pick(['each element is visited once and combined into the running result.', 'it walks the input and collects the values that match the condition.', 'it returns early when there is nothing to do.'])} The rest is bookkeeping.`;
}

function answerToFollowUp(
  rng: Rng,
  c: Corpus,
  kind: string,
  q: string,
  topic: string,
  item?: CodeItem,
): string {
  if (kind === 'code' && item) return codeFollowAnswer(rng, item, q);
  if (kind === 'code' && c.code.length) return codeAnswer(rng, rng.pick(c.code), 'full');
  return prose(rng, c, `${topic} ${q}`, rng.int(60, 320), 'general');
}

/** A realistic multi-turn chat drawn from real dialogs or built around real prompts. */
export function chatConvo(
  rng: Rng,
  c: Corpus,
  maxTurns: number,
  pref: { code?: number; math?: number } = {},
): Convo {
  const roll = rng.next();
  const pCode = pref.code ?? 0.15;
  const pMath = pref.math ?? 0.08;
  if (roll < pCode && c.code.length) {
    const src = rng.chance(0.5) ? c.chat.filter((x) => x.kind === 'code') : [];
    const item = rng.pick(c.code);
    const q =
      src.length && rng.chance(0.6)
        ? rng.pick(src).text
        : tidy(
            rng,
            rng.pick([
              item.prompt,
              `${item.prompt} In python please.`,
              `how do I ${item.prompt.replace(/^Write a (python )?function to /i, '')}`,
            ]),
          );
    const a = codeAnswer(rng, item, rng.chance(0.3) ? 'review' : 'full');
    const turns: Turn[] = [{ user: q, assistant: a }];
    while (turns.length < maxTurns && rng.chance(0.55)) {
      const last = turns[turns.length - 1] as Turn;
      const u = followUp(rng, 'code', `${item.prompt} ${last.assistant}`);
      turns.push({ user: u, assistant: answerToFollowUp(rng, c, 'code', u, item.prompt, item) });
    }
    return { turns, kind: 'code' };
  }
  if (roll < pCode + pMath) {
    const m = rng.pick(c.math);
    const base = rng.chance(0.7)
      ? m.q
      : `${rng.pick(['help me with this', 'how do you do this one', 'can you solve', 'stuck on this:'])} ${m.q}`;
    // honest people use "trigger" phrasing too
    const q = rng.chance(0.25)
      ? `${base}\n\n${rng.pick(['Can you explain step by step?', 'Please show your reasoning.', 'Think it through carefully and explain each step.', 'explain your thinking pls', 'Walk me through the logic.'])}`
      : base;
    const turns: Turn[] = [
      {
        user: q,
        assistant: workedSolution(rng, m, rng.pick(['tutor', 'plain', 'headed'] as const)),
      },
    ];
    if (maxTurns > 1 && rng.chance(0.35)) {
      const u = followUp(rng, 'math', turns[0]?.assistant ?? '', m.answer);
      turns.push({ user: u, assistant: mathFollow(rng, m, u, c) });
    }
    return { turns, kind: 'math' };
  }
  if (rng.chance(0.45) && c.dialogs.length) {
    const d = rng.pick(c.dialogs);
    const turns: Turn[] = [];
    for (let i = 0; i + 1 < d.turns.length && turns.length < maxTurns; i += 2) {
      const u = d.turns[i];
      const a = d.turns[i + 1];
      if (!u || !a || u.role !== 'user' || a.role !== 'assistant') break;
      turns.push({ user: u.text, assistant: a.text });
    }
    if (turns.length) return { turns, kind: 'dialog' };
  }
  if (rng.chance(0.15) && c.twoTurn.length) {
    const tt = rng.pick(c.twoTurn);
    const turns: Turn[] = tt
      .slice(0, maxTurns)
      .map((u) => ({ user: u, assistant: prose(rng, c, u, rng.int(150, 600), 'writing') }));
    return { turns, kind: 'chat' };
  }
  const p = rng.pick(c.chat);
  const item = p.kind === 'code' && c.code.length ? rng.pick(c.code) : undefined;
  const turns: Turn[] = [
    {
      user: p.text,
      assistant: item
        ? codeAnswer(rng, item, rng.chance(0.4) ? 'review' : 'full')
        : prose(rng, c, p.text, rng.int(120, 700), p.kind),
    },
  ];
  while (turns.length < maxTurns && rng.chance(0.5)) {
    const u = followUp(rng, p.kind === 'code' ? 'code' : 'general', p.text);
    turns.push({ user: u, assistant: answerToFollowUp(rng, c, p.kind, u, p.text, item) });
  }
  const convo: Convo = { turns, kind: p.kind };
  if (rng.chance(0.12) && c.roles.length) convo.system = rng.pick(c.roles).prompt;
  return convo;
}

/** Emits one conversation's requests; each request carries the whole history so far. */
export function* playConvo(
  a: Actor,
  start: number,
  convo: Convo,
  model: string,
  params: Call['params'],
  think: (ms: number) => number = (ms) => ms,
): Generator<Event, number, undefined> {
  let ts = start;
  const msgs: Call['msgs'] = [];
  for (const turn of convo.turns) {
    msgs.push({ role: 'user', text: turn.user });
    const call: Call = { model, msgs: [...msgs], params, reply: { text: turn.assistant } };
    if (convo.system !== undefined) call.system = convo.system;
    if (model === M.think)
      call.reply.reasoning = turn.reasoning ?? Math.round(a.rng.logNormal(900, 0.7));
    const ev = a.ev(ts, call);
    yield ev;
    msgs.push({ role: 'assistant', text: turn.assistant });
    const lat = Number((ev.response as { latencyMs?: number }).latencyMs ?? 1000);
    // read the answer, type the next message
    ts += lat + think(a.rng.logNormal(45_000, 0.8) + turn.assistant.length * 25);
  }
  return ts;
}
