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
const WS = /[ \t\n\r\f\v]+|[^ \t\n\r\f\v]+/g;
const WORD = /^(\(?)([A-Za-z]{3,20})([.,;:!?)]*)$/;
const LIST_MARKER = /^([-*+>]|#{1,6}|\d{1,3}[.)])$/;
const SENTENCE_END = /[.!?:]['")\]]*$/;
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
  /** Whitespace-delimited chunks seen so far. */
  words = 0;

  constructor(private readonly visit: WordVisitor) {}

  /** Feed text; returns what may be emitted now (everything but the current chunk). */
  write(text: string): string {
    let out = '';
    WS.lastIndex = 0;
    for (let m = WS.exec(text); m; m = WS.exec(text)) {
      const seg = m[0];
      if (isSpace(seg.charCodeAt(0))) {
        out += this.endChunk() + seg;
        this.whitespace(seg);
      } else {
        out += this.extend(seg);
      }
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

  private whitespace(seg: string): void {
    for (let i = 0; i < seg.length; i++) {
      const c = seg.charCodeAt(i);
      if (c === 10) {
        this.firstOnLine = true;
        this.lineIndent = 0;
        this.sentenceStart = true;
        if (++this.newlines >= 2) this.inline = this.quote = false; // a blank line ends inline spans
      } else if (this.firstOnLine) {
        this.lineIndent += c === 9 ? 4 : 1;
      }
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
    const shielded = this.json || this.fence || fenceMarker || this.lineKind !== 'text' || this.inline || this.quote;
    let out = this.passedThrough ? '' : chunk;
    if (!shielded && !this.passedThrough) out = this.rewrite(chunk) ?? chunk;
    if (fenceMarker) {
      this.fence = !this.fence;
      this.inline = this.quote = false;
    } else if (!this.fence && this.lineKind !== 'code') {
      this.toggleSpans(chunk);
    }
    const ctx = (this.passedThrough ? chunk : out).slice(-32).toLowerCase().replace(EDGES, '');
    if (ctx) this.prev = ctx;
    this.sentenceStart = SENTENCE_END.test(chunk) || (this.firstOnLine && LIST_MARKER.test(chunk));
    this.firstOnLine = false;
    this.newlines = 0;
    this.chunk = '';
    this.passedThrough = false;
    return out;
  }

  private toggleSpans(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === '`') this.inline = !this.inline;
      else if (this.inline) continue;
      else if (c === '"') this.quote = !this.quote;
      else if (c === '\u201c') this.quote = true;
      else if (c === '\u201d') this.quote = false;
    }
  }

  private rewrite(chunk: string): string | undefined {
    const m = WORD.exec(chunk);
    if (!m) return undefined;
    const [, open = '', word = '', close = ''] = m;
    const lower = word.toLowerCase();
    const title = word !== lower;
    if (title && !(this.sentenceStart && word === capitalize(lower))) return undefined;
    const entry = lexicon().get(lower);
    if (!entry) return undefined;
    const rep = this.visit({ context: this.prev, word: lower, pair: entry.pair, index: entry.index });
    if (rep === undefined) return undefined;
    return open + (title ? capitalize(rep) : rep) + close;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function capitalize(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}
