import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from './detector.js';
import { detectConfigSchema } from './config.js';
import { levelRank, type TelemetryEvent, type Verdict } from '../telemetry/event.js';
import * as g from './testdata/traffic.js';

const cfg = detectConfigSchema.parse({});

/** Run events; return final verdicts and, per account, the request count at its first non-allow verdict. */
function run(events: TelemetryEvent[], d = new Detector(cfg)) {
  const seen = new Map<string, number>();
  const firstFlag = new Map<string, number>();
  const everRaised = new Set<string>();
  for (const ev of events) {
    seen.set(ev.account, (seen.get(ev.account) ?? 0) + 1);
    for (const v of d.ingest(ev)) {
      if (v.level !== 'allow') {
        everRaised.add(v.account);
        if (!firstFlag.has(v.account)) firstFlag.set(v.account, seen.get(v.account) ?? 0);
      }
    }
  }
  const final = new Map(d.verdicts().map((v) => [v.account, v]));
  return { d, final, firstFlag, everRaised };
}

const atLeast = (v: Verdict | undefined, level: Verdict['level']) =>
  v !== undefined && levelRank(v.level) >= levelRank(level);

test('detector: a batch pipeline and an eval-harness burst stay allow (issue 3 hard negatives)', () => {
  const r = g.rng(11);
  const { final, everRaised } = run(
    g.mergeByTime(g.batchPipeline(r, 'batch', 1500), g.evalHarness(r, 'eval', 800)),
  );
  assert.equal(final.get('batch')!.level, 'allow');
  assert.equal(final.get('eval')!.level, 'allow');
  assert.equal(everRaised.size, 0);
});

test('detector: chat users and students stay allow', () => {
  const r = g.rng(12);
  const lists = Array.from({ length: 20 }, (_, i) =>
    (i % 2 ? g.student : g.chatUser)(r, 'u' + i, 60, `198.51.${i}.9`),
  );
  const { everRaised } = run(g.mergeByTime(...lists));
  assert.deepEqual([...everRaised], []);
});

test('detector: a templated reasoning harvester is caught within 100 requests (issue 3)', () => {
  const r = g.rng(13);
  const { final, firstFlag } = run(g.harvester(r, 'harv', 400));
  const v = final.get('harv')!;
  assert.ok(atLeast(v, 'throttle'), `level ${v.level} score ${v.score}`);
  assert.ok((firstFlag.get('harv') ?? Infinity) <= 100);
  const codes = v.reasons.map((x) => x.code);
  assert.ok(codes.includes('reasoning_served') && codes.includes('template_reuse'), codes.join());
  for (const reason of v.reasons) {
    assert.match(reason.code, /^[a-z_]+$/);
    assert.ok(reason.weight > 0 && reason.weight <= 1);
    assert.match(reason.detail, /\d/, 'every reason carries checkable numbers');
  }
});

test('detector: a hydra of 30 accounts under 50 requests each is linked and every member raised (issue 3)', () => {
  const r = g.rng(14);
  const { d, final, firstFlag } = run(g.hydra(r, 'hy', 30, 45));
  const clusters = d.clusters();
  const hydra = clusters.find((c) => c.accounts.includes('hy0'));
  assert.ok(hydra, 'a cluster holds the hydra');
  assert.equal(hydra.accounts.filter((a) => a.startsWith('hy')).length, 30);
  for (let i = 0; i < 30; i++) {
    const v = final.get('hy' + i)!;
    assert.ok(atLeast(v, 'throttle'), `hy${i}: ${v.level}`);
    assert.equal(v.cluster, hydra.id);
  }
  const late = [...firstFlag].filter(([a]) => a.startsWith('hy')).map(([, n]) => n);
  late.sort((a, b) => a - b);
  assert.ok(
    late[Math.floor(late.length / 2)]! <= 10,
    `median requests to detect ${late[Math.floor(late.length / 2)]}`,
  );
});

