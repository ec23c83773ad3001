/**
 * Harvesting campaigns run by a lab that knows how detectors work (THREATS.md, evasion
 * section): quiet hydras, a templated hydra, follow-up harvesting, low-resource
 * languages, dormant accounts, a new-model pivot and padded prompts.
 */
import { type Family, agedBefore, converse, scaled } from './common.js';
import { type Item, answer, plain, pool, reword } from './items.js';
import { HARVEST_LANGS, nativeProblem, workedIn } from './lang.js';
import { routerClient, routerEgress } from './people.js';
import { campaignActor, cardPool, paced } from './harvest.js';
import { Rng } from './rng.js';
import { composeAnswer, cotWorked, gsmEquations, gsmSteps, gsmWorked, swapNames } from './text.js';
import type { Actor, Params, Reply, World } from './wire.js';
import {
  type ClientKind,
  DAY,
  HOUR,
  MINUTE,
  MODELS,
  type Net,
  countryOf,
  ipIn,
  makeClient,
  personalEmail,
  poolNet,
  proxyNet,
} from './world.js';

/** Harvest generation parameters: varied per request so no one setting stands out. */
function varied(rng: Rng): Params {
  const p: Params = {};
  const t = rng.pick([undefined, 0.3, 0.6, 0.7, 0.7, 0.8, 1]);
  if (t !== undefined) p.temperature = t;
  const m = rng.pick([undefined, undefined, 4096, 6000, 8000, 12000, 16000]);
  if (m !== undefined) p.max_tokens = m;
  if (rng.chance(0.5)) p.stream = true;
  return p;
}

function harvestModel(w: World, rng: Rng, it: Item, ts: number, newShare = 0.1): string {
  if (ts > w.win.releaseAt + 6 * HOUR && rng.chance(newShare)) return MODELS.think3;
  if (it.k === 'code' && rng.chance(0.4)) return MODELS.coder;
  return rng.chance(0.6) ? MODELS.think : MODELS.pro;
}

const SECOND_TURNS = [
  'is there a quicker way to get the same result?',
  'what would change if the numbers were doubled?',
  'Could you double-check the middle part?',
  'can you redo it more compactly?',
  'What is the most common mistake people make on this kind of problem?',
  'thanks. same idea but with a table?',
];

/** One harvest unit: a reworded ask and sometimes a second turn on the same item. */
function harvestUnit(
  w: World,
  a: Actor,
  ts: number,
  it: Item,
  model: string,
  params: Params,
): number {
  const user = reword(it, a.rng);
  const turns = [{ user, reply: answer(it, a.rng, true, user) }];
  if (a.rng.chance(0.22)) {
    const user = a.rng.pick(SECOND_TURNS);
    turns.push({
      user,
      reply: {
        text: composeAnswer(`${user} ${plain(it).slice(0, 200)}`, a.rng, 'prose', 0.8),
        effort: 0.4,
      },
    });
  }
  return converse(w, a, ts, { turns }, model, params, { gap: 50_000, errorRate: 0.01 });
}

const PROXY_COUNTRIES = [
  'US',
  'US',
  'US',
  'GB',
  'CA',
  'DE',
  'IN',
  'BR',
  'AU',
  'PH',
  'FR',
  'ES',
  'MX',
  'ID',
];

// ---------------------------------------------------------------------------
// (a) Quiet hydra
//
// Follows the provider disclosures summarised in shared/THREATS.md (Feb 2026: tens of
// thousands of fraudulent accounts, traffic load-balanced across accounts kept under
// per-account limits, via residential proxies and "obfuscated third-party routers"),
// with the rewording a lab would add after reading the detector.

