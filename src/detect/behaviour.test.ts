/**
 * Issue 13: evidence that does not depend on the prompt's words — what was served, sub-streams,
 * logit_bias token coverage, behavioural links and the review hold of contracted accounts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from './detector.js';
import { detectConfigSchema } from './config.js';
import { levelRank, type TelemetryEvent, type Verdict } from '../telemetry/event.js';
import * as g from './testdata/traffic.js';
import { client } from '../sim/network.js';

const cfg = detectConfigSchema.parse({});
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const atLeast = (v: Verdict | undefined, level: Verdict['level']) =>
  v !== undefined && levelRank(v.level) >= levelRank(level);

/** A derivation as a model serves it, in an unlisted language's step words. */
function derivation(r: () => number): string {
  return Array.from(
    { length: 4 },
    (_, i) => `Hatua ${i + 1}: ${g.phrase(r, 8)} = ${Math.floor(r() * 100)}`,
  ).join('\n');
}

/** Words no stem list holds: every request reworded. */
function reworded(r: () => number): string {
  return (
    Array.from({ length: 14 }, () => g.phrase(r, 1).split('').reverse().join('')).join(' ') +
    ' ' +
    g.problem(r)
  );
}

function served(ev: TelemetryEvent, text: string, outTokens: number): TelemetryEvent {
  ev.response = { ...ev.response!, text, outputTokens: outTokens };
  return ev;
}

/** One request of an agent episode: the task at step 0, a tool result after, a final answer at `last`. */
function agentStep(
  r: () => number,
  o: {
    ts: number;
    account: string;
    step: number;
    last: number;
    tools: unknown[];
    answerWords: number;
  },
): TelemetryEvent {
  const ev = g.event({
    ts: o.ts,
    account: o.account,
    user: o.step === 0 ? g.problem(r) : 'tool output ' + g.phrase(r, 6),
    history: o.step,
    request: { tools: o.tools, max_tokens: 8000 },
    finish: o.step === o.last ? 'stop' : 'tool_calls',
  });
  const done = o.step === o.last;
  return served(ev, done ? g.phrase(r, o.answerWords) : 'calling a tool', done ? 900 : 60);
}

function run(events: TelemetryEvent[], d: Detector): Map<string, Verdict> {
  for (const ev of events.sort((a, b) => a.ts - b.ts || (a.account < b.account ? -1 : 1)))
    d.ingest(ev);
  return new Map(d.verdicts().map((v) => [v.account, v]));
}

test('detector: a reworded hydra with no trigger words is linked by request shape and signup window and caught; same-SDK honest students are not (issue 13)', () => {
  const r = g.rng(131);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  for (let a = 0; a < 60; a++) {
    const id = `hy${a}`;
    d.addAccount({ id, createdAt: T0 - 2 * DAY + a * 60_000, route: 'self-serve' });
    let ts = T0 + a * 7_000;
    for (let i = 0; i < 30; i++) {
      ts += 2_400_000 + Math.floor(r() * 1_200_000);
      const ev = g.event({
        ts,
        account: id,
        ip: `198.18.${a}.${i % 200}`,
        ua: 'python-httpx/0.27',
        user: reworded(r),
        request: { temperature: 0.6, max_tokens: 3000 },
      });
      events.push(served(ev, derivation(r), 900));
    }
  }
  for (let a = 0; a < 60; a++) {
    const id = `st${a}`;
    d.addAccount({ id, createdAt: T0 - (30 + a * 11) * DAY, route: 'self-serve' });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 15; i++) {
      ts += 3_600_000 + Math.floor(r() * 20_000_000);
      const ev = g.event({
        ts,
        account: id,
        ip: `203.0.113.${a}`,
        ua: 'python-httpx/0.27',
        user: `${g.problem(r)} can you show the steps?`,
        request: { temperature: 0.6, max_tokens: 3000 },
      });
      events.push(served(ev, derivation(r), 400));
    }
  }
  const final = run(events, d);
  let caught = 0;
  for (let a = 0; a < 60; a++) if (atLeast(final.get(`hy${a}`), 'throttle')) caught++;
  assert.ok(caught >= 57, `hydra members caught: ${caught}/60`);
  const raised = [...final.values()].filter(
    (v) => v.account.startsWith('st') && atLeast(v, 'throttle'),
  );
  assert.deepEqual(raised, []);
  assert.ok(
    final
      .get('hy5')!
      .reasons.some((x) => x.code === 'cluster_evidence' && x.detail.includes('shape')),
    JSON.stringify(final.get('hy5')!.reasons),
  );
});

/** A hydra whose members each present another SDK, and a class that signed up together through one notebook (issue 13: signup cohorts). */
function cohorts(members: number, d: Detector, students = 30): TelemetryEvent[] {
  const r = g.rng(137);
  const uas = [
    'python-httpx/0.27',
    'OpenAI/Python 1.40.0',
    'OpenAI/JS 4.56.0',
    'Anthropic/Python 0.34.0',
    'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0',
  ];
  const events: TelemetryEvent[] = [];
  for (let a = 0; a < members; a++) {
    const id = `sc${a}`;
    d.addAccount({ id, createdAt: T0 - 3 * DAY + a * 1_500_000, route: 'self-serve' });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 16; i++) {
      ts += 1_800_000 + Math.floor(r() * 9_000_000);
      const ev = g.event({
        ts,
        account: id,
        ip: `198.51.${a}.${1 + (i % 3)}`,
        ua: `${uas[a % uas.length]!} b${a}`, // no two members present the same client
        user: reworded(r),
        request: { temperature: 0.7, max_tokens: 4096 },
      });
      events.push(served(ev, derivation(r), 1100));
    }
  }
  for (let a = 0; a < students; a++) {
    const id = `cl${a}`;
    d.addAccount({ id, createdAt: T0 - 3 * DAY + a * 600_000, route: 'education' });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 20; i++) {
      ts += 1_800_000 + Math.floor(r() * 9_000_000);
      // Half their requests ask for worked answers. (At 60%, one student in twenty sends 80% on
      // its 20 requests by chance: the hydra's own share, on its SDK, from its signup window,
      // which nothing in the traffic tells apart from a member covering with chat.)
      const worked = r() < 0.5;
      const ev = g.event({
        ts,
        account: id,
        ip: `203.0.113.${a}`,
        ua: uas[0]!,
        user: worked ? `${g.problem(r)} can you show the steps?` : g.phrase(r, 12),
        request: { temperature: 0.7, max_tokens: 4096 },
      });
      events.push(worked ? served(ev, derivation(r), 700) : served(ev, g.phrase(r, 40), 120));
    }
  }
  return events;
}