test('detector: a shared-NAT university of 40 honest accounts stays allow, even beside a hydra on the same /24 (issue 3)', () => {
  const r = g.rng(15);
  const uni = Array.from({ length: 40 }, (_, i) =>
    (i % 2 ? g.student : g.chatUser)(r, 'uni' + i, 30, `10.1.2.${i + 3}`, 'Mozilla/5.0 campus'),
  );
  const alone = run(g.mergeByTime(...uni));
  assert.deepEqual([...alone.everRaised], []);
  const hy = g.hydra(r, 'hy', 30, 45).map((e) => ({
    ...e,
    ip: `10.1.2.${Number(e.account.slice(2)) + 100}`,
    userAgent: 'Mozilla/5.0 campus',
  }));
  const mixed = run(g.mergeByTime(...uni, hy));
  assert.deepEqual(
    [...mixed.everRaised].filter((a) => a.startsWith('uni')),
    [],
  );
  for (let i = 0; i < 30; i++) assert.ok(atLeast(mixed.final.get('hy' + i), 'throttle'));
});

function logitSweep(account: string, n: number, sweep: boolean): TelemetryEvent[] {
  const r = g.rng(16);
  return Array.from({ length: n }, (_, i) =>
    g.event({
      ts: 1767600000000 + i * 1500,
      account,
      user: sweep ? 'The' : g.question(r),
      inTokens: 3,
      outTokens: 1,
      request: {
        logprobs: true,
        top_logprobs: 5,
        max_tokens: 1,
        ...(sweep
          ? { logit_bias: { [String(1000 + i)]: 100 } }
          : { logit_bias: { '50256': -100 } }),
      },
    }),
  );
}

test('detector: logprobs with logit_bias sweeps are caught; an honest logprob user is not', () => {
  const { final } = run(
    g.mergeByTime(logitSweep('sweeper', 200, true), logitSweep('honest', 200, false)),
  );
  assert.ok(atLeast(final.get('sweeper'), 'degrade'));
  assert.equal(final.get('sweeper')!.reasons[0]!.code, 'logit_bias_sweep');
  assert.equal(final.get('honest')!.level, 'allow');
});

test('detector: grader abuse from a fresh credit-programme account is caught; the same grading from an established paid account stays below throttle (issue 13: automation alone is every integration)', () => {
  const r = g.rng(17);
  const ask = () =>
    `You are a strict grader. Score the candidate response below on a scale of 1 to 10 using the rubric.\n\nQuestion: ${g.problem(r)}\nResponse: ${g.phrase(r, 30)}`;
  // Each account in its own detector: its own evidence only.
  const final = new Map<string, Verdict>();
  for (const [id, record] of [
    ['grader', { createdAt: 1767590000000, route: 'startup-credits' }],
    [
      'judge-vendor',
      { createdAt: 1767600000000 - 400 * 86_400_000, route: 'self-serve', tier: 'enterprise' },
    ],
  ] as const) {
    const d = new Detector(cfg);
    d.addAccount({ id, ...record });
    // What a grader is served: a score on the scale and its justification.
    const evs = Array.from({ length: 200 }, (_, i) => {
      const ev = g.event({ ts: 1767600000000 + i * 5000, account: id, user: ask() });
      ev.response = {
        ...ev.response!,
        text: `Score: ${1 + Math.floor(r() * 10)}/10\n\nJustification: ${g.phrase(r, 20)}.`,
      };
      return ev;
    });
    final.set(id, run(evs, d).final.get(id)!);
  }
  assert.ok(atLeast(final.get('grader'), 'throttle'), JSON.stringify(final.get('grader')));
  assert.ok(final.get('grader')!.reasons.some((x) => x.code === 'grades_served'));
  assert.ok(
    !atLeast(final.get('judge-vendor'), 'throttle'),
    JSON.stringify(final.get('judge-vendor')),
  );
});

