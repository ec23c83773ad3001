/**
 * Honest individuals: casual chat users (the majority), students, power users, coding
 * agents, people behind shared NATs, translators, early adopters of a new model, mobile
 * users and customers of a third-party router.
 */
import { devScript, runScript } from './agent.js';
import {
  casualConversation,
  homeLanguage,
  powerConversation,
  studentConversation,
} from './chat.js';
import {
  type Family,
  agedBefore,
  converse,
  eachSession,
  humanGap,
  humanParams,
  scaled,
  userModel,
} from './common.js';
import { pool } from './items.js';
import { LANG_NAMES, SENTENCES, type TargetLang } from './lang.js';
import { Rng } from './rng.js';
import { type Actor, type World, newActor, newCard } from './wire.js';
import {
  type ClientKind,
  type Country,
  type Net,
  DAY,
  HOUR,
  MODELS,
  countryOf,
  homeNet,
  makeClient,
  mobileNet,
  natRange,
  personalEmail,
  pickCountry,
  poolNet,
  workEmail,
} from './world.js';

export const HOBBY_CLIENTS: readonly (readonly [ClientKind, number])[] = [
  ['openai-python', 30],
  ['openai-node', 18],
  ['anthropic-python', 10],
  ['anthropic-node', 5],
  ['aiohttp', 9],
  ['requests', 8],
  ['curl', 3],
  ['go', 3],
  ['rust', 2],
  ['cfnetwork', 5],
  ['okhttp', 5],
];

function tierFor(rng: Rng): string {
  return rng.weighted([
    ['free', 52],
    ['pay-as-you-go', 45],
    ['scale', 3],
  ] as const);
}

interface PersonOpts {
  country?: Country;
  net?: (country: Country, rng: Rng) => Net;
  clients?: readonly (readonly [ClientKind, number])[];
  route?: 'self-serve' | 'education' | 'research' | 'startup-credits' | 'enterprise';
  email?: string;
  age?: [number, number];
  tier?: string;
  payment?: string;
}

/** An ordinary person's account. */
export function person(w: World, family: string, i: number, o: PersonOpts = {}): Actor {
  const rng = new Rng(`${w.seed}/person/${family}/${i}`);
  const country = o.country ?? pickCountry(rng);
  const net = o.net ? o.net(country, rng) : homeNet(w.plan, country.code, rng);
  const client = makeClient(rng.weighted(o.clients ?? HOBBY_CLIENTS), rng);
  const [lo, hi] = o.age ?? [1, 900];
  const spec = {
    family,
    index: i,
    country,
    createdAt: agedBefore(w, rng, lo, hi),
    route:
      o.route ??
      rng.weighted([
        ['self-serve', 94],
        ['education', 3],
        ['startup-credits', 2],
        ['research', 1],
      ] as const),
    tier: o.tier ?? tierFor(rng),
    email: o.email ?? personalEmail(rng),
    net,
    client,
    malicious: false,
    ...(o.payment ? { payment: o.payment } : {}),
  };
  return newActor(w, spec);
}

function casualSessions(
  w: World,
  a: Actor,
  activeProb: number,
  sessions: number,
  adopt = 0.05,
): void {
  const lang = homeLanguage(a.rec.country);
  const weights = {
    lite: a.rng.range(0.5, 4),
    pro: a.rng.range(1, 4),
    think: a.rng.range(0.1, 1.2),
  };
  eachSession(
    w,
    a,
    { activeProb, sessions, profile: a.rng.chance(0.2) ? 'night' : 'consumer' },
    (ts) => {
      const conv = casualConversation(w.corpora, a.rng, lang);
      const model = userModel(w, a.rng, weights, adopt)(ts);
      return converse(
        w,
        a,
        ts,
        conv,
        model,
        humanParams(a.rng, a.client.ua.startsWith('Python/') || a.rng.chance(0.6)),
      );
    },
  );
}

