// Distillation campaigns, written the way THREATS.md says a lab that knows detectors exist
// would run them. Each family is one campaign; its accounts share an operator but each
// family decides how much of that operator shows (IPs, clients, cards, timing).
import { createActor, type IpMode } from './actors.js';
import { codingTrajectory, CODING_TOOLS } from './agent.js';
import { DEV_STACKS, makeClient, type Client, type StackKind } from './clients.js';
import { everydayModel, history, humanGaps, lazy, replyFor } from './common.js';
import type { CodeItem, MathItem } from './corpus.js';
import type { Rng } from './rng.js';
import {
  clip,
  codeAnswer,
  composeReply,
  cotAnswer,
  LANGS,
  reword,
  workedMath,
  workedMathIn,
} from './text.js';
import {
  buildEvent,
  DAY,
  HOUR,
  MODELS,
  payment,
  personalEmail,
  toolId,
  type Actor,
  type Shape,
  type Spec,
  type World,
} from './world.js';

type Fam = (w: World, r: Rng) => void;

interface FleetOpts {
  kind: string;
  n: number;
  ip: (i: number, r: Rng) => IpMode;
  clients: (i: number, r: Rng) => Client[];
  country: (i: number, r: Rng) => string;
  email?: (i: number, r: Rng) => string;
  /** Accounts per shared card; 0 = a card each. */
  cardShare?: number;
  created: (i: number, r: Rng) => number;
  route?: (r: Rng) => string;
  tier?: (r: Rng) => string;
}

function fleet(w: World, r: Rng, o: FleetOpts): { fam: number; actors: Actor[] } {
  const fam = w.family(o.kind, true);
  const camp = w.campaign(o.kind);
  const cards: string[] = [];
  const actors: Actor[] = [];
  for (let i = 0; i < o.n; i++) {
    const ar = r.fork(`acct${i}`);
    let card: string;
    if (o.cardShare && o.cardShare > 0) {
      const ci = Math.floor(i / o.cardShare);
      cards[ci] ??= payment(r.fork(`card${ci}`));
      card = cards[ci]!;
    } else card = payment(ar);
    actors.push(
      createActor(w, ar, {
        persona: o.kind,
        campaign: camp,
        country: o.country(i, ar),
        email: o.email ? o.email(i, ar) : personalEmail(ar),
        createdAt: o.created(i, ar),
        ip: o.ip(i, ar),
        clients: o.clients(i, ar),
        payment: card,
        route: o.route
          ? o.route(ar)
          : ar.weighted([
              ['self-serve', 5],
              ['startup-credits', 3],
              ['education', 1],
              ['research', 1],
            ]),
        tier: o.tier ? o.tier(ar) : ar.pick(['tier-1', 'tier-2', 'tier-2', 'tier-3']),
      }),
    );
  }
  return { fam, actors };
}

/** A fleet-wide cursor over a shuffled pool: the cluster sweeps, each member sees a slice. */
function sweep<T>(r: Rng, pool: readonly T[]): () => T {
  const order = r.shuffle(pool.map((_, i) => i));
  let k = 0;
  return () => pool[order[k++ % order.length]!]!;
}

function emit(w: World, fam: number, a: Actor, ts: number, spec: () => Spec): void {
  w.add(ts, fam, (er) => buildEvent(a, ts, spec(), er));
}

const RESI_WEST = ['US', 'US', 'GB', 'DE', 'CA', 'AU', 'NL', 'FR'];

type Harvest = { q: string; answer: (r: Rng) => string; reasoning: number };

