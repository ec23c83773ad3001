/**
 * One detector partition as its own process (issue 18, `moat detector`): a durable
 * JetStream consumer filtered to the partition's slots (telemetry/slot.ts) feeds one
 * Detector; changed verdicts of the partition's own accounts go to the verdict outbox.
 *
 * Delivery is at least once and ingestion idempotent:
 * - messages are acknowledged only after a snapshot holding their effect is committed to
 *   PostgreSQL, so an acknowledged message is never needed again;
 * - the snapshot records the last stream sequence it holds; on start the consumer is
 *   re-created to deliver from the next one, in stream order, so a restarted partition
 *   reads exactly what its snapshot lacks (no replay of history, nothing counted twice);
 * - an event whose request id was already ingested (a publisher's retry outside
 *   JetStream's duplicate window) is skipped: the recent ids ride in the snapshot.
 *
 * With two or more partitions, each also publishes the cross-account evidence its detector
 * derives for its own accounts and applies the others' (exchange.ts), on the same stream
 * and consumer: the evidence a message gave rise to is acknowledged by JetStream before
 * the message itself is.
 */
import { serialize, deserialize } from 'node:v8';
import { AckPolicy, DeliverPolicy, connect, nanos, type JsMsg, type NatsConnection } from 'nats';
import type { DetectConfig } from '../../detect/config.js';
import { Detector } from '../../detect/detector.js';
import { parseAccountLine, parseEventLine } from '../../detect/reader.js';
import type { Verdict } from '../../telemetry/event.js';
import { accountSlot, partitionFilter, slotSubject } from '../../telemetry/slot.js';
import { EvidenceExchange, type ExchangeState } from './exchange.js';
import { PublishQueue } from './publish-queue.js';
import type { PgSnapshots } from './snapshot-pg.js';
import { decodeDetector, encodeDetector } from './state-codec.js';

/** Where verdicts go (RedisVerdictOutbox, or a test's array). */
export interface VerdictOutbox {
  publish(verdicts: Verdict[]): Promise<void>;
}

/** Settings of one partition. */
export interface PartitionOptions {
  natsUrl: string;
  stream: string;
  index: number;
  count: number;
  cfg: DetectConfig;
  snapshots: PgSnapshots;
  outbox: VerdictOutbox;
  /** Snapshot (and acknowledge) at least this often while events arrive. */
  snapshotMs: number;
  /** …and after this many unacknowledged messages. */
  snapshotEvents: number;
  batchSize: number;
  /** Request ids remembered for duplicate detection. */
  dedupeIds: number;
  /** Discard the saved snapshot and rebuild from the stream's start. */
  reset?: boolean;
  /** Exchange cross-partition evidence (exchange.ts; default: on when count > 1). */
  exchange?: boolean;
  /** An account that publishes evidence sends a fresh copy at most this often (default 1000 ms). */
  exchangeCopyMs?: number;
  log: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  };
}

/** Counters a partition exposes on /metrics and to tests. */
export interface PartitionStats {
  events: number;
  duplicates: number;
  skipped: number;
  accounts: number;
  links: number;
  /** Highest stream sequence ingested, and the one the last snapshot holds. */
  seq: number;
  durableSeq: number;
  snapshots: number;
  snapshotBytes: number;
  lastSnapshotMs: number;
  verdicts: number;
  /** Stream sequence of the snapshot this process resumed from (0: started empty). */
  resumedSeq: number;
  /** Cross-partition evidence (exchange.ts): records sent (per receiving partition), received and applied, received again and skipped, dropped at a bound. */
  evidenceSent: number;
  evidenceReceived: number;
  evidenceDuplicates: number;
  evidenceDropped: number;
  /** Clusters joined by a link with another partition's account at one end. */
  evidenceLinks: number;
  /** Other partitions' accounts held as copies. */
  remoteAccounts: number;
}

/** Bounded set of recent ids: a ring of the last `cap` ids and a Set over them. */
class RecentIds {
  private readonly ring: string[];
  private readonly set = new Set<string>();
  private next = 0;
  constructor(
    private readonly cap: number,
    ids: string[] = [],
  ) {
    this.ring = new Array<string>(cap);
    for (const id of ids.slice(-cap)) this.add(id);
  }
  has(id: string): boolean {
    return this.set.has(id);
  }
  add(id: string): void {
    const old = this.ring[this.next];
    if (old !== undefined) this.set.delete(old);
    this.ring[this.next] = id;
    this.set.add(id);
    this.next = (this.next + 1) % this.cap;
  }
  list(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.cap; i++) {
      const id = this.ring[(this.next + i) % this.cap];
      if (id !== undefined) out.push(id);
    }
    return out;
  }
}

