// Honest personas, many of them deliberately hard: they look like extraction but are not.
import type { MathItem } from './corpora.js';
import type { Endpoint, Params, ToolCall, ToolDef, Turn } from './emit.js';
import {
  type Acct,
  type Env,
  CHAT_MIX,
  REASON_MIX,
  activeDays,
  callId,
  created,
  devParams,
  emit,
  newAccount,
  pickModel,
} from './kit.js';
import type { Rng } from './rng.js';
import {
  chatAnswer,
  codeAnswer,
  cotAnswer,
  genericAnswer,
  longSystem,
  reasoningAsk,
  shortMath,
  studentAsk,
  studentFollowUp,
  workedMath,
  LANGS,
} from './text.js';
import {
  type Client,
  DAY,
  HOUR,
  MINUTE,
  NEW_MODEL,
  cloudIp,
  companyDomain,
  consumerEmail,
  countryByCode,
  eduDomain,
  humanTime,
  makeClient,
  mobileIp,
  natBlock,
  paymentFp,
  pickDevClient,
  residentialIp,
} from './world.js';

type Net = { ip: string; client: Client; key?: string };

function homeNet(a: Acct, client: Client): () => Net {
  const home = residentialIp(a.rng, a.country);
  const work = residentialIp(a.rng, a.country);
  return () => ({
    ip: a.rng.chance(0.08) ? mobileIp(a.rng) : a.rng.chance(0.25) ? work : home,
    client,
  });
}

/** A human conversation: first prompt, then follow-ups with history. */
function conversation(
  env: Env,
  a: Acct,
  net: () => Net,
  t0: number,
  model: string,
  first: string,
  firstAnswer: string,
  follow: (i: number) => { q: string; a: string } | undefined,
  params: Params,
  system?: string,
): number {
  const turns: Turn[] = [{ role: 'user', text: first }];
  let ts = t0;
  let ans = firstAnswer;
  for (let i = 0; i < 12; i++) {
    const spec = {
      ts,
      endpoint: a.endpoint,
      model,
      turns: turns.slice(),
      params,
      answer: { text: ans },
    };
    emit(env, a, net(), system === undefined ? spec : { ...spec, system });
    const f = follow(i);
    if (!f) break;
    turns.push({ role: 'assistant', text: ans }, { role: 'user', text: f.q });
    ans = f.a;
    ts += Math.round(a.rng.logn(70_000, 0.9)) + 5000;
  }
  return ts;
}

function chatPrompt(env: Env, rng: Rng): { q: string; a: string } {
  const c = env.corp;
  const k = rng.int(0, 9);
  if (k <= 2) {
    const qa = rng.pick(c.chatQa);
    return { q: qa.q, a: qa.a };
  }
  if (k <= 4) {
    const d = rng.pick(c.helpful);
    return { q: d.turns[0]?.text ?? 'hi', a: d.turns[1]?.text ?? 'Hello!' };
  }
  if (k <= 6) {
    const q = rng.pick(c.chat);
    return { q, a: chatAnswer(rng, c, q) };
  }
  if (k === 7) {
    const i = rng.pick(c.instructions);
    const q = i.input ? `${i.instruction}\n\n${i.input}` : i.instruction;
    return { q, a: i.output || genericAnswer(rng, q) };
  }
  const q = rng.pick(c.arena).prompt;
  return { q, a: genericAnswer(rng, q, true) };
}

const chatFollow =
  (env: Env, a: Acct, p: number) =>
  (i: number): { q: string; a: string } | undefined => {
    if (!a.rng.chance(p / (i + 1))) return undefined;
    const q = a.rng.pick([
      'thanks! can you make it shorter?',
      'can you give an example?',
      'what about the opposite case?',
      'ok and how would that work in practice',
      'Could you expand on the second point?',
      'hm, are you sure?',
      'Can you put that in a table?',
      'great, now in Spanish please',
      'why?',
      'Give me 3 more ideas like that.',
      'That is not quite what I meant — I meant for a small team.',
      'and the downsides?',
    ]);
    return { q, a: genericAnswer(a.rng, q + ' ' + q) };
  };

// ---------------------------------------------------------------- casual chat

export function casualChat(env: Env, n: number): void {
  for (let i = 0; i < n; i++) {
    const tier = env.rng.weighted([
      ['free', 6],
      ['pro', 3],
      ['unverified', 1],
    ] as const);
    const a = newAccount(env, {
      family: 'casual-chat',
      persona: 'consumer',
      malicious: false,
      createdAt: created(env, env.rng.range(-5, 700)),
      tier,
      route: 'self-serve',
    });
    const client = a.rng.chance(0.55)
      ? makeClient(a.rng, 'browser')
      : pickDevClient(a.rng, a.endpoint);
    const net = homeNet(a, client);
    const profile = a.rng.pick(['work', 'evening', 'mixed'] as const);
    for (const d of activeDays(env, a.rng, a.rng.range(0.15, 0.7), a.country.tz)) {
      for (let s = a.rng.int(1, 3); s > 0; s--) {
        const t = humanTime(a.rng, env.clock, d, a.country.tz, profile);
        const p = chatPrompt(env, a.rng);
        const model = pickModel(env, a.rng, t, 0.15, CHAT_MIX);
        conversation(env, a, net, t, model, p.q, p.a, chatFollow(env, a, 0.6), devParams(a.rng));
      }
    }
  }
}

// ---------------------------------------------------------------- students

export function students(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const edu = env.rng.chance(0.6);
    const a = newAccount(env, {
      family: 'student',
      persona: edu ? 'university-student' : 'school-student',
      malicious: false,
      createdAt: created(env, env.rng.range(-4, 400)),
      tier: env.rng.chance(0.85) ? 'free' : 'pro',
      route: edu ? 'education' : 'self-serve',
      email: edu ? consumerEmail(env.rng, eduDomain(env.rng)) : consumerEmail(env.rng),
    });
    const client = a.rng.chance(0.7)
      ? makeClient(a.rng, 'browser')
      : pickDevClient(a.rng, a.endpoint);
    const net = homeNet(a, client);
    const level = a.rng.chance(0.5) ? c.gsm : c.comp;
    const literal = a.rng.chance(0.5); // asks "step by step" explicitly, as many students do
    for (const d of activeDays(env, a.rng, a.rng.range(0.3, 0.8), a.country.tz)) {
      let t = humanTime(a.rng, env.clock, d, a.country.tz, 'evening');
      for (let s = a.rng.int(1, 6); s > 0; s--) {
        const kind = a.rng.int(0, 5);
        const model = pickModel(env, a.rng, t, 0.1, a.rng.chance(0.3) ? REASON_MIX : CHAT_MIX);
        if (kind <= 3) {
          const m: MathItem = a.rng.pick(level);
          const q =
            literal && a.rng.chance(0.6)
              ? `${m.q}\n${reasoningAsk(a.rng)}`
              : studentAsk(a.rng, m.q);
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            q,
            workedMath(a.rng, m),
            (j) =>
              a.rng.chance(0.45 / (j + 1))
                ? { q: studentFollowUp(a.rng), a: genericAnswer(a.rng, m.q) }
                : undefined,
            devParams(a.rng),
          );
        } else if (kind === 4) {
          const x = a.rng.pick(c.cot);
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            studentAsk(a.rng, x.q),
            cotAnswer(a.rng, x, true),
            () => undefined,
            devParams(a.rng),
          );
        } else {
          const x = a.rng.pick(c.code);
          const q = a.rng.pick([
            `${x.task} (python)`,
            `my assignment: ${x.task}\nI wrote a loop but it fails the tests`,
            `how do i ${x.task.toLowerCase()}`,
          ]);
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            q,
            codeAnswer(a.rng, x, true),
            chatFollow(env, a, 0.4),
            devParams(a.rng),
          );
        }
        t += Math.round(a.rng.logn(6 * MINUTE, 0.8));
      }
    }
  }
}