function harvestPool(w: World, r: Rng, mix: 'reasoning' | 'coding' | 'both'): () => Harvest {
  const c = w.corpus;
  const math = (m: MathItem, hard: boolean): Harvest => ({
    q: m.q,
    answer: (rr) => workedMath(m, rr, 'steps'),
    reasoning: hard ? 3000 : 900,
  });
  const items: Harvest[] = [];
  if (mix !== 'coding') {
    for (const m of c.gsmTrain.slice(0, 3000)) items.push(math(m, false));
    for (const m of c.comp) items.push(math(m, true));
    for (const x of c.cot.slice(0, 1500))
      items.push({ q: x.q, answer: (rr) => cotAnswer(x, rr, true), reasoning: 500 });
  }
  if (mix !== 'reasoning') {
    for (const x of [...c.mbpp, ...c.humaneval])
      items.push({ q: x.prompt, answer: (rr) => codeAnswer(x, rr, c, true), reasoning: 1200 });
    for (const p of c.codingPrompts)
      items.push({ q: p, answer: (rr) => composeReply(p, rr, c, 8), reasoning: 1500 });
  }
  return sweep(r, items);
}

const ago = (w: World, r: Rng, lo: number, hi: number): number => w.start - r.range(lo, hi) * DAY;

// ---------- 1. the big quiet hydra ----------
export const hydraQuiet: Fam = (w, r) => {
  const sdk = makeClient('py-openai', r.fork('sdk'));
  const batches = [ago(w, r, 50, 60), ago(w, r, 30, 35), ago(w, r, 12, 15)];
  const { fam, actors } = fleet(w, r, {
    kind: 'hydra-quiet',
    n: w.n(170, 3),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 30 }),
    clients: () => [sdk],
    country: (_i, ar) => ar.pick(RESI_WEST),
    cardShare: 8,
    created: (i, ar) => batches[i % 3]! + ar.range(0, 36) * HOUR,
  });
  const next = harvestPool(w, r, 'both');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'human', 30)) {
      const h = next();
      const sr = ar.fork(ts);
      const prefix = sr.pick(['', '', '', 'Q: ', 'Problem: ', 'Question:\n']);
      const model = sr.chance(0.6) ? MODELS.think : MODELS.flagship;
      emit(w, fam, a, ts, () => ({
        model,
        messages: [{ role: 'user', text: prefix + h.q }],
        answer: h.answer(sr),
        temperature: 0.6,
        max_tokens: 8192,
        ...(model === MODELS.think ? { reasoning: h.reasoning } : {}),
      }));
    }
  });
};

// ---------- 2. reworded hydra ----------
export const hydraReword: Fam = (w, r) => {
  const stacks: StackKind[] = ['py-openai', 'httpx', 'js-openai'];
  const { fam, actors } = fleet(w, r, {
    kind: 'hydra-reword',
    n: w.n(14, 2),
    ip: () => ({ kind: 'proxy', countries: ['IN', 'ID', 'PH', 'BR', 'MX'], stickyMin: 10 }),
    clients: (i, ar) => [makeClient(stacks[i % 3]!, ar)],
    country: (_i, ar) => ar.pick(['IN', 'ID', 'PH', 'BR', 'MX']),
    created: (_i, ar) => ago(w, ar, 5, 40),
  });
  const next = harvestPool(w, r, 'reasoning');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'app', 45)) {
      const h = next();
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => ({
        model: sr.chance(0.5) ? MODELS.think : MODELS.flagship,
        messages: [{ role: 'user', text: reword(h.q, sr) }],
        answer: h.answer(sr),
        temperature: sr.pick([0.5, 0.7, 0.8, 1]),
        max_tokens: sr.pick([4096, 6000, 8192]),
        reasoning: h.reasoning,
      }));
    }
  });
};

