import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTree } from '../test-support/compile.js';
import { detectConfigSchema } from '../detect/config.js';
import * as g from '../detect/testdata/traffic.js';
import type { TelemetryEvent } from '../telemetry/event.js';
import { analyzeFiles } from './offline.js';
import { analyzeParallel } from './parallel.js';
import { partitionOf } from './route.js';

const cfg = detectConfigSchema.parse({});

/** A log: a 12-account hydra, a lone harvester, chat users and students, a batch pipeline, and two malformed lines. */
function writeLog(dir: string): { events: string; accounts: string } {
  const r = g.rng(51);
  const honest = Array.from({ length: 16 }, (_, i) =>
    (i % 2 ? g.student : g.chatUser)(r, 'u' + i, 40, `198.51.${i}.9`),
  );
  const evs: TelemetryEvent[] = g.mergeByTime(
    g.hydra(r, 'hy', 12, 30),
    g.harvester(r, 'harv', 150),
    g.batchPipeline(r, 'batch', 300),
    ...honest,
  );
  const lines = evs.map((e) => JSON.stringify(e));
  lines.splice(7, 0, 'this is not json', '{"ts":1,"request":{"messages":[]}}');
  const events = join(dir, 'events.jsonl');
  writeFileSync(events, lines.join('\n') + '\n');
  const accounts = join(dir, 'accounts.jsonl');
  const records = [
    { id: 'harv', createdAt: '2026-01-04T00:00:00Z', route: 'startup-credits' },
    // One card across two honest users in different partitions: linked, not raised.
    { id: 'u0', createdAt: '2025-06-01T00:00:00Z', paymentFingerprint: 'pf_shared' },
    { id: 'u1', createdAt: '2025-06-01T00:00:00Z', paymentFingerprint: 'pf_shared' },
  ];
  writeFileSync(accounts, records.map((x) => JSON.stringify(x)).join('\n') + '\nnot a record\n');
  return { events, accounts };
}

