const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether a JSON text nests arrays and objects deeper than `limit` levels. Checked on the
 * raw bytes before `JSON.parse`, so a hostile body is refused before it is ever a value that
 * recursive code (serialisation, token estimates, fingerprints) could overflow the stack on
 * (issue 14). String contents are skipped with `indexOf` — they are most of an LLM
 * request's bytes — so this costs a small fraction of the parse that follows. It does not
 * validate: a malformed text is left for `JSON.parse` to report.
 *
 * UTF-8 multi-byte sequences never contain bytes below 0x80, so scanning for the ASCII
 * structural characters is exact (RFC 8259 §8.1).
 *
 * @example exceedsDepth(Buffer.from('[[[1]]]'), 2) // true
 */
export function exceedsDepth(buf: Buffer, limit: number): boolean {
  let depth = 0;
  const n = buf.length;
  for (let i = 0; i < n; i++) {
    const c = buf[i]!;
    if (c === QUOTE) {
      i = stringEnd(buf, i);
      if (i < 0) return false; // unterminated: JSON.parse reports it
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

/** Index of the quote closing the string opened at `open`, or -1. */
function stringEnd(buf: Buffer, open: number): number {
  let at = open;
  for (;;) {
    at = buf.indexOf(QUOTE, at + 1);
    if (at < 0) return -1;
    // Escaped when preceded by an odd number of backslashes.
    let slashes = 0;
    while (buf[at - 1 - slashes] === BACKSLASH) slashes++;
    if ((slashes & 1) === 0) return at;
  }
}