/** The partition's snapshot id: stream and partition, so a different count never reads it. */
export function partitionId(stream: string, index: number, count: number): string {
  return `${stream}/${index}-of-${count}`;
}

/** A partition consuming, ingesting and snapshotting until stop(). */
export class PartitionService {
  readonly stats: PartitionStats = {
    events: 0,
    duplicates: 0,
    skipped: 0,
    accounts: 0,
    links: 0,
    seq: 0,
    durableSeq: 0,
    snapshots: 0,
    snapshotBytes: 0,
    lastSnapshotMs: 0,
    verdicts: 0,
    resumedSeq: 0,
    evidenceSent: 0,
    evidenceReceived: 0,
    evidenceDuplicates: 0,
    evidenceDropped: 0,
    evidenceLinks: 0,
    remoteAccounts: 0,
  };
  ready = false;
  private stopped = false;
  private unacked: JsMsg[] = [];
  private loop: Promise<void> = Promise.resolve();
  private lastSnapshotAt = Date.now();
  private readonly id: string;
  private readonly exchange: EvidenceExchange | undefined;
  private readonly published: PublishQueue;

  private constructor(
    private readonly opts: PartitionOptions,
    private readonly nc: NatsConnection,
    private detector: Detector,
    private ids: RecentIds,
    exchanged: ExchangeState | undefined,
    pending: Verdict[] = [],
  ) {
    this.id = partitionId(opts.stream, opts.index, opts.count);
    for (const v of pending) this.changed.set(v.account, v);
    this.published = new PublishQueue(nc.jetstream());
    if (opts.count > 1 && opts.exchange !== false) {
      this.exchange = new EvidenceExchange({
        index: opts.index,
        count: opts.count,
        // The receiving partition's slot subject: its filter selects it (slot % count = index).
        send: (to, body) => this.published.publish(slotSubject(opts.stream, 'evidence', to), body),
        owns: (account) => this.owns(account),
        copyMs: opts.exchangeCopyMs ?? 1000,
        maxRemote: 200_000,
        maxMembers: 200_000,
        ringSize: 200_000,
      });
      if (exchanged) this.exchange.restore(exchanged);
      this.exchange.attach(detector);
    }
  }

  /** Load the snapshot, (re)create the durable consumer after it, and start consuming. */
  static async start(opts: PartitionOptions): Promise<PartitionService> {
    await opts.snapshots.migrate();
    const id = partitionId(opts.stream, opts.index, opts.count);
    if (opts.reset) await opts.snapshots.remove(id);
    const snap = await opts.snapshots.load(id);
    let detector = new Detector(opts.cfg);
    let ids = new RecentIds(opts.dedupeIds);
    let exchanged: ExchangeState | undefined;
    let pending: Verdict[] = [];
    if (snap) {
      const doc = deserialize(snap.state) as {
        cfg: string;
        detector: Buffer;
        ids: string[];
        exchange?: ExchangeState;
        /** Verdicts changed by the state it holds and not yet published (absent before they were kept). */
        pending?: Verdict[];
      };
      if (doc.cfg !== JSON.stringify(opts.cfg)) {
        throw new Error(
          `the detect configuration differs from the one partition ${id}'s snapshot was built with; ` +
            'start with --reset to rebuild its state from the stream under the new configuration',
        );
      }
      detector = decodeDetector(doc.detector, opts.cfg);
      ids = new RecentIds(opts.dedupeIds, doc.ids);
      exchanged = doc.exchange;
      pending = doc.pending ?? [];
    }
    const nc = await connect({
      servers: opts.natsUrl,
      name: `moat-detector-${opts.index}`,
      timeout: 3000,
      maxReconnectAttempts: -1,
    });
    const svc = new PartitionService(opts, nc, detector, ids, exchanged, pending);
    if (snap) {
      svc.stats.seq = svc.stats.durableSeq = svc.stats.resumedSeq = snap.seq;
      svc.stats.events = snap.events;
      opts.log.info(
        { partition: id, seq: snap.seq, events: snap.events, bytes: snap.state.length },
        'resumed from snapshot',
      );
    }
    await svc.openConsumer();
    svc.ready = true;
    svc.loop = svc.run();
    return svc;
  }