export const quietHydra: Family = {
  persona: 'hydra-reworded',
  malicious: true,
  campaign: { id: 'cmp-a-quiet-hydra', kind: 'hydra-reworded' },
  behaviour:
    'About 150 quiet accounts (20–40 requests/day each) behind residential proxies or a BYOK router, every ask reworded without stock phrases, dealt round-robin from one shuffled pool of maths, code and hard prompts (an item recurs only after the pool is used up).',
  size: (t) => scaled(152, t, 10),
  make(w, n) {
    const rng = new Rng(`${w.seed}/hydra-a`);
    const cards = cardPool(rng, n, 3);
    const egress = routerEgress(w);
    const images: { kind: ClientKind; pin: string }[] = [
      { kind: 'openai-python', pin: '1.82.0' },
      { kind: 'openai-node', pin: '4.91.1' },
      { kind: 'anthropic-python', pin: '0.49.0' },
    ];
    const actors: Actor[] = [];
    const joins: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const country = countryOf(rng.pick(PROXY_COUNTRIES));
      const viaRouter = rng.chance(0.3);
      const net: Net = viaRouter
        ? poolNet(egress)
        : proxyNet(w.plan, [country.code], rng.pick([15, 30, 60]));
      const image = rng.pick(images);
      const client = viaRouter ? routerClient() : makeClient(image.kind, rng, image.pin);
      const r = rng.next();
      const joinDay = r < 0.14 ? rng.int(1, Math.max(1, w.win.days - 2)) : 0;
      const createdAt =
        joinDay > 0
          ? w.win.start + joinDay * DAY - rng.range(2, 20) * HOUR
          : r < 0.4
            ? agedBefore(w, rng, 200, 650)
            : agedBefore(w, rng, 15, 120);
      actors.push(
        campaignActor(w, {
          persona: 'hydra-reworded',
          campaign: 'cmp-a-quiet-hydra',
          index: i,
          country,
          net,
          client,
          createdAt,
          route: rng.weighted([
            ['self-serve', 80],
            ['startup-credits', 12],
            ['education', 8],
          ] as const),
          tier: rng.chance(0.15) ? 'free' : 'pay-as-you-go',
          payment: rng.pick(cards),
        }),
      );
      joins.push(joinDay > 0 ? w.win.start + joinDay * DAY : w.win.start);
    }
    const items = pool(w.corpora, rng, { gsm: 35, comp: 15, cot: 15, code: 25, hard: 10 }, 60_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = 0;
          const perDay = a.rng.range(20, 40);
          paced(
            w,
            a,
            {
              perDay: perDay / 1.1,
              profile: a.rng.chance(0.7) ? 'consumer' : 'work',
              burst: [2, 7],
              gap: 100_000,
              from: joins[i] ?? w.win.start,
              offDay: 0.08,
            },
            (ts) => {
              const it = items[(k * n + i) % items.length] as Item;
              k += 1;
              return harvestUnit(w, a, ts, it, harvestModel(w, a.rng, it, ts), varied(a.rng));
            },
          );
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (b) Templated hydra
//
// "One benign-looking prompt sent in variants tens of thousands of times across hundreds
// of accounts", with signups through education/startup credit routes (THREATS.md).

const B_TEMPLATES = [
  'Solve the following problem. Present every intermediate calculation, then give the final answer on its own line.\n\nProblem: {q}',
  'Problem: {q}\n\nProvide a complete, detailed solution.',
  'Answer the question below and justify each part of your answer.\n\n{q}',
  'You are an expert tutor. Solve step by step:\n{q}',
  "{q}\n\nWrite a full worked solution, then state the final answer as 'Final answer: ...'.",
  'Question: {q}\nGive a detailed explanation before the answer.',
  'Carefully solve this. Show all work.\n\n{q}',
  '{q}\nExplain your answer thoroughly.',
  "Let's solve this step by step.\n{q}",
  'Provide the solution with all intermediate steps:\n{q}',
];

export const templatedHydra: Family = {
  persona: 'hydra-templated',
  malicious: true,
  campaign: { id: 'cmp-b-template-hydra', kind: 'hydra-templated' },
  behaviour:
    'About 80 accounts signed up in one week via education/startup programmes, on datacenter proxies with one client build, sharing ten prompt templates and running in synchronised UTC shifts.',
  size: (t) => scaled(80, t, 5),
  make(w, n) {
    const rng = new Rng(`${w.seed}/hydra-b`);
    const cards = cardPool(rng, n, 16);
    const domains = ['mailbox-hub.net', 'inboxly.org', 'quickpost.email'];
    const signupStart = w.win.start - rng.range(24, 30) * DAY;
    const hosting = [2, 3, 4, 5].flatMap((h) => w.plan.owned(`hosting-${h}`));
    const actors = Array.from({ length: n }, (_, i) => {
      const blockRng = new Rng(`${w.seed}/hydra-b/ip/${i}`);
      let ip = ipIn(rng.pick(hosting), blockRng);
      let day = -1;
      const net: Net = {
        ipAt(ts, r) {
          const d = Math.floor((ts - w.win.start) / DAY);
          if (d !== day) {
            day = d;
            ip = ipIn(r.pick(hosting), r);
          }
          return ip;
        },
        signupIp: (r) => ipIn(r.pick(hosting), r),
      };
      const [f, l] = [
        personalEmail(rng).split(/[._@0-9]/)[0] ?? 'user',
        rng.pick(['lee', 'tan', 'wu', 'kim', 'roy', 'das', 'ng']),
      ];
      return campaignActor(w, {
        persona: 'hydra-templated',
        campaign: 'cmp-b-template-hydra',
        index: i,
        country: countryOf(rng.pick(['US', 'SG', 'IN', 'GB'])),
        net,
        client: makeClient('aiohttp', rng, '3.11.11'),
        createdAt: signupStart + rng.range(0, 5) * DAY,
        route: rng.chance(0.6) ? 'education' : 'startup-credits',
        tier: 'pay-as-you-go',
        email: `${f}.${l}${rng.int(10, 99)}@${rng.pick(domains)}`,
        payment: rng.pick(cards),
      });
    });
    const items = pool(w.corpora, rng, { cot: 35, gsmTest: 20, comp: 25, gsm: 20 }, 30_000);
    return {
      actors,
      run() {
        for (const a of actors) {
          a.tz = 0;
          for (let day = 0; day < w.win.days; day += 1) {
            const shift = w.win.start + day * DAY + 2 * HOUR + a.rng.range(0, 6) * MINUTE;
            const end = shift + 12 * HOUR;
            for (let t = shift; t < end; t += a.rng.range(18, 30) * MINUTE) {
              const it = a.rng.pick(items);
              const user = a.rng.pick(B_TEMPLATES).replace('{q}', plain(it));
              converse(
                w,
                a,
                t,
                { turns: [{ user, reply: answer(it, a.rng, true) }] },
                MODELS.think,
                { temperature: 0.7, max_tokens: 4096 },
                { errorRate: 0.02 },
              );
            }
          }
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (d) Follow-up harvesting: short answer first, then "why?"

const WHY = [
  'why is that?',
  'how come?',
  'what makes that right?',
  'how did you get there?',
  'and where does that number come from?',
  'could you back that up?',
  "what's the logic?",
  'why not one of the other options?',
  'ok but why',
  'hm, convince me',
  'how do you know?',
  'wait, how?',
  'which facts is that based on?',
];
const AGAIN = [
  'is there another way to see it?',
  'and if someone disagreed, what would you point to?',
  'what was the key insight there?',
  'could it have come out differently?',
];

function shortAnswer(it: Item, rng: Rng): string {
  if (it.k === 'cot')
    return it.c.src === 'strategyqa' ? (it.c.answer === 'yes' ? 'Yes.' : 'No.') : `${it.c.answer}`;
  if (it.k === 'gsm' || it.k === 'comp')
    return (
      rng.pick(['', 'It comes out to ', 'The answer is ']) +
      it.m.answer +
      (rng.chance(0.5) ? '.' : '')
    );
  return 'Sure.';
}

export const followupFamily: Family = {
  persona: 'followup-harvest',
  malicious: true,
  campaign: { id: 'cmp-d-followup-why', kind: 'multi-turn-followup' },
  behaviour:
    'Conversations that ask for the bare answer first and then pull the rationale out with "why?"/"how come?"-style follow-ups, via residential proxies.',
  size: (t) => scaled(7, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/followup`);
    const actors = Array.from({ length: n }, (_, i) => {
      const country = countryOf(rng.pick(PROXY_COUNTRIES));
      return campaignActor(w, {
        persona: 'followup-harvest',
        campaign: 'cmp-d-followup-why',
        index: i,
        country,
        net: proxyNet(w.plan, [country.code], 30),
        client: makeClient(
          i % 2 ? 'openai-node' : 'openai-python',
          rng,
          i % 2 ? '4.91.1' : '1.82.0',
        ),
      });
    });
    const items = pool(w.corpora, rng, { cot: 5, gsm: 3, comp: 2 }, 20_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = i;
          paced(w, a, { perDay: 30, profile: 'consumer', burst: [2, 5], gap: 120_000 }, (ts) => {
            const it = items[k % items.length] as Item;
            k += n;
            const first =
              it.k === 'cot'
                ? `${it.c.q}\n\n${a.rng.pick(['just the answer', 'short answer please', 'one word', 'quick answer?'])}`
                : `${swapNames(plain(it), a.rng)}\n\n${a.rng.pick(['just the number', 'final answer only', 'what do you get?'])}`;
            const why =
              it.k === 'gsm'
                ? gsmWorked(it.m, a.rng)
                : it.k === 'cot'
                  ? cotWorked(it.c, a.rng, true)
                  : answer(it, a.rng, true).text;
            const turns = [
              { user: first, reply: { text: shortAnswer(it, a.rng), effort: 0.3 } as Reply },
              { user: a.rng.pick(WHY), reply: { text: why, effort: 0.5 } as Reply },
            ];
            if (a.rng.chance(0.45))
              turns.push({
                user: a.rng.pick(AGAIN),
                reply: { text: composeAnswer(plain(it), a.rng, 'prose', 0.8), effort: 0.5 },
              });
            return converse(
              w,
              a,
              ts,
              { turns },
              a.rng.chance(0.6) ? MODELS.think : MODELS.pro,
              varied(a.rng),
              { gap: 25_000 },
            );
          });
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (i) Low-resource languages

export const lowResourceFamily: Family = {
  persona: 'low-resource-language',
  malicious: true,
  campaign: { id: 'cmp-i-lowres-lang', kind: 'low-resource-language' },
  behaviour:
    'Worked-solution harvesting phrased in Thai, Hausa, Amharic, Ukrainian, Malay, Tamil and Swahili: native word problems and English problems with the working demanded in the other language.',
  size: (t) => scaled(8, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/lowres`);
    const actors = Array.from({ length: n }, (_, i) => {
      const lang = HARVEST_LANGS[i % HARVEST_LANGS.length] ?? HARVEST_LANGS[0]!;
      const country = countryOf(lang.country);
      return campaignActor(w, {
        persona: 'low-resource-language',
        campaign: 'cmp-i-lowres-lang',
        index: i,
        country,
        net: proxyNet(w.plan, [country.code], 45),
        client: makeClient('openai-python', rng, '1.82.0'),
        tier: rng.chance(0.3) ? 'free' : 'pay-as-you-go',
      });
    });
    const gsm = w.corpora.gsm;
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          const lang = HARVEST_LANGS[i % HARVEST_LANGS.length] ?? HARVEST_LANGS[0]!;
          let k = i * 997;
          paced(w, a, { perDay: 55, profile: 'consumer', burst: [3, 8], gap: 80_000 }, (ts) => {
            let user: string;
            let reply: string;
            if (a.rng.chance(0.5) || gsm.length === 0) {
              const p = nativeProblem(lang, a.rng);
              user = `${p.q}\n\n${a.rng.pick(lang.asks)}`;
              reply = workedIn(lang, a.rng, p.steps, p.answer);
            } else {
              const m = gsm[k % gsm.length]!;
              k += 1;
              const eqs = gsmEquations(m);
              user = a.rng.chance(0.5)
                ? `${a.rng.pick(lang.asks)}\n\n${m.q}`
                : `${m.q}\n\n${a.rng.pick(lang.asks)}`;
              reply = workedIn(lang, a.rng, eqs.length > 0 ? eqs : gsmSteps(m).steps, m.answer);
            }
            return converse(
              w,
              a,
              ts,
              { turns: [{ user, reply: { text: reply, effort: 0.4 } }] },
              a.rng.chance(0.7) ? MODELS.think : MODELS.pro,
              varied(a.rng),
              { errorRate: 0.01 },
            );
          });
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (j) Dormant aged accounts waking together

export const dormantFamily: Family = {
  persona: 'dormant-wake',
  malicious: true,
  campaign: { id: 'cmp-j-dormant-wake', kind: 'dormant-wake' },
  behaviour:
    'Accounts created one to two years ago on different routes, silent until the same hour mid-window, then harvesting code and competition maths at a steady clip.',
  size: (t) => scaled(10, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/dormant`);
    const wake = w.win.start + Math.min(4, w.win.days - 1) * DAY + 2 * HOUR;
    const actors = Array.from({ length: n }, (_, i) => {
      const country = countryOf(rng.pick(PROXY_COUNTRIES));
      return campaignActor(w, {
        persona: 'dormant-wake',
        campaign: 'cmp-j-dormant-wake',
        index: i,
        country,
        net: proxyNet(w.plan, [country.code], 60),
        client: makeClient('openai-python', rng, '1.99.1'),
        createdAt: agedBefore(w, rng, 300, 720),
        route: rng.pick([
          'self-serve',
          'self-serve',
          'education',
          'research',
          'startup-credits',
        ] as const),
        tier: rng.pick(['free', 'pay-as-you-go', 'pay-as-you-go']),
      });
    });
    const items = pool(w.corpora, rng, { code: 5, comp: 3, hard: 2 }, 20_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = i;
          const from = wake + a.rng.range(0, 40) * MINUTE;
          paced(w, a, { perDay: 110, profile: 'flat', burst: [6, 14], gap: 60_000, from }, (ts) => {
            const it = items[k % items.length] as Item;
            k += n;
            return harvestUnit(w, a, ts, it, harvestModel(w, a.rng, it, ts, 0.3), varied(a.rng));
          });
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (k) Pivot to the newly released model
//
// The same disclosures report one campaign moving half its traffic to a newly released
// model within 24 hours.

export const pivotFamily: Family = {
  persona: 'release-pivot',
  malicious: true,
  campaign: { id: 'cmp-k-release-pivot', kind: 'release-pivot' },
  behaviour:
    'A harvesting cluster on the previous reasoning model that moves most of its traffic to the newly released model within hours of launch and raises volume.',
  size: (t) => scaled(8, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/pivot`);
    const switchAt = w.win.releaseAt + rng.range(3, 14) * HOUR;
    const actors = Array.from({ length: n }, (_, i) => {
      const country = countryOf(rng.pick(PROXY_COUNTRIES));
      const net =
        i % 2 === 0
          ? proxyNet(w.plan, [country.code], 30)
          : poolNet(
              Array.from({ length: 3 }, () => ipIn(rng.pick(w.plan.owned('cloud-nimbo')), rng)),
            );
      return campaignActor(w, {
        persona: 'release-pivot',
        campaign: 'cmp-k-release-pivot',
        index: i,
        country,
        net,
        client: makeClient('openai-node', rng, '4.91.1'),
        createdAt: agedBefore(w, rng, 20, 200),
      });
    });
    const items = pool(w.corpora, rng, { comp: 4, gsm: 2, code: 3, hard: 1 }, 20_000);
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = i;
          const mySwitch = switchAt + a.rng.range(0, 3) * HOUR;
          paced(w, a, { perDay: 75, profile: 'consumer', burst: [4, 10], gap: 70_000 }, (ts) => {
            const it = items[k % items.length] as Item;
            k += n;
            const after = ts > mySwitch;
            const model =
              after && a.rng.chance(0.75) ? MODELS.think3 : harvestModel(w, a.rng, it, ts, 0);
            const end = harvestUnit(w, a, ts, it, model, varied(a.rng));
            if (after && a.rng.chance(0.4)) {
              const it2 = items[(k + 7) % items.length] as Item;
              return harvestUnit(
                w,
                a,
                end + a.rng.range(5, 40) * 1000,
                it2,
                MODELS.think3,
                varied(a.rng),
              );
            }
            return end;
          });
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// (l) Padded prompts

const PAD_LEADS = [
  'Background notes from our study group (may or may not be relevant):',
  'Context pasted from my course page:',
  'Some material I was reading earlier:',
  'Reference notes:',
];

export const paddedFamily: Family = {
  persona: 'padded-harvest',
  malicious: true,
  campaign: { id: 'cmp-l-padded', kind: 'padded-prompts' },
  behaviour:
    'Harvesting asks wrapped in long few-shot examples or pasted background notes so input tokens are large and output/input ratios look ordinary.',
  size: (t) => scaled(6, t, 1),
  make(w, n) {
    const rng = new Rng(`${w.seed}/padded`);
    const actors = Array.from({ length: n }, (_, i) => {
      const country = countryOf(rng.pick(PROXY_COUNTRIES));
      return campaignActor(w, {
        persona: 'padded-harvest',
        campaign: 'cmp-l-padded',
        index: i,
        country,
        net: proxyNet(w.plan, [country.code], 30),
        client: makeClient(
          i % 3 === 0 ? 'anthropic-python' : 'openai-python',
          rng,
          i % 3 === 0 ? '0.49.0' : '1.82.0',
        ),
      });
    });
    const items = pool(w.corpora, rng, { gsm: 4, comp: 3, code: 2, cot: 1 }, 20_000);
    const notes = w.corpora.dialogs
      .flatMap((d) => d.map((e) => e.assistant))
      .filter((t) => t.length > 300);
    const c = w.corpora;
    return {
      actors,
      run() {
        actors.forEach((a, i) => {
          let k = i;
          paced(w, a, { perDay: 70, profile: 'consumer', burst: [3, 8], gap: 90_000 }, (ts) => {
            const it = items[k % items.length] as Item;
            k += n;
            let pad: string;
            if (a.rng.chance(0.5) && c.gsm.length > 3) {
              const shots = a.rng.sample(c.gsm, a.rng.int(3, 6));
              pad = `Here are some solved examples for reference.\n\n${shots.map((s, j) => `Example ${j + 1}:\n${s.q}\n${gsmSteps(s).steps.join('\n')}\nAnswer: ${s.answer}`).join('\n\n')}`;
            } else {
              pad = `${a.rng.pick(PAD_LEADS)}\n\n${a.rng.sample(notes.length > 0 ? notes : [composeAnswer('notes', a.rng)], a.rng.int(2, 5)).join('\n\n')}`;
            }
            const user = `${pad}\n\n---\n\n${reword(it, a.rng)}`;
            return converse(
              w,
              a,
              ts,
              { turns: [{ user, reply: answer(it, a.rng, true) }] },
              harvestModel(w, a.rng, it, ts),
              varied(a.rng),
              { errorRate: 0.01 },
            );
          });
        });
      },
    };
  },
};
