// The populations: distillation campaigns (run evasively) and honest hard negatives.
import type { CodeItem, Corpus, MathItem } from './corpus.js';
import {
  COUNTRIES,
  DAY,
  HOUR,
  MIN,
  MODELS,
  Rng,
  SDK_MIX,
  client,
  cloudNet,
  countryByCode,
  ipIn,
  mobileNet,
  natNet,
  pickCountry,
  proxyNet,
  residentialNet,
} from './lib.js';
import type { Client, Country, Net } from './lib.js';
import {
  LANGS,
  Sink,
  chatReply,
  codeAnswer,
  cotAnswer,
  humanSessions,
  localTime,
  mathSolution,
  phraseFrom,
  steady,
} from './sim.js';
import type { Account, Call, Msg, Profile, Tier, ToolDef, World } from './sim.js';
import {
  buriedInstruction,
  fixedFollowUp,
  humanFollowUp,
  longSystem,
  modelFollowUp,
  reword,
} from './text.js';

export interface Ctx {
  w: World;
  sink: Sink;
  seed: number;
  accounts: Account[];
  campaigns: { id: string; kind: string; accounts: string[] }[];
  ids: Set<string>;
  fam: number;
}

const FIRST = [
  'james',
  'maria',
  'wei',
  'priya',
  'ahmed',
  'sofia',
  'lukas',
  'yuki',
  'chidi',
  'ana',
  'minh',
  'olga',
  'diego',
  'fatima',
  'tom',
  'lea',
  'arjun',
  'emma',
  'kofi',
  'hana',
  'ivan',
  'zara',
  'noah',
  'mei',
  'omar',
  'julia',
  'sam',
  'aisha',
  'ben',
  'nora',
];
const LAST = [
  'smith',
  'garcia',
  'chen',
  'patel',
  'khan',
  'rossi',
  'muller',
  'tanaka',
  'okafor',
  'silva',
  'nguyen',
  'ivanova',
  'lopez',
  'hassan',
  'brown',
  'martin',
  'sharma',
  'kim',
  'mensah',
  'sato',
  'novak',
  'ali',
  'wilson',
  'li',
  'fischer',
  'costa',
];
const FREEMAIL = [
  'gmail.com',
  'gmail.com',
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'proton.me',
  'icloud.com',
  'hotmail.com',
  'qq.com',
  'naver.com',
  'gmx.de',
  'yandex.ru',
];

export function emailFor(rng: Rng, domain?: string): string {
  const f = rng.pick(FIRST);
  const l = rng.pick(LAST);
  const d = domain ?? rng.pick(FREEMAIL);
  const form = rng.int(0, 4);
  const local =
    form === 0
      ? `${f}.${l}`
      : form === 1
        ? `${f}${l}${rng.int(1, 99)}`
        : form === 2
          ? `${f[0]}${l}`
          : form === 3
            ? `${f}_${rng.b36(3)}`
            : `${l}.${f}${rng.int(70, 2005)}`;
  return `${local}@${d}`;
}

interface AcctOpts {
  family: string;
  persona: string;
  malicious: boolean;
  campaign: string | null;
  country?: Country;
  tier: Tier;
  route: string;
  createdAt: number;
  email?: string | undefined;
  payment?: string | null;
  client: Client;
  net: Net;
  keys?: number;
  signupIp?: string;
}

export function mkAccount(ctx: Ctx, rng: Rng, o: AcctOpts): Account {
  let id = '';
  do id = `acct_${rng.b36(9)}`;
  while (ctx.ids.has(id));
  ctx.ids.add(id);
  const country = o.country ?? pickCountry(rng);
  const keys: string[] = [];
  for (let i = 0; i < (o.keys ?? 1); i++) keys.push(`key_${rng.b36(10)}`);
  const a: Account = {
    id,
    keys,
    createdAt: Math.round(o.createdAt),
    email: o.email ?? emailFor(rng),
    signupIp: o.signupIp ?? o.net.ips[0] ?? ipIn(rng, rng.pick(country.isps)),
    paymentFingerprint:
      o.payment === undefined ? (o.tier === 'unverified' ? null : `pm_${rng.hex(14)}`) : o.payment,
    country,
    tz: country.tz,
    tier: o.tier,
    route: o.route,
    malicious: o.malicious,
    persona: o.persona,
    family: o.family,
    campaign: o.campaign,
    client: o.client,
    net: o.net,
    sticky: { cur: '' },
    rng: new Rng(ctx.seed, 1_000_000 + ctx.ids.size),
  };
  ctx.accounts.push(a);
  if (o.campaign) {
    let c = ctx.campaigns.find((x) => x.id === o.campaign);
    if (!c) {
      c = { id: o.campaign, kind: o.family, accounts: [] };
      ctx.campaigns.push(c);
    }
    c.accounts.push(id);
  }
  return a;
}

class Queue<T> {
  private i = 0;
  private readonly items: T[];
  constructor(items: readonly T[], rng: Rng) {
    this.items = rng.shuffle(items.slice());
  }
  next(): T {
    const v = this.items[this.i % this.items.length];
    this.i++;
    if (v === undefined) throw new Error('empty queue');
    return v;
  }
}

function sdk(rng: Rng): Client {
  return client(rng.weighted(SDK_MIX));
}
function ago(w: World, rng: Rng, minDays: number, maxDays: number): number {
  return w.start - (minDays + rng.next() * (maxDays - minDays)) * DAY;
}
function inWindow(w: World, rng: Rng): number {
  return w.start + rng.next() * (w.end - w.start) * 0.7;
}

// ------------------------------------------------------------- harvest content

type HarvestKind = 'gsm' | 'math' | 'code' | 'cot';
interface Item {
  q: string;
  resp: string;
  src: MathItem | CodeItem | null;
}
function harvestItem(
  rng: Rng,
  corpus: Corpus,
  kind: HarvestKind,
  qs: Record<HarvestKind, Queue<number>>,
): Item {
  const i = qs[kind].next();
  if (kind === 'gsm') {
    const m = corpus.gsm[i % corpus.gsm.length] as MathItem;
    return { q: m.q, resp: mathSolution(rng, m, 'steps'), src: m };
  }
  if (kind === 'math') {
    const m = corpus.math[i % corpus.math.length] as MathItem;
    return { q: m.q, resp: mathSolution(rng, m, 'steps'), src: m };
  }
  if (kind === 'code') {
    const c = corpus.code[i % corpus.code.length] as CodeItem;
    return { q: c.task, resp: codeAnswer(rng, c, true), src: c };
  }
  const c = corpus.cot[i % corpus.cot.length];
  if (!c) throw new Error('no cot');
  return { q: c.q, resp: cotAnswer(rng, c), src: null };
}
function queues(rng: Rng, corpus: Corpus): Record<HarvestKind, Queue<number>> {
  const idx = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  return {
    gsm: new Queue(idx(corpus.gsm.length), rng),
    math: new Queue(idx(corpus.math.length), rng),
    code: new Queue(idx(corpus.code.length), rng),
    cot: new Queue(idx(corpus.cot.length), rng),
  };
}
function elaborate(rng: Rng, corpus: Corpus, prev: string): string {
  void corpus;
  const code = prev.match(/```(\w*)\n([\s\S]*?)```/);
  if (code) {
    const body = code[2] ?? '';
    const ids = [...new Set(body.match(/\b[a-z_][a-z0-9_]{2,}\b/g) ?? [])].filter(
      (x) => !['def', 'return', 'for', 'import', 'while', 'range', 'len', 'and', 'not'].includes(x),
    );
    const notes = rng
      .sample(ids, Math.min(ids.length, rng.int(2, 4)))
      .map(
        (x) =>
          `- \`${x}\` ${rng.pick(['holds the running result', 'is the input being scanned', 'is reused on every iteration', 'keeps the lookup constant-time', 'is where the edge case is handled'])}.`,
      );
    return `${rng.pick(['Sure — walking through the code:', 'Here is the same solution with the reasoning spelled out:', 'Good question. Line by line:'])}\n\n\`\`\`${code[1] ?? ''}\n${body}\`\`\`\n\n${notes.join('\n')}\n\n${rng.pick(['An alternative is a comprehension, but the explicit loop is easier to debug.', 'Complexity is linear in the input size.', 'Edge cases: empty input returns the neutral value.'])}`;
  }
  const sentences = prev
    .replace(/\*\*/g, '')
    .split(/\n+|(?<=[.!?])\s+/)
    .map((l) => l.replace(/^(Step \d+\.|\d+\.|[-*])\s*/, '').trim())
    .filter(
      (l) =>
        l.length > 12 &&
        !/^(Sure|Good question|Let me|Of course|Here's|Here is|We can|Let's|That completes|So the|Answer:|Want me)/.test(
          l,
        ),
    );
  if (!sentences.length)
    return rng.pick([
      'Sure — to put it differently: the key point is the first one, and the rest follows from it.',
      'Happy to clarify. In short, yes — the earlier answer still holds.',
    ]);
  const start = rng.int(0, Math.max(0, sentences.length - 3));
  const pick = sentences.slice(start, start + rng.int(2, 4));
  const why = [
    'this is the key observation',
    'everything after depends on it',
    'I double-checked this against the question',
    'it is easy to get wrong, so it is worth slowing down here',
    'the rest follows directly from it',
  ];
  return `${rng.pick(['Sure.', 'Good question.', 'Let me go through that more carefully.', "Of course — here's the longer version."])}\n\n${pick
    .map((l, k) => `${k + 1}. ${l.replace(/[.:]$/, '')} — ${rng.pick(why)}.`)
    .join(
      '\n',
    )}\n\n${rng.pick(['That completes the argument.', 'Does that make it clearer?', 'Happy to go further on any of these points.', ''])}`.trim();
}

