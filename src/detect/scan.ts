/**
 * The offline reader's fast path: a validating, selective JSON scanner for telemetry lines.
 *
 * `moat analyze` spent most of its time turning a 2–3 KB line into objects the detector never
 * reads (response text, assistant turns, header lists, unknown fields). Here a WebAssembly
 * module (wasm/scan.c) checks every byte of the line against the JSON grammar and records
 * where the values the detector reads are; this file decodes only those. The approach is
 * simdjson's on-demand parsing (Langdale & Lemire, VLDB Journal 2019; Keiser & Lemire,
 * Software: Practice and Experience 2024).
 *
 * Contract, relied on by `readEventLine` and checked by differential tests against JSON.parse:
 * - a record comes back only for a line JSON.parse accepts, and every field in it has the
 *   value JSON.parse would give (duplicate keys: the last wins, as there);
 * - anything the scanner is not sure of (invalid JSON, nesting deeper than 64, more than 1,024
 *   messages, an escaped key or block type) returns `undefined`, and the caller takes the
 *   JSON.parse path, which also names the error — so messages never differ between paths.
 *
 * The record is the detector's view of the event, not the whole event:
 * - top level: `ts`, `account`, `key`, `ip`, `userAgent`, `ja4`, `headerOrder`,
 *   `fingerprint`, `endpoint`, `model`, `status`, `action`, `request`, `response`;
 * - `request`: `messages`, `system`, `model`, `temperature`, `n`, `max_tokens`,
 *   `max_completion_tokens`, `logprobs`, `top_logprobs`, `logit_bias`, `top_p`, `top_k`,
 *   `stream`, `seed`, `presence_penalty`, `frequency_penalty`, `reasoning_effort`,
 *   `response_format`, `stop`, `thinking`, `user`, `safety_identifier`, `metadata` (objects
 *   and arrays among these are JSON.parse of their bytes), and `tools` (JSON.parse of its
 *   bytes: the detector reads the tool names; one frozen value per distinct list, shared by
 *   the records that send the same bytes, as `headerOrder` is);
 * - each message: `role`, `tool_calls` (`true` when present) and `content`, which is exact
 *   for system/developer messages and the last user message (the ones whose text the
 *   detector reads, normalize.ts) and otherwise `''`, or a one-block stand-in
 *   `[{ type: 'tool_use' }]` when it is an array holding a tool block;
 * - `response`: `inputTokens`, `outputTokens`, `finishReason`, `reasoningTokens`, `served`
 *   (the gateway's `{ chars, lines, steps, math, code, grades, answers }` is built from the numbers
 *   scan.c found, any other value is JSON.parse of its bytes), and `text` only when the
 *   answer's shape is not already there: `text` (the largest value of most lines) is left out
 *   when `served` is an object whose `chars`, `lines`, `steps`, `math`, `code`, `grades` and `answers`
 *   are all numbers, and is exact otherwise (`served` absent, of another shape, or written
 *   before grades or answers were counted: the detector then measures them on the text).
 */
import { SCAN_WASM } from './wasm/scan-wasm.js';

