/**
 * Cross-partition cluster evidence for live detector partitions (issue 18). A partition's
 * detector sees only its own accounts' events, so a campaign whose accounts hash to
 * different partitions would be N small clusters instead of one. Each partition therefore
 * publishes, for its own accounts, what a single detector would use across accounts
 * (detect/evidence.ts):
 *
 * - **touches**: a link key its account touched — a template frame (only requests that ask
 *   for reasoning, grades, data or a harvest-length answer, from accounts at least two
 *   requests old and mostly suspect: the touching side's gates of a template link), a
 *   request shape + client + signup window and a network + client digest (the detector
 *   touches those indexes only for accounts that passed their gates), a timing band (of
 *   mostly suspect accounts: a timing link raises no one else). Each (kind, key, account)
 *   once;
 * - **account copies**: the counters, distinct-item sketch, times and timing sketch of every
 *   account that published a touch, before its first touch, before each later touch, and
 *   at most every `copyMs` while it keeps sending.
 *
 * Every other partition applies them in stream order with Detector.addEvidence (the key
 * goes into its own index, and its own gates decide a link) and Detector.setRemote (the
 * remote member's counters in its clusters' sums), so a cluster split across partitions
 * is linked, and scored on all its members' evidence, in every partition that owns one of
 * them. Hashed keys only: no prompt text, address or client string leaves a partition.
 *
 * Delivery rides on the events stream (`<stream>.evidence.<slot bits of the partition>`,
 * read by the same durable consumer, telemetry/slot.ts), so a partition's snapshot covers
 * evidence and events at one stream sequence. Idempotent: a touch already applied (a
 * partition that restarted from an older snapshot publishes its touches again) is
 * recognised by its id in a bounded ring that rides in the snapshot; an account copy older
 * than the one held is ignored. The sender's sent-touch ring rides in its snapshot too, and
 * the partition acknowledges its input only once JetStream has acknowledged the evidence it
 * derived from it (service.ts).
 */
import type { AccountState } from '../../detect/account.js';
import type { Detector } from '../../detect/detector.js';
import type { EvidenceKind, RemoteAccount, RemoteTouch } from '../../detect/evidence.js';
import { remoteAccountOf } from '../../detect/evidence.js';
import type { IndexListener } from '../../detect/listener.js';
import { F } from '../../detect/stats.js';
import { fnv1a } from '../../hash/fnv.js';
import type { Verdict } from '../../telemetry/event.js';

/** Settings of one partition's exchange. */
export interface ExchangeOptions {
  index: number;
  count: number;
  /** Hand one batch for partition `to` to the transport (in call order). */
  send(to: number, body: Buffer): void;
  /** Whether this partition owns `account` (evidence about its own accounts is ignored). */
  owns(account: string): boolean;
  /** Send copies of a sending account at most this often (ms). */
  copyMs: number;
  /** Remote accounts held in the detector at most (evidence about others is dropped and counted). */
  maxRemote: number;
  /** Own accounts whose evidence is published at most. */
  maxMembers: number;
  /** Touch ids remembered, sent and received (each a bounded ring). */
  ringSize: number;
}

/** Counters for /metrics (cumulative: they ride in the snapshot). */
export interface ExchangeStats {
  /** Records sent (touches and account copies, counted once per receiving partition). */
  sent: number;
  /** Records received and applied. */
  received: number;
  /** Touches received again (a restarted sender's) and skipped. */
  duplicates: number;
  /** Clusters joined by a link with a remote account at one end. */
  links: number;
  /** Records not sent or not applied because a bound was reached. */
  dropped: number;
}

/** One record on the wire: a touch, or an account copy (typed arrays as base64). */
type WireRecord =
  | { t: 'touch'; k: EvidenceKind; key: number | string; a: string }
  | {
      t: 'account';
      a: string;
      c: string;
      i: string;
      at: number;
      cr: number;
      ft: number;
      lt: number;
      tm: { d: string; b: number; f: number; l: number } | null;
      /** Distinct end users (absent from older peers). */
      eu?: number;
    };

/** What rides in a snapshot. */
export interface ExchangeState {
  sent: number[];
  seen: number[];
  members: Array<[string, number]>;
  stats: ExchangeStats;
}

/** Records per message (one account copy is about 1.3 KB of JSON). */
const BATCH = 200;