const STOP = new Set(
  'have with that this what your they from will would there their about other which when were been more some them than then into only also just like make know does each could should want need here where these those very much many such well'.split(
    ' ',
  ),
);
function overlap(a: string, b: string): number {
  const wa = new Set((a.toLowerCase().match(/[a-z]{4,}/g) ?? []).filter((x) => !STOP.has(x)));
  let n = 0;
  for (const x of new Set(b.toLowerCase().match(/[a-z]{4,}/g) ?? [])) if (wa.has(x)) n++;
  return n;
}

/** A plausible answer built around an unpaired prompt. */
function answerFor(rng: Rng, corpus: Corpus, prompt: string): string {
  if (
    /\b(python|code|function|script|sql|javascript|program|regex|c\+\+|rust|bash)\b/i.test(prompt)
  ) {
    let best = rng.pick(corpus.code);
    let bs = -1;
    for (let k = 0; k < 40; k++) {
      const c = rng.pick(corpus.code);
      const sc = overlap(prompt, c.task);
      if (sc > bs) {
        bs = sc;
        best = c;
      }
    }
    return `${rng.pick(["Here's one way to do it:", 'You can approach it like this:', 'A minimal version:'])}\n\n\`\`\`python\n${best.code.trim()}\n\`\`\`\n\n${rng.pick(['Adapt the names to your data; the structure stays the same.', 'Let me know if you need it in another language.', 'Test it on a small input first.'])}`;
  }
  const first = prompt.replace(/\s+/g, ' ').split(/(?<=[.?!])\s/)[0] ?? prompt;
  const topic = first
    .replace(
      /^(please |can you |could you |i want you to |write |explain |tell me |what is |what are |how do i |how to )+/i,
      '',
    )
    .replace(/[?.!]+$/, '')
    .slice(0, 90);
  const style = rng.int(0, 2);
  if (style === 0) {
    const steps = rng.sample(
      [
        [
          'Clarify the goal',
          `Pin down what you want from ${topic} and which constraints (time, budget, audience) matter most.`,
        ],
        ['Start simple', 'Get a first version working end to end before polishing any one part.'],
        [
          'Check the common pitfalls',
          'Most problems here come from skipping the basics or changing several things at once.',
        ],
        [
          'Gather examples',
          'Look at two or three good examples and note what they have in common.',
        ],
        ['Iterate', 'Review the result, change one thing, and compare.'],
        [
          'Know when to ask for help',
          'If you are stuck for more than an hour, a second pair of eyes saves time.',
        ],
      ] as const,
      rng.int(3, 5),
    );
    return `${rng.pick(['Sure!', 'Good question.', 'Here is a practical way to think about it.'])} For ${topic}:\n\n${steps.map(([h, b], k) => `${k + 1}. **${h}.** ${b}`).join('\n')}\n\n${rng.pick(['If you tell me more about your situation, I can tailor this.', 'Want me to expand on any step?', ''])}`.trim();
  }
  let best = rng.pick(corpus.replies);
  let bs = -1;
  for (let k = 0; k < 60; k++) {
    const r = rng.pick(corpus.replies);
    const sc = overlap(prompt, r);
    if (sc > bs) {
      bs = sc;
      best = r;
    }
  }
  if (style === 1 && bs >= 3) return best;
  return `${rng.pick(['In short:', 'Here is an overview.', 'A few thoughts on this.'])} ${topic.charAt(0).toUpperCase()}${topic.slice(1)} depends mostly on context, so here are the main considerations.\n\n- **What matters most:** the specific goal and who it is for.\n- **Typical approach:** start with the standard option, then adjust based on results.\n- **Watch out for:** edge cases and assumptions that do not hold in your situation.\n\n${rng.pick(['Happy to go deeper on any of these.', 'Let me know which direction you want to take.', ''])}`.trim();
}

// ---------------------------------------------------------------- malicious

/** Hydra: hundreds of quiet accounts, reworded requests, coverage sweep across the cluster. */
export function hydra(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  const cards: string[] = [];
  for (let i = 0; i < Math.ceil(n / 7); i++) cards.push(`pm_${rng.hex(14)}`);
  const proxyCountries = COUNTRIES.filter((c) =>
    ['US', 'GB', 'DE', 'BR', 'IN', 'ID', 'PH', 'MX', 'PL', 'TR', 'VN', 'CA'].includes(c.code),
  );
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng);
    const netKind = rng.weighted([
      ['proxy', 5],
      ['cloud', 3],
      ['res', 2],
    ] as const);
    const net =
      netKind === 'proxy'
        ? proxyNet(rng, proxyCountries)
        : netKind === 'cloud'
          ? cloudNet(rng, rng.pick(['asia-cloud', 'hetz-vps', 'ocean-vps']), 3)
          : residentialNet(rng, country);
    const a = mkAccount(ctx, rng, {
      family: 'hydra_quiet',
      persona: rng.pick(['hydra-student-mimic', 'hydra-dev-mimic', 'hydra-plain']),
      malicious: true,
      campaign: 'camp-hydra',
      country,
      tier: rng.weighted([
        ['free', 5],
        ['pro', 3],
        ['unverified', 1],
      ] as const),
      route: rng.weighted([
        ['self-serve', 6],
        ['startup-credits', 2],
        ['education', 2],
      ] as const),
      createdAt: ago(w, rng, 3, 70),
      payment: rng.chance(0.4) ? rng.pick(cards) : `pm_${rng.hex(14)}`,
      client: sdk(rng),
      net,
    });
    const ar = a.rng;
    const tz = rng.chance(0.6) ? country.tz : rng.pick([-5, 0, 1, 8, 5.5]);
    const mix: [HarvestKind, number][] = [
      ['gsm', 4],
      ['math', 3],
      ['code', 2],
      ['cot', 2],
    ];
    const model = ar.chance(0.5) ? MODELS.think : MODELS.main;
    const sessions = humanSessions(
      ar,
      w,
      tz,
      ar.pick<Profile>(['evening', 'office', 'student']),
      ar.next() * 2 + 0.8,
      2.5,
      90,
      0.7,
    );
    for (const s of sessions) {
      for (const t of s) {
        const it = harvestItem(ar, w.corpus, ar.weighted(mix), qs);
        const c: Call = {
          model,
          msgs: [{ role: 'user', content: reword(ar, it.q, 0.6) }],
          resp: it.resp,
          max_tokens: ar.pick([2048, 4096, 8192]),
        };
        if (ar.chance(0.5)) c.temperature = ar.pick([0.3, 0.7, 1]);
        if (ar.chance(0.3)) c.stream = true;
        sink.emit(a, t, c);
      }
    }
  }
}

/** Reasoning traces in many languages, including low-resource ones. */
export function polyglot(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  for (let i = 0; i < n; i++) {
    const country = countryByCode(
      rng.pick(['KE', 'NG', 'ET', 'NP', 'BD', 'PH', 'ID', 'VN', 'ZA', 'KR', 'GB']),
    );
    const a = mkAccount(ctx, rng, {
      family: 'polyglot_reasoning',
      persona: 'multilingual-trace-harvest',
      malicious: true,
      campaign: 'camp-polyglot',
      country,
      tier: rng.pick<Tier>(['free', 'pro', 'pro']),
      route: rng.pick(['self-serve', 'education', 'research']),
      createdAt: ago(w, rng, 2, 40),
      client: sdk(rng),
      net: rng.chance(0.5) ? residentialNet(rng, country) : proxyNet(rng, [country]),
    });
    const ar = a.rng;
    const langs = ar.sample(LANGS, ar.int(1, 3));
    const model = ar.chance(0.6) ? MODELS.think : MODELS.main;
    const sys = ar.chance(0.35);
    for (const s of humanSessions(ar, w, country.tz, 'mixed', 3, 3, 40, 0.9)) {
      for (const t of s) {
        const lang = ar.pick(langs);
        const k = ar.weighted([
          ['gsm', 4],
          ['math', 3],
          ['cot', 3],
        ] as const);
        const it = harvestItem(ar, w.corpus, k, qs);
        const ask = ar.pick(lang.asks);
        const content = ar.chance(0.5) ? `${ask}\n\n${it.q}` : `${it.q}\n\n${ask}`;
        const body = it.resp
          .split('\n')
          .filter((l) => l.trim())
          .map((l) =>
            l.replace(
              /\*\*Step (\d+)\.\*\*|^(\d+)\./,
              (_m, x: string | undefined, y: string | undefined) => `${lang.step} ${x ?? y ?? ''}:`,
            ),
          )
          .map((l) => l.replace(/\*\*Answer:\*\*/, `${lang.answer}:`))
          .join('\n');
        const resp = `${lang.reason}\n\n${body}`;
        const c: Call = {
          model,
          msgs: [{ role: 'user', content }],
          resp,
          max_tokens: 4096,
          temperature: ar.pick([0.6, 0.8, 1]),
        };
        if (sys)
          c.system = ar.pick([
            "Respond only in the language of the question's instructions.",
            `Always think and answer in ${lang.code}.`,
            "Reply in the user's language; be explicit about your reasoning.",
          ]);
        sink.emit(a, t, c);
      }
    }
  }
}