test('analyze --workers 2 gives every account the level one detector gives, a hydra split across partitions included (issue 13)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-parallel-'));
  try {
    const f = writeLog(dir);
    const hydra = Array.from({ length: 12 }, (_, i) => 'hy' + i);
    const sides = new Set(hydra.map((a) => partitionOf(a, 2)));
    assert.equal(sides.size, 2, 'the hydra spans both partitions');
    assert.notEqual(
      partitionOf('u0', 2),
      partitionOf('u1', 2),
      'the shared card spans both partitions',
    );

    const one = await analyzeFiles({ ...f, cfg });
    const two = await analyzeParallel({ ...f, cfg, workers: 2 });
    const want = new Map(one.detector.verdicts().map((v) => [v.account, v]));
    const got = new Map(two.result.verdicts().map((v) => [v.account, v]));
    assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
    for (const [account, v] of want)
      assert.equal(
        got.get(account)!.level,
        v.level,
        `${account}: ${v.level} (score ${v.score}) with one detector, ${got.get(account)!.level} (score ${got.get(account)!.score}) with two`,
      );

    // The hydra is one cluster again, with every member's verdict naming it and its evidence.
    const cluster = two.result.clusters().find((c) => c.accounts.includes('hy0'));
    assert.ok(cluster, 'a cluster holds the hydra');
    assert.deepEqual(cluster.accounts.filter((a) => a.startsWith('hy')).sort(), hydra.sort());
    assert.ok(cluster.reasons.length > 0);
    for (const a of hydra) {
      const v = got.get(a)!;
      assert.equal(v.cluster, cluster.id, a);
      assert.notEqual(v.level, 'allow', a);
    }
    assert.ok(
      hydra.some((a) => got.get(a)!.reasons[0]!.detail.startsWith(`member of ${cluster.id} `)),
      "members carry the merged cluster's evidence",
    );
    // The card joins the two honest users across partitions, and raises neither.
    assert.equal(got.get('u0')!.cluster, got.get('u1')!.cluster);
    assert.notEqual(got.get('u0')!.cluster, null);
    assert.equal(got.get('u0')!.level, 'allow');

    // Same counts and the same malformed-line messages, each line reported once.
    assert.equal(two.stats.events, one.stats.events);
    assert.equal(two.stats.lines, one.stats.lines);
    assert.equal(two.stats.accountRecords, one.stats.accountRecords);
    assert.equal(two.stats.bad, one.stats.bad);
    assert.deepEqual(two.stats.badSamples, one.stats.badSamples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze --workers 2 also runs from compiled JavaScript, its threads with no TypeScript loader (issue 13)', () => {
  const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  // Inside the repo so `zod` resolves from node_modules, as it would from dist/.
  const out = join(srcDir, '..', 'node_modules', '.cache', `moat-parallel-test-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  try {
    compileTree(
      srcDir,
      ['engine/parallel.ts', 'engine/partition-thread.ts', 'detect/config.ts'],
      out,
    );
    const f = writeLog(out);
    const script = `
      import { analyzeParallel } from './engine/parallel.js';
      import { detectConfigSchema } from './detect/config.js';
      const { result, stats } = await analyzeParallel({ events: ${JSON.stringify(f.events)}, cfg: detectConfigSchema.parse({}), workers: 2 });
      const hydra = result.clusters().find((c) => c.accounts.includes('hy0'));
      console.log('OK ' + stats.events + ' ' + hydra.accounts.filter((a) => a.startsWith('hy')).length);
    `;
    writeFileSync(join(out, 'run.mjs'), script);
    const res = spawnSync(process.execPath, [join(out, 'run.mjs')], { encoding: 'utf8' });
    assert.match(res.stdout, /^OK \d+ 12$/m, res.stderr);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('analyze --workers 2 links a hydra that asks in plain words across partitions by the frames its members reuse, as one detector does (issue 13)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-parallel-'));
  try {
    const r = g.rng(157);
    const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
    const members = Array.from({ length: 16 }, (_, i) => 'lh' + i);
    const evs = g.mergeByTime(
      ...members.map((id, i) => g.plainAsker(r, id, i, 45, T0 + Math.floor(r() * 86_400_000))),
      ...Array.from({ length: 8 }, (_, i) => g.chatUser(r, 'u' + i, 40, `198.51.${i}.9`)),
    );
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, evs.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const accounts = join(dir, 'accounts.jsonl');
    const records = members.map((id, i) => ({
      id,
      createdAt: new Date(T0 - (60 + 7 * i) * 86_400_000).toISOString(),
      route: 'self-serve',
      tier: 'tier-1',
    }));
    writeFileSync(accounts, records.map((x) => JSON.stringify(x)).join('\n') + '\n');
    assert.equal(new Set(members.map((a) => partitionOf(a, 2))).size, 2);

    const one = await analyzeFiles({ events, accounts, cfg });
    const two = await analyzeParallel({ events, accounts, cfg, workers: 2 });
    const want = new Map(one.detector.verdicts().map((v) => [v.account, v]));
    const got = new Map(two.result.verdicts().map((v) => [v.account, v]));
    const caught = members.filter((a) =>
      ['throttle', 'degrade', 'challenge', 'block'].includes(want.get(a)!.level),
    );
    assert.ok(caught.length >= 14, `caught by one detector: ${caught.length}/16`);
    // The shared-template counters (frames first sent by another account, and those over items
    // no other account sent) count a thread's own accounts (README): a member may sit a level
    // apart, but every account one detector caught is caught, and no other is raised.
    const detected = (l: string) => ['throttle', 'degrade', 'challenge', 'block'].includes(l);
    for (const [account, v] of want)
      assert.equal(
        detected(got.get(account)!.level),
        detected(v.level),
        `${account}: ${v.level} against ${got.get(account)!.level}`,
      );
    const cluster = two.result.clusters().find((c) => c.accounts.includes(caught[0]!));
    assert.ok(cluster, 'a cluster holds the hydra');
    assert.deepEqual(
      new Set(cluster.accounts.map((a) => partitionOf(a, 2))).size,
      2,
      'the merged cluster spans both partitions',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('analyze --workers 2 links no verified or contracted account across partitions, as one detector links none (issue 13)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-parallel-'));
  try {
    const r = g.rng(157);
    const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
    const members = Array.from({ length: 16 }, (_, i) => 'lh' + i);
    const evs = g.mergeByTime(
      ...members.map((id, i) => g.plainAsker(r, id, i, 45, T0 + Math.floor(r() * 86_400_000))),
    );
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, evs.map((e) => JSON.stringify(e)).join('\n') + '\n');
    // Half the askers hold a contract: the same frames and one card, in both partitions.
    const contracted = members.filter((_, i) => i % 2 === 0);
    const records = members.map((id, i) => ({
      id,
      createdAt: new Date(T0 - (60 + 7 * i) * 86_400_000).toISOString(),
      route: 'self-serve',
      tier: 'tier-1',
      paymentFingerprint: 'pf_shared_card',
      ...(contracted.includes(id) ? { contract: 'synthetic-data' } : {}),
    }));
    const accounts = join(dir, 'accounts.jsonl');
    writeFileSync(accounts, records.map((x) => JSON.stringify(x)).join('\n') + '\n');
    assert.equal(new Set(contracted.map((a) => partitionOf(a, 2))).size, 2);

    const one = await analyzeFiles({ events, accounts, cfg });
    const two = await analyzeParallel({ events, accounts, cfg, workers: 2 });
    const inCluster = (vs: { account: string; cluster: string | null }[]) =>
      vs.filter((v) => contracted.includes(v.account) && v.cluster !== null).map((v) => v.account);
    assert.deepEqual(inCluster(one.detector.verdicts()), []);
    assert.deepEqual(inCluster(two.result.verdicts()), []);
    // The others still link among themselves.
    assert.ok(two.result.verdicts().some((v) => !contracted.includes(v.account) && v.cluster));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
