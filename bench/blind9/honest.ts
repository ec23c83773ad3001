// Honest populations, including every hard negative THREATS.md names.
import type { Ctx, Shape } from './ctx.js';
import { Kit, SUPPORT_TOOLS, call, m, pickModel, toolRound } from './kit.js';
import type { Rng } from './rng.js';
import type { NMsg, Params } from './serve.js';
import { agentSession, ago, chat, paramsFor, type ChatTurn } from './session.js';
import { LANG_NAME, LANGS, askWhy, composeJson, composeProse, typo, type Lang } from './text.js';
import {
  DAY,
  HOUR,
  MIN,
  country,
  paymentFp,
  webmail,
  workEmail,
  type Actor,
  type ClientKey,
  type Network,
} from './world.js';

type Fam = (ctx: Ctx, kit: Kit) => void;

const browser = (r: Rng): ClientKey =>
  r.weighted([
    ['chrome', 6],
    ['safari', 2],
    ['firefox', 1.5],
    ['openaiPy', 0.8],
    ['curl', 0.3],
    ['openaiNode', 0.4],
  ]);
const sdk = (r: Rng): ClientKey =>
  r.weighted([
    ['openaiPy', 5],
    ['openaiNode', 2.5],
    ['anthropicPy', 2.5],
    ['anthropicTs', 1.2],
    ['httpx', 0.7],
    ['requests', 0.8],
    ['litellm', 0.7],
    ['curl', 0.4],
  ]);

function homeOrMobile(ctx: Ctx, rng: Rng, cc: string): { net: Network; alt: Network | null } {
  const mobileFirst = rng.chance(0.2);
  const home = ctx.nets.home(rng, cc);
  const mob = ctx.nets.mob(rng, cc);
  return mobileFirst
    ? { net: mob, alt: rng.chance(0.4) ? home : null }
    : { net: home, alt: rng.chance(0.45) ? mob : null };
}

// ---- casual chat ------------------------------------------------------------------------

const casual: Fam = (ctx, kit) => {
  const rng = ctx.rng('casual');
  const n = ctx.n(1520);
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`c${i}`);
    const a = ctx.actor(r, {
      family: 'casual-chat',
      persona: 'casual user',
      campaign: null,
      created: r.chance(0.08) ? ctx.start + r.range(0, ctx.days) * DAY * 0.8 : ago(ctx, r, 1, 900),
      email: webmail,
      payment: r.chance(0.45) ? paymentFp(r) : null,
      tier: r.chance(0.55) ? 'free' : r.pick(['tier-1', 'tier-1', 'tier-2']),
      route: 'self-serve',
      client: browser(r),
      net: (rr, cc) => ctx.nets.home(rr, cc.code),
      alt: null,
    });
    const nets = homeOrMobile(ctx, r, a.rec.country);
    a.net = nets.net;
    a.alt = nets.alt;
    const created = Date.parse(a.rec.createdAt);
    const activity = r.logNormal(0.35, 0.9); // sessions per day
    const lang = a.lang as Lang;
    for (let d = 0; d < ctx.days; d++) {
      const k = r.poisson(Math.min(4, activity));
      for (const t0 of ctx.spread(r, d, k, a.tz, r.chance(0.6) ? 'evening' : 'daytime')) {
        if (t0 < created) continue;
        const turns: ChatTurn[] = [];
        if (r.chance(0.3) && lang === 'en') {
          const dlg = kit.dialogue(r);
          for (const t of dlg.turns.slice(0, r.int(1, 4)))
            turns.push({ user: typo(r, t.user), served: t.assistant });
        } else {
          const nT = r.chance(0.6) ? 1 : r.int(2, 5);
          for (let j = 0; j < nT; j++) {
            const p =
              j === 0
                ? kit.casualPrompt(r, lang)
                : r.chance(0.4)
                  ? askWhy(r, lang)
                  : kit.casualPrompt(r, lang);
            turns.push({ user: typo(r, p), served: kit.answer(r, p) });
          }
        }
        const model = (ts: number) =>
          pickModel(r, ts, ctx.release, { flash: 4, pro: 3, think: 1, next: 1.5 });
        chat(
          ctx,
          a,
          t0,
          model,
          turns,
          paramsFor(
            r,
            a.client.name.includes('openai') || a.client.name === 'curl' ? 'sdk' : 'chat',
          ),
          {
            thinkSec: 35,
            ...(r.chance(0.15) ? { system: r.pick(kit.c.roles).prompt } : {}),
          },
        );
      }
    }
  }
};

// ---- students, incl. a class sharing homework on one campus network ---------------------

const students: Fam = (ctx, kit) => {
  const rng = ctx.rng('students');
  const campus = ctx.nets.nat('northgate-univ', 'campus', 6);
  ctx.nets.campusShared = campus;
  const classSet: { q: string; a: string; final: string }[][] = [];
  for (let d = 0; d < ctx.days; d++) classSet.push(rng.sample(kit.c.gsm8k, 8));
  const total = ctx.n(290);
  const classSize = Math.min(total, ctx.n(36));
  const classWeek = ctx.start - rng.range(30, 40) * DAY;
  for (let i = 0; i < total; i++) {
    const r = rng.fork(`s${i}`);
    const inClass = i < classSize;
    const cc = inClass ? country('US') : undefined;
    const a = ctx.actor(r, {
      family: inClass ? 'student-class' : 'students',
      persona: inClass ? 'student in a class that shares homework' : 'student',
      campaign: null,
      ...(cc ? { country: cc, lang: 'en' as Lang } : {}),
      created: inClass ? classWeek + r.range(0, 6) * DAY : ago(ctx, r, 3, 500),
      email: inClass ? (rr) => workEmail(rr, 'students.northgate.edu') : webmail,
      payment: null,
      tier: 'free',
      route: inClass || r.chance(0.4) ? 'education' : 'self-serve',
      client: r.chance(0.8) ? browser(r) : 'openaiPy',
      net: inClass ? campus : (rr, c) => ctx.nets.home(rr, c.code),
      alt: inClass ? null : ctx.nets.mob(r, 'US'),
    });
    if (inClass) a.alt = ctx.nets.home(r, 'US');
    const lang = a.lang as Lang;
    const per = r.logNormal(inClass ? 1.6 : 1.3, 0.6);
    for (let d = 0; d < ctx.days; d++) {
      const sessions = r.poisson(per);
      for (const t0 of ctx.spread(r, d, sessions, a.tz, 'student')) {
        const turns: ChatTurn[] = [];
        const kind = r.next();
        if (inClass && r.chance(0.7)) {
          const hw = r.sample(classSet[d] ?? [], r.int(1, 4));
          for (const w of hw) {
            const ask = r.pick([
              'explain step by step',
              'solve this step by step please',
              'how do i do this',
              'can you show the steps',
              'i got a different answer, what are the steps?',
            ]);
            turns.push({
              user: `${w.q}\n${ask}`,
              served: kit.worked2served(r, { id: '', q: w.q, a: w.a, final: w.final }, 'en'),
            });
            if (r.chance(0.35))
              turns.push({ user: askWhy(r, 'en'), served: kit.answer(r, w.a, r.int(80, 260)) });
          }
        } else if (kind < 0.55) {
          const w = kit.pickWorked(r, r.chance(0.7) ? 'school' : 'hard');
          turns.push({
            user: `${w.q}${r.pick(['\n\nexplain step by step', '\nshow your work', ' pls help', '', '\nwhy is the answer ' + w.final + '?'])}`,
            served: kit.worked2served(r, w, lang === 'en' ? 'en' : lang),
          });
          for (let j = r.int(0, 3); j > 0; j--)
            turns.push({ user: askWhy(r, lang), served: kit.answer(r, w.q, r.int(60, 300)) });
        } else if (kind < 0.75) {
          const t = kit.pickCode(r);
          turns.push({
            user: `${t.prompt}${r.pick(['', '\nin python', '\nexplain the code too'])}`,
            served: kit.code2served(r, t),
          });
        } else {
          const p = r.pick([
            ...kit.c.chat,
            ...kit.c.userTasks.map((x) => `${x.instruction}\n\n${x.input}`),
          ]);
          turns.push({ user: p, served: kit.answer(r, p, r.int(100, 450)) });
        }
        chat(
          ctx,
          a,
          t0,
          (ts) => pickModel(r, ts, ctx.release, { flash: 5, pro: 2, think: 1, next: 0.8 }),
          turns,
          paramsFor(r, 'chat'),
          { thinkSec: 50 },
        );
      }
    }
  }
};

