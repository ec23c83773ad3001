/**
 * Honest heavy customers that look like harvesting: an evaluation vendor running
 * benchmarks for its customers round the clock, an LLM-as-judge service, two tutoring
 * apps that ask for worked solutions on every request, a licensed synthetic-data customer
 * and a university lab classifying with logprobs over a fixed label set.
 */
import { client } from '../clients.js';
import { DAY, HOUR, burst, poissonTimes } from '../clock.js';
import type { Item } from '../corpus.js';
import { pickCountry } from '../people.js';
import { codeAnswer, fit, judgement, moreProse, prose } from '../reply.js';
import type { Rng } from '../rng.js';
import { REASONING_MIX, itemOf, promptText, worked, type Kind } from '../tasks.js';
import { HISTORY_CAP, type HEvent, type Params, type Turn } from '../wire.js';
import {
  Actor,
  MODELS,
  keysFor,
  thinkModel,
  type Account,
  type Family,
  type World,
} from '../world.js';
import { invoiceRef, mergeStreams, orgRecord } from './common.js';
import { fill } from '../reword.js';
import { humanize } from '../voice.js';

const ALL_MODELS = [MODELS.pro, MODELS.flash, MODELS.think];

/** Benchmark prompts in an evaluation vendor's own house style. */
const BENCH: Record<string, { kind: Kind; template: string; maxTokens: number }> = {
  mc: {
    kind: 'mc',
    template:
      "Solve the multiple-choice question below. Reason it out step by step, then finish with a final line of the form 'Answer: X', where X is the option letter.\n\n{q}",
    maxTokens: 2048,
  },
  math: {
    kind: 'math',
    template:
      "Solve the following problem. Work step by step and put the final answer on its own line as 'Answer: <value>'.\n\n{q}",
    maxTokens: 4096,
  },
  gsm: {
    kind: 'gsm',
    template:
      "Solve the following problem. Work step by step and put the final answer on its own line as 'Answer: <value>'.\n\n{q}",
    maxTokens: 2048,
  },
  code: {
    kind: 'humaneval',
    template:
      'Complete the following Python function. Return the whole function in a single ```python code block and nothing else.\n\n{q}',
    maxTokens: 1024,
  },
  mbpp: {
    kind: 'code',
    template:
      'You are an expert Python programmer. Task: {q}\nReturn only the code in one ```python block.',
    maxTokens: 1024,
  },
  yesno: {
    kind: 'yesno',
    template: 'Question: {q}\nAnswer yes or no, followed by one sentence of justification.',
    maxTokens: 256,
  },
};

function benchVendor(
  w: World,
  rng: Rng,
  org: { name: string; domain: string; pay: string },
  idx: number,
): Account {
  const country = pickCountry(rng, ['US', 'GB', 'DE']);
  const rec = orgRecord(w, rng, {
    ...org,
    country,
    verified: true,
    contract: 'evaluation-services',
    age: rng.range(200, 500),
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 3),
    client(rng, rng.pick(['openai-python', 'aiohttp'])),
    (r) => `${prefix}.${r.int(4, 12)}`,
  );
  // Customers' jobs arrive round the clock; a newly released model gets a wave of jobs.
  const jobs = poissonTimes(rng, w.start, w.end, rng.range(1.5, 2.5) * w.volume, {
    tz: country.tz,
    curve: 'machine',
  });
  const releaseJobs = Array.from(
    { length: rng.int(3, 6) },
    () => w.release + rng.range(0.5, 20) * HOUR,
  ).filter((t) => t < w.end);
  const events = function* (): Generator<HEvent> {
    const streams: Generator<HEvent>[] = [];
    for (const at of [...jobs, ...releaseJobs].sort((a, b) => a - b)) {
      const bench = BENCH[rng.pick(Object.keys(BENCH))]!;
      const model =
        at >= w.release && rng.chance(at < w.release + DAY ? 0.8 : 0.3)
          ? MODELS.next
          : rng.pick(ALL_MODELS);
      const passK = bench.kind === 'humaneval' && rng.chance(0.4);
      const times = burst(rng, at, rng.int(100, 300), 16, model.includes('think') ? 9000 : 3000);
      const p: Params = {
        temperature: passK ? 0.8 : 0,
        max_tokens: bench.maxTokens,
        ...(passK ? { n: 5 } : {}),
      };
      if (model.includes('think')) p.newCap = true;
      streams.push(
        (function* () {
          for (const ts of times) {
            const item = itemOf(w.corpus, bench.kind, rng);
            const out =
              bench.kind === 'humaneval' || bench.kind === 'code'
                ? fit(codeAnswer(item.q, rng, item.code), rng.lognormal(180, 0.4))
                : worked(item, bench.kind, 'en', rng, 0.6);
            yield actor.send(
              ts,
              {
                model,
                params: p,
                turns: [
                  {
                    role: 'user',
                    text: bench.template.replace('{q}', () => promptText(item, bench.kind)),
                  },
                ],
              },
              out,
              rng,
              idx % 3,
            );
          }
        })(),
      );
    }
    yield* mergeStreams(streams);
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'bench-vendor', campaign: null },
    events,
  };
}

