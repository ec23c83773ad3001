/**
 * Honest software customers: eval harnesses, an LLM-as-judge vendor, an ed-tech app, a licensed
 * synthetic-data customer, a logprob classifier, CI review bots, a résumé screener, an ad-copy
 * tool, a children's text rewriter, batch summarisers and a customer-support app.
 */
import { fileText } from './agents.js';
import type { Rng } from './rng.js';
import { gradeAnswer, proseAnswer, summaryOf, workedAnswer } from './respond.js';
import { appArrivals, endUsers, serviceAccount } from './services.js';
import { MODELS, type Call } from './wire.js';
import { HOUR, SHAPES, type Actor, type World } from './world.js';

const honest = (persona: string) => ({ malicious: false, persona, campaign: null });

/** Eval harnesses: one public benchmark at temperature 0, high concurrency, then silence. */
export function evalHarness(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  const benches: [string, () => { q: string; a: string }[]][] = [
    [
      'gsm8k',
      () =>
        c.math.slice(0, 1319).map((w) => ({
          q: `Question: ${w.q}\nAnswer:`,
          a: `${w.steps.join(' ')}\n#### ${w.answer}`,
        })),
    ],
    [
      'math500',
      () =>
        c.hardMath.slice(0, 500).map((w) => ({
          q: `Problem:\n${w.q}\n\nSolution:`,
          a: `${w.steps.join(' ')} The final answer is $${w.answer}$.`,
        })),
    ],
    [
      'humaneval',
      () =>
        c.code
          .slice(-170)
          .map((t) => ({ q: `Complete the following Python function.\n\n${t.q}`, a: t.code })),
    ],
    [
      'strategyqa',
      () => c.rationale.slice(0, 600).map((r) => ({ q: `Q: ${r.q}\nA:`, a: r.answer })),
    ],
  ];
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`eval-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('eval-harness'),
      domain: r.pick([
        'evalworks.ai',
        'benchlab.io',
        'modelcompare.dev',
        'cs.cmu.edu',
        'llm-leaderboard.org',
      ]),
      country: r.pick(['US', 'GB', 'DE', 'SG']),
      client: r.pick(['pyOpenAIAsync', 'aiohttp', 'pyAnthropic_0_49'] as const),
      cloud: r.pick(['aws', 'gcp', 'azure'] as const),
      route: r.chance(0.4) ? 'research' : 'self-serve',
      ips: 1,
      keys: 1,
    });
    const api = a.client.api === 'anthropic' ? 'anthropic' : 'openai';
    const runs = r.int(1, 2);
    for (let k = 0; k < runs; k++) {
      const [, items] = r.pick(benches);
      const list = items();
      const model = r.pick([MODELS.flash, MODELS.pro, MODELS.reasoner]);
      let t = world.dayStart(r.int(0, world.days - 1)) + r.float(0, 24) * HOUR;
      const concurrency = r.pick([8, 16, 32, 64]);
      for (const it of list) {
        const call: Call = {
          api,
          model,
          turns: [{ role: 'user', text: it.q }],
          params: { temperature: 0, max_tokens: r.pick([512, 1024]) },
        };
        if (api === 'openai') call.params.seed = 0;
        world.send(r, a, t, call, { text: it.a });
        t += r.exp(1500 / concurrency);
      }
    }
  }
}

const JUDGE_RUBRICS = [
  'You are an impartial evaluator for a customer-service quality program. Score the agent reply for correctness, empathy and policy compliance on a 1-5 scale. Return JSON {"score": int, "justification": str}.',
  'You grade marketing copy against the brand guide below. Consider tone, accuracy of claims and call to action. Return JSON with "score" (1-10) and "justification".\n\nBrand guide: friendly, concrete, no superlatives, no medical claims.',
  'Evaluate whether the chatbot answer is faithful to the retrieved context. Score 1 (hallucinated) to 5 (fully grounded). Return JSON {"score", "justification"}.',
];

/** An LLM-as-judge vendor scoring its customers' outputs around the clock. */
export function judgeVendor(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`judge-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('llm-judge-vendor'),
      domain: 'gradewise.ai',
      country: 'US',
      client: 'jsOpenAI_4_85',
      cloud: 'aws',
      tier: 'tier-5',
      route: i === 0 ? 'enterprise' : 'self-serve',
      keys: 3,
    });
    const rubric = JUDGE_RUBRICS[i % JUDGE_RUBRICS.length] as string;
    const scale = rubric.includes('1-10') ? 10 : 5;
    for (const t of appArrivals(world, r, -5, r.int(180, 320), SHAPES.business as number[], 0.6)) {
      const pair = r.pick(c.chat);
      const candidate = pair.a ?? proseAnswer(r, pair.q);
      const user = `Customer input:\n${pair.q}\n\nResponse to evaluate:\n${candidate.slice(0, 1500)}`;
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: MODELS.flash,
          system: rubric,
          turns: [{ role: 'user', text: user }],
          params: { temperature: 0, max_tokens: 300, json: true },
        },
        { text: gradeAnswer(r, scale, 'response', true) },
        { key: r.pick(a.keys) },
      );
    }
  }
}

