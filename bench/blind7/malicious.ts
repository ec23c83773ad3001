// Extraction campaigns. Attackers here know detectors look for phrases, templates and bursts.
import { agentTrajectory, CODE_TOOLS, codingSteps } from './benign.js';
import type { Endpoint, Params, ToolCall, ToolDef, Turn } from './emit.js';
import {
  type Acct,
  type Campaign,
  type Env,
  type Route,
  type Tier,
  callId,
  created,
  emit,
  join,
  newAccount,
  newCampaign,
} from './kit.js';
import type { Rng } from './rng.js';
import {
  type Lang,
  LANGS,
  codeAnswer,
  cotAnswer,
  dialogueText,
  genericAnswer,
  hiddenInstruction,
  langCoercion,
  longSystem,
  padding,
  plainPreference,
  preferenceVerdict,
  reasoningAsk,
  retroAsk,
  rewriteAsk,
  rewrittenReply,
  studentAsk,
  workedMath,
  wrapAsk,
} from './text.js';
import {
  type Client,
  COUNTRIES,
  DAY,
  HOUR,
  MINUTE,
  NEW_MODEL,
  cloudIp,
  companyDomain,
  consumerEmail,
  customClient,
  humanTime,
  makeClient,
  paymentFp,
  pickCountry,
  pickDevClient,
  residentialIp,
} from './world.js';

type Net = { ip: string; client: Client; key?: string };

interface Req {
  endpoint?: Endpoint;
  model?: string;
  system?: string;
  turns: Turn[];
  params: Params;
  tools?: ToolDef[];
  answer: { text: string; calls?: ToolCall[] };
  /** Multi-step requests (conversations/trajectories) emit themselves and return the end time. */
  custom?: (t: number, net: () => Net) => number;
}

interface HydraOpts {
  family: string;
  persona: string;
  n: number;
  perAccount: [number, number];
  age: [number, number]; // days before window start (negative = created during window)
  tiers: readonly (readonly [Tier, number])[];
  routes: readonly (readonly [Route, number])[];
  payment: 'own' | 'none' | number; // number = that many shared cards
  network: 'proxy-rotate' | 'proxy-sticky' | 'cloud-shared' | 'mixed';
  client: 'custom-shared' | 'sdk-mimic' | 'browser-mimic';
  email: 'burner' | 'consumer' | 'company';
  timing: 'human' | 'steady' | 'sync';
  window?: [number, number]; // fractions of the window when the campaign runs
  pivot?: number; // share of traffic moved to the new model after release
  models: readonly (readonly [string, number])[];
  endpoint?: Endpoint;
  make: (rng: Rng, a: Acct, i: number) => Req;
}

