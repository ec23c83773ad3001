// Personas and campaign families. Each family creates its accounts, plans request slots
// (timestamps), and renders each slot into a request/response spec.
import {
  Rng,
  DAY,
  HOUR,
  COUNTRIES,
  country,
  residentialIp,
  cloudPrefix,
  ipIn24,
  makeClient,
  spoofedClient,
  personalEmail,
  DISPOSABLE,
  sampleTime,
  hourWeight,
  hash32,
} from './lib.js';
import type { Client, ClientKind } from './lib.js';
import { renderSteps, renderDeliberation, renderCode, composeAnswer } from './corpus.js';
import type { MathItem, CodeItem, Corpus } from './corpus.js';
import * as P from './phrases.js';
import { M_MINI, M_STD, M_THINK, M_NEW, REASONING, push, modelFor, tcId, clip } from './world.js';
import type { Acct, Ctx, Slot, Spec, Msg, ToolDef, Tier, Route } from './world.js';

export interface Family {
  name: string;
  malicious: boolean;
  share: number; // accounts at --accounts 2500
  what: string;
  create(ctx: Ctx, n: number, r: Rng): void;
  plan(ctx: Ctx, accts: Acct[], r: Rng): void;
  render(ctx: Ctx, a: Acct, s: Slot): Spec;
}

// ------------------------------------------------------------------ account factory
const COUNTRY_W: [string, number][] = [
  ['US', 30],
  ['IN', 10],
  ['GB', 6],
  ['DE', 5],
  ['BR', 5],
  ['FR', 3],
  ['CA', 3],
  ['JP', 3],
  ['KR', 2],
  ['ID', 3],
  ['NG', 2],
  ['KE', 1],
  ['PH', 2],
  ['VN', 2],
  ['TR', 2],
  ['PL', 2],
  ['ES', 2],
  ['MX', 2],
  ['AU', 2],
  ['SG', 2],
  ['NL', 2],
  ['ZA', 1],
  ['KZ', 0.5],
  ['EG', 1],
];
interface MkOpts {
  family: string;
  persona: string;
  malicious: boolean;
  campaign?: string | null | undefined;
  country?: string | undefined;
  createdAt?: number | undefined;
  email?: string | undefined;
  signupIp?: string | undefined;
  pay?: string | null | undefined;
  tier?: Tier | undefined;
  route?: Route | undefined;
  keys?: number | undefined;
  clients?: Client[] | undefined;
  ipMode?: Acct['ipMode'] | undefined;
  ips?: string[] | undefined;
  adopt?: number | undefined;
  p?: Record<string, any> | undefined;
}
export function mk(ctx: Ctx, r: Rng, o: MkOpts): Acct {
  const cc = o.country ?? r.weighted(COUNTRY_W);
  const idx = ctx.accts.length;
  const id = 'acct_' + ctx.r.hex(12);
  const home = residentialIp(cc, r);
  const a: Acct = {
    idx,
    id,
    family: o.family,
    persona: o.persona,
    malicious: o.malicious,
    campaign: o.campaign ?? null,
    createdAt: o.createdAt ?? ctx.start - Math.floor(r.float(2, 720) * DAY),
    email: o.email ?? personalEmail(r),
    signupIp: o.signupIp ?? (r.chance(0.7) ? home : residentialIp(cc, r)),
    paymentFingerprint: o.pay === undefined ? 'pf_' + r.hex(16) : o.pay,
    country: cc,
    tier: o.tier ?? 'free',
    route: o.route ?? 'self-serve',
    keys: Array.from({ length: o.keys ?? 1 }, () => 'key_' + r.hex(10)),
    clients: o.clients ?? [makeClient('openai-py', r)],
    ipMode: o.ipMode ?? 'home',
    ips: o.ips ?? [home, residentialIp(cc, r)],
    tz: country(cc).tz,
    adopt: o.adopt ?? 0.15,
    p: o.p ?? {},
    st: {},
    r: new Rng(`${ctx.seed}/acct/${idx}`),
    events: 0,
  };
  if (a.tier === 'unverified') a.paymentFingerprint = null;
  else if (a.tier === 'free' && o.pay === undefined && r.chance(0.6)) a.paymentFingerprint = null;
  ctx.accts.push(a);
  if (a.campaign) {
    let c = ctx.campaigns.get(a.campaign);
    if (!c) ctx.campaigns.set(a.campaign, (c = { kind: a.family, accounts: [] }));
    c.accounts.push(a.id);
  }
  return a;
}
const ofFamily = (ctx: Ctx, name: string) => ctx.accts.filter((a) => a.family === name);

// ------------------------------------------------------------------ planning helpers
function planSessions(
  ctx: Ctx,
  a: Acct,
  nSess: number,
  shape: string,
  turns: () => number,
  gap: () => number,
  from = ctx.start,
  to = ctx.end,
): void {
  const base = a.st['sessBase'] ?? 0;
  for (let s = 0; s < nSess; s++) {
    let t = sampleTime(a.r, from, to, shape, a.tz);
    const n = Math.max(1, turns());
    for (let k = 0; k < n; k++) {
      push(ctx, a, t, base + s, k, n);
      t += gap();
    }
  }
  a.st['sessBase'] = base + nSess;
}
/** Thinned Poisson process at up to perHour, following a diurnal shape. */
function planRate(
  ctx: Ctx,
  a: Acct,
  perHour: number,
  shape: string,
  from = ctx.start,
  to = ctx.end,
  tag = '',
): number {
  let t = from;
  let c = 0;
  const mean = HOUR / Math.max(0.01, perHour);
  for (;;) {
    t += a.r.exp(mean);
    if (t >= to) break;
    const local = new Date(t + a.tz * HOUR);
    if (shape !== 'flat' && !a.r.chance(hourWeight(shape, local.getUTCHours(), local.getUTCDay())))
      continue;
    push(ctx, a, t, c, 0, 1, -1, tag);
    c++;
  }
  return c;
}
function campaignStream(
  ctx: Ctx,
  accts: Acct[],
  r: Rng,
  o: {
    perHour: number;
    shape: string;
    tz: number;
    from?: number;
    to?: number;
    assign: 'rr' | 'random' | 'weighted';
    turns?: () => number;
    gap?: () => number;
    tag?: (t: number) => string;
    startItem?: number;
  },
): void {
  if (!accts.length) return;
  let t = o.from ?? ctx.start;
  const to = o.to ?? ctx.end;
  let item = o.startItem ?? r.int(0, 5000);
  let rr = 0;
  const w = accts.map(() => r.logNormal(1, 0.6));
  const wsum = w.reduce((x, y) => x + y, 0);
  const mean = HOUR / o.perHour;
  const sessCount = new Map<number, number>();
  while (true) {
    t += r.exp(mean);
    if (t >= to) break;
    const local = new Date(t + o.tz * HOUR);
    if (
      o.shape !== 'flat' &&
      !r.chance(hourWeight(o.shape, local.getUTCHours(), local.getUTCDay()))
    )
      continue;
    let a: Acct;
    if (o.assign === 'rr') a = accts[rr++ % accts.length]!;
    else if (o.assign === 'random') a = r.pick(accts);
    else {
      let x = r.next() * wsum;
      let i = 0;
      for (; i < accts.length - 1; i++) {
        x -= w[i]!;
        if (x <= 0) break;
      }
      a = accts[i]!;
    }
    if (a.createdAt > t) continue;
    const n = o.turns ? o.turns() : 1;
    const s = sessCount.get(a.idx) ?? 0;
    sessCount.set(a.idx, s + 1);
    let tt = t;
    const tag = o.tag ? o.tag(t) : '';
    for (let k = 0; k < n; k++) {
      push(ctx, a, tt, s, k, n, item, tag);
      tt += o.gap ? o.gap() : r.float(2000, 20000);
    }
    item++;
  }
}

// ------------------------------------------------------------------ content helpers
const poolCache = new Map<string, MathItem[]>();
function mathPool(ctx: Ctx, kind: 'gsm' | 'comp' | 'mix' | 'cot' | 'all'): MathItem[] {
  let v = poolCache.get(kind);
  if (!v) poolCache.set(kind, (v = mathPoolRaw(ctx, kind)));
  return v;
}
function mathPoolRaw(ctx: Ctx, kind: 'gsm' | 'comp' | 'mix' | 'cot' | 'all'): MathItem[] {
  const c = ctx.corpus;
  if (kind === 'all') return [...c.compMath, ...c.math];
  if (kind === 'gsm') return c.math;
  if (kind === 'comp') return c.compMath;
  if (kind === 'cot')
    return c.cot.map((x) => ({
      q: x.q,
      steps: x.rationale.split(/(?<=\.)\s+/),
      final: x.a,
      src: x.src,
      hard: 1,
    }));
  return [...c.compMath, ...c.math.slice(0, 3000)];
}
function joinAsk(r: Rng, q: string, ask: string): string {
  const f = r.int(0, 5);
  if (f === 0) return `${q}\n\n${ask}`;
  if (f === 1) return `${ask}\n\n${q}`;
  if (f === 2) return `${q} ${ask}`;
  if (f === 3) return `Question: ${q}\n${ask}`;
  if (f === 4) return `${ask}\n---\n${q}`;
  return `${q}\n\n(${ask.replace(/\.$/, '')})`;
}
function reasoningFor(m: MathItem, r: Rng, deep = 1): number {
  return Math.round(r.logNormal(m.hard >= 3 ? 3800 : m.hard === 2 ? 1500 : 520, 0.55) * deep);
}
function mathSpecOut(
  a: Acct,
  m: MathItem,
  deliberate: boolean,
  lang?: string,
): { text: string; reasoning: number } {
  const r = a.r;
  let text = deliberate
    ? renderDeliberation(m.steps, m.final, r) + '\n\n' + renderSteps(m.steps, m.final, r, 2)
    : renderSteps(m.steps, m.final, r);
  if (lang && P.ANSWER_HEAD_ML[lang]) text = P.ANSWER_HEAD_ML[lang] + '\n\n' + text;
  return { text, reasoning: reasoningFor(m, r, deliberate ? 1.3 : 1) };
}
function pickChatPrompt(ctx: Ctx, r: Rng): { turns: string[]; replies: string[] } {
  const c = ctx.corpus;
  const k = r.int(0, 9);
  if (k <= 2) return r.pick(c.chat);
  if (k <= 5) return { turns: [r.pick(c.single)], replies: [] };
  if (k <= 6) return { turns: r.pick(c.mtbench).turns, replies: [] };
  if (k <= 7) {
    const ro = r.pick(c.roles);
    return { turns: [clip(ro.prompt, 1500)], replies: [] };
  }
  const u = r.pick(c.userInstr);
  return {
    turns: [u.input ? `${u.instruction}\n\n${u.input}` : u.instruction],
    replies: u.output ? [u.output] : [],
  };
}
function typo(r: Rng, s: string): string {
  if (!r.chance(0.25) || s.length < 12) return s;
  let o = r.chance(0.5) ? s.toLowerCase() : s;
  if (r.chance(0.5)) o = o.replace(/[?.!]$/, '');
  if (r.chance(0.3)) {
    const i = r.int(1, o.length - 2);
    o = o.slice(0, i) + o[i + 1] + o[i] + o.slice(i + 2);
  }
  return o;
}
/** Per-session state (sessions of one account may overlap in time). */
function sess(a: Acct, s: Slot): Record<string, any> {
  let m = a.st['sess'] as Map<number, Record<string, any>> | undefined;
  if (!m) a.st['sess'] = m = new Map();
  let o = m.get(s.s);
  if (!o) {
    o = { conv: [] as Msg[] };
    m.set(s.s, o);
    if (m.size > 8) m.delete(m.keys().next().value as number);
  }
  return o;
}
function conv(a: Acct, s: Slot): Msg[] {
  return sess(a, s)['conv'] as Msg[];
}
function remember(a: Acct, msgs: Msg[], user: Msg, reply: Msg, keep = 10): void {
  msgs.push(user, reply);
  while (msgs.length > keep) msgs.splice(0, 2);
}

