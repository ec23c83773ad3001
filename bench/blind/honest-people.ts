/**
 * Honest people: casual chat users, students, power users, researchers, developers with IDE
 * agents, employees behind corporate NAT, translators, and people trying the new model.
 */
import { agentStep, compact, devTask, IDE_TOOLS, makeRepo, toolOutput } from './agents.js';
import { CLIENTS, natBlock, universityIp, type Client } from './clients.js';
import { apiOf, chatModel, chatSession, humanGap, uiParams } from './convo.js';
import { honestPerson, TZ, workEmail } from './people.js';
import { codeAnswer, proseAnswer, rationaleAnswer, workedAnswer } from './respond.js';
import type { Rng } from './rng.js';
import { MODELS, type Call, type Turn } from './wire.js';
import { HOUR, isoBefore, keyId, payFp, type Actor, type World } from './world.js';

const BROWSERS = [
  'chromeWin',
  'chromeMac',
  'edge',
  'firefox',
  'safariMac',
  'safariIos',
  'safariIos',
];

/** The majority: a few chats on some evenings, mostly through web and mobile front-ends. */
export function casualChat(world: World, rng: Rng, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`casual-${i}`);
    const a = honestPerson(world, r, {
      persona: 'casual-chat',
      clients: [...BROWSERS, 'okhttp', 'jsOpenAI_4_77', 'pyOpenAI_1_59'],
      mobileShare: 0.25,
    });
    const api = apiOf(r, a.client);
    const pActive = Math.min(0.9, r.lognormal(0.3, 0.8));
    for (let d = 0; d < world.days; d++) {
      if (!r.chance(pActive * (world.isWeekend(d) ? 1.2 : 1))) continue;
      const sessions = 1 + r.poisson(0.4);
      for (let s = 0; s < sessions; s++)
        chatSession(world, r, a, world.at(r, d, a.tz, 'evening'), api);
    }
  }
}

const STUDENT_ASKS = [
  (q: string) => `Can you explain step by step how to solve this? ${q}`,
  (q: string) => `I don't get this homework question: ${q}`,
  (q: string) => `${q}\n\nshow your work pls, I need to understand it for the test`,
  (q: string) => `How do I approach this one? ${q}`,
  (q: string) => `my answer doesn't match the book. ${q}`,
  (q: string) => `${q} Please explain your reasoning.`,
  (q: string) => q,
];

/** Students: homework help with explicit step-by-step asks, evenings, follow-up questions. */
export function students(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`student-${i}`);
    const edu = r.chance(0.35);
    const a = honestPerson(world, r, {
      persona: 'student',
      clients: [...BROWSERS, 'safariIos', 'okhttp'],
      ageDays: [3, 500],
      tier: edu ? 'edu' : 'free',
      route: edu ? 'education' : 'self-serve',
      mobileShare: 0.35,
    });
    const api = apiOf(r, a.client);
    const pActive = r.float(0.25, 0.75);
    for (let d = 0; d < world.days; d++) {
      if (!r.chance(pActive * (world.isWeekend(d) ? 0.7 : 1))) continue;
      let t = world.at(r, d, a.tz, 'student');
      const items = r.int(1, 5);
      for (let k = 0; k < items; k++) {
        const roll = r.next();
        const turns: string[] = [];
        let first: string;
        if (roll < 0.6) {
          const w = roll < 0.45 ? r.pick(c.math) : r.pick(c.hardMath);
          turns.push(r.pick(STUDENT_ASKS)(w.q));
          first = workedAnswer(r, w);
        } else if (roll < 0.8) {
          const q = r.pick(c.rationale);
          turns.push(r.pick(STUDENT_ASKS)(q.q));
          first = rationaleAnswer(r, q, true);
        } else {
          const p = r.pick(c.chat);
          turns.push(p.q);
          first = proseAnswer(r, p.q, p.a);
        }
        if (r.chance(0.4))
          turns.push(
            r.pick([
              'why did you do that in the second step?',
              'wait how did you get that number',
              'can you check my answer: I got something different',
              'ok got it, can you give me a similar one to practice?',
            ]),
          );
        const model = r.chance(0.2) ? MODELS.reasoner : chatModel(r, world, t);
        t = worldConverse(world, r, a, t, { api, model, params: uiParams(r, api) }, turns, first);
        t += r.exp(6 * 60_000);
      }
    }
  }
}

