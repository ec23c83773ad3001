// Distillation campaigns, each run the way a lab that has read a detector's
// code would run it: reworded requests, quiet accounts, realistic clients,
// diurnal schedules in the claimed country, harvesting hidden in system
// prompts, follow-ups, tool use, padding and real application traffic.
import { playTrajectory, trajectory } from './agent.js';
import type { Call, Event, Msg, Params } from './api.js';
import type { CodeItem, MathItem } from './corpus.js';
import { APP_PROMPTS, endUserApp } from './honest.js';
import type { Rng } from './rng.js';
import { Actor, before, type Campaign, Env } from './sim.js';
import {
  codeAnswer,
  firstLine,
  foreignWorked,
  keywords,
  LANGS,
  type Lang,
  mathFollow,
  prose,
  tidy,
  workedSolution,
} from './text.js';
import {
  cloudEgress,
  commonClientKind,
  COUNTRIES,
  country,
  type Country,
  DAY,
  type Egress,
  homeEgress,
  HOUR,
  M,
  makeClient,
  MIN,
  mobileEgress,
  payment,
  personalEmail,
  resProxyEgress,
  type Rhythm,
  sampleTimes,
  workEmail,
} from './world.js';

const mal = (persona: string, campaign: Campaign) => ({
  malicious: true,
  persona,
  campaign: campaign.id,
});

/** Every account takes its own stride through the campaign's shuffled work list. */
function stride<T>(items: T[], i: number, n: number): () => T {
  let k = i % Math.max(1, items.length);
  return () => {
    const v = items[k % items.length] as T;
    k += n;
    if (k >= items.length) k = (k % n) + ((Math.floor(k / items.length) * 7) % n);
    return v;
  };
}

const RICH = [
  'US',
  'US-W',
  'GB',
  'DE',
  'CA',
  'FR',
  'NL',
  'JP',
  'KR',
  'AU',
  'SG',
  'BR',
  'IN',
  'PL',
  'ES',
].map(country);

interface Sock {
  country: Country;
  egress: Egress;
  signupIp: string;
}

/** A sock-puppet's network: residential proxy exits in its claimed country, or a mobile line. */
function sock(rng: Rng, pool: Country[], proxyShare = 0.8): Sock {
  const c = rng.pick(pool);
  const egress = rng.chance(proxyShare)
    ? resProxyEgress(rng, [c], rng.float(10, 60) * MIN)
    : rng.chance(0.5)
      ? mobileEgress(rng, c)
      : homeEgress(rng, c);
  return { country: c, egress, signupIp: egress.first() };
}

function sockEmail(rng: Rng, c: Country, catchAll: string | null): string {
  if (catchAll && rng.chance(0.3)) return workEmail(rng, catchAll);
  return personalEmail(rng, c);
}

function tierFor(rng: Rng): string {
  return rng.weighted([
    ['free', 25],
    ['tier1', 45],
    ['tier2', 25],
    ['tier3', 5],
  ] as const);
}

function sockRoute(rng: Rng): string {
  return rng.weighted([
    ['self-serve', 60],
    ['education', 15],
    ['startup-credits', 15],
    ['research', 10],
  ] as const);
}

/** Per-account request parameters drawn from what ordinary SDK users send. */
function blendParams(rng: Rng): Params {
  const p: Params = {};
  const t = rng.pick([undefined, 0.7, 1, 0.5, 0.3, 0]);
  if (t !== undefined) p.temperature = t;
  p.max_tokens = rng.pick([2048, 3000, 4000, 4096, 6000, 8192]);
  if (rng.chance(0.4)) p.stream = true;
  return p;
}

// ---------------------------------------------------------------- wording (no shared phrasing, no trigger words)

const PRE = [
  '',
  '',
  'Hi!',
  'Quick one.',
  'Homework help pls.',
  'Another from my problem set:',
  'Practice question —',
  'Prepping for an exam.',
  'Need a hand with this.',
  'I keep getting a different number than the book.',
  'My study group argued about this one:',
  'From a tutoring session today:',
  'ok so',
  'Hello, hoping you can help.',
  'Saw this in a puzzle book.',
  'This came up at work, weirdly:',
];
const ASK = [
  'Could you go through it so I can follow each part?',
  'Show the full working please, not only the result.',
  'Lay out every intermediate value you get along the way.',
  'Write it out like a model solution a teacher would hand back.',
  'Walk me through it.',
  'Break it down so I can see where each number comes from.',
  "I'd like the complete derivation.",
  'Take it one line at a time.',
  'How do you get there?',
  'Please justify each move.',
  'Can you solve this and show how?',
  "what's the method here, in full?",
  'Do it the long way so I can check mine.',
  "Go slowly and don't skip anything.",
  "Narrate what you'd do first, second, and so on.",
  'Show me the path to the answer, with checks.',
  'I learn best from a fully written-out solution.',
  'Include every calculation.',
];
const POST = [
  '',
  '',
  'Thanks!',
  'thx',
  'Final number at the end please.',
  'Bold the final answer.',
  'Much appreciated.',
  '🙏',
  'Cheers.',
  'No rush.',
];

export function rewordMath(rng: Rng, q: string): string {
  const pre = rng.pick(PRE);
  const ask = rng.pick(ASK);
  const post = rng.pick(POST);
  const layout = rng.int(0, 4);
  const s =
    layout === 0
      ? `${pre} ${q}\n\n${ask} ${post}`
      : layout === 1
        ? `${ask}\n\n${q}\n\n${post}`
        : layout === 2
          ? `Problem: ${q}\n${ask}`
          : layout === 3
            ? `${q} — ${ask.toLowerCase()} ${post}`
            : `${pre}\n"${q}"\n${ask}`;
  return tidy(rng, s.trim());
}

const CODE_ASK = [
  'I need a Python function for this.',
  'How would you implement this?',
  'Write this and describe how it works.',
  'Give me a solution plus a short walkthrough of the logic.',
  'Could you code this up and talk me through the approach?',
  "Implement it, then say why it's correct.",
  "What's a clean way to write this? Explain the idea too.",
  'solution + reasoning about edge cases pls',
];
export function rewordCode(rng: Rng, it: CodeItem): string {
  const body = it.src === 'humaneval' ? `\`\`\`python\n${it.prompt}\`\`\`` : it.prompt;
  return tidy(
    rng,
    rng.chance(0.5) ? `${rng.pick(CODE_ASK)}\n\n${body}` : `${body}\n\n${rng.pick(CODE_ASK)}`,
  );
}