// ------------------------------------------------------------------ tools
const T_BASH: ToolDef = {
  name: 'bash',
  description: 'Run a shell command in the workspace and return stdout/stderr.',
  parameters: {
    type: 'object',
    properties: { command: { type: 'string' } },
    required: ['command'],
  },
};
const T_READ: ToolDef = {
  name: 'read_file',
  description: 'Read a file from the repository.',
  parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
};
const T_EDIT: ToolDef = {
  name: 'edit_file',
  description: 'Replace a unique string in a file.',
  parameters: {
    type: 'object',
    properties: { path: { type: 'string' }, old: { type: 'string' }, new: { type: 'string' } },
    required: ['path', 'old', 'new'],
  },
};
const T_TEST: ToolDef = {
  name: 'run_tests',
  description: 'Run the test suite (optionally a subset).',
  parameters: { type: 'object', properties: { pattern: { type: 'string' } } },
};
const T_SEARCH: ToolDef = {
  name: 'search_code',
  description: 'Search the codebase with ripgrep.',
  parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
};
const T_PY: ToolDef = {
  name: 'python',
  description: 'Execute Python code and return the output.',
  parameters: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
};
const T_WEB: ToolDef = {
  name: 'web_search',
  description: 'Search the web.',
  parameters: { type: 'object', properties: { q: { type: 'string' } }, required: ['q'] },
};
const T_COMP: ToolDef = {
  name: 'computer',
  description: 'Control the desktop: screenshot, click, type, scroll.',
  parameters: {
    type: 'object',
    properties: {
      action: { type: 'string', enum: ['screenshot', 'click', 'type', 'scroll', 'key'] },
      x: { type: 'integer' },
      y: { type: 'integer' },
      text: { type: 'string' },
    },
    required: ['action'],
  },
};
const T_ORDER: ToolDef = {
  name: 'lookup_order',
  description: 'Look up a customer order by id.',
  parameters: {
    type: 'object',
    properties: { order_id: { type: 'string' } },
    required: ['order_id'],
  },
};
const T_REFUND: ToolDef = {
  name: 'create_ticket',
  description: 'Open a support ticket for a human agent.',
  parameters: {
    type: 'object',
    properties: { summary: { type: 'string' }, priority: { type: 'string' } },
    required: ['summary'],
  },
};

/** One step of a coding-agent trajectory (shared by honest agents and harvesters). */
function agentStep(
  ctx: Ctx,
  a: Acct,
  s: Slot,
  o: {
    task: string;
    code: CodeItem;
    file: string;
    fabricated: boolean;
    tools: ToolDef[];
    system: string;
    model: string;
    humanNudges: boolean;
  },
): Spec {
  const r = a.r;
  const msgs = conv(a, s);
  if (msgs.length === 0) msgs.push({ role: 'user', text: o.task });
  else if (o.humanNudges && r.chance(0.12))
    msgs.push({
      role: 'user',
      text: r.pick([
        'no, keep the old signature',
        'looks good, continue',
        'also handle None',
        'can you run the tests again?',
        "wait, don't touch the migrations",
      ]),
    });
  const last = s.t >= s.n - 1;
  let out: Spec['out'];
  if (last) {
    out = {
      text:
        r.pick([
          `Done. I updated \`${o.file}\` and all tests pass.`,
          `The fix is in place: ${o.code.task.slice(0, 120)}`,
          'Summary of changes:\n- fixed the edge case\n- added tests\n- ran the suite (green)',
        ]) +
        '\n\n' +
        renderCode(o.code, r, { explain: o.fabricated, tests: false }),
    };
  } else {
    const tool = r.pick(o.tools);
    const args: Record<string, unknown> =
      tool.name === 'bash'
        ? {
            command: r.pick([
              'ls -la',
              `cat ${o.file}`,
              'git status',
              'npm test -- --silent',
              'pytest -q',
              `grep -rn "${o.code.entry}" .`,
            ]),
          }
        : tool.name === 'read_file'
          ? { path: o.file }
          : tool.name === 'edit_file'
            ? { path: o.file, old: clip(o.code.code, 80), new: clip(o.code.code, 120) }
            : tool.name === 'run_tests'
              ? { pattern: o.code.entry }
              : tool.name === 'python'
                ? { code: clip(o.code.code, 400) + `\nprint(${o.code.entry})` }
                : tool.name === 'computer'
                  ? {
                      action: r.pick(['screenshot', 'click', 'type']),
                      x: r.int(0, 1440),
                      y: r.int(0, 900),
                    }
                  : tool.name === 'web_search'
                    ? { q: clip(o.code.task, 60) }
                    : { query: o.code.entry };
    const tc = { id: tcId(r), name: tool.name, args };
    out = {
      text: r.chance(0.5)
        ? r.pick([
            'Let me look at the file first.',
            "I'll run the tests to see the failure.",
            'Checking where this is used.',
            '',
          ])
        : '',
      toolCalls: [tc],
    };
  }
  const spec: Spec = {
    model: o.model,
    system: o.system,
    msgs: msgs.slice(),
    tools: o.tools,
    temperature: o.fabricated ? 0.6 : r.pick([0, 0.2, 0.3]),
    max_tokens: o.fabricated ? 8192 : r.pick([4096, 8192]),
    stream: !o.fabricated || r.chance(0.3),
    out: { ...out, reasoning: REASONING.has(o.model) ? Math.round(r.logNormal(700, 0.7)) : 0 },
  };
  // advance the trajectory state for next turn
  msgs.push({ role: 'assistant', text: out.text || undefined, toolCalls: out.toolCalls } as Msg);
  if (out.toolCalls) {
    const tc = out.toolCalls[0]!;
    const result = o.fabricated
      ? r.pick([
          'ok',
          'All 12 tests passed.',
          'exit code 0',
          clip(o.code.code, 300),
          '1 failed, 11 passed',
          '[screenshot captured]',
        ])
      : tc.name === 'read_file' || tc.name === 'bash'
        ? clip(o.code.code + '\n\n' + (o.code.tests.join('\n') || ''), r.int(800, 4000))
        : tc.name === 'run_tests'
          ? `${r.int(20, 400)} passed, ${r.int(0, 3)} failed in ${r.float(1, 40).toFixed(2)}s\n` +
            clip(o.code.tests[0] ?? '', 400)
          : 'ok';
    msgs.push({ role: 'tool', toolCallId: tc.id, text: result });
  }
  while (msgs.length > (o.fabricated ? 24 : 40)) msgs.splice(1, 2);
  return spec;
}

// ------------------------------------------------------------------ families
const DOMAINS_EDU = [
  'stanford.edu',
  'mit.edu',
  'ox.ac.uk',
  'ui.ac.id',
  'uonbi.ac.ke',
  'iitb.ac.in',
  'usp.br',
  'tum.de',
  'unam.mx',
  'nus.edu.sg',
  'uct.ac.za',
];
const COMPANY = [
  'northwind.io',
  'acmecorp.com',
  'globex.net',
  'initech.co',
  'umbrella-labs.ai',
  'hooli.dev',
  'vandelay.com',
  'stark-analytics.com',
  'wayne.tech',
  'tyrell.ai',
  'cyberdyne.io',
  'soylent.co',
  'pied-piper.io',
  'massive-dynamic.com',
];

function chatClients(r: Rng): Client[] {
  return [
    makeClient(
      r.weighted<ClientKind>([
        ['chrome', 3],
        ['openai-py', 3],
        ['openai-js', 2],
        ['anthropic-py', 1],
        ['safari', 1],
        ['firefox', 1],
        ['curl', 0.5],
        ['requests', 1],
      ]),
      r,
    ),
  ];
}

export const FAMILIES: Family[] = [];
const F = (f: Family) => FAMILIES.push(f);

// ========================= BENIGN =========================
F({
  name: 'casual_chat',
  malicious: false,
  share: 0,
  what: 'hobbyists and individuals chatting through the API/playground: few short sessions, diverse prompts, follow-ups',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'casual_chat',
        persona: r.pick(['hobbyist', 'writer', 'shopper', 'night-owl', 'tinkerer']),
        malicious: false,
        tier: r.weighted<Tier>([
          ['unverified', 3],
          ['free', 6],
          ['pro', 1],
        ]),
        clients: chatClients(r),
        adopt: 0.2,
      });
  },
  plan(ctx, accts) {
    for (const a of accts) {
      const ns = Math.min(40, Math.floor(a.r.logNormal(3, 0.9)));
      planSessions(
        ctx,
        a,
        ns,
        a.r.pick(['consumer', 'evening', 'office']),
        () =>
          a.r.weighted([
            [1, 4],
            [2, 3],
            [3, 2],
            [5, 1],
          ]),
        () => a.r.float(25, 240) * 1000,
      );
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    const msgs = conv(a, s);
    if (!sess(a, s)['cp']) sess(a, s)['cp'] = pickChatPrompt(ctx, r);
    const cp = sess(a, s)['cp'] as { turns: string[]; replies: string[] };
    const u = cp.turns[s.t] ?? r.pick(P.FOLLOWUP_CHAT);
    const reply = cp.replies[s.t] ?? composeAnswer(u, r);
    const spec: Spec = {
      model: modelFor(a, s.ts, ctx, r.pick([M_MINI, M_STD, M_STD])),
      msgs: [...msgs, { role: 'user', text: typo(r, clip(u, 6000)) }],
      out: { text: reply },
    };
    if (r.chance(0.5)) spec.temperature = r.pick([0.7, 1, 0.8, 0.5]);
    if (r.chance(0.4)) spec.stream = true;
    if (r.chance(0.3)) spec.max_tokens = r.pick([1024, 2048, 4096]);
    remember(a, msgs, { role: 'user', text: u }, { role: 'assistant', text: reply });
    return spec;
  },
});