/** Chain-of-thought instruction buried in a long, realistic system prompt. */
export function buriedSystem(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'buried_cot_system',
      persona: 'app-facade-system-prompt',
      malicious: true,
      campaign: 'camp-sysprompt',
      tier: rng.pick<Tier>(['pro', 'pro', 'free']),
      route: rng.pick(['self-serve', 'startup-credits']),
      createdAt: ago(w, rng, 5, 90),
      client: client(
        rng.pick(['anthropic-python@0.40.0', 'anthropic-ts@0.33.1', 'openai-node@4.73.0', 'httpx']),
      ),
      net: cloudNet(rng, undefined, rng.int(1, 4)),
    });
    const ar = a.rng;
    const system = longSystem(ar, buriedInstruction(ar));
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 6, 4, 25, 0.8)) {
      for (const t of s) {
        const kind = ar.weighted([
          ['hard', 3],
          ['code', 2],
          ['math', 2],
          ['cot', 1],
        ] as const);
        let q: string;
        let resp: string;
        if (kind === 'hard') {
          q = ar.pick(w.corpus.hard);
          const base = answerFor(ar, w.corpus, q);
          resp = `${base}\n\n## Working notes\n${elaborate(ar, w.corpus, base)}`;
        } else {
          const it = harvestItem(ar, w.corpus, kind, qs);
          q = ar.chance(0.5) ? it.q : reword(ar, it.q, 0.2);
          resp = `${it.resp}\n\n## Working notes\n${elaborate(ar, w.corpus, it.resp)}`;
        }
        sink.emit(a, t, {
          model: ar.chance(0.7) ? MODELS.main : MODELS.think,
          system,
          msgs: [{ role: 'user', content: q }],
          resp,
          max_tokens: 4096,
          temperature: 0.7,
        });
      }
    }
  }
}

/** Multi-turn harvesting: follow-ups from a fixed list or written by a model. */
export function followups(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  for (let i = 0; i < n; i++) {
    const modelWritten = i % 5 !== 0 && rng.chance(0.75);
    const a = mkAccount(ctx, rng, {
      family: 'multiturn_followup',
      persona: modelWritten ? 'followups-model-written' : 'followups-fixed-list',
      malicious: true,
      campaign: 'camp-followup',
      tier: rng.pick<Tier>(['free', 'pro']),
      route: 'self-serve',
      createdAt: ago(w, rng, 1, 30),
      client: sdk(rng),
      net: rng.chance(0.6) ? proxyNet(rng, COUNTRIES) : cloudNet(rng),
    });
    const ar = a.rng;
    const model = ar.pick([MODELS.main, MODELS.think, MODELS.main]);
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 2.5, 1, 30, 0.9)) {
      const start = s[0] ?? w.start;
      const it = harvestItem(
        ar,
        w.corpus,
        ar.pick<HarvestKind>(['gsm', 'math', 'cot', 'code']),
        qs,
      );
      const msgs: Msg[] = [{ role: 'user', content: reword(ar, it.q, 0.3) }];
      let t = start;
      let resp = it.resp;
      const turns = ar.int(3, 6);
      for (let k = 0; k < turns; k++) {
        sink.emit(a, t, { model, msgs: msgs.slice(), resp, max_tokens: 4096, temperature: 0.7 });
        msgs.push({ role: 'assistant', content: resp });
        const fu = modelWritten ? modelFollowUp(ar, phraseFrom(ar, resp), k) : fixedFollowUp(ar);
        msgs.push({ role: 'user', content: fu });
        resp = elaborate(ar, w.corpus, resp);
        t += ar.logNormal(modelWritten ? 25 : 8, 0.5) * 1000;
      }
    }
  }
}

const CODE_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace.',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    description: 'Create or overwrite a file.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'run_shell',
    description: 'Run a shell command in the sandbox and return stdout/stderr.',
    parameters: { type: 'object', properties: { cmd: { type: 'string' } }, required: ['cmd'] },
  },
  {
    name: 'search_code',
    description: 'Search the repository with a regex.',
    parameters: {
      type: 'object',
      properties: { pattern: { type: 'string' } },
      required: ['pattern'],
    },
  },
];
const REPOS = [
  'billing-svc',
  'ingest-worker',
  'web-dashboard',
  'geo-utils',
  'pyledger',
  'tinyqueue',
  'report-gen',
  'auth-gateway',
  'etl-jobs',
  'mlops-kit',
];

/** One coding-agent episode; returns time after the last step. */
function agentEpisode(
  sink: Sink,
  a: Account,
  corpus: Corpus,
  t0: number,
  model: string,
  system: string,
  opts: { steps: number; gapS: number; human: boolean },
): number {
  const r = a.rng;
  const c = r.pick(corpus.code);
  const repo = r.pick(REPOS);
  const file = `src/${c.name}.py`;
  const task = opts.human
    ? r.pick([
        `${c.task} Put it in ${file}.`,
        `can you fix ${c.name}? tests are failing`,
        `add ${c.name} to ${repo}, see the ticket: ${c.task}`,
        `refactor ${file} — ${c.task.toLowerCase()}`,
      ])
    : r.pick([
        `Task: ${c.task}\nRepository: ${repo}. Implement in ${file} and make the test suite pass.`,
        `${c.task}\n\nWork in ${repo}/${file}. Verify with pytest before finishing.`,
        `Implement the following in ${file}: ${c.task} Explain your plan first, then act.`,
      ]);
  const msgs: Msg[] = [{ role: 'user', content: task }];
  let t = t0;
  const plan: [string, Record<string, unknown>, string, string][] = [
    [
      'search_code',
      { pattern: c.name },
      `I'll look for existing references to ${c.name} first.`,
      `src/__init__.py:3: from .${c.name} import *\ntests/test_${c.name}.py:1: from src.${c.name} import ${c.name}`,
    ],
    [
      'read_file',
      { path: `tests/test_${c.name}.py` },
      'Let me read the tests to pin down the expected behaviour.',
      c.tests.join('\n') || `def test_${c.name}():\n    assert ${c.name} is not None`,
    ],
    [
      'write_file',
      { path: file, content: c.code },
      `The tests expect a function named ${c.name}; writing the implementation now.`,
      'ok: wrote file',
    ],
    [
      'run_shell',
      { cmd: `pytest -q tests/test_${c.name}.py` },
      'Running the tests.',
      r.chance(0.3) ? `F.\n1 failed, 1 passed in 0.14s\nAssertionError` : `..\n2 passed in 0.11s`,
    ],
    ['read_file', { path: file }, 'Checking the file once more for edge cases.', c.code],
    [
      'run_shell',
      { cmd: 'ruff check src && pytest -q' },
      'Lint and the full suite.',
      'All checks passed!\n14 passed in 1.02s',
    ],
  ];
  const steps = Math.min(opts.steps, plan.length);
  for (let k = 0; k < steps; k++) {
    const p = plan[k];
    if (!p) break;
    const id = `toolu_${r.b36(12)}`;
    sink.emit(a, t, {
      model,
      system,
      msgs: msgs.slice(),
      tools: CODE_TOOLS,
      resp: p[2],
      toolCall: { name: p[0], args: p[1] },
      max_tokens: 8192,
      temperature: 0,
      stream: true,
    });
    msgs.push({ role: 'assistant', content: p[2], tool: { id, name: p[0], args: p[1] } });
    msgs.push({ role: 'tool', id, name: p[0], content: p[3] });
    t += r.logNormal(opts.gapS, 0.5) * 1000;
  }
  const summary = opts.human
    ? `Done. ${c.name} is implemented in ${file} and the tests pass.`
    : `Summary of the work:\n1. Located references to ${c.name}.\n2. Read the tests to infer the contract.\n3. Implemented:\n\n\`\`\`python\n${c.code}\n\`\`\`\n4. Verified with pytest and ruff.\n\nRationale: ${r.pick(['the straightforward loop is clearest', 'a single pass keeps it O(n)', 'the tests only need the base behaviour'])}.`;
  sink.emit(a, t, {
    model,
    system,
    msgs: msgs.slice(),
    tools: CODE_TOOLS,
    resp: summary,
    max_tokens: 8192,
    temperature: 0,
    stream: true,
  });
  return t;
}

