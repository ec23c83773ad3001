/**
 * The merge of `moat analyze --workers N` (issue 13). Each partition's detector saw only its
 * own accounts, so the links a single detector would have made between accounts of
 * different partitions are made here, after the fact, from the evidence it would have used
 * and with its gates as far as they can be applied at the end:
 *
 * - payment: accounts whose records share a payment fingerprint (no gate, as in addAccount);
 * - template: a key's first sender overall and each later sender whose request asked for
 *   reasoning, grades, data or a harvest-length answer, both mostly suspect — or whose
 *   request took a harvest of any kind, both harvest senders (Detector.harvestSender) — the
 *   key reused (uses > accounts) and not common phrasing (accounts < templateLinkMaxAccounts);
 * - shape: request shape + client + signup window, between accounts that passed the
 *   detector's own shape gates when they used it, the key shared by at most
 *   templateLinkMaxAccounts accounts;
 * - network: network + client keys of accounts at monitor or above on their own evidence;
 * - timing: timing bands, where the two accounts' final sketches are synchronized.
 *
 * Links are applied in the order a single detector would have met them (time of the later
 * account's first touch). A cluster that a cross-partition link changed is rebuilt: its
 * Stats are the sums of its members' Stats (Stats.merge), its link kinds the sum of its
 * parts' plus the new links, and every member is re-scored as Detector.scoreOf does
 * (max(own, Detector.inherited: cluster score × affinity…), its state rebuilt from its
 * partition's); every other verdict and cluster is the partition's.
 * A re-scored member's level keeps the hysteresis of a level it reached on its own evidence,
 * not of one its partition's cluster gave it (that cluster is gone). What cannot be replayed: a known campaign's template corroborated by a partition other
 * than the account's, and the per-request `shared template` counters, which each partition
 * counted against its own first senders.
 */
import { AccountState, LINK } from '../detect/account.js';
import { ClusterState, clusterId } from '../detect/cluster.js';
import type { DetectConfig } from '../detect/config.js';
import { Detector, type ClusterReport } from '../detect/detector.js';
import { kinReason, kinScore, kinSweep, type KinInput } from '../detect/kin.js';
import { levelFor } from '../detect/levels.js';
import { levelRank, type Reason, type Verdict } from '../telemetry/event.js';
import type { VerdictSource } from './offline.js';
import { Accounts, crossEdges } from './partition-links.js';
import type { PartitionResult } from './partition.js';

const HOUR = 3_600_000;

/** Union-find over global account indexes, capped like Clusters (cluster.ts). */
class Sets {
  private readonly parent: number[];
  private readonly size: number[];

  constructor(
    n: number,
    private readonly maxSize: number,
  ) {
    this.parent = Array.from({ length: n }, (_, i) => i);
    this.size = new Array<number>(n).fill(1);
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      const p = this.parent[i]!;
      this.parent[i] = this.parent[p]!;
      i = p;
    }
    return i;
  }

  /** Join; false when already joined or over the size cap. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb || this.size[ra]! + this.size[rb]! > this.maxSize) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }
}

function minKnown(a: number, b: number): number {
  if (a === 0) return b;
  if (b === 0) return a;
  return Math.min(a, b);
}

/** Merge finished partitions into one verdicts document (see the module comment). */
export function mergePartitions(cfg: DetectConfig, parts: PartitionResult[]): VerdictSource {
  const acc = new Accounts(parts);
  const sets = new Sets(acc.size, cfg.maxClusterSize);
  // Each partition's clusters as they stand, with their link kinds on their first member.
  const kinds = new Map<number, Map<string, number>>();
  const local = new Map<string, number[]>();
  parts.forEach((p, part) => {
    for (const c of p.clusters) {
      const members = c.members.map((i) => acc.offset[part]! + i);
      for (const m of members) sets.union(members[0]!, m);
      kinds.set(members[0]!, new Map(c.kinds));
      local.set(c.id, members);
    }
  });
  const links = acc.snap.map((s) => s.links);
  const crossed: number[] = [];
  for (const e of crossEdges(acc, cfg)) {
    const same = sets.find(e.a) === sets.find(e.b);
    // Shape, proxy and timing links are looked for only between different clusters (Detector.shapeLink, proxyLink, timingLinks).
    if (same && (e.kind === 'shape' || e.kind === 'proxy' || e.kind === 'timing')) continue;
    const bit = LINK[e.kind]!;
    links[e.a]! |= bit;
    links[e.b]! |= bit;
    if (same || !sets.union(e.a, e.b)) continue;
    crossed.push(e.a);
    const tally = kinds.get(e.a) ?? new Map<string, number>();
    tally.set(e.kind, (tally.get(e.kind) ?? 0) + 1);
    kinds.set(e.a, tally);
  }
  return build(cfg, acc, sets, { kinds, local, links, crossed });
}

