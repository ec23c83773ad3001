/**
 * Per-account bounded state: decayed counters (Stats), a Misra–Gries heavy-hitter sketch
 * of template keys (Misra & Gries 1982), timing and verdict bookkeeping.
 */
import type { Level, Verdict } from '../telemetry/event.js';
import type { EventFeatures } from './features.js';
import { F, Stats } from './stats.js';
import { CoActivity } from './timing.js';

const SLOTS = 24;

/** Bits of AccountState.links. */
export const LINK: Record<string, number> = { payment: 1, identity: 2, template: 4, fingerprint: 8, network: 16, timing: 32 };
/** Links that say "same operator" on their own. */
export const STRONG_LINKS = LINK.payment! | LINK.identity! | LINK.template!;
const LOW_FRICTION = /educat|research|startup|credit|student|academic|trial|free/i;

/** Misra–Gries sketch of the template keys one account keeps sending. */
export class TemplateSketch {
  /** Signed, like TemplateKeys. */
  readonly keys = new Int32Array(SLOTS);
  readonly counts = new Uint16Array(SLOTS);

  /** Count one occurrence of `key`; returns whether it was already tracked. */
  add(key: number): boolean {
    const { keys, counts } = this;
    // Keys first (most slots hold another key); a slot whose count fell to 0 is free.
    for (let i = 0; i < SLOTS; i++) {
      if (keys[i] === key && counts[i]! > 0) {
        if (counts[i]! < 0xffff) counts[i]!++;
        return true;
      }
    }
    const free = counts.indexOf(0);
    if (free >= 0) {
      keys[free] = key;
      counts[free] = 1;
      return false;
    }
    for (let i = 0; i < SLOTS; i++) counts[i]!--;
    return false;
  }

  /** Templates seen at least `min` times. */
  heavy(min: number): number {
    let k = 0;
    for (let i = 0; i < SLOTS; i++) if (this.counts[i]! >= min) k++;
    return k;
  }
}

/** Everything the detector keeps about one account. */
export class AccountState {
  readonly stats = new Stats();
  readonly templates = new TemplateSketch();
  createdAt = 0;
  lowFriction = false;
  firstTs = 0;
  lastTs = 0;
  lastBias = 0;
  /** Cached HyperLogLog estimate of this account's distinct prompt items. */
  itemEstimate = 0;
  /** Kinds of links this account took part in directly (LINK bits). */
  links = 0;
  /** Active time buckets, for synchronized-timing links. */
  readonly timing = new CoActivity();
  /** Payment fingerprint from the account record ('' when none). */
  payKey = '';
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
  emittedScore = -1;
  verdict: Verdict | null = null;

  constructor(
    readonly id: string,
    readonly idx: number,
  ) {}

  /** Apply signup metadata. */
  setRecord(createdAt: number, route: string | undefined): void {
    if (createdAt > 0) this.createdAt = createdAt;
    this.lowFriction = route !== undefined && LOW_FRICTION.test(route);
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
    let b = 160 + (this.id.length + this.flaggedNetKey.length) * 2 + Stats.BYTES + SLOTS * 6 + 2 * 64 + CoActivity.BYTES;
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
  biasChanged: boolean;
  pivot: boolean;
  young: boolean;
  lowFriction: boolean;
  /** ln of the gap to this sender's previous request, seconds; NaN when none. */
  logGap: number;
  /** On a known campaign's template, from that campaign's payment method or network+client. */
  known: boolean;
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
  // A logprob request counts as suspect only when its logit_bias moved (a sweep step).
  const suspect = f.suspect || d.biasChanged;
  if (suspect) c[F.suspect]! += 1;
  if (suspect && d.tplShared) c[F.suspectShared]! += 1;
  if (d.tplHit) c[F.tplHit]! += 1;
  if (d.tplShared) c[F.tplShared]! += 1;
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
  if (f.multiSample) c[F.multiSample]! += 1;
  if (f.temp0) c[F.temp0]! += 1;
  if (f.highTemp) c[F.highTemp]! += 1;
  if (d.pivot) c[F.pivot]! += 1;
  if (f.usesTools) c[F.tools]! += 1;
  if (d.young) c[F.young]! += 1;
  if (d.lowFriction) c[F.lowFrictionRoute]! += 1;
  if (!Number.isNaN(d.logGap)) {
    c[F.gaps]! += 1;
    c[F.logGapSum]! += d.logGap;
    c[F.logGapSq]! += d.logGap * d.logGap;
  }
  c[F.hours + (Math.floor(d.ts / 3_600_000) % 24)]! += 1;
  return s.addItem(f.keys.item);
}
