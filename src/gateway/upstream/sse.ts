import { createParser } from 'eventsource-parser';
import type { SseEvent } from '../upstream.js';

/**
 * The one server-sent-events decoder every upstream adapter uses (STYLE.md: "one SSE
 * decoder"). Bytes are decoded as streaming UTF-8 (a character split across two chunks is
 * held back until complete) and fed to eventsource-parser, which follows the WHATWG HTML
 * "event stream interpretation" rules (CRLF/CR/LF line ends, `data:` lines joined with
 * "\n", comments and `retry:` ignored).
 *
 * Events are yielded as soon as their terminating blank line arrives; nothing is buffered
 * beyond the current partial event.
 * @example for await (const ev of decodeSse(bodyChunks)) if (ev.data === '[DONE]') break;
 */
export async function* decodeSse(
  chunks: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<SseEvent> {
  const utf8 = new TextDecoder('utf-8');
  let ready: SseEvent[] = [];
  const parser = createParser({
    onEvent(msg) {
      ready.push(msg);
    },
  });
  for await (const chunk of chunks) {
    parser.feed(typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true }));
    if (ready.length === 0) continue;
    const batch = ready;
    ready = [];
    for (const ev of batch) yield ev;
  }
  // A dangling partial character or event at end of stream is discarded, as the spec says.
  const tail = utf8.decode();
  if (tail) parser.feed(tail);
  for (const ev of ready) yield ev;
}

/**
 * Serialise one event in the text/event-stream format: `event:` line when named, one
 * `data:` line per line of data, and the blank line that ends the event.
 * @example encodeSse({ data: '[DONE]' }) === 'data: [DONE]\n\n'
 */
export function encodeSse(ev: SseEvent): string {
  const data = ev.data.includes('\n') ? ev.data.split('\n').join('\ndata: ') : ev.data;
  const id = ev.id === undefined ? '' : `id: ${ev.id}\n`;
  return ev.event === undefined
    ? `${id}data: ${data}\n\n`
    : `event: ${ev.event}\n${id}data: ${data}\n\n`;
}