// ---------------------------------------------------------------- power users and researchers

export function powerUsers(env: Env, n: number, researcher: boolean): void {
  const c = env.corp;
  const family = researcher ? 'researcher' : 'power-user';
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family,
      persona: researcher ? 'academic-lab' : 'heavy-individual',
      malicious: false,
      createdAt: created(env, env.rng.range(20, 800)),
      tier: env.rng.chance(0.8) ? 'pro' : 'free',
      route: researcher ? (env.rng.chance(0.7) ? 'research' : 'education') : 'self-serve',
      email: researcher
        ? consumerEmail(env.rng, eduDomain(env.rng))
        : consumerEmail(env.rng, env.rng.chance(0.5) ? companyDomain(env.rng) : undefined),
      keys: env.rng.int(1, 3),
    });
    const client = pickDevClient(a.rng, a.endpoint);
    const browser = makeClient(a.rng, 'browser');
    const base = homeNet(a, client);
    const net = (): Net =>
      a.rng.chance(0.3) ? { ...base(), client: browser } : { ...base(), key: a.rng.pick(a.keys) };
    const adopt = a.rng.range(0.2, 0.8);
    for (const d of activeDays(env, a.rng, a.rng.range(0.5, 0.95), a.country.tz)) {
      let t = humanTime(a.rng, env.clock, d, a.country.tz, 'work');
      // Release day: try the new model heavily, honestly.
      const releaseDay = t >= env.clock.release && t < env.clock.release + DAY;
      for (let s = a.rng.int(3, releaseDay ? 25 : 12); s > 0; s--) {
        const model = pickModel(
          env,
          a.rng,
          t,
          releaseDay ? 0.9 : adopt,
          a.rng.chance(0.3) ? REASON_MIX : CHAT_MIX,
        );
        const k = a.rng.int(0, 9);
        const params = devParams(a.rng);
        if (researcher && k <= 2) {
          // Sampling / logprob studies on a few prompts, varying temperature.
          const q = a.rng.pick(c.chat);
          for (const temp of a.rng.sample([0, 0.3, 0.7, 1, 1.3], a.rng.int(2, 4))) {
            const pr: Params = { temperature: temp, n: a.rng.pick([1, 5, 10]), max_tokens: 512 };
            if (a.endpoint === 'chat.completions' && a.rng.chance(0.5)) {
              pr.logprobs = true;
              pr.top_logprobs = a.rng.pick([5, 10, 20]);
            }
            emit(env, a, net(), {
              ts: t,
              endpoint: a.endpoint,
              model,
              turns: [{ role: 'user', text: q }],
              params: pr,
              answer: { text: genericAnswer(a.rng, q) },
            });
            t += a.rng.int(3000, 40_000);
          }
        } else if (k <= 4) {
          const x = a.rng.pick(c.arena);
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            x.prompt,
            genericAnswer(a.rng, x.prompt, true),
            chatFollow(env, a, 0.7),
            params,
          );
        } else if (k === 5) {
          const tt = a.rng.pick(c.twoTurn);
          const q1 = tt[0] ?? 'hi';
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            q1,
            genericAnswer(a.rng, q1, true),
            (j) => (j === 0 && tt[1] ? { q: tt[1], a: genericAnswer(a.rng, tt[1]) } : undefined),
            params,
          );
        } else if (k === 6) {
          const m = a.rng.pick(c.comp);
          const q = a.rng.chance(0.5) ? `${m.q}\n\n${reasoningAsk(a.rng)}` : m.q;
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            q,
            workedMath(a.rng, m),
            chatFollow(env, a, 0.5),
            { ...params, reasoning: a.rng.pick(['medium', 'high'] as const) },
          );
        } else {
          const p = chatPrompt(env, a.rng);
          t = conversation(env, a, net, t, model, p.q, p.a, chatFollow(env, a, 0.6), params);
        }
        t += Math.round(a.rng.logn(4 * MINUTE, 1));
      }
    }
  }
}

// ---------------------------------------------------------------- shared-NAT organisations

export function sharedNatOrgs(env: Env, orgs: number, perOrg: [number, number]): void {
  for (let o = 0; o < orgs; o++) {
    const uni = env.rng.chance(0.4);
    const domain = uni ? eduDomain(env.rng) : companyDomain(env.rng);
    const block = natBlock(env.rng);
    const country = countryByCode(
      env.rng.pick(['US', 'DE', 'GB', 'IN', 'JP', 'FR', 'BR']),
      env.rng,
    );
    const n = env.rng.int(perOrg[0], perOrg[1]);
    const corpClient = makeClient(env.rng, 'openai-py');
    for (let i = 0; i < n; i++) {
      const a = newAccount(env, {
        family: 'shared-nat-org',
        persona: uni ? 'campus-user' : 'corporate-user',
        malicious: false,
        country,
        createdAt: created(env, env.rng.range(5, 300)),
        tier: env.rng.chance(0.6) ? 'pro' : 'free',
        route: uni ? 'education' : 'self-serve',
        email: consumerEmail(env.rng, domain),
        signupIp: env.rng.pick(block),
      });
      const client = a.rng.chance(0.5) ? makeClient(a.rng, 'browser') : corpClient;
      const net = (): Net => ({ ip: a.rng.pick(block), client });
      for (const d of activeDays(env, a.rng, a.rng.range(0.3, 0.8), country.tz)) {
        let t = humanTime(a.rng, env.clock, d, country.tz, 'work');
        for (let s = a.rng.int(1, 5); s > 0; s--) {
          const p = chatPrompt(env, a.rng);
          const model = pickModel(env, a.rng, t, 0.2, CHAT_MIX);
          t = conversation(
            env,
            a,
            net,
            t,
            model,
            p.q,
            p.a,
            chatFollow(env, a, 0.5),
            devParams(a.rng),
          );
          t += Math.round(a.rng.logn(20 * MINUTE, 1));
        }
      }
    }
  }
}

