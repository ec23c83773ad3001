import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXED_KINDS, HYDRA_KINDS } from './allocate.js';
import { APP_PERSONAS } from './app-personas.js';
import { builtinCorpus } from './builtin-corpus.js';
import { LANGUAGES } from './languages.js';
import { buildPopulation } from './population.js';
import { PLAIN_ASK, REASONING_ASK, WordingWalk } from './reword.js';
import { Rng } from './prng.js';
import { simulate, type Labels } from './simulate.js';
import { validateEvent } from './validate.js';

const corpus = builtinCorpus();
const DAY = 86_400_000;
const start = Date.UTC(2026, 0, 5);
const world = { start, window: 7 * DAY, release: start + 3 * DAY };

const NEW_ATTACKS = [
  'lowslow-hydra',
  'reword-hydra',
  'agentic-distill',
  'why-chain',
  'buried-cot',
  'mixed-app',
  'grader-reworded',
  'logit-bias-only',
  'polyglot-cot',
  'taxonomy-sweep',
  'padded',
  'dormant-wake',
  'scatter-hydra',
];
const NEW_HONEST = [
  'benchmark-vendor',
  'judge-service',
  'edtech-app',
  'synthetic-data-licensed',
  'lab-classifier',
  'ci-review-bot',
  'resume-screener',
  'ad-variations',
  'kids-rewriter',
  'nat-org-bench',
  'course-cohort',
  'release-tryer',
  'reasoning-researcher',
];

interface Ev {
  ts: number;
  account: string;
  model: string;
  endpoint: string;
  request: Record<string, unknown> & { messages: Record<string, unknown>[] };
  response: {
    text: string;
    inputTokens: number;
    outputTokens: number;
    finishReason: string;
    reasoningTokens?: number;
  };
}

/** Text of the last message of a request, whatever its shape. */
function lastText(e: Ev): string {
  const c = e.request.messages[e.request.messages.length - 1]?.['content'];
  if (typeof c === 'string') return c;
  if (Array.isArray(c))
    return c.map((b: { text?: string; content?: string }) => b.text ?? b.content ?? '').join('');
  return '';
}

function systemText(e: Ev): string {
  const s =
    e.request['system'] ?? e.request.messages.find((m) => m['role'] === 'system')?.['content'];
  if (typeof s === 'string') return s;
  return Array.isArray(s) ? s.map((b: { text: string }) => b.text).join('') : '';
}

let cached:
  | Promise<{
      labels: Labels;
      accounts: Map<string, Record<string, unknown>>;
      by: Map<string, Ev[]>;
      all: Ev[];
    }>
  | undefined;

/** One run that holds every family (1,600 accounts, 6% in campaigns), grouped by persona. */
function run() {
  cached ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moat-fam-'));
    try {
      await simulate({
        seed: 13,
        events: 40_000,
        accounts: 1600,
        maliciousShare: 0.06,
        corpus,
        outDir: dir,
      });
      const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Labels;
      const accounts = new Map(
        readFileSync(join(dir, 'accounts.jsonl'), 'utf8')
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l) as Record<string, unknown>)
          .map((a) => [a['id'] as string, a]),
      );
      const by = new Map<string, Ev[]>();
      const all: Ev[] = [];
      for (const l of readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n')) {
        const e = JSON.parse(l) as Ev;
        all.push(e);
        const p = labels.accounts[e.account]?.persona as string;
        by.set(p, [...(by.get(p) ?? []), e]);
      }
      return { labels, accounts, by, all };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return cached;
}

const perAccount = (evs: Ev[]) => {
  const m = new Map<string, Ev[]>();
  for (const e of evs) m.set(e.account, [...(m.get(e.account) ?? []), e]);
  return m;
};

test('issue 13: every new family is in the run, labelled by behaviour (campaign iff malicious)', async () => {
  const { labels, by, all } = await run();
  for (const p of NEW_ATTACKS) {
    assert.ok(by.has(p), `attack family ${p} sends traffic`);
    for (const e of by.get(p) ?? []) assert.equal(labels.accounts[e.account]?.malicious, true);
    assert.ok(
      labels.campaigns.some((c) => c.kind === p),
      `campaign of kind ${p}`,
    );
  }
  for (const p of NEW_HONEST) {
    assert.ok(by.has(p), `honest family ${p} sends traffic`);
    for (const e of by.get(p) ?? [])
      assert.deepEqual(
        { ...labels.accounts[e.account] },
        { malicious: false, persona: p, campaign: null },
      );
  }
  for (const [i, e] of all.entries())
    assert.deepEqual(validateEvent(e as unknown as Record<string, unknown>), [], `event ${i}`);
});

