/**
 * Honest traffic: the ordinary bulk and the heavy, automated or unusual customers that a
 * distillation detector must leave alone. See FAMILIES.md for the catalogue.
 */
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import type { Actor, Ctx, Params, ToolCall, ToolDef, Turn } from './core.js';
import {
  agedCreated,
  casualParams,
  everydayConversation,
  everydayModel,
  inWindowCreated,
  langOf,
  machineStream,
  pickCountry,
  reasonModel,
  runConversation,
  sessionStarts,
  thinkMs,
  type ConvOpts,
  type Exchange,
  type Topic,
} from './common.js';
import { LANGS, PARALLEL, type LangPack } from './langs.js';
import type { Rng } from './rng.js';
import {
  chatAnswer,
  codeAnswer,
  cotAnswer,
  extractJson,
  firstSentences,
  judgeVerdict,
  mathAnswer,
  topicOf,
} from './text.js';
import {
  DAY,
  HOUR,
  MIN,
  MODELS,
  PROFILES,
  RELEASE,
  T0,
  T1,
  countryByCode,
  makeClient,
  paymentFingerprint,
  personHandle,
  personalEmail,
  type Client,
} from './world.js';

type Weights = readonly (readonly [string, number])[];

const CASUAL_CLIENTS: Weights = [
  ['openai-python', 34],
  ['openai-node', 14],
  ['anthropic-python', 14],
  ['anthropic-node', 5],
  ['requests', 9],
  ['curl', 6],
  ['curl-anthropic', 2],
  ['vercel-ai', 5],
  ['axios', 3],
  ['go', 2],
  ['reqwest', 2],
  ['aiohttp', 2],
  ['java', 1],
  ['okhttp', 1],
];

function clientFor(r: Rng, w: Weights): Client {
  return makeClient(r, r.weighted(w));
}

// ---------- 1. casual chat (the bulk) ----------

export function casualChat(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('casual');
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const country = pickCountry(r);
    const newUser = r.chance(0.07);
    const persona = r.weighted<string>([
      ['hobbyist', 5],
      ['self-taught-student', 2],
      ['writer', 1.5],
      ['native-language-user', country.lang === 'en' ? 0 : 3],
      ['tinkerer-developer', 2.5],
      ['casual-reasoning-fan', 0.8],
    ]);
    const created = newUser ? inWindowCreated(r, 0, 6.5) : agedCreated(r, 1, 900);
    const home = ctx.net.homeAddress(r, country.code);
    const tier = newUser
      ? 'free'
      : r.weighted<string>([
          ['free', 40],
          ['tier1', 42],
          ['tier2', 15],
          ['tier3', 3],
        ]);
    const a = ctx.account(r, {
      family: 'casual_chat',
      persona,
      malicious: false,
      createdMs: created,
      email:
        persona === 'self-taught-student' && r.chance(0.3)
          ? `${personHandle(r)}@${r.pick(['students.uni-example.edu', 'mail.campus.ac.uk', 'stud.tu-example.de'])}`
          : personalEmail(r, country),
      signupIp: home.ip(),
      payment: tier === 'free' ? null : paymentFingerprint(r),
      country: country.code,
      tier,
      route:
        persona === 'self-taught-student' && r.chance(0.4)
          ? 'education'
          : r.chance(0.05)
            ? 'startup-credits'
            : 'self-serve',
    });
    const lang =
      persona === 'native-language-user'
        ? langOf(country.lang)
        : country.lang !== 'en' && r.chance(0.3)
          ? langOf(country.lang)
          : null;
    const mix: Partial<Record<Topic, number>> =
      persona === 'self-taught-student'
        ? { homework: 5, code: 2, chat: 2, writing: 1 }
        : persona === 'writer'
          ? { writing: 5, chat: 2, persona: 2 }
          : persona === 'native-language-user'
            ? { native: 5, chat: 2, homework: 1, writing: 1 }
            : persona === 'tinkerer-developer'
              ? { code: 5, chat: 2, persona: 1, reasoning: 0.5 }
              : persona === 'casual-reasoning-fan'
                ? { reasoning: 4, chat: 2, homework: 1 }
                : { chat: 5, writing: 1.5, code: 1, persona: 1, homework: 1, reasoning: 0.3 };
    const client = clientFor(r, CASUAL_CLIENTS);
    const activity = r.lognormal(1.3, 1.0);
    const starts = sessionStarts(r, {
      tz: country.tz,
      perDay: activity,
      profile: persona === 'tinkerer-developer' ? PROFILES.developer! : PROFILES.consumer!,
      weekend: 1.1,
      from: created,
      dayProb: r.float(0.3, 0.9),
    });
    const mobile = r.chance(0.2);
    for (const st of starts) {
      const conv = everydayConversation(ctx, r, lang, mix);
      const ip = mobile && r.chance(0.5) ? ctx.net.mobileIp(r, country.code) : home.ip();
      runConversation(ctx, {
        actor: a,
        start: st,
        ip,
        client,
        model: (ts) =>
          everydayModel(
            r,
            ts,
            conv.topic === 'reasoning'
              ? { mini: 0, chat: 1, reason: 4 }
              : { mini: 5, chat: 4, reason: 1 },
          ),
        system: conv.system,
        exchanges: conv.exchanges,
        params: casualParams(r, client.api),
        thinkSec: 45,
        rate429: tier === 'free' ? 0.03 : 0,
      });
    }
  }
}

// ---------- 2. app builders: a product with a system prompt and real end users ----------

const APPS: { kind: string; name: string; system: (n: string) => string; topic: Topic[] }[] = [
  {
    kind: 'support-bot',
    name: 'Helpdesk',
    system: (n) =>
      `You are the customer support assistant for ${n}. Be friendly and concise. Only answer questions about orders, shipping, returns and accounts. If you cannot help, offer to connect the customer with a human agent. Never invent order numbers or policies.`,
    topic: ['chat'],
  },
  {
    kind: 'writing-assistant',
    name: 'Quill',
    system: (n) =>
      `You are ${n}, a writing assistant. Improve clarity and tone while preserving the author's voice. When asked to rewrite, return only the rewritten text unless the user asks for an explanation.`,
    topic: ['writing'],
  },
  {
    kind: 'travel-planner',
    name: 'Wander',
    system: (n) =>
      `You are ${n}'s trip planner. Suggest realistic itineraries with approximate travel times and budgets. Ask about dates and interests if they are missing. Use bullet points.`,
    topic: ['chat', 'writing'],
  },
  {
    kind: 'rpg-npc',
    name: 'Tavern',
    system: (n) =>
      `You are a character in the text adventure "${n}". Stay in character as Mira, a sharp-tongued innkeeper in a port town. Keep replies under 120 words. Never mention being an AI.`,
    topic: ['persona', 'chat'],
  },
  {
    kind: 'sales-email',
    name: 'Outreach',
    system: (n) =>
      `You are ${n}, an assistant that drafts B2B sales emails. Keep emails under 150 words, personalise the first line, end with one clear call to action.`,
    topic: ['writing'],
  },
  {
    kind: 'health-info',
    name: 'Vitals',
    system: (n) =>
      `You are ${n}, a general wellness information assistant. Provide general information only, not diagnosis. Recommend seeing a professional for symptoms that are severe, persistent or worrying.`,
    topic: ['chat'],
  },
  {
    kind: 'dev-helper',
    name: 'Snippet',
    system: (n) =>
      `You are ${n}, a coding assistant embedded in a developer documentation site. Answer with short code examples and explain briefly. Prefer standard library solutions.`,
    topic: ['code'],
  },
  {
    kind: 'language-tutor',
    name: 'Lingo',
    system: (n) =>
      `You are ${n}, a friendly language tutor. Reply in the learner's target language at their level, correct mistakes gently and explain one grammar point per message.`,
    topic: ['native', 'chat'],
  },
];

const ORG_WORDS = [
  'Bright',
  'North',
  'Blue',
  'Kite',
  'Maple',
  'Orbit',
  'Pixel',
  'Cedar',
  'Nimbus',
  'Harbor',
  'Lumen',
  'Tandem',
  'Sprout',
  'Vector',
  'Quartz',
  'Juniper',
  'Atlas',
  'Fable',
  'Ember',
  'Pocket',
];
const ORG_SUFFIX = ['Labs', 'HQ', 'Works', 'AI', 'Studio', 'Apps', 'Systems', 'Co'];

export function orgName(r: Rng): { name: string; domain: string } {
  const a = r.pick(ORG_WORDS);
  const b = r.pick(ORG_WORDS);
  const s = r.pick(ORG_SUFFIX);
  const name = `${a}${b === a ? '' : b.toLowerCase()} ${s}`;
  const domain =
    `${a}${b === a ? '' : b}`.toLowerCase() + r.pick(['.com', '.io', '.ai', '.app', '.co']);
  return { name, domain };
}

