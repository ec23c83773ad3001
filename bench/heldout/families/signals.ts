/**
 * Harvests with their own output shapes: reward labelling in wording no grading word list
 * has, logit extraction through logit_bias alone (no logprobs), worked-solution asks in
 * languages outside the big ten, and a coverage sweep marching through a capability
 * taxonomy, spread over accounts.
 */
import { client } from '../clients.js';
import { WIDER, WORDS, type Lang } from '../lexicon.js';
import { ProxyPool } from '../people.js';
import { codeAnswer, derivation, fit, moreCode, moreProse, prose } from '../reply.js';
import { fill } from '../reword.js';
import type { Rng } from '../rng.js';
import { REASONING_MIX, itemOf, promptText, worked, type Kind } from '../tasks.js';
import type { HEvent, Params } from '../wire.js';
import {
  Actor,
  MODELS,
  keysFor,
  thinkModel,
  type Account,
  type CampaignOut,
  type Family,
  type World,
} from '../world.js';
import { fleet, pipelineTimes } from './fleet.js';
import { cadence } from '../clock.js';

const LABEL_ASKS: { ask: string; pair: boolean; out: (r: Rng) => string }[] = [
  {
    ask: 'How much would you trust this if you were the person asking? Reply with a single digit, 0 (not at all) to 9 (completely).',
    pair: false,
    out: (r) => String(r.int(0, 9)),
  },
  {
    ask: "Two drafts for the same message are below. Which one would you keep? Reply 'first' or 'second' only.",
    pair: true,
    out: (r) => r.pick(['first', 'second']),
  },
  {
    ask: 'Tag the draft with exactly one of: spot-on, mostly-right, off-base, harmful.',
    pair: false,
    out: (r) => r.pick(['spot-on', 'mostly-right', 'off-base', 'mostly-right', 'harmful']),
  },
  {
    ask: 'Would a careful expert sign off on this? Say yes or no, then a confidence between 0 and 100.',
    pair: false,
    out: (r) => `${r.pick(['yes', 'no'])} ${r.int(40, 99)}`,
  },
  {
    ask: 'Give this a mark between 0 and 9, where 9 is flawless. Digits only.',
    pair: false,
    out: (r) => String(r.int(1, 9)),
  },
  {
    ask: 'Put a number on how useful this is for the person who wrote the message (0–9). Nothing else.',
    pair: false,
    out: (r) => String(r.int(0, 9)),
  },
  {
    ask: 'Is there a mistake in the draft? If yes, quote the first wrong sentence; if no, write CLEAN.',
    pair: false,
    out: (r) => (r.chance(0.6) ? 'CLEAN' : '"The total is therefore 42."'),
  },
  { ask: 'Keep A or keep B? One letter.', pair: true, out: (r) => r.pick(['A', 'B']) },
  {
    ask: 'Does the draft do what the message asked? Output 1 for yes, 0 for no.',
    pair: false,
    out: (r) => r.pick(['1', '0', '1']),
  },
  {
    ask: '¿Con cuál de los dos borradores te quedarías? Contesta solo «1» o «2».',
    pair: true,
    out: (r) => r.pick(['1', '2']),
  },
  {
    ask: 'Lequel des deux brouillons garderais-tu ? Réponds seulement 1 ou 2.',
    pair: true,
    out: (r) => r.pick(['1', '2']),
  },
  {
    ask: 'Wie nützlich ist dieser Entwurf, 0 bis 9? Nur die Ziffer.',
    pair: false,
    out: (r) => String(r.int(0, 9)),
  },
];
const FRAMES = [
  ['[Message]', '[Draft]', '[Draft 1]', '[Draft 2]'],
  ['Message:', 'Bot said:', 'First bot:', 'Second bot:'],
  ['<msg>', '<draft>', '<d1>', '<d2>'],
  ['### Message', '### Candidate', '### Candidate A', '### Candidate B'],
];

/** A student model's draft of an answer: sometimes fine, sometimes flawed. */
function draft(w: World, r: Rng, kind: Kind, q: string, solutionLike: boolean): string {
  const item = itemOf(w.corpus, kind, r);
  const base = solutionLike ? derivation(item, 'en', r) : prose(q, r, item.reply);
  const text = base.slice(0, r.int(200, 900));
  return r.chance(0.3) ? text.replace(/\d+/, (d) => String(Number(d) + r.int(1, 9))) : text;
}

