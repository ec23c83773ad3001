/**
 * The detector: consumes telemetry events in timestamp order and keeps bounded per-account
 * and per-cluster state; emits verdicts when they change. Pure and deterministic: time
 * comes only from event timestamps, iteration orders are insertion orders.
 */
import type { AccountRecord, Reason, TelemetryEvent, Verdict } from '../telemetry/event.js';
import { AccountState, LINK, STRONG_LINKS, applyDeltas, type Deltas } from './account.js';
import { ClusterState, Clusters, clusterId } from './cluster.js';
import type { DetectConfig } from './config.js';
import { featuresOf, netKeyOf, type EventFeatures } from './features.js';
import { levelFor } from './levels.js';
import { FirstSeenIndex } from './links.js';
import { assess, assessScore, reasonsOf, type AssessContext } from './score.js';
import { F } from './stats.js';
import { int } from './describe.js';
import { TIMING_BANDS, synchronized, type SyncRule } from './timing.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A template-index entry as crossTemplates reports it. */
interface KnownEntry {
  flagged: number;
  flaggedScore: number;
}

/**
 * An AssessContext filled in place: the detector keeps one for accounts and one for
 * clusters, so scoring an event allocates no context object or closure.
 */
class ScoreContext implements AssessContext {
  createdAt = 0;
  firstTs = 0;
  lastTs = 0;
  coordination = 0;
  /** The cluster scored, whose coordinationDetail() this reports. */
  cluster: ClusterState | undefined = undefined;

  coordinationDetail(): string {
    return this.cluster ? this.cluster.coordinationDetail() : '';
  }
}

/** A cluster as reported by the detector. */
export interface ClusterReport {
  id: string;
  accounts: string[];
  reasons: Reason[];
}

/** See the module comment. */
export class Detector {
  private readonly accounts = new Map<string, AccountState>();
  private readonly byIdx: AccountState[] = [];
  private readonly clusterSets: Clusters;
  private readonly templateIndex: FirstSeenIndex<number>;
  private readonly netIndex: FirstSeenIndex<string>;
  private readonly payIndex: FirstSeenIndex<string>;
  private readonly timingIndex: FirstSeenIndex<number>;
  private readonly modelFirst = new Map<string, number>();
  /** crossTemplates' findings for the event being ingested (fields, not an object per event). */
  private tplShared = false;
  /** The account whose template this event shares and who is to be joined, or -1. */
  private tplLink = -1;
  /** The event whose netKeyOf is cached in netKeyOfEvent. */
  private netEvent: TelemetryEvent | undefined;
  private netKeyOfEvent = '';
  private readonly ownContext = new ScoreContext();
  private readonly clusterContext = new ScoreContext();
  private readonly halfLifeMs: number;
  private readonly syncRule: SyncRule;
  private streamStart = 0;

  constructor(private readonly cfg: DetectConfig) {
    this.halfLifeMs = cfg.halfLifeHours * HOUR;
    this.syncRule = {
      minBuckets: cfg.timingMinBuckets,
      minJaccard: cfg.timingMinJaccard,
      chanceFactor: cfg.timingChanceFactor,
      minPeriods: cfg.timingMinHours,
      periodBuckets: Math.max(1, Math.round(3600 / cfg.timingBucketSeconds)),
    };
    this.clusterSets = new Clusters(cfg.maxClusterSize);
    this.templateIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.netIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.payIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.timingIndex = new FirstSeenIndex(cfg.timingIndexSize);
  }

  /** Signup metadata; links accounts sharing a payment fingerprint. */
  addAccount(rec: AccountRecord): void {
    const st = this.state(rec.id);
    st.setRecord(rec.createdAt, rec.route);
    st.payKey = rec.paymentFingerprint ?? '';
    if (rec.paymentFingerprint) {
      const prev = this.payIndex.touch(rec.paymentFingerprint, st.idx, true);
      if (prev && prev.first !== st.idx) this.join(st.idx, prev.first, 'payment');
    }
  }

  /** A link found elsewhere (identity module: same payment, client fingerprint, prefix+window). */
  addLink(a: string, b: string, kind: string, _detail: string): Verdict[] {
    if (a === b) return [];
    const k = /pay/i.test(kind) ? 'payment' : /finger|client/i.test(kind) ? 'fingerprint' : 'identity';
    const sa = this.state(a);
    const sb = this.state(b);
    const cl = this.join(sa.idx, sb.idx, k);
    return cl ? this.refreshCluster(cl, true) : [];
  }