// ---- power users and researchers -------------------------------------------------------

const power: Fam = (ctx, kit) => {
  const rng = ctx.rng('power');
  for (let i = 0; i < ctx.n(52); i++) {
    const r = rng.fork(`p${i}`);
    const a = ctx.actor(r, {
      family: 'power-users',
      persona: 'heavy power user',
      campaign: null,
      created: ago(ctx, r, 30, 700),
      email: webmail,
      payment: paymentFp(r),
      tier: r.pick(['tier-3', 'tier-4', 'tier-2']),
      route: 'self-serve',
      client: r.chance(0.4) ? browser(r) : sdk(r),
      net: (rr, c) => ctx.nets.home(rr, c.code),
      alt: r.chance(0.5) ? ctx.nets.mob(r, 'US') : null,
    });
    const lang = a.lang as Lang;
    const daily = r.range(20, 55);
    const early = r.chance(0.6);
    for (let d = 0; d < ctx.days; d++) {
      const dayMul = ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz) ? 0.6 : 1;
      const postRelease = ctx.dayStart(d) >= ctx.release - DAY && early ? 1.5 : 1;
      let budget = r.poisson(daily * dayMul * postRelease);
      const starts = ctx.spread(
        r,
        d,
        Math.max(1, Math.round(budget / 6)),
        a.tz,
        r.chance(0.5) ? 'daytime' : 'evening',
      );
      for (const t0 of starts) {
        if (budget <= 0) break;
        const nT = Math.min(budget, r.chance(0.4) ? 1 : r.int(2, 5));
        budget -= nT;
        const turns: ChatTurn[] = [];
        const kind = r.next();
        for (let j = 0; j < nT; j++) {
          if (j > 0 && r.chance(0.5)) {
            const p = r.chance(0.5)
              ? askWhy(r, lang)
              : r.pick([
                  'ok now make it shorter',
                  'rewrite in a more formal tone',
                  'add error handling',
                  'compare with the alternative',
                  'give me a table',
                  'what are the edge cases?',
                ]);
            turns.push({ user: p, served: kit.answer(r, p, r.int(60, 300)) });
          } else if (kind < 0.35) {
            const p = r.pick(kit.c.arenaCode);
            turns.push({ user: p, served: kit.answer(r, p, r.int(200, 700)) });
          } else if (kind < 0.5) {
            const w = kit.pickWorked(r, 'hard');
            turns.push({ user: w.q, served: kit.worked2served(r, w, 'en') });
          } else {
            const p = r.chance(0.5) ? r.pick(kit.c.arenaOther) : kit.casualPrompt(r, lang);
            turns.push({ user: p, served: kit.answer(r, p, r.int(150, 600)) });
          }
        }
        const favour = early
          ? { pro: 2, think: 2, next: 5, flash: 1 }
          : { pro: 3, think: 2, next: 1, flash: 1 };
        chat(
          ctx,
          a,
          t0,
          (ts) => pickModel(r, ts, ctx.release, favour),
          turns,
          paramsFor(r, 'sdk'),
          {
            thinkSec: 45,
            ...(r.chance(0.3) ? { system: r.pick(kit.c.roles).prompt } : {}),
          },
        );
      }
    }
  }
};

const researchers: Fam = (ctx, kit) => {
  const rng = ctx.rng('research');
  for (let i = 0; i < ctx.n(30); i++) {
    const r = rng.fork(`r${i}`);
    const onCampus = r.chance(0.5);
    const a = ctx.actor(r, {
      family: 'researchers',
      persona: 'ML researcher',
      campaign: null,
      created: ago(ctx, r, 10, 600),
      email: (rr, c, l) =>
        onCampus
          ? workEmail(
              rr,
              rr.pick([
                'cs.uni-heidelberg.de',
                'eecs.kaist.ac.kr',
                'cs.toronto.edu',
                'inf.ethz.ch',
                'cs.tsinghua.edu.cn',
              ]),
              l,
            )
          : webmail(rr, c.code, l),
      payment: paymentFp(r),
      tier: r.pick(['tier-2', 'tier-3']),
      route: r.chance(0.5) ? 'research' : 'self-serve',
      client: r.pick(['openaiPy', 'anthropicPy', 'httpx', 'openaiPy'] as ClientKey[]),
      net: onCampus ? ctx.nets.nat(`lab-${i}`, 'campus', 3) : (rr) => rr.pick(ctx.nets.cloud),
      alt: null,
    });
    const daily = r.range(10, 45);
    for (let d = 0; d < ctx.days; d++) {
      const times = ctx.spread(r, d, r.poisson(daily), a.tz, 'work');
      for (const t of times) {
        const w = kit.pickWorked(r);
        const p: Params = {
          temperature: r.pick([0, 0.3, 0.7, 1.0]),
          max_tokens: r.pick([256, 1024, 2048]),
        };
        let served = kit.worked2served(r, w, 'en');
        const more: string[] = [];
        if (a.api === 'openai' && r.chance(0.3)) {
          p.n = r.pick([2, 4, 8]);
          for (let j = 1; j < p.n; j++) more.push(kit.worked2served(r, w, 'en'));
        }
        if (a.api === 'openai' && r.chance(0.25)) {
          p.logprobs = true;
          p.top_logprobs = r.pick([1, 5, 10]);
          p.max_tokens = 8;
          served = w.final || 'yes';
          more.length = 0;
          delete p.n;
        }
        const prompt = r.chance(0.5)
          ? `Q: ${w.q}\nA:`
          : `${w.q}\nAnswer with the final answer only.`;
        ctx.emit(
          a,
          t,
          pickModel(r, t, ctx.release, { pro: 2, think: 1, flash: 2, next: 1 }),
          { msgs: [{ role: 'user', text: prompt }], params: p },
          { text: served, ...(more.length ? { more } : {}), logprobs: !!p.logprobs },
        );
      }
    }
  }
};