// ---------------------------------------------------------------- eval harnesses

export function evalHarnesses(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const vendor = env.rng.chance(0.4);
    const a = newAccount(env, {
      family: 'eval-harness',
      persona: vendor ? 'benchmark-company' : 'lab-eval-run',
      malicious: false,
      createdAt: created(env, env.rng.range(30, 500)),
      tier: vendor ? 'enterprise' : 'pro',
      route: vendor ? 'enterprise' : env.rng.pick(['research', 'self-serve'] as const),
      email: consumerEmail(env.rng, vendor ? companyDomain(env.rng) : eduDomain(env.rng)),
    });
    const client = makeClient(
      a.rng,
      a.endpoint === 'messages' ? 'anthropic-py' : a.rng.pick(['openai-py', 'httpx'] as const),
    );
    const ip = cloudIp(a.rng);
    const runs = vendor ? a.rng.int(2, 4) : a.rng.int(1, 2);
    for (let r = 0; r < runs; r++) {
      const bench = a.rng.int(0, 4);
      // Vendors benchmark the new model right after release.
      let t =
        vendor && r === 0 && a.rng.chance(0.7)
          ? env.clock.release + a.rng.int(1, 20) * HOUR
          : env.clock.start + a.rng.int(0, env.clock.days - 1) * DAY + a.rng.int(0, 23) * HOUR;
      const model =
        t >= env.clock.release && a.rng.chance(0.6)
          ? NEW_MODEL
          : a.rng.pick(['lumen-3', 'lumen-3-reason', 'lumen-3-flash']);
      const sys = a.rng.chance(0.5) ? undefined : 'You are a helpful assistant.';
      const items: { q: string; a: string }[] = [];
      const fewshot = a.rng.chance(0.5);
      if (bench === 0)
        for (const m of c.gsm.slice(0, 1319))
          items.push({
            q:
              (fewshot
                ? 'Q: Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?\nA: 72\n\n'
                : '') + `Q: ${m.q}\nA:`,
            a: shortMath(a.rng, m),
          });
      else if (bench === 1)
        for (const x of c.code.filter((x) => x.src === 'humaneval'))
          items.push({
            q: `Complete the following Python function.\n\n${x.task}`,
            a: codeAnswer(a.rng, x, false),
          });
      else if (bench === 2)
        for (const m of c.comp.filter((x) => x.src === 'math_test.jsonl'))
          items.push({
            q: `${m.q}\nPut your final answer within \\boxed{}.`,
            a: workedMath(a.rng, m),
          });
      else if (bench === 3)
        for (const x of c.cot.slice(0, 800))
          items.push({ q: `${x.q}\nAnswer with the option letter or yes/no only.`, a: x.answer });
      else
        for (const x of c.code.filter((x) => x.src === 'mbpp').slice(0, 500))
          items.push({
            q: `You are an expert Python programmer. ${x.task}`,
            a: codeAnswer(a.rng, x, false),
          });
      const conc = a.rng.int(4, 32);
      for (const it of items) {
        const spec = {
          ts: t,
          endpoint: a.endpoint,
          model,
          turns: [{ role: 'user' as const, text: it.q }],
          params: { temperature: 0, max_tokens: a.rng.pick([512, 1024, 2048]), seed: 1234 },
          answer: { text: it.a },
        };
        emit(env, a, { ip, client }, sys === undefined ? spec : { ...spec, system: sys });
        t += Math.round(a.rng.exp(1800 / conc)) + 5;
      }
    }
  }
}

// ---------------------------------------------------------------- LLM-as-judge vendor

export function judgeVendors(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'judge-vendor',
      persona: 'llm-judge-service',
      malicious: false,
      createdAt: created(env, env.rng.range(60, 600)),
      tier: 'enterprise',
      route: 'enterprise',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 3,
    });
    const client = makeClient(a.rng, 'openai-py');
    const pref = a.rng.pick(['35.227', '34.82', '52.14']);
    const rate = a.rng.range(8, 30); // per hour
    const sys = `You are an impartial evaluator. Score the assistant response against the rubric. Rubric: ${a.rng.pick(['correctness (0-4), completeness (0-3), clarity (0-3)', 'helpfulness 1-10; deduct for factual errors; deduct for verbosity', 'faithfulness to the provided context (1-5) and relevance (1-5)'])}. Return JSON: {"score": number, "reason": string}.`;
    for (let t = env.clock.start + a.rng.int(0, HOUR); t < env.clock.end;) {
      const x = a.rng.pick(c.arena);
      const resp = genericAnswer(a.rng, x.prompt);
      const q = `[Question]\n${x.prompt.slice(0, 1500)}\n\n[Response]\n${resp}\n\n[Reference]\n${a.rng.chance(0.5) ? genericAnswer(a.rng, x.prompt) : 'N/A'}`;
      const score = a.rng.int(1, 10);
      emit(
        env,
        a,
        {
          ip: `${pref}.${a.rng.int(0, 255)}.${a.rng.int(1, 254)}`,
          client,
          key: a.rng.pick(a.keys),
        },
        {
          ts: t,
          endpoint: 'chat.completions',
          model: a.rng.chance(0.8) ? 'lumen-3' : 'lumen-3-flash',
          system: sys,
          turns: [{ role: 'user', text: q }],
          params: { temperature: 0, max_tokens: 300, response_format: { type: 'json_object' } },
          answer: {
            text: JSON.stringify({
              score,
              reason: a.rng.pick([
                'Accurate and complete.',
                'Misses the edge case in the second part.',
                'Correct but verbose.',
                'Contains a factual error about the API.',
                'Does not follow the requested format.',
              ]),
            }),
          },
        },
      );
      const hourLocal = (new Date(t).getUTCHours() + 24) % 24;
      const load = 0.5 + 0.5 * Math.sin(((hourLocal - 8) / 24) * 2 * Math.PI);
      t += Math.round(a.rng.exp(HOUR / (rate * (0.4 + load))));
    }
  }
}

// ---------------------------------------------------------------- ed-tech tutor

