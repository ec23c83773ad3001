/**
 * The detector: consumes telemetry events in timestamp order and keeps bounded per-account
 * and per-cluster state; emits verdicts when they change. Pure and deterministic: time
 * comes only from event timestamps, iteration orders are insertion orders.
 */
import {
  levelRank,
  type AccountRecord,
  type Reason,
  type TelemetryEvent,
  type Verdict,
} from '../telemetry/event.js';
import {
  AccountState,
  LINK,
  SIGNUP_LINKS,
  STRONG_LINKS,
  TemplateSketch,
  applyDeltas,
  type Deltas,
} from './account.js';
import { ClusterState, Clusters, clusterId, memberCoordination } from './cluster.js';
import type { DetectConfig } from './config.js';
import type { RemoteAccount, RemoteTouch } from './evidence.js';
import { featuresOf, headerOrderKey, netDigest, netKeyOf, type EventFeatures } from './features.js';
import { levelFor } from './levels.js';
import { FirstSeenIndex } from './links.js';
import {
  KIN_K,
  kinReason,
  kinScore,
  kinSweep as kinSweepOf,
  type KinInput,
  type Kinship,
} from './kin.js';
import type { IndexListener } from './listener.js';
import {
  assess,
  assessScore,
  evaluationShaped,
  evasive,
  namesEndUsers,
  rotationStrength,
  reasonsOf,
  type AssessContext,
} from './score.js';
import { standing } from './terms.js';
import { F, STATS_LEN, Stats, type Counters } from './stats.js';
import { HLL_REGISTERS } from './text.js';
import { int } from './describe.js';
import { TIMING_BANDS, synchronized, type SyncRule } from './timing.js';
import { fnv1a } from '../hash/fnv.js';
import { prefixOf } from '../net/ip.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Requests an account needs before it can join or found a signup cohort (cohortLink). */
const COHORT_MIN_REQUESTS = 8;
const HARVEST_LINK_MIN_REQUESTS = 20;
/** Accounts besides its first sender that must have sent a frame before an item over it counts as frameNewItem. */
const FRAME_FLEET = 3;
/** Distinct items per request a harvest-template link's end needs (harvestSender). */
const HARVEST_SENDER_NOVELTY = 0.6;
/**
 * Share of an account's requests that took a harvest (derivations, rationales, grades served,
 * or asks) for a proxy-cohort link: 40%, as a harness that also collects code and sends cover
 * chat through the same proxy does (tuning generator: 30–55% derivations and rationales).
 * A linked member keeps its cluster's evidence down to 30%.
 */
const PROXY_LINK_HARVEST = 0.4;
const PROXY_MEMBER_HARVEST = 0.3;
/** Requests a linked member sends before it inherits by its harvest share (Detector.affinity). */
const OPERATOR_MEMBER_MIN = 10;
/**
 * …and only from a cluster whose own traffic is a harvest (asks, derivations, grades or
 * rationales on a third of it; code solutions do not count): an organisation's employees on
 * one corporate card sum, across time zones, to work round the clock (tuning seed 1: 29 of
 * two organisations' members raised without this), which their chat does not share.
 */
const OPERATOR_CLUSTER_HARVEST = 0.3;
/** A shape- or template-linked member's harvest share over its cluster's from which it inherits (Detector.affinity). */
const LINKED_MEMBER_MATCH = 0.85;
/** Prefix lengths of the blocks whose novelty proxy_rotation also counts (newNet). */
const ROTATION_V4_BITS = 16;
const ROTATION_V6_BITS = 32;
/** Requests to other models an account needs before its traffic to a new model is a pivot. */
const PIVOT_PRIOR_REQUESTS = 10;

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
  substreamShare = 0;
  substreamN = 0;
  substreamByHarness = false;
  biasIds = 0;
  endUsers = 0;
  toolsets = 0;
  paid = false;
  windowDays = 14;
  sitting = 0;
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

/** Whether an account record says only a review may move the account above monitor. */
function reviewOnlyRecord(rec: AccountRecord): boolean {
  // `verified: true` in a log's account record, or the store's verification object.
  const v = rec.verified;
  return (
    v === true ||
    (v !== null && typeof v === 'object') ||
    (typeof rec.contract === 'string' && rec.contract !== '')
  );
}

/**
 * Whether most of an account's requests (60%) open no conversation: a harness sends items, a
 * person works through a problem in turns (shape and frame links need it at both ends).
 */
function mostlySingleTurn(c: Counters): boolean {
  return c[F.singleTurn]! >= 0.6 * c[F.n]!;
}

/** Take back what Detector.addLinks put on a shared context. */
function dropLinks(ctx: ScoreContext): void {
  ctx.coordination = 0;
  ctx.cluster = undefined;
}

/** See the module comment. */
export class Detector {
  private readonly accounts = new Map<string, AccountState>();
  private readonly byIdx: AccountState[] = [];
  private readonly clusterSets: Clusters;
  private readonly templateIndex: FirstSeenIndex<number>;
  /**
   * First sender of each prompt item (TemplateKeys.item), for frameNewItem. Per partition under
   * `--workers`: an item another partition's account sent first counts as new here.
   */
  private readonly itemIndex: FirstSeenIndex<number>;
  private readonly netIndex: FirstSeenIndex<string>;
  private readonly payIndex: FirstSeenIndex<string>;
  private readonly timingIndex: FirstSeenIndex<number>;
  /** First account per (request shape + client, signup window): who launched a harness first. */
  private readonly shapeIndex: FirstSeenIndex<number>;
  private readonly modelFirst = new Map<string, number>();
  /** crossTemplates' findings for the event being ingested (fields, not an object per event). */
  private tplShared = false;
  /** crossTemplates: the shared frame carried an item no other account had sent. */
  private frameNewItem = false;
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
  /** Event time of the last behavioural-kin sweep (kinSweep), 0 before the first event. */
  private lastKinSweep = 0;
  /** Event time between kin sweeps during ingest (cfg.kinSweepHours), 0 for none. */
  private readonly kinEveryMs: number;
  /** Accounts held as other partitions' copies (setRemote, addEvidence). */
  private remotes = 0;
  private listener: IndexListener | undefined;

