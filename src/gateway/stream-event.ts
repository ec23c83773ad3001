/**
 * The per-event edits of the stream path (proxy.ts `sendStream`): putting a transformed
 * delta text back into an event's data, and the chat/Anthropic rules for the event that
 * ends a choice. Apart from the proxy so the scanned path and the parsed one can be
 * compared on the same events (protocol/event-scan.test.ts).
 */
import type { ScannedEvent } from './protocol/protocol.js';
import type { Protocol } from './upstream.js';

/**
 * A parsed event's data with one delta text replaced. Splices the JSON string in place when
 * it is found once as JSON.stringify writes it and the data holds no escape, else
 * re-serialises. With an escape the text itself may be written otherwise (`s\u0074op`)
 * and the one match another field (`"finish_reason":"stop"`): issue 19 found the splice
 * then rewrote the wrong field.
 */
export function replaceText(
  raw: string,
  data: Record<string, unknown>,
  before: string,
  after: string,
): string {
  const enc = JSON.stringify(before);
  const at = raw.indexOf('\\') < 0 ? raw.indexOf(enc) : -1;
  if (at >= 0 && raw.indexOf(enc, at + enc.length) < 0)
    return raw.slice(0, at) + JSON.stringify(after) + raw.slice(at + enc.length);
  return JSON.stringify(data);
}

/**
 * A scanned event's data with its delta text replaced (issue 19): the scanner knows where
 * the text's JSON string is, so the rest of the event keeps its bytes whatever it holds.
 * @example spliceText('{"t":"a"}', { from: 5, to: 8, … }, 'b"') === '{"t":"b\\""}'
 */
export function spliceText(
  raw: string,
  at: Pick<ScannedEvent, 'from' | 'to'>,
  after: string,
): string {
  return raw.slice(0, at.from) + JSON.stringify(after) + raw.slice(at.to);
}

/** Whether a chat chunk carries usage alone (no choices). */
export function isUsageOnlyChunk(data: Record<string, unknown>): boolean {
  const choices = data['choices'];
  return (
    data['usage'] !== undefined &&
    data['usage'] !== null &&
    Array.isArray(choices) &&
    choices.length === 0
  );
}

/** The choice (OpenAI chat) or content block (Anthropic) this event ends, if any. */
export function endingChoice(
  protocol: Protocol,
  name: string | undefined,
  data: Record<string, unknown>,
): number | undefined {
  if (protocol === 'anthropic') {
    const type = (data['type'] as string | undefined) ?? name;
    return type === 'content_block_stop' && typeof data['index'] === 'number'
      ? data['index']
      : undefined;
  }
  const c = (data['choices'] as Array<Record<string, unknown>> | undefined)?.[0];
  if (c && c['finish_reason'] !== null && c['finish_reason'] !== undefined)
    return (c['index'] as number) ?? 0;
  return undefined;
}