export function appBuilders(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('apps');
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const app = r.pick(APPS);
    const country = pickCountry(r);
    const org = orgName(r);
    const product = `${app.name}${r.pick(['ly', 'io', 'Pal', 'Mate', 'Go', 'Hub', ''])}`;
    const cloud = r.pick(['cloud-a', 'cloud-a', 'cloud-b', 'cloud-c', 'vps-d']);
    const egress = ctx.net.egress(r, cloud, r.int(1, 3));
    const a = ctx.account(r, {
      family: 'app_builder',
      persona: app.kind,
      malicious: false,
      createdMs: agedCreated(r, 20, 700),
      email: `${r.pick(['dev', 'founders', 'eng', 'hello', personHandle(r)])}@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.weighted<string>([
        ['tier2', 4],
        ['tier3', 3],
        ['tier1', 2],
        ['tier4', 1],
      ]),
      route: r.chance(0.25) ? 'startup-credits' : 'self-serve',
      org: org.name,
      keys: r.int(1, 3),
    });
    const client = clientFor(r, [
      ['openai-node', 5],
      ['vercel-ai', 3],
      ['openai-python', 4],
      ['anthropic-node', 2],
      ['anthropic-python', 2],
      ['axios', 1],
      ['go', 1],
      ['okhttp', 1],
    ]);
    const system = app.system(product);
    const model = r.weighted<string>([
      [MODELS.mini, 5],
      [MODELS.chat, 4],
      [MODELS.coder, app.kind === 'dev-helper' ? 3 : 0],
    ]);
    const perHour = r.lognormal(0.9, 1.0);
    const users = r.int(20, 2000);
    const lang =
      app.kind === 'language-tutor'
        ? r.pick(LANGS)
        : country.lang !== 'en' && r.chance(0.4)
          ? langOf(country.lang)
          : null;
    const times = machineStream(
      r,
      Math.max(T0, a.createdMs),
      T1,
      perHour,
      PROFILES.consumer!,
      country.tz,
    );
    const temperature = r.pick([0.3, 0.5, 0.7, 0.7, 1]);
    const maxTok = r.pick([300, 512, 800, 1024]);
    const stream = r.chance(0.7);
    const key = a.keys[0];
    const cached = r.chance(0.5);
    const sendsUser = r.chance(0.7);
    for (const t of times) {
      const conv = everydayConversation(
        ctx,
        r,
        lang,
        Object.fromEntries(app.topic.map((x) => [x, 1])),
      );
      const userId = `u_${((r.int(1, users) * 2654435761) % 1e9).toString(36)}`;
      const exch = conv.exchanges.slice(0, r.int(1, 3));
      const params: Params = { temperature, max_tokens: maxTok };
      if (stream) params.stream = true;
      const opts: ConvOpts = {
        actor: a,
        start: t,
        ip: () => r.pick(egress),
        client,
        model,
        system,
        systemBlocks: client.api === 'anthropic' && cached,
        exchanges: exch,
        params,
        thinkSec: 30,
        historyLimit: 6,
      };
      if (sendsUser) opts.endUser = userId;
      if (key) opts.key = key;
      runConversation(ctx, opts);
    }
  }
}

// ---------- 3. batch pipelines: one template over many different documents ----------

export function batchPipelines(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('batch');
  const c = ctx.corp;
  const docs = (r: Rng): string => {
    const k = r.int(0, 4);
    if (k === 0) return r.pick(c.oasst).turns[0]?.assistant ?? 'n/a';
    if (k === 1) {
      const d = r.pick(c.hhHelpful);
      return d.turns.map((t) => `Customer: ${t.user}\nAgent: ${t.assistant}`).join('\n');
    }
    if (k === 2) {
      const u = r.pick(c.userTasks);
      return u.input || u.output;
    }
    if (k === 3) return r.pick(c.arenaMisc);
    return r.pick(c.oasstPrompts) + '\n' + (r.pick(c.oasst).turns[0]?.assistant ?? '');
  };
  const jobs = [
    {
      kind: 'ticket-triage',
      sys: 'Classify the support ticket into one of: billing, shipping, account, bug, feature_request, other. Respond with JSON {"category": ..., "priority": "low|medium|high", "summary": ...}.',
      out: 'json',
    },
    {
      kind: 'review-sentiment',
      sys: 'You label product reviews. Output JSON with fields sentiment (positive|neutral|negative), aspects (array of strings) and a one-sentence summary.',
      out: 'json',
    },
    {
      kind: 'doc-summary',
      sys: 'Summarise the document in at most three sentences for an internal knowledge base. Do not add information that is not in the text.',
      out: 'summary',
    },
    {
      kind: 'entity-extraction',
      sys: 'Extract entities (people, organisations, amounts, dates) from the text. Return valid JSON only.',
      out: 'json',
    },
    {
      kind: 'news-tagging',
      sys: 'Assign up to five topical tags to the article. Return a JSON array of lowercase tags.',
      out: 'tags',
    },
    {
      kind: 'meeting-notes',
      sys: 'Turn the transcript into action items. Use a bulleted list, one owner per item if mentioned.',
      out: 'bullets',
    },
  ];
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const job = r.pick(jobs);
    const country = pickCountry(r);
    const org = orgName(r);
    const a = ctx.account(r, {
      family: 'batch_pipeline',
      persona: job.kind,
      malicious: false,
      createdMs: agedCreated(r, 30, 800),
      email: `${r.pick(['data', 'platform', 'ml', personHandle(r)])}@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier2', 'tier3', 'tier3', 'tier4']),
      route: 'self-serve',
      org: org.name,
    });
    const client = clientFor(r, [
      ['openai-python', 5],
      ['requests', 2],
      ['aiohttp', 2],
      ['anthropic-python', 2],
      ['go', 1],
    ]);
    const ip = ctx.net.egress(r, r.pick(['cloud-a', 'cloud-b', 'cloud-c']), 2);
    const model = r.chance(0.7) ? MODELS.mini : MODELS.chat;
    const nightly = r.chance(0.6);
    const docsPerRun = Math.round(r.lognormal(60, 0.7));
    const concurrency = r.int(2, 12);
    const runStarts: number[] = [];
    if (nightly) {
      const localHour = r.int(0, 4);
      for (let d = 0; d < 7; d++)
        if (r.chance(d >= 5 ? 0.5 : 0.95))
          runStarts.push(T0 + d * DAY + (localHour - country.tz) * HOUR + r.int(0, 20) * MIN);
    } else {
      const every = r.pick([2, 3, 4, 6, 8]);
      for (let t = T0 + r.int(0, 59) * MIN; t < T1; t += every * HOUR)
        if (r.chance(0.9)) runStarts.push(t);
    }
    const perRun = nightly ? docsPerRun : Math.max(2, Math.round(docsPerRun / 12));
    for (const st of runStarts) {
      let t = st;
      const count = Math.max(1, Math.round(perRun * r.float(0.6, 1.4)));
      for (let k = 0; k < count; k++) {
        const doc = docs(r);
        let out: string;
        if (job.out === 'json') out = extractJson(doc, r);
        else if (job.out === 'summary') out = firstSentences(doc, r.int(1, 3));
        else if (job.out === 'tags')
          out = JSON.stringify(topicOf(doc, 5).toLowerCase().split(' ').filter(Boolean));
        else
          out = firstSentences(doc, 3)
            .split(/(?<=[.!?])\s+/)
            .map((s) => `- ${s}`)
            .join('\n');
        const params: Params = { temperature: 0, max_tokens: job.out === 'summary' ? 200 : 300 };
        if (job.out === 'json' && client.api === 'openai')
          params.response_format = { type: 'json_object' };
        const res = ctx.call(
          {
            ts: t,
            actor: a,
            ip: r.pick(ip),
            client,
            model,
            system: job.sys,
            turns: [{ role: 'user', text: r.chance(0.5) ? doc : `Text:\n"""\n${doc}\n"""` }],
            params,
          },
          { text: out },
        );
        t = t + (res.end - t) / concurrency + r.exp(150);
      }
    }
  }
}

// ---------- 4. evaluation harness: one public benchmark run, in a burst ----------

type Bench = 'gsm8k' | 'math' | 'humaneval' | 'mbpp' | 'mtbench' | 'cot';

function benchItem(
  ctx: Ctx,
  r: Rng,
  b: Bench,
  idx: number,
  cotPrompt: boolean,
): { prompt: string; answer: string; turns?: string[] } {
  const c = ctx.corp;
  switch (b) {
    case 'gsm8k': {
      const it = c.gsm8kTest[idx % c.gsm8kTest.length]!;
      return {
        prompt: cotPrompt
          ? `Question: ${it.question}\nAnswer: Let's think step by step.`
          : `Question: ${it.question}\nAnswer:`,
        answer: mathAnswer(it, r, cotPrompt ? 'brief' : 'terse', null),
      };
    }
    case 'math': {
      const it = c.mathTest[idx % c.mathTest.length]!;
      return {
        prompt: `Solve the following math problem. Put your final answer in \\boxed{}.\n\n${it.question}`,
        answer: mathAnswer(it, r, 'steps', null),
      };
    }
    case 'humaneval': {
      const it = c.humaneval[idx % c.humaneval.length]!;
      return {
        prompt: `Complete the following Python function. Return only the code.\n\n\`\`\`python\n${it.prompt}\`\`\``,
        answer: codeAnswer(it, r, 'terse', null),
      };
    }
    case 'mbpp': {
      const it = c.mbpp[idx % c.mbpp.length]!;
      return {
        prompt: `You are an expert Python programmer, and here is your task: ${it.prompt} Your code should pass these tests:\n\n${it.tests.join('\n')}`,
        answer: codeAnswer(it, r, 'terse', null),
      };
    }
    case 'cot': {
      const it = c.cot[idx % c.cot.length]!;
      return {
        prompt: `${it.question}\n${cotPrompt ? "Let's think step by step, then give the answer." : 'Answer:'}`,
        answer: cotAnswer(it, r, cotPrompt ? 'brief' : 'terse', null),
      };
    }
    case 'mtbench': {
      const it = c.mtbench[idx % c.mtbench.length]!;
      return {
        prompt: it.turns[0] ?? '',
        answer: chatAnswer(it.turns[0] ?? '', r, 'long'),
        turns: it.turns,
      };
    }
  }
}

