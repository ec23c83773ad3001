/**
 * `moat analyze --workers N` (issue 13): the accounts are split among N worker threads by
 * a stable hash of their ids; each thread reads the log, runs its own accounts' events
 * through a Detector of its own (partition.ts), and the main thread merges their results,
 * joining accounts across partitions on the evidence a single detector would have used
 * (partition-merge.ts). Every thread reads the whole file (the page cache serves the
 * others) and skips other partitions' lines after reading their first bytes, so no line
 * is copied between threads.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { DetectConfig } from '../detect/config.js';
import type { AnalyzeStats, OnProgress, VerdictSource } from './offline.js';
import { mergePartitions } from './partition-merge.js';
import type { FromPartition } from './partition-thread.js';
import type { PartitionJob, PartitionResult } from './partition.js';
import { siblingEntry, spawnThread } from './worker.js';

const MAX_SAMPLES = 20;

/** Run one partition in a worker thread; `stop` ends it early (another partition failed). */
function runPartition(
  job: PartitionJob,
  onProgress: (bytes: number, events: number) => void,
): { done: Promise<PartitionResult>; stop: () => void } {
  const worker = spawnThread(siblingEntry('partition-thread'), job);
  const done = new Promise<PartitionResult>((resolve, reject) => {
    let result: PartitionResult | undefined;
    worker.on('message', (msg: FromPartition) => {
      if (msg.type === 'progress') onProgress(msg.bytes, msg.events);
      else if (msg.type === 'done') {
        result = msg.result;
        void worker.terminate();
      } else reject(new Error(msg.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`analyze worker ${job.index} exited (code ${code}) without a result`));
    });
  });
  return { done, stop: () => void worker.terminate() };
}

/** The run's counts from its partitions' (lines: every partition reads them all; the rest add up). */
function combine(results: PartitionResult[]): AnalyzeStats {
  const stats: AnalyzeStats = {
    lines: results[0]?.stats.lines ?? 0,
    events: 0,
    accountRecords: 0,
    bad: 0,
    badSamples: [],
    outOfOrder: 0,
  };
  const notes = results
    .flatMap((r) => r.stats.notes)
    .sort((a, b) => a.file - b.file || a.line - b.line);
  for (const r of results) {
    stats.events += r.stats.events;
    stats.accountRecords += r.stats.accountRecords;
    stats.bad += r.stats.bad;
    stats.outOfOrder += r.stats.outOfOrder;
  }
  stats.badSamples = notes.slice(0, MAX_SAMPLES).map((n) => n.message);
  return stats;
}

/**
 * Analyze `events` (and `accounts`) with `workers` threads (two or more). The result has
 * the verdicts document's two halves, for writeVerdicts. `outOfOrder` counts events whose
 * ts went backwards within their partition (each detector's own order).
 * @example
 * const { result, stats } = await analyzeParallel({ events: 'events.jsonl', cfg, workers: 2 });
 * await writeVerdicts(result, process.stdout);
 */
export async function analyzeParallel(
  opts: { events: string; accounts?: string | undefined; cfg: DetectConfig; workers: number },
  onProgress?: OnProgress,
): Promise<{ result: VerdictSource; stats: AnalyzeStats }> {
  const total = opts.events.endsWith('.gz') ? 0 : statSync(opts.events).size;
  const bytes = new Array<number>(opts.workers).fill(0);
  const events = new Array<number>(opts.workers).fill(0);
  const progress = (i: number, b: number, e: number): void => {
    bytes[i] = b;
    events[i] = e;
    // The slowest reader says how far the run is.
    onProgress?.(
      Math.min(...bytes),
      total,
      events.reduce((x, y) => x + y, 0),
    );
  };
  const jobs = Array.from({ length: opts.workers }, (_, index): PartitionJob => ({
    events: opts.events,
    accounts: opts.accounts,
    index,
    count: opts.workers,
    cfg: opts.cfg,
  }));
  // With a partition thread on every core, V8's background TurboFan jobs (each thread
  // compiles the detector again) compete with the partitions for the cores; compiled on the
  // partition threads instead, a 200,000-event run on 2 cores took about 0.7 CPU-s less of
  // 9-10 (bench/detect/README.md, workers.ts). V8 reads the flag as it creates an isolate, so
  // it applies to the threads started next, not to this one.
  if (opts.workers >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
  const runs = jobs.map((job) => runPartition(job, (b, e) => progress(job.index, b, e)));
  const results = await Promise.all(runs.map((r) => r.done)).catch((err: unknown) => {
    for (const r of runs) r.stop();
    throw err;
  });
  return { result: mergePartitions(opts.cfg, results), stats: combine(results) };
}
