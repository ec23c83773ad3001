/**
 * `moat analyze --workers` benchmark (issue 13; not a test):
 * `npx tsx bench/detect/workers.ts --dir DIR [--workers 2] [--rounds 3]`.
 *
 * 0. The machine's own ceiling: the same work (an arithmetic loop; JSON.parse of log lines)
 *    on 1 thread and on N at once.
 * 1. Baseline: a bare pass over DIR/events.jsonl — read + decode + JSON.parse of every line,
 *    no checks, no detector — best of `rounds`, wall and CPU per line.
 * 2. `moat analyze` as a user runs it (`node bin/moat.js analyze …`, a fresh process each
 *    time), with `--workers 1` and `--workers N` alternately, `rounds` times each: wall time
 *    and the child's CPU time (all its threads). Prints the best wall time of each, the 1→N
 *    scaling ratio, and each one's cost per event against the baseline's per line.
 *    Each run's CPU is also split by thread (/proc, Linux): the main thread, each partition
 *    thread (`moat-partition`) and V8's helpers; main + the busiest partition is the time
 *    the run would take on cores nobody else uses (the critical path), which a shared
 *    machine's wall times cannot show.
 * 3. Agreement: the share of accounts given the same level by both runs.
 *
 * DIR is a `moat simulate` output (events.jsonl, accounts.jsonl when present). `--entry FILE`
 * runs another CLI entry instead of bin/moat.js (one that calls main(argv) of a compiled
 * tree, say): bin/moat.js runs the sources through tsx whenever dist/ is older than src/,
 * and every worker thread then starts tsx again.
 */
import { isAscii } from 'node:buffer';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { eachLine } from '../../src/engine/offline.js';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    workers: { type: 'string' },
    rounds: { type: 'string' },
    entry: { type: 'string' },
  },
});
if (!values.dir)
  throw new Error(
    'usage: npx tsx bench/detect/workers.ts --dir DIR [--workers 2] [--rounds 3] [--entry FILE]',
  );
const dir = values.dir;
const workers = Number(values.workers ?? 2);
const rounds = Number(values.rounds ?? 3);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const events = join(dir, 'events.jsonl');
const accounts = join(dir, 'accounts.jsonl');
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
/** Prints the child's CPU seconds (user + system, every thread) on stderr as it exits. */
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\nbench-cpu '+(u.user+u.system)/1e6+'\\n')})`;

/** [1] read + decode + bare JSON.parse per line, best of `rounds`: wall and CPU µs per line. */
async function baseline(): Promise<{ lines: number; wall: number; cpu: number }> {
  let best = { lines: 0, wall: Infinity, cpu: Infinity };
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    const c0 = cpu();
    await eachLine(events, (buf, start, end) => {
      n++;
      void JSON.parse(
        buf.toString(isAscii(buf.subarray(start, end)) ? 'latin1' : 'utf8', start, end),
      );
    });
    const wall = ((performance.now() - t0) / n) * 1000;
    const c = ((cpu() - c0) / n) * 1e6;
    if (wall < best.wall) best = { lines: n, wall, cpu: c };
  }
  return best;
}

/**
 * [0] The machine's own ceiling: the same work on one thread, then on `n` threads at once,
 * best of `rounds` — a loop of dependent integer additions (no memory traffic), and
 * JSON.parse over the log's first 40 MB (what the analysis does most). A VM whose vCPUs are
 * hyperthreads of one core, or whose host is busy, scales the second far less than n×.
 */
async function ceiling(n: number): Promise<{ arithmetic: number; parse: number }> {
  const arithmetic = `let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i * 7) | 0; require('node:worker_threads').parentPort.postMessage(x);`;
  const parse = `const fs = require('node:fs'); const buf = Buffer.alloc(40 << 20);
    const fd = fs.openSync(${JSON.stringify(events)}, 'r'); fs.readSync(fd, buf, 0, buf.length, 0); fs.closeSync(fd);
    const lines = buf.toString('latin1').split('\\n'); lines.pop(); let k = 0;
    for (let r = 0; r < 4; r++) for (const l of lines) k += Object.keys(JSON.parse(l)).length;
    require('node:worker_threads').parentPort.postMessage(k);`;
  const timed = async (code: string, threads: number): Promise<number> => {
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: threads }, async () => {
        const w = new Worker(code, { eval: true });
        await once(w, 'message');
        await w.terminate();
      }),
    );
    return performance.now() - t0;
  };
  const best = async (code: string): Promise<number> => {
    let b = 0;
    for (let r = 0; r < rounds; r++) {
      const one = await timed(code, 1);
      b = Math.max(b, (n * one) / (await timed(code, n)));
    }
    return b;
  };
  return { arithmetic: await best(arithmetic), parse: await best(parse) };
}

interface Run {
  wall: number;
  cpu: number;
  /** CPU seconds of the main thread, of each partition thread (`moat-partition`), and of V8's and libuv's helpers. */
  main: number;
  partitions: number[];
  helpers: number;
  out: string;
}

/**
 * CPU seconds of every thread of a running process, by thread id, read from
 * /proc/PID/task/TID/stat (utime + stime, clock ticks of 10 ms) with each thread's name.
 * Linux only; elsewhere (or once the process is gone) it returns nothing.
 */
