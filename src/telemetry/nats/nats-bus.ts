import { AckPolicy, DeliverPolicy, connect, type ConsumerMessages, type JetStreamClient, type JsMsg, type NatsConnection } from 'nats';
import type { EventBus } from '../bus.js';
import { eventJson, type TelemetryEvent } from '../event.js';

type Handler = (batch: TelemetryEvent[]) => void | Promise<void>;

export interface NatsBusOptions {
  url: string;
  /** JetStream stream name; events go to subject `<stream>.events`. */
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
  private readonly subject: string;
  private readonly consumers: ConsumerMessages[] = [];
  private readonly loops: Promise<void>[] = [];
  private closed = false;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly opts: NatsBusOptions,
  ) {
    this.subject = `${opts.stream}.events`;
  }

  /** Connect and make sure the stream exists. */
  static async connect(opts: NatsBusOptions): Promise<NatsBus> {
    const nc = await connect({ servers: opts.url, name: 'moat', timeout: 3000 });
    const jsm = await nc.jetstreamManager();
    const subject = `${opts.stream}.events`;
    try {
      await jsm.streams.info(opts.stream);
    } catch {
      await jsm.streams.add({ name: opts.stream, subjects: [subject] });
    }
    return new NatsBus(nc, nc.jetstream(), opts);
  }

  publish(event: TelemetryEvent): boolean {
    if (this.closed || this.pending >= this.opts.maxPending) {
      this.dropped++;
      return false;
    }
    this.pending++;
    this.js
      .publish(this.subject, Buffer.from(eventJson(event)))
      .catch((err: unknown) => {
        this.dropped++;
        this.opts.onError?.(err);
      })
      .finally(() => {
        this.pending--;
      });
    return true;
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
      });
      const consumer = await this.js.consumers.get(this.opts.stream, group);
      while (!stop && !this.closed) {
        const batch = await consumer.fetch({ max_messages: this.opts.batchSize, expires: Math.max(1000, this.opts.flushMs) });
        this.consumers.push(batch);
        const msgs: JsMsg[] = [];
        for await (const m of batch) msgs.push(m);
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

  /** Wait until every publish has been acknowledged by JetStream. */
  async flush(): Promise<void> {
    while (this.pending > 0) await new Promise((r) => setTimeout(r, 5));
    await this.nc.flush();
  }

  /** Delete the stream (tests). */
  async destroy(): Promise<void> {
    const jsm = await this.nc.jetstreamManager();
    await jsm.streams.delete(this.opts.stream).catch(() => false);
  }

  async close(): Promise<void> {
    await this.flush().catch(() => {});
    this.closed = true;
    for (const c of this.consumers) c.stop();
    await Promise.race([Promise.all(this.loops), new Promise((r) => setTimeout(r, 2000))]);
    await this.nc.drain().catch(() => this.nc.close());
  }
}