const AGENT_SYS = [
  'You are an autonomous software engineer. Use the tools to inspect and modify the repository. Think out loud before each tool call, explaining what you expect and why.',
  'You are a coding agent operating in a sandbox. Before every action, state your reasoning in detail. After finishing, write a full summary of each decision.',
  'You are DevPilot. Work step by step with the provided tools. Explain each step; prefer small verified changes.',
];

/** Agentic trajectory distillation: many parallel synthetic tasks, around the clock. */
export function trajectories(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'agent_trajectory',
      persona: rng.pick(['agent-farm-247', 'agent-farm-workhours']),
      malicious: true,
      campaign: 'camp-trajectory',
      tier: rng.pick<Tier>(['pro', 'pro', 'free']),
      route: rng.pick(['startup-credits', 'self-serve', 'research']),
      createdAt: ago(w, rng, 3, 45),
      client: client(
        rng.pick(['cli-agent', 'anthropic-python@0.42.0', 'openai-python@1.57.0', 'aiohttp']),
      ),
      net: cloudNet(rng, undefined, rng.int(1, 3)),
    });
    const ar = a.rng;
    const system = ar.pick(AGENT_SYS);
    const model = ar.chance(0.6) ? MODELS.main : MODELS.think;
    const perDay = ar.int(4, 10);
    const workhours = a.persona === 'agent-farm-workhours';
    for (let d = 0; d < w.days; d++) {
      for (let e = 0; e < perDay; e++) {
        const t0 = workhours
          ? localTime(ar, w, d, a.tz, 'office')
          : w.start + d * DAY + ar.next() * DAY;
        agentEpisode(sink, a, w.corpus, t0, model, system, {
          steps: ar.int(3, 6),
          gapS: 6,
          human: false,
        });
      }
    }
  }
}

/** Model as a grader / reward model, asked in plain words. */
export function rubric(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const pq = new Queue(w.corpus.pairs, rng);
  const asks = [
    (p: string, x: string, y: string) =>
      `Someone asked: "${p}"\n\nFirst reply:\n${x}\n\nSecond reply:\n${y}\n\nWhich reply would you rather receive, and how much better is it? Give me a number from 1 to 10 for each.`,
    (p: string, x: string, y: string) =>
      `Two people answered the same question.\nQuestion: ${p}\nA: ${x}\nB: ${y}\nTell me plainly which is more helpful and honest, and rate both out of 10.`,
    (p: string, x: string) =>
      `How good is this answer? Question was "${p}". Answer: "${x}". Score it out of 10 and say why in a sentence.`,
    (p: string, x: string) =>
      `Here's a reply I got to "${p}":\n${x}\n\nCould you rewrite it so it's still useful but can't cause harm?`,
  ];
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'grader_labelling',
      persona: 'plain-words-reward-labels',
      malicious: true,
      campaign: 'camp-rubric',
      tier: rng.pick<Tier>(['free', 'pro']),
      route: rng.pick(['self-serve', 'research']),
      createdAt: ago(w, rng, 2, 60),
      client: sdk(rng),
      net: rng.chance(0.5) ? proxyNet(rng, COUNTRIES) : residentialNet(rng, pickCountry(rng)),
    });
    const ar = a.rng;
    const myAsks = ar.sample(asks, 2);
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 4, 6, 15, 1)) {
      for (const t of s) {
        const pr = pq.next();
        const f = ar.pick(myAsks);
        const content = f(pr.prompt, pr.a, pr.b);
        const sa = ar.int(5, 9);
        const sb = ar.int(1, sa);
        const resp = content.includes('rewrite')
          ? `Here's a safer version:\n\n${pr.a.replace(/\b(kill|steal|hurt|weapon)\b/gi, 'handle')}`
          : content.includes('Score it')
            ? `${sa}/10. ${ar.pick(['It answers the question directly but misses a caveat.', 'Accurate and polite, though a little vague.', 'It is on topic but does not actually help the person.'])}`
            : `The first reply is better. First: ${sa}/10 — ${ar.pick(['it addresses the actual question', 'it is accurate and kind', 'it gives a concrete next step'])}. Second: ${sb}/10 — ${ar.pick(['it is evasive', 'it contains an error', 'it is unhelpful and a bit rude'])}.`;
        sink.emit(a, t, {
          model: MODELS.main,
          msgs: [{ role: 'user', content }],
          resp,
          temperature: 0,
          max_tokens: ar.pick([256, 512, 1024]),
        });
      }
    }
  }
}

/** logit_bias sweeps, with and without logprobs. */
export function logitSweep(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const prompts = [
    'Say one word.',
    'Reply with a single token.',
    'Continue:',
    'Pick any word.',
    'Output something short.',
    'Write the next word of: The',
    'Hi',
    'Answer with one word: what colour is the sky?',
  ];
  let cursor = rng.int(0, 90000);
  for (let i = 0; i < n; i++) {
    const withLp = i % 2 === 0;
    const a = mkAccount(ctx, rng, {
      family: 'logit_bias_extraction',
      persona: withLp ? 'logit-bias+logprobs' : 'logit-bias-only',
      malicious: true,
      campaign: 'camp-logit',
      tier: rng.pick<Tier>(['pro', 'free']),
      route: rng.pick(['self-serve', 'research']),
      createdAt: ago(w, rng, 1, 20),
      client: client(rng.pick(['requests', 'httpx', 'openai-python@1.54.4', 'go-http'])),
      net: rng.chance(0.5) ? cloudNet(rng) : proxyNet(rng, COUNTRIES),
    });
    const ar = a.rng;
    const perDay = ar.int(30, 80);
    for (const s of humanSessions(ar, w, a.tz, 'flat', perDay / 8, 8, 4, 1)) {
      for (const t of s) {
        const bias: Record<string, number> = {};
        if (withLp) {
          const k = ar.int(1, 4);
          for (let j = 0; j < k; j++) bias[String(cursor++ % 100000)] = 100;
        } else {
          const tok = cursor++ % 100000;
          bias[String(tok)] = ar.pick([100, 40, 20, 10, 5, 2.5, 1.25]);
          bias[String(ar.int(0, 99999))] = ar.pick([0, 10, -10]);
        }
        const c: Call = {
          model: MODELS.main,
          msgs: [{ role: 'user', content: ar.pick(prompts) }],
          resp: ar.pick(['the', ' The', 'blue', ' a', 'Hello', '.']),
          max_tokens: 1,
          logit_bias: bias,
          temperature: withLp ? 0 : 1,
        };
        if (withLp) {
          c.logprobs = true;
          c.top_logprobs = ar.pick([5, 20]);
        } else c.n = ar.pick([8, 16, 32]);
        sink.emit(a, t, c);
      }
    }
  }
}

/** Harvesting that moves to the new model right after release. */
export function pivot(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'new_model_pivot',
      persona: 'release-chaser',
      malicious: true,
      campaign: 'camp-pivot',
      tier: rng.pick<Tier>(['pro', 'free', 'pro']),
      route: rng.pick(['self-serve', 'startup-credits']),
      createdAt: ago(w, rng, 5, 80),
      client: sdk(rng),
      net: rng.chance(0.6) ? proxyNet(rng, COUNTRIES) : cloudNet(rng),
    });
    const ar = a.rng;
    const share = 0.5 + ar.next() * 0.4;
    const lag = ar.logNormal(5, 0.6) * HOUR;
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 2, 3, 30, 0.8)) {
      for (const t of s) {
        const after = t > w.release + lag;
        if (after && ar.chance(0.5)) {
          // extra volume on the new model
          const it2 = harvestItem(ar, w.corpus, ar.pick<HarvestKind>(['math', 'code', 'gsm']), qs);
          sink.emit(a, t + ar.next() * 20 * MIN, {
            model: MODELS.next,
            msgs: [{ role: 'user', content: reword(ar, it2.q, 0.5) }],
            resp: it2.resp,
            max_tokens: 8192,
            reasoning: ar.int(400, 3000),
          });
        }
        const it = harvestItem(
          ar,
          w.corpus,
          ar.pick<HarvestKind>(['math', 'code', 'gsm', 'cot']),
          qs,
        );
        const model =
          after && ar.chance(share) ? MODELS.next : ar.chance(0.5) ? MODELS.think : MODELS.main;
        sink.emit(a, t, {
          model,
          msgs: [{ role: 'user', content: reword(ar, it.q, 0.5) }],
          resp: it.resp,
          max_tokens: 8192,
          temperature: ar.pick([0.5, 1]),
        });
      }
    }
  }
}

