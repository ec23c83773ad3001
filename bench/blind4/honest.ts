// Honest populations: ordinary users and the hard negatives from THREATS.md.
import { playTrajectory, trajectory } from './agent.js';
import type { Call, Event, Params } from './api.js';
import type { Rng } from './rng.js';
import {
  Actor,
  before,
  chatConvo,
  type Convo,
  Env,
  followUp,
  honest,
  modelFor,
  playConvo,
} from './sim.js';
import type { MathItem } from './corpus.js';
import {
  codeAnswer,
  diffFor,
  fakePath,
  firstLine,
  keywords,
  mathFollow,
  prose,
  tidy,
  workedSolution,
} from './text.js';
import {
  cloudEgress,
  commonClientKind,
  country,
  type Country,
  DAY,
  type Egress,
  homeEgress,
  HOUR,
  localHour,
  M,
  makeClient,
  MIN,
  mobileEgress,
  natPool,
  payment,
  personalEmail,
  pickCountry,
  poolEgress,
  type Rhythm,
  sampleTimes,
  vpnEgress,
  workEmail,
  type Client,
} from './world.js';

function personalEgress(rng: Rng, c: Country): Egress {
  const r = rng.next();
  if (r < 0.62) return homeEgress(rng, c);
  if (r < 0.9) return mobileEgress(rng, c);
  return vpnEgress(rng);
}

function sdkParams(rng: Rng, client: Client): Params {
  if (client.name.startsWith('browser'))
    return {
      temperature: rng.pick([0.7, 1, 0.8]),
      stream: true,
      max_tokens: rng.pick([2048, 4096]),
    };
  const p: Params = {};
  const t = rng.pick([undefined, undefined, 0, 0.2, 0.5, 0.7, 1]);
  if (t !== undefined) p.temperature = t;
  const mt = rng.pick([undefined, 512, 1000, 1024, 2048, 4096, 8192]);
  if (mt !== undefined || client.api === 'anthropic') p.max_tokens = mt ?? 1024;
  if (rng.chance(0.35)) p.stream = true;
  return p;
}

// ---------------------------------------------------------------- ordinary users

export function* chatter(
  a: Actor,
  env: Env,
  o: {
    tz: number;
    rhythm: Rhythm;
    sessions: number;
    from: number;
    maxTurns: number;
    pref?: { code?: number; math?: number };
    mix?: { mini?: number; flagship?: number; think?: number; adopt?: number };
    params: Params;
    to?: number;
  },
): Generator<Event, void, undefined> {
  const t = env.t;
  const starts = sampleTimes(
    a.rng,
    o.sessions,
    Math.max(o.from, t.start),
    o.to ?? t.end,
    o.tz,
    o.rhythm,
  );
  let cursor = 0;
  for (const s of starts) {
    const ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    const convo = chatConvo(a.rng, env.c, o.maxTurns, o.pref ?? {});
    const model = modelFor(a.rng, t, ts, o.mix ?? {});
    cursor = yield* playConvo(a, ts, convo, model, o.params);
  }
}

export function ordinaryUsers(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`casual${i}`);
    const c = pickCountry(rng);
    const newSignup = rng.chance(0.1);
    const createdAt = newSignup
      ? t.start + rng.float(0, t.end - t.start - 6 * HOUR)
      : before(t, rng, 3, 900);
    const egress = personalEgress(rng, c);
    const route = rng.weighted([
      ['self-serve', 85],
      ['education', 7],
      ['startup-credits', 4],
      ['research', 2],
      ['marketplace', 2],
    ] as const);
    const acct = env.account({
      createdAt,
      email: personalEmail(rng, c),
      signupIp: egress.first(),
      payment: route === 'education' || route === 'research' ? null : payment(rng),
      country: c,
      tier: rng.weighted([
        ['free', 45],
        ['tier1', 35],
        ['tier2', 15],
        ['tier3', 5],
      ] as const),
      route,
    });
    const client = makeClient(rng, rng.chance(0.35) ? 'browser' : commonClientKind(rng));
    const a = new Actor(env, rng, acct, egress, [client]);
    const sessions = Math.max(0, Math.round(rng.logNormal(6, 0.9)) - (rng.chance(0.06) ? 5 : 0));
    env.add(
      'ordinary_user',
      honest('ordinary_user'),
      acct,
      chatter(a, env, {
        tz: c.tz,
        rhythm: rng.pick(['evening', 'mixed', 'student', 'office', 'owl'] as const),
        sessions,
        from: createdAt + rng.float(0, 2) * HOUR,
        maxTurns: rng.int(1, 7),
        pref: { code: rng.float(0, 0.35), math: rng.float(0, 0.2) },
        mix: {
          mini: rng.float(0.1, 0.6),
          flagship: 0.6,
          think: rng.float(0, 0.15),
          adopt: rng.float(0, 0.5),
        },
        params: sdkParams(rng, client),
      }),
    );
  }
}

// ---------------------------------------------------------------- power users & researchers

function* powerUser(
  a: Actor,
  env: Env,
  tz: number,
  rhythm: Rhythm,
  sessions: number,
  researcher: boolean,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, sessions, t.start, t.end, tz, rhythm);
  // early adopters also spend an evening comparing the new model against the old one
  if (rng.chance(0.5)) {
    const s = t.release + rng.float(0.3, 20) * HOUR;
    for (let k = 0; k < rng.int(3, 10); k++) starts.push(s + k * rng.float(3, 15) * MIN);
    starts.sort((x, y) => x - y);
  }
  let cursor = 0;
  const baseParams: Params = sdkParams(rng, a.client);
  for (const s of starts) {
    let ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    const roll = rng.next();
    const params: Params = { ...baseParams };
    let model = modelFor(rng, t, ts, { mini: 0.15, flagship: 0.55, think: 0.3, adopt: 0.6 });
    if (researcher && roll < 0.05) {
      // calibration probes with logprobs on a handful of their own questions
      params.logprobs = true;
      params.top_logprobs = rng.pick([5, 10]);
      params.temperature = 0;
      params.max_tokens = rng.pick([1, 5, 16]);
      delete params.stream;
      const api = 'openai';
      for (let k = 0; k < rng.int(4, 15); k++) {
        const cot = rng.pick(env.c.cot);
        const q = `${cot.q}\nAnswer with ${cot.src === 'strategyqa' ? 'yes or no' : 'the option letter'} only.`;
        const ev = a.ev(ts, {
          model: model === M.think ? M.flagship : model,
          msgs: [{ role: 'user', text: q }],
          params,
          reply: { text: cot.answer },
          api,
        });
        yield ev;
        ts += rng.logNormal(1500, 0.6);
      }
      cursor = ts;
      continue;
    }
    if (roll < 0.3) {
      const m = rng.pick(env.c.math);
      const q = rng.pick([
        m.q,
        `${m.q}\n\nPlease reason step by step and put the final answer in \\boxed{}.`,
        `${m.q} Explain your reasoning.`,
        `Is this right? I think the answer is ${m.answer}. ${m.q}`,
      ]);
      const convo: Convo = {
        turns: [
          {
            user: q,
            assistant: workedSolution(rng, m, rng.pick(['headed', 'plain', 'tutor'] as const)),
            reasoning: Math.round(rng.logNormal(2500, 0.7)),
          },
        ],
        kind: 'math',
      };
      if (rng.chance(0.45)) {
        const fu = followUp(rng, 'math', convo.turns[0]?.assistant ?? '', m.answer);
        convo.turns.push({ user: fu, assistant: mathFollow(rng, m, fu, env.c) });
      }
      if (rng.chance(0.5)) model = t.release <= ts && rng.chance(0.5) ? M.next : M.think;
      cursor = yield* playConvo(a, ts, convo, model, params);
      continue;
    }
    const convo = chatConvo(rng, env.c, rng.int(2, 10), { code: 0.3, math: 0.05 });
    if (rng.chance(0.1)) {
      params.n = rng.int(2, 4);
      params.temperature = 1;
    }
    if (rng.chance(0.2) && !convo.system)
      convo.system = rng.pick([
        'You are a concise assistant. Prefer bullet points.',
        'Answer as an expert. No fluff.',
        'You are a helpful assistant.',
        rng.pick(env.c.roles).prompt,
      ]);
    cursor = yield* playConvo(a, ts, convo, model, params);
  }
}

