import { countTokens as count } from 'gpt-tokenizer/encoding/o200k_base';

/**
 * Tokens in a text under o200k_base (a real BPE tokenizer shipped by gpt-tokenizer): the
 * one count (issue 15) for usage an upstream did not send, `count_tokens`, the demo model
 * and `moat provenance detect`. Very long texts are estimated from a prefix to bound the
 * cost on the request thread.
 * @example countTokens('hello world') // 2
 */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  if (text.length <= 32_768) return count(text);
  const head = text.slice(0, 32_768);
  return Math.round(count(head) * (text.length / head.length));
}