/** A 53-bit hash of a touch id (two FNV-1a passes): rings hold numbers, not strings. */
function touchId(kind: string, key: number | string, account: string): number {
  const s = `${kind}\u0000${key}\u0000${account}`;
  return fnv1a(s) * 2 ** 21 + (fnv1a(s, 0x2545f491) >>> 11);
}

/** A bounded set of the last `cap` numbers (a ring and a Set over it). */
class Ring {
  private readonly ring: Float64Array;
  private readonly set = new Set<number>();
  private next = 0;
  private full = false;

  constructor(private readonly cap: number) {
    this.ring = new Float64Array(cap);
  }

  has(x: number): boolean {
    return this.set.has(x);
  }

  add(x: number): void {
    if (this.full) this.set.delete(this.ring[this.next]!);
    this.ring[this.next] = x;
    this.set.add(x);
    this.next = (this.next + 1) % this.cap;
    if (this.next === 0) this.full = true;
  }

  /** Oldest first. */
  list(): number[] {
    const out: number[] = [];
    const start = this.full ? this.next : 0;
    const n = this.full ? this.cap : this.next;
    for (let i = 0; i < n; i++) out.push(this.ring[(start + i) % this.cap]!);
    return out;
  }
}

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

/** Bytes of a base64 string in a fresh (aligned) buffer. */
function unb64(s: string): ArrayBuffer {
  return Uint8Array.from(Buffer.from(s, 'base64')).buffer;
}

function wireAccount(st: AccountState): WireRecord {
  const r = remoteAccountOf(st);
  const tm = r.timing;
  return {
    t: 'account',
    a: st.id,
    // Counters travel as float64 (the wire format predates single-precision counters).
    c: b64(Float64Array.from(r.c)),
    i: b64(r.items),
    at: r.at,
    cr: r.createdAt,
    ft: r.firstTs,
    lt: r.lastTs,
    tm: tm ? { d: b64(tm.data), b: tm.buckets, f: tm.firstBucket, l: tm.lastBucket } : null,
    eu: r.endUsers ?? 0,
  };
}

function remoteAccount(r: Extract<WireRecord, { t: 'account' }>): RemoteAccount {
  return {
    c: Float32Array.from(new Float64Array(unb64(r.c))),
    items: new Uint8Array(unb64(r.i)),
    at: r.at,
    createdAt: r.cr,
    firstTs: r.ft,
    lastTs: r.lt,
    ...(typeof r.eu === 'number' && Number.isFinite(r.eu) && r.eu >= 0 ? { endUsers: r.eu } : {}),
    timing: r.tm
      ? {
          data: new Uint32Array(unb64(r.tm.d)),
          buckets: r.tm.b,
          firstBucket: r.tm.f,
          lastBucket: r.tm.l,
        }
      : null,
  };
}

/** One partition's side of the exchange: the detector's listener, the sender and the receiver. */
export class EvidenceExchange implements IndexListener {
  readonly stats: ExchangeStats = { sent: 0, received: 0, duplicates: 0, links: 0, dropped: 0 };
  private detector: Detector | undefined;
  private readonly sentIds: Ring;
  private readonly seenIds: Ring;
  /** Own accounts that published evidence → their detector index (copies follow them). */
  private readonly members = new Map<string, number>();
  private readonly dirty = new Set<string>();
  /** Touches of the event being ingested (all of one account: `touching`). */
  private readonly pending: RemoteTouch[] = [];
  private touching: AccountState | undefined;
  private out: WireRecord[] = [];
  private lastCopies = 0;

  constructor(private readonly opts: ExchangeOptions) {
    this.sentIds = new Ring(opts.ringSize);
    this.seenIds = new Ring(opts.ringSize);
  }

  /** Report `detector`'s index touches here (again after a snapshot detached it). */
  attach(detector: Detector): void {
    this.detector = detector;
    detector.listen(this);
  }

  template(key: number, st: AccountState, asks: boolean, harvest: boolean): void {
    // The touching side's gates of a template link (Detector.crossTemplates), and two
    // requests of history, so one honest question that asks does not publish an account.
    const d = this.detector!;
    if ((asks && st.stats.c[F.n]! >= 2 && d.mostlySuspect(st)) || (harvest && d.harvestSender(st)))
      this.touch('template', key, st);
  }