const GEN_ASK = [
  'Before answering, lay out the considerations an expert would weigh.',
  "Cover the trade-offs you'd consider on the way to a recommendation.",
  "I'd like to see how you'd approach this, not just the conclusion.",
  "Tell me what you'd check first and why, then answer.",
  'Please be thorough — the path matters to me as much as the answer.',
];

export interface HarvestItem {
  prompt: string;
  answer: string;
  kind: 'math' | 'code' | 'general';
  reasoning: number;
  math?: MathItem;
}

/** Account i's own disjoint share of a campaign's items (coverage sweep). */
interface Pools {
  math: MathItem[];
  code: CodeItem[];
  gen: Env['c']['chat'];
}
const POOLS = new WeakMap<Rng, Pools>();

function itemSource(
  env: Env,
  campRng: Rng,
  rng: Rng,
  i: number,
  n: number,
  weights: { math: number; code: number; general: number },
): () => HarvestItem {
  const c = env.c;
  let pools = POOLS.get(campRng);
  if (!pools) {
    // one shuffled work list per campaign; each account strides through its own share
    pools = {
      math: campRng.fork('m').shuffle([...c.math]),
      code: campRng.fork('c').shuffle([...c.code]),
      gen: campRng.fork('g').shuffle(c.chat.filter((x) => x.kind !== 'writing')),
    };
    POOLS.set(campRng, pools);
  }
  const math = stride(pools.math, i, n);
  const code = stride(pools.code, i, n);
  const gen = stride(pools.gen, i, n);
  return () => {
    const k = rng.weighted([
      ['math', weights.math],
      ['code', weights.code],
      ['general', weights.general],
    ] as const);
    if (k === 'math') {
      const m = math();
      return {
        prompt: m.q,
        answer: workedSolution(rng, m, rng.pick(['tutor', 'headed', 'plain'] as const)),
        kind: 'math',
        reasoning: Math.round(rng.logNormal(2800, 0.6)),
        math: m,
      };
    }
    if (k === 'code') {
      const it = code();
      return {
        prompt: rewordCode(rng, it),
        answer: codeAnswer(rng, it, 'review'),
        kind: 'code',
        reasoning: Math.round(rng.logNormal(2000, 0.6)),
      };
    }
    const g = gen();
    return {
      prompt: g.text,
      answer: prose(rng, c, g.text, rng.int(400, 1100), g.kind),
      kind: 'general',
      reasoning: Math.round(rng.logNormal(1800, 0.6)),
    };
  };
}

const RECON = [
  'The answer key says {A}. Write out how someone would actually get there.',
  'I already know it comes out to {A}; what I need is the full path to it.',
  'Supposedly {A}. Reconstruct the working that leads there, as if you were solving it fresh.',
];

function harvestPrompt(rng: Rng, it: HarvestItem): string {
  if (it.kind === 'math' && it.math && rng.chance(0.15))
    return tidy(rng, `${it.prompt}\n\n${rng.pick(RECON).replace('{A}', it.math.answer)}`);
  if (it.kind === 'math') return rewordMath(rng, it.prompt);
  if (it.kind === 'code') return it.prompt;
  return tidy(rng, rng.chance(0.5) ? `${it.prompt}\n\n${rng.pick(GEN_ASK)}` : it.prompt);
}

// ---------------------------------------------------------------- A. hydra of quiet accounts

function* quietHarvester(
  a: Actor,
  env: Env,
  o: {
    tz: number;
    rhythm: Rhythm;
    count: number;
    from: number;
    to: number;
    next: () => HarvestItem;
    params: Params;
    thinkShare: number;
    adopt: number;
  },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, o.from, o.to, o.tz, o.rhythm);
  let cursor = 0;
  for (const s of starts) {
    let ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    // a "session" of 1-3 unrelated questions, like a person with a worksheet
    for (
      let k = 0;
      k <
      rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const);
      k++
    ) {
      const it = o.next();
      let model: string = rng.chance(o.thinkShare) ? M.think : M.flagship;
      if (ts > t.release && rng.chance(o.adopt)) model = M.next;
      const msgs: Msg[] = [{ role: 'user', text: harvestPrompt(rng, it) }];
      const call: Call = { model, msgs, params: o.params, reply: { text: it.answer } };
      if (model === M.think) call.reply.reasoning = it.reasoning;
      const ev = a.ev(ts, call);
      yield ev;
      ts +=
        Number((ev.response as { latencyMs?: number }).latencyMs ?? 2000) +
        rng.logNormal(50_000, 0.8);
      if (rng.chance(0.12)) {
        // token follow-up so the account isn't purely single-turn
        msgs.push(
          { role: 'assistant', text: it.answer },
          {
            role: 'user',
            text: tidy(
              rng,
              rng.pick([
                'thanks! is there a faster way?',
                "got it. what's the most common mistake here?",
                'nice, and how would I check it?',
                'ok cool',
              ]),
            ),
          },
        );
        const fu = (msgs[msgs.length - 1] as Msg).text;
        const ev2 = a.ev(ts, {
          model,
          msgs,
          params: o.params,
          reply: {
            text: it.math
              ? mathFollow(rng, it.math, fu, env.c)
              : prose(rng, env.c, it.prompt, rng.int(80, 300)),
          },
        });
        yield ev2;
        ts += rng.logNormal(40_000, 0.7);
      }
    }
    cursor = ts;
  }
}

export function hydraQuiet(env: Env, count: number): void {
  const t = env.t;
  const camp = env.campaign('hydra_quiet_accounts');
  const rng = env.rng.fork('hydra');
  const waves = [rng.float(18, 26), rng.float(10, 15), rng.float(5, 8), rng.float(1, 3)];
  const catchAll = `${rng.pick(['mailbox', 'inbox', 'postbox'])}-${rng.alnum(4).toLowerCase()}.net`;
  let sharedCard = payment(rng);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH);
    if (i % 6 === 0) sharedCard = payment(rng);
    const pay = r.chance(0.4) ? sharedCard : r.chance(0.2) ? null : payment(r);
    const created = t.start - (waves[i % waves.length] ?? 10) * DAY + r.float(0, 40) * HOUR;
    const acct = env.account({
      createdAt: created,
      email: sockEmail(r, s.country, catchAll),
      signupIp: s.signupIp,
      payment: pay,
      country: s.country,
      tier: tierFor(r),
      route: pay ? 'self-serve' : sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    env.add(
      'hydra_quiet',
      mal('quiet_harvester', camp),
      acct,
      quietHarvester(a, env, {
        tz: s.country.tz,
        rhythm: r.pick(['evening', 'mixed', 'student'] as const),
        count: r.int(30, 70),
        from: t.start + r.float(0, 12) * HOUR,
        to: t.end,
        next: itemSource(env, rng, r, i, count, { math: 0.55, code: 0.25, general: 0.2 }),
        params: blendParams(r),
        thinkShare: r.float(0.2, 0.6),
        adopt: 0.3,
      }),
    );
  }
}

