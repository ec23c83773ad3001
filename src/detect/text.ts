/**
 * Text fingerprints for template reuse: slot masking, exact head/tail frames and MinHash
 * band keys. Follows the near-duplicate method of Broder (1997) with LSH banding as in
 * Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*, ch. 3; the "mask the
 * variable tokens, keep the constant frame" idea is Drain's (He et al., ICWS 2017).
 */

/** 32-bit FNV-1a of a string's UTF-16 code units (deterministic across platforms). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Final avalanche of a 32-bit value (murmur3 fmix32). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}_']+/gu;
const HAS_DIGIT = /\d/;

/**
 * Tokens of a text with slots masked: anything holding a digit becomes `#` (numbers,
 * ids, dates); CJK characters are tokens on their own.
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

/** Frame and band keys of one prompt; 0 means "not enough text". */
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
const PERMS = 8;
const ROWS = 2;

function frameHash(tokens: string[], tag: number): number {
  let h = 0x811c9dc5 ^ tag;
  for (const t of tokens) h = fnv1a(t, Math.imul(h, 0x01000193) >>> 0) ^ 0x20;
  return mix32(h) || 1;
}

/** MinHash of word-bigram shingles, PERMS seeds, banded by ROWS (MMDS §3.4). */
function bandKeys(tokens: string[]): number[] {
  if (tokens.length < 4) return [];
  const mins = new Array<number>(PERMS).fill(0xffffffff);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const sh = fnv1a(tokens[i + 1]!, fnv1a(tokens[i]!) ^ 0x9e3779b9);
    for (let p = 0; p < PERMS; p++) {
      const v = mix32(sh ^ Math.imul(p + 1, 0x9e3779b1));
      if (v < mins[p]!) mins[p] = v;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < PERMS / ROWS; b++) {
    let h = 0x7f4a7c15 + b;
    for (let r = 0; r < ROWS; r++) h = mix32(h ^ mins[b * ROWS + r]!);
    bands.push(h || 1);
  }
  return bands;
}

/** Template keys of a prompt; looks only at its first and last few hundred characters. */
export function templateKeys(text: string): TemplateKeys {
  const headText = text.length > 240 ? text.slice(0, 240) : text;
  const head = maskedTokens(headText, HEAD_TOKENS);
  // The closing frame ("… Give a comprehensive, detailed answer.") catches suffix templates.
  const tailTokens = head.length > FRAME + 4 ? maskedTokens(text.slice(-80), 16).slice(-FRAME) : [];
  const words = head.slice(0, FRAME);
  const headWords = words.filter((t) => t !== '#').length;
  const item = mix32(fnv1a(headText) ^ Math.imul(text.length, 0x9e3779b1) ^ (text.length > 240 ? fnv1a(text.slice(-120)) : 0));
  return {
    head: words.length >= 5 ? frameHash(words, 1) : 0,
    tail: tailTokens.length >= 5 ? frameHash(tailTokens, 2) : 0,
    bands: bandKeys(head),
    item: item || 1,
    headWords,
  };
}

/** Register count of the distinct-item sketches (HyperLogLog, Flajolet et al. 2007). */
export const HLL_REGISTERS = 64;

/** Add a 32-bit hash to a HyperLogLog register array; returns the register's previous rank when it grew, else -1. */
export function hllAdd(regs: Uint8Array, hash: number): number {
  const h = mix32(hash);
  const idx = h & (HLL_REGISTERS - 1);
  const rest = h >>> 6;
  const rank = rest === 0 ? 27 : Math.clz32(rest) - 5;
  const prev = regs[idx]!;
  if (rank <= prev) return -1;
  regs[idx] = rank;
  return prev;
}

/** Estimated distinct count (with the linear-counting small-range correction). */
export function hllCount(regs: Uint8Array): number {
  let sum = 0;
  let zeros = 0;
  for (const r of regs) {
    sum += 2 ** -r;
    if (r === 0) zeros++;
  }
  const m = regs.length;
  const est = ((0.709 * m * m) / sum);
  if (est <= 2.5 * m && zeros > 0) return m * Math.log(m / zeros);
  return est;
}

/** Merge `src` registers into `dst` (union of the two sets). */
export function hllMerge(dst: Uint8Array, src: Uint8Array): void {
  for (let i = 0; i < dst.length; i++) if (src[i]! > dst[i]!) dst[i] = src[i]!;
}