export function edtechTutors(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const country = countryByCode(env.rng.pick(['US', 'IN', 'BR', 'GB', 'ID']), env.rng);
    const a = newAccount(env, {
      family: 'edtech-tutor',
      persona: 'tutoring-app',
      malicious: false,
      country,
      createdAt: created(env, env.rng.range(90, 700)),
      tier: 'enterprise',
      route: env.rng.chance(0.5) ? 'enterprise' : 'education',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 2,
    });
    const client = makeClient(a.rng, a.endpoint === 'messages' ? 'anthropic-js' : 'openai-js');
    const ips = [cloudIp(a.rng), cloudIp(a.rng), cloudIp(a.rng)];
    const users = Array.from({ length: a.rng.int(400, 3000) }, () => `u_${a.rng.hex(12)}`);
    const sys = a.rng.pick([
      'You are Sprout, a patient maths tutor for students aged 10-16. Always explain your solution one step at a time, check understanding, and never just give the answer without the working. Use simple words.',
      'You are a friendly tutor. For every problem: 1) restate what is asked, 2) solve step by step showing each calculation, 3) give the final answer in bold, 4) suggest a similar practice question.',
      'Eres un tutor de matemáticas. Explica cada paso de la solución de forma clara y termina con la respuesta final.',
    ]);
    const daily = a.rng.int(150, 600);
    for (let d = 0; d < env.clock.days; d++) {
      const cnt = Math.round(daily * a.rng.range(0.7, 1.2));
      for (let k = 0; k < cnt; k++) {
        const t = humanTime(
          a.rng,
          env.clock,
          d,
          country.tz,
          a.rng.chance(0.5) ? 'work' : 'evening',
        );
        const m = a.rng.chance(0.7) ? a.rng.pick(c.gsm) : a.rng.pick(c.comp);
        const user = a.rng.pick(users);
        const turns: Turn[] = [
          { role: 'user', text: a.rng.chance(0.7) ? m.q : studentAsk(a.rng, m.q) },
        ];
        const params: Params = {
          temperature: 0.3,
          max_tokens: 1500,
          user,
          stream: true,
          developerRole: true,
        };
        emit(
          env,
          a,
          { ip: a.rng.pick(ips), client },
          {
            ts: t,
            endpoint: a.endpoint,
            model: a.rng.chance(0.7) ? 'lumen-3-flash' : 'lumen-3',
            system: sys,
            turns,
            params,
            answer: { text: workedMath(a.rng, m) },
          },
        );
        if (a.rng.chance(0.25)) {
          const ans = workedMath(a.rng, m);
          turns.push(
            { role: 'assistant', text: ans },
            { role: 'user', text: studentFollowUp(a.rng) },
          );
          emit(
            env,
            a,
            { ip: a.rng.pick(ips), client },
            {
              ts: t + a.rng.int(20_000, 300_000),
              endpoint: a.endpoint,
              model: 'lumen-3-flash',
              system: sys,
              turns,
              params,
              answer: { text: genericAnswer(a.rng, m.q) },
            },
          );
        }
      }
    }
  }
}

// ---------------------------------------------------------------- licensed synthetic-data customer

export function licensedSynthetic(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'licensed-synthetic',
      persona: 'contracted-data-vendor',
      malicious: false,
      createdAt: created(env, env.rng.range(60, 400)),
      tier: 'enterprise',
      route: 'enterprise',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      verified: true,
      contract: `ctr_${env.rng.alnum(6)}`,
      keys: 4,
    });
    const client = makeClient(a.rng, 'openai-py');
    const pref = a.rng.pick(['3.91', '44.201', '20.51']);
    const tpl = a.rng.pick([
      (q: string) =>
        `Generate a detailed, step-by-step solution to the following problem. Explain the reasoning for each step and end with the final answer.\n\nProblem: ${q}`,
      (q: string) =>
        `Write a high-quality worked solution for a training dataset.\n### Problem\n${q}\n### Solution`,
    ]);
    const perHour = a.rng.int(25, 55);
    for (
      let t = env.clock.start + a.rng.int(0, 6) * HOUR;
      t < env.clock.end;
      t += Math.round(a.rng.exp(HOUR / perHour))
    ) {
      const kind = a.rng.int(0, 2);
      const m = kind === 0 ? a.rng.pick(c.gsm) : a.rng.pick(c.comp);
      const model = pickModel(env, a.rng, t, 0.5, [['lumen-3-reason', 1]]);
      emit(
        env,
        a,
        {
          ip: `${pref}.${a.rng.int(0, 255)}.${a.rng.int(1, 254)}`,
          client,
          key: a.rng.pick(a.keys),
        },
        {
          ts: t,
          endpoint: 'chat.completions',
          model,
          turns: [{ role: 'user', text: tpl(m.q) }],
          params: { temperature: 0.8, max_tokens: 8192, reasoning: 'high' },
          answer: { text: workedMath(a.rng, m) },
        },
      );
    }
  }
}

// ---------------------------------------------------------------- logprob classifiers

export function logprobClassifiers(env: Env, n: number): void {
  const c = env.corp;
  const sets = [
    {
      labels: ['positive', 'negative', 'neutral'],
      ids: ['31587', '43324', '60668'],
      task: 'Classify the sentiment of the text. Answer with exactly one word: positive, negative or neutral.',
    },
    {
      labels: ['yes', 'no'],
      ids: ['9891', '2201'],
      task: 'Does the message contain a request for a refund? Answer yes or no.',
    },
    {
      labels: ['billing', 'technical', 'account', 'other'],
      ids: ['69904', '48166', '4756', '1023'],
      task: 'Route this support ticket. Reply with one of: billing, technical, account, other.',
    },
    {
      labels: ['safe', 'unsafe'],
      ids: ['23046', '56235'],
      task: 'Is this user message safe to show publicly? Reply safe or unsafe.',
    },
  ];
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'logprob-classifier',
      persona: 'classification-lab',
      malicious: false,
      createdAt: created(env, env.rng.range(30, 500)),
      tier: 'pro',
      route: env.rng.pick(['self-serve', 'research'] as const),
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      endpoint: 'chat.completions',
    });
    const set = a.rng.pick(sets);
    const client = makeClient(a.rng, 'openai-py');
    const ip = cloudIp(a.rng);
    const bias: Record<string, number> = {};
    if (a.rng.chance(0.6)) for (const id of set.ids) bias[id] = 100;
    const daily = a.rng.int(100, 500);
    for (let d = 0; d < env.clock.days; d++) {
      let t = env.clock.start + d * DAY + a.rng.int(0, 10) * HOUR;
      for (let k = 0; k < daily; k++) {
        const doc = a.rng.chance(0.5)
          ? (a.rng.pick(c.helpful).turns[0]?.text ?? '')
          : a.rng.pick(c.chat);
        const params: Params = {
          temperature: 0,
          max_tokens: 1,
          logprobs: true,
          top_logprobs: set.labels.length,
        };
        if (Object.keys(bias).length) params.logit_bias = bias;
        emit(
          env,
          a,
          { ip, client },
          {
            ts: t,
            endpoint: 'chat.completions',
            model: 'lumen-3-flash',
            system: set.task,
            turns: [{ role: 'user', text: doc }],
            params,
            answer: { text: a.rng.pick(set.labels) },
          },
        );
        t += Math.round(a.rng.exp(20_000)) + 50;
      }
    }
  }
}

