/**
 * A validating JSON walker over a string that builds no values (issue 19): the stream path
 * uses it to find one field of a stream event without `JSON.parse`. It accepts exactly the
 * texts `JSON.parse` accepts (RFC 8259), except that it gives up — `ok` false, the caller
 * falls back to the parser — on what the common events never hold: a control character
 * anywhere (so whitespace is the space alone), a backslash in a key, nesting past
 * `MAX_DEPTH`. Strings are skipped by `indexOf`, so the per-character work is the structure
 * between them.
 */

const MAX_DEPTH = 32;
const QUOTE = 0x22;
/** Any C0 control character: never in compact JSON, and invalid inside a JSON string. */
const CONTROL = /[\u0000-\u001f]/;

/** Single-character escapes of RFC 8259 §7: `"` `\` `/` b f n r t. */
function simpleEscape(c: number): boolean {
  return (
    c === 0x22 ||
    c === 0x5c ||
    c === 0x2f ||
    c === 0x62 ||
    c === 0x66 ||
    c === 0x6e ||
    c === 0x72 ||
    c === 0x74
  );
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * The cursor. Every method returns false (and clears `ok`) on text it does not accept;
 * a caller checks `ok` once at the end.
 * @example
 * const c = new JsonCursor('{"a":[1,"x"]}');
 * if (c.open(0x7b)) do { c.key(); c.value(); } while (c.more(0x7d));
 * c.done(); // true: valid JSON, one key "a" (c.is('a') right after c.key())
 */
export class JsonCursor {
  /** Position of the next character to read. */
  i = 0;
  ok = true;
  /** The last string read, quotes included: [from, to). */
  from = 0;
  to = 0;
  /** Whether that string holds an escape (its text is then `JSON.parse` of the slice). */
  escaped = false;
  /** The next backslash at or after some earlier position (s.length when none). */
  private bs = -1;

  constructor(readonly s: string) {
    if (CONTROL.test(s)) this.ok = false;
  }

  /** Give up: the caller falls back to the parser. */
  fail(): false {
    this.ok = false;
    return false;
  }

  /** `fail()` for a method that returns an index. */
  private give(): -1 {
    this.ok = false;
    return -1;
  }

  /** Skip spaces (the only whitespace accepted: see the file comment). */
  ws(): void {
    while (this.s.charCodeAt(this.i) === 0x20) this.i++;
  }

  /** The next non-space character's code (NaN at the end). */
  peek(): number {
    this.ws();
    return this.s.charCodeAt(this.i);
  }

  /** Consume `ch` (after spaces). */
  expect(ch: number): boolean {
    if (this.peek() !== ch) return this.fail();
    this.i++;
    return true;
  }

  /** Open an object or array; false also when it is empty (then it is consumed whole). */
  open(ch: number): boolean {
    if (!this.expect(ch)) return false;
    if (this.peek() !== ch + 2) return true; // '{'+2 is '}', '['+2 is ']'
    this.i++;
    return false;
  }

  /** After a member: true on a comma (another follows), false on `close` or an error. */
  more(close: number): boolean {
    const c = this.peek();
    this.i++;
    if (c === 0x2c) return true;
    if (c !== close) this.fail();
    return false;
  }

  /** Read a key and its colon; an escaped key makes the caller fall back. */
  key(): boolean {
    if (this.peek() !== QUOTE || !this.string()) return this.fail();
    if (this.escaped) return this.fail();
    return this.expect(0x3a);
  }

  /** Whether the last key or string read is exactly `name` (unescaped). */
  is(name: string): boolean {
    return this.to - this.from - 2 === name.length && this.s.startsWith(name, this.from + 1);
  }

  /** The last string read, decoded. */
  text(): string {
    return this.escaped
      ? (JSON.parse(this.s.slice(this.from, this.to)) as string)
      : this.s.slice(this.from + 1, this.to - 1);
  }

  /** Read a string at the cursor (which is on its opening quote), validating its escapes. */
  string(): boolean {
    const s = this.s;
    this.from = this.i;
    this.escaped = false;
    let j = this.i + 1;
    for (;;) {
      const q = s.indexOf('"', j);
      if (q < 0) return this.fail();
      if (this.bs < j) {
        this.bs = s.indexOf('\\', j);
        if (this.bs < 0) this.bs = s.length;
      }
      if (this.bs > q) {
        this.i = this.to = q + 1;
        return true;
      }
      this.escaped = true;
      const at = this.bs;
      const e = s.charCodeAt(at + 1);
      if (e === 0x75) {
        if (
          !isHex(s.charCodeAt(at + 2)) ||
          !isHex(s.charCodeAt(at + 3)) ||
          !isHex(s.charCodeAt(at + 4)) ||
          !isHex(s.charCodeAt(at + 5))
        )
          return this.fail();
        j = at + 6;
      } else if (simpleEscape(e)) {
        j = at + 2;
      } else {
        return this.fail();
      }
    }
  }

  /** Whether the value at the cursor is the literal `null` (consumed when it is). */
  null(): boolean {
    if (this.peek() !== 0x6e || !this.s.startsWith('null', this.i)) return false;
    this.i += 4;
    return true;
  }

  /**
   * A small non-negative integer (0–999) written plainly, as an index is; anything else
   * (a sign, a fraction, an exponent, more digits) makes the caller fall back. -1 then.
   */
  index(): number {
    const s = this.s;
    let c = this.peek();
    if (!isDigit(c)) return this.give();
    let n = c - 0x30;
    let len = 1;
    while (isDigit((c = s.charCodeAt(this.i + len)))) {
      n = n * 10 + c - 0x30;
      len++;
    }
    if ((n === 0 && len > 1) || len > 3 || c === 0x2e || c === 0x65 || c === 0x45)
      return this.give();
    this.i += len;
    return n;
  }

  /** Skip one value of any kind, validating it. */
  value(depth = 0): boolean {
    const c = this.peek();
    if (c === QUOTE) return this.string();
    if (c === 0x7b || c === 0x5b) {
      if (depth >= MAX_DEPTH) return this.fail();
      const obj = c === 0x7b;
      if (this.open(c)) {
        do {
          if (obj && (this.peek() !== QUOTE || !this.string() || !this.expect(0x3a)))
            return this.fail();
          if (!this.value(depth + 1)) return false;
        } while (this.more(c + 2));
      }
      return this.ok;
    }
    if (c === 0x2d || isDigit(c)) return this.number();
    const len =
      c === 0x74 && this.s.startsWith('true', this.i)
        ? 4
        : c === 0x66 && this.s.startsWith('false', this.i)
          ? 5
          : c === 0x6e && this.s.startsWith('null', this.i)
            ? 4
            : 0;
    if (len === 0) return this.fail();
    this.i += len;
    return true;
  }

  /** A number by RFC 8259 §6: -? (0 | [1-9] digits) (. digits)? ([eE] [+-]? digits)?. */
  private number(): boolean {
    const s = this.s;
    let i = this.i;
    if (s.charCodeAt(i) === 0x2d) i++;
    if (s.charCodeAt(i) === 0x30) i++;
    else if (isDigit(s.charCodeAt(i))) while (isDigit(s.charCodeAt(i))) i++;
    else return this.fail();
    if (s.charCodeAt(i) === 0x2e) {
      if (!isDigit(s.charCodeAt(++i))) return this.fail();
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 0x65 || e === 0x45) {
      const sign = s.charCodeAt(++i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(s.charCodeAt(i))) return this.fail();
      while (isDigit(s.charCodeAt(i))) i++;
    }
    this.i = i;
    return true;
  }

  /** The whole text was read: nothing but spaces after the value. */
  done(): boolean {
    this.ws();
    return this.ok && this.i === this.s.length;
  }
}