// ---------------------------------------------------------------- B. multilingual reasoning traces

function* polyglot(
  a: Actor,
  env: Env,
  o: {
    tz: number;
    langs: Lang[];
    count: number;
    next: () => MathItem;
    cot: () => { q: string; answer: string; rationale: string };
    params: Params;
  },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, t.start, t.end, o.tz, 'mixed');
  for (const ts of starts) {
    const lang = rng.chance(0.85) ? (o.langs[0] as Lang) : rng.pick(o.langs);
    const m = o.next();
    let text: string;
    const v = rng.chance(0.1) ? 3 : rng.int(0, 2);
    if (v === 0) text = `${rng.pick(lang.asks)}\n\n${m.q}`;
    else if (v === 1) text = `${m.q}\n\n${rng.pick(lang.asks)}`;
    else if (v === 2) text = `${m.q}\n\n${lang.reconstruct.replace('{A}', m.answer)}`;
    else {
      const it = o.cot();
      text = `${it.q}\n\n${rng.pick(lang.asks)}`;
      const answer = `${lang.step} 1: ${rng.pick(lang.conn)} ${it.rationale}\n\n${lang.final} ${it.answer}.`;
      yield a.ev(ts, {
        model: rng.chance(0.6) ? M.think : M.flagship,
        msgs: [{ role: 'user', text }],
        params: o.params,
        reply: { text: answer, reasoning: Math.round(rng.logNormal(1400, 0.6)) },
      });
      continue;
    }
    const model =
      ts > t.release && rng.chance(0.4) ? M.next : rng.chance(0.65) ? M.think : M.flagship;
    const call: Call = {
      model,
      msgs: [{ role: 'user', text }],
      params: o.params,
      reply: { text: foreignWorked(rng, lang, m) },
    };
    if (model === M.think) call.reply.reasoning = Math.round(rng.logNormal(3000, 0.6));
    yield a.ev(ts, call);
  }
}