test('detector: temperature-0 grading with short answers passes as an evaluation burst, not when it goes on for days (issue 3: reward-model campaigns)', () => {
  const r = g.rng(18);
  const d = new Detector(cfg);
  d.addAccount({ id: 'burst', createdAt: 1767590000000, route: 'research-credits' });
  d.addAccount({
    id: 'sustained',
    createdAt: 1767590000000 - 30 * 86_400_000,
    route: 'research-credits',
  });
  const judge = (account: string, ts: number) => {
    const ev = g.event({
      ts,
      account,
      user: `Question: ${g.problem(r)}\nResponse A: ${g.phrase(r, 25)}\nResponse B: ${g.phrase(r, 25)}\nWhich response is better? Answer A or B.`,
      request: { temperature: 0, max_tokens: 50 },
      outTokens: 20,
    });
    // A judge's verdict, as MT-Bench's pairwise prompt asks for it.
    ev.response = { ...ev.response!, text: `[[${r() < 0.5 ? 'A' : 'B'}]]` };
    return ev;
  };
  // 400 judgements in 40 minutes (an LLM-as-judge benchmark run), and 400 over five days.
  const burst = Array.from({ length: 400 }, (_, i) => judge('burst', 1767600000000 + i * 6000));
  const sustained = Array.from({ length: 400 }, (_, i) =>
    judge('sustained', 1767600000000 + i * 1_080_000),
  );
  const { final } = run(g.mergeByTime(burst, sustained), d);
  assert.ok(!atLeast(final.get('burst'), 'throttle'), JSON.stringify(final.get('burst')));
  assert.ok(atLeast(final.get('sustained'), 'throttle'), JSON.stringify(final.get('sustained')));
  assert.ok(final.get('sustained')!.reasons.some((x) => x.code === 'grades_served'));
});

test('detector: payment links from account records raise a fresh member on its first suspect requests', () => {
  const r = g.rng(18);
  const d = new Detector(cfg);
  d.addAccount({
    id: 'boss',
    createdAt: 1767500000000,
    paymentFingerprint: 'card_1',
    route: 'startup-credits',
  });
  d.addAccount({ id: 'fresh', createdAt: 1767500000000, paymentFingerprint: 'card_1' });
  run(g.harvester(r, 'boss', 300), d);
  const later = g.harvester(r, 'fresh', 3, 1767700000000, '203.0.113.99');
  const { final } = run(later, d);
  assert.ok(atLeast(final.get('fresh'), 'monitor'), JSON.stringify(final.get('fresh')));
  assert.equal(final.get('fresh')!.cluster, final.get('boss')!.cluster);
});

test('detector: addLink joins accounts and returns the verdicts it changed', () => {
  const r = g.rng(19);
  const d = new Detector(cfg);
  run(g.harvester(r, 'a', 200), d);
  const grading = (i: number) =>
    g.event({
      ts: 1767700000000 + i * 60_000,
      account: 'b',
      ip: '203.0.113.98',
      user: `Grade this essay about ${g.phrase(r, 4)} on a scale of 1 to 10: ${g.phrase(r, 20)}`,
    });
  run([grading(0), grading(1), grading(2)], d);
  const changed = d.addLink('a', 'b', 'payment', 'same card');
  assert.ok(changed.some((v) => v.account === 'b'));
  assert.equal(d.verdict('a').cluster, d.verdict('b').cluster);
  assert.equal(d.verdict('nobody').level, 'allow');
});

test('detector: same input, same output (determinism)', () => {
  const build = () => {
    const r = g.rng(20);
    return g.mergeByTime(
      g.harvester(r, 'h', 150),
      g.hydra(r, 'hy', 10, 20),
      g.chatUser(r, 'c', 50),
      g.batchPipeline(r, 'b', 200),
    );
  };
  const a = run(build());
  const b = run(build());
  assert.deepEqual(a.d.verdicts(), b.d.verdicts());
  assert.deepEqual(a.d.clusters(), b.d.clusters());
});

test('detector: state per account stays bounded however long an account runs', () => {
  const small = detectConfigSchema.parse({ templateIndexSize: 2000 });
  const r = g.rng(21);
  const d = new Detector(small);
  run(g.chatUser(r, 'long', 6000), d);
  const atCap = d.stateBytes();
  run(
    g.chatUser(r, 'long', 12000).map((e) => ({ ...e, ts: e.ts + 1e10 })),
    d,
  );
  assert.ok(d.stateBytes() <= atCap * 1.2, `${atCap} → ${d.stateBytes()}`);
  assert.ok(d.stateBytes() < 2000 * 80 * 3 + 4096);
});

