// Honest families for blind11 (see FAMILIES.md). Heavy, templated and reasoning-heavy where
// real customers are; none of them is labelled malicious.
import type { Corpora, QA } from './corpora.js';
import {
  cap,
  cloudPool,
  createdBefore,
  emitSession,
  Env,
  fill,
  ipCloudEphemeral,
  ipHome,
  ipOfficeHome,
  ipPool,
  officeBlock,
  paymentFp,
  sessionTimes,
  type IpFn,
  type Step,
} from './kit.js';
import {
  adBrief,
  adVariants,
  brand,
  codeDiff,
  companyDomain,
  CONSUMER_DOMAINS,
  contractClause,
  EDU_DOMAINS,
  invoiceText,
  kbArticle,
  langReply,
  LANGS,
  meetingNotes,
  newsParagraph,
  personEmail,
  productReview,
  resume,
  storyPassage,
  supportTicket,
  UI_STRINGS,
  type Lang,
} from './lingo.js';
import {
  clientFor,
  countryByCode,
  makeClient,
  pickCountry,
  residentialIp,
  type Client,
  type ClientKind,
  type Country,
} from './net.js';
import {
  AGENT_FOLLOWUPS,
  AGENT_TASKS,
  AGENT_TOOLS,
  CI_SYSTEM,
  CODING_AGENT_SYSTEM,
  EDTECH_SYSTEM,
  EVAL_FEWSHOT_HEADER,
  FOLLOWUPS,
  JUDGE_SYSTEM,
  KIDS_SYSTEM,
  RESUME_SYSTEM,
  STUDENT_ASKS,
  STUDENT_FOLLOWUPS,
  SUPPORT_SYSTEM,
  SYNTH_TEMPLATES,
} from './prompts.js';
import {
  chatReply,
  codeAnswer,
  judgeJson,
  mathAnswer,
  prose,
  reasoningBudget,
  stripGsm,
  vary,
} from './respond.js';
import type { Rng } from './rng.js';
import {
  DAY,
  HOUR,
  MIN,
  MODELS,
  RHYTHMS,
  sampleTimes,
  type Acct,
  type Call,
  type ModelInfo,
  type NMsg,
  type Rhythm,
  type ToolCall,
} from './world.js';

export interface Family {
  name: string;
  malicious: boolean;
  run: (env: Env) => void;
}

const api = (cl: Client): 'openai' | 'anthropic' => (cl.anthropic ? 'anthropic' : 'openai');

/** Model choice for ordinary users; after the release some try the new model. */
function pickModel(
  r: Rng,
  env: Env,
  ts: number,
  mix: [number, number, number],
  adopt = 0.12,
): ModelInfo {
  if (ts > env.w.release && r.chance(adopt * Math.min(1, (ts - env.w.release) / (2 * DAY) + 0.3))) {
    return MODELS.next;
  }
  const m = r.weighted([
    [MODELS.flagship, mix[0]],
    [MODELS.mini, mix[1]],
    [MODELS.reasoner, mix[2]],
  ] as const);
  return r.chance(0.01) ? MODELS.legacy : m;
}

function consumerEmail(r: Rng): string {
  return personEmail(
    r,
    r.weighted(CONSUMER_DOMAINS),
    r.pick(['plain', 'plain', 'digits', 'dotted'] as const),
  );
}

function clientMix(r: Rng, mix: [ClientKind, number][], anthropicShare: number): Client {
  const kind = r.weighted(mix);
  return clientFor(r, kind, r.chance(anthropicShare));
}

/** Typical optional body fields of an interactive chat client. */
function chatParams(
  r: Rng,
  cl: Client,
  model: ModelInfo,
): { params: Record<string, unknown>; max?: number; stream?: boolean } {
  const params: Record<string, unknown> = {};
  const browser =
    cl.family === 'chrome' ||
    cl.family === 'firefox' ||
    cl.family === 'safari' ||
    cl.family === 'edge';
  if (!model.reasoning && r.chance(browser ? 0.9 : 0.45))
    params.temperature = r.pick([0.7, 1, 0.5, 0.8, 0.2]);
  if (r.chance(0.08)) params.top_p = r.pick([0.9, 0.95, 1]);
  if (model.reasoning && !cl.anthropic && r.chance(0.4))
    params.reasoning_effort = r.pick(['low', 'medium', 'high']);
  const max =
    cl.anthropic || r.chance(browser ? 0.8 : 0.35)
      ? r.pick([1024, 2048, 4096, 4096, 8192])
      : undefined;
  const stream = browser ? true : r.chance(0.5) ? r.chance(0.6) : undefined;
  const out: { params: Record<string, unknown>; max?: number; stream?: boolean } = { params };
  if (max !== undefined) out.max = max;
  if (stream !== undefined) out.stream = stream;
  return out;
}

function mkCall(
  cl: Client,
  model: ModelInfo,
  messages: NMsg[],
  reply: string,
  extra: Partial<Call> = {},
): Call {
  const c: Call = { api: api(cl), model, messages, reply, ...extra };
  if (c.api === 'anthropic' && c.maxTokens === undefined) c.maxTokens = 4096;
  return c;
}

function withChat(r: Rng, cl: Client, model: ModelInfo, extra: Partial<Call>): Partial<Call> {
  const p = chatParams(r, cl, model);
  const out: Partial<Call> = { params: p.params, ...extra };
  if (p.max !== undefined && out.maxTokens === undefined) out.maxTokens = p.max;
  if (p.stream !== undefined && out.stream === undefined) out.stream = p.stream;
  if (model.reasoning && cl.anthropic && r.chance(0.5)) {
    const budget = r.pick([2048, 4000, 8000]);
    out.params = { ...out.params, thinking: { type: 'enabled', budget_tokens: budget } };
    out.maxTokens = Math.max(out.maxTokens ?? 0, budget + 4096);
    delete (out.params as Record<string, unknown>).temperature;
  }
  if (model.reasoning && !cl.anthropic && out.maxTokens !== undefined && r.chance(0.5))
    out.capField = 'max_completion_tokens';
  return out;
}

function humanGap(r: Rng): number {
  return r.lognormal(55_000, 0.8) + 4000;
}

interface Person {
  country: Country;
  tz: number;
  created: number;
  email: string;
  payment: string | null;
  tier: string;
  route: string;
}

function person(
  env: Env,
  r: Rng,
  opts: { countries?: string[]; edu?: boolean; newShare?: number; paidShare?: number } = {},
): Person {
  const country = pickCountry(r, opts.countries);
  const created = r.chance(opts.newShare ?? 0.04)
    ? createdBefore(env.w, r, -6.5, 0)
    : createdBefore(env.w, r, 2, 900);
  const paid = r.chance(opts.paidShare ?? 0.5);
  const email = opts.edu
    ? personEmail(r, r.pick(EDU_DOMAINS), r.pick(['plain', 'digits'] as const))
    : consumerEmail(r);
  return {
    country,
    tz: country.tz,
    created,
    email,
    payment: paid ? paymentFp(r) : null,
    tier: paid
      ? r.weighted([
          ['tier-1', 5],
          ['tier-2', 3],
          ['tier-3', 1],
        ] as const)
      : 'free',
    route: opts.edu && r.chance(0.6) ? 'education' : 'self-serve',
  };
}

function addPerson(
  env: Env,
  family: string,
  persona: string,
  p: Person,
  clients: Client[],
  ip: IpFn,
  signupIp: string,
  extra: { keys?: number } = {},
): Acct {
  return env.w.addAccount({
    family,
    persona,
    malicious: false,
    campaign: null,
    createdAt: p.created,
    email: p.email,
    signupIp,
    payment: p.payment,
    country: p.country.code,
    tz: p.tz,
    tier: p.tier,
    route: p.route,
    clients,
    ip,
    keys: extra.keys ?? 1,
  });
}

/** Session starts for an account: roughly `perWeek` sessions, shaped by the rhythm. */
function starts(
  env: Env,
  r: Rng,
  perWeek: number,
  rh: Rhythm,
  tz: number,
  from?: number,
): number[] {
  const f = Math.max(from ?? env.w.start, env.w.start);
  const days = (env.w.end - f) / DAY;
  const n = r.poisson((perWeek * days) / 7);
  return sampleTimes(r, n, rh, tz, f, env.w.end - 10 * MIN);
}

// ---------------------------------------------------------------------------------------------
// Conversation builders

function pickProblem(r: Rng, c: Corpora): { qa: QA; diff: 'easy' | 'medium' | 'hard' } {
  const x = r.next();
  if (x < 0.6) return { qa: r.pick(c.gsm8kTrain), diff: 'easy' };
  if (x < 0.85) return { qa: r.pick(c.math), diff: 'medium' };
  const f = r.pick(c.flan);
  return { qa: { q: f.q, a: f.r + ' So the answer is ' + f.a + '.' }, diff: 'easy' };
}

