import { positionId } from './detect.js';
import { WordScanner } from './scanner.js';

/** Owner value of a position served to more than one account. */
const SHARED = -1;

/**
 * The (context, group) positions of the text a provider actually served — the "filter"
 * setting of Sander et al. 2024 ("Watermarking makes language models radioactive",
 * arXiv 2402.14904, §5): a detector that knows the watermarked data scores a suspect only
 * at positions that occurred in it, where a distilled student can carry the mark, and
 * skips the many positions the student learned elsewhere, which only add null trials.
 *
 * Membership is a function of the served text alone, never of the suspect's word choice
 * at a position, so under the null each kept position is still a hit with probability
 * exactly 1/k and the probe's binomial test stays exact.
 *
 * Positions carry no key: the master and every per-account key mark the same (context,
 * group) positions (embed.ts only changes which key picks the alternative), so one set
 * serves every key. For attribution each position also records the account it was served
 * to, or "several"; `forAccount` keeps an account's own positions plus the shared ones.
 * Memory grows with distinct positions (bounded by vocabulary × groups), not with the
 * amount of served text.
 */
export class ServedPositions {
  private readonly owner = new Map<string, number>();
  private readonly accountIndex = new Map<string, number>();
  /** Texts added. */
  texts = 0;

  /** Add one served text and the account it went to (optional). */
  add(text: string, account?: string): void {
    this.texts++;
    let acct = SHARED;
    if (account !== undefined) {
      acct = this.accountIndex.get(account) ?? this.accountIndex.size;
      this.accountIndex.set(account, acct);
    }
    const scanner = new WordScanner((w) => {
      const id = positionId(w);
      const prev = this.owner.get(id);
      if (prev === undefined) this.owner.set(id, acct);
      else if (prev !== acct) this.owner.set(id, SHARED);
      return undefined;
    });
    scanner.write(text);
    scanner.end();
  }

  /** Distinct served positions. */
  get size(): number {
    return this.owner.size;
  }

  /** Whether a position id (positionId) occurred in served text. */
  has(id: string): boolean {
    return this.owner.has(id);
  }

  /** A filter for one account's key: positions served to it, or to several accounts. */
  forAccount(account: string): (id: string) => boolean {
    const i = this.accountIndex.get(account);
    return (id) => {
      const o = this.owner.get(id);
      return o !== undefined && (o === SHARED || o === i);
    };
  }
}

/** Outcome of reading an events export into a ServedPositions. */
export interface ServedLoad {
  served: ServedPositions;
  /** Lines read (blank lines included). */
  lines: number;
  /** Events whose response text was added. */
  events: number;
  /** Events without served text (errors, or telemetry.storeText off). */
  empty: number;
  /** Malformed lines, skipped. */
  bad: number;
  /** The first few malformed-line messages ("line 7: …"). */
  badSamples: string[];
}

const MAX_SAMPLES = 5;

/**
 * Stream telemetry events (JSONL, as `moat events export` writes; DESIGN.md "Telemetry
 * event") into the set of served positions, one line at a time: `response.text` is the
 * text served, `account` the account it went to. Malformed lines are skipped and counted,
 * the first few reported by line number (as `moat analyze` does).
 */
export async function loadServedEvents(lines: AsyncIterable<string>): Promise<ServedLoad> {
  const out: ServedLoad = {
    served: new ServedPositions(),
    lines: 0,
    events: 0,
    empty: 0,
    bad: 0,
    badSamples: [],
  };
  for await (const raw of lines) {
    const n = ++out.lines;
    const line = raw.trim();
    if (!line) continue;
    const error = addEventLine(out.served, line);
    if (error === undefined) out.events++;
    else if (error === '') out.empty++;
    else {
      out.bad++;
      if (out.badSamples.length < MAX_SAMPLES) out.badSamples.push(`line ${n}: ${error}`);
    }
  }
  return out;
}

/** Add one event line; undefined when added, '' when it holds no text, else the error. */
function addEventLine(served: ServedPositions, line: string): string | undefined {
  let e: unknown;
  try {
    e = JSON.parse(line);
  } catch (err) {
    return `not JSON (${(err as Error).message})`;
  }
  if (typeof e !== 'object' || e === null || Array.isArray(e)) return 'not a JSON object';
  const { account, response } = e as { account?: unknown; response?: unknown };
  if (typeof account !== 'string') return 'no "account" string';
  if (response === undefined) return '';
  const text = (response as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return '"response.text" is not a string';
  if (!text) return '';
  served.add(text, account);
  return undefined;
}