function worldConverse(
  world: World,
  rng: Rng,
  a: Actor,
  t: number,
  base: Omit<Call, 'turns'>,
  turns: string[],
  first: string,
): number {
  const hist: Turn[] = [];
  for (let i = 0; i < turns.length; i++) {
    hist.push({ role: 'user', text: turns[i] as string });
    const text = i === 0 ? first : proseAnswer(rng, turns[i] as string);
    world.send(rng, a, t, { ...base, turns: [...hist] }, { text });
    hist.push({ role: 'assistant', text });
    t += humanGap(rng);
  }
  return t;
}

/** Power users: many diverse, hard prompts with follow-ups, from scripts and browsers. */
export function powerUsers(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`power-${i}`);
    const a = honestPerson(world, r, {
      persona: 'power-user',
      clients: [
        'chromeMac',
        'firefox',
        'pyOpenAI_1_61',
        'pyAnthropic_0_49',
        'jsOpenAI_4_85',
        'curl',
        'chromeWin',
      ],
      ageDays: [60, 1000],
      tier: r.pick(['tier-2', 'tier-3', 'tier-4']),
    });
    const api = apiOf(r, a.client);
    for (let d = 0; d < world.days; d++) {
      if (!r.chance(world.isWeekend(d) ? 0.45 : 0.85)) continue;
      const sessions = r.int(2, 6);
      for (let s = 0; s < sessions; s++) {
        const t = world.at(r, d, a.tz, r.chance(0.6) ? 'work' : 'evening');
        const roll = r.next();
        if (roll < 0.55) {
          const q = r.pick(c.hard);
          const model = r.weighted([
            [MODELS.pro, 50],
            [MODELS.reasoner, 30],
            [t >= world.release ? MODELS.next : MODELS.pro, 20],
          ]);
          const turns = [q];
          const more = r.int(0, 4);
          for (let k = 0; k < more; k++)
            turns.push(
              r.pick([
                'Can you go deeper on the second part?',
                'That fails for negative inputs, fix it.',
                'Now compare with the approach you dismissed.',
                'Write tests for this.',
                'What are the trade-offs?',
                'shorter pls',
              ]),
            );
          const p = uiParams(r, api);
          if (r.chance(0.3)) p.max_tokens = 16000;
          worldConverse(
            world,
            r,
            a,
            t,
            { api, model, params: p },
            turns,
            proseAnswer(r, q, undefined, true),
          );
        } else if (roll < 0.75) {
          const code = r.pick(c.code);
          worldConverse(
            world,
            r,
            a,
            t,
            { api, model: MODELS.pro, params: uiParams(r, api) },
            [code.q, 'can you add type hints and a docstring'],
            codeAnswer(r, code),
          );
        } else chatSession(world, r, a, t, api, { maxTurns: 6 });
      }
    }
  }
}

const COT_SYSTEMS = [
  'Answer the question. Think step by step, then give the final answer on the last line as "Answer: <answer>".',
  'You are a careful assistant. Reason through the problem before answering.',
  'Respond with only the letter of the correct option.',
];