// ---- agents and coding agents ------------------------------------------------------------

const agentDevs: Fam = (ctx, kit) => {
  const rng = ctx.rng('agentdev');
  for (let i = 0; i < ctx.n(45); i++) {
    const r = rng.fork(`ad${i}`);
    const a = ctx.actor(r, {
      family: 'agent-developers',
      persona: 'developer building an agent',
      campaign: null,
      created: ago(ctx, r, 5, 400),
      email: (rr, c, l) =>
        rr.chance(0.5)
          ? webmail(rr, c.code, l)
          : workEmail(
              rr,
              `${rr.pick(['tidal', 'ember', 'quanta', 'loom', 'fathom', 'kite'])}${rr.pick(['ai', 'labs', 'hq', 'dev'])}.com`,
              l,
            ),
      payment: paymentFp(r),
      tier: r.pick(['tier-1', 'tier-2', 'tier-3']),
      route: r.chance(0.35) ? 'startup-credits' : 'self-serve',
      client: r.pick([
        'openaiPy',
        'anthropicPy',
        'litellm',
        'openaiNode',
        'anthropicTs',
      ] as ClientKey[]),
      net: (rr, c) => ctx.nets.home(rr, c.code),
      alt: r.pick(ctx.nets.cloud),
    });
    const sys = `You are an operations agent for ${r.pick(['an e-commerce store', 'a logistics team', 'a research assistant', 'a data platform', 'a travel desk'])}. Use the tools to answer. Be concise.`;
    for (let d = 0; d < ctx.days; d++) {
      if (ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz) && r.chance(0.6)) continue;
      for (const t0 of ctx.spread(r, d, r.int(1, 5), a.tz, 'work')) {
        const tools = r.chance(0.5)
          ? SUPPORT_TOOLS
          : kit.c.userTasks.length
            ? SUPPORT_TOOLS.slice(0, 2)
            : SUPPORT_TOOLS;
        const h: NMsg[] = [
          {
            role: 'user',
            text: r.pick([
              'where is order 10023?',
              'I want to return my shoes, order A-7731',
              'test: escalate please',
              'can you check order 55 for jane@example.com',
            ]),
          },
        ];
        let t = t0;
        const steps = r.int(2, 7);
        for (let s = 0; s < steps; s++) {
          const last = s === steps - 1;
          const k = last
            ? null
            : call(r, a.api, r.pick(tools).name, { order_id: String(r.int(1000, 99999)) });
          const e = ctx.emit(
            a,
            t,
            pickModel(r, t, ctx.release, { flash: 3, pro: 2, next: 1 }),
            { system: sys, msgs: [...h], tools, params: { temperature: 0, max_tokens: 1024 } },
            k
              ? { text: '', calls: [k] }
              : {
                  text: kit.answer(r, h[0]?.role === 'user' ? h[0].text : 'order', r.int(30, 120)),
                },
          );
          if (k)
            toolRound(
              h,
              k,
              JSON.stringify({
                status: r.pick(['shipped', 'delivered', 'processing']),
                eta: '2026-03-09',
              }),
            );
          t += ctx.lastLatency(e) + r.range(300, 9000);
        }
      }
    }
  }
};

const codingUsers: Fam = (ctx, kit) => {
  const rng = ctx.rng('coding');
  for (let i = 0; i < ctx.n(105); i++) {
    const r = rng.fork(`cu${i}`);
    const client = r.pick(['forgeIde', 'forgeIde', 'tessellate', 'termAgent'] as ClientKey[]);
    const a = ctx.actor(r, {
      family: 'coding-agent-users',
      persona: 'developer using a coding agent',
      campaign: null,
      created: ago(ctx, r, 2, 500),
      email: webmail,
      payment: paymentFp(r),
      tier: r.pick(['tier-1', 'tier-2', 'tier-3']),
      route: 'self-serve',
      client,
      net: (rr, c) => ctx.nets.home(rr, c.code),
      alt: r.chance(0.3) ? ctx.nets.nat(`office-${i}`, 'corporate', 4) : null,
    });
    const sys = `You are ${r.pick(['ForgeCode', 'a coding assistant', 'Burrow, a terminal coding agent'])}. You operate in the user's repository. Prefer small, verifiable edits. Use tools to read before you write. OS: ${r.pick(['macOS', 'Linux', 'Windows'])}.`;
    const intensity = r.range(0.5, 2.5);
    for (let d = 0; d < ctx.days; d++) {
      const weekend = ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz);
      if (weekend && r.chance(0.75)) continue;
      for (const t0 of ctx.spread(r, d, r.poisson(intensity), a.tz, 'work')) {
        agentSession(
          ctx,
          a,
          t0,
          (ts) => pickModel(r, ts, ctx.release, { pro: 3, think: 1, next: 1.5 }),
          kit,
          {
            steps: r.int(4, 22),
            system: sys,
            thinkSec: 12,
            userTurns: r.int(0, 4),
            params: paramsFor(r, 'agent'),
            keep: 9,
          },
        );
      }
    }
  }
};

// ---- organisations: batch, corporate NAT, hackathon --------------------------------------

function org(ctx: Ctx, r: Rng, name: string, domain: string, contract?: string | undefined) {
  return {
    email: (rr: Rng) => workEmail(rr, domain),
    payment: paymentFp(r),
    tier: 'enterprise' as const,
    route: 'enterprise' as const,
    org: name,
    verified: !!contract,
    ...(contract
      ? {
          contract: {
            id: `ctr_${r.hex(8)}`,
            kind: contract,
            signedAt: new Date(ago(ctx, r, 40, 400)).toISOString(),
          },
        }
      : {}),
  };
}