interface MergeState {
  /** Link kinds, tallied on some member of each cluster. */
  kinds: Map<number, Map<string, number>>;
  /** Each partition's clusters by id: their members' global indexes. */
  local: Map<string, number[]>;
  /** Every account's LINK bits after the cross-partition links. */
  links: number[];
  /** An account of every cross-partition link that joined two clusters. */
  crossed: number[];
}

/** Rebuild the clusters the cross-partition links changed and re-score their members. */
function build(cfg: DetectConfig, acc: Accounts, sets: Sets, m: MergeState): VerdictSource {
  const changed = new Set(m.crossed.map((g) => sets.find(g)));
  const members = new Map<number, number[]>();
  for (let g = 0; g < acc.size; g++) {
    const r = sets.find(g);
    if (!changed.has(r)) continue;
    const list = members.get(r);
    if (list) list.push(g);
    else members.set(r, [g]);
  }
  const verdicts = acc.snap.map((s) => s.verdict);
  const replaced = new Set<string>();
  const clusters: ClusterReport[] = [];
  const scorer = new Detector(cfg);
  for (const list of members.values()) {
    const cl = mergedCluster(acc, list, m, cfg.halfLifeHours * HOUR);
    for (const g of list) {
      const id = acc.snap[g]!.cluster;
      if (id !== null) replaced.add(id);
    }
    scorer.scoreCluster(cl);
    const reasons = scorer.clusterReasons(cl);
    clusters.push({ id: cl.id, accounts: list.map((g) => acc.snap[g]!.id).sort(), reasons });
    for (const g of list) verdicts[g] = rescore(cfg, scorer, acc, g, m.links[g]!, cl, reasons);
  }
  for (const p of acc.parts)
    for (const c of p.clusters) if (!replaced.has(c.id)) clusters.push(c.report);
  applyKin(cfg, acc, verdicts);
  clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { verdicts: () => verdicts.slice(), clusters: () => clusters.slice() };
}

/**
 * The kin sweep a single detector makes when it settles (Detector.kinSweep, kin.ts), over
 * every partition's accounts: a quiet account most of whose nearest accounts by behaviour were
 * raised is raised to throttle, its kin reason first.
 */
function applyKin(cfg: DetectConfig, acc: Accounts, verdicts: Verdict[]): void {
  const throttle = levelRank('throttle');
  const input: KinInput[] = verdicts.map((v, g) => {
    const raised = levelRank(v.level) >= throttle;
    return { counters: acc.stats(g).c, raised, candidate: !raised && !acc.snap[g]!.reviewOnly };
  });
  for (const k of kinSweep(input)) {
    const v = verdicts[k.account]!;
    const score = kinScore(k.share, cfg.levels.throttle);
    if (score <= v.score) continue;
    const raised = k.raised.map((i) => ({ id: acc.snap[i]!.id, score: verdicts[i]!.score }));
    verdicts[k.account] = {
      ...v,
      score: Math.round(score * 1000) / 1000,
      level: levelFor(score, v.level, cfg.levels),
      reasons: [kinReason(score, k.share, raised), ...v.reasons],
    };
  }
}

/**
 * A cluster rebuilt from its members: summed Stats, the kinds of its parts and links, its
 * id that of its largest partition cluster (or, of lone accounts only, the first seen's).
 */
