import type { Protocol } from './upstream.js';

/**
 * A pass-through stage over the assistant text of one response (STYLE.md: observe streams
 * through hooks, never buffer them). `push` gets each text delta of a choice/content block
 * and returns the text to send now (it may hold back a partial word); `flush` returns what
 * is held back when that choice ends. `whole` transforms a complete non-streaming text.
 */
export interface TextStage {
  push(choice: number, text: string): string;
  flush(choice: number): string;
  whole(text: string, choice: number): string;
}

/**
 * A stage over whole stream events (e.g. withholding reasoning): returns the event data to
 * send, or null to drop the event.
 */
export type EventStage = (
  eventName: string | undefined,
  data: Record<string, unknown>,
) => Record<string, unknown> | null;

/** What a request's response pipeline is made of; built per request by the proxy. */
export interface ResponsePlan {
  textStages: TextStage[];
  eventStages: EventStage[];
  /** Transforms a whole JSON response before text stages (e.g. strip reasoning). */
  jsonStages: Array<(json: Record<string, unknown>) => void>;
}

/** Factories the gateway consults for each request (provenance, degrade…). */
export interface StageFactory {
  (ctx: {
    protocol: Protocol;
    account: string;
    keyId: string;
    level: string;
    requestId: string;
    stream: boolean;
  }): Partial<ResponsePlan> | undefined;
}