/** The part of the WebAssembly JS API used here (tsconfig has no DOM lib to declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
interface ScanExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  scan(len: number): number;
  unescape(start: number, end: number, dst: number): number;
  input(): number;
  output(): number;
  slot_size(): number;
}

const { Module, Instance } = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
const wasm = new Instance(new Module(Buffer.from(SCAN_WASM, 'base64')), {}).exports as ScanExports;
const IN = wasm.input();
const OUT = wasm.output() >> 2;
const SLOT = wasm.slot_size() >> 2;

// Must match the enums and the Slot struct in wasm/scan.c.
/** A slot's value kind (0: the key was absent). */
const K = { STRING: 1, NUMBER: 2, TRUE: 3, FALSE: 4, NULL: 5, OBJECT: 6, ARRAY: 7 } as const;
/** A slot's flags. */
const FLAG = { ESC: 1, WIDE: 2, TOOLS: 4, SIMPLE: 8, TOOL_CALLS: 16 } as const;
/** Word offsets of a slot's fields. */
const START = 0;
const END = 1;
const KIND = 2;
const FLAGS = 3;
// Word 4 (count) is read by scan.c alone.
const HASH = 5;
const TOP_NAMES = [
  'ts',
  'account',
  'key',
  'ip',
  'userAgent',
  'ja4',
  'headerOrder',
  'fingerprint',
  'endpoint',
  'model',
  'status',
  'action',
  'request',
  'response',
];
// prettier-ignore
const REQ_NAMES = [
  'system', 'model', 'temperature', 'n', 'max_tokens', 'max_completion_tokens', 'logprobs', 'top_logprobs', 'logit_bias', 'messages', 'tools',
  'top_p', 'top_k', 'stream', 'seed', 'presence_penalty', 'frequency_penalty', 'reasoning_effort', 'response_format', 'stop', 'thinking',
  'user', 'safety_identifier', 'metadata',
];
const RES_NAMES = [
  'inputTokens',
  'outputTokens',
  'finishReason',
  'reasoningTokens',
  'served',
  'text',
];
/** The members of response.served in the order the gateway writes them (telemetry/served.ts). */
const SERVED_NAMES = ['chars', 'lines', 'steps', 'math', 'code', 'grades', 'answers'];
const T_HEADER_ORDER = 6;
const T_REQUEST = 12;
const T_RESPONSE = 13;
const R_MESSAGES = 9;
const R_TOOLS = 10;
const S_SERVED = 4;
const S_TEXT = 5;
// Slot offsets (in 32-bit words) of out.top, out.req, out.res, out.served and out.msg.
const TOP = OUT + 1;
const REQ = TOP + TOP_NAMES.length * SLOT;
const RES = REQ + REQ_NAMES.length * SLOT;
const SERVED = RES + RES_NAMES.length * SLOT;
const MSG = SERVED + SERVED_NAMES.length * SLOT;

/**
 * Buffer's own slice methods, on Buffer.prototype since Node 0.x: `toString(enc, s, e)` wraps
 * them in argument checks that cost more than a short id takes to decode.
 */
interface Slices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}

let bytes: Buffer & Slices;
let words: Int32Array;
function views(): void {
  bytes = Buffer.from(wasm.memory.buffer) as Buffer & Slices;
  words = new Int32Array(wasm.memory.buffer);
}
views();

/** Where wasm.unescape writes: after the current line. */
let scratch = IN;

/** Make room for a line of `len` bytes at IN (memory grows in 64 KiB pages; views follow). */
function reserve(len: number): void {
  const need = IN + len - wasm.memory.buffer.byteLength;
  if (need <= 0) return;
  wasm.memory.grow(Math.ceil(need / 65536));
  views();
}

/** Stands in for an unread content array with a tool block: all normalizeRequest asks of it. */
const TOOL_BLOCKS: readonly unknown[] = Object.freeze([Object.freeze({ type: 'tool_use' })]);

/**
 * Decoded values by the FNV-1a hash of their bytes (computed in scan.c), direct-mapped: a
 * client sends the same header order on every request, and parsing it is the one costly
 * decode among the short fields. A hit is trusted only after its bytes compare equal, so a
 * crafted hash collision decodes afresh instead of aliasing another client's value.
 */
class ValueCache {
  private readonly hashes: Int32Array;
  private readonly keys: Array<Buffer | undefined>;
  private readonly values: unknown[];
  private readonly mask: number;

