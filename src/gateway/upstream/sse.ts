import { createParser } from 'eventsource-parser';
import type { SseEvent } from '../upstream.js';

/**
 * The one server-sent-events decoder every upstream adapter uses (STYLE.md: "one SSE
 * decoder"). Bytes are decoded as streaming UTF-8 (a character split across two chunks is
 * held back until complete) and fed to eventsource-parser, which follows the WHATWG HTML
 * "event stream interpretation" rules (CRLF/CR/LF line ends, `data:` lines joined with
 * "\n", comments and `retry:` ignored).
 *
 * Events are delivered as soon as their terminating blank line arrives; nothing is buffered
 * beyond the current partial event. Iterate the stream for one event at a time, or
 * `batches()` for the events of each upstream read together (the proxy's hot path: one
 * await and one write per read, not per event). Consume it one way, once.
 * @example for await (const ev of decodeSse(bodyChunks)) if (ev.data === '[DONE]') break;
 */
export function decodeSse(chunks: AsyncIterable<Uint8Array | string>): SseEventStream {
  return new SseEventStream(chunks);
}

/** A decoded event stream: per event, or per upstream read with `batches()`. */
export class SseEventStream implements AsyncIterable<SseEvent> {
  constructor(private readonly chunks: AsyncIterable<Uint8Array | string>) {}

  async *batches(): AsyncGenerator<SseEvent[]> {
    const utf8 = new TextDecoder('utf-8');
    let ready: SseEvent[] = [];
    const parser = createParser({
      onEvent(msg) {
        ready.push(msg);
      },
    });
    for await (const chunk of this.chunks) {
      parser.feed(typeof chunk === 'string' ? chunk : utf8.decode(chunk, { stream: true }));
      if (ready.length === 0) continue;
      const batch = ready;
      ready = [];
      yield batch;
    }
    // A dangling partial character or event at end of stream is discarded, as the spec says.
    const tail = utf8.decode();
    if (tail) parser.feed(tail);
    if (ready.length > 0) yield ready;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<SseEvent> {
    for await (const batch of this.batches()) yield* batch;
  }
}

/** Events in batches: the stream's own batches when it has them, else one event per batch. */
export async function* batchesOf(events: AsyncIterable<SseEvent>): AsyncGenerator<SseEvent[]> {
  if (events instanceof SseEventStream) {
    yield* events.batches();
    return;
  }
  for await (const ev of events) yield [ev];
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