const batch: Fam = (ctx, kit) => {
  const rng = ctx.rng('batch');
  const templates = [
    {
      name: 'Claimwise',
      t: 'Summarise the following customer message in at most two sentences for an insurance claims queue.\n\n---\n{doc}\n---',
      out: 'summary',
    },
    {
      name: 'Ledgerline',
      t: 'Classify the ticket into one of: billing, shipping, account, technical, other. Reply with JSON {"label": ..., "confidence": ...}.\n\nTicket:\n{doc}',
      out: 'label',
    },
    {
      name: 'Docuvault',
      t: 'Extract all named entities (people, organisations, places, dates) from the text below and return JSON.\n\n{doc}',
      out: 'entities',
    },
    {
      name: 'Shopsmith',
      t: 'Write a one-line product-review summary and a sentiment (positive/negative/mixed) for:\n{doc}',
      out: 'summary',
    },
    { name: 'Newsgrid', t: 'TL;DR in 3 bullet points:\n\n{doc}', out: 'bullets' },
  ];
  for (let i = 0; i < Math.min(templates.length, ctx.n(5)); i++) {
    const r = rng.fork(`b${i}`);
    const tp = templates[i] ?? templates[0]!;
    const cloud = r.pick(ctx.nets.cloud);
    const a = ctx.actor(r, {
      family: 'enterprise-batch',
      persona: `batch pipeline (${tp.name})`,
      campaign: null,
      created: ago(ctx, r, 60, 500),
      ...org(
        ctx,
        r,
        tp.name,
        `${tp.name.toLowerCase()}.com`,
        r.chance(0.6) ? 'enterprise-msa' : undefined,
      ),
      client: r.pick(['openaiPy', 'httpx', 'requests', 'okhttp'] as ClientKey[]),
      api: 'openai',
      net: cloud,
    });
    const perDay = r.range(280, 520);
    const cron = r.chance(0.5);
    for (let d = 0; d < ctx.days; d++) {
      const weekend = ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz);
      const n = Math.round(perDay * (weekend ? 0.3 : 1));
      let t = cron ? ctx.dayStart(d) + (2 - a.tz) * HOUR : ctx.dayStart(d) + (8 - a.tz) * HOUR;
      const gap = cron ? r.range(1200, 2500) : ((10 * HOUR) / n) * r.range(0.8, 1.2);
      for (let j = 0; j < n; j++) {
        const doc = r.pick(kit.docs);
        const prompt = tp.t.replace('{doc}', doc);
        const out =
          tp.out === 'label'
            ? composeJson(r, {
                label: () => r.pick(['billing', 'shipping', 'account', 'technical', 'other']),
                confidence: () => Number(r.range(0.5, 0.99).toFixed(2)),
              })
            : tp.out === 'entities'
              ? composeJson(r, {
                  people: () => r.sample(['A. Rivera', 'J. Chen', 'M. Okafor'], r.int(0, 2)),
                  organisations: () => [],
                  places: () => r.sample(['Lisbon', 'Ohio', 'Kyoto'], r.int(0, 2)),
                  dates: () => [],
                })
              : tp.out === 'bullets'
                ? composeProse(r, doc, r.int(40, 80), true)
                : composeProse(r, doc, r.int(25, 60));
        ctx.emit(
          a,
          t,
          m('flash'),
          {
            msgs: [{ role: 'user', text: prompt }],
            params: {
              temperature: 0,
              max_tokens: 300,
              ...(tp.out === 'label' || tp.out === 'entities'
                ? { responseFormat: 'json_object' as const }
                : {}),
            },
          },
          { text: out },
          { errorRate: 0.01 },
        );
        t += gap * r.range(0.6, 1.4);
      }
    }
  }
};

const corporate: Fam = (ctx, kit) => {
  const rng = ctx.rng('corp');
  const nat = ctx.nets.nat('meridian-hq', 'corporate', 4);
  ctx.nets.corpShared = nat;
  const card = paymentFp(rng);
  const contract = {
    id: `ctr_${rng.hex(8)}`,
    kind: 'enterprise-msa',
    signedAt: new Date(ago(ctx, rng, 90, 200)).toISOString(),
  };
  for (let i = 0; i < ctx.n(40); i++) {
    const r = rng.fork(`co${i}`);
    const a = ctx.actor(r, {
      family: 'corporate-nat',
      persona: 'employee at a company behind one NAT',
      campaign: null,
      country: country('GB'),
      lang: 'en',
      created: ago(ctx, r, 20, 180),
      email: (rr) => workEmail(rr, 'meridianfreight.co.uk'),
      payment: i < 32 ? card : paymentFp(r),
      tier: 'enterprise',
      route: 'enterprise',
      verified: true,
      contract,
      org: 'Meridian Freight',
      client: r.pick(['chrome', 'chrome', 'openaiPy', 'forgeIde', 'anthropicPy'] as ClientKey[]),
      net: nat,
      alt: ctx.nets.home(r, 'GB'),
    });
    for (let d = 0; d < ctx.days; d++) {
      if (ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz)) continue;
      for (const t0 of ctx.spread(r, d, r.poisson(2.2), a.tz, 'work')) {
        if (a.client.name.startsWith('forge')) {
          agentSession(ctx, a, t0, m('pro'), kit, {
            steps: r.int(3, 10),
            system: 'You are a coding assistant inside the IDE.',
            thinkSec: 15,
            userTurns: 1,
            params: paramsFor(r, 'agent'),
          });
          continue;
        }
        const p = r.chance(0.3)
          ? `${r.pick(kit.c.userTasks).instruction}\n\n${r.pick(kit.docs).slice(0, 1500)}`
          : kit.casualPrompt(r, 'en');
        chat(
          ctx,
          a,
          t0,
          m(r.chance(0.7) ? 'pro' : 'flash'),
          [{ user: p, served: kit.answer(r, p) }],
          paramsFor(r, 'chat'),
        );
      }
    }
  }
};

const hackathon: Fam = (ctx, kit) => {
  const rng = ctx.rng('hack');
  const venue = ctx.nets.nat('hack-venue-wifi', 'corporate', 3);
  const sat = ctx.start + 5 * DAY; // local Saturday
  for (let i = 0; i < ctx.n(30); i++) {
    const r = rng.fork(`h${i}`);
    const a = ctx.actor(r, {
      family: 'hackathon',
      persona: 'hackathon participant (credits, same venue, same weekend)',
      campaign: null,
      country: country('DE'),
      lang: r.chance(0.6) ? 'de' : 'en',
      created: sat - r.range(0.5, 3) * DAY,
      email: webmail,
      payment: null,
      tier: 'free',
      route: 'startup-credits',
      client: r.pick(['openaiPy', 'openaiNode', 'anthropicPy', 'litellm'] as ClientKey[]),
      net: venue,
      alt: ctx.nets.home(r, 'DE'),
    });
    const begin = sat + (9 - a.tz) * HOUR + r.range(0, 40) * MIN;
    let t = begin;
    const stop = sat + DAY + (15 - a.tz) * HOUR;
    while (t < stop) {
      const local = (((t / HOUR + a.tz) % 24) + 24) % 24;
      if (local > 1 && local < 8) {
        t += 6 * HOUR;
        continue;
      }
      if (r.chance(0.5)) {
        t = agentSession(
          ctx,
          a,
          t,
          (ts) => pickModel(r, ts, ctx.release, { flash: 2, next: 2, pro: 1 }),
          kit,
          {
            steps: r.int(2, 6),
            system: 'You are a helpful agent for our hackathon demo.',
            thinkSec: 20,
            userTurns: 1,
            params: paramsFor(r, 'sdk'),
          },
        );
      } else {
        const p = kit.casualPrompt(r, a.lang as Lang);
        t = chat(
          ctx,
          a,
          t,
          m('flash'),
          [{ user: p, served: kit.answer(r, p) }],
          paramsFor(r, 'sdk'),
        );
      }
      t += r.exp(25 * MIN);
    }
  }
};