/** Researchers: scripted CoT sweeps over temperatures with seeds, logprob calibration runs. */
export function researchers(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`research-${i}`);
    const country = r.pick(['US', 'GB', 'DE', 'CA', 'JP', 'NL', 'SG']);
    const uni = universityIp(r);
    const a = honestPerson(world, r, {
      persona: 'researcher',
      clients: ['pyOpenAI_1_61', 'pyOpenAIAsync', 'pyAnthropic_0_45', 'httpx'],
      countries: [[country, 1]],
      tier: r.pick(['tier-2', 'tier-3']),
      route: r.chance(0.6) ? 'research' : 'self-serve',
      email: `${r.pick(['j', 'm', 'a', 'k', 's'])}${r.pick(['lee', 'park', 'weber', 'costa', 'ito', 'brandt'])}@${r.pick(['cs.stanford.edu', 'mit.edu', 'ox.ac.uk', 'ethz.ch', 'u-tokyo.ac.jp', 'uva.nl', 'nus.edu.sg', 'utoronto.ca'])}`,
    });
    const lab: Actor = { ...a, ip: () => (r.chance(0.8) ? uni : a.ip()) };
    const api = apiOf(r, a.client);
    const runs = r.int(1, 3);
    const used = new Set<number>();
    for (let k = 0; k < runs; k++) {
      let d = r.int(0, world.days - 1);
      while (used.has(d) && used.size < world.days) d = (d + 1) % world.days;
      used.add(d);
      let t = world.dayStart(d) + (r.int(9, 16) - lab.tz) * HOUR;
      const logprobRun = r.chance(0.3) && api === 'openai';
      const items = r.int(30, 90);
      const temps = logprobRun ? [0] : r.sample([0, 0.3, 0.7, 1.0], r.int(2, 4));
      const system = logprobRun ? (COT_SYSTEMS[2] as string) : r.pick(COT_SYSTEMS.slice(0, 2));
      const model = r.pick([MODELS.pro, MODELS.reasoner, MODELS.flash]);
      const set = r.chance(0.5) ? c.math.slice(0, 2000) : c.hardMath;
      const picked = Array.from({ length: items }, (_, j) => set[(j * 7 + k) % set.length]!);
      for (const temp of temps) {
        for (const w of picked) {
          const p = { temperature: temp, max_tokens: logprobRun ? 1 : 2048, seed: 1234 + k };
          if (logprobRun) Object.assign(p, { logprobs: true, top_logprobs: 5 });
          const text = logprobRun
            ? r.pick(['A', 'B', 'C', 'D'])
            : `${workedAnswer(r, w)}\n\nAnswer: ${w.answer}`;
          world.send(
            r,
            lab,
            t,
            { api, model, system, turns: [{ role: 'user', text: w.q }], params: p },
            { text },
          );
          t += r.lognormal(logprobRun ? 250 : 900, 0.5);
        }
        t += r.exp(15 * 60_000);
      }
    }
    // Plus ordinary interactive use on other days.
    for (let d = 0; d < world.days; d++) {
      if (r.chance(0.5))
        chatSession(world, r, a, world.at(r, d, a.tz, 'work'), api, { maxTurns: 5 });
    }
  }
}

const IDE_SYSTEM = (product: string, repo: string): string =>
  `You are ${product}, an AI coding assistant working inside the user's editor on the repository "${repo}". ` +
  'Use the provided tools to read and modify files; never invent file contents. Prefer small, reviewable edits. ' +
  'Before editing, read the relevant code. After editing, run the tests. Explain changes briefly when done. ' +
  'Follow the existing code style. Do not add dependencies without asking. ' +
  'When a command fails, read the error carefully and fix the cause rather than the symptom. '.repeat(
    3,
  );

