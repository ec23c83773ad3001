/**
 * Prompt-template signatures for shared indicators: what two providers compute alike
 * from the same harvesting template, and nothing that reveals the prompts themselves
 * (only the SHA-256 of the signature leaves, `ids.ts` indicatorHash).
 */

/** Words of the opening frame a signature keeps. */
export const TEMPLATE_WORDS = 8;

const WORD = /[\p{L}\p{N}_']+/gu;
const DIGIT = /\d/;

/**
 * The signature of a prompt: its first TEMPLATE_WORDS words, lower-cased, with any word
 * holding a digit masked as `#` (numbers, ids, dates: a template's slots), prefixed with
 * the scheme (`tpl1:`). The constant opening frame of a template, as in Drain (He et al.,
 * ICWS 2017); a prompt shorter than the frame has none (too generic to share).
 * @example templateSignature('Translate sentence 17 into French and explain the grammar: …') // 'tpl1:translate sentence # into french and explain the'
 */
export function templateSignature(prompt: string): string | undefined {
  const words: string[] = [];
  WORD.lastIndex = 0;
  const head = prompt.slice(0, 400);
  for (let m = WORD.exec(head); m !== null && words.length < TEMPLATE_WORDS; m = WORD.exec(head))
    words.push(DIGIT.test(m[0]) ? '#' : m[0].toLowerCase());
  return words.length < TEMPLATE_WORDS ? undefined : `tpl1:${words.join(' ')}`;
}
