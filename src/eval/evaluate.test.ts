import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, type LabelsDoc, type VerdictLike } from './evaluate.js';
import { writeReport } from './report.js';
import { main, makeContext } from '../cli/main.js';

// Two attack accounts (m1 detected after 2 requests, m2 never), three honest (b1 throttled after 1 request).
const labels: LabelsDoc = {
  seed: 1,
  accounts: {
    m1: { malicious: true, persona: 'hydra', campaign: 'hydra-1' },
    m2: { malicious: true, persona: 'hydra', campaign: 'hydra-1' },
    b1: { malicious: false, persona: 'casual', campaign: null },
    b2: { malicious: false, persona: 'casual', campaign: null },
    b3: { malicious: false, persona: 'student', campaign: null },
  },
  campaigns: [{ id: 'hydra-1', kind: 'hydra', accounts: 2 }],
};
const verdicts: VerdictLike[] = [
  { account: 'm1', score: 0.9, level: 'degrade', updatedAt: 30 },
  { account: 'm2', score: 0.4, level: 'monitor', updatedAt: 40 },
  { account: 'b1', score: 0.6, level: 'throttle', updatedAt: 10 },
  { account: 'b2', score: 0.1, level: 'allow', updatedAt: 10 },
];
const timeline: VerdictLike[] = [
  { account: 'b1', score: 0.6, level: 'throttle', updatedAt: 10 },
  { account: 'm1', score: 0.6, level: 'throttle', updatedAt: 20 },
  { account: 'm1', score: 0.9, level: 'degrade', updatedAt: 30 },
  { account: 'm2', score: 0.4, level: 'monitor', updatedAt: 40 },
];
// m1 at 10, 20 (triggers), 30, 40; m2 at 15, 25; b1 at 10 (triggers), 50; b2 at 12; b3 at 13
const events = [
  [10, 'm1'],
  [10, 'b1'],
  [12, 'b2'],
  [13, 'b3'],
  [15, 'm2'],
  [20, 'm1'],
  [25, 'm2'],
  [30, 'm1'],
  [40, 'm1'],
  [50, 'b1'],
]
  .map(([ts, account]) => JSON.stringify({ ts, account, request: { messages: [] } }))
  .join('\n');

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'moat-eval-'));
}

test('known answers: precision, recall, FPR, AUC, requests-to-detect, yield, friction (issue 3)', async () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'events.jsonl'), events);
    const r = await evaluate({ verdicts, labels, timeline, events: join(dir, 'events.jsonl') });
    const thr = r.byLevel.find((s) => s.level === 'throttle')!;
    assert.deepEqual([thr.tp, thr.fp, thr.fn, thr.tn], [1, 1, 1, 2]);
    assert.equal(thr.precision, 0.5);
    assert.equal(thr.recall, 0.5);
    assert.equal(thr.fpr, 1 / 3);
    // pairs: m1 (.9) beats .6, .1, 0 → 3; m2 (.4) beats .1, 0 → 2; 5 of 6
    assert.equal(r.auc, 5 / 6);
    assert.equal(r.requestsToDetect?.mode, 'timeline');
    assert.equal(r.requestsToDetect?.detected, 1);
    assert.equal(r.requestsToDetect?.undetected, 1);
    assert.equal(r.requestsToDetect?.median, 2);
    // attack requests: m1 4 (2 before throttle), m2 2 (both full) → 4 of 6 at full fidelity
    assert.deepEqual(r.yield, { attackRequests: 6, fullFidelity: 4, share: 4 / 6 });
    // honest requests: b1 2 (second throttled), b2 1, b3 1 → 1 of 4
    assert.deepEqual(r.friction, { benignRequests: 4, throttledOrWorse: 1, share: 0.25 });
    const casual = r.personas.find((p) => p.name === 'casual')!;
    assert.equal(casual.rate, 0.5);
    assert.equal(r.campaigns[0]?.kind, 'hydra');
    assert.equal(r.targets.find((t) => t.name.startsWith('median'))?.met, true);
    assert.equal(r.targets.find((t) => t.name.startsWith('recall'))?.met, false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without a timeline the final verdicts stand in, and the report says so', async () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'events.jsonl'), events);
    const r = await evaluate({ verdicts, labels, events: join(dir, 'events.jsonl') });
    assert.equal(r.requestsToDetect?.mode, 'final');
    assert.equal(r.requestsToDetect?.median, 3); // m1's degrade verdict at 30 came after 3 requests
    assert.ok(r.notes.some((n) => n.includes('No verdict timeline')));
    const noEvents = await evaluate({ verdicts, labels });
    assert.equal(noEvents.requestsToDetect, null);
    assert.equal(noEvents.yield, null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('writes eval.json, report.md and well-formed SVG plots', async () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'events.jsonl'), events);
    const r = await evaluate({ verdicts, labels, timeline, events: join(dir, 'events.jsonl') });
    const files = writeReport(join(dir, 'out'), r, 'Test <eval>');
    const names = files.map((f) => f.split('/').at(-1)).sort();
    assert.deepEqual(names, [
      'campaign-recall.svg',
      'eval.json',
      'persona-fpr.svg',
      'report.md',
      'requests-to-detect.svg',
      'roc.svg',
    ]);
    for (const f of files.filter((x) => x.endsWith('.svg'))) {
      const svg = readFileSync(f, 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*>/);
      assert.ok(svg.trimEnd().endsWith('</svg>'));
      assert.doesNotMatch(svg, /NaN|undefined/);
    }
    const md = readFileSync(join(dir, 'out', 'report.md'), 'utf8');
    assert.match(md, /^# Test <eval>/);
    assert.match(md, /campaign hydra-1 \(hydra\): 1 of 2 accounts detected/);
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'out', 'eval.json'), 'utf8')).auc, 5 / 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('moat eval CLI: files, --json, usage errors', async () => {
  const dir = tmp();
  try {
    writeFileSync(join(dir, 'events.jsonl'), events);
    writeFileSync(join(dir, 'verdicts.json'), JSON.stringify({ accounts: verdicts, clusters: [] }));
    writeFileSync(join(dir, 'labels.json'), JSON.stringify(labels));
    writeFileSync(join(dir, 'timeline.jsonl'), timeline.map((v) => JSON.stringify(v)).join('\n'));
    let out = '';
    let err = '';
    const ctx = {
      ...makeContext({}),
      stdout: { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream,
      stderr: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream,
      isTTY: false,
    };
    const code = await main(
      [
        'eval',
        '--verdicts',
        join(dir, 'verdicts.json'),
        '--labels',
        join(dir, 'labels.json'),
        '--events',
        join(dir, 'events.jsonl'),
        '--timeline',
        join(dir, 'timeline.jsonl'),
        '--out',
        join(dir, 'r'),
        '--json',
      ],
      ctx,
    );
    assert.equal(code, 0, err);
    assert.equal(JSON.parse(out).requestsToDetect.median, 2);
    assert.ok(readFileSync(join(dir, 'r', 'report.md'), 'utf8').length > 100);
    assert.equal(await main(['eval', '--labels', 'x'], ctx), 2);
    assert.equal(
      await main(
        ['eval', '--verdicts', 'a', '--labels', 'b', '--out', 'c', '--level', 'nope'],
        ctx,
      ),
      2,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