test('detector: a hydra whose members each present another SDK is linked as a signup cohort; a class that signed up together is not (issue 13)', () => {
  // One detector per run: cohorts() registers the accounts on the detector it is given.
  const runWith = (c: typeof cfg, members: number, students = 30) => {
    const d = new Detector(c);
    return run(cohorts(members, d, students), d);
  };
  const final = runWith(cfg, 30);
  const hydra = [...final.values()].filter((v) => v.account.startsWith('sc'));
  const linked = hydra.filter((v) => v.cluster !== null && atLeast(v, 'throttle'));
  assert.ok(linked.length >= 27, `members linked and caught: ${linked.length}/30`);
  assert.ok(
    linked[0]!.reasons.some((x) => x.code === 'cluster_evidence' && x.detail.includes('shape')),
    JSON.stringify(linked[0]!.reasons),
  );
  const students = [...final.values()].filter((v) => v.account.startsWith('cl'));
  // Students whose first requests were all worked solutions, on the SDK a fifth of the hydra
  // presents, may be shape-linked into its cluster; they inherit by their own harvest share.
  assert.deepEqual(
    students.filter((v) => atLeast(v, 'throttle')).map((v) => v.account),
    [],
  );
  // The cohort is what links them: without it they are judged one by one; three members are
  // not a cohort.
  const hydraCaught = (m: Map<string, Verdict>) =>
    [...m.values()].filter((v) => v.account.startsWith('sc') && atLeast(v, 'throttle')).length;
  const off = hydraCaught(runWith(detectConfigSchema.parse({ cohortMinAccounts: 1000 }), 30));
  assert.ok(off <= 3, `caught without cohort links: ${off}/30`);
  const three = runWith(cfg, 3, 0);
  assert.equal([...three.values()].filter((v) => v.cluster !== null).length, 0);
});

test('detector: a harvest mixed into an application’s traffic under its own system prompt is scored on its sub-stream (issue 13: dilution)', () => {
  const r = g.rng(132);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  for (const id of ['mixed', 'honest']) {
    d.addAccount({ id, createdAt: T0 - 400 * DAY, tier: 'pro' });
    let ts = T0;
    for (let i = 0; i < 700; i++) {
      ts += 60_000 + Math.floor(r() * 30_000);
      const harvest = id === 'mixed' && i % 7 === 3;
      const ev = harvest
        ? served(
            g.event({
              ts,
              account: id,
              user: reworded(r),
              system: 'You answer with care.',
              request: { max_tokens: 4000 },
            }),
            derivation(r),
            1200,
          )
        : served(
            g.event({
              ts,
              account: id,
              system: 'Classify the support ticket into billing, technical or other.',
              user: g.phrase(r, 40),
              request: { temperature: 0, max_tokens: 5 },
            }),
            'billing',
            2,
          );
      events.push(ev);
    }
  }
  const final = run(events, d);
  assert.ok(atLeast(final.get('mixed'), 'throttle'), JSON.stringify(final.get('mixed')));
  assert.ok(final.get('mixed')!.reasons.some((x) => x.code === 'substream_harvest'));
  assert.equal(final.get('honest')!.level, 'allow');
});

test('detector: one insider’s harvest among hundreds of an application’s end users keeps its own sub-stream (issue 13: dilution)', () => {
  const r = g.rng(133);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const system = 'You are the assistant of a travel booking site. Answer briefly and politely.';
  for (const id of ['app-insider', 'app-clean']) {
    d.addAccount({ id, createdAt: T0 - 400 * DAY, tier: 'pro' });
    const users = Array.from({ length: 400 }, (_, i) => `${id}-user-${i}`);
    let ts = T0;
    for (let i = 0; i < 2000; i++) {
      ts += 30_000 + Math.floor(r() * 30_000);
      // One request in 12 from one insider: well under any heavy-hitter cut over all users.
      const harvest = id === 'app-insider' && i % 12 === 5;
      const ev = harvest
        ? served(
            g.event({
              ts,
              account: id,
              system,
              user: reworded(r),
              request: { max_tokens: 4000, user: 'insider-7' },
            }),
            derivation(r),
            1200,
          )
        : served(
            g.event({
              ts,
              account: id,
              system,
              user: g.phrase(r, 25),
              request: { max_tokens: 600, user: users[Math.floor(r() * users.length)] },
            }),
            g.phrase(r, 30),
            120,
          );
      events.push(ev);
    }
  }
  const final = run(events, d);
  const insider = final.get('app-insider')!;
  assert.ok(
    insider.reasons.some((x) => x.code === 'substream_harvest'),
    JSON.stringify(insider),
  );
  // The insider asks for nothing else: its sub-stream's focus amplifies it to throttle, as
  // one person of the application judged alone (monitor without it, score 0.42).
  assert.ok(atLeast(insider, 'throttle'), JSON.stringify(insider));
  assert.ok(
    insider.reasons.some(
      (x) => x.code === 'harvest_focus' && x.detail.includes('of one sub-stream'),
    ),
    JSON.stringify(insider.reasons),
  );
  assert.equal(final.get('app-clean')!.level, 'allow');
  assert.ok(!final.get('app-clean')!.reasons.some((x) => x.code === 'substream_harvest'));
});

test('detector: a week-old tutoring app is judged by its volume per pupil it names; the same volume from one anonymous account counts (issue 13)', () => {
  // Each on its own detector: the two would otherwise be linked by their identical traffic.
  const alone = (id: string, pupils: number) => {
    const d = new Detector(cfg);
    d.addAccount({ id, createdAt: T0 - 4 * DAY, tier: 'enterprise' });
    return run(g.tutorApp(g.rng(138), id, 1300, pupils, T0), d).get(id)!;
  };
  const volume = (v: Verdict) => v.reasons.find((x) => x.code === 'volume_vs_age')?.weight ?? 0;
  // Two such apps on one detector: same SDK, same week, linked by request shape. Their cluster
  // is judged per pupil too (the sum of each app's end users), not as one anonymous sender.
  {
    const r = g.rng(139);
    const d = new Detector(cfg);
    const events: TelemetryEvent[] = [];
    for (const id of ['app-a', 'app-b']) {
      d.addAccount({ id, createdAt: T0 - 4 * DAY, tier: 'enterprise' });
      events.push(...g.tutorApp(r, id, 1300, 1500, T0));
    }
    run(events, d);
    const cluster = d.clusters()[0];
    assert.ok(cluster && cluster.accounts.length === 2, JSON.stringify(d.clusters()));
    const clusterVolume = cluster.reasons.find((x) => x.code === 'volume_vs_age')?.weight ?? 0;
    assert.ok(clusterVolume < 0.05, JSON.stringify(cluster.reasons));
    assert.ok(
      !cluster.reasons.some((x) => x.code === 'harvest_focus'),
      JSON.stringify(cluster.reasons),
    );
  }
  const app = alone('tutor-app', 1500);
  const anonymous = alone('anonymous', 0);
  assert.ok(volume(anonymous) > 0.2, JSON.stringify(anonymous));
  assert.ok(volume(app) < 0.05, JSON.stringify(app));
  assert.ok(!atLeast(app, 'throttle'), JSON.stringify(app));
});