/** Padded prompts: long pasted context so output/input ratios look ordinary. */
export function padded(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'padded_prompts',
      persona: 'ratio-padding',
      malicious: true,
      campaign: 'camp-padding',
      tier: rng.pick<Tier>(['pro', 'free']),
      route: 'self-serve',
      createdAt: ago(w, rng, 3, 50),
      client: sdk(rng),
      net: rng.chance(0.5) ? proxyNet(rng, COUNTRIES) : cloudNet(rng),
    });
    const ar = a.rng;
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 3, 3, 40, 0.8)) {
      for (const t of s) {
        const it = harvestItem(
          ar,
          w.corpus,
          ar.pick<HarvestKind>(['gsm', 'math', 'cot', 'code']),
          qs,
        );
        const pads: string[] = [];
        const target = ar.int(1500, 7000);
        let len = 0;
        while (len < target) {
          const p = ar.chance(0.5) ? chatReply(ar, w.corpus) : ar.pick(w.corpus.roles).prompt;
          pads.push(p);
          len += p.length;
        }
        const head = ar.pick([
          'Background notes (may or may not be relevant):',
          'Context from our shared doc:',
          'Some earlier material:',
          'Reference:',
          '',
        ]);
        const content = ar.chance(0.6)
          ? `${head}\n${pads.join('\n\n')}\n\n---\n\n${reword(ar, it.q, 0.5)}`
          : `${reword(ar, it.q, 0.5)}\n\n(for context)\n${pads.join('\n\n')}`;
        sink.emit(a, t, {
          model: ar.pick([MODELS.main, MODELS.think]),
          msgs: [{ role: 'user', content }],
          resp: it.resp,
          max_tokens: 4096,
        });
      }
    }
  }
}

/** Harvest mixed into a real application's traffic (a writing/tutoring SaaS). */
export function mixedApp(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  const pay = `pm_${rng.hex(14)}`;
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'mixed_app_harvest',
      persona: 'saas-with-side-harvest',
      malicious: true,
      campaign: 'camp-frontapp',
      tier: 'pro',
      route: rng.pick(['self-serve', 'startup-credits']),
      createdAt: ago(w, rng, 40, 200),
      email: emailFor(rng, 'quillery.app'),
      payment: rng.chance(0.5) ? pay : `pm_${rng.hex(14)}`,
      client: client(rng.pick(['openai-node@4.77.0', 'openai-node@4.73.0'])),
      net: cloudNet(rng, 'nimbus-compute', 4),
      keys: 3,
    });
    const ar = a.rng;
    const harvestShare = 0.12 + ar.next() * 0.15;
    const system = longSystem(ar);
    const times: number[] = [];
    for (let d = 0; d < w.days; d++)
      for (let k = 0; k < ar.int(60, 140); k++) times.push(localTime(ar, w, d, -5, 'mixed'));
    for (const t of times) {
      const user = `u_${ar.int(1, 4000)}`;
      if (ar.chance(harvestShare)) {
        const it = harvestItem(
          ar,
          w.corpus,
          ar.pick<HarvestKind>(['gsm', 'math', 'code', 'cot']),
          qs,
        );
        sink.emit(a, t, {
          model: ar.pick([MODELS.main, MODELS.think]),
          system,
          msgs: [{ role: 'user', content: reword(ar, it.q, 0.7) }],
          resp: it.resp,
          max_tokens: 4096,
          metadata: { user },
          stream: true,
        });
      } else {
        const ins = ar.pick(w.corpus.instr);
        const content = ins.input ? `${ins.instruction}\n\n${ins.input}` : ins.instruction;
        sink.emit(a, t, {
          model: MODELS.mini,
          system,
          msgs: [{ role: 'user', content }],
          resp: ins.output || answerFor(ar, w.corpus, content),
          max_tokens: 1024,
          temperature: 0.7,
          metadata: { user },
          stream: true,
        });
      }
    }
  }
}

/** Dormant accounts that wake together. */
export function sleepers(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  const wakeDay = Math.max(1, Math.floor(w.days * 0.6));
  const wake = w.start + wakeDay * DAY + rng.int(2, 20) * HOUR;
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng);
    const a = mkAccount(ctx, rng, {
      family: 'dormant_wake',
      persona: 'sleeper',
      malicious: true,
      campaign: 'camp-sleepers',
      country,
      tier: rng.pick<Tier>(['free', 'free', 'pro', 'unverified']),
      route: rng.pick(['self-serve', 'education', 'startup-credits']),
      createdAt: ago(w, rng, 60, 160),
      client: sdk(rng),
      net: rng.chance(0.5) ? residentialNet(rng, country) : proxyNet(rng, COUNTRIES),
    });
    const ar = a.rng;
    // a token sign of life before
    if (ar.chance(0.3)) {
      const q = ar.pick(w.corpus.chat);
      sink.emit(a, w.start + ar.next() * (wake - w.start), {
        model: MODELS.mini,
        msgs: [{ role: 'user', content: q }],
        resp: answerFor(ar, w.corpus, q),
      });
    }
    let t = wake + ar.logNormal(25, 0.7) * MIN;
    const rate = ar.logNormal(2.5, 0.4); // per hour
    const kinds: HarvestKind[] = ['gsm', 'math', 'code', 'cot'];
    const model = ar.pick([MODELS.main, MODELS.think]);
    while (t < w.end) {
      const it = harvestItem(ar, w.corpus, ar.pick(kinds), qs);
      sink.emit(a, t, {
        model,
        msgs: [{ role: 'user', content: reword(ar, it.q, 0.5) }],
        resp: it.resp,
        max_tokens: 4096,
        temperature: 0.8,
      });
      const h = new Date(t + a.tz * HOUR).getUTCHours();
      t += (HOUR / rate) * ar.logNormal(1, 0.6) * (h >= 1 && h < 7 ? 6 : 1);
    }
  }
}

// ------------------------------------------------------------------ honest

function honestNet(rng: Rng, c: Country): Net {
  return rng.chance(0.25) ? mobileNet(rng, c) : residentialNet(rng, c);
}

/** Ordinary users: a few chats a week, follow-ups that respond to answers. */
export function ordinary(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng);
    const student = rng.chance(0.2);
    const browser = rng.chance(0.35);
    const a = mkAccount(ctx, rng, {
      family: 'ordinary_users',
      persona: student ? 'student' : browser ? 'playground-user' : 'hobbyist-dev',
      malicious: false,
      campaign: null,
      country,
      tier: rng.weighted([
        ['free', 6],
        ['pro', 3],
        ['unverified', 1],
      ] as const),
      route: student && rng.chance(0.5) ? 'education' : 'self-serve',
      createdAt: rng.chance(0.1) ? inWindow(w, rng) : ago(w, rng, 1, 600),
      client: browser ? client(rng.pick(['browser-chrome', 'browser-safari'])) : sdk(rng),
      net: honestNet(rng, country),
    });
    const ar = a.rng;
    const prof: Profile = student ? 'student' : ar.pick<Profile>(['evening', 'office', 'mixed']);
    const active = ar.next() * 1.4 + 0.3;
    for (const s of humanSessions(ar, w, a.tz, prof, active, 1, 60, 1.2)) {
      let t = s[0] ?? w.start;
      let first: string;
      let resp: string;
      let script: string[] | null = null;
      const d = ar.next();
      if (student && d < 0.6) {
        const m = ar.chance(0.8) ? ar.pick(w.corpus.gsm) : ar.pick(w.corpus.math);
        first = reword(ar, m.q, 0.4);
        resp = mathSolution(ar, m, ar.chance(0.5) ? 'steps' : 'tutor');
      } else if (d < 0.35) {
        const dl = ar.pick(w.corpus.dialogues);
        first = dl.turns[0] ?? 'hi';
        resp = dl.turns[1] ?? answerFor(ar, w.corpus, first);
        script = dl.turns;
      } else if (d < 0.6) {
        first = ar.pick(w.corpus.chat);
        resp = answerFor(ar, w.corpus, first);
      } else if (d < 0.75) {
        first = ar.pick(w.corpus.hard);
        resp = answerFor(ar, w.corpus, first);
      } else if (d < 0.85) {
        const c = ar.pick(w.corpus.code);
        first = ar.chance(0.5) ? c.task : `${c.task} in python please`;
        resp = codeAnswer(ar, c, true);
      } else {
        const r = ar.pick(w.corpus.roles);
        first = r.prompt;
        resp = answerFor(ar, w.corpus, first);
      }
      const msgs: Msg[] = [{ role: 'user', content: first }];
      const model = ar.weighted([
        [MODELS.main, 5],
        [MODELS.mini, 3],
        [MODELS.think, 1],
        [MODELS.next, t > w.release ? 2 : 0],
      ] as const);
      const turns = ar.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
        [5, 1],
      ] as const);
      for (let k = 0; k < turns; k++) {
        const c: Call = { model, msgs: msgs.slice(), resp, stream: browser || ar.chance(0.4) };
        if (!browser && ar.chance(0.4)) c.temperature = ar.pick([0.2, 0.7, 1]);
        if (!browser && ar.chance(0.3)) c.max_tokens = ar.pick([512, 1024, 2048]);
        sink.emit(a, t, c);
        msgs.push({ role: 'assistant', content: resp });
        const fu = script?.[2 * k + 2];
        msgs.push({ role: 'user', content: fu ?? humanFollowUp(ar, phraseFrom(ar, resp)) });
        resp = script?.[2 * k + 3] ?? elaborate(ar, w.corpus, resp);
        if (script && !fu) script = null;
        t += ar.logNormal(70, 0.8) * 1000;
      }
    }
  }
}