export const casualFamily: Family = {
  persona: 'casual-chat',
  malicious: false,
  behaviour:
    'Everyday chats from home connections: real multi-turn dialogues, one-off questions, role-play openers, some in their own language; a few sessions a week.',
  size: () => 0,
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) => person(w, 'casual-chat', i));
    return {
      actors,
      run() {
        for (const a of actors) casualSessions(w, a, a.rng.range(0.12, 0.7), a.rng.range(1, 2.6));
      },
    };
  },
};

export const studentFamily: Family = {
  persona: 'student',
  malicious: false,
  behaviour:
    'Students asking for step-by-step solutions to maths and science homework, with confused follow-ups, evenings and late nights, partly from campus NAT.',
  size: (t) => scaled(200, t),
  make(w, n) {
    const campusRng = new Rng(`${w.seed}/campus`);
    const campuses = Array.from({ length: 4 }, (_, i) =>
      natRange(w.plan.owned(`isp-${['US', 'GB', 'IN', 'CA'][i] ?? 'US'}-0`)[0]!, campusRng, 16),
    );
    const actors = Array.from({ length: n }, (_, i) => {
      const campus = i % 3 === 0 ? campuses[i % campuses.length] : undefined;
      const country = campus ? countryOf(['US', 'GB', 'IN', 'CA'][i % 4] ?? 'US') : undefined;
      return person(w, 'student', i, {
        ...(country ? { country } : {}),
        route: campusRng.chance(0.5) ? 'education' : 'self-serve',
        tier: campusRng.chance(0.7) ? 'free' : 'pay-as-you-go',
        age: [3, 500],
        ...(campus
          ? {
              net: (c: Country, r: Rng): Net => {
                const home = homeNet(w.plan, c.code, r);
                const nat = poolNet(campus);
                return {
                  ipAt: (ts, rr) => (rr.chance(0.6) ? nat.ipAt(ts, rr) : home.ipAt(ts, rr)),
                  signupIp: (rr) => nat.signupIp(rr),
                };
              },
              email: `${personalEmail(campusRng).split('@')[0]}@${['state-u', 'northfield', 'ganges-inst', 'lakeshore'][i % 4]}.edu`,
            }
          : {}),
      });
    });
    const items = pool(
      w.corpora,
      new Rng(`${w.seed}/student-items`),
      { gsm: 5, comp: 2, cot: 3 },
      4000,
    );
    return {
      actors,
      run() {
        for (const a of actors) {
          eachSession(
            w,
            a,
            { activeProb: a.rng.range(0.25, 0.7), sessions: 1.6, profile: 'student' },
            (ts) => {
              const model = a.rng.weighted([
                [MODELS.lite, 2],
                [MODELS.pro, 3],
                [MODELS.think, 1],
              ] as const);
              let end = ts;
              for (let q = a.rng.int(1, 4); q > 0; q -= 1) {
                end = converse(
                  w,
                  a,
                  end + humanGap(a.rng, 40_000),
                  studentConversation(a.rng.pick(items), a.rng, a.rng.pick(items)),
                  model,
                  humanParams(a.rng),
                );
              }
              return end;
            },
          );
        }
      },
    };
  },
};

export const powerFamily: Family = {
  persona: 'power-user',
  malicious: false,
  behaviour:
    'Researchers and power users: diverse hard prompts, role system prompts, long follow-up threads, most days, several SDKs.',
  size: (t) => scaled(90, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      person(w, 'power-user', i, {
        clients: [
          ['openai-python', 5],
          ['openai-node', 3],
          ['anthropic-python', 3],
          ['curl', 1],
          ['rust', 0.5],
        ],
        tier: 'pay-as-you-go',
        route: i % 5 === 0 ? 'research' : 'self-serve',
      }),
    );
    return {
      actors,
      run() {
        for (const a of actors) {
          const weights = { lite: 0.5, pro: 3, think: a.rng.range(0.5, 3) };
          eachSession(
            w,
            a,
            {
              activeProb: 0.75,
              sessions: a.rng.range(2.5, 6),
              profile: a.rng.chance(0.6) ? 'work' : 'consumer',
            },
            (ts) => {
              const model = a.rng.chance(0.15)
                ? MODELS.coder
                : userModel(w, a.rng, weights, 0.12)(ts);
              return converse(
                w,
                a,
                ts,
                powerConversation(w.corpora, a.rng),
                model,
                humanParams(a.rng),
                { gap: 120_000 },
              );
            },
          );
        }
      },
    };
  },
};