  /** Consume one event; returns the verdicts that changed (possibly several, for a cluster). */
  ingest(ev: TelemetryEvent): Verdict[] {
    if (this.streamStart === 0) this.streamStart = ev.ts;
    const st = this.state(ev.account);
    const f = featuresOf(ev);
    const tplHit = st.observeTemplates(f);
    this.netEvent = undefined;
    const known = this.crossTemplates(st, f, tplHit);
    const shared = this.tplShared;
    const onKnown = known !== undefined && this.corroborated(st, ev);
    if (onKnown) {
      st.knownScore = known.flaggedScore / known.flagged;
      st.knownBy = known.flagged;
    }
    const d = this.deltas(st, ev, f, tplHit, shared, onKnown);
    let itemsDelta = 0;
    if (applyDeltas(st.stats, d, this.halfLifeMs)) {
      const est = st.stats.distinctItems();
      itemsDelta = est - st.itemEstimate;
      st.itemEstimate = est;
    }
    if (st.firstTs === 0) st.firstTs = ev.ts;
    st.lastTs = ev.ts;
    let cl = this.clusterSets.of(st.idx);
    if (cl) {
      applyDeltas(cl.stats, d, this.halfLifeMs);
      cl.memberItems += itemsDelta;
      cl.lastTs = Math.max(cl.lastTs, ev.ts);
      if (cl.firstTs === 0) cl.firstTs = ev.ts;
    }
    let joined = false;
    if (this.tplLink >= 0) joined = this.join(st.idx, this.tplLink, 'template') !== undefined;
    joined = this.timingLinks(st, ev.ts) || joined;
    // A shared network + client alone never links: a campus NAT is full of honest users.
    // Only accounts already suspicious on their own evidence are joined through it.
    const netKey = st.ownScore >= this.cfg.levels.monitor ? this.netKey(ev) : '';
    if (netKey) {
      const prev = this.netIndex.touch(netKey, st.idx, true);
      if (prev && prev.first !== st.idx) joined = this.join(st.idx, prev.first, 'network') !== undefined || joined;
    }
    cl = this.clusterSets.of(st.idx);
    let out: Verdict[];
    if (cl) out = this.refreshCluster(cl, joined, st);
    else {
      const v = this.evaluate(st, undefined);
      out = v ? [v] : [];
    }
    if (st.flagged) this.flagNetwork(st, ev);
    return out;
  }

  /** The network+client key (netKeyOf) of the event being ingested, computed at most once per event. */
  private netKey(ev: TelemetryEvent): string {
    if (this.netEvent !== ev) {
      this.netEvent = ev;
      this.netKeyOfEvent = netKeyOf(ev, this.cfg.ipv4Prefix, this.cfg.ipv6Prefix);
    }
    return this.netKeyOfEvent;
  }

  /**
   * A request on a known campaign's template (see crossTemplates) counts as that campaign's
   * only when a second tie corroborates it: the account's payment method, or the network
   * and client of this request, was used by an account detected on its own evidence. An
   * honest user who pastes a campaign's prompt from an unrelated network is not raised.
   */
  private corroborated(st: AccountState, ev: TelemetryEvent): boolean {
    if (st.payKey && (this.payIndex.get(st.payKey)?.flagged ?? 0) > 0) return true;
    const key = this.netKey(ev);
    return key !== '' && (this.netIndex.get(key)?.flagged ?? 0) > 0;
  }

  /** Register the network+client of a detected account's request (once per distinct key in a row). */
  private flagNetwork(st: AccountState, ev: TelemetryEvent): void {
    const key = this.netKey(ev);
    if (!key || key === st.flaggedNetKey) return;
    st.flaggedNetKey = key;
    this.netIndex.flag(key, st.idx, st.ownScore);
  }

  /** An account reached throttle on its own evidence: its templates and payment method become known. */
  private flagAccount(st: AccountState): void {
    st.flagged = true;
    // Its heavy-hitter template keys include the opening frames the index holds.
    const { keys, counts } = st.templates;
    for (let i = 0; i < keys.length; i++) if (counts[i]! > 0 && this.templateIndex.get(keys[i]!)) this.templateIndex.flag(keys[i]!, st.idx, st.ownScore);
    if (st.payKey) this.payIndex.flag(st.payKey, st.idx, st.ownScore);
  }