function mergedCluster(
  acc: Accounts,
  list: number[],
  m: MergeState,
  halfLifeMs: number,
): ClusterState {
  let id = '';
  let idSize = 0;
  let earliest = list[0]!;
  for (const g of list) {
    const s = acc.snap[g]!;
    const size = s.cluster === null ? 0 : m.local.get(s.cluster)!.length;
    if (size > idSize || (size === idSize && size > 0 && s.cluster! < id))
      [id, idSize] = [s.cluster!, size];
    const e = acc.snap[earliest]!;
    if (s.firstTs < e.firstTs || (s.firstTs === e.firstTs && s.id < e.id)) earliest = g;
  }
  const cl = new ClusterState(id || clusterId(acc.snap[earliest]!.id));
  for (const g of list) {
    const s = acc.snap[g]!;
    const stats = acc.stats(g);
    cl.memberItems += stats.distinctItems();
    cl.endUsers += Number(s.fields['endUserCount'] ?? 0);
    cl.stats.merge(stats, halfLifeMs);
    cl.members.push(g);
    for (const [k, v] of m.kinds.get(g) ?? []) cl.kinds.set(k, (cl.kinds.get(k) ?? 0) + v);
    cl.createdAt = minKnown(cl.createdAt, s.createdAt);
    cl.firstTs = minKnown(cl.firstTs, s.firstTs);
    cl.lastTs = Math.max(cl.lastTs, s.lastTs);
  }
  return cl;
}

/** An account's verdict in a rebuilt cluster (Detector.scoreOf, evaluate and build). */
function rescore(
  cfg: DetectConfig,
  scorer: Detector,
  acc: Accounts,
  g: number,
  links: number,
  cl: ClusterState,
  clusterReasons: Reason[],
): Verdict {
  const s = acc.snap[g]!;
  const st = Object.assign(new AccountState(s.id, g), s.fields, { idx: g, links });
  const stats = acc.stats(g);
  st.stats.c.set(stats.c);
  st.stats.items.set(stats.items);
  st.stats.at = stats.at;
  const inherited = scorer.inherited(st, cl);
  // The member's own evidence amplified by its links, over the merged links (its substreams
  // are not carried: the partition's own score, which has them, stays the floor).
  const linked = scorer.linkedScore(st, cl);
  const score = Math.max(s.own, inherited, linked);
  // Hysteresis holds the level the account reached on its own evidence; a level its
  // partition's cluster gave it belongs to a cluster that no longer exists.
  let level = levelFor(score, s.clusterLed ? 'allow' : s.level, cfg.levels);
  if (s.reviewOnly && levelRank(level) > levelRank('monitor')) level = 'monitor';
  const reasons = s.verdict.reasons.filter(
    (r) =>
      r.code !== 'review_required' &&
      !(r.code === 'cluster_evidence' && r.detail.startsWith('member of ')),
  );
  if (linked > Math.max(s.own, inherited) + 0.01) {
    // The reasons the single-process detector writes for it: its own, with its coordination.
    reasons.splice(0, reasons.length, ...scorer.linkedReasons(st, cl).reasons);
  } else if (inherited > s.own + 0.01) {
    const top = clusterReasons.slice(0, 3);
    reasons.unshift({
      code: 'cluster_evidence',
      weight: Math.round(inherited * 100) / 100,
      detail: `member of ${cl.id} (cluster score ${cl.score.toFixed(2)}): ${top.map((r) => r.detail).join('; ')}`,
    });
  }
  if (s.reviewOnly && score >= cfg.levels.throttle) {
    reasons.unshift({
      code: 'review_required',
      weight: Math.round(score * 100) / 100,
      detail: `verified or contracted account: held at monitor for an analyst's review instead of the automatic ladder (score ${score.toFixed(2)} would be ${levelFor(score, 'allow', cfg.levels)})`,
    });
  }
  return { ...s.verdict, score: Math.round(score * 1000) / 1000, level, reasons, cluster: cl.id };
}