/** A hydra whose members share a client stack (one user agent), with payment cards shared by five members each. */
function knownHydra(d: Detector, r: () => number) {
  for (let i = 0; i < 20; i++)
    d.addAccount({
      id: 'hy' + i,
      createdAt: 1767500000000,
      paymentFingerprint: `card_${Math.floor(i / 5)}`,
    });
  return run(
    g.hydra(r, 'hy', 20, 45).map((e) => ({ ...e, userAgent: 'go-router/1.4' })),
    d,
  );
}

test('detector: once its cluster is known, a hydra member is raised on its first request (issue 3)', () => {
  const r = g.rng(21);
  const d = new Detector(cfg);
  const before = knownHydra(d, r);
  for (let i = 0; i < 20; i++) assert.ok(atLeast(before.final.get('hy' + i), 'throttle'));
  const t = 1767900000000;
  const template = (account: string, ip: string, ua: string, k: number) =>
    g.event({
      ts: t + k * 1000,
      account,
      ip,
      ua,
      user: g.HARVEST_TEMPLATES[0]! + g.problem(r),
      inTokens: 110,
      outTokens: 1000,
      request: { max_tokens: 4096 },
    });
  // A fresh account paying with a hydra card, from elsewhere: raised on request 1.
  d.addAccount({ id: 'card-late', createdAt: t - 1000, paymentFingerprint: 'card_2' });
  const card = d.ingest(template('card-late', '203.0.113.40', 'other/2.0', 0));
  assert.ok(
    atLeast(
      card.find((v) => v.account === 'card-late'),
      'throttle',
    ),
    JSON.stringify(card),
  );
  assert.equal(d.verdict('card-late').reasons[0]!.code, 'cluster_evidence');
  // A fresh account on the hydra's network and client stack, no card: raised on request 1.
  const net = d.ingest(template('net-late', '192.0.2.77', 'go-router/1.4', 1));
  assert.ok(
    atLeast(
      net.find((v) => v.account === 'net-late'),
      'throttle',
    ),
    JSON.stringify(net),
  );
  // The same prompt from an unrelated network and client, no card: not raised by the campaign.
  d.ingest(template('stranger', '198.51.100.200', 'Mozilla/5.0', 2));
  assert.equal(
    levelRank(d.verdict('stranger').level) < levelRank('throttle'),
    true,
    JSON.stringify(d.verdict('stranger')),
  );
  // An honest request from the hydra's network does not inherit anything either.
  d.ingest(
    g.event({
      ts: t + 3000,
      account: 'neighbour',
      ip: '192.0.2.78',
      ua: 'go-router/1.4',
      user: 'What is the capital of Peru?',
    }),
  );
  assert.equal(d.verdict('neighbour').level, 'allow');
});

/** Accounts that act in the same minutes, hour after hour, for three days (lockstep), with honest-looking prompts. */
function lockstep(r: () => number, prefix: string, accounts: number): TelemetryEvent[] {
  const out: TelemetryEvent[] = [];
  const start = Date.UTC(2026, 0, 5, 0, 0, 0);
  for (let k = 0; k < 120; k++) {
    const minute = start + Math.floor(r() * 3 * 24 * 60) * 60_000;
    for (let a = 0; a < accounts; a++) {
      out.push(
        g.event({
          ts: minute + Math.floor(r() * 20_000),
          account: `${prefix}${a}`,
          ip: `198.18.${a}.${10 + a}`,
          ua: `ua-${a}`,
          user: g.question(r),
        }),
      );
    }
  }
  return g.mergeByTime(out);
}