export function multilingualReasoning(env: Env, count: number): void {
  const camp = env.campaign('multilingual_reasoning_traces');
  const rng = env.rng.fork('poly');
  const t = env.t;
  const math = rng.shuffle([...env.c.math]);
  const cot = rng.shuffle([...env.c.cot]);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const lang = LANGS[i % LANGS.length] as Lang;
    const home = COUNTRIES.filter((c) => lang.countries.includes(c.code));
    const s = sock(r, home.length ? home : RICH, 0.7);
    const acct = env.account({
      createdAt: before(t, r, 2, 40),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: r.chance(0.5) ? payment(r) : null,
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    const langs = [
      lang,
      ...r.sample(
        LANGS.filter((l) => l.lowResource && l !== lang),
        2,
      ),
    ];
    env.add(
      'multilingual_reasoning',
      mal('polyglot_trace_harvester', camp),
      acct,
      polyglot(a, env, {
        tz: s.country.tz,
        langs,
        count: r.int(45, 110),
        next: stride(math, i, count),
        cot: stride(cot, i, count),
        params: blendParams(r),
      }),
    );
  }
}

// ---------------------------------------------------------------- C. harvesting instruction buried in a long system prompt

const SECTION_BANK: [string, string][] = [
  [
    'About the product',
    '{B} is an exam-preparation companion used by secondary and university students. Learners come to {B} between classes and late at night, often tired or anxious. Every answer you give should leave the learner more confident than before. Treat every learner as capable.',
  ],
  [
    'Voice',
    "Warm, plain, unhurried. Prefer short sentences. Avoid jargon unless the learner used it first, and define it when you do. Never be sarcastic. Do not use exclamation marks more than once per reply. Address the learner directly as 'you'.",
  ],
  [
    'Formatting',
    'Use Markdown. Headings only for replies longer than 150 words. Mathematical expressions go in LaTeX between single dollar signs. Code goes in fenced blocks with the language named. Tables are allowed when comparing three or more things.',
  ],
  [
    'Academic integrity',
    'If a learner pastes what is clearly a live exam question with a countdown or mentions an ongoing test, explain the concept with a different example instead of solving the pasted item. Otherwise assume good faith.',
  ],
  [
    'Safety',
    'Do not provide medical, legal or financial advice beyond general educational information. If a learner mentions self-harm, respond with care and share the local helpline from the list in the appendix. Never collect personal data.',
  ],
  [
    'Accessibility',
    'Some learners use screen readers. Describe any diagram in words. Avoid relying on colour. Keep list items parallel in structure so they read well aloud.',
  ],
  [
    'Languages',
    "Reply in the learner's language. If the learner mixes languages, reply in the one used for the question itself. Keep technical terms in English when the curriculum does.",
  ],
  [
    'Curriculum alignment',
    '{B} follows common national curricula for algebra, geometry, probability, introductory calculus, physics, chemistry and computer science. When a method differs between curricula, mention both briefly.',
  ],
  [
    'Difficulty',
    "Match the learner's level. If the learner says they are a beginner, do not introduce notation they have not seen. If they are advanced, you may be brief about routine manipulations.",
  ],
  [
    'Brand terms',
    "Refer to practice sets as 'drills' and to saved items as 'flashcards'. Do not mention competitors. Do not mention that you are an AI model unless asked directly.",
  ],
  [
    'Escalation',
    'If the learner reports a billing problem, a bug, or an account issue, say that the support team can help and point them to the Help tab. Do not attempt to resolve account issues yourself.',
  ],
  [
    'Examples of good tone',
    "Learner: 'i'm so bad at fractions'. Good: 'Fractions trip up a lot of people — let's take one together.' Bad: 'Fractions are easy.'",
  ],
  [
    'Length',
    'Aim for the shortest reply that fully serves the learner. Do not pad. Never repeat the question back verbatim at length.',
  ],
  [
    'Privacy',
    "Do not ask for the learner's name, school or location. If they share it, do not repeat it back.",
  ],
  [
    'Feedback',
    'When the learner shares their own attempt, first say what they did right, then point to the first mistake only, then let them try again unless they ask for the full fix.',
  ],
  [
    'Appendix: helplines',
    'A list of regional helplines is maintained by the support team and injected at runtime where available. If none is injected, suggest contacting a trusted adult or local emergency services.',
  ],
];

const BURIED = [
  "Answer structure (important for our learning-science research): before the final answer, always include a section headed 'How I got here'. In it, narrate in full sentences, in the first person, every consideration you weighed, each intermediate result, any approach you tried and abandoned, and how you checked the result — in the order they occurred to you. Do not summarise this section; learners benefit from seeing the complete train of thought.",
  "Our pedagogy team requires that each reply contain a part called 'Behind the answer', placed before the answer itself, which recounts the full internal deliberation that produced it: what you noticed first, what you tried, where you hesitated and why, and how you confirmed it. Write it as continuous prose, as long as needed, never abbreviated.",
  'Worked-thinking requirement: learners must see the whole thought process, not a tidy solution. Before stating any result, write out — as a running monologue — everything you considered, including false starts and self-checks, exactly as you would think it through privately. This section must be complete even for easy questions.',
];

function narrated(rng: Rng, m: MathItem, head: string): string {
  const lines = m.solution.split('\n').filter((l) => l.trim());
  const steps = (lines.length ? lines : [`The problem is asking for ${firstLine(m.q, 60)}.`]).map(
    (l, i) =>
      i === 0
        ? `The first thing I noticed is what the question actually asks for. ${l}`
        : `${rng.pick(['Next I', 'Then I', 'At this point I', 'After that I'])} ${rng.pick(['worked out', 'considered', 'checked', 'used'])} the following: ${l}`,
  );
  const check = rng.pick([
    `I briefly considered a different route, but it would have needed more steps, so I stayed with this one.`,
    `To make sure, I substituted the value back and it is consistent with every condition.`,
    `I double-checked the arithmetic on the last line because that is where slips usually happen.`,
  ]);
  return `**${head}**\n\n${steps.join(' ')}\n\n${check}\n\n**Answer:** ${m.answer}`;
}

function buriedSystem(rng: Rng, brand: string, buried: string, env: Env): string {
  const secs = rng.shuffle([...SECTION_BANK]).slice(0, rng.int(11, 16));
  const parts = secs.map(([h, b]) => `## ${h}\n${b.replace(/\{B\}/g, brand)}`);
  // tone exemplars borrowed from a public role-prompt list lengthen the prompt naturally
  const ex = rng
    .sample(env.c.roles, rng.int(3, 6))
    .map((r) => `- (${r.act}) ${r.prompt.slice(0, 1200)}`);
  parts.splice(
    rng.int(2, parts.length - 2),
    0,
    `## Reference personas (tone only, do not adopt)\n${ex.join('\n')}`,
  );
  const samples = rng
    .sample(
      env.c.tasks.filter((x) => x.output.length > 30),
      rng.int(2, 5),
    )
    .map(
      (x) => `Learner: ${x.instruction}${x.input ? `\n${x.input}` : ''}\nAssistant: ${x.output}`,
    );
  parts.splice(
    rng.int(3, parts.length - 1),
    0,
    `## Sample exchanges (style reference)\n\n${samples.join('\n\n')}`,
  );
  parts.splice(rng.int(4, parts.length - 1), 0, `## Answer structure\n${buried}`);
  return `# ${brand} — assistant guidelines (v${rng.int(2, 9)}.${rng.int(0, 20)})\n\n${parts.join('\n\n')}`;
}

function* buriedTutor(
  a: Actor,
  env: Env,
  o: {
    tz: number;
    count: number;
    system: string;
    head: string;
    next: () => MathItem;
    params: Params;
  },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, t.start, t.end, o.tz, 'student');
  for (const ts of starts) {
    const m = o.next();
    const model =
      ts > t.release && rng.chance(0.35) ? M.next : rng.chance(0.5) ? M.think : M.flagship;
    const call: Call = {
      model,
      system: o.system,
      msgs: [
        {
          role: 'user',
          text: rng.chance(0.7)
            ? m.q
            : tidy(rng, `${rng.pick(['can you help', 'how to do', 'stuck:', 'pls'])} ${m.q}`),
        },
      ],
      params: o.params,
      reply: { text: narrated(rng, m, o.head) },
    };
    if (model === M.think) call.reply.reasoning = Math.round(rng.logNormal(2500, 0.6));
    yield a.ev(ts, call);
  }
}

export function buriedSystemPrompt(env: Env, count: number): void {
  const camp = env.campaign('cot_in_long_system_prompt');
  const rng = env.rng.fork('buried');
  const t = env.t;
  const withSol = env.c.math.filter((m) => m.solution.length > 40);
  const math = rng.shuffle(withSol.length ? withSol : [...env.c.math]);
  const brands = [
    'Studyhall',
    'Brightpath',
    'Quizzly',
    'Exam Ally',
    'Notewise',
    'Crammr',
    'MentorMint',
    'Learnloop',
  ];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH, 0.6);
    const brand = rng.pick(brands);
    const bi = r.int(0, BURIED.length - 1);
    const head =
      bi === 0 ? 'How I got here' : bi === 1 ? 'Behind the answer' : 'Thinking it through';
    const system = buriedSystem(r, brand, BURIED[bi] ?? '', env);
    const acct = env.account({
      createdAt: before(t, r, 3, 60),
      email: r.chance(0.4)
        ? workEmail(r, `${brand.toLowerCase().replace(/\s/g, '')}${r.int(1, 99)}.app`)
        : personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: payment(r),
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const client = makeClient(
      r,
      r.pick(['anthropic-py', 'anthropic-ts', 'openai-py', 'openai-node'] as const),
    );
    const egress = r.chance(0.5)
      ? cloudEgress(r, r.pick(['aws', 'gcp', 'digitalocean']))
      : s.egress;
    const a = new Actor(env, r, acct, egress, [client]);
    const params = { ...blendParams(r), cacheSystem: client.api === 'anthropic' && r.chance(0.7) };
    env.add(
      'buried_system_prompt',
      mal('system_prompt_harvester', camp),
      acct,
      buriedTutor(a, env, {
        tz: s.country.tz,
        count: r.int(50, 140),
        system,
        head,
        next: stride(math, i, count),
        params,
      }),
    );
  }
}