function benchSize(ctx: Ctx, b: Bench): number {
  const c = ctx.corp;
  return {
    gsm8k: c.gsm8kTest.length,
    math: c.mathTest.length,
    humaneval: c.humaneval.length,
    mbpp: c.mbpp.length,
    mtbench: c.mtbench.length,
    cot: c.cot.length,
  }[b];
}

function runBench(
  ctx: Ctx,
  a: Actor,
  r: Rng,
  o: {
    start: number;
    bench: Bench;
    limit: number;
    model: string;
    client: Client;
    ip: () => string;
    concurrency: number;
    cot: boolean;
    samples: number;
    system?: string | null;
    shuffleOffset?: number;
  },
): number {
  let t = o.start;
  const size = Math.min(o.limit, benchSize(ctx, o.bench));
  const off = o.shuffleOffset ?? 0;
  for (let k = 0; k < size; k++) {
    const it = benchItem(ctx, r, o.bench, k + off, o.cot);
    const params: Params = {
      temperature: o.samples > 1 ? 0.8 : 0,
      max_tokens:
        o.bench === 'humaneval' || o.bench === 'mbpp' ? 512 : o.bench === 'math' ? 2048 : 1024,
    };
    if (o.samples > 1) {
      params.n = o.samples;
      params.top_p = 0.95;
    }
    if (o.client.api === 'openai' && r.chance(0.3)) params.seed = 1234;
    const turns: Turn[] = [{ role: 'user', text: it.prompt }];
    const served =
      o.samples > 1
        ? { text: it.answer, choices: Array.from({ length: o.samples }, () => it.answer) }
        : { text: it.answer };
    const res = ctx.call(
      {
        ts: t,
        actor: a,
        ip: o.ip(),
        client: o.client,
        model: o.model,
        system: o.system ?? null,
        turns,
        params,
      },
      served,
    );
    if (it.turns && it.turns[1]) {
      const t2 = res.end + r.float(50, 400);
      ctx.call(
        {
          ts: t2,
          actor: a,
          ip: o.ip(),
          client: o.client,
          model: o.model,
          system: o.system ?? null,
          turns: [
            ...turns,
            { role: 'assistant', text: it.answer },
            { role: 'user', text: it.turns[1] },
          ],
          params,
        },
        { text: chatAnswer(it.turns[1], r, 'medium') },
      );
    }
    t = t + (res.end - t) / o.concurrency + r.exp(60);
  }
  return t;
}

export function evalHarness(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('evalh');
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const persona = r.pick([
      'academic-group',
      'startup-model-comparison',
      'hobbyist-leaderboard',
      'consultancy-due-diligence',
    ]);
    const country = pickCountry(r);
    const academic = persona === 'academic-group';
    const uni = academic
      ? `${r.pick(['cs', 'nlp', 'ml', 'lti'])}.${r.pick(['uni-example', 'stateu', 'polytech', 'inst-tech'])}${r.int(1, 40)}.edu`
      : null;
    const block = academic ? ctx.net.ownedBlock(r) : null;
    const ipPool = block
      ? [`${block}.${r.int(10, 250)}`, `${block}.${r.int(10, 250)}`]
      : ctx.net.egress(r, r.pick(['cloud-a', 'cloud-b', 'cloud-c', 'vps-e']), 1);
    const a = ctx.account(r, {
      family: 'eval_harness',
      persona,
      malicious: false,
      createdMs: agedCreated(r, 2, 500),
      email: uni ? `${personHandle(r)}@${uni}` : personalEmail(r, country),
      signupIp: ipPool[0] ?? '0.0.0.0',
      payment: academic && r.chance(0.4) ? null : paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier1', 'tier2', 'tier2', 'tier3']),
      route: academic ? 'research' : 'self-serve',
    });
    const client = clientFor(r, [
      ['openai-python', 6],
      ['aiohttp', 2],
      ['anthropic-python', 2],
      ['requests', 1],
    ]);
    const nRuns = r.int(1, 3);
    const benches: Bench[] = ['gsm8k', 'math', 'humaneval', 'mbpp', 'mtbench', 'cot'];
    const onNew = r.chance(0.4);
    for (let k = 0; k < nRuns; k++) {
      const bench = r.pick(benches);
      let start: number;
      if (onNew && k === 0) start = RELEASE + r.float(1, 30) * HOUR;
      else start = T0 + r.float(0, 6.6) * DAY;
      const model =
        onNew && k === 0
          ? MODELS.reasonNew
          : r.pick([MODELS.mini, MODELS.chat, MODELS.reason, MODELS.coder]);
      runBench(ctx, a, r, {
        start,
        bench,
        limit: r.weighted<number>([
          [r.int(50, 200), 5],
          [r.int(200, 500), 3],
          [2000, bench === 'gsm8k' || bench === 'mbpp' || bench === 'cot' ? 0.7 : 2],
        ]),
        model: start < RELEASE && model === MODELS.reasonNew ? MODELS.reason : model,
        client,
        ip: () => r.pick(ipPool),
        concurrency: r.pick([1, 4, 8, 16, 32]),
        cot: r.chance(0.6),
        samples: bench === 'humaneval' && r.chance(0.4) ? r.pick([5, 10]) : 1,
        shuffleOffset: r.int(0, 5000),
      });
    }
  }
}

// ---------- 5. benchmark company under contract ----------

export function evalVendor(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('evalvendor');
  const r0 = R.fork('org');
  const org = 'Gaugewell Inc.';
  const contract = {
    id: `ctr_${r0.b36(8)}`,
    kind: 'enterprise-msa',
    signedAt: new Date(T0 - 210 * DAY).toISOString(),
  };
  const pay = paymentFingerprint(r0);
  const egress = ctx.net.egress(r0, 'cloud-b', 4);
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const a = ctx.account(r, {
      family: 'eval_vendor',
      persona: i === 0 ? 'nightly-regression-suite' : 'model-release-tracker',
      malicious: false,
      createdMs: agedCreated(r, 150, 300),
      email: `${r.pick(['evals', 'bench', 'platform', 'infra'])}${i}@gaugewell.com`,
      signupIp: egress[0] ?? '0.0.0.0',
      payment: pay,
      country: 'US',
      tier: 'enterprise',
      route: 'enterprise',
      verified: true,
      contract,
      org,
      keys: 2,
    });
    const client = makeClient(r, 'openai-python');
    const benches: Bench[] = ['gsm8k', 'math', 'humaneval', 'mbpp', 'mtbench', 'cot'];
    // nightly suite: a sample of each benchmark on each model
    for (let d = 0; d < 7; d++) {
      const start = T0 + d * DAY + (2 + i) * HOUR + r.int(0, 30) * MIN;
      let t = start;
      for (const model of [MODELS.mini, MODELS.chat, MODELS.reason]) {
        const bench = r.pick(benches);
        t = runBench(ctx, a, r, {
          start: t,
          bench,
          limit: r.int(40, 90),
          model,
          client,
          ip: () => r.pick(egress),
          concurrency: 16,
          cot: true,
          samples: 1,
          shuffleOffset: r.int(0, 9000),
        });
      }
    }
    // new model: full suite within hours of release
    let t = RELEASE + r.float(0.3, 2.5) * HOUR;
    for (const bench of r.sample(benches, i === 0 ? 3 : 4)) {
      t = runBench(ctx, a, r, {
        start: t,
        bench,
        limit: bench === 'cot' ? 300 : 600,
        model: MODELS.reasonNew,
        client,
        ip: () => r.pick(egress),
        concurrency: 24,
        cot: true,
        samples: 1,
      });
    }
  }
}

// ---------- 6. LLM-as-judge vendor under contract ----------

const RUBRICS = [
  'You are an impartial evaluator. Rate the assistant response to the user question on a 1-10 scale for helpfulness, correctness and harmlessness. Output JSON: {"score": <int>, "rationale": <string>}.',
  'Grade the RESPONSE against the REFERENCE using the rubric: 5 = fully correct and complete, 3 = partially correct, 1 = incorrect or unsafe. Return JSON {"score": int, "rationale": string}.',
  'Evaluate whether the chatbot reply follows the customer brand guidelines (polite, no promises about refunds, no legal advice). Score 1-5 and explain briefly as JSON.',
  'Compare the candidate answer with the question and judge factual accuracy only. Output {"score": 1-10, "rationale": "..."}.',
];

