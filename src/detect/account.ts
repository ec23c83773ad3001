/**
 * Per-account bounded state: decayed counters (Stats), a Misra–Gries heavy-hitter sketch
 * of template keys (Misra & Gries 1982), timing and verdict bookkeeping.
 */
import type { Level, Verdict } from '../telemetry/event.js';
import type { EventFeatures } from './features.js';
import { F, Stats } from './stats.js';
import { CoActivity } from './timing.js';
import { hllAdd, hllCount } from './text.js';

const SLOTS = 24;

/** Bits of AccountState.links. */
export const LINK: Record<string, number> = {
  payment: 1,
  identity: 2,
  template: 4,
  fingerprint: 8,
  network: 16,
  timing: 32,
  shape: 64,
  proxy: 128,
};
/** Links that say "same operator" on their own. */
export const STRONG_LINKS = LINK.payment! | LINK.identity! | LINK.template!;
/** …of which those an account record or its signup evidence made (a card, the identity module). */
export const SIGNUP_LINKS = LINK.payment! | LINK.identity!;

const HOUR_MS = 3_600_000;
/** Requests an account sends before the share of them in its busiest hour counts (sittingShare). */
const SITTING_MIN_REQUESTS = 20;
/**
 * Hours an account's requests must span before its busiest hour is judged a sitting: in its
 * first hours every account's traffic is one sitting, a harvester's that goes on included (it
 * must be caught within its first 100 requests); one that goes on falls under half by then.
 */
const SITTING_SPAN_HOURS = 6;
const LOW_FRICTION = /educat|research|startup|credit|student|academic|trial|free/i;
const PAID = /enterprise|scale|business|team|pro\b|paid|contract/i;
/** A usage tier earned by spend ("tier-3" … "tier-5", OpenAI-style). */
const USAGE_TIER = /tier[-_ ]?([0-9])/i;

/** Whether a tier or signup route says the account is a paying, contracted or high-spend customer. */
export function paidStanding(tier: string | undefined, route: string | undefined): boolean {
  if ((tier && PAID.test(tier)) || (route && PAID.test(route))) return true;
  const m = tier ? USAGE_TIER.exec(tier) : null;
  return m !== null && Number(m[1]) >= 3;
}

/** Misra–Gries sketch of the template keys one account keeps sending. */
export class TemplateSketch {
  /**
   * Keys (signed, like TemplateKeys) in `w[at, at+SLOTS)`, their counts in the SLOTS words
   * after: the account's one slab (AccountState) at an offset, not views of it (a typed-array
   * view costs ~100 heap bytes, more than its words).
   */
  constructor(
    private readonly w = new Int32Array(TemplateSketch.WORDS),
    private readonly at = 0,
  ) {}

  /** Int32 words this sketch takes in a slab. */
  static readonly WORDS = 2 * SLOTS;
  static readonly SLOTS = SLOTS;

  /** Key of slot `i` (0 ≤ i < SLOTS). */
  key(i: number): number {
    return this.w[this.at + i]!;
  }

  /** Count of slot `i` (0: free). */
  count(i: number): number {
    return this.w[this.at + SLOTS + i]!;
  }

  /** Count one occurrence of `key`; returns whether it was already tracked. */
  add(key: number): boolean {
    const { w, at } = this;
    const c = at + SLOTS;
    // Keys first (most slots hold another key); a slot whose count fell to 0 is free.
    for (let i = 0; i < SLOTS; i++) {
      if (w[at + i] === key && w[c + i]! > 0) {
        if (w[c + i]! < 0xffff) w[c + i]!++;
        return true;
      }
    }
    for (let i = 0; i < SLOTS; i++) {
      if (w[c + i] === 0) {
        w[at + i] = key;
        w[c + i] = 1;
        return false;
      }
    }
    for (let i = 0; i < SLOTS; i++) w[c + i]!--;
    return false;
  }

  /** Templates seen at least `min` times. */
  heavy(min: number): number {
    let k = 0;
    for (let i = 0; i < SLOTS; i++) if (this.w[this.at + SLOTS + i]! >= min) k++;
    return k;
  }
}

const SUB_SLOTS = 4;