function codingSessions(
  w: World,
  a: Actor,
  perDay: number,
  profile: 'work' | 'night' = 'work',
): void {
  const style = a.client.endpoint === 'messages' ? 'anthropic' : 'openai';
  eachSession(w, a, { activeProb: 0.85, sessions: perDay, profile }, (ts) => {
    const s = devScript(w.corpora, a.rng, style);
    const model = a.rng.weighted([
      [MODELS.coder, 5],
      [MODELS.pro, 3],
      [MODELS.think, 1.5],
      [ts > w.win.releaseAt ? MODELS.think3 : MODELS.think, 0.6],
    ] as const);
    const params = {
      max_tokens: a.rng.pick([8192, 16000, 32000]),
      stream: true,
      temperature: a.rng.chance(0.5) ? 0 : 1,
    };
    return runScript(
      w,
      a,
      ts,
      s,
      model,
      style === 'anthropic' ? { ...params, systemBlocks: true, cacheSystem: true } : params,
      {
        tool: () => a.rng.logNormal(2500, 0.9),
        human: () => humanGap(a.rng, 90_000),
        maxMsgs: 26,
      },
    );
  });
}

export const codingFamily: Family = {
  persona: 'coding-agent',
  malicious: false,
  behaviour:
    'Developers using CLI/IDE coding agents: multi-turn tool sessions (read, search, edit, run tests) with growing context, in working hours on weekdays.',
  size: (t) => scaled(110, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      person(w, 'coding-agent', i, {
        clients: [
          ['kestrel-cli', 5],
          ['anthropic-node', 1.5],
          ['openai-node', 3.5],
        ],
        tier: i % 7 === 0 ? 'scale' : 'pay-as-you-go',
        age: [10, 700],
      }),
    );
    return {
      actors,
      run() {
        for (const a of actors)
          codingSessions(w, a, a.rng.range(1.5, 4.5), a.rng.chance(0.12) ? 'night' : 'work');
      },
    };
  },
};

/** Organisations: many accounts behind one small NAT range, one card, provisioned together. */
export const natFamily: Family = {
  persona: 'shared-nat-org',
  malicious: false,
  behaviour:
    'Employees of three organisations (two companies, one university department) behind one small NAT range each, provisioned the same day, one billing card; chat, coding and documents in office hours.',
  size: (t) => scaled(130, t, 6),
  make(w, n) {
    const rng = new Rng(`${w.seed}/orgs`);
    const orgs = [
      {
        name: 'halvorsen-logistics.com',
        country: 'NL',
        share: 0.46,
        route: 'enterprise' as const,
        tier: 'enterprise',
      },
      {
        name: 'brightmoor-health.com',
        country: 'US',
        share: 0.31,
        route: 'enterprise' as const,
        tier: 'scale',
      },
      {
        name: 'cs.uni-kelburn.ac.uk',
        country: 'GB',
        share: 0.23,
        route: 'education' as const,
        tier: 'pay-as-you-go',
      },
    ];
    const actors: Actor[] = [];
    let i = 0;
    for (const org of orgs) {
      const count = Math.max(2, Math.round(n * org.share));
      const nat = natRange(rng.pick(w.plan.owned(`isp-${org.country}-0`)), rng, 8);
      const card = newCard(rng);
      const provisioned = agedBefore(w, rng, 30, 300);
      const country = countryOf(org.country);
      for (let k = 0; k < count && i < n; k += 1, i += 1) {
        const a = person(w, 'shared-nat-org', i, {
          country,
          net: () => poolNet(nat),
          email: workEmail(rng, org.name),
          route: org.route,
          tier: org.tier,
          payment: card,
          clients: [
            ['openai-python', 3],
            ['openai-node', 2],
            ['kestrel-cli', 2],
            ['requests', 1],
          ],
        });
        a.rec.createdAt = new Date(Math.floor(provisioned + rng.range(0, 6) * HOUR)).toISOString();
        actors.push(a);
      }
    }
    return {
      actors,
      run() {
        for (const a of actors) {
          const r = a.rng.next();
          if (a.client.ua.startsWith('kestrel-cli')) codingSessions(w, a, a.rng.range(1, 3));
          else if (r < 0.5) {
            eachSession(w, a, { activeProb: 0.6, sessions: 2, profile: 'work' }, (ts) =>
              converse(
                w,
                a,
                ts,
                powerConversation(w.corpora, a.rng),
                MODELS.pro,
                humanParams(a.rng),
              ),
            );
          } else casualSessionsWork(w, a);
        }
      },
    };
  },
};