/** Power users and researchers: many diverse prompts, follow-ups, model switching. */
export function powerUsers(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng);
    const researcher = rng.chance(0.35);
    const a = mkAccount(ctx, rng, {
      family: 'power_users',
      persona: researcher ? 'researcher' : 'power-user',
      malicious: false,
      campaign: null,
      country,
      tier: 'pro',
      route: researcher ? 'research' : 'self-serve',
      createdAt: ago(w, rng, 30, 700),
      email: researcher
        ? emailFor(
            rng,
            rng.pick([
              'cs.uni-hd.de',
              'mit.edu',
              'ox.ac.uk',
              'ethz.ch',
              'iisc.ac.in',
              'u-tokyo.ac.jp',
            ]),
          )
        : undefined,
      client: rng.chance(0.3) ? client('browser-chrome') : sdk(rng),
      net: rng.chance(0.3) ? cloudNet(rng, undefined, 1) : residentialNet(rng, country),
    });
    const ar = a.rng;
    const adopt = w.release + ar.logNormal(30, 0.8) * HOUR;
    for (const s of humanSessions(
      ar,
      w,
      a.tz,
      ar.pick<Profile>(['office', 'evening', 'night']),
      5,
      2,
      90,
      0.6,
    )) {
      let t = s[0] ?? w.start;
      const kind = ar.next();
      let first: string;
      let resp: string;
      if (kind < 0.45) {
        first = ar.pick(w.corpus.hard);
        resp = answerFor(ar, w.corpus, first);
      } else if (kind < 0.6) {
        const m = ar.pick(w.corpus.math);
        first = ar.chance(0.5) ? m.q : reword(ar, m.q, 0.5);
        resp = mathSolution(ar, m);
      } else if (kind < 0.8) {
        const c = ar.pick(w.corpus.code);
        first = c.task;
        resp = codeAnswer(ar, c, true);
      } else {
        first = ar.pick(w.corpus.chat);
        resp = answerFor(ar, w.corpus, first);
      }
      const msgs: Msg[] = [{ role: 'user', content: first }];
      const turns = ar.int(1, 6);
      for (let k = 0; k < turns; k++) {
        const model =
          t > adopt && ar.chance(0.6)
            ? MODELS.next
            : ar.pick([MODELS.main, MODELS.think, MODELS.main]);
        const c: Call = { model, msgs: msgs.slice(), resp, temperature: ar.pick([0, 0.7, 1]) };
        if (researcher && ar.chance(0.1)) {
          c.logprobs = true;
          c.top_logprobs = 5;
        }
        sink.emit(a, t, c);
        msgs.push({ role: 'assistant', content: resp });
        msgs.push({ role: 'user', content: humanFollowUp(ar, phraseFrom(ar, resp)) });
        resp = elaborate(ar, w.corpus, resp);
        t += ar.logNormal(120, 0.8) * 1000;
      }
    }
  }
}

/** Batch pipelines: one fixed template over many different documents, steady timing. */
export function batch(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const templates: [string, (doc: string, r: Rng) => string][] = [
    [
      'Summarize the following customer message in two sentences for the support queue.\n\nMessage:\n',
      (d) =>
        d
          .split(/(?<=\.)\s/)
          .slice(0, 2)
          .join(' '),
    ],
    [
      'Classify the sentiment of this review as positive, negative or neutral. Reply with JSON {"sentiment": ...}.\n\n',
      (_d, r) => `{"sentiment": "${r.pick(['positive', 'negative', 'neutral'])}"}`,
    ],
    [
      'Extract all product names, dates and amounts from the text. Return JSON with keys products, dates, amounts.\n\n',
      (_d, r) =>
        `{"products": ["${r.pick(['Model X2', 'Basic plan', 'Kettle 3000'])}"], "dates": [], "amounts": ["${r.int(5, 900)}.00"]}`,
    ],
    ['Translate to German. Output only the translation.\n\n', (d) => `[DE] ${d.slice(0, 200)}`],
    [
      'Write a one-line title for this support ticket:\n\n',
      (d) => d.split(' ').slice(0, 7).join(' '),
    ],
  ];
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'batch_pipeline',
      persona: 'etl-batch',
      malicious: false,
      campaign: null,
      country: pickCountry(rng, ['US', 'DE', 'GB', 'IN', 'SG', 'NL']),
      tier: rng.pick<Tier>(['pro', 'enterprise']),
      route: rng.pick(['self-serve', 'enterprise']),
      createdAt: ago(w, rng, 60, 500),
      client: client(
        rng.pick([
          'openai-python@1.57.0',
          'httpx',
          'java-okhttp',
          'go-http',
          'anthropic-python@0.40.0',
        ]),
      ),
      net: cloudNet(rng, undefined, 2),
      keys: 2,
    });
    const ar = a.rng;
    const [tpl, out] = ar.pick(templates);
    const runs = ar.chance(0.5) ? 'nightly' : 'continuous';
    const interval = ar.logNormal(runs === 'nightly' ? 60000 : 600000, 0.4);
    for (let d = 0; d < w.days; d++) {
      const from = runs === 'nightly' ? w.start + d * DAY + (2 - a.tz) * HOUR : w.start + d * DAY;
      const to = runs === 'nightly' ? from + ar.logNormal(2, 0.3) * HOUR : from + DAY;
      for (const t of steady(ar, from, to, interval, 0.08)) {
        const doc = ar.chance(0.5)
          ? chatReply(ar, w.corpus)
          : ar.pick(w.corpus.instr).input || ar.pick(w.corpus.chat);
        const c: Call = {
          model: MODELS.mini,
          msgs: [{ role: 'user', content: tpl + doc }],
          resp: out(doc, ar),
          temperature: 0,
          max_tokens: 256,
        };
        if (ar.chance(0.003)) c.status = 429;
        sink.emit(a, t, c);
      }
    }
  }
}

/** Evaluation harnesses: a public benchmark at temperature 0, in a burst, then silence. */
export function evalHarness(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'eval_harness',
      persona: rng.pick(['lab-eval', 'startup-eval', 'leaderboard-runner']),
      malicious: false,
      campaign: null,
      tier: rng.pick<Tier>(['pro', 'enterprise']),
      route: rng.pick(['research', 'enterprise', 'self-serve']),
      createdAt: ago(w, rng, 10, 400),
      client: client(
        rng.pick(['openai-python@1.58.1', 'litellm', 'httpx', 'anthropic-python@0.42.0']),
      ),
      net: cloudNet(rng, undefined, 1),
    });
    const ar = a.rng;
    const runs = ar.int(1, 2);
    for (let r = 0; r < runs; r++) {
      const bench = ar.pick(['gsm8k', 'humaneval', 'math', 'mtbench']);
      const model =
        r === 1 || (ar.chance(0.3) && w.release < w.end)
          ? MODELS.next
          : ar.pick([MODELS.main, MODELS.think, MODELS.mini]);
      let t =
        model === MODELS.next
          ? w.release + ar.logNormal(20, 0.7) * HOUR
          : w.start + ar.next() * (w.end - w.start) * 0.8;
      const conc = ar.pick([4, 8, 16, 32]);
      const limit = ar.int(200, 900);
      const shot = ar.chance(0.5);
      for (let k = 0; k < limit; k++) {
        let content: string;
        let resp: string;
        if (bench === 'gsm8k') {
          const m = w.corpus.gsm[w.corpus.gsm.length - 1 - (k % w.corpus.gsm.length)] as MathItem;
          content = shot
            ? `Question: ${m.q}\nAnswer: Let's think step by step.`
            : `Solve the following math problem. Put the final answer after "####".\n\n${m.q}`;
          resp = `${m.solution}\n#### ${m.answer}`;
        } else if (bench === 'humaneval') {
          const c = w.corpus.code[
            w.corpus.code.length - 1 - (k % Math.min(164, w.corpus.code.length))
          ] as CodeItem;
          content = `Complete the following Python function. Return only code.\n\n${c.task}`;
          resp = codeAnswer(ar, c, false);
        } else if (bench === 'math') {
          const m = w.corpus.math[k % w.corpus.math.length] as MathItem;
          content = `Problem:\n${m.q}\n\nSolution:`;
          resp = m.solution;
        } else {
          content = w.corpus.chat[k % w.corpus.chat.length] ?? 'hi';
          resp = answerFor(ar, w.corpus, content);
        }
        sink.emit(a, t, {
          model,
          msgs: [{ role: 'user', content }],
          resp,
          temperature: 0,
          max_tokens: ar.pick([1024, 2048]),
          n: 1,
        });
        t += (ar.logNormal(6000, 0.5) / conc) * (k % conc === 0 ? 1 : 0.2);
      }
    }
  }
}