// ---------------------------------------------------------------- CI review bots

export function ciBots(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'ci-review-bot',
      persona: 'pr-reviewer',
      malicious: false,
      createdAt: created(env, env.rng.range(20, 400)),
      tier: 'pro',
      route: env.rng.pick(['self-serve', 'startup-credits'] as const),
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const client = makeClient(a.rng, a.endpoint === 'messages' ? 'anthropic-js' : 'openai-js');
    const sys =
      'You are a senior engineer reviewing a pull request. Point out bugs, risky changes and missing tests. Be concise; use bullet points; reference file and line.';
    for (const d of activeDays(env, a.rng, 0.9, a.country.tz)) {
      for (let pr = a.rng.int(1, 12); pr > 0; pr--) {
        let t = humanTime(a.rng, env.clock, d, a.country.tz, 'work');
        const files = a.rng.int(1, 4);
        for (let f = 0; f < files; f++) {
          const x = a.rng.pick(c.code);
          const lines = x.solution.split('\n');
          const diff =
            `diff --git a/src/${x.entry}.py b/src/${x.entry}.py\n@@ -1,${lines.length} +1,${lines.length + 2} @@\n` +
            lines.map((l) => (a.rng.chance(0.3) ? `+${l}` : ` ${l}`)).join('\n');
          emit(
            env,
            a,
            { ip: cloudIp(a.rng, a.rng.pick(['13.56', '40.76', '20.51'])), client },
            {
              ts: t,
              endpoint: a.endpoint,
              model: 'lumen-3',
              system: sys,
              turns: [
                {
                  role: 'user',
                  text: `PR #${a.rng.int(100, 9000)}: ${a.rng.pick(['fix', 'feat', 'refactor', 'chore'])}: ${x.task.slice(0, 80)}\n\n${diff}`,
                },
              ],
              params: { temperature: 0.2, max_tokens: 1200 },
              answer: {
                text: `- \`src/${x.entry}.py\`: ${a.rng.pick(['no handling for empty input', 'looks correct; consider a test for the boundary case', 'this loop is O(n^2); a set would make it linear', 'variable shadowing on line ' + a.rng.int(2, 20), 'LGTM'])}\n- ${a.rng.pick(['Missing unit test for the new branch.', 'Naming is consistent with the rest of the module.', 'Consider type hints.'])}`,
              },
            },
          );
          t += a.rng.int(2000, 15000);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- batch pipelines

export function batchPipelines(env: Env, n: number): void {
  const c = env.corp;
  const tasks = [
    {
      sys: 'Summarise the following customer message in at most two sentences.',
      out: (r: Rng, d: string) =>
        `The customer ${r.pick(['asks about', 'is unhappy with', 'wants help with', 'reports a problem with'])} ${d.split(/\s+/).slice(0, 6).join(' ').toLowerCase()}... ${r.pick(['They expect a reply soon.', 'No action needed.', 'Escalate to tier 2.'])}`,
    },
    {
      sys: 'Extract the following fields as JSON: {"topic": string, "urgency": "low"|"medium"|"high", "language": string}.',
      out: (r: Rng) =>
        JSON.stringify({
          topic: r.pick(['billing', 'shipping', 'login', 'feature request', 'other']),
          urgency: r.pick(['low', 'medium', 'high']),
          language: 'en',
        }),
    },
    {
      sys: 'Classify the document into one of: news, opinion, how-to, review, other. Output only the label.',
      out: (r: Rng) => r.pick(['news', 'opinion', 'how-to', 'review', 'other']),
    },
    {
      sys: 'Write a one-line title (max 10 words) for the document.',
      out: (r: Rng, d: string) =>
        d
          .split(/\s+/)
          .slice(0, r.int(4, 9))
          .join(' ')
          .replace(/[.?!,]+$/, ''),
    },
  ];
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'batch-pipeline',
      persona: 'etl-job',
      malicious: false,
      createdAt: created(env, env.rng.range(30, 600)),
      tier: env.rng.chance(0.5) ? 'enterprise' : 'pro',
      route: env.rng.chance(0.5) ? 'enterprise' : 'self-serve',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const task = a.rng.pick(tasks);
    const client = makeClient(a.rng, a.rng.pick(['openai-py', 'go', 'java', 'requests'] as const));
    const ip = cloudIp(a.rng);
    const nightly = a.rng.chance(0.5);
    const perRun = a.rng.int(60, 330);
    const gap = a.rng.int(800, 4000);
    for (let d = 0; d < env.clock.days; d++) {
      const runs = nightly ? 1 : a.rng.int(2, 6);
      for (let r = 0; r < runs; r++) {
        let t =
          env.clock.start +
          d * DAY +
          (nightly ? 2 * HOUR : a.rng.int(0, 23) * HOUR) +
          a.rng.int(0, 5) * MINUTE;
        for (let k = 0; k < perRun / runs; k++) {
          const doc = a.rng.chance(0.5)
            ? a.rng.pick(c.chatQa).a
            : (a.rng.pick(c.helpful).turns[0]?.text ?? 'n/a');
          emit(
            env,
            a,
            { ip, client },
            {
              ts: t,
              endpoint: a.endpoint,
              model: 'lumen-3-flash',
              system: task.sys,
              turns: [{ role: 'user', text: doc }],
              params: { temperature: 0, max_tokens: 200 },
              answer: { text: task.out(a.rng, doc) },
            },
          );
          t += gap + a.rng.int(-200, 200);
        }
      }
    }
  }
}

// ---------------------------------------------------------------- coding agents / IDE plugins

export const CODE_TOOLS: ToolDef[] = [
  {
    name: 'read_file',
    description: 'Read a file from the workspace',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'edit_file',
    description: 'Replace text in a file',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, old: { type: 'string' }, new: { type: 'string' } },
      required: ['path', 'old', 'new'],
    },
  },
  {
    name: 'run_command',
    description: 'Run a shell command in the workspace',
    parameters: { type: 'object', properties: { cmd: { type: 'string' } }, required: ['cmd'] },
  },
  {
    name: 'search',
    description: 'Search the codebase',
    parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
  },
];

/** One agent trajectory: emits an event per model step; tool results come from `toolOut`. */
export function agentTrajectory(
  env: Env,
  a: Acct,
  net: () => Net,
  t0: number,
  model: string,
  system: string,
  task: string,
  steps: { call: ToolCall; result: string; say?: string }[],
  final: string,
  params: Params,
  tools: ToolDef[],
  endpoint: Endpoint,
): number {
  const turns: Turn[] = [{ role: 'user', text: task }];
  let t = t0;
  for (const s of steps) {
    emit(env, a, net(), {
      ts: t,
      endpoint,
      model,
      system,
      turns: turns.slice(),
      params,
      tools,
      answer: { text: s.say ?? '', calls: [s.call] },
    });
    turns.push(
      { role: 'assistant', text: s.say ?? '', calls: [s.call] },
      { role: 'tool', callId: s.call.id, name: s.call.name, text: s.result },
    );
    t += a.rng.int(1500, 25_000);
  }
  emit(env, a, net(), {
    ts: t,
    endpoint,
    model,
    system,
    turns,
    params,
    tools,
    answer: { text: final },
  });
  return t;
}

export function codingSteps(
  rng: Rng,
  endpoint: Endpoint,
  file: string,
  code: string,
  entry: string,
): { call: ToolCall; result: string; say?: string }[] {
  const out: { call: ToolCall; result: string; say?: string }[] = [];
  if (rng.chance(0.5))
    out.push({
      call: { id: callId(rng, endpoint), name: 'search', args: { query: entry } },
      result: `${file}:${rng.int(3, 90)}: def ${entry}(`,
    });
  out.push({
    call: { id: callId(rng, endpoint), name: 'read_file', args: { path: file } },
    result: code,
  });
  out.push({
    call: {
      id: callId(rng, endpoint),
      name: 'edit_file',
      args: {
        path: file,
        old: code.split('\n')[1] ?? '',
        new: (code.split('\n')[1] ?? '') + '  # fixed',
      },
    },
    result: 'ok',
    ...(rng.chance(0.5) ? { say: 'Found it — the boundary condition is off by one.' } : {}),
  });
  out.push({
    call: {
      id: callId(rng, endpoint),
      name: 'run_command',
      args: { cmd: rng.pick(['pytest -q', 'pytest tests/ -x', 'npm test', 'make test']) },
    },
    result: rng.chance(0.7)
      ? `${rng.int(5, 300)} passed in ${rng.range(0.5, 30).toFixed(2)}s`
      : `FAILED tests/test_${entry}.py::test_edge - AssertionError\n1 failed, ${rng.int(5, 100)} passed`,
  });
  return out;
}

export function codingAgents(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'coding-agent',
      persona: 'ide-plugin-user',
      malicious: false,
      createdAt: created(env, env.rng.range(10, 500)),
      tier: env.rng.chance(0.8) ? 'pro' : 'free',
      route: 'self-serve',
      email: consumerEmail(env.rng, env.rng.chance(0.6) ? companyDomain(env.rng) : undefined),
    });
    const client = makeClient(a.rng, 'ide');
    const net = homeNet(a, client);
    const sys = `You are Quillpad, an AI pair programmer inside the user's editor. Workspace: ${a.rng.pick(['monorepo', 'api-server', 'data-pipeline', 'webapp'])}. Use the tools to inspect and edit files. Keep changes minimal and explain them briefly.`;
    for (const d of activeDays(env, a.rng, a.rng.range(0.4, 0.9), a.country.tz)) {
      let t = humanTime(a.rng, env.clock, d, a.country.tz, 'work');
      for (let s = a.rng.int(1, 5); s > 0; s--) {
        const x = a.rng.pick(c.code);
        const file = `src/${x.entry}.py`;
        const task = a.rng.pick([
          `the tests for ${x.entry} are failing, can you take a look`,
          `refactor ${x.entry} to be more readable`,
          `${x.task} — put it in ${file}`,
          `add error handling to ${x.entry}`,
          `why is ${x.entry} slow on big inputs?`,
        ]);
        const model = pickModel(env, a.rng, t, 0.3, [
          ['lumen-3', 7],
          ['lumen-3-reason', 2],
          ['lumen-3-flash', 1],
        ]);
        t = agentTrajectory(
          env,
          a,
          net,
          t,
          model,
          sys,
          task,
          codingSteps(a.rng, a.endpoint, file, x.solution, x.entry),
          a.rng.pick([
            'Done. I fixed the off-by-one and the tests pass.',
            `Updated \`${file}\`: ${a.rng.pick(['added input validation', 'simplified the loop', 'switched to a dict lookup'])}.`,
            'The change is in place; one test still fails because of a fixture issue unrelated to this change.',
          ]),
          { max_tokens: 4096, temperature: 0.2, stream: true },
          CODE_TOOLS,
          a.endpoint,
        );
        t += Math.round(a.rng.logn(15 * MINUTE, 0.8));
      }
    }
  }
}