function casualSessionsWork(w: World, a: Actor): void {
  eachSession(w, a, { activeProb: 0.55, sessions: 1.8, profile: 'work' }, (ts) =>
    converse(
      w,
      a,
      ts,
      casualConversation(w.corpora, a.rng),
      userModel(w, a.rng, { lite: 2, pro: 2, think: 0.3 })(ts),
      humanParams(a.rng),
    ),
  );
}

export const translatorFamily: Family = {
  persona: 'translator',
  malicious: false,
  behaviour:
    'Freelance translators sending short business texts for translation into one or two target languages, with a terminology system prompt, in working hours.',
  size: (t) => scaled(40, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      person(w, 'translator', i, {
        country: countryOf(['ES', 'DE', 'FR', 'BR', 'JP', 'IT', 'PT', 'MX'][i % 8] ?? 'ES'),
        clients: [
          ['openai-python', 2],
          ['requests', 1],
          ['cfnetwork', 1],
        ],
        tier: 'pay-as-you-go',
      }),
    );
    const targets: TargetLang[] = ['es', 'de', 'fr', 'pt', 'ja', 'it'];
    return {
      actors,
      run() {
        for (const a of actors) {
          const mine = a.rng.sample(targets, a.rng.int(1, 2));
          const system = a.rng.chance(0.6)
            ? `You are a professional translator. Translate faithfully, keep formatting, keep product names in English, and use the ${a.rng.pick(['formal', 'neutral'])} register. Output only the translation.`
            : undefined;
          eachSession(w, a, { activeProb: 0.7, sessions: 3, profile: 'work' }, (ts) => {
            let t = ts;
            for (let j = a.rng.int(2, 7); j > 0; j -= 1) {
              const target = a.rng.pick(mine);
              const picked = a.rng.sample(SENTENCES, a.rng.int(2, 6));
              const src = picked.map((s) => s.en).join(' ');
              const out = picked.map((s) => s[target]).join(target === 'ja' ? '' : ' ');
              const user = system
                ? `Target: ${LANG_NAMES[target]}\n\n${src}`
                : `Translate into ${LANG_NAMES[target]}:\n\n${src}`;
              const conv = {
                turns: [{ user, reply: { text: out } }],
                ...(system ? { system } : {}),
              };
              t =
                converse(w, a, t, conv, a.rng.chance(0.7) ? MODELS.pro : MODELS.lite, {
                  temperature: 0.2,
                }) +
                a.rng.range(20, 400) * 1000;
            }
            return t;
          });
        }
      },
    };
  },
};