/** A casual chat conversation from the corpus: real dialogue turns, or a prompt plus follow-ups. */
function casualStep(
  env: Env,
  seedR: Rng,
): { turns: number; step: (r: Rng, i: number, h: readonly NMsg[], cl: Client) => Step } {
  const c = env.c;
  const useDialogue = seedR.chance(0.45);
  const dialogue = useDialogue ? seedR.pick(c.dialogues) : null;
  const userTurns = dialogue ? dialogue.filter((t) => t.role === 'user') : [];
  const assistantTurns = dialogue ? dialogue.filter((t) => t.role === 'assistant') : [];
  let first: string;
  let mt: string[] | null = null;
  if (!dialogue) {
    const x = seedR.next();
    if (x < 0.45) first = seedR.pick(c.chatPrompts);
    else if (x < 0.65) first = seedR.pick(c.arena).prompt;
    else if (x < 0.8) {
      const m = seedR.pick(c.mtbench);
      first = m.turns[0] ?? seedR.pick(c.chatPrompts);
      mt = m.turns.slice(1);
    } else if (x < 0.9) first = seedR.pick(c.awesome).prompt;
    else first = seedR.pick(c.selfInstruct).instruction;
  } else first = userTurns[0]?.text ?? seedR.pick(c.chatPrompts);
  const turns = dialogue
    ? Math.max(1, Math.min(userTurns.length, 6))
    : Math.min(6, 1 + (seedR.chance(0.55) ? 0 : seedR.int(1, 3)) + (mt ? mt.length : 0));
  const target = Math.round(seedR.lognormal(300, 0.6));
  const model0 = seedR.next();
  const sysRoll = seedR.next();
  const system =
    sysRoll < 0.15
      ? 'You are a helpful assistant.'
      : sysRoll < 0.25
        ? seedR.pick(c.awesome).prompt
        : sysRoll < 0.3
          ? `You are a concise assistant. Answer in ${seedR.pick(['plain text', 'Markdown', 'under 150 words', 'bullet points'])}.`
          : undefined;
  const sysDev = seedR.chance(0.3);
  return {
    turns,
    step: (r, i, _h, cl) => {
      const user =
        i === 0
          ? first
          : dialogue
            ? (userTurns[i]?.text ?? r.pick(FOLLOWUPS))
            : (mt?.[i - 1] ?? r.pick(FOLLOWUPS));
      const base = dialogue ? assistantTurns[i]?.text : undefined;
      const model = model0 < 0.55 ? MODELS.flagship : model0 < 0.88 ? MODELS.mini : MODELS.reasoner;
      const reply =
        base !== undefined && base.length > 0
          ? vary(r, base)
          : chatReply(r, c, i === 0 ? target : Math.round(target * 0.6));
      const extra = withChat(
        r,
        cl,
        model,
        model.reasoning ? { reasoning: reasoningBudget(r, 'easy') } : {},
      );
      if (system !== undefined) {
        extra.system = system;
        if (!cl.anthropic && sysDev) extra.systemRole = 'developer';
      }
      return { add: [{ role: 'user', text: user }], call: mkCall(cl, model, [], reply, extra) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Families

const casualChat: Family = {
  name: 'casual_chat',
  malicious: false,
  run(env) {
    const r = env.fork('casual_chat');
    for (let k = 0; k < env.w.n(860); k++) {
      const p = person(env, r, { paidShare: 0.45 });
      const browser = r.chance(0.45);
      const cl = browser
        ? makeClient(
            r,
            r.weighted([
              ['chrome', 6],
              ['safari', 2],
              ['firefox', 1.5],
              ['edge', 1],
            ] as const),
            { anthropic: r.chance(0.2) },
          )
        : clientMix(
            r,
            [
              ['openai-python', 5],
              ['openai-node', 2],
              ['requests', 1],
              ['curl', 0.6],
              ['langchain', 0.8],
            ],
            0.2,
          );
      const a = addPerson(
        env,
        'casual_chat',
        browser ? 'playground-user' : 'hobby-developer',
        p,
        [cl],
        ipHome(env, r, p.country, 0.2),
        residentialIp(r, p.country),
      );
      const rh = r.pick([RHYTHMS.evening, RHYTHMS.broad, RHYTHMS.office, RHYTHMS.student]);
      const perWeek = Math.min(25, r.lognormal(3.2, 0.85));
      for (const t0 of starts(env, r, perWeek, rh, p.tz, p.created)) {
        const conv = casualStep(env, r);
        emitSession(
          env,
          a,
          sessionTimes(t0, conv.turns, () => humanGap(r)),
          r.u32(),
          conv.step,
        );
      }
    }
  },
};

const studentHomework: Family = {
  name: 'student_homework',
  malicious: false,
  run(env) {
    const r = env.fork('student_homework');
    const c = env.c;
    for (let k = 0; k < env.w.n(270); k++) {
      const campus = env.campus(r.int(0, 9));
      const onCampus = r.chance(0.7);
      const country = onCampus
        ? countryByCode(campus.country)
        : pickCountry(r, ['US', 'IN', 'GB', 'CA', 'PH', 'NG', 'AU', 'PK', 'EG']);
      const p = person(env, r, {
        edu: onCampus && r.chance(0.8),
        countries: [country.code],
        newShare: 0.06,
        paidShare: 0.25,
      });
      p.country = country;
      p.tz = country.tz;
      const home = residentialIp(r, country);
      const pool = env.cgnatFor(country.code);
      const ip: IpFn = (rr, ts) => {
        const h = (((ts / HOUR + country.tz) % 24) + 24) % 24;
        if (onCampus && h > 8 && h < 17 && rr.chance(0.7)) return rr.pick(campus.ips);
        return rr.chance(0.25) ? rr.pick(pool) : home;
      };
      const cl = r.chance(0.55)
        ? makeClient(r, r.pick(['chrome', 'chrome', 'safari', 'firefox'] as const), {
            anthropic: r.chance(0.15),
          })
        : clientMix(
            r,
            [
              ['openai-python', 6],
              ['openai-node', 1],
              ['requests', 1],
            ],
            0.15,
          );
      const a = addPerson(
        env,
        'student_homework',
        'student',
        p,
        [cl],
        ip,
        onCampus ? r.pick(campus.ips) : home,
      );
      const perWeek = r.lognormal(4, 0.6);
      const mix = r.next();
      for (const t0 of starts(env, r, perWeek, RHYTHMS.student, p.tz, p.created)) {
        const turns = r.chance(0.3) ? 1 : r.int(2, 9);
        const seed = r.u32();
        emitSession(
          env,
          a,
          sessionTimes(t0, turns, () => r.lognormal(150_000, 0.7)),
          seed,
          (rr, i, _h, ccl) => {
            const pr = pickProblem(rr, c);
            const guess = String(rr.int(2, 400));
            const text =
              i === 0
                ? fill(rr.pick(STUDENT_ASKS), { p: pr.qa.q, g: guess })
                : fill(rr.pick(STUDENT_FOLLOWUPS), { p: pr.qa.q, g: guess });
            const model = mix < 0.4 ? MODELS.reasoner : mix < 0.8 ? MODELS.flagship : MODELS.mini;
            const reply = mathAnswer(
              rr,
              pr.qa,
              model.reasoning ? rr.pick(['brief', 'steps'] as const) : 'steps',
            );
            const extra = withChat(
              rr,
              ccl,
              model,
              model.reasoning ? { reasoning: reasoningBudget(rr, pr.diff) } : {},
            );
            return { add: [{ role: 'user', text }], call: mkCall(ccl, model, [], reply, extra) };
          },
        );
      }
    }
  },
};

const intlChat: Family = {
  name: 'intl_chat',
  malicious: false,
  run(env) {
    const r = env.fork('intl_chat');
    const c = env.c;
    for (let k = 0; k < env.w.n(230); k++) {
      const lang: Lang = r.weighted(
        LANGS.map(
          (l) => [l, l.code === 'zh' ? 2 : l.code === 'es' || l.code === 'pt' ? 1.6 : 1] as const,
        ),
      );
      const p = person(env, r, { countries: lang.countries, paidShare: 0.4 });
      if (lang.code === 'zh' && r.chance(0.5))
        p.email = personEmail(r, r.pick(['qq.com', '163.com']), 'digits');
      if (lang.code === 'ru' && r.chance(0.5))
        p.email = personEmail(r, r.pick(['yandex.ru', 'mail.ru']));
      if (lang.code === 'ko' && r.chance(0.5)) p.email = personEmail(r, 'naver.com');
      const cl = r.chance(0.5)
        ? makeClient(r, r.pick(['chrome', 'chrome', 'safari', 'edge'] as const), {
            anthropic: r.chance(0.2),
          })
        : clientMix(
            r,
            [
              ['openai-python', 4],
              ['openai-node', 2],
              ['requests', 1],
            ],
            0.2,
          );
      const a = addPerson(
        env,
        'intl_chat',
        'non-english-user',
        p,
        [cl],
        ipHome(env, r, p.country, 0.25),
        residentialIp(r, p.country),
      );
      const perWeek = r.lognormal(4, 0.7);
      for (const t0 of starts(
        env,
        r,
        perWeek,
        r.pick([RHYTHMS.evening, RHYTHMS.broad, RHYTHMS.student]),
        p.tz,
        p.created,
      )) {
        const turns = r.chance(0.5) ? 1 : r.int(2, 4);
        const homework = r.chance(0.15);
        emitSession(
          env,
          a,
          sessionTimes(t0, turns, () => humanGap(r)),
          r.u32(),
          (rr, i, _h, ccl) => {
            let text: string;
            let reply: string;
            if (homework) {
              const pr = pickProblem(rr, c);
              text = fill(rr.pick(lang.homework), { p: pr.qa.q });
              reply = lang.solve + '\n\n' + mathAnswer(rr, pr.qa, 'steps', lang.code);
            } else {
              text = i === 0 || rr.chance(0.6) ? rr.pick(lang.chat) : rr.pick(lang.reply);
              reply = langReply(rr, lang, rr.int(4, 14));
            }
            const model = rr.chance(0.6)
              ? MODELS.flagship
              : rr.chance(0.7)
                ? MODELS.mini
                : MODELS.reasoner;
            const extra = withChat(
              rr,
              ccl,
              model,
              model.reasoning ? { reasoning: reasoningBudget(rr, 'easy') } : {},
            );
            return { add: [{ role: 'user', text }], call: mkCall(ccl, model, [], reply, extra) };
          },
        );
      }
    }
  },
};

const powerUser: Family = {
  name: 'power_user_research',
  malicious: false,
  run(env) {
    const r = env.fork('power_user_research');
    const c = env.c;
    for (let k = 0; k < env.w.n(80); k++) {
      const p = person(env, r, { paidShare: 0.95, newShare: 0 });
      p.tier = r.pick(['tier-2', 'tier-3', 'tier-4']);
      const office = officeBlock(r, 4);
      const home = residentialIp(r, p.country);
      const cls = [
        clientMix(
          r,
          [
            ['openai-python', 5],
            ['openai-node', 2],
            ['curl', 1],
            ['anthropic-python', 2],
          ],
          0.3,
        ),
      ];
      if (r.chance(0.4)) cls.push(makeClient(r, 'chrome', { anthropic: cls[0]!.anthropic }));
      const a = addPerson(
        env,
        'power_user_research',
        r.pick(['ml-researcher', 'indie-developer', 'data-scientist', 'writer']),
        p,
        cls,
        ipOfficeHome(office, home, p.tz),
        home,
      );
      const earlyAdopter = r.chance(0.5);
      const adoptDelay = r.lognormal(3 * HOUR, 0.8);
      const perWeek = r.lognormal(18, 0.5);
      for (const t0 of starts(env, r, perWeek, RHYTHMS.officeLate, p.tz)) {
        const turns = r.chance(0.35) ? 1 : r.int(2, 6);
        const useNext = earlyAdopter && t0 > env.w.release + adoptDelay && r.chance(0.7);
        const reasoningHeavy = r.chance(0.5);
        const item = r.pick(c.arena);
        const mt = r.chance(0.2) ? r.pick(c.mtbench) : null;
        emitSession(
          env,
          a,
          sessionTimes(t0, turns, () => r.lognormal(90_000, 0.9)),
          r.u32(),
          (rr, i, _h, ccl) => {
            const text =
              i === 0
                ? mt
                  ? mt.turns[0]!
                  : item.prompt
                : mt && mt.turns[i]
                  ? mt.turns[i]!
                  : rr.chance(0.5)
                    ? rr.pick(FOLLOWUPS)
                    : rr.pick(c.arena).prompt;
            const model = useNext
              ? MODELS.next
              : reasoningHeavy
                ? MODELS.reasoner
                : MODELS.flagship;
            const coding = /code|program|function|script|python|sql|c\+\+|javascript/i.test(text);
            const reply = coding
              ? codeAnswer(rr, rr.pick(c.mbpp), 'explained') + '\n\n' + prose(rr, c, 120)
              : chatReply(rr, c, Math.round(rr.lognormal(420, 0.6)));
            const extra = withChat(
              rr,
              ccl,
              model,
              model.reasoning
                ? { reasoning: reasoningBudget(rr, rr.pick(['medium', 'hard'] as const)) }
                : {},
            );
            return { add: [{ role: 'user', text }], call: mkCall(ccl, model, [], reply, extra) };
          },
        );
      }
    }
  },
};

// --- coding agents ---------------------------------------------------------------------------

function pytestOutput(r: Rng, pass: boolean): string {
  const n = r.int(8, 140);
  const dots = '.'.repeat(Math.min(60, n));
  if (pass) {
    return `============================= test session starts ==============================\nplatform linux -- Python 3.11.9, pytest-8.3.3, pluggy-1.5.0\nrootdir: /workspace\ncollected ${n} items\n\ntests/test_core.py ${dots} [100%]\n\n============================== ${n} passed in ${r.range(0.4, 40).toFixed(2)}s ==============================`;
  }
  const fn = r.pick([
    'test_empty_input',
    'test_parse_dates',
    'test_roundtrip',
    'test_negative_values',
    'test_large_batch',
  ]);
  return `============================= test session starts ==============================\ncollected ${n} items\n\ntests/test_core.py ${dots.slice(0, 20)}F${dots.slice(21)} [100%]\n\n=================================== FAILURES ===================================\n___________________________ ${fn} ___________________________\n\n    def ${fn}():\n>       assert compute([]) == 0\nE       AssertionError: assert None == 0\nE        +  where None = compute([])\n\ntests/test_core.py:${r.int(10, 300)}: AssertionError\n=========================== short test summary info ============================\nFAILED tests/test_core.py::${fn} - AssertionError: assert None == 0\n========================= 1 failed, ${n - 1} passed in ${r.range(0.4, 40).toFixed(2)}s =========================`;
}

function numbered(src: string): string {
  return src
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(4)}\t${l}`)
    .join('\n');
}

function agentToolResult(r: Rng, c: Corpora, call: ToolCall): string {
  switch (call.name) {
    case 'read_file':
      return numbered(r.pick(r.chance(0.5) ? c.mbpp : c.humaneval).solution);
    case 'list_dir':
      return r
        .sample(
          [
            'README.md',
            'pyproject.toml',
            'src/',
            'tests/',
            'docs/',
            '.github/',
            'setup.cfg',
            'Makefile',
            'requirements.txt',
            'scripts/',
            'CHANGELOG.md',
            '.gitignore',
          ],
          r.int(4, 10),
        )
        .join('\n');
    case 'search': {
      const out: string[] = [];
      for (let i = 0; i < r.int(1, 8); i++)
        out.push(
          `src/${r.pick(['core', 'utils', 'api', 'jobs'])}/${r.pick(['parse', 'compute', 'sync', 'models'])}.py:${r.int(3, 400)}:    ${r.pick(['def compute(items):', 'return compute(batch)', 'from .utils import compute', '# compute totals', 'max_items = config.get("max_items", 100)'])}`,
        );
      return out.join('\n');
    }
    case 'edit_file':
    case 'write_file':
      return r.pick(['File updated successfully.', 'OK: 1 replacement made.', 'Created file.']);
    default:
      return r.chance(0.6)
        ? pytestOutput(r, r.chance(0.55))
        : `$ ${String(call.input.command ?? 'make lint')}\n${r.pick(['All checks passed!', 'src/utils.py:12:1: F401 `os` imported but unused\nFound 1 error.', 'Success: no issues found in 14 source files', 'Build succeeded in 3.2s'])}`;
  }
}

function agentToolCall(r: Rng, c: Corpora, k: number, anth: boolean): ToolCall {
  const name = r.weighted([
    ['read_file', 4],
    ['search', 2],
    ['list_dir', 1],
    ['edit_file', 2.5],
    ['run_command', 2.5],
    ['write_file', 0.4],
  ] as const);
  const id = anth ? 'toolu_01' + r.base36(22) : 'call_' + r.base36(24);
  const path = `src/${r.pick(['core', 'utils', 'api', 'jobs', 'models'])}/${r.pick(['parse', 'compute', 'helpers', 'sync', 'validate'])}.py`;
  let input: Record<string, unknown>;
  switch (name) {
    case 'read_file':
      input = { path };
      break;
    case 'search':
      input = {
        pattern: r.pick(['def compute', 'max_items', 'TODO', 'class .*Config', 'import requests']),
      };
      break;
    case 'list_dir':
      input = { path: r.pick(['.', 'src', 'tests']) };
      break;
    case 'edit_file': {
      const src = r.pick(c.mbpp).solution.split('\n');
      const line = src[Math.min(src.length - 1, r.int(0, 3))] ?? 'pass';
      input = {
        path,
        old_string: line,
        new_string: line + (r.chance(0.5) ? '  # fixed' : '\n    if not items:\n        return 0'),
      };
      break;
    }
    case 'write_file':
      input = {
        path: `tests/test_${r.pick(['core', 'parse', 'compute'])}_${k}.py`,
        content: 'import pytest\n\n' + r.pick(c.mbpp).solution,
      };
      break;
    default:
      input = {
        command: r.pick([
          'pytest -q',
          'pytest tests/test_core.py -x',
          'ruff check .',
          'mypy src',
          'make test',
          'python -m pytest -k compute',
        ]),
      };
  }
  return { id, name, input };
}

const AGENT_NARRATION = [
  'Let me look at the relevant file first.',
  'I will search for where this is defined.',
  'Now let me run the tests to see the current state.',
  "The failure comes from the empty-input case; I'll fix that.",
  'Let me check the test file to understand the expected behaviour.',
  '',
  '',
];

function codingSession(
  env: Env,
  a: Acct,
  t0: number,
  r: Rng,
  workspace: string,
  modelPick: (ts: number) => ModelInfo,
  humanPaced: boolean,
  opts: { task?: string; systemSuffix?: string; rounds?: number; tools?: [number, number] } = {},
): void {
  const c = env.c;
  const fnName = r.pick([
    'compute',
    'parse_rows',
    'merge_intervals',
    'normalize',
    'load_config',
    'retry',
  ]);
  const task = opts.task ?? fill(r.pick(AGENT_TASKS), { fn: '`' + fnName + '`' });
  // plan: sequences of tool steps ending in a final answer; optional human follow-up rounds
  const plan: ('tool' | 'final')[] = [];
  const rounds = opts.rounds ?? (r.chance(0.55) ? 1 : 2);
  for (let k = 0; k < rounds; k++) {
    const tools = r.int(opts.tools?.[0] ?? 2, opts.tools?.[1] ?? 9);
    for (let j = 0; j < tools; j++) plan.push('tool');
    plan.push('final');
  }
  const times: number[] = [t0];
  let t = t0;
  for (let i = 1; i < plan.length; i++) {
    const prev = plan[i - 1]!;
    const gap =
      prev === 'final'
        ? humanPaced
          ? r.lognormal(4 * MIN, 0.9)
          : r.lognormal(3000, 0.4)
        : r.lognormal(humanPaced ? 9000 : 1400, 0.6) + r.lognormal(humanPaced ? 5000 : 700, 0.5);
    t += gap;
    times.push(Math.floor(t));
  }
  const os = r.pick(['linux', 'darwin']);
  const system =
    fill(CODING_AGENT_SYSTEM, {
      os,
      shell: os === 'linux' ? 'bash' : 'zsh',
      workspace,
      date: new Date(t0).toISOString().slice(0, 10),
    }) + (opts.systemSuffix ?? '');
  const narrate = opts.systemSuffix !== undefined;
  emitSession(env, a, times, r.u32(), (rr, i, h, cl) => {
    const kind = plan[i]!;
    const add: NMsg[] = [];
    const last = h[h.length - 1];
    if (i === 0) add.push({ role: 'user', text: task, asBlocks: cl.anthropic && rr.chance(0.5) });
    else if (last && last.role === 'assistant' && last.tools && last.tools.length > 0) {
      add.push({
        role: 'tool',
        results: last.tools.map((tc) => ({ id: tc.id, content: agentToolResult(rr, c, tc) })),
      });
    } else add.push({ role: 'user', text: rr.pick(AGENT_FOLLOWUPS) });
    const model = modelPick(times[i]!);
    let reply = '';
    let tools: ToolCall[] | undefined;
    if (kind === 'tool') {
      reply = narrate
        ? `<analysis>\n${prose(rr, c, rr.int(120, 400))}\n</analysis>`
        : rr.pick(AGENT_NARRATION);
      tools = [agentToolCall(rr, c, i, cl.anthropic)];
      if (rr.chance(0.2)) tools.push(agentToolCall(rr, c, i + 100, cl.anthropic));
    } else {
      reply =
        (narrate
          ? `<retrospective>\n${prose(rr, c, rr.int(200, 600))}\n</retrospective>\n\n`
          : '') +
        `${rr.pick(['Done.', 'I made the following changes:', 'Summary of changes:', 'All tests pass now.'])}\n\n- ${rr.pick(['Handled the empty input case in', 'Added validation to', 'Refactored', 'Added tests for'])} \`${fnName}\`\n- ${rr.pick(['Updated the tests accordingly.', 'No public API changes.', 'Ran the full suite: all green.', 'Left a TODO where the behaviour is unclear.'])}\n\n${prose(rr, c, rr.int(30, 160))}`;
    }
    const call: Omit<Call, 'messages'> = {
      api: api(cl),
      model,
      system,
      systemCache: cl.anthropic,
      tools: AGENT_TOOLS,
      maxTokens: cl.anthropic ? rr.pick([8192, 16000, 32000]) : rr.pick([4096, 8192, 16384]),
      stream: true,
      params: cl.anthropic ? {} : { temperature: 0 },
      reply,
    };
    if (i > 0) call.cacheTail = add.length;
    if (tools) call.replyTools = tools;
    if (model.reasoning) call.reasoning = reasoningBudget(rr, 'easy');
    return { add, call };
  });
}