// ---------------------------------------------------------------- template tools (rewrite / variations / screening)

export function templateTools(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const kind = env.rng.int(0, 2);
    const a = newAccount(env, {
      family: 'template-tool',
      persona: ['rewrite-tool', 'variations-tool', 'resume-screener'][kind] ?? 'tool',
      malicious: false,
      createdAt: created(env, env.rng.range(15, 500)),
      tier: 'pro',
      route: env.rng.pick(['self-serve', 'startup-credits'] as const),
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const client = makeClient(a.rng, a.endpoint === 'messages' ? 'anthropic-js' : 'openai-js');
    const ips = [cloudIp(a.rng), cloudIp(a.rng)];
    const users = Array.from(
      { length: a.rng.int(100, 1500) },
      () => `${a.rng.alnum(6)}-${a.rng.alnum(4)}`,
    );
    const daily = a.rng.int(40, 300);
    for (let d = 0; d < env.clock.days; d++) {
      for (let k = 0; k < daily * a.rng.range(0.6, 1.2); k++) {
        const t = humanTime(a.rng, env.clock, d, a.country.tz, 'mixed');
        const ins = a.rng.pick(c.instructions);
        const doc = ins.input || a.rng.pick(c.chatQa).a.slice(0, 600);
        let q: string;
        let ans: string;
        const params: Params = { temperature: 0.9, max_tokens: 600, user: a.rng.pick(users) };
        if (kind === 0) {
          q = `Rewrite the text below to be ${a.rng.pick(['more formal', 'friendlier', 'shorter', 'clearer', 'more persuasive'])}. Keep the meaning.\n\nText: ${doc}`;
          ans = doc
            .split(/(?<=\.)\s/)
            .reverse()
            .join(' ');
        } else if (kind === 1) {
          q = `Write ${a.rng.pick(['3', '5'])} variations of this ${a.rng.pick(['product description', 'headline', 'ad copy', 'tweet'])}:\n${doc.slice(0, 300)}`;
          params.n = a.rng.pick([1, 3]);
          ans = [1, 2, 3]
            .map(
              (j) =>
                `${j}. ${doc
                  .split(/\s+/)
                  .slice(j, j + 12)
                  .join(' ')}`,
            )
            .join('\n');
        } else {
          q = `Job: ${a.rng.pick(['Backend engineer (Go)', 'Data analyst', 'Nurse practitioner', 'Sales associate'])}\nResume:\n${doc}\n\nScore the fit from 1 to 5 and give two reasons.`;
          ans = `Score: ${a.rng.int(1, 5)}\n- ${a.rng.pick(['Relevant experience', 'Limited experience in the core stack', 'Strong communication'])}\n- ${a.rng.pick(['No certifications listed', 'Good tenure', 'Gaps not explained'])}`;
        }
        emit(
          env,
          a,
          { ip: a.rng.pick(ips), client },
          {
            ts: t,
            endpoint: a.endpoint,
            model: a.rng.chance(0.8) ? 'lumen-3-flash' : 'lumen-3',
            turns: [{ role: 'user', text: q }],
            params,
            answer: { text: ans },
          },
        );
      }
    }
  }
}

// ---------------------------------------------------------------- support bots with retrieval

export function supportBots(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'support-rag-bot',
      persona: 'customer-support-app',
      malicious: false,
      createdAt: created(env, env.rng.range(40, 700)),
      tier: 'enterprise',
      route: 'enterprise',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 2,
    });
    const client = makeClient(a.rng, a.endpoint === 'messages' ? 'anthropic-py' : 'langchain');
    const sys = longSystem(a.rng, c, undefined, 7);
    const ips = [cloudIp(a.rng), cloudIp(a.rng)];
    const users = Array.from({ length: a.rng.int(300, 3000) }, () => `cust_${a.rng.hex(10)}`);
    const daily = a.rng.int(60, 300);
    for (let d = 0; d < env.clock.days; d++) {
      for (let k = 0; k < daily * a.rng.range(0.7, 1.1); k++) {
        const t = humanTime(a.rng, env.clock, d, a.country.tz, 'work');
        const p = chatPrompt(env, a.rng);
        const docs = [0, 1, 2]
          .map(() => `[doc:${a.rng.int(100, 999)}] ${a.rng.pick(c.chatQa).a.slice(0, 500)}`)
          .join('\n\n');
        const net = (): Net => ({ ip: a.rng.pick(ips), client });
        conversation(
          env,
          a,
          net,
          t,
          'lumen-3',
          `Context:\n${docs}\n\nCustomer: ${p.q}`,
          p.a,
          chatFollow(env, a, 0.4),
          {
            temperature: 0.3,
            max_tokens: 700,
            user: a.rng.pick(users),
            systemBlocks: a.rng.chance(0.5),
          },
          sys,
        );
      }
    }
  }
}

