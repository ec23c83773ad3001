/**
 * Honest organisations and applications with machine-like traffic: evaluation
 * companies and labs, LLM-as-judge vendors, ed-tech apps, a licensed synthetic-data
 * customer, a logprob classifier, CI review bots, screening/variation/rewriting tools.
 * These are the hard negatives: heavy, templated, often reasoning-heavy, all legitimate.
 */
import { type Family, agedBefore, converse, scaled } from './common.js';
import { type Item, answer, plain, pool } from './items.js';
import { Rng } from './rng.js';
import { composeAnswer, fence, gsmSteps, keywords, quoteFrom } from './text.js';
import { type Actor, type Params, type World, call, newActor } from './wire.js';
import {
  type ClientKind,
  DAY,
  HOUR,
  MODELS,
  cloudNet,
  countryOf,
  dayFactor,
  makeClient,
  sampleTimes,
  workEmail,
} from './world.js';

interface OrgOpts {
  country: string;
  domain: string;
  client: ClientKind;
  pinned?: string;
  cloud: string;
  instances: number;
  route: 'enterprise' | 'research' | 'education' | 'self-serve' | 'startup-credits';
  tier: string;
  age: [number, number];
  keys?: number;
}

function orgActor(w: World, persona: string, i: number, o: OrgOpts): Actor {
  const rng = new Rng(`${w.seed}/org/${persona}/${i}`);
  return newActor(w, {
    family: persona,
    index: i,
    country: countryOf(o.country),
    createdAt: agedBefore(w, rng, o.age[0], o.age[1]),
    route: o.route,
    tier: o.tier,
    email: workEmail(rng, o.domain),
    net: cloudNet(w.plan, o.cloud, rng, o.instances),
    client: makeClient(o.client, rng, o.pinned),
    malicious: false,
    keys: o.keys ?? 2,
  });
}

/** Requests at a steady machine rate through [from, to), `per` ms apart with jitter. */
function steady(a: Actor, from: number, to: number, per: number, fn: (ts: number) => void): void {
  for (let t = from + a.rng.range(0, per); t < to; t += per * a.rng.logNormal(1, 0.35)) fn(t);
}

/** A batch queue: bursts of `size` requests with `concurrency` in flight. */
function burst(
  a: Actor,
  start: number,
  size: number,
  concurrency: number,
  meanLatency: number,
  fn: (ts: number, i: number) => void,
): number {
  let t = start;
  for (let i = 0; i < size; i += 1) {
    fn(t, i);
    t += (meanLatency / concurrency) * a.rng.logNormal(1, 0.5);
  }
  return t;
}

// ---------------------------------------------------------------------------
// Evaluation company (simple-evals-style runs, temperature 0, bursts then silence)
//
// Prompt shape follows the public openai/simple-evals harness (answer on a final
// "Answer:" line); the wording here is our own.

const EVAL_MATH =
  'Solve the problem below step by step. End your response with a final line of the form "Answer: X", where X is the final answer only.\n\n';
const EVAL_MC =
  'Answer the following multiple-choice question. Reason step by step, then finish with a line "Answer: LETTER", where LETTER is one of the option letters.\n\n';
const EVAL_CODE =
  'Complete the Python function below. Respond with the full function in one ```python code block and nothing else.\n\n';

function evalAsk(it: Item): string {
  if (it.k === 'code') return `${EVAL_CODE}\`\`\`python\n${it.c.ask}\`\`\``;
  if (it.k === 'cot') return `${EVAL_MC}${it.c.q}`;
  return `${EVAL_MATH}${plain(it)}`;
}

function evalReply(it: Item, rng: Rng): { text: string; effort: number } {
  if (it.k === 'code') return { text: fence(it.c.code), effort: 0.35 };
  const r = answer(it, rng);
  const final =
    it.k === 'cot'
      ? it.c.answer.replace(/[()]/g, '')
      : it.k === 'gsm' || it.k === 'comp'
        ? it.m.answer
        : '';
  return { text: `${r.text}\n\nAnswer: ${final}`, effort: r.effort ?? 0.3 };
}