const codingAgent: Family = {
  name: 'coding_agent_user',
  malicious: false,
  run(env) {
    const r = env.fork('coding_agent_user');
    for (let k = 0; k < env.w.n(115); k++) {
      const p = person(env, r, {
        paidShare: 1,
        newShare: 0.02,
        countries: ['US', 'GB', 'DE', 'IN', 'CA', 'FR', 'NL', 'PL', 'BR', 'JP', 'AU', 'UA', 'IL'],
      });
      p.tier = r.pick(['tier-2', 'tier-3', 'tier-4']);
      if (r.chance(0.5)) p.email = personEmail(r, companyDomain(r));
      const anth = r.chance(0.65);
      const cl = makeClient(r, r.chance(0.55) ? 'ide-plugin' : 'agent-cli', { anthropic: anth });
      const office = officeBlock(r, 6);
      const home = residentialIp(r, p.country);
      const a = addPerson(
        env,
        'coding_agent_user',
        'software-engineer',
        p,
        [cl],
        r.chance(0.5) ? ipOfficeHome(office, home, p.tz) : ipHome(env, r, p.country, 0.05),
        home,
      );
      const perWeek = r.lognormal(10, 0.5);
      const workspace = `/home/${r.pick(['dev', 'alex', 'sam', 'user'])}/${brand(r)}`;
      const useReasoner = r.chance(0.3);
      const earlyAdopter = r.chance(0.3);
      for (const t0 of starts(env, r, perWeek, RHYTHMS.office, p.tz, p.created)) {
        codingSession(
          env,
          a,
          t0,
          r,
          workspace,
          (ts) =>
            earlyAdopter && ts > env.w.release + 6 * HOUR
              ? MODELS.next
              : useReasoner
                ? MODELS.reasoner
                : MODELS.flagship,
          true,
        );
      }
    }
  },
};

