/**
 * One partition of `moat analyze --workers N` (issue 13): read the whole log, keep the
 * lines whose account hashes to this partition (route.ts), run them through a Detector of
 * its own in file order, and hand back what the merge needs (partition-merge.ts): every
 * account's verdict, counters and link state, the partition's clusters, and the log of its
 * cross-account index touches (partition-log.ts). Runs inside a worker thread
 * (partition-thread.ts), or in the calling thread for tests.
 */
import type { DetectConfig } from '../detect/config.js';
import { Detector, type ClusterReport } from '../detect/detector.js';
import { parseAccountLine } from '../detect/reader.js';
import { STATS_LEN } from '../detect/stats.js';
import { HLL_REGISTERS } from '../detect/text.js';
import type { CoActivitySnapshot } from '../detect/timing.js';
import type { Level, Verdict } from '../telemetry/event.js';
import { eachLine, lines, readEventLine } from './offline.js';
import { KeyLog, type KeyLogExport } from './partition-log.js';
import { linePartition, partitionOf } from './route.js';

/** What one partition worker is asked to do. */
export interface PartitionJob {
  events: string;
  accounts?: string | undefined;
  /** This partition's number (0 … count-1) and the number of partitions. */
  index: number;
  count: number;
  cfg: DetectConfig;
}

/** A skipped line: which file (0 accounts, 1 events), its number, the message. */
export interface LineNote {
  file: 0 | 1;
  line: number;
  message: string;
}

/** Counts of one partition's run (AnalyzeStats' fields, with the notes to merge). */
export interface PartitionStats {
  /** Lines of the events file (every partition reads all of them). */
  lines: number;
  events: number;
  accountRecords: number;
  bad: number;
  /** The first skipped lines' messages. */
  notes: LineNote[];
  /** Events whose ts went backwards within this partition. */
  outOfOrder: number;
}

/** One account as the merge sees it. Its Stats are packed in PartitionResult (row = index). */
export interface AccountSnap {
  id: string;
  /** The partition detector's verdict. */
  verdict: Verdict;
  /** LINK bits. */
  links: number;
  /** Its score without its cluster: own evidence or known-campaign evidence, whichever is higher. */
  own: number;
  level: Level;
  /** Its level came from its cluster (its score is above `own`). */
  clusterLed: boolean;
  reviewOnly: boolean;
  createdAt: number;
  firstTs: number;
  lastTs: number;
  /** Mostly suspect requests on mostly new items (Detector.templateLinkable), at the end. */
  suspect: boolean;
  /** A harvest sender (Detector.harvestSender: nearly all harvest, not an application), at the end. */
  harvester: boolean;
  /** The timing sketch, when it has enough buckets to link. */
  timing: CoActivitySnapshot | null;
  payKey: string;
  /** Id of its cluster in this partition (two or more members), or null. */
  cluster: string | null;
  /**
   * Every number, boolean and string field of its AccountState (tier, record times, verdict
   * bookkeeping…), so the merge rebuilds the state the Detector's scoring reads.
   */
  fields: Record<string, number | boolean | string>;
}

/** The number, boolean and string fields of an object (see AccountSnap.fields). */
function scalars(o: object): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const [k, v] of Object.entries(o))
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out[k] = v;
  return out;
}

/** A cluster of one partition: its members (partition-local indexes) and link kinds. */
export interface ClusterSnap {
  id: string;
  members: number[];
  kinds: Array<[string, number]>;
  report: ClusterReport;
}

/** What a partition hands to the merge. */
export interface PartitionResult {
  index: number;
  accounts: AccountSnap[];
  /** Every account's Stats, packed by account index: counters (STATS_LEN each), HyperLogLog registers, decay time. */
  counters: Float64Array;
  items: Uint8Array;
  at: Float64Array;
  clusters: ClusterSnap[];
  keys: KeyLogExport;
  stats: PartitionStats;
}

const MAX_NOTES = 20;

function note(stats: PartitionStats, file: 0 | 1, line: number, message: string): void {
  stats.bad++;
  if (stats.notes.length < MAX_NOTES) stats.notes.push({ file, line, message });
}