function rewardLabelling(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'reward-label-1';
  const recs = fleet(w, rng, n, {
    waves: 2,
    age: [3, 25],
    routes: [
      ['research', 2],
      ['startup-credits', 2],
    ],
    cardShare: 0.6,
    cards: 2,
  });
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const host = `${w.net.cloud()}.${r.int(2, 254)}`;
    const actor = new Actor(
      a.rec.id,
      keysFor(w, 1),
      client(r, r.pick(['openai-python', 'aiohttp'])),
      () => host,
    );
    const times = pipelineTimes(r, w.start, w.end, r.range(100, 150) * w.volume, 0, 'flat');
    const asks = r.sample(LABEL_ASKS, r.int(4, 8));
    const temperature = r.chance(0.6) ? 0 : 0.2;
    const withLogprobs = r.chance(0.4);
    const events = function* (): Generator<HEvent> {
      for (const ts of times) {
        const a2 = r.pick(asks);
        const kind = r.weighted<Kind>([
          ['chat', 4],
          ['instruction', 2],
          ['gsm', 2],
          ['code', 1],
        ]);
        const msg = itemOf(w.corpus, kind, r).q;
        const [m, d, d1, d2] = r.pick(FRAMES) as [string, string, string, string];
        const sol = kind === 'gsm' || kind === 'code';
        const drafts = a2.pair
          ? `${d1}\n${draft(w, r, kind, msg, sol)}\n\n${d2}\n${draft(w, r, kind, msg, sol)}`
          : `${d}\n${draft(w, r, kind, msg, sol)}`;
        const text = r.chance(0.5)
          ? `${m}\n${msg}\n\n${drafts}\n\n${a2.ask}`
          : `${a2.ask}\n\n${m}\n${msg}\n\n${drafts}`;
        const p: Params = { temperature, max_tokens: r.pick([4, 8, 16]) };
        if (withLogprobs) Object.assign(p, { logprobs: true, top_logprobs: 10 });
        const out = a2.out(r);
        yield actor.send(
          ts,
          { model: MODELS.pro, params: p, turns: [{ role: 'user', text }] },
          fit(out, Math.max(1, Math.ceil(out.length / 3))),
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'reward-labelling', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'reward-labelling', accounts: accounts.length }] };
}

/**
 * Logit extraction without logprobs (Carlini et al. 2024, §5: with only the argmax and a
 * logit bias, a binary search on the bias recovers each logit): max_tokens 1, temperature
 * 0, and each request biases a different handful of token ids, marching through the vocabulary.
 */
function logitSweep(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'logit-bias-1';
  const recs = fleet(w, rng, n, {
    waves: 1,
    age: [2, 10],
    routes: [['self-serve', 1]],
    cardShare: 0,
    cards: 1,
  });
  const prompts = w.corpus.chat.map((c) => c.q.slice(0, 120));
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const host = `${w.net.cloud()}.${r.int(2, 254)}`;
    const actor = new Actor(
      a.rec.id,
      keysFor(w, 1),
      client(r, r.pick(['python-requests', 'aiohttp'])),
      () => host,
    );
    const times = cadence(
      r,
      w.start + r.range(0, 12) * 3_600_000,
      w.end,
      86_400_000 / (r.range(220, 300) * w.volume),
      0.35,
    );
    const fixed = r.sample(prompts, 6);
    let token = 1000 + i * 40_000 + r.int(0, 999);
    const events = function* (): Generator<HEvent> {
      let search = 0;
      let bias = 64;
      for (const ts of times) {
        // A binary search on one token's bias, a few tokens at a time; then on to the next ids.
        if (search === 0) {
          token += r.int(1, 4);
          bias = 64;
        }
        const ids = [token, ...Array.from({ length: r.int(0, 6) }, () => token + r.int(1, 30))];
        const lb: Record<string, number> = {};
        for (const t of ids) lb[String(t)] = t === token ? Math.round(bias * 100) / 100 : -100;
        bias = r.chance(0.5) ? bias / 2 : -bias / 2;
        search = (search + 1) % r.int(6, 9);
        const p: Params = { temperature: 0, max_tokens: 1, logit_bias: lb, seed: 0 };
        yield actor.send(
          ts,
          {
            model: r.chance(0.8) ? MODELS.pro : MODELS.flash,
            params: p,
            turns: [{ role: 'user', text: r.pick(fixed) }],
          },
          fit(r.pick(['The', ' the', ' I', 'Yes', ' a', 'Hello', ' is', '\n', ' to', ' and']), 1),
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'logit-bias-sweep', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'logit-bias-sweep', accounts: accounts.length }] };
}

const LANG_COUNTRIES: Partial<Record<Lang, string[]>> = {
  sw: ['KE', 'TZ'],
  tl: ['PH'],
  vi: ['VN'],
  tr: ['TR'],
  pl: ['PL'],
  id: ['ID'],
  hi: ['IN'],
  fa: ['DE', 'CA', 'AM'],
  th: ['TH'],
  uk: ['UA'],
  nl: ['NL'],
  ro: ['RO'],
  cs: ['CZ'],
  hu: ['HU'],
  bn: ['BD'],
  he: ['IL'],
  el: ['GR'],
  ms: ['MY'],
};