// --- pipelines -------------------------------------------------------------------------------

interface PipelineKind {
  name: string;
  system: string;
  doc: (r: Rng, c: Corpora) => string;
  user: (doc: string) => string;
  reply: (r: Rng, doc: string) => string;
  json: boolean;
  max: number;
}

const PIPELINES: PipelineKind[] = [
  {
    name: 'ticket-triage',
    system:
      'You triage customer support tickets. Return JSON with keys category (billing|shipping|defect|account|other), sentiment (negative|neutral|positive), urgency (1-5) and summary (one sentence).',
    doc: (r) => supportTicket(r),
    user: (d) => `Ticket:\n"""\n${d}\n"""`,
    reply: (r) =>
      JSON.stringify({
        category: r.pick(['billing', 'shipping', 'defect', 'account', 'other']),
        sentiment: r.pick(['negative', 'negative', 'neutral', 'positive']),
        urgency: r.int(1, 5),
        summary: r.pick([
          'Customer reports a defective item and wants a replacement.',
          'Customer was double charged and asks for a refund.',
          'Delivery is late and tracking is missing.',
          'Customer cannot log in to the app.',
        ]),
      }),
    json: true,
    max: 200,
  },
  {
    name: 'review-classify',
    system:
      'Classify the product review. Output JSON: {"rating_guess": 1-5, "aspects": [..], "would_recommend": true|false}.',
    doc: (r) => productReview(r),
    user: (d) => d,
    reply: (r) =>
      JSON.stringify({
        rating_guess: r.int(1, 5),
        aspects: r.sample(
          ['battery', 'price', 'quality', 'shipping', 'noise', 'size', 'app'],
          r.int(1, 3),
        ),
        would_recommend: r.chance(0.6),
      }),
    json: true,
    max: 150,
  },
  {
    name: 'invoice-extract',
    system:
      'Extract invoice fields as JSON: invoice_number, vendor, date, due_terms, currency, total, line_items[].',
    doc: (r) => invoiceText(r),
    user: (d) => d,
    reply: (r, d) =>
      JSON.stringify({
        invoice_number: /INVOICE (\S+)/.exec(d)?.[1] ?? null,
        vendor: /From: (.*)/.exec(d)?.[1] ?? null,
        currency: /(USD|EUR|GBP)/.exec(d)?.[1] ?? null,
        total: /Total due: ([\d.]+)/.exec(d)?.[1] ?? null,
        line_items: r.int(1, 5),
      }),
    json: true,
    max: 400,
  },
  {
    name: 'meeting-summary',
    system:
      'Summarise meeting notes into: Decisions, Action items (owner, due), Risks. Use bullet points. Max 120 words.',
    doc: (r) => meetingNotes(r),
    user: (d) => d,
    reply: (r, d) =>
      `**Decisions**\n- ${d.split('\n')[3]?.slice(2) ?? 'None recorded.'}\n\n**Action items**\n- ${r.pick(['Follow up with vendor', 'Finalise budget', 'Send headcount'])} (owner: ${r.pick(['Maria', 'Jonas', 'Wei', 'Priya'])}, due ${r.pick(['Fri', 'next week'])})\n\n**Risks**\n- ${r.pick(['Timeline slip', 'Budget overrun', 'Customer churn', 'None noted'])}`,
    json: false,
    max: 300,
  },
  {
    name: 'clause-risk',
    system:
      'You are a contract analyst. For the clause given, return JSON {"clause_type": str, "risk": "low"|"medium"|"high", "reason": str}.',
    doc: (r) => contractClause(r),
    user: (d) => d,
    reply: (r) =>
      JSON.stringify({
        clause_type: r.pick([
          'termination',
          'liability',
          'payment',
          'confidentiality',
          'data_protection',
        ]),
        risk: r.pick(['low', 'medium', 'high']),
        reason: r.pick([
          'Standard market terms.',
          'Short notice period favours the supplier.',
          'Liability cap is unusually low.',
          'Survival clause is broad.',
        ]),
      }),
    json: true,
    max: 200,
  },
  {
    name: 'article-summary',
    system: 'Summarise the article in 3 bullet points for a newsletter. Neutral tone.',
    doc: (r, c) => newsParagraph(r, c.replies),
    user: (d) => `Article:\n${d}`,
    reply: (r, d) => {
      const s = d.split(/(?<=\.)\s+/).filter((x) => x.length > 20);
      return `- ${s[0] ?? d.slice(0, 100)}\n- ${s[1] ?? 'Further details are provided.'}\n- ${r.pick(['The outlook remains uncertain.', 'More information is expected soon.', 'Readers can find links below.'])}`;
    },
    json: false,
    max: 250,
  },
];

