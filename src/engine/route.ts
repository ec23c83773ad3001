/**
 * Which partition a log line belongs to when `moat analyze --workers N` splits the accounts
 * among N detectors (issue 13): a stable hash of the account id, read from the line's raw
 * bytes without parsing the rest of it. Every worker reads every line and parses only its
 * own, so the cost of a line that is not its own is this walk over its first bytes.
 */
import { mix32 } from '../detect/text.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** `account`, the key routed on. */
const ACCOUNT = [0x61, 0x63, 0x63, 0x6f, 0x75, 0x6e, 0x74];

/** FNV-1a over bytes, finished with the murmur3 mixer (FNV's low bits alone split poorly). */
function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return mix32(h);
}

/**
 * The partition (0 … n-1) of an account id: a hash of its UTF-8 bytes, so the same id
 * lands in the same partition whether it is read from raw bytes or from a parsed record.
 * @example partitionOf('acct_4251579976', 2) // 0 or 1, the same on every run
 */
export function partitionOf(account: string, n: number): number {
  // An ASCII id's UTF-16 code units are its UTF-8 bytes: hash them without encoding.
  let h = 0x811c9dc5;
  for (let i = 0; i < account.length; i++) {
    const c = account.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = Buffer.from(account, 'utf8');
      return hashBytes(bytes, 0, bytes.length) % n;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return mix32(h) % n;
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function skipSpace(buf: Uint8Array, i: number, end: number): number {
  while (i < end && isSpace(buf[i]!)) i++;
  return i;
}

/** Index of the closing quote of a string whose body starts at `i`, skipping escapes; -1 if unterminated. */
function stringEnd(buf: Uint8Array, i: number, end: number): number {
  for (; i < end; i++) {
    const b = buf[i]!;
    if (b === QUOTE) return i;
    if (b === BACKSLASH) i++;
  }
  return -1;
}

/** Index just past the JSON value starting at `i` (strings, nesting and scalars); -1 if the line ends first. */
function skipValue(buf: Uint8Array, i: number, end: number): number {
  const b = buf[i];
  if (b === QUOTE) {
    const close = stringEnd(buf, i + 1, end);
    return close < 0 ? -1 : close + 1;
  }
  if (b === OPEN_BRACE || b === OPEN_BRACKET) {
    let depth = 0;
    for (; i < end; i++) {
      const c = buf[i]!;
      if (c === QUOTE) {
        i = stringEnd(buf, i + 1, end);
        if (i < 0) return -1;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) return i + 1;
    }
    return -1;
  }
  while (i < end) {
    const c = buf[i]!;
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isSpace(c)) return i;
    i++;
  }
  return -1;
}

/** Whether the key body [k0, k1) is exactly `account` (no escapes: the caller checked). */
function isAccountKey(buf: Uint8Array, k0: number, k1: number): boolean {
  if (k1 - k0 !== ACCOUNT.length) return false;
  for (let j = 0; j < ACCOUNT.length; j++) if (buf[k0 + j] !== ACCOUNT[j]) return false;
  return true;
}

function hasEscape(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] === BACKSLASH) return true;
  return false;
}

/** Whether [start, end) holds no escape and no byte outside ASCII (its bytes are the id's UTF-8 as JSON.parse reads it). */
function plainAscii(buf: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i]! >= 0x80 || buf[i] === BACKSLASH) return false;
  return true;
}

/**
 * The partition of a JSON object line by its top-level `"account"` string, walking the
 * keys before it (the gateway writes `ts` and `account` first, so that is a few dozen
 * bytes); -1 when the walk is not sure (no such key, escapes in a key or in the id, a
 * line that is not a JSON object): the caller then parses the line. With two `"account"`
 * keys the first decides, where JSON.parse keeps the last; the worker that parses the line
 * sees that and reports it.
 */
export function linePartition(buf: Uint8Array, start: number, end: number, n: number): number {
  let i = skipSpace(buf, start, end);
  if (buf[i] !== OPEN_BRACE) return -1;
  i++;
  for (;;) {
    i = skipSpace(buf, i, end);
    if (i >= end || buf[i] !== QUOTE) return -1;
    const k0 = i + 1;
    const k1 = stringEnd(buf, k0, end);
    // An escaped key might spell `account`: not sure.
    if (k1 < 0 || hasEscape(buf, k0, k1)) return -1;
    i = skipSpace(buf, k1 + 1, end);
    if (buf[i] !== COLON) return -1;
    i = skipSpace(buf, i + 1, end);
    if (i >= end) return -1;
    if (isAccountKey(buf, k0, k1)) {
      if (buf[i] !== QUOTE) return -1;
      const v1 = stringEnd(buf, i + 1, end);
      if (v1 < 0 || !plainAscii(buf, i + 1, v1)) return -1;
      return hashBytes(buf, i + 1, v1) % n;
    }
    i = skipValue(buf, i, end);
    if (i < 0) return -1;
    i = skipSpace(buf, i, end);
    if (buf[i] !== COMMA) return -1;
    i++;
  }
}