export const benchCompanyFamily: Family = {
  persona: 'bench-company',
  malicious: false,
  behaviour:
    'A model-benchmarking company: public benchmarks (GSM8K, MATH, HumanEval, multiple choice) at temperature 0 in short high-concurrency bursts, including the new model on launch day, then silence.',
  size: (t) => scaled(3, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      orgActor(w, 'bench-company', i, {
        country: 'US',
        domain: 'tallyboard.ai',
        client: 'openai-python',
        pinned: '1.97.1',
        cloud: 'cloud-stratus',
        instances: 2,
        route: 'enterprise',
        tier: 'scale',
        age: [200, 600],
      }),
    );
    const c = w.corpora;
    const suites: { name: string; items: Item[] }[] = [
      { name: 'gsm8k', items: c.gsmTest.map((m) => ({ k: 'gsm', m })) },
      {
        name: 'math',
        items: c.competition.filter((m) => m.src === 'math').map((m) => ({ k: 'comp', m })),
      },
      {
        name: 'humaneval',
        items: c.code.filter((x) => x.src === 'humaneval').map((x) => ({ k: 'code', c: x })),
      },
      {
        name: 'mc',
        items: c.cot
          .filter((x) => x.src !== 'strategyqa')
          .slice(0, 700)
          .map((x) => ({ k: 'cot', c: x })),
      },
    ];
    return {
      actors,
      run() {
        actors.forEach((a, idx) => {
          const plan: { at: number; model: string; suite: number }[] = [];
          const models = [MODELS.pro, MODELS.lite, MODELS.think];
          for (let r = 0; r < 2; r += 1) {
            const day = a.rng.int(0, w.win.days - 1);
            plan.push({
              at: w.win.start + day * DAY + a.rng.range(13, 20) * HOUR,
              model: a.rng.pick(models),
              suite: (idx + r) % suites.length,
            });
          }
          // Launch-day evaluation of the new model, within hours.
          plan.push({
            at: w.win.releaseAt + a.rng.range(1.5, 6) * HOUR,
            model: MODELS.think3,
            suite: idx % suites.length,
          });
          for (const run of plan) {
            const s = suites[run.suite];
            if (!s) continue;
            const conc = a.rng.pick([8, 16, 32]);
            burst(a, run.at, s.items.length, conc, 9000, (ts, i) => {
              const it = s.items[i] as Item;
              const p: Params = { temperature: 0, max_tokens: a.rng.pick([2048, 4096]) };
              call(
                w,
                a,
                ts,
                { model: run.model, msgs: [{ role: 'user', text: evalAsk(it) }], params: p },
                evalReply(it, a.rng),
                { errorRate: 0.015 },
              );
            });
          }
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// Honest research lab: self-consistency study on public benchmarks
//
// Sampling several chains per question follows Wang et al., "Self-Consistency Improves
// Chain of Thought Reasoning in Language Models" (ICLR 2023); the prompt suffix follows
// Kojima et al., "Large Language Models are Zero-Shot Reasoners" (NeurIPS 2022).

export const benchLabFamily: Family = {
  persona: 'honest-bench-lab',
  malicious: false,
  behaviour:
    'An academic lab studying self-consistency: the same public GSM8K/MATH test questions campaigns also harvest, n=5 samples at temperature 0.8, overnight runs over several days.',
  size: (t) => scaled(2, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      orgActor(w, 'honest-bench-lab', i, {
        country: 'DE',
        domain: 'ml.tu-varel.de',
        client: 'requests',
        cloud: 'cloud-cumulo-eu',
        instances: 1,
        route: 'research',
        tier: 'pay-as-you-go',
        age: [60, 400],
        keys: 1,
      }),
    );
    const items: Item[] = [
      ...w.corpora.gsmTest.map((m): Item => ({ k: 'gsm', m })),
      ...w.corpora.competition.filter((m) => m.src === 'math').map((m): Item => ({ k: 'comp', m })),
    ];
    return {
      actors,
      run() {
        actors.forEach((a, idx) => {
          let cursor = idx * 600;
          for (let day = idx; day < w.win.days; day += 2) {
            const start = w.win.start + day * DAY + a.rng.range(19, 23) * HOUR;
            burst(a, start, a.rng.int(250, 450), 4, 14000, (ts) => {
              const it = items[cursor % items.length] as Item;
              cursor += 1;
              const r = answer(it, a.rng);
              call(
                w,
                a,
                ts,
                {
                  model: a.rng.chance(0.7) ? MODELS.pro : MODELS.think,
                  msgs: [{ role: 'user', text: `Q: ${plain(it)}\nA: Let's think step by step.` }],
                  params: { n: 5, temperature: 0.8, max_tokens: 1024 },
                },
                r,
              );
            });
          }
        });
      },
    };
  },
};

// ---------------------------------------------------------------------------
// LLM-as-judge vendor
//
// Single-answer and pairwise judging with "[[N]]" / "[[A]]" verdicts follows the format
// described in Zheng et al., "Judging LLM-as-a-Judge with MT-Bench and Chatbot Arena"
// (NeurIPS 2023); the judge wording is our own.

const JUDGE_SYSTEM =
  'You are an impartial evaluator of AI assistant responses. Judge only the quality of the response; ignore its length and the assistant’s name.';

function judgePrompt(q: string, a: string, b?: string, ref?: string): string {
  if (b !== undefined) {
    return `[Task]\nCompare the two AI assistant responses to the user question below. Consider which one follows the instructions and answers the question better: helpfulness, relevance, accuracy, depth and clarity. Avoid position bias. Explain your decision briefly, then output your verdict strictly as "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, or "[[C]]" for a tie.\n\n[User Question]\n${q}\n\n[Assistant A's Response]\n${a}\n[End of Assistant A's Response]\n\n[Assistant B's Response]\n${b}\n[End of Assistant B's Response]`;
  }
  const refPart = ref ? `\n\n[Reference Answer]\n${ref}\n[End of Reference Answer]` : '';
  return `[Task]\nEvaluate the AI assistant's response to the user question below${ref ? ', using the reference answer to check correctness' : ''}. Consider helpfulness, relevance, accuracy, depth and level of detail. Give a short explanation, then rate the response on a scale of 1 to 10 using exactly this format: "Rating: [[N]]".\n\n[User Question]\n${q}${refPart}\n\n[Assistant's Response]\n${a}\n[End of Assistant's Response]`;
}

function judgeVerdict(rng: Rng, pairwise: boolean, answerText: string): string {
  const notes = rng.sample(
    [
      'The response addresses the main question directly and stays on topic.',
      'It is accurate on the key points, though one detail is stated more confidently than the evidence supports.',
      'The structure is clear and easy to follow.',
      'It misses an important consideration the user would likely care about.',
      'The level of detail is appropriate for the question.',
      'Some of the content is generic and could apply to almost any similar question.',
      'The calculation is correct and matches the reference.',
      'There is a factual error in the second paragraph.',
    ],
    rng.int(2, 4),
  );
  const verdict = pairwise
    ? `[[${rng.pick(['A', 'B', 'A', 'B', 'C'])}]]`
    : `Rating: [[${rng.int(3, 9)}]]`;
  notes.splice(
    1,
    0,
    `For example, ${quoteFrom(answerText, rng)} ${rng.pick(['is helpful', 'is vague', 'is not supported', 'is well put', 'adds little'])}.`,
  );
  return `${notes.join(' ')}\n\n${verdict}`;
}

export const judgeVendorFamily: Family = {
  persona: 'judge-vendor',
  malicious: false,
  behaviour:
    "An LLM-as-judge evaluation vendor grading its customers' model outputs around the clock with MT-Bench-style single and pairwise judge prompts ('Rating: [[N]]').",
  size: (t) => scaled(3, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      orgActor(w, 'judge-vendor', i, {
        country: 'GB',
        domain: 'verdantly.io',
        client: i === 0 ? 'aiohttp' : 'openai-python',
        cloud: 'cloud-cumulo',
        instances: 4,
        route: 'enterprise',
        tier: 'scale',
        age: [150, 500],
        keys: 3,
      }),
    );
    const c = w.corpora;
    const questions = [
      ...c.mtbench.map((m) => m.turns[0] ?? ''),
      ...c.prompts,
      ...c.arena.map((a) => a.prompt),
    ].filter((q) => q.length < 2500);
    return {
      actors,
      run() {
        for (const a of actors) {
          for (let day = 0; day < w.win.days; day += 1) {
            const perDay = 420 * dayFactor('office-batch', day) + 180;
            const from = w.win.start + day * DAY;
            steady(a, from, from + DAY, DAY / perDay, (ts) => {
              const q = a.rng.pick(questions);
              const pairwise = a.rng.chance(0.4);
              const ansA =
                a.rng.chance(0.5) && c.dialogs.length > 0
                  ? (a.rng.pick(c.dialogs)[0]?.assistant ?? '')
                  : composeAnswer(q, a.rng);
              const ansB = pairwise ? composeAnswer(q, a.rng) : undefined;
              const user = judgePrompt(
                q,
                ansA,
                ansB,
                a.rng.chance(0.15) ? composeAnswer(q, a.rng, 'short') : undefined,
              );
              call(
                w,
                a,
                ts,
                {
                  model: a.rng.chance(0.8) ? MODELS.pro : MODELS.think,
                  system: JUDGE_SYSTEM,
                  msgs: [{ role: 'user', text: user }],
                  params: { temperature: 0, max_tokens: 1024 },
                },
                { text: judgeVerdict(a.rng, pairwise, ansA), effort: 0.2 },
                { keyIndex: a.rng.int(0, 2), errorRate: 0.01 },
              );
            });
          }
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// Ed-tech apps (step-by-step explanations on every request, end users named)

const TUTOR_SYSTEM = (grade: number): string =>
  `You are Pip, the friendly maths tutor inside the Sumwise learning app. The learner is in grade ${grade}. Always explain solutions step by step, one idea per line, using words a student of that age understands. Show every calculation. After the final answer, ask one short question to check understanding. Never just give the answer without the steps. Be encouraging; never say a question is easy.`;

const HOMEWORK_SYSTEM =
  'You are StudyNest Helper, a homework assistant for secondary-school students. Explain the solution step by step and show your reasoning clearly so the student learns the method. Use simple language, bold the final answer, and keep it under 300 words unless the problem needs more. If the question is not homework-related, gently redirect.';

function edtech(
  w: World,
  a: Actor,
  perDay: number,
  tz: number,
  mk: (ts: number, learner: string) => void,
  learners: number,
): void {
  for (let day = 0; day < w.win.days; day += 1) {
    const count = a.rng.poisson(perDay * dayFactor('student', day));
    for (const ts of sampleTimes(a.rng, w.win, day, count, 'student', tz))
      mk(ts, `${a.rng.int(1, learners)}`);
  }
}

export const edtechTutorFamily: Family = {
  persona: 'edtech-math-tutor',
  malicious: false,
  behaviour:
    'A K-12 maths tutoring app on the Messages API: tutor system prompt demanding step-by-step explanations on every request, learner ids in metadata.user_id, school-evening peaks.',
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'edtech-math-tutor', 0, {
      country: 'US',
      domain: 'sumwise.app',
      client: 'anthropic-python',
      cloud: 'cloud-cumulo',
      instances: 6,
      route: 'startup-credits',
      tier: 'scale',
      age: [250, 400],
      keys: 2,
    });
    const items = pool(w.corpora, new Rng(`${w.seed}/tutor`), { gsm: 6, comp: 1 }, 6000);
    return {
      actors: [a],
      run() {
        edtech(
          w,
          a,
          1100,
          -6,
          (ts, learner) => {
            const it = a.rng.pick(items);
            const grade = a.rng.int(4, 10);
            const user = `learner-${learner.padStart(6, '0')}`;
            const conv = {
              system: TUTOR_SYSTEM(grade),
              turns: [{ user: plain(it), reply: answer(it, a.rng, true) }],
            };
            if (a.rng.chance(0.25) && it.k === 'gsm') {
              const s = gsmSteps(it.m);
              conv.turns.push({
                user: a.rng.pick([
                  'I still dont get it',
                  'why?',
                  'can u explain the 2nd step',
                  'ok what is next',
                ]),
                reply: {
                  text: `No problem! Let's look at it again.\n\n${s.steps.slice(0, 2).join('\n')}\n\nDoes that part make sense now?`,
                  effort: 0.1,
                },
              });
            }
            converse(
              w,
              a,
              ts,
              conv,
              MODELS.pro,
              { max_tokens: 1500, temperature: 0.3, user, systemBlocks: true, cacheSystem: true },
              { gap: 45_000 },
            );
          },
          40_000,
        );
      },
    };
  },
};

export const edtechHomeworkFamily: Family = {
  persona: 'edtech-homework',
  malicious: false,
  behaviour:
    'A homework-help app on Chat Completions for South and South-East Asian secondary students: step-by-step explanations of maths and science questions, `user` set per student.',
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'edtech-homework', 0, {
      country: 'IN',
      domain: 'studynest.in',
      client: 'openai-node',
      cloud: 'cloud-nimbo-ap',
      instances: 4,
      route: 'self-serve',
      tier: 'scale',
      age: [300, 700],
      keys: 1,
    });
    const items = pool(w.corpora, new Rng(`${w.seed}/homework`), { gsm: 3, cot: 4, comp: 1 }, 6000);
    return {
      actors: [a],
      run() {
        edtech(
          w,
          a,
          850,
          6.5,
          (ts, learner) => {
            const it = a.rng.pick(items);
            const conv = {
              system: HOMEWORK_SYSTEM,
              turns: [{ user: plain(it), reply: answer(it, a.rng, true) }],
            };
            converse(w, a, ts, conv, a.rng.chance(0.8) ? MODELS.lite : MODELS.pro, {
              temperature: 0.4,
              max_tokens: 900,
              user: `u_${learner}`,
              stream: true,
              sysRole: 'system',
            });
          },
          25_000,
        );
      },
    };
  },
};

// ---------------------------------------------------------------------------
// Licensed synthetic-data customer (behaviourally a distillation pipeline)

const SYN_SLOTS = {
  industry: [
    'telecom',
    'airline',
    'online banking',
    'food delivery',
    'insurance',
    'streaming service',
    'utility',
    'e-commerce',
  ],
  mood: ['frustrated', 'confused', 'polite but firm', 'angry', 'in a hurry', 'anxious'],
  issue: [
    'a double charge',
    'a late delivery',
    'a locked account',
    'a cancelled booking',
    'a broken device',
    'an unexpected fee',
  ],
  topic: [
    'photosynthesis',
    'the French Revolution',
    'compound interest',
    'plate tectonics',
    'the water cycle',
    'basic probability',
    'supply and demand',
    'the immune system',
    'Newton’s laws',
    'poetry meter',
  ],
  level: ['primary-school', 'high-school', 'undergraduate', 'adult beginner'],
  language: ['English', 'Spanish', 'German', 'French'],
};

function synTask(rng: Rng): { prompt: string; reply: string } {
  const s = (k: keyof typeof SYN_SLOTS): string => rng.pick(SYN_SLOTS[k]);
  const t = rng.int(0, 3);
  if (t === 0) {
    const ind = s('industry');
    const issue = s('issue');
    const turns = Array.from({ length: rng.int(6, 10) }, (_, i) => ({
      speaker: i % 2 === 0 ? 'customer' : 'agent',
      text:
        i % 2 === 0
          ? composeAnswer(`${issue} ${ind} account`, rng, 'short')
          : `I understand. ${composeAnswer(`${ind} ${issue}`, rng, 'short')}`,
    }));
    return {
      prompt: `Generate a realistic customer-support conversation for a ${ind} company. The customer is ${s('mood')} about ${issue}. Use 6–10 turns. Return JSON: {"turns": [{"speaker": "customer"|"agent", "text": string}]}.`,
      reply: JSON.stringify({ turns }, null, 2),
    };
  }
  if (t === 1) {
    const topic = s('topic');
    const k = rng.int(4, 8);
    const pairs = Array.from({ length: k }, () => ({
      question: `${rng.pick(['What is', 'Why does', 'How does', 'Which'])} ${topic} ${rng.pick(['matter', 'work', 'change over time', 'relate to everyday life'])}?`,
      answer: composeAnswer(topic, rng, 'short'),
    }));
    return {
      prompt: `Write ${k} diverse question–answer pairs about ${topic} for ${s('level')} learners in ${s('language')}. Vary the question types. Return a JSON array of objects with "question" and "answer".`,
      reply: JSON.stringify(pairs, null, 2),
    };
  }
  if (t === 2) {
    const topic = s('topic');
    return {
      prompt: `Write a short explanatory paragraph about ${topic} for ${s('level')} readers, followed by three multiple-choice questions with answers marked. Output as Markdown.`,
      reply: `${composeAnswer(topic, rng, 'prose', 0.6)}\n\n${[1, 2, 3].map((i) => `**Q${i}.** ${composeAnswer(topic, rng, 'short')}\n- A) ${keywords(topic, 1)[0]}\n- B) none of these\n- C) both\n\n*Answer: ${rng.pick(['A', 'B', 'C'])}*`).join('\n\n')}`,
    };
  }
  const ind = s('industry');
  return {
    prompt: `Write an email from a ${ind} customer-success manager to a client about ${s('issue')}. Tone: ${s('mood') === 'angry' ? 'apologetic' : 'warm'}. Under 180 words.`,
    reply: composeAnswer(`email ${ind} ${s('issue')}`, rng, 'letter'),
  };
}

export const syntheticFamily: Family = {
  persona: 'synthetic-data-licensed',
  malicious: false,
  behaviour:
    'A customer licensed (by enterprise contract) to generate synthetic training data: high-volume slot-filled generation templates, JSON outputs, high temperature, 24/7 from a worker pool.',
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'synthetic-data-licensed', 0, {
      country: 'US',
      domain: 'fablecraft-data.com',
      client: 'openai-python',
      pinned: '1.99.9',
      cloud: 'cloud-stratus',
      instances: 8,
      route: 'enterprise',
      tier: 'enterprise',
      age: [90, 200],
      keys: 3,
    });
    return {
      actors: [a],
      run() {
        for (let day = 0; day < w.win.days; day += 1) {
          const from = w.win.start + day * DAY;
          steady(a, from, from + DAY, DAY / 1500, (ts) => {
            const t = synTask(a.rng);
            call(
              w,
              a,
              ts,
              {
                model: a.rng.chance(0.75) ? MODELS.pro : MODELS.think,
                msgs: [{ role: 'user', text: t.prompt }],
                params: {
                  temperature: 1,
                  top_p: 0.95,
                  max_tokens: 2048,
                  json: t.reply.startsWith('{'),
                },
              },
              { text: t.reply },
              { keyIndex: a.rng.int(0, 2), errorRate: 0.012 },
            );
          });
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// University lab: logprob classifier with a fixed label set

export const logprobLabFamily: Family = {
  persona: 'logprob-classifier-lab',
  malicious: false,
  behaviour:
    'A university lab classifying dialogue turns into three fixed labels with max_tokens 1, logprobs and top_logprobs, and the same small logit_bias on the label tokens every time, in office-hour batches.',
  size: (t) => scaled(2, t),
  make(w, n) {
    const actors = Array.from({ length: n }, (_, i) =>
      orgActor(w, 'logprob-classifier-lab', i, {
        country: 'CA',
        domain: 'cs.mapleton.ca',
        client: 'openai-python',
        cloud: 'cloud-stratus',
        instances: 1,
        route: 'research',
        tier: 'pay-as-you-go',
        age: [40, 300],
        keys: 1,
      }),
    );
    const texts = [
      ...w.corpora.dialogs.map((d) => d[0]?.user ?? ''),
      ...w.corpora.pairs.map((p) => p.prompt),
    ].filter((t) => t.length > 10 && t.length < 1200);
    const labels = ['benign', 'harmful', 'unclear'];
    const bias = { '65128': 5, '81903': 5, '40217': 5 };
    return {
      actors,
      run() {
        for (const a of actors) {
          let cursor = a.rng.int(0, texts.length);
          for (let day = 0; day < w.win.days; day += 1) {
            if (dayFactor('work', day) < 1 && a.rng.chance(0.8)) continue;
            const runs = a.rng.int(1, 3);
            for (const ts0 of sampleTimes(a.rng, w.win, day, runs, 'work', -5)) {
              burst(a, ts0, a.rng.int(120, 260), 1, 700, (ts) => {
                const text = texts[cursor % texts.length] ?? '';
                cursor += 1;
                call(
                  w,
                  a,
                  ts,
                  {
                    model: MODELS.lite,
                    msgs: [
                      {
                        role: 'user',
                        text: `Classify the message below as one of: benign, harmful, unclear. Reply with the label only.\n\nMessage: ${text}`,
                      },
                    ],
                    params: {
                      temperature: 0,
                      max_tokens: 1,
                      logprobs: true,
                      top_logprobs: 5,
                      logit_bias: bias,
                    },
                  },
                  {
                    text: a.rng.weighted([
                      [labels[0] ?? '', 6],
                      [labels[1] ?? '', 3],
                      [labels[2] ?? '', 1],
                    ] as const),
                    tokensOverride: 1,
                  },
                );
              });
            }
          }
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// CI code-review bot

const REVIEW_SYSTEM =
  'You are a code reviewer for pull requests. Point out bugs, risky changes, missing tests and unclear naming. Be specific: reference file and line. Do not comment on formatting that a linter would catch. Reply in Markdown with a short summary followed by a bulleted list of findings; write "LGTM" if there is nothing to flag.';

function diffOf(code: string, path: string, rng: Rng): string {
  const lines = code.split('\n').slice(0, 30);
  const at = rng.int(1, Math.max(1, lines.length - 1));
  const body = lines
    .map((l, i) => (i === at ? `-${l}\n+${l.replace(/\s+$/, '')}  # changed` : ` ${l}`))
    .join('\n');
  return `diff --git a/${path} b/${path}\nindex ${rng.hex(7)}..${rng.hex(7)} 100644\n--- a/${path}\n+++ b/${path}\n@@ -1,${lines.length} +1,${lines.length} @@\n${body}`;
}

export const ciBotFamily: Family = {
  persona: 'ci-review-bot',
  malicious: false,
  behaviour:
    'Three companies’ CI pipelines asking for a review of each pull-request diff: one fixed system prompt, diffs of real code, runner IPs, on pushes during the working day.',
  size: (t) => scaled(3, t),
  make(w, n) {
    const orgs = [
      { c: 'DE', d: 'parcelbyte.de', tz: 1 },
      { c: 'US', d: 'quarrylabs.io', tz: -6 },
      { c: 'IN', d: 'tessellate.tech', tz: 5.5 },
    ];
    const actors = Array.from({ length: n }, (_, i) => {
      const o = orgs[i % orgs.length] ?? orgs[0]!;
      return orgActor(w, 'ci-review-bot', i, {
        country: o.c,
        domain: o.d,
        client: i % 2 === 0 ? 'requests' : 'curl',
        cloud: 'cloud-nimbo',
        instances: 40,
        route: 'self-serve',
        tier: 'pay-as-you-go',
        age: [60, 500],
        keys: 1,
      });
    });
    return {
      actors,
      run() {
        for (const a of actors) {
          for (let day = 0; day < w.win.days; day += 1) {
            const count = a.rng.poisson(70 * dayFactor('work', day));
            for (const ts of sampleTimes(a.rng, w.win, day, count, 'work', a.tz)) {
              const item = a.rng.pick(w.corpora.code);
              const path = `src/${item.entry}.py`;
              const reply = a.rng.chance(0.3)
                ? 'LGTM. The change is small and covered by existing tests.'
                : `**Summary:** Small change to \`${item.entry}\`.\n\n- \`${path}\` L${a.rng.int(2, 20)}: the trailing comment hides the real change; consider a clearer name.\n- No test covers the modified branch; please add one.\n${a.rng.chance(0.5) ? `- \`${item.entry}\` now behaves differently on empty input — intended?\n` : ''}`;
              call(
                w,
                a,
                ts,
                {
                  model: MODELS.coder,
                  system: REVIEW_SYSTEM,
                  msgs: [
                    {
                      role: 'user',
                      text: `Review this pull request.\n\nTitle: ${a.rng.pick(['Fix edge case', 'Refactor helper', 'Tidy up', 'Handle empty input', 'Performance tweak'])} in ${item.entry}\n\n\`\`\`diff\n${diffOf(item.code, path, a.rng)}\n\`\`\``,
                    },
                  ],
                  params: { temperature: 0.2, max_tokens: 1500 },
                },
                { text: reply },
              );
            }
          }
        }
      },
    };
  },
};

// ---------------------------------------------------------------------------
// Résumé screener, ad-copy variations, children's rewriter

const SKILLS = [
  'Python',
  'SQL',
  'project management',
  'customer service',
  'Excel',
  'Salesforce',
  'React',
  'forklift licence',
  'bookkeeping',
  'Spanish',
  'data analysis',
  'nursing',
  'AWS',
  'copywriting',
];
const ROLES = [
  'Data Analyst',
  'Warehouse Supervisor',
  'Frontend Developer',
  'Registered Nurse',
  'Accounts Assistant',
  'Customer Success Manager',
  'Marketing Coordinator',
];

export const resumeFamily: Family = {
  persona: 'resume-screener',
  malicious: false,
  behaviour:
    'An applicant-tracking tool: one fixed screening template (job description + résumé → JSON fit assessment) over many different résumés on weekdays.',
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'resume-screener', 0, {
      country: 'GB',
      domain: 'shortlistr.co.uk',
      client: 'openai-node',
      cloud: 'cloud-cumulo-eu',
      instances: 2,
      route: 'self-serve',
      tier: 'scale',
      age: [200, 600],
      keys: 1,
    });
    return {
      actors: [a],
      run() {
        for (let day = 0; day < w.win.days; day += 1) {
          const count = a.rng.poisson(320 * dayFactor('work', day));
          for (const ts of sampleTimes(a.rng, w.win, day, count, 'office-batch', 0)) {
            const role = a.rng.pick(ROLES);
            const skills = a.rng.sample(SKILLS, a.rng.int(3, 6));
            const years = a.rng.int(0, 15);
            const cv = `Name: Candidate ${a.rng.alnum(5)}\nExperience: ${years} years\nSkills: ${skills.join(', ')}\nHistory:\n- ${a.rng.pick(ROLES)}, ${a.rng.int(1, 6)} years\n- ${a.rng.pick(ROLES)}, ${a.rng.int(1, 4)} years\nEducation: ${a.rng.pick(['BSc', 'BA', 'HND', 'A-levels', 'MSc'])}`;
            const need = a.rng.sample(SKILLS, 3);
            const hits = need.filter((s) => skills.includes(s));
            const reply = JSON.stringify({
              fit: hits.length >= 2 ? 'strong' : hits.length === 1 ? 'partial' : 'weak',
              matched_skills: hits,
              missing_skills: need.filter((s) => !skills.includes(s)),
              years_experience: years,
              summary: `${years} years of experience; ${hits.length} of 3 required skills.`,
            });
            call(
              w,
              a,
              ts,
              {
                model: MODELS.lite,
                system: `You screen job applications for the role: ${role}. Required skills: ${need.join(', ')}. Respond with JSON only.`,
                msgs: [{ role: 'user', text: cv }],
                params: { temperature: 0, max_tokens: 400, json: true },
              },
              { text: reply },
            );
          }
        }
      },
    };
  },
};

const PRODUCTS = [
  'noise-cancelling headphones',
  'vegan protein bars',
  'a budgeting app',
  'running shoes',
  'a language-learning course',
  'smart thermostats',
  'organic coffee beans',
  'a co-working space',
  'pet insurance',
  'an e-bike',
];

export const adcopyFamily: Family = {
  persona: 'adcopy-variations',
  malicious: false,
  behaviour:
    'An ad-copy tool asking for N headline/description variations per product brief, n=2 at high temperature, business hours across time zones.',
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'adcopy-variations', 0, {
      country: 'US',
      domain: 'adwhisk.com',
      client: 'go',
      cloud: 'cloud-stratus',
      instances: 3,
      route: 'startup-credits',
      tier: 'pay-as-you-go',
      age: [100, 300],
      keys: 1,
    });
    return {
      actors: [a],
      run() {
        for (let day = 0; day < w.win.days; day += 1) {
          const count = a.rng.poisson(260 * dayFactor('work', day));
          for (const ts of sampleTimes(a.rng, w.win, day, count, 'work', -5)) {
            const p = a.rng.pick(PRODUCTS);
            const k = a.rng.pick([3, 5, 8]);
            const words = keywords(p, 2);
            const lines = Array.from(
              { length: k },
              (_, i) =>
                `${i + 1}. ${a.rng.pick(['Meet', 'Discover', 'Try', 'Love', 'Upgrade to'])} ${a.rng.pick(['better', 'smarter', 'simpler', 'fresher'])} ${words.join(' ')} ${a.rng.pick(['today', 'now', 'for less', '— free trial'])}`,
            );
            call(
              w,
              a,
              ts,
              {
                model: MODELS.lite,
                msgs: [
                  {
                    role: 'user',
                    text: `Write ${k} variations of a search-ad headline (max 30 characters each) for ${p}. Audience: ${a.rng.pick(['students', 'parents', 'small businesses', 'commuters', 'retirees'])}. Numbered list only.`,
                  },
                ],
                params: { temperature: 1.1, n: 2, max_tokens: 300 },
              },
              { text: lines.join('\n') },
            );
          }
        }
      },
    };
  },
};