F({
  name: 'student',
  malicious: false,
  share: 220,
  what: "students doing homework: math/CS questions, often 'explain step by step' (incl. in their own language), human follow-ups, evening hours",
  create(ctx, n, r) {
    for (let i = 0; i < n; i++) {
      const cc = r.weighted<string>([
        ['US', 4],
        ['IN', 4],
        ['ID', 2],
        ['BR', 2],
        ['MX', 1],
        ['VN', 1],
        ['TR', 1],
        ['KE', 1],
        ['NG', 1],
        ['PH', 1],
        ['GB', 1],
      ]);
      const langMap: Record<string, string[]> = {
        ID: ['id'],
        BR: ['pt'],
        MX: ['es'],
        VN: ['vi'],
        TR: ['tr'],
        KE: ['sw'],
        IN: ['hi'],
        PH: ['tl'],
      };
      mk(ctx, r, {
        family: 'student',
        persona: 'student',
        malicious: false,
        country: cc,
        route: r.chance(0.6) ? 'education' : 'self-serve',
        tier: r.chance(0.8) ? 'free' : 'unverified',
        email: r.chance(0.6) ? personalEmail(r, r.pick(DOMAINS_EDU)) : personalEmail(r),
        clients: [makeClient(r.pick<ClientKind>(['chrome', 'chrome', 'openai-py', 'safari']), r)],
        adopt: 0.15,
        p: {
          lang: r.chance(0.35) ? langMap[cc]?.[0] : undefined,
          comp: r.chance(0.25),
          code: r.chance(0.25),
        },
      });
    }
  },
  plan(ctx, accts) {
    const exam = ctx.start + ctx.r.int(2, Math.max(2, ctx.days - 2)) * DAY;
    for (const a of accts) {
      const ns = Math.floor(a.r.logNormal(5, 0.7));
      planSessions(
        ctx,
        a,
        ns,
        'student',
        () =>
          a.r.weighted([
            [1, 3],
            [2, 3],
            [3, 2],
            [4, 1],
          ]),
        () => a.r.float(40, 400) * 1000,
      );
      if (a.r.chance(0.3))
        planSessions(
          ctx,
          a,
          a.r.int(2, 6),
          'student',
          () => a.r.int(1, 3),
          () => a.r.float(60, 300) * 1000,
          exam - DAY,
          exam,
        );
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    const msgs = conv(a, s);
    if (a.p['code'] && r.chance(0.5)) {
      const c = r.pick(ctx.corpus.mbpp);
      const u =
        s.t === 0
          ? typo(
              r,
              r.pick([
                `${c.task} I'm stuck`,
                `how do i ${c.task.replace(/^Write a (python )?function to /i, '')}`,
                c.task + ' ' + r.pick(P.REASON_PLAIN),
              ]),
            )
          : r.pick(P.FOLLOWUP_HUMAN);
      const out = renderCode(c, r, { explain: true, tests: r.chance(0.3) });
      const spec: Spec = {
        model: modelFor(a, s.ts, ctx, M_MINI),
        msgs: [...msgs, { role: 'user', text: u }],
        out: { text: out },
      };
      remember(a, msgs, { role: 'user', text: u }, { role: 'assistant', text: out }, 6);
      return spec;
    }
    if (!sess(a, s)['m'])
      sess(a, s)['m'] = r.pick(
        a.p['comp'] ? ctx.corpus.compMath : r.chance(0.7) ? ctx.corpus.math : mathPool(ctx, 'cot'),
      );
    const m = sess(a, s)['m'] as MathItem;
    let u: string;
    const lang = a.p['lang'] as string | undefined;
    if (s.t === 0) {
      const ask =
        lang && r.chance(0.7)
          ? r.pick(
              P.REASON_ML.filter((x) => x.lang === lang)
                .map((x) => x.text)
                .concat(P.REASON_PLAIN),
            )
          : r.chance(0.6)
            ? r.pick(P.REASON_PLAIN)
            : '';
      u = typo(r, ask ? joinAsk(r, m.q, ask) : m.q);
    } else u = r.pick(P.FOLLOWUP_HUMAN);
    const o = mathSpecOut(a, m, false, s.t === 0 ? lang : undefined);
    const model = modelFor(a, s.ts, ctx, m.hard > 1 && r.chance(0.5) ? M_THINK : M_MINI);
    const spec: Spec = {
      model,
      msgs: [...msgs, { role: 'user', text: u }],
      out: {
        text:
          s.t === 0
            ? o.text
            : composeAnswer(u, r, 1) + '\n\n' + renderSteps(m.steps.slice(-2), m.final, r, 3),
        reasoning: o.reasoning,
      },
    };
    if (r.chance(0.3)) spec.stream = true;
    remember(a, msgs, { role: 'user', text: u }, { role: 'assistant', text: spec.out.text }, 6);
    return spec;
  },
});

F({
  name: 'power_user',
  malicious: false,
  share: 130,
  what: 'power users and researchers: many diverse, hard prompts (arena/mt-bench), long follow-up conversations, heavy reasoning-model use, early new-model adoption',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'power_user',
        persona: r.pick(['researcher', 'engineer', 'analyst', 'consultant']),
        malicious: false,
        tier: r.chance(0.7) ? 'pro' : 'free',
        route: r.chance(0.25) ? 'research' : 'self-serve',
        clients: [
          makeClient(
            r.pick<ClientKind>(['openai-py', 'chrome', 'anthropic-py', 'openai-js', 'httpx']),
            r,
          ),
        ],
        adopt: r.float(0.3, 0.8),
        p: { devRole: r.chance(0.3), mct: r.chance(0.4) },
        email: r.chance(0.4) ? personalEmail(r, r.pick([...DOMAINS_EDU, ...COMPANY])) : undefined,
      });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        Math.floor(a.r.logNormal(14, 0.6)),
        a.r.pick(['office', 'evening', 'consumer']),
        () =>
          a.r.weighted([
            [1, 3],
            [2, 3],
            [4, 2],
            [8, 1],
          ]),
        () => a.r.float(30, 600) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    const msgs = conv(a, s);
    if (!sess(a, s)['pp']) {
      const k = r.int(0, 9);
      sess(a, s)['pp'] =
        k < 5
          ? { turns: [r.pick(ctx.corpus.arena).prompt] }
          : k < 7
            ? { turns: r.pick(ctx.corpus.mtbench).turns }
            : k < 8
              ? { m: r.pick(ctx.corpus.compMath) }
              : { turns: [r.pick(ctx.corpus.single)] };
    }
    const pp = sess(a, s)['pp'] as { turns?: string[]; m?: MathItem };
    let u: string, out: string, rs: number | undefined;
    if (pp.m) {
      u =
        s.t === 0
          ? pp.m.q
          : r.pick([
              'Is there a slicker way?',
              'Can you check the edge case?',
              'Why is that bound tight?',
              'Thanks. Could you generalise?',
            ]);
      const o = mathSpecOut(a, pp.m, false);
      out = o.text;
      rs = o.reasoning;
    } else {
      u =
        pp.turns?.[s.t] ??
        r.pick([
          ...P.FOLLOWUP_CHAT,
          "That's wrong in the second part — the API changed in v2.",
          'Can you write tests for that?',
          'Compare with the approach in the paper by Lee et al.',
        ]);
      out = composeAnswer(u, r, r.int(3, 7));
    }
    const model = modelFor(a, s.ts, ctx, r.pick([M_STD, M_THINK, M_THINK, M_MINI]));
    const spec: Spec = {
      model,
      msgs: [...msgs, { role: 'user', text: clip(u, 12000) }],
      out: { text: out, ...(rs ? { reasoning: rs } : {}) },
    };
    if (r.chance(0.5)) spec.temperature = r.pick([0, 0.2, 0.7, 1]);
    if (r.chance(0.5)) spec.max_tokens = r.pick([2048, 4096, 8192, 16384]);
    if (r.chance(0.15)) spec.system = r.pick(ctx.corpus.roles).prompt.slice(0, 800);
    remember(
      a,
      msgs,
      { role: 'user', text: clip(u, 3000) },
      { role: 'assistant', text: clip(out, 3000) },
      12,
    );
    return spec;
  },
});

const BENCHES = ['gsm8k', 'math', 'humaneval', 'mbpp', 'strategyqa', 'aqua', 'mtbench'] as const;
F({
  name: 'eval_harness',
  malicious: false,
  share: 20,
  what: 'teams running a public benchmark once (GSM8K, MATH, HumanEval, MBPP, StrategyQA, MT-Bench) at temperature 0 in a burst, then silence; some rerun on the new model',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'eval_harness',
        persona: 'benchmark-run',
        malicious: false,
        tier: r.pick<Tier>(['pro', 'pro', 'enterprise', 'free']),
        route: r.pick<Route>(['research', 'self-serve', 'enterprise', 'startup-credits']),
        clients: [makeClient(r.pick<ClientKind>(['lm-eval', 'openai-py-async', 'litellm']), r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['aws', 'gcp', 'azure']), r), r)],
        email: personalEmail(r, r.pick([...COMPANY, ...DOMAINS_EDU])),
        adopt: 0,
        p: { bench: r.pick(BENCHES), fewshot: r.chance(0.5), cot: r.chance(0.5) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) {
      const bench = a.p['bench'] as string;
      const size =
        bench === 'gsm8k'
          ? ctx.corpus.gsmTest.length
          : bench === 'math'
            ? 499
            : bench === 'humaneval'
              ? 164
              : bench === 'mbpp'
                ? 500
                : bench === 'mtbench'
                  ? 80
                  : 800;
      const runs: [number, string][] = [
        [sampleTime(a.r, ctx.start, ctx.end - 6 * HOUR, 'office', a.tz), M_STD],
      ];
      if (a.r.chance(0.5)) runs.push([ctx.release + a.r.float(2, 40) * HOUR, M_NEW]);
      if (a.r.chance(0.3))
        runs.push([sampleTime(a.r, ctx.start, ctx.end - 6 * HOUR, 'office', a.tz), M_THINK]);
      runs.forEach(([t0, model], ri) => {
        const conc = a.r.int(4, 32);
        let t = t0;
        for (let i = 0; i < size; i++) {
          t += a.r.exp((1200 / conc) * 4);
          push(ctx, a, t, ri, 0, 1, i, model);
        }
      });
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    const bench = a.p['bench'] as string;
    const model = s.tag || M_STD;
    const i = s.item;
    let u: string,
      out: string,
      rs = 0;
    let system: string | undefined;
    if (bench === 'humaneval' || bench === 'mbpp') {
      const c =
        bench === 'humaneval'
          ? ctx.corpus.humaneval[i % ctx.corpus.humaneval.length]!
          : ctx.corpus.mbpp[i % ctx.corpus.mbpp.length]!;
      u =
        bench === 'humaneval'
          ? `Complete the following Python function. Respond with code only.\n\n${c.task}`
          : `You are an expert Python programmer, and here is your task: ${c.task} Your code should pass these tests:\n\n${c.tests.join('\n')}`;
      out = '```python\n' + c.code.trim() + '\n```';
    } else if (bench === 'mtbench') {
      const q = ctx.corpus.mtbench[i % ctx.corpus.mtbench.length]!;
      u = q.turns[0]!;
      out = composeAnswer(u, r, 3);
    } else {
      const pool =
        bench === 'gsm8k'
          ? ctx.corpus.gsmTest
          : bench === 'math'
            ? ctx.corpus.compMath
            : mathPool(ctx, 'cot').filter((x) =>
                bench === 'aqua' ? x.src === 'aqua' : x.src === 'strategyqa',
              );
      const m = pool[i % pool.length]!;
      const shots = a.p['fewshot']
        ? ctx.corpus.math
            .slice(0, 4)
            .map(
              (x) =>
                `Question: ${x.q}\nAnswer: ${a.p['cot'] ? x.steps.join(' ') + ' ' : ''}The answer is ${x.final}.`,
            )
            .join('\n\n') + '\n\n'
        : '';
      u = `${shots}Question: ${m.q}\nAnswer:${a.p['cot'] ? " Let's think step by step." : ''}`;
      out = a.p['cot'] ? renderSteps(m.steps, m.final, r, 3) : `The answer is ${m.final}.`;
      rs = reasoningFor(m, r);
      if (!a.p['fewshot']) system = "Answer the question. End with 'The answer is X.'";
    }
    return {
      model,
      system,
      msgs: [{ role: 'user', text: u }],
      temperature: 0,
      max_tokens: r.pick([512, 1024, 2048]),
      seed: 1234,
      out: { text: out, reasoning: rs || undefined },
    } as Spec;
  },
});

F({
  name: 'bench_vendor',
  malicious: false,
  share: 6,
  what: 'benchmarking companies: continuous daily suites over every model, jump onto the new model within hours of release',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'bench_vendor',
        persona: 'eval-vendor',
        malicious: false,
        tier: 'enterprise',
        route: 'enterprise',
        keys: 3,
        clients: [makeClient('openai-py-async', r), makeClient('anthropic-py', r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix('aws', r), r), ipIn24(cloudPrefix('aws', r), r)],
        email: personalEmail(
          r,
          r.pick(['evalcraft.ai', 'benchmarkly.com', 'leaderboard.dev', 'scorecard.ml']),
        ),
        adopt: 0,
      });
  },
  plan(ctx, accts) {
    for (const a of accts) {
      for (let d = 0; d < ctx.days; d++) {
        const t0 = ctx.start + d * DAY + a.r.float(1, 4) * HOUR;
        let t = t0;
        for (let i = 0; i < a.r.int(60, 110); i++) {
          t += a.r.exp(20000);
          push(ctx, a, t, d, 0, 1, i, a.r.pick([M_MINI, M_STD, M_THINK]));
        }
      }
      let t = ctx.release + a.r.float(0.5, 5) * HOUR;
      for (let i = 0; i < a.r.int(250, 450); i++) {
        t += a.r.exp(9000);
        push(ctx, a, t, 99, 0, 1, i, M_NEW);
      }
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    const k = (s.item + s.s * 7) % 4;
    if (k === 0) {
      const m = ctx.corpus.compMath[(s.item * 13 + s.s) % ctx.corpus.compMath.length]!;
      const o = mathSpecOut(a, m, false);
      return {
        model: s.tag,
        msgs: [{ role: 'user', text: `${m.q}\n\nPut your final answer in \\boxed{}.` }],
        temperature: 0,
        max_tokens: 16384,
        out: o,
      };
    }
    if (k === 1) {
      const c = ctx.corpus.humaneval[(s.item * 7 + s.s) % 164]!;
      return {
        model: s.tag,
        msgs: [{ role: 'user', text: c.task }],
        temperature: 0,
        max_tokens: 2048,
        out: { text: '```python\n' + c.code + '\n```' },
      };
    }
    if (k === 2) {
      const q = r.pick(ctx.corpus.arena).prompt;
      return {
        model: s.tag,
        msgs: [{ role: 'user', text: clip(q, 8000) }],
        temperature: 0.7,
        max_tokens: 8192,
        out: { text: composeAnswer(q, r, 5) },
      };
    }
    const c = r.pick(ctx.corpus.cot);
    return {
      model: s.tag,
      msgs: [{ role: 'user', text: `${c.q}\nAnswer with the option only.` }],
      temperature: 0,
      max_tokens: 16,
      out: { text: c.a },
    };
  },
});

const RUBRIC =
  'You are an impartial evaluator. Score the RESPONSE to the PROMPT on a 1-10 scale using this rubric:\n- Correctness (40%)\n- Helpfulness (30%)\n- Clarity (20%)\n- Safety (10%)\nReturn JSON: {"score": <int>, "rationale": <string, <=60 words>}.';
