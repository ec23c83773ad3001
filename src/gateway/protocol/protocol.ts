import type { ApiEndpoint } from '../../telemetry/event.js';
import type { Protocol } from '../upstream.js';

/** What the gateway learns from a response, whichever API it came in. */
export interface ResponseFacts {
  /** Assistant text as returned to the client (concatenated deltas for a stream). */
  text: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  finishReason: string | null;
  /** Reasoning served: the upstream's count of reasoning tokens, or characters of thinking/reasoning text seen. */
  reasoningTokens?: number;
  reasoningChars?: number;
  /**
   * An OpenAI stream with more than one choice: each choice's text, by index (a missing
   * index served none). Unset while only choice 0 has text — then it is `text`.
   */
  choiceTexts?: string[];
  /** The upstream's response id (`chatcmpl-…`, `msg_…`), when it sent one. */
  responseId?: string;
}

/** A stream event read by a scanner (`ProtocolAdapter.scanEvent`, protocol/event-scan.ts). */
export interface ScannedEvent {
  /** The delta text ('' when the event carries none). */
  text: string;
  /** The choice (OpenAI) or content block (Anthropic) it belongs to. */
  choice: number;
  /** The text's JSON string in the event's data, quotes included: [from, to); -1 when none. */
  from: number;
  to: number;
  /** The choice this event ends (an OpenAI finish_reason), if any. */
  ends: number | undefined;
}

/**
 * Per-API knowledge the proxy needs: how to validate a request body, read the facts out
 * of a JSON response or a stream event, and reach the assistant text so provenance stages
 * can transform it in place. One implementation per API (OpenAI, Anthropic).
 */
export interface ProtocolAdapter {
  readonly protocol: Protocol;
  readonly endpoint: ApiEndpoint;
  /** Upstream path when not the protocol's model route (`/embeddings`, `/completions`, `/responses`). */
  readonly path?: string;
  /** False for an API that never streams (embeddings): `stream` is then not honoured. */
  readonly streams?: boolean;
  /**
   * The stream event carrying a choice's held-back text at its end, when the API's chunks
   * are not chat chunks (legacy completions). `template` is the last chunk seen.
   */
  flushEvent?(
    template: Record<string, unknown> | undefined,
    choice: number,
    text: string,
  ): { event?: string; data: string };
  /** The choice an event ends (its held-back text is sent before it), when not the chat or Anthropic rule. */
  endsChoice?(eventName: string | undefined, data: Record<string, unknown>): number | undefined;
  /** Whether this event ends the stream (receipts go just before it), beside `[DONE]` and `message_stop`. */
  isTerminator?(eventName: string | undefined, data: Record<string, unknown>): boolean;
  /**
   * Put the served text (watermarked, canaried) into an event that repeats it whole
   * (Responses `response.output_text.done`, `response.completed`…); returns whether it changed it.
   */
  finalizeEvent?(
    eventName: string | undefined,
    data: Record<string, unknown>,
    served: (choice: number) => string | undefined,
  ): boolean;
  /**
   * The request as recorded on the telemetry event: the body, plus `messages` derived from
   * its prompt or input where the API has none (readers need `request.messages`).
   */
  eventRequest?(body: Record<string, unknown>): Record<string, unknown>;
  /** Body fields holding the client's text, emptied in events when text is not stored. */
  readonly textFields?: readonly string[];
  /** Validate a parsed body; returns an error message naming the bad parameter, or null. */
  validate(body: Record<string, unknown>): { message: string; param: string } | null;
  /** Facts from a non-streaming JSON response. */
  readJson(json: Record<string, unknown>, facts: ResponseFacts): void;
  /** Apply `fn` to every assistant text string of a JSON response, replacing it. */
  mapJsonText(json: Record<string, unknown>, fn: (text: string, index: number) => string): void;
  /**
   * Read one stream event's facts. Returns the text delta it carries (to be transformed by
   * stages) with a setter that writes a replacement back into the event, or null.
   */
  readEvent(
    eventName: string | undefined,
    data: Record<string, unknown>,
    facts: ResponseFacts,
  ): { text: string; choice: number; set: (text: string) => void } | null;
  /**
   * Read the API's common text event from its raw data without parsing it (issue 19):
   * the delta text, where it sits, and the choice it ends, with `facts` set as `readEvent`
   * sets them. Undefined — facts untouched — for any event it does not take: the proxy
   * then parses it. An event it takes is never dropped, never a terminator, never repeats
   * the served text (`finalizeEvent`), and is not a usage-only chunk.
   */
  scanEvent?(
    eventName: string | undefined,
    raw: string,
    facts: ResponseFacts,
  ): ScannedEvent | undefined;
}

/**
 * Token counts from an OpenAI-style `usage` object (Chat Completions and legacy Completions
 * share it): prompt and completion tokens, and reasoning tokens when the server reports them.
 */
export function readOpenAiUsage(obj: Record<string, unknown>, facts: ResponseFacts): void {
  const u = obj['usage'] as Record<string, unknown> | undefined | null;
  if (!u) return;
  if (typeof u['prompt_tokens'] === 'number') facts.inputTokens = u['prompt_tokens'];
  if (typeof u['completion_tokens'] === 'number') facts.outputTokens = u['completion_tokens'];
  const details = u['completion_tokens_details'] as Record<string, unknown> | undefined | null;
  if (details && typeof details['reasoning_tokens'] === 'number')
    facts.reasoningTokens = details['reasoning_tokens'];
}

/** Fresh facts for a response. */
export function emptyFacts(): ResponseFacts {
  return { text: '', inputTokens: undefined, outputTokens: undefined, finishReason: null };
}

export type ValidationError = { message: string; param: string } | null;

type Check = (v: unknown) => boolean;
export const isNum: Check = (v) => typeof v === 'number' && Number.isFinite(v);
export const isInt: Check = (v) => Number.isInteger(v);
export const isBool: Check = (v) => typeof v === 'boolean';
export const isStr: Check = (v) => typeof v === 'string';
export const isObj: Check = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isArr: Check = (v) => Array.isArray(v);

/**
 * Check optional top-level parameters' types without touching their values (the body is
 * passed upstream untouched). `spec` maps a parameter to its check and the expected type.
 */
export function checkParams(
  body: Record<string, unknown>,
  spec: Record<string, readonly [Check, string]>,
): ValidationError {
  for (const name in spec) {
    const v = body[name];
    if (v === undefined || v === null) continue;
    const [check, expected] = spec[name]!;
    if (!check(v)) {
      return {
        message: `Invalid type for '${name}': expected ${expected}, got ${describe(v)}.`,
        param: name,
      };
    }
  }
  return null;
}

/** A short description of a value's JSON type for error messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `a string`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
