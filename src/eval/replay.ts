/**
 * Replays the events against a verdict timeline to measure what the ladder would have done
 * to each request: requests until detection, the share of attack requests served at full
 * fidelity (attacker yield) and the share of honest requests throttled or worse (benign
 * friction). A verdict with updatedAt T applies to the account's requests after T (the
 * request that produced it was already being served).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { LEVELS, levelRank, type Level } from '../telemetry/event.js';

/** A level change of one account at a time. */
export interface TimelineEntry {
  account: string;
  level: Level;
  updatedAt: number;
}

/** What happened to one account's requests. */
export interface AccountReplay {
  requests: number;
  /** Per level rank: how many of the account's requests had been served when it first reached that level or higher (null: never). */
  reachedAfter: (number | null)[];
  /** Requests served while the account was at each level rank. */
  servedAt: number[];
}

const HEAD = /^\{\s*"ts"\s*:\s*(\d+)\s*,\s*"account"\s*:\s*"((?:[^"\\]|\\.)*)"/;

/** ts and account of an event line; fast path for the simulator's field order, JSON.parse otherwise. */
export function eventHead(line: string): { ts: number; account: string } | undefined {
  const m = HEAD.exec(line);
  if (m)
    return {
      ts: Number(m[1]),
      account: m[2]!.includes('\\') ? (JSON.parse(`"${m[2]}"`) as string) : (m[2] as string),
    };
  try {
    const e = JSON.parse(line) as { ts?: unknown; account?: unknown };
    return typeof e.ts === 'number' && typeof e.account === 'string'
      ? { ts: e.ts, account: e.account }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Lines of a (possibly gzipped) text file. */
export async function* fileLines(path: string): AsyncGenerator<string> {
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield line;
}

/** Sort a timeline by time (stable) and drop entries that do not change the account's level. */
export function normalizeTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  const sorted = entries
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].updatedAt - b[0].updatedAt || a[1] - b[1]);
  const last = new Map<string, Level>();
  const out: TimelineEntry[] = [];
  for (const [e] of sorted) {
    if ((last.get(e.account) ?? 'allow') === e.level) continue;
    last.set(e.account, e.level);
    out.push(e);
  }
  return out;
}

function fresh(): AccountReplay {
  return { requests: 0, reachedAfter: LEVELS.map(() => null), servedAt: LEVELS.map(() => 0) };
}

/** Replay events (ts-ordered lines) against a normalized timeline. */
export async function replay(
  lines: AsyncIterable<string> | Iterable<string>,
  timeline: TimelineEntry[],
): Promise<{ accounts: Map<string, AccountReplay>; badLines: number }> {
  const accounts = new Map<string, AccountReplay>();
  const level = new Map<string, number>();
  const get = (a: string): AccountReplay => {
    let r = accounts.get(a);
    if (!r) accounts.set(a, (r = fresh()));
    return r;
  };
  let t = 0;
  const apply = (e: TimelineEntry): void => {
    const r = get(e.account);
    const rank = levelRank(e.level);
    level.set(e.account, rank);
    for (let k = 1; k <= rank; k++) if (r.reachedAfter[k] === null) r.reachedAfter[k] = r.requests;
  };
  let badLines = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const h = eventHead(line);
    if (!h) {
      badLines++;
      continue;
    }
    while (t < timeline.length && (timeline[t] as TimelineEntry).updatedAt < h.ts)
      apply(timeline[t++] as TimelineEntry);
    const r = get(h.account);
    r.requests++;
    r.servedAt[level.get(h.account) ?? 0]!++;
  }
  while (t < timeline.length) apply(timeline[t++] as TimelineEntry);
  return { accounts, badLines };
}
