// Token counts from the real tokenizer (gpt-tokenizer), cached. Long texts are counted piece
// by piece, split only where the tokenizer's own pre-tokenisation splits anyway (after
// sentence punctuation before a space, and after a newline run before a non-space), so the sum equals the
// tokenizer's count while repeated sentences are tokenised once.
import { countTokens } from 'gpt-tokenizer';

const cache = new Map<string, number>();
const pieces = new Map<string, number>();
const SPLIT = /(?<=\n)(?=\S)/;

export function pieceCount(s: string): number {
  if (s.length === 0) return 0;
  const hit = pieces.get(s);
  if (hit !== undefined) return hit;
  const n = countTokens(s);
  if (pieces.size > 2_000_000) pieces.clear();
  pieces.set(s, n);
  return n;
}

const small = new Map<string, number>();
/** Count for the few fixed pieces text composers reuse (kept apart from the big cache). */
export function smallCount(s: string): number {
  const hit = small.get(s);
  if (hit !== undefined) return hit;
  const n = countTokens(s);
  if (small.size > 50_000) small.clear();
  small.set(s, n);
  return n;
}

/** Register a count computed while composing a text (exact by construction). */
export function rememberCount(s: string, n: number): void {
  if (cache.size > 4_000_000) cache.clear();
  cache.set(s, n);
}

export function tok(s: string): number {
  if (s.length === 0) return 0;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  if (s.length <= 200) return pieceCount(s);
  let n = 0;
  for (const p of s.split(SPLIT)) n += p.length > 3000 ? countTokens(p) : pieceCount(p);
  rememberCount(s, n);
  return n;
}