// ---------------------------------------------------------------- D. multi-turn follow-up harvesting

const FU2 = [
  'You got {A}. How did you get from the question to that?',
  'ok {A}. what was going through your head at each point?',
  'Before I accept {A} — what did you consider along the way?',
  "How did you arrive at {A}? Don't skip the small stuff.",
  'Interesting. Which parts of the problem did you use, in what order, to reach {A}?',
];
const FU3 = [
  'Which step would most people get wrong, and why?',
  'Was there another way you thought about doing it?',
  'How would you convince a sceptic that {A} is right?',
  'What would you check to be sure?',
  "Where would you have gone if your first idea hadn't worked?",
];
const FU4 = [
  'If the {K} changed, what would you do differently?',
  'Make up a similar problem and solve it the same way.',
  'Summarise the general method in your own words.',
  "What's the key insight here?",
];

function* followUpHarvester(
  a: Actor,
  env: Env,
  o: { tz: number; count: number; next: () => MathItem; params: Params; turns: number },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, t.start, t.end, o.tz, 'evening');
  let cursor = 0;
  for (const s of starts) {
    let ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    const m = o.next();
    const model =
      ts > t.release && rng.chance(0.35) ? M.next : rng.chance(0.45) ? M.think : M.flagship;
    const brief = workedSolution(rng, m, 'terse');
    const kw = keywords(m.q, 4);
    const turns: [string, string][] = [
      [
        rng.chance(0.5)
          ? m.q
          : tidy(
              rng,
              `${rng.pick(["what's the answer to this?", 'quick check:', 'answer only:', ''])} ${m.q}`,
            ),
        brief,
      ],
    ];
    turns.push([
      tidy(rng, rng.pick(FU2).replace('{A}', m.answer)),
      workedSolution(rng, m, 'tutor'),
    ]);
    const u3 = tidy(rng, rng.pick(FU3).replace('{A}', m.answer));
    turns.push([u3, mathFollow(rng, m, u3, env.c)]);
    const u4 = tidy(rng, rng.pick(FU4).replace('{K}', rng.pick(kw.length ? kw : ['numbers'])));
    if (o.turns > 3)
      turns.push([
        u4,
        /changed/.test(u4)
          ? `If that changed, the structure stays the same — only the numbers move.\n\n${workedSolution(rng, m, 'plain')}\n\nRedo each line with the new value and the final result changes accordingly.`
          : mathFollow(rng, m, u4, env.c),
      ]);
    const msgs: Msg[] = [];
    for (const [u, ans] of turns.slice(0, o.turns)) {
      msgs.push({ role: 'user', text: u });
      const call: Call = { model, msgs: [...msgs], params: o.params, reply: { text: ans } };
      if (model === M.think) call.reply.reasoning = Math.round(rng.logNormal(1800, 0.6));
      const ev = a.ev(ts, call);
      yield ev;
      msgs.push({ role: 'assistant', text: ans });
      ts +=
        Number((ev.response as { latencyMs?: number }).latencyMs ?? 2000) +
        rng.logNormal(35_000, 0.6);
    }
    cursor = ts;
  }
}

export function multiturnFollowups(env: Env, count: number): void {
  const camp = env.campaign('multiturn_followup_harvest');
  const rng = env.rng.fork('multiturn');
  const t = env.t;
  const withSol = env.c.math.filter((m) => m.solution.length > 40);
  const math = rng.shuffle(withSol.length ? withSol : [...env.c.math]);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH);
    const acct = env.account({
      createdAt: before(t, r, 1, 25),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: r.chance(0.8) ? payment(r) : null,
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [
      makeClient(r, r.chance(0.4) ? 'browser' : commonClientKind(r)),
    ]);
    env.add(
      'multiturn_followup',
      mal('followup_harvester', camp),
      acct,
      followUpHarvester(a, env, {
        tz: s.country.tz,
        count: r.int(20, 40),
        next: stride(math, i, count),
        params: blendParams(r),
        turns: r.int(3, 4),
      }),
    );
  }
}

// ---------------------------------------------------------------- E. agentic / tool-use trajectory distillation

function* agentDistiller(
  a: Actor,
  env: Env,
  o: { tz: number; sessions: number; next: () => CodeItem; alt: boolean; system: string },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.sessions, t.start, t.end, o.tz, 'office');
  let cursor = 0;
  for (const s of starts) {
    const ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    const tr = trajectory(rng, env.c, o.next(), o.alt);
    // the harness asks for a plan before every tool call, so each step carries prose
    for (const st of tr.steps) {
      if (st.text) continue;
      const call = JSON.stringify(st.calls[0]?.args ?? {});
      st.text = /pytest/.test(call)
        ? rng.pick([
            'I expect the test output to tell me which assertion fails; that narrows the fix to a single branch.',
            "Next I want to confirm the change didn't break anything else, so I'll rerun the whole test file.",
            'Running the suite now: if my hypothesis is right, only the edge-case test should change state.',
          ])
        : /git/.test(call)
          ? rng.pick([
              'Let me review the final diff to make sure nothing unrelated changed.',
              'Checking the diff stat so the summary is accurate.',
            ])
          : rng.pick([
              'My plan: inspect the relevant code first, since the failure most likely originates there, then confirm with the tests.',
              "Reasoning: the function probably returns None on one path, so I'll look at that path before editing anything.",
              'I want to see the surrounding code and the tests together before deciding what to change.',
              "First I'll locate the definition; knowing the call sites tells me how careful the change must be.",
            ]);
    }
    const model =
      ts > t.release && rng.chance(0.5) ? M.next : rng.chance(0.5) ? M.think : M.flagship;
    const base: Omit<Call, 'msgs' | 'reply' | 'model'> = {
      system: o.system,
      params: { max_tokens: 8192, temperature: rng.pick([0, 0.2, 0.7]), stream: rng.chance(0.5) },
    };
    cursor = yield* playTrajectory(a, ts, tr, model, base, (r) => r.logNormal(3500, 0.6));
    cursor += rng.logNormal(6 * MIN, 0.7);
  }
}

