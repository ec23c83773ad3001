import {
  AFF_CONTRACTED,
  CANNOT,
  CANNOT_GROUP,
  HAS_PARTICIPLES,
  NEG_CONTRACTED,
  WH_WORDS,
  affirmativeBySuffix,
  affirmativeFor,
  isAffirmativeHost,
  negationFor,
} from './contractions.js';
import { groupWords, lexicon } from './lexicon.js';

/** A position that may carry the watermark, as the scanner saw it. */
export interface EligibleWord {
  /** Lower-cased previous word(s) of the (output) text: the PRF's context. */
  context: string;
  /** Synonym group (lexicon.ts) or contraction class (contractions.ts). */
  group: number;
  /** Index of the alternative found in the text. */
  index: number;
  /** Number of alternatives. */
  k: number;
}

/** Returns the index of the alternative to write, or undefined to keep the one found. */
export type WordVisitor = (w: EligibleWord) => number | undefined;

/** A word after which the next one may complete a contraction ("it" + "is", "do" + "not"). */
interface Host {
  kind: 'aff' | 'neg';
  /** The class (for an affirmative host, known only with the auxiliary: -1 until then). */
  group: number;
  /** Context of the position: the two words before the host. */
  ctx: string;
  /** The host word, lower case. */
  word: string;
  /** A contracted "it's" whose "'s" waits for the next word ("it's been" = "it has been"). */
  pending?: string;
}

/** Longest whitespace-free chunk held back; longer ones (blobs, URLs) pass straight through. */
const MAX_CHUNK = 40;
/**
 * Chunks of a verbatim span (inline code, a quotation, a code line, a JSON string) that
 * are always left alone. A span that is still prose after them (plain words, no code
 * characters; a code line must also start with a capitalized word) is prose wrapped in
 * markup to escape the watermark, and is marked from then on (issue 14).
 */
