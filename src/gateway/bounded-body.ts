/** Appended to every text cut by `boundRequest`. */
export const TRUNCATED_MARK = '…[truncated by Moat]';

/** Longest top-level string parameter kept as is in a truncated request. */
const MAX_PARAM_CHARS = 256;

/**
 * Approximate JSON size of a value in characters, counting no further than `stop`.
 * Cheap on purpose (no serialisation): it runs for refused requests, which an attacker
 * chooses freely.
 */
function sizeOf(v: unknown, stop: number, depth = 0): number {
  if (typeof v === 'string') return v.length + 2;
  if (v === null || typeof v !== 'object') return 8;
  if (depth > 200) return stop; // deeper than any body the parser lets through
  let n = 2;
  if (Array.isArray(v)) {
    for (const x of v) {
      n += sizeOf(x, stop - n, depth + 1) + 1;
      if (n >= stop) return n;
    }
    return n;
  }
  for (const k in v) {
    n += k.length + 4 + sizeOf((v as Record<string, unknown>)[k], stop - n, depth + 1);
    if (n >= stop) return n;
  }
  return n;
}

/** The text of a message's content: a string, or the text blocks of an array, other blocks by type. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let out = '';
  for (const b of content) {
    if (typeof b === 'string') out += b;
    else if (b && typeof b === 'object') {
      const block = b as Record<string, unknown>;
      out +=
        typeof block['text'] === 'string'
          ? block['text']
          : `[${typeof block['type'] === 'string' ? block['type'] : 'block'}]`;
    }
    out += '\n';
  }
  return out;
}

function cut(text: string, budget: number): string {
  return text.length <= budget ? text : text.slice(0, Math.max(0, budget)) + TRUNCATED_MARK;
}

/**
 * A request body bounded to about `maxBytes` for a refused request's telemetry event, or
 * undefined when it is already within the bound. Keeps what the detector reads — short
 * top-level parameters, each message's role and the start of its text (and the start of
 * an Anthropic `system`) — and marks every cut text with `TRUNCATED_MARK`; long parameter
 * values (tools, schemas, images) are dropped. The result still has `messages`, so readers
 * of the event contract accept it.
 * @example boundRequest({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(1e6) }] }, 8192)
 */
export function boundRequest(
  body: Record<string, unknown>,
  maxBytes: number,
): { request: { messages: unknown[]; [k: string]: unknown }; originalBytes: number } | undefined {
  const size = sizeOf(body, Infinity);
  if (size <= maxBytes) return undefined;
  const request: { messages: unknown[]; [k: string]: unknown } = { messages: [] };
  let budget = maxBytes;
  for (const k in body) {
    if (k === 'messages' || k === 'system') continue;
    const v = body[k];
    if (
      v === null ||
      typeof v === 'number' ||
      typeof v === 'boolean' ||
      (typeof v === 'string' && v.length <= MAX_PARAM_CHARS)
    ) {
      request[k] = v;
      budget -= k.length + 12 + (typeof v === 'string' ? v.length : 0);
    }
  }
  if (body['system'] !== undefined) {
    const system = textOf(body['system']);
    request['system'] = cut(system, Math.floor(budget / 2));
    budget -= Math.min(system.length, Math.floor(budget / 2)) + 32;
  }
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  for (const m of messages) {
    if (budget <= 0) {
      request.messages.push({ role: 'user', content: TRUNCATED_MARK });
      break;
    }
    const msg = m && typeof m === 'object' ? (m as Record<string, unknown>) : {};
    const role = typeof msg['role'] === 'string' ? msg['role'].slice(0, 32) : 'user';
    const text = textOf(msg['content']);
    request.messages.push({ role, content: cut(text, budget) });
    budget -= Math.min(text.length, budget) + 32;
  }
  return { request, originalBytes: size };
}