function hydra(env: Env, o: HydraOpts): Campaign {
  const camp = newCampaign(env, o.family);
  const crng = env.rng.fork(camp.id);
  const cards =
    typeof o.payment === 'number' ? Array.from({ length: o.payment }, () => paymentFp(crng)) : [];
  const burner = `${crng.pick(['mailbox', 'inbox', 'postbox', 'nexmail', 'fastmail'])}${crng.alnum(3)}.${crng.pick(['com', 'net', 'xyz', 'top'])}`;
  const shared = customClient(crng, camp.id);
  const cloudPref = crng.pick(['5.161', '95.216', '51.91', '159.203', '138.68']);
  const [w0, w1] = o.window ?? [0, 1];
  const span = env.clock.end - env.clock.start;
  const cStart = env.clock.start + Math.floor(span * w0);
  const cEnd = env.clock.start + Math.floor(span * w1);
  const homeCountry = crng.pick(COUNTRIES);
  for (let i = 0; i < o.n; i++) {
    const country =
      o.network === 'proxy-rotate' || o.network === 'proxy-sticky'
        ? pickCountry(crng)
        : homeCountry;
    const tier = crng.weighted(o.tiers);
    const a = newAccount(env, {
      family: o.family,
      persona: o.persona,
      malicious: true,
      campaign: camp.id,
      country,
      createdAt: created(env, crng.range(o.age[0], o.age[1])),
      tier,
      route: crng.weighted(o.routes),
      email:
        o.email === 'burner'
          ? consumerEmail(crng, burner)
          : o.email === 'company'
            ? consumerEmail(crng, companyDomain(crng))
            : consumerEmail(crng),
      payment:
        typeof o.payment === 'number'
          ? crng.pick(cards)
          : o.payment === 'none'
            ? null
            : paymentFp(crng),
      signupIp:
        o.network === 'cloud-shared' ? cloudIp(crng, cloudPref) : residentialIp(crng, country),
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
    });
    join(camp, a);
    const client =
      o.client === 'custom-shared'
        ? shared
        : o.client === 'browser-mimic'
          ? makeClient(a.rng, 'browser')
          : pickDevClient(a.rng, a.endpoint);
    const sticky =
      o.network === 'cloud-shared' ? cloudIp(a.rng, cloudPref) : residentialIp(a.rng, country);
    const net = (): Net => {
      const nw =
        o.network === 'mixed'
          ? a.rng.pick(['proxy-rotate', 'proxy-sticky', 'cloud-shared'] as const)
          : o.network;
      if (nw === 'proxy-rotate') return { ip: residentialIp(a.rng, a.rng.pick(COUNTRIES)), client };
      if (nw === 'cloud-shared') return { ip: cloudIp(a.rng, cloudPref), client };
      return { ip: sticky, client };
    };
    const count = a.rng.int(o.perAccount[0], o.perAccount[1]);
    const times: number[] = [];
    const aStart = Math.max(cStart, Date.parse(a.rec.createdAt) + a.rng.int(1, 30) * HOUR);
    for (let k = 0; k < count; k++) {
      if (o.timing === 'human') {
        const d0 = Math.floor((aStart - env.clock.start) / DAY);
        const d1 = Math.floor((cEnd - 1 - env.clock.start) / DAY);
        if (d1 < d0) break;
        times.push(humanTime(a.rng, env.clock, a.rng.int(d0, d1), country.tz, 'work'));
      } else times.push(a.rng.int(aStart, Math.max(aStart + 1, cEnd - 1)));
    }
    times.sort((x, y) => x - y);
    for (let k = 0; k < times.length; k++) {
      const ts = times[k] ?? cStart;
      if (ts < aStart || ts >= cEnd) continue;
      const r = o.make(a.rng, a, k);
      let model = r.model ?? a.rng.weighted(o.models);
      if (o.pivot && ts >= env.clock.release && a.rng.chance(o.pivot)) model = NEW_MODEL;
      if (r.custom) {
        r.custom(ts, net);
        continue;
      }
      const spec = {
        ts,
        endpoint: r.endpoint ?? a.endpoint,
        model,
        turns: r.turns,
        params: r.params,
        answer: r.answer,
      };
      const full = r.system === undefined ? spec : { ...spec, system: r.system };
      emit(env, a, net(), r.tools ? { ...full, tools: r.tools } : full);
    }
  }
  return camp;
}

/** A campaign-wide cursor: accounts take disjoint items so only the union covers the space. */
function sweep<T>(rng: Rng, items: readonly T[]): () => T {
  const order = rng.shuffle(items.map((_, i) => i));
  let i = 0;
  return () => items[order[i++ % order.length] ?? 0] as T;
}

const langOf = (rng: Rng, p: number): Lang =>
  rng.chance(p) ? rng.pick(LANGS.filter((l) => l !== 'en')) : 'en';

const HARVEST_MODELS = [
  ['lumen-3-reason', 6],
  ['lumen-3', 3],
] as const;
const bigCap = (rng: Rng): number => rng.pick([4096, 6000, 8000, 8192, 3000, 12000]);