test('detector: agent episodes in a new tool environment each time are caught; a product’s agent with one tool set is not (issue 13)', () => {
  const r = g.rng(134);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const names = [
    'search',
    'fetch',
    'python',
    'sql',
    'read_file',
    'write_file',
    'run_tests',
    'calc',
    'click',
    'shell',
    'browse',
    'email',
  ];
  const tool = (name: string) => ({
    type: 'function',
    function: { name, parameters: { type: 'object' } },
  });
  for (const id of ['rotating', 'product']) {
    d.addAccount({ id, createdAt: T0 - 3 * DAY, route: 'self-serve' });
    let ts = T0;
    let tools: unknown[] = [];
    for (let i = 0; i < 400; i++) {
      ts += 20_000 + Math.floor(r() * 200_000);
      const step = i % 6;
      if (step === 0)
        tools =
          id === 'product' ? names.slice(0, 5).map(tool) : names.filter(() => r() < 0.5).map(tool);
      events.push(agentStep(r, { ts, account: id, step, last: 5, tools, answerWords: 200 }));
    }
  }
  const final = run(events, d);
  const rotating = final.get('rotating')!;
  assert.ok(atLeast(rotating, 'throttle'), JSON.stringify(rotating));
  assert.ok(rotating.reasons.some((x) => x.code === 'agent_environments'));
  assert.equal(final.get('product')!.level, 'allow', JSON.stringify(final.get('product')));
});

test('detector: a logit_bias sweep is caught without logprobs; a classifier biasing a fixed label set is not (issue 13)', () => {
  const r = g.rng(133);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  let ts = T0;
  for (let i = 0; i < 300; i++) {
    ts += 4000;
    const sweep: Record<string, number> = {};
    for (let k = 0; k < 8; k++) sweep[String(1000 + i * 8 + k)] = 100;
    events.push(
      g.event({
        ts,
        account: 'sweeper',
        user: 'Say one word.',
        outTokens: 1,
        request: { temperature: 0, max_tokens: 1, logit_bias: sweep },
      }),
    );
    const labels = ['3763', '4633', '9996', '1566'];
    const bias: Record<string, number> = {};
    for (const l of labels) bias[l] = i % 2 ? 10 : 20;
    events.push(
      g.event({
        ts: ts + 1,
        account: 'lab',
        user: `Label the sentiment: ${g.phrase(r, 20)}`,
        outTokens: 1,
        request: {
          temperature: 0,
          max_tokens: 1,
          logprobs: true,
          top_logprobs: 4,
          logit_bias: bias,
        },
      }),
    );
  }
  const final = run(events, d);
  assert.ok(atLeast(final.get('sweeper'), 'throttle'), JSON.stringify(final.get('sweeper')));
  assert.ok(final.get('sweeper')!.reasons.some((x) => x.code === 'logit_bias_sweep'));
  assert.equal(final.get('lab')!.level, 'allow');
});

test('detector: a search over logit_bias values on a few tokens at a time is caught without logprobs; a lab that tries two bias strengths on its labels, or tunes it once, is not (issue 13)', () => {
  const r = g.rng(223);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  let ts = T0;
  const labels = ['3763', '4633', '9996'];
  for (let i = 0; i < 360; i++) {
    ts += 5000;
    // Binary search for the bias that makes one token the answer: 30 tokens, 12 steps each.
    const token = String(20_000 + Math.floor(i / 12) * 37);
    const step = i % 12;
    events.push(
      g.event({
        ts,
        account: 'searcher',
        user: g.phrase(r, 30),
        outTokens: 1,
        request: { temperature: 0, max_tokens: 1, logit_bias: { [token]: 40 / (step + 1) } },
      }),
    );
    for (const [id, value] of [
      ['alternating', i % 2 ? 10 : 20],
      ['tuned', i < 20 ? 5 + i : 25],
    ] as const) {
      events.push(
        g.event({
          ts: ts + 1,
          account: id,
          user: `Label the sentiment: ${g.phrase(r, 20)}`,
          outTokens: 1,
          request: {
            temperature: 0,
            max_tokens: 1,
            logit_bias: Object.fromEntries(labels.map((l) => [l, value])),
          },
        }),
      );
    }
  }
  const final = run(events, d);
  const searcher = final.get('searcher')!;
  assert.ok(atLeast(searcher, 'throttle'), JSON.stringify(searcher));
  assert.match(
    searcher.reasons.find((x) => x.code === 'logit_bias_sweep')?.detail ?? '',
    /requests gave the same logit_bias tokens as the request before another value, over ~\d+ distinct token ids/,
  );
  assert.equal(final.get('alternating')!.level, 'allow', JSON.stringify(final.get('alternating')));
  assert.equal(final.get('tuned')!.level, 'allow', JSON.stringify(final.get('tuned')));
});

test('detector: a verified or contracted account is held at monitor for review, with the reason (issue 13)', () => {
  const r = g.rng(134);
  const d = new Detector(cfg);
  d.addAccount({ id: 'licensed', createdAt: T0 - 200 * DAY, contract: 'synthetic-data' });
  d.addAccount({ id: 'anon', createdAt: T0 - 200 * DAY });
  const events = [
    ...g.harvester(r, 'licensed', 300),
    ...g.harvester(r, 'anon', 300, undefined, '203.0.113.77'),
  ];
  const final = run(events, d);
  assert.ok(atLeast(final.get('anon'), 'throttle'));
  assert.equal(final.get('licensed')!.level, 'monitor');
  assert.ok(final.get('licensed')!.reasons.some((x) => x.code === 'review_required'));
  // Its prompt frames are its own product's: a harvester that sends the same frames is not
  // linked to it (a contract says who the operator is), so neither inherits the other's
  // evidence — nor do those, like a class on a campus NAT, linked to either.
  assert.equal(final.get('licensed')!.cluster, null);
});

/** Students who ask for a worked answer through the plain frames on half their 30 requests and chat on the rest. */
function frameStudents(
  r: () => number,
  d: Detector,
  prefix: string,
  count: number,
): TelemetryEvent[] {
  const events: TelemetryEvent[] = [];
  for (let a = 0; a < count; a++) {
    const id = `${prefix}${a}`;
    d.addAccount({ id, createdAt: T0 - (40 + a * 5) * DAY, route: 'self-serve' });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 30; i++) {
      ts += 1_800_000 + Math.floor(r() * 12_000_000);
      const worked = r() < 0.5;
      const frame = g.PLAIN_FRAMES[Math.floor(r() * g.PLAIN_FRAMES.length)]!;
      const ev = g.event({
        ts,
        account: id,
        ip: `203.0.113.${a}`,
        user: worked ? `${frame}: ${g.problem(r)}` : g.question(r),
      });
      events.push(worked ? served(ev, derivation(r), 600) : served(ev, g.phrase(r, 40), 150));
    }
  }
  return events;
}

/**
 * A low-and-slow hydra (THREATS.md: quiet accounts, each under the thresholds, mixed with
 * ordinary traffic): months-old accounts on their own cards, home addresses, clients and
 * hours, every ask in plain words from the harness's few frames, derivations served, 10%
 * ordinary chat as cover. Beside it, students asking through the same frames who mix their
 * asks (half worked solutions; one that sends nearly nothing else through a campaign's own
 * frames is what the link is for), and an application that names its pupils and sends its
 * asks through them.
 */