F({
  name: 'llm_judge',
  malicious: false,
  share: 12,
  what: "LLM-as-judge / evaluation vendors grading their customers' model outputs continuously with a fixed rubric, JSON output",
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'llm_judge',
        persona: 'judge-service',
        malicious: false,
        tier: r.pick<Tier>(['enterprise', 'pro']),
        route: r.pick<Route>(['enterprise', 'self-serve', 'startup-credits']),
        keys: 2,
        clients: [makeClient(r.pick<ClientKind>(['openai-py-async', 'go', 'openai-js']), r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['gcp', 'aws']), r), r), ipIn24(cloudPrefix('gcp', r), r)],
        email: personalEmail(
          r,
          r.pick(['judgely.ai', 'evalstack.io', 'gradeit.dev', 'qualitylens.com']),
        ),
        adopt: 0.1,
        p: { pair: r.chance(0.4) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(5, 20), 'business');
  },
  render(ctx, a, _s) {
    const r = a.r;
    const h = r.pick(ctx.corpus.hh);
    const prompt = h.turns[h.turns.length - 1] ?? '';
    const score = r.int(2, 9);
    if (a.p['pair']) {
      const u = `[PROMPT]\n${prompt}\n\n[RESPONSE A]\n${clip(h.chosen, 1500)}\n\n[RESPONSE B]\n${clip(h.rejected, 1500)}\n\nWhich response is better? Output JSON {"winner": "A"|"B"|"tie", "confidence": 0-1}.`;
      return {
        model: M_STD,
        system:
          'You are a pairwise preference judge for an evaluation platform. Be consistent and concise.',
        msgs: [{ role: 'user', text: u }],
        temperature: 0,
        max_tokens: 200,
        response_format: { type: 'json_object' },
        out: {
          text: JSON.stringify({
            winner: r.pick(['A', 'A', 'B', 'tie']),
            confidence: +r.float(0.5, 0.99).toFixed(2),
          }),
        },
      };
    }
    const u = `[PROMPT]\n${prompt}\n\n[RESPONSE]\n${clip(r.chance(0.5) ? h.chosen : h.rejected, 2000)}`;
    return {
      model: r.chance(0.8) ? M_STD : M_MINI,
      system: RUBRIC,
      msgs: [{ role: 'user', text: u }],
      temperature: 0,
      max_tokens: 300,
      response_format: { type: 'json_object' },
      out: {
        text: JSON.stringify({
          score,
          rationale: r.pick([
            'Accurate and directly addresses the question.',
            'Partially correct; misses a key caveat.',
            'Vague and unhelpful.',
            'Polite refusal where one was appropriate.',
            'Contains an unsupported claim.',
          ]),
        }),
      },
    };
  },
});

F({
  name: 'edtech_tutor',
  malicious: false,
  share: 12,
  what: 'licensed ed-tech apps: long tutor system prompt that always asks for step-by-step explanations, end-user ids, school-hours traffic',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++) {
      const app = P.APP_NAMES[i % P.APP_NAMES.length]!;
      const cc = r.pick(['US', 'IN', 'ID', 'BR', 'GB', 'KE', 'MX', 'VN']);
      mk(ctx, r, {
        family: 'edtech_tutor',
        persona: 'tutor-app',
        malicious: false,
        country: cc,
        tier: 'enterprise',
        route: r.chance(0.7) ? 'enterprise' : 'education',
        keys: 2,
        clients: [
          makeClient(r.pick<ClientKind>(['openai-js', 'openai-py-async', 'anthropic-ts']), r),
        ],
        ipMode: 'fixed',
        ips: [
          ipIn24(cloudPrefix(r.pick(['aws', 'gcp', 'azure']), r), r),
          ipIn24(cloudPrefix('aws', r), r),
        ],
        email: personalEmail(r, app.toLowerCase().replace(/[^a-z]/g, '') + '.com'),
        adopt: 0.05,
        p: {
          app,
          users: r.int(300, 3000),
          lang: { ID: 'id', BR: 'pt', MX: 'es', VN: 'vi', KE: 'sw' }[cc],
        },
      });
    }
  },
  plan(ctx, accts) {
    for (const a of accts) {
      const n = planRate(ctx, a, a.r.float(8, 28), 'school');
      void n;
    }
  },
  render(ctx, a, _s) {
    const r = a.r;
    if (!a.st['sys']) {
      const sec = r.pickN(P.SYS_FILLER_SECTIONS, 8);
      a.st['sys'] =
        `You are the friendly tutor inside ${a.p['app']}. Students are 11-18.\nAlways explain solutions step by step, check the student's understanding, and never just give the final answer without the working.\n\n${sec.join('\n\n')}`;
    }
    const m = r.chance(0.75) ? r.pick(ctx.corpus.math) : r.pick(mathPool(ctx, 'cot'));
    const lang = a.p['lang'] as string | undefined;
    const u = typo(r, lang && r.chance(0.5) ? `${P.PROBLEM_FRAME_ML[lang] ?? ''} ${m.q}` : m.q);
    const o = mathSpecOut(a, m, false, lang && r.chance(0.5) ? lang : undefined);
    return {
      model: r.chance(0.8) ? M_MINI : M_STD,
      system: a.st['sys'],
      msgs: [{ role: 'user', text: u }],
      temperature: 0.3,
      max_tokens: 1500,
      stream: true,
      user: 'u_' + (hash32(a.id + r.int(0, a.p['users'])) % 1e8).toString(36),
      out: o,
    };
  },
});

F({
  name: 'synthetic_licensed',
  malicious: false,
  share: 4,
  what: 'licensed synthetic-data customers under contract: behave exactly like a reasoning-trace harvest (templates, max tokens, n>1, 24/7) — only the contract differs',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'synthetic_licensed',
        persona: 'contracted-synthetic-data',
        malicious: false,
        tier: 'enterprise',
        route: 'enterprise',
        keys: 4,
        clients: [makeClient('openai-py-async', r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix('aws', r), r), ipIn24(cloudPrefix('aws', r), r)],
        email: personalEmail(
          r,
          r.pick(['datagen-partners.com', 'corpusforge.ai', 'syntharium.io', 'trainset.co']),
        ),
        createdAt: ctx.start - r.float(60, 400) * DAY,
        adopt: 0.5,
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(8, 16), 'flat');
  },
  render(ctx, a, s) {
    const r = a.r;
    const m = r.pick(r.chance(0.5) ? ctx.corpus.compMath : ctx.corpus.math);
    const u = `Solve the following problem. Reason step by step, then give the final answer in \\boxed{}.\n\n${m.q}`;
    const o = mathSpecOut(a, m, true);
    return {
      model: modelFor(a, s.ts, ctx, M_THINK),
      msgs: [{ role: 'user', text: u }],
      temperature: 0.8,
      max_tokens: 32768,
      n: r.pick([1, 2, 4]),
      out: o,
    };
  },
});

const LABELSETS = [
  { name: 'sentiment', labels: ['positive', 'negative', 'neutral'], ids: [31587, 46069, 60794] },
  { name: 'toxicity', labels: ['safe', 'unsafe'], ids: [23087, 39594] },
  {
    name: 'topic',
    labels: ['billing', 'technical', 'account', 'other'],
    ids: [91467, 73237, 4608, 1890],
  },
  { name: 'intent', labels: ['yes', 'no'], ids: [9891, 2201] },
];
F({
  name: 'logprob_classifier',
  malicious: false,
  share: 8,
  what: 'labs and products using the model as a classifier: fixed label set, logprobs+top_logprobs, a fixed logit_bias on the label tokens, max_tokens 1',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'logprob_classifier',
        persona: 'classifier',
        malicious: false,
        tier: r.pick<Tier>(['pro', 'enterprise']),
        route: r.pick<Route>(['research', 'self-serve', 'enterprise']),
        clients: [makeClient(r.pick<ClientKind>(['openai-py', 'openai-py-async', 'go']), r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['aws', 'gcp', 'hetzner']), r), r)],
        adopt: 0,
        p: { ls: r.pick(LABELSETS), bias: r.chance(0.7) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(6, 25), a.r.pick(['flat', 'business']));
  },
  render(ctx, a, _s) {
    const r = a.r;
    const ls = a.p['ls'] as (typeof LABELSETS)[number];
    const doc = r.chance(0.5)
      ? (r.pick(ctx.corpus.hh).turns[0] ?? '')
      : clip(r.pick(ctx.corpus.docs), 1200);
    const li = r.int(0, ls.labels.length - 1);
    const lab = ls.labels[li]!;
    const bias: Record<string, number> = {};
    if (a.p['bias']) for (const id of ls.ids) bias[String(id)] = 100;
    const top = ls.labels.map((l, i) => ({
      token: l,
      logprob: +(i === li ? -r.float(0.01, 0.4) : -r.float(1.5, 8)).toFixed(3),
    }));
    return {
      model: M_MINI,
      system: `Classify the text. Answer with exactly one of: ${ls.labels.join(', ')}.`,
      msgs: [{ role: 'user', text: doc }],
      temperature: 0,
      max_tokens: 1,
      logprobs: true,
      top_logprobs: Math.min(5, ls.labels.length + 1),
      ...(a.p['bias'] ? { logit_bias: bias } : {}),
      out: {
        text: lab,
        logprobs: [{ token: lab, logprob: top[li]!.logprob, top_logprobs: top }],
        reasoning: 0,
      },
    };
  },
});

F({
  name: 'ci_review_bot',
  malicious: false,
  share: 15,
  what: "CI code-review bots: fixed review prompt over each PR diff, bursts per push during the team's working hours",
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'ci_review_bot',
        persona: 'ci-bot',
        malicious: false,
        tier: r.pick<Tier>(['pro', 'enterprise']),
        route: r.pick<Route>(['self-serve', 'enterprise', 'startup-credits']),
        clients: [
          makeClient('custom-bot', r, r.pick(['ReviewPal', 'diffwise', 'PRobot', 'LintLLM'])),
        ],
        ipMode: 'fixed',
        ips: [
          ipIn24(cloudPrefix(r.pick(['azure', 'aws']), r), r),
          ipIn24(cloudPrefix('azure', r), r),
        ],
        country: r.pick(['US', 'DE', 'GB', 'IN', 'PL', 'CA']),
        email: personalEmail(r, r.pick(COMPANY)),
        adopt: 0.1,
      });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(15, 60),
        'office',
        () => a.r.int(1, 8),
        () => a.r.float(1, 6) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    const c = r.pick(ctx.corpus.code);
    const file = r.pick(P.PR_FILES);
    const lines = c.code.split('\n').slice(0, 30);
    const diff =
      `diff --git a/${file} b/${file}\n@@ -1,${lines.length} +1,${lines.length} @@\n` +
      lines.map((l) => (r.chance(0.3) ? '+' : r.chance(0.1) ? '-' : ' ') + l).join('\n');
    return {
      model: modelFor(a, s.ts, ctx, M_STD),
      system:
        'You are a senior reviewer. Review the diff. Report only real problems as a JSON array of {file, line, severity, comment}. Empty array if none.',
      msgs: [{ role: 'user', text: diff }],
      temperature: 0,
      max_tokens: 1024,
      out: {
        text: JSON.stringify(
          r.chance(0.4)
            ? []
            : [
                {
                  file,
                  line: r.int(1, lines.length),
                  severity: r.pick(['minor', 'major', 'nit']),
                  comment: r.pick([
                    'Possible off-by-one in loop bound.',
                    'Variable shadows outer scope.',
                    'Missing test for empty input.',
                    'This allocates in a hot loop.',
                  ]),
                },
              ],
        ),
      },
    };
  },
});

const BATCH_TASKS = [
  {
    sys: 'Summarise the document in at most 3 sentences.',
    out: (r: Rng, d: string) =>
      d
        .split(/(?<=\.)\s+/)
        .slice(0, r.int(1, 3))
        .join(' '),
  },
  {
    sys: 'Extract all organisations, people and dates. Return JSON with keys orgs, people, dates.',
    out: (r: Rng) =>
      JSON.stringify({ orgs: [], people: [r.pick(['J. Smith', 'A. Okafor'])], dates: [] }),
  },
  {
    sys: 'Classify the support message into one of: billing, bug, feature_request, account, other. Reply with the label only.',
    out: (r: Rng) => r.pick(['billing', 'bug', 'feature_request', 'account', 'other']),
  },
  {
    sys: 'Translate the text to German. Output only the translation.',
    out: (r: Rng, d: string) => '[DE] ' + clip(d, 600),
  },
  {
    sys: 'Write a one-line, neutral title for this text.',
    out: (r: Rng, d: string) => clip(d.split('\n')[0] ?? d, 70),
  },
  {
    sys: 'Rate the reading level of the text (1-12) and list up to 3 difficult words. JSON.',
    out: (r: Rng) => JSON.stringify({ level: r.int(4, 12), words: ['nevertheless'] }),
  },
];
F({
  name: 'batch_pipeline',
  malicious: false,
  share: 35,
  what: 'data pipelines: one fixed template (summarise/classify/extract/translate) over many different documents, nightly or steady machine timing, short structured outputs',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'batch_pipeline',
        persona: 'pipeline',
        malicious: false,
        tier: r.pick<Tier>(['pro', 'enterprise', 'pro']),
        route: r.pick<Route>(['self-serve', 'enterprise', 'startup-credits']),
        clients: [
          makeClient(r.pick<ClientKind>(['openai-py-async', 'go', 'java', 'requests', 'rust']), r),
        ],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['aws', 'gcp', 'azure', 'hetzner', 'ovh']), r), r)],
        email: personalEmail(r, r.pick(COMPANY)),
        adopt: 0,
        p: { task: r.int(0, BATCH_TASKS.length - 1), nightly: r.chance(0.5), hour: r.int(0, 5) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) {
      if (a.p['nightly']) {
        for (let d = 0; d < ctx.days; d++) {
          let t = ctx.start + d * DAY + (a.p['hour'] as number) * HOUR + a.r.float(0, 600000);
          const cnt = a.r.int(80, 260);
          const step = a.r.float(1500, 6000);
          for (let i = 0; i < cnt; i++) {
            t += step * a.r.float(0.8, 1.2);
            push(ctx, a, t, d, 0, 1, i);
          }
        }
      } else planRate(ctx, a, a.r.float(4, 20), 'flat');
    }
  },
  render(ctx, a, _s) {
    const r = a.r;
    const task = BATCH_TASKS[a.p['task'] as number]!;
    const d = r.chance(0.6)
      ? r.pick(ctx.corpus.docs)
      : r.pick(ctx.corpus.userInstr).input || r.pick(ctx.corpus.single);
    return {
      model: M_MINI,
      system: task.sys,
      msgs: [{ role: 'user', text: clip(d, 5000) }],
      temperature: 0,
      max_tokens: r.pick([256, 512]),
      out: { text: task.out(r, d) },
    };
  },
});