// ---------- 3. template-sharing hydra ----------
const TEMPLATES = [
  'Subject area: {topic}\nTask: Give a complete, well-organised answer to the question below. Cover the general principle first, then apply it.\n\nQuestion: {q}',
  '### Input\n{q}\n\n### Instructions\nRespond as a subject-matter expert in {topic}. Include the intermediate results you rely on.',
  '[{topic}] {q}\n\nFormat: short overview, then the full working, then a one-line conclusion.',
];
export const hydraTemplate: Fam = (w, r) => {
  const go = makeClient('go', r.fork('go'));
  const { fam, actors } = fleet(w, r, {
    kind: 'hydra-template',
    n: w.n(12, 2),
    ip: (_i, ar) => ({ kind: 'cloud', provider: ar.pick(['digitalocean', 'ovh']), pool: 1 }),
    clients: () => [go],
    country: () => 'SG',
    email: (i, ar) =>
      `${ar.pick(['ops', 'team', 'dev', 'hello', 'acct'])}${i + ar.int(10, 90)}@${'brightline-data.net'}`,
    cardShare: 6,
    created: (_i, ar) => ago(w, ar, 20, 22),
  });
  const next = harvestPool(w, r, 'both');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, 8, 'flat', 50)) {
      const h = next();
      const sr = ar.fork(ts);
      const topic = sr.pick([
        'algebra',
        'probability',
        'software engineering',
        'algorithms',
        'physics',
        'general reasoning',
        'Python programming',
      ]);
      emit(w, fam, a, ts, () => ({
        model: MODELS.flagship,
        messages: [
          { role: 'user', text: sr.pick(TEMPLATES).replace('{topic}', topic).replace('{q}', h.q) },
        ],
        answer: h.answer(sr),
        temperature: 0.7,
        max_tokens: 4096,
      }));
    }
  });
};

// ---------- 4. agentic tool-use distillation ----------
export const agenticDistill: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'agentic-distill',
    n: w.n(8, 2),
    ip: () => ({ kind: 'cloud', provider: 'aws', pool: 6 }),
    clients: (_i, ar) => [makeClient('py-anthropic', ar)],
    country: () => 'US',
    created: (_i, ar) => ago(w, ar, 8, 30),
    tier: () => 'tier-3',
  });
  const tasks = sweep<{ text: string; item?: CodeItem }>(r, [
    ...w.corpus.codingPrompts.map((text) => ({ text })),
    ...w.corpus.mbpp.map((x) => ({ text: x.prompt, item: x })),
    ...w.corpus.humaneval.map((x) => ({
      text: `Implement this function and make sure the doctests pass:\n\n${x.prompt}`,
      item: x,
    })),
  ]);
  const sys =
    'You are an autonomous software engineering agent operating in a sandboxed repository. Use the tools to inspect, modify and test code until the task is complete. Think carefully before each action and explain your plan briefly before calling a tool.';
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    const client = a.clients[0]!;
    for (const ts of w.times(ar, 0, 'flat', 14)) {
      const task = tasks();
      const n = ar.int(4, 8);
      const seed = ar.u32();
      const steps = lazy(() =>
        codingTrajectory(
          ar.fork(`t${seed}`),
          w.corpus,
          clip(task.text, 3000),
          n,
          () => toolId(ar, client.api),
          false,
          task.item,
        ),
      );
      let t = ts;
      const model = ts > w.releaseTs && ar.chance(0.5) ? MODELS.next : MODELS.think;
      for (let k = 0; k < n; k++) {
        emit(w, fam, a, t, () => {
          const st = steps()[k]!;
          const s: Spec = {
            model,
            system: sys,
            messages: st.messages,
            answer: st.answer,
            tools: CODING_TOOLS,
            max_tokens: 16000,
            reasoning: 1800,
            stream: false,
          };
          if (st.toolCall) s.toolCall = st.toolCall;
          return s;
        });
        t += ar.logNormal(4000, 0.4);
      }
    }
  });
};