const TUTOR_SYSTEM =
  'You are Brightpath Tutor, a patient maths and science tutor for students aged 11-16. For every question, explain the solution step by step, check understanding with one short question at the end, and never just give the final answer. Use simple language.';

/** An ed-tech app: step-by-step explanations on every request, end users named via `user`. */
export function edtechApp(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`edtech-${i}`);
    const region = (['US', 'GB', 'IN'] as const)[i % 3] as 'US' | 'GB' | 'IN';
    const tz = { US: -5, GB: 0, IN: 5.5 }[region];
    const a = serviceAccount(world, r, {
      label: honest('edtech-app'),
      domain: 'brightpath.school',
      country: region,
      client: 'jsOpenAI_4_77',
      cloud: 'gcp',
      tier: 'tier-4',
      route: 'education',
      keys: 2,
    });
    const users = endUsers(r, r.int(600, 1500), 'stu_');
    for (const t of appArrivals(world, r, tz, r.int(220, 380), SHAPES.student as number[], 0.8)) {
      const w = r.chance(0.75) ? r.pick(c.math) : r.pick(c.hardMath);
      const uid = r.pick(users);
      const text = `${workedAnswer(r, w)}\n\nQuick check: ${r.pick(['what would change if the first number doubled?', 'can you say which step used multiplication?', 'try the same method on a similar problem.'])}`;
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: r.chance(0.8) ? MODELS.flash : MODELS.pro,
          system: TUTOR_SYSTEM,
          turns: [{ role: 'user', text: w.q }],
          params: { temperature: 0.3, max_tokens: 1500, stream: true, user: uid },
        },
        { text },
      );
    }
  }
}

const SYNTH_SYSTEM =
  'Generate a training example for a reasoning dataset. Given the seed problem, write a new problem of similar difficulty on the given topic, then a complete worked solution with numbered steps, then the final answer on its own line prefixed by "ANSWER:". Output JSON with keys "problem", "solution", "answer".';