test('detector: accounts acting in lockstep are linked by synchronized timing; independent users are not (issue 3)', () => {
  const r = g.rng(22);
  const users = Array.from({ length: 30 }, (_, i) =>
    g.chatUser(r, 'u' + i, 60, `198.51.${i}.7`, 'ua-u' + i),
  );
  const { final, d } = run(g.mergeByTime(lockstep(r, 'ls', 8), ...users));
  const cluster = final.get('ls0')!.cluster;
  assert.ok(cluster !== null, 'lockstep accounts form a cluster');
  for (let i = 0; i < 8; i++) assert.equal(final.get('ls' + i)!.cluster, cluster);
  const report = d.clusters().find((c) => c.id === cluster)!;
  assert.deepEqual(
    report.accounts.filter((a) => !a.startsWith('ls')),
    [],
  );
  for (let i = 0; i < 30; i++) assert.equal(final.get('u' + i)!.cluster, null, `u${i}`);
  // Timing is coordination, not harvesting: honest prompts in lockstep are not raised for it.
  for (let i = 0; i < 8; i++) assert.equal(final.get('ls' + i)!.level, 'allow');
});

test('detector: settle() brings a quiet hydra member to what its cluster now gives it; before, it kept a level from before the cluster’s last small moves (issue 13)', () => {
  const r = g.rng(41);
  // Without shared_harness: its frames over new items already give the hydra's members their
  // cluster's level as they send, so no small moves are left for settle() to make here.
  const d = new Detector(detectConfigSchema.parse({ weights: { sharedHarness: 0 } }));
  d.addAccount({
    id: 'harv',
    createdAt: Date.parse('2026-01-04T00:00:00Z'),
    route: 'startup-credits',
  });
  // The hydra stops after 15 rounds; the harvester in its cluster goes on.
  for (const ev of g.mergeByTime(
    g.chatUser(r, 'chat', 40),
    g.harvester(r, 'harv', 200),
    g.hydra(r, 'hy', 8, 15),
  ))
    d.ingest(ev);
  const before = d.verdicts().find((v) => v.account === 'hy0')!;
  const inherited = before.reasons.find((x) => x.code === 'cluster_evidence')!.weight;
  assert.ok(inherited > before.score + 0.01, JSON.stringify(before));
  const settled = d.settle();
  const after = d.verdicts().find((v) => v.account === 'hy0')!;
  assert.ok(after.score >= inherited - 0.005, JSON.stringify(after));
  assert.ok(levelRank(after.level) > levelRank(before.level), `${before.level} -> ${after.level}`);
  assert.ok(settled.some((v) => v.account === 'hy0' && v.level === after.level));
  assert.equal(d.verdicts().find((v) => v.account === 'chat')!.level, 'allow');
  assert.deepEqual(d.settle(), [], 'settled once, nothing changes on a second call');
});

test('detector: moving traffic to a newly released model is a pivot; waking to try it is not (issue 13)', () => {
  const r = g.rng(31);
  const DAY = 86_400_000;
  const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
  const release = t0 + 3 * DAY;
  const onModel = (evs: TelemetryEvent[], model: string) =>
    evs.map((ev) => ({ ...ev, model, request: { ...ev.request, model } }));
  // Someone else's traffic opens the stream, so the new model appears days into it.
  const other = onModel(g.chatUser(r, 'other', 40, '198.51.100.40'), 'model-a');
  other[0]!.ts = t0 - 60_000;
  // A harvester on the old model for two days, then the same harvest on the new one.
  const before = onModel(g.harvester(r, 'mover', 200, t0 + DAY, '203.0.113.60'), 'model-a');
  const after = onModel(g.harvester(r, 'mover', 200, release, '203.0.113.60'), 'model-new');
  // An old account, quiet until the release, trying the new model with the same asks.
  const tryer = onModel(
    g.harvester(r, 'tryer', 40, release + 3_600_000, '192.0.2.61'),
    'model-new',
  );
  const codes = (events: TelemetryEvent[], a: string) =>
    run(events)
      .final.get(a)!
      .reasons.map((x) => x.code);
  const mover = codes(g.mergeByTime(other, before, after), 'mover');
  assert.ok(mover.includes('model_pivot'), mover.join());
  // (Each in a run of its own: the two share the harvester's templates, and so a cluster.)
  const woke = codes(g.mergeByTime(other, tryer), 'tryer');
  assert.ok(woke.includes('reasoning_served') && !woke.includes('model_pivot'), woke.join());
});
