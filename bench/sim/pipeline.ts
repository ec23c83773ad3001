/**
 * The whole evaluation pipeline on held-out seeds: simulate → detect → evaluate.
 *
 *   npx tsx bench/sim/pipeline.ts --seeds 101,102,103 --events 200000 --out docs/evaluation
 *
 * For each seed it runs `moat simulate` (in process), then the detector exactly as
 * `moat analyze` does (same Detector, same default config, events in file order),
 * recording every verdict the detector emits as a timeline so requests-to-detect, yield
 * and friction are exact; writes verdicts.json like analyze, then pools every seed into
 * one evaluation (eval.json, report.md, SVG plots) plus one report per seed.
 * Work files go to --work (default /tmp/moat-eval). Tuning seeds are 1–5; use others here.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { detectConfigSchema } from '../../src/detect/config.js';
import { Detector } from '../../src/detect/detector.js';
import { parseAccountLine, parseEventLine } from '../../src/detect/reader.js';
import { writeVerdicts } from '../../src/engine/offline.js';
import {
  evaluateRuns,
  type EvalRun,
  type LabelsDoc,
  type VerdictLike,
} from '../../src/eval/evaluate.js';
import { fileLines } from '../../src/eval/replay.js';
import { writeReport } from '../../src/eval/report.js';
import { defaultDataDir, loadCorpus, type Corpus } from '../../src/sim/corpus.js';
import { simulate } from '../../src/sim/simulate.js';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '101,102,103' },
    events: { type: 'string', default: '200000' },
    malicious: { type: 'string', default: '0.05' },
    out: { type: 'string', default: 'docs/evaluation' },
    work: { type: 'string', default: '/tmp/moat-eval' },
    level: { type: 'string', default: 'throttle' },
    /** Which detector this is, for the report (default: the last commit under src/detect, read at start). */
    detector: { type: 'string' },
    /** Reuse a seed's simulated files in --work when complete (re-detect and re-evaluate only). */
    reuse: { type: 'boolean', default: false },
  },
});

async function detect(
  dir: string,
): Promise<{ verdicts: VerdictLike[]; timeline: VerdictLike[]; seconds: number; events: number }> {
  const detector = new Detector(detectConfigSchema.parse({}));
  let n = 0;
  for await (const line of fileLines(join(dir, 'accounts.jsonl'))) {
    const r = parseAccountLine(line, ++n);
    if (r.ok) detector.addAccount(r.value);
  }
  const timeline: VerdictLike[] = [];
  const started = process.hrtime.bigint();
  n = 0;
  for await (const line of fileLines(join(dir, 'events.jsonl'))) {
    const r = parseEventLine(line, ++n);
    if (!r.ok) continue;
    for (const v of detector.ingest(r.value))
      timeline.push({ account: v.account, score: v.score, level: v.level, updatedAt: v.updatedAt });
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const out = createWriteStream(join(dir, 'verdicts.json'));
  await writeVerdicts(detector, out);
  out.end();
  await once(out, 'finish');
  return { verdicts: detector.verdicts(), timeline, seconds, events: n };
}

function detectorCommit(): string {
  try {
    return execFileSync('git', ['log', '-1', '--format=%h %s', '--', 'src/detect'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

const detectorVersion = values.detector ?? detectorCommit();
const seeds = values.seeds.split(',').map(Number);
const events = Number(values.events);
const level = values.level as 'throttle';
let loaded: Corpus | undefined;
const corpus = (): Corpus => (loaded ??= loadCorpus(defaultDataDir()));
const runs: EvalRun[] = [];
const outDir = resolve(values.out);
for (const seed of seeds) {
  const dir = join(values.work, `seed-${seed}`);
  const t0 = Date.now();
  const marker = join(dir, 'simulated.json');
  const reuse = values.reuse && existsSync(marker);
  if (!reuse) {
    const summary = await simulate({
      seed,
      events,
      corpus: corpus(),
      outDir: dir,
      maliciousShare: Number(values.malicious),
    });
    writeFileSync(marker, JSON.stringify(summary) + '\n');
  }
  const simSeconds = (Date.now() - t0) / 1000;
  const d = await detect(dir);
  writeFileSync(
    join(dir, 'timeline.jsonl'),
    d.timeline.map((v) => JSON.stringify(v)).join('\n') + '\n',
  );
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelsDoc;
  const run: EvalRun = {
    verdicts: d.verdicts,
    labels,
    events: join(dir, 'events.jsonl'),
    timeline: d.timeline,
  };
  runs.push(run);
  const one = await evaluateRuns([run], level);
  const cmd = [
    `npx moat simulate --seed ${seed} --events ${events} --malicious ${values.malicious} --out ${dir}`,
    `npx moat analyze --events ${dir}/events.jsonl --accounts ${dir}/accounts.jsonl --out ${dir}/verdicts.json`,
    `npx moat eval --verdicts ${dir}/verdicts.json --labels ${dir}/labels.json --events ${dir}/events.jsonl --timeline ${dir}/timeline.jsonl --out ${values.out}/seed-${seed}`,
  ];
  writeReport(
    join(outDir, `seed-${seed}`),
    one,
    `Moat evaluation, seed ${seed} (${events.toLocaleString('en-US')} events)`,
    cmd,
  );
  const at = one.byLevel.find((s) => s.level === level);
  console.log(
    `seed ${seed}: ${reuse ? 'simulation reused' : `simulate ${simSeconds.toFixed(1)}s`}, detect ${d.seconds.toFixed(1)}s (${Math.round(d.events / d.seconds)} ev/s); ` +
      `recall ${at?.recall?.toFixed(4)} FPR ${at?.fpr?.toFixed(4)} AUC ${one.auc?.toFixed(4)} median RTD ${one.requestsToDetect?.median} friction ${one.friction?.share?.toFixed(5)}`,
  );
}
const pooled = await evaluateRuns(runs, level);
mkdirSync(outDir, { recursive: true });
pooled.notes.push(`Detector: ${detectorVersion}.`);
writeReport(
  outDir,
  pooled,
  `Moat evaluation: held-out seeds ${seeds.join(', ')} pooled (${events.toLocaleString('en-US')} events each)`,
  [
    `npx tsx bench/sim/pipeline.ts --seeds ${values.seeds} --events ${events} --malicious ${values.malicious} --out ${values.out}`,
  ],
);
console.log(`pooled: ${JSON.stringify(pooled.targets)}`);