export function powerUsers(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`power${i}`);
    const c = pickCountry(rng);
    const researcher = rng.chance(0.4);
    const egress =
      researcher && rng.chance(0.5)
        ? poolEgress(rng, natPool(rng, rng.pick(c.res), 4), 'office')
        : homeEgress(rng, c);
    const uni = `${rng.pick(['cs', 'ml', 'stat', 'eecs', 'informatik'])}.${rng.pick(['uni-north', 'polytechnic', 'state-univ', 'tu-rhein', 'kyoto-tech', 'univ-sul', 'iisc-b', 'ucl-sim'])}.edu`;
    const acct = env.account({
      createdAt: before(t, rng, 10, 800),
      email: researcher ? workEmail(rng, uni) : personalEmail(rng, c),
      signupIp: egress.first(),
      payment: researcher && rng.chance(0.4) ? null : payment(rng),
      country: c,
      tier: rng.pick(['tier2', 'tier3', 'tier4']),
      route: researcher ? rng.pick(['research', 'research', 'self-serve']) : 'self-serve',
    });
    const clients = [
      makeClient(
        rng,
        rng.pick([
          'openai-py',
          'anthropic-py',
          'openai-py',
          'browser',
          'litellm',
          'openai-node',
        ] as const),
      ),
    ];
    const a = new Actor(env, rng, acct, egress, clients, rng.int(1, 3));
    const persona = researcher ? 'researcher' : 'power_user';
    env.add(
      persona,
      honest(persona),
      acct,
      powerUser(
        a,
        env,
        c.tz,
        rng.pick(['office', 'owl', 'mixed', 'evening'] as const),
        Math.round(rng.logNormal(45, 0.5)),
        researcher,
      ),
    );
  }
}

// ---------------------------------------------------------------- coding agents / IDE plugins

function* codingAgent(
  a: Actor,
  env: Env,
  tz: number,
  sessions: number,
  alt: boolean,
  from = env.t.start,
  rhythm: Rhythm = 'office',
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, sessions, from, t.end, tz, rhythm);
  let cursor = 0;
  const model0 = rng.pick([M.flagship, M.flagship, M.think, M.mini]);
  const system = rng.pick([
    "You are a coding agent running inside the user's editor. You can read and edit files and run commands in the workspace. Make minimal, focused changes. Always run the tests after editing.",
    'You are an expert software engineer pair-programming with the user. Use the provided tools to inspect the repository before making changes. Explain what you changed at the end.',
    "You are Kestrel, an AI assistant for software development. Follow the repository's conventions. Never commit. Prefer small diffs.",
  ]);
  for (const s of starts) {
    let ts = Math.max(s, cursor);
    if (ts >= t.end) break;
    const model = ts > t.release && rng.chance(0.45) ? M.next : model0;
    if (rng.chance(0.35)) {
      // quick inline edits: single request with the selection pasted in
      for (let k = 0; k < rng.int(1, 6); k++) {
        const item = rng.pick(env.c.code);
        const ask = rng.pick([
          'add type hints',
          'explain this',
          'make this faster',
          'write a docstring',
          'convert to a list comprehension where it makes sense',
          'find the bug',
        ]);
        const ev = a.ev(ts, {
          model: M.mini,
          system:
            'You are a coding assistant embedded in an editor. Reply with code when asked for code.',
          msgs: [{ role: 'user', text: `${ask}\n\n\`\`\`python\n${item.solution.trim()}\n\`\`\`` }],
          params: { temperature: 0.2, max_tokens: 1024, stream: true },
          reply: {
            text:
              ask === 'explain this'
                ? prose(rng, env.c, item.prompt, rng.int(80, 250))
                : codeAnswer(rng, item, 'code-only'),
          },
        });
        yield ev;
        ts += rng.logNormal(70_000, 0.9);
      }
      cursor = ts;
      continue;
    }
    const tr = trajectory(rng, env.c, rng.pick(env.c.code), alt);
    const base: Omit<Call, 'msgs' | 'reply' | 'model'> = {
      system,
      params: {
        max_tokens: rng.pick([4096, 8192]),
        stream: true,
        temperature: rng.pick([0, 0.2, 0.3]),
      },
    };
    ts = yield* playTrajectory(a, ts, tr, model, base, (r) => r.logNormal(2500, 0.7));
    // the human reads the summary and sometimes asks for a follow-up tweak
    if (rng.chance(0.4)) {
      const item = rng.pick(env.c.code);
      ts += rng.logNormal(90_000, 0.7);
      const ev = a.ev(ts, {
        model,
        system,
        msgs: [
          { role: 'user', text: tr.task },
          { role: 'assistant', text: tr.final },
          {
            role: 'user',
            text: tidy(
              rng,
              rng.pick([
                'looks good. can you also add a test for the empty case?',
                'thanks — can you rename the variable to something clearer?',
                'hmm, revert the comment and keep just the fix',
                'now update the changelog',
              ]),
            ),
          },
        ],
        tools: tr.tools,
        params: base.params,
        reply: { text: `Done.\n\n${codeAnswer(rng, item, 'code-only')}` },
      });
      yield ev;
    }
    cursor = ts + rng.logNormal(4 * MIN, 0.8);
  }
}

export function codingAgents(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`coder${i}`);
    const c = pickCountry(rng);
    const egress = rng.chance(0.8) ? homeEgress(rng, c) : vpnEgress(rng);
    const acct = env.account({
      createdAt: before(t, rng, 5, 600),
      email: personalEmail(rng, c),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: rng.pick(['tier1', 'tier2', 'tier3']),
      route: rng.pick(['self-serve', 'self-serve', 'startup-credits']),
    });
    const client = makeClient(rng, 'ide');
    const a = new Actor(env, rng, acct, egress, [client]);
    env.add(
      'coding_agent',
      honest('coding_agent'),
      acct,
      codingAgent(
        a,
        env,
        c.tz,
        Math.round(rng.logNormal(22, 0.5)),
        client.api === 'anthropic',
        t.start,
        rng.pick(['office', 'office', 'owl', 'mixed'] as const),
      ),
    );
  }
}