// ---------------------------------------------------------------- honest routers / resellers

export function honestRouters(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'honest-router',
      persona: 'api-aggregator',
      malicious: false,
      createdAt: created(env, env.rng.range(100, 700)),
      tier: 'enterprise',
      route: 'enterprise',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
      keys: 6,
      endpoint: 'chat.completions',
    });
    const client = makeClient(a.rng, 'go');
    const ips = Array.from({ length: 6 }, () => cloudIp(a.rng));
    const tenants = Array.from({ length: a.rng.int(30, 200) }, () => `t${a.rng.alnum(5)}`);
    const perHour = a.rng.int(10, 32);
    for (let t = env.clock.start; t < env.clock.end; t += Math.round(a.rng.exp(HOUR / perHour))) {
      const tenant = a.rng.pick(tenants);
      const user = `${tenant}:${a.rng.alnum(8)}`;
      const k = a.rng.int(0, 9);
      const net = (): Net => ({ ip: a.rng.pick(ips), client, key: a.rng.pick(a.keys) });
      const model = pickModel(env, a.rng, t, 0.3, CHAT_MIX);
      if (k <= 6) {
        const p = chatPrompt(env, a.rng);
        conversation(env, a, net, t, model, p.q, p.a, chatFollow(env, a, 0.4), {
          ...devParams(a.rng),
          user,
        });
      } else if (k <= 8) {
        const m = a.rng.pick(c.gsm);
        conversation(
          env,
          a,
          net,
          t,
          model,
          a.rng.chance(0.4) ? `${m.q}\n${reasoningAsk(a.rng)}` : studentAsk(a.rng, m.q),
          workedMath(a.rng, m),
          () => undefined,
          { ...devParams(a.rng), user },
        );
      } else {
        const x = a.rng.pick(c.code);
        conversation(
          env,
          a,
          net,
          t,
          model,
          x.task,
          codeAnswer(a.rng, x, true),
          chatFollow(env, a, 0.3),
          { ...devParams(a.rng), user },
        );
      }
    }
  }
}

// ---------------------------------------------------------------- startup builders on credits

export function startupBuilders(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'startup-builder',
      persona: 'new-startup',
      malicious: false,
      createdAt: created(env, env.rng.range(-5, 30)),
      tier: env.rng.chance(0.5) ? 'free' : 'pro',
      route: 'startup-credits',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const client = pickDevClient(a.rng, a.endpoint);
    const net = homeNet(a, client);
    const sys = a.rng.chance(0.6) ? `${a.rng.pick(c.roles).prompt}` : undefined;
    for (const d of activeDays(env, a.rng, 0.6, a.country.tz)) {
      let t = humanTime(a.rng, env.clock, d, a.country.tz, 'mixed');
      for (let s = a.rng.int(2, 25); s > 0; s--) {
        const p = chatPrompt(env, a.rng);
        const model = pickModel(env, a.rng, t, 0.5, CHAT_MIX);
        const spec = {
          ts: t,
          endpoint: a.endpoint,
          model,
          turns: [{ role: 'user' as const, text: p.q }],
          params: devParams(a.rng),
          answer: { text: p.a },
        };
        emit(env, a, net(), sys === undefined ? spec : { ...spec, system: sys });
        t += Math.round(a.rng.logn(40_000, 1.2));
      }
    }
    void c;
  }
}

// ---------------------------------------------------------------- teams with several accounts on one card