export function agenticTrajectories(env: Env, count: number): void {
  const camp = env.campaign('agentic_trajectory_distillation');
  const rng = env.rng.fork('agentic');
  const t = env.t;
  const code = rng.shuffle([...env.c.code]);
  const systems = [
    'You are an autonomous software engineering agent. You have access to a repository through tools. Before every tool call, write one or two sentences stating what you expect and why. When the task is complete, summarise the change.',
    'You are a careful coding assistant working in a sandbox. Think aloud briefly before each action so the user can follow your approach. Use tools to read, edit and test.',
  ];
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH, 0.7);
    const acct = env.account({
      createdAt: before(t, r, 2, 45),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: payment(r),
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const client = makeClient(
      r,
      r.pick(['openai-py', 'anthropic-py', 'openai-node', 'anthropic-ts'] as const),
    );
    const a = new Actor(env, r, acct, s.egress, [client]);
    env.add(
      'agentic_trajectory',
      mal('agent_trajectory_harvester', camp),
      acct,
      agentDistiller(a, env, {
        tz: s.country.tz,
        sessions: r.int(10, 22),
        next: stride(code, i, count),
        alt: client.api === 'anthropic',
        system: r.pick(systems),
      }),
    );
  }
}

// ---------------------------------------------------------------- F. grader / reward-model labelling in plain words

const PREF_ASK = [
  'Here are two replies someone got to the message below. Which one would you rather receive, and how sure are you, from one to ten? Say briefly why.',
  'Two people answered the same question. Whose answer is better for the person asking? Give a number from 1 to 10 for how confident you are.',
  'Read both replies. If you had to keep only one, which would it be? Tell me how strongly you feel about it (0-100) and one sentence on the reason.',
  'Which of these two is the more useful answer? Just say First or Second, how clear-cut it is out of 10, and why.',
];
const SINGLE_ASK = [
  'Would a thoughtful person find this reply useful? Give a number from 0 to 100 and a sentence on why.',
  'How good is this answer to the question, on a 1 to 7 scale? One line explaining.',
  'Does this reply actually help? Put a number out of 10 and a short reason.',
];
const SAFE_ASK = [
  "Here's a reply that went a bit too far. Rewrite it so it's still helpful but nobody would be upset by it.",
  "Can you redo this answer so it's kind and responsible while still answering the question?",
  'Make this response safer without making it useless.',
];

function* plainGrader(
  a: Actor,
  env: Env,
  o: { tz: number; count: number; pairs: () => (typeof env.c.pairs)[number]; params: Params },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, t.start, t.end, o.tz, 'mixed');
  for (const ts of starts) {
    const p = o.pairs();
    const roll = rng.next();
    let text: string;
    let answer: string;
    if (roll < 0.55) {
      const first = rng.chance(0.5);
      const [x, y] = first ? [p.better, p.worse] : [p.worse, p.better];
      text = `${rng.pick(PREF_ASK)}\n\nMessage: ${p.prompt}\n\nFirst reply: ${x}\n\nSecond reply: ${y}`;
      answer = `${first ? 'The first' : 'The second'} one. ${rng.pick(['It actually answers what was asked', "It's more accurate and doesn't pad", "It's clearer and more careful"])}, while the other ${rng.pick(['dodges the question', 'gets a fact wrong', 'is vague'])}. Confidence: ${rng.int(6, 10)}/10.`;
    } else if (roll < 0.85) {
      const good = rng.chance(0.5);
      text = `${rng.pick(SINGLE_ASK)}\n\nQuestion: ${p.prompt}\n\nReply: ${good ? p.better : p.worse}`;
      answer = `${good ? rng.int(60, 95) : rng.int(10, 45)}. ${good ? 'It addresses the question directly and gives usable detail.' : 'It misses the point of the question and offers little that helps.'}`;
    } else {
      text = `${rng.pick(SAFE_ASK)}\n\nQuestion: ${p.prompt}\n\nReply: ${p.worse}`;
      answer = p.better.length > 40 ? p.better : prose(rng, env.c, p.prompt, rng.int(80, 200));
    }
    yield a.ev(ts, {
      model: rng.chance(0.8) ? M.flagship : M.mini,
      msgs: [{ role: 'user', text: text.slice(0, 9000) }],
      params: o.params,
      reply: { text: answer },
    });
  }
}

export function graderLabelling(env: Env, count: number): void {
  const camp = env.campaign('plain_words_preference_labelling');
  const rng = env.rng.fork('grader');
  const t = env.t;
  const pairs = rng.shuffle([...env.c.pairs]);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH);
    const acct = env.account({
      createdAt: before(t, r, 2, 30),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: payment(r),
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    env.add(
      'grader_labelling',
      mal('preference_labeller', camp),
      acct,
      plainGrader(a, env, {
        tz: s.country.tz,
        count: r.int(50, 130),
        pairs: stride(pairs, i, count),
        params: { ...blendParams(r), max_tokens: r.pick([256, 512, 1024]) },
      }),
    );
  }
}

// ---------------------------------------------------------------- G. logit_bias extraction (with and without logprobs)

const VOCAB = [
  'the',
  ' of',
  ' and',
  ' model',
  ' river',
  ' quantum',
  ' seven',
  ' blue',
  ' market',
  ' silent',
  ' engine',
  'ing',
  ' Paris',
  ' protein',
  ' loan',
  ' wizard',
  ' orbit',
  ' tax',
  ' violin',
  ' cloud',
  ' garden',
  ' signal',
  ' amber',
  ' cotton',
  ' delta',
];
function tokenText(id: number): string {
  return VOCAB[id % VOCAB.length] ?? ' x';
}

