/**
 * Offline analysis: stream telemetry (and account) JSONL files through a Detector
 * without holding them in memory, then write `{ accounts: [...], clusters: [...] }`
 * (DESIGN.md "Offline analysis"). `.gz` files are decompressed on the fly.
 */
import { createReadStream, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { DetectConfig } from '../detect/config.js';
import { Detector } from '../detect/detector.js';
import { parseAccountLine, parseEventLine } from '../detect/reader.js';
import { LEVELS, type Level } from '../telemetry/event.js';

/** Counts of one analysis run. */
export interface AnalyzeStats {
  lines: number;
  events: number;
  accountRecords: number;
  /** Malformed lines (events and accounts). */
  bad: number;
  /** The first malformed-line messages ("events.jsonl line 7: …"). */
  badSamples: string[];
  /** Events whose ts went backwards (the detector expects timestamp order). */
  outOfOrder: number;
}

/** Progress callback: characters read so far of the events file, its size (0 if unknown), events. */
export type OnProgress = (readChars: number, totalBytes: number, events: number) => void;

const MAX_SAMPLES = 20;

function open(file: string): Readable {
  const raw = createReadStream(file);
  return file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** Lines of a file, streamed in chunks (lighter than node:readline); a trailing \r is dropped. */
export async function* lines(file: string): AsyncGenerator<string> {
  const input = open(file);
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield text.slice(start, end);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

function note(stats: AnalyzeStats, file: string, error: string): void {
  stats.bad++;
  if (stats.badSamples.length < MAX_SAMPLES) stats.badSamples.push(`${file} ${error}`);
}

/** Stream `events` (and `accounts`) through a new Detector. */
export async function analyzeFiles(
  opts: { events: string; accounts?: string | undefined; cfg: DetectConfig },
  onProgress?: OnProgress,
): Promise<{ detector: Detector; stats: AnalyzeStats }> {
  const detector = new Detector(opts.cfg);
  const stats: AnalyzeStats = { lines: 0, events: 0, accountRecords: 0, bad: 0, badSamples: [], outOfOrder: 0 };
  if (opts.accounts) {
    let n = 0;
    for await (const line of lines(opts.accounts)) {
      n++;
      if (line.trim() === '') continue;
      const r = parseAccountLine(line, n);
      if (r.ok) {
        detector.addAccount(r.value);
        stats.accountRecords++;
      } else note(stats, opts.accounts, r.error);
    }
  }
  const total = opts.events.endsWith('.gz') ? 0 : statSync(opts.events).size;
  let chars = 0;
  let lastTs = -Infinity;
  for await (const line of lines(opts.events)) {
    stats.lines++;
    chars += line.length + 1;
    if (line.trim() === '') continue;
    const r = parseEventLine(line, stats.lines);
    if (!r.ok) {
      note(stats, opts.events, r.error);
      continue;
    }
    if (r.value.ts < lastTs) stats.outOfOrder++;
    else lastTs = r.value.ts;
    detector.ingest(r.value);
    stats.events++;
    if (onProgress && (stats.events & 1023) === 0) onProgress(chars, total, stats.events);
  }
  onProgress?.(chars, total, stats.events);
  return { detector, stats };
}

/** Write the verdicts document, one verdict per line inside the JSON, without building one big string. */
export async function writeVerdicts(detector: Detector, out: NodeJS.WritableStream): Promise<void> {
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{\n"accounts": [\n');
  const verdicts = detector.verdicts().sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : 1));
  for (let i = 0; i < verdicts.length; i++) await write(JSON.stringify(verdicts[i]) + (i + 1 < verdicts.length ? ',\n' : '\n'));
  await write('],\n"clusters": [\n');
  const clusters = detector.clusters();
  for (let i = 0; i < clusters.length; i++) await write(JSON.stringify(clusters[i]) + (i + 1 < clusters.length ? ',\n' : '\n'));
  await write(']\n}\n');
}

/** Accounts per level over a detector's verdicts. */
export function levelCounts(detector: Detector): Record<Level, number> {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const v of detector.verdicts()) counts[v.level]++;
  return counts;
}