// ---------------------------------------------------------------- shared-NAT organisations

export function sharedNatOrgs(env: Env, orgs: number, membersEach: number): void {
  const t = env.t;
  const names = [
    'northwind-bank',
    'tessellate',
    'orbitalis',
    'kaveri-infotech',
    'hollis-legal',
    'meridian-health',
  ];
  for (let o = 0; o < orgs; o++) {
    const rng = env.rng.fork(`org${o}`);
    const c = country(rng.pick(['GB', 'IN', 'DE', 'US', 'JP', 'BR']));
    const domain = `${names[o % names.length] ?? 'org'}.com`;
    const nat = natPool(rng, rng.pick(c.res), rng.int(2, 6));
    const orgPay = rng.chance(0.7) ? payment(rng) : null;
    const clientKind = rng.pick(['openai-py', 'browser', 'anthropic-py'] as const);
    for (let i = 0; i < env.n(membersEach); i++) {
      const r = rng.fork(`m${i}`);
      const egress = poolEgress(r, nat, 'office');
      const acct = env.account({
        createdAt: before(t, r, 5, 400),
        email: workEmail(r, domain),
        signupIp: egress.first(),
        payment: orgPay ?? payment(r),
        country: c,
        tier: 'enterprise',
        route: 'enterprise',
      });
      const kind = r.next();
      const client = makeClient(
        r,
        kind < 0.25 ? 'ide' : r.chance(0.7) ? clientKind : commonClientKind(r),
      );
      const a = new Actor(env, r, acct, egress, [client]);
      const gen =
        kind < 0.25
          ? codingAgent(a, env, c.tz, Math.round(r.logNormal(8, 0.6)), client.api === 'anthropic')
          : chatter(a, env, {
              tz: c.tz,
              rhythm: 'office',
              sessions: Math.round(r.logNormal(10, 0.7)),
              from: t.start,
              maxTurns: r.int(1, 6),
              params: sdkParams(r, client),
              pref: { code: 0.25, math: 0.03 },
              mix: { mini: 0.2, flagship: 0.7, think: 0.1, adopt: 0.2 },
            });
      env.add('shared_nat_org', honest('shared_nat_org_member'), acct, gen);
    }
  }
}

// ---------------------------------------------------------------- batch pipelines

interface BatchTpl {
  name: string;
  system: string;
  user: (doc: string, rng: Rng) => string;
  out: (doc: string, rng: Rng) => string;
  maxTok: number;
  json: boolean;
}

function summary(doc: string, rng: Rng): string {
  const kw = keywords(doc, 5);
  return `${rng.pick(['Customer', 'User', 'The requester'])} asked about ${kw.slice(0, 2).join(' and ') || 'their account'}. ${rng.pick(['Agent explained', 'Guidance was given on', 'The reply covered'])} ${kw.slice(2, 4).join(' and ') || 'next steps'}. ${rng.pick(['No follow-up needed.', 'Follow-up suggested.', 'Resolved.'])}`;
}

const BATCH: BatchTpl[] = [
  {
    name: 'crm-summary',
    system: 'You write CRM notes. Two or three plain sentences, no greeting, no speculation.',
    user: (d) => `Summarize this conversation for the CRM note field.\n\n"""\n${d}\n"""`,
    out: summary,
    maxTok: 200,
    json: false,
  },
  {
    name: 'ticket-triage',
    system:
      'Classify the support ticket. Return JSON: {"category": one of ["billing","bug","feature_request","account_access","how_to","other"], "urgency": "low"|"medium"|"high", "language": ISO code}.',
    user: (d) => `Ticket body:\n${d}`,
    out: (_d, r) =>
      JSON.stringify({
        category: r.pick([
          'billing',
          'bug',
          'feature_request',
          'account_access',
          'how_to',
          'other',
        ]),
        urgency: r.pick(['low', 'low', 'medium', 'high']),
        language: 'en',
      }),
    maxTok: 60,
    json: true,
  },
  {
    name: 'entity-extract',
    system:
      'Extract entities from the text. Respond with a JSON object with keys people, organizations, places, dates (arrays of strings). Use empty arrays when none.',
    user: (d) => d,
    out: (d, r) =>
      JSON.stringify({
        people: keywords(d, 2).slice(0, r.int(0, 2)),
        organizations: [],
        places: keywords(d, 6).slice(4, 4 + r.int(0, 2)),
        dates: [],
      }),
    maxTok: 150,
    json: true,
  },
  {
    name: 'review-aspects',
    system:
      'For the product review, list each aspect mentioned with its sentiment, one per line as `aspect: positive|negative|mixed`.',
    user: (d) => `Review:\n${d}`,
    out: (d, r) =>
      keywords(d, 4)
        .map((k) => `${k}: ${r.pick(['positive', 'negative', 'mixed'])}`)
        .join('\n'),
    maxTok: 120,
    json: false,
  },
  {
    name: 'kb-tags',
    system:
      'Assign 3 to 5 lowercase tags to the knowledge-base article. Output a comma-separated list only.',
    user: (d) => `Article:\n${d}`,
    out: (d) => keywords(d, 5).join(', '),
    maxTok: 40,
    json: false,
  },
  {
    name: 'action-items',
    system: 'Extract action items as a markdown checklist. If none, output `- [ ] none`.',
    user: (d) => `Notes:\n${d}`,
    out: (d) =>
      keywords(d, 3)
        .map((k) => `- [ ] follow up on ${k}`)
        .join('\n'),
    maxTok: 200,
    json: false,
  },
];

function* batchPipeline(
  a: Actor,
  env: Env,
  tpl: BatchTpl,
  tz: number,
  perRun: number,
  hourLocal: number,
  gapMs: number,
  model: string,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const long = env.c.documents.filter((d) => d.length > 280);
  const docs =
    long.length > 50
      ? long
      : env.c.documents.length
        ? env.c.documents
        : env.c.chat.map((x) => x.text);
  let di = rng.int(0, docs.length - 1);
  for (let d = 0; d < t.days + 1; d++) {
    let ts = t.start + d * DAY + (hourLocal - tz) * HOUR + rng.float(0, 8) * MIN;
    const { weekend } = localHour(ts, tz);
    const n = Math.round(perRun * (weekend ? rng.float(0.2, 0.5) : rng.float(0.8, 1.2)));
    for (let k = 0; k < n; k++) {
      if (ts >= t.end) return;
      const doc = (docs[di++ % docs.length] ?? '').slice(0, 3500);
      const call: Call = {
        model,
        system: tpl.system,
        msgs: [{ role: 'user', text: tpl.user(doc, rng) }],
        params: { temperature: 0, max_tokens: tpl.maxTok, json: tpl.json },
        reply: { text: tpl.out(doc, rng) },
      };
      if (ts >= t.start) {
        if (rng.chance(0.01)) {
          yield a.ev(ts, { ...call, status: 429 });
          ts += rng.float(1000, 4000);
        }
        yield a.ev(ts, call);
      }
      ts += gapMs * rng.float(0.85, 1.15);
    }
  }
}

