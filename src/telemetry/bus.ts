import type { TelemetryEvent, Verdict } from './event.js';

/**
 * The event bus between the gateway and the detector. The in-process implementation is a
 * bounded ring buffer; the NATS JetStream implementation carries the same messages across
 * processes. Publishing never blocks the request path.
 */
export interface EventBus {
  /** Queue an event; returns false when it had to be dropped (buffer full). */
  publish(event: TelemetryEvent): boolean;
  /**
   * Receive events in batches, in publish order. Subscribers sharing a `group` share the
   * work (each event reaches one of them — e.g. the store writers of several replicas);
   * different groups each see every event. Returns an unsubscribe function.
   */
  subscribe(
    handler: (batch: TelemetryEvent[]) => void | Promise<void>,
    opts?: { group?: string },
  ): () => void;
  /** Deliver what is queued and stop. */
  close(): Promise<void>;
}

/** Verdicts flowing back from the detector to every gateway replica. */
export interface VerdictSink {
  put(verdicts: Verdict[]): void | Promise<void>;
}
