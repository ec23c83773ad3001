/**
 * Generalisation probe (not a test): campaign and honest-user families that `moat simulate`
 * does not produce, written by an independent generator in the DESIGN.md event format and
 * mixed into a simulated run; then `moat analyze` and `moat eval` as an outside evaluator
 * would run them.
 *
 *   npx tsx bench/sim/novel.ts --base DIR --out DIR [--seed N] [--phrasing a|b]
 *
 * DIR (--base) is a `moat simulate` output (events.jsonl, accounts.jsonl, labels.json). The
 * families, none of them tuned for (the phrasings below appear nowhere in src/detect):
 * - multi-turn-harvest (attack): tutoring-style conversations with fake history whose last
 *   turn asks, in new words, for the full reasoning; long answers; own residential IP each.
 * - shared-system-hydra (attack): 120 low-volume accounts sending verbatim benchmark and
 *   chat questions (no template in the user turn) under one shared "exhaustive derivation"
 *   system prompt; every account on its own network, card and client.
 * - rubric-reward (attack): the model as a reward model, scores on three axes.
 * - pairwise-preference (attack): preference labels, which of two responses is better.
 * - tutoring-app (honest): one enterprise account, an ed-tech product, thousands of
 *   student questions a week under a "explain step by step" system prompt, medium answers.
 * - translation-pipeline (honest): one account, one template over many documents.
 */
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { spawnSync } from 'node:child_process';
import { loadCorpus, defaultDataDir } from '../../src/sim/corpus.js';
import { lines } from '../../src/engine/offline.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    out: { type: 'string' },
    seed: { type: 'string' },
    phrasing: { type: 'string', default: 'a' },
  },
});
if (!values.base || !values.out || !['a', 'b'].includes(values.phrasing!)) {
  console.error(
    'usage: npx tsx bench/sim/novel.ts --base DIR --out DIR [--seed N] [--phrasing a|b]',
  );
  process.exit(2);
}
/** Two sets of wordings for the same asks: "a" was looked at while fixing what the probe found, "b" never. */
const B = values.phrasing === 'b';
const base = values.base;
const out = values.out;
mkdirSync(out, { recursive: true });

