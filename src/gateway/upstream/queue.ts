/**
 * A single-consumer async queue of body chunks between undici's push-style handler and
 * the pull-style async iterator the gateway reads. It applies backpressure through the
 * `pause`/`resume` callbacks (high/low water marks in chunks) and calls `cancel` when the
 * consumer stops iterating early, so the upstream request is aborted with it.
 */
export class ChunkQueue implements AsyncIterable<Buffer>, AsyncIterator<Buffer> {
  private items: Buffer[] = [];
  private ended = false;
  private failure: Error | undefined;
  private waiting:
    { resolve: (r: IteratorResult<Buffer>) => void; reject: (e: Error) => void } | undefined;
  private paused = false;

  /**
   * @param flow pause/resume the producer; cancel it when the consumer leaves early.
   */
  constructor(private readonly flow: { pause(): void; resume(): void; cancel(): void }) {}

  /** Chunks queued beyond which the producer is paused. */
  static readonly HIGH_WATER = 64;

  /** Deliver one chunk from the producer. */
  push(chunk: Buffer): void {
    const w = this.waiting;
    if (w) {
      this.waiting = undefined;
      w.resolve({ value: chunk, done: false });
      return;
    }
    this.items.push(chunk);
    if (!this.paused && this.items.length >= ChunkQueue.HIGH_WATER) {
      this.paused = true;
      this.flow.pause();
    }
  }

  /** The producer finished cleanly. */
  end(): void {
    this.ended = true;
    const w = this.waiting;
    this.waiting = undefined;
    w?.resolve({ value: undefined, done: true });
  }

  /** The producer failed; the consumer sees `err` after the chunks already queued. */
  fail(err: Error): void {
    if (this.ended) return;
    this.failure = err;
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(err);
  }

  next(): Promise<IteratorResult<Buffer>> {
    const chunk = this.items.shift();
    if (chunk !== undefined) {
      if (this.paused && this.items.length <= ChunkQueue.HIGH_WATER >> 2) {
        this.paused = false;
        this.flow.resume();
      }
      return Promise.resolve({ value: chunk, done: false });
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<Buffer>> {
    if (!this.ended && !this.failure) this.flow.cancel();
    this.ended = true;
    this.items = [];
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return this;
  }
}
