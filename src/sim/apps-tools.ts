/**
 * Honest single-template tools (THREATS.md: "CI review bots; screening, rewriting and
 * 'variations' tools built on one template"), and organisation members who pass public
 * benchmark questions around. Each serves what its ask wants: review comments, a JSON
 * verdict, a numbered list of variations, a rewrite about as long as its input.
 */
import type { Corpus } from './corpus.js';
import type { Msg, Params } from './exchange.js';
import type { Rng } from './prng.js';
import { EFFORT, codeBlock, makeReply, served } from './replies.js';
import { fillTemplate, type PromptSource } from './source.js';

function diff(rng: Rng, code: string, file: string): string {
  const lines = code.split('\n').slice(0, 30);
  const start = rng.int(1, 200);
  const body = lines.map((l) => (rng.chance(0.25) ? `+${l}` : rng.chance(0.1) ? `-${l}` : ` ${l}`));
  return `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -${start},${lines.length} +${start},${body.length} @@\n${body.join('\n')}`;
}

const REVIEW_NOTES = [
  'Possible off-by-one error in the loop bound.',
  'This swallows the exception; log or re-raise it.',
  'Consider extracting this into a helper; it duplicates logic above.',
  'Variable name is unclear.',
  'Missing a test for the empty input case.',
  'This runs in O(n^2); a set lookup would make it linear.',
  'Unused import.',
];

/** A CI code-review bot: the diff of each pull request, one JSON list of comments back. */
export function ciReviewBot(rng: Rng, _corpus?: Corpus): PromptSource {
  const repo = `${rng.pick(['acme', 'octo', 'data-eng', 'platform'])}/${rng.pick(['api', 'web', 'etl', 'billing', 'infra'])}`;
  const system = `You are ReviewBot, an automated code reviewer for ${repo}. Comment only on real problems: bugs, security, performance, readability. Reply with a JSON array of {"file", "line", "severity", "comment"}; an empty array if the change looks good.`;
  let pr = rng.int(100, 5000);
  return (ctx) => {
    const r = ctx.rng;
    if (r.chance(0.3)) pr += r.int(1, 3);
    const file = `src/${r.pick(['handlers', 'models', 'utils', 'jobs'])}/${r.pick(['user', 'order', 'parse', 'sync'])}.py`;
    const text = `Pull request #${pr}: ${r.pick(['Fix', 'Add', 'Refactor', 'Speed up'])} ${r.pick(['pagination', 'retry logic', 'CSV export', 'auth check'])}\n\n${diff(r, r.pick(ctx.corpus.code).a, file)}`;
    const notes = Array.from({ length: r.int(0, 3) }, () => ({
      file,
      line: r.int(1, 200),
      severity: r.pick(['minor', 'major', 'nit']),
      comment: r.pick(REVIEW_NOTES),
    }));
    const reply = served(JSON.stringify(notes, null, 1), EFFORT.code, 1024);
    return {
      system,
      messages: [{ role: 'user', text }],
      params: {
        temperature: 0.2,
        max_tokens: 1024,
        stream: false,
        metadata: { repo, pr: String(pr) },
      },
      reply,
    };
  };
}

const ROLES = [
  'Senior Backend Engineer',
  'Data Analyst',
  'Product Designer',
  'Account Executive',
  'Registered Nurse',
  'Warehouse Supervisor',
];
const SKILLS = [
  'Python',
  'SQL',
  'Kubernetes',
  'Figma',
  'Salesforce',
  'negotiation',
  'forecasting',
  'patient care',
  'inventory systems',
  'Go',
  'Excel',
  'team leadership',
];
const NAMES = [
  'A. Moreno',
  'J. Okafor',
  'L. Chen',
  'S. Patel',
  'M. Novak',
  'R. Silva',
  'K. Yamada',
  'D. Haddad',
];

/** A résumé screener: one job description per account, many résumés, a JSON score back. */
export function resumeScreener(rng: Rng, _corpus?: Corpus): PromptSource {
  const role = rng.pick(ROLES);
  const wanted = rng.shuffle([...SKILLS]).slice(0, 4);
  const jd = `Job: ${role}\nRequired: ${wanted.join(', ')}\nExperience: ${rng.int(2, 8)}+ years`;
  return (ctx) => {
    const r = ctx.rng;
    const skills = r.shuffle([...SKILLS]).slice(0, r.int(3, 7));
    const cv = `Name: ${r.pick(NAMES)}\nExperience: ${r.int(0, 15)} years\nSkills: ${skills.join(', ')}\nLast role: ${r.pick(ROLES)} at ${r.pick(['Globex', 'Initech', 'Hooli', 'Vandelay'])}`;
    const text = `Score this résumé against the job description from 0 to 100 and list strengths and concerns. Return JSON {"score", "strengths", "concerns", "recommendation"}.\n\n${jd}\n\nRésumé:\n${cv}`;
    const hits = skills.filter((s) => wanted.includes(s));
    const out = {
      score: Math.min(100, 30 + hits.length * 15 + r.int(0, 10)),
      strengths: hits,
      concerns: wanted.filter((s) => !skills.includes(s)),
      recommendation: hits.length >= 2 ? 'interview' : 'reject',
    };
    return {
      messages: [{ role: 'user', text }],
      params: { temperature: 0, max_tokens: 400, stream: false },
      reply: served(JSON.stringify(out), EFFORT.score),
    };
  };
}

