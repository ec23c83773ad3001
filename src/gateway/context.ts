import type { IncomingMessage } from 'node:http';
import type { Level } from '../telemetry/event.js';
import type { ProtocolAdapter, ResponseFacts } from './protocol/protocol.js';
import type { ResponsePlan } from './stages.js';
import type { Protocol } from './upstream.js';

/** Everything known about one model request while it is in flight. */
export interface RequestContext {
  requestId: string;
  protocol: Protocol;
  adapter: ProtocolAdapter;
  arrivedAt: number;
  /** High-resolution start, for latency. */
  startNs: bigint;
  raw: IncomingMessage;
  account: string;
  keyId: string;
  model: string;
  /** The body exactly as the client sent it (telemetry). */
  clientBody: Record<string, unknown>;
  /** The body that goes upstream (guards may change it, e.g. degrade). */
  upstreamBody: Record<string, unknown>;
  stream: boolean;
  /** Verdict level in force (after pins). */
  level: Level;
  /** Action taken (allow, monitor, throttle, degrade, challenge, block, rate_limited…). */
  action: string;
  /** Headers added to the response (rate-limit headers, receipt…). */
  responseHeaders: Record<string, string>;
  plan: ResponsePlan;
  /** Extra telemetry fields (fingerprint parts, ip, ja4…). */
  eventExtras: Record<string, unknown>;
  /** Moat asked the upstream for stream usage the client did not ask for (drop that chunk). */
  usageRequested: boolean;
  /**
   * Client headers forwarded upstream (forwardedHeaders: `anthropic-beta`, `openai-project`…);
   * set before the guards run, so a guard may drop some (degrade).
   */
  upstreamHeaders?: Record<string, string> | undefined;
}

/**
 * A guard runs before the upstream call (authenticated, body validated) and may reject with
 * a MoatError (limits, challenge, block), change the upstream body (degrade), add response
 * headers and stages; `after` runs once the response has ended (settle token reservations).
 */
export interface Guard {
  readonly name: string;
  before(ctx: RequestContext): void | Promise<void>;
  after?(ctx: RequestContext, facts: ResponseFacts, status: number): void;
}

/** One closing stream event: a named event with data, or a comment line (`: …`). */
export type TrailingEvent =
  | { event: string; data: string; comment?: undefined }
  | { comment: string; event?: undefined; data?: undefined };

/** Finishes a response: returns extra SSE events to append (e.g. a receipt) or headers. */
export interface Finisher {
  /** Non-streaming: headers to add given the final text (a promise when they take a turn, e.g. batched signing). */
  jsonHeaders?(
    ctx: RequestContext,
    facts: ResponseFacts,
  ): Record<string, string> | Promise<Record<string, string>>;
  /**
   * Streaming: events to send once the text is complete — before the stream's terminator
   * (OpenAI `data: [DONE]`, Anthropic `message_stop`), or last when the upstream sent none.
   * An entry with `comment` is sent as an SSE comment line, which every SSE parser skips.
   */
  trailingEvents?(
    ctx: RequestContext,
    facts: ResponseFacts,
  ): TrailingEvent[] | Promise<TrailingEvent[]>;
  /** Fields to add to the telemetry event's `response`. */
  eventFields?(ctx: RequestContext, facts: ResponseFacts): Record<string, unknown>;
}