/** Developers in IDE plugins and terminal agents: long tool sessions in working hours. */
export function codingAgents(world: World, rng: Rng, n: number): void {
  const products: [string, keyof typeof IDE_TOOLS, Client][] = [
    ['Continue', 'vscode', CLIENTS.vscodeContinue as Client],
    ['CodePilot', 'jetbrains', CLIENTS.jetbrains as Client],
    ['the terminal agent', 'terminal', CLIENTS.cliAgent as Client],
  ];
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`coder-${i}`);
    const [product, toolset, client] = r.pick(products);
    const a = honestPerson(world, r, {
      persona: 'coding-agent-user',
      clients: ['curl'],
      countries: [
        ['US', 6],
        ['DE', 2],
        ['IN', 3],
        ['GB', 2],
        ['PL', 1],
        ['BR', 1],
        ['CA', 1],
      ],
      ageDays: [30, 700],
      tier: r.pick(['tier-2', 'tier-3', 'tier-4']),
    });
    a.client = client;
    const api = client.api === 'openai' ? 'openai' : 'anthropic';
    const tools = IDE_TOOLS[toolset] ?? [];
    const repo = makeRepo(r);
    const system = IDE_SYSTEM(product, repo.name);
    for (let d = 0; d < world.days; d++) {
      if (world.isWeekend(d) ? !r.chance(0.15) : !r.chance(0.75)) continue;
      const sessions = r.int(1, 3);
      for (let s = 0; s < sessions; s++) {
        let t = world.at(r, d, a.tz, 'work');
        const model =
          t >= world.release && r.chance(0.3)
            ? MODELS.next
            : r.chance(0.8)
              ? MODELS.pro
              : MODELS.reasoner;
        const turns: Turn[] = [{ role: 'user', text: devTask(r, repo) }];
        const steps = r.int(6, 30);
        for (let k = 0; k < steps; k++) {
          const call: Call = {
            api,
            model,
            system,
            systemBlocks: api === 'anthropic',
            tools,
            turns: [...turns],
            params: { max_tokens: 8192, stream: true, temperature: 0 },
          };
          const last = k === steps - 1;
          const step = agentStep(r, call, tools, repo.files, last);
          world.send(r, a, t, call, step);
          turns.push({
            role: 'assistant',
            text: step.text,
            ...(step.calls ? { calls: step.calls } : {}),
          });
          if (last) break;
          const results = (step.calls ?? []).map((c) => ({
            id: c.id,
            content: toolOutput(r, c.name, c.input),
          }));
          // Now and then the developer interjects with a correction.
          const note = r.chance(0.08)
            ? r.pick([
                'no, keep the old function name',
                'also update the changelog',
                'stop, run only the unit tests',
              ])
            : undefined;
          turns.push({ role: 'user', results, ...(note ? { text: note } : {}) });
          compact(turns, 5000);
          t += r.lognormal(note ? 60_000 : 4_000, 0.6);
        }
      }
    }
  }
}

/** Organisations whose employees share a corporate egress range and one billing card. */
export function sharedNatOrgs(world: World, rng: Rng, orgs: number, perOrg: number): void {
  const ORGS: [string, string][] = [
    ['northwind-bank.co.uk', 'GB'],
    ['contoso-consulting.in', 'IN'],
    ['fabrikam-software.de', 'DE'],
    ['tailspin-logistics.com', 'US'],
  ];
  for (let o = 0; o < orgs; o++) {
    const r = rng.fork(`org-${o}`);
    const [domain, country] = ORGS[o % ORGS.length] as [string, string];
    const nat = natBlock(r, country);
    const card = payFp(r);
    const tz = TZ[country] ?? 0;
    for (let i = 0; i < perOrg; i++) {
      const rr = r.fork(`emp-${i}`);
      const acct = world.addAccount(
        rr,
        {
          createdAt: isoBefore(rr, world.start, rr.float(20, 400)),
          email: workEmail(rr, domain),
          signupIp: rr.pick(nat),
          paymentFingerprint: card,
          country,
          tier: 'enterprise',
          route: 'enterprise',
        },
        { malicious: false, persona: 'shared-nat-employee', campaign: null },
      );
      const client = CLIENTS[
        rr.pick(['chromeWin', 'edge', 'edge', 'chromeMac', 'pyOpenAI_1_59'])
      ] as Client;
      const a: Actor = { acct, keys: [keyId(rr)], client, ip: () => rr.pick(nat), tz };
      const api = apiOf(rr, client);
      for (let d = 0; d < world.days; d++) {
        if (world.isWeekend(d) || !rr.chance(0.6)) continue;
        const sessions = rr.int(1, 4);
        for (let s = 0; s < sessions; s++) {
          const t = world.at(rr, d, tz, 'work');
          if (rr.chance(0.3)) {
            const doc = rr.pick(world.corpus.docs);
            world.send(
              rr,
              a,
              t,
              {
                api,
                model: MODELS.pro,
                turns: [
                  { role: 'user', text: `Summarise this for my manager in 3 bullets:\n\n${doc}` },
                ],
                params: uiParams(rr, api),
              },
              { text: proseAnswer(rr, doc) },
            );
          } else chatSession(world, rr, a, t, api, { maxTurns: 4 });
        }
      }
    }
  }
}

