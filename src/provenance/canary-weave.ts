import type { PlantedCanary } from './canary.js';
import { WordScanner } from './watermark/scanner.js';

/** Weaves one canary sentence into one stream of assistant text. */
export interface CanaryWeaver {
  /** Feed a text delta; returns it, with the canary inserted when its place has come. */
  push(text: string): string;
  /** End of the text: the canary, when it was not woven in yet and can be appended. */
  flush(): string;
  /** Whether the canary is in the text. */
  readonly woven: boolean;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Insert a canary sentence into an answer between two of its prose sentences — after the
 * planting's `afterSentences`-th sentence end followed by a space — instead of after a
 * blank line at the end (issue 14: that shape was one regex away from removal). Sentence
 * ends are found by the watermark's own WordScanner, so a canary never lands inside code,
 * inline code, a quotation or (in JSON mode) outside a JSON string; inside a JSON string
 * it keeps the JSON valid (the sentence has no quotes or backslashes). An answer with
 * fewer sentences gets the canary at its end on the same line; in JSON mode, none.
 * Nothing is held back: text passes through as it arrives.
 * @example const w = createCanaryWeaver(planted); send(w.push(delta)); … send(w.flush());
 */
export function createCanaryWeaver(
  planted: PlantedCanary,
  opts: { json?: boolean } = {},
): CanaryWeaver {
  // The scanner classifies only; its output is not used (the visitor changes nothing).
  const scanner = new WordScanner(() => undefined, { json: opts.json === true });
  let woven = false;
  let boundaries = 0;
  let inWord = false;
  let last = 32;
  let any = false;
  return {
    get woven() {
      return woven;
    },
    push(text) {
      if (woven || text === '') return text;
      any = true;
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (!isSpace(c)) {
          inWord = true;
          continue;
        }
        const ended = inWord;
        inWord = false;
        if (!ended) continue;
        scanner.write(text.slice(from, i + 1));
        from = i + 1;
        if (c === 32 && scanner.sentenceBoundary && ++boundaries >= planted.afterSentences) {
          woven = true;
          return text.slice(0, from) + planted.sentence + ' ' + text.slice(from);
        }
      }
      scanner.write(text.slice(from));
      last = text.charCodeAt(text.length - 1);
      return text;
    },
    flush() {
      if (woven || opts.json || !any) return '';
      woven = true;
      const sep = isSpace(last) ? '' : scanner.inCode ? '\n\n' : ' ';
      return sep + planted.sentence;
    },
  };
}