function simplify(text: string, rng: Rng): string {
  const sentences = text
    .replace(/\n+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .slice(0, 6);
  return sentences
    .map((s) => s.split(/,|;| which | because /)[0]?.trim() ?? '')
    .filter((s) => s.length > 3)
    .map((s) => `${s.replace(/[.!?]*$/, '')}.`)
    .concat(rng.chance(0.5) ? ['That is pretty cool!'] : [])
    .join(' ');
}

export const kidsFamily: Family = {
  persona: 'kids-rewriter',
  malicious: false,
  behaviour:
    "A children's reading platform rewriting passages for a given reading age with one fixed template, end-user ids set, daytime peaks.",
  size: () => 1,
  make(w) {
    const a = orgActor(w, 'kids-rewriter', 0, {
      country: 'AU',
      domain: 'storyleaf.com.au',
      client: 'anthropic-node',
      cloud: 'cloud-nimbo-ap',
      instances: 2,
      route: 'self-serve',
      tier: 'scale',
      age: [300, 800],
      keys: 1,
    });
    const passages = w.corpora.dialogs
      .map((d) => d[0]?.assistant ?? '')
      .filter((t) => t.length > 200 && t.length < 2000);
    return {
      actors: [a],
      run() {
        for (let day = 0; day < w.win.days; day += 1) {
          const count = a.rng.poisson(210 * dayFactor('consumer', day));
          for (const ts of sampleTimes(a.rng, w.win, day, count, 'consumer', 10)) {
            const src =
              passages.length > 0 ? a.rng.pick(passages) : composeAnswer('animals forest', a.rng);
            const age = a.rng.int(6, 10);
            call(
              w,
              a,
              ts,
              {
                model: MODELS.lite,
                system:
                  'You rewrite texts for young readers on a safe children’s reading platform. Remove anything frightening or unsuitable. Keep facts correct.',
                msgs: [
                  {
                    role: 'user',
                    text: `Rewrite this passage so a ${age}-year-old can read it. Short sentences, simple words, same meaning.\n\n${src}`,
                  },
                ],
                params: { max_tokens: 600, temperature: 0.5, user: `reader_${a.rng.hex(10)}` },
              },
              { text: simplify(src, a.rng) },
            );
          }
        }
      },
    };
  },
};