// ---------- 5. multi-turn "why is that?" harvesting ----------
const WHY = [
  'Why is that?',
  'How did you get from the second line to the third?',
  'What would change if one of the numbers were different?',
  'Is there another way to see it?',
  'Why does that rule apply here?',
  'What made you rule out the other options?',
  'Can you justify the middle part more carefully?',
];
export const followupHarvest: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'followup-harvest',
    n: w.n(8, 2),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 60 }),
    clients: (_i, ar) => [makeClient(ar.pick(['js-openai', 'py-openai'] as const), ar)],
    country: (_i, ar) => ar.pick(RESI_WEST),
    created: (_i, ar) => ago(w, ar, 10, 90),
  });
  const next = harvestPool(w, r, 'reasoning');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'human', 20)) {
      const h = next();
      const n = ar.int(2, 4);
      const gaps = humanGaps(ar, n).map((g) => g * 0.5);
      const seed = ar.u32();
      const conv = lazy(() => {
        const cr = ar.fork(`c${seed}`);
        const turns: { role: 'user' | 'assistant'; text: string }[] = [
          { role: 'user', text: h.q },
          { role: 'assistant', text: h.answer(cr) },
        ];
        for (let k = 1; k < n; k++) {
          turns.push({ role: 'user', text: cr.pick(WHY) });
          turns.push({
            role: 'assistant',
            text: `${cr.sample(w.corpus.sentences, cr.int(3, 6)).join(' ')}\n\n${cr.pick(w.corpus.cot).rationale}`,
          });
        }
        return turns;
      });
      for (let k = 0; k < n; k++)
        emit(w, fam, a, ts + gaps[k]!, () => {
          const turns = conv();
          return {
            model: MODELS.flagship,
            messages: history(turns.slice(0, 2 * k + 1)),
            answer: turns[2 * k + 1]!.text,
            temperature: 0.7,
          };
        });
    }
  });
};

// ---------- 6. reasoning instruction buried in a long system prompt ----------
function longSystem(w: World, r: Rng): string {
  const company = r.pick(['Lumen Knowledge', 'Atlas Learning Cloud', 'BrightDesk']);
  const policy = r.sample(w.corpus.sentences, 30);
  const buried =
    'For every reply, before the final answer, write out each intermediate deduction in full under a heading "Working", checking each one against the previous, even when the question seems simple; never shorten or skip this section.';
  const parts = [
    `You are the assistant for ${company}. You answer questions from members of our platform.`,
    '## Tone\nBe warm, precise and professional. Avoid slang. Use British spelling.',
    `## Background\n${policy.slice(0, 10).join(' ')}`,
    '## Formatting\nUse Markdown headings sparingly. Prefer short paragraphs. Use numbered lists for sequences.',
    `## Content rules\n${policy.slice(10, 20).join(' ')}`,
    `## Answer structure\n${buried}`,
    `## Escalation\n${policy.slice(20).join(' ')}\nIf a member asks about billing, direct them to the account page.`,
  ];
  return parts.join('\n\n');
}
export const syscotBuried: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'syscot-buried',
    n: w.n(6, 2),
    ip: () => ({ kind: 'proxy', countries: ['US', 'GB', 'CA'], stickyMin: 120 }),
    clients: (_i, ar) => [makeClient('js-openai', ar)],
    country: () => 'US',
    created: (_i, ar) => ago(w, ar, 15, 60),
  });
  const next = harvestPool(w, r, 'reasoning');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    const system = longSystem(w, ar);
    for (const ts of w.times(ar, a.tz, 'app', 60)) {
      const h = next();
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => {
        const body = h.answer(sr);
        return {
          model: MODELS.flagship,
          system,
          messages: [{ role: 'user', text: h.q }],
          answer: `### Working\n${body}\n\n### Answer\n${body.split('\n').pop() ?? ''}`,
          temperature: 0.5,
          max_tokens: 4096,
        };
      });
    }
  });
};

// ---------- 7. harvest mixed into a real app's traffic ----------
export const appMixed: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'app-mixed-harvest',
    n: w.n(3, 1),
    ip: () => ({ kind: 'cloud', provider: 'gcp', pool: 4 }),
    clients: (_i, ar) => [makeClient('vercel-ai', ar)],
    country: () => 'US',
    email: (i) => `${['eng', 'billing', 'api'][i % 3]}@quillnote.app`,
    cardShare: 3,
    created: (_i, ar) => ago(w, ar, 120, 200),
    tier: () => 'tier-4',
    route: () => 'startup-credits',
  });
  const system =
    'You are Quill, a writing and study assistant inside the QuillNote app. Help the user with whatever they are working on. Keep answers focused.';
  const next = harvestPool(w, r, 'both');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, -5, 'app', 480)) {
      const sr = ar.fork(ts);
      if (sr.chance(0.15)) {
        const h = next();
        emit(w, fam, a, ts, () => ({
          model: MODELS.think,
          system,
          messages: [{ role: 'user', text: h.q }],
          answer: h.answer(sr),
          max_tokens: 8192,
          reasoning: h.reasoning,
        }));
      } else {
        const d = sr.pick(w.corpus.dialogs);
        const k = sr.chance(0.7) ? 0 : Math.min(d.length - 1, 2) & ~1;
        emit(w, fam, a, ts, () => ({
          model: everydayModel(w, sr, ts, 0.05),
          system,
          messages: history(d.slice(0, k + 1)),
          answer: replyFor(w, sr, d, k),
          max_tokens: 2048,
        }));
      }
    }
  });
};