// ---- services built on one template --------------------------------------------------------

function service(
  ctx: Ctx,
  r: Rng,
  fam: string,
  persona: string,
  name: string,
  o: {
    client: ClientKey;
    api?: 'openai' | 'anthropic';
    cc?: string;
    contract?: string | undefined;
    net?: Network;
  },
): Actor {
  return ctx.actor(r, {
    family: fam,
    persona,
    campaign: null,
    country: country(o.cc ?? 'US', r),
    lang: 'en',
    created: ago(ctx, r, 45, 700),
    ...org(ctx, r, name, `${name.toLowerCase().replace(/[^a-z]/g, '')}.io`, o.contract),
    tier: o.contract ? 'enterprise' : r.pick(['tier-3', 'tier-4']),
    route: o.contract ? 'enterprise' : 'self-serve',
    client: o.client,
    ...(o.api ? { api: o.api } : {}),
    net: o.net ?? r.pick(ctx.nets.cloud),
    keys: r.int(1, 3),
  });
}

/** Steady service traffic over the week, with a daily shape. */
function steady(
  ctx: Ctx,
  r: Rng,
  a: Actor,
  perDay: number,
  shape: Shape,
  f: (t: number, j: number) => void,
): void {
  for (let d = 0; d < ctx.days; d++) {
    const weekend = ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz);
    const n = r.poisson(perDay * (weekend && shape !== 'flat' ? 0.45 : 1));
    ctx.spread(r, d, n, a.tz, shape).forEach(f);
  }
}

const evalCompany: Fam = (ctx, kit) => {
  const rng = ctx.rng('evalco');
  const c = kit.c;
  const suites: { name: string; items: { q: string; a: string }[] }[] = [
    {
      name: 'gsm8k',
      items: c.gsm8kTest.map((w) => ({
        q: `Question: ${w.q}\nLet's think step by step.`,
        a: `${w.a}\nThe answer is ${w.final}.`,
      })),
    },
    {
      name: 'math500',
      items: c.math.map((w) => ({
        q: `Solve the following math problem. Put the final answer in \\boxed{}.\n\n${w.q}`,
        a: w.a,
      })),
    },
    {
      name: 'humaneval',
      items: c.humaneval.map((t) => ({
        q: `Complete the following Python function.\n\n${t.prompt}`,
        a: t.solution,
      })),
    },
    {
      name: 'mbpp',
      items: c.mbpp.slice(0, 500).map((t) => ({
        q: `You are an expert Python programmer. ${t.prompt}\nYour code should pass these tests:\n${t.tests}`,
        a: t.solution,
      })),
    },
    {
      name: 'aime',
      items: c.comp.slice(0, 70).map((w) => ({
        q: `${w.q}\nPlease reason step by step, and put your final answer within \\boxed{}.`,
        a: w.a,
      })),
    },
  ];
  for (let i = 0; i < ctx.n(3); i++) {
    const r = rng.fork(`e${i}`);
    const a = service(
      ctx,
      r,
      'benchmarking-company',
      'eval vendor running public benchmarks',
      'EvalForge',
      {
        client: r.pick(['openaiPy', 'httpx'] as ClientKey[]),
        api: 'openai',
        contract: i === 0 ? 'evaluation-agreement' : undefined,
      },
    );
    // run plan: each account runs some suites on some models, then the new model right after release
    const plan: { at: number; model: 'flash' | 'pro' | 'think' | 'next'; suites: number[] }[] = [
      {
        at: ctx.start + r.range(0.3, 2.5) * DAY,
        model: r.pick(['flash', 'pro', 'think'] as const),
        suites: r.sample([0, 1, 2, 3, 4], 3),
      },
      {
        at: ctx.release + r.range(0.3, 3) * HOUR,
        model: 'next',
        suites: [0, 1, 2, 3, 4].filter(() => r.chance(0.75)),
      },
    ];
    for (const p of plan) {
      let t = p.at;
      for (const si of p.suites) {
        const s = suites[si];
        if (!s) continue;
        const conc = r.int(4, 16);
        s.items.forEach((it, j) => {
          const ts = t + Math.floor(j / conc) * r.range(2500, 9000) + r.range(0, 800);
          ctx.emit(
            a,
            ts,
            m(p.model),
            {
              msgs: [{ role: 'user', text: it.q }],
              params: {
                temperature: 0,
                max_tokens: p.model === 'next' || p.model === 'think' ? 16000 : 2048,
                seed: 1234,
              },
            },
            { text: it.a },
            { errorRate: 0.015 },
          );
        });
        t += (s.items.length / conc) * 6000 + r.range(5, 40) * MIN;
      }
    }
  }
};

const judge: Fam = (ctx, kit) => {
  const rng = ctx.rng('judge');
  for (let i = 0; i < ctx.n(3); i++) {
    const r = rng.fork(`j${i}`);
    const a = service(ctx, r, 'llm-as-judge', 'LLM-as-judge evaluation service', 'Arbiter Evals', {
      client: 'openaiPy',
      api: 'openai',
      contract: i === 0 ? 'enterprise-msa' : undefined,
    });
    const sys =
      'Please act as an impartial judge and evaluate the quality of the response provided by an AI assistant to the user question displayed below. Your evaluation should consider factors such as the helpfulness, relevance, accuracy, depth, creativity, and level of detail of the response. Begin your evaluation by providing a short explanation. Be as objective as possible. After providing your explanation, you must rate the response on a scale of 1 to 10 by strictly following this format: "[[rating]]".';
    steady(ctx, r, a, r.range(250, 420), 'flat', (t) => {
      const d = kit.dialogue(r);
      const turn = r.pick(d.turns);
      const pair = r.chance(0.4);
      const user = pair
        ? `[User Question]\n${turn.user}\n\n[The Start of Assistant A's Answer]\n${turn.assistant}\n[The End of Assistant A's Answer]\n\n[The Start of Assistant B's Answer]\n${kit.answer(r, turn.user, r.int(80, 300))}\n[The End of Assistant B's Answer]`
        : `[Question]\n${turn.user}\n\n[The Start of Assistant's Answer]\n${turn.assistant}\n[The End of Assistant's Answer]`;
      const verdict = pair ? `[[${r.pick(['A', 'B', 'C'])}]]` : `[[${r.int(2, 10)}]]`;
      ctx.emit(
        a,
        t,
        m(r.chance(0.7) ? 'pro' : 'next'),
        {
          system: sys,
          msgs: [{ role: 'user', text: user }],
          params: { temperature: 0, max_tokens: 1024 },
        },
        { text: `${composeProse(r, turn.user, r.int(50, 160))}\n\nRating: ${verdict}` },
      );
    });
  }
};