  private consumerName(): string {
    return `moat-detector-${this.opts.index}-of-${this.opts.count}`;
  }

  private async openConsumer(): Promise<void> {
    const { stream, index, count, snapshotEvents, batchSize, snapshotMs } = this.opts;
    const jsm = await this.nc.jetstreamManager();
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({
        name: stream,
        subjects: [`${stream}.events`, `${stream}.*.*.*.*.*.*.*`],
      });
    }
    // Re-created at every start so delivery resumes right after the snapshot, in stream
    // order (redelivery of a kept consumer's pending messages would wait for ack_wait and
    // come after newer ones). One process per partition: the StatefulSet ordinal.
    await jsm.consumers.delete(stream, this.consumerName()).catch(() => false);
    const from = this.stats.durableSeq;
    await jsm.consumers.add(stream, {
      durable_name: this.consumerName(),
      filter_subject: partitionFilter(stream, index, count),
      ack_policy: AckPolicy.Explicit,
      ...(from > 0
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: from + 1 }
        : { deliver_policy: DeliverPolicy.All }),
      max_ack_pending: snapshotEvents * 2 + batchSize * 4,
      // Longer than the snapshot interval, or what is held for the next snapshot comes again
      // (harmless: it is recognised by its sequence, but it is traffic for nothing).
      ack_wait: nanos(Math.max(120_000, snapshotMs * 4)),
    });
  }

  private owns(account: string): boolean {
    return accountSlot(account) % this.opts.count === this.opts.index;
  }

  /** Apply one message; returns the verdicts it changed. */
  private apply(m: JsMsg): Verdict[] {
    const text = Buffer.from(m.data).toString('utf8');
    const kind = m.subject.slice(this.opts.stream.length + 1).split('.')[0];
    if (kind === 'accounts') {
      const r = parseAccountLine(text, 0);
      if (!r.ok) return this.skip(r.error);
      this.detector.addAccount(r.value);
      this.stats.accounts++;
      return [];
    }
    if (kind === 'links') {
      const l = JSON.parse(text) as { a: string; b: string; kind: string; detail: string };
      this.stats.links++;
      return this.detector.addLink(l.a, l.b, l.kind, l.detail);
    }
    if (kind === 'evidence') return this.exchange?.receive(m.data) ?? [];
    const r = parseEventLine(text, 0);
    if (!r.ok) return this.skip(r.error);
    const rid = r.value.requestId;
    if (typeof rid === 'string' && rid !== '') {
      if (this.ids.has(rid)) {
        this.stats.duplicates++;
        return [];
      }
      this.ids.add(rid);
    }
    this.stats.events++;
    const out = this.detector.ingest(r.value);
    this.exchange?.afterIngest(r.value.account);
    return out;
  }

  private skip(reason: string): Verdict[] {
    if (this.stats.skipped++ === 0)
      this.opts.log.warn({ reason }, 'skipped a message the detector cannot use');
    return [];
  }

  private async run(): Promise<void> {
    const js = this.nc.jetstream();
    let consumer = await js.consumers.get(this.opts.stream, this.consumerName());
    // Verdicts go out and snapshots are taken from a timer, between two messages (apply is
    // synchronous, so the state a snapshot encodes is always whole), not when a fetch
    // ends: a fetch waits up to its expiry for a full batch.
    this.timer = setInterval(() => void this.tick(), Math.min(50, this.opts.snapshotMs));
    while (!this.stopped) {
      try {
        // consume(), not fetch(): messages that reach an expired fetch are dropped by the
        // client and redelivered only after ack_wait, behind newer ones (out of order).
        const msgs = await consumer.consume({ max_messages: this.opts.batchSize });
        this.messages = msgs;
        for await (const m of msgs) {
          if (this.stopped) break;
          if (m.seq <= this.stats.seq) {
            // Already in memory (a redelivery): acknowledged with the next snapshot.
            this.unacked.push(m);
            continue;
          }
          try {
            for (const v of this.apply(m)) if (this.owns(v.account)) this.changed.set(v.account, v);
          } catch (err) {
            this.skip((err as Error).message);
          }
          this.stats.seq = m.seq;
          this.unacked.push(m);
          if (this.unacked.length >= this.opts.snapshotEvents) await this.tick(true);
        }
      } catch (err) {
        if (this.stopped) break;
        this.opts.log.error(
          { err: (err as Error).message },
          'detector partition: consume failed; retrying',
        );
        await new Promise((r) => setTimeout(r, 1000));
        consumer = await js.consumers
          .get(this.opts.stream, this.consumerName())
          .catch(() => consumer);
      }
    }
  }

  private timer: NodeJS.Timeout | undefined;
  private messages: { stop(): void } | undefined;
  private readonly changed = new Map<string, Verdict>();
  private busy: Promise<void> | undefined;

  /** Publish changed verdicts; snapshot when due (or `force`d). One at a time. */
  private async tick(force = false): Promise<void> {
    if (this.busy) return force ? this.busy.then(() => this.tick(true)) : undefined;
    const run = async () => {
      this.exchange?.flush(Date.now());
      this.exchangeStats();
      if (this.changed.size) {
        const list = [...this.changed.values()];
        this.changed.clear();
        await this.opts.outbox.publish(list);
        this.stats.verdicts += list.length;
      }
      // A whole-state snapshot blocks the loop for its encoding (bench/README.md: ~1.6 KB and
      // tens of µs per account): never spend more than a tenth of the time on it.
      const every = Math.max(this.opts.snapshotMs, 10 * this.stats.lastSnapshotMs);
      const due = Date.now() - this.lastSnapshotAt >= every;
      if (this.unacked.length && (due || force)) await this.snapshot();
    };
    this.busy = run()
      .catch((err: unknown) =>
        this.opts.log.error(
          { err: (err as Error).message },
          'detector partition: verdicts or snapshot failed; retrying',
        ),
      )
      .finally(() => (this.busy = undefined));
    return this.busy;
  }

  /** Commit the state to PostgreSQL, then acknowledge what it holds. */
  async snapshot(): Promise<void> {
    const t0 = Date.now();
    const seq = this.stats.seq;
    const acks = this.unacked;
    this.unacked = [];
    // Everything the state holds as sent is handed to JetStream before it is encoded, and
    // acknowledged before the state is saved (and the input acknowledged).
    this.exchange?.flush(t0, true);
    const state = serialize({
      cfg: JSON.stringify(this.opts.cfg),
      detector: this.encode(),
      ids: this.ids.list(),
      exchange: this.exchange?.save(),
      // The state already counts these as emitted (the detector re-emits only on a change), so
      // verdicts the consume loop queued while the last ones were being published travel with
      // it: a kill before the next tick would otherwise lose them for good.
      pending: [...this.changed.values()],
    });
    try {
      await this.published.settle();
      await this.opts.snapshots.save(this.id, {
        seq,
        events: this.stats.events,
        state,
        takenAt: t0,
      });
    } catch (err) {
      this.unacked = acks.concat(this.unacked);
      throw err;
    }
    for (const m of acks) m.ack();
    this.stats.durableSeq = seq;
    this.stats.snapshots++;
    this.stats.snapshotBytes = state.length;
    this.stats.lastSnapshotMs = Date.now() - t0;
    this.lastSnapshotAt = Date.now();
  }

  /** The detector's bytes (its listener, the exchange, is not detector state). */
  private encode(): Buffer {
    this.detector.listen(undefined);
    try {
      return encodeDetector(this.detector, this.opts.cfg);
    } finally {
      this.exchange?.attach(this.detector);
    }
  }

  private exchangeStats(): void {
    const x = this.exchange?.stats;
    if (!x) return;
    const s = this.stats;
    [s.evidenceSent, s.evidenceReceived, s.evidenceDuplicates, s.evidenceDropped, s.evidenceLinks] =
      [x.sent, x.received, x.duplicates, x.dropped, x.links];
    s.remoteAccounts = this.detector.remoteCount();
  }

  /** Approximate bytes of detector state. */
  stateBytes(): number {
    return this.detector.stateBytes();
  }

  /** Every owned account's verdict (tests, `moat detector --dump`). */
  verdicts(): Verdict[] {
    return this.detector.verdicts().filter((v) => this.owns(v.account));
  }

  /** Stop consuming, take a last snapshot, close the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.messages?.stop();
    await Promise.race([this.loop, new Promise((r) => setTimeout(r, 3000).unref())]);
    await this.busy;
    await this.tick(true);
    await this.nc.drain().catch(() => this.nc.close());
  }
}
