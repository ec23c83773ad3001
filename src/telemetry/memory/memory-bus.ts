import type { EventBus } from '../bus.js';
import { tryEventJson, type TelemetryEvent } from '../event.js';

type Handler = (batch: TelemetryEvent[]) => void | Promise<void>;

/**
 * The embedded event bus: a bounded ring buffer drained in batches, every `flushMs` or as
 * soon as `batchSize` events wait. Publishing is O(1) and never blocks; when the buffer is
 * full the event is dropped and counted (the request path must not wait on telemetry).
 */
export class MemoryBus implements EventBus {
  private readonly ring: Array<TelemetryEvent | undefined>;
  private head = 0;
  private size = 0;
  private readonly handlers = new Set<Handler>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;
  /** Events dropped because the buffer was full, the bus closed, or the event had no JSON. */
  dropped = 0;

  constructor(
    private readonly opts: {
      capacity: number;
      batchSize: number;
      flushMs: number;
      onError?: (err: unknown) => void;
    },
  ) {
    this.ring = new Array<TelemetryEvent | undefined>(opts.capacity);
  }

  publish(event: TelemetryEvent): boolean {
    // An event without JSON could not be stored; queued, it would fail its whole batch.
    if (this.closed || this.size === this.ring.length || tryEventJson(event) === undefined) {
      this.dropped++;
      return false;
    }
    this.ring[(this.head + this.size) % this.ring.length] = event;
    this.size++;
    if (this.size >= this.opts.batchSize) this.kick(0);
    else this.kick(this.opts.flushMs);
    return true;
  }

  /** In one process every subscriber is its own group: each sees every event. */
  subscribe(handler: Handler, _opts?: { group?: string }): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Number of events waiting. */
  get pending(): number {
    return this.size;
  }

  private kick(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain();
    }, delay);
    this.timer.unref();
  }

  private take(): TelemetryEvent[] {
    const n = Math.min(this.size, this.opts.batchSize);
    const out = new Array<TelemetryEvent>(n);
    for (let i = 0; i < n; i++) {
      const idx = (this.head + i) % this.ring.length;
      out[i] = this.ring[idx]!;
      this.ring[idx] = undefined;
    }
    this.head = (this.head + n) % this.ring.length;
    this.size -= n;
    return out;
  }

  /** Deliver everything queued now. Batches go to handlers one at a time, in order. */
  drain(): Promise<void> {
    if (this.draining) return this.draining;
    this.draining = (async () => {
      while (this.size > 0) {
        const batch = this.take();
        for (const h of this.handlers) {
          try {
            await h(batch);
          } catch (err) {
            this.opts.onError?.(err);
          }
        }
      }
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.drain();
    // A publish that raced the first drain.
    await this.drain();
  }
}
