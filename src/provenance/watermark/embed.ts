import { PositionPrf } from './prf.js';
import { WordScanner } from './scanner.js';

/** Options of the embedder. */
export interface WatermarkOptions {
  /**
   * Per-account key (deriveAccountKey). A keyed share of positions then follows this key
   * instead of the master key, so detection can say which account the text went to, while
   * the master key still detects every account's text from the remaining positions.
   */
  accountKey?: Buffer | undefined;
  /** Share of positions that follow the account key; default 0.5. */
  accountShare?: number | undefined;
  /**
   * The client asked for JSON (a JSON `response_format`): only prose inside JSON strings
   * may change; keys, numbers and literals stay verbatim.
   */
  json?: boolean | undefined;
}

/** Counters of one watermarked text. */
export interface WatermarkStats {
  /** Whitespace-delimited chunks seen. */
  words: number;
  /** Positions eligible to carry the watermark (synonym groups and contractions). */
  eligible: number;
  /** Positions rewritten to another alternative (a synonym, a contraction expanded or made). */
  changed: number;
}

/** A streaming watermarker: feed text deltas, emit what it returns, call flush at the end. */
export interface Watermarker {
  /**
   * Returns text safe to emit now; holds back at most the current (partial) word, plus the
   * single space before it when the previous word may start a contraction ("it", "do"), or
   * the "'s" of "it's" until the next word shows whether it means "is" or "has".
   */
  push(delta: string): string;
  /** Returns the held-back remainder; call once when the text ends. */
  flush(): string;
  stats(): WatermarkStats;
}

/**
 * A keyed lexical watermark on a stream, in the family of He et al. 2022 (arXiv 2112.02701)
 * and CATER (arXiv 2209.08773): each eligible position is set to the alternative that
 * HMAC(key, context ‖ group) prefers — a synonym pair (context: the previous word) or a
 * contraction class, "do not"/"don't" (context: the two previous words). Concatenated output equals
 * watermarkText(key, whole text) for any split of the input.
 * @example
 * const wm = createWatermarker(key);
 * for await (const d of deltas) send(wm.push(d));
 * send(wm.flush());
 */
export function createWatermarker(key: Buffer, opts: WatermarkOptions = {}): Watermarker {
  const master = new PositionPrf(key);
  const account = opts.accountKey ? new PositionPrf(opts.accountKey) : undefined;
  const share = opts.accountShare ?? 0.5;
  let eligible = 0;
  let changed = 0;
  const scanner = new WordScanner(
    (w) => {
      eligible++;
      const bits = master.bits(w.context, w.group, w.k);
      const choice =
        account && bits.layer < share ? account.bits(w.context, w.group, w.k).choice : bits.choice;
      if (choice !== w.index) changed++;
      return choice;
    },
    { json: opts.json === true },
  );
  return {
    push: (delta) => scanner.write(delta),
    flush: () => scanner.end(),
    stats: () => ({ words: scanner.words, eligible, changed }),
  };
}

/** Watermark a whole text at once (same result as the streaming form). */
export function watermarkText(key: Buffer, text: string, opts: WatermarkOptions = {}): string {
  const wm = createWatermarker(key, opts);
  return wm.push(text) + wm.flush();
}