const PARALLEL: Record<string, string[]> = {
  en: [
    'Your order has shipped and will arrive within three business days.',
    'Please restart the device before contacting support.',
    'The meeting has been moved to Thursday afternoon.',
    'We have updated our privacy policy.',
    'Thank you for your patience while we resolve this issue.',
    'The warranty covers manufacturing defects for two years.',
  ],
  de: [
    'Ihre Bestellung wurde versandt und trifft innerhalb von drei Werktagen ein.',
    'Bitte starten Sie das Gerät neu, bevor Sie den Support kontaktieren.',
    'Das Meeting wurde auf Donnerstagnachmittag verschoben.',
    'Wir haben unsere Datenschutzerklärung aktualisiert.',
    'Vielen Dank für Ihre Geduld, während wir das Problem beheben.',
    'Die Garantie deckt Herstellungsfehler für zwei Jahre ab.',
  ],
  fr: [
    'Votre commande a été expédiée et arrivera sous trois jours ouvrés.',
    "Veuillez redémarrer l'appareil avant de contacter le support.",
    'La réunion a été déplacée à jeudi après-midi.',
    'Nous avons mis à jour notre politique de confidentialité.',
    'Merci de votre patience pendant que nous résolvons ce problème.',
    'La garantie couvre les défauts de fabrication pendant deux ans.',
  ],
  es: [
    'Su pedido ha sido enviado y llegará en un plazo de tres días hábiles.',
    'Reinicie el dispositivo antes de contactar con soporte.',
    'La reunión se ha trasladado al jueves por la tarde.',
    'Hemos actualizado nuestra política de privacidad.',
    'Gracias por su paciencia mientras resolvemos este problema.',
    'La garantía cubre defectos de fabricación durante dos años.',
  ],
  ja: [
    'ご注文の商品は発送済みで、3営業日以内に届きます。',
    'サポートに連絡する前に、デバイスを再起動してください。',
    '会議は木曜日の午後に変更されました。',
    'プライバシーポリシーを更新しました。',
    '問題の解決までお待ちいただきありがとうございます。',
    '保証は製造上の欠陥を2年間対象とします。',
  ],
  pt: [
    'Seu pedido foi enviado e chegará em até três dias úteis.',
    'Reinicie o dispositivo antes de entrar em contato com o suporte.',
    'A reunião foi transferida para quinta-feira à tarde.',
    'Atualizamos nossa política de privacidade.',
    'Obrigado pela paciência enquanto resolvemos este problema.',
    'A garantia cobre defeitos de fabricação por dois anos.',
  ],
};
const LANG_NAME: Record<string, string> = {
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  ja: 'Japanese',
  pt: 'Brazilian Portuguese',
};