export function batchPipelines(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`batch${i}`);
    const c = pickCountry(rng);
    const egress = cloudEgress(
      rng,
      rng.pick(['aws', 'gcp', 'azure', 'hetzner', 'digitalocean']),
      rng.int(1, 3),
    );
    const acct = env.account({
      createdAt: before(t, rng, 20, 700),
      email: workEmail(
        rng,
        `${rng.pick(['acme-data', 'ledgerline', 'shipfast', 'quill', 'brightdesk', 'pollen', 'vantage'])}${rng.int(1, 99)}.io`,
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: rng.pick(['tier3', 'tier4']),
      route: 'self-serve',
    });
    const a = new Actor(env, rng, acct, egress, [
      makeClient(rng, rng.pick(['openai-py', 'requests', 'go', 'openai-node', 'aiohttp'] as const)),
    ]);
    const tpl = rng.pick(BATCH);
    env.add(
      'batch_pipeline',
      honest('batch_pipeline'),
      acct,
      batchPipeline(
        a,
        env,
        tpl,
        c.tz,
        rng.int(60, 220),
        rng.int(0, 5),
        rng.float(400, 2500),
        rng.pick([M.mini, M.mini, M.flagship]),
      ),
    );
  }
}

// ---------------------------------------------------------------- evaluation harnesses

function* evalHarness(a: Actor, env: Env, tz: number): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const c = env.c;
  const gsm = c.math.filter((m) => m.src === 'gsm8k');
  const gsmTest = gsm.slice(-1319);
  const shots = gsm.slice(0, 8);
  const fewshot = shots
    .map(
      (s) =>
        `Q: ${s.q}\nA: Let's think step by step. ${s.solution.replace(/\n/g, ' ')} The answer is ${s.answer}.`,
    )
    .join('\n\n');
  const benches = rng.sample(
    ['gsm8k', 'humaneval', 'mbpp', 'math', 'mtbench', 'arc'],
    rng.chance(0.6) ? 1 : 2,
  );
  const runs = rng.chance(0.65) ? 1 : 2;
  const models = [rng.pick([M.flagship, M.mini, M.think])];
  let ts = sampleTimes(rng, 1, t.start, t.release - 4 * HOUR, tz, 'office')[0] ?? t.start + DAY;
  for (let r = 0; r < runs; r++) {
    const model = r > 0 && ts > t.release ? M.next : (models[0] as string);
    const conc = rng.pick([4, 8, 16, 32]);
    for (const b of benches) {
      const items: { q: string; a: string; sys?: string; max: number }[] = [];
      if (b === 'gsm8k')
        for (const m of gsmTest.slice(0, rng.pick([200, 250, 500, 1319])))
          items.push({
            q: `${fewshot}\n\nQ: ${m.q}\nA: Let's think step by step.`,
            a: `${m.solution.replace(/\n/g, ' ')} The answer is ${m.answer}.`,
            max: 512,
          });
      if (b === 'humaneval')
        for (const h of c.code.filter((x) => x.src === 'humaneval'))
          items.push({
            q: `Complete the following Python function. Return only the code.\n\n\`\`\`python\n${h.prompt}\`\`\``,
            a: '```python\n' + h.solution + '\n```',
            max: 1024,
          });
      if (b === 'mbpp')
        for (const h of c.code.filter((x) => x.src === 'mbpp').slice(0, rng.int(100, 500)))
          items.push({
            q: `You are an expert Python programmer, and here is your task: ${h.prompt} Your code should pass these tests:\n\n${h.tests.join('\n')}`,
            a: '```python\n' + h.solution + '\n```',
            max: 512,
          });
      if (b === 'math')
        for (const m of c.math.filter((x) => x.src === 'math'))
          items.push({
            q: `Solve the following math problem. Put your final answer within \\boxed{}.\n\n${m.q}`,
            a: `${m.solution}`,
            max: 2048,
          });
      if (b === 'mtbench')
        for (const tt of c.twoTurn)
          items.push({
            q: tt[0] ?? '',
            a: prose(rng, c, tt[0] ?? '', rng.int(200, 500), 'writing'),
            max: 1024,
          });
      if (b === 'arc')
        for (const q of c.cot.filter((x) => x.src === 'qasc'))
          items.push({ q: `${q.q}\nAnswer:`, a: q.answer, max: 8 });
      // `conc` requests in flight: arrivals every latency/conc on average
      for (const it of items) {
        if (ts >= t.end) return;
        const call: Call = {
          model,
          msgs: [{ role: 'user', text: it.q }],
          params: { temperature: 0, max_tokens: it.max, seed: 1234 },
          reply: { text: it.a },
        };
        if (model === M.think) call.reply.reasoning = Math.round(rng.logNormal(1500, 0.6));
        const ev = a.ev(ts, call);
        yield ev;
        ts += Number((ev.response as { latencyMs?: number }).latencyMs ?? 1000) / conc;
      }
    }
    ts += rng.float(0.5, 3) * DAY;
    if (ts > t.end) return;
  }
}

export function evalHarnesses(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`eval${i}`);
    const c = pickCountry(rng);
    const egress = rng.chance(0.6)
      ? cloudEgress(rng, rng.pick(['aws', 'gcp', 'azure', 'oracle']))
      : poolEgress(rng, natPool(rng, rng.pick(c.res), 3), 'office');
    const acct = env.account({
      createdAt: before(t, rng, 1, 400),
      email: workEmail(
        rng,
        rng.pick([
          'evalworks.ai',
          'benchlab.org',
          'ml.uni-north.edu',
          'frontier-evals.com',
          `lab${rng.int(1, 40)}.ai`,
        ]),
      ),
      signupIp: egress.first(),
      payment: rng.chance(0.3) ? null : payment(rng),
      country: c,
      tier: rng.pick(['tier2', 'tier3', 'tier4']),
      route: rng.pick(['research', 'self-serve', 'research']),
    });
    const a = new Actor(env, rng, acct, egress, [
      makeClient(rng, rng.pick(['openai-py', 'litellm', 'openai-py', 'aiohttp'] as const)),
    ]);
    env.add('eval_harness', honest('eval_harness'), acct, evalHarness(a, env, c.tz));
  }
}

// ---------------------------------------------------------------- LLM-as-judge vendors

