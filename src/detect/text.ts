/**
 * Text fingerprints for template reuse: slot masking, exact head/tail frames and MinHash
 * band keys. Follows the near-duplicate method of Broder (1997) with LSH banding as in
 * Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3; the "mask the
 * variable tokens, keep the constant frame" idea is Drain's (He et al., ICWS 2017).
 */

/** Final avalanche of a 32-bit value (murmur3 fmix32). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const HAS_DIGIT = /\d/;
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}_']+/gu;

/**
 * Tokens of a text with slots masked: anything holding a digit becomes `#` (numbers,
 * ids, dates); CJK characters are tokens on their own. (Reference implementation of
 * scanTokens, used by tests.)
 */
export function maskedTokens(text: string, limit: number): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null && out.length < limit; m = TOKEN.exec(text)) {
    const t = m[0];
    out.push(HAS_DIGIT.test(t) ? '#' : t);
  }
  return out;
}

/** CJK ideographs and kana: each one a token. */
function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Part of a word: ASCII letters, digits, _ and ', and non-ASCII letters outside punctuation blocks. */
function isWordChar(c: number): boolean {
  if (c < 0x80)
    return (
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 39
    );
  return !(
    c <= 0xbf ||
    (c >= 0x2000 && c <= 0x2bff) ||
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xfe30 && c <= 0xffef)
  );
}

/** CHAR_CLASS value of a code unit that is not part of a word. */
export const OTHER = 0;
/** CHAR_CLASS value of a word character that is not CJK. */
export const WORD = 1;
/** CHAR_CLASS value of a CJK ideograph or kana (a token on its own; also a word character). */
export const CJK = 2;

/**
 * isCjk / isWordChar of every UTF-16 code unit, precomputed (64 KiB): the token scanners
 * here and in phrases.ts read one byte per character instead of running the range tests.
 */
export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = isCjk(c) ? CJK : isWordChar(c) ? WORD : OTHER;
  return t;
})();

const DIGIT_TOKEN = 0x2323;

/**
 * Scan text[from, to) into token hashes without allocating strings (the hot path of
 * templateKeys): `masked[i]` is the token's hash, or a fixed value when it holds a digit;
 * `raw[i]` always the token's own hash. Starting mid-word, the partial word is skipped.
 * Returns the number of tokens written (at most `masked.length`).
 */
export function scanTokens(
  text: string,
  from: number,
  to: number,
  masked: Uint32Array,
  raw: Uint32Array,
): number {
  const cls = CHAR_CLASS;
  let n = 0;
  let i = from;
  if (from > 0 && cls[text.charCodeAt(from - 1)] !== OTHER)
    while (i < to && cls[text.charCodeAt(i)] !== OTHER) i++;
  while (i < to && n < masked.length) {
    const c = text.charCodeAt(i);
    const k = cls[c];
    if (k === CJK) {
      raw[n] = masked[n] = mix32(c + 0x10000);
      n++;
      i++;
      continue;
    }
    if (k === OTHER) {
      i++;
      continue;
    }
    let h = 0x811c9dc5;
    let digit = false;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (cls[d] !== WORD) break;
      if (d >= 48 && d <= 57) digit = true;
      h = Math.imul(h ^ d, 0x01000193);
      i++;
    }
    raw[n] = h >>> 0;
    masked[n] = digit ? DIGIT_TOKEN : h >>> 0;
    n++;
  }
  return n;
}

/**
 * Frame and band keys of one prompt; 0 means "not enough text". Keys are 32-bit hashes held
 * as signed integers: V8 keeps those as small integers, where a value above 2^31 would be a
 * heap number allocated per event, per array slot and per Map lookup.
 */
export interface TemplateKeys {
  head: number;
  tail: number;
  /** MinHash band keys of the opening tokens (paraphrase-tolerant). */
  bands: number[];
  /** Hash of the prompt as a whole: one item of the space being covered. */
  item: number;
  /** Constant (non-slot) tokens in the head frame. */
  headWords: number;
}

const FRAME = 8;
const HEAD_TOKENS = 24;
/** MinHash seeds; bands of 2 rows give PERMS / 2 band keys. */
const PERMS = 8;
const SEEDS = Array.from({ length: PERMS }, (_, p) => mix32(Math.imul(p + 1, 0x9e3779b1)));
const headMasked = new Uint32Array(HEAD_TOKENS);
const headRaw = new Uint32Array(HEAD_TOKENS);
const tailMasked = new Uint32Array(32);
const tailRaw = new Uint32Array(32);

function frameHash(tokens: Uint32Array, from: number, to: number, tag: number): number {
  let h = 0x811c9dc5 ^ tag;
  for (let i = from; i < to; i++) h = mix32(h ^ tokens[i]!);
  return mix32(h) | 0 || 1;
}