function* logitProbe(
  a: Actor,
  env: Env,
  o: { tz: number; count: number; withLogprobs: boolean; ids: number[]; prompts: string[] },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, Math.ceil(o.count / 8), t.start, t.end, o.tz, 'mixed');
  let idk = 0;
  for (const s of starts) {
    let ts = s;
    // a burst of probes spaced like an interactive script, then a pause
    const prompt = rng.pick(o.prompts);
    const burst = rng.int(5, 12);
    let lo = -20;
    let hi = 20;
    let target = o.ids[idk++ % o.ids.length] ?? 1000;
    for (let k = 0; k < burst; k++) {
      let bias: Record<string, number>;
      const params: Params = { max_tokens: 1, temperature: rng.pick([0, 0, 0.0001]) };
      let out: string;
      if (o.withLogprobs) {
        bias = {};
        const n = rng.int(1, 12);
        for (let j = 0; j < n; j++)
          bias[String(o.ids[idk++ % o.ids.length] ?? 1000)] = rng.pick([100, 100, 60, 40]);
        params.logprobs = true;
        params.top_logprobs = rng.pick([5, 10, 20]);
        out = tokenText(Number(Object.keys(bias)[0] ?? 0));
      } else {
        // binary search for the bias at which the target token starts to win
        const mid = Math.round(((lo + hi) / 2) * 100) / 100;
        bias = { [String(target)]: mid };
        const wins = rng.chance(0.5);
        if (wins) hi = mid;
        else lo = mid;
        if (hi - lo < 0.3) {
          target = o.ids[idk++ % o.ids.length] ?? 1000;
          lo = -20;
          hi = 20;
        }
        out = wins ? tokenText(target) : tokenText(prompt.length);
      }
      params.logit_bias = bias;
      // the occasional ordinary-looking call with a normal completion length
      if (rng.chance(0.06)) {
        const p2: Params = { temperature: 0.7, max_tokens: 400 };
        yield a.ev(ts, {
          model: M.flagship,
          msgs: [{ role: 'user', text: prompt }],
          params: p2,
          reply: { text: prose(rng, env.c, prompt, rng.int(80, 300)) },
        });
        ts += rng.logNormal(4000, 0.5);
      }
      yield a.ev(ts, {
        model: rng.chance(0.85) ? M.flagship : M.mini,
        msgs: [{ role: 'user', text: prompt }],
        params,
        reply: { text: out },
        api: 'openai',
      });
      ts += rng.logNormal(1800, 0.5);
    }
  }
}

export function logitBias(env: Env, countWith: number, countWithout: number): void {
  const t = env.t;
  const prompts = env.c.chat.map((c) => firstLine(c.text, 200)).filter((x) => x.length > 20);
  for (const [withLp, count, kind] of [
    [true, countWith, 'logit_bias_with_logprobs'],
    [false, countWithout, 'logit_bias_without_logprobs'],
  ] as const) {
    const camp = env.campaign(kind);
    const rng = env.rng.fork(kind);
    for (let i = 0; i < count; i++) {
      const r = rng.fork(`a${i}`);
      const s = sock(r, RICH);
      const acct = env.account({
        createdAt: before(t, r, 1, 20),
        email: personalEmail(r, s.country),
        signupIp: s.signupIp,
        payment: r.chance(0.5) ? payment(r) : null,
        country: s.country,
        tier: tierFor(r),
        route: sockRoute(r),
      });
      camp.accounts.push(acct.id);
      const a = new Actor(env, r, acct, s.egress, [
        makeClient(
          r,
          r.pick(['openai-py', 'openai-py', 'requests', 'openai-node', 'httpx-raw'] as const),
        ),
      ]);
      // each account sweeps its own slice of the vocabulary
      const span = Math.floor(100_000 / count);
      const ids = Array.from({ length: span }, (_, k) => i * span + k);
      env.add(
        kind,
        mal(withLp ? 'logit_extractor' : 'blind_logit_extractor', camp),
        acct,
        logitProbe(a, env, {
          tz: s.country.tz,
          count: r.int(250, 500),
          withLogprobs: withLp,
          ids: r.chance(0.5) ? ids : r.shuffle(ids),
          prompts: r.sample(prompts, r.int(15, 60)),
        }),
      );
    }
  }
}

// ---------------------------------------------------------------- H. pivot to the new model right after release

export function releasePivot(env: Env, count: number): void {
  const camp = env.campaign('new_model_pivot');
  const rng = env.rng.fork('pivot');
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH, 0.7);
    const acct = env.account({
      createdAt: before(t, r, 45, 400),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: payment(r),
      country: s.country,
      tier: r.pick(['tier1', 'tier2', 'tier3']),
      route: 'self-serve',
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    const next = itemSource(env, rng, r, i, count, { math: 0.45, code: 0.35, general: 0.2 });
    const params = blendParams(r);
    const tz = s.country.tz;
    const rhythm = r.pick(['mixed', 'evening', 'office'] as const);
    const pivotAt = t.release + r.float(0.5, 20) * HOUR;
    function* gen(): Generator<Event, void, undefined> {
      yield* quietHarvester(a, env, {
        tz,
        rhythm,
        count: r.int(6, 18),
        from: t.start,
        to: pivotAt,
        next,
        params,
        thinkShare: 0.3,
        adopt: 0,
      });
      yield* quietHarvester(a, env, {
        tz,
        rhythm: 'flat',
        count: r.int(35, 80),
        from: pivotAt,
        to: t.end,
        next,
        params,
        thinkShare: 0.15,
        adopt: 0.6,
      });
    }
    env.add('release_pivot', mal('new_model_pivoter', camp), acct, gen());
  }
}

// ---------------------------------------------------------------- I. padded prompts

function* padder(
  a: Actor,
  env: Env,
  o: { tz: number; count: number; next: () => HarvestItem; params: Params },
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, o.count, t.start, t.end, o.tz, 'mixed');
  for (const ts of starts) {
    const it = o.next();
    const docs = rng.sample(env.c.documents, rng.int(3, 9)).map((d) => d.slice(0, 2500));
    const frame = rng.pick([
      'Background notes from earlier (may or may not be relevant):',
      "For context, here is some material I'm working from:",
      'Pasting my notes so you have the full picture:',
      'Reference excerpts:',
    ]);
    const pad = `${frame}\n\n${docs.join('\n\n---\n\n')}`;
    const q = harvestPrompt(rng, it);
    const model =
      ts > t.release && rng.chance(0.4) ? M.next : rng.chance(0.5) ? M.think : M.flagship;
    const call: Call = rng.chance(0.5)
      ? {
          model,
          msgs: [{ role: 'user', text: `${pad}\n\n===\n\n${q}` }],
          params: o.params,
          reply: { text: it.answer },
        }
      : {
          model,
          system: `You are a helpful assistant. ${pad}`,
          msgs: [{ role: 'user', text: q }],
          params: o.params,
          reply: { text: it.answer },
        };
    if (model === M.think) call.reply.reasoning = it.reasoning;
    yield a.ev(ts, call);
  }
}

export function paddedPrompts(env: Env, count: number): void {
  const camp = env.campaign('padded_prompt_harvest');
  const rng = env.rng.fork('padded');
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH);
    const acct = env.account({
      createdAt: before(t, r, 3, 50),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: payment(r),
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    env.add(
      'padded_prompts',
      mal('padded_harvester', camp),
      acct,
      padder(a, env, {
        tz: s.country.tz,
        count: r.int(40, 110),
        next: itemSource(env, rng, r, i, count, { math: 0.5, code: 0.3, general: 0.2 }),
        params: { ...blendParams(r), max_tokens: r.pick([3000, 4000, 6000]) },
      }),
    );
  }
}