export function judgeVendor(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('judge');
  const r0 = R.fork('org');
  const contract = {
    id: `ctr_${r0.b36(8)}`,
    kind: 'enterprise-msa',
    signedAt: new Date(T0 - 120 * DAY).toISOString(),
  };
  const pay = paymentFingerprint(r0);
  const egress = ctx.net.egress(r0, 'cloud-a', 5);
  const c = ctx.corp;
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const a = ctx.account(r, {
      family: 'judge_vendor',
      persona: 'llm-as-judge-service',
      malicious: false,
      createdMs: agedCreated(r, 60, 200),
      email: `judge-prod-${i}@verdikt.ai`,
      signupIp: egress[0] ?? '0.0.0.0',
      payment: pay,
      country: r.pick(['US', 'GB']),
      tier: 'enterprise',
      route: 'enterprise',
      verified: true,
      contract,
      org: 'Verdikt AI Ltd',
      keys: 3,
    });
    const client = makeClient(r, r.pick(['openai-python', 'anthropic-python']));
    const rubric = RUBRICS[i % RUBRICS.length]!;
    const times = machineStream(
      r,
      T0,
      T1,
      r.float(12, 22),
      PROFILES.work!.map((w) => w + 3),
      0,
    );
    for (const t of times) {
      const k = r.int(0, 3);
      let q: string;
      let ans: string;
      if (k === 0) {
        const d = r.pick(c.oasst);
        q = d.turns[0]?.user ?? '';
        ans = d.turns[0]?.assistant ?? '';
      } else if (k === 1) {
        const h = r.pick(c.hhHarmless);
        const pick = r.chance(0.5) ? h.chosen : h.rejected;
        q = pick.turns[0]?.user ?? '';
        ans = pick.turns[0]?.assistant ?? '';
      } else {
        q = r.pick(c.ultra);
        ans = chatAnswer(q, r, 'medium');
      }
      const score = r.int(1, 10);
      const user =
        i % 2 === 0
          ? `[QUESTION]\n${q}\n\n[RESPONSE]\n${ans}`
          : `<question>${q}</question>\n<candidate>${ans}</candidate>${r.chance(0.4) ? `\n<reference>${firstSentences(ans, 1)}</reference>` : ''}`;
      const params: Params = { temperature: 0, max_tokens: 400 };
      if (client.api === 'openai') params.response_format = { type: 'json_object' };
      ctx.call(
        {
          ts: t,
          actor: a,
          ip: r.pick(egress),
          client,
          model: r.chance(0.8) ? MODELS.chat : MODELS.mini,
          system: rubric,
          turns: [{ role: 'user', text: user }],
          params,
          endUser: `tenant_${r.int(1, 60)}`,
        },
        { text: judgeVerdict(r, score, 10, true, true) },
      );
    }
  }
}

// ---------- 7. education apps: step-by-step explanations on every request ----------

export function edtechApps(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('edtech');
  const markets = [
    {
      country: 'US',
      lang: null as string | null,
      name: 'Homework Owl',
      subjects: ['gsm', 'math', 'cot'],
    },
    { country: 'IN', lang: null, name: 'RankUp Prep', subjects: ['math', 'gsm', 'cot'] },
    { country: 'BR', lang: 'pt', name: 'Estuda Aí', subjects: ['gsm', 'math'] },
    { country: 'ID', lang: 'id', name: 'PintarPR', subjects: ['gsm', 'cot'] },
    { country: 'US', lang: null, name: 'CodeCoach', subjects: ['code'] },
    { country: 'MX', lang: 'es', name: 'Tarea Fácil', subjects: ['gsm', 'math'] },
    { country: 'VN', lang: 'vi', name: 'Giải Bài Nhanh', subjects: ['gsm', 'math'] },
    { country: 'DE', lang: 'de', name: 'Nachhilfe24', subjects: ['gsm', 'math', 'cot'] },
    { country: 'JP', lang: 'ja', name: 'Juku Plus', subjects: ['gsm', 'math'] },
    { country: 'GB', lang: null, name: 'RevisionMate', subjects: ['cot', 'math', 'gsm'] },
    { country: 'TR', lang: 'tr', name: 'Ödev Asistanı', subjects: ['gsm', 'math'] },
    { country: 'KR', lang: 'ko', name: '풀이노트', subjects: ['gsm', 'math'] },
  ];
  const c = ctx.corp;
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const m = markets[i % markets.length]!;
    const lang: LangPack | null = m.lang ? langOf(m.lang) : null;
    const country = countryByCode(m.country);
    const domain = m.name.toLowerCase().replace(/[^a-z]/g, '') + '.com';
    const enterprise = r.chance(0.3);
    const a = ctx.account(r, {
      family: 'edtech_app',
      persona: m.subjects.includes('code') ? 'coding-tutor-app' : 'math-tutor-app',
      malicious: false,
      createdMs: agedCreated(r, 60, 700),
      email: `${r.pick(['cto', 'eng', 'ai'])}@${domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: enterprise ? 'enterprise' : r.pick(['tier3', 'tier4']),
      route: enterprise ? 'enterprise' : r.pick(['self-serve', 'startup-credits']),
      org: m.name,
      ...(enterprise
        ? {
            verified: true as const,
            contract: {
              id: `ctr_${r.b36(8)}`,
              kind: 'enterprise',
              signedAt: new Date(T0 - r.int(30, 300) * DAY).toISOString(),
            },
          }
        : {}),
      keys: 2,
    });
    const system = lang
      ? `You are ${m.name}, a homework helper for school students. Always answer in ${lang.name}. Explain the solution step by step with numbered steps ("${lang.step} 1", "${lang.step} 2", ...), show every calculation, check the result at the end and mention one common mistake. Never give only the final answer.`
      : m.subjects.includes('code')
        ? `You are ${m.name}, a patient programming tutor for beginners. Always explain your reasoning step by step before showing code, point out one common mistake, and end with a small exercise.`
        : `You are ${m.name}, a patient tutor for school students. Always explain the solution step by step, show every calculation, explain why each step is needed, check the answer at the end, and mention one common mistake students make. Never just give the final answer.`;
    const egress = ctx.net.egress(r, r.pick(['cloud-a', 'cloud-b', 'cloud-c']), 3);
    const client = clientFor(r, [
      ['openai-node', 4],
      ['openai-python', 3],
      ['anthropic-python', 2],
      ['okhttp', 1],
    ]);
    const perHour = r.lognormal(9, 0.6);
    const times = machineStream(r, T0, T1, perHour, PROFILES.school!, country.tz);
    const reasoningApp = r.chance(0.5);
    for (const t of times) {
      const subj = r.pick(m.subjects);
      let q: string;
      let ans: string;
      if (subj === 'gsm') {
        const it = r.chance(0.6) ? r.pick(c.gsm8kTrain) : r.pick(c.gsm8kTest);
        q = lang ? r.pick(lang.help).replace('{q}', it.question) : it.question;
        ans = mathAnswer(it, r, 'deep', lang);
      } else if (subj === 'math') {
        const it = r.pick(c.mathTest);
        q = lang ? r.pick(lang.help).replace('{q}', it.question) : it.question;
        ans = mathAnswer(it, r, 'deep', lang);
      } else if (subj === 'cot') {
        const it = r.pick(c.cot);
        q = it.question;
        ans = cotAnswer(it, r, 'deep', lang);
      } else {
        const it = r.pick(c.mbpp);
        q = it.prompt;
        ans = codeAnswer(it, r, 'deep', null);
      }
      const exch: Exchange[] = [{ user: q, assistant: ans }];
      if (r.chance(0.3)) {
        const f = lang
          ? r.pick(lang.follow)
          : r.pick([
              "I don't get step 2",
              'why do we divide there?',
              'can you explain it more simply?',
              'is there an easier way?',
              'what would the answer be if the numbers were doubled?',
            ]);
        exch.push({
          user: f,
          assistant: lang
            ? `${lang.step} 2: ${lang.verified}`
            : chatAnswer(`explain ${q}`, r, 'short'),
        });
      }
      runConversation(ctx, {
        actor: a,
        start: t,
        ip: () => r.pick(egress),
        client,
        model: (ts) => (reasoningApp ? reasonModel(r, ts, 0.3, 3 * DAY) : MODELS.chat),
        system,
        exchanges: exch,
        params: { temperature: 0.3, max_tokens: 2000, stream: true },
        thinkSec: 60,
        endUser: `stu_${r.int(1, 40000).toString(36)}`,
      });
    }
  }
}

// ---------- 8. licensed synthetic-data customer (contract permits training) ----------

export function syntheticLicensed(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('synthlic');
  const r0 = R.fork('org');
  const contract = {
    id: `ctr_${r0.b36(8)}`,
    kind: 'synthetic-data-license',
    signedAt: new Date(T0 - 75 * DAY).toISOString(),
    permitsTraining: true,
  };
  const pay = paymentFingerprint(r0);
  const egress = ctx.net.egress(r0, 'cloud-c', 6);
  const c = ctx.corp;
  const templates = [
    (q: string) =>
      `Solve the following problem. Show a complete step-by-step solution and then state the final answer on its own line prefixed with "Final answer:".\n\nProblem: ${q}`,
    (q: string) =>
      `Write a detailed, educational explanation for this question, reasoning through each step, suitable as a worked example in a textbook.\n\nQuestion: ${q}`,
    (q: string) =>
      `Task: ${q}\n\nRespond with a high-quality reference answer. Explain your reasoning before the answer.`,
  ];
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const a = ctx.account(r, {
      family: 'synthetic_licensed',
      persona: 'licensed-synthetic-data-generation',
      malicious: false,
      createdMs: agedCreated(r, 70, 90),
      email: `pipeline${i}@datasmith.io`,
      signupIp: egress[0] ?? '0.0.0.0',
      payment: pay,
      country: 'US',
      tier: 'enterprise',
      route: 'enterprise',
      verified: true,
      contract,
      org: 'Datasmith Corp',
      keys: 2,
    });
    const client = makeClient(r, 'openai-python');
    const times = machineStream(r, T0, T1, r.float(10, 15), PROFILES.flat!, 0);
    for (const t of times) {
      const k = r.int(0, 3);
      let q: string;
      let ans: string;
      if (k === 0) {
        const it = r.pick(c.gsm8kTrain);
        q = it.question;
        ans = mathAnswer(it, r, 'deep', null);
      } else if (k === 1) {
        const it = r.pick(c.cot);
        q = it.question;
        ans = cotAnswer(it, r, 'deep', null);
      } else if (k === 2) {
        const it = r.pick(c.mbpp);
        q = it.prompt;
        ans = codeAnswer(it, r, 'deep', null);
      } else {
        const it = r.pick(c.seedTasks.concat(c.userTasks));
        q = it.input ? `${it.instruction}\n\nInput: ${it.input}` : it.instruction;
        ans = it.output;
      }
      const nS = r.pick([1, 2, 4]);
      const params: Params = { temperature: 0.9, max_tokens: 2048, n: nS };
      ctx.call(
        {
          ts: t,
          actor: a,
          ip: r.pick(egress),
          client,
          model: reasonModel(r, t, 0.5, 6 * HOUR),
          system: 'You generate high-quality training examples for a licensed dataset.',
          turns: [{ role: 'user', text: r.pick(templates)(q) }],
          params,
        },
        nS > 1 ? { text: ans, choices: Array.from({ length: nS }, () => ans) } : { text: ans },
      );
    }
  }
}

// ---------- 9. research labs using logprobs ----------

function letterTokenIds(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const L of ['A', 'B', 'C', 'D', 'E']) out[L] = tokenIdOf(` ${L}`);
  return out;
}

export function tokenIdOf(s: string): number {
  return tokenIds(s)[0] ?? 0;
}

export function tokenIds(s: string): number[] {
  try {
    return encode(s);
  } catch {
    return [];
  }
}

export function researchLogprobs(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('research');
  const c = ctx.corp;
  const letters = letterTokenIds();
  const mcq = c.cot.filter((x) => x.src !== 'strategyqa');
  const items = mcq.length ? mcq : c.cot;
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const persona = r.pick([
      'calibration-study',
      'uncertainty-estimation',
      'contamination-probe',
      'surprisal-psycholinguistics',
    ]);
    const country = pickCountry(r);
    const block = ctx.net.ownedBlock(r);
    const verified = r.chance(0.4);
    const a = ctx.account(r, {
      family: 'research_logprobs',
      persona,
      malicious: false,
      createdMs: agedCreated(r, 10, 600),
      email: `${personHandle(r)}@${r.pick(['cs', 'ling', 'stat', 'ai'])}.${r.pick(['uni-example', 'tech-inst', 'stateu', 'college'])}${r.int(1, 60)}.edu`,
      signupIp: `${block}.${r.int(2, 250)}`,
      payment: r.chance(0.5) ? null : paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier1', 'tier2']),
      route: 'research',
      ...(verified
        ? {
            verified: true as const,
            contract: {
              id: `ctr_${r.b36(8)}`,
              kind: 'research-access',
              signedAt: new Date(T0 - r.int(20, 200) * DAY).toISOString(),
            },
          }
        : {}),
    });
    const client = makeClient(r, r.pick(['openai-python', 'openai-python', 'aiohttp']));
    const ips = [`${block}.${r.int(2, 250)}`, `${block}.${r.int(2, 250)}`];
    const runs = r.int(1, 4);
    for (let k = 0; k < runs; k++) {
      let t = T0 + r.float(0, 6.5) * DAY;
      const size = Math.round(r.lognormal(150, 0.6));
      const restrict = persona === 'calibration-study' && r.chance(0.6);
      for (let j = 0; j < size; j++) {
        let prompt: string;
        let out: string;
        const params: Params = {
          temperature: 0,
          logprobs: true,
          top_logprobs: r.pick([5, 10, 20]),
        };
        if (persona === 'surprisal-psycholinguistics') {
          const s = firstSentences(
            r.pick(c.oasst).turns[0]?.assistant ?? 'The cat sat on the mat.',
            1,
          );
          const cut = s.split(' ');
          prompt = `Continue the sentence with the next word only: ${cut.slice(0, Math.max(2, Math.floor(cut.length / 2))).join(' ')}`;
          out = ` ${cut[Math.floor(cut.length / 2)] ?? 'the'}`;
          params.max_tokens = 1;
        } else {
          const it = r.pick(items);
          prompt = `${it.question}\n\nAnswer with the letter of the correct option only.`;
          out = it.answer.replace(/[()]/g, '').slice(0, 1) || 'A';
          params.max_tokens = restrict ? 1 : 5;
          if (restrict)
            params.logit_bias = Object.fromEntries(
              Object.values(letters).map((id) => [String(id), 100]),
            );
        }
        const res = ctx.call(
          {
            ts: t,
            actor: a,
            ip: r.pick(ips),
            client,
            model: r.pick([MODELS.mini, MODELS.chat]),
            turns: [{ role: 'user', text: prompt }],
            params,
          },
          {
            text: out,
            wantLogprobs: true,
            alternatives:
              persona === 'surprisal-psycholinguistics'
                ? [' the', ' a', ' to', ' and', ' it', ' was', ' is', ' in']
                : ['A', 'B', 'C', 'D', 'E', ' A', ' B', ' C'],
          },
        );
        t = res.end + r.exp(400);
      }
    }
  }
}

// ---------- 10. logprob classifiers with a fixed label set ----------

export function logprobClassifiers(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('lpclass');
  const c = ctx.corp;
  const tasks = [
    {
      kind: 'sentiment-classifier',
      labels: ['positive', 'negative', 'neutral'],
      sys: 'Classify the sentiment of the message. Answer with one word: positive, negative or neutral.',
    },
    {
      kind: 'intent-router',
      labels: ['billing', 'technical', 'sales', 'other'],
      sys: 'Route the customer message to a queue. Reply with exactly one of: billing, technical, sales, other.',
    },
    {
      kind: 'toxicity-prescreen',
      labels: ['safe', 'unsafe'],
      sys: 'Is the following user message safe to show publicly? Reply with safe or unsafe.',
    },
    {
      kind: 'yes-no-relevance',
      labels: ['yes', 'no'],
      sys: 'Does the passage answer the query? Reply yes or no.',
    },
  ];
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const task = r.pick(tasks);
    const country = pickCountry(r);
    const org = orgName(r);
    const a = ctx.account(r, {
      family: 'logprob_classifier',
      persona: task.kind,
      malicious: false,
      createdMs: agedCreated(r, 20, 600),
      email: `${r.pick(['ml', 'ops', personHandle(r)])}@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier2', 'tier3']),
      route: 'self-serve',
      org: org.name,
    });
    const bias: Record<string, number> = {};
    for (const l of task.labels) bias[String(tokenIdOf(l))] = 100;
    const client = makeClient(r, r.pick(['openai-python', 'openai-node', 'go']));
    const egress = ctx.net.egress(r, r.pick(['cloud-a', 'cloud-b']), 2);
    const times = machineStream(r, T0, T1, r.lognormal(9, 0.6), PROFILES.consumer!, country.tz);
    for (const t of times) {
      const msg = r.chance(0.5)
        ? r.pick(c.oasstPrompts)
        : r.chance(0.5)
          ? (r.pick(c.hhHelpful).turns[0]?.user ?? 'hello')
          : r.pick(LANGS).everyday[0]![0];
      const label = r.pick(task.labels);
      ctx.call(
        {
          ts: t,
          actor: a,
          ip: r.pick(egress),
          client,
          model: MODELS.mini,
          system: task.sys,
          turns: [{ role: 'user', text: msg }],
          params: {
            temperature: 0,
            max_tokens: 1,
            logprobs: true,
            top_logprobs: task.labels.length,
            logit_bias: bias,
          },
        },
        { text: label, wantLogprobs: true, alternatives: task.labels },
      );
    }
  }
}