const docPipeline: Family = {
  name: 'batch_doc_pipeline',
  malicious: false,
  run(env) {
    const r = env.fork('batch_doc_pipeline');
    const c = env.c;
    for (let k = 0; k < env.w.n(24); k++) {
      const kind = PIPELINES[k % PIPELINES.length]!;
      const country = pickCountry(r, ['US', 'GB', 'DE', 'IN', 'FR', 'NL', 'CA', 'AU', 'BR', 'JP']);
      const pool = cloudPool(
        r,
        r.pick(['aws-us-east', 'aws-eu', 'gcp-us', 'azure-eu', 'gcp-eu', 'aws-us-west'] as const),
        r.int(1, 4),
      );
      const cl = makeClient(
        r,
        r.pick([
          'openai-python',
          'openai-python',
          'go',
          'java',
          'requests',
          'openai-node',
        ] as const),
      );
      const dom = companyDomain(r);
      const a = env.w.addAccount({
        family: 'batch_doc_pipeline',
        persona: 'saas-pipeline:' + kind.name,
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 30, 600),
        email: `${r.pick(['ops', 'platform', 'ml', 'data', 'eng', 'admin'])}@${dom}`,
        signupIp: pool[0]!,
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: r.pick(['tier-3', 'tier-4', 'tier-5']),
        route: r.chance(0.3) ? 'enterprise' : 'self-serve',
        clients: [cl],
        ip: ipPool(pool),
        keys: r.int(1, 3),
      });
      const model = r.chance(0.7) ? MODELS.mini : MODELS.flagship;
      const mode = r.pick(['cron', 'queue'] as const);
      const explicitNoStream = r.chance(0.35);
      const target = r.lognormal(1100, 0.5) * env.w.scale;
      const emitOne = (ts: number) =>
        env.one(a, ts, (rr, ccl) => {
          const doc = kind.doc(rr, c);
          const call = mkCall(
            ccl,
            model,
            [{ role: 'user', text: kind.user(doc) }],
            kind.reply(rr, doc),
            {
              system: kind.system,
              maxTokens: kind.max,
              params:
                kind.json && !ccl.anthropic
                  ? { temperature: 0, response_format: { type: 'json_object' } }
                  : { temperature: 0 },
            },
          );
          if (explicitNoStream) call.stream = false;
          if (rr.chance(0.003)) call.status = 429;
          return call;
        });
      if (mode === 'cron') {
        const every = r.pick([15, 30, 60, 120]) * MIN;
        const runs = Math.floor((env.w.end - env.w.start) / every);
        const perRun = Math.max(1, Math.round(target / runs));
        const offset = r.int(0, 5) * MIN + r.int(0, 59) * 1000;
        for (let t = env.w.start + offset; t < env.w.end; t += every) {
          const n = Math.max(
            0,
            Math.round(perRun * r.range(0.5, 1.5) * rhythmFactor(t, country.tz)),
          );
          let s = t + r.int(0, 20_000);
          for (let i = 0; i < n; i++) {
            s += r.lognormal(900, 0.4);
            emitOne(s);
          }
        }
      } else {
        const times = sampleTimes(
          r,
          Math.round(target),
          RHYTHMS.broad,
          country.tz,
          env.w.start,
          env.w.end,
        );
        for (const t of times) emitOne(t);
      }
    }
  },
};

function rhythmFactor(ts: number, tz: number): number {
  const h = (((ts / HOUR + tz) % 24) + 24) % 24;
  return h >= 7 && h < 20 ? 1.4 : 0.5;
}

// --- evaluation harness companies ----------------------------------------------------------

const evalHarness: Family = {
  name: 'eval_harness',
  malicious: false,
  run(env) {
    const r = env.fork('eval_harness');
    const c = env.c;
    const fewshot = c.gsm8kTrain.slice(0, 8).map((x) => {
      const g = stripGsm(x.a);
      return `Question: ${x.q}\nAnswer: ${g.steps.join(' ')} The answer is ${g.answer}.`;
    });
    for (let k = 0; k < env.w.n(8); k++) {
      const country = pickCountry(r, ['US', 'GB', 'DE', 'FR', 'CA', 'SG']);
      const pool = cloudPool(
        r,
        r.pick(['gcp-us', 'aws-us-east', 'aws-eu', 'azure-us'] as const),
        r.int(1, 3),
      );
      const cl = makeClient(r, r.pick(['openai-python', 'openai-python', 'aiohttp'] as const), {
        anthropic: r.chance(0.25),
      });
      const a = env.w.addAccount({
        family: 'eval_harness',
        persona: 'benchmark-company',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 60, 700),
        email: `${r.pick(['evals', 'research', 'bench', 'team'])}@${companyDomain(r)}`,
        signupIp: pool[0]!,
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: r.pick(['tier-4', 'tier-5']),
        route: r.chance(0.5) ? 'enterprise' : 'self-serve',
        clients: [cl],
        ip: ipPool(pool),
        keys: 2,
        ...(r.chance(0.3) ? { verified: true } : {}),
      });
      const concurrency = r.pick([4, 8, 16, 32]);
      const gap = () => r.lognormal(12_000 / concurrency, 0.5);
      // which runs: 1-3 benchmark runs at different times, one of them possibly on the new model
      const runs: { at: number; bench: string; model: ModelInfo }[] = [];
      const nRuns = r.int(1, 3);
      for (let i = 0; i < nRuns; i++) {
        runs.push({
          at: env.w.start + r.range(0.2, 6.5) * DAY,
          bench: r.pick(['gsm8k', 'math500', 'humaneval', 'mbpp', 'mtbench', 'qasc']),
          model: r.pick([MODELS.flagship, MODELS.mini, MODELS.reasoner]),
        });
      }
      if (k < 3)
        runs.push({
          at: env.w.release + r.range(2, 20) * HOUR,
          bench: r.pick(['gsm8k', 'math500', 'humaneval']),
          model: MODELS.next,
        });
      for (const run of runs) {
        let t = run.at;
        const maxTok = r.pick([512, 1024, 2048]);
        const items: (() => {
          user: string;
          reply: (rr: Rng) => string;
          diff: 'easy' | 'medium' | 'hard';
        })[] = [];
        if (run.bench === 'gsm8k') {
          for (const q of c.gsm8kTest)
            items.push(() => ({
              user: EVAL_FEWSHOT_HEADER + fewshot.join('\n\n') + `\n\nQuestion: ${q.q}\nAnswer:`,
              reply: (rr) => mathAnswer(rr, q, 'brief'),
              diff: 'easy',
            }));
        } else if (run.bench === 'math500') {
          for (const q of c.math)
            items.push(() => ({
              user: `Solve the following math problem. Put the final answer in \\boxed{}.\n\n${q.q}`,
              reply: (rr) => mathAnswer(rr, q, 'steps'),
              diff: 'medium',
            }));
        } else if (run.bench === 'humaneval') {
          for (const h of c.humaneval)
            items.push(() => ({
              user: `Complete the following Python function. Return only the code.\n\n\`\`\`python\n${h.prompt}\`\`\``,
              reply: (rr) => codeAnswer(rr, h, 'code'),
              diff: 'medium',
            }));
        } else if (run.bench === 'mbpp') {
          for (const m of c.mbpp.slice(0, 500))
            items.push(() => ({
              user: `You are an expert Python programmer. ${m.prompt} Your code should pass the tests.`,
              reply: (rr) => codeAnswer(rr, m, 'code'),
              diff: 'easy',
            }));
        } else if (run.bench === 'mtbench') {
          for (const m of c.mtbench)
            items.push(() => ({
              user: m.turns[0]!,
              reply: (rr) => chatReply(rr, c, 400),
              diff: 'easy',
            }));
        } else {
          for (const f of c.flan.filter((x) => x.src === 'qasc').slice(0, 800))
            items.push(() => ({
              user: `${f.q}\nAnswer with the letter only.`,
              reply: () => f.a,
              diff: 'easy',
            }));
        }
        for (const it of items) {
          t += gap();
          env.one(a, t, (rr, ccl) => {
            const x = it();
            const extra: Partial<Call> = {
              maxTokens: run.model.reasoning ? 16000 : maxTok,
              params: run.model.reasoning ? { seed: 1234 } : { temperature: 0, seed: 1234 },
            };
            if (run.model.reasoning) extra.reasoning = reasoningBudget(rr, x.diff);
            if (rr.chance(0.004)) extra.status = rr.chance(0.7) ? 429 : 500;
            return mkCall(ccl, run.model, [{ role: 'user', text: x.user }], x.reply(rr), extra);
          });
        }
      }
    }
  },
};

// --- LLM-as-judge vendors ------------------------------------------------------------------

const judgeVendor: Family = {
  name: 'llm_judge_vendor',
  malicious: false,
  run(env) {
    const r = env.fork('llm_judge_vendor');
    const c = env.c;
    for (let v = 0; v < 2; v++) {
      const dom = companyDomain(r);
      const country = pickCountry(r, ['US', 'GB', 'DE']);
      const pay = paymentFp(r);
      const pool = cloudPool(r, r.pick(['aws-us-east', 'gcp-us', 'aws-eu'] as const), 3);
      const verified = v === 0;
      for (let k = 0; k < env.w.n(2); k++) {
        const cl = makeClient(r, r.pick(['openai-python', 'aiohttp'] as const), {
          anthropic: false,
        });
        const a = env.w.addAccount({
          family: 'llm_judge_vendor',
          persona: 'evaluation-vendor',
          malicious: false,
          campaign: null,
          createdAt: createdBefore(env.w, r, 90, 500),
          email: `${r.pick(['platform', 'eval-prod', 'eval-staging', 'infra'])}@${dom}`,
          signupIp: pool[0]!,
          payment: pay,
          country: country.code,
          tz: country.tz,
          tier: 'enterprise',
          route: 'enterprise',
          clients: [cl],
          ip: ipPool(pool),
          keys: 3,
          ...(verified
            ? {
                verified: true,
                contract: {
                  type: 'enterprise-msa',
                  signedAt: '2025-06-12',
                  useCase: 'automated evaluation of customer model outputs',
                  volumeTier: 'committed',
                },
              }
            : {}),
        });
        const n = Math.round(r.lognormal(2800, 0.3) * env.w.scale);
        const model = r.chance(0.5) ? MODELS.flagship : MODELS.reasoner;
        for (const t of sampleTimes(r, n, RHYTHMS.nearFlat, country.tz, env.w.start, env.w.end)) {
          env.one(a, t, (rr, ccl) => {
            const pair = rr.chance(0.5);
            const q = rr.chance(0.5)
              ? rr.pick(c.chatPrompts)
              : rr.chance(0.5)
                ? rr.pick(c.arena).prompt
                : rr.pick(c.mtbench).turns[0]!;
            const ra = chatReply(rr, c, rr.int(120, 500));
            const user = pair
              ? `[User question]\n${q}\n\n[Response A]\n${ra}\n\n[Response B]\n${chatReply(rr, c, rr.int(120, 500))}`
              : `[User question]\n${q}\n\n[Response]\n${ra}`;
            const extra: Partial<Call> = {
              system: JUDGE_SYSTEM,
              maxTokens: 600,
              params: model.reasoning
                ? {}
                : { temperature: 0, response_format: { type: 'json_object' } },
            };
            if (model.reasoning) extra.reasoning = reasoningBudget(rr, 'easy');
            return mkCall(
              ccl,
              model,
              [{ role: 'user', text: user }],
              judgeJson(
                rr,
                ['correctness', 'helpfulness', 'instruction_following', 'safety', 'clarity'],
                pair,
              ),
              extra,
            );
          });
        }
      }
    }
  },
};