/**
 * The sub-streams of an account (system prompt × end user) that carried harvest-suspect
 * requests, each with its request count and how many of those were suspect. A slot is claimed
 * only by a suspect request (the one with the fewest requests gives way), then counts every
 * request of its key. An application with hundreds of end users keeps honest users out of the
 * table unless they are suspect, so a harvest by one or two insiders keeps its own share here
 * however much honest traffic surrounds it (a plain heavy-hitter sketch over all keys, such as
 * Misra–Gries, loses an insider holding 5% of the traffic among hundreds of users).
 */
export class SubStreams {
  /**
   * Keys in `w[at, at+SUB_SLOTS)`, then requests per slot, then suspect requests per slot:
   * the account's slab at an offset (AccountState), or a buffer of their own.
   */
  constructor(
    private readonly w = new Int32Array(SubStreams.WORDS),
    private readonly at = 0,
  ) {}

  /** Int32 words these slots take in a slab. */
  static readonly WORDS = 3 * SUB_SLOTS;

  /** Count one request of sub-stream `key`. */
  add(key: number, suspect: boolean): void {
    const { w, at } = this;
    const n = at + SUB_SLOTS;
    const bad = n + SUB_SLOTS;
    let low = 0;
    for (let i = 0; i < SUB_SLOTS; i++) {
      if (w[at + i] === key && w[n + i]! > 0) {
        w[n + i]! += 1;
        if (suspect) w[bad + i]! += 1;
        return;
      }
      if (w[n + i]! < w[n + low]!) low = i;
    }
    if (!suspect) return;
    w[at + low] = key;
    w[n + low] = 1;
    w[bad + low] = 1;
  }

  /** The result of the last worst(): the sub-stream's suspect share and size (0 when none). */
  share = 0;
  size = 0;

  /**
   * Find the most suspect sub-stream holding at least `min` requests and at most `maxShare` of
   * the account's `total` (a sub-stream that is the whole account adds nothing); its suspect
   * share and size go to `share` and `size` (0 when none). No allocation: runs per event.
   */
  worst(min: number, total: number, maxShare: number): void {
    const { w, at } = this;
    this.share = this.size = 0;
    for (let i = 0; i < SUB_SLOTS; i++) {
      const n = w[at + SUB_SLOTS + i]!;
      if (n < min || n > maxShare * total) continue;
      const share = w[at + 2 * SUB_SLOTS + i]! / n;
      if (this.size === 0 || share > this.share) {
        this.share = share;
        this.size = n;
      }
    }
  }

  /** The object (the slab's words are counted by AccountState). */
  static readonly BYTES = 64;
}

/** Words of an account's network-prefix set (AccountState.newNetwork): 512 bits, at the slab's end. */
const NET_WORDS = 16;
const NETS_AT = TemplateSketch.WORDS + SubStreams.WORDS + CoActivity.WORDS;