export function teamAccounts(env: Env, teams: number): void {
  for (let g = 0; g < teams; g++) {
    const domain = companyDomain(env.rng);
    const card = paymentFp(env.rng);
    const country = countryByCode(env.rng.pick(['US', 'DE', 'GB', 'SG', 'IN']), env.rng);
    const pref = env.rng.pick(['3.91', '52.14', '34.82']);
    for (const stage of ['dev', 'staging', 'prod'].slice(0, env.rng.int(2, 3))) {
      const a = newAccount(env, {
        family: 'team-multi-account',
        persona: `team-${stage}`,
        malicious: false,
        country,
        createdAt: created(env, env.rng.range(20, 300)),
        tier: 'pro',
        route: 'self-serve',
        email: `${stage}+${env.rng.alnum(3)}@${domain}`,
        payment: card,
      });
      const client = makeClient(a.rng, 'openai-js');
      const net = (): Net => ({ ip: `${pref}.${a.rng.int(0, 3)}.${a.rng.int(1, 254)}`, client });
      for (const d of activeDays(env, a.rng, 0.8, country.tz)) {
        let t = humanTime(a.rng, env.clock, d, country.tz, 'work');
        for (let s = a.rng.int(2, stage === 'prod' ? 60 : 15); s > 0; s--) {
          const p = chatPrompt(env, a.rng);
          emit(env, a, net(), {
            ts: t,
            endpoint: a.endpoint,
            model: pickModel(env, a.rng, t, 0.2, CHAT_MIX),
            turns: [{ role: 'user', text: p.q }],
            params: devParams(a.rng),
            answer: { text: p.a },
          });
          t += Math.round(a.rng.logn(3 * MINUTE, 1));
        }
      }
    }
  }
}

// ---------------------------------------------------------------- translation service

export function translators(env: Env, n: number): void {
  const c = env.corp;
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'translation-service',
      persona: 'localisation-pipeline',
      malicious: false,
      createdAt: created(env, env.rng.range(30, 600)),
      tier: 'pro',
      route: 'self-serve',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const client = makeClient(a.rng, a.rng.pick(['openai-py', 'java'] as const));
    const ip = cloudIp(a.rng);
    const perHour = a.rng.int(4, 18);
    for (
      let t = env.clock.start + a.rng.int(0, 10) * HOUR;
      t < env.clock.end;
      t += Math.round(a.rng.exp(HOUR / perHour))
    ) {
      const target = a.rng.pick(LANGS.filter((l) => l !== 'en'));
      const src = a.rng.pick(c.chatQa).a.slice(0, 900);
      emit(
        env,
        a,
        { ip, client },
        {
          ts: t,
          endpoint: a.endpoint,
          model: 'lumen-3',
          system: `Translate the user's text into ${target}. Preserve formatting and placeholders like {name}. Output only the translation.`,
          turns: [{ role: 'user', text: src }],
          params: { temperature: 0.1, max_tokens: 2000 },
          answer: { text: `[${target}] ${src}` },
        },
      );
    }
  }
}

// ---------------------------------------------------------------- honest tool-using apps

const APP_TOOLS: ToolDef[] = [
  {
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  {
    name: 'search_flights',
    description: 'Search flights',
    parameters: {
      type: 'object',
      properties: { from: { type: 'string' }, to: { type: 'string' }, date: { type: 'string' } },
      required: ['from', 'to'],
    },
  },
  {
    name: 'create_event',
    description: 'Add a calendar event',
    parameters: {
      type: 'object',
      properties: { title: { type: 'string' }, when: { type: 'string' } },
      required: ['title', 'when'],
    },
  },
];

export function toolApps(env: Env, n: number): void {
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'tool-agent-app',
      persona: 'assistant-app',
      malicious: false,
      createdAt: created(env, env.rng.range(20, 500)),
      tier: 'pro',
      route: 'self-serve',
      email: consumerEmail(env.rng, companyDomain(env.rng)),
    });
    const client = makeClient(a.rng, a.endpoint === 'messages' ? 'anthropic-js' : 'openai-js');
    const ip = cloudIp(a.rng);
    const users = Array.from({ length: a.rng.int(50, 800) }, () => `usr_${a.rng.alnum(9)}`);
    const daily = a.rng.int(15, 90);
    for (let d = 0; d < env.clock.days; d++) {
      for (let k = 0; k < daily; k++) {
        const t = humanTime(a.rng, env.clock, d, a.country.tz, 'mixed');
        const city = a.rng.pick(['Lisbon', 'Osaka', 'Denver', 'Nairobi', 'Berlin', 'Lima', 'Pune']);
        const which = a.rng.int(0, 2);
        const q =
          which === 0
            ? `what's the weather in ${city} tomorrow?`
            : which === 1
              ? `find me a flight to ${city} next friday`
              : `remind me to call ${a.rng.pick(['mom', 'the dentist', 'Sam'])} at ${a.rng.int(1, 11)}pm`;
        const call: ToolCall = {
          id: callId(a.rng, a.endpoint),
          name: APP_TOOLS[which]?.name ?? 'get_weather',
          args:
            which === 0
              ? { city }
              : which === 1
                ? { from: 'home', to: city }
                : { title: q.slice(12), when: 'today' },
        };
        const net = (): Net => ({ ip, client });
        agentTrajectory(
          env,
          a,
          net,
          t,
          'lumen-3-flash',
          'You are a helpful personal assistant. Use tools when needed.',
          q,
          [
            {
              call,
              result: JSON.stringify({
                ok: true,
                value: a.rng.pick(['18°C, cloudy', '3 options from $210', 'created']),
              }),
            },
          ],
          a.rng.pick(['Done!', 'Here is what I found.', 'All set.']),
          { user: a.rng.pick(users), temperature: 0.5 },
          APP_TOOLS,
          a.endpoint,
        );
      }
    }
  }
}

// ---------------------------------------------------------------- quiet sign-ups

export function quietSignups(env: Env, n: number): void {
  for (let i = 0; i < n; i++) {
    const a = newAccount(env, {
      family: 'quiet-signup',
      persona: 'tried-once',
      malicious: false,
      createdAt: created(env, env.rng.range(-6, 200)),
      tier: env.rng.chance(0.5) ? 'unverified' : 'free',
      route: env.rng.pick(['self-serve', 'self-serve', 'education', 'startup-credits'] as const),
    });
    const client = makeClient(a.rng, a.rng.chance(0.5) ? 'browser' : 'curl');
    const net = homeNet(a, client);
    for (let k = a.rng.int(0, 3); k > 0; k--) {
      const t = humanTime(
        a.rng,
        env.clock,
        a.rng.int(0, env.clock.days - 1),
        a.country.tz,
        'mixed',
      );
      const p = chatPrompt(env, a.rng);
      emit(env, a, net(), {
        ts: t,
        endpoint: a.endpoint,
        model: 'lumen-3-flash',
        turns: [{ role: 'user', text: p.q }],
        params: {},
        answer: { text: p.a },
      });
    }
  }
}