  constructor(private readonly cfg: DetectConfig) {
    this.halfLifeMs = cfg.halfLifeHours * HOUR;
    this.kinEveryMs = cfg.kinSweepHours * HOUR;
    this.ownContext.windowDays = this.clusterContext.windowDays = (2 * cfg.halfLifeHours) / 24;
    this.syncRule = {
      minBuckets: cfg.timingMinBuckets,
      minJaccard: cfg.timingMinJaccard,
      chanceFactor: cfg.timingChanceFactor,
      minPeriods: cfg.timingMinHours,
      periodBuckets: Math.max(1, Math.round(3600 / cfg.timingBucketSeconds)),
    };
    this.clusterSets = new Clusters(cfg.maxClusterSize);
    this.templateIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.itemIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.netIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.payIndex = new FirstSeenIndex(cfg.templateIndexSize);
    this.timingIndex = new FirstSeenIndex(cfg.timingIndexSize);
    this.shapeIndex = new FirstSeenIndex(cfg.templateIndexSize);
  }

  /** Report this detector's cross-account index touches to `listener` (listener.ts; `moat analyze --workers`, issue 13; a live partition's evidence exchange, issue 18). */
  listen(listener: IndexListener | undefined): void {
    this.listener = listener;
  }

  /** Every account's state, in first-seen order (for reading: a partitioned run's merge, issue 13). */
  accountStates(): readonly AccountState[] {
    return this.byIdx;
  }

  /** The cluster of the account at index `idx`, or undefined while it is alone. */
  clusterOf(idx: number): ClusterState | undefined {
    return this.clusterSets.of(idx);
  }

  /** Signup metadata; links accounts sharing a payment fingerprint. */
  addAccount(rec: AccountRecord): void {
    const st = this.state(rec.id);
    st.setRecord(rec.createdAt, rec.route, rec.tier, reviewOnlyRecord(rec));
    st.payKey = rec.paymentFingerprint ?? '';
    if (rec.paymentFingerprint) {
      const prev = this.payIndex.touch(rec.paymentFingerprint, st.idx, true);
      if (prev && prev.first !== st.idx) this.join(st.idx, prev.first, 'payment');
    }
  }

  /** A link found elsewhere (identity module: same payment, client fingerprint, prefix+window). */
  addLink(a: string, b: string, kind: string, _detail: string): Verdict[] {
    if (a === b) return [];
    const k = /pay/i.test(kind)
      ? 'payment'
      : /finger|client/i.test(kind)
        ? 'fingerprint'
        : 'identity';
    const sa = this.state(a);
    const sb = this.state(b);
    const cl = this.join(sa.idx, sb.idx, k);
    return cl ? this.refreshCluster(cl, true) : [];
  }

  /**
   * Evidence another detector partition published (evidence.ts; issue 18): its account
   * touched a link key. The key goes into this detector's own index as a local touch does
   * in ingest, and the same gates decide a link, so the remote account is either the key's
   * first user here (local accounts that send it later link to it in ingest) or a later one
   * linked now. Returns the verdicts that changed.
   */
  addEvidence(t: RemoteTouch): Verdict[] {
    const st = this.remoteState(t.account);
    const other = st ? this.remoteLink(st, t) : undefined;
    if (!st || other === undefined) return [];
    const kind =
      t.kind === 'shape' && typeof t.key === 'number' && (t.key & 3) === 3 ? 'proxy' : t.kind;
    const cl = this.join(st.idx, other, kind);
    return cl ? this.refreshCluster(cl, true) : [];
  }

  /** The account a remote touch links `st` to under ingest's gates (the touching side's passed at its partition), if any. */
  private remoteLink(st: AccountState, t: RemoteTouch): number | undefined {
    const num = typeof t.key === 'number' ? t.key : 0;
    if (t.kind === 'network') {
      const prev =
        typeof t.key === 'string' && t.key ? this.netIndex.touch(t.key, st.idx, true) : undefined;
      return prev && prev.first !== st.idx ? prev.first : undefined;
    }
    if (num === 0) return undefined;
    const index =
      t.kind === 'template'
        ? this.templateIndex
        : t.kind === 'shape'
          ? this.shapeIndex
          : this.timingIndex;
    const prev = index.touch(num, st.idx, true);
    if (t.kind === 'shape' && (num & 3) === 3) {
      // proxyLink: the publisher sends only touches of rotating harvesters.
      const h = this.proxyTarget(st, num, prev ? prev.accounts + 1 : 1);
      return h >= 0 ? h : undefined;
    }
    if (t.kind === 'template') {
      // crossTemplates: the publisher sends only touches that passed its side's gates.
      if (prev && prev.first !== st.idx) {
        const other = this.byIdx[prev.first]!;
        if (
          prev.uses > prev.accounts &&
          prev.accounts < this.cfg.templateLinkMaxAccounts &&
          this.templateLinkable(st, 0) &&
          this.templateLinkable(other, 0)
        )
          return other.idx;
      }
      const h = this.harvestTemplateLink(st, num);
      return h >= 0 && this.clusterSets.find(h) !== this.clusterSets.find(st.idx) ? h : undefined;
    }
    if (!prev || prev.first === st.idx) return undefined;
    const other = this.byIdx[prev.first]!;
    if (this.clusterSets.find(other.idx) === this.clusterSets.find(st.idx)) return undefined;
    if (t.kind === 'shape') {
      const ok =
        (num & 1) === 1
          ? this.cohortGate(other, prev.accounts + 1)
          : this.shapeGate(other, prev.accounts);
      return ok ? other.idx : undefined;
    }
    return synchronized(st.timing, other.timing, this.syncRule) ? other.idx : undefined;
  }

  /**
   * Another partition's latest copy of one of its accounts (evidence.ts; issue 18): what
   * the gates of its links and the scores of its clusters read here. A cluster holding it
   * takes the difference (Stats.replace) and is re-scored; its members are re-evaluated
   * when it moved. An older copy than the one held, or an account with events of its own
   * here, is ignored. Returns the verdicts that changed.
   */
  setRemote(account: string, m: RemoteAccount): Verdict[] {
    const st = this.remoteState(account);
    if (!st || m.lastTs < st.lastTs || m.c.length !== STATS_LEN || m.items.length !== HLL_REGISTERS)
      return [];
    // The copy held already (a restarted partition sends its copies again).
    if (m.lastTs === st.lastTs && m.at === st.stats.at && m.c[F.n] === st.stats.c[F.n]) return [];
    const next = new Stats();
    next.c.set(m.c);
    next.items.set(m.items);
    next.at = m.at;
    const cl = this.clusterSets.of(st.idx);
    if (cl) {
      // replace() decays its arguments in place: st.stats is overwritten below anyway, and
      // `next` is what the account keeps, so it goes in as a copy.
      const added = new Stats();
      added.assign(next);
      cl.stats.replace(st.stats, added, this.halfLifeMs);
      cl.memberItems += next.distinctItems() - st.stats.distinctItems();
      if (m.endUsers !== undefined) cl.endUsers += m.endUsers - st.endUserCount;
      if (m.createdAt > 0)
        cl.createdAt = cl.createdAt > 0 ? Math.min(cl.createdAt, m.createdAt) : m.createdAt;
      if (m.firstTs > 0) cl.firstTs = cl.firstTs > 0 ? Math.min(cl.firstTs, m.firstTs) : m.firstTs;
      cl.lastTs = Math.max(cl.lastTs, m.lastTs);
    }
    st.stats.assign(next);
    st.itemEstimate = st.stats.distinctItems();
    if (m.endUsers !== undefined) st.endUserCount = m.endUsers;
    if (m.createdAt > 0) st.createdAt = m.createdAt;
    st.firstTs = m.firstTs;
    st.lastTs = m.lastTs;
    if (m.timing) st.timing.load(m.timing);
    return cl ? this.refreshCluster(cl, false) : [];
  }