function* judgeVendor(a: Actor, env: Env, perHour: number): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const rubric = rng.pick([
    "You are an impartial judge. Evaluate the assistant's response to the user's question on helpfulness, accuracy, depth and harmlessness. Give a short justification, then output a score from 1 to 10 in the format: Rating: [[N]].",
    'You are grading chatbot responses for a customer. Criteria: (1) factual accuracy, (2) follows instructions, (3) tone matches brand guidelines, (4) no unsupported claims. Return JSON {"scores": {criterion: 1-5}, "overall": 1-5, "explanation": string}.',
    'Please act as an impartial judge and compare two AI assistant responses to the same user question. Avoid position bias and length bias. After your explanation output [[A]] if A is better, [[B]] if B is better, or [[C]] for a tie.',
  ]);
  const pairwise = rubric.includes('[[A]]');
  const jsonOut = rubric.includes('JSON');
  let ts = t.start + rng.float(0, 10) * MIN;
  while (ts < t.end) {
    const load =
      0.25 +
      1.5 *
        (localHour(ts, -5).weekend ? 0.3 : 1) *
        (localHour(ts, -5).h >= 8 && localHour(ts, -5).h < 20 ? 1 : 0.3);
    const p = rng.pick(env.c.pairs);
    const swap = rng.chance(0.5);
    const [A, B] = swap ? [p.worse, p.better] : [p.better, p.worse];
    const q = pairwise
      ? `[User Question]\n${p.prompt}\n\n[The Start of Assistant A's Answer]\n${A}\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\n${B}\n[The End of Assistant B's Answer]`
      : `[Question]\n${p.prompt}\n\n[The Start of Assistant's Answer]\n${A}\n[The End of Assistant's Answer]`;
    const verdict = pairwise
      ? `Assistant ${swap ? 'B' : 'A'} addresses the question more directly and is more accurate, while the other response ${rng.pick(['is vague', 'contains a factual error', 'ignores part of the request'])}. [[${swap ? 'B' : 'A'}]]`
      : jsonOut
        ? JSON.stringify({
            scores: {
              accuracy: rng.int(2, 5),
              instructions: rng.int(2, 5),
              tone: rng.int(3, 5),
              claims: rng.int(2, 5),
            },
            overall: rng.int(2, 5),
            explanation: `The response ${rng.pick(['answers the question but misses a detail', 'is accurate and on-brand', 'makes an unsupported claim'])}.`,
          })
        : `The response ${rng.pick(['is relevant and mostly accurate', 'is polite but shallow', 'answers the question directly with good detail'])}. ${rng.pick(['It could cite specifics.', 'Minor omissions.', 'No safety concerns.'])}\n\nRating: [[${rng.int(3, 9)}]]`;
    yield a.ev(
      ts,
      {
        model: rng.chance(0.8) ? M.flagship : M.mini,
        system: rubric,
        msgs: [{ role: 'user', text: q }],
        params: { temperature: 0, max_tokens: 512, json: jsonOut },
        reply: { text: verdict },
      },
      { key: rng.pick(a.keys) },
    );
    ts += rng.exp(HOUR / (perHour * load));
  }
}

export function judgeVendors(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`judge${i}`);
    const egress = cloudEgress(rng, rng.pick(['aws', 'gcp']), rng.int(2, 6));
    const acct = env.account({
      createdAt: before(t, rng, 60, 500),
      email: workEmail(
        rng,
        rng.pick(['gradewell.ai', 'judgeline.io', 'assay-ml.com', 'rubricly.com']),
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: 'US',
      tier: 'tier4',
      route: rng.pick(['enterprise', 'self-serve']),
    });
    const a = new Actor(
      env,
      rng,
      acct,
      egress,
      [makeClient(rng, rng.pick(['openai-py', 'litellm'] as const))],
      rng.int(2, 4),
    );
    env.add(
      'llm_judge_vendor',
      honest('llm_judge_vendor'),
      acct,
      judgeVendor(a, env, rng.float(8, 22)),
    );
  }
}

// ---------------------------------------------------------------- education apps

function* educationApp(
  a: Actor,
  env: Env,
  tz: number,
  perHour: number,
  appName: string,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const system = `You are ${appName}, a friendly tutor for students aged 11-16. Always explain step by step: restate what the question asks, show each calculation on its own line, and finish with the answer in bold. Use simple words. Never just give the answer without the working. If the student seems frustrated, be encouraging.`;
  let ts = t.start;
  const mathPool0 = env.c.math.filter((m) => m.src === 'gsm8k' || m.src === 'math');
  const mathPool = mathPool0.length ? mathPool0 : env.c.math;
  while (ts < t.end) {
    const w = Math.max(
      0.02,
      ((): number => {
        const { h, weekend } = localHour(ts, tz);
        return weekend
          ? h >= 10 && h < 21
            ? 0.3
            : 0.02
          : h >= 8 && h < 15
            ? 0.8
            : h >= 15 && h < 22
              ? 1
              : 0.03;
      })(),
    );
    ts += rng.exp(HOUR / (perHour * w));
    if (ts >= t.end) break;
    const student = `stu_${rng.hex(8)}`;
    const useCot = rng.chance(0.2) && env.c.cot.length;
    let q: string;
    let ans: string;
    let kind = 'math';
    let mItem: MathItem | null = null;
    if (useCot) {
      const it = rng.pick(env.c.cot);
      q = it.q;
      ans = `Let's think about what the question is asking.\n\n${it.rationale
        .split(/(?<=\.)\s+/)
        .map((s, i) => `${i + 1}. ${s}`)
        .join('\n')}\n\n**Answer: ${it.answer}**`;
      kind = 'general';
    } else {
      const m = rng.pick(mathPool);
      mItem = m;
      q = rng.chance(0.6)
        ? m.q
        : tidy(
            rng,
            `${rng.pick(['i dont get this', 'help', 'how do i do this', 'can u explain', 'what is the answer and how'])}: ${m.q}`,
          );
      ans = workedSolution(rng, m, 'tutor');
    }
    const convo: Convo = { system, turns: [{ user: q, assistant: ans }], kind };
    if (rng.chance(0.3)) {
      const fu = tidy(
        rng,
        rng.pick([
          'why do we divide there?',
          'i still dont understand step 2',
          'can you explain it a different way',
          'ok thanks!! can you give me one to practise',
          'so is the answer the bold one?',
          'what does that symbol mean',
        ]),
      );
      convo.turns.push({
        user: fu,
        assistant: mItem
          ? mathFollow(rng, mItem, fu, env.c)
          : prose(rng, env.c, `${fu} ${q}`, rng.int(60, 220)),
      });
    }
    const params: Params = { temperature: 0.3, max_tokens: 1200, user: student };
    const model = rng.chance(0.7) ? M.mini : M.flagship;
    ts = yield* playConvo(a, ts, convo, model, params, (ms) => ms * 0.7);
  }
}

export function educationApps(env: Env, count: number): void {
  const t = env.t;
  const names = ['Mathling', 'StepWise', 'Tutorly', 'Ganit Mitra', 'Rekenmaatje', 'Aprende+'];
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`edu${i}`);
    const c = country(rng.pick(['US', 'IN', 'GB', 'BR', 'NL', 'NG', 'ID']));
    const egress = cloudEgress(rng, rng.pick(['aws', 'gcp', 'azure']), rng.int(2, 5));
    const name = names[i % names.length] ?? 'Tutor';
    const acct = env.account({
      createdAt: before(t, rng, 90, 600),
      email: workEmail(rng, `${name.toLowerCase().replace(/[^a-z]/g, '')}.app`),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: 'tier4',
      route: rng.pick(['self-serve', 'enterprise', 'education']),
    });
    const a = new Actor(
      env,
      rng,
      acct,
      egress,
      [makeClient(rng, rng.pick(['openai-node', 'openai-py', 'go', 'okhttp'] as const))],
      rng.int(1, 3),
    );
    env.add(
      'education_app',
      honest('education_app'),
      acct,
      educationApp(a, env, c.tz, rng.float(18, 30), name),
    );
  }
}