const edtech: Fam = (ctx, kit) => {
  const rng = ctx.rng('edtech');
  const apps = [
    {
      name: 'MathMentor',
      sys: 'You are MathMentor, a patient tutor for students aged 11-18. For every problem, explain the solution step by step, showing each calculation on its own line, then state the final answer clearly. Never just give the answer. Use simple words.',
      client: 'openaiNode' as ClientKey,
      api: 'openai' as const,
    },
    {
      name: 'Skolar',
      sys: 'Du bist Skolar, ein Lernassistent. Erkläre jeden Rechenschritt ausführlich und begründe ihn. Antworte in der Sprache der Schülerin oder des Schülers. Explain your reasoning at every step.',
      client: 'anthropicTs' as ClientKey,
      api: 'anthropic' as const,
    },
  ];
  for (const app of apps)
    for (let i = 0; i < ctx.n(2); i++) {
      const r = rng.fork(`${app.name}${i}`);
      const a = service(
        ctx,
        r,
        'edtech-step-by-step',
        `ed-tech tutoring app (${app.name})`,
        app.name,
        { client: app.client, api: app.api, cc: app.name === 'Skolar' ? 'DE' : 'US' },
      );
      const users = Array.from({ length: 3000 }, () => `stu_${r.hex(10)}`);
      steady(ctx, r, a, r.range(250, 380), 'student', (t) => {
        const w = kit.pickWorked(r, r.chance(0.8) ? 'school' : 'hard');
        const uid = r.pick(users);
        const turns: ChatTurn[] = [
          {
            user: w.q,
            served: kit.worked2served(
              r,
              w,
              app.name === 'Skolar' && r.chance(0.5) ? 'de' : 'en',
              true,
            ),
          },
        ];
        if (r.chance(0.25))
          turns.push({
            user: r.pick([
              'I still dont get step 2',
              'why did you divide there?',
              'warum?',
              'can you explain it differently',
            ]),
            served: kit.answer(r, w.a, r.int(80, 250)),
          });
        chat(
          ctx,
          a,
          t,
          m(r.chance(0.7) ? 'flash' : 'think'),
          turns,
          {
            temperature: 0.3,
            max_tokens: 2048,
            stream: true,
            ...(app.api === 'openai' ? { user: uid } : { metadataUserId: uid }),
          },
          { system: app.sys, thinkSec: 60 },
        );
      });
    }
};

const synthLicensed: Fam = (ctx, kit) => {
  const rng = ctx.rng('synth');
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`sy${i}`);
    const a = service(
      ctx,
      r,
      'licensed-synthetic-data',
      'licensed synthetic-data customer (contract permits training)',
      'Corpusmith',
      { client: 'httpx', api: 'openai', contract: 'synthetic-data-license' },
    );
    if (a.rec.contract) a.rec.contract.permitsTraining = true;
    steady(ctx, r, a, r.range(380, 520), 'flat', (t) => {
      const kind = r.next();
      if (kind < 0.5) {
        const w = kit.pickWorked(r);
        ctx.emit(
          a,
          t,
          m(r.chance(0.6) ? 'think' : 'next'),
          {
            system:
              'Generate a high-quality worked solution. Show every reasoning step, then give the final answer on the last line as "Answer: ...".',
            msgs: [
              {
                role: 'user',
                text: `Problem (${r.pick(['algebra', 'arithmetic', 'geometry', 'logic', 'counting'])}, difficulty ${r.int(1, 5)}):\n${w.q}`,
              },
            ],
            params: { temperature: 0.8, max_tokens: 8192 },
          },
          { text: kit.worked2served(r, w, 'en', true) },
        );
      } else {
        const s = r.pick(kit.c.seeds);
        ctx.emit(
          a,
          t,
          m('pro'),
          {
            msgs: [
              {
                role: 'user',
                text: `Seed task: ${s.instruction}\n${s.input ? `Input: ${s.input}\n` : ''}Write 5 new, diverse tasks of the same type, each with an input and an ideal output, as JSON lines.`,
              },
            ],
            params: { temperature: 1, max_tokens: 4096 },
          },
          {
            text: Array.from({ length: 5 }, () =>
              composeJson(r, {
                instruction: () => composeProse(r, s.instruction, 20),
                input: () => '',
                output: () => composeProse(r, s.output || s.instruction, r.int(20, 80)),
              }),
            ).join('\n'),
          },
        );
      }
    });
  }
};

const labClassifier: Fam = (ctx, kit) => {
  const rng = ctx.rng('lab');
  const campus = ctx.nets.campusShared ?? ctx.nets.nat('lab', 'campus', 4);
  const labelSets = [
    {
      labels: [' positive', ' negative', ' neutral'],
      ids: ['6785', '8841', '17821'],
      q: 'Sentiment of the following review (positive, negative or neutral):',
    },
    {
      labels: [' yes', ' no'],
      ids: ['14531', '860'],
      q: 'Is the following statement factually correct? Answer yes or no.',
    },
    {
      labels: [' A', ' B', ' C', ' D'],
      ids: ['355', '418', '363', '415'],
      q: 'Which option is correct? Answer with the letter only.',
    },
  ];
  for (let i = 0; i < ctx.n(3); i++) {
    const r = rng.fork(`lab${i}`);
    const ls = labelSets[i % labelSets.length] ?? labelSets[0]!;
    const a = ctx.actor(r, {
      family: 'university-logprob-lab',
      persona: 'university lab: logprob classification with a fixed label set',
      campaign: null,
      country: country('US'),
      lang: 'en',
      created: ago(ctx, r, 30, 300),
      email: (rr) => workEmail(rr, 'cs.northgate.edu'),
      payment: paymentFp(r),
      tier: 'tier-2',
      route: 'research',
      client: 'openaiPy',
      api: 'openai',
      net: campus,
    });
    const bias: Record<string, number> = {};
    for (const id of ls.ids) bias[id] = 5;
    for (let d = 0; d < ctx.days; d++) {
      if (ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz) && r.chance(0.5)) continue;
      const n = r.int(100, 450);
      let t = ctx.timeOn(r, d, a.tz, 'work');
      for (let j = 0; j < n; j++) {
        const item = r.chance(0.5) ? r.pick(kit.docs).slice(0, 600) : r.pick(kit.c.flan).q;
        ctx.emit(
          a,
          t,
          m('flash'),
          {
            msgs: [{ role: 'user', text: `${ls.q}\n\n${item}\n\nAnswer:` }],
            params: {
              temperature: 0,
              max_tokens: 1,
              logprobs: true,
              top_logprobs: 5,
              logit_bias: bias,
            },
          },
          { text: r.pick(ls.labels), logprobs: true },
        );
        t += r.range(300, 1400);
      }
    }
  }
};