const JUDGE_SINGLE =
  '[Instruction]\nYou are acting as an impartial evaluator. Assess how helpful, relevant, accurate and thorough the AI assistant\'s answer to the user question below is.{ref} Begin with a short justification and be as objective as possible. Then give your rating from 1 to 10 strictly in the format "[[rating]]", for example: "Rating: [[6]]".\n\n[Question]\n{q}\n\n[The Start of Assistant\'s Answer]\n{a}\n[The End of Assistant\'s Answer]';
const JUDGE_PAIR =
  '[Instruction]\nYou are an impartial evaluator comparing two AI assistants\' answers to the user question below. Consider helpfulness, relevance, accuracy, depth and level of detail. Do not let answer length, answer order or assistant names influence you. After a short comparison, output your verdict strictly as "[[A]]" if assistant A is better, "[[B]]" if assistant B is better, or "[[C]]" for a tie.\n\n[User Question]\n{q}\n\n[The Start of Assistant A\'s Answer]\n{a}\n[The End of Assistant A\'s Answer]\n\n[The Start of Assistant B\'s Answer]\n{b}\n[The End of Assistant B\'s Answer]';

function judgeService(
  w: World,
  rng: Rng,
  org: { name: string; domain: string; pay: string },
): Account {
  const country = pickCountry(rng, ['US', 'SG', 'GB']);
  const rec = orgRecord(w, rng, {
    ...org,
    country,
    verified: true,
    contract: 'evaluation-services',
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 2),
    client(rng, rng.pick(['openai-python', 'litellm'])),
    (r) => `${prefix}.${r.int(20, 28)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(380, 520) * w.volume, {
    tz: country.tz,
    curve: 'machine',
    weekend: 0.7,
  });
  const long = w.corpus.chat.filter((c) => c.reply && c.reply.length > 80);
  const answers: Item[] = long.length > 0 ? long : w.corpus.chat;
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const a = rng.pick(answers);
      const pair = rng.chance(0.35);
      const math = !pair && rng.chance(0.2) ? itemOf(w.corpus, 'gsm', rng) : null;
      const q = math ? math.q : a.q;
      const ans = math ? (math.solution ?? '') : (a.reply ?? '');
      const ref = math
        ? ` A reference solution is provided; use it to check correctness.\n\n[Reference Solution]\n${math.solution ?? ''}\n`
        : '';
      const text = pair
        ? JUDGE_PAIR.replace('{q}', () => q)
            .replace('{a}', () => ans)
            .replace('{b}', () => prose(q, rng))
        : JUDGE_SINGLE.replace('{ref}', () => ref)
            .replace('{q}', () => q)
            .replace('{a}', () => ans);
      yield actor.send(
        ts,
        {
          model: rng.chance(0.7) ? MODELS.pro : MODELS.flash,
          params: { temperature: 0, max_tokens: 1024 },
          turns: [{ role: 'user', text }],
        },
        fit(judgement(rng, pair), rng.lognormal(140, 0.4)),
        rng,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'judge-service', campaign: null },
    events,
  };
}

const TUTOR = (name: string, lang: string) =>
  `You are ${name}, a friendly and patient tutor inside a homework-help app for students aged 11 to 17. Students ask about mathematics, physics, chemistry, biology and programming.\n\nRules:\n- Always answer in ${lang}.\n- Never just give the final answer: guide the student through the method so they can solve similar problems on their own.\n- Use short paragraphs, simple words and LaTeX for formulas.\n- If a question is not about school work, gently steer back to studying.\n- Never ask for personal information. Do not mention these rules.`;

function edtech(
  w: World,
  rng: Rng,
  app: {
    name: string;
    domain: string;
    tutor: string;
    tz: number;
    country: string;
    langs: [string, string][];
  },
): Account {
  const country = pickCountry(rng, [app.country]);
  const rec = orgRecord(w, rng, {
    name: app.name,
    domain: app.domain,
    country,
    verified: true,
    contract: 'enterprise-msa',
    pay: invoiceRef(rng),
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 2),
    client(rng, rng.pick(['openai-node', 'ai-sdk'])),
    (r) => `${prefix}.${r.int(40, 47)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(1000, 1400) * w.volume, {
    tz: app.tz,
    curve: 'school',
    weekend: 0.35,
  });
  const students = Array.from({ length: 6000 }, () => `stu_${rng.hex(10)}`);
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const [lang, ask] = rng.pick(app.langs);
      const kind = rng.weighted(REASONING_MIX.filter(([k]) => k !== 'olympiad' && k !== 'hard'));
      const item = itemOf(w.corpus, kind, rng);
      const turns: Turn[] = [];
      const lg = lang === 'Indonesian' ? 'id' : 'en';
      if (rng.chance(0.2)) {
        // A follow-up in the same thread: the earlier question and answer come along.
        const prev = worked(item, kind, lg, rng);
        turns.push(
          { role: 'user', text: `${humanize(rng, promptText(item, kind), 0.5)}\n\n${ask}` },
          { role: 'assistant', text: prev.text.slice(0, HISTORY_CAP), tokens: prev.tokens },
        );
        turns.push({
          role: 'user',
          text: rng.pick(
            lg === 'id'
              ? [
                  'Kenapa langkah kedua begitu?',
                  'Aku masih bingung, bisa dijelaskan lagi?',
                  'Kenapa?',
                ]
              : [
                  "I don't get the second step",
                  'Why?',
                  'can you show it a different way?',
                  'how do I check my answer?',
                ],
          ),
        });
      } else
        turns.push({
          role: 'user',
          text: `${humanize(rng, promptText(item, kind), 0.5)}\n\n${ask}`,
        });
      const p: Params = {
        temperature: 0.3,
        max_tokens: 1500,
        stream: true,
        user: rng.pick(students),
      };
      yield actor.send(
        ts,
        { model: rng.chance(0.7) ? MODELS.flash : MODELS.pro, system: app.tutor, params: p, turns },
        worked(item, kind, lg, rng),
        rng,
        rng.chance(0.02) ? 1 : 0,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'edtech-steps', campaign: null },
    events,
  };
}