const PRODUCTS = [
  'running shoes',
  'meal kits',
  'a budgeting app',
  'noise-cancelling earbuds',
  'a language course',
  'pet insurance',
  'standing desks',
  'a VPN',
];
const TONES = ['playful', 'premium', 'urgent', 'friendly', 'minimal'];
const HOOKS = ['Finally,', 'Meet', 'Say hello to', 'Upgrade to', 'Why wait for', 'Love your'];
const BENEFITS = [
  'that fit your day',
  'made simple',
  'without the hassle',
  'for less',
  'you will actually use',
  'built to last',
];

/** An ad-copy tool: "write k variations" of a headline, one template, many products; a numbered list back. */
export function adVariations(rng: Rng, _corpus?: Corpus): PromptSource {
  const n = rng.chance(0.3) ? rng.int(2, 3) : undefined;
  return (ctx) => {
    const r = ctx.rng;
    const product = r.pick(PRODUCTS);
    const k = r.pick([3, 5, 10]);
    const text = `Write ${k} variations of this ad headline for ${product}. Tone: ${r.pick(TONES)}. Max 40 characters each.\n\nOriginal: ${r.pick(HOOKS)} ${product} ${r.pick(BENEFITS)}.`;
    const list = Array.from(
      { length: k },
      (_, i) => `${i + 1}. ${r.pick(HOOKS)} ${product} ${r.pick(BENEFITS)}`,
    );
    const params: Params = { temperature: 1, max_tokens: 300, stream: false };
    if (n !== undefined) params.n = n;
    return {
      messages: [{ role: 'user', text }],
      params,
      reply: served(list.join('\n'), EFFORT.list),
    };
  };
}

/** A children's-platform rewriter: "make this suitable for ages 6–9"; served a simpler text about as long as the input. */
export function kidsRewriter(rng: Rng, _corpus?: Corpus): PromptSource {
  const age = rng.pick(['6-9', '8-11', '5-7']);
  const system =
    "You rewrite content for a children's reading platform. Keep facts, remove violence and scary details, use short sentences and simple words.";
  return (ctx) => {
    const r = ctx.rng;
    const doc = r.pick(ctx.corpus.replies).slice(0, 2500);
    const text = `Rewrite the following so it is suitable for children aged ${age}.\n\n${doc}`;
    const simple = doc
      .split(/(?<=[.!?])\s+/)
      .map((s) =>
        s
          .split(/\s+/)
          .slice(0, 12)
          .join(' ')
          .replace(/[,;:.!?]*$/, '.'),
      )
      .join(' ');
    return {
      system,
      messages: [{ role: 'user', text }],
      params: { temperature: 0.4, max_tokens: 1200, stream: false },
      reply: served(simple, EFFORT.summary, 1200),
    };
  };
}

/** Public benchmark items an organisation's members pass around (one list per organisation). */
export function sharedBenchmarkItems(
  rng: Rng,
  corpus: Corpus,
): { q: string; a: string; code: boolean }[] {
  return Array.from({ length: rng.int(20, 60) }, () => {
    const b = rng.pick(corpus.benchmarks);
    const item = rng.pick(b.items);
    return { q: item.q, a: item.a, code: b.name === 'humaneval' || b.name === 'mbpp' };
  });
}

const TRY = [
  '{q}',
  'Try this one: {q}',
  '{q}\n\nstep by step pls',
  'Colleague says this trips models up:\n\n{q}',
  '{q} (from the benchmark sheet)',
];

/**
 * A member of an organisation whose people share public benchmark questions: now and then
 * one of the organisation's list, in the member's own words, between ordinary work requests.
 */
export function benchSharer(
  rng: Rng,
  items: { q: string; a: string; code: boolean }[],
  base: PromptSource,
): PromptSource {
  const share = 0.2 + rng.float() * 0.3;
  return (ctx) => {
    const r = ctx.rng;
    if (!r.chance(share)) return base(ctx);
    const item = r.pick(items);
    const messages: Msg[] = [{ role: 'user', text: fillTemplate(r.pick(TRY), { q: item.q }) }];
    const reply = item.code
      ? served(codeBlock(item.a), EFFORT.code)
      : makeReply(r, ctx.corpus, 'math', r.lognormal(300, 0.5), item.a);
    return { messages, params: { temperature: r.pick([0, 0.7, 1]), stream: r.chance(0.6) }, reply };
  };
}