// ---------- 8. preference labelling without grader vocabulary ----------
const PREF_WHY = [
  'It actually answers what was asked and gives something concrete to do, while the other drifts.',
  'It is kinder in tone and does not assume bad intent; the other one sounds dismissive.',
  'It is more accurate. The other reply states a couple of things that are simply wrong.',
  'It is shorter and gets to the point without padding.',
  'It asks a sensible clarifying question instead of guessing.',
  'It avoids giving risky advice and suggests a safer alternative.',
  'The other one repeats itself and never really helps.',
];

export const preferencePlain: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'preference-plain',
    n: w.n(8, 2),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 20 }),
    clients: (_i, ar) => [makeClient(ar.pick(['py-openai', 'requests'] as const), ar)],
    country: (_i, ar) => ar.pick(RESI_WEST),
    created: (_i, ar) => ago(w, ar, 20, 70),
  });
  const pairs = sweep(r, w.corpus.prefPairs);
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'human', 70)) {
      const p = pairs();
      const sr = ar.fork(ts);
      const swap = sr.chance(0.5);
      const [one, two] = swap ? [p.b, p.a] : [p.a, p.b];
      const better = swap ? 2 : 1;
      const rewrite = sr.chance(0.2);
      const text = rewrite
        ? `${p.context}\n\nHere's how someone answered:\n${clip(p.b, 1500)}\n\nCould you write the answer you'd give instead, keeping it kind and useful?`
        : `${p.context}\n\nTwo people replied to this.\n\n(1) ${clip(one, 1500)}\n\n(2) ${clip(two, 1500)}\n\nWhich reply would you rather get? Start with 1 or 2, then a sentence or two on what tipped it.`;
      emit(w, fam, a, ts, () => ({
        model: MODELS.flagship,
        messages: [{ role: 'user', text }],
        answer: rewrite ? p.a : `${better}. ${sr.pick(PREF_WHY)}`,
        temperature: 0,
        max_tokens: rewrite ? 1024 : 200,
      }));
    }
  });
};

// ---------- 9. logit extraction through logit_bias alone ----------
const TOKENS_OUT = [
  ' the',
  ' a',
  ' of',
  ' and',
  ' in',
  'The',
  ' to',
  ' is',
  ' it',
  ' on',
  ' at',
  ' be',
];
function pseudoToken(id: number): string {
  const syl = ['an', 'ter', 'ol', 'ing', 'ex', 'ra', 'st', 'ion', 'ul', 'em', 'or', 'ic'];
  return `${id % 3 === 0 ? ' ' : ''}${syl[id % 12]}${syl[Math.floor(id / 12) % 12]}`;
}