F({
  name: 'coding_agent',
  malicious: false,
  share: 140,
  what: 'developers using IDE plugins / coding agents: long multi-step tool-use sessions with growing context and human nudges, working hours',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'coding_agent',
        persona: r.pick(['ide-user', 'agent-cli', 'pair-programmer']),
        malicious: false,
        tier: r.chance(0.75) ? 'pro' : 'free',
        route: r.chance(0.15) ? 'startup-credits' : 'self-serve',
        clients: [
          makeClient(r.pick<ClientKind>(['continue', 'cline', 'aider', 'cline', 'continue']), r),
        ],
        email: r.chance(0.5) ? personalEmail(r, r.pick(COMPANY)) : undefined,
        adopt: r.float(0.2, 0.7),
      });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(2, 12),
        'office',
        () => a.r.int(4, 30),
        () => a.r.float(4, 90) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    if (!sess(a, s)['task'])
      sess(a, s)['task'] = { code: r.pick(ctx.corpus.code), file: r.pick(P.PR_FILES) };
    const tk = sess(a, s)['task'] as { code: CodeItem; file: string };
    const task =
      r.pick(P.AGENT_TASKS).replace('{file}', tk.file) +
      (r.chance(0.3) ? '\n\nContext:\n' + clip(tk.code.task, 800) : '');
    return agentStep(ctx, a, s, {
      task,
      code: tk.code,
      file: tk.file,
      fabricated: false,
      tools: [T_READ, T_EDIT, T_BASH, T_TEST, T_SEARCH],
      system:
        "You are a coding assistant working inside the user's repository. Use tools to inspect and modify files. Keep changes minimal.",
      model: modelFor(a, s.ts, ctx, r.pick([M_STD, M_THINK])),
      humanNudges: true,
    });
  },
});

const NAT_ORGS = [
  {
    name: 'university',
    domain: 'uni-hafenstadt.de',
    cc: 'DE',
    size: 0.45,
    route: 'education' as Route,
  },
  { name: 'bank', domain: 'meridian-bank.com', cc: 'GB', size: 0.25, route: 'enterprise' as Route },
  { name: 'coworking', domain: '', cc: 'IN', size: 0.15, route: 'self-serve' as Route },
  { name: 'gov-lab', domain: 'nrl-kenya.go.ke', cc: 'KE', size: 0.15, route: 'research' as Route },
];
F({
  name: 'shared_nat_org',
  malicious: false,
  share: 110,
  what: 'many honest accounts behind one NAT range (a university, a bank with one corporate card, a coworking space, a government lab), mixed chat/coding/study',
  create(ctx, n, r) {
    let left = n;
    NAT_ORGS.forEach((org, oi) => {
      const prefix = `${r.pick(country(org.cc).octets)}.${r.int(10, 250)}.${r.int(0, 255)}`;
      const corpCard = 'pf_' + r.hex(16);
      const ua = makeClient('chrome', r);
      const k =
        oi === NAT_ORGS.length - 1 ? left : Math.min(left, Math.max(1, Math.round(n * org.size)));
      left -= k;
      for (let i = 0; i < k; i++)
        mk(ctx, r, {
          family: 'shared_nat_org',
          persona: `nat-${org.name}`,
          malicious: false,
          country: org.cc,
          route: org.route,
          tier:
            org.name === 'bank'
              ? 'enterprise'
              : org.name === 'university'
                ? 'free'
                : r.pick<Tier>(['free', 'pro']),
          pay: org.name === 'bank' ? corpCard : undefined,
          email: org.domain ? personalEmail(r, org.domain) : personalEmail(r),
          signupIp: ipIn24(prefix, r),
          clients: r.chance(0.5)
            ? [ua]
            : [makeClient(r.pick<ClientKind>(['openai-py', 'continue', 'chrome']), r)],
          ips: [ipIn24(prefix, r), ipIn24(prefix, r), ipIn24(prefix, r)],
          ipMode: 'pool',
          adopt: 0.2,
          p: { mode: r.pick(['chat', 'study', 'code']) },
        });
    });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        Math.floor(a.r.logNormal(6, 0.6)),
        'office',
        () => a.r.int(1, a.p['mode'] === 'code' ? 12 : 4),
        () => a.r.float(20, 300) * 1000,
      );
  },
  render(ctx, a, s) {
    const mode = a.p['mode'] as string;
    const fam = mode === 'chat' ? 'casual_chat' : mode === 'study' ? 'student' : 'coding_agent';
    return FAMILIES.find((f) => f.name === fam)!.render(ctx, a, s);
  },
});

const TEMPLATE_TOOLS = [
  {
    sys: 'You rewrite product descriptions for online shops.',
    u: (r: Rng, d: string) =>
      `Rewrite this product description in a ${r.pick(['playful', 'luxurious', 'minimal', 'technical', 'friendly'])} tone, max 80 words:\n\n${clip(d, 700)}`,
    n: 3,
  },
  {
    sys: 'You screen job applications.',
    u: (r: Rng, d: string) =>
      `Role: ${r.pick(['Data Analyst', 'Backend Engineer', 'Account Manager', 'Nurse'])}\nRate the candidate summary below from 1 to 5 for fit, then give two short reasons.\n\n${clip(d, 900)}`,
    n: 1,
  },
  {
    sys: 'You generate ad headline variations.',
    u: (r: Rng, d: string) =>
      `Give 5 headline variations (under 40 characters) for: ${clip(d, 200)}`,
    n: 2,
  },
  {
    sys: 'You are an email tone fixer.',
    u: (r: Rng, d: string) => `Make this email more polite and concise:\n\n${clip(d, 800)}`,
    n: 1,
  },
];
F({
  name: 'template_tool',
  malicious: false,
  share: 25,
  what: "rewriting / 'variations' / screening tools built on a single template, driven by their end users, with n>1 for variations",
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'template_tool',
        persona: 'template-saas',
        malicious: false,
        tier: r.pick<Tier>(['pro', 'enterprise']),
        route: r.pick<Route>(['self-serve', 'startup-credits', 'enterprise']),
        clients: [makeClient(r.pick<ClientKind>(['openai-js', 'openai-py', 'langchain']), r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['aws', 'digitalocean', 'gcp']), r), r)],
        email: personalEmail(r, r.pick(COMPANY)),
        adopt: 0.1,
        p: { tool: r.int(0, TEMPLATE_TOOLS.length - 1), users: r.int(50, 2000) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(1, 8), 'business');
  },
  render(ctx, a, _s) {
    const r = a.r;
    const t = TEMPLATE_TOOLS[a.p['tool'] as number]!;
    const d = r.chance(0.5)
      ? r.pick(ctx.corpus.userInstr).input || r.pick(ctx.corpus.single)
      : r.pick(ctx.corpus.docs);
    const u = t.u(r, d);
    return {
      model: M_MINI,
      system: t.sys,
      msgs: [{ role: 'user', text: u }],
      temperature: 0.9,
      n: t.n > 1 ? t.n : undefined,
      max_tokens: 400,
      user: 'eu_' + r.int(1, a.p['users']),
      out: { text: composeAnswer(u, r, 1) },
    } as Spec;
  },
});

F({
  name: 'support_bot',
  malicious: false,
  share: 15,
  what: 'customer-support assistants: long policy system prompt, multi-turn conversations with tool calls (order lookup, tickets), end-user ids',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'support_bot',
        persona: 'support-app',
        malicious: false,
        tier: 'enterprise',
        route: 'enterprise',
        keys: 2,
        clients: [makeClient(r.pick<ClientKind>(['openai-js', 'anthropic-ts', 'java']), r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix(r.pick(['aws', 'azure']), r), r)],
        email: personalEmail(r, r.pick(COMPANY)),
        adopt: 0.05,
      });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(150, 450),
        'business',
        () => a.r.int(2, 7),
        () => a.r.float(15, 120) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    const msgs = conv(a, s);
    if (!sess(a, s)['uid']) sess(a, s)['uid'] = 'cust_' + r.hex(8);
    const sys =
      'You are the support assistant for Northwind Outfitters. Policies:\n' +
      P.SYS_FILLER_SECTIONS.slice(1, 7).join('\n\n') +
      '\nReturns are accepted within 30 days. Use lookup_order before discussing an order.';
    const u =
      s.t === 0
        ? r.pick([
            'Where is my order 48213?',
            'I want to return the jacket I bought',
            "My discount code isn't working",
            'Can I change my delivery address?',
            'The zipper broke after a week',
          ])
        : r.pick([
            'ok thanks',
            "it says delivered but I don't have it",
            'can I talk to a human?',
            'order number is 55120',
            'great, that works',
          ]);
    const useTool = s.t < s.n - 1 && r.chance(0.35);
    const out = useTool
      ? {
          text: '',
          toolCalls: [
            {
              id: tcId(r),
              name: r.pick([T_ORDER.name, T_REFUND.name]),
              args: { order_id: String(r.int(10000, 99999)) },
            },
          ],
        }
      : {
          text: r.pick([
            "I'm sorry about that! Let me check.",
            'Your order shipped yesterday and should arrive in 2-3 days.',
            "I've opened a ticket; a colleague will email you within 24 hours.",
            'You can return it within 30 days from the Orders page.',
          ]),
        };
    const spec: Spec = {
      model: M_MINI,
      system: sys,
      msgs: [...msgs, { role: 'user', text: u }],
      tools: [T_ORDER, T_REFUND],
      temperature: 0.3,
      max_tokens: 500,
      user: sess(a, s)['uid'],
      out,
    };
    remember(
      a,
      msgs,
      { role: 'user', text: u },
      { role: 'assistant', text: out.text || '(checked order)' },
      8,
    );
    return spec;
  },
});

F({
  name: 'startup_builder',
  malicious: false,
  share: 60,
  what: 'startups on credit programmes prototyping: rerun the same prompt many times while iterating, try parameters, build agents, jump on new model',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'startup_builder',
        persona: 'startup-dev',
        malicious: false,
        tier: 'pro',
        route: 'startup-credits',
        createdAt: ctx.start - r.float(3, 120) * DAY,
        clients: [
          makeClient(
            r.pick<ClientKind>(['openai-py', 'openai-js', 'langchain', 'anthropic-py', 'curl']),
            r,
          ),
        ],
        email: personalEmail(
          r,
          r.pick([
            'getquokka.ai',
            'tinyloop.dev',
            'stacksmith.io',
            'brightforge.app',
            'kitebase.co',
            'mapleflow.ai',
            'nimbusnote.app',
          ]),
        ),
        adopt: 0.6,
      });
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(3, 15),
        a.r.pick(['office', 'evening']),
        () => a.r.int(3, 25),
        () => a.r.float(5, 90) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    if (!sess(a, s)['proto'])
      sess(a, s)['proto'] = {
        p: pickChatPrompt(ctx, r).turns[0],
        sys: r.pick(ctx.corpus.roles).prompt.slice(0, 1200),
      };
    const pr = sess(a, s)['proto'] as { p: string; sys: string };
    const u = r.chance(0.7)
      ? pr.p
      : pr.p +
        r.pick([
          ' Be concise.',
          ' Answer in JSON.',
          ' Use bullet points.',
          '\n\nAudience: busy executives.',
        ]);
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_MINI, M_STD, M_THINK])),
      system: r.chance(0.7) ? pr.sys : undefined,
      msgs: [{ role: 'user', text: clip(u, 6000) }],
      temperature: r.pick([0, 0.3, 0.7, 1, 1.2]),
      max_tokens: r.pick([256, 1024, 4096]),
      out: { text: composeAnswer(u, r) },
    } as Spec;
  },
});