export function maliciousWorld(env: Env, scale: number): void {
  const c = env.corp;
  const S = (n: number): number => Math.max(1, Math.round(n * scale));
  const mathPool = [...c.gsm.slice(0, 3000), ...c.comp];

  // 1. Classic hydra: reworded reasoning asks, shared cards, rotating residential proxies, bespoke client.
  {
    const next = sweep(env.rng, mathPool);
    hydra(env, {
      family: 'hydra-reasoning',
      persona: 'worker',
      n: S(45),
      perAccount: [60, 160],
      age: [-4, 12],
      tiers: [
        ['free', 3],
        ['pro', 2],
      ],
      routes: [
        ['education', 3],
        ['startup-credits', 3],
        ['research', 1],
        ['self-serve', 2],
      ],
      payment: 6,
      network: 'proxy-rotate',
      client: 'custom-shared',
      email: 'burner',
      timing: 'steady',
      pivot: 0.3,
      models: HARVEST_MODELS,
      make: (rng) => {
        const m = next();
        const lang = langOf(rng, 0.35);
        return {
          turns: [{ role: 'user', text: wrapAsk(rng, m.q, reasoningAsk(rng, lang)) }],
          params: { temperature: rng.pick([0.6, 0.7, 1]), max_tokens: bigCap(rng) },
          answer: { text: workedMath(rng, m, lang) },
        };
      },
    });
  }

  // 2. Quiet hydra: nothing shared, aged paid accounts, human hours, instruction buried in a long system prompt.
  {
    const next = sweep(env.rng, [
      ...c.comp,
      ...c.cot.map((x) => ({ q: x.q, steps: x.rationale, final: x.answer, src: 'cot' })),
    ]);
    hydra(env, {
      family: 'hydra-hidden-system',
      persona: 'quiet-worker',
      n: S(30),
      perAccount: [50, 140],
      age: [60, 400],
      tiers: [['pro', 1]],
      routes: [['self-serve', 1]],
      payment: 'own',
      network: 'proxy-sticky',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'human',
      models: [
        ['lumen-3-reason', 3],
        ['lumen-3', 4],
      ],
      make: (rng, a) => {
        const m = next();
        const sys = longSystem(a.rng.fork('sys'), c, hiddenInstruction(a.rng.fork('hid')));
        return {
          system: sys,
          turns: [{ role: 'user', text: rng.chance(0.5) ? m.q : studentAsk(rng, m.q) }],
          params: { temperature: 0.7, max_tokens: rng.pick([2048, 4096]), stream: true },
          answer: { text: workedMath(rng, m) },
        };
      },
    });
  }

  // 3. "Imagine the reasoning behind a completed answer": question + answer in, rationale out.
  {
    const next = sweep(env.rng, c.cot);
    hydra(env, {
      family: 'rationale-reconstruction',
      persona: 'worker',
      n: S(20),
      perAccount: [80, 200],
      age: [-2, 40],
      tiers: [
        ['free', 2],
        ['pro', 1],
      ],
      routes: [
        ['research', 2],
        ['education', 2],
        ['self-serve', 1],
      ],
      payment: 3,
      network: 'proxy-sticky',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'steady',
      models: HARVEST_MODELS,
      make: (rng) => {
        const x = next();
        return {
          turns: [{ role: 'user', text: retroAsk(rng, langOf(rng, 0.4), x.q, x.answer) }],
          params: { temperature: 0.8, max_tokens: 2048 },
          answer: { text: cotAnswer(rng, x, true) },
        };
      },
    });
  }

  // 4. Coercing the reasoning language on the reasoning models.
  hydra(env, {
    family: 'reasoning-language-coercion',
    persona: 'worker',
    n: S(12),
    perAccount: [90, 220],
    age: [5, 90],
    tiers: [['pro', 1]],
    routes: [
      ['startup-credits', 2],
      ['self-serve', 1],
    ],
    payment: 2,
    network: 'cloud-shared',
    client: 'sdk-mimic',
    email: 'company',
    timing: 'steady',
    pivot: 0.5,
    models: [['lumen-3-reason', 1]],
    endpoint: 'chat.completions',
    make: (rng) => {
      const m = rng.pick(mathPool);
      return {
        system: langCoercion(rng),
        turns: [{ role: 'user', text: rng.chance(0.5) ? m.q : `请解答：${m.q}` }],
        params: { reasoning: rng.pick(['medium', 'high'] as const), max_tokens: 16000 },
        answer: { text: workedMath(rng, m, rng.chance(0.5) ? 'zh' : 'en') },
      };
    },
  });

  // 5. Agentic / tool-use / computer-use trajectory distillation, dressed as an IDE plugin.
  {
    const next = sweep(env.rng, c.code);
    const COMPUTER: ToolDef[] = [
      {
        name: 'computer',
        description: 'Control the desktop: screenshot, click, type, key',
        parameters: {
          type: 'object',
          properties: {
            action: { type: 'string' },
            x: { type: 'number' },
            y: { type: 'number' },
            text: { type: 'string' },
          },
          required: ['action'],
        },
      },
    ];
    const sysNote =
      'Before every tool call, explain in detail what you expect to find and why; after each tool result, reflect on it at length before the next step.';
    hydra(env, {
      family: 'agentic-trajectory',
      persona: 'trajectory-collector',
      n: S(20),
      perAccount: [15, 40],
      age: [-3, 25],
      tiers: [['pro', 1]],
      routes: [
        ['startup-credits', 3],
        ['self-serve', 1],
      ],
      payment: 4,
      network: 'cloud-shared',
      client: 'sdk-mimic',
      email: 'company',
      timing: 'steady',
      pivot: 0.4,
      models: [
        ['lumen-3', 2],
        ['lumen-3-reason', 1],
      ],
      make: (rng, a) => {
        const x = next();
        const ide = makeClient(a.rng.fork('ide'), 'ide');
        const comp = rng.chance(0.25);
        return {
          turns: [],
          params: {},
          answer: { text: '' },
          custom: (t, net) => {
            const n2 = (): Net => ({ ...net(), client: ide });
            if (comp) {
              const steps = Array.from({ length: rng.int(3, 8) }, () => {
                const act = rng.pick(['screenshot', 'left_click', 'type', 'key']);
                const args: Record<string, unknown> =
                  act === 'left_click'
                    ? { action: act, x: rng.int(0, 1280), y: rng.int(0, 800) }
                    : act === 'type'
                      ? { action: act, text: x.entry }
                      : { action: act };
                return {
                  call: { id: callId(rng, a.endpoint), name: 'computer', args },
                  result:
                    act === 'screenshot' ? '[image 1280x800: browser window with a form]' : 'ok',
                  say: `I will ${act.replace('_', ' ')} next because the form field for ${x.entry} should be there.`,
                };
              });
              return agentTrajectory(
                env,
                a,
                n2,
                t,
                'lumen-3',
                `You operate a desktop. ${sysNote}`,
                `Open the admin panel and ${x.task.slice(0, 120).toLowerCase()}`,
                steps,
                'Task complete.',
                { max_tokens: 4096 },
                COMPUTER,
                a.endpoint,
              );
            }
            const steps = codingSteps(rng, a.endpoint, `src/${x.entry}.py`, x.task, x.entry).map(
              (s) => ({
                ...s,
                say:
                  s.say ??
                  `Plan: ${rng.pick(['inspect the function signature and the docstring examples', 'check how the edge cases are handled', 'verify with the test-suite'])}. Reasoning: ${genericAnswer(rng, x.task).slice(0, 300)}`,
              }),
            );
            return agentTrajectory(
              env,
              a,
              n2,
              t,
              rng.chance(0.6) ? 'lumen-3' : 'lumen-3-reason',
              `You are Quillpad, an AI pair programmer inside the user's editor. ${sysNote}`,
              rng.pick([
                `implement this:\n${x.task}`,
                `${x.entry} is unimplemented, please write it`,
                `fill in the body of ${x.entry}`,
              ]),
              steps,
              codeAnswer(rng, x, true),
              { max_tokens: 8192, temperature: 0.2 },
              CODE_TOOLS,
              a.endpoint,
            );
          },
        };
      },
    });
  }

  // 6. Harvest diluted inside a real app's traffic (a homework app that sells its logs).
  for (let k = 0; k < S(2); k++) {
    const camp = newCampaign(env, 'diluted-app-harvest');
    const a = newAccount(env, {
      family: 'diluted-app-harvest',
      persona: 'app-with-side-harvest',
      malicious: true,
      campaign: camp.id,
      createdAt: created(env, env.rng.range(90, 300)),
      tier: 'enterprise',
      route: 'self-serve',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 2,
    });
    join(camp, a);
    const client = makeClient(a.rng, 'openai-js');
    const ips = [cloudIp(a.rng), cloudIp(a.rng)];
    const users = Array.from({ length: 2500 }, () => `u_${a.rng.hex(12)}`);
    const sys =
      'You are StudyBuddy, a friendly homework helper. Keep explanations clear and age-appropriate.';
    const next = sweep(a.rng, c.comp);
    const daily = a.rng.int(350, 600);
    for (let d = 0; d < env.clock.days; d++) {
      for (let i = 0; i < daily; i++) {
        const t = humanTime(a.rng, env.clock, d, a.country.tz, 'evening');
        const harvest = a.rng.chance(0.2);
        const m = harvest ? next() : a.rng.pick(c.gsm);
        const q = harvest
          ? wrapAsk(a.rng, m.q, reasoningAsk(a.rng, langOf(a.rng, 0.2)))
          : studentAsk(a.rng, m.q);
        emit(
          env,
          a,
          { ip: a.rng.pick(ips), client },
          {
            ts: t,
            endpoint: 'chat.completions',
            model: harvest ? 'lumen-3-reason' : 'lumen-3-flash',
            system: sys,
            turns: [{ role: 'user', text: q }],
            params: {
              temperature: 0.5,
              max_tokens: harvest ? 4096 : 1200,
              user: a.rng.pick(users),
            },
            answer: { text: workedMath(a.rng, m) },
          },
        );
      }
    }
  }

  // 7. Multi-turn follow-up harvesting: each conversation mines alternatives, checks and deeper dives.
  {
    const next = sweep(env.rng, mathPool);
    const FOLLOW = [
      'Nice. Is there a second, completely different way to get the same result?',
      'Go back to the step where you set up the equation — why that and not something else?',
      'Now verify your answer independently.',
      'What is the most common mistake someone would make here, and where would it lead?',
      'Could you generalise this to any n?',
      'Explain the same solution as if to a 12-year-old.',
      '¿Y si cambiamos los datos? Resuélvelo otra vez con el doble.',
      '再用另一种方法做一遍。',
      'Summarise the key insight in one paragraph.',
    ];
    hydra(env, {
      family: 'multi-turn-harvest',
      persona: 'conversation-miner',
      n: S(18),
      perAccount: [12, 30],
      age: [-3, 60],
      tiers: [
        ['free', 1],
        ['pro', 2],
      ],
      routes: [
        ['self-serve', 2],
        ['education', 1],
      ],
      payment: 'own',
      network: 'proxy-sticky',
      client: 'browser-mimic',
      email: 'consumer',
      timing: 'human',
      pivot: 0.3,
      models: HARVEST_MODELS,
      make: (rng, a) => {
        const m = next();
        return {
          turns: [],
          params: {},
          answer: { text: '' },
          custom: (t, net) => {
            const turns: Turn[] = [
              { role: 'user', text: rng.chance(0.5) ? m.q : studentAsk(rng, m.q) },
            ];
            let ans = workedMath(rng, m);
            const model = rng.weighted(HARVEST_MODELS);
            for (const f of rng.sample(FOLLOW, rng.int(3, 6))) {
              emit(env, a, net(), {
                ts: t,
                endpoint: a.endpoint,
                model,
                turns: turns.slice(),
                params: { max_tokens: 4096 },
                answer: { text: ans },
              });
              turns.push({ role: 'assistant', text: ans }, { role: 'user', text: f });
              ans = workedMath(rng, rng.pick(mathPool));
              t += rng.int(40_000, 400_000);
            }
            emit(env, a, net(), {
              ts: t,
              endpoint: a.endpoint,
              model,
              turns,
              params: { max_tokens: 4096 },
              answer: { text: ans },
            });
            return t;
          },
        };
      },
    });
  }

  // 8. Model as preference labeller / reward model, in plain words.
  {
    const next = sweep(env.rng, [...c.helpful, ...c.harmless]);
    hydra(env, {
      family: 'preference-labelling',
      persona: 'labeller',
      n: S(18),
      perAccount: [80, 200],
      age: [-2, 30],
      tiers: [
        ['free', 1],
        ['pro', 1],
      ],
      routes: [
        ['research', 2],
        ['startup-credits', 2],
        ['self-serve', 1],
      ],
      payment: 3,
      network: 'mixed',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'steady',
      models: [
        ['lumen-3', 3],
        ['lumen-3-flash', 1],
      ],
      make: (rng) => {
        const d = next();
        const last = d.turns[d.turns.length - 1]?.text ?? '';
        const swap = rng.chance(0.5);
        return {
          turns: [
            {
              role: 'user',
              text: plainPreference(
                rng,
                dialogueText(d),
                swap ? d.rejected : last,
                swap ? last : d.rejected,
              ),
            },
          ],
          params: { temperature: 0, max_tokens: rng.pick([300, 500, 800]) },
          answer: { text: preferenceVerdict(rng) },
        };
      },
    });
  }

  // 9. "Safe rewrite" harvesting.
  {
    const next = sweep(env.rng, c.harmless);
    hydra(env, {
      family: 'safe-rewrite',
      persona: 'rewriter',
      n: S(12),
      perAccount: [80, 180],
      age: [-1, 50],
      tiers: [
        ['free', 2],
        ['pro', 1],
      ],
      routes: [
        ['self-serve', 1],
        ['startup-credits', 1],
      ],
      payment: 'none',
      network: 'proxy-rotate',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'steady',
      models: [['lumen-3', 1]],
      make: (rng) => {
        const d = next();
        return {
          turns: [
            {
              role: 'user',
              text: rewriteAsk(
                rng,
                dialogueText(d),
                d.rejected || (d.turns[d.turns.length - 1]?.text ?? ''),
              ),
            },
          ],
          params: { temperature: 0.7, max_tokens: 1024 },
          answer: { text: rewrittenReply(rng, d) },
        };
      },
    });
  }

  // 10. Logit extraction with logprobs + logit_bias sweeps, and with logit_bias alone.
  for (const withLp of [true, false]) {
    const camp = newCampaign(env, withLp ? 'logit-sweep' : 'logit-bias-only');
    const crng = env.rng.fork(camp.id);
    const client = customClient(crng, camp.id);
    for (let k = 0; k < S(4); k++) {
      const a = newAccount(env, {
        family: withLp ? 'logit-sweep' : 'logit-bias-only',
        persona: 'logit-prober',
        malicious: true,
        campaign: camp.id,
        createdAt: created(env, crng.range(-3, 20)),
        tier: 'pro',
        route: crng.pick(['research', 'self-serve'] as const),
        payment: paymentFp(crng),
        endpoint: 'chat.completions',
      });
      join(camp, a);
      const ip = residentialIp(a.rng, a.country);
      const prompts = Array.from({ length: 12 }, () => a.rng.pick(c.chat).slice(0, 120));
      let tok = a.rng.int(0, 2000);
      const start = env.clock.start + a.rng.int(0, 3 * DAY);
      const count = a.rng.int(1200, 2800);
      let t = start;
      for (let i = 0; i < count; i++) {
        const bias: Record<string, number> = {};
        let params: Params;
        if (withLp) {
          const w = a.rng.int(3, 8);
          for (let j = 0; j < w; j++) bias[String(tok + j)] = a.rng.pick([100, 50, -100, 30]);
          tok += w;
          params = {
            temperature: 0,
            max_tokens: 1,
            logprobs: true,
            top_logprobs: a.rng.pick([5, 20]),
            logit_bias: bias,
          };
        } else {
          bias[String(tok)] = Number(a.rng.range(-10, 10).toFixed(2));
          bias[String(tok + a.rng.int(1, 50000))] = 0;
          if (a.rng.chance(0.3)) tok++;
          params = { temperature: 0, max_tokens: 1, logit_bias: bias };
        }
        emit(
          env,
          a,
          { ip, client },
          {
            ts: t,
            endpoint: 'chat.completions',
            model: a.rng.chance(0.7) ? 'lumen-3' : 'lumen-3-flash',
            turns: [{ role: 'user', text: a.rng.pick(prompts) }],
            params,
            answer: { text: a.rng.pick(['the', ' The', ',', ' a', ' of', '\n', ' I', 'ing']) },
          },
        );
        t += Math.round(a.rng.exp(a.rng.chance(0.05) ? 3 * HOUR : 90_000));
        if (t >= env.clock.end) break;
      }
    }
  }

  // 11. Pivot to the new model within hours of release.
  {
    const next = sweep(env.rng, [...c.comp, ...c.gsm.slice(3000, 6000)]);
    hydra(env, {
      family: 'release-pivot',
      persona: 'worker',
      n: S(16),
      perAccount: [90, 220],
      age: [3, 60],
      tiers: [['pro', 1]],
      routes: [
        ['self-serve', 1],
        ['startup-credits', 1],
      ],
      payment: 5,
      network: 'mixed',
      client: 'sdk-mimic',
      email: 'company',
      timing: 'steady',
      pivot: 0.65,
      models: [
        ['lumen-3-reason', 3],
        ['lumen-3', 1],
      ],
      make: (rng) => {
        const m = next();
        return {
          turns: [
            {
              role: 'user',
              text: rng.chance(0.6) ? m.q : wrapAsk(rng, m.q, reasoningAsk(rng, langOf(rng, 0.3))),
            },
          ],
          params: { max_tokens: bigCap(rng), reasoning: 'high' },
          answer: { text: workedMath(rng, m) },
        };
      },
    });
  }

  // 12. Dormant aged accounts that wake together and stop together (code harvest).
  {
    const next = sweep(env.rng, c.code);
    hydra(env, {
      family: 'dormant-wake',
      persona: 'sleeper',
      n: S(24),
      perAccount: [80, 160],
      age: [150, 420],
      tiers: [
        ['free', 1],
        ['pro', 2],
      ],
      routes: [
        ['self-serve', 2],
        ['education', 1],
      ],
      payment: 'own',
      network: 'proxy-sticky',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'sync',
      window: [0.42, 0.71],
      models: [
        ['lumen-3', 2],
        ['lumen-3-reason', 1],
      ],
      make: (rng) => {
        const x = next();
        const ask = rng.pick([
          `${x.task}\nExplain your approach before the code.`,
          `Can you write this in Python, with a short explanation of the idea and complexity? ${x.task}`,
          `${x.task}`,
          `Implementa en Python: ${x.task}`,
        ]);
        return {
          turns: [{ role: 'user', text: ask }],
          params: { temperature: 0.2, max_tokens: 3000 },
          answer: { text: codeAnswer(rng, x, true) },
        };
      },
    });
  }

  // 13. Reseller / obfuscated router relaying a distillation customer among ordinary users.
  for (let k = 0; k < S(3); k++) {
    const camp = newCampaign(env, 'reseller-router');
    const a = newAccount(env, {
      family: 'reseller-router',
      persona: 'grey-reseller',
      malicious: true,
      campaign: camp.id,
      createdAt: created(env, env.rng.range(30, 200)),
      tier: 'enterprise',
      route: 'self-serve',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 8,
      endpoint: 'chat.completions',
    });
    join(camp, a);
    const client = makeClient(a.rng, 'go');
    const ips = Array.from({ length: 10 }, () =>
      cloudIp(a.rng, a.rng.pick(['5.161', '95.216', '51.91'])),
    );
    const next = sweep(a.rng, mathPool);
    const perHour = a.rng.int(18, 35);
    for (let t = env.clock.start; t < env.clock.end; t += Math.round(a.rng.exp(HOUR / perHour))) {
      const harvest = a.rng.chance(0.3);
      const user = `${a.rng.alnum(4)}-${a.rng.alnum(8)}`;
      const net: Net = { ip: a.rng.pick(ips), client, key: a.rng.pick(a.keys) };
      if (harvest) {
        const m = next();
        const model = t >= env.clock.release && a.rng.chance(0.5) ? NEW_MODEL : 'lumen-3-reason';
        emit(env, a, net, {
          ts: t,
          endpoint: 'chat.completions',
          model,
          turns: [
            { role: 'user', text: wrapAsk(a.rng, m.q, reasoningAsk(a.rng, langOf(a.rng, 0.4))) },
          ],
          params: { max_tokens: 8000, user, reasoning: 'high' },
          answer: { text: workedMath(a.rng, m) },
        });
      } else {
        const qa = a.rng.pick(c.chatQa);
        emit(env, a, net, {
          ts: t,
          endpoint: 'chat.completions',
          model: a.rng.pick(['lumen-3', 'lumen-3-flash']),
          turns: [{ role: 'user', text: qa.q }],
          params: { temperature: 0.7, user },
          answer: { text: qa.a },
        });
      }
    }
  }

  // 14. Instruction bootstrapping (self-instruct style), reworded, then answering the generated tasks.
  hydra(env, {
    family: 'instruction-bootstrap',
    persona: 'worker',
    n: S(12),
    perAccount: [60, 150],
    age: [-2, 20],
    tiers: [
      ['free', 1],
      ['pro', 1],
    ],
    routes: [
      ['research', 1],
      ['startup-credits', 1],
    ],
    payment: 2,
    network: 'proxy-rotate',
    client: 'custom-shared',
    email: 'burner',
    timing: 'steady',
    models: [['lumen-3', 1]],
    make: (rng) => {
      const seeds = rng.sample(c.seeds, 3);
      if (rng.chance(0.4)) {
        const ask = rng.pick([
          `Here are a few examples of tasks people give an assistant:\n${seeds.map((s, i) => `${i + 1}. ${s.instruction}`).join('\n')}\nPlease come up with ${rng.int(10, 25)} more, as different from each other as possible (different verbs, formats, topics), each with a realistic input and a short output.`,
          `Brainstorm a varied list of requests a user might make to a writing/analysis assistant. Mix questions and commands, classification and generation. Include an example input for each. Start after these:\n${seeds.map((s) => `- ${s.instruction}`).join('\n')}`,
          rng.chance(0.3)
            ? c.alpaca
            : `Genera ${rng.int(10, 20)} instrucciones de tareas muy diversas, con entrada y salida de ejemplo.`,
        ]);
        return {
          turns: [{ role: 'user', text: ask }],
          params: { temperature: 1, top_p: 1, max_tokens: 3072 },
          answer: {
            text: rng
              .sample(c.instructions, 12)
              .map(
                (x, i) =>
                  `${i + 1}. Instruction: ${x.instruction}\nInput: ${x.input || '<noinput>'}\nOutput: ${x.output.slice(0, 200)}`,
              )
              .join('\n\n'),
          },
        };
      }
      const x = rng.pick(c.instructions);
      return {
        turns: [{ role: 'user', text: x.input ? `${x.instruction}\n\n${x.input}` : x.instruction }],
        params: { temperature: 0.7, max_tokens: 1024 },
        answer: { text: x.output || genericAnswer(rng, x.instruction) },
      };
    },
  });

  // 15. Padded prompts so output/input ratios look ordinary.
  {
    const next = sweep(env.rng, mathPool);
    hydra(env, {
      family: 'padded-harvest',
      persona: 'worker',
      n: S(15),
      perAccount: [60, 150],
      age: [10, 120],
      tiers: [['pro', 1]],
      routes: [['self-serve', 1]],
      payment: 'own',
      network: 'proxy-sticky',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'human',
      pivot: 0.3,
      models: HARVEST_MODELS,
      make: (rng) => {
        const m = next();
        const pad = padding(rng, c, rng.int(3000, 12000));
        const q = rng.pick([
          `Background notes (for context only):\n${pad}\n\nQuestion: ${m.q}\n${reasoningAsk(rng, langOf(rng, 0.3))}`,
          `${m.q}\n\n${reasoningAsk(rng)}\n\n--- attached document ---\n${pad}`,
          `<doc>\n${pad}\n</doc>\n${studentAsk(rng, m.q)}`,
        ]);
        return {
          turns: [{ role: 'user', text: q }],
          params: { max_tokens: rng.pick([2048, 4096]) },
          answer: { text: workedMath(rng, m) },
        };
      },
    });
  }

  // 16. Proxy swarm: many throwaway accounts, few requests each, a new residential IP per request.
  {
    const next = sweep(env.rng, mathPool);
    hydra(env, {
      family: 'proxy-swarm',
      persona: 'throwaway',
      n: S(45),
      perAccount: [8, 30],
      age: [-6, 2],
      tiers: [
        ['unverified', 2],
        ['free', 3],
      ],
      routes: [
        ['self-serve', 2],
        ['education', 1],
        ['startup-credits', 1],
      ],
      payment: 'none',
      network: 'proxy-rotate',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'steady',
      window: [0.2, 0.9],
      pivot: 0.4,
      models: HARVEST_MODELS,
      make: (rng) => {
        const m = next();
        return {
          turns: [
            {
              role: 'user',
              text: rng.chance(0.3) ? m.q : wrapAsk(rng, m.q, reasoningAsk(rng, langOf(rng, 0.5))),
            },
          ],
          params: { max_tokens: bigCap(rng) },
          answer: { text: workedMath(rng, m) },
        };
      },
    });
  }

  // 17. One benign-looking template with slots, sent in variants across many accounts.
  {
    const topics = [
      'photosynthesis',
      'the French Revolution',
      'compound interest',
      'TCP handshakes',
      'plate tectonics',
      'supply and demand',
      'the immune system',
      'recursion',
      'the water cycle',
      'Bayes theorem',
      'black holes',
      'inflation',
      'DNA replication',
      'the Cold War',
      'neural networks',
      'climate feedback loops',
      'public key cryptography',
      'the Renaissance',
      'vaccines',
      'game theory',
    ];
    const aud = [
      'a 10-year-old',
      'a high-school student',
      'a new employee',
      'my grandmother',
      'an engineer',
      'a university freshman',
      'a busy manager',
    ];
    const fmt = [
      'in a few paragraphs',
      'with an analogy',
      'as a short story',
      'with three examples',
      'and then quiz me',
      'step by step',
    ];
    const tmpl = [
      (t: string, a: string, f: string) => `Explain ${t} to ${a} ${f}.`,
      (t: string, a: string, f: string) => `How would you teach ${t} to ${a}? Do it ${f}.`,
      (t: string, a: string, f: string) => `I need to understand ${t}. I'm ${a}. Please go ${f}.`,
      (t: string, a: string, f: string) => `Explica ${t} a ${a}, ${f}.`,
    ];
    hydra(env, {
      family: 'slot-template-swarm',
      persona: 'worker',
      n: S(40),
      perAccount: [40, 120],
      age: [-3, 30],
      tiers: [
        ['free', 3],
        ['pro', 1],
      ],
      routes: [
        ['education', 2],
        ['self-serve', 2],
        ['startup-credits', 1],
      ],
      payment: 8,
      network: 'proxy-rotate',
      client: 'sdk-mimic',
      email: 'consumer',
      timing: 'human',
      models: [
        ['lumen-3', 3],
        ['lumen-3-reason', 1],
      ],
      make: (rng) => {
        const q = rng.pick(tmpl)(rng.pick(topics), rng.pick(aud), rng.pick(fmt));
        return {
          turns: [{ role: 'user', text: q }],
          params: { temperature: rng.pick([0.7, 0.9, 1]), max_tokens: 2048 },
          answer: { text: genericAnswer(rng, q + ' ' + q, true) },
        };
      },
    });
  }
  void MINUTE;
}
