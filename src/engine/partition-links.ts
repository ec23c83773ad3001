/**
 * The links of `moat analyze --workers N` (issue 13) between accounts that different
 * partitions read, found after the fact from each partition's record of its detector's
 * index touches (partition-log.ts) and its account records: the evidence a single detector
 * would have used, with its gates as far as they can be applied at the end (see
 * partition-merge.ts for the list).
 */
import type { DetectConfig } from '../detect/config.js';
import { STATS_LEN, Stats } from '../detect/stats.js';
import { HLL_REGISTERS } from '../detect/text.js';
import { CoActivity, synchronized, type SyncRule } from '../detect/timing.js';
import { ASKED, HARVESTED, type KeyTableExport } from './partition-log.js';
import type { AccountSnap, PartitionResult } from './partition.js';

/** A link between two accounts (global indexes) found across partitions. */
export interface Edge {
  a: number;
  b: number;
  kind: string;
  ts: number;
}

/** A row of one partition's key table, as seen from all of them. */
interface Row {
  part: number;
  row: number;
}

/** The accounts of every partition under one global index: the account i of parts[p] is offset[p] + i. */
export class Accounts {
  readonly offset: number[] = [];
  readonly snap: AccountSnap[] = [];
  readonly part: number[] = [];
  private readonly rowOf: number[] = [];

  constructor(readonly parts: PartitionResult[]) {
    parts.forEach((p, part) => {
      this.offset.push(this.snap.length);
      p.accounts.forEach((a, i) => {
        this.snap.push(a);
        this.part.push(part);
        this.rowOf.push(i);
      });
    });
  }

  get size(): number {
    return this.snap.length;
  }

  /** A copy of account `g`'s Stats, rebuilt from its partition's packed arrays. */
  stats(g: number): Stats {
    const p = this.parts[this.part[g]!]!;
    const i = this.rowOf[g]!;
    const s = new Stats();
    s.c.set(p.counters.subarray(i * STATS_LEN, (i + 1) * STATS_LEN));
    s.items.set(p.items.subarray(i * HLL_REGISTERS, (i + 1) * HLL_REGISTERS));
    s.at = p.at[i]!;
    return s;
  }
}

/** A key's uses and accounts over every partition's row of it. */
function totals<K>(tables: KeyTableExport<K>[], rows: Row[]): { uses: number; accounts: number } {
  let uses = 0;
  let accounts = 0;
  for (const r of rows) {
    uses += tables[r.part]!.uses[r.row]!;
    accounts += tables[r.part]!.accounts[r.row]!;
  }
  return { uses, accounts };
}

/** Rows of a key present in two or more partitions, by key. */
function sharedKeys<K>(tables: KeyTableExport<K>[]): Map<K, Row[]> {
  const all = new Map<K, Row[]>();
  tables.forEach((t, part) =>
    t.keys.forEach((k, row) => {
      const rows = all.get(k);
      if (rows) rows.push({ part, row });
      else all.set(k, [{ part, row }]);
    }),
  );
  for (const [k, rows] of all) if (rows.length < 2) all.delete(k);
  return all;
}

/**
 * Edges of one index: for each key shared across partitions, `decide(first, user, …)` for
 * every recorded user in a partition other than the key's first sender's (within a
 * partition, its own detector already decided).
 */
function keyEdges<K>(
  acc: Accounts,
  tables: KeyTableExport<K>[],
  kind: string | ((key: K) => string),
  gate: (first: number, uses: number, accounts: number, key: K) => boolean,
  decide: (first: number, user: number, asked: number) => boolean,
  out: Edge[],
): void {
  for (const [key, rows] of sharedKeys(tables)) {
    let head = rows[0]!;
    for (const r of rows)
      if (tables[r.part]!.firstTs[r.row]! < tables[head.part]!.firstTs[head.row]!) head = r;
    const { uses, accounts } = totals(tables, rows);
    const firstUsers = tables[head.part]!.users[head.row];
    if (!firstUsers) continue; // its first sender cannot link (see KeyLog.export)
    const first = acc.offset[head.part]! + firstUsers[0]!;
    if (!gate(first, uses, accounts, key)) continue;
    const kindOf = typeof kind === 'string' ? kind : kind(key);
    for (const r of rows) {
      if (r.part === head.part) continue;
      const t = tables[r.part]!;
      const users = t.users[r.row];
      if (!users) continue;
      users.forEach((u, j) => {
        const user = acc.offset[r.part]! + u;
        if (decide(first, user, t.asked[r.row]![j]!))
          out.push({ a: user, b: first, kind: kindOf, ts: t.ts[r.row]![j]! });
      });
    }
  }
}