/** Everything the detector keeps about one account. */
export class AccountState {
  readonly stats = new Stats();
  /** The template sketch's, the sub-streams' and the timing sketch's words: one backing store. */
  private readonly slab = new Int32Array(
    TemplateSketch.WORDS + SubStreams.WORDS + CoActivity.WORDS + NET_WORDS + SubStreams.WORDS,
  );
  readonly templates = new TemplateSketch(this.slab, 0);
  readonly substreams = new SubStreams(this.slab, TemplateSketch.WORDS);
  /** Sub-streams by harness (features.ts harnessStream), at the slab's end. */
  readonly harnessStreams = new SubStreams(this.slab, NETS_AT + NET_WORDS);
  /** HyperLogLog of the token ids this account's logit_bias maps named, over its lifetime. */
  biasIds: Uint8Array | null = null;
  /** HyperLogLog of the end-user ids it sent. */
  endUsers: Uint8Array | null = null;
  /**
   * HyperLogLog of the tool sets its requests defined (allocated on the first one): a product's
   * agent runs in one environment, a trajectory harvest in many.
   */
  toolsets: Uint8Array | null = null;
  biasIdCount = 0;
  endUserCount = 0;
  toolsetCount = 0;
  /**
   * The networks (/24, /48) and blocks (/16, /32) this account sent from, as a 512-bit set of their hashes
   * (in the slab): a home, an office or a mobile carrier
   * repeats a handful; a rotating residential proxy gives a new one nearly every request.
   */
  private netsSet = 0;
  /** The address of the account's last request with one: a repeat is no new network (no parse). */
  lastIp = '';
  createdAt = 0;
  lowFriction = false;
  /** A paying customer by its tier or route (enterprise, pro, usage tier 3+) from the account record. */
  paidTier = false;
  /**
   * A verified organisation or a contract on record (`verified`, `contract` in the account
   * record, or POST …/verify): its verdict stops at monitor and goes to review instead of
   * the automatic ladder, because only a contract separates a licensed synthetic-data
   * customer from a distillation campaign.
   */
  reviewOnly = false;
  firstTs = 0;
  lastTs = 0;
  /** Requests to models that were not newly released when they were sent (a pivot moves these). */
  establishedRequests = 0;
  /**
   * Requests sent (counted, not decayed), the clock hour of the last one, the requests in that
   * hour and the most in any one hour: how much of the account's traffic came in one sitting
   * (Detector.sitting). Absent in snapshots from before they existed (read as 0).
   */
  private requests = 0;
  private hour = -1;
  private hourRequests = 0;
  private peakHour = 0;
  lastBias = 0;
  /** The logit_bias map before the last one that differed from it. */
  priorBias = 0;
  /** Order-free hash of the token ids its last logit_bias named (detector.ts deltas). */
  lastBiasSet = 0;
  /** Cached HyperLogLog estimate of this account's distinct prompt items. */
  itemEstimate = 0;
  /** Kinds of links this account took part in directly (LINK bits). */
  links = 0;
  /** Active time buckets, for synchronized-timing links. */
  readonly timing = new CoActivity(this.slab, TemplateSketch.WORDS + SubStreams.WORDS);
  /** Payment fingerprint from the account record ('' when none). */
  payKey = '';
  /** The last two signup-cohort keys this account touched (Detector.shapeLink), 0 when none. */
  cohortA = 0;
  cohortB = 0;
  /** The proxy-cohort key this account last touched (Detector.proxyLink), 0 when none. */
  proxyKey = 0;
  /**
   * Another detector partition's account, known here only by the evidence that partition
   * published (issue 18): its Stats are that partition's latest copy, never this one's events.
   */
  remote = false;
  /** Detected on its own evidence (own score at throttle or above) and registered as such. */
  flagged = false;
  /** The network+client key last registered for this flagged account ('' until one is). */
  flaggedNetKey = '';
  /** Mean own score of the detected accounts behind the known campaign template it last matched. */
  knownScore = 0;
  /** How many detected accounts had sent that template. */
  knownBy = 0;
  /** Verdict bookkeeping. */
  level: Level = 'allow';
  score = 0;
  /** Score on this account's own evidence alone (no cluster), at its last evaluation. */
  ownScore = 0;
  /**
   * Its nearest accounts by behaviour that were raised on their own evidence (account indexes,
   * nearest first), when the last kin sweep (kin.ts) raised it; null otherwise. Their number
   * over KIN_K is the share.
   */
  kinWith: number[] | null = null;
  /** Its last evaluation took the kin score (above its own and its cluster's). */
  kinLifted = false;
  emittedScore = -1;
  /** The cluster id its last verdict named ('' for none): a merge that renames it re-emits. */
  emittedCluster = '';
  verdict: Verdict | null = null;

  constructor(
    readonly id: string,
    readonly idx: number,
  ) {}

  /** Apply signup metadata. */
  setRecord(
    createdAt: number,
    route: string | undefined,
    tier?: string,
    reviewOnly?: boolean,
  ): void {
    if (createdAt > 0) this.createdAt = createdAt;
    this.lowFriction = route !== undefined && LOW_FRICTION.test(route);
    this.paidTier = paidStanding(tier, route);
    if (reviewOnly !== undefined) this.reviewOnly = reviewOnly;
  }

