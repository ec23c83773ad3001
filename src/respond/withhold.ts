/**
 * Degraded service, response side: what a degraded account receives is the answer and
 * nothing an extraction campaign trains on beyond it — no reasoning (OpenAI-compatible
 * `reasoning_content`/`reasoning`/`reasoning_details`, LiteLLM `thinking_blocks` and
 * `provider_specific_fields`, Anthropic `thinking`/`redacted_thinking` blocks), no
 * logprobs (`choices[].logprobs`, vLLM `prompt_logprobs`, token ids).
 *
 * Like the request side (degrade.ts) this is an allow-list (issue 14): a response keeps
 * only the fields the official APIs document for the answer itself; a field an upstream
 * adds next year is withheld until someone allow-lists it. `logprobs` stays present as
 * null where the APIs always send it, so SDKs that read it see "not requested".
 */

/** The API family of a body. */
type Protocol = 'openai' | 'anthropic';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keep only `allowed` keys of `o`, in place; true when something was removed. */
function keepOnly(o: Json, allowed: ReadonlySet<string>): boolean {
  let removed = false;
  for (const k of Object.keys(o)) {
    if (!allowed.has(k)) {
      delete o[k];
      removed = true;
    }
  }
  return removed;
}

// OpenAI Chat Completions: chat.completion and chat.completion.chunk objects.
const OA_TOP = new Set([
  'id',
  'object',
  'created',
  'model',
  'choices',
  'usage',
  'system_fingerprint',
  'service_tier',
]);
const OA_CHOICE = new Set(['index', 'message', 'delta', 'finish_reason', 'logprobs']);
const OA_MESSAGE = new Set([
  'role',
  'content',
  'refusal',
  'tool_calls',
  'function_call',
  'annotations',
  'audio',
]);

// Anthropic Messages: message objects, content blocks, stream deltas.
const AN_TOP = new Set([
  'id',
  'type',
  'role',
  'model',
  'content',
  'stop_reason',
  'stop_sequence',
  'usage',
  'container',
]);
const AN_BLOCKS = new Set(['text', 'tool_use']);
const AN_BLOCK_FIELDS: Record<string, ReadonlySet<string>> = {
  text: new Set(['type', 'text', 'citations']),
  tool_use: new Set(['type', 'id', 'name', 'input']),
};
const AN_DELTAS = new Set(['text_delta', 'input_json_delta', 'citations_delta']);

function openaiChoice(c: unknown, part: 'message' | 'delta'): boolean {
  if (!isObj(c)) return false;
  let removed = keepOnly(c, OA_CHOICE);
  if (c['logprobs'] !== undefined && c['logprobs'] !== null) {
    c['logprobs'] = null;
    removed = true;
  }
  const m = c[part];
  if (isObj(m) && keepOnly(m, OA_MESSAGE)) removed = true;
  return removed;
}

function anthropicBlocks(content: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const b of content) {
    if (!isObj(b) || !AN_BLOCKS.has(String(b['type']))) continue;
    keepOnly(b, AN_BLOCK_FIELDS[String(b['type'])]!);
    out.push(b);
  }
  return out;
}

/**
 * Withholds reasoning and logprobs from a non-streaming response body, in place.
 * @example stripReasoningJson('openai', json) // choices[].message keeps role, content, tool calls…
 */
export function stripReasoningJson(protocol: Protocol, json: Json): void {
  if (protocol === 'anthropic') {
    keepOnly(json, AN_TOP);
    if (Array.isArray(json['content'])) json['content'] = anthropicBlocks(json['content']);
    return;
  }
  keepOnly(json, OA_TOP);
  if (Array.isArray(json['choices'])) for (const c of json['choices']) openaiChoice(c, 'message');
}

/** A per-stream event filter: returns the event to send, or null to drop it. */
export type ReasoningStripper = (eventName: string | undefined, data: Json) => Json | null;

/**
 * A stateful filter for one SSE stream's parsed `data` objects.
 * OpenAI: chunks keep only documented fields; a chunk left with nothing but empty deltas
 * is dropped. Anthropic: blocks other than text and tool_use (thinking, redacted_thinking,
 * anything unknown) are dropped with their deltas, and later blocks are renumbered so
 * indexes stay contiguous from 0, which the official SDKs' stream accumulators require.
 * @example const strip = createReasoningStripper('anthropic'); const out = strip(ev.event, JSON.parse(ev.data));
 */
export function createReasoningStripper(protocol: Protocol): ReasoningStripper {
  return protocol === 'anthropic' ? anthropicStripper() : openaiStripper;
}

function openaiStripper(_event: string | undefined, data: Json): Json | null {
  if (data['error'] !== undefined) return data; // an error event passes as it is
  let removed = keepOnly(data, OA_TOP);
  const choices = data['choices'];
  if (!Array.isArray(choices)) return data;
  for (const c of choices) if (openaiChoice(c, 'delta')) removed = true;
  if (!removed || choices.length === 0) return data;
  const empty = choices.every(
    (c) =>
      isObj(c) &&
      (!isObj(c['delta']) || Object.keys(c['delta']).length === 0) &&
      (c['finish_reason'] ?? null) === null,
  );
  return empty && data['usage'] == null ? null : data;
}

function anthropicStripper(): ReasoningStripper {
  const dropped: number[] = [];
  const shift = (index: number): number => dropped.filter((d) => d < index).length;
  return (event, data) => {
    const type = typeof data['type'] === 'string' ? data['type'] : event;
    if (type === 'message_start' && isObj(data['message'])) {
      stripReasoningJson('anthropic', data['message']);
      return data;
    }
    if (
      type !== 'content_block_start' &&
      type !== 'content_block_delta' &&
      type !== 'content_block_stop'
    )
      return data;
    const index = typeof data['index'] === 'number' ? data['index'] : -1;
    if (type === 'content_block_start') {
      const block = data['content_block'];
      if (!isObj(block) || !AN_BLOCKS.has(String(block['type']))) {
        dropped.push(index);
        return null;
      }
      keepOnly(block, AN_BLOCK_FIELDS[String(block['type'])]!);
    }
    if (dropped.includes(index)) return null;
    if (
      type === 'content_block_delta' &&
      !(isObj(data['delta']) && AN_DELTAS.has(String(data['delta']['type'])))
    )
      return null;
    const n = shift(index);
    return n === 0 ? data : { ...data, index: index - n };
  };
}