export const adopterFamily: Family = {
  persona: 'new-model-adopter',
  malicious: false,
  behaviour:
    'Enthusiasts who try the newly released model within hours of launch, heavily for a day or two, with their usual mix of prompts.',
  size: (t) => scaled(60, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      person(w, 'new-model-adopter', i, { tier: 'pay-as-you-go', age: [30, 800] }),
    );
    return {
      actors,
      run() {
        for (const a of actors) {
          const delay = a.rng.logNormal(5 * HOUR, 0.8);
          eachSession(w, a, { activeProb: 0.4, sessions: 2, profile: 'consumer' }, (ts) => {
            const excited = ts > w.win.releaseAt + delay && ts < w.win.releaseAt + delay + 2 * DAY;
            const model =
              ts > w.win.releaseAt + delay && a.rng.chance(0.8)
                ? MODELS.think3
                : a.rng.pick([MODELS.pro, MODELS.think]);
            let end = ts;
            for (let k = excited ? a.rng.int(3, 8) : 1; k > 0; k -= 1) {
              const conv = a.rng.chance(0.6)
                ? powerConversation(w.corpora, a.rng)
                : casualConversation(w.corpora, a.rng);
              end = converse(w, a, end + humanGap(a.rng), conv, model, humanParams(a.rng));
            }
            return end;
          });
          // Launch-evening burst independent of the usual rhythm.
          if (a.rng.chance(0.8)) {
            let t = w.win.releaseAt + delay;
            for (let k = a.rng.int(4, 14); k > 0; k -= 1) {
              const conv = a.rng.chance(0.5)
                ? powerConversation(w.corpora, a.rng)
                : studentConversation(
                    a.rng.pick(pool(w.corpora, a.rng, { comp: 1, hard: 1 }, 4)),
                    a.rng,
                  );
              t =
                converse(w, a, t, conv, MODELS.think3, humanParams(a.rng)) +
                humanGap(a.rng, 60_000);
            }
          }
        }
      },
    };
  },
};

export const mobileFamily: Family = {
  persona: 'mobile-user',
  malicious: false,
  behaviour:
    'People on phones (bring-your-own-key apps) whose address changes nearly every session across carrier CGNAT pools and home Wi-Fi.',
  size: (t) => scaled(150, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      person(w, 'mobile-user', i, {
        net: (c, r) => mobileNet(w.plan, c.code, r),
        clients: [
          ['okhttp', 1],
          ['cfnetwork', 1],
        ],
      }),
    );
    return {
      actors,
      run() {
        for (const a of actors) casualSessions(w, a, a.rng.range(0.2, 0.7), a.rng.range(1, 3));
      },
    };
  },
};

/** Egress of a third-party bring-your-own-key router (shared with a campaign). */
export function routerEgress(w: World): string[] {
  const rng = new Rng(`${w.seed}/router-egress`);
  const blocks = [...w.plan.owned('hosting-0'), ...w.plan.owned('hosting-1')];
  const out: string[] = [];
  for (const b of blocks) {
    const third = rng.int(0, 255);
    for (let i = 0; i < 6; i += 1)
      out.push(`${b.prefix[0]}.${b.prefix[1]}.${third}.${rng.int(10, 250)}`);
  }
  return out;
}

/** The router's own upstream client, identical for every account it carries. */
export function routerClient(): ReturnType<typeof makeClient> {
  return makeClient('openai-node', new Rng('router-client'), '4.98.0');
}

export const routerFamily: Family = {
  persona: 'router-customer',
  malicious: false,
  behaviour:
    'Honest users who reach the API through a third-party bring-your-own-key router: shared router egress addresses and one client fingerprint, ordinary chat and coding use.',
  size: (t) => scaled(60, t),
  make(w, n) {
    const egress = routerEgress(w);
    const actors = Array.from({ length: n }, (_, i) => {
      const a = person(w, 'router-customer', i, {
        tier: 'pay-as-you-go',
        net: () => poolNet(egress),
      });
      a.client = routerClient();
      return a;
    });
    return {
      actors,
      run() {
        for (const a of actors) {
          eachSession(
            w,
            a,
            { activeProb: a.rng.range(0.3, 0.8), sessions: 2.5, profile: 'consumer' },
            (ts) => {
              const conv = a.rng.chance(0.5)
                ? casualConversation(w.corpora, a.rng)
                : powerConversation(w.corpora, a.rng);
              return converse(
                w,
                a,
                ts,
                conv,
                userModel(w, a.rng, { lite: 1, pro: 3, think: 1 })(ts),
                { stream: true },
              );
            },
          );
        }
      },
    };
  },
};