test('issue 13: every kind is allocated once there is room; hydra families share the rest', () => {
  for (const m of [100, 400]) {
    const pop = buildPopulation(m, corpus, world, m * 20, 0.05);
    const kinds = new Set(pop.campaigns.map((c) => c.kind));
    for (const k of [...FIXED_KINDS, ...HYDRA_KINDS])
      assert.ok(kinds.has(k.name), `${k.name} at ${m} malicious accounts`);
    const personas = new Set(pop.plans.map((p) => p.label.persona));
    for (const p of APP_PERSONAS)
      assert.ok(personas.has(p.name), `${p.name} at ${m * 20} accounts`);
  }
});

test('issue 13: the low-and-slow hydra sends about 30 requests a day per account at the default density', () => {
  const accounts = 3000;
  const pop = buildPopulation(5, corpus, world, accounts, 0.05);
  const mean = pop.plans.reduce((a, p) => a + p.volume, 0) / pop.plans.length;
  const rates = pop.plans
    .filter((p) => p.label.persona === 'lowslow-hydra')
    .map((p) => ((p.volume / mean) * 130) / 7);
  rates.sort((a, b) => a - b);
  const median = rates[rates.length >> 1] as number;
  assert.ok(
    rates.length >= 12 && median > 18 && median < 45,
    `median ${median.toFixed(1)} a day over ${rates.length} accounts`,
  );
});

test('issue 13: reworded families never repeat a wording inside an account, and the plain one has no trigger words', async () => {
  const { by } = await run();
  const cover = new Set(corpus.chat);
  for (const p of [
    'lowslow-hydra',
    'reword-hydra',
    'grader-reworded',
    'padded',
    'taxonomy-sweep',
  ]) {
    for (const [acct, evs] of perAccount(by.get(p) ?? [])) {
      // Cover traffic (ordinary chat from the corpus) aside.
      const texts = evs.map(lastText).filter((t) => !cover.has(t));
      assert.equal(new Set(texts).size, texts.length, `${p} ${acct} repeats a prompt`);
    }
  }
  const lowslow = (by.get('lowslow-hydra') ?? []).map(lastText);
  const harvest = lowslow.filter((t) => !cover.has(t));
  for (const t of harvest)
    assert.doesNotMatch(t, /step|reason|think|explain|chain of thought|rationale/i);
  // About 15% of its requests are cover.
  const share = 1 - harvest.length / lowslow.length;
  assert.ok(share > 0.05 && share < 0.3, `cover share ${share}`);
  // The walk visits distinct wordings of the grammar itself, too.
  const walk = new WordingWalk(new Rng(1), PLAIN_ASK);
  const seen = new Set(Array.from({ length: 2000 }, () => walk.next({ q: 'Q' })));
  assert.equal(seen.size, 2000);
  assert.ok(PLAIN_ASK.size > 50_000 && REASONING_ASK.size > 500_000);
});

test('issue 13: reasoning asks are served numbered derivations; reasoning models report reasoningTokens', async () => {
  const { by, all } = await run();
  for (const p of [
    'lowslow-hydra',
    'reword-hydra',
    'buried-cot',
    'polyglot-cot',
    'dormant-wake',
    'edtech-app',
    'synthetic-data-licensed',
  ]) {
    const evs = by.get(p) ?? [];
    const numbered = evs.filter((e) => /(^|\n)(\*\*)?(\S+ )?1[.:]/.test(e.response.text)).length;
    assert.ok(numbered / evs.length > 0.8, `${p}: ${numbered}/${evs.length} numbered`);
  }
  for (const e of all) {
    const reasoning = e.model === 'moat-reasoner-1' || e.model === 'moat-reasoner-2';
    assert.equal(e.response.reasoningTokens !== undefined, reasoning, `${e.model} reasoningTokens`);
  }
  // outputTokens is the served text's true length (four characters a token) when nothing was cut.
  for (const e of by.get('reword-hydra') ?? [])
    if (e.response.text.length < 800 && e.response.finishReason === 'stop')
      assert.equal(e.response.outputTokens, Math.ceil(e.response.text.length / 4));
});