/** A cheap per-seed permutation of a shingle hash (multiply-xorshift). */
function permute(shingle: number, seed: number): number {
  const v = Math.imul(shingle ^ seed, 0x85ebca6b);
  return (v ^ (v >>> 15)) >>> 0;
}

/** MinHash of token-bigram shingles, PERMS seeds, banded 2 rows per band (MMDS §3.4). */
function bandKeys(tokens: Uint32Array, n: number): number[] {
  if (n < 4) return [];
  // The PERMS (8) minima are kept in locals, one line per seed: this loop runs for every
  // token of every prompt, and the unrolled form takes about a third less time than a
  // loop over a minima array (and the four bands are returned as one literal, no growing array).
  const [s0, s1, s2, s3, s4, s5, s6, s7] = SEEDS as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  let m0 = 0xffffffff,
    m1 = m0,
    m2 = m0,
    m3 = m0,
    m4 = m0,
    m5 = m0,
    m6 = m0,
    m7 = m0;
  for (let i = 0; i + 1 < n; i++) {
    const sh = mix32(Math.imul(tokens[i]!, 0x9e3779b1) ^ tokens[i + 1]!);
    m0 = Math.min(m0, permute(sh, s0));
    m1 = Math.min(m1, permute(sh, s1));
    m2 = Math.min(m2, permute(sh, s2));
    m3 = Math.min(m3, permute(sh, s3));
    m4 = Math.min(m4, permute(sh, s4));
    m5 = Math.min(m5, permute(sh, s5));
    m6 = Math.min(m6, permute(sh, s6));
    m7 = Math.min(m7, permute(sh, s7));
  }
  return [band(0, m0, m1), band(1, m2, m3), band(2, m4, m5), band(3, m6, m7)];
}

/** LSH key of band `b` from its two minima; never 0. */
function band(b: number, lo: number, hi: number): number {
  return mix32(mix32((0x7f4a7c15 + b) ^ lo) ^ hi) | 0 || 1;
}

/** Template keys of a prompt; looks only at its first 240 and last 80 characters. */
export function templateKeys(text: string): TemplateKeys {
  const headEnd = Math.min(text.length, 240);
  const nh = scanTokens(text, 0, headEnd, headMasked, headRaw);
  // The closing frame ("… Give a comprehensive, detailed answer.") catches suffix templates.
  const nt =
    nh > FRAME + 4
      ? scanTokens(text, Math.max(0, text.length - 80), text.length, tailMasked, tailRaw)
      : 0;
  const frameEnd = Math.min(nh, FRAME);
  let headWords = 0;
  for (let i = 0; i < frameEnd; i++) if (headMasked[i] !== DIGIT_TOKEN) headWords++;
  let item = Math.imul(text.length, 0x9e3779b1);
  for (let i = 0; i < nh; i++) item = mix32(item ^ headRaw[i]!);
  if (text.length > headEnd) for (let i = 0; i < nt; i++) item = mix32(item ^ tailRaw[i]!);
  return {
    head: frameEnd >= 5 ? frameHash(headMasked, 0, frameEnd, 1) : 0,
    tail: nt >= 5 ? frameHash(tailMasked, Math.max(0, nt - FRAME), nt, 2) : 0,
    bands: bandKeys(headMasked, nh),
    item: item | 0 || 1,
    headWords,
  };
}

/** Register count of the distinct-item sketches (HyperLogLog, Flajolet et al. 2007). */
export const HLL_REGISTERS = 64;

/**
 * Add a 32-bit hash to a HyperLogLog register array (a power-of-two length up to 64: the
 * low bits pick the register, the leading zeros of the rest give the rank); returns the
 * register's previous rank when it grew, else -1.
 */
export function hllAdd(regs: Uint8Array, hash: number): number {
  const h = mix32(hash);
  const bits = 31 - Math.clz32(regs.length);
  const idx = h & (regs.length - 1);
  const rest = h >>> bits;
  const rank = rest === 0 ? 33 - bits : Math.clz32(rest) - bits + 1;
  const prev = regs[idx]!;
  if (rank <= prev) return -1;
  regs[idx] = rank;
  return prev;
}

const INV_POW2 = Float64Array.from({ length: 33 }, (_, r) => 2 ** -r);

/** Estimated distinct count (with the linear-counting small-range correction). */
export function hllCount(regs: Uint8Array): number {
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < regs.length; i++) {
    const r = regs[i]!;
    sum += INV_POW2[r]!;
    if (r === 0) zeros++;
  }
  const m = regs.length;
  // Bias correction α_m (Flajolet et al. 2007): 0.697 for 32 registers, 0.709 for 64.
  const est = ((m === 32 ? 0.697 : 0.709) * m * m) / sum;
  if (est <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
  return est;
}

/** Merge `src` registers into `dst` (union of the two sets). */
export function hllMerge(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i++) if (src[i]! > dst[i]!) dst[i] = src[i]!;
}