function plainHydra(d: Detector, members: number): TelemetryEvent[] {
  const r = g.rng(149);
  const events: TelemetryEvent[] = [];
  for (let a = 0; a < members; a++) {
    const id = `lh${a}`;
    d.addAccount({ id, createdAt: T0 - (60 + a * 7) * DAY, route: 'self-serve', tier: 'tier-1' });
    events.push(...g.plainAsker(r, id, a, 45, T0 + Math.floor(r() * DAY)));
  }
  events.push(...frameStudents(r, d, 'ps', 40));
  // Three labs' evaluation runs of one benchmark harness through the same frames: worked
  // solutions at temperature 0, short, in one burst each.
  for (let a = 0; a < 3; a++) {
    const id = `ev${a}`;
    d.addAccount({ id, createdAt: T0 - (100 + 90 * a) * DAY, route: 'self-serve', tier: 'tier-3' });
    let ts = T0 + (a + 1) * DAY;
    for (let i = 0; i < 60; i++) {
      ts += 20_000 + Math.floor(r() * 40_000);
      const frame = g.PLAIN_FRAMES[i % g.PLAIN_FRAMES.length]!;
      const ev = g.event({
        ts,
        account: id,
        ip: `10.${a}.0.50`,
        ua: 'eval-harness/0.4',
        user: `${frame}: ${g.problem(r)}`,
        request: { temperature: 0, max_tokens: 512 },
      });
      events.push(served(ev, derivation(r), 300));
    }
  }
  // A tutoring application: every request a worked solution, through the same frames, for
  // the pupil it names. It starts first, so it opens most frames: the hydra's links must not
  // depend on who opened a frame (with the first sender as the link's other end, 0 of 40).
  d.addAccount({ id: 'app0', createdAt: T0 - 200 * DAY, route: 'self-serve', tier: 'tier-3' });
  let ts = T0;
  for (let i = 0; i < 600; i++) {
    ts += 60_000 + Math.floor(r() * 300_000);
    const frame = g.PLAIN_FRAMES[Math.floor(r() * g.PLAIN_FRAMES.length)]!;
    const ev = g.event({
      ts,
      account: 'app0',
      ip: '192.0.2.10',
      ua: 'tutor-backend/2.1',
      user: `${frame}: ${g.problem(r)}`,
      request: { user: `pupil-${Math.floor(r() * 400)}`, max_tokens: 2000 },
    });
    events.push(served(ev, derivation(r), 650));
  }
  return events;
}

test('detector: a low-and-slow hydra asking in plain words is linked by the frames its members reuse; students and an application using the same frames are not (issue 13)', () => {
  const d = new Detector(cfg);
  const final = run(plainHydra(d, 40), d);
  const members = [...final.values()].filter((v) => v.account.startsWith('lh'));
  const caught = members.filter((v) => v.cluster !== null && atLeast(v, 'throttle'));
  assert.ok(caught.length >= 36, `members linked and caught: ${caught.length}/40`);
  assert.ok(
    caught[0]!.reasons.some((x) => x.code === 'cluster_evidence' && x.detail.includes('template')),
    JSON.stringify(caught[0]!.reasons),
  );
  const raised = [...final.values()].filter(
    (v) => !v.account.startsWith('lh') && atLeast(v, 'throttle'),
  );
  assert.deepEqual(
    raised.map((v) => v.account),
    [],
  );
  assert.equal(final.get('app0')?.cluster ?? null, null);
  for (const id of ['ev0', 'ev1', 'ev2']) assert.equal(final.get(id)?.cluster ?? null, null, id);
});

test('detector: when clusters merge under another id, the members’ last emitted verdicts name the cluster they are in (issue 13)', () => {
  const r = g.rng(167);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  // Two groups of one operator, each on its own card, found to be one later (an identity link).
  for (let a = 0; a < 10; a++) {
    const id = `mh${a}`;
    d.addAccount({ id, createdAt: T0 - 90 * DAY, paymentFingerprint: 'pf_a' });
    events.push(...g.plainAsker(r, id, a, 40, T0 + Math.floor(r() * DAY)));
  }
  for (let a = 0; a < 6; a++)
    d.addAccount({ id: `hb${a}`, createdAt: T0 - 90 * DAY, paymentFingerprint: 'pf_b' });
  events.push(...g.hydra(r, 'hb', 6, 40));
  const emitted = new Map<string, Verdict>();
  const keep = (vs: Verdict[]) => {
    for (const v of vs) emitted.set(v.account, v);
  };
  for (const ev of events.sort((a, b) => a.ts - b.ts || (a.account < b.account ? -1 : 1)))
    keep(d.ingest(ev));
  const before = new Map(d.verdicts().map((v) => [v.account, v.cluster]));
  assert.ok(before.get('hb0') && before.get('mh0') && before.get('hb0') !== before.get('mh0'));
  keep(d.addLink('hb2', 'mh3', 'identity', 'same signup device'));
  const now = new Map(d.verdicts().map((v) => [v.account, v]));
  const merged = now.get('mh3')!.cluster;
  assert.ok(merged && now.get('hb2')!.cluster === merged);
  for (const id of now.keys())
    assert.equal(emitted.get(id)?.cluster, merged, `${id}'s last verdict`);
});

/** python-requests' header order (a script setting a browser's User-Agent keeps it). */
const REQUESTS_HEADERS = client('python-requests').headerOrder;

test('detector: a hydra of aged accounts behind a rotating residential-proxy pool, serving rationales, code and derivations, is linked by its proxy cohort and caught; office and mobile users on the same stack are not (issue 13)', () => {
  const r = g.rng(149);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const ja4 = 't13d1812h1_5b57614c22b0_3cbfd9057e0d';
  const rationale = (): string =>
    `${g.phrase(r, 30)}. ${g.phrase(r, 24)}.\n\nFinal answer: (${'ABCDE'[Math.floor(r() * 5)]})`;
  const code = (): string => '```python\ndef f(x):\n    return x * 2\n```';
  for (let a = 0; a < 24; a++) {
    const id = `px${a}`;
    // Months old, each on its own card: nothing to link at signup.
    d.addAccount({
      id,
      createdAt: T0 - (90 + a) * DAY,
      route: 'self-serve',
      paymentFingerprint: `card${a}`,
    });
    let ts = T0 + Math.floor(r() * 3_600_000);
    for (let i = 0; i < 60; i++) {
      ts += 1_500_000 + Math.floor(r() * 3_000_000);
      const ev = g.event({
        ts,
        account: id,
        // A new residential address on (nearly) every request.
        ip: `${70 + (i % 40)}.${Math.floor(r() * 250)}.${Math.floor(r() * 250)}.${1 + a}`,
        ua:
          a % 3 === 0
            ? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
            : 'python-requests/2.32.3',
        user: g.problem(r),
        request: { max_tokens: 2048 },
      });
      ev.ja4 = ja4;
      ev.headerOrder = REQUESTS_HEADERS;
      const u = r();
      if (u < 0.35) events.push(served(ev, derivation(r), 700));
      else if (u < 0.55) events.push(served(ev, rationale(), 180));
      else if (u < 0.85) events.push(served(ev, code(), 300));
      else events.push(served(ev, g.phrase(r, 40), 120)); // cover chat
    }
  }
  // Honest users on the same Python stack: an office behind four egress prefixes, and mobile
  // users whose carrier moves them between a few prefixes, asking for worked solutions too.
  for (let a = 0; a < 30; a++) {
    const id = `of${a}`;
    d.addAccount({ id, createdAt: T0 - (200 + a) * DAY, route: 'self-serve' });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 40; i++) {
      ts += 1_800_000 + Math.floor(r() * 6_000_000);
      const ev = g.event({
        ts,
        account: id,
        ip: a < 15 ? `192.0.${2 + (i % 4)}.${10 + a}` : `100.64.${(a * 3 + (i % 3)) % 250}.${a}`,
        ua: 'python-requests/2.32.3',
        user: `${g.problem(r)} can you show the steps?`,
        request: { max_tokens: 2048 },
      });
      ev.ja4 = ja4;
      events.push(r() < 0.6 ? served(ev, derivation(r), 500) : served(ev, g.phrase(r, 40), 120));
    }
  }
  const final = run(events, d);
  let caught = 0;
  for (let a = 0; a < 24; a++) if (atLeast(final.get(`px${a}`), 'throttle')) caught++;
  assert.ok(caught >= 22, `proxy-hydra members caught: ${caught}/24`);
  const honest = [...final.values()].filter((v) => v.account.startsWith('of'));
  assert.deepEqual(
    honest.filter((v) => atLeast(v, 'throttle')),
    [],
  );
  // Neither rotating nor linked: a few egress or carrier prefixes are not a proxy pool.
  assert.deepEqual(
    honest.filter((v) => v.cluster !== null || v.reasons.some((x) => x.code === 'proxy_rotation')),
    [],
  );
  const why = final.get('px4')!.reasons;
  assert.ok(
    why.some((x) => x.code === 'cluster_evidence' && x.detail.includes('proxy')) ||
      why.some((x) => x.code === 'proxy_rotation'),
    JSON.stringify(why),
  );
  // The browser User-Agent over a Python stack is named as such.
  assert.ok(
    final.get('px0')!.reasons.some((x) => x.code === 'client_spoof') ||
      final.get('px0')!.reasons.some((x) => x.code === 'cluster_evidence'),
  );
});

