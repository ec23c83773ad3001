import type { Protocol } from '../upstream.js';

/** What the gateway learns from a response, whichever API it came in. */
export interface ResponseFacts {
  /** Assistant text as returned to the client (concatenated deltas for a stream). */
  text: string;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  finishReason: string | null;
}

/**
 * Per-API knowledge the proxy needs: how to validate a request body, read the facts out
 * of a JSON response or a stream event, and reach the assistant text so provenance stages
 * can transform it in place. One implementation per API (OpenAI, Anthropic).
 */
export interface ProtocolAdapter {
  readonly protocol: Protocol;
  readonly endpoint: 'chat.completions' | 'messages';
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
      return { message: `Invalid type for '${name}': expected ${expected}, got ${describe(v)}.`, param: name };
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
