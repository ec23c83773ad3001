/**
 * Honest single-template tools and one-off evaluations: a CI code-review bot, a résumé
 * screener, an ad-copy "variations" tool, a children's-platform rewriter, and evaluation
 * harness bursts (a benchmark once at temperature 0, then silence).
 */
import { client } from '../clients.js';
import { HOUR, burst, localTime, poissonTimes } from '../clock.js';
import { personName, pickCountry } from '../people.js';
import { codeAnswer, fit, review, softened, variations } from '../reply.js';
import { fill } from '../reword.js';
import type { Rng } from '../rng.js';
import { itemOf, plain, promptText, worked, type Kind } from '../tasks.js';
import type { HEvent, Params } from '../wire.js';
import { Actor, MODELS, keysFor, type Account, type Family, type World } from '../world.js';
import { orgRecord, personRecord } from './common.js';

/** A unified diff made from a reference solution: a few lines changed, a few added. */
function diffOf(code: string, rng: Rng, file: string): string {
  const lines = code.split('\n').slice(0, 30);
  const out = [
    `--- a/${file}`,
    `+++ b/${file}`,
    `@@ -${rng.int(1, 80)},${lines.length} +${rng.int(1, 80)},${lines.length + 1} @@`,
  ];
  for (const l of lines) {
    const r = rng.next();
    if (r < 0.12) out.push(`-${l}`, `+${l.replace(/\b(\w+)\b/, '$1_')}`);
    else if (r < 0.18) out.push(`+${l}`);
    else out.push(` ${l}`);
  }
  if (rng.chance(0.5))
    out.push(`+    # TODO: handle ${rng.pick(['empty input', 'None', 'timeouts', 'unicode'])}`);
  return out.join('\n');
}

function ciBot(w: World, rng: Rng): Account {
  const country = pickCountry(rng, ['US', 'DE', 'IN', 'GB', 'BR', 'PL']);
  const org = fill(rng, '{acme|orbit|lumen|kite|harbor|pine}{soft|works|labs|hq}');
  const rec = orgRecord(w, rng, {
    name: org,
    domain: `${org}.com`,
    country,
    route: 'self-serve',
    tier: 'tier-3',
  });
  // CI runners egress from many cloud ranges.
  const runners = Array.from({ length: 40 }, () => w.net.cloud());
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, rng.pick(['openai-node', 'openai-python'])),
    (r) => `${r.pick(runners)}.${r.int(2, 254)}`,
  );
  const prs = poissonTimes(rng, w.start, w.end, rng.range(12, 30) * w.volume, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.1,
  });
  const system = `You are a senior engineer reviewing a pull request for ${org}. Comment only on real problems: bugs, missing tests, security issues, unclear names. Be concise. If there is nothing to flag, reply "LGTM".`;
  const events = function* (): Generator<HEvent> {
    for (const at of prs) {
      const files = rng.int(1, 8);
      const times = burst(rng, at, files, 2, 4000);
      for (const ts of times) {
        const item = itemOf(w.corpus, rng.chance(0.7) ? 'code' : 'humaneval', rng);
        const diff = diffOf(
          item.code ?? item.q,
          rng,
          `src/${fill(rng, '{core|api|utils|models|jobs}')}/${rng.id(5)}.py`,
        );
        yield actor.send(
          ts,
          {
            model: MODELS.pro,
            system,
            params: { temperature: 0.2, max_tokens: 800 },
            turns: [{ role: 'user', text: `Review this diff:\n\n\`\`\`diff\n${diff}\n\`\`\`` }],
          },
          fit(review(diff, rng), rng.lognormal(150, 0.5)),
          rng,
        );
      }
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'ci-review-bot', campaign: null },
    events,
  };
}