function threadCpu(pid: number, into: Map<number, { name: string; cpu: number }>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      into.set(Number(tid), { name, cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

/**
 * [2] One `moat analyze` in a fresh process: wall time, CPU time of all its threads (the
 * child reports it as it exits), and each thread's share, sampled every 20 ms from /proc
 * (a partition thread's last few milliseconds before it ends are not seen).
 */
async function analyze(n: number, out: string): Promise<Run> {
  const args = [
    '--import',
    CPU_PROBE,
    values.entry ?? join(root, 'bin', 'moat.js'),
    'analyze',
    '--events',
    events,
    '--out',
    out,
    '--workers',
    String(n),
  ];
  if (existsSync(accounts)) args.push('--accounts', accounts);
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const threads = new Map<number, { name: string; cpu: number }>();
  const poll = setInterval(() => threadCpu(child.pid!, threads), 20);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(poll);
  const wall = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`moat analyze --workers ${n} failed: ${stderr}`);
  const m = /bench-cpu ([\d.]+)/.exec(stderr);
  let main = 0;
  let helpers = 0;
  const partitions: number[] = [];
  for (const [tid, t] of threads) {
    if (tid === child.pid) main = t.cpu;
    else if (t.name === 'moat-partition') partitions.push(t.cpu);
    else helpers += t.cpu;
  }
  return { wall, cpu: m ? Number(m[1]) : NaN, main, partitions, helpers, out };
}

function levels(file: string): Map<string, string> {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    accounts: Array<{ account: string; level: string }>;
  };
  return new Map(doc.accounts.map((v) => [v.account, v.level]));
}

const tmp = mkdtempSync(join(tmpdir(), 'moat-bench-workers-'));
try {
  console.log(
    `node ${process.version}; ${cpus().length} CPUs; data ${dir}; CLI ${values.entry ?? 'bin/moat.js (dist/, or the sources through tsx when dist/ is older)'}`,
  );
  const roof = await ceiling(workers);
  console.log(
    `[0] this machine's own 1 → ${workers} scaling (${workers} threads of the same work against one), best of ${rounds}: arithmetic loop ${roof.arithmetic.toFixed(2)}×, JSON.parse of log lines ${roof.parse.toFixed(2)}×`,
  );
  const base = await baseline();
  console.log(
    `[1] baseline, read + decode + bare JSON.parse, best of ${rounds}: ${base.wall.toFixed(1)} µs wall, ${base.cpu.toFixed(1)} µs CPU per line (${base.lines.toLocaleString('en-US')} lines)`,
  );
  const runs = new Map<number, Run[]>([
    [1, []],
    [workers, []],
  ]);
  for (let r = 0; r < rounds; r++) {
    for (const n of [1, workers]) {
      const run = await analyze(n, join(tmp, `v${n}-${r}.json`));
      runs.get(n)!.push(run);
      const parts = run.partitions.length
        ? `, partitions ${run.partitions.map((c) => c.toFixed(2)).join(' + ')}`
        : '';
      console.log(
        `[2] round ${r + 1}, --workers ${n}: ${run.wall.toFixed(2)} s wall, ${run.cpu.toFixed(2)} CPU-s (main thread ${run.main.toFixed(2)}${parts}, V8/libuv helpers ${run.helpers.toFixed(2)})`,
      );
    }
  }
  const best = (n: number): Run => runs.get(n)!.reduce((a, b) => (b.wall < a.wall ? b : a));
  const one = best(1);
  const many = best(workers);
  const perEvent = (run: Run) => (run.wall / base.lines) * 1e6;
  for (const [n, run] of [
    [1, one],
    [workers, many],
  ] as const) {
    console.log(
      `[2] --workers ${n}, best of ${rounds}: ${run.wall.toFixed(2)} s wall (${perEvent(run).toFixed(1)} µs per event = ${(perEvent(run) / base.wall).toFixed(2)}× the baseline's wall per line); ${((run.cpu / base.lines) * 1e6).toFixed(1)} CPU-µs per event = ${(((run.cpu / base.lines) * 1e6) / base.cpu).toFixed(2)}× the baseline's CPU per line`,
    );
  }
  console.log(
    `[2] scaling 1 → ${workers} workers: ${(one.wall / many.wall).toFixed(2)}× (best wall times; the machine's own [0]: ${roof.arithmetic.toFixed(2)}× and ${roof.parse.toFixed(2)}×)`,
  );
  // On a busy machine the wall times say more about the other jobs than about Moat. The
  // threads' own CPU times do not: on otherwise idle cores a run takes about its main
  // thread's CPU (start, merge, write) plus its busiest partition's (they run side by side).
  const path = (run: Run): number => run.main + Math.max(0, ...run.partitions);
  const bestPath = (n: number): number => Math.min(...runs.get(n)!.map(path));
  console.log(
    `[2] critical path from thread CPU times (main thread + busiest partition), best of ${rounds}: --workers 1 ${bestPath(1).toFixed(2)} s, --workers ${workers} ${bestPath(workers).toFixed(2)} s: ${(bestPath(1) / bestPath(workers)).toFixed(2)}×`,
  );
  const a = levels(one.out);
  const b = levels(many.out);
  let same = 0;
  for (const [account, level] of a) if (b.get(account) === level) same++;
  console.log(
    `[3] same level in both: ${same.toLocaleString('en-US')} of ${a.size.toLocaleString('en-US')} accounts (${((100 * same) / a.size).toFixed(2)}%)`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
