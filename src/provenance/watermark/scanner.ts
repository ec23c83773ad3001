import { lexicon, type LexiconEntry } from './lexicon.js';

/** A word eligible to carry the watermark, as the scanner saw it. */
export interface EligibleWord extends LexiconEntry {
  /** Lower-cased previous word of the (output) text: the PRF's context. */
  context: string;
  /** The word, lower-cased. */
  word: string;
}

/** Returns the replacement (lower case) for an eligible word, or undefined to keep it. */
export type WordVisitor = (w: EligibleWord) => string | undefined;

/** Longest whitespace-free chunk held back; longer ones (blobs, URLs) pass straight through. */
const MAX_CHUNK = 40;
const LIST_MARKER = /^([-*+>]|#{1,6}|\d{1,3}[.)])$/;
const EDGES = /^[^a-z0-9]+|[^a-z0-9]+$/g;

/**
 * Splits text into whitespace-delimited chunks and decides, per chunk, whether it is a
 * word that may carry the watermark. Protected, never touched: fenced code blocks,
 * indented code, block quotes, inline code, text in double quotes, JSON documents (text
 * whose first character is `{` or `[`), anything that is not a plain alphabetic word
 * (numbers, URLs, paths, contractions, hyphenated words), and capitalized words except at
 * the start of a sentence (names). Decisions depend only on the text before a chunk and
 * the chunk itself, so the result is the same however the text is split into deltas.
 */
export class WordScanner {
  private chunk = '';
  private passedThrough = false;
  private started = false;
  private json = false;
  private fence = false;
  private inline = false;
  private quote = false;
  private firstOnLine = true;
  private lineIndent = 0;
  private lineKind: 'text' | 'code' | 'quote' = 'text';
  private newlines = 0;
  private sentenceStart = true;
  private prev = '';
  private prev2 = '';
  /** Whitespace-delimited chunks seen so far. */
  words = 0;

  constructor(private readonly visit: WordVisitor) {}

  /** Feed text; returns what may be emitted now (everything but the current chunk). */
  write(text: string): string {
    // Index-based rather than regex matches: this runs on every served token, and match
    // objects were most of the garbage.
    let out = '';
    const n = text.length;
    let i = 0;
    while (i < n) {
      let j = i;
      if (isSpace(text.charCodeAt(i))) {
        out += this.endChunk();
        while (j < n && isSpace(text.charCodeAt(j))) this.space(text.charCodeAt(j++));
        out += text.slice(i, j);
      } else {
        while (j < n && !isSpace(text.charCodeAt(j))) j++;
        out += this.extend(text.slice(i, j));
      }
      i = j;
    }
    return out;
  }

  /** End of text: returns the held-back chunk. */
  end(): string {
    return this.endChunk();
  }

  private extend(seg: string): string {
    this.chunk += seg;
    if (this.passedThrough) return seg;
    if (this.chunk.length <= MAX_CHUNK) return '';
    this.passedThrough = true;
    return this.chunk;
  }

  private space(c: number): void {
    if (c === 10) {
      this.firstOnLine = true;
      this.lineIndent = 0;
      this.sentenceStart = true;
      if (++this.newlines >= 2) this.inline = this.quote = false; // a blank line ends inline spans
    } else if (this.firstOnLine) {
      this.lineIndent += c === 9 ? 4 : 1;
    }
  }

  private endChunk(): string {
    const chunk = this.chunk;
    if (!chunk) return '';
    this.words++;
    if (!this.started) {
      this.started = true;
      this.json = chunk.startsWith('{') || chunk.startsWith('[');
    }
    if (this.firstOnLine) {
      this.lineKind = this.lineIndent >= 4 ? 'code' : chunk.startsWith('>') ? 'quote' : 'text';
    }
    const fenceMarker = this.firstOnLine && (chunk.startsWith('```') || chunk.startsWith('~~~'));
    const shielded =
      this.json ||
      this.fence ||
      fenceMarker ||
      this.lineKind !== 'text' ||
      this.inline ||
      this.quote;
    let out = this.passedThrough ? '' : chunk;
    if (!shielded && !this.passedThrough) out = this.rewrite(chunk) ?? chunk;
    if (fenceMarker) {
      this.fence = !this.fence;
      this.inline = this.quote = false;
    } else if (!this.fence && this.lineKind !== 'code') {
      this.toggleSpans(chunk);
    }
    if (hasAlnum(chunk)) {
      // Contexts are normalised lazily (only eligible words need them): keep the raw chunk.
      this.prev2 = this.prev;
      this.prev = this.passedThrough ? chunk.slice(-32) : out;
    }
    this.sentenceStart = endsSentence(chunk) || (this.firstOnLine && LIST_MARKER.test(chunk));
    this.firstOnLine = false;
    this.newlines = 0;
    this.chunk = '';
    this.passedThrough = false;
    return out;
  }

  private toggleSpans(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 96)
        this.inline = !this.inline; // `
      else if (this.inline) continue;
      else if (c === 34)
        this.quote = !this.quote; // "
      else if (c === 0x201c) this.quote = true;
      else if (c === 0x201d) this.quote = false;
    }
  }

  private rewrite(chunk: string): string | undefined {
    const start = chunk.charCodeAt(0) === 40 ? 1 : 0; // (
    let end = start;
    while (end < chunk.length && isLetter(chunk.charCodeAt(end))) end++;
    const len = end - start;
    if (len < 3 || len > 20) return undefined;
    for (let i = end; i < chunk.length; i++) if (!isClosing(chunk.charCodeAt(i))) return undefined;
    const word = start === 0 && end === chunk.length ? chunk : chunk.slice(start, end);
    const lower = word.toLowerCase();
    const title = word !== lower;
    if (title && !(this.sentenceStart && word === capitalize(lower))) return undefined;
    const entry = lexicon().get(lower);
    if (!entry) return undefined;
    const prev = normalize(this.prev);
    if (entry.after && !entry.after.has(prev)) return undefined;
    // A context-gated pair always has the same previous word, so its PRF context also takes
    // the word before that; otherwise de-duplication would leave it one position per gate.
    const context = entry.after ? normalize(this.prev2) + ' ' + prev : prev;
    const rep = this.visit({ context, word: lower, pair: entry.pair, index: entry.index });
    if (rep === undefined) return undefined;
    return chunk.slice(0, start) + (title ? capitalize(rep) : rep) + chunk.slice(end);
  }
}

/** A context word: lower case, without leading or trailing punctuation, at most 32 chars. */
function normalize(raw: string): string {
  return raw.slice(-32).toLowerCase().replace(EDGES, '');
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Trailing punctuation allowed after a word: . , ; : ! ? ) */
function isClosing(c: number): boolean {
  return c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 41;
}

function hasAlnum(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isLetter(c) || (c >= 48 && c <= 57)) return true;
  }
  return false;
}

/** Ends with . ! ? or : optionally followed by closing quotes or brackets. */
function endsSentence(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && (s[i] === '"' || s[i] === "'" || s[i] === ')' || s[i] === ']')) i--;
  const c = s[i];
  return c === '.' || c === '!' || c === '?' || c === ':';
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