/** Translators and localisation staff: source text in, the same text in another language out. */
export function translators(world: World, rng: Rng, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`translator-${i}`);
    const a = honestPerson(world, r, {
      persona: 'translator',
      clients: ['chromeWin', 'chromeMac', 'pyOpenAI_1_59', 'requests', 'firefox'],
      countries: [
        ['DE', 3],
        ['FR', 3],
        ['ES', 3],
        ['BR', 2],
        ['JP', 2],
        ['US', 2],
        ['PL', 1],
      ],
      tier: r.pick(['tier-1', 'tier-2']),
    });
    const api = apiOf(r, a.client);
    const targets = r.sample(Object.keys(LANG_NAME), r.int(1, 2));
    const system = r.chance(0.5)
      ? 'You are a professional translator. Preserve formatting, placeholders like {name}, and tone. Output only the translation.'
      : undefined;
    for (let d = 0; d < world.days; d++) {
      if (world.isWeekend(d) ? !r.chance(0.2) : !r.chance(0.8)) continue;
      let t = world.at(r, d, a.tz, 'work');
      const jobs = r.int(4, 28);
      for (let k = 0; k < jobs; k++) {
        const lang = r.pick(targets);
        const idx = r.sample([0, 1, 2, 3, 4, 5], r.int(1, 4));
        const src = idx.map((j) => PARALLEL.en?.[j]).join(' ');
        const out = idx.map((j) => PARALLEL[lang]?.[j]).join(lang === 'ja' ? '' : ' ');
        const text = system ? src : `Translate into ${LANG_NAME[lang]}:\n\n${src}`;
        const call: Call = {
          api,
          model: r.chance(0.7) ? MODELS.flash : MODELS.pro,
          turns: [{ role: 'user', text }],
          params: { temperature: 0.2, max_tokens: 1024 },
        };
        if (system) call.system = system;
        world.send(r, a, t, call, { text: out });
        t += r.lognormal(90_000, 0.9);
      }
    }
  }
}

const NEW_MODEL_PROMPTS = [
  'what can you do that the previous version couldnt?',
  'Solve this and tell me how confident you are: how many r letters are in "strawberry raspberry"?',
  'Write a short story in exactly 100 words about a lighthouse keeper.',
  'Testing the new model: implement an LRU cache in TypeScript with O(1) operations.',
  'Give me your best explanation of why the sky is blue, as if for a physics undergrad.',
  'Plan a dinner party for 8 with one vegan and one gluten-free guest.',
];

/** Existing users who try helix-2 within hours of its release, then keep using it some. */
export function newModelTryers(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`tryer-${i}`);
    const a = honestPerson(world, r, {
      persona: 'new-model-tryer',
      clients: [
        'chromeMac',
        'chromeWin',
        'pyOpenAI_1_61',
        'pyAnthropic_0_49',
        'safariMac',
        'jsAnthropic_0_39',
        'curl',
      ],
      ageDays: [30, 900],
      tier: r.pick(['tier-1', 'tier-2', 'tier-3']),
    });
    const api = apiOf(r, a.client);
    for (let d = 0; d < world.days; d++) {
      if (world.dayStart(d) + 86_400_000 < world.release && r.chance(0.35))
        chatSession(world, r, a, world.at(r, d, a.tz, 'evening'), api);
    }
    let t = world.release + r.lognormal(5 * HOUR, 0.9);
    const burst = r.int(4, 22);
    for (let k = 0; k < burst; k++) {
      const roll = r.next();
      const q =
        roll < 0.4 ? r.pick(NEW_MODEL_PROMPTS) : roll < 0.7 ? r.pick(c.hard) : r.pick(c.math).q;
      const text =
        roll >= 0.7 ? workedAnswer(r, r.pick(c.math)) : proseAnswer(r, q, undefined, true);
      world.send(
        r,
        a,
        t,
        { api, model: MODELS.next, turns: [{ role: 'user', text: q }], params: uiParams(r, api) },
        { text },
      );
      t += r.lognormal(2 * 60_000, 1);
    }
    for (let d = 0; d < world.days; d++) {
      if (world.dayStart(d) > world.release && r.chance(0.3))
        chatSession(world, r, a, world.at(r, d, a.tz, 'evening'), api);
    }
  }
}
