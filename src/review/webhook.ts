/** A Slack-compatible incoming-webhook message (`text` is the fallback; `blocks` optional). */
export interface WebhookMessage {
  text: string;
  blocks?: unknown[];
}

/** Options of the webhook notifier. */
export interface WebhookOptions {
  attempts?: number;
  backoffMs?: number;
  queueSize?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Called when a message is given up on (after all attempts) or dropped from a full queue. */
  onFailure?: (msg: WebhookMessage, reason: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Fire-and-forget webhook delivery: `notify` only enqueues and returns; one background
 * worker posts messages in order, retrying network errors, 429 and 5xx with
 * exponential backoff (backoffMs · 2^attempt). The queue is bounded; when full, the
 * oldest message is dropped, so a dead endpoint never holds memory or callers.
 */
export class WebhookNotifier {
  private readonly queue: WebhookMessage[] = [];
  private worker: Promise<void> | undefined;
  /** Counters since start. */
  readonly stats = { sent: 0, failed: 0, dropped: 0 };
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly queueSize: number;
  private readonly timeoutMs: number;

  constructor(
    private readonly url: string,
    private readonly opts: WebhookOptions = {},
  ) {
    this.attempts = opts.attempts ?? 5;
    this.backoffMs = opts.backoffMs ?? 500;
    this.queueSize = opts.queueSize ?? 1000;
    this.timeoutMs = opts.timeoutMs ?? 5000;
  }

  /** Enqueue a message; never throws, never waits. */
  notify(msg: WebhookMessage): void {
    if (this.queue.length >= this.queueSize) {
      const dropped = this.queue.shift()!;
      this.stats.dropped++;
      this.opts.onFailure?.(dropped, 'queue full');
    }
    this.queue.push(msg);
    this.worker ??= this.run().finally(() => (this.worker = undefined));
  }

  /**
   * Resolves when the queue is empty (tests, graceful shutdown). Retry backoffs sleep on
   * unref'd timers so that they never hold a process open by themselves; a caller waiting
   * here wants the deliveries, so the wait keeps the event loop alive until they end.
   */
  async drain(): Promise<void> {
    if (!this.worker) return;
    const keepAlive = setInterval(() => undefined, 60_000);
    try {
      while (this.worker) await this.worker;
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async run(): Promise<void> {
    for (let msg = this.queue.shift(); msg; msg = this.queue.shift()) {
      const err = await this.deliver(msg);
      if (err === undefined) this.stats.sent++;
      else {
        this.stats.failed++;
        this.opts.onFailure?.(msg, err);
      }
    }
  }

  private async deliver(msg: WebhookMessage): Promise<string | undefined> {
    let last = '';
    for (let attempt = 0; attempt < this.attempts; attempt++) {
      if (attempt > 0) await sleep(this.backoffMs * 2 ** (attempt - 1));
      try {
        const res = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(msg),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return undefined;
        last = `HTTP ${res.status}`;
        if (res.status !== 429 && res.status < 500) return last; // a 4xx will not get better
      } catch (err) {
        last = (err as Error).message;
      }
    }
    return `gave up after ${this.attempts} attempts: ${last}`;
  }
}