export const logitBias: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'logit-bias-sweep',
    n: w.n(4, 1),
    ip: () => ({ kind: 'cloud', provider: 'hetzner', pool: 2 }),
    clients: (_i, ar) => [makeClient('httpx', ar, 'openai')],
    country: () => 'DE',
    created: (_i, ar) => ago(w, ar, 3, 25),
  });
  const prefixes = [
    'The weather today is',
    'Once upon a time',
    'My favourite food is',
    'In 1969, the first',
    'The capital of',
    'She opened the door and',
  ];
  let tokenCursor = r.int(1000, 5000);
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, 0, 'flat', 16)) {
      // One burst: binary search of the bias that makes each of a few target tokens win.
      const prefix = ar.pick(prefixes);
      const targets = Array.from({ length: ar.int(2, 4) }, () => tokenCursor++);
      let t = ts;
      for (const tok of targets) {
        let lo = 0;
        let hi = 100;
        for (let step = 0; step < ar.int(6, 8); step++) {
          const b = Math.round(((lo + hi) / 2) * 100) / 100;
          const wins = ar.chance(0.5);
          if (wins) hi = b;
          else lo = b;
          const at = t;
          emit(w, fam, a, at, () => ({
            model: MODELS.flagship,
            messages: [{ role: 'user', text: prefix }],
            answer: wins ? pseudoToken(tok) : r.fork(at).pick(TOKENS_OUT),
            temperature: 0,
            max_tokens: 1,
            logit_bias: { [String(tok)]: b },
            stream: false,
          }));
          t += ar.logNormal(700, 0.3);
        }
      }
    }
  });
};

// ---------- 10. worked solutions asked in languages a word list misses ----------
export const lowresLang: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'lowres-lang-cot',
    n: w.n(10, 2),
    ip: (i) => ({ kind: 'proxy', countries: [LANGS[i % LANGS.length]!.country], stickyMin: 45 }),
    clients: (_i, ar) => [makeClient(ar.weighted(DEV_STACKS), ar)],
    country: (i) => LANGS[i % LANGS.length]!.country,
    created: (_i, ar) => ago(w, ar, 7, 50),
  });
  const next = sweep(r, [...w.corpus.gsmTrain.slice(3000, 6000), ...w.corpus.comp]);
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    const lang = LANGS[i % LANGS.length]!;
    for (const ts of w.times(ar, a.tz, 'human', 50)) {
      const m = next();
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => ({
        model: sr.chance(0.5) ? MODELS.think : MODELS.flagship,
        messages: [
          {
            role: 'user',
            text: sr.chance(0.5)
              ? `${sr.pick(lang.asks)}\n\n${m.q}`
              : `${m.q}\n\n${sr.pick(lang.asks)}`,
          },
        ],
        answer: workedMathIn(lang, m),
        temperature: 0.7,
        max_tokens: 4096,
        reasoning: 1200,
      }));
    }
  });
};

// ---------- 11. dormant accounts waking together ----------
export const dormantWake: Fam = (w, r) => {
  const sdk = makeClient('py-openai', r.fork('sdk'));
  const { fam, actors } = fleet(w, r, {
    kind: 'dormant-wake',
    n: w.n(12, 2),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 90 }),
    clients: () => [sdk],
    country: (_i, ar) => ar.pick(RESI_WEST),
    created: (_i, ar) => ago(w, ar, 180, 420),
    tier: () => 'tier-1',
  });
  const wake = w.start + Math.min(w.days - 1, 3) * DAY + r.range(1, 20) * HOUR;
  const next = harvestPool(w, r, 'both');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    const from = wake + ar.range(0, 2) * HOUR;
    for (const ts of w.times(ar, a.tz, 'flat', 70, from)) {
      const h = next();
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => ({
        model: MODELS.flagship,
        messages: [{ role: 'user', text: h.q }],
        answer: h.answer(sr),
        max_tokens: 4096,
        temperature: 0.8,
      }));
    }
  });
};

// ---------- 12. pivot to a newly released model ----------
export const modelPivot: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'model-pivot',
    n: w.n(10, 2),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 30 }),
    clients: (_i, ar) => [makeClient(ar.pick(['py-openai', 'js-openai'] as const), ar)],
    country: (_i, ar) => ar.pick(RESI_WEST),
    created: (_i, ar) => ago(w, ar, 20, 100),
  });
  const next = harvestPool(w, r, 'both');
  const pivot = w.releaseTs + r.range(2, 10) * HOUR;
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'human', 55)) {
      const h = next();
      const sr = ar.fork(ts);
      const model =
        ts > pivot && sr.chance(0.6)
          ? MODELS.next
          : sr.chance(0.5)
            ? MODELS.think
            : MODELS.flagship;
      emit(w, fam, a, ts, () => ({
        model,
        messages: [{ role: 'user', text: h.q }],
        answer: h.answer(sr),
        max_tokens: 8192,
        reasoning: h.reasoning,
      }));
    }
  });
};