function lowResource(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'lowres-lang-1';
  const recs = fleet(w, rng, n, {
    waves: 3,
    age: [3, 45],
    routes: [
      ['education', 2],
      ['self-serve', 3],
    ],
    cardShare: 0.3,
    cards: 4,
    countries: [
      'KE',
      'PH',
      'VN',
      'TR',
      'PL',
      'ID',
      'IN',
      'TH',
      'UA',
      'NL',
      'RO',
      'CZ',
      'HU',
      'BD',
      'IL',
      'GR',
      'MY',
    ],
  });
  const pool = new ProxyPool(w.net, 300, rng);
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const local = (Object.entries(LANG_COUNTRIES).find(([, cs]) =>
      cs.includes(a.country.code),
    )?.[0] ?? r.pick(WIDER)) as Lang;
    const langs: Lang[] = [local, ...r.sample(WIDER, r.int(0, 2))];
    const exit = pool.exit(r);
    const actor = new Actor(
      a.rec.id,
      keysFor(w, 1),
      client(r, r.pick(['openai-python', 'anthropic-python', 'openai-node'])),
      (rr) => (rr.chance(0.8) ? exit : pool.exit(rr)),
    );
    const times = pipelineTimes(
      r,
      w.start,
      w.end,
      r.range(28, 42) * w.volume,
      a.country.tz,
      'machine',
    );
    const events = function* (): Generator<HEvent> {
      for (const ts of times) {
        const lang = r.pick(langs);
        const kind = r.weighted(REASONING_MIX.filter(([k]) => k !== 'hard'));
        const item = itemOf(w.corpus, kind, r);
        const ws = WORDS[lang];
        const ask = `${r.pick(ws.steps)}${r.chance(0.6) ? ' ' + ws.answerIn : ''}`;
        const text = r.chance(0.5)
          ? `${promptText(item, kind)}\n\n${ask}`
          : `${ask}\n\n${promptText(item, kind)}`;
        const out =
          kind === 'code' || kind === 'humaneval'
            ? fit(codeAnswer(item.q, r, item.code), r.lognormal(900, 0.4), moreCode(r))
            : worked(item, kind, lang, r, 1.4);
        yield actor.send(
          ts,
          {
            model: r.chance(0.7) ? thinkModel(w, ts, r, 0.4, 0.5) : MODELS.pro,
            params: { temperature: 0.7, max_tokens: 8192 },
            turns: [{ role: 'user', text }],
          },
          out,
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'lowres-lang-cot', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'lowres-lang-cot', accounts: accounts.length }] };
}

const TAXONOMY: [string, string[]][] = [
  [
    'mathematics',
    [
      'linear algebra',
      'real analysis',
      'combinatorics',
      'number theory',
      'probability',
      'differential equations',
      'graph theory',
      'optimisation',
    ],
  ],
  [
    'programming',
    [
      'Python concurrency',
      'Rust ownership',
      'SQL query planning',
      'JavaScript event loop',
      'dynamic programming',
      'distributed consensus',
      'memory allocators',
      'compiler front ends',
    ],
  ],
  [
    'law',
    [
      'contract formation',
      'tort negligence',
      'criminal procedure',
      'intellectual property',
      'employment law',
      'data protection (GDPR)',
      'constitutional review',
      'arbitration',
    ],
  ],
  [
    'medicine',
    [
      'cardiology',
      'pharmacokinetics',
      'paediatrics',
      'oncology',
      'infectious disease',
      'endocrinology',
      'emergency triage',
      'radiology',
    ],
  ],
  [
    'finance',
    [
      'bond pricing',
      'options and the Black–Scholes model',
      'corporate valuation',
      'portfolio theory',
      'credit risk',
      'accounting standards',
      'market microstructure',
      'venture term sheets',
    ],
  ],
  [
    'chemistry',
    [
      'reaction kinetics',
      'organic synthesis',
      'electrochemistry',
      'thermodynamics',
      'spectroscopy',
      'polymer chemistry',
      'acid–base equilibria',
      'catalysis',
    ],
  ],
  [
    'physics',
    [
      'classical mechanics',
      'electromagnetism',
      'quantum mechanics',
      'statistical mechanics',
      'special relativity',
      'fluid dynamics',
      'optics',
      'solid-state physics',
    ],
  ],
  [
    'biology',
    [
      'cell signalling',
      'population genetics',
      'immunology',
      'neuroscience',
      'ecology',
      'molecular evolution',
      'developmental biology',
      'microbiology',
    ],
  ],
  [
    'economics',
    [
      'game theory',
      'monetary policy',
      'labour markets',
      'trade theory',
      'mechanism design',
      'econometrics',
      'behavioural economics',
      'public finance',
    ],
  ],
  [
    'engineering',
    [
      'control systems',
      'signal processing',
      'structural analysis',
      'heat transfer',
      'power electronics',
      'materials fatigue',
      'robot kinematics',
      'embedded systems',
    ],
  ],
];
const FACETS = [
  'the core definitions and the intuition behind them',
  'the most common mistakes and how to avoid them',
  'an exam-style problem with its solution worked in full',
  'edge cases practitioners get wrong',
  'how an expert approaches a new problem in this area',
  'a comparison of the main competing approaches',
  'the key results and why they hold',
  'a realistic case study from start to finish',
  'ten hard questions with answers',
  'what a senior practitioner checks first',
  'how the standard methods fail and what to do then',
  'a one-week study plan with exercises',
];
const COVER_TEMPLATES = [
  'Write a comprehensive guide to {sub} ({dom}): {facet}.',
  '{Dom} — {sub}. Cover {facet}, the way a top instructor would teach it.',
  "I'm building study notes on {sub}. Give me {facet}.",
  'Topic: {sub}\nField: {dom}\nDeliverable: {facet}. Be exhaustive.',
  'Teach me {sub}: {facet}.',
  'Prepare lecture material on {sub} in {dom} covering {facet}.',
  'As a domain expert in {dom}, produce {facet} for {sub}.',
  'Need: {facet}. Subject: {sub}.',
];