// --- ed-tech step-by-step apps -------------------------------------------------------------

const edtechApp: Family = {
  name: 'edtech_stepbystep',
  malicious: false,
  run(env) {
    const r = env.fork('edtech_stepbystep');
    for (let k = 0; k < env.w.n(3); k++) {
      const country = countryByCode(['US', 'IN', 'BR'][k % 3]!);
      const pool = cloudPool(r, r.pick(['aws-us-east', 'gcp-us', 'aws-ap'] as const), r.int(2, 6));
      const cl = makeClient(r, r.pick(['openai-node', 'openai-python'] as const));
      const name = cap(brand(r));
      const a = env.w.addAccount({
        family: 'edtech_stepbystep',
        persona: 'edtech-app',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 100, 800),
        email: `dev@${name.toLowerCase()}learning.com`,
        signupIp: pool[0]!,
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: 'tier-5',
        route: r.chance(0.5) ? 'enterprise' : 'self-serve',
        clients: [cl],
        ip: ipPool(pool),
        keys: 2,
      });
      const system = fill(EDTECH_SYSTEM, { name: name + ' Tutor', grades: '3-8', age: '10' });
      edtechTraffic(
        env,
        a,
        r,
        system,
        Math.round(r.lognormal(4300, 0.25) * env.w.scale),
        country.tz,
      );
    }
  },
};

/** App traffic of a tutoring product: many short student sessions, school-day shaped. */
export function edtechTraffic(
  env: Env,
  a: Acct,
  r: Rng,
  system: string,
  n: number,
  tz: number,
): void {
  const c = env.c;
  const model = r.chance(0.6) ? MODELS.flagship : MODELS.mini;
  const sessions = Math.round(n / 2.2);
  for (const t0 of sampleTimes(r, sessions, RHYTHMS.school, tz, env.w.start, env.w.end)) {
    const turns = r.chance(0.5) ? 1 : r.int(2, 5);
    const user = 'u_' + r.hex(12);
    emitSession(
      env,
      a,
      sessionTimes(t0, turns, () => r.lognormal(70_000, 0.6)),
      r.u32(),
      (rr, i, _h, cl) => {
        const qa = rr.chance(0.85) ? rr.pick(c.gsm8kTrain) : rr.pick(c.gsm8kTest);
        const text =
          i === 0
            ? rr.chance(0.7)
              ? qa.q
              : fill(rr.pick(STUDENT_ASKS), { p: qa.q, g: String(rr.int(1, 99)) })
            : fill(rr.pick(STUDENT_FOLLOWUPS), { p: qa.q, g: String(rr.int(1, 99)) });
        return {
          add: [{ role: 'user', text }],
          call: mkCall(cl, model, [], mathAnswer(rr, qa, 'steps'), {
            system,
            maxTokens: 900,
            params: { temperature: 0.3, user },
            stream: true,
          }),
        };
      },
    );
  }
}

// --- licensed synthetic-data customer --------------------------------------------------------

const licensedSynth: Family = {
  name: 'licensed_synthetic_data',
  malicious: false,
  run(env) {
    const r = env.fork('licensed_synthetic_data');
    const c = env.c;
    for (let k = 0; k < env.w.n(2); k++) {
      const country = countryByCode(k === 0 ? 'US' : 'GB');
      const pool = cloudPool(r, k === 0 ? 'aws-us-west' : 'gcp-eu', 4);
      const cl = makeClient(r, 'openai-python');
      const dom = companyDomain(r);
      const a = env.w.addAccount({
        family: 'licensed_synthetic_data',
        persona: 'synthetic-data-licensee',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 40, 200),
        email: `data-eng@${dom}`,
        signupIp: pool[0]!,
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: 'enterprise',
        route: 'enterprise',
        clients: [cl],
        ip: ipPool(pool),
        keys: 4,
        verified: true,
        contract: {
          type: 'synthetic-data-license',
          signedAt: '2025-12-01',
          expiresAt: '2026-11-30',
          permittedUse: 'training data generation for licensee models',
          outputOwnership: 'licensee',
          monthlyTokenCommit: 2_000_000_000,
          counterparty: dom,
        },
      });
      const n = Math.round(r.lognormal(4800, 0.2) * env.w.scale);
      for (const t of sampleTimes(r, n, RHYTHMS.flat, 0, env.w.start, env.w.end)) {
        env.one(a, t, (rr, ccl) => {
          const x = rr.next();
          let user: string;
          let reply: string;
          let diff: 'easy' | 'medium' | 'hard' = 'medium';
          if (x < 0.4) {
            const q = rr.pick(c.gsm8kTrain);
            user = fill(rr.pick(SYNTH_TEMPLATES.slice(0, 3)), { p: q.q });
            reply = mathAnswer(rr, q, 'exhaustive');
            diff = 'easy';
          } else if (x < 0.7) {
            const q = rr.chance(0.7) ? rr.pick(c.math) : rr.pick(c.olympiad);
            user = fill(rr.pick(SYNTH_TEMPLATES.slice(0, 3)), { p: q.q });
            reply = mathAnswer(rr, q, 'exhaustive');
            diff = 'hard';
          } else {
            const t2 = rr.pick(c.mbpp);
            user = fill(SYNTH_TEMPLATES[3]!, { p: t2.prompt });
            reply = codeAnswer(rr, t2, 'exhaustive');
          }
          const model =
            t > env.w.release + 4 * HOUR && rr.chance(0.5)
              ? MODELS.next
              : rr.chance(0.6)
                ? MODELS.reasoner
                : MODELS.flagship;
          const extra: Partial<Call> = {
            maxTokens: 4096,
            n: rr.pick([1, 2, 4]),
            params: { temperature: rr.pick([0.7, 0.8, 1]) },
            fillToCap: rr.chance(0.1),
          };
          if (model.reasoning) {
            extra.reasoning = Math.min(3000, reasoningBudget(rr, diff));
            extra.maxTokens = 8192;
          }
          return mkCall(ccl, model, [{ role: 'user', text: user }], reply, extra);
        });
      }
    }
  },
};

// --- university lab using logprobs with a fixed label set ----------------------------------

const LABEL_SETS: { labels: string[]; ids: number[]; task: string }[] = [
  { labels: ['Yes', 'No'], ids: [9642, 2822], task: 'Answer the question with Yes or No only.' },
  {
    labels: ['positive', 'negative', 'neutral'],
    ids: [46065, 46476, 60502],
    task: 'Classify the sentiment of the text as positive, negative or neutral. Answer with one word.',
  },
  {
    labels: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
    ids: [32, 33, 34, 35, 36, 37, 38, 39],
    task: 'Choose the correct option. Answer with the letter only.',
  },
  {
    labels: ['entailment', 'contradiction', 'neutral'],
    ids: [306, 8510, 60502],
    task: 'Does the premise entail the hypothesis? Answer entailment, contradiction or neutral.',
  },
];

function logprobResp(r: Rng, labels: string[]): unknown {
  const top = r
    .sample(labels, Math.min(labels.length, 5))
    .map((t, i) => ({ token: t, logprob: -(i === 0 ? r.range(0.001, 0.4) : r.range(1, 9)) }));
  return { content: [{ token: top[0]!.token, logprob: top[0]!.logprob, top_logprobs: top }] };
}

const logprobLab: Family = {
  name: 'university_logprob_lab',
  malicious: false,
  run(env) {
    const r = env.fork('university_logprob_lab');
    const c = env.c;
    const bysrc = (src: string) => {
      const xs = c.flan.filter((x) => x.src === src);
      return xs.length > 0 ? xs : c.flan;
    };
    const qasc = bysrc('qasc');
    const strategy = bysrc('strategyqa');
    for (let k = 0; k < env.w.n(6); k++) {
      const campus = env.campus(k % 4);
      const country = countryByCode(campus.country);
      const cl = makeClient(r, r.pick(['openai-python', 'requests'] as const));
      const hpc = cloudPool(r, 'aws-us-east', 1);
      const a = env.w.addAccount({
        family: 'university_logprob_lab',
        persona: 'academic-lab',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 10, 400),
        email: personEmail(r, r.chance(0.5) ? 'cs.' + campus.domain : campus.domain),
        signupIp: r.pick(campus.ips),
        payment: r.chance(0.5) ? paymentFp(r) : null,
        country: country.code,
        tz: country.tz,
        tier: r.pick(['tier-1', 'tier-2', 'free']),
        route: 'research',
        clients: [cl],
        ip: (rr) => (rr.chance(0.75) ? rr.pick(campus.ips) : rr.pick(hpc)),
      });
      const set = LABEL_SETS[k % LABEL_SETS.length]!;
      // 2-4 experiment bursts over the week
      for (let b = 0; b < r.int(2, 4); b++) {
        const startAt =
          sampleTimes(r, 1, RHYTHMS.officeLate, country.tz, env.w.start, env.w.end - 6 * HOUR)[0] ??
          env.w.start;
        const n = Math.round(r.int(150, 500) * env.w.scale);
        let t = startAt;
        const topk = r.pick([5, 10, 20]);
        for (let i = 0; i < n; i++) {
          t += r.lognormal(1500, 0.6);
          env.one(a, t, (rr, ccl) => {
            let text: string;
            if (set.labels.length === 8) {
              const f = rr.pick(qasc);
              text = f.q;
            } else if (set.labels[0] === 'Yes') text = rr.pick(strategy).q;
            else if (set.labels[0] === 'positive') text = productReview(rr);
            else text = `Premise: ${rr.pick(c.sentences)}\nHypothesis: ${rr.pick(c.sentences)}`;
            const bias: Record<string, number> = {};
            for (const id of set.ids) bias[String(id)] = 100;
            return mkCall(
              ccl,
              MODELS.flagship,
              [{ role: 'user', text: `${set.task}\n\n${text}` }],
              rr.pick(set.labels),
              {
                maxTokens: 1,
                params: { temperature: 0, logprobs: true, top_logprobs: topk, logit_bias: bias },
                respLogprobs: logprobResp(rr, set.labels),
              },
            );
          });
        }
      }
    }
  },
};