test('detector: members of a hydra on one card, each harvesting only part of its traffic, are raised by the coordination their own link shows; the same traffic on separate cards, and a bystander on their network, is not (issue 13)', () => {
  const build = (shareCard: boolean) => {
    const r = g.rng(173);
    const d = new Detector(cfg);
    const events: TelemetryEvent[] = [];
    for (let a = 0; a < 8; a++) {
      const id = `pc${a}`;
      d.addAccount({
        id,
        createdAt: T0 - (60 + a * 9) * DAY,
        route: 'self-serve',
        paymentFingerprint: shareCard ? 'card_shared' : `card${a}`,
      });
      let ts = T0 + Math.floor(r() * 3_600_000);
      for (let i = 0; i < 120; i++) {
        ts += 1_800_000 + Math.floor(r() * 3_600_000);
        const ev = g.event({
          ts,
          account: id,
          ip: `198.51.100.${a}`,
          ua: 'python-httpx/0.27',
          user: reworded(r),
          request: { temperature: 0.7, max_tokens: 4096 },
        });
        // Seven in ten answers each member is served are derivations; the rest is prose.
        events.push(r() < 0.7 ? served(ev, derivation(r), 420) : served(ev, g.phrase(r, 60), 200));
      }
    }
    // A person on the hydra's network (a shared NAT) asking for worked solutions too.
    d.addAccount({ id: 'nb', createdAt: T0 - 300 * DAY, route: 'self-serve' });
    let ts = T0;
    for (let i = 0; i < 60; i++) {
      ts += 3_600_000 + Math.floor(r() * 7_200_000);
      const ev = g.event({
        ts,
        account: 'nb',
        ip: `198.51.100.${i % 8}`,
        ua: 'python-httpx/0.27',
        user: `${g.problem(r)} can you show the steps?`,
        request: { temperature: 0.7, max_tokens: 4096 },
      });
      events.push(r() < 0.45 ? served(ev, derivation(r), 420) : served(ev, g.phrase(r, 60), 200));
    }
    return run(events, d);
  };
  const apart = build(false);
  const together = build(true);
  for (let a = 0; a < 8; a++) {
    const id = `pc${a}`;
    assert.ok(!atLeast(apart.get(id), 'throttle'), `${id} alone: ${apart.get(id)?.score}`);
    const v = together.get(id);
    assert.ok(atLeast(v, 'throttle'), `${id} on the shared card: ${v?.score}`);
    assert.ok(
      v!.reasons.some((x) => x.code === 'cluster_coordination' && /payment/.test(x.detail)),
      `${id} names its payment link`,
    );
  }
  assert.ok(!atLeast(together.get('nb'), 'throttle'), `bystander: ${together.get('nb')?.score}`);
});

test('detector: code solutions served count toward an account’s focus beside its derivations; the same account with chat instead of code, and a developer who only gets code, have none (issue 13)', () => {
  const code = (r: () => number) =>
    'Here is one way:\n\n```python\ndef solve(xs):\n    return sorted(set(xs))[:' +
    Math.floor(r() * 9 + 1) +
    ']\n```\n\n' +
    g.phrase(r, 12);
  const build = (other: 'code' | 'chat', derivations: number) => {
    const r = g.rng(181);
    const d = new Detector(cfg);
    d.addAccount({ id: 'a', createdAt: T0 - 90 * DAY, route: 'self-serve' });
    const events: TelemetryEvent[] = [];
    let ts = T0 + 8 * 3_600_000;
    for (let i = 0; i < 160; i++) {
      ts += 1_200_000 + Math.floor(r() * 2_400_000);
      // Working days, 08:00 to 20:00: a developer sleeps (sleepless_work is another test's).
      if ((ts % DAY) / 3_600_000 >= 20) ts += 12 * 3_600_000;
      const ev = g.event({
        ts,
        account: 'a',
        ip: '198.51.100.7',
        ua: 'python-httpx/0.27',
        user: reworded(r),
        request: { temperature: 0.7, max_tokens: 4096 },
      });
      const x = r();
      events.push(
        x < derivations
          ? served(ev, derivation(r), 420)
          : x < 0.95
            ? served(ev, other === 'code' ? code(r) : g.phrase(r, 60), 240)
            : served(ev, g.phrase(r, 40), 120),
      );
    }
    return run(events, d).get('a')!;
  };
  const focus = (v: Verdict) => v.reasons.find((x) => x.code === 'harvest_focus');
  const withCode = build('code', 0.45);
  const withChat = build('chat', 0.45);
  assert.ok(focus(withCode), `with code: ${JSON.stringify(withCode.reasons)}`);
  assert.match(focus(withCode)!.detail, /code solution/);
  assert.ok(!focus(withChat), `with chat: ${JSON.stringify(withChat.reasons)}`);
  assert.ok(withCode.score > withChat.score, `${withCode.score} > ${withChat.score}`);
  // Code alone is no harvest evidence: nothing served is a derivation, so nothing is amplified.
  const developer = build('code', 0);
  assert.equal(developer.level, 'allow', `developer: ${developer.score}`);
});

