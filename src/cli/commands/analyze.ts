import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command, type CommandContext } from '../command.js';
import { Progress } from '../progress.js';
import {
  analyzeFiles,
  levelCounts,
  writeVerdicts,
  type AnalyzeStats,
  type OnProgress,
  type VerdictSource,
} from '../../engine/offline.js';
import { analyzeParallel } from '../../engine/parallel.js';
import type { Verdict } from '../../telemetry/event.js';

const usage = `Usage: moat analyze --events FILE [--accounts FILE] [--out FILE] [--timeline FILE] [--workers N] [--json]

Run the detector over a telemetry log (JSONL, or .jsonl.gz) and write
{ "accounts": [verdict...], "clusters": [{ id, accounts, reasons }] }.

  --events FILE     telemetry events, one JSON object per line, in timestamp order
  --accounts FILE   account records (JSONL): signup time, route, payment fingerprint
  --out FILE        write the verdicts there (default: stdout)
  --timeline FILE   also write every verdict change as it happened (JSONL), for moat eval --timeline
  --workers N       split the accounts among N threads (default 1: one detector, one thread);
                    links between accounts of different threads are made after the run, from
                    the same evidence (payment, templates, request shape, network, timing);
                    not with --timeline
  --json            print the run summary as one JSON document on stdout

Malformed lines are reported by line number and skipped; the run fails only when
most lines are malformed.`;

/** Most threads --workers accepts. */
const MAX_WORKERS = 64;

function summarize(stats: AnalyzeStats, detector: VerdictSource, seconds: number) {
  const verdicts = detector.verdicts();
  const top = verdicts
    .filter((v) => v.level !== 'allow')
    .sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : 1))
    .slice(0, 10)
    .map((v) => ({
      account: v.account,
      score: v.score,
      level: v.level,
      reason: v.reasons[0]?.detail ?? '',
    }));
  return {
    events: stats.events,
    lines: stats.lines,
    malformed: stats.bad,
    outOfOrder: stats.outOfOrder,
    accounts: verdicts.length,
    levels: levelCounts(detector),
    clusters: detector.clusters().length,
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: seconds > 0 ? Math.round(stats.events / seconds) : 0,
    top,
  };
}

function human(s: ReturnType<typeof summarize>): string {
  const levels = Object.entries(s.levels)
    .map(([l, n]) => `${l} ${n.toLocaleString('en-US')}`)
    .join(', ');
  const lines = [
    `analyzed ${s.events.toLocaleString('en-US')} events from ${s.accounts.toLocaleString('en-US')} accounts in ${s.seconds}s (${s.eventsPerSecond.toLocaleString('en-US')} events/s)`,
    `levels: ${levels}`,
    `clusters: ${s.clusters}; malformed lines skipped: ${s.malformed}` +
      (s.outOfOrder ? `; out-of-order events: ${s.outOfOrder}` : ''),
  ];
  for (const t of s.top)
    lines.push(`  ${t.account.padEnd(24)} ${t.level.padEnd(9)} ${t.score.toFixed(2)}  ${t.reason}`);
  return lines.join('\n') + '\n';
}

async function writeOut(
  detector: VerdictSource,
  file: string | undefined,
  ctx: CommandContext,
): Promise<void> {
  if (!file) return writeVerdicts(detector, ctx.stdout);
  const out = createWriteStream(file);
  await writeVerdicts(detector, out);
  out.end();
  await once(out, 'finish');
}

/** --workers: a whole number from 1 to MAX_WORKERS (default 1). */
function parseWorkers(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= MAX_WORKERS))
    throw new UsageError(
      `--workers: expected a whole number from 1 to ${MAX_WORKERS}, got "${value}"`,
    );
  return n;
}

/** `moat analyze`: the detector over log files (DESIGN.md "Offline analysis"). */
export const command: Command = {
  name: 'analyze',
  summary: 'Run the detector over telemetry logs and write verdicts',
  usage,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        events: { type: 'string' },
        accounts: { type: 'string' },
        out: { type: 'string' },
        timeline: { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    if (!values.events) throw new UsageError('--events FILE is required');
    const workers = parseWorkers(values.workers);
    // Verdict changes are ordered only within one thread's accounts.
    if (workers > 1 && values.timeline) throw new UsageError('--timeline needs --workers 1');
    const cfg = ctx.config().detect;
    const progress = new Progress(ctx.stderr, ctx.isTTY, 'analyze');
    const started = Date.now();
    // --timeline: every verdict change as it happened (JSONL), for `moat eval --timeline`.
    const timeline = values.timeline ? createWriteStream(values.timeline) : undefined;
    const onVerdicts = timeline
      ? (vs: Verdict[]) => void timeline.write(vs.map((v) => JSON.stringify(v)).join('\n') + '\n')
      : undefined;
    const onProgress: OnProgress = (chars, total, events) => {
      if (total > 0 && chars > 0) progress.setTotal(Math.round((events * total) / chars));
      progress.update(events, 'events');
    };
    const { detector, stats } =
      workers > 1
        ? await analyzeParallel(
            { events: values.events, accounts: values.accounts, cfg, workers },
            onProgress,
          ).then((r) => ({ detector: r.result, stats: r.stats }))
        : await analyzeFiles(
            { events: values.events, accounts: values.accounts, cfg, onVerdicts },
            onProgress,
          );
    progress.done();
    if (timeline) {
      timeline.end();
      await once(timeline, 'finish');
    }
    for (const msg of stats.badSamples) ctx.stderr.write(`moat analyze: skipped ${msg}\n`);
    if (stats.bad > stats.badSamples.length)
      ctx.stderr.write(
        `moat analyze: … and ${stats.bad - stats.badSamples.length} more malformed lines\n`,
      );
    if (stats.bad > 0 && stats.bad >= stats.events) {
      ctx.stderr.write(
        `moat analyze: ${stats.bad} of ${stats.bad + stats.events} lines are malformed; is ${values.events} a telemetry JSONL file?\n`,
      );
      return 1;
    }
    await writeOut(detector, values.out, ctx);
    if (!values.out && !values.json) return 0;
    const summary = summarize(stats, detector, (Date.now() - started) / 1000);
    ctx.stdout.write(values.json ? JSON.stringify(summary) + '\n' : human(summary));
    return 0;
  },
};