// ---------- 13. padded prompts ----------
export const paddedPrompts: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'padded-prompts',
    n: w.n(6, 2),
    ip: () => ({ kind: 'proxy', countries: RESI_WEST, stickyMin: 30 }),
    clients: (_i, ar) => [makeClient('py-openai', ar)],
    country: (_i, ar) => ar.pick(RESI_WEST),
    created: (_i, ar) => ago(w, ar, 10, 60),
  });
  const next = harvestPool(w, r, 'both');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'human', 55)) {
      const h = next();
      const sr = ar.fork(ts);
      emit(w, fam, a, ts, () => {
        const ctx = sr
          .sample(w.corpus.docs, sr.int(3, 7))
          .map((d) => clip(d, 2500))
          .join('\n\n---\n\n');
        return {
          model: MODELS.flagship,
          messages: [
            { role: 'user', text: `Background notes (for reference):\n\n${ctx}\n\n---\n\n${h.q}` },
          ],
          answer: h.answer(sr),
          max_tokens: 4096,
          temperature: 0.7,
        };
      });
    }
  });
};

// ---------- 14. own design: cover traffic around a narrow harvest ----------
export const coverMix: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'cover-mix',
    n: w.n(10, 2),
    ip: () => ({ kind: 'proxy', countries: ['US'], stickyMin: 720 }),
    clients: (_i, ar) => [makeClient(ar.weighted(DEV_STACKS), ar)],
    country: () => 'US',
    created: (_i, ar) => ago(w, ar, 30, 300),
  });
  const next = harvestPool(w, r, 'coding');
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, a.tz, 'work', 40)) {
      const sr = ar.fork(ts);
      if (sr.chance(0.3)) {
        const h = next();
        emit(w, fam, a, ts, () => ({
          model: everydayModel(w, sr, ts, 0.3),
          messages: [{ role: 'user', text: h.q }],
          answer: h.answer(sr),
          max_tokens: 4096,
          reasoning: 900,
        }));
      } else {
        const d = sr.pick(w.corpus.dialogs);
        emit(w, fam, a, ts, () => ({
          model: everydayModel(w, sr, ts),
          messages: history(d.slice(0, 1)),
          answer: replyFor(w, sr, d, 0),
          temperature: 0.7,
        }));
      }
    }
  });
};

