/**
 * Offline analysis: stream telemetry (and account) JSONL files through a Detector
 * without holding them in memory, then write `{ accounts: [...], clusters: [...] }`
 * (DESIGN.md "Offline analysis"). `.gz` files are decompressed on the fly.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { isAscii } from 'node:buffer';
import type { DetectConfig } from '../detect/config.js';
import { Detector } from '../detect/detector.js';
import { eventOf, parseAccountLine, parseEventLine, type ParseResult } from '../detect/reader.js';
import { scanEventRecord } from '../detect/scan.js';
import { LEVELS, type Level, type TelemetryEvent, type Verdict } from '../telemetry/event.js';

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

/** Progress callback: bytes read so far of the events file, its size (0 if unknown), events. */
export type OnProgress = (readBytes: number, totalBytes: number, events: number) => void;

const MAX_SAMPLES = 20;

function open(file: string): Readable {
  const raw = createReadStream(file);
  return file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

/** Decode one line: pure-ASCII bytes (most JSONL) take the cheap latin1 path, others UTF-8. */
function decode(buf: Buffer, start: number, end: number): string {
  if (end > start && buf[end - 1] === 13) end--;
  const part = buf.subarray(start, end);
  return part.toString(isAscii(part) ? 'latin1' : 'utf8');
}

/**
 * Lines of a file, streamed in chunks and split on raw bytes; each line is decoded on its
 * own, so one non-ASCII character does not send a whole chunk down the slow UTF-8 path.
 * A trailing \r is dropped.
 */
export async function* lines(file: string): AsyncGenerator<string> {
  let rest: Buffer | null = null;
  for await (const chunk of open(file) as AsyncIterable<Buffer>) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      yield decode(buf, start, nl);
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : null;
  }
  if (rest) yield decode(rest, 0, rest.length);
}

/**
 * Call `fn(buf, start, end)` for every line of a file, on the raw bytes (the newline
 * excluded, a trailing \r kept: the line parsers drop it). A plain file is read with
 * synchronous reads into one reused buffer (no stream machinery, no thread-pool hop, no
 * promise per line: at 100,000 lines per second those costs show); `.gz` files stream.
 */
export async function eachLine(
  file: string,
  fn: (buf: Buffer, start: number, end: number) => void,
): Promise<void> {
  if (file.endsWith('.gz')) return eachLineStream(file, fn);
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(READ_SIZE);
    let have = 0;
    for (;;) {
      if (have === buf.length) {
        // One line longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      }
      const got = readSync(fd, buf, have, buf.length - have, null);
      if (got === 0) break;
      const end = have + got;
      let start = 0;
      for (let nl = buf.indexOf(10, have); nl >= 0 && nl < end; nl = buf.indexOf(10, start)) {
        fn(buf, start, nl);
        start = nl + 1;
      }
      buf.copy(buf, 0, start, end);
      have = end - start;
      // Let the event loop run between chunks (a --timeline write stream flushes meanwhile).
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (have > 0) fn(buf, 0, have);
  } finally {
    closeSync(fd);
  }
}

const READ_SIZE = 4 << 20;

async function eachLineStream(
  file: string,
  fn: (buf: Buffer, start: number, end: number) => void,
): Promise<void> {
  let rest: Buffer | null = null;
  for await (const chunk of open(file) as AsyncIterable<Buffer>) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      fn(buf, start, nl);
      start = nl + 1;
    }
    rest = start < buf.length ? buf.subarray(start) : null;
  }
  if (rest) fn(rest, 0, rest.length);
}

/**
 * Decode and parse one event line from raw bytes into the detector's view of the event
 * (scan.ts: fields the detector does not read are left out); null for a blank line.
 * Most lines take the byte scanner; a line it is not sure of, invalid ones included, takes
 * decode + JSON.parse, which gives the same record and names the error.
 */
export function readEventLine(
  buf: Buffer,
  start: number,
  end: number,
  line: number,
): ParseResult<TelemetryEvent> | null {
  const scanned = scanEventRecord(buf, start, end);
  if (scanned !== undefined) return eventOf(scanned, line);
  const text = decode(buf, start, end);
  return text.trim() === '' ? null : parseEventLine(text, line);
}

function note(stats: AnalyzeStats, file: string, error: string): void {
  stats.bad++;
  if (stats.badSamples.length < MAX_SAMPLES) stats.badSamples.push(`${file} ${error}`);
}

/** Stream `events` (and `accounts`) through a new Detector. */
export async function analyzeFiles(
  opts: {
    events: string;
    accounts?: string | undefined;
    cfg: DetectConfig;
    onVerdicts?: ((v: Verdict[]) => void) | undefined;
  },
  onProgress?: OnProgress,
): Promise<{ detector: Detector; stats: AnalyzeStats }> {
  // One kin sweep, when the run settles: the same verdicts as a --workers run's merge.
  const detector = new Detector({ ...opts.cfg, kinSweepHours: 0 });
  const stats: AnalyzeStats = {
    lines: 0,
    events: 0,
    accountRecords: 0,
    bad: 0,
    badSamples: [],
    outOfOrder: 0,
  };
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
  let bytes = 0;
  let lastTs = -Infinity;
  await eachLine(opts.events, (buf, start, end) => {
    stats.lines++;
    bytes += end - start + 1;
    const r = readEventLine(buf, start, end, stats.lines);
    if (r === null) return;
    if (!r.ok) {
      note(stats, opts.events, r.error);
      return;
    }
    if (r.value.ts < lastTs) stats.outOfOrder++;
    else lastTs = r.value.ts;
    const changed = detector.ingest(r.value);
    if (changed.length && opts.onVerdicts) opts.onVerdicts(changed);
    stats.events++;
    if (onProgress && (stats.events & 1023) === 0) onProgress(bytes, total, stats.events);
  });
  onProgress?.(bytes, total, stats.events);
  // Quiet cluster members take their cluster's final evidence (as a --workers merge does).
  const settled = detector.settle();
  if (settled.length && opts.onVerdicts) opts.onVerdicts(settled);
  return { detector, stats };
}

/** What the verdicts document is written from: a Detector, or a partitioned run's merge (`--workers`). */
export type VerdictSource = Pick<Detector, 'verdicts' | 'clusters'>;

/** Write the verdicts document, one verdict per line inside the JSON, without building one big string. */
export async function writeVerdicts(
  detector: VerdictSource,
  out: NodeJS.WritableStream,
): Promise<void> {
  const write = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{\n"accounts": [\n');
  const verdicts = detector
    .verdicts()
    .sort((a, b) => b.score - a.score || (a.account < b.account ? -1 : 1));
  for (let i = 0; i < verdicts.length; i++)
    await write(JSON.stringify(verdicts[i]) + (i + 1 < verdicts.length ? ',\n' : '\n'));
  await write('],\n"clusters": [\n');
  const clusters = detector.clusters();
  for (let i = 0; i < clusters.length; i++)
    await write(JSON.stringify(clusters[i]) + (i + 1 < clusters.length ? ',\n' : '\n'));
  await write(']\n}\n');
}

/** Accounts per level over a detector's verdicts. */
export function levelCounts(detector: VerdictSource): Record<Level, number> {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
  for (const v of detector.verdicts()) counts[v.level]++;
  return counts;
}