const ciBot: Fam = (ctx, kit) => {
  const rng = ctx.rng('ci');
  for (let i = 0; i < ctx.n(4); i++) {
    const r = rng.fork(`ci${i}`);
    const a = service(
      ctx,
      r,
      'ci-review-bot',
      'CI code-review bot',
      r.pick(['Gitwise', 'Reviewly', 'Patchpilot', 'Mergecraft']),
      {
        client: r.pick(['requests', 'openaiPy'] as ClientKey[]),
        api: 'openai',
        cc: r.pick(['US', 'DE', 'IN']),
      },
    );
    const sys =
      'You are a senior code reviewer. Review the diff. List concrete issues (bugs, security, style) as bullet points with file:line. If the diff is fine, say "LGTM".';
    for (let d = 0; d < ctx.days; d++) {
      if (ctx.isWeekend(ctx.dayStart(d) + 12 * HOUR, a.tz) && r.chance(0.8)) continue;
      for (const t0 of ctx.spread(r, d, r.int(8, 30), a.tz, 'work')) {
        const files = r.int(1, 5);
        let t = t0;
        for (let f = 0; f < files; f++) {
          const task = kit.pickCode(r);
          const diff = `diff --git a/${task.id}.py b/${task.id}.py\n--- a/${task.id}.py\n+++ b/${task.id}.py\n@@ -1,${r.int(3, 20)} +1,${r.int(3, 25)} @@\n${task.solution
            .split('\n')
            .map((l) => `+${l}`)
            .join('\n')}`;
          const e = ctx.emit(
            a,
            t,
            m('pro'),
            {
              system: sys,
              msgs: [{ role: 'user', text: diff }],
              params: { temperature: 0.1, max_tokens: 1500 },
            },
            { text: r.chance(0.3) ? 'LGTM' : composeProse(r, task.prompt, r.int(40, 200), true) },
            { ip: `${a.net.prefixes[0] ?? '10.0'}.${r.int(0, 255)}.${r.int(1, 254)}` },
          );
          t += ctx.lastLatency(e) + r.range(50, 900);
        }
      }
    }
  }
};

const templateTools: Fam = (ctx, kit) => {
  const rng = ctx.rng('tmpl');
  // résumé screener
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`rs${i}`);
    const a = service(ctx, r, 'resume-screener', 'résumé screening tool', 'HireSift', {
      client: 'openaiNode',
      api: 'openai',
      cc: 'GB',
    });
    steady(ctx, r, a, r.range(120, 220), 'business', (t) => {
      const cv = `${r.pick(['Senior', 'Junior', 'Lead', ''])} ${r.pick(['Data Analyst', 'Backend Engineer', 'Nurse', 'Accountant', 'Sales Manager'])}\nExperience: ${r.int(1, 15)} years at ${r.pick(['Acme', 'Globex', 'Initech', 'Umbrella'])}\nSkills: ${r.sample(['SQL', 'Python', 'Excel', 'negotiation', 'Kubernetes', 'IFRS', 'patient care'], 4).join(', ')}\nEducation: ${r.pick(['BSc', 'MSc', 'BA', 'diploma'])}\n${r.pick(kit.docs).slice(0, 400)}`;
      ctx.emit(
        a,
        t,
        m('flash'),
        {
          system:
            'You screen résumés against a job description. Return JSON: {"match": 0-100, "strengths": [], "gaps": [], "recommend": "yes"|"no"|"maybe"}.',
          msgs: [
            {
              role: 'user',
              text: `Job: ${r.pick(['Data Analyst', 'Backend Engineer', 'Staff Nurse'])}\n\nRésumé:\n${cv}`,
            },
          ],
          params: { temperature: 0, max_tokens: 400, responseFormat: 'json_object' },
        },
        {
          text: composeJson(r, {
            match: () => r.int(10, 95),
            strengths: () => ['relevant experience'],
            gaps: () => [],
            recommend: () => r.pick(['yes', 'no', 'maybe']),
          }),
        },
      );
    });
  }
  // ad-copy variations: n = 5 at high temperature
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`ad${i}`);
    const a = service(ctx, r, 'ad-copy-variations', 'ad-copy variations tool', 'Copyloom', {
      client: 'openaiPy',
      api: 'openai',
      cc: 'US',
    });
    steady(ctx, r, a, r.range(150, 260), 'business', (t) => {
      const product = r.pick([
        'running shoes',
        'meal kits',
        'a budgeting app',
        'noise-cancelling headphones',
        'dog food',
        'a language course',
        'solar panels',
      ]);
      const n = r.pick([3, 5, 5, 8]);
      const gen = () =>
        `${r.pick(['Meet', 'Discover', 'Say hello to', 'Upgrade to'])} ${product} that ${r.pick(['fit your life', 'just work', 'pay for themselves', 'you will love'])}. ${r.pick(['Try it free today.', 'Order now.', 'Limited offer.', ''])}`;
      ctx.emit(
        a,
        t,
        m('flash'),
        {
          msgs: [
            {
              role: 'user',
              text: `Write a Facebook ad headline and body (max 40 words) for ${product}. Audience: ${r.pick(['parents', 'students', 'runners', 'retirees', 'small businesses'])}. Tone: ${r.pick(['playful', 'premium', 'urgent', 'friendly'])}.`,
            },
          ],
          params: { temperature: 1.0, n, max_tokens: 120 },
        },
        { text: gen(), more: Array.from({ length: n - 1 }, gen) },
      );
    });
  }
  // children's-platform rewriter
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`kid${i}`);
    const a = service(
      ctx,
      r,
      'childrens-rewriter',
      "children's platform content rewriter",
      'Kidsbloom',
      { client: 'anthropicPy', api: 'anthropic', cc: 'AU' },
    );
    steady(ctx, r, a, r.range(180, 300), 'flat', (t) => {
      const src = r.chance(0.3)
        ? (r.pick(kit.c.harmless).turns[0]?.assistant ?? r.pick(kit.docs))
        : r.pick(kit.docs);
      ctx.emit(
        a,
        t,
        m('flash'),
        {
          system:
            'Rewrite user-submitted text so it is safe and appropriate for children aged 8 to 12: remove violence, adult themes and unsafe advice, keep the meaning where possible, use simple words. If nothing can be kept, reply with "[removed]".',
          msgs: [{ role: 'user', text: src.slice(0, 2500) }],
          params: { temperature: 0.3, max_tokens: 800 },
        },
        { text: r.chance(0.06) ? '[removed]' : composeProse(r, src, r.int(60, 240)) },
      );
    });
  }
  // translation services
  for (let i = 0; i < ctx.n(3); i++) {
    const r = rng.fork(`tr${i}`);
    const a = service(
      ctx,
      r,
      'translation-service',
      'translation service',
      r.pick(['Lingvara', 'Transloco', 'Babelbase']),
      {
        client: r.pick(['goHttp', 'openaiPy', 'okhttp'] as ClientKey[]),
        api: 'openai',
        cc: r.pick(['NL', 'DE', 'SG']),
      },
    );
    steady(ctx, r, a, r.range(200, 380), 'flat', (t) => {
      const lang = r.pick(LANGS.filter((l) => l !== 'en'));
      const doc = r.pick(kit.docs).slice(0, r.int(300, 3000));
      ctx.emit(
        a,
        t,
        m(r.chance(0.7) ? 'flash' : 'pro'),
        {
          system: `You are a professional translator. Translate the user's text from English into ${LANG_NAME[lang]}. Preserve formatting. Output only the translation.`,
          msgs: [{ role: 'user', text: doc }],
          params: { temperature: 0.2, max_tokens: 4096 },
        },
        {
          text: `${r.pick([...(lang === 'zh' ? ['（译文）'] : []), ''])}${composeProse(r, doc, Math.round(doc.length / 4))}`,
        },
      );
    });
  }
};