const ROLES = [
  'Backend Engineer (Go)',
  'Data Analyst',
  'Registered Nurse',
  'Account Executive',
  'UX Designer',
  'Warehouse Supervisor',
  'Financial Controller',
  'Customer Support Lead',
];
const SKILLS = [
  'Python',
  'SQL',
  'Go',
  'Kubernetes',
  'Excel',
  'Tableau',
  'patient care',
  'Salesforce',
  'Figma',
  'negotiation',
  'forklift certification',
  'IFRS',
  'Zendesk',
  'team leadership',
  'AWS',
  'React',
];
const FIRMS = [
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Logistics',
  'Wayne Finance',
  'Hooli',
  'Vandelay Imports',
  'Soylent Foods',
];

function resume(rng: Rng): string {
  const [f, l] = personName(rng);
  const jobs = Array.from(
    { length: rng.int(1, 3) },
    () =>
      `- ${rng.pick(FIRMS)}, ${rng.int(2012, 2024)}–${rng.pick(['present', String(rng.int(2015, 2025))])}: ${rng.pick(['led', 'supported', 'built', 'managed'])} ${rng.pick(['a team of 6', 'the reporting stack', 'customer onboarding', 'a migration to the cloud', 'inventory planning'])}`,
  );
  return `${f[0]!.toUpperCase()}${f.slice(1)} ${l[0]!.toUpperCase()}${l.slice(1)}\nSkills: ${rng.sample(SKILLS, rng.int(3, 6)).join(', ')}\nExperience:\n${jobs.join('\n')}\nEducation: ${rng.pick(['BSc Computer Science', 'BA Economics', 'BSN Nursing', 'MBA', 'High school diploma'])}`;
}

function screener(w: World, rng: Rng): Account {
  const country = pickCountry(rng, ['US', 'GB', 'CA', 'AU']);
  const rec = orgRecord(w, rng, {
    name: 'HireLoop',
    domain: 'hireloop.io',
    country,
    route: 'self-serve',
    tier: 'tier-4',
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, 'openai-node'),
    (r) => `${prefix}.${r.int(2, 9)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(200, 320) * w.volume, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.15,
  });
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const role = rng.pick(ROLES);
      const text = `Job description:\n${role}. Requirements: ${rng.sample(SKILLS, 4).join(', ')}; ${rng.int(2, 8)}+ years of experience.\n\nRésumé:\n${resume(rng)}\n\nRate the candidate's fit for the role from 1 to 10 and give two short reasons. Respond in JSON: {"fit": <1-10>, "reasons": ["...", "..."]}`;
      const out = JSON.stringify({
        fit: rng.int(2, 9),
        reasons: [
          rng.pick([
            'Relevant experience in a similar role',
            'Strong match on required skills',
            'Limited years of experience',
            'Missing a required certification',
          ]),
          rng.pick([
            'Clear progression of responsibility',
            'No evidence of the main tool',
            'Education matches the role',
          ]),
        ],
      });
      yield actor.send(
        ts,
        {
          model: MODELS.flash,
          system:
            'You are an assistant that screens résumés for recruiters. Be fair and consistent; ignore names, ages and photos.',
          params: { temperature: 0, max_tokens: 200, json: true },
          turns: [{ role: 'user', text }],
        },
        fit(out, 0),
        rng,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'resume-screener', campaign: null },
    events,
  };
}

const PRODUCTS = [
  'noise-cancelling headphones',
  'plant-based protein bars',
  'a budgeting app',
  'running shoes',
  'a meal-kit subscription',
  'ergonomic office chairs',
  'a language-learning app',
  'reusable water bottles',
  'a password manager',
  'pet insurance',
];
const AUDIENCES = [
  'busy parents',
  'college students',
  'remote workers',
  'runners',
  'small business owners',
  'retirees',
];

