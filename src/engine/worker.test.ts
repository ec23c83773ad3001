import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTree } from '../test-support/compile.js';
import { startDetectorWorker } from './worker.js';
import { detectConfigSchema } from '../detect/config.js';
import type { Verdict } from '../telemetry/event.js';
import * as g from '../detect/testdata/traffic.js';

const cfg = detectConfigSchema.parse({});
const srcDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function waitFor(pred: () => boolean, ms = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = (): void => {
      if (pred()) resolve();
      else if (Date.now() - started > ms) reject(new Error('timed out waiting for verdicts'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

test('worker: runs the detector off-thread from the TypeScript sources and streams verdicts back (issue 3)', async () => {
  const got: Verdict[] = [];
  const w = startDetectorWorker(cfg, (v) => got.push(...v));
  const r = g.rng(31);
  w.addAccount({ id: 'h', createdAt: 1767500000000, route: 'research' });
  const evs = g.harvester(r, 'h', 120);
  for (let i = 0; i < evs.length; i += 20) w.push(evs.slice(i, i + 20));
  await waitFor(() => got.some((v) => v.account === 'h' && v.level !== 'allow'));
  w.addLink('h', 'other', 'payment', 'same card');
  await w.close();
  assert.ok(got.every((v) => typeof v.score === 'number' && Array.isArray(v.reasons)));
  w.push(evs.slice(0, 1)); // after close: ignored, never throws
});

test('worker: a malformed event from the bus is skipped and reported; detection goes on (issue 3)', async () => {
  const got: Verdict[] = [];
  const errors: string[] = [];
  const w = startDetectorWorker(
    cfg,
    (v) => got.push(...v),
    (err) => errors.push(err.message),
  );
  const r = g.rng(32);
  const evs = g.harvester(r, 'h', 120);
  const first = evs[0]!;
  // No account; and fields of the wrong type, which made ingest throw and killed the thread.
  const bad = [
    { ...first, account: undefined },
    { ...first, account: 'odd', ip: 5, response: null },
  ] as unknown as typeof evs;
  w.push(bad);
  for (let i = 0; i < evs.length; i += 20) w.push(evs.slice(i, i + 20));
  await waitFor(() => got.some((v) => v.account === 'h' && v.level !== 'allow'));
  await w.close();
  assert.deepEqual(errors, [
    'detector skipped 1 event(s) it could not use; the first: missing "account"',
  ]);
  assert.ok(got.some((v) => v.account === 'h'));
});

test('worker: also runs from compiled JavaScript with no TypeScript loader', () => {
  // Inside the repo so `zod` resolves from node_modules, as it would from dist/.
  const out = join(srcDir, '..', 'node_modules', '.cache', `moat-worker-test-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  try {
    compileTree(
      srcDir,
      [
        'engine/worker.ts',
        'engine/detector-thread.ts',
        'detect/config.ts',
        'detect/testdata/traffic.ts',
      ],
      out,
    );
    const script = `
      import { startDetectorWorker } from './engine/worker.js';
      import { detectConfigSchema } from './detect/config.js';
      import * as g from './detect/testdata/traffic.js';
      const got = [];
      const w = startDetectorWorker(detectConfigSchema.parse({}), (v) => got.push(...v));
      w.push(g.harvester(g.rng(32), 'h', 150));
      const t = setInterval(async () => {
        if (got.some((v) => v.level !== 'allow')) { clearInterval(t); await w.close(); console.log('OK ' + got.length); }
      }, 10);
      setTimeout(() => { console.log('TIMEOUT'); process.exit(1); }, 15000).unref();
    `;
    writeFileSync(join(out, 'run.mjs'), script);
    const res = spawnSync(process.execPath, [join(out, 'run.mjs')], {
      encoding: 'utf8',
      execArgv: [],
    } as never);
    assert.match(res.stdout, /^OK \d+/, res.stderr);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