/**
 * Harvest-template edges (Detector.harvestTemplateLink): per template key shared across
 * partitions, the first account overall whose touch took a harvest and that is a harvest
 * sender at the end; every such account of another partition joins it (within a partition,
 * its detector already joined its own to its first), once the key was reused and is not
 * common phrasing.
 */
function harvestEdges(
  acc: Accounts,
  tables: KeyTableExport<number>[],
  max: number,
  out: Edge[],
): void {
  const s = acc.snap;
  for (const rows of sharedKeys(tables).values()) {
    const { uses, accounts } = totals(tables, rows);
    if (uses <= accounts || accounts >= max) continue;
    const senders: { g: number; part: number; ts: number }[] = [];
    for (const r of rows) {
      const t = tables[r.part]!;
      const users = t.users[r.row];
      if (!users) continue;
      users.forEach((u, j) => {
        const g = acc.offset[r.part]! + u;
        if ((t.asked[r.row]![j]! & HARVESTED) !== 0 && s[g]!.harvester)
          senders.push({ g, part: r.part, ts: t.ts[r.row]![j]! });
      });
    }
    if (senders.length < 2) continue;
    let first = senders[0]!;
    for (const x of senders) if (x.ts < first.ts) first = x;
    for (const x of senders)
      if (x.part !== first.part) out.push({ a: x.g, b: first.g, kind: 'template', ts: x.ts });
  }
}

/** Accounts that share a payment fingerprint across partitions: each joins the first holder. */
function paymentEdges(acc: Accounts, out: Edge[]): void {
  const first = new Map<string, number>();
  for (let g = 0; g < acc.size; g++) {
    const key = acc.snap[g]!.payKey;
    if (!key) continue;
    const f = first.get(key);
    if (f === undefined) first.set(key, g);
    else if (acc.part[f] !== acc.part[g]) out.push({ a: g, b: f, kind: 'payment', ts: 0 });
  }
}

/** Every cross-partition edge, in the order a single detector would have met them. */
export function crossEdges(acc: Accounts, cfg: DetectConfig): Edge[] {
  const edges: Edge[] = [];
  const parts = acc.parts;
  const s = acc.snap;
  const max = cfg.templateLinkMaxAccounts;
  paymentEdges(acc, edges);
  keyEdges(
    acc,
    parts.map((p) => p.keys.template),
    'template',
    (f, uses, accounts) => uses > accounts && accounts < max && s[f]!.suspect,
    // Detector.crossTemplates: an ask between mostly suspect accounts.
    (_f, u, asked) => (asked & ASKED) !== 0 && s[u]!.suspect,
    edges,
  );
  harvestEdges(
    acc,
    parts.map((p) => p.keys.template),
    max,
    edges,
  );
  keyEdges(
    acc,
    parts.map((p) => p.keys.shape),
    // Keys ending in binary 11 are proxy cohorts (Detector.proxyLink).
    (key) => ((key & 3) === 3 ? 'proxy' : 'shape'),
    // Only accounts that passed shapeLink's (or proxyLink's) own gates touched the index
    // (listener.ts), so both ends of every pair already did, as the detector sees them. Odd
    // keys are signup and proxy cohorts (Detector.cohortLink, proxyLink), which link only
    // once enough accounts sent them.
    (_f, _uses, accounts, key) =>
      accounts <= max && ((key & 1) === 0 || accounts >= cfg.cohortMinAccounts),
    () => true,
    edges,
  );
  keyEdges(
    acc,
    parts.map((p) => p.keys.network),
    'network',
    () => true,
    () => true,
    edges,
  );
  const rule = syncRule(cfg);
  keyEdges(
    acc,
    parts.map((p) => p.keys.timing),
    'timing',
    (f) => s[f]!.timing !== null,
    (f, u) =>
      s[u]!.timing !== null &&
      synchronized(CoActivity.restore(s[u]!.timing!), CoActivity.restore(s[f]!.timing!), rule),
    edges,
  );
  // Detector.join: a verified or contracted account takes part in no link.
  return edges
    .filter((e) => !s[e.a]!.reviewOnly && !s[e.b]!.reviewOnly)
    .sort((x, y) => x.ts - y.ts);
}

/** The Detector's timing rule for a configuration (its constructor builds the same). */
function syncRule(cfg: DetectConfig): SyncRule {
  return {
    minBuckets: cfg.timingMinBuckets,
    minJaccard: cfg.timingMinJaccard,
    chanceFactor: cfg.timingChanceFactor,
    minPeriods: cfg.timingMinHours,
    periodBuckets: Math.max(1, Math.round(3600 / cfg.timingBucketSeconds)),
  };
}