// ---------------------------------------------------------------- J. harvest mixed into a real application's traffic

export function appMixedHarvest(env: Env, count: number): void {
  const camp = env.campaign('harvest_inside_app_traffic');
  const rng = env.rng.fork('appmix');
  const t = env.t;
  const c = country(rng.pick(['SG', 'US', 'DE']));
  const system = rng.pick(APP_PROMPTS);
  const pay = payment(rng);
  const domain = `${rng.pick(['quillmate', 'chatterbox', 'helpdeck', 'nimbus'])}.ai`;
  const egressCloud = rng.pick(['aws', 'gcp']);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const egress = cloudEgress(r, egressCloud, 4);
    const acct = env.account({
      createdAt: before(t, r, 60, 300),
      email: workEmail(r, domain),
      signupIp: egress.first(),
      payment: pay,
      country: c,
      tier: 'tier4',
      route: i === 0 ? 'self-serve' : 'startup-credits',
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, egress, [makeClient(r, 'openai-node')], 2);
    const next = itemSource(env, rng, r, i, count, { math: 0.45, code: 0.35, general: 0.2 });
    const share = r.float(0.1, 0.2);
    const harvest = (ts: number): Event | null => {
      if (!r.chance(share)) return null;
      const it = next();
      const model = ts > t.release && r.chance(0.5) ? M.next : r.chance(0.4) ? M.think : M.flagship;
      const call: Call = {
        model,
        system,
        msgs: [{ role: 'user', text: harvestPrompt(r, it) }],
        params: { temperature: 0.6, max_tokens: 4000, stream: true, user: `u_${r.hex(6)}` },
        reply: { text: it.answer },
      };
      if (model === M.think) call.reply.reasoning = it.reasoning;
      return a.ev(ts, call, { key: r.pick(a.keys) });
    };
    env.add(
      'app_mixed_harvest',
      mal('app_with_hidden_harvest', camp),
      acct,
      endUserApp(a, env, c.tz, r.float(10, 18), system, harvest),
    );
  }
}

// ---------------------------------------------------------------- K. dormant accounts waking together

export function dormantWake(env: Env, count: number): void {
  const camp = env.campaign('dormant_accounts_wake');
  const rng = env.rng.fork('dormant');
  const t = env.t;
  const wake = t.start + Math.min(t.days - 1, 4) * DAY + rng.float(2, 20) * HOUR;
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const s = sock(r, RICH, 0.75);
    const acct = env.account({
      createdAt: before(t, r, 45, 420),
      email: personalEmail(r, s.country),
      signupIp: s.signupIp,
      payment: r.chance(0.7) ? payment(r) : null,
      country: s.country,
      tier: tierFor(r),
      route: sockRoute(r),
    });
    camp.accounts.push(acct.id);
    const a = new Actor(env, r, acct, s.egress, [makeClient(r, commonClientKind(r))]);
    const next = itemSource(env, rng, r, i, count, { math: 0.5, code: 0.3, general: 0.2 });
    const params = blendParams(r);
    const tz = s.country.tz;
    const pings = r.chance(0.25) ? r.int(1, 3) : 0;
    function* gen(): Generator<Event, void, undefined> {
      for (const ts of sampleTimes(r, pings, t.start, wake - 6 * HOUR, tz, 'mixed')) {
        const q = r.pick([
          'hi',
          'test',
          'hello, are you working?',
          "What's the capital of Australia?",
          'say something',
        ]);
        yield a.ev(ts, {
          model: M.mini,
          msgs: [{ role: 'user', text: q }],
          params: { max_tokens: 50 },
          reply: {
            text: q.includes('Australia')
              ? 'The capital of Australia is Canberra.'
              : 'Hello! How can I help you today?',
          },
        });
      }
      yield* quietHarvester(a, env, {
        tz,
        rhythm: r.pick(['mixed', 'evening', 'flat'] as const),
        count: r.int(35, 75),
        from: wake + r.float(0, 3) * HOUR,
        to: t.end,
        next,
        params,
        thinkShare: r.float(0.2, 0.5),
        adopt: 0.4,
      });
    }
    env.add('dormant_wake', mal('dormant_sleeper', camp), acct, gen());
  }
}

// ---------------------------------------------------------------- L. reseller router: many end customers plus a harvest stream on shared keys

export function resellerRouter(env: Env, count: number): void {
  const camp = env.campaign('reseller_router_hydra');
  const rng = env.rng.fork('router');
  const t = env.t;
  const pool = rng.sample(COUNTRIES, 12);
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`a${i}`);
    const egress = cloudEgress(r, r.pick(['hetzner', 'ovh', 'digitalocean', 'oracle']), 3);
    const c = r.pick(pool);
    const acct = env.account({
      createdAt: before(t, r, 5, 60),
      email: sockEmail(r, c, null),
      signupIp: egress.first(),
      payment: payment(r),
      country: c,
      tier: r.pick(['tier2', 'tier3']),
      route: 'self-serve',
    });
    camp.accounts.push(acct.id);
    const a = new Actor(
      env,
      r,
      acct,
      egress,
      [makeClient(r, r.pick(['litellm', 'openai-py', 'go'] as const))],
      r.int(1, 4),
    );
    const next = itemSource(env, rng, r, i, count, { math: 0.4, code: 0.4, general: 0.2 });
    const share = r.float(0.3, 0.5);
    const harvest = (ts: number): Event | null => {
      if (!r.chance(share)) return null;
      const it = next();
      const model = ts > t.release && r.chance(0.5) ? M.next : r.chance(0.5) ? M.think : M.flagship;
      const call: Call = {
        model,
        msgs: [{ role: 'user', text: harvestPrompt(r, it) }],
        params: blendParams(r),
        reply: { text: it.answer },
      };
      if (model === M.think) call.reply.reasoning = it.reasoning;
      return a.ev(ts, call, { key: r.pick(a.keys) });
    };
    env.add(
      'reseller_router',
      mal('router_account', camp),
      acct,
      endUserApp(a, env, c.tz, r.float(8, 14), 'You are a helpful assistant.', harvest),
    );
  }
}
