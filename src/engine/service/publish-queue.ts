/**
 * JetStream publishes whose acknowledgements a detector partition waits for before it
 * snapshots (issue 18): what a partition derived from a message (its cross-partition
 * evidence, exchange.ts) must be in the stream before that message is acknowledged, or a
 * crash between the two would lose it. Failed publishes are retried by settle().
 */
import type { JetStreamClient } from 'nats';

/** Publishes in flight on one JetStream client, in call order. */
export class PublishQueue {
  private readonly inflight = new Set<Promise<void>>();
  private failed: Array<[string, Buffer]> = [];
  private lastError = '';

  constructor(private readonly js: JetStreamClient) {}

  /** Publish `body` on `subject` without waiting (settle() waits). */
  publish(subject: string, body: Buffer): void {
    const p: Promise<void> = this.js.publish(subject, body).then(
      () => undefined,
      (err: unknown) => {
        this.lastError = (err as Error).message;
        this.failed.push([subject, body]);
      },
    );
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  /** Publishes awaiting their acknowledgement or a retry. */
  get pending(): number {
    return this.inflight.size + this.failed.length;
  }

  /** Wait until every publish so far is acknowledged, retrying failures `tries` times; throws when some still fail. */
  async settle(tries = 3): Promise<void> {
    for (let i = 0; ; i++) {
      while (this.inflight.size) await Promise.all([...this.inflight]);
      if (!this.failed.length) return;
      if (i >= tries)
        throw new Error(
          `${this.failed.length} evidence publishes not acknowledged by JetStream: ${this.lastError}`,
        );
      const again = this.failed;
      this.failed = [];
      for (const [subject, body] of again) this.publish(subject, body);
    }
  }
}