/** A licensed synthetic-data customer: distillation-like volume and templates, under contract. */
export function syntheticDataLicensed(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`synth-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('synthetic-data-licensed'),
      domain: 'corpusforge.ai',
      country: 'US',
      client: 'pyOpenAIAsync',
      cloud: 'aws',
      tier: 'enterprise',
      route: 'enterprise',
      ips: 6,
      keys: 4,
    });
    for (let d = 0; d < world.days; d++) {
      const jobs = r.int(1, 3);
      for (let j = 0; j < jobs; j++) {
        let t = world.dayStart(d) + r.float(0, 22) * HOUR;
        const size = r.int(150, 350);
        for (let k = 0; k < size; k++) {
          const w = r.pick(c.math);
          const topic = r.pick([
            'percentages',
            'rates',
            'geometry',
            'probability',
            'number theory',
            'combinatorics',
          ]);
          const text = JSON.stringify({
            problem: w.q,
            solution: w.steps.map((s, x) => `${x + 1}. ${s}`).join('\n'),
            answer: w.answer,
          });
          world.send(
            r,
            a,
            t,
            {
              api: 'openai',
              model: r.chance(0.6) ? MODELS.reasoner : MODELS.pro,
              system: SYNTH_SYSTEM,
              turns: [
                {
                  role: 'user',
                  text: `Seed problem: ${w.q}\nTopic: ${topic}\nDifficulty: ${r.pick(['easy', 'medium', 'hard'])}`,
                },
              ],
              params: { temperature: 0.9, max_tokens: 2048, json: true },
            },
            { text },
            { key: r.pick(a.keys) },
          );
          t += r.exp(400);
        }
      }
    }
  }
}

/** A logprob classifier: one-token labels from a fixed set, a small fixed logit_bias. */
export function logprobClassifier(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  const sets = [
    {
      labels: ['billing', 'technical', 'account', 'other'],
      bias: { '27243': 5, '36754': 5, '4711': 5, '1023': 5 },
    },
    { labels: ['positive', 'negative', 'neutral'], bias: { '31587': 4, '43324': 4, '60668': 4 } },
    { labels: ['spam', 'ham'], bias: { '77293': 3, '71678': 3 } },
  ];
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`clf-${i}`);
    const set = sets[i % sets.length] as (typeof sets)[number];
    const a = serviceAccount(world, r, {
      label: honest('logprob-classifier'),
      domain: r.pick(['helpdeskly.com', 'reviewpulse.io', 'mailguard.net']),
      country: r.pick(['US', 'DE', 'NL']),
      client: 'pyOpenAI_1_59',
      cloud: r.pick(['aws', 'azure'] as const),
    });
    const system = `Classify the message into exactly one label: ${set.labels.join(', ')}. Respond with the label only.`;
    for (const t of appArrivals(
      world,
      r,
      a.tz,
      r.int(120, 260),
      SHAPES.business as number[],
      0.5,
    )) {
      const msg = r.pick(c.chat).q.slice(0, 600);
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: MODELS.flash,
          system,
          turns: [{ role: 'user', text: msg }],
          params: {
            temperature: 0,
            max_tokens: 1,
            logprobs: true,
            top_logprobs: set.labels.length,
            logit_bias: set.bias,
          },
        },
        { text: r.pick(set.labels) },
      );
    }
  }
}

/** CI review bots: a diff per pull-request push, review comments back, in working hours. */
export function ciReviewBot(world: World, rng: Rng, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`ci-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('ci-review-bot'),
      domain: r.pick(['shipfast.dev', 'acme-robotics.com', 'ledgerly.io', 'opencollab.org']),
      country: r.pick(['US', 'DE', 'GB', 'IN']),
      client: r.pick(['go', 'jsAnthropic_0_36', 'nodeFetch'] as const),
      cloud: r.pick(['azure', 'gcp', 'aws'] as const),
      ips: 8,
    });
    const api = a.client.api === 'anthropic' ? 'anthropic' : 'openai';
    for (const t of appArrivals(world, r, a.tz, r.int(15, 60), SHAPES.work as number[], 0.1)) {
      const path = `src/${r.pick(['api', 'core', 'ui', 'jobs'])}/${r.pick(['handler', 'service', 'store', 'router'])}.ts`;
      const diff = `diff --git a/${path} b/${path}\n@@ -${r.int(1, 200)},7 +${r.int(1, 200)},9 @@\n${fileText(
        r,
        path,
        r.int(8, 40),
      )
        .split('\n')
        .map((l) => (r.chance(0.3) ? `+${l}` : ` ${l}`))
        .join('\n')}`;
      const comments = Array.from(
        { length: r.int(0, 4) },
        () =>
          `- ${path}:${r.int(1, 200)}: ${r.pick(['possible null dereference when the record is missing', 'this await inside a loop serialises requests; consider Promise.all', 'missing test for the error branch', 'log message leaks the user id', 'nit: name is misleading'])}`,
      );
      world.send(
        r,
        a,
        t,
        {
          api,
          model: MODELS.pro,
          system:
            'You are a code reviewer. Review the diff. Report only concrete bugs, security issues and missing tests as a bullet list with file:line. If nothing, reply LGTM.',
          turns: [{ role: 'user', text: diff }],
          params: { temperature: 0, max_tokens: 1024 },
        },
        { text: comments.length ? comments.join('\n') : 'LGTM' },
      );
    }
  }
}

const ROLES = [
  'Senior Backend Engineer',
  'Data Analyst',
  'Account Executive',
  'Nurse Practitioner',
  'Warehouse Supervisor',
];