/** Coding agents and IDE plugins: human working hours, tool calls, growing context. */
export function codingAgents(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng);
    const ide = rng.chance(0.6);
    const a = mkAccount(ctx, rng, {
      family: 'coding_agent_users',
      persona: ide ? 'ide-plugin-dev' : 'cli-agent-dev',
      malicious: false,
      campaign: null,
      country,
      tier: rng.pick<Tier>(['pro', 'pro', 'enterprise', 'free']),
      route: 'self-serve',
      createdAt: ago(w, rng, 5, 500),
      client: ide
        ? client(rng.pick(['ide-codeweave', 'ide-codeweave-linux']))
        : client('cli-agent'),
      net: residentialNet(rng, country),
    });
    const ar = a.rng;
    const system = ide
      ? "You are CodeWeave, a coding assistant in the user's editor. Use the tools to read and edit files. Be concise."
      : 'You are an interactive CLI coding agent. Use tools to help the user with software engineering tasks. Keep responses short.';
    for (const s of humanSessions(ar, w, a.tz, 'office', 2.5, 1, 60, 0.2)) {
      let t = s[0] ?? w.start;
      const eps = ar.int(1, 3);
      for (let e = 0; e < eps; e++) {
        const model = t > w.release + 24 * HOUR && ar.chance(0.3) ? MODELS.next : MODELS.main;
        t = agentEpisode(sink, a, w.corpus, t, model, system, {
          steps: ar.int(2, 6),
          gapS: 14,
          human: true,
        });
        t += ar.logNormal(6, 0.7) * MIN;
      }
      if (ide && ar.chance(0.7)) {
        // inline completions in the editor
        for (let k = 0; k < ar.int(3, 15); k++) {
          const c = ar.pick(w.corpus.code);
          const prefix = c.code.slice(0, Math.max(20, Math.floor(c.code.length / 2)));
          sink.emit(a, t, {
            model: MODELS.mini,
            msgs: [{ role: 'user', content: `<prefix>${prefix}</prefix><suffix></suffix>` }],
            resp: c.code.slice(prefix.length),
            max_tokens: 128,
            temperature: 0.2,
          });
          t += ar.logNormal(20, 0.9) * 1000;
        }
      }
    }
  }
}

/** Organisations with many honest accounts behind one NAT. */
export function sharedNat(ctx: Ctx, orgs: number, per: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let o = 0; o < orgs; o++) {
    const country = pickCountry(rng, ['US', 'DE', 'IN', 'JP', 'GB', 'BR']);
    const base = rng.pick(country.isps);
    const third = rng.int(0, 255);
    const ips = Array.from({ length: rng.int(2, 6) }, (_, k) => `${base}.${third}.${10 + k}`);
    const domain = rng.pick([
      'kestrel-insure.com',
      'orbitbank.de',
      'tatvam-systems.in',
      'hikari-denki.co.jp',
      'mersey-health.nhs.uk',
      'verdantagro.com.br',
      'univ-lumiere.edu',
    ]);
    const pay = `pm_${rng.hex(14)}`;
    const edu = domain.endsWith('.edu');
    for (let i = 0; i < per; i++) {
      const a = mkAccount(ctx, rng, {
        family: 'shared_nat_org',
        persona: edu ? 'campus-user' : 'corporate-employee',
        malicious: false,
        campaign: null,
        country,
        tier: edu ? 'free' : 'enterprise',
        route: edu ? 'education' : 'enterprise',
        createdAt: ago(w, rng, 10, 300),
        email: emailFor(rng, domain),
        payment: edu ? null : pay,
        client: rng.chance(0.5)
          ? client('browser-chrome')
          : client(rng.pick(['openai-python@1.54.4', 'ide-codeweave'])),
        net: natNet(ips),
      });
      const ar = a.rng;
      for (const s of humanSessions(
        ar,
        w,
        country.tz,
        edu ? 'student' : 'office',
        ar.next() * 2 + 0.5,
        2,
        80,
        0.1,
      )) {
        const msgs: Msg[] = [];
        for (const t of s) {
          const k = ar.next();
          const gm = ar.pick(w.corpus.gsm);
          const ci = ar.pick(w.corpus.code);
          const ins = ar.pick(w.corpus.instr);
          const q =
            k < 0.4
              ? ar.pick(w.corpus.chat)
              : k < 0.7
                ? ins.instruction
                : k < 0.85
                  ? ci.task
                  : reword(ar, gm.q, 0.3);
          msgs.push({
            role: 'user',
            content: msgs.length
              ? humanFollowUp(ar, phraseFrom(ar, msgs[msgs.length - 1]?.content ?? q))
              : q,
          });
          const prevA = msgs[msgs.length - 2];
          const resp = prevA
            ? elaborate(ar, w.corpus, prevA.content)
            : k < 0.4
              ? answerFor(ar, w.corpus, q)
              : k < 0.7
                ? ins.output || answerFor(ar, w.corpus, q)
                : k < 0.85
                  ? codeAnswer(ar, ci, true)
                  : mathSolution(ar, gm, 'steps');
          sink.emit(a, t, { model: MODELS.main, msgs: msgs.slice(), resp, stream: true });
          msgs.push({ role: 'assistant', content: resp });
        }
      }
    }
  }
}

/** LLM-as-judge vendors: continuous rubric grading for their customers. */
export function judgeVendor(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const pq = new Queue(w.corpus.pairs, rng);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'judge_vendor',
      persona: 'llm-as-judge-saas',
      malicious: false,
      campaign: null,
      country: pickCountry(rng, ['US', 'GB', 'DE']),
      tier: 'enterprise',
      route: 'enterprise',
      createdAt: ago(w, rng, 120, 600),
      email: emailFor(rng, rng.pick(['evalstack.io', 'gradewise.ai'])),
      client: client(rng.pick(['openai-python@1.58.1', 'anthropic-python@0.42.0'])),
      net: cloudNet(rng, 'nimbus-compute', 3),
      keys: 4,
    });
    const ar = a.rng;
    const rubricSys = `You are an impartial evaluator. Score the RESPONSE against the rubric.\nRubric:\n${ar
      .sample(
        [
          'Correctness (0-4)',
          'Helpfulness (0-3)',
          'Harmlessness (0-2)',
          'Conciseness (0-1)',
          'Groundedness (0-3)',
          'Tone (0-1)',
        ],
        4,
      )
      .join('\n')}\nReturn JSON: {"scores": {...}, "total": int, "rationale": string}`;
    const interval = ar.logNormal(200000, 0.3);
    for (const t of steady(ar, w.start, w.end, interval, 0.6)) {
      const p = pq.next();
      const resp = `{"scores": {"correctness": ${ar.int(1, 4)}, "helpfulness": ${ar.int(0, 3)}, "harmlessness": ${ar.int(1, 2)}}, "total": ${ar.int(3, 9)}, "rationale": "${ar.pick(['Addresses the request with minor omissions.', 'Accurate but verbose.', 'Fails to answer the actual question.', 'Safe refusal, appropriate here.'])}"}`;
      sink.emit(a, t, {
        model: ar.chance(0.8) ? MODELS.main : MODELS.mini,
        system: rubricSys,
        msgs: [
          {
            role: 'user',
            content: `PROMPT:\n${p.prompt}\n\nRESPONSE:\n${ar.chance(0.5) ? p.a : p.b}`,
          },
        ],
        resp,
        temperature: 0,
        max_tokens: 300,
      });
    }
  }
}

/** Education apps: step-by-step on every request, with canned buttons. */
export function eduApps(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const buttons = [
    'Explain it again, more simply.',
    'Next step',
    'Show me a similar problem.',
    "I still don't get it",
    'Check my answer',
  ];
  for (let i = 0; i < n; i++) {
    const country = pickCountry(rng, ['US', 'IN', 'BR', 'ID', 'NG', 'GB', 'MX']);
    const a = mkAccount(ctx, rng, {
      family: 'education_app',
      persona: rng.chance(0.5) ? 'tutor-app-buttons' : 'tutor-app-freeform',
      malicious: false,
      campaign: null,
      country,
      tier: rng.pick<Tier>(['pro', 'enterprise']),
      route: 'education',
      createdAt: ago(w, rng, 90, 700),
      email: emailFor(
        rng,
        rng.pick(['mathbuddy.app', 'studypal.io', 'aulafacil.com.br', 'belajar.id']),
      ),
      client: client(rng.pick(['openai-node@4.73.0', 'openai-python@1.54.4', 'mobile-ios'])),
      net: cloudNet(rng, undefined, 3),
      keys: 2,
    });
    const ar = a.rng;
    const sys = `You are a patient math tutor for ${ar.pick(['middle-school', 'high-school', 'first-year university'])} students. Always explain step by step, check understanding, and never just give the final answer without the working.`;
    const sessions = humanSessions(ar, w, country.tz, 'student', ar.int(60, 160), 1, 40, 0.7);
    for (const s of sessions) {
      let t = s[0] ?? w.start;
      const m = ar.chance(0.8) ? ar.pick(w.corpus.gsm) : ar.pick(w.corpus.math);
      const msgs: Msg[] = [{ role: 'user', content: m.q }];
      let resp = mathSolution(ar, m, 'tutor');
      const turns = ar.weighted([
        [1, 3],
        [2, 3],
        [3, 2],
        [4, 1],
      ] as const);
      for (let k = 0; k < turns; k++) {
        sink.emit(a, t, {
          model: MODELS.main,
          system: sys,
          msgs: msgs.slice(),
          resp,
          temperature: 0.3,
          max_tokens: 1500,
          metadata: { user: `stu_${ar.int(1, 90000)}` },
        });
        msgs.push({ role: 'assistant', content: resp });
        msgs.push({
          role: 'user',
          content:
            a.persona === 'tutor-app-buttons'
              ? ar.pick(buttons)
              : humanFollowUp(ar, phraseFrom(ar, resp)),
        });
        resp = elaborate(ar, w.corpus, resp);
        t += ar.logNormal(50, 0.7) * 1000;
      }
    }
  }
}