const supportBots: Fam = (ctx, kit) => {
  const rng = ctx.rng('support');
  for (let i = 0; i < ctx.n(5); i++) {
    const r = rng.fork(`sb${i}`);
    const brand = r.pick([
      'Northwind Outdoor',
      'Pixelpost',
      'Bloomcart',
      'Voltway Energy',
      'Harbor Telecom',
      'Nestly Home',
    ]);
    const a = service(ctx, r, 'support-bots', 'customer-support bot with many end users', brand, {
      client: r.pick(['openaiNode', 'anthropicTs', 'openaiPy'] as ClientKey[]),
      cc: r.pick(['US', 'GB', 'BR', 'IN', 'DE']),
    });
    const sys = `You are the virtual assistant for ${brand}. Be friendly and brief. Use tools to look up orders; never invent order details. Escalate to a human for refunds over $200. Policies: returns within 30 days; shipping 3-5 business days.\n\n${composeProse(r, `${brand} policy returns shipping warranty`, 300)}`;
    steady(ctx, r, a, r.range(40, 90), 'daytime', (t0) => {
      const uid = `cust_${r.hex(12)}`;
      const h: NMsg[] = [];
      let t = t0;
      for (let s = 0, n = r.int(1, 5); s < n; s++) {
        h.push({
          role: 'user',
          text:
            s === 0
              ? r.pick([
                  'where is my order',
                  'I want to return something',
                  'my package arrived damaged',
                  'do you ship to Canada?',
                  'cancel my subscription please',
                  'hola, mi pedido no llegó',
                ])
              : r.pick([
                  'ok thanks',
                  'the order id is ' + r.int(10000, 99999),
                  'can I talk to a person?',
                  'how long will that take?',
                ]),
        });
        const useTool = s > 0 && r.chance(0.4);
        const k = useTool
          ? call(r, a.api, 'lookup_order', { order_id: String(r.int(10000, 99999)) })
          : null;
        const p: Params = {
          temperature: 0.3,
          max_tokens: 600,
          ...(a.api === 'openai' ? { user: uid } : { metadataUserId: uid }),
        };
        const e = ctx.emit(
          a,
          t,
          m('flash'),
          { system: sys, msgs: [...h], tools: SUPPORT_TOOLS, params: p },
          k
            ? { text: '', calls: [k] }
            : { text: kit.answer(r, 'order shipping return', r.int(30, 110)) },
        );
        if (k) {
          toolRound(h, k, JSON.stringify({ status: 'shipped', carrier: 'UPS', eta: '2026-03-10' }));
          const e2 = ctx.emit(
            a,
            t + ctx.lastLatency(e) + 400,
            m('flash'),
            { system: sys, msgs: [...h], tools: SUPPORT_TOOLS, params: p },
            { text: 'Your order has shipped with UPS and should arrive by March 10.' },
          );
          h.push({
            role: 'assistant',
            text: 'Your order has shipped with UPS and should arrive by March 10.',
          });
          t += ctx.lastLatency(e2);
        } else h.push({ role: 'assistant', text: e ? String(e.response.text) : 'ok' });
        t += ctx.lastLatency(e) + ctx.think(r, 25);
      }
    });
  }
};

const honestRouter: Fam = (ctx, kit) => {
  const rng = ctx.rng('hrouter');
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`hr${i}`);
    const a = service(
      ctx,
      r,
      'honest-router',
      'licensed API aggregator fronting many end users',
      'OpenMesh Router',
      { client: 'goHttp', contract: 'reseller-agreement', cc: 'US' },
    );
    const users = Array.from({ length: 1500 }, () => `om-${r.hex(8)}`);
    steady(ctx, r, a, r.range(350, 520), 'flat', (t) => {
      const uid = r.pick(users);
      const kind = r.next();
      const p =
        kind < 0.5
          ? kit.casualPrompt(r, r.chance(0.7) ? 'en' : r.pick(LANGS))
          : kind < 0.75
            ? r.pick(kit.c.arenaCode)
            : kit.pickWorked(r).q;
      chat(
        ctx,
        a,
        t,
        (ts) => pickModel(r, ts, ctx.release, { flash: 4, pro: 3, think: 1, next: 1.5 }),
        [{ user: p, served: kit.answer(r, p) }],
        {
          ...paramsFor(r, 'sdk'),
          ...(a.api === 'openai' ? { user: uid } : { metadataUserId: uid }),
        },
      );
    });
  }
};

const redteamVendor: Fam = (ctx, kit) => {
  const rng = ctx.rng('redteam');
  for (let i = 0; i < ctx.n(2); i++) {
    const r = rng.fork(`rt${i}`);
    const a = service(
      ctx,
      r,
      'safety-eval-vendor',
      'contracted safety-evaluation vendor',
      'Saferail',
      { client: 'anthropicPy', api: 'anthropic', contract: 'red-team-engagement', cc: 'GB' },
    );
    for (let run = 0; run < 2; run++) {
      let t = ctx.start + r.range(0.5, ctx.days - 0.5) * DAY;
      const items = r.sample(kit.c.harmless, r.int(250, 450));
      for (const d of items) {
        const turn = d.turns[0];
        if (!turn) continue;
        ctx.emit(
          a,
          t,
          m(r.pick(['pro', 'flash', 'think'] as const)),
          {
            msgs: [{ role: 'user', text: turn.user }],
            params: { temperature: 0, max_tokens: 1024 },
          },
          { text: turn.assistant },
        );
        t += r.range(800, 4000);
      }
    }
  }
};

export const HONEST: Fam[] = [
  casual,
  students,
  power,
  researchers,
  agentDevs,
  codingUsers,
  batch,
  corporate,
  hackathon,
  evalCompany,
  judge,
  edtech,
  synthLicensed,
  labClassifier,
  ciBot,
  templateTools,
  supportBots,
  honestRouter,
  redteamVendor,
];