test('detector: agent episodes with one tool set started at a harness’s rate round the clock are caught; a team running more a day in working hours, and a developer, are not (issue 13)', () => {
  const r = g.rng(191);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const tools = ['read_file', 'write_file', 'run_tests', 'search', 'shell'].map((name) => ({
    type: 'function',
    function: { name, parameters: { type: 'object' } },
  }));
  // Episodes a day, and the hours of the day (UTC) they start in.
  const plans: Record<string, { perDay: number; from: number; hours: number }> = {
    harness: { perDay: 18, from: 0, hours: 24 },
    team: { perDay: 40, from: 8, hours: 10 },
    developer: { perDay: 5, from: 9, hours: 9 },
  };
  for (const [id, p] of Object.entries(plans)) {
    d.addAccount({ id, createdAt: T0 - 40 * DAY, route: 'self-serve' });
    for (let day = 0; day < 6; day++) {
      for (let e = 0; e < p.perDay; e++) {
        let ts = T0 + day * DAY + (p.from + (p.hours * (e + r())) / p.perDay) * 3_600_000;
        for (let step = 0; step < 4; step++) {
          ts += 15_000 + Math.floor(r() * 30_000);
          events.push(agentStep(r, { ts, account: id, step, last: 3, tools, answerWords: 80 }));
        }
      }
    }
  }
  const final = run(events, d);
  const harness = final.get('harness')!;
  assert.ok(atLeast(harness, 'throttle'), JSON.stringify(harness));
  assert.match(
    harness.reasons.find((x) => x.code === 'agent_episodes')?.detail ?? '',
    /agent episodes started \(1\d\.\d a day\) with requests in 2\d of 24 hours/,
  );
  assert.equal(final.get('team')!.level, 'allow', JSON.stringify(final.get('team')));
  assert.equal(final.get('developer')!.level, 'allow', JSON.stringify(final.get('developer')));
});

test('detector: a class that signed up in a hydra’s week on its SDK and asks for worked solutions in conversations is not linked to it; the single-turn hydra still is (issue 13)', () => {
  const r = g.rng(197);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const open = (id: string, a: number, route: string) =>
    d.addAccount({ id, createdAt: T0 - 2 * DAY + a * 90_000, route });
  for (let a = 0; a < 40; a++) {
    const hydra = a % 2 === 0;
    const id = hydra ? `hy${a}` : `cl${a}`;
    open(id, a, hydra ? 'self-serve' : 'education');
    let ts = T0 + a * 11_000;
    for (let i = 0; i < 30; i++) {
      ts += 2_400_000 + Math.floor(r() * 1_200_000);
      const ev = g.event({
        ts,
        account: id,
        ip: hydra ? `198.18.${a}.${i % 200}` : `203.0.113.${a}`,
        ua: 'python-httpx/0.27',
        // The hydra sends each item on its own; a student works through a problem in turns.
        user: hydra ? reworded(r) : `${g.problem(r)} and what about the next step?`,
        history: hydra ? 0 : 1 + (i % 3),
        request: { temperature: 0.6, max_tokens: 3000 },
      });
      events.push(served(ev, derivation(r), 900));
    }
  }
  const final = run(events, d);
  for (let a = 0; a < 40; a++) {
    const v = a % 2 === 0 ? final.get(`hy${a}`) : final.get(`cl${a}`);
    if (a % 2 === 0) assert.ok(atLeast(v, 'throttle'), `hydra member hy${a}: ${v?.score}`);
    else {
      assert.ok(!atLeast(v, 'throttle'), `student cl${a}: ${JSON.stringify(v)}`);
      assert.ok(!v?.reasons.some((x) => x.code === 'cluster_evidence'), `cl${a} inherits nothing`);
    }
  }
});

test('detector: code solutions and agent work served with no night’s rest for days are caught at a few dozen requests a day; a developer’s working days, an evaluation harness’s one frame and an application naming its users are not (issue 13)', () => {
  const r = g.rng(211);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const tools = ['read_file', 'run_tests', 'shell'].map((name) => ({
    type: 'function',
    function: { name, parameters: { type: 'object' } },
  }));
  const code = () =>
    'One way:\n\n```python\ndef solve(xs):\n    return sorted(xs)[:' +
    Math.floor(r() * 9 + 1) +
    ']\n```\n\n' +
    g.phrase(r, 10);
  // Requests (or agent episodes) a day, the hours of the day (UTC) they fall in, what is asked.
  const plans: Record<
    string,
    { perDay: number; from: number; hours: number; ask: 'code' | 'frame' | 'agent'; users?: true }
  > = {
    fleet: { perDay: 36, from: 0, hours: 24, ask: 'code' },
    developer: { perDay: 60, from: 8, hours: 10, ask: 'code' },
    harness: { perDay: 36, from: 0, hours: 24, ask: 'frame' },
    app: { perDay: 36, from: 0, hours: 24, ask: 'code', users: true },
    trajectories: { perDay: 6, from: 0, hours: 24, ask: 'agent' },
    agentDeveloper: { perDay: 6, from: 9, hours: 9, ask: 'agent' },
  };
  for (const [id, p] of Object.entries(plans)) {
    d.addAccount({ id, createdAt: T0 - 200 * DAY, route: 'self-serve' });
    for (let day = 0; day < 5; day++) {
      for (let i = 0; i < p.perDay; i++) {
        const ts = T0 + day * DAY + (p.from + (p.hours * (i + r())) / p.perDay) * 3_600_000;
        if (p.ask === 'agent') {
          let t = ts;
          for (let step = 0; step < 5; step++) {
            t += 20_000 + Math.floor(r() * 40_000);
            events.push(
              agentStep(r, { ts: t, account: id, step, last: 4, tools, answerWords: 60 }),
            );
          }
          continue;
        }
        const ev = g.event({
          ts,
          account: id,
          ua: 'python-httpx/0.27',
          user:
            p.ask === 'frame'
              ? `Complete the function below. Reply with code only.\n\n# task ${Math.floor(r() * 1e6)}`
              : reworded(r),
          request: {
            temperature: 0.3,
            max_tokens: 2000,
            ...(p.users ? { user: `u${Math.floor(r() * 500)}` } : {}),
          },
        });
        events.push(served(ev, code(), 220));
      }
    }
  }
  const final = run(events, d);
  for (const id of ['fleet', 'trajectories']) {
    const v = final.get(id)!;
    assert.ok(atLeast(v, 'throttle'), `${id}: ${JSON.stringify(v)}`);
    assert.match(
      v.reasons.find((x) => x.code === 'sleepless_work')?.detail ?? '',
      /^(1\d|2\d)% of \d+ requests fell in the quietest six hours of the day, over [45]\.\d days/,
    );
  }
  for (const id of ['developer', 'harness', 'app', 'agentDeveloper']) {
    const v = final.get(id)!;
    assert.ok(!atLeast(v, 'throttle'), `${id}: ${JSON.stringify(v)}`);
    assert.ok(!v.reasons.some((x) => x.code === 'sleepless_work'), `${id}: ${JSON.stringify(v)}`);
  }
});

/**
 * Accounts sending one harness's frames, each over items of its own (`split`), or over the same
 * homework items (`shared`); `frames` opening frames in words no stem list holds. Separate
 * cards, addresses and days; a derivation served every time.
 */