  /** Record the per-account sketches of one request: logit_bias token ids, end users, sub-stream. */
  observeRequest(f: EventFeatures): void {
    // Both sketches are allocated on first use: most accounts never send either.
    if (f.biasTokens.length) {
      const ids = (this.biasIds ??= new Uint8Array(32));
      let grew = false;
      for (let i = 0; i < f.biasTokens.length; i++)
        if (hllAdd(ids, f.biasTokens[i]!) >= 0) grew = true;
      if (grew) this.biasIdCount = hllCount(ids);
    }
    if (f.endUser !== 0) {
      const users = (this.endUsers ??= new Uint8Array(32));
      if (hllAdd(users, f.endUser) >= 0) this.endUserCount = hllCount(users);
    }
    if (f.toolset !== 0) {
      const sets = (this.toolsets ??= new Uint8Array(32));
      if (hllAdd(sets, f.toolset) >= 0) this.toolsetCount = hllCount(sets);
    }
    this.substreams.add(f.substream, f.harvest);
    if (f.harnessStream !== 0) this.harnessStreams.add(f.harnessStream, f.harvest);
  }

  /** Count a request sent at `ts` toward the busiest-hour tally (sittingShare). */
  countRequest(ts: number): void {
    const hour = Math.floor(ts / HOUR_MS);
    if (this.hour !== hour) {
      this.hour = hour;
      this.hourRequests = 0;
    }
    this.hourRequests++;
    this.requests = (this.requests || 0) + 1;
    if (this.hourRequests > (this.peakHour || 0)) this.peakHour = this.hourRequests;
  }

  /**
   * Share of this account's requests in its busiest clock hour (AssessContext.sitting); 0 under
   * SITTING_MIN_REQUESTS or before its requests span SITTING_SPAN_HOURS.
   */
  sittingShare(): number {
    return this.requests >= SITTING_MIN_REQUESTS &&
      this.lastTs - this.firstTs >= SITTING_SPAN_HOURS * HOUR_MS
      ? this.peakHour / this.requests
      : 0;
  }

  /**
   * Record the network prefix (its hash) of a request; whether the account had not used it
   * before. The set is cleared when half full, so a long-lived account's old addresses do not
   * hide a later rotation (a few addresses of its own count as new once more: noise).
   */
  newNetwork(prefixHash: number): boolean {
    const nets = this.slab;
    const bit = prefixHash & (NET_WORDS * 32 - 1);
    const w = NETS_AT + (bit >>> 5);
    const m = 1 << (bit & 31);
    if ((nets[w]! & m) !== 0) return false;
    if (this.netsSet >= NET_WORDS * 16) {
      nets.fill(0, NETS_AT, NETS_AT + NET_WORDS);
      this.netsSet = 0;
    }
    nets[w]! |= m;
    this.netsSet++;
    return true;
  }

  /** Template keys of a request not yet seen from this account; records them. Returns "seen before". */
  observeTemplates(f: EventFeatures): boolean {
    const k = f.keys;
    let hit = false;
    if (k.head !== 0) hit = this.templates.add(k.head) || hit;
    if (k.tail !== 0) hit = this.templates.add(k.tail) || hit;
    const bands = k.bands;
    for (let i = 0; i < bands.length; i++) hit = this.templates.add(bands[i]!) || hit;
    return hit;
  }

  /** Approximate heap bytes of this state. */
  bytes(): number {
    let b =
      224 +
      (this.id.length + this.flaggedNetKey.length) * 2 +
      Stats.BYTES +
      (TemplateSketch.WORDS + 2 * SubStreams.WORDS + NET_WORDS) * 4 +
      2 * 64 +
      CoActivity.BYTES +
      2 * SubStreams.BYTES +
      (this.biasIds ? 96 : 0) +
      (this.endUsers ? 96 : 0) +
      (this.toolsets ? 96 : 0) +
      (this.kinWith ? 16 + 8 * this.kinWith.length : 0);
    if (this.verdict) {
      b += 120;
      for (const r of this.verdict.reasons) b += 80 + r.detail.length * 2;
    }
    return b;
  }
}

/** Per-event deltas applied to an account's and its cluster's Stats. */
export interface Deltas {
  f: EventFeatures;
  ts: number;
  tplHit: boolean;
  tplShared: boolean;
  /** …with an item no other account had sent (Detector.crossTemplates). */
  frameNewItem: boolean;
  biasChanged: boolean;
  /** The bias moved to another value on the same tokens as the request before. */
  biasSearch: boolean;
  pivot: boolean;
  young: boolean;
  lowFriction: boolean;
  /** ln of the gap to this sender's previous request, seconds; NaN when none. */
  logGap: number;
  /** On a known campaign's template, from that campaign's payment method or network+client. */
  known: boolean;
  /** From a network the account had not used before: 0 no, 1 yes, 2 in a new /16 block too (Detector.newNet). */
  newNet: number;
}