  constructor(bits: number) {
    this.hashes = new Int32Array(1 << bits);
    this.keys = new Array<Buffer | undefined>(1 << bits);
    this.values = new Array<unknown>(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  /** The value for bytes[s, e) with hash h, or `undefined` on a miss. */
  get(h: number, s: number, e: number): unknown {
    const i = h & this.mask;
    const key = this.keys[i];
    if (key === undefined || this.hashes[i] !== h || key.compare(bytes, s, e) !== 0)
      return undefined;
    return this.values[i];
  }

  set(h: number, s: number, e: number, value: unknown): void {
    const i = h & this.mask;
    this.hashes[i] = h;
    this.keys[i] = Buffer.from(bytes.subarray(s, e));
    this.values[i] = value;
  }
}
const headerOrders = new ValueCache(8);
/** request.tools by its bytes: an agent sends the same definitions with every request of a session. */
const toolDefs = new ValueCache(6);

/**
 * A cheap key for a long value: its length and up to 32 bytes spread over it. Only a key: a
 * hit is trusted after a full compare (ValueCache), so two values that share it cost a decode.
 */
function sampleHash(s: number, e: number): number {
  const len = e - s;
  let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
  const step = len > 32 ? Math.floor(len / 32) : 1;
  for (let i = s; i < e; i += step) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h | 0;
}

/** Freeze a parsed JSON value and everything in it: a cached value is shared by many records. */
function deepFreeze<T>(v: T): T {
  if (v !== null && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** The value in slot `at` (a word offset), exactly as JSON.parse gives it. */
function valueAt(at: number): unknown {
  const kind = words[at + KIND]!;
  const s = words[at + START]!;
  const e = words[at + END]!;
  switch (kind) {
    case K.STRING: {
      const flags = words[at + FLAGS]!;
      if (flags & FLAG.ESC) {
        const n = wasm.unescape(s, e, scratch);
        return n >= 0 ? bytes.utf8Slice(scratch, scratch + n) : JSON.parse(bytes.utf8Slice(s, e));
      }
      return flags & FLAG.WIDE ? bytes.utf8Slice(s + 1, e - 1) : bytes.latin1Slice(s + 1, e - 1);
    }
    case K.NUMBER:
      return numberAt(s, e);
    case K.TRUE:
      return true;
    case K.FALSE:
      return false;
    case K.NULL:
      return null;
    default:
      return JSON.parse(bytes.utf8Slice(s, e));
  }
}

/** A validated JSON number's value: integers up to 15 characters without a string. */
function numberAt(s: number, e: number): number {
  if (e - s > 15) return Number(bytes.latin1Slice(s, e));
  const neg = bytes[s] === 0x2d;
  let v = 0;
  for (let i = neg ? s + 1 : s; i < e; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) return Number(bytes.latin1Slice(s, e));
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** request.tools: JSON.parse of its bytes, once per distinct definition list (the detector reads names only). */
function toolsAt(at: number): unknown {
  const kind = words[at + KIND];
  if (kind !== K.ARRAY && kind !== K.OBJECT) return valueAt(at);
  const s = words[at + START]!;
  const e = words[at + END]!;
  const h = sampleHash(s, e);
  let tools = toolDefs.get(h, s, e);
  if (tools === undefined) {
    tools = deepFreeze(JSON.parse(bytes.utf8Slice(s, e)) as unknown);
    toolDefs.set(h, s, e, tools);
  }
  return tools;
}

function headerOrderAt(at: number): unknown {
  if (words[at + KIND] !== K.ARRAY || !(words[at + FLAGS]! & FLAG.SIMPLE)) return valueAt(at);
  const s = words[at + START]!;
  const e = words[at + END]!;
  const h = words[at + HASH]!;
  let order = headerOrders.get(h, s, e);
  if (order === undefined) {
    order = Object.freeze(JSON.parse(bytes.utf8Slice(s, e)) as string[]);
    headerOrders.set(h, s, e, order);
  }
  return order;
}

interface ScannedMessage {
  role?: unknown;
  content?: unknown;
  tool_calls?: unknown;
}

function messages(count: number): unknown[] {
  const out = new Array<unknown>(count);
  let lastUser = -1;
  for (let i = 0; i < count; i++) {
    const at = MSG + i * 3 * SLOT;
    if (words[at + KIND] !== K.OBJECT) {
      out[i] = valueAt(at);
      continue;
    }
    const m: ScannedMessage = {};
    if (words[at + SLOT + KIND] !== 0) m.role = valueAt(at + SLOT);
    if (words[at + FLAGS]! & FLAG.TOOL_CALLS) m.tool_calls = true;
    if (words[at + 2 * SLOT + KIND] !== 0) {
      const content = at + 2 * SLOT;
      if (m.role === 'system' || m.role === 'developer') m.content = valueAt(content);
      else
        m.content =
          words[content + KIND] === K.ARRAY && words[content + FLAGS]! & FLAG.TOOLS
            ? TOOL_BLOCKS
            : '';
    }
    if (m.role === 'user') lastUser = i;
    out[i] = m;
  }
  if (lastUser >= 0) {
    const content = MSG + lastUser * 3 * SLOT + 2 * SLOT;
    if (words[content + KIND] !== 0) (out[lastUser] as ScannedMessage).content = valueAt(content);
  }
  return out;
}

function request(): Record<string, unknown> {
  const req: Record<string, unknown> = {};
  for (let id = 0; id < REQ_NAMES.length; id++) {
    const at = REQ + id * SLOT;
    const kind = words[at + KIND];
    if (kind === 0) continue;
    if (id === R_MESSAGES && kind === K.ARRAY) req.messages = messages(words[OUT]!);
    else if (id === R_TOOLS) req.tools = toolsAt(at);
    else req[REQ_NAMES[id]!] = valueAt(at);
  }
  return req;
}

/** The gateway's measurement of an answer (telemetry/served.ts), as scan.c found it: seven numbers. */
interface Served {
  chars: number;
  lines: number;
  steps: number;
  math: number;
  code: number;
  grades: number;
  answers: number;
}

/** response.served: built from its numbers when scan.c found the gateway's shape, else JSON.parse of its bytes. */
function servedAt(at: number): unknown {
  if (words[at + KIND] !== K.OBJECT || !(words[at + FLAGS]! & FLAG.SIMPLE)) return valueAt(at);
  const v = SERVED;
  const served: Served = {
    chars: numberAt(words[v + START]!, words[v + END]!),
    lines: numberAt(words[v + SLOT + START]!, words[v + SLOT + END]!),
    steps: numberAt(words[v + 2 * SLOT + START]!, words[v + 2 * SLOT + END]!),
    math: numberAt(words[v + 3 * SLOT + START]!, words[v + 3 * SLOT + END]!),
    code: numberAt(words[v + 4 * SLOT + START]!, words[v + 4 * SLOT + END]!),
    grades: numberAt(words[v + 5 * SLOT + START]!, words[v + 5 * SLOT + END]!),
    answers: numberAt(words[v + 6 * SLOT + START]!, words[v + 6 * SLOT + END]!),
  };
  return served;
}

/** Whether a served value already gives the answer's shape, so that its text need not be decoded. */
function isShape(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  const s = v as Partial<Record<keyof Served, unknown>>;
  return (
    typeof s.chars === 'number' &&
    typeof s.lines === 'number' &&
    typeof s.steps === 'number' &&
    typeof s.math === 'number' &&
    typeof s.code === 'number' &&
    typeof s.grades === 'number' &&
    typeof s.answers === 'number'
  );
}

function response(): Record<string, unknown> {
  const res: Record<string, unknown> = {};
  for (let id = 0; id < S_SERVED; id++) {
    const at = RES + id * SLOT;
    if (words[at + KIND] !== 0) res[RES_NAMES[id]!] = valueAt(at);
  }
  let shaped = false;
  if (words[RES + S_SERVED * SLOT + KIND] !== 0) {
    const served = servedAt(RES + S_SERVED * SLOT);
    res.served = served;
    shaped = isShape(served);
  }
  const text = RES + S_TEXT * SLOT;
  if (!shaped && words[text + KIND] !== 0) res.text = valueAt(text);
  return res;
}

/**
 * Scan one telemetry line buf[start, end) into the detector's view of its record (see the
 * module comment); `undefined` when the caller must take the JSON.parse path.
 * @example scanEventRecord(Buffer.from('{"ts":1,"account":"a","request":{"messages":[]}}'), 0, 48)?.account // 'a'
 */
export function scanEventRecord(
  buf: Buffer,
  start: number,
  end: number,
): Record<string, unknown> | undefined {
  const len = end - start;
  // The line at IN, then room to unescape any of its strings.
  scratch = (IN + len + 15) & ~15;
  reserve(scratch - IN + len + 16);
  buf.copy(bytes, IN, start, end);
  if (wasm.scan(len) !== 1) return undefined;
  const o: Record<string, unknown> = {};
  for (let id = 0; id < TOP_NAMES.length; id++) {
    const at = TOP + id * SLOT;
    const kind = words[at + KIND];
    if (kind === 0) continue;
    if (id === T_REQUEST && kind === K.OBJECT) o.request = request();
    else if (id === T_RESPONSE && kind === K.OBJECT) o.response = response();
    else if (id === T_HEADER_ORDER) o.headerOrder = headerOrderAt(at);
    else o[TOP_NAMES[id]!] = valueAt(at);
  }
  return o;
}