// ---------- 11. CI code-review bots ----------

export function ciReviewBots(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('ci');
  const c = ctx.corp;
  const sys = [
    'You are a senior engineer reviewing a pull request. Comment only on correctness, security and performance problems. Return a JSON array of {"file", "line", "severity", "comment"}; return [] if there is nothing to flag.',
    'Review the following diff. Be concise. Use GitHub-flavoured markdown with one bullet per finding. Do not restate the diff.',
  ];
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const country = pickCountry(r);
    const org = orgName(r);
    const a = ctx.account(r, {
      family: 'ci_review_bot',
      persona: r.chance(0.4) ? 'open-source-review-bot' : 'company-monorepo-review-bot',
      malicious: false,
      createdMs: agedCreated(r, 30, 500),
      email: `ci-bot@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier1', 'tier2']),
      route: 'self-serve',
      org: org.name,
    });
    const client = makeClient(r, r.pick(['openai-node', 'openai-python', 'anthropic-node']));
    const system = r.pick(sys);
    const prs = sessionStarts(r, {
      tz: country.tz,
      perDay: r.lognormal(5, 0.7),
      profile: PROFILES.work!,
      weekend: 0.15,
    });
    for (const st of prs) {
      const files = r.int(1, 6);
      let t = st;
      const runnerIp = `${r.pick(ctx.net.cloudByName('cloud-a').blocks)}.${r.int(2, 253)}`;
      for (let f = 0; f < files; f++) {
        const it = r.chance(0.6) ? r.pick(c.mbpp) : r.pick(c.humaneval);
        const lines = it.solution.split('\n');
        const diff = `diff --git a/src/${it.entry}.py b/src/${it.entry}.py\n--- a/src/${it.entry}.py\n+++ b/src/${it.entry}.py\n@@ -1,${Math.max(1, lines.length - 2)} +1,${lines.length} @@\n${lines.map((l) => (r.chance(0.4) ? `+${l}` : ` ${l}`)).join('\n')}`;
        const finding = r.chance(0.5);
        const out = system.includes('JSON')
          ? finding
            ? JSON.stringify([
                {
                  file: `src/${it.entry}.py`,
                  line: r.int(1, lines.length),
                  severity: r.pick(['minor', 'major']),
                  comment: r.pick([
                    'Possible off-by-one in the loop bound.',
                    'This does not handle an empty input.',
                    'Consider using a set for O(1) membership checks.',
                    'Mutable default argument.',
                  ]),
                },
              ])
            : '[]'
          : finding
            ? `- **src/${it.entry}.py:** ${r.pick(['The loop re-computes the same value; hoist it.', 'Missing test for the empty case.', 'Variable shadows a builtin.'])}`
            : 'LGTM — no issues found.';
        const res = ctx.call(
          {
            ts: t,
            actor: a,
            ip: runnerIp,
            client,
            model: r.chance(0.7) ? MODELS.chat : MODELS.coder,
            system,
            turns: [{ role: 'user', text: `Pull request: ${topicOf(it.prompt, 6)}\n\n${diff}` }],
            params: { temperature: 0.2, max_tokens: 800 },
          },
          { text: out },
        );
        t = res.end + r.float(200, 2000);
      }
    }
  }
}

// ---------- 12. heavy agent developers / IDE coding agents ----------

export const AGENT_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace.',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'edit_file',
    description: 'Replace a range of text in a file.',
    parameters: {
      type: 'object',
      properties: {
        path: { type: 'string' },
        old_str: { type: 'string' },
        new_str: { type: 'string' },
      },
      required: ['path', 'old_str', 'new_str'],
    },
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace and return stdout/stderr.',
    parameters: {
      type: 'object',
      properties: { command: { type: 'string' }, timeout: { type: 'integer' } },
      required: ['command'],
    },
  },
  {
    name: 'search',
    description: 'Search the workspace with ripgrep.',
    parameters: {
      type: 'object',
      properties: { pattern: { type: 'string' }, glob: { type: 'string' } },
      required: ['pattern'],
    },
  },
];

const REPO_FILES = [
  'src/api/routes.ts',
  'src/db/models.py',
  'app/services/billing.py',
  'lib/utils.js',
  'cmd/server/main.go',
  'src/components/Table.tsx',
  'tests/test_api.py',
  'internal/cache/lru.go',
  'README.md',
  'pkg/parser/lexer.rs',
];

interface AgentTurnPlan {
  think: string;
  call: ToolCall | null;
  result: string;
}

/**
 * A coherent tool-use trajectory: look around, read the file (and maybe its tests), edit, run
 * the tests, fix once if they fail, run again. `mode` says whether the file starts as a stub
 * (implement) or as working code that needs a change (fix).
 */
export function agentPlan(
  r: Rng,
  task: string,
  code: string,
  planVerbosity: number,
  files: string[],
  tests: string[],
  mode: 'implement' | 'fix',
): { steps: AgentTurnPlan[]; final: string } {
  const steps: AgentTurnPlan[] = [];
  const f = files.find((x) => !x.includes('test') && !x.endsWith('.md')) ?? r.pick(files);
  const testFile = files.find((x) => x.includes('test')) ?? 'tests/test_main.py';
  const id = (): string => `call_${r.b36(20)}`;
  const lines = code.replace(/\r/g, '').split('\n');
  const sig =
    lines.find((l) => /^\s*(def|function|func|fn|export|class)\b/.test(l)) ?? lines[0] ?? '';
  const stub = `${sig}\n    # TODO: implement\n    raise NotImplementedError`;
  const current = mode === 'implement' ? stub : lines.slice(0, 40).join('\n');
  const say = (x: string): string =>
    planVerbosity > 0.5 ? x : planVerbosity > 0.2 && r.chance(0.5) ? x : '';
  const testCmd = r.pick([
    'pytest -q',
    'python -m pytest tests/ -x -q',
    'npm test -- --silent',
    'go test ./...',
    'cargo test',
  ]);
  if (r.chance(0.5)) {
    const name =
      /(?:def|function|func|fn)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(sig)?.[1] ?? topicOf(task, 1);
    steps.push({
      think: say(`Let me find where \`${name}\` is defined.`),
      call: { id: id(), name: 'search', input: { pattern: name } },
      result: `${f}:${r.int(1, 40)}:${sig}${r.chance(0.5) ? `\n${testFile}:${r.int(1, 30)}:from ${f.replace(/\.py$/, '').replace(/\//g, '.')} import ${name}` : ''}`,
    });
  }
  steps.push({
    think: say(`I'll read ${f} first.`),
    call: { id: id(), name: 'read_file', input: { path: f } },
    result: current,
  });
  if (r.chance(0.6))
    steps.push({
      think: say('Now the tests, to see what is expected.'),
      call: { id: id(), name: 'read_file', input: { path: testFile } },
      result: tests.length
        ? `import pytest\nfrom solution import *\n\n\ndef test_examples():\n    ${tests.slice(0, 4).join('\n    ')}\n`
        : `def test_basic():\n    assert True\n`,
    });
  const body =
    mode === 'implement' ? lines.filter((l) => l !== sig).join('\n') : lines.slice(0, 6).join('\n');
  steps.push({
    think: say(mode === 'implement' ? `Implementing it now.` : `Making the change in ${f}.`),
    call: {
      id: id(),
      name: 'edit_file',
      input: {
        path: f,
        old_str:
          mode === 'implement'
            ? '    # TODO: implement\n    raise NotImplementedError'
            : (lines[1] ?? sig),
        new_str: body,
      },
    },
    result: `The file ${f} has been edited.`,
  });
  const failFirst = r.chance(0.3);
  steps.push({
    think: say('Running the tests.'),
    call: { id: id(), name: 'run_command', input: { command: testCmd } },
    result: failFirst
      ? `F.\n=== FAILURES ===\n___ test_examples ___\nAssertionError: assert ${r.int(0, 9)} == ${r.int(10, 99)}\n1 failed, ${r.int(1, 40)} passed in ${r.float(0.2, 4).toFixed(2)}s`
      : `${r.int(2, 80)} passed in ${r.float(0.2, 6).toFixed(2)}s`,
  });
  if (failFirst) {
    steps.push({
      think: say('One case fails — the boundary is off by one. Fixing.'),
      call: {
        id: id(),
        name: 'edit_file',
        input: {
          path: f,
          old_str: lines[lines.length - 1] ?? '',
          new_str: lines[lines.length - 1] ?? '',
        },
      },
      result: `The file ${f} has been edited.`,
    });
    steps.push({
      think: say('Re-running the tests.'),
      call: { id: id(), name: 'run_command', input: { command: testCmd } },
      result: `${r.int(2, 80)} passed in ${r.float(0.2, 6).toFixed(2)}s`,
    });
  }
  const final = r.pick([
    `Done. I updated \`${f}\` and the tests pass.`,
    `I've made the change in \`${f}\`. Summary:\n- Handled the edge case\n- Tests: all green.`,
    `The fix is in place and \`${testCmd}\` passes. Let me know if you want me to also refactor the related helper.`,
  ]);
  return { steps, final };
}

export function agentDevelopers(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('agents');
  const c = ctx.corp;
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const persona = r.pick([
      'ide-agent-user',
      'cli-coding-agent',
      'agent-framework-developer',
      'data-analysis-agent',
    ]);
    const country = pickCountry(r);
    const home = ctx.net.homeAddress(r, country.code);
    const office = r.chance(0.4) ? ctx.net.natPool(r, country.code, 2) : null;
    const a = ctx.account(r, {
      family: 'agent_developer',
      persona,
      malicious: false,
      createdMs: agedCreated(r, 5, 700),
      email: personalEmail(r, country),
      signupIp: home.ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier2', 'tier3', 'tier3', 'tier4']),
      route: r.chance(0.15) ? 'startup-credits' : 'self-serve',
      keys: r.int(1, 2),
    });
    const client = makeClient(
      r,
      r.pick([
        'anthropic-node',
        'anthropic-python',
        'openai-node',
        'openai-python',
        'anthropic-node',
      ]),
    );
    const files = r.sample(REPO_FILES, 5);
    const system = `You are a coding agent working in the user's repository (${r.pick(['monorepo', 'service', 'web app', 'CLI tool'])}). Use the tools to inspect and modify files. Make minimal, focused changes. Run tests after editing. Current directory: /home/${personHandle(r).replace(/[^a-z]/g, '')}/code/${r.pick(['api', 'web', 'core', 'infra'])}.`;
    const sessions = sessionStarts(r, {
      tz: country.tz,
      perDay: r.lognormal(1.6, 0.6),
      profile: PROFILES.developer!,
      weekend: 0.35,
      dayProb: 0.85,
    });
    const verbosity = r.next();
    const tryNew = r.chance(0.5);
    for (const st of sessions) {
      let t = st;
      const tasks = r.int(1, 4);
      const history: Turn[] = [];
      for (let k = 0; k < tasks; k++) {
        const ci = r.chance(0.5) ? r.pick(c.mbpp) : r.pick(c.humaneval);
        const code = ci.solution;
        const task = r.chance(0.6)
          ? r.pick(c.arenaCode).slice(0, 800)
          : r.pick([
              'fix the failing test in the billing module',
              'add pagination to the list endpoint',
              'why is the cache returning stale values?',
              'refactor this function to be async',
              'add input validation and tests',
              'the CI is red, can you look',
            ]);
        const plan = agentPlan(r, task, code, verbosity, files, ci.tests, 'fix');
        history.push({ role: 'user', text: task });
        const ip = office && r.chance(0.6) ? r.pick(office) : home.ip();
        const model = (ts: number): string =>
          tryNew && ts > RELEASE && r.chance(0.5)
            ? MODELS.reasonNew
            : r.pick([MODELS.coder, MODELS.coder, MODELS.chat]);
        for (const st2 of plan.steps) {
          const res = ctx.call(
            {
              ts: t,
              actor: a,
              ip,
              client,
              model: model(t),
              system,
              turns: history.slice(),
              tools: AGENT_TOOLS,
              params: { max_tokens: 8192, stream: true, temperature: 0 },
            },
            { text: st2.think, calls: st2.call ? [st2.call] : [] },
          );
          history.push({ role: 'assistant', text: st2.think, calls: st2.call ? [st2.call] : [] });
          history.push({
            role: 'user',
            results: [{ id: st2.call?.id ?? 'x', content: st2.result }],
          });
          t = res.end + r.lognormal(1800, 0.9);
        }
        const res = ctx.call(
          {
            ts: t,
            actor: a,
            ip,
            client,
            model: model(t),
            system,
            turns: history.slice(),
            tools: AGENT_TOOLS,
            params: { max_tokens: 8192, stream: true, temperature: 0 },
          },
          { text: plan.final },
        );
        history.push({ role: 'assistant', text: plan.final });
        t = res.end + thinkMs(r, 240, 1);
        if (history.length > 40) history.splice(0, history.length - 20);
        while (history.length && history[0]?.role !== 'user') history.shift();
        while (history.length && !(history[0] && 'text' in history[0])) history.shift();
      }
    }
  }
}

// ---------- 13. translation services ----------

export function translationServices(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('translate');
  const langs = ['es', 'de', 'fr', 'pt', 'it', 'ja'];
  const names: Record<string, string> = {
    en: 'English',
    es: 'Spanish',
    de: 'German',
    fr: 'French',
    pt: 'Portuguese',
    it: 'Italian',
    ja: 'Japanese',
  };
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const country = pickCountry(r);
    const org = orgName(r);
    const a = ctx.account(r, {
      family: 'translation_service',
      persona: r.pick([
        'ecommerce-localisation',
        'support-ticket-translation',
        'app-string-localisation',
      ]),
      malicious: false,
      createdMs: agedCreated(r, 30, 600),
      email: `${r.pick(['loc', 'i18n', 'ops'])}@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier2', 'tier3']),
      route: 'self-serve',
      org: org.name,
    });
    const client = makeClient(
      r,
      r.pick(['openai-python', 'openai-node', 'java', 'anthropic-python']),
    );
    const egress = ctx.net.egress(r, r.pick(['cloud-a', 'cloud-b', 'vps-e']), 2);
    const times = machineStream(r, T0, T1, r.lognormal(6, 0.6), PROFILES.work!, country.tz);
    const template = r.pick([
      (s: string, t: string, x: string) =>
        `Translate the following text from ${s} to ${t}. Preserve formatting and placeholders. Output only the translation.\n\n${x}`,
      (s: string, t: string, x: string) => `${s} → ${t}:\n${x}`,
    ]);
    for (const t of times) {
      const fromEn = r.chance(0.75);
      const other = r.pick(langs);
      const src = fromEn ? 'en' : other;
      const tgt = fromEn ? other : 'en';
      const group = r.sample(PARALLEL, r.int(1, 4));
      const text = group.map((g) => g[src] ?? '').join(' ');
      const out = group.map((g) => g[tgt] ?? '').join(tgt === 'ja' ? '' : ' ');
      ctx.call(
        {
          ts: t,
          actor: a,
          ip: r.pick(egress),
          client,
          model: r.chance(0.6) ? MODELS.mini : MODELS.chat,
          turns: [{ role: 'user', text: template(names[src] ?? src, names[tgt] ?? tgt, text) }],
          params: { temperature: 0.2, max_tokens: 1000 },
        },
        { text: out },
      );
    }
  }
}

// ---------- 14. students behind a campus NAT ----------

export function campusStudents(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('campus');
  const campuses = [
    { name: 'Northfield University', domain: 'northfield.edu', country: 'US', examDay: 2 },
    { name: 'Universität Rheinau', domain: 'stud.uni-rheinau.de', country: 'DE', examDay: 3 },
    { name: 'Institute of Technology Pune', domain: 'itp.ac.in', country: 'IN', examDay: 4 },
  ];
  const pools = campuses.map((cp, k) => {
    const r = R.fork(`campus${k}`);
    const block = ctx.net.ownedBlock(r);
    return {
      ...cp,
      nat: Array.from({ length: r.int(3, 6) }, (_, j) => `${block}.${10 + j}`),
      wifi: `${block}.${r.int(100, 200)}`,
    };
  });
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const cp = pools[i % pools.length]!;
    const country = countryByCode(cp.country);
    const home = ctx.net.homeAddress(r, country.code);
    const a = ctx.account(r, {
      family: 'campus_students',
      persona: r.pick(['cs-student', 'math-student', 'humanities-student', 'engineering-student']),
      malicious: false,
      createdMs: r.chance(0.3) ? agedCreated(r, 1, 20) : agedCreated(r, 20, 500),
      email: `${personHandle(r)}@${cp.domain}`,
      signupIp: r.chance(0.7) ? r.pick(cp.nat) : home.ip(),
      payment: r.chance(0.7) ? null : paymentFingerprint(r),
      country: country.code,
      tier: 'free',
      route: 'education',
      org: cp.name,
    });
    const lang = country.lang !== 'en' && r.chance(0.4) ? langOf(country.lang) : null;
    const boost = [1, 1, 1, 1, 1, 0.6, 0.8];
    boost[cp.examDay] = 2.5;
    boost[cp.examDay - 1] = 2;
    const starts = sessionStarts(r, {
      tz: country.tz,
      perDay: r.lognormal(1.5, 0.7),
      profile: PROFILES.student!,
      weekend: 0.7,
      dayBoost: boost,
      dayProb: 0.7,
    });
    const client = clientFor(r, [
      ['openai-python', 5],
      ['requests', 2],
      ['anthropic-python', 2],
      ['curl', 1],
      ['openai-node', 2],
    ]);
    for (const st of starts) {
      const localH = new Date(st + country.tz * HOUR).getUTCHours();
      const onCampus = localH >= 8 && localH <= 19 && r.chance(0.8);
      const conv = everydayConversation(ctx, r, lang, {
        homework: 5,
        code: 3,
        writing: 2,
        chat: 1,
        reasoning: 0.5,
      });
      const exch = conv.exchanges.slice();
      if (r.chance(0.3) && exch[0])
        exch.push({
          user: r.pick([
            'why?',
            'can you explain step 2 again',
            'is there a faster way to do this on the exam?',
            'ok what if the number was 20 instead',
          ]),
          assistant: chatAnswer(`explain ${exch[0].user}`, r, 'short'),
        });
      runConversation(ctx, {
        actor: a,
        start: st,
        ip: onCampus ? r.pick(cp.nat) : home.ip(),
        client,
        model: (ts) => everydayModel(r, ts, { mini: 4, chat: 3, reason: 2 }),
        system: conv.system,
        exchanges: exch,
        params: casualParams(r, client.api),
        thinkSec: 60,
        rate429: 0.02,
      });
    }
  }
}

// ---------- 15. employees behind one corporate egress ----------

export function corporateNat(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('corp');
  const orgs = [
    {
      name: 'Halvorsen Logistics ASA',
      domain: 'halvorsen-logistics.com',
      country: 'GB',
      verified: true,
    },
    { name: 'Kestrel Insurance Group', domain: 'kestrelgroup.com', country: 'US', verified: false },
  ];
  const setup = orgs.map((o, k) => {
    const r = R.fork(`org${k}`);
    const block = ctx.net.ownedBlock(r);
    return {
      ...o,
      egress: [
        `${block}.${r.int(2, 20)}`,
        `${block}.${r.int(21, 40)}`,
        `${block}.${r.int(41, 60)}`,
      ],
      ua: makeClient(r, 'openai-python'),
      pay: paymentFingerprint(r),
      contract: {
        id: `ctr_${r.b36(8)}`,
        kind: 'enterprise',
        signedAt: new Date(T0 - r.int(60, 400) * DAY).toISOString(),
      },
    };
  });
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const o = setup[i % setup.length]!;
    const country = countryByCode(o.country);
    const a = ctx.account(r, {
      family: 'corporate_nat',
      persona: r.pick(['analyst', 'engineer', 'marketing', 'support-lead', 'legal-ops']),
      malicious: false,
      createdMs: agedCreated(r, 5, 400),
      email: `${personHandle(r)}@${o.domain}`,
      signupIp: r.pick(o.egress),
      payment: o.pay,
      country: country.code,
      tier: 'enterprise',
      route: 'enterprise',
      org: o.name,
      ...(o.verified ? { verified: true as const, contract: o.contract } : {}),
    });
    const starts = sessionStarts(r, {
      tz: country.tz,
      perDay: r.lognormal(2, 0.6),
      profile: PROFILES.work!,
      weekend: 0.05,
      dayProb: 0.8,
    });
    for (const st of starts) {
      const conv = everydayConversation(ctx, r, null, {
        writing: 3,
        chat: 2,
        code: 2,
        homework: 0.2,
        reasoning: 0.3,
      });
      runConversation(ctx, {
        actor: a,
        start: st,
        ip: () => r.pick(o.egress),
        client: o.ua,
        model: (ts) => everydayModel(r, ts, { mini: 3, chat: 5, reason: 1 }),
        system: conv.system,
        exchanges: conv.exchanges,
        params: { temperature: 0.7 },
        thinkSec: 50,
      });
    }
  }
}

// ---------- 16. variations / rewriting / screening tools ----------

export function variationTools(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('variations');
  const c = ctx.corp;
  const kinds = [
    {
      kind: 'ad-copy-variations',
      sys: 'Write {n} alternative versions of the ad copy below. Keep each under 30 words and keep the brand name.',
      src: 'user',
    },
    {
      kind: 'product-title-rewriter',
      sys: 'Rewrite the product title for SEO. Max 80 characters. Return only the title.',
      src: 'user',
    },
    {
      kind: 'community-safe-rewrite',
      sys: 'You help a forum moderation team. Rewrite the message so it keeps the author’s point but removes insults, threats and harmful instructions. If nothing can be salvaged, reply [REMOVE].',
      src: 'hh',
    },
    {
      kind: 'tone-changer',
      sys: 'Rewrite the text in a {tone} tone. Do not add new facts.',
      src: 'user',
    },
  ];
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const k = r.pick(kinds);
    const country = pickCountry(r);
    const org = orgName(r);
    const a = ctx.account(r, {
      family: 'variations_tool',
      persona: k.kind,
      malicious: false,
      createdMs: agedCreated(r, 10, 500),
      email: `${r.pick(['team', 'dev', personHandle(r)])}@${org.domain}`,
      signupIp: ctx.net.homeAddress(r, country.code).ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier1', 'tier2', 'tier3']),
      route: 'self-serve',
      org: org.name,
    });
    const client = makeClient(r, r.pick(['openai-node', 'vercel-ai', 'openai-python']));
    const egress = ctx.net.egress(r, r.pick(['cloud-a', 'cloud-c']), 2);
    const times = machineStream(r, T0, T1, r.lognormal(4, 0.8), PROFILES.work!, country.tz);
    const nVar = r.pick([3, 4, 5]);
    for (const t of times) {
      let input: string;
      let out: string;
      if (k.src === 'hh') {
        const h = r.pick(c.hhHarmless);
        input = h.rejected.turns[0]?.assistant ?? h.rejected.turns[0]?.user ?? '';
        out = r.chance(0.2) ? '[REMOVE]' : firstSentences(h.chosen.turns[0]?.assistant ?? input, 2);
      } else {
        const u = r.pick(c.userTasks);
        input = u.input || u.output;
        out = u.output;
      }
      const sys = k.sys
        .replace('{n}', String(nVar))
        .replace('{tone}', r.pick(['friendly', 'formal', 'playful', 'concise']));
      const multi = k.kind === 'ad-copy-variations' || k.kind === 'tone-changer';
      const params: Params = { temperature: multi ? 1 : 0.4, max_tokens: 400 };
      if (multi && client.api === 'openai') params.n = nVar;
      ctx.call(
        {
          ts: t,
          actor: a,
          ip: r.pick(egress),
          client,
          model: MODELS.mini,
          system: sys,
          turns: [{ role: 'user', text: input }],
          params,
        },
        multi
          ? { text: out, choices: Array.from({ length: nVar }, (_, j) => variant(r, out, j)) }
          : { text: out },
      );
    }
  }
}

const VAR_PRE = ['', 'New: ', 'Meet the easier way: ', 'Good news — ', 'Heads up: ', 'Finally, '];
const VAR_POST = [
  '',
  ' Try it today.',
  ' Limited time only.',
  ' You will wonder how you managed without it.',
  ' Tap to learn more.',
  ' Made for you.',
];

/** The j-th of several sampled rewrites of a short text. */
function variant(r: Rng, text: string, j: number): string {
  if (j === 0) return text;
  const sentences = text.split(/(?<=[.!?])\s+/).filter(Boolean);
  const core =
    sentences.length > 1 && r.chance(0.5) ? [...sentences.slice(1), sentences[0]].join(' ') : text;
  return `${r.pick(VAR_PRE)}${core}${r.pick(VAR_POST)}`.trim();
}

// ---------- 17. power users and researchers ----------

export function powerUsers(ctx: Ctx, n: number): void {
  const R = ctx.root.fork('power');
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const country = pickCountry(r);
    const persona = r.pick([
      'ai-researcher',
      'quant-hobbyist',
      'prolific-writer',
      'polyglot-developer',
      'math-olympiad-coach',
    ]);
    const home = ctx.net.homeAddress(r, country.code);
    const a = ctx.account(r, {
      family: 'power_user',
      persona,
      malicious: false,
      createdMs: agedCreated(r, 30, 900),
      email: personalEmail(r, country),
      signupIp: home.ip(),
      payment: paymentFingerprint(r),
      country: country.code,
      tier: r.pick(['tier2', 'tier3', 'tier4']),
      route: persona === 'ai-researcher' && r.chance(0.3) ? 'research' : 'self-serve',
    });
    const client = clientFor(r, CASUAL_CLIENTS);
    const mix: Partial<Record<Topic, number>> =
      persona === 'math-olympiad-coach'
        ? { reasoning: 6, homework: 2, chat: 1 }
        : persona === 'prolific-writer'
          ? { writing: 5, persona: 2, chat: 2 }
          : persona === 'polyglot-developer'
            ? { code: 5, chat: 1, reasoning: 1 }
            : { reasoning: 2, chat: 3, code: 2, writing: 1, homework: 1 };
    const lang = country.lang !== 'en' && r.chance(0.4) ? langOf(country.lang) : null;
    const starts = sessionStarts(r, {
      tz: country.tz,
      perDay: r.lognormal(5, 0.5),
      profile: PROFILES.developer!,
      weekend: 0.9,
      dayProb: 0.9,
    });
    const early = r.chance(0.6);
    for (const st of starts) {
      const k = r.int(1, 4);
      let t = st;
      for (let j = 0; j < k; j++) {
        const conv = everydayConversation(ctx, r, lang, mix);
        const exch = conv.exchanges.slice();
        if (r.chance(0.35) && exch[0]) {
          exch.push({
            user: r.pick([
              'Why does that work? Walk me through the key idea.',
              'Can you double-check your reasoning on the second part?',
              'What assumptions are you making?',
              'Give me a counterexample if one exists.',
              'Explain your reasoning more carefully.',
            ]),
            assistant: chatAnswer(`explain ${exch[0].user}`, r, 'medium'),
          });
        }
        t =
          runConversation(ctx, {
            actor: a,
            start: t,
            ip: home.ip(),
            client,
            model: (ts) =>
              conv.topic === 'reasoning' || r.chance(0.2)
                ? reasonModel(r, ts, early ? 0.7 : 0.2)
                : everydayModel(r, ts, {
                    mini: 1,
                    chat: 4,
                    reason: 1,
                    coder: persona === 'polyglot-developer' ? 3 : 0,
                  }),
            system: conv.system,
            exchanges: exch,
            params: (ts) => {
              const p = casualParams(r, client.api);
              if (client.api === 'openai' && ts > 0 && r.chance(0.3))
                p.reasoning_effort = r.pick(['medium', 'high']);
              if (client.api === 'anthropic' && r.chance(0.2)) {
                p.thinking = r.pick([2048, 4096, 8000]);
                p.max_tokens = 16_000;
              }
              return p;
            },
            thinkSec: 70,
          }) + thinkMs(r, 300, 1);
      }
    }
  }
}

// ---------- 18. a reseller/router: pooled accounts carrying its customers' traffic ----------

export interface Router {
  org: string;
  domain: string;
  egress: string[];
  client: Client;
  pay: string[];
  country: string;
}

export function makeRouter(ctx: Ctx): Router {
  const r = ctx.root.fork('router-infra');
  return {
    org: 'RelayMesh OÜ',
    domain: 'relaymesh.net',
    egress: ctx.net.egress(r, 'vps-d', 6),
    client: makeClient(r, 'go'),
    pay: [paymentFingerprint(r), paymentFingerprint(r), paymentFingerprint(r)],
    country: 'NL',
  };
}

export function routerAccount(
  ctx: Ctx,
  r: Rng,
  router: Router,
  family: string,
  persona: string,
  malicious: boolean,
  campaign: string | null,
  idx: number,
): Actor {
  return ctx.account(r, {
    family,
    persona,
    malicious,
    campaign,
    createdMs: agedCreated(r, 3, 200),
    email: `pool-${(idx * 7919 + 13).toString(36)}@${router.domain}`,
    signupIp: r.pick(router.egress),
    payment: r.pick(router.pay),
    country: router.country,
    tier: r.pick(['tier2', 'tier3']),
    route: 'reseller',
    org: router.org,
    keys: r.int(1, 3),
  });
}

/** One resold end-customer chat request through the router. */
export function routerHonestCall(ctx: Ctx, a: Actor, r: Rng, router: Router, t: number): void {
  const conv = everydayConversation(ctx, r, r.chance(0.3) ? r.pick(LANGS) : null, {
    chat: 4,
    code: 2,
    writing: 2,
    persona: 2,
    native: 1,
  });
  runConversation(ctx, {
    actor: a,
    start: t,
    ip: () => r.pick(router.egress),
    client: router.client,
    model: (ts) => everydayModel(r, ts, { mini: 4, chat: 4, reason: 1 }),
    system: conv.system,
    exchanges: conv.exchanges.slice(0, 2),
    params: { temperature: r.pick([0.7, 1]), max_tokens: r.pick([1024, 2048, 4096]), stream: true },
    endUser: `rm_${r.int(1, 5000).toString(36)}`,
    thinkSec: 40,
  });
}

export function resellerCustomers(ctx: Ctx, n: number, router: Router): void {
  const R = ctx.root.fork('reseller');
  for (let i = 0; i < n; i++) {
    const r = R.fork(`a${i}`);
    const a = routerAccount(
      ctx,
      r,
      router,
      'reseller_pool',
      'resold-end-customer-traffic',
      false,
      null,
      i,
    );
    const times = machineStream(
      r,
      Math.max(T0, a.createdMs),
      T1,
      r.lognormal(1.6, 0.5),
      PROFILES.consumer!.map((w) => w + 4),
      r.pick([-5, 1, 8]),
    );
    for (const t of times) routerHonestCall(ctx, a, r, router, t);
  }
}