/** Add one request's evidence to Stats; returns whether its distinct-item sketch grew. */
export function applyDeltas(s: Stats, d: Deltas, halfLifeMs: number): boolean {
  s.decayTo(d.ts, halfLifeMs);
  const c = s.c;
  const f = d.f;
  c[F.n]! += 1;
  if (f.singleTurn && !f.usesTools) c[F.singleTurn]! += 1;
  if (f.intent.reasoning) c[F.reasoning]! += 1;
  if (f.intent.grader) c[F.grader]! += 1;
  if (f.intent.datagen) c[F.datagen]! += 1;
  if (f.derivation) {
    c[F.derivation]! += 1;
    if (f.singleTurn && !f.usesTools) c[F.derivationSingle]! += 1;
  }
  if (f.reasoningTokens > 0) c[F.reasoningServed]! += 1;
  if (f.verdictAnswer) c[F.verdictAnswer]! += 1;
  if (f.gradeReport) c[F.gradeReport]! += 1;
  if (f.rationale) c[F.rationale]! += 1;
  if (f.harvest || d.biasChanged || d.biasSearch) c[F.harvest]! += 1;
  else if (f.solution) c[F.solution]! += 1;
  if (f.endUser !== 0) c[F.endUser]! += 1;
  if (d.newNet > 0) c[F.newNet]! += 1;
  if (d.newNet > 1) c[F.newBlock]! += 1;
  if (f.spoofed) c[F.spoofed]! += 1;
  // A logit_bias request counts as suspect only when it moved the bias to new tokens (a sweep step).
  const suspect = f.suspect || d.biasChanged || d.biasSearch;
  if (suspect) c[F.suspect]! += 1;
  if (suspect && d.tplShared) c[F.suspectShared]! += 1;
  if (d.tplHit) c[F.tplHit]! += 1;
  if (d.tplShared) c[F.tplShared]! += 1;
  if (d.frameNewItem) c[F.frameNewItem]! += 1;
  if (d.known) c[F.knownCampaign]! += 1;
  if (f.hasResponse) {
    c[F.withResponse]! += 1;
    if (f.longOutput) c[F.longOutput]! += 1;
    if (f.harvestLength) c[F.harvestLength]! += 1;
    if (f.capHit) c[F.capHit]! += 1;
    c[F.outTokens]! += f.outTokens;
    c[F.inTokens]! += f.inTokens;
  }
  if (f.logprobs) c[F.logprobs]! += 1;
  if (f.biasHash !== 0) c[F.logitBias]! += 1;
  if (d.biasChanged) c[F.biasChange]! += 1;
  if (d.biasSearch) c[F.biasSearch]! += 1;
  if (f.multiSample) c[F.multiSample]! += 1;
  if (f.temp0) c[F.temp0]! += 1;
  if (f.highTemp) c[F.highTemp]! += 1;
  if (d.pivot) c[F.pivot]! += 1;
  if (f.usesTools) c[F.tools]! += 1;
  if (f.episodeStart) c[F.episodes]! += 1;
  if (d.young) c[F.young]! += 1;
  if (d.lowFriction) c[F.lowFrictionRoute]! += 1;
  // The first request, or one 30+ minutes after the last, opens a session.
  if (Number.isNaN(d.logGap)) c[F.sessions]! += 1;
  else {
    if (d.logGap >= SESSION_LOG_GAP) c[F.sessions]! += 1;
    c[F.gaps]! += 1;
    c[F.logGapSum]! += d.logGap;
    c[F.logGapSq]! += d.logGap * d.logGap;
  }
  c[F.hours + (Math.floor(d.ts / 3_600_000) % 24)]! += 1;
  return s.addItem(f.keys.item);
}

/** A request 30 minutes or more after the previous one opens a session (logGap: ln(seconds + 1)). */
const SESSION_LOG_GAP = Math.log(30 * 60 + 1);