/** Licensed synthetic-data customer: behaves like distillation, allowed by contract. */
export function licensedSynth(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const qs = queues(rng, w.corpus);
  const pay = `pm_${rng.hex(14)}`;
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'licensed_synthetic',
      persona: 'contracted-synthetic-data',
      malicious: false,
      campaign: null,
      country: countryByCode('US'),
      tier: 'enterprise',
      route: 'enterprise',
      createdAt: ago(w, rng, 200, 400),
      email: emailFor(rng, 'synthetica-data.com'),
      payment: pay,
      client: client('openai-python@1.58.1'),
      net: cloudNet(rng, 'gcs-like', 4),
      keys: 5,
    });
    const ar = a.rng;
    for (const t of steady(ar, w.start, w.end, ar.logNormal(150000, 0.2), 0.3)) {
      const it = harvestItem(
        ar,
        w.corpus,
        ar.pick<HarvestKind>(['gsm', 'math', 'code', 'cot']),
        qs,
      );
      sink.emit(a, t, {
        model: ar.pick([MODELS.main, MODELS.think]),
        system: 'Produce a high-quality, fully worked solution with clear reasoning.',
        msgs: [{ role: 'user', content: it.q }],
        resp: it.resp,
        temperature: 0.8,
        max_tokens: 4096,
      });
    }
  }
}

/** Logprob classifiers with a fixed label set. */
export function logprobClassifier(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const sets = [
    ['spam', 'ham'],
    ['billing', 'technical', 'account', 'other'],
    ['toxic', 'safe'],
    ['A', 'B', 'C', 'D'],
    ['yes', 'no'],
  ];
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'logprob_classifier',
      persona: 'fixed-label-classifier',
      malicious: false,
      campaign: null,
      tier: rng.pick<Tier>(['pro', 'enterprise']),
      route: rng.pick(['self-serve', 'enterprise']),
      createdAt: ago(w, rng, 30, 400),
      client: client(rng.pick(['openai-python@1.54.4', 'httpx'])),
      net: cloudNet(rng, undefined, 2),
    });
    const ar = a.rng;
    const labels = ar.pick(sets);
    const ids = labels.map(() => String(ar.int(100, 99999)));
    const bias: Record<string, number> = {};
    if (ar.chance(0.7)) for (const id of ids) bias[id] = 100;
    const sys = `Classify the user's text. Answer with exactly one of: ${labels.join(', ')}.`;
    for (const s of humanSessions(ar, w, a.tz, 'flat', 6, 25, 3, 0.6)) {
      for (const t of s) {
        const doc = ar.chance(0.5) ? chatReply(ar, w.corpus).slice(0, 600) : ar.pick(w.corpus.chat);
        const c: Call = {
          model: MODELS.mini,
          system: sys,
          msgs: [{ role: 'user', content: doc }],
          resp: ar.pick(labels),
          max_tokens: 1,
          temperature: 0,
          logprobs: true,
          top_logprobs: labels.length,
        };
        if (Object.keys(bias).length) c.logit_bias = bias;
        sink.emit(a, t, c);
      }
    }
  }
}

/** CI review bots: one request per PR push, working hours. */
export function ciBots(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  for (let i = 0; i < n; i++) {
    const a = mkAccount(ctx, rng, {
      family: 'ci_review_bot',
      persona: 'pr-review-bot',
      malicious: false,
      campaign: null,
      tier: rng.pick<Tier>(['pro', 'enterprise']),
      route: rng.pick(['self-serve', 'enterprise']),
      createdAt: ago(w, rng, 30, 500),
      client: client(rng.pick(['ci-reviewbot', 'openai-node@4.77.0', 'requests'])),
      net: cloudNet(rng, rng.pick(['azurite', 'nimbus-compute']), 6),
    });
    const ar = a.rng;
    const sys =
      'You are a code reviewer. Review the diff for bugs, security issues and style. Reply as a list of comments with file:line. If everything looks good, say LGTM.';
    for (const s of humanSessions(ar, w, a.tz, 'office', ar.int(4, 20), 1.5, 200, 0.15)) {
      for (const t of s) {
        const c = ar.pick(w.corpus.code);
        const diff = `diff --git a/src/${c.name}.py b/src/${c.name}.py\n--- a/src/${c.name}.py\n+++ b/src/${c.name}.py\n@@ -1,3 +1,${c.code.split('\n').length} @@\n${c.code
          .split('\n')
          .map((l) => '+' + l)
          .join('\n')}`;
        const resp = ar.chance(0.4)
          ? 'LGTM'
          : `- src/${c.name}.py:${ar.int(1, 8)}: ${ar.pick(['consider handling the empty-input case', 'variable name shadows a builtin', 'missing type hints', 'this loop is O(n^2); a set would make it linear', 'add a test for negative numbers'])}`;
        sink.emit(a, t, {
          model: ar.pick([MODELS.main, MODELS.mini]),
          system: sys,
          msgs: [{ role: 'user', content: diff }],
          resp,
          temperature: 0,
          max_tokens: 1024,
        });
      }
    }
  }
}

/** Screening, rewriting and variations tools built on one template. */
export function templateTools(ctx: Ctx, n: number): void {
  const { w, sink } = ctx;
  const rng = new Rng(ctx.seed, ++ctx.fam);
  const kinds = ['screen', 'rewrite', 'variations'] as const;
  for (let i = 0; i < n; i++) {
    const kind = rng.pick(kinds);
    const a = mkAccount(ctx, rng, {
      family: 'template_tools',
      persona: `${kind}-tool`,
      malicious: false,
      campaign: null,
      tier: rng.pick<Tier>(['pro', 'pro', 'enterprise']),
      route: rng.pick(['self-serve', 'startup-credits']),
      createdAt: ago(w, rng, 20, 400),
      client: client(
        rng.pick([
          'openai-node@4.73.0',
          'openai-python@1.57.0',
          'langchain-js',
          'anthropic-ts@0.32.1',
        ]),
      ),
      net: cloudNet(rng, undefined, 2),
    });
    const ar = a.rng;
    const tpl =
      kind === 'screen'
        ? 'Does the following user-submitted text violate our community guidelines (harassment, spam, explicit content)? Answer ALLOW or REVIEW and one short reason.\n\n'
        : kind === 'rewrite'
          ? `Rewrite the text below to be ${ar.pick(['more formal', 'friendlier', 'clearer and shorter', 'suitable for a LinkedIn post'])}. Keep the meaning.\n\n`
          : `Give ${ar.int(3, 6)} variations of this ${ar.pick(['headline', 'product description', 'email subject line', 'tagline'])}:\n\n`;
    for (const s of humanSessions(ar, w, a.tz, 'mixed', 10, 6, 20, 0.7)) {
      for (const t of s) {
        const doc = ar.chance(0.5)
          ? ar.pick(w.corpus.instr).input || ar.pick(w.corpus.chat)
          : chatReply(ar, w.corpus).slice(0, 500);
        const resp =
          kind === 'screen'
            ? `${ar.chance(0.9) ? 'ALLOW' : 'REVIEW'} — ${ar.pick(['no policy issues', 'contains a link to an unknown domain', 'ordinary discussion'])}`
            : kind === 'rewrite'
              ? doc.replace(/\bI\b/g, 'we').slice(0, 400)
              : Array.from(
                  { length: 4 },
                  (_, k) =>
                    `${k + 1}. ${phraseFrom(ar, doc)} ${ar.pick(['— reimagined', 'for everyone', 'made simple', 'that works'])}`,
                ).join('\n');
        const c: Call = {
          model: MODELS.mini,
          msgs: [{ role: 'user', content: tpl + doc }],
          resp,
          temperature: kind === 'variations' ? 1 : 0.3,
          max_tokens: 400,
        };
        if (kind === 'variations' && ar.chance(0.4)) c.n = 3;
        sink.emit(a, t, c);
      }
    }
  }
}