function adCopy(w: World, rng: Rng): Account {
  const { rec, country } = personRecord(w, rng, {
    route: 'startup-credits',
    tier: 'tier-2',
    age: rng.range(20, 90),
  });
  rec.name = fill(rng, '{Adly|Copyforge|Hooksmith}');
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, 'ai-sdk'),
    (r) => `${prefix}.${r.int(2, 6)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(200, 320) * w.volume, {
    tz: country.tz,
    curve: 'office',
    weekend: 0.3,
  });
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const product = rng.pick(PRODUCTS);
      const headline = fill(
        rng,
        `{The|Meet the|Try the|Discover} {best|smartest|easiest|new} ${product} {for|built for|loved by} ${rng.pick(AUDIENCES)}`,
      );
      const k = rng.pick([5, 8, 10]);
      const text = `Generate ${k} variations of this ad headline for A/B testing. Keep each under 60 characters and vary the angle.\n\nHeadline: ${headline}\nProduct: ${product}\nAudience: ${rng.pick(AUDIENCES)}`;
      yield actor.send(
        ts,
        {
          model: MODELS.flash,
          params: { temperature: 1, n: rng.pick([1, 1, 2, 3]), max_tokens: 400 },
          turns: [{ role: 'user', text }],
        },
        fit(variations(headline, k, rng), rng.lognormal(140, 0.3)),
        rng,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'adcopy-variations', campaign: null },
    events,
  };
}

const HEROES = [
  'a young knight',
  'a fox named Rusty',
  'two sisters',
  'a lonely robot',
  'a pirate captain',
  'a boy called Theo',
];
const PLACES = [
  'in a dark forest',
  'on a stormy ship',
  'in an old castle',
  'in a city under the sea',
  'on a farm at the edge of the desert',
];
const TROUBLE = [
  'A monster attacked the village and the soldiers fought it with swords until it was dead.',
  'The wolves chased them, and one of them was killed in the bloody fight.',
  'A thief with a gun broke in at night and everyone screamed, terrified.',
  'The dragon burned the houses and the people ran away screaming.',
  'The evil queen locked them in a dungeon and said she would kill them at dawn.',
];

function kidsRewriter(w: World, rng: Rng): Account {
  const country = pickCountry(rng, ['US', 'GB']);
  const rec = orgRecord(w, rng, {
    name: 'StorySprouts',
    domain: 'storysprouts.com',
    country,
    route: 'self-serve',
    tier: 'tier-3',
  });
  const prefix = w.net.cloud();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, 'openai-python'),
    (r) => `${prefix}.${r.int(2, 5)}`,
  );
  const times = poissonTimes(rng, w.start, w.end, rng.range(450, 650) * w.volume, {
    tz: country.tz,
    curve: 'machine',
  });
  const events = function* (): Generator<HEvent> {
    for (const ts of times) {
      const story = `Once upon a time there was ${rng.pick(HEROES)} ${rng.pick(PLACES)}. ${rng.pick(TROUBLE)} ${rng.pick(['In the end they found their way home.', 'Nobody ever forgot that night.', 'Then the sun came up.'])}`;
      const text = `Rewrite the following story so that it is safe and age-appropriate for children aged 6 to 9. Keep the plot and characters, remove violence and frightening details, and use simple words.\n\nStory:\n${story}`;
      yield actor.send(
        ts,
        {
          model: MODELS.flash,
          params: { temperature: 0.5, max_tokens: 600 },
          turns: [{ role: 'user', text }],
        },
        fit(softened(story), rng.lognormal(120, 0.3)),
        rng,
      );
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'kids-rewriter', campaign: null },
    events,
  };
}

/** Few-shot exemplars of a GSM-style harness (long prompt, short chain of thought answer). */
function fewShot(w: World, rng: Rng, k: number): string {
  return rng
    .sample(w.corpus.gsm, k)
    .map(
      (g) =>
        `Q: ${g.q}\nA: ${(g.solution ?? '').replace(/\n/g, ' ')} The answer is ${g.answer ?? ''}.`,
    )
    .join('\n\n');
}

const HARNESS: readonly {
  kind: Kind;
  n: [number, number];
  shots?: number;
  suffix: string;
  tokens: number;
}[] = [
  { kind: 'gsm', n: [250, 600], shots: 8, suffix: "A: Let's think step by step.", tokens: 0.6 },
  { kind: 'math', n: [300, 500], suffix: 'Put your final answer within \\boxed{}.', tokens: 1 },
  { kind: 'humaneval', n: [164, 164], suffix: '', tokens: 1 },
  { kind: 'code', n: [300, 500], suffix: 'Your code should pass the tests.', tokens: 1 },
  {
    kind: 'mc',
    n: [300, 800],
    suffix: 'Answer with the letter of the correct option.',
    tokens: 0.3,
  },
  { kind: 'hard', n: [200, 500], suffix: '', tokens: 1 },
];

/** An evaluation harness: one benchmark run (sometimes a second on the new model), then silence. */
function evalBurst(w: World, rng: Rng): Account {
  const uni = rng.chance(0.5);
  const { rec, country } = personRecord(w, rng, {
    route: uni ? 'research' : rng.pick(['self-serve', 'enterprise']),
    tier: rng.pick(['tier-2', 'tier-3', 'enterprise']),
  });
  const prefix = w.net.prefix();
  const actor = new Actor(
    rec.id,
    keysFor(w, 1),
    client(rng, rng.pick(['openai-python', 'aiohttp', 'litellm', 'anthropic-python'])),
    (r) => `${prefix}.${r.int(2, 20)}`,
  );
  const first = localTime(
    w.start,
    rng.int(0, Math.max(0, w.days - 2)),
    rng.range(9, 18),
    country.tz,
  );
  const runs: [number, string][] = [[first, rng.pick([MODELS.pro, MODELS.flash, MODELS.think])]];
  if (rng.chance(0.6) && w.release < w.end - 6 * HOUR)
    runs.push([
      w.release + rng.range(1, Math.min(48, (w.end - w.release) / HOUR - 4)) * HOUR,
      MODELS.next,
    ]);
  const h = rng.pick(HARNESS);
  const events = function* (): Generator<HEvent> {
    for (const [at, model] of runs.sort((a, b) => a[0] - b[0])) {
      const times = burst(
        rng,
        at,
        rng.int(h.n[0], h.n[1]),
        rng.pick([8, 16, 32]),
        model.includes('think') ? 12000 : 4000,
      ).filter((t) => t < w.end);
      const shots = h.shots ? fewShot(w, rng, h.shots) : '';
      for (const ts of times) {
        const item = itemOf(w.corpus, h.kind, rng);
        const text = h.shots
          ? `${shots}\n\nQ: ${item.q}\n${h.suffix}`
          : `${promptText(item, h.kind)}${h.suffix ? '\n\n' + h.suffix : ''}`;
        const p: Params = { temperature: 0, max_tokens: h.kind === 'hard' ? 4096 : 1024 };
        const out =
          h.kind === 'hard'
            ? plain(item, 'hard', rng)
            : h.kind === 'mc'
              ? fit(`Answer: ${item.answer ?? '(A)'}`, rng.int(3, 10))
              : h.kind === 'code' || h.kind === 'humaneval'
                ? fit(codeAnswer(item.q, rng, item.code), rng.lognormal(160, 0.4))
                : worked(item, h.kind, 'en', rng, h.tokens);
        yield actor.send(ts, { model, params: p, turns: [{ role: 'user', text }] }, out, rng);
      }
    }
  };
  return {
    record: rec,
    label: { malicious: false, persona: 'eval-burst', campaign: null },
    events,
  };
}

export const TOOLS: Family[] = [
  {
    name: 'ci-review-bot',
    malicious: false,
    base: 3,
    min: 1,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => ciBot(w, rng.fork(i))),
    }),
  },
  {
    name: 'resume-screener',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => screener(w, rng.fork(i))),
    }),
  },
  {
    name: 'adcopy-variations',
    malicious: false,
    base: 2,
    min: 1,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => adCopy(w, rng.fork(i))),
    }),
  },
  {
    name: 'kids-rewriter',
    malicious: false,
    base: 1,
    min: 1,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => kidsRewriter(w, rng.fork(i))),
    }),
  },
  {
    name: 'eval-burst',
    malicious: false,
    base: 12,
    min: 2,
    build: (w, n, rng) => ({
      accounts: Array.from({ length: n }, (_, i) => evalBurst(w, rng.fork(i))),
    }),
  },
];