/** A sweep through a capability taxonomy, domain after domain, each account taking its own slice. */
function coverage(
  w: World,
  n: number,
  rng: Rng,
): { accounts: Account[]; campaigns: CampaignOut[] } {
  const id = 'coverage-sweep-1';
  const recs = fleet(w, rng, n, {
    waves: 2,
    age: [15, 45],
    routes: [
      ['research', 1],
      ['self-serve', 2],
    ],
    cardShare: 0.2,
    cards: 3,
  });
  const servers = Array.from({ length: 6 }, () => w.net.cloud());
  const span = w.end - w.start;
  const accounts = recs.map((a, i) => {
    const r = rng.fork(i);
    const host = `${r.pick(servers)}.${r.int(2, 254)}`;
    const actor = new Actor(a.rec.id, keysFor(w, 1), client(r, 'go'), () => host);
    const templates = r.sample(COVER_TEMPLATES, 3);
    const times = pipelineTimes(r, w.start, w.end, r.range(32, 48) * w.volume, 0, 'flat');
    const events = function* (): Generator<HEvent> {
      let k = 0;
      for (const ts of times) {
        // The whole campaign is at the same domain at the same time; overlapping edges.
        const progress = Math.min(
          0.9999,
          Math.max(0, (ts - w.start) / span + r.range(-0.03, 0.03)),
        );
        const [dom, subs] = TAXONOMY[Math.floor(progress * TAXONOMY.length)]!;
        // This account's slice: subtopic × facet cells where (cell index) mod n equals its index.
        const cell = (i + n * k++) % (subs.length * FACETS.length);
        const sub = subs[cell % subs.length]!;
        const facet = FACETS[Math.floor(cell / subs.length) % FACETS.length]!;
        const text = r
          .pick(templates)
          .replace('{sub}', sub)
          .replace('{dom}', dom)
          .replace('{Dom}', dom[0]!.toUpperCase() + dom.slice(1))
          .replace('{facet}', facet);
        const out =
          dom === 'programming'
            ? fit(codeAnswer(text, r), r.lognormal(1500, 0.35), moreCode(r))
            : fit(prose(text, r), r.lognormal(1600, 0.35), moreProse(text, r));
        yield actor.send(
          ts,
          {
            model: r.chance(0.5) ? thinkModel(w, ts, r, 0.5, 0.6) : MODELS.pro,
            params: { temperature: 0.6, max_tokens: 16000 },
            turns: [{ role: 'user', text: fill(r, text) }],
          },
          out,
          r,
        );
      }
    };
    return {
      record: a.rec,
      label: { malicious: true, persona: 'coverage-sweep', campaign: id },
      events,
    };
  });
  return { accounts, campaigns: [{ id, kind: 'coverage-sweep', accounts: accounts.length }] };
}

export const SIGNALS: Family[] = [
  { name: 'reward-labelling', malicious: true, base: 8, min: 2, build: rewardLabelling },
  { name: 'logit-bias-sweep', malicious: true, base: 4, min: 1, build: logitSweep },
  { name: 'lowres-lang-cot', malicious: true, base: 16, min: 3, build: lowResource },
  { name: 'coverage-sweep', malicious: true, base: 24, min: 3, build: coverage },
];