// ---------------------------------------------------------------- licensed synthetic-data customer

function* licensedSynth(a: Actor, env: Env, perHour: number): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const c = env.c;
  let mi = rng.int(0, c.math.length - 1);
  let ci = rng.int(0, c.code.length - 1);
  let ts = t.start + rng.float(0, 30) * MIN;
  const sys =
    "Generate a high-quality training example. Solve the task completely, showing all intermediate reasoning, then give the final answer on the last line prefixed with 'ANSWER:'.";
  while (ts < t.end) {
    ts += rng.exp(HOUR / perHour);
    const useCode = rng.chance(0.35);
    const model = ts > t.release + 2 * DAY && rng.chance(0.3) ? M.next : M.think;
    let call: Call;
    if (useCode) {
      const it = c.code[ci++ % c.code.length];
      if (!it) continue;
      call = {
        model,
        system: sys,
        msgs: [{ role: 'user', text: `Task: ${it.prompt}` }],
        params: { temperature: 0.8, max_tokens: 8192, n: rng.pick([1, 2, 4]) },
        reply: {
          text: `${codeAnswer(rng, it, 'review')}\n\nANSWER: see function above`,
          reasoning: Math.round(rng.logNormal(2200, 0.6)),
        },
      };
    } else {
      const m = c.math[mi++ % c.math.length];
      if (!m) continue;
      call = {
        model,
        system: sys,
        msgs: [{ role: 'user', text: `Task: ${m.q}` }],
        params: { temperature: 0.8, max_tokens: 8192, n: rng.pick([1, 2, 4]) },
        reply: {
          text: `${workedSolution(rng, m, 'plain')}\nANSWER: ${m.answer}`,
          reasoning: Math.round(rng.logNormal(3000, 0.7)),
        },
      };
    }
    yield a.ev(ts, call, { key: rng.pick(a.keys) });
  }
}

export function licensedSynthetic(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`synth${i}`);
    const egress = cloudEgress(rng, rng.pick(['gcp', 'aws']), 8);
    const acct = env.account({
      createdAt: before(t, rng, 30, 200),
      email: workEmail(rng, rng.pick(['corpora-labs.com', 'datafoundry.ai'])),
      signupIp: egress.first(),
      payment: `contract_${rng.hex(10)}`,
      country: rng.pick(['US', 'GB', 'SG']),
      tier: 'enterprise',
      route: 'enterprise',
    });
    const a = new Actor(env, rng, acct, egress, [makeClient(rng, 'openai-py')], 4);
    env.add(
      'licensed_synthetic_data',
      honest('licensed_synthetic_data'),
      acct,
      licensedSynth(a, env, rng.float(22, 36)),
    );
  }
}

// ---------------------------------------------------------------- logprob classifiers

const CLASSIFIERS: {
  name: string;
  system: string;
  labels: [string, string][];
  doc: 'review' | 'ticket' | 'comment';
}[] = [
  {
    name: 'sentiment',
    system:
      'Classify the sentiment of the review as positive, negative or neutral. Answer with one word.',
    labels: [
      ['positive', '31587'],
      ['negative', '43324'],
      ['neutral', '60668'],
    ],
    doc: 'review',
  },
  {
    name: 'intent',
    system:
      'Route the message to a queue. Answer with exactly one of: sales, support, billing, spam, other.',
    labels: [
      ['sales', '70075'],
      ['support', '39208'],
      ['billing', '67456'],
      ['spam', '76796'],
      ['other', '1890'],
    ],
    doc: 'ticket',
  },
  {
    name: 'toxicity',
    system: 'Does the comment contain harassment, hate or threats? Answer Yes or No.',
    labels: [
      ['Yes', '9642'],
      ['No', '2822'],
    ],
    doc: 'comment',
  },
  {
    name: 'relevance',
    system: 'Is the passage relevant to the query? Answer True or False.',
    labels: [
      ['True', '2575'],
      ['False', '4139'],
    ],
    doc: 'review',
  },
];

function* logprobClassifier(
  a: Actor,
  env: Env,
  tz: number,
  perHour: number,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const cl = rng.pick(CLASSIFIERS);
  const bias: Record<string, number> = {};
  for (const [, id] of cl.labels) bias[id] = rng.pick([100, 100, 50, 20]);
  const docs =
    cl.doc === 'comment' ? env.c.pairs.map((p) => p.prompt).filter(Boolean) : env.c.documents;
  let ts = t.start;
  while (ts < t.end) {
    const { h, weekend } = localHour(ts, tz);
    const w = (weekend ? 0.4 : 1) * (h >= 7 && h < 23 ? 1 : 0.25);
    ts += rng.exp(HOUR / (perHour * w));
    if (ts >= t.end) break;
    const doc = rng.pick(docs).slice(0, 1500);
    const label = (rng.pick(cl.labels) as [string, string])[0];
    yield a.ev(ts, {
      model: M.mini,
      system: cl.system,
      msgs: [
        {
          role: 'user',
          text:
            cl.name === 'relevance'
              ? `Query: ${firstLine(rng.pick(env.c.chat).text, 60)}\nPassage: ${doc}`
              : doc,
        },
      ],
      params: {
        temperature: 0,
        max_tokens: 1,
        logprobs: true,
        top_logprobs: Math.min(cl.labels.length + 1, 5),
        logit_bias: bias,
      },
      reply: { text: label },
    });
  }
}

export function logprobClassifiers(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`clf${i}`);
    const c = pickCountry(rng);
    const egress = cloudEgress(rng, rng.pick(['aws', 'gcp', 'azure', 'hetzner']), 2);
    const acct = env.account({
      createdAt: before(t, rng, 30, 500),
      email: workEmail(
        rng,
        `${rng.pick(['signalbox', 'routewise', 'calmcomments', 'ranklab', 'feedbackly'])}.io`,
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: 'tier3',
      route: 'self-serve',
    });
    const a = new Actor(env, rng, acct, egress, [
      makeClient(rng, rng.pick(['openai-py', 'openai-node', 'go'] as const)),
    ]);
    env.add(
      'logprob_classifier',
      honest('logprob_classifier'),
      acct,
      logprobClassifier(a, env, c.tz, rng.float(6, 14)),
    );
  }
}

// ---------------------------------------------------------------- CI review bots

