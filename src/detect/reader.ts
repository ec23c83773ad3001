/**
 * Parse telemetry and account JSONL lines (DESIGN.md "Telemetry event", "Account record")
 * into typed values. Expected failures are values, never exceptions (STYLE.md).
 */
import type { AccountRecord, Endpoint, EventResponse, TelemetryEvent } from '../telemetry/event.js';

/** zod's safeParse shape. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

function fail<T>(line: number, msg: string): ParseResult<T> {
  return { ok: false, error: `line ${line}: ${msg}` };
}

function parseObject(text: string, line: number): ParseResult<Record<string, unknown>> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail(line, `not valid JSON (${(err as Error).message})`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail(line, 'expected a JSON object');
  return { ok: true, value: raw as Record<string, unknown> };
}

/** Epoch ms from a number or an ISO 8601 string; null when neither. */
export function toEpochMs(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v !== '') {
    if (/^\d+$/.test(v)) return Number(v);
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

function guessEndpoint(o: Record<string, unknown>, req: Record<string, unknown>): Endpoint {
  if (o.endpoint === 'messages' || o.endpoint === 'chat.completions') return o.endpoint;
  return req.system !== undefined ? 'messages' : 'chat.completions';
}

/**
 * Parse one telemetry JSONL line. A record without `ts`, `account` or `request.messages`
 * is rejected with a message naming the line; other fields are optional and unknown
 * ones are kept.
 * @example parseEventLine('{"ts":1,"account":"a","request":{"messages":[]}}', 1).ok // true
 */
export function parseEventLine(text: string, line: number): ParseResult<TelemetryEvent> {
  const parsed = parseObject(text, line);
  if (!parsed.ok) return parsed;
  return eventOf(parsed.value, line);
}

const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const count = (v: unknown): number => (isCount(v) ? v : 0);

/**
 * The response summary with its declared types: a record whose `response` is not an object
 * has none; token counts that are not non-negative numbers count as 0, a finish reason that
 * is not a string as null. A response already of the right types is returned as it is.
 */
function responseOf(v: unknown): EventResponse | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const r = v as Record<string, unknown>;
  const ok =
    isCount(r.inputTokens) &&
    isCount(r.outputTokens) &&
    (r.finishReason === undefined || r.finishReason === null || typeof r.finishReason === 'string');
  if (ok) return r as unknown as EventResponse;
  return {
    ...r,
    text: typeof r.text === 'string' ? r.text : '',
    inputTokens: count(r.inputTokens),
    outputTokens: count(r.outputTokens),
    finishReason: optString(r.finishReason) ?? null,
    latencyMs: count(r.latencyMs),
  };
}

/**
 * Check and complete one telemetry record already parsed into an object (by JSON.parse
 * or the byte scanner in scan.ts: both paths share these rules and these messages).
 * Optional fields of the wrong type are dropped (a log with `"ip": 5` or `"response": null`
 * is still analysed, on the fields that make sense).
 */
export function eventOf(o: Record<string, unknown>, line: number): ParseResult<TelemetryEvent> {
  const ts = toEpochMs(o.ts);
  if (ts === null) return fail(line, 'missing or invalid "ts" (epoch ms or ISO 8601)');
  if (typeof o.account !== 'string' || o.account === '') return fail(line, 'missing "account"');
  const req = o.request;
  if (
    req === null ||
    typeof req !== 'object' ||
    !Array.isArray((req as { messages?: unknown }).messages)
  ) {
    return fail(line, 'missing "request.messages" (an array)');
  }
  const request = req as TelemetryEvent['request'];
  const ev: TelemetryEvent = {
    ...o,
    ts,
    account: o.account,
    key: typeof o.key === 'string' ? o.key : '',
    endpoint: guessEndpoint(o, request),
    model:
      typeof o.model === 'string'
        ? o.model
        : typeof request.model === 'string'
          ? request.model
          : '',
    request,
    status: typeof o.status === 'number' ? o.status : 200,
    action: typeof o.action === 'string' ? o.action : 'allow',
  };
  // Optional fields the detector reads: the declared type or absent.
  for (const k of ['ip', 'userAgent', 'ja4', 'fingerprint'] as const)
    if (k in o && optString(o[k]) === undefined) delete ev[k];
  if ('headerOrder' in o && !Array.isArray(o.headerOrder)) delete ev.headerOrder;
  if ('response' in o) {
    const response = responseOf(o.response);
    if (response) ev.response = response;
    else delete ev.response;
  }
  return { ok: true, value: ev };
}

/**
 * Parse one account JSONL line; `id` is required, `createdAt` may be ISO 8601 or epoch ms
 * (missing → 0, "unknown age").
 */
export function parseAccountLine(text: string, line: number): ParseResult<AccountRecord> {
  const parsed = parseObject(text, line);
  if (!parsed.ok) return parsed;
  const o = parsed.value;
  if (typeof o.id !== 'string' || o.id === '') return fail(line, 'missing "id"');
  const createdAt = o.createdAt === undefined ? 0 : toEpochMs(o.createdAt);
  if (createdAt === null) return fail(line, 'invalid "createdAt" (epoch ms or ISO 8601)');
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' && v !== '' ? v : undefined;
  return {
    ok: true,
    value: {
      ...o,
      id: o.id,
      createdAt,
      email: str(o.email),
      signupIp: str(o.signupIp),
      paymentFingerprint: str(o.paymentFingerprint),
      country: str(o.country),
      tier: str(o.tier),
      route: str(o.route),
    },
  };
}