  shape(key: number, st: AccountState): void {
    this.touch('shape', key, st);
  }

  network(key: string, st: AccountState): void {
    this.touch('network', key, st);
  }

  timing(key: number, st: AccountState): void {
    if (this.detector!.mostlySuspect(st, 0)) this.touch('timing', key, st);
  }

  joined(a: AccountState, b: AccountState): void {
    if (a.remote || b.remote) this.stats.links++;
  }

  private touch(kind: EvidenceKind, key: number | string, st: AccountState): void {
    if (st.remote) return;
    const id = touchId(kind, key, st.id);
    if (this.sentIds.has(id)) return;
    if (!this.members.has(st.id) && this.members.size >= this.opts.maxMembers) {
      this.stats.dropped++;
      return;
    }
    this.sentIds.add(id);
    this.touching = st;
    this.pending.push({ kind, key, account: st.id });
  }

  /**
   * After the detector ingested an event of own account `account`: queue the touches it
   * made, behind a fresh copy of the account (the receivers' gates read it); otherwise
   * mark a publishing account's copy due.
   */
  afterIngest(account: string): void {
    const st = this.touching;
    if (st && this.pending.length) {
      this.members.set(st.id, st.idx);
      this.dirty.delete(st.id);
      this.out.push(wireAccount(st));
      for (const t of this.pending)
        this.out.push({ t: 'touch', k: t.kind, key: t.key, a: t.account });
      this.pending.length = 0;
      this.touching = undefined;
    } else if (this.members.has(account)) this.dirty.add(account);
  }

  /** Send what is queued, and the due copies when `copyMs` has passed (or `force`). */
  flush(now: number, force = false): void {
    if (this.dirty.size && (force || now - this.lastCopies >= this.opts.copyMs)) {
      this.lastCopies = now;
      const states = this.detector!.accountStates();
      for (const id of this.dirty) this.out.push(wireAccount(states[this.members.get(id)!]!));
      this.dirty.clear();
    }
    if (!this.out.length) return;
    const out = this.out;
    this.out = [];
    for (let i = 0; i < out.length; i += BATCH) {
      const r = out.slice(i, i + BATCH);
      const body = Buffer.from(JSON.stringify({ from: this.opts.index, of: this.opts.count, r }));
      for (let to = 0; to < this.opts.count; to++) {
        if (to === this.opts.index) continue;
        this.opts.send(to, body);
        this.stats.sent += r.length;
      }
    }
  }

  /** Apply one batch another partition sent; returns the verdicts it changed. */
  receive(body: Uint8Array): Verdict[] {
    const doc = JSON.parse(Buffer.from(body).toString('utf8')) as {
      from: number;
      of: number;
      r: WireRecord[];
    };
    // Another partition count's evidence (a stream replayed after re-partitioning) names other partitions.
    if (doc.of !== this.opts.count || doc.from === this.opts.index || !Array.isArray(doc.r))
      return [];
    const d = this.detector!;
    const out: Verdict[] = [];
    for (const r of doc.r) {
      if (this.opts.owns(r.a)) continue;
      if (!d.knows(r.a) && d.remoteCount() >= this.opts.maxRemote) {
        this.stats.dropped++;
        continue;
      }
      if (r.t === 'touch') {
        const id = touchId(r.k, r.key, r.a);
        if (this.seenIds.has(id)) {
          this.stats.duplicates++;
          continue;
        }
        this.seenIds.add(id);
        out.push(...d.addEvidence({ kind: r.k, key: r.key, account: r.a }));
      } else if (r.t === 'account') {
        out.push(...d.setRemote(r.a, remoteAccount(r)));
      } else continue;
      this.stats.received++;
    }
    return out;
  }

  /** What rides in the snapshot (call after flush: nothing may be queued). */
  save(): ExchangeState {
    return {
      sent: this.sentIds.list(),
      seen: this.seenIds.list(),
      members: [...this.members],
      stats: { ...this.stats },
    };
  }

  /** Resume from a snapshot; every publishing account's copy is sent again once. */
  restore(s: ExchangeState): void {
    for (const x of s.sent) this.sentIds.add(x);
    for (const x of s.seen) this.seenIds.add(x);
    for (const [id, idx] of s.members) {
      this.members.set(id, idx);
      this.dirty.add(id);
    }
    Object.assign(this.stats, s.stats);
  }
}