function frameFleet(
  d: Detector,
  o: { prefix: string; accounts: number; split: boolean; seed: number },
): TelemetryEvent[] {
  const r = g.rng(o.seed);
  const frames = Array.from({ length: 4 }, () =>
    Array.from({ length: 9 }, () => g.phrase(r, 1).split('').reverse().join('')).join(' '),
  );
  const homework = Array.from({ length: 60 }, () => g.problem(r));
  const events: TelemetryEvent[] = [];
  for (let a = 0; a < o.accounts; a++) {
    const id = `${o.prefix}${a}`;
    d.addAccount({ id, createdAt: T0 - 90 * DAY - a * 3 * DAY, route: 'self-serve' });
    let ts = T0 + a * 3_600_000;
    for (let i = 0; i < 45; i++) {
      ts += 3_000_000 + Math.floor(r() * 9_000_000);
      const item = o.split ? g.problem(r) : homework[i]!;
      const ev = g.event({
        ts,
        account: id,
        user: `${frames[i % frames.length]!}: ${item}`,
        ip: `203.0.${a}.${1 + (i % 3)}`,
      });
      events.push(served(ev, derivation(r), 420));
    }
  }
  return events;
}

test("detector: accounts that each fill one harness's frames with items no other account sent are raised past what automation alone allows; a class sending the same homework in the same frames is not (issue 13)", () => {
  const reason = (v: Verdict | undefined) => v?.reasons.find((x) => x.code === 'shared_harness');
  const fleet = new Detector(cfg);
  const f = run(frameFleet(fleet, { prefix: 'fl', accounts: 10, split: true, seed: 211 }), fleet);
  const members = [...f.values()].filter((v) => v.account.startsWith('fl'));
  // The first senders of the frames own them; the rest of the fleet shares them.
  const raised = members.filter((v) => reason(v) !== undefined && atLeast(v, 'throttle'));
  assert.ok(
    raised.length >= 6,
    members.map((v) => `${v.account} ${v.level} ${v.score}`).join('; '),
  );
  assert.match(reason(raised[0])!.detail, /item no other account sent/);

  // The same traffic with the items shared (a class's homework): no shared harness, lower.
  const cls = new Detector(cfg);
  const c = run(frameFleet(cls, { prefix: 'cl', accounts: 10, split: false, seed: 211 }), cls);
  for (const v of c.values()) {
    assert.equal(reason(v), undefined, v.account);
    assert.ok(!atLeast(v, 'throttle'), `${v.account} ${v.level} ${v.score}`);
  }

  // Frames three colleagues pass among them, each over their own items: too few senders.
  const few = new Detector(cfg);
  const p = run(frameFleet(few, { prefix: 'pr', accounts: 3, split: true, seed: 211 }), few);
  for (const v of p.values()) assert.equal(reason(v), undefined, v.account);
});

test('detector: a harvest slipped into an application under its own system prompt, with a new end-user id each time, is scored on its harness sub-stream; a researcher who keeps one setting for reasoning tasks is not (issue 13: dilution)', () => {
  const r = g.rng(241);
  const d = new Detector(cfg);
  const sys = 'You are StudyNest, a study helper. Make flashcards and quiz the learner.';
  const events: TelemetryEvent[] = [];
  for (const id of ['app', 'plain']) {
    d.addAccount({ id, createdAt: T0 - 400 * DAY, tier: 'pro' });
    let ts = T0;
    for (let i = 0; i < 600; i++) {
      ts += 60_000 + Math.floor(r() * 60_000);
      // The operator's harvest: 15% of the traffic, another model and cap, a fresh user id.
      if (id === 'app' && i % 7 === 3) {
        const ev = g.event({
          ts,
          account: id,
          system: sys,
          user: g.problem(r),
          model: 'model-reasoning',
          request: { max_tokens: 8000, temperature: 0.7, user: `u_new_${i}` },
        });
        events.push(served(ev, derivation(r), 1400));
        continue;
      }
      const ev = g.event({
        ts,
        account: id,
        system: sys,
        user: 'Make flashcards from these notes: ' + g.phrase(r, 30),
        request: { max_tokens: 1500, temperature: 0.5, user: `u_${i % 400}` },
      });
      events.push(served(ev, g.phrase(r, 60), 180));
    }
  }
  // A researcher: no application, a reasoning setting beside its chat, mostly reasoning.
  d.addAccount({ id: 'lab', createdAt: T0 - 400 * DAY, tier: 'pro' });
  let ts = T0;
  for (let i = 0; i < 300; i++) {
    ts += 600_000 + Math.floor(r() * 1_200_000);
    const reasoning = i % 3 !== 0;
    const ev = g.event({
      ts,
      account: 'lab',
      system: 'You are a careful assistant.',
      user: reasoning ? g.problem(r) : g.question(r),
      ...(reasoning ? { model: 'model-reasoning', request: { max_tokens: 8000 } } : {}),
    });
    events.push(served(ev, reasoning ? derivation(r) : g.phrase(r, 50), reasoning ? 700 : 200));
  }
  const final = run(events, d);
  const app = final.get('app')!;
  assert.ok(atLeast(app, 'throttle'), JSON.stringify(app));
  assert.match(
    app.reasons.find((x) => x.code === 'substream_harvest')!.detail,
    /model, sampling and cap/,
  );
  assert.equal(final.get('plain')!.level, 'allow');
  assert.ok(
    !final.get('lab')!.reasons.some((x) => x.detail.includes('model, sampling and cap')),
    JSON.stringify(final.get('lab')),
  );
});

test('detector: members on a hydra’s shared cards who reword and cover with chat inherit the cluster’s level by their harvest share; a chatting bystander on a card does not (issue 13)', () => {
  const r = g.rng(211);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  // Thirty old accounts on six cards, each asking in its own words (no listed stems, no shared
  // frames) for worked solutions on about half its requests and chatting on the rest.
  for (let a = 0; a < 30; a++) {
    const id = `cr${a}`;
    d.addAccount({
      id,
      createdAt: T0 - (90 + a) * DAY,
      route: 'self-serve',
      tier: 'tier-1',
      paymentFingerprint: `pf_card${a % 6}`,
    });
    let ts = T0 + Math.floor(r() * DAY);
    for (let i = 0; i < 60; i++) {
      ts += 1_800_000 + Math.floor(r() * 16_000_000);
      const worked = r() < 0.55;
      const ev = g.event({
        ts,
        account: id,
        ip: `100.${64 + a}.${a}.${1 + (i % 3)}`,
        ua: `client-${a}/1.${a}`,
        user: worked ? reworded(r) : g.question(r),
      });
      events.push(worked ? served(ev, derivation(r), 700) : served(ev, g.phrase(r, 40), 150));
    }
  }
  // A flatmate on one of the cards who chats and now and then asks for a worked answer.
  d.addAccount({ id: 'mate', createdAt: T0 - 300 * DAY, paymentFingerprint: 'pf_card0' });
  let ts = T0;
  for (let i = 0; i < 60; i++) {
    ts += 3_600_000 + Math.floor(r() * 6_000_000);
    const worked = r() < 0.1;
    const ev = g.event({
      ts,
      account: 'mate',
      ip: '203.0.113.77',
      user: worked ? reworded(r) : g.question(r),
    });
    events.push(worked ? served(ev, derivation(r), 700) : served(ev, g.phrase(r, 40), 150));
  }
  const final = run(events, d);
  const members = [...final.values()].filter((v) => v.account.startsWith('cr'));
  const caught = members.filter((v) => atLeast(v, 'throttle'));
  assert.ok(caught.length >= 24, `members at throttle or above: ${caught.length}/30`);
  assert.ok(
    caught.some((v) => v.reasons[0]?.code === 'cluster_evidence'),
    JSON.stringify(caught[0]?.reasons),
  );
  assert.ok(!atLeast(final.get('mate'), 'throttle'), JSON.stringify(final.get('mate')));
});