F({
  name: 'intl_chat',
  malicious: false,
  share: 60,
  what: 'non-English everyday users (Spanish, Portuguese, Indonesian, German, French, Turkish, Vietnamese, Swahili, Japanese, Hindi, Polish)',
  create(ctx, n, r) {
    const langs = Object.keys(P.INTL_CHAT);
    const lc: Record<string, string> = {
      es: 'MX',
      pt: 'BR',
      id: 'ID',
      de: 'DE',
      fr: 'FR',
      tr: 'TR',
      vi: 'VN',
      sw: 'KE',
      ja: 'JP',
      hi: 'IN',
      pl: 'PL',
    };
    for (let i = 0; i < n; i++) {
      const lang = r.pick(langs);
      mk(ctx, r, {
        family: 'intl_chat',
        persona: `chat-${lang}`,
        malicious: false,
        country: lc[lang] ?? 'US',
        tier: r.pick<Tier>(['free', 'unverified', 'pro']),
        clients: chatClients(r),
        adopt: 0.1,
        p: { lang },
      });
    }
  },
  plan(ctx, accts) {
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(1, 10),
        'consumer',
        () => a.r.int(1, 3),
        () => a.r.float(30, 200) * 1000,
      );
  },
  render(ctx, a, s) {
    const r = a.r;
    const [q, ans] = r.pick(P.INTL_CHAT[a.p['lang'] as string]!);
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_MINI, M_STD])),
      msgs: [{ role: 'user', text: typo(r, q) }],
      temperature: r.chance(0.5) ? 0.7 : undefined,
      out: { text: ans },
    } as Spec;
  },
});

F({
  name: 'course_cohort',
  malicious: false,
  share: 25,
  what: 'a university course cohort: accounts created together last term, dormant, all wake the same day for an assignment (synchronized but honest)',
  create(ctx, n, r) {
    const t0 = ctx.start - r.float(120, 160) * DAY;
    const campusPrefix = `${r.pick([128, 129, 141])}.${r.int(10, 250)}.${r.int(0, 255)}`;
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'course_cohort',
        persona: 'course-student',
        malicious: false,
        country: 'US',
        route: 'education',
        tier: 'free',
        createdAt: t0 + r.float(0, 3) * DAY,
        email: personalEmail(r, 'cs.midwest-state.edu'),
        signupIp: ipIn24(campusPrefix, r),
        clients: [makeClient(r.pick<ClientKind>(['openai-py', 'openai-py', 'chrome']), r)],
        adopt: 0.05,
        p: { code: true, comp: false },
      });
  },
  plan(ctx, accts, r) {
    const wake = ctx.start + r.int(1, Math.max(1, ctx.days - 3)) * DAY + 14 * HOUR - 6 * HOUR;
    for (const a of accts)
      planSessions(
        ctx,
        a,
        a.r.int(2, 8),
        'student',
        () => a.r.int(1, 5),
        () => a.r.float(30, 300) * 1000,
        wake + a.r.float(0, 10) * HOUR,
        Math.min(ctx.end, wake + 3 * DAY),
      );
  },
  render(ctx, a, s) {
    return FAMILIES.find((f) => f.name === 'student')!.render(ctx, a, s);
  },
});

F({
  name: 'dormant_returner',
  malicious: false,
  share: 20,
  what: 'old individual accounts coming back after months of silence at unrelated times',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'dormant_returner',
        persona: 'returning-user',
        malicious: false,
        createdAt: ctx.start - r.float(200, 700) * DAY,
        clients: chatClients(r),
        tier: r.pick<Tier>(['free', 'pro']),
        adopt: 0.3,
      });
  },
  plan(ctx, accts) {
    for (const a of accts) {
      const from = a.r.float(ctx.start, ctx.end - DAY);
      planSessions(
        ctx,
        a,
        a.r.int(1, 8),
        'consumer',
        () => a.r.int(1, 4),
        () => a.r.float(30, 200) * 1000,
        from,
        ctx.end,
      );
    }
  },
  render(ctx, a, s) {
    return FAMILIES.find((f) => f.name === 'casual_chat')!.render(ctx, a, s);
  },
});

// ========================= MALICIOUS =========================
interface Infra {
  pays: (string | null)[];
  ips: string[];
  ipMode: Acct['ipMode'];
  clients: () => Client[];
  created: () => number;
  route: () => Route;
  tier: () => Tier;
  email: () => string;
  country: () => string;
}
function infra(ctx: Ctx, r: Rng, kind: 'shared' | 'quiet' | 'resi' | 'dc'): Infra {
  const dcPrefixes = Array.from({ length: r.int(2, 4) }, () =>
    cloudPrefix(r.pick(['hosting', 'hetzner', 'ovh', 'digitalocean']), r),
  );
  const shared = kind === 'shared';
  const pays = shared ? Array.from({ length: r.int(2, 5) }, () => 'pf_' + r.hex(16)) : [];
  const cl = makeClient(r.pick<ClientKind>(['openai-py', 'openai-py-async', 'httpx']), r);
  const burst = ctx.start - r.float(5, 40) * DAY;
  const ccs = ['US', 'SG', 'GB', 'CA', 'DE', 'AU', 'NL', 'JP', 'KR', 'IN'];
  const domain = r.pick(['gmail.com', 'outlook.com', 'proton.me']);
  return {
    pays,
    ips:
      kind === 'resi' || kind === 'quiet'
        ? ccs
        : dcPrefixes.flatMap((p) => Array.from({ length: 6 }, () => ipIn24(p, r))),
    ipMode: kind === 'resi' || kind === 'quiet' ? 'rotate' : 'pool',
    clients: () =>
      shared
        ? [cl]
        : kind === 'dc' && r.chance(0.3)
          ? [spoofedClient(r)]
          : [
              makeClient(
                r.weighted<ClientKind>([
                  ['openai-py', 4],
                  ['openai-js', 2],
                  ['anthropic-py', 1],
                  ['httpx', 1],
                  ['chrome', 1],
                  ['litellm', 1],
                ]),
                r,
              ),
            ],
    created: () => (shared ? burst + r.float(0, 3) * DAY : ctx.start - r.float(3, 150) * DAY),
    route: () =>
      r.weighted<Route>(
        shared
          ? [
              ['education', 3],
              ['startup-credits', 3],
              ['research', 2],
              ['self-serve', 2],
            ]
          : [
              ['self-serve', 6],
              ['education', 1],
              ['startup-credits', 1],
              ['research', 1],
            ],
      ),
    tier: () =>
      r.weighted<Tier>(
        shared
          ? [
              ['free', 4],
              ['pro', 3],
              ['unverified', 1],
            ]
          : [
              ['pro', 5],
              ['free', 4],
            ],
      ),
    email: () =>
      shared && r.chance(0.3)
        ? personalEmail(r, r.pick(DISPOSABLE))
        : shared
          ? personalEmail(r, domain)
          : personalEmail(r),
    country: () => r.pick(ccs),
  };
}
function mkCampaign(
  ctx: Ctx,
  r: Rng,
  fam: string,
  camp: string,
  n: number,
  kind: 'shared' | 'quiet' | 'resi' | 'dc',
  extra: Partial<MkOpts> = {},
): Acct[] {
  const inf = infra(ctx, r, kind);
  const out: Acct[] = [];
  for (let i = 0; i < n; i++) {
    const cc = inf.country();
    out.push(
      mk(ctx, r, {
        family: fam,
        persona: extra.persona ?? `${fam}-worker`,
        malicious: true,
        campaign: camp,
        country: cc,
        createdAt: inf.created(),
        email: inf.email(),
        pay: inf.pays.length ? r.pick(inf.pays) : undefined,
        tier: inf.tier(),
        route: inf.route(),
        clients: inf.clients(),
        ipMode: inf.ipMode,
        ips:
          inf.ipMode === 'rotate'
            ? kind === 'quiet'
              ? [cc]
              : inf.ips
            : r.pickN(inf.ips, r.int(3, 8)),
        signupIp: inf.ipMode === 'rotate' ? residentialIp(cc, r) : r.pick(inf.ips),
        adopt: extra.adopt ?? 0.1,
        p: extra.p ?? {},
        ...(extra.createdAt ? { createdAt: extra.createdAt } : {}),
      }),
    );
  }
  return out;
}
function split(n: number, parts: number[]): number[] {
  const tot = parts.reduce((x, y) => x + y, 0);
  const out = parts.map((p) => Math.max(1, Math.round((n * p) / tot)));
  return out;
}

/** Generic reasoning-harvest render with many knobs. */
function harvestMath(
  ctx: Ctx,
  a: Acct,
  s: Slot,
  o: {
    pool: MathItem[];
    ask: () => string;
    sys?: string;
    pad?: boolean;
    model?: string;
    deliberate?: boolean;
    lang?: string;
    maxTok?: number;
  },
): Spec {
  const r = a.r;
  const m = o.pool[((s.item >= 0 ? s.item : r.int(0, 1e6)) * 7919) % o.pool.length]!;
  let q = m.q;
  if (o.lang) q = `${P.PROBLEM_FRAME_ML[o.lang] ?? ''} ${q}`;
  let u = joinAsk(r, q, o.ask());
  if (o.pad) {
    const docs = Array.from({ length: r.int(1, 3) }, () =>
      clip(r.pick(ctx.corpus.docs), r.int(1200, 4000)),
    );
    u =
      r.pick([
        'Some background from my notes (not all relevant):\n\n',
        'Context pasted from our wiki:\n\n',
        'Reference material:\n\n',
        '',
      ]) +
      docs.join('\n\n---\n\n') +
      '\n\n' +
      r.pick([
        'Now, separately: ',
        'My actual question: ',
        'Using the above only if helpful — ',
        '',
      ]) +
      u;
  }
  const out = mathSpecOut(a, m, o.deliberate ?? true, o.lang);
  const spec: Spec = {
    model: o.model ?? modelFor(a, s.ts, ctx, M_THINK),
    system: o.sys,
    msgs: [{ role: 'user', text: u }],
    out,
  };
  if (r.chance(0.7)) spec.max_tokens = o.maxTok ?? r.pick([16384, 32768, 32768, 8192]);
  if (r.chance(0.6)) spec.temperature = r.pick([0.6, 0.7, 0.8, 1]);
  if (r.chance(0.3)) spec.stream = true;
  return spec;
}
let harmlessPool: Corpus['hh'] | undefined;
let codeArena: { prompt: string; cat: string }[] | undefined;
const HUMANISH = (r: Rng) =>
  r.weighted<string>([
    ['consumer', 3],
    ['office', 2],
    ['evening', 2],
    ['flat', 1],
  ]);

