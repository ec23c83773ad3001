import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { SseEvent } from '../upstream.js';
import { decodeSse, encodeSse, sseComment, sseFrame } from './sse.js';

async function* chunksOf(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let at = 0;
  for (const c of [...cuts, bytes.length]) {
    yield bytes.subarray(at, c);
    at = c;
  }
}

/** A plain object with only the fields that are set, so events compare structurally. */
function plain(ev: SseEvent): SseEvent {
  return {
    data: ev.data,
    ...(ev.event === undefined ? {} : { event: ev.event }),
    ...(ev.id === undefined ? {} : { id: ev.id }),
  };
}

async function decodeAll(bytes: Uint8Array, cuts: number[] = []): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const ev of decodeSse(chunksOf(bytes, cuts))) out.push(plain(ev));
  return out;
}

const eventArb: fc.Arbitrary<SseEvent> = fc.record(
  {
    event: fc.stringMatching(/^[a-z_]{1,16}$/),
    id: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
    // Any Unicode, astral planes included; CR is a line terminator in SSE, so data cannot hold it.
    data: fc.string({ unit: 'binary', maxLength: 40 }).map((s) => s.replace(/[\r\0]/g, '')),
  },
  { requiredKeys: ['data'] },
);

describe('SSE decoder', () => {
  it('decodes a stream split at random byte boundaries (inside UTF-8 characters too) to the same events', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 30 }),
        async (events, crlf, rawCuts) => {
          let text = events.map(encodeSse).join('');
          if (crlf) text = text.replace(/\n/g, '\r\n');
          const bytes = Buffer.from(text, 'utf8');
          const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          assert.deepEqual(await decodeAll(bytes, cuts), events.map(plain));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('decodes any bytes split anywhere exactly as one TextDecoder over the whole stream (issue 19: the ASCII fast path)', async () => {
    const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
    const piece = fc.oneof(
      fc.constant(Buffer.from('data: ')),
      fc.constant(Buffer.from('\n')),
      fc.constant(BOM),
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }).map((s) => Buffer.from(s)),
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => Buffer.from(s)),
      // Invalid and truncated sequences: lone continuation bytes, cut leads, overlongs.
      fc.uint8Array({ minLength: 1, maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 24 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        async (pieces, rawCuts) => {
          const bytes = Buffer.concat([...pieces, Buffer.from('\n\n')]);
          const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const whole = new TextDecoder('utf-8').decode(bytes);
          const want: SseEvent[] = [];
          const once = async function* () {
            yield whole; // a string skips the decoder
          };
          for await (const ev of decodeSse(once())) want.push(plain(ev));
          assert.deepEqual(await decodeAll(bytes, cuts), want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('splits one byte at a time inside a 4-byte character', async () => {
    const bytes = Buffer.from('data: 🦀 crab\n\ndata: [DONE]\n\n', 'utf8');
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
    assert.deepEqual(await decodeAll(bytes, cuts), [{ data: '🦀 crab' }, { data: '[DONE]' }]);
  });

  it('skips comments and keeps multi-line data joined with newlines', async () => {
    const bytes = Buffer.from(
      ': keep-alive\n\nevent: ping\ndata: {"a":1}\ndata: {"b":2}\n\n',
      'utf8',
    );
    assert.deepEqual(await decodeAll(bytes), [{ event: 'ping', data: '{"a":1}\n{"b":2}' }]);
  });

  it('drops an unterminated final event, as the spec says', async () => {
    assert.deepEqual(await decodeAll(Buffer.from('data: one\n\ndata: partial')), [{ data: 'one' }]);
  });

  it('encodes the wire format', () => {
    assert.equal(encodeSse({ data: '[DONE]' }), 'data: [DONE]\n\n');
    assert.equal(encodeSse({ event: 'ping', data: 'a\nb' }), 'event: ping\ndata: a\ndata: b\n\n');
    // Issue 19: the one encoder (the proxy's own wrote a raw line break into one data line).
    assert.equal(sseFrame(undefined, 'a\r\nb\rc'), 'data: a\ndata: b\ndata: c\n\n');
    assert.equal(encodeSse({ id: '7', data: 'x' }), 'id: 7\ndata: x\n\n');
    assert.equal(sseComment('moat-receipt {"a":\n1}'), ': moat-receipt {"a": 1}\n\n');
  });
});