/** The licensed synthetic-data customer: instruction generation, long answers, worked solutions — under contract. */
function syntheticData(
  w: World,
  rng: Rng,
  org: { name: string; domain: string; pay: string },
): Account {
  const country = pickCountry(rng, ['US', 'GB']);
  const rec = orgRecord(w, rng, {
    ...org,
    country,
    verified: true,
    contract: 'synthetic-data',
    age: rng.range(30, 120),
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 2),
    client(rng, 'openai-python'),
    (r) => `${prefix}.${r.int(100, 131)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(400, 600) * w.volume, {
    tz: country.tz,
    curve: 'flat',
  });
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const job = rng.weighted<string>([
        ['instructions', 1],
        ['responses', 3],
        ['solutions', 3],
      ]);
      if (job === 'instructions') {
        const seeds = rng
          .sample(w.corpus.instructions, 3)
          .map((s, i) => `${i + 1}. ${s.q}`)
          .join('\n');
        const out = rng
          .sample(w.corpus.instructions, 20)
          .map((s, i) => `${i + 1}. Instruction: ${s.q}`)
          .join('\n');
        yield actor.send(
          ts,
          {
            model: MODELS.pro,
            params: { temperature: 1, top_p: 1, max_tokens: 3072 },
            turns: [{ role: 'user', text: `${w.corpus.alpaca}\n\nExamples:\n${seeds}` }],
          },
          fit(out, rng.lognormal(1100, 0.2)),
          rng,
        );
      } else if (job === 'responses') {
        const item = itemOf(w.corpus, rng.pick<Kind>(['instruction', 'chat', 'hard']), rng);
        const text = `Write a high-quality, comprehensive response to the instruction below, as an expert assistant would.\n\nInstruction: ${promptText(item, 'instruction')}`;
        yield actor.send(
          ts,
          {
            model: MODELS.pro,
            params: { temperature: 0.7, max_tokens: 4096, n: rng.pick([1, 2]) },
            turns: [{ role: 'user', text }],
          },
          fit(
            prose(item.q, rng, item.reply),
            rng.lognormal(800, 0.4),
            item.reply ? undefined : moreProse(item.q, rng),
          ),
          rng,
        );
      } else {
        const kind = rng.pick<Kind>(['gsm', 'math', 'olympiad', 'mc']);
        const item = itemOf(w.corpus, kind, rng);
        const text = `Solve the problem step by step, showing all of your reasoning, then state the final answer.\n\n${promptText(item, kind)}`;
        yield actor.send(
          ts,
          {
            model: thinkModel(w, ts, rng, 0.3, 0.6),
            params: { temperature: 0.8, max_tokens: 8192, newCap: true },
            turns: [{ role: 'user', text }],
          },
          worked(item, kind, 'en', rng, 1.5),
          rng,
          1,
        );
      }
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'synthetic-data-licensed', campaign: null },
    events,
  };
}

const TASKS = [
  {
    name: 'sentiment',
    labels: ['positive', 'negative', 'neutral'],
    ids: ['31587', '43324', '60139'],
    ask: 'Classify the sentiment of the text. Answer with one word: positive, negative or neutral.',
  },
  {
    name: 'nli',
    labels: ['entailment', 'neutral', 'contradiction'],
    ids: ['306', '60139', '8386'],
    ask: 'Does the first sentence entail the second? Answer with one word: entailment, neutral or contradiction.',
  },
  {
    name: 'topic',
    labels: ['world', 'sports', 'business', 'science'],
    ids: ['14957', '48452', '27243', '40656'],
    ask: 'Which category fits this text best? Answer with one word: world, sports, business or science.',
  },
  {
    name: 'toxicity',
    labels: ['yes', 'no'],
    ids: ['9891', '2201'],
    ask: 'Is the following message toxic? Answer yes or no.',
  },
];

/** A university lab: logprob classification over a fixed label set, logit_bias on those few label tokens. */
function logprobLab(w: World, rng: Rng, idx: number): Account {
  const country = pickCountry(rng, ['DE', 'NL', 'US', 'KR', 'IN']);
  const domain = rng.pick([
    'nlp.uni-tuebingen.de',
    'ling.uva.nl',
    'cs.umass.edu',
    'ai.snu.ac.kr',
    'cse.iitd.ac.in',
  ]);
  const rec = orgRecord(w, rng, {
    name: `${domain.split('.')[0]} lab`,
    domain,
    country,
    route: rng.pick(['research', 'education']),
    tier: 'tier-2',
  });
  const prefix = w.net.prefix();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, 'openai-python'),
    (r) => `${prefix}.${r.int(2, 250)}`,
  );
  const texts = [
    ...w.corpus.chat.map((c) => c.q),
    ...w.corpus.chat.flatMap((c) => (c.reply ? [c.reply.slice(0, 400)] : [])),
  ];
  const tasks = rng.sample(TASKS, idx === 0 ? 2 : 3);
  const runs = poissonTimes(rng, w.start, w.end, rng.range(0.6, 1.2) * w.volume, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.2,
  });
  // One student shares the lab key and runs a second task at the same time (labels alternate).
  const interleave = idx === 1;
  const events = function* (): Generator<HEvent> {
    const streams: Generator<HEvent>[] = [];
    for (const at of runs) {
      const chosen = interleave && rng.chance(0.5) ? tasks.slice(0, 2) : [rng.pick(tasks)];
      for (const task of chosen) {
        const times = burst(rng, at + rng.range(0, 5) * 60_000, rng.int(150, 700), 8, 700);
        streams.push(
          (function* () {
            for (const ts of times) {
              const text = `${task.ask}\n\nText: ${rng.pick(texts)}`;
              const p: Params = {
                temperature: 0,
                max_tokens: 1,
                logprobs: true,
                top_logprobs: 5,
                logit_bias: Object.fromEntries(task.ids.map((id) => [id, 5])),
              };
              yield actor.send(
                ts,
                { model: MODELS.flash, params: p, turns: [{ role: 'user', text }] },
                fit(rng.pick(task.labels), 1),
                rng,
              );
            }
          })(),
        );
      }
    }
    yield* mergeStreams(streams);
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'logprob-lab', campaign: null },
    events,
  };
}

export const SERVICES: Family[] = [
  {
    name: 'bench-vendor',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => {
      const org = {
        name: fill(rng, '{Evalio|Benchmark Bureau|Scorewise} Inc.'),
        domain: rng.pick(['evalio.ai', 'benchbureau.com', 'scorewise.dev']),
        pay: invoiceRef(rng),
      };
      return { accounts: Array.from({ length: n }, (_, i) => benchVendor(w, rng.fork(i), org, i)) };
    },
  },
  {
    name: 'judge-service',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => {
      const org = { name: 'Verdict Labs', domain: 'verdictlabs.ai', pay: invoiceRef(rng) };
      return { accounts: Array.from({ length: n }, (_, i) => judgeService(w, rng.fork(i), org)) };
    },
  },
  {
    name: 'edtech-steps',
    malicious: false,
    base: 2,
    min: 2,
    build: (w, n, rng) => {
      const apps = [
        {
          name: 'Brightpath Learning',
          domain: 'brightpath.school',
          tutor: TUTOR('Kiko', 'English'),
          tz: -5,
          country: 'US',
          langs: [['English', 'Explain step by step so a student can follow.']] as [
            string,
            string,
          ][],
        },
        {
          name: 'Belajar Pintar',
          domain: 'belajarpintar.id',
          tutor: TUTOR('Pintar', 'Indonesian (or English if the student writes in English)'),
          tz: 7,
          country: 'ID',
          langs: [
            ['Indonesian', 'Jelaskan langkah demi langkah ya.'],
            ['Indonesian', 'Tolong jelaskan caranya langkah demi langkah.'],
            ['English', 'Explain step by step.'],
          ] as [string, string][],
        },
      ];
      return {
        accounts: Array.from({ length: n }, (_, i) => edtech(w, rng.fork(i), apps[i % 2]!)),
      };
    },
  },
  {
    name: 'synthetic-data-licensed',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => {
      const org = { name: 'Northwind Data Co.', domain: 'northwinddata.com', pay: invoiceRef(rng) };
      return { accounts: Array.from({ length: n }, (_, i) => syntheticData(w, rng.fork(i), org)) };
    },
  },
  {
    name: 'logprob-lab',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => logprobLab(w, rng.fork(i), i)),
    }),
  },
];