test('issue 13: agentic distillation sends tools, tool calls and tool results in multi-step loops', async () => {
  const { by } = await run();
  const evs = by.get('agentic-distill') ?? [];
  assert.ok(
    evs.every(
      (e) => Array.isArray(e.request['tools']) && (e.request['tools'] as unknown[]).length >= 3,
    ),
  );
  const calls = evs.filter(
    (e) => e.response.finishReason === 'tool_calls' || e.response.finishReason === 'tool_use',
  );
  assert.ok(calls.length / evs.length > 0.5);
  const withResults = evs.filter((e) =>
    e.request.messages.some(
      (m) =>
        m['role'] === 'tool' ||
        (Array.isArray(m['content']) &&
          (m['content'] as { type: string }[]).some((b) => b.type === 'tool_result')),
    ),
  );
  assert.ok(withResults.length / evs.length > 0.5);
});

test('issue 13: why-chain harvests over multi-turn history; buried-cot hides its instruction in a 2-6k system prompt', async () => {
  const { by } = await run();
  const why = by.get('why-chain') ?? [];
  assert.ok(why.filter((e) => e.request.messages.length >= 3).length / why.length > 0.5);
  for (const e of by.get('buried-cot') ?? []) {
    const s = systemText(e);
    assert.ok(s.length >= 1800 && s.length <= 6600, `system prompt of ${s.length} characters`);
    assert.match(
      s,
      /derivation|deductions|inference|every step|line of reasoning|internal reasoning/,
    );
  }
});

test('issue 13: mixed-app is one account, mostly app traffic with its users, a minority of harvest', async () => {
  const { by } = await run();
  for (const [, evs] of perAccount(by.get('mixed-app') ?? [])) {
    const harvest =
      evs.filter((e) => (e.request['max_tokens'] ?? e.request['max_completion_tokens']) === 8192)
        .length / evs.length;
    assert.ok(harvest > 0.05 && harvest < 0.3, `harvest share ${harvest}`);
    assert.ok(
      new Set(
        evs.map(
          (e) =>
            e.request['user'] ??
            (e.request['metadata'] as { user_id?: string } | undefined)?.user_id,
        ),
      ).size > 20,
    );
  }
});

test('issue 13: graders get short scores, logit_bias-only sweeps new token ids without logprobs, the lab classifier keeps its few ids', async () => {
  const { by } = await run();
  for (const e of by.get('grader-reworded') ?? []) assert.ok(e.response.outputTokens <= 256);
  const sweep = by.get('logit-bias-only') ?? [];
  const ids = new Set(sweep.flatMap((e) => Object.keys(e.request['logit_bias'] as object)));
  assert.ok(
    sweep.every((e) => e.request['logprobs'] === undefined && e.request['max_tokens'] === 1),
  );
  assert.ok(ids.size >= sweep.length / 10, `${ids.size} ids over ${sweep.length} requests`);
  for (const [, evs] of perAccount(by.get('lab-classifier') ?? [])) {
    const labIds = new Set(evs.flatMap((e) => Object.keys(e.request['logit_bias'] as object)));
    assert.ok(labIds.size <= 5 && evs.every((e) => e.request['logprobs'] === true));
  }
});

test('issue 13: polyglot asks use the listed languages; taxonomy members cover disjoint cells; padded ratios look ordinary', async () => {
  const { by } = await run();
  const asks = LANGUAGES.flatMap((l) => l.asks);
  for (const e of by.get('polyglot-cot') ?? [])
    assert.ok(asks.some((a) => lastText(e).includes(a)));
  const members = [...perAccount(by.get('taxonomy-sweep') ?? []).values()].map(
    (evs) => new Set(evs.map(lastText)),
  );
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++)
      for (const t of members[i] as Set<string>)
        assert.ok(!(members[j] as Set<string>).has(t) || t.startsWith('Another angle'));
  const ratios = (by.get('padded') ?? [])
    .map((e) => e.response.outputTokens / e.response.inputTokens)
    .sort((a, b) => a - b);
  const median = ratios[ratios.length >> 1] as number;
  assert.ok(median > 0.3 && median < 3, `median output/input ${median}`);
});

test('issue 13: dormant accounts are old and wake within the same hour', async () => {
  const { labels, by, accounts } = await run();
  for (const c of labels.campaigns.filter((x) => x.kind === 'dormant-wake')) {
    const evs = (by.get('dormant-wake') ?? []).filter(
      (e) => labels.accounts[e.account]?.campaign === c.id,
    );
    const first = [...perAccount(evs).values()].map((v) => Math.min(...v.map((e) => e.ts)));
    assert.ok(
      Math.max(...first) - Math.min(...first) < 2 * 3_600_000,
      'woken together ' + first.map((f) => ((f - Math.min(...first)) / 60000).toFixed(0)).join(','),
    );
    assert.ok(Math.min(...first) > start + DAY, 'silent at first');
    for (const id of perAccount(evs).keys())
      assert.ok(Date.parse(accounts.get(id)?.['createdAt'] as string) < start - 50 * DAY);
  }
});