F({
  name: 'hydra_cot_shared',
  malicious: true,
  share: 26,
  what: 'hydra of low-and-slow accounts with shared payment cards, datacenter ranges, one client build and synchronized round-robin; reasoning-trace harvest with mixed plain and reworded asks',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'hydra_cot_shared', 'camp_hydra_a', n, 'shared');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.6,
      shape: 'flat',
      tz: 8,
      assign: 'rr',
      from: ctx.start + r.float(0, 12) * HOUR,
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    return harvestMath(ctx, a, s, {
      pool: mathPool(ctx, 'mix'),
      ask: () => (r.chance(0.3) ? r.pick(P.REASON_PLAIN) : r.pick(P.REASON_SUBTLE)),
    });
  },
});
F({
  name: 'hydra_cot_quiet',
  malicious: true,
  share: 20,
  what: "hydra with no shared payment, residential proxies in the account's claimed country, varied SDKs, human-like diurnal timing and only subtle rewordings",
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'hydra_cot_quiet', 'camp_hydra_b', n, 'quiet');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.45,
      shape: 'consumer',
      tz: -5,
      assign: 'weighted',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const spec = harvestMath(ctx, a, s, {
      pool: r.chance(0.5) ? ctx.corpus.compMath : mathPool(ctx, 'cot'),
      ask: () => r.pick(P.REASON_SUBTLE),
      model: modelFor(a, s.ts, ctx, r.chance(0.7) ? M_THINK : M_STD),
    });
    if (r.chance(0.4)) delete spec.max_tokens;
    return spec;
  },
});
F({
  name: 'multilingual_cot',
  malicious: true,
  share: 25,
  what: 'reasoning harvest asked in many languages incl. low-resource ones (Swahili, Yoruba, Hausa, Amharic, Zulu, Kazakh, Uzbek, Quechua, Tagalog, Bengali...), some coercing the reasoning language',
  create(ctx, n, r) {
    const [x, y] = split(n, [3, 2]);
    mkCampaign(ctx, r, 'multilingual_cot', 'camp_ml_a', x!, 'resi');
    mkCampaign(ctx, r, 'multilingual_cot', 'camp_ml_b', y!, 'dc');
  },
  plan(ctx, accts, r) {
    for (const c of ['camp_ml_a', 'camp_ml_b']) {
      const g = accts.filter((a) => a.campaign === c);
      campaignStream(ctx, g, r, {
        perHour: g.length * 0.5,
        shape: c.endsWith('a') ? 'consumer' : 'flat',
        tz: 3,
        assign: 'random',
      });
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    const pool = P.REASON_ML.filter((x) => P.RARE_LANGS.has(x.lang) || r.chance(0.3));
    const ph = r.pick(pool);
    const spec = harvestMath(ctx, a, s, {
      pool: r.chance(0.6) ? ctx.corpus.math : ctx.corpus.compMath,
      ask: () => ph.text + (r.chance(0.3) ? ' ' + r.pick(P.REASON_LANG_COERCE) : ''),
      lang: ph.lang,
    });
    return spec;
  },
});
F({
  name: 'sysprompt_cot',
  malicious: true,
  share: 20,
  what: 'harvest instruction buried in a long, app-like system prompt (tutor persona, policies); user turns are just bare problems',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'sysprompt_cot', 'camp_sys', n, 'dc', { p: { devRole: true } });
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.6,
      shape: 'school',
      tz: 7,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    if (!a.st['sys']) {
      const secs = r.pickN(P.SYS_FILLER_SECTIONS, r.int(6, 10));
      secs.splice(r.int(2, secs.length - 1), 0, r.pick(P.HIDDEN_SYS_CLAUSES));
      a.st['sys'] =
        `You are ${r.pick(['Quill', 'Nova', 'Sage', 'Pip', 'Ada'])}, the study companion inside ${r.pick(P.APP_NAMES)}. Students are 11-18.\n\n${secs.join('\n\n')}`;
    }
    const spec = harvestMath(ctx, a, s, {
      pool: r.chance(0.5) ? ctx.corpus.compMath : ctx.corpus.math,
      ask: () => '',
      sys: a.st['sys'],
    });
    spec.msgs = [
      {
        role: 'user',
        text: typo(r, mathPool(ctx, 'all')[(s.item * 7919) % mathPool(ctx, 'all').length]!.q),
      },
    ];
    if (r.chance(0.5)) spec.user = 'stu_' + r.hex(6);
    return spec;
  },
});
F({
  name: 'padded_harvest',
  malicious: true,
  share: 15,
  what: 'reasoning harvest padded with pasted background documents so output/input ratios look ordinary',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'padded_harvest', 'camp_pad', n, 'quiet');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.5,
      shape: 'office',
      tz: 1,
      assign: 'weighted',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    return harvestMath(ctx, a, s, {
      pool: mathPool(ctx, 'mix'),
      ask: () => r.pick(P.REASON_SUBTLE),
      pad: true,
    });
  },
});
F({
  name: 'diluted_app',
  malicious: true,
  share: 6,
  what: 'a real-looking writing app (end-user ids, genuine rewrite/summarise traffic) with a minority (~15%) of reasoning/code harvest requests mixed in',
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'diluted_app',
        persona: 'app-with-harvest',
        malicious: true,
        campaign: 'camp_dilute',
        tier: 'pro',
        route: r.pick<Route>(['startup-credits', 'self-serve']),
        clients: [makeClient('openai-js', r)],
        ipMode: 'fixed',
        ips: [ipIn24(cloudPrefix('aws', r), r), ipIn24(cloudPrefix('aws', r), r)],
        email: personalEmail(r, r.pick(['writewell.app', 'draftly.io', 'wordsmith-ai.co'])),
        adopt: 0.3,
        p: { users: r.int(400, 3000) },
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(8, 16), 'business');
  },
  render(ctx, a, s) {
    const r = a.r;
    const user = 'eu_' + r.int(1, a.p['users']);
    if (r.chance(0.15)) {
      const spec = r.chance(0.7)
        ? harvestMath(
            ctx,
            a,
            { ...s, item: r.int(0, 1e6) },
            { pool: mathPool(ctx, 'mix'), ask: () => r.pick(P.REASON_SUBTLE), maxTok: 8192 },
          )
        : (() => {
            const c = r.pick(ctx.corpus.code);
            return {
              model: M_STD,
              msgs: [{ role: 'user', text: c.task + ' ' + r.pick(P.REASON_SUBTLE) }],
              max_tokens: 4096,
              out: { text: renderCode(c, r, { explain: true, tests: true }) },
            } as Spec;
          })();
      spec.system = 'You are a helpful writing assistant.';
      spec.user = user;
      return spec;
    }
    const t = r.pick(TEMPLATE_TOOLS);
    const d = r.pick(ctx.corpus.docs);
    const u = t.u(r, d);
    return {
      model: M_MINI,
      system: 'You are a helpful writing assistant.',
      msgs: [{ role: 'user', text: u }],
      temperature: 0.7,
      max_tokens: 600,
      user,
      out: { text: composeAnswer(u, r, 1) },
    };
  },
});
F({
  name: 'multiturn_harvest',
  malicious: true,
  share: 20,
  what: 'harvest through multi-turn conversations: a problem, then scripted follow-ups that milk justification, variants and a clean restatement',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'multiturn_harvest', 'camp_multiturn', n, 'resi');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.15,
      shape: 'consumer',
      tz: 0,
      assign: 'random',
      turns: () => r.int(3, 6),
      gap: () => r.float(25, 140) * 1000,
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const msgs = conv(a, s);
    const pool = mathPool(ctx, r.chance(0.5) ? 'comp' : 'gsm');
    const m = pool[(s.item * 7919) % pool.length]!;
    const u =
      s.t === 0
        ? r.chance(0.5)
          ? m.q
          : joinAsk(r, m.q, r.pick(P.REASON_SUBTLE))
        : r.pick(P.FOLLOWUP_HARVEST) + (r.chance(0.2) ? r.pick(ctx.corpus.math).q : '');
    const o = mathSpecOut(a, m, s.t > 0);
    const spec: Spec = {
      model: modelFor(a, s.ts, ctx, r.pick([M_THINK, M_STD])),
      msgs: [...msgs, { role: 'user', text: u }],
      temperature: 0.7,
      out: o,
    };
    if (r.chance(0.5)) spec.max_tokens = 16384;
    remember(a, msgs, { role: 'user', text: u }, { role: 'assistant', text: o.text }, 12);
    return spec;
  },
});
F({
  name: 'agentic_trajectory',
  malicious: true,
  share: 25,
  what: 'agent/tool-use trajectory distillation: short complete agent episodes over a sweep of coding/computer-use tasks with fabricated tool results, IDE-like user agents',
  create(ctx, n, r) {
    const [x, y] = split(n, [3, 2]);
    mkCampaign(ctx, r, 'agentic_trajectory', 'camp_agent_a', x!, 'dc');
    mkCampaign(ctx, r, 'agentic_trajectory', 'camp_agent_b', y!, 'quiet');
    for (const a of ofFamily(ctx, 'agentic_trajectory'))
      if (r.chance(0.6))
        a.clients = [makeClient(r.pick<ClientKind>(['cline', 'continue', 'aider']), r)];
  },
  plan(ctx, accts, r) {
    for (const c of ['camp_agent_a', 'camp_agent_b']) {
      const g = accts.filter((a) => a.campaign === c);
      campaignStream(ctx, g, r, {
        perHour: g.length * 0.12,
        shape: c.endsWith('a') ? 'flat' : 'office',
        tz: -8,
        assign: 'random',
        turns: () => r.int(4, 10),
        gap: () => r.float(3, 15) * 1000,
      });
    }
  },
  render(ctx, a, s) {
    const r = a.r;
    if (!sess(a, s)['task']) {
      const c = ctx.corpus.code[(s.item * 31) % ctx.corpus.code.length]!;
      sess(a, s)['task'] = { code: c, file: r.pick(P.PR_FILES), computer: r.chance(0.2) };
    }
    const tk = sess(a, s)['task'] as { code: CodeItem; file: string; computer: boolean };
    const task = tk.computer
      ? `On the desktop, open the spreadsheet app and ${r.pick(['build a pivot table of sales by region', 'fill column C with the formula from the ticket', 'export the chart as PNG'])}.`
      : r.chance(0.5)
        ? tk.code.task
        : r.pick(P.AGENT_TASKS).replace('{file}', tk.file) + '\n\n' + clip(tk.code.task, 600);
    return agentStep(ctx, a, s, {
      task,
      code: tk.code,
      file: tk.file,
      fabricated: true,
      tools: tk.computer ? [T_COMP] : [T_BASH, T_READ, T_EDIT, T_TEST, T_PY, T_WEB],
      system:
        'You are an autonomous software agent. Think carefully, use the tools, and finish the task completely.',
      model: modelFor(a, s.ts, ctx, r.pick([M_THINK, M_STD])),
      humanNudges: false,
    });
  },
});
F({
  name: 'reward_grader',
  malicious: true,
  share: 18,
  what: 'model used as a preference/reward labeller in plain words (which reply is better, how strongly), sweeping hh-rlhf-style pairs',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'reward_grader', 'camp_grader', n, r.chance(0.5) ? 'shared' : 'resi');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.7,
      shape: HUMANISH(r),
      tz: 8,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const h = ctx.corpus.hh[(s.item * 13) % ctx.corpus.hh.length]!;
    const swap = r.chance(0.5);
    const ctxText = h.turns
      .map((t, _i) => `${r.pick(['User', 'Customer', 'Person'])}: ${t}`)
      .join('\n');
    const u = `${r.pick(P.GRADER_PLAIN)}\n\n${ctxText}\n\nA: ${clip(swap ? h.rejected : h.chosen, 1500)}\n\nB: ${clip(swap ? h.chosen : h.rejected, 1500)}`;
    const win = swap ? 'B' : 'A';
    const out = `${win}. ${r.pick(['It answers the actual question and avoids the problematic suggestion.', 'More accurate and more considerate of the user.', 'The other reply is evasive and slightly misleading.', 'Clearer, safer and more complete.'])} Strength: ${r.int(3, 7)}.`;
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_STD, M_THINK])),
      msgs: [{ role: 'user', text: u }],
      temperature: r.pick([0, 0, 0.3]),
      max_tokens: r.pick([200, 400, 1024]),
      out: { text: out, reasoning: r.int(200, 900) },
    };
  },
});
F({
  name: 'safe_rewrite',
  malicious: true,
  share: 10,
  what: "harvests 'safe' rewrites of problematic assistant replies (harmlessness data) in varied wording",
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'safe_rewrite', 'camp_safe', n, 'resi');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.5,
      shape: 'consumer',
      tz: 2,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const pool = (harmlessPool ??= ctx.corpus.hh.filter((h) => h.harmless));
    const h = pool[(s.item * 17) % pool.length]!;
    const u = `${r.pick(P.SAFE_REWRITE)}\n\nUser: ${h.turns[h.turns.length - 1]}\nAssistant: ${clip(h.rejected, 1200)}`;
    return {
      model: modelFor(a, s.ts, ctx, M_STD),
      msgs: [{ role: 'user', text: u }],
      temperature: 0.7,
      max_tokens: 1024,
      out: {
        text:
          clip(h.chosen, 1500) +
          '\n\n' +
          r.pick([
            "I can't help with anything that could hurt someone, but here's what I can do instead.",
            "If you're feeling unsafe, please reach out to local services.",
            '',
          ]),
      },
    };
  },
});
F({
  name: 'logit_sweep_logprobs',
  malicious: true,
  share: 6,
  what: 'logit extraction: logprobs + top_logprobs with logit_bias sweeps over token-id ranges, max_tokens 1, split across accounts',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'logit_sweep_logprobs', 'camp_logit_lp', n, 'dc');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 5,
      shape: 'flat',
      tz: 0,
      assign: 'rr',
      from: ctx.start + r.float(1, 3) * DAY,
      to: ctx.end - r.float(0, 1) * DAY,
      startItem: 0,
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const base = (s.item * 300) % 100000;
    const bias: Record<string, number> = {};
    const k = r.int(4, 12);
    for (let i = 0; i < k; i++) bias[String(base + r.int(0, 299))] = r.pick([100, 100, 50, -100]);
    const tok = 'tok' + base;
    const prompts = [
      'Say one word.',
      'Continue:',
      'Pick any word.',
      'Repeat after me: the',
      r.pick(ctx.corpus.single).slice(0, 60),
    ];
    return {
      model: M_STD,
      msgs: [{ role: 'user', text: prompts[s.item % prompts.length]! }],
      temperature: r.pick([0, 1]),
      max_tokens: 1,
      logprobs: true,
      top_logprobs: 20,
      logit_bias: bias,
      out: {
        text: tok,
        reasoning: 0,
        logprobs: [
          {
            token: tok,
            logprob: -r.float(0, 3),
            top_logprobs: Array.from({ length: 5 }, (_, i) => ({
              token: 't' + (base + i),
              logprob: -r.float(0, 12),
            })),
          },
        ],
      },
    };
  },
});
F({
  name: 'logit_bias_only',
  malicious: true,
  share: 6,
  what: 'logit extraction through logit_bias alone (no logprobs): binary search on bias magnitudes per token, reading only the argmax token',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'logit_bias_only', 'camp_logit_b', n, 'quiet');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 3,
      shape: 'consumer',
      tz: -3,
      assign: 'random',
      startItem: 0,
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const tokId = 1000 + Math.floor(s.item / 8) * 37;
    const step = s.item % 8;
    const mag = +((20 / Math.pow(2, step)) * (r.chance(0.5) ? 1 : -1) + r.float(-0.5, 0.5)).toFixed(
      2,
    );
    const q = r.pick(ctx.corpus.single).slice(0, 80);
    return {
      model: r.pick([M_STD, M_MINI]),
      msgs: [{ role: 'user', text: q }],
      temperature: 0,
      max_tokens: 1,
      logit_bias: { [String(tokId)]: mag },
      out: { text: r.chance(0.5) ? 'The' : 'tok' + tokId, reasoning: 0 },
    };
  },
});
F({
  name: 'new_model_pivot',
  malicious: true,
  share: 25,
  what: 'campaign harvesting reasoning/code on the reasoning model that moves over half its traffic to the new model within a day of release and ramps volume',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'new_model_pivot', 'camp_pivot', n, r.chance(0.5) ? 'resi' : 'dc', {
      adopt: 0,
    });
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.25,
      shape: 'flat',
      tz: 8,
      assign: 'random',
      to: ctx.release,
      tag: () => 'old',
    });
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.55,
      shape: 'flat',
      tz: 8,
      assign: 'random',
      from: ctx.release + r.float(1, 6) * HOUR,
      tag: (t) => (r.chance(t < ctx.release + DAY ? 0.55 : 0.75) ? 'new' : 'old'),
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const model = s.tag === 'new' ? M_NEW : M_THINK;
    if (r.chance(0.35)) {
      const c = ctx.corpus.code[(s.item * 11) % ctx.corpus.code.length]!;
      return {
        model,
        msgs: [{ role: 'user', text: `${c.task}\n\n${r.pick(P.REASON_SUBTLE)}` }],
        max_tokens: 16384,
        temperature: 0.6,
        out: {
          text: renderCode(c, r, { explain: true, tests: true }),
          reasoning: r.int(800, 5000),
        },
      };
    }
    return harvestMath(ctx, a, s, {
      pool: ctx.corpus.compMath,
      ask: () => r.pick([...P.REASON_SUBTLE, ...P.REASON_PLAIN]),
      model,
    });
  },
});
F({
  name: 'dormant_wake',
  malicious: true,
  share: 30,
  what: 'accounts registered months ago in one batch through credit programmes, silent since, all waking within hours of each other (just after the release) to harvest',
  create(ctx, n, r) {
    const made = ctx.start - r.float(120, 220) * DAY;
    const accts = mkCampaign(ctx, r, 'dormant_wake', 'camp_dormant', n, 'resi');
    for (const a of accts) {
      a.createdAt = made + r.float(0, 6) * DAY;
      a.route = r.pick<Route>(['startup-credits', 'research', 'education']);
    }
  },
  plan(ctx, accts, r) {
    const wake = ctx.release + r.float(6, 30) * HOUR;
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.8,
      shape: 'flat',
      tz: 0,
      assign: 'random',
      from: wake,
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    if (r.chance(0.4)) {
      const c = ctx.corpus.code[(s.item * 5) % ctx.corpus.code.length]!;
      return {
        model: modelFor(a, s.ts, ctx, M_THINK),
        msgs: [{ role: 'user', text: `${c.task} ${r.pick(P.REASON_SUBTLE)}` }],
        max_tokens: 8192,
        out: {
          text: renderCode(c, r, { explain: true, tests: false }),
          reasoning: r.int(500, 3000),
        },
      };
    }
    return harvestMath(ctx, a, s, {
      pool: mathPool(ctx, 'mix'),
      ask: () => r.pick(P.REASON_SUBTLE),
    });
  },
});
F({
  name: 'proxy_rotation',
  malicious: true,
  share: 15,
  what: 'every request from a different residential IP across many countries, rotating user agents over one TLS stack; mixed reasoning/code/rationale harvest',
  create(ctx, n, r) {
    const accts = mkCampaign(ctx, r, 'proxy_rotation', 'camp_proxy', n, 'resi');
    const ja4 = r.pick([
      't13d1011h2_61a7ad8aa9b6_3b5074b1b5d0',
      't13d0910h2_f91f431d341e_e7c285222651',
    ]);
    for (const a of accts) {
      a.ips = COUNTRIES.map((c) => c.code);
      a.clients = Array.from({ length: 5 }, () => ({
        ...makeClient(
          r.pick<ClientKind>(['chrome', 'firefox', 'safari', 'openai-py', 'openai-js']),
          r,
        ),
        ja4,
      }));
    }
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.9,
      shape: 'flat',
      tz: 0,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    if (r.chance(0.3)) {
      const c = ctx.corpus.cot[(s.item * 3) % ctx.corpus.cot.length]!;
      return {
        model: M_THINK,
        msgs: [{ role: 'user', text: joinAsk(r, c.q, r.pick(P.REASON_SUBTLE)) }],
        out: { text: c.rationale + '\n\nAnswer: ' + c.a, reasoning: r.int(300, 1200) },
      };
    }
    return harvestMath(ctx, a, s, {
      pool: mathPool(ctx, 'mix'),
      ask: () => r.pick(P.REASON_SUBTLE),
    });
  },
});
F({
  name: 'template_slots',
  malicious: true,
  share: 32,
  what: 'one benign-looking lesson-plan template with slots (topic, level, subtopic) in a few paraphrases, sent thousands of times across many accounts',
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'template_slots', 'camp_template', n, 'shared');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.9,
      shape: 'office',
      tz: 8,
      assign: 'rr',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const [topic, subs] = r.pick(P.LESSON_TOPICS);
    const sub = r.pick(subs);
    const u = r
      .pick(P.LESSON_TEMPLATES)
      .replace('{topic}', topic)
      .replace('{sub}', sub)
      .replace('{level}', r.pick(P.LEVELS));
    const m = r.pick(
      topic === 'programming'
        ? ctx.corpus.math
        : r.chance(0.5)
          ? ctx.corpus.compMath
          : ctx.corpus.math,
    );
    const o = mathSpecOut(a, m, true);
    return {
      model: modelFor(a, s.ts, ctx, M_THINK),
      msgs: [{ role: 'user', text: u }],
      temperature: 0.9,
      max_tokens: 8192,
      out: { text: `**Example (${sub}):** ${clip(m.q, 600)}\n\n${o.text}`, reasoning: o.reasoning },
    };
  },
});
F({
  name: 'instruction_bootstrap',
  malicious: true,
  share: 8,
  what: "self-instruct style bootstrapping: reworded 'generate N diverse tasks with inputs and outputs' prompts seeded with examples",
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'instruction_bootstrap', 'camp_bootstrap', n, 'dc');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.6,
      shape: 'flat',
      tz: 8,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const ex = r
      .pickN(ctx.corpus.seeds, 3)
      .map((x) => `- ${x.instruction}${x.input ? ` (input: ${clip(x.input, 120)})` : ''}`)
      .join('\n');
    const nTasks = r.pick([10, 15, 20, 25]);
    const u =
      r.chance(0.15) && ctx.corpus.alpaca
        ? ctx.corpus.alpaca.slice(0, 1700)
        : r.pick(P.INSTRUCTION_BOOTSTRAP).replace('{n}', String(nTasks)).replace('{examples}', ex);
    const items = r
      .pickN([...ctx.corpus.userInstr, ...ctx.corpus.seeds], Math.min(nTasks, 12))
      .map((x) => ({
        instruction: x.instruction,
        input: clip(x.input, 200) || '<noinput>',
        output: clip(x.output, 300),
      }));
    return {
      model: modelFor(a, s.ts, ctx, M_STD),
      msgs: [{ role: 'user', text: u }],
      temperature: 1,
      top_p: 0.95,
      max_tokens: 4096,
      out: { text: JSON.stringify(items, null, 1) },
    };
  },
});
F({
  name: 'code_harvest',
  malicious: true,
  share: 18,
  what: 'coding solutions with explanations and tests sweeping MBPP/HumanEval/arena coding prompts, through IDE-plugin-looking clients',
  create(ctx, n, r) {
    const g = mkCampaign(ctx, r, 'code_harvest', 'camp_code', n, 'quiet');
    for (const a of g)
      a.clients = [makeClient(r.pick<ClientKind>(['continue', 'openai-py', 'cline']), r)];
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.5,
      shape: 'office',
      tz: -5,
      assign: 'weighted',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    if (r.chance(0.3)) {
      const q = (codeArena ??= ctx.corpus.arena.filter((x) =>
        /code|program|function|python|sql|script/i.test(x.prompt),
      ))[(s.item * 3) % 200];
      if (q)
        return {
          model: modelFor(a, s.ts, ctx, M_THINK),
          msgs: [{ role: 'user', text: clip(q.prompt, 6000) + '\n\n' + r.pick(P.REASON_SUBTLE) }],
          max_tokens: 16384,
          out: {
            text:
              composeAnswer(q.prompt, r, 3) +
              '\n\n```python\n' +
              r.pick(ctx.corpus.mbpp).code +
              '\n```',
            reasoning: r.int(800, 4000),
          },
        };
    }
    const c = ctx.corpus.code[(s.item * 7) % ctx.corpus.code.length]!;
    const u = r.pick([
      `${c.task}\n\nExplain your approach before the code, then give tests.`,
      `Implement this, with a short explanation of the idea and complexity:\n${c.task}`,
      `${c.task}\n${r.pick(P.REASON_SUBTLE)}`,
      `// TODO: ${c.task.split('\n')[0]}\n// help me write this properly, explain the tricky parts`,
    ]);
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_THINK, M_STD])),
      msgs: [{ role: 'user', text: u }],
      temperature: 0.2,
      max_tokens: r.pick([8192, 16384]),
      out: { text: renderCode(c, r, { explain: true, tests: true }), reasoning: r.int(400, 3000) },
    };
  },
});
F({
  name: 'rationale_backfill',
  malicious: true,
  share: 14,
  what: "'imagine and articulate the reasoning behind a completed answer': question plus known answer, asking for the connecting reasoning",
  create(ctx, n, r) {
    mkCampaign(ctx, r, 'rationale_backfill', 'camp_backfill', n, 'quiet');
  },
  plan(ctx, accts, r) {
    campaignStream(ctx, accts, r, {
      perHour: accts.length * 0.6,
      shape: 'consumer',
      tz: 5.5,
      assign: 'random',
    });
  },
  render(ctx, a, s) {
    const r = a.r;
    const c = ctx.corpus.cot[(s.item * 7) % ctx.corpus.cot.length]!;
    const u = `${r.pick(P.RATIONALE_BACKFILL)}\n\n${r.pick(['Q', 'Question', 'Problem'])}: ${c.q}\n${r.pick(['A', 'Answer', 'Correct answer'])}: ${c.a}`;
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_THINK, M_STD])),
      msgs: [{ role: 'user', text: u }],
      temperature: 0.7,
      max_tokens: r.pick([2048, 4096]),
      out: {
        text: renderDeliberation(c.rationale.split(/(?<=\.)\s+/), c.a, r),
        reasoning: r.int(300, 1500),
      },
    };
  },
});
F({
  name: 'reseller_router',
  malicious: true,
  share: 4,
  what: "an 'obfuscated third-party router' reselling access: its customers' genuine chat passes through alongside a lab's harvest traffic, many end-user ids and pass-through user agents",
  create(ctx, n, r) {
    for (let i = 0; i < n; i++)
      mk(ctx, r, {
        family: 'reseller_router',
        persona: 'router',
        malicious: true,
        campaign: 'camp_router',
        tier: 'pro',
        route: 'self-serve',
        keys: 5,
        clients: [
          makeClient('openai-py-async', r),
          makeClient('openai-js', r),
          makeClient('go', r),
        ],
        ipMode: 'pool',
        ips: Array.from({ length: 10 }, () =>
          ipIn24(cloudPrefix(r.pick(['hosting', 'digitalocean', 'hetzner']), r), r),
        ),
        email: personalEmail(r, r.pick(['apihub-relay.com', 'cheapllm.net', 'tokenbridge.io'])),
        country: r.pick(['SG', 'US', 'NL']),
        adopt: 0.5,
      });
  },
  plan(ctx, accts) {
    for (const a of accts) planRate(ctx, a, a.r.float(7, 14), 'flat');
  },
  render(ctx, a, s) {
    const r = a.r;
    const user = 'rt_' + r.hex(6);
    if (r.chance(0.4)) {
      const spec = harvestMath(
        ctx,
        a,
        { ...s, item: r.int(0, 1e6) },
        {
          pool: mathPool(ctx, 'mix'),
          ask: () => r.pick([...P.REASON_SUBTLE, ...P.REASON_ML.map((x) => x.text)]),
        },
      );
      spec.user = user;
      return spec;
    }
    const cp = pickChatPrompt(ctx, r);
    const u = cp.turns[0]!;
    return {
      model: modelFor(a, s.ts, ctx, r.pick([M_MINI, M_STD])),
      msgs: [{ role: 'user', text: clip(u, 5000) }],
      user,
      temperature: 0.7,
      out: { text: cp.replies[0] ?? composeAnswer(u, r) },
    };
  },
});