function* ciBot(
  a: Actor,
  env: Env,
  tz: number,
  pushesPerDay: number,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const starts = sampleTimes(rng, Math.round(pushesPerDay * t.days), t.start, t.end, tz, 'office');
  const system = rng.pick([
    'You are a senior engineer reviewing a pull request. Comment only on correctness, security and clear readability problems. Output a markdown list of comments as `path:line — comment`. If there is nothing worth saying, output `LGTM`.',
    'Review the following diff. Be brief. Flag bugs, missing tests, and risky changes. Do not comment on style that a linter would catch.',
  ]);
  for (const s of starts) {
    let ts = s;
    for (let f = 0; f < rng.int(1, 4); f++) {
      const item = rng.pick(env.c.code);
      const path = fakePath(rng);
      const diff = diffFor(rng, path, item.solution);
      const out = rng.chance(0.3)
        ? 'LGTM'
        : `- \`${path}:${rng.int(3, 200)}\` — ${rng.pick(['this can raise on empty input; add a guard', 'the loop bound is off by one', 'consider adding a test for the new branch', 'this swallows the exception; log or re-raise', 'possible None dereference here'])}\n- \`${path}:${rng.int(3, 200)}\` — ${rng.pick(['nit: rename for clarity', 'magic number; extract a constant', 'this duplicates logic in utils'])}`;
      const ev = a.ev(ts, {
        model: rng.pick([M.flagship, M.mini]),
        system,
        msgs: [
          {
            role: 'user',
            text: `PR #${rng.int(100, 9000)}: ${rng.pick(['fix', 'feat', 'chore', 'refactor'])}: ${firstLine(item.prompt, 60)}\n\n\`\`\`diff\n${diff}\n\`\`\``,
          },
        ],
        params: { temperature: 0.1, max_tokens: 800 },
        reply: { text: out },
      });
      yield ev;
      ts += rng.float(2000, 9000);
    }
  }
}

export function ciBots(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`ci${i}`);
    const c = pickCountry(rng);
    const egress = cloudEgress(rng, 'azure', 12);
    const acct = env.account({
      createdAt: before(t, rng, 20, 500),
      email: workEmail(
        rng,
        `${rng.pick(['devteam', 'platform', 'eng', 'infra'])}.${rng.pick(['kleio', 'brightpath', 'monotone', 'arcadia', 'tidewater', 'polaris'])}.dev`,
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: 'tier2',
      route: 'self-serve',
    });
    const a = new Actor(env, rng, acct, egress, [
      makeClient(rng, rng.pick(['openai-node', 'openai-py', 'curl'] as const)),
    ]);
    env.add('ci_review_bot', honest('ci_review_bot'), acct, ciBot(a, env, c.tz, rng.float(6, 30)));
  }
}

// ---------------------------------------------------------------- screening / rewriting / variations tools

const ROLES = [
  'customer support agent',
  'data analyst',
  'warehouse associate',
  'frontend developer',
  'sales development rep',
  'bookkeeper',
  'line cook',
  'project coordinator',
  'QA tester',
  'barista',
];
const SKILLS = [
  'Excel',
  'SQL',
  'Zendesk',
  'React',
  'TypeScript',
  'forklift certification',
  'Spanish (fluent)',
  'QuickBooks',
  'Salesforce',
  'inventory control',
  'food safety level 2',
  'Jira',
  'Python',
  'customer de-escalation',
  'Figma',
  'cash handling',
];
function resume(rng: Rng): string {
  const [f, l] = [
    rng.pick(['Ana', 'Tom', 'Priya', 'Kwame', 'Lena', 'Marco', 'Yuki', 'Sam']),
    rng.pick(['Okoro', 'Silva', 'Brandt', 'Nakamura', 'Reyes', 'Walsh', 'Haddad']),
  ];
  const jobs = Array.from({ length: rng.int(1, 4) }, () => {
    const y = rng.int(2012, 2024);
    return `- ${rng.pick(ROLES)}, ${rng.pick(['Brightmart', 'Cobalt Logistics', 'Harbor Café', 'Nimbus Software', 'City Library', 'Greenleaf Foods', 'self-employed'])} (${y}–${y + rng.int(1, 4) > 2025 ? 'present' : y + rng.int(1, 4)}): ${rng.pick(['handled 40+ tickets a day', 'built weekly KPI dashboards', 'trained new hires', 'reduced picking errors by 15%', 'shipped the checkout redesign', 'managed supplier invoices'])}`;
  });
  return `${f} ${l}\n${rng.pick(['Remote', 'Leeds', 'Austin, TX', 'Porto', 'Pune', 'Nairobi'])} · ${rng.int(1, 15)} years experience\n\nExperience\n${jobs.join('\n')}\n\nSkills: ${rng.sample(SKILLS, rng.int(3, 6)).join(', ')}\n\n${rng.chance(0.5) ? `Education: ${rng.pick(['BSc Economics', 'BA English', 'HND Logistics', 'bootcamp certificate (web dev)', 'high school diploma'])}` : ''}`;
}

function* toolApp(
  a: Actor,
  env: Env,
  tz: number,
  perHour: number,
  kind: 'screen' | 'rewrite' | 'variations',
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  const tone = rng.pick(['friendlier', 'more formal', 'more concise', 'clearer']);
  let ts = t.start;
  while (ts < t.end) {
    const { h, weekend } = localHour(ts, tz);
    const w = (weekend ? 0.3 : 1) * (h >= 8 && h < 20 ? 1 : 0.08);
    ts += rng.exp(HOUR / (perHour * w));
    if (ts >= t.end) break;
    let call: Call;
    if (kind === 'screen') {
      const cv = resume(rng);
      call = {
        model: M.flagship,
        system:
          'You screen job applications for recruiters. Score how well the candidate matches the job description from 1 (poor) to 5 (excellent). Return JSON {"score": n, "strengths": [..], "concerns": [..]}.',
        msgs: [
          {
            role: 'user',
            text: `Job description: ${rng.pick(['Customer support specialist, remote, English + Spanish', 'Junior data analyst, SQL and Excel', 'Warehouse shift lead', 'Frontend developer (React)'])}\n\nApplication:\n${cv}`,
          },
        ],
        params: { temperature: 0, max_tokens: 300, json: true },
        reply: {
          text: JSON.stringify({
            score: rng.int(1, 5),
            strengths: rng.sample(
              SKILLS.filter((k) => cv.includes(k)),
              2,
            ),
            concerns: [
              rng.pick([
                'no direct experience in the role',
                'short tenure at last job',
                'gap in employment history',
                'location may not match',
              ]),
            ],
          }),
        },
      };
    } else if (kind === 'rewrite') {
      const task = rng.pick(env.c.tasks);
      const text = task.input || rng.pick(env.c.documents).slice(0, 600);
      call = {
        model: M.mini,
        system: `Rewrite the user's text to be ${tone}. Keep the meaning. Output only the rewritten text.`,
        msgs: [{ role: 'user', text }],
        params: { temperature: 0.4, max_tokens: 800 },
        reply: {
          text:
            task.output && task.input
              ? task.output
              : text.replace(/\b(very|really|just|actually)\s/gi, ''),
        },
      };
    } else {
      const seed = firstLine(rng.pick(env.c.chat).text, 70);
      const outs = Array.from(
        { length: 5 },
        (_, i) =>
          `${i + 1}. ${rng.pick(['Discover', 'Meet', 'Try', 'Unlock', 'Say hello to'])} ${keywords(seed, 3).join(' ') || 'something new'}${rng.pick(['', ' today', ' — your way', ' in minutes'])}`,
      );
      call = {
        model: M.mini,
        system: 'You write marketing copy variations.',
        msgs: [
          {
            role: 'user',
            text: `Write 5 variations of this headline, each under 12 words:\n"${seed}"`,
          },
        ],
        params: { temperature: 1, max_tokens: 200, n: rng.pick([1, 2, 3]) },
        reply: { text: outs.join('\n') },
      };
    }
    yield a.ev(ts, call);
  }
}