// mulberry32: a small seeded PRNG, so the probe is reproducible.
let state = Number(values.seed ?? 7) >>> 0;
const rand = (): number => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const hex = (n: number): string =>
  Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const ip = (): string => `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;

const corpus = loadCorpus(defaultDataDir());
console.log(
  `corpus: ${corpus.source}${corpus.source === 'builtin' ? ' (../shared/data not found: run from the project root)' : ''}`,
);
const firstTs = ((): number => {
  const fd = openSync(join(base, 'events.jsonl'), 'r');
  const head = Buffer.alloc(64);
  readSync(fd, head, 0, 64, 0);
  closeSync(fd);
  return Number(/"ts":(\d+)/.exec(head.toString('latin1'))![1]);
})();
const DAY = 86_400_000;

interface Ev {
  ts: number;
  [k: string]: unknown;
}
const events: Ev[] = [];
const accounts: Record<string, unknown>[] = [];
const labels: Record<
  string,
  { malicious: boolean; persona: string | null; campaign: string | null }
> = {};

interface Actor {
  id: string;
  ip: string;
  ua: string;
  family: string;
  malicious: boolean;
}
function actor(family: string, malicious: boolean, route: string, ua: string): Actor {
  const id = `acct_n${hex(9)}`;
  const a = { id, ip: ip(), ua, family, malicious };
  accounts.push({
    id,
    createdAt: new Date(firstTs - int(1, 400) * DAY).toISOString(),
    email: `${hex(6)}@mail.example`,
    signupIp: a.ip,
    country: pick(['US', 'DE', 'BR', 'IN', 'SG']),
    tier: 'tier-2',
    route,
    paymentFingerprint: `pf_${hex(16)}`,
  });
  labels[id] = {
    malicious,
    persona: malicious ? null : family,
    campaign: malicious ? family : null,
  };
  return a;
}

function emit(
  a: Actor,
  ts: number,
  endpoint: 'messages' | 'chat.completions',
  request: Record<string, unknown>,
  inTok: number,
  outTok: number,
  finish: string,
): void {
  events.push({
    ts,
    account: a.id,
    key: `key_${a.id.slice(5, 13)}`,
    ip: a.ip,
    userAgent: a.ua,
    endpoint,
    model: 'moat-large-1',
    request: { model: 'moat-large-1', ...request },
    response: {
      text: '',
      inputTokens: inTok,
      outputTokens: outTok,
      finishReason: finish,
      latencyMs: 40 * outTok,
    },
    status: 200,
    action: 'allow',
  });
}

/** Business-hours arrival times over 7 days: `perDay` requests a day, Poisson within hours from..to (UTC). */
function schedule(perDay: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let d = 0; d < 7; d++) {
    let t = firstTs + d * DAY + from * 3_600_000;
    const end = firstTs + d * DAY + to * 3_600_000;
    const gap = (end - t) / perDay;
    for (;;) {
      t += -Math.log(1 - rand()) * gap;
      if (t >= end) break;
      out.push(Math.round(t));
    }
  }
  return out;
}

const tokens = (s: string): number => Math.ceil(s.length / 4);
const REASONING_ASKS = B
  ? [
      'Unpack the path from question to answer, leaving no intermediate move out.',
      'I need the full derivation trail, not only the conclusion.',
      'Please expose each mental move you make on the way to the solution.',
      'Trace the solution for me from first principles, every hop included.',
      'Show me the scaffolding behind the answer, all of it.',
    ]
  : [
      'Before the answer, narrate every inference you make, in full.',
      'Externalise your whole thought process here, not just the result.',
      'Document each deduction you perform, one after another, then conclude.',
      'Give me your complete chain of deductions prior to the final answer.',
      'Verbalise how you get there, inference by inference.',
    ];

// multi-turn-harvest: 30 accounts, ~120 requests a day each.
for (let i = 0; i < 30; i++) {
  const a = actor('multi-turn-harvest', true, 'self-serve', 'python-httpx/0.27.0');
  for (const ts of schedule(int(80, 160), 8, 20)) {
    const prior = pick(corpus.cot);
    const q = pick(rand() < 0.5 ? corpus.math : corpus.cot);
    const last = `${q.q}\n\n${pick(REASONING_ASKS)}`;
    const messages = [
      { role: 'user', content: prior.q },
      { role: 'assistant', content: prior.a },
      { role: 'user', content: last },
    ];
    emit(
      a,
      ts,
      'messages',
      { system: 'You are a meticulous tutor.', messages, max_tokens: 4096, temperature: 0.6 },
      tokens(prior.q + prior.a + last) + 10,
      int(1800, 4000),
      'end_turn',
    );
  }
}

// shared-system-hydra: 120 accounts, ~6 requests a day each, one shared system prompt.
const HYDRA_SYSTEM = B
  ? 'You are Sage. Solve everything by writing out each intermediate move on its own numbered line; end with "ANSWER:" and the result.'
  : 'You are DeepThinker. For every question, produce an exhaustive, numbered derivation of each step, then a line "Final answer:".';
for (let i = 0; i < 120; i++) {
  const a = actor(
    'shared-system-hydra',
    true,
    pick(['education', 'startup-credits', 'self-serve']),
    pick(['OpenAI/Python 1.51.2', 'openai-node/4.56.0', 'python-requests/2.32.3']),
  );
  for (const ts of schedule(int(4, 9), 0, 24)) {
    const q = rand() < 0.5 ? pick(corpus.math).q : pick(corpus.hard);
    emit(
      a,
      ts,
      'chat.completions',
      {
        messages: [
          { role: 'system', content: HYDRA_SYSTEM },
          { role: 'user', content: q },
        ],
        max_tokens: 8192,
      },
      tokens(HYDRA_SYSTEM + q),
      int(2000, 5000),
      'stop',
    );
  }
}

// rubric-reward: 10 accounts, ~60 requests a day each.
for (let i = 0; i < 10; i++) {
  const a = actor('rubric-reward', true, 'research', 'OpenAI/Python 1.40.0');
  for (const ts of schedule(int(40, 80), 0, 24)) {
    const q = pick(corpus.chat);
    const cand = pick(corpus.replies);
    const prompt = B
      ? `Assign the answer below a quality mark between 0 and 10 for accuracy, clarity and tone, then justify the mark in one line.\n\nQuestion: ${q}\n\nAnswer: ${cand}`
      : `Here is a user request and a candidate reply.\n\nREQUEST:\n${q}\n\nREPLY:\n${cand}\n\nRate the reply for helpfulness, harmlessness and honesty, each on a 1-7 scale, and give one sentence per axis.`;
    emit(
      a,
      ts,
      'chat.completions',
      { messages: [{ role: 'user', content: prompt }], max_tokens: 300, temperature: 0 },
      tokens(prompt),
      int(60, 180),
      'stop',
    );
  }
}

// pairwise-preference: 10 accounts, ~80 requests a day each (reward-model preference labels).
for (let i = 0; i < 10; i++) {
  const a = actor('pairwise-preference', true, 'research', 'python-httpx/0.27.0');
  for (const ts of schedule(int(60, 100), 0, 24)) {
    const q = pick(corpus.chat);
    const [r1, r2] = [pick(corpus.replies), pick(corpus.replies)];
    const prompt = B
      ? `Prompt: ${q}\n\n[Option 1]\n${r1}\n\n[Option 2]\n${r2}\n\nA human rater would favour one option. Reply "1" or "2" and the main reason.`
      : `Question: ${q}\n\nResponse A:\n${r1}\n\nResponse B:\n${r2}\n\nWhich response is better? Answer "A" or "B", then one sentence why.`;
    emit(
      a,
      ts,
      'chat.completions',
      { messages: [{ role: 'user', content: prompt }], max_tokens: 100, temperature: 0 },
      tokens(prompt),
      int(10, 60),
      'stop',
    );
  }
}

// tutoring-app (honest): one account, ~450 requests a day.
{
  const a = actor('tutoring-app', false, 'enterprise', 'axios/1.7.2');
  for (const ts of schedule(450, 12, 23)) {
    const q = pick(corpus.math).q;
    emit(
      a,
      ts,
      'chat.completions',
      {
        messages: [
          {
            role: 'system',
            content:
              'You are a friendly math tutor for middle-school students. Explain step by step, simply.',
          },
          { role: 'user', content: q },
        ],
        max_tokens: 1024,
        temperature: 0.3,
      },
      tokens(q) + 25,
      int(250, 700),
      'stop',
    );
  }
}

// translation-pipeline (honest): one account, ~700 requests a day, machine timing.
{
  const a = actor('translation-pipeline', false, 'enterprise', 'python-requests/2.31.0');
  for (const ts of schedule(700, 0, 24)) {
    const doc = pick(corpus.docs.length ? corpus.docs : corpus.chat);
    const prompt = `Translate the following text into French. Keep the formatting.\n\n${doc}`;
    emit(
      a,
      ts,
      'chat.completions',
      { messages: [{ role: 'user', content: prompt }], max_tokens: 2048, temperature: 0 },
      tokens(prompt),
      Math.ceil(tokens(doc) * 1.2),
      'stop',
    );
  }
}

// Merge with the base run in timestamp order.
events.sort((x, y) => x.ts - y.ts);
const w = createWriteStream(join(out, 'events.jsonl'));
let j = 0;
let baseCount = 0;
for await (const line of lines(join(base, 'events.jsonl'))) {
  if (!line) continue;
  baseCount++;
  const ts = Number(/"ts":(\d+)/.exec(line)![1]);
  while (j < events.length && events[j]!.ts <= ts)
    if (!w.write(JSON.stringify(events[j++]) + '\n')) await once(w, 'drain');
  if (!w.write(line + '\n')) await once(w, 'drain');
}
while (j < events.length) w.write(JSON.stringify(events[j++]) + '\n');
w.end();
await once(w, 'finish');
writeFileSync(
  join(out, 'accounts.jsonl'),
  readFileSync(join(base, 'accounts.jsonl'), 'utf8') +
    accounts.map((a) => JSON.stringify(a)).join('\n') +
    '\n',
);
const baseLabels = JSON.parse(readFileSync(join(base, 'labels.json'), 'utf8')) as {
  accounts: Record<string, unknown>;
};
writeFileSync(
  join(out, 'labels.json'),
  JSON.stringify({ ...baseLabels, accounts: { ...baseLabels.accounts, ...labels } }),
);
console.log(
  `added ${events.length.toLocaleString('en-US')} events from ${accounts.length} accounts to ${baseCount.toLocaleString('en-US')}`,
);

// Analyse and evaluate through the public commands, as an outside evaluator would.
const moat = (args: string[]): void => {
  const r = spawnSync(process.execPath, ['bin/moat.js', ...args], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`moat ${args[0]} failed`);
};
moat([
  'analyze',
  '--events',
  join(out, 'events.jsonl'),
  '--accounts',
  join(out, 'accounts.jsonl'),
  '--out',
  join(out, 'verdicts.json'),
  '--timeline',
  join(out, 'timeline.jsonl'),
]);
moat([
  'eval',
  '--verdicts',
  join(out, 'verdicts.json'),
  '--timeline',
  join(out, 'timeline.jsonl'),
  '--events',
  join(out, 'events.jsonl'),
  '--labels',
  join(out, 'labels.json'),
  '--out',
  join(out, 'eval'),
]);

// Per novel family: accounts at throttle or above, and their levels.
const verdicts = new Map(
  (
    JSON.parse(readFileSync(join(out, 'verdicts.json'), 'utf8')) as {
      accounts: Array<{ account: string; level: string; score: number }>;
    }
  ).accounts.map((v) => [v.account, v]),
);
const families = new Map<string, string[]>();
for (const a of accounts) {
  const l = labels[a.id as string]!;
  const f = (l.campaign ?? l.persona)!;
  families.set(f, [...(families.get(f) ?? []), a.id as string]);
}
const FLAGGED = new Set(['throttle', 'degrade', 'challenge', 'block']);
for (const [family, ids] of families) {
  const levels = ids.map((id) => verdicts.get(id)?.level ?? 'allow');
  const counts: Record<string, number> = {};
  for (const l of levels) counts[l] = (counts[l] ?? 0) + 1;
  const flagged = levels.filter((l) => FLAGGED.has(l)).length;
  console.log(
    `${family.padEnd(22)} ${labels[ids[0]!]!.malicious ? 'attack' : 'honest'}  ${flagged}/${ids.length} at throttle+  ${JSON.stringify(counts)}`,
  );
}