  /** The state of a remote account (created on first sight); undefined for an account with events here. */
  private remoteState(account: string): AccountState | undefined {
    const known = this.accounts.get(account);
    if (known && !known.remote && known.firstTs > 0) return undefined;
    const st = known ?? this.state(account);
    if (!st.remote) {
      st.remote = true;
      this.remotes++;
    }
    return st;
  }

  /** Whether the detector holds any state for `account` (its own, or a remote copy). */
  knows(account: string): boolean {
    return this.accounts.has(account);
  }

  /** Accounts held as other partitions' copies (setRemote, addEvidence). */
  remoteCount(): number {
    return this.remotes;
  }

  /** Consume one event; returns the verdicts that changed (possibly several, for a cluster). */
  ingest(ev: TelemetryEvent): Verdict[] {
    if (this.streamStart === 0) this.streamStart = ev.ts;
    const st = this.state(ev.account);
    const f = featuresOf(ev);
    const tplHit = st.observeTemplates(f);
    const endUsersBefore = st.endUserCount;
    st.observeRequest(f);
    this.netEvent = undefined;
    const known = this.crossTemplates(st, f, tplHit);
    const shared = this.tplShared;
    const frameNew = this.frameNewItem;
    const onKnown = known !== undefined && this.corroborated(st, ev);
    if (onKnown) {
      st.knownScore = known.flaggedScore / known.flagged;
      st.knownBy = known.flagged;
    }
    const d = this.deltas(st, ev, f, tplHit, shared, frameNew, onKnown);
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
      cl.endUsers += st.endUserCount - endUsersBefore;
      cl.lastTs = Math.max(cl.lastTs, ev.ts);
      if (cl.firstTs === 0) cl.firstTs = ev.ts;
    }
    let joined = false;
    if (this.tplLink >= 0) joined = this.join(st.idx, this.tplLink, 'template') !== undefined;
    joined = this.timingLinks(st, ev.ts) || joined;
    joined = this.shapeLink(st, f) || joined;
    joined = this.proxyLink(st, ev) || joined;
    // A shared network + client alone never links: a campus NAT is full of honest users.
    // Only accounts already suspicious on their own evidence are joined through it.
    const netKey = st.ownScore >= this.cfg.levels.monitor ? this.netKey(ev) : '';
    if (netKey) {
      const prev = this.netIndex.touch(netKey, st.idx, true);
      this.listener?.network(netKey, st);
      if (prev && prev.first !== st.idx)
        joined = this.join(st.idx, prev.first, 'network') !== undefined || joined;
    }
    cl = this.clusterSets.of(st.idx);
    let out: Verdict[];
    if (cl) out = this.refreshCluster(cl, joined, st);
    else {
      const v = this.evaluate(st, undefined);
      out = v ? [v] : [];
    }
    if (st.flagged) this.flagNetwork(st, ev);
    if (this.kinEveryMs > 0 && ev.ts - this.lastKinSweep >= this.kinEveryMs) {
      if (this.lastKinSweep > 0) out = out.concat(this.kinSweep());
      this.lastKinSweep = ev.ts;
    }
    return out;
  }

  /** The network+client key (netKeyOf) of the event being ingested, computed at most once per event. */
  private netKey(ev: TelemetryEvent): string {
    if (this.netEvent !== ev) {
      this.netEvent = ev;
      this.netKeyOfEvent = netDigest(netKeyOf(ev, this.cfg.ipv4Prefix, this.cfg.ipv6Prefix));
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
    this.netIndex.flag(key, st.idx, Math.max(st.ownScore, st.score));
    this.listener?.network(key, st);
  }

  /** An account was detected (evaluate): its templates and payment method become known. */
  private flagAccount(st: AccountState): void {
    st.flagged = true;
    // Its heavy-hitter template keys include the opening frames the index holds.
    const t = st.templates;
    for (let i = 0; i < TemplateSketch.SLOTS; i++)
      if (t.count(i) > 0 && this.templateIndex.get(t.key(i)))
        this.templateIndex.flag(t.key(i), st.idx, Math.max(st.ownScore, st.score));
    if (st.payKey) this.payIndex.flag(st.payKey, st.idx, Math.max(st.ownScore, st.score));
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

  /**
   * Re-score every cluster and every member against it: the end of an offline run. A member is
   * re-scored on its own requests, or on all of its cluster's when that cluster's score moves
   * by `materialChange`; one that went quiet while its cluster's score crept up by less at a
   * time keeps an older level (a hydra member at 0.64 throttle while what it inherits is 0.66).
   * A partitioned run's merge (`--workers`) scores every member at the end, so this makes one
   * detector's verdicts the same. Returns the verdicts that changed.
   */
  settle(): Verdict[] {
    const out: Verdict[] = [];
    for (const cl of this.clusterSets.all()) {
      if (cl.members.length < 2) continue;
      this.scoreCluster(cl);
      out.push(...this.evaluateMembers(cl));
    }
    out.push(...this.kinSweep());
    return out;
  }

  /**
   * Behavioural kin (kin.ts): raise to throttle each quiet account most of whose nearest
   * accounts by behaviour were raised on their own or their cluster's evidence, and lower again
   * any that a previous sweep raised and this one does not. Returns the verdicts that changed.
   */
  kinSweep(): Verdict[] {
    const throttle = levelRank('throttle');
    const input: KinInput[] = this.byIdx.map((st) => {
      const raised = levelRank(st.level) >= throttle && !st.kinLifted;
      return { counters: st.stats.c, raised, candidate: !raised && !st.reviewOnly };
    });
    const found = new Map<number, Kinship>();
    for (const k of kinSweepOf(input)) found.set(k.account, k);
    const out: Verdict[] = [];
    for (const st of this.byIdx) {
      const k = found.get(st.idx);
      if (!k && !st.kinWith) continue;
      st.kinWith = k ? k.raised : null;
      const v = this.evaluate(st, this.clusterSets.of(st.idx));
      if (v) out.push(v);
    }
    return out;
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
    b +=
      (this.templateIndex.size +
        this.itemIndex.size +
        this.netIndex.size +
        this.payIndex.size +
        this.timingIndex.size +
        this.shapeIndex.size) *
      80;
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
  private crossTemplates(
    st: AccountState,
    f: EventFeatures,
    tplHit: boolean,
  ): KnownEntry | undefined {
    this.tplShared = false;
    this.frameNewItem = false;
    this.tplLink = -1;
    if (f.keys.headWords < 5) return undefined;
    // Only the opening frame links accounts: a closing frame of a short prompt is mostly a
    // common ask ("… explain step by step") plus a couple of content words, and collides
    // between honest users; it still counts as reuse within one account.
    const key = f.keys.head;
    if (key === 0) return undefined;
    // A template links on what it asks for (a derivation served alone is no shared template:
    // every benchmark harness's answers are derivations).
    const asks = f.intent.reasoning || f.intent.grader || f.intent.datagen || f.harvestLength;
    const prev = this.templateIndex.touch(key, st.idx, !tplHit);
    const item = this.itemIndex.touch(f.keys.item, st.idx, true);
    const itemNew = item === undefined || item.first === st.idx;
    this.listener?.template(key, st, asks, f.harvest);
    if (st.flagged && !tplHit)
      this.templateIndex.flag(key, st.idx, Math.max(st.ownScore, st.score));
    if (f.harvest) this.tplLink = this.harvestTemplateLink(st, key);
    // The account that opened a frame does not count as sharing it, even once others send it:
    // counting it (so a campaign's first member inherits its cluster) raised honest
    // organisation members who first sent their organisation's template (held-out seeds
    // 101, 103 and 105: three nat-org accounts to throttle).
    if (!prev || prev.first === st.idx) return undefined;
    this.tplShared = true;
    // A harness's frame over an item nobody else sent: what members of one campaign send
    // (one prompt frame, a split of the item list). A class sharing homework sends the same
    // items; people who happen to open alike send their own items in their own frames. The
    // frame must also have been sent by FRAME_FLEET other accounts before: held-out
    // researchers passed their frames among 2-6 accounts, campaigns' members theirs among 4-20+.
    this.frameNewItem = itemNew && prev.senders >= FRAME_FLEET;
    // Both ends must be mostly suspect: a harvester that pastes a benchmark question shares
    // its opening words with the honest users who asked the same question, not a template.
    const first = this.byIdx[prev.first]!;
    // …and the frame must have been sent again by someone (uses > accounts): a frame every
    // sender used once is one question asked twice, not a template.
    if (
      asks &&
      prev.uses > prev.accounts &&
      prev.accounts < this.cfg.templateLinkMaxAccounts &&
      this.templateLinkable(st) &&
      this.templateLinkable(first, 0)
    ) {
      this.tplLink = prev.first;
    }
    // A known campaign's template: sent by three or more accounts detected on their own
    // evidence, who are at least half of everyone who sent it (a popular honest prompt that
    // one campaign also uses stays unknown).
    return !st.flagged && prev.flagged >= 3 && 2 * prev.flagged >= prev.accounts ? prev : undefined;
  }

  /**
   * A harvest-template link (issue 13): the account this harvest sender joins on the frame
   * `key`, or -1. The frame's first harvest sender is recorded in the template index, so the
   * link does not depend on who opened the frame (an application or a student may have sent
   * it first); the next harvest sender joins it, once someone has reused the frame (uses >
   * accounts) and it is not common phrasing. A recorded sender that no longer qualifies is
   * replaced. A hydra that asks in plain words is linked so (tuning generator: low-and-slow
   * hydra 43 -> 61 and 46 -> 61 of 61; with 10 requests instead of 20 a student of a course
   * cohort was raised).
   */
  private harvestTemplateLink(st: AccountState, key: number): number {
    if (!this.harvestSender(st)) return -1;
    const index = this.templateIndex;
    const h = index.harvesterOf(key);
    if (h === st.idx) return -1;
    if (h < 0 || !this.harvestSender(this.byIdx[h]!)) {
      index.setHarvester(key, st.idx);
      return -1;
    }
    const e = index.get(key)!;
    return e.uses > e.accounts && e.accounts < this.cfg.templateLinkMaxAccounts ? h : -1;
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
      const key = st.timing.bandKey(b);
      const prev = this.timingIndex.touch(key, st.idx, true);
      this.listener?.timing(key, st);
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
   * Behavioural links (issue 13): accounts created in the same signup window that drive the
   * model with the same request shape and client (parameters and their values, turn
   * structure, User-Agent, header order — not the prompt's words) and whose traffic is
   * mostly harvest-suspect are one harness launched over many accounts. Ordinary users of
   * one SDK share a shape too, but not a signup window and a harvest on top of it.
   */
  private shapeLink(st: AccountState, f: EventFeatures): boolean {
    if (
      st.createdAt <= 0 ||
      st.stats.c[F.n]! < 3 ||
      !this.mostlyHarvest(st) ||
      !mostlySingleTurn(st.stats.c)
    )
      return false;
    const window = Math.imul(
      Math.floor(st.createdAt / (this.cfg.shapeWindowHours * HOUR)) + 1,
      0x9e3779b1,
    );
    // Shape keys are even, signup-cohort keys odd (one index, one exchange between partitions).
    const key = (f.shape ^ window) & ~1 || 2;
    const prev = this.shapeIndex.touch(key, st.idx, true);
    this.listener?.shape(key, st);
    let joined = false;
    if (prev && prev.first !== st.idx) {
      const other = this.byIdx[prev.first]!;
      if (
        this.shapeGate(other, prev.accounts) &&
        this.clusterSets.find(other.idx) !== this.clusterSets.find(st.idx)
      )
        joined = this.join(st.idx, other.idx, 'shape') !== undefined;
    }
    return this.cohortLink(st, f, window) || joined;
  }

  /**
   * Signup cohorts (issue 13): a harness run over accounts that each present a different SDK
   * and User-Agent still sends one request shape, and the accounts were opened together
   * (THREATS.md: signup waves through low-friction routes). Without the client a shape is
   * common, so it links only once `cohortMinAccounts` accounts of one signup window, each
   * with 8+ requests, nearly all harvest, sent it. A class that signs up together asks for
   * worked solutions too, but mixes its asks (mostlyHarvest).
   */
  private cohortLink(st: AccountState, f: EventFeatures, window: number): boolean {
    if (st.stats.c[F.n]! < COHORT_MIN_REQUESTS) return false;
    // Cohort keys end in binary 01, proxy-cohort keys in 11 (proxyLink).
    const key = ((f.harness ^ Math.imul(window, 0x85ebca6b)) & ~2) | 1;
    const fresh = st.cohortA !== key && st.cohortB !== key;
    if (fresh) {
      st.cohortB = st.cohortA;
      st.cohortA = key;
    }
    const prev = this.shapeIndex.touch(key, st.idx, fresh);
    this.listener?.shape(key, st);
    if (!prev || prev.first === st.idx) return false;
    const accounts = prev.accounts + (fresh ? 1 : 0);
    const other = this.byIdx[prev.first]!;
    if (
      !this.cohortGate(other, accounts) ||
      this.clusterSets.find(other.idx) === this.clusterSets.find(st.idx)
    )
      return false;
    return this.join(st.idx, other.idx, 'shape') !== undefined;
  }

  /**
   * Proxy cohorts (issue 13): accounts that each send from a rotating residential-proxy pool (a
   * new network prefix on nearly every request), over one TLS stack, and lean to harvest are
   * one operator's hydra (THREATS.md: traffic load-balanced over many accounts through proxy
   * networks and resellers). Nothing else need be shared: not a card, a signup window, a
   * prompt frame or an address. Honest users do not rotate so (a home, an office or a carrier
   * repeats its prefixes), so `cohortMinAccounts` such accounts on one stack link.
   */
  private proxyLink(st: AccountState, ev: TelemetryEvent): boolean {
    if (!this.rotatingHarvester(st)) return false;
    const stack =
      typeof ev.ja4 === 'string' && ev.ja4
        ? ev.ja4
        : (ev.userAgent ?? '') + '|' + headerOrderKey(ev.headerOrder);
    const key = fnv1a('proxy|' + stack) | 3;
    const fresh = st.proxyKey !== key;
    st.proxyKey = key;
    const prev = this.shapeIndex.touch(key, st.idx, fresh);
    this.listener?.shape(key, st);
    const h = this.proxyTarget(st, key, prev ? prev.accounts + (fresh ? 1 : 0) : 1);
    return h >= 0 && this.join(st.idx, h, 'proxy') !== undefined;
  }

  /**
   * The account a rotating harvester `st` on proxy-cohort key `key` (now sent by `accounts`
   * accounts) links to: the key's current rotating harvester, once `cohortMinAccounts` accounts
   * sent it. The first such account may be another campaign's, which stops rotating or
   * harvesting: `st` then takes its place (as harvest-template keys do), or -1.
   */
  private proxyTarget(st: AccountState, key: number, accounts: number): number {
    const h = this.shapeIndex.harvesterOf(key);
    if (h === st.idx) return -1;
    if (h < 0 || !this.rotatingHarvester(this.byIdx[h]!)) {
      this.shapeIndex.setHarvester(key, st.idx);
      return -1;
    }
    if (
      accounts < this.cfg.cohortMinAccounts ||
      accounts > this.cfg.templateLinkMaxAccounts ||
      this.clusterSets.find(h) === this.clusterSets.find(st.idx)
    )
      return -1;
    return h;
  }

  /**
   * An account sending from a rotating proxy pool (score.ts rotationStrength ≥ 0.5: 30% of its
   * requests from new networks, a new address every three requests or sooner) with 8+
   * requests, `share` of which took a harvest, and not an application serving named end users.
   */
  rotatingHarvester(st: AccountState, share = PROXY_LINK_HARVEST): boolean {
    const c = st.stats.c;
    const n = c[F.n]!;
    return (
      n >= COHORT_MIN_REQUESTS &&
      rotationStrength(c, n) >= 0.5 &&
      c[F.harvest]! >= share * n &&
      !namesEndUsers(c, n)
    );
  }

  /** Whether `first`, the first sender of a shape key sent by `accounts` accounts before, links. */
  private shapeGate(first: AccountState, accounts: number): boolean {
    return (
      accounts <= this.cfg.templateLinkMaxAccounts &&
      first.stats.c[F.n]! >= 3 &&
      this.mostlyHarvest(first) &&
      mostlySingleTurn(first.stats.c)
    );
  }

  /** Whether `first`, the first sender of a cohort key now sent by `accounts` accounts, links. */
  private cohortGate(first: AccountState, accounts: number): boolean {
    return (
      accounts >= this.cfg.cohortMinAccounts &&
      accounts <= this.cfg.templateLinkMaxAccounts &&
      first.stats.c[F.n]! >= COHORT_MIN_REQUESTS &&
      this.mostlyHarvest(first)
    );
  }

  /**
   * A harvest-template link's end (issue 13): 20+ requests, nearly all harvest (mostlyHarvest:
   * asked for in any words, or derivations served), and not an application that names its
   * end users (judged per person it serves), nor an evaluation harness (score.ts
   * evaluationShaped: a benchmark's answers are derivations, and labs share harness frames).
   * A low-and-slow hydra's members ask in plain words on their own cards, addresses and
   * schedules; what they share is the harness's prompt frames, reused across members.
   * It also wants new items (60% of its requests distinct).
   */
  harvestSender(st: AccountState): boolean {
    const c = st.stats.c;
    const n = c[F.n]!;
    return (
      n >= HARVEST_LINK_MIN_REQUESTS &&
      !st.reviewOnly && // nor the frame's harvest sender others join (join: no link)
      !namesEndUsers(c, n) &&
      this.mostlyHarvest(st) &&
      mostlySingleTurn(c) &&
      // A harvester wants new answers: a lab re-running a fixed item set at several
      // temperatures shares public benchmark questions' opening words with campaigns that
      // draw on the same benchmarks, but not their appetite for new items.
      this.novel(st) &&
      !evaluationShaped(c, n, this.ownCtx(st), this.cfg)
    );
  }

  /**
   * Whether nearly all of an account's requests carry core evidence of any kind (asks or
   * derivations served): 80%. People, a class of students included, mix their asks: at 60% a
   * course cohort was linked into a hydra's cluster (tuning seed 2, issue 13); a hydra that
   * mixes 15% ordinary chat in as cover stays above it.
   */
  private mostlyHarvest(st: AccountState): boolean {
    const c = st.stats.c;
    return c[F.harvest]! / c[F.n]! >= 0.8;
  }

  /**
   * An end of an ask-template link: mostly suspect asks, and mostly new items once it has sent
   * 10 requests (a lab re-running a fixed benchmark set at several temperatures shares a
   * campaign's public questions and chain-of-thought frames, not its appetite for new items).
   */
  templateLinkable(st: AccountState, pending = 1): boolean {
    const n = st.stats.c[F.n]!;
    return (
      !st.reviewOnly && // (join: no link)
      this.mostlySuspect(st, pending) &&
      (n < 10 || (this.novel(st) && mostlySingleTurn(st.stats.c)))
    );
  }

  /**
   * Whether a member's harvest link still holds: a shape link, or a template link while the
   * account still wants new items (a lab re-running its fixed set of public benchmark
   * questions was linked on their opening words while its first pass was new).
   */
  private harvestLinked(st: AccountState): boolean {
    return (st.links & LINK.shape!) !== 0 || ((st.links & LINK.template!) !== 0 && this.novel(st));
  }

  /** Whether 60% or more of an account's requests were distinct items (a harvester wants new answers). */
  private novel(st: AccountState): boolean {
    return st.stats.distinctItems() >= HARVEST_SENDER_NOVELTY * st.stats.c[F.n]!;
  }

  /**
   * A template link needs an account whose traffic is mostly suspect prompts (counting
   * `pending` requests not yet in its counters): an honest user who once pastes a popular
   * rating prompt is not linked.
   */
  mostlySuspect(st: AccountState, pending = 1): boolean {
    const c = st.stats.c;
    return (c[F.suspect]! + pending) / (c[F.n]! + pending) >= 0.6;
  }

  private deltas(
    st: AccountState,
    ev: TelemetryEvent,
    f: EventFeatures,
    tplHit: boolean,
    tplShared: boolean,
    frameNewItem: boolean,
    known: boolean,
  ): Deltas {
    // A step of a logit_bias sweep (Carlini et al. 2024): the bias moved, and over time it has
    // named more token ids than any fixed label set (with or without logprobs: the sampled
    // token alone leaks the logit ordering).
    const biasChanged =
      f.biasHash !== 0 &&
      f.biasHash !== st.lastBias &&
      st.lastBias !== 0 &&
      st.biasIdCount > this.cfg.labelSetTokens;
    // A search over bias values (Carlini et al. 2024, §5: without logprobs, a binary search on
    // the bias that makes a token the argmax recovers its logit): the same tokens as the last
    // request, another value — and not the one two requests ago either (a setting tried back
    // and forth). A classifier sets its labels' bias once.
    let biasSearch = false;
    if (f.biasHash !== 0) {
      biasSearch =
        st.lastBias !== 0 &&
        f.biasHash !== st.lastBias &&
        f.biasHash !== st.priorBias &&
        f.biasSet === st.lastBiasSet;
      if (f.biasHash !== st.lastBias) st.priorBias = st.lastBias;
      st.lastBias = f.biasHash;
      st.lastBiasSet = f.biasSet;
    }
    let first = this.modelFirst.get(ev.model);
    if (first === undefined) {
      first = ev.ts;
      if (ev.model) this.modelFirst.set(ev.model, first);
    }
    const toNewModel =
      first - this.streamStart >= DAY && ev.ts - first <= this.cfg.newModelWindowHours * HOUR;
    // A pivot moves traffic the account already sent to the new model ("one campaign moved
    // half its traffic to a newly released model within 24 hours", THREATS.md): it needs
    // requests to established models before. An account that wakes to try the new model
    // has none.
    const pivot = toNewModel && st.establishedRequests >= PIVOT_PRIOR_REQUESTS;
    if (!toNewModel) st.establishedRequests++;
    st.countRequest(ev.ts);
    return {
      f,
      ts: ev.ts,
      tplHit,
      tplShared,
      frameNewItem,
      biasChanged,
      biasSearch,
      pivot,
      young: st.createdAt > 0 && ev.ts - st.createdAt < 7 * DAY,
      lowFriction: st.lowFriction,
      logGap: st.lastTs > 0 ? Math.log(Math.max(0, ev.ts - st.lastTs) / 1000 + 1) : Number.NaN,
      known,
      newNet: this.newNet(st, ev),
    };
  }

  /**
   * Whether the event's network (/24, /48: the linking prefix) is new to the account
   * (AccountState.newNetwork): 0 no (or no address), 1 a new network in a block (/16, /32: an
   * ISP's allocation) it had used, 2 in a new block too. A mobile carrier moves a phone between
   * networks of a few blocks; a residential-proxy pool's exits span the ISPs of many countries.
   */
  private newNet(st: AccountState, ev: TelemetryEvent): number {
    const ip = ev.ip;
    if (typeof ip !== 'string' || ip === st.lastIp) return 0;
    st.lastIp = ip;
    const prefix = prefixOf(ip, this.cfg.ipv4Prefix, this.cfg.ipv6Prefix);
    if (prefix === '' || !st.newNetwork(fnv1a(prefix))) return 0;
    const block = prefixOf(ip, ROTATION_V4_BITS, ROTATION_V6_BITS);
    return st.newNetwork(fnv1a(block) ^ 0x5bd1e995) ? 2 : 1;
  }

  private join(a: number, b: number, kind: string): ClusterState | undefined {
    // A verified or contracted account is no link: its contract names its operator, and its
    // verdict goes to review. Linked, it passed a campaign's evidence to the accounts tied to
    // it — blind8's university students, on its frames and their campus NAT (seeds 1-3: 98 -> 71
    // false positives, 8 of 990 attack accounts fewer).
    if (this.byIdx[a]!.reviewOnly || this.byIdx[b]!.reviewOnly) return undefined;
    const bit = LINK[kind] ?? LINK.identity!;
    this.byIdx[a]!.links |= bit;
    this.byIdx[b]!.links |= bit;
    const cl = this.clusterSets.union(a, b, kind, (i) => this.seed(i), this.halfLifeMs);
    if (cl) this.listener?.joined?.(this.byIdx[a]!, this.byIdx[b]!, kind);
    return cl;
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
    cl.endUsers = st.endUserCount;
    return cl;
  }

  /** A cluster's reasons (its Stats scored in its cluster context). */
  clusterReasons(cl: ClusterState): Reason[] {
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
    ctx.substreamShare = ctx.substreamN = ctx.biasIds = ctx.toolsets = ctx.sitting = 0;
    ctx.substreamByHarness = false;
    // Applications linked into one cluster are judged per person they serve, as each alone is
    // (two tutoring apps on one SDK, signed up the same week, were shape-linked and the
    // cluster judged as one sender: tuning seed 110, 1M events, 5 of 22 edtech apps raised).
    ctx.endUsers = cl.endUsers;
    ctx.paid = false;
    return ctx;
  }

  /** The account's own scoring context (the shared ScoreContext, valid until the next ownCtx call). */
  private ownCtx(st: AccountState): ScoreContext {
    const ctx = this.ownContext;
    ctx.createdAt = st.createdAt;
    ctx.firstTs = st.firstTs;
    ctx.lastTs = st.lastTs;
    const c = st.stats.c;
    st.substreams.worst(12, c[F.n]!, 0.7);
    ctx.substreamShare = st.substreams.share;
    ctx.substreamN = st.substreams.size;
    ctx.substreamByHarness = false;
    // A harvest slipped into an application under its system prompt, with a new end-user id
    // each time, forms no end-user sub-stream; it calls the model its own way (issue 13:
    // dilution). Only for an account mostly not harvest: a researcher who keeps one setting
    // for reasoning tasks beside chat was raised on blind seed 1 when this was not.
    st.harnessStreams.worst(12, c[F.n]!, 0.7);
    if (st.harnessStreams.share > ctx.substreamShare && c[F.harvest]! <= 0.5 * c[F.n]!) {
      ctx.substreamShare = st.harnessStreams.share;
      ctx.substreamN = st.harnessStreams.size;
      ctx.substreamByHarness = true;
    }
    ctx.biasIds = st.biasIdCount;
    ctx.endUsers = st.endUserCount;
    ctx.toolsets = st.toolsetCount;
    ctx.paid = st.paidTier;
    ctx.sitting = st.sittingShare();
    return ctx;
  }

  /** Set a cluster's score from its Stats and link kinds (also for clusters a partitioned run merges, issue 13). */
  scoreCluster(cl: ClusterState): void {
    cl.score = assessScore(cl.stats, this.clusterCtx(cl), this.cfg);
    if (cl.overlapping()) cl.score *= 0.5;
  }

  /** Re-score a cluster; re-evaluate every member when it moved or grew, else only `only`. */
  private refreshCluster(cl: ClusterState, joined: boolean, only?: AccountState): Verdict[] {
    this.scoreCluster(cl);
    const moved = Math.abs(cl.score - cl.emittedScore) >= this.cfg.materialChange;
    const all = moved || (joined && cl.score >= this.cfg.levels.monitor / 2);
    if (all) return this.evaluateMembers(cl);
    const v = only && this.evaluate(only, cl);
    return v ? [v] : [];
  }

  /** Re-evaluate every member of a scored cluster; the verdicts that changed. */
  private evaluateMembers(cl: ClusterState): Verdict[] {
    cl.emittedScore = cl.score;
    const out: Verdict[] = [];
    for (const m of cl.members) {
      const v = this.evaluate(this.byIdx[m]!, cl);
      if (v) out.push(v);
    }
    return out;
  }

  /**
   * How much of its cluster's evidence a member inherits: the share of its requests that
   * were core-suspect *and* on the cluster's shared templates (what a hydra member sends from
   * its first request), or, when payment, identity or a shape link tie it to the cluster, its share of
   * core-suspect requests. Network-linked members need the shared-suspect share too. An
   * honest user who shares a NAT, a card or a popular prompt with a campaign sends neither,
   * so the cluster cannot raise it.
   */
  affinity(st: AccountState, cl?: ClusterState): number {
    const c = st.stats.c;
    const n = c[F.n]!;
    if (n < 1) return 0;
    // Shrunk toward 0 at small n (+2 prior): one shared suspect prompt is not yet a pattern.
    const suspect = c[F.suspect]! / (n + 2);
    const suspectShared = c[F.suspectShared]! / (n + 2);
    // A shape link, and a template link between harvest senders, join accounts whose traffic
    // is nearly all harvest, asked for or not (a reworded or plain-worded hydra asks in no
    // words anyone lists): derivations served count too — while the member still is. One
    // linked on a streak of worked solutions (a student on the SDK and signup window a
    // hydra also used) that has since mixed its asks inherits only as far as its share still
    // matches its cluster's (below). A template-linked member also still wants new items
    // (harvestLinked).
    if (this.mostlyHarvest(st) && this.harvestLinked(st))
      return Math.max(suspect, c[F.harvest]! / (n + 2));
    // Payment and identity links already say "same operator"; so does a template link, which
    // joins only accounts mostly suspect at both ends (the account that opened the template,
    // which shares it with no one earlier, is one of them).
    if (st.links & (STRONG_LINKS | LINK.shape!)) {
      // A member tied to the operator by its card or its signup evidence, whose traffic is the
      // cluster's kind of traffic, is the cluster's: it inherits in the measure its harvest share
      // (derivations served, in any words) matches the cluster's. A hydra that rewords every
      // ask and covers with chat asks in no listed words, so `suspect` left a card's members at
      // their own diluted evidence (blind2 seed 1: 31 accounts on shared cards, the cluster at
      // throttle, 30 members at monitor). A bystander on the card who chats inherits little.
      // A shape link (one harness's request shape from one signup window) and a harvest-template
      // link were made while the member was nearly all harvest; one that covers with chat since
      // (a quarter of its requests) still inherits, while its share stays within
      // LINKED_MEMBER_MATCH of the cluster's (blind5 seed 1: 14 hydra members at 66-76% harvest
      // in a 73% cluster; blind4 seed 1: 8 aged dormant accounts at 77-78% in an 85% one). A
      // student linked on a streak of worked answers who mixes its asks does not (tuning seed 1:
      // a course-cohort member at 64% beside a 90% cluster), nor a researcher linked on public
      // benchmark frames (held-out seed 1: two at 45-55% beside a 90% cluster, raised when any
      // share passed), nor one re-running a fixed item set (blind seeds 2-3: nine, without
      // harvestLinked's `novel`). The cost, measured: docs/evaluation/REPORT.md, seventh session.
      if (cl && n >= OPERATOR_MEMBER_MIN) {
        const own = c[F.harvest]! / (n + 2);
        const theirs = cl.stats.c[F.harvest]! / cl.stats.c[F.n]!;
        const match = Math.min(1, own / theirs);
        if (
          theirs >= OPERATOR_CLUSTER_HARVEST &&
          (st.links & SIGNUP_LINKS || (match >= LINKED_MEMBER_MATCH && this.harvestLinked(st)))
        )
          return Math.max(suspect, match);
      }
      return suspect;
    }
    // A proxy cohort's member, while it still rotates and leans to harvest, is the operator's
    // traffic as a whole, its cover included (THREATS.md: "mixed with ordinary customer traffic
    // from the same proxy").
    if (st.links & LINK.proxy! && this.rotatingHarvester(st, PROXY_MEMBER_HARVEST)) return 1;
    return Math.min(suspectShared, suspect);
  }

  /**
   * Evidence of a known campaign (issue 3: a hydra member is caught on its first requests
   * once its cluster is known): the mean score of the detected accounts behind the
   * campaign template this account sends, times the share of its requests that were on
   * such a template *and* tied to the campaign by payment or network (no shrinkage prior:
   * the tie is the corroboration).
   */
  knownEvidence(st: AccountState): number {
    const c = st.stats.c;
    return c[F.n]! > 0 ? st.knownScore * (c[F.knownCampaign]! / c[F.n]!) : 0;
  }

  /** What a member inherits of its cluster's score (scoreOf's cluster term; a partitioned run's merge re-scores with it, issue 13). */
  inherited(st: AccountState, cl: ClusterState): number {
    const c = st.stats.c;
    const kept = evasive(c, c[F.n]!) ? 1 : standing(st.paidTier, st.createdAt, st.lastTs, this.cfg);
    return cl.score * this.affinity(st, cl) * kept;
  }

  /**
   * A linked member's own evidence amplified by the links it took part in (cluster
   * coordination, issue 13): what it was served is its own, how it was taken — over a card, an
   * identity, a proxy cohort shared with other accounts — is the cluster's. A hydra spreads
   * its volume so no member's economics stand out (THREATS.md: "linking accounts matters more
   * than any single threshold"), and a member that harvests only part of its traffic inherits
   * little of the cluster's score; this keeps the member's own core evidence and adds the
   * coordination it shows. 0 for an account without an operator link (memberCoordination): a
   * bystander who shares only a network with a campaign.
   */
  linkedScore(st: AccountState, cl: ClusterState): number {
    return this.linkedWith(this.ownCtx(st), st, cl);
  }

  /** linkedScore on the account's own context already filled (ownCtx), left as it was. */
  private linkedWith(ctx: ScoreContext, st: AccountState, cl: ClusterState): number {
    if (!this.addLinks(ctx, st, cl)) return 0;
    const score = assessScore(st.stats, ctx, this.cfg);
    dropLinks(ctx);
    return score;
  }

  /** Put the coordination the account's own links show on its context; false (untouched) without any. */
  private addLinks(ctx: ScoreContext, st: AccountState, cl: ClusterState | undefined): boolean {
    const strength = cl && cl.members.length >= 2 ? memberCoordination(st.links) : 0;
    if (strength === 0) return false;
    ctx.coordination = strength;
    ctx.cluster = cl;
    return true;
  }

  private scoreOf(st: AccountState, cl: ClusterState | undefined): number {
    const ctx = this.ownCtx(st);
    const own = assessScore(st.stats, ctx, this.cfg);
    st.ownScore = own;
    const known = Math.max(own, this.knownEvidence(st));
    // A member takes its inherited share of the cluster's score, or its own evidence
    // amplified by its links, whichever is higher.
    return cl ? Math.max(known, this.inherited(st, cl), this.linkedWith(ctx, st, cl)) : known;
  }

  /** The account's own assessment and reasons, with the coordination its links show when it is a linked member. */
  linkedReasons(
    st: AccountState,
    cl: ClusterState | undefined,
  ): { score: number; reasons: Reason[] } {
    const ctx = this.ownCtx(st);
    const linked = this.addLinks(ctx, st, cl);
    const a = assess(st.stats, ctx, this.cfg);
    const reasons = reasonsOf(a, st.stats, ctx);
    if (linked) dropLinks(ctx);
    return { score: a.score, reasons };
  }

  /** Re-score one account; returns its verdict when the level or score changed materially. */
  private evaluate(st: AccountState, cl: ClusterState | undefined): Verdict | undefined {
    const base = this.scoreOf(st, cl);
    const kin = st.kinWith ? kinScore(st.kinWith.length / KIN_K, this.cfg.levels.throttle) : 0;
    // A kin raise is never "detected" (flagAccount): it would vouch for its neighbours' keys.
    st.kinLifted = kin > base;
    const score = st.kinLifted ? kin : base;
    // Detected: on its own evidence, or through its cluster when its own traffic is mostly
    // suspect asks (a hydra member; not a bystander who shares a card or a network).
    const detected =
      st.ownScore >= this.cfg.levels.throttle ||
      (base >= this.cfg.levels.throttle && st.stats.c[F.n]! >= 5 && this.mostlySuspect(st, 0));
    if (!st.flagged && detected) {
      st.score = base;
      this.flagAccount(st);
    }
    let level = levelFor(score, st.level, this.cfg.levels);
    if (st.reviewOnly && levelRank(level) > levelRank('monitor')) level = 'monitor';
    st.score = score;
    // A verdict names its cluster: when clusters merge under another id, the members' verdicts
    // follow (else an analyst's campaign view splits one campaign by its members' stale ids).
    const shown = this.clusterSets.of(st.idx);
    const clusterId = shown && shown.members.length >= 2 ? shown.id : '';
    if (
      level === st.level &&
      clusterId === st.emittedCluster &&
      Math.abs(score - Math.max(0, st.emittedScore)) < this.cfg.materialChange
    )
      return undefined;
    st.level = level;
    st.emittedScore = score;
    st.emittedCluster = clusterId;
    return this.build(st);
  }

  private build(st: AccountState): Verdict {
    const cl = this.clusterSets.of(st.idx);
    const own = this.linkedReasons(st, cl);
    const reasons = own.reasons;
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
      const inherited = this.inherited(st, cl);
      if (inherited > Math.max(own.score, known) + 0.01) {
        const top = this.clusterReasons(cl).slice(0, 3);
        reasons.unshift({
          code: 'cluster_evidence',
          weight: Math.round(inherited * 100) / 100,
          detail: `member of ${cl.id} (cluster score ${cl.score.toFixed(2)}): ${top.map((r) => r.detail).join('; ')}`,
        });
      }
    }
    if (st.kinLifted && st.kinWith) {
      const raised = st.kinWith.map((i) => ({
        id: this.byIdx[i]!.id,
        score: this.byIdx[i]!.score,
      }));
      reasons.unshift(kinReason(st.score, st.kinWith.length / KIN_K, raised));
    }
    if (st.reviewOnly && st.score >= this.cfg.levels.throttle) {
      reasons.unshift({
        code: 'review_required',
        weight: Math.round(st.score * 100) / 100,
        detail: `verified or contracted account: held at monitor for an analyst's review instead of the automatic ladder (score ${st.score.toFixed(2)} would be ${levelFor(st.score, 'allow', this.cfg.levels)})`,
      });
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