export const SPAN_GRACE = 6;
/** Characters that make a chunk code rather than prose, in any span. */
const CODE_CHARS = /[{}[\]<>=;$\\|`*#@~^_]|\/\/|::|->|^--?[A-Za-z]/;
/** In a code line, also calls, member access and paths. */
const CODE_LINE_CHARS = /[()/]|[a-z]\.[a-z]/i;
/** A code line that may be prose starts with a capitalized word ("The", "It's", "I"). */
const CAPITALIZED = /^[A-Z][a-z]*(['’][a-z]+)?[.,:;!?]?$/;
const LIST_MARKER = /^([-*+>]|#{1,6}|\d{1,3}[.)])$/;
const PLAIN = /^[A-Za-z]+$/;
const NOT = /^not([.,;:!?)]*)$/;

/**
 * Splits text into whitespace-delimited chunks and decides, per chunk, whether it is a
 * word that may carry the watermark. Protected, never touched: code (fenced blocks,
 * indented blocks, inline code), text in double quotes, everything outside JSON strings
 * when the client asked for JSON (`{ json: true }`), anything that is not a plain
 * alphabetic word or a contraction (numbers, URLs, paths, hyphenated words), and
 * capitalized words except at the start of a sentence (names). Block quotes are prose.
 * The client must not be able to switch the mark off by wrapping prose in markup
 * (issue 14): a span that is still prose after SPAN_GRACE chunks is marked from then on,
 * and a leading `{`, `[` or `>` means nothing by itself. Decisions depend only on the
 * text before a chunk and the chunk itself, so the result is the same however the text
 * is split into deltas — and the same for the embedder (reading its input) and the
 * detector (reading the output), because rewrites never change a shielded chunk.
 *
 * Contractions (contractions.ts) are contracted by appending to the host word, so after a
 * host ("it", "do") the scanner holds back the one space that follows it until the next
 * word is complete; after a contracted "it's" it also holds back the "'s". Context words
 * after a contraction are canonical ("it's" reads as "it is"), so the embedder (reading
 * its input) and the detector (reading the output) see the same contexts.
 */
export class WordScanner {
  private chunk = '';
  private passedThrough = false;
  private fence = false;
  /** JSON mode in force: asked for, and the text does start as a JSON document. */
  private json = false;
  private started = false;
  private inline = false;
  private quote = false;
  private firstOnLine = true;
  private lineIndent = 0;
  private lineKind: 'text' | 'code' = 'text';
  /** The previous non-blank line was prose (indented code cannot interrupt a paragraph). */
  private paragraph = false;
  private newlines = 0;
  /** Chunks seen in the current verbatim span, whether all were prose-like, whether it started capitalized. */
  private spanChunks = 0;
  private spanProse = true;
  private spanCapital = false;
  private sentenceStart = true;
  private prev = '';
  private prev2 = '';
  /** normalize(prev) and normalize(prev2), computed when first needed (most words need neither). */
  private prevNorm: string | undefined = '';
  private prev2Norm: string | undefined = '';
  /** The previous word had no punctuation attached (a negation may follow it). */
  private prevPlain = false;
  private host: Host | undefined;
  /** Whitespace held after a host: undefined (none), '' (none yet) or ' '. */
  private gap: string | undefined;
  /** Apostrophe style of the text (' or ’), used when contracting. */
  private apos = "'";
  /** Whitespace-delimited chunks seen so far. */
  words = 0;
  /** The last chunk was marked-prose context (not shielded) and ended a sentence. */
  sentenceBoundary = false;

  /**
   * @param visit decides each eligible position
   * @param opts `json`: the client asked for JSON (a JSON response_format): when the text
   *   starts as a JSON document, only the inside of its strings may be prose; everything
   *   between them stays verbatim.
   */
  constructor(
    private readonly visit: WordVisitor,
    private readonly opts: { json?: boolean } = {},
  ) {}

  /** Inside a code block (fenced, or an indented code line) at this point of the text. */
  get inCode(): boolean {
    return this.fence || this.lineKind === 'code';
  }

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
        // A word not followed by a space ends a line or the text: no contraction there.
        out += this.endChunk(text.charCodeAt(i) !== 32);
        while (j < n && isSpace(text.charCodeAt(j))) {
          const c = text.charCodeAt(j++);
          this.space(c);
          if (this.host && this.gap === '' && c === 32) this.gap = ' ';
          else out += this.release() + text.charAt(j - 1);
        }
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
    return this.endChunk(true) + this.release();
  }

  private extend(seg: string): string {
    this.chunk += seg;
    if (this.passedThrough) return seg;
    if (this.chunk.length <= MAX_CHUNK) return '';
    this.passedThrough = true;
    return this.release() + this.chunk;
  }

  private space(c: number): void {
    if (c === 10) {
      this.firstOnLine = true;
      this.lineIndent = 0;
      this.sentenceStart = true;
      if (++this.newlines >= 2) {
        this.inline = this.quote = false; // a blank line ends inline spans
        this.paragraph = false;
      }
    } else if (this.firstOnLine) {
      this.lineIndent += c === 9 ? 4 : 1;
    }
  }

  /** Give up on a held contraction: emit what was held ("'s" of a pending "it's", the space). */
  private release(): string {
    const h = this.host;
    if (!h) return '';
    this.host = undefined;
    const gap = this.gap ?? '';
    this.gap = undefined;
    if (h.pending === undefined) return gap;
    this.pushToken('is', true);
    return h.pending + gap;
  }

  /** `final`: the chunk is not followed by a space (a line break, a tab, the end). */
  private endChunk(final: boolean): string {
    const chunk = this.chunk;
    if (!chunk) return '';
    this.words++;
    if (!this.started) {
      // A model that ignored the JSON response_format wrote prose: that is marked as prose.
      this.started = true;
      this.json = this.opts.json === true && (chunk.startsWith('{') || chunk.startsWith('['));
    }
    if (this.firstOnLine) {
      // CommonMark §4.4: an indented code block cannot interrupt a paragraph.
      this.lineKind = this.lineIndent >= 4 && !this.paragraph ? 'code' : 'text';
      if (this.fence || this.lineKind === 'code') this.startSpan(chunk, true);
    }
    const fenceMarker = this.firstOnLine && (chunk.startsWith('```') || chunk.startsWith('~~~'));
    const shielded = fenceMarker || this.shielded(chunk);
    let out = '';
    if (this.passedThrough) {
      // Contexts are normalised lazily (only eligible words need them): keep the raw chunk.
      if (hasAlnum(chunk)) this.pushToken(chunk.slice(-32), false);
    } else if (shielded) {
      out = this.release() + chunk;
      if (hasAlnum(chunk)) this.pushToken(chunk, false);
    } else {
      out = this.unshielded(chunk, final);
    }
    if (fenceMarker) {
      this.fence = !this.fence;
      this.inline = this.quote = false;
    } else if (!this.fence && this.lineKind !== 'code') {
      this.toggleSpans(chunk);
    }
    const ends = endsSentence(chunk);
    // A place between sentences of prose: not inside inline code or a quotation (in JSON
    // mode the "quotation" is the string the prose is in).
    this.sentenceBoundary =
      !shielded &&
      !this.passedThrough &&
      ends &&
      !chunk.endsWith(':') &&
      !this.inline &&
      this.quote === this.json;
    this.sentenceStart = ends || (this.firstOnLine && LIST_MARKER.test(chunk));
    if (this.firstOnLine) this.paragraph = !this.fence && !fenceMarker && this.lineKind === 'text';
    this.firstOnLine = false;
    this.newlines = 0;
    this.chunk = '';
    this.passedThrough = false;
    return out;
  }

  /** Start a verbatim span whose first prose-relevant text is `text`. */
  private startSpan(text: string, codeLine: boolean): void {
    this.spanChunks = 0;
    this.spanProse = true;
    this.spanCapital = codeLine ? CAPITALIZED.test(text) : true;
  }

  /**
   * Whether the current chunk is shielded by its context: outside JSON strings in JSON
   * mode always; in a verbatim span for its first SPAN_GRACE chunks, and for good once a
   * chunk shows code.
   */
  private shielded(chunk: string): boolean {
    const code = this.fence || this.lineKind === 'code';
    if (!code && this.json && !this.quote) return true;
    if (!code && !this.inline && !this.quote) return false;
    this.spanChunks++;
    if (this.passedThrough || CODE_CHARS.test(chunk) || (code && CODE_LINE_CHARS.test(chunk)))
      this.spanProse = false;
    return !(this.spanProse && this.spanCapital && this.spanChunks > SPAN_GRACE);
  }

  private pushToken(raw: string, plain: boolean): void {
    this.prev2 = this.prev;
    this.prev2Norm = this.prevNorm;
    this.prev = raw;
    this.prevNorm = undefined;
    this.prevPlain = plain;
  }

  /** normalize(this.prev), once per word. */
  private prevContext(): string {
    return (this.prevNorm ??= normalize(this.prev));
  }

  /** normalize(this.prev2), once per word. */
  private prev2Context(): string {
    return (this.prev2Norm ??= normalize(this.prev2));
  }

  /** Two words of context (contractions recur too often for one). */
  private ctx2(): string {
    return this.prev2Context() + ' ' + this.prevContext();
  }

  /** A negation may follow the previous word (not after a question word or at a sentence start). */
  private negationOk(): boolean {
    return this.prevPlain && !this.sentenceStart && !WH_WORDS.has(this.prevContext());
  }

  private caseOk(word: string): boolean {
    const lower = word.toLowerCase();
    return word === lower || lower === 'i' || (this.sentenceStart && word === capitalize(lower));
  }

  /** An unshielded chunk: first settle a held contraction, then the chunk itself. */
  private unshielded(chunk: string, final: boolean): string {
    let h = this.host;
    this.host = undefined;
    this.gap = undefined;
    let out = '';
    if (h?.pending !== undefined) {
      // "it's" + next word: a position unless it reads "it has" ("it's been").
      const ctxIs = this.ctx2();
      let expanded = false;
      if (!HAS_PARTICIPLES.has(chunk.toLowerCase())) {
        expanded = this.visit({ context: h.ctx, group: h.group, index: 1, k: 2 }) === 0;
      }
      out += expanded ? ' is' : h.pending;
      this.pushToken('is', true);
      const neg = negationFor('is');
      h =
        expanded && neg && !WH_WORDS.has(h.word)
          ? { kind: 'neg', group: neg.group, ctx: ctxIs, word: 'is' }
          : undefined;
      if (!h) out += ' ';
    }
    if (h) {
      const r = this.afterHost(h, chunk, final);
      if (r !== undefined) return out + r;
      out += ' ';
    }
    return out + this.plainChunk(chunk, final);
  }

  /** The chunk after a host and one space: a contraction position, or undefined. */
  private afterHost(h: Host, chunk: string, final: boolean): string | undefined {
    if (h.kind === 'neg') {
      const m = NOT.exec(chunk);
      if (!m) return undefined;
      const c = this.visit({ context: h.ctx, group: h.group, index: 0, k: 2 });
      this.pushToken('not', m[1] === '');
      return (c === 1 ? 'n' + this.apos + 't' : ' not') + m[1];
    }
    const neg = NEG_CONTRACTED.exec(chunk);
    const cls = affirmativeFor(h.word, neg ? neg[1]! : chunk);
    if (!cls) return undefined;
    const negOfAux = neg !== null;
    if (chunk === cls.aux && final) return undefined; // "… what it is" at a line end
    const ctxAux = this.ctx2();
    const c = this.visit({ context: h.ctx, group: cls.group, index: 0, k: 2 });
    if (c === 1) {
      this.pushToken(cls.aux, true);
      if (!negOfAux) return this.apos + cls.suffix;
      this.pushToken('not', neg[3] === '');
      return this.apos + cls.suffix + ' not' + neg[3];
    }
    // "it isn't" kept expanded: the negation is a position of its own (plainChunk).
    if (negOfAux) return undefined;
    this.pushToken(cls.aux, true);
    const nextNeg = negationFor(cls.aux);
    if (nextNeg && !WH_WORDS.has(h.word)) {
      this.host = { kind: 'neg', group: nextNeg.group, ctx: ctxAux, word: cls.aux };
      this.gap = '';
    }
    return ' ' + cls.aux;
  }
  private toggleSpans(chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      const was = this.inline || this.quote;
      if (c === 96)
        this.inline = !this.inline; // `
      else if (this.inline) continue;
      else if (c === 34 && chunk.charCodeAt(i - 1) !== 92)
        this.quote = !this.quote; // " (not an escaped \" inside a JSON string)
      else if (c === 0x201c) this.quote = true;
      else if (c === 0x201d) this.quote = false;
      // A span opened inside this chunk: what follows the opener counts as its start.
      if (!was && (this.inline || this.quote)) {
        this.startSpan('', false);
        if (CODE_CHARS.test(chunk.slice(i + 1).replace(/[`"”]+$/, ''))) this.spanProse = false;
      }
    }
  }

  /** A chunk on its own: a contracted form, a synonym, or a host word; or nothing to do. */
  private plainChunk(chunk: string, final: boolean): string {
    const contracted = this.contracted(chunk, final);
    if (contracted !== undefined) return contracted;
    const out = this.rewrite(chunk) ?? chunk;
    const plain = PLAIN.test(chunk);
    if (plain && !final) this.setHost(chunk);
    if (hasAlnum(chunk)) this.pushToken(out, plain);
    return out;
  }

  /**
   * A host word holds back the space after it; the next chunk may complete a contraction. Its
   * context is the two words before it (nothing was pushed since the chunk began).
   */
  private setHost(chunk: string): void {
    if (!this.caseOk(chunk)) return;
    const word = chunk.toLowerCase();
    const aff = isAffirmativeHost(word);
    const neg = aff ? undefined : negationFor(word);
    if (aff) this.host = { kind: 'aff', group: -1, ctx: this.ctx2(), word };
    else if (neg && this.negationOk())
      this.host = { kind: 'neg', group: neg.group, ctx: this.ctx2(), word };
    if (this.host) this.gap = '';
  }

  /** "don't", "can't"/"cannot", "I'm", "it's" as one chunk; undefined for anything else. */
  private contracted(chunk: string, final: boolean): string | undefined {
    // Every contracted form holds an apostrophe, and "cannot" starts with "can": most words
    // are neither, and skip the three patterns.
    if (
      chunk.indexOf("'") < 0 &&
      chunk.indexOf('\u2019') < 0 &&
      !(
        (chunk.charCodeAt(0) | 32) === 99 &&
        (chunk.charCodeAt(1) | 32) === 97 &&
        (chunk.charCodeAt(2) | 32) === 110
      )
    )
      return undefined;
    const ctx = this.ctx2();
    const neg = NEG_CONTRACTED.exec(chunk);
    const negCls = neg && this.caseOk(neg[1]!) ? negationFor(neg[1]!.toLowerCase()) : undefined;
    if (neg && negCls) {
      this.apos = neg[2]!;
      let out = chunk;
      if (this.negationOk()) {
        const c = this.visit({ context: ctx, group: negCls.group, index: 1, k: 2 });
        if (c === 0) out = neg[1] + ' not' + neg[3];
      }
      this.pushToken(neg[1]!, true);
      this.pushToken('not', neg[3] === '');
      return out;
    }
    const can = CANNOT.exec(chunk);
    if (can && this.caseOk(can[1]!) && can[2] === can[2]!.toLowerCase()) {
      if (can[3]) this.apos = can[3];
      const index = can[2] === 'not' ? 0 : 1;
      const c = this.visit({ context: ctx, group: CANNOT_GROUP, index, k: 2 });
      this.pushToken('cannot', can[4] === '');
      if (c === undefined || c === index) return chunk;
      return can[1] + (c === 0 ? 'not' : this.apos + 't') + can[4];
    }
    const aff = AFF_CONTRACTED.exec(chunk);
    const cls = aff && !final ? affirmativeBySuffix(aff[1]!.toLowerCase(), aff[3]!) : undefined;
    if (!aff || !cls || !this.caseOk(aff[1]!)) return undefined;
    this.apos = aff[2]!;
    if (cls.suffix === 's') {
      // "'s" may be "has": decide once the next word is known.
      this.pushToken(aff[1]!, true);
      this.host = { kind: 'aff', group: cls.group, ctx, word: cls.host, pending: aff[2] + 's' };
      this.gap = '';
      return aff[1];
    }
    const c = this.visit({ context: ctx, group: cls.group, index: 1, k: 2 });
    this.pushToken(aff[1]!, true);
    const ctxAux = this.ctx2();
    this.pushToken(cls.aux, true);
    if (c !== 0) return chunk;
    const nextNeg = negationFor(cls.aux);
    if (nextNeg && !WH_WORDS.has(cls.host)) {
      this.host = { kind: 'neg', group: nextNeg.group, ctx: ctxAux, word: cls.aux };
      this.gap = '';
    }
    return aff[1] + ' ' + cls.aux;
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
    const prev = this.prevContext();
    if (entry.after && !entry.after.has(prev)) return undefined;
    // A context-gated group always has the same previous word, so its PRF context also takes
    // the word before that; otherwise de-duplication would leave it one position per gate.
    const context = entry.after ? this.prev2Context() + ' ' + prev : prev;
    const c = this.visit({ context, group: entry.group, index: entry.index, k: entry.k });
    if (c === undefined || c === entry.index) return undefined;
    const rep = groupWords(entry.group)[c]!;
    return chunk.slice(0, start) + (title ? capitalize(rep) : rep) + chunk.slice(end);
  }
}

/**
 * A context word: lower case, without leading or trailing punctuation, at most 32 chars
 * (what `.slice(-32).toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')` gives, by index).
 */
function normalize(raw: string): string {
  const lower = (raw.length > 32 ? raw.slice(-32) : raw).toLowerCase();
  let i = 0;
  let j = lower.length;
  while (i < j && !isLowerAlnum(lower.charCodeAt(i))) i++;
  while (j > i && !isLowerAlnum(lower.charCodeAt(j - 1))) j--;
  return i === 0 && j === lower.length ? lower : lower.slice(i, j);
}

function isLowerAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
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