export function toolApps(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`tool${i}`);
    const c = pickCountry(rng);
    const kind = (['screen', 'rewrite', 'variations'] as const)[i % 3] ?? 'rewrite';
    const egress = cloudEgress(rng, rng.pick(['aws', 'gcp', 'digitalocean', 'hetzner']), 2);
    const acct = env.account({
      createdAt: before(t, rng, 15, 400),
      email: workEmail(
        rng,
        `${rng.pick(['hireflow', 'polishly', 'advary', 'rephrase', 'copyspark', 'talentsift'])}${rng.int(1, 9)}.com`,
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: 'tier3',
      route: rng.pick(['self-serve', 'startup-credits']),
    });
    const a = new Actor(env, rng, acct, egress, [
      makeClient(rng, rng.pick(['openai-node', 'openai-py', 'dotnet', 'rust'] as const)),
    ]);
    env.add(
      `${kind}_tool`,
      honest(`${kind}_tool`),
      acct,
      toolApp(a, env, c.tz, rng.float(4, 10), kind),
    );
  }
}

// ---------------------------------------------------------------- honest apps with end-user traffic

export function* endUserApp(
  a: Actor,
  env: Env,
  tz: number,
  perHour: number,
  system: string,
  harvest?: (ts: number) => Event | null,
): Generator<Event, void, undefined> {
  const t = env.t;
  const rng = a.rng;
  let ts = t.start;
  const pending: Event[] = [];
  while (ts < t.end) {
    const { h, weekend } = localHour(ts, tz);
    const w = (weekend ? 0.7 : 1) * (h >= 8 && h < 24 ? 1 : 0.15);
    ts += rng.exp(HOUR / (perHour * w));
    if (ts >= t.end) break;
    if (harvest) {
      const hv = harvest(ts);
      if (hv) {
        yield hv;
        continue;
      }
    }
    // one end-user turn (apps often send only the last few turns plus their own system prompt)
    const convo = chatConvo(rng, env.c, rng.int(1, 3), { code: 0.05, math: 0.05 });
    convo.system = system;
    const msgs: Call['msgs'] = [];
    let tts = ts;
    for (const turn of convo.turns) {
      msgs.push({ role: 'user', text: turn.user });
      pending.push(
        a.ev(
          tts,
          {
            model: M.mini,
            system,
            msgs: [...msgs],
            params: { temperature: 0.6, max_tokens: 700, stream: true, user: `u_${rng.hex(6)}` },
            reply: { text: turn.assistant.slice(0, 2400) },
          },
          { key: rng.pick(a.keys) },
        ),
      );
      msgs.push({ role: 'assistant', text: turn.assistant.slice(0, 2400) });
      tts += rng.logNormal(40_000, 0.7);
    }
    // end-user conversations interleave; emit in time order
    pending.sort((x, y) => x.ts - y.ts);
    while (pending.length && (pending[0] as Event).ts <= ts) yield pending.shift() as Event;
  }
  pending.sort((x, y) => x.ts - y.ts);
  for (const e of pending) if (e.ts < t.end) yield e;
}

export const APP_PROMPTS = [
  'You are Kip, the in-app assistant for a recipe and meal-planning app. Help users plan meals, adapt recipes to dietary needs, and build shopping lists. Keep answers short and friendly. If asked about something unrelated to food, help briefly but steer back.',
  'You are the help assistant for Ledgerly, invoicing software for freelancers. Answer questions about invoices, taxes in general terms (not legal advice), and how to use the product. Be concise.',
  'You are a travel concierge for Wandr. Suggest itineraries, explain visa basics (advise checking official sources), and recommend neighbourhoods. Use bullet points.',
  'You are StudyBuddy, a writing assistant for university students. Help with structure, clarity and citations. Do not write whole essays for the student; coach them instead.',
  'You are the customer assistant for a home-fitness equipment store. Help with product questions, workout ideas, and order issues (you cannot see orders; direct users to support for those).',
];

export function startupApps(env: Env, count: number): void {
  const t = env.t;
  for (let i = 0; i < count; i++) {
    const rng = env.rng.fork(`app${i}`);
    const c = pickCountry(rng);
    const egress = cloudEgress(
      rng,
      rng.pick(['aws', 'gcp', 'azure', 'digitalocean']),
      rng.int(2, 6),
    );
    const acct = env.account({
      createdAt: before(t, rng, 30, 600),
      email: workEmail(
        rng,
        `${rng.pick(['kip', 'ledgerly', 'wandr', 'studybuddy', 'fitnest', 'homely'])}${rng.int(1, 99)}.app`,
      ),
      signupIp: egress.first(),
      payment: payment(rng),
      country: c,
      tier: rng.pick(['tier3', 'tier4']),
      route: rng.pick(['self-serve', 'startup-credits']),
    });
    const a = new Actor(
      env,
      rng,
      acct,
      egress,
      [makeClient(rng, rng.pick(['openai-node', 'openai-py', 'okhttp', 'go'] as const))],
      rng.int(1, 3),
    );
    env.add(
      'app_end_users',
      honest('startup_app'),
      acct,
      endUserApp(a, env, c.tz, rng.float(6, 16), rng.pick(APP_PROMPTS)),
    );
  }
}

// ---------------------------------------------------------------- hackathon cohort (synchronised start, shared NAT)

export function hackathonCohort(env: Env, count: number): void {
  const t = env.t;
  const rng = env.rng.fork('hack');
  const c = country(rng.pick(['DE', 'IN', 'US', 'BR']));
  const nat = natPool(rng, rng.pick(c.res), 3);
  const createdBase = t.start + 4 * DAY + (17 - c.tz) * HOUR; // Friday evening signups
  const kickoff = t.start + 5 * DAY + (9 - c.tz) * HOUR; // Saturday 09:00 local
  for (let i = 0; i < count; i++) {
    const r = rng.fork(`h${i}`);
    const egress = poolEgress(r, nat, 'office');
    const createdAt = createdBase + r.float(0, 14) * HOUR;
    const acct = env.account({
      createdAt,
      email: workEmail(r, `stud.${rng.pick(['tu-rhein', 'iit-m', 'state-univ', 'univ-sul'])}.edu`),
      signupIp: egress.first(),
      payment: null,
      country: c,
      tier: 'free',
      route: 'education',
    });
    const client = makeClient(
      r,
      r.pick(['openai-py', 'openai-node', 'anthropic-py', 'requests', 'browser'] as const),
    );
    const a = new Actor(env, r, acct, egress, [client]);
    env.add(
      'hackathon_cohort',
      honest('hackathon_participant'),
      acct,
      chatter(a, env, {
        tz: c.tz,
        rhythm: 'flat',
        sessions: r.int(8, 40),
        from: kickoff + r.float(0, 90) * MIN,
        to: kickoff + 32 * HOUR,
        maxTurns: r.int(1, 4),
        params: sdkParams(r, client),
        pref: { code: 0.4, math: 0.05 },
        mix: { mini: 0.5, flagship: 0.4, think: 0.1, adopt: 0.4 },
      }),
    );
  }
}