// --- CI review bots ----------------------------------------------------------------------------

const ciBot: Family = {
  name: 'ci_review_bot',
  malicious: false,
  run(env) {
    const r = env.fork('ci_review_bot');
    const c = env.c;
    for (let k = 0; k < env.w.n(10); k++) {
      const country = pickCountry(r, ['US', 'DE', 'GB', 'IN', 'CA', 'NL', 'FR', 'PL']);
      const cl = makeClient(r, r.pick(['openai-node', 'openai-python', 'curl'] as const), {
        anthropic: r.chance(0.3),
      });
      const dom = companyDomain(r);
      const a = env.w.addAccount({
        family: 'ci_review_bot',
        persona: 'ci-bot',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 20, 500),
        email: `ci@${dom}`,
        signupIp: residentialIp(r, country),
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: r.pick(['tier-2', 'tier-3']),
        route: 'self-serve',
        clients: [cl],
        ip: ipCloudEphemeral('gh-actions'),
      });
      const repo = `${dom.split('.')[0]}/${r.pick(['api', 'web', 'backend', 'platform', 'core'])}`;
      const pushes = Math.round(r.lognormal(90, 0.5) * env.w.scale);
      const model = r.chance(0.5) ? MODELS.flagship : MODELS.mini;
      const times = sampleTimes(r, pushes, RHYTHMS.office, country.tz, env.w.start, env.w.end);
      // nightly job
      for (let d = 0; d < 7; d++)
        times.push(
          env.w.start +
            d * DAY +
            ((((2 - country.tz) % 24) + 24) % 24) * HOUR +
            7 * MIN +
            r.int(0, 40) * 1000,
        );
      for (const t0 of times) {
        const files = r.int(1, 6);
        let t = t0 + r.lognormal(40_000, 0.5);
        for (let f = 0; f < files; f++) {
          t += r.lognormal(2500, 0.5);
          env.one(a, t, (rr, ccl) => {
            const d = codeDiff(rr, rr.pick(c.mbpp).solution);
            const reply = rr.chance(0.3)
              ? 'LGTM'
              : `**${d.path}**\n\n- Line ${rr.int(2, 30)}: ${rr.pick(['possible `None` dereference when the list is empty', 'the new variable name shadows a builtin', 'missing test for the new branch', 'debug logging left in', 'assert used for input validation; raise ValueError instead'])}.\n  Suggestion: ${rr.pick(['add an early return', 'rename to `items_new`', 'add a unit test covering the empty case', 'remove the log line', 'replace with an explicit check'])}.`;
            return mkCall(
              ccl,
              model,
              [{ role: 'user', text: '```diff\n' + d.text + '\n```' }],
              reply,
              { system: fill(CI_SYSTEM, { repo }), maxTokens: 1500, params: { temperature: 0.2 } },
            );
          });
        }
      }
    }
  },
};

// --- single-template business tools ------------------------------------------------------------

function templateTool(
  name: string,
  persona: string,
  count: number,
  perAcct: number,
  rh: Rhythm,
  build: (
    r: Rng,
    c: Corpora,
    acct: { company: string },
  ) => {
    system: string;
    user: string;
    reply: string;
    n?: number;
    temp: number;
    max: number;
    json?: boolean;
  },
  model: () => ModelInfo,
  burst = false,
): Family {
  return {
    name,
    malicious: false,
    run(env) {
      const r = env.fork(name);
      for (let k = 0; k < env.w.n(count); k++) {
        const country = pickCountry(r, [
          'US',
          'GB',
          'DE',
          'CA',
          'AU',
          'IN',
          'FR',
          'NL',
          'SG',
          'BR',
        ]);
        const pool = cloudPool(
          r,
          r.pick([
            'aws-us-east',
            'gcp-us',
            'azure-eu',
            'digitalocean',
            'hetzner',
            'aws-eu',
          ] as const),
          r.int(1, 3),
        );
        const cl = makeClient(
          r,
          r.pick(['openai-node', 'openai-python', 'go', 'requests'] as const),
          { anthropic: r.chance(0.2) },
        );
        const company = cap(brand(r));
        const a = env.w.addAccount({
          family: name,
          persona,
          malicious: false,
          campaign: null,
          createdAt: createdBefore(env.w, r, 15, 600),
          email: `${r.pick(['founders', 'dev', 'hello', 'api', 'cto'])}@${company.toLowerCase()}.${r.pick(['io', 'com', 'app', 'ai'])}`,
          signupIp: pool[0]!,
          payment: paymentFp(r),
          country: country.code,
          tz: country.tz,
          tier: r.pick(['tier-2', 'tier-3', 'tier-4']),
          route: r.chance(0.2) ? 'startup-credits' : 'self-serve',
          clients: [cl],
          ip: ipPool(pool),
        });
        const m = model();
        const noStream = r.chance(0.3);
        const n = Math.round(r.lognormal(perAcct, 0.35) * env.w.scale);
        let times: number[];
        if (burst) {
          times = [];
          const bursts = r.int(3, 8);
          for (const b of sampleTimes(
            r,
            bursts,
            rh,
            country.tz,
            env.w.start,
            env.w.end - 2 * HOUR,
          )) {
            let t = b;
            const size = Math.round(n / bursts);
            for (let i = 0; i < size; i++) {
              t += r.lognormal(3500, 0.6);
              times.push(t);
            }
          }
        } else times = sampleTimes(r, n, rh, country.tz, env.w.start, env.w.end);
        for (const t of times) {
          env.one(a, t, (rr, ccl) => {
            const x = build(rr, env.c, { company });
            const extra: Partial<Call> = {
              system: x.system,
              maxTokens: x.max,
              params:
                x.json && !ccl.anthropic
                  ? { temperature: x.temp, response_format: { type: 'json_object' } }
                  : { temperature: x.temp },
            };
            if (noStream) extra.stream = false;
            if (x.n !== undefined && !ccl.anthropic) extra.n = x.n;
            return mkCall(ccl, m, [{ role: 'user', text: x.user }], x.reply, extra);
          });
        }
      }
    },
  };
}

const JDS = [
  'Senior Backend Engineer (Python, Postgres, AWS). 5+ years. Experience with high-traffic APIs.',
  'Registered Nurse, night shifts, ICU experience preferred, BLS required.',
  'Marketing Coordinator: social media, SEO basics, Canva, strong writing.',
  'Warehouse Supervisor: forklift certification, team of 15, WMS systems.',
  'Data Analyst: SQL, Tableau, stakeholder communication, A/B testing.',
];

const resumeScreener = templateTool(
  'resume_screener',
  'hr-screening-saas',
  4,
  1500,
  RHYTHMS.office,
  (r) => ({
    system: fill(RESUME_SYSTEM, { company: cap(brand(r)) + ' Inc.', jd: r.pick(JDS) }),
    user: `Résumé:\n${resume(r)}`,
    reply: JSON.stringify({
      match_score: r.int(10, 95),
      strengths: r.sample(
        ['relevant experience', 'strong SQL', 'leadership', 'certifications', 'domain knowledge'],
        2,
      ),
      gaps: r.sample(
        ['no cloud experience', 'short tenure', 'missing certification', 'no team lead experience'],
        r.int(0, 2),
      ),
      recommendation: r.pick(['advance', 'hold', 'reject']),
    }),
    temp: 0,
    max: 400,
    json: true,
  }),
  () => MODELS.mini,
  true,
);

const adcopyTool = templateTool(
  'adcopy_variations',
  'marketing-tool',
  5,
  800,
  RHYTHMS.broad,
  (r) => {
    const b = adBrief(r);
    const k = r.pick([5, 8, 10]);
    return {
      system:
        'You are a senior copywriter. Write punchy, compliant ad copy. No false claims, no superlatives you cannot back up.',
      user: `${b.brief}\n\nWrite ${k} headline variations under 40 characters and ${Math.ceil(k / 2)} descriptions under 90 characters.`,
      reply: adVariants(r, b.product, k),
      n: r.pick([1, 3, 5]),
      temp: r.pick([0.9, 1, 1.1]),
      max: 600,
    };
  },
  () => MODELS.flagship,
);

const kidsRewriter = templateTool(
  'kids_rewriter',
  'childrens-reading-app',
  3,
  1200,
  RHYTHMS.evening,
  (r, c) => {
    const src = r.chance(0.6) ? storyPassage(r) : r.pick(c.replies).slice(0, 1500);
    const grade = r.pick(['1st grade', '2nd grade', '3rd grade', 'age 5-7', 'age 8-10']);
    const out = storyPassage(r)
      .replace(
        /Notwithstanding the considerable obstacles, [^.]*\./,
        'It was hard, but they did not give up.',
      )
      .replace(/discovered/g, 'found');
    return {
      system: fill(KIDS_SYSTEM, { brand: cap(brand(r)) }),
      user: `Reading level: ${grade}\n\nText:\n${src}`,
      reply: out,
      temp: 0.7,
      max: 800,
    };
  },
  () => MODELS.mini,
);