async function readAccounts(
  job: PartitionJob,
  detector: Detector,
  stats: PartitionStats,
): Promise<void> {
  if (!job.accounts) return;
  let n = 0;
  for await (const line of lines(job.accounts)) {
    n++;
    if (line.trim() === '') continue;
    const r = parseAccountLine(line, n);
    if (!r.ok) {
      if (job.index === 0) note(stats, 0, n, `${job.accounts} ${r.error}`);
    } else if (partitionOf(r.value.id, job.count) === job.index) {
      detector.addAccount(r.value);
      stats.accountRecords++;
    }
  }
}

/**
 * Run one partition. `onProgress(bytes, events)` is called every few thousand lines with
 * the bytes of the events file read so far and the events this partition ingested.
 */
export async function analyzePartition(
  job: PartitionJob,
  onProgress?: (bytes: number, events: number) => void,
): Promise<PartitionResult> {
  const { index: me, count } = job;
  // The merge sweeps for kin over every partition's accounts (partition-merge.ts).
  const detector = new Detector({ ...job.cfg, kinSweepHours: 0 });
  const log = new KeyLog(job.cfg);
  detector.listen(log);
  const stats: PartitionStats = {
    lines: 0,
    events: 0,
    accountRecords: 0,
    bad: 0,
    notes: [],
    outOfOrder: 0,
  };
  await readAccounts(job, detector, stats);
  let bytes = 0;
  let lastTs = -Infinity;
  await eachLine(job.events, (buf, start, end) => {
    const line = ++stats.lines;
    bytes += end - start + 1;
    if (onProgress && (line & 4095) === 0) onProgress(bytes, stats.events);
    const routed = linePartition(buf, start, end, count);
    if (routed >= 0 && routed !== me) return;
    const r = readEventLine(buf, start, end, line);
    if (r === null) return;
    // A line the router was not sure of is parsed by every partition and reported by the first.
    if (!r.ok) {
      if (routed === me || me === 0) note(stats, 1, line, `${job.events} ${r.error}`);
      return;
    }
    if (partitionOf(r.value.account, count) !== me) {
      if (routed === me)
        note(
          stats,
          1,
          line,
          `${job.events} line ${line}: more than one "account" field (--workers routes a line by its first)`,
        );
      return;
    }
    if (r.value.ts < lastTs) stats.outOfOrder++;
    else lastTs = r.value.ts;
    log.ts = r.value.ts;
    detector.ingest(r.value);
    stats.events++;
  });
  onProgress?.(bytes, stats.events);
  return snapshot(job, detector, log, stats);
}

/** Everything the merge needs from a finished partition. */
function snapshot(
  job: PartitionJob,
  detector: Detector,
  log: KeyLog,
  stats: PartitionStats,
): PartitionResult {
  const states = detector.accountStates();
  const verdicts = detector.verdicts();
  const n = states.length;
  const counters = new Float64Array(n * STATS_LEN);
  const items = new Uint8Array(n * HLL_REGISTERS);
  const at = new Float64Array(n);
  const reports = new Map(detector.clusters().map((c) => [c.id, c]));
  const clusters = new Map<string, ClusterSnap>();
  const accounts = states.map((st, i): AccountSnap => {
    counters.set(st.stats.c, i * STATS_LEN);
    items.set(st.stats.items, i * HLL_REGISTERS);
    at[i] = st.stats.at;
    const cl = detector.clusterOf(i);
    const inCluster = cl !== undefined && cl.members.length >= 2;
    if (inCluster && !clusters.has(cl.id))
      clusters.set(cl.id, {
        id: cl.id,
        members: [...cl.members],
        kinds: [...cl.kinds],
        report: reports.get(cl.id)!,
      });
    const own = Math.max(st.ownScore, detector.knownEvidence(st));
    return {
      id: st.id,
      verdict: verdicts[i]!,
      links: st.links,
      own,
      level: st.level,
      clusterLed: st.score > own,
      reviewOnly: st.reviewOnly,
      createdAt: st.createdAt,
      firstTs: st.firstTs,
      lastTs: st.lastTs,
      suspect: detector.templateLinkable(st, 0),
      harvester: detector.harvestSender(st),
      timing: st.timing.buckets >= job.cfg.timingMinBuckets ? st.timing.snapshot() : null,
      payKey: st.payKey,
      cluster: inCluster ? cl.id : null,
      fields: scalars(st),
    };
  });
  const keys = log.export((i) => accounts[i]!.suspect || accounts[i]!.harvester);
  return {
    index: job.index,
    accounts,
    counters,
    items,
    at,
    clusters: [...clusters.values()],
    keys,
    stats,
  };
}