/** A résumé screener: one template, a different résumé each time, structured verdicts. */
export function resumeScreener(world: World, rng: Rng, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`resume-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('resume-screener'),
      domain: 'hireloop.io',
      country: 'US',
      client: 'pyAnthropic_0_45',
      cloud: 'aws',
    });
    for (const t of appArrivals(world, r, -5, r.int(60, 160), SHAPES.work as number[], 0.2)) {
      const role = r.pick(ROLES);
      const years = r.int(0, 18);
      const cv = `Name: Candidate ${r.hex(6)}\nExperience: ${years} years\nMost recent: ${r.pick(['Analyst', 'Engineer', 'Coordinator', 'Manager', 'Associate'])} at ${r.pick(['Globex', 'Initech', 'Umbrella Health', 'Stark Logistics'])} (${2025 - r.int(0, 6)}-present)\nSkills: ${r.sample(['SQL', 'Python', 'Excel', 'Kubernetes', 'negotiation', 'patient care', 'forklift certified', 'Tableau', 'Go', 'CRM'], 4).join(', ')}\nEducation: ${r.pick(['BSc Computer Science', 'BA Economics', 'MSN', 'High school diploma', 'MBA'])}`;
      const score = r.int(20, 95);
      const text = JSON.stringify({
        decision: score > 65 ? 'advance' : 'reject',
        score,
        reasons: [
          `${years} years of relevant experience`,
          score > 65 ? 'skills match core requirements' : 'missing key required skills',
        ],
      });
      world.send(
        r,
        a,
        t,
        {
          api: 'anthropic',
          model: MODELS.flash,
          system: `Screen the résumé for the role "${role}". Return JSON: decision (advance|reject), score 0-100, reasons (max 3).`,
          turns: [{ role: 'user', text: cv }],
          params: { max_tokens: 400, temperature: 0 },
        },
        { text },
      );
    }
  }
}

/** An ad-copy "variations" tool: one template, high temperature, numbered variants. */
export function adCopyTool(world: World, rng: Rng, n: number): void {
  const products = [
    'running shoes',
    'meal-kit subscription',
    'noise-cancelling earbuds',
    'budgeting app',
    'yoga studio membership',
    'electric bike',
    'coffee beans',
    'project-management software',
  ];
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`adcopy-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('ad-copy-variations'),
      domain: r.pick(['adsprout.co', 'copycraft.app']),
      country: r.pick(['US', 'GB', 'AU']),
      client: 'jsOpenAI_4_85',
      cloud: 'gcp',
    });
    for (const t of appArrivals(world, r, a.tz, r.int(40, 120), SHAPES.work as number[], 0.3)) {
      const p = r.pick(products);
      const k = r.pick([5, 8, 10]);
      const text = Array.from(
        { length: k },
        (_, j) =>
          `${j + 1}. ${r.pick(['Meet your new favourite', 'Finally:', 'Built for you:', 'Say hello to', 'Upgrade to'])} ${p} ${r.pick(['that keeps up with you.', '— try it free for 30 days.', 'without the hassle.', 'made simple.', 'you will actually use.'])}`,
      ).join('\n');
      world.send(
        r,
        a,
        t,
        {
          api: 'openai',
          model: MODELS.flash,
          turns: [
            {
              role: 'user',
              text: `Write ${k} short ad headline variations for ${p}. Audience: ${r.pick(['young professionals', 'parents', 'students', 'retirees'])}. Tone: ${r.pick(['playful', 'premium', 'direct'])}. Max 12 words each.`,
            },
          ],
          params: { temperature: r.pick([0.9, 1.0, 1.1]), max_tokens: 500 },
        },
        { text },
      );
    }
  }
}

