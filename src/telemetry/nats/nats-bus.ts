import {
  AckPolicy,
  DeliverPolicy,
  connect,
  nanos,
  type ConsumerMessages,
  type JetStreamClient,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import type { EventBus } from '../bus.js';
import { tryEventJson, type TelemetryEvent } from '../event.js';
import { accountSlot, slotSubject } from '../slot.js';

/** How long a subscriber may hold a batch unacknowledged before JetStream redelivers it (re-adding a durable updates it). */
const STORE_ACK_WAIT_MS = 10_000;

type Handler = (batch: TelemetryEvent[]) => void | Promise<void>;

export interface NatsBusOptions {
  url: string;
  /** JetStream stream name; events go to `<stream>.events.<slot bits>` (slot.ts). */
  stream: string;
  batchSize: number;
  flushMs: number;
  /** Most publishes awaiting a JetStream ack before new events are dropped (never blocks requests). */
  maxPending: number;
  onError?: (err: unknown) => void;
}

/**
 * The scale-out event bus: NATS JetStream. Gateways publish without waiting; each
 * subscriber group is a durable pull consumer, so replicas' store writers share the work
 * and a detector process sees every event, surviving restarts (acked after the handler).
 */
export class NatsBus implements EventBus {
  dropped = 0;
  private pending = 0;
  private readonly stream: string;
  private readonly consumers: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private closed = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly opts: NatsBusOptions,
  ) {
    this.stream = opts.stream;
  }

  /** Connect and make sure the stream exists. */
  static async connect(opts: NatsBusOptions): Promise<NatsBus> {
    // Reconnect for as long as it takes (a NATS restart must not end telemetry for the
    // process's life); meanwhile publishes wait within maxPending and the rest are counted dropped.
    const nc = await connect({
      servers: opts.url,
      name: 'moat',
      timeout: 3000,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
    const jsm = await nc.jetstreamManager();
    // `<stream>.events` is where gateways before issue 18 published; the slot subjects
    // (`<stream>.<kind>.<6 bit tokens>`) let each detector partition filter its accounts.
    const subjects = [`${opts.stream}.events`, `${opts.stream}.*.*.*.*.*.*.*`];
    let info;
    try {
      info = await jsm.streams.info(opts.stream);
    } catch {
      await jsm.streams.add({ name: opts.stream, subjects });
    }
    if (info && subjects.some((s) => !info.config.subjects.includes(s))) {
      await jsm.streams.update(opts.stream, {
        ...info.config,
        subjects: [...new Set([...info.config.subjects, ...subjects])],
      });
    }
    return new NatsBus(nc, nc.jetstream(), opts);
  }

  publish(event: TelemetryEvent): boolean {
    // Serialised before a pending slot is taken: a throw between the two leaked the slot,
    // and after maxPending of them every event was dropped and flush() never returned (issue 14).
    const json =
      this.closed || this.pending >= this.opts.maxPending ? undefined : tryEventJson(event);
    if (json === undefined) {
      this.dropped++;
      return false;
    }
    return this.send(
      slotSubject(this.stream, 'events', accountSlot(event.account)),
      json,
      event.requestId,
    );
  }

  /**
   * Publish a record other than an event (an account record, a signup link) on the
   * account's slot, so the detector partition that owns the account reads it in stream
   * order with the account's events. Same bound and counting as publish.
   */
  publishRecord(
    kind: 'accounts' | 'links',
    account: string,
    doc: unknown,
    msgId?: string,
  ): boolean {
    if (this.closed || this.pending >= this.opts.maxPending) {
      this.dropped++;
      return false;
    }
    return this.send(
      slotSubject(this.stream, kind, accountSlot(account)),
      JSON.stringify(doc),
      msgId,
    );
  }

  private send(subject: string, json: string, msgId: string | undefined): boolean {
    let sent: Promise<unknown>;
    try {
      // msgID: JetStream drops a second publish of the same id within its duplicate window.
      sent = this.js.publish(subject, Buffer.from(json), msgId ? { msgID: msgId } : undefined);
    } catch (err) {
      this.dropped++;
      this.opts.onError?.(err);
      return false;
    }
    this.pending++;
    sent
      .catch((err: unknown) => {
        this.dropped++;
        this.opts.onError?.(err);
      })
      .finally(() => {
        this.pending--;
      });
    return true;
  }

  /** Publishes awaiting a JetStream ack. */
  get inFlight(): number {
    return this.pending;
  }

  subscribe(handler: Handler, opts: { group?: string } = {}): () => void {
    const group = (opts.group ?? 'moat-default').replace(/[^A-Za-z0-9_-]/g, '_');
    let stop = false;
    const loop = (async () => {
      const jsm = await this.nc.jetstreamManager();
      await jsm.consumers.add(this.opts.stream, {
        durable_name: group,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        max_ack_pending: this.opts.batchSize * 20,
        // A batch held by a replica that died is handed to another after this (issue 18:
        // a gateway killed with -9 loses none of the events JetStream acknowledged).
        ack_wait: nanos(STORE_ACK_WAIT_MS),
      });
      const consumer = await this.js.consumers.get(this.opts.stream, group);
      while (!stop && !this.closed) {
        const batch = await consumer.fetch({
          max_messages: this.opts.batchSize,
          expires: Math.max(1000, this.opts.flushMs),
        });
        this.consumers.push(batch);
        const msgs: JsMsg[] = [];
        for await (const m of batch) {
          // Account records and links share the stream; only the detector partitions read them.
          if (m.subject.startsWith(`${this.stream}.events`)) msgs.push(m);
          else m.ack();
        }
        this.consumers.splice(this.consumers.indexOf(batch), 1);
        if (msgs.length === 0) continue;
        const events: TelemetryEvent[] = [];
        for (const m of msgs) {
          try {
            events.push(JSON.parse(Buffer.from(m.data).toString('utf8')) as TelemetryEvent);
          } catch (err) {
            this.opts.onError?.(err);
          }
        }
        try {
          await handler(events);
          for (const m of msgs) m.ack();
        } catch (err) {
          // Not acked: JetStream redelivers after the ack wait.
          this.opts.onError?.(err);
        }
      }
    })().catch((err: unknown) => {
      if (!this.closed) this.opts.onError?.(err);
    });
    this.loops.push(loop);
    return () => {
      stop = true;
    };
  }

  /**
   * Wait until every publish has been acknowledged by JetStream, at most `timeoutMs`;
   * resolves true when all were, false when it gave up (shutdown must not hang on a stuck
   * server: the unacknowledged events are then lost, and counted by `close`).
   */
  async flush(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (this.pending > 0) return false;
    const left = Math.max(1, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((r) => (timer = setTimeout(() => r(false), left)));
    try {
      return await Promise.race([this.nc.flush().then(() => true), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Delete the stream (tests). */
  async destroy(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await jsm.streams.delete(this.opts.stream).catch(() => false);
  }

  /** Flush (bounded by `timeoutMs`), stop the consumers and drain the connection. */
  async close(timeoutMs = 5_000): Promise<void> {
    const flushed = await this.flush(timeoutMs).catch(() => false);
    if (!flushed) this.dropped += this.pending;
    this.closed = true;
    for (const c of this.consumers) c.stop();
    await Promise.race([Promise.all(this.loops), new Promise((r) => setTimeout(r, 2000))]);
    const drained = this.nc.drain().catch(() => this.nc.close());
    await Promise.race([drained, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    if (!this.nc.isClosed()) await this.nc.close().catch(() => undefined);
  }
}