test('issue 13: honest look-alikes: contract, pupils, judge and benchmark prompts, single-template tools', async () => {
  const { by, accounts } = await run();
  for (const id of perAccount(by.get('synthetic-data-licensed') ?? []).keys()) {
    const a = accounts.get(id) as Record<string, unknown>;
    assert.equal(a['verified'], true);
    assert.equal(a['contract'], 'synthetic-data');
  }
  const pupils = new Set(
    (by.get('edtech-app') ?? []).map(
      (e) => e.request['user'] ?? (e.request['metadata'] as { user_id: string }).user_id,
    ),
  );
  assert.ok(pupils.size > 50);
  for (const e of by.get('judge-service') ?? [])
    assert.match(lastText(e) + systemText(e), /\[\[rating\]\]|\[\[A\]\]/);
  for (const e of by.get('judge-service') ?? [])
    assert.match(e.response.text, /\[\[(\d+|A|B|C)\]\]$/);
  const bench = by.get('benchmark-vendor') ?? [];
  assert.ok(new Set(bench.map((e) => e.model)).size >= 3, 'scores several models');
  for (const e of by.get('ci-review-bot') ?? []) {
    assert.match(lastText(e), /diff --git/);
    assert.ok(Array.isArray(JSON.parse(e.response.text)));
  }
  for (const e of by.get('resume-screener') ?? [])
    assert.equal(typeof (JSON.parse(e.response.text) as { score: number }).score, 'number');
  for (const e of by.get('ad-variations') ?? []) assert.match(e.response.text, /^1\. /);
  for (const e of by.get('kids-rewriter') ?? [])
    assert.ok(e.response.outputTokens <= e.response.inputTokens);
  // Organisation members pass the same public benchmark questions around.
  const org = by.get('nat-org-bench') ?? [];
  const who = new Map<string, Set<string>>();
  for (const e of org) who.set(lastText(e), (who.get(lastText(e)) ?? new Set()).add(e.account));
  assert.ok(
    [...who.values()].some((s) => s.size >= 2),
    'a question asked from two accounts',
  );
});

test('issue 13: a scattered hydra signs up in one wave on its own cards, addresses and clients; a course cohort signs up together on one campus; release-tryers start after the release', async () => {
  const { labels, by, accounts } = await run();
  const created = (id: string) => Date.parse(accounts.get(id)?.['createdAt'] as string);
  for (const c of labels.campaigns.filter((x) => x.kind === 'scatter-hydra')) {
    const ids = Object.keys(labels.accounts).filter((a) => labels.accounts[a]?.campaign === c.id);
    const times = ids.map(created);
    assert.ok(Math.max(...times) - Math.min(...times) <= 1.5 * DAY, 'one signup wave');
    const cards = ids.map((a) => accounts.get(a)?.['paymentFingerprint']).filter(Boolean);
    assert.equal(new Set(cards).size, cards.length, 'no shared card');
    assert.equal(new Set(ids.map((a) => accounts.get(a)?.['signupIp'])).size, ids.length);
    const evs = (by.get('scatter-hydra') ?? []).filter((e) => ids.includes(e.account));
    assert.ok(new Set(evs.map((e) => (e as unknown as { userAgent: string }).userAgent)).size >= 3);
    // One harness: every member sends the same max_tokens.
    assert.equal(new Set(evs.map((e) => e.request['max_tokens'])).size, 1);
  }
  const campus = new Map<string, number[]>();
  for (const [id, l] of Object.entries(labels.accounts)) {
    if (l.persona !== 'course-cohort') continue;
    const prefix = String(accounts.get(id)?.['signupIp']).split('.').slice(0, 3).join('.');
    campus.set(prefix, [...(campus.get(prefix) ?? []), created(id)]);
  }
  assert.ok(campus.size >= 1);
  for (const times of campus.values()) {
    assert.ok(times.length >= 15, `a class of ${times.length}`);
    assert.ok(Math.max(...times) - Math.min(...times) <= 1.5 * DAY, 'signed up together');
  }
  const tryers = by.get('release-tryer') ?? [];
  assert.ok(tryers.length > 0);
  assert.ok(tryers.every((e) => e.ts > world.release));
  assert.ok(tryers.filter((e) => e.model === 'moat-reasoner-2').length > 0.7 * tryers.length);
});