/** A children's text rewriter: rewrite a passage for young readers. */
export function kidsRewriter(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`kids-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('kids-text-rewriter'),
      domain: 'storysprout.kids',
      country: r.pick(['US', 'GB', 'CA']),
      client: 'okhttp',
      cloud: 'digitalocean',
    });
    for (const t of appArrivals(world, r, a.tz, r.int(50, 140), SHAPES.consumer as number[], 1.3)) {
      const src = r.pick(c.docs).slice(0, 900);
      const age = r.pick([6, 8, 10]);
      const text = src
        .split(/(?<=\.)\s+/)
        .slice(0, 4)
        .map((s) => s.split(' ').slice(0, 10).join(' ').replace(/,$/, '') + '.')
        .join(' ');
      world.send(
        r,
        a,
        t,
        {
          api: 'anthropic',
          model: MODELS.flash,
          system: `Rewrite the text so a ${age}-year-old can read it. Short sentences, simple words, keep the facts, nothing scary.`,
          turns: [{ role: 'user', text: src }],
          params: { max_tokens: 600, temperature: 0.5 },
        },
        { text },
      );
    }
  }
}

/** Batch summarisation pipelines: nightly runs of one template over different documents. */
export function batchSummariser(world: World, rng: Rng, n: number): void {
  const c = world.corpus;
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`batch-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('batch-summariser'),
      domain: r.pick(['newsdigest.io', 'legalbrief.ai', 'medsum.health', 'earningsbot.com']),
      country: r.pick(['US', 'GB', 'DE']),
      client: r.pick(['requests', 'pyOpenAI_1_35', 'go'] as const),
      cloud: r.pick(['aws', 'hetzner', 'gcp'] as const),
      ips: 1,
      keys: 1,
    });
    const bullets = r.chance(0.5);
    const template = bullets
      ? 'Summarise the following document in 3-5 bullet points. Be factual.\n\nDocument:\n'
      : 'Write a two-sentence summary of this article:\n\n';
    for (let d = 0; d < world.days; d++) {
      let t = world.dayStart(d) + (r.pick([1, 2, 3]) - a.tz) * HOUR + r.float(0, 0.2) * HOUR;
      const size = r.int(60, 180);
      for (let k = 0; k < size; k++) {
        const doc = r.pick(c.docs).slice(0, 3000);
        world.send(
          r,
          a,
          t,
          {
            api: 'openai',
            model: MODELS.flash,
            turns: [{ role: 'user', text: template + doc }],
            params: { temperature: 0, max_tokens: 300 },
          },
          { text: summaryOf(r, doc, bullets) },
        );
        t += r.lognormal(1800, 0.3);
      }
    }
  }
}

export const TRAVEL_SYSTEM =
  'You are Wanderly, the in-app travel assistant. Help users with bookings, baggage rules, visas and itineraries. Be brief and friendly. Never invent prices; link to the booking page instead.';

const TRAVEL_ASKS = [
  'Can I bring a power bank in my carry-on?',
  'What documents do I need to visit Japan from Brazil?',
  'Suggest a 2-day plan for Porto',
  'my flight got cancelled what are my options',
  'Is breakfast included in my booking?',
  'Best time of year to visit Iceland?',
  'How early should I get to the airport for an international flight?',
  'Can I change the name on my ticket?',
];

/** The honest app next to the campaign that hides inside one: an in-app travel assistant. */
export function travelApp(world: World, rng: Rng, n: number): void {
  for (let i = 0; i < n; i++) {
    const r = rng.fork(`travel-${i}`);
    const a = serviceAccount(world, r, {
      label: honest('support-app'),
      domain: r.pick(['wanderly.travel', 'tripnest.com', 'hoppa.app']),
      country: r.pick(['US', 'GB', 'DE', 'SG']),
      client: 'jsOpenAI_4_77',
      cloud: 'aws',
    });
    appTraffic(world, r, a, r.int(100, 220), endUsers(r, r.int(300, 900), 'u_'));
  }
}

/** One request of the travel app's ordinary traffic. */
export function travelRequest(world: World, r: Rng, a: Actor, t: number, uid: string): void {
  const q = r.pick(TRAVEL_ASKS);
  world.send(
    r,
    a,
    t,
    {
      api: 'openai',
      model: MODELS.flash,
      system: TRAVEL_SYSTEM,
      turns: [{ role: 'user', text: q }],
      params: { temperature: 0.4, max_tokens: 400, stream: true, user: uid },
    },
    { text: proseAnswer(r, q) },
  );
}

function appTraffic(world: World, r: Rng, a: Actor, daily: number, users: string[]): void {
  for (const t of appArrivals(world, r, a.tz, daily, SHAPES.consumer as number[], 1.2))
    travelRequest(world, r, a, t, r.pick(users));
}