  /** The current verdict of an account (allow with score 0 when unknown). */
  verdict(account: string): Verdict {
    const st = this.accounts.get(account);
    if (!st) return { account, score: 0, level: 'allow', reasons: [], cluster: null, updatedAt: 0 };
    return this.build(st);
  }

  /** Every account's current verdict, in first-seen order. */
  verdicts(): Verdict[] {
    return this.byIdx.map((st) => this.build(st));
  }

  /** Every cluster of two or more accounts, by id. */
  clusters(): ClusterReport[] {
    return this.clusterSets
      .all()
      .filter((c) => c.members.length >= 2)
      .map((c) => ({
        id: c.id,
        accounts: c.members.map((m) => this.byIdx[m]!.id).sort(),
        reasons: this.clusterReasons(c),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Approximate bytes of detector state (accounts, clusters, indexes). */
  stateBytes(): number {
    let b = 0;
    for (const st of this.byIdx) b += st.bytes() + 64;
    for (const c of this.clusterSets.all()) b += 1200 + c.members.length * 8;
    b += (this.templateIndex.size + this.netIndex.size + this.payIndex.size + this.timingIndex.size) * 80;
    return b;
  }

  private state(id: string): AccountState {
    let st = this.accounts.get(id);
    if (!st) {
      st = new AccountState(id, this.byIdx.length);
      this.accounts.set(id, st);
      this.byIdx.push(st);
      this.clusterSets.add(st.idx);
    }
    return st;
  }

  /**
   * Frames (head/tail) already sent by other accounts; suspect requests propose template
   * links. Sets tplShared (the frame was first sent by another account) and tplLink (the
   * account to join, or -1); returns the known campaign entry this frame belongs to, if any
   * (valid until the template index's next touch).
   */
  private crossTemplates(st: AccountState, f: EventFeatures, tplHit: boolean): KnownEntry | undefined {
    this.tplShared = false;
    this.tplLink = -1;
    if (f.keys.headWords < 5) return undefined;
    // Only the opening frame links accounts: a closing frame of a short prompt is mostly a
    // common ask ("… explain step by step") plus a couple of content words, and collides
    // between honest users; it still counts as reuse within one account.
    const key = f.keys.head;
    if (key === 0) return undefined;
    const prev = this.templateIndex.touch(key, st.idx, !tplHit);
    if (st.flagged && !tplHit) this.templateIndex.flag(key, st.idx, st.ownScore);
    // The account that opened a frame does not count as sharing it, even once others send it:
    // counting it (so a campaign's first member inherits its cluster) raised honest
    // organisation members who first sent their organisation's template (held-out seeds
    // 101, 103 and 105: three nat-org accounts to throttle).
    if (!prev || prev.first === st.idx) return undefined;
    this.tplShared = true;
    // Both ends must be mostly suspect: a harvester that pastes a benchmark question shares
    // its opening words with the honest users who asked the same question, not a template.
    const first = this.byIdx[prev.first]!;
    // …and the frame must have been sent again by someone (uses > accounts): a frame every
    // sender used once is one question asked twice, not a template.
    if (f.suspect && prev.uses > prev.accounts && prev.accounts < this.cfg.templateLinkMaxAccounts && this.mostlySuspect(st) && this.mostlySuspect(first, 0)) {
      this.tplLink = prev.first;
    }
    // A known campaign's template: sent by three or more accounts detected on their own
    // evidence, who are at least half of everyone who sent it (a popular honest prompt that
    // one campaign also uses stays unknown).
    return !st.flagged && prev.flagged >= 3 && 2 * prev.flagged >= prev.accounts ? prev : undefined;
  }

  /**
   * Synchronized-timing links (timing.ts): when this request opens a new time bucket and
   * moves the account's MinHash bands, look each moved band up; an account met there whose
   * active buckets match this one's far beyond chance is joined. Returns whether a join happened.
   */
  private timingLinks(st: AccountState, ts: number): boolean {
    const bucket = Math.floor(ts / (this.cfg.timingBucketSeconds * 1000));
    const changed = st.timing.add(bucket);
    if (changed === 0 || st.timing.buckets < this.cfg.timingMinBuckets) return false;
    let joined = false;
    for (let b = 0; b < TIMING_BANDS; b++) {
      if ((changed & (1 << b)) === 0 && st.timing.buckets > this.cfg.timingMinBuckets) continue;
      const prev = this.timingIndex.touch(st.timing.bandKey(b), st.idx, true);
      if (!prev || prev.first === st.idx) continue;
      const other = this.byIdx[prev.first]!;
      if (this.clusterSets.find(other.idx) === this.clusterSets.find(st.idx)) continue;
      if (synchronized(st.timing, other.timing, this.syncRule)) {
        joined = this.join(st.idx, other.idx, 'timing') !== undefined || joined;
      }
    }
    return joined;
  }

  /**
   * A template link needs an account whose traffic is mostly suspect prompts (counting
   * `pending` requests not yet in its counters): an honest user who once pastes a popular
   * rating prompt is not linked.
   */
  private mostlySuspect(st: AccountState, pending = 1): boolean {
    const c = st.stats.c;
    return (c[F.suspect]! + pending) / (c[F.n]! + pending) >= 0.6;
  }

  private deltas(st: AccountState, ev: TelemetryEvent, f: EventFeatures, tplHit: boolean, tplShared: boolean, known: boolean): Deltas {
    const biasChanged = f.biasHash !== 0 && f.logprobs && f.biasHash !== st.lastBias;
    if (f.biasHash !== 0) st.lastBias = f.biasHash;
    let first = this.modelFirst.get(ev.model);
    if (first === undefined) {
      first = ev.ts;
      if (ev.model) this.modelFirst.set(ev.model, first);
    }
    const pivot = first - this.streamStart >= DAY && ev.ts - first <= this.cfg.newModelWindowHours * HOUR;
    return {
      f,
      ts: ev.ts,
      tplHit,
      tplShared,
      biasChanged,
      pivot,
      young: st.createdAt > 0 && ev.ts - st.createdAt < 7 * DAY,
      lowFriction: st.lowFriction,
      logGap: st.lastTs > 0 ? Math.log(Math.max(0, ev.ts - st.lastTs) / 1000 + 1) : Number.NaN,
      known,
    };
  }

  private join(a: number, b: number, kind: string): ClusterState | undefined {
    const bit = LINK[kind] ?? LINK.identity!;
    this.byIdx[a]!.links |= bit;
    this.byIdx[b]!.links |= bit;
    return this.clusterSets.union(a, b, kind, (i) => this.seed(i), this.halfLifeMs);
  }

  private seed(i: number): ClusterState {
    const st = this.byIdx[i]!;
    const cl = new ClusterState(clusterId(st.id));
    cl.stats.merge(st.stats, this.halfLifeMs);
    cl.members.push(i);
    cl.createdAt = st.createdAt;
    cl.firstTs = st.firstTs;
    cl.lastTs = st.lastTs;
    cl.memberItems = st.stats.distinctItems();
    return cl;
  }

  private clusterReasons(cl: ClusterState): Reason[] {
    const ctx = this.clusterCtx(cl);
    return reasonsOf(assess(cl.stats, ctx, this.cfg), cl.stats, ctx);
  }

  /** The cluster's scoring context (the shared ScoreContext, valid until the next clusterCtx call). */
  private clusterCtx(cl: ClusterState): AssessContext {
    const ctx = this.clusterContext;
    ctx.createdAt = cl.createdAt;
    ctx.firstTs = cl.firstTs;
    ctx.lastTs = cl.lastTs;
    ctx.coordination = cl.coordination();
    ctx.cluster = cl;
    return ctx;
  }

  /** The account's own scoring context (the shared ScoreContext, valid until the next ownCtx call). */
  private ownCtx(st: AccountState): AssessContext {
    const ctx = this.ownContext;
    ctx.createdAt = st.createdAt;
    ctx.firstTs = st.firstTs;
    ctx.lastTs = st.lastTs;
    return ctx;
  }

  /** Re-score a cluster; re-evaluate every member when it moved or grew, else only `only`. */
  private refreshCluster(cl: ClusterState, joined: boolean, only?: AccountState): Verdict[] {
    cl.score = assessScore(cl.stats, this.clusterCtx(cl), this.cfg);
    const moved = Math.abs(cl.score - cl.emittedScore) >= this.cfg.materialChange;
    const all = moved || (joined && cl.score >= this.cfg.levels.monitor / 2);
    const out: Verdict[] = [];
    if (all) {
      cl.emittedScore = cl.score;
      for (const m of cl.members) {
        const v = this.evaluate(this.byIdx[m]!, cl);
        if (v) out.push(v);
      }
    } else if (only) {
      const v = this.evaluate(only, cl);
      if (v) out.push(v);
    }
    return out;
  }

  /**
   * How much of its cluster's evidence a member inherits: the share of its requests that
   * were core-suspect *and* on the cluster's shared templates (what a hydra member sends from
   * its first request), or, when payment or identity tie it to the cluster, its share of
   * core-suspect requests. Network-linked members need the shared-suspect share too. An
   * honest user who shares a NAT, a card or a popular prompt with a campaign sends neither,
   * so the cluster cannot raise it.
   */
  private affinity(st: AccountState): number {
    const c = st.stats.c;
    const n = c[F.n]!;
    if (n < 1) return 0;
    // Shrunk toward 0 at small n (+2 prior): one shared suspect prompt is not yet a pattern.
    const suspect = c[F.suspect]! / (n + 2);
    const suspectShared = c[F.suspectShared]! / (n + 2);
    if (st.links & (LINK.payment! | LINK.identity!)) return suspect;
    if (st.links & STRONG_LINKS) return suspectShared;
    return Math.min(suspectShared, suspect);
  }

  /**
   * Evidence of a known campaign (issue 3: a hydra member is caught on its first requests
   * once its cluster is known): the mean score of the detected accounts behind the
   * campaign template this account sends, times the share of its requests that were on
   * such a template *and* tied to the campaign by payment or network (no shrinkage prior:
   * the tie is the corroboration).
   */
  private knownEvidence(st: AccountState): number {
    const c = st.stats.c;
    return c[F.n]! > 0 ? st.knownScore * (c[F.knownCampaign]! / c[F.n]!) : 0;
  }

  private scoreOf(st: AccountState, cl: ClusterState | undefined): number {
    const own = assessScore(st.stats, this.ownCtx(st), this.cfg);
    st.ownScore = own;
    const known = Math.max(own, this.knownEvidence(st));
    return cl ? Math.max(known, cl.score * this.affinity(st)) : known;
  }

  /** Re-score one account; returns its verdict when the level or score changed materially. */
  private evaluate(st: AccountState, cl: ClusterState | undefined): Verdict | undefined {
    const score = this.scoreOf(st, cl);
    if (!st.flagged && st.ownScore >= this.cfg.levels.throttle) this.flagAccount(st);
    const level = levelFor(score, st.level, this.cfg.levels);
    st.score = score;
    if (level === st.level && Math.abs(score - Math.max(0, st.emittedScore)) < this.cfg.materialChange) return undefined;
    st.level = level;
    st.emittedScore = score;
    return this.build(st);
  }

  private build(st: AccountState): Verdict {
    const cl = this.clusterSets.of(st.idx);
    const ctx = this.ownCtx(st);
    const own = assess(st.stats, ctx, this.cfg);
    const reasons = reasonsOf(own, st.stats, ctx);
    const known = this.knownEvidence(st);
    if (known > own.score + 0.01) {
      const c = st.stats.c;
      reasons.unshift({
        code: 'cluster_evidence',
        weight: Math.round(known * 100) / 100,
        detail: `${Math.round((100 * c[F.knownCampaign]!) / c[F.n]!)}% of ${int(c[F.n]!)} requests use a template that ${st.knownBy} accounts detected on their own evidence also sent (their mean score ${st.knownScore.toFixed(2)}), from a payment method or network and client such accounts used`,
      });
    }
    if (cl && cl.members.length >= 2) {
      const inherited = cl.score * this.affinity(st);
      if (inherited > Math.max(own.score, known) + 0.01) {
        const top = this.clusterReasons(cl).slice(0, 3);
        reasons.unshift({
          code: 'cluster_evidence',
          weight: Math.round(inherited * 100) / 100,
          detail: `member of ${cl.id} (cluster score ${cl.score.toFixed(2)}): ${top.map((r) => r.detail).join('; ')}`,
        });
      }
    }
    return {
      account: st.id,
      score: Math.round(st.score * 1000) / 1000,
      level: st.level,
      reasons,
      cluster: cl && cl.members.length >= 2 ? cl.id : null,
      updatedAt: st.lastTs,
    };
  }
}
