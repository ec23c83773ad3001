/**
 * The telemetry event: one per request, emitted after the response ends.
 * Shape is the contract in DESIGN.md ("Telemetry event"); JSONL on disk.
 */
import type { ServedShape } from './served.js';

/** The ladder's actions, in order of severity. */
export const LEVELS = ['allow', 'monitor', 'throttle', 'degrade', 'challenge', 'block'] as const;
export type Level = (typeof LEVELS)[number];

/** Index of a level on the ladder (allow = 0). */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The chat APIs: OpenAI Chat Completions and Anthropic Messages. */
export type Endpoint = 'chat.completions' | 'messages';

/**
 * The API a request arrived on. `completions` (legacy), `embeddings` and `responses` events
 * carry `request.messages` derived from their prompt or input (issue 16), so readers that
 * know only the chat APIs read them as chat.
 */
export type ApiEndpoint = Endpoint | 'completions' | 'embeddings' | 'responses';

export interface EventResponse {
  text: string;
  inputTokens: number;
  outputTokens: number;
  finishReason: string | null;
  latencyMs: number;
  /** Milliseconds from arrival to the first byte sent to the client (streams). */
  firstByteMs?: number;
  /** Signed receipt over the returned text, when provenance signing is on. */
  receipt?: string;
  /** Reasoning tokens served beside the answer (usage details, or thinking/reasoning text / 4). */
  reasoningTokens?: number;
  /** The served answer's shape, measured on the full text (served.ts). */
  served?: ServedShape;
}

export interface TelemetryEvent {
  /** Epoch ms when the request arrived. */
  ts: number;
  account: string;
  /** Key id, never the secret. */
  key: string;
  requestId?: string;
  ip?: string;
  userAgent?: string;
  ja4?: string;
  headerOrder?: string[];
  /** Combined client fingerprint id and its components (fingerprint module). */
  fingerprint?: string;
  fingerprintParts?: Record<string, string>;
  endpoint: ApiEndpoint;
  model: string;
  /** The body exactly as the client sent it, in its own API's shape. */
  request: { messages: unknown[]; [k: string]: unknown };
  response?: EventResponse;
  status: number;
  /** The ladder action applied (allow, monitor, throttle, degrade, challenge, block) or a limiter outcome. */
  action: string;
  /** Error code when the request failed. */
  error?: string;
  [k: string]: unknown;
}

/** A risk reason (DESIGN.md "Risk verdict"). */
export interface Reason {
  code: string;
  weight: number;
  detail: string;
}

/** A risk verdict (DESIGN.md "Risk verdict"). */
export interface Verdict {
  account: string;
  score: number;
  level: Level;
  reasons: Reason[];
  cluster: string | null;
  updatedAt: number;
}

/** An account record (DESIGN.md "Account record"). */
export interface AccountRecord {
  id: string;
  createdAt: number;
  email?: string | undefined;
  name?: string | undefined;
  signupIp?: string | undefined;
  paymentFingerprint?: string | undefined;
  country?: string | undefined;
  tier?: string | undefined;
  route?: string | undefined;
  [k: string]: unknown;
}

/** The verdict every account has before a detector says otherwise. */
export function allowVerdict(account: string, now = Date.now()): Verdict {
  return { account, score: 0, level: 'allow', reasons: [], cluster: null, updatedAt: now };
}

const serialized = new WeakMap<TelemetryEvent, string | null>();

/**
 * An event's JSON, or undefined when it has none (nesting deep enough to overflow the
 * stack, a cycle, a BigInt). Never throws. Computed once per event however many consumers
 * want it (the store's writer and the detector's feed both do); events are not changed
 * after they are published. The buses call it at publish and drop (and count) an event
 * without JSON, so one bad event never takes a batch of other accounts' events with it
 * (issue 14).
 */
export function tryEventJson(e: TelemetryEvent): string | undefined {
  let s = serialized.get(e);
  if (s === undefined) {
    try {
      s = JSON.stringify(e) ?? null;
    } catch {
      s = null;
    }
    serialized.set(e, s);
  }
  return s ?? undefined;
}

/**
 * An event's JSON (see `tryEventJson`), for events that came through a bus, which only
 * carries events that have one. Throws a clear error for any other.
 */
export function eventJson(e: TelemetryEvent): string {
  const s = tryEventJson(e);
  if (s === undefined)
    throw new TypeError(`telemetry event ${e.requestId ?? e.ts} cannot be serialised`);
  return s;
}