test('detector: a benchmark run in one sitting — most of an account’s requests in one hour, long worked answers — is evaluation-shaped; the same traffic spread over days is not (issue 13)', () => {
  const r = g.rng(223);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  for (const [id, spacing, ip, ua] of [
    ['sitting', 25_000, '192.0.2.50', 'OpenAI/Python 1.43.2'],
    ['spread', 3_000_000, '198.51.100.9', 'litellm/1.52.6'],
  ] as const) {
    d.addAccount({ id, createdAt: T0 - 200 * DAY, route: 'research', tier: 'tier-2' });
    // A chat a day before the run, as a researcher trying the model first.
    const hello = g.event({ ts: T0 - DAY, account: id, ip, user: g.question(r) });
    events.push(served(hello, g.phrase(r, 40), 150));
    let ts = T0;
    for (let i = 0; i < 120; i++) {
      ts += spacing + Math.floor(r() * spacing * 0.2);
      const ev = g.event({
        ts,
        account: id,
        ip,
        ua,
        user: reworded(r),
        request: { temperature: 0.7, max_tokens: 4096 },
      });
      events.push(served(ev, derivation(r), 1_800));
    }
  }
  const final = run(events, d);
  assert.ok(atLeast(final.get('spread'), 'throttle'), JSON.stringify(final.get('spread')));
  assert.ok(!atLeast(final.get('sitting'), 'throttle'), JSON.stringify(final.get('sitting')));
});

/** Forty accounts opened within hours on one SDK and request shape, asking in their own words for worked solutions on `worked` of their requests (chat on the rest), and one more account in their window on their SDK at `pupil`. */
function shapeHydra(seed: number, worked: number, pupil: number): Map<string, Verdict> {
  const r = g.rng(seed);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  const account = (id: string, a: number, share: number) => {
    d.addAccount({ id, createdAt: T0 - 2 * DAY + a * 90_000, route: 'self-serve' });
    let ts = T0 + a * 11_000;
    for (let i = 0; i < 40; i++) {
      ts += 2_000_000 + Math.floor(r() * 9_000_000);
      // The first three are worked: each was linked while it looked like the rest.
      const w = i < 3 || r() < share;
      const ev = g.event({
        ts,
        account: id,
        ip: `198.19.${a}.${1 + (i % 4)}`,
        ua: 'python-httpx/0.27',
        user: w ? reworded(r) : g.question(r),
        request: { temperature: 0.6, max_tokens: 3000 },
      });
      events.push(w ? served(ev, derivation(r), 900) : served(ev, g.phrase(r, 40), 150));
    }
  };
  for (let a = 0; a < 40; a++) account(`sh${a}`, a, worked);
  account('pupil', 41, pupil);
  return run(events, d);
}

test('detector: members of a shape-linked hydra who cover with chat inherit the cluster’s level by their harvest share; a student linked on the same SDK and signup window, who mixes asks more, does not (issue 13)', () => {
  // Members chatting on one request in four: each is below the share that makes a shape-link
  // end (mostlyHarvest), so before, they kept only their own diluted evidence.
  const covered = shapeHydra(223, 0.75, 0.75);
  const members = [...covered.values()].filter((v) => v.account.startsWith('sh'));
  const caught = members.filter((v) => atLeast(v, 'throttle'));
  assert.ok(caught.length >= 32, `members at throttle or above: ${caught.length}/40`);
  assert.ok(
    caught.some((v) => v.reasons[0]?.code === 'cluster_evidence'),
    JSON.stringify(caught[0]?.reasons),
  );
  // A student asking for worked answers on three requests in five, beside a hydra that asks on
  // nearly all: linked, but its traffic is not the cluster's kind, so it inherits nothing.
  const clean = shapeHydra(227, 0.97, 0.6);
  const pupil = clean.get('pupil')!;
  assert.equal(pupil.cluster, clean.get('sh0')!.cluster, 'the student was linked to the hydra');
  assert.ok(atLeast(clean.get('sh0'), 'throttle'), JSON.stringify(clean.get('sh0')));
  assert.ok(!atLeast(pupil, 'throttle'), JSON.stringify(pupil));
});

test('detector: members of a plain-worded hydra linked by its frames who turn to chat as cover inherit by their harvest share; students on the same frames are not raised (issue 13)', () => {
  const r = g.rng(229);
  const d = new Detector(cfg);
  const events: TelemetryEvent[] = [];
  // Thirty members chatting on about one request in five; ten that, once linked on their first
  // 24 requests of worked solutions, chat on three in eight: under the share that makes a
  // harvest-template link's end (mostlyHarvest), within 85% of their cluster's.
  for (let a = 0; a < 40; a++) {
    const id = `fh${a}`;
    const covering = a >= 30;
    // (The ten are paying customers of a year's standing: their own evidence counts at three
    // quarters, as an established account's does, and so does what they inherit.)
    d.addAccount({
      id,
      createdAt: T0 - (covering ? 400 : 60 + a * 7) * DAY,
      route: 'self-serve',
      tier: covering ? 'tier-4' : 'tier-1',
    });
    const asks = g.plainAsker(r, id, a, 60, T0 + Math.floor(r() * DAY), covering ? 0 : 0.2);
    for (let i = 24; covering && i < asks.length; i++) {
      if (i % 8 !== 0 && i % 8 !== 3 && i % 8 !== 5) continue;
      const ev = asks[i]!;
      ev.request = { ...ev.request!, messages: [{ role: 'user', content: g.question(r) }] };
      ev.response = { ...ev.response!, text: g.phrase(r, 40), outputTokens: 150 };
    }
    events.push(...asks);
  }
  events.push(...frameStudents(r, d, 'fs', 30));
  const final = run(events, d);
  const covered = [...final.values()].filter(
    (v) => /^fh3\d$/.test(v.account) && v.cluster !== null && atLeast(v, 'throttle'),
  );
  assert.ok(covered.length >= 8, `covering members linked and caught: ${covered.length}/10`);
  assert.ok(
    covered.some((v) => v.reasons[0]?.code === 'cluster_evidence'),
    JSON.stringify(covered[0]?.reasons),
  );
  const raised = [...final.values()].filter(
    (v) => v.account.startsWith('fs') && atLeast(v, 'throttle'),
  );
  assert.deepEqual(
    raised.map((v) => v.account),
    [],
  );
});