// ---------- 15. own design: broad low-volume swarm, synchronized shifts ----------
export const swarmBroad: Fam = (w, r) => {
  const stacks: StackKind[] = [
    'py-openai',
    'js-openai',
    'py-anthropic',
    'js-anthropic',
    'requests',
    'httpx',
    'curl',
    'go',
    'vercel-ai',
    'java',
    'rust',
    'langchain',
  ];
  const countries = [
    'US',
    'GB',
    'DE',
    'FR',
    'IN',
    'BR',
    'CA',
    'AU',
    'JP',
    'KR',
    'NL',
    'ES',
    'PL',
    'MX',
  ];
  const { fam, actors } = fleet(w, r, {
    kind: 'swarm-broad',
    n: w.n(24, 3),
    ip: (i) => ({ kind: 'proxy', countries: [countries[i % countries.length]!], stickyMin: 240 }),
    clients: (i, ar) => [makeClient(stacks[i % stacks.length]!, ar)],
    country: (i) => countries[i % countries.length]!,
    created: (_i, ar) => ago(w, ar, 15, 200),
  });
  const c = w.corpus;
  const pool: { q: string; a: (rr: Rng) => string }[] = [
    ...c.seedTasks.map((t) => ({
      q: t.input ? `${t.instruction}\n${t.input}` : t.instruction,
      a: (rr: Rng) => t.output || composeReply(t.instruction, rr, c, 5),
    })),
    ...c.userTasks.map((t) => ({
      q: t.input ? `${t.instruction}\n\n${t.input}` : t.instruction,
      a: (rr: Rng) => t.output || composeReply(t.instruction, rr, c, 5),
    })),
    ...c.hardPrompts.map((p) => ({ q: p, a: (rr: Rng) => composeReply(p, rr, c, 9) })),
    ...c.mtbench.map((t) => ({ q: t[0]!, a: (rr: Rng) => composeReply(t[0]!, rr, c, 8) })),
    ...c.comp.map((m) => ({ q: m.q, a: (rr: Rng) => workedMath(m, rr, 'prose') })),
    ...c.mbpp.map((x) => ({ q: x.prompt, a: (rr: Rng) => codeAnswer(x, rr, c, false) })),
  ];
  const next = sweep(r, pool);
  // The operator runs shifts: every account works the same UTC windows.
  const windows = [1, 7, 13, 19].map((h) => h + r.range(0, 1));
  const openers = ['hey, ', 'so ', '', '', 'quick q: ', 'hi! ', 'ok so ', ''];
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (let d = 0; d < w.days; d++) {
      for (const h of windows) {
        if (!ar.chance(0.6)) continue;
        const n = ar.int(1, 3);
        for (let k = 0; k < n; k++) {
          const ts = w.start + d * DAY + (h + ar.range(0, 2.5)) * HOUR;
          const item = next();
          const sr = ar.fork(ts);
          emit(w, fam, a, ts, () => ({
            model: everydayModel(w, sr, ts, 0.2),
            messages: [{ role: 'user', text: sr.pick(openers) + item.q }],
            answer: item.a(sr),
            temperature: sr.pick([0.7, 1]),
          }));
        }
      }
    }
  });
};

// ---------- 16. self-instruct bootstrap ----------
export const selfInstruct: Fam = (w, r) => {
  const { fam, actors } = fleet(w, r, {
    kind: 'selfinstruct-bootstrap',
    n: w.n(5, 1),
    ip: () => ({ kind: 'cloud', provider: 'alibaba', pool: 3 }),
    clients: (_i, ar) => [makeClient('py-openai', ar)],
    country: () => 'SG',
    created: (_i, ar) => ago(w, ar, 2, 9),
    route: () => 'startup-credits',
    cardShare: 5,
  });
  const c = w.corpus;
  actors.forEach((a, i) => {
    const ar = r.fork(`p${i}`);
    for (const ts of w.times(ar, 8, 'flat', 80)) {
      const sr = ar.fork(ts);
      if (sr.chance(0.4)) {
        const seeds = sr.sample(c.seedTasks, 3).map((t, j) => `${j + 1}. ${t.instruction}`);
        emit(w, fam, a, ts, () => ({
          model: MODELS.flagship,
          messages: [
            { role: 'user', text: `${c.alpaca}\n\nList of 20 tasks:\n${seeds.join('\n')}\n4.` },
          ],
          answer: sr
            .sample(c.seedTasks, 17)
            .map((t, j) => `${j + 4}. ${t.instruction}`)
            .join('\n'),
          temperature: 1,
          top_p: 1,
          max_tokens: 3072,
        }));
      } else {
        const t = sr.pick(c.seedTasks);
        emit(w, fam, a, ts, () => ({
          model: MODELS.flagship,
          messages: [
            {
              role: 'user',
              text: t.input ? `${t.instruction}\n\nInput: ${t.input}` : t.instruction,
            },
          ],
          answer: t.output || composeReply(t.instruction, sr, c, 4),
          temperature: 0.7,
          max_tokens: 2048,
        }));
      }
    }
  });
};

export const CAMPAIGNS: Fam[] = [
  hydraQuiet,
  hydraReword,
  hydraTemplate,
  agenticDistill,
  followupHarvest,
  syscotBuried,
  appMixed,
  preferencePlain,
  logitBias,
  lowresLang,
  dormantWake,
  modelPivot,
  paddedPrompts,
  coverMix,
  swarmBroad,
  selfInstruct,
];

export type { Shape };