const supportBot = templateTool(
  'support_rag_bot',
  'customer-support-saas',
  6,
  1500,
  RHYTHMS.broad,
  (r, c) => {
    const product = r.pick([
      'router',
      'smart lock',
      'fitness tracker',
      'meal kit subscription',
      'accounting app',
      'e-bike',
    ]);
    const kb = [kbArticle(r, product), kbArticle(r, product), kbArticle(r, product)].join('\n\n');
    return {
      system: fill(SUPPORT_SYSTEM, { brand: cap(brand(r)), kb }),
      user: supportTicket(r),
      reply: chatReply(r, c, r.int(50, 130)),
      temp: 0.3,
      max: 300,
    };
  },
  () => MODELS.mini,
);

const localization = templateTool(
  'localization_vendor',
  'translation-agency',
  3,
  1500,
  RHYTHMS.office,
  (r) => {
    const targets = r.sample(LANGS, r.int(1, 4));
    const strings = r.sample(UI_STRINGS, r.int(3, 10));
    const out: Record<string, Record<string, string>> = {};
    for (const l of targets) {
      out[l.code] = {};
      for (const s of strings)
        out[l.code]![s] = r.pick(l.reply).slice(0, Math.max(8, s.length + r.int(-4, 10)));
    }
    return {
      system:
        'You are a professional software localiser. Translate UI strings faithfully, keep placeholders like {count} unchanged, match the platform tone, and return JSON keyed by language code then source string.',
      user: `Target languages: ${targets.map((l) => l.code).join(', ')}\nStrings:\n${JSON.stringify(strings, null, 1)}`,
      reply: JSON.stringify(out),
      temp: 0.2,
      max: 2000,
      json: true,
    };
  },
  () => MODELS.flagship,
  true,
);

// --- shared NAT organisations ------------------------------------------------------------------

const sharedNatOrg: Family = {
  name: 'shared_nat_org',
  malicious: false,
  run(env) {
    const r = env.fork('shared_nat_org');
    for (let o = 0; o < 2; o++) {
      const country = countryByCode(o === 0 ? 'US' : 'DE');
      const nat = officeBlock(r, r.int(2, 4));
      const dom = companyDomain(r);
      const card = paymentFp(r);
      const provision = createdBefore(env.w, r, 20, 200);
      const size = env.w.n(55);
      for (let k = 0; k < size; k++) {
        const anth = r.chance(0.3);
        const cl = r.chance(0.4)
          ? makeClient(r, 'chrome', { anthropic: anth })
          : makeClient(r, r.pick(['openai-python', 'ide-plugin', 'openai-node'] as const), {
              anthropic: anth,
            });
        const home = residentialIp(r, country);
        const a = env.w.addAccount({
          family: 'shared_nat_org',
          persona: 'enterprise-employee',
          malicious: false,
          campaign: null,
          createdAt:
            k < size * 0.7 ? provision + r.int(0, 40) * MIN : createdBefore(env.w, r, 1, 150),
          email: personEmail(r, dom, 'dotted'),
          signupIp: nat[0]!,
          payment: card,
          country: country.code,
          tz: country.tz,
          tier: 'enterprise',
          route: 'enterprise',
          clients: [cl],
          ip: ipOfficeHome(nat, home, country.tz),
        });
        const perWeek = r.lognormal(7, 0.7);
        const coder = r.chance(0.35);
        for (const t0 of starts(env, r, perWeek, RHYTHMS.office, country.tz)) {
          if (coder && cl.family === 'ide-plugin') {
            codingSession(
              env,
              a,
              t0,
              r,
              `/Users/${r.pick(['jdoe', 'mk', 'dev'])}/${brand(r)}`,
              () => MODELS.flagship,
              true,
            );
          } else {
            const conv = casualStep(env, r);
            emitSession(
              env,
              a,
              sessionTimes(t0, conv.turns, () => humanGap(r)),
              r.u32(),
              conv.step,
            );
          }
        }
      }
    }
  },
};

// --- new signups ---------------------------------------------------------------------------------

const HELLO = [
  'hello',
  'test',
  'Say hi',
  'What model are you?',
  'ping',
  'Write a haiku about APIs',
  'hi there',
  'Tell me a joke',
  '1+1=',
];

const newSignups: Family = {
  name: 'new_signup_trial',
  malicious: false,
  run(env) {
    const r = env.fork('new_signup_trial');
    const c = env.c;
    for (let k = 0; k < env.w.n(200); k++) {
      const onRelease = r.chance(0.2);
      const edu = r.chance(0.15);
      const p = person(env, r, { edu, paidShare: 0.3 });
      p.created = onRelease
        ? env.w.release + r.lognormal(5 * HOUR, 0.9)
        : createdBefore(env.w, r, -6.8, 0.5);
      if (r.chance(0.15)) p.route = 'startup-credits';
      const cl = clientMix(
        r,
        [
          ['openai-python', 5],
          ['curl', 2],
          ['openai-node', 2],
          ['chrome', 2],
          ['anthropic-python', 2],
        ],
        0.25,
      );
      const a = addPerson(
        env,
        'new_signup_trial',
        'new-developer',
        p,
        [cl],
        ipHome(env, r, p.country, 0.2),
        residentialIp(r, p.country),
      );
      const n = r.int(1, 12);
      let t = Math.max(p.created, env.w.start) + r.lognormal(20 * MIN, 1);
      for (let i = 0; i < n; i++) {
        t += r.chance(0.7) ? r.lognormal(40_000, 0.8) : r.lognormal(6 * HOUR, 1);
        const at = t;
        env.one(a, at, (rr, ccl) => {
          const text =
            i < 2 && rr.chance(0.7)
              ? rr.pick(HELLO)
              : rr.chance(0.5)
                ? rr.pick(c.chatPrompts)
                : rr.pick(c.arena).prompt;
          const model = onRelease ? MODELS.next : pickModel(rr, env, at, [5, 4, 2], 0.3);
          const extra = withChat(
            rr,
            ccl,
            model,
            model.reasoning ? { reasoning: reasoningBudget(rr, 'easy') } : {},
          );
          return mkCall(
            ccl,
            model,
            [{ role: 'user', text }],
            text.length < 30
              ? rr.pick([
                  'Hello! How can I help you today?',
                  'Hi! I am an AI assistant. What would you like to do?',
                  'Here is one: ' + rr.pick(c.sentences),
                ])
              : chatReply(rr, c, rr.int(80, 500)),
            extra,
          );
        });
      }
    }
  },
};

// --- consumer chat app backends -----------------------------------------------------------------

const consumerApp: Family = {
  name: 'consumer_app_backend',
  malicious: false,
  run(env) {
    const r = env.fork('consumer_app_backend');
    for (let k = 0; k < env.w.n(5); k++) {
      const country = pickCountry(r, ['US', 'GB', 'IN', 'BR', 'DE', 'JP', 'ID']);
      const pool = cloudPool(
        r,
        r.pick(['aws-us-east', 'gcp-us', 'aws-ap', 'azure-eu'] as const),
        r.int(3, 8),
      );
      const cl = makeClient(r, r.pick(['openai-node', 'openai-python', 'go'] as const));
      const name = cap(brand(r));
      const a = env.w.addAccount({
        family: 'consumer_app_backend',
        persona: 'chat-app',
        malicious: false,
        campaign: null,
        createdAt: createdBefore(env.w, r, 60, 500),
        email: `api@${name.toLowerCase()}.app`,
        signupIp: pool[0]!,
        payment: paymentFp(r),
        country: country.code,
        tz: country.tz,
        tier: 'tier-4',
        route: 'self-serve',
        clients: [cl],
        ip: ipPool(pool),
        keys: 2,
      });
      appChatTraffic(env, a, r, name, Math.round(r.lognormal(2300, 0.3) * env.w.scale), country.tz);
    }
  },
};

/** Relayed end-user chat of a consumer app (system prompt plus history), broad global rhythm. */
export function appChatTraffic(
  env: Env,
  a: Acct,
  r: Rng,
  name: string,
  n: number,
  tz: number,
): void {
  const system = `You are ${name}, a warm and upbeat AI companion in a mobile app. Keep answers short and conversational (under 120 words) unless the user asks for detail. Never claim to be human. Today is {date}.`;
  const sessions = Math.round(n / 2.5);
  for (const t0 of sampleTimes(r, sessions, RHYTHMS.evening, tz, env.w.start, env.w.end)) {
    const conv = casualStep(env, r);
    const lang = r.chance(0.15) ? r.pick(LANGS) : null;
    const user = 'usr_' + r.hex(10);
    emitSession(
      env,
      a,
      sessionTimes(t0, conv.turns, () => humanGap(r)),
      r.u32(),
      (rr, i, h, cl) => {
        const s = conv.step(rr, i, h, cl);
        if (lang) {
          s.add = [{ role: 'user', text: rr.pick(lang.chat) }];
          s.call.reply = langReply(rr, lang, rr.int(3, 8));
        }
        s.call.system = fill(system, { date: new Date(t0).toISOString().slice(0, 10) });
        s.call.model = MODELS.mini;
        s.call.params = { temperature: 0.8, user };
        s.call.stream = true;
        s.call.maxTokens = 500;
        delete s.call.reasoning;
        return s;
      },
    );
  }
}

export const HONEST: Family[] = [
  casualChat,
  studentHomework,
  intlChat,
  powerUser,
  codingAgent,
  docPipeline,
  evalHarness,
  judgeVendor,
  edtechApp,
  licensedSynth,
  logprobLab,
  ciBot,
  resumeScreener,
  adcopyTool,
  kidsRewriter,
  supportBot,
  localization,
  sharedNatOrg,
  newSignups,
  consumerApp,
];

export {
  casualStep,
  codingSession,
  mkCall,
  withChat,
  pickModel,
  person,
  addPerson,
  starts,
  humanGap,
  api,
};
