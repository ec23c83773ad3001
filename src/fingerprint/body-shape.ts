/**
 * The shape of a request body: its top-level key order and which parameters the client
 * sets explicitly to the API's default value. SDKs and hand-written scripts differ
 * here (an SDK omits unset parameters; many scripts send `temperature: 1, top_p: 1,
 * n: 1, stream: false` verbatim), and a harvesting fleet runs one script.
 */

/** Documented defaults of the OpenAI chat-completions and Anthropic messages parameters. */
const DEFAULTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ['temperature', 1],
  ['top_p', 1],
  ['n', 1],
  ['stream', false],
  ['presence_penalty', 0],
  ['frequency_penalty', 0],
  ['logprobs', false],
  ['top_logprobs', 0],
  ['parallel_tool_calls', true],
  ['store', false],
]);

const MAX_KEYS = 32;
const MAX_KEY_LEN = 32;

function isEmptyContainer(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && v !== null) {
    for (const _k in v) return false;
    return true;
  }
  return false;
}

function defaultMark(key: string, value: unknown): string | null {
  if (value === null) return `${key}=null`;
  if (DEFAULTS.has(key) && DEFAULTS.get(key) === value) return `${key}=${String(value)}`;
  // `logit_bias: {}`, `tools: []`, `stop: []` are explicit "nothing" values.
  if (isEmptyContainer(value)) return `${key}=${Array.isArray(value) ? '[]' : '{}'}`;
  return null;
}

function clipKey(k: string): string {
  return k.length > MAX_KEY_LEN ? k.slice(0, MAX_KEY_LEN) : k;
}

/**
 * `key,key,…|key=default,…` for a parsed body; '' when there is no body.
 * `keys` (the order the client sent) wins over the object's own key order, which
 * JavaScript reorders for integer-like keys.
 * @example bodyShape(undefined, { model: 'm', messages: [], temperature: 1 })
 * // 'model,messages,temperature|messages=[],temperature=1'
 */
export function bodyShape(
  keys: readonly unknown[] | undefined,
  body: Record<string, unknown> | undefined,
): string {
  const isObj = typeof body === 'object' && body !== null && !Array.isArray(body);
  const order: string[] = [];
  if (Array.isArray(keys)) {
    for (let i = 0; i < keys.length && order.length < MAX_KEYS; i++) {
      const k = keys[i];
      if (typeof k === 'string') order.push(clipKey(k));
    }
  } else if (isObj) {
    for (const k in body) {
      if (order.length >= MAX_KEYS) break;
      if (Object.prototype.hasOwnProperty.call(body, k)) order.push(clipKey(k));
    }
  }
  if (order.length === 0) return '';
  const marks: string[] = [];
  if (isObj) {
    for (const k of order) {
      if (!Object.prototype.hasOwnProperty.call(body, k)) continue;
      const m = defaultMark(k, (body as Record<string, unknown>)[k]);
      if (m !== null) marks.push(m);
    }
  }
  return `${order.join(',')}|${marks.join(',')}`;
}
