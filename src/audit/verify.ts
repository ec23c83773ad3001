import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, entryHash, type AuditEntry } from './entry.js';
import { verifyCheckpoint, type Checkpoint } from './signer.js';

/** What kind of tampering a problem shows. */
export type ProblemKind =
  'malformed' | 'modified' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'checkpoint';

/** One finding, located by 1-based position in the verified sequence (= line of a JSONL export). */
export interface VerifyProblem {
  kind: ProblemKind;
  position: number;
  seq: number | null;
  message: string;
}

/** Result of verifying a log or an export. */
export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  checkpointsChecked: number;
  problems: VerifyProblem[];
}

/** Options of verifyEntries. */
export interface VerifyOptions {
  /** Signed checkpoints to hold the entries to. */
  checkpoints?: Checkpoint[];
  /** Key the checkpoints must be signed with; without it, their embedded key is used. */
  trustedKey?: KeyObject;
  /** True when the sequence must reach the newest checkpoint (a live log, a full export). */
  complete?: boolean;
}

const HEX64 = /^[0-9a-f]{64}$/;

function malformed(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return 'not a JSON object';
  const r = e as Record<string, unknown>;
  if (!Number.isSafeInteger(r['seq']) || (r['seq'] as number) < 1)
    return 'seq is not a positive integer';
  if (!Number.isFinite(r['ts'])) return 'ts is not a number';
  for (const f of ['actor', 'action', 'subject'])
    if (typeof r[f] !== 'string') return `${f} is not a string`;
  if (typeof r['prevHash'] !== 'string' || !HEX64.test(r['prevHash']))
    return 'prevHash is not 64 hex digits';
  if (typeof r['hash'] !== 'string' || !HEX64.test(r['hash'])) return 'hash is not 64 hex digits';
  return undefined;
}

interface Pending {
  entry: AuditEntry;
  position: number;
}

/**
 * Streaming verifier of a hash chain. Each entry is checked against its own hash
 * (modified content), its seq against the previous (deleted, inserted, reordered) and
 * its prevHash against the previous entry's hash (an entry re-hashed after editing, or
 * a forged one slipped in). A one-entry look-ahead tells a forged duplicate from the
 * genuine entry: the genuine one is the one its successor links to. Signed checkpoints
 * catch what a chain alone cannot — a history rewritten and re-hashed from some point
 * on, or entries cut from the end (Crosby & Wallach 2009, §3).
 */
class ChainVerifier {
  readonly problems: VerifyProblem[] = [];
  private prev: Pending | undefined;
  private readonly missing = new Map<number, number>(); // seq → position where the gap was seen
  private readonly wanted: Map<number, Checkpoint>;
  private readonly seen = new Map<number, { hash: string; position: number }>();
  count = 0;
  firstSeq: number | null = null;

  constructor(checkpoints: Checkpoint[]) {
    this.wanted = new Map(checkpoints.map((c) => [c.seq, c]));
  }

  get last(): Pending | undefined {
    return this.prev;
  }

  private report(kind: ProblemKind, position: number, seq: number | null, message: string): void {
    this.problems.push({ kind, position, seq, message });
  }

  /** Feed `cur` with the entry after it (if any). */
  step(raw: unknown, position: number, next: unknown): void {
    this.count++;
    const bad = malformed(raw);
    if (bad)
      return this.report('malformed', position, null, `entry at position ${position}: ${bad}`);
    const cur = raw as AuditEntry;
    this.firstSeq ??= cur.seq;
    if (entryHash(cur) !== cur.hash) {
      this.report(
        'modified',
        position,
        cur.seq,
        `entry seq ${cur.seq} at position ${position} was modified: its content does not match its hash`,
      );
    }
    const prev = this.prev;
    if (!prev) {
      if (cur.seq === 1 && cur.prevHash !== GENESIS_HASH) {
        this.report(
          'modified',
          position,
          cur.seq,
          `entry seq 1 at position ${position} does not start from the genesis hash`,
        );
      }
      return this.accept(cur, position);
    }
    const p = prev.entry;
    if (cur.seq === p.seq + 1) return this.linked(cur, position, next);
    if (cur.seq === p.seq) return this.duplicate(cur, position, next);
    if (cur.seq < p.seq) {
      if (this.missing.delete(cur.seq)) {
        return this.report(
          'reordered',
          position,
          cur.seq,
          `entry seq ${cur.seq} at position ${position} is out of order (after seq ${p.seq})`,
        );
      }
      return this.report(
        'inserted',
        position,
        cur.seq,
        `entry at position ${position} repeats earlier seq ${cur.seq}: an inserted entry`,
      );
    }
    for (let s = p.seq + 1; s < cur.seq; s++) this.missing.set(s, position);
    this.accept(cur, position);
  }

  private linked(cur: AuditEntry, position: number, next: unknown): void {
    const p = this.prev!;
    if (cur.prevHash === p.entry.hash) return this.accept(cur, position);
    const n = next as Partial<AuditEntry> | undefined;
    if (n && n.seq === cur.seq && n.prevHash === p.entry.hash) {
      // The genuine entry follows and links to prev: this one was forged in.
      return this.report(
        'inserted',
        position,
        cur.seq,
        `entry at position ${position} (seq ${cur.seq}) was inserted: the chain continues through the next entry`,
      );
    }
    this.report(
      'modified',
      p.position,
      p.entry.seq,
      `entry seq ${p.entry.seq} at position ${p.position} was modified and re-hashed: entry seq ${cur.seq} at position ${position} no longer links to it`,
    );
    this.accept(cur, position);
  }

  /** Two entries share a seq: the genuine one is the one the following entry links to. */
  private duplicate(cur: AuditEntry, position: number, next: unknown): void {
    const p = this.prev!;
    const n = next as Partial<AuditEntry> | undefined;
    if (n && n.prevHash === cur.hash && n.prevHash !== p.entry.hash) {
      this.report(
        'inserted',
        p.position,
        p.entry.seq,
        `entry at position ${p.position} (seq ${p.entry.seq}) was inserted: the chain continues through the entry after it`,
      );
      return this.accept(cur, position);
    }
    this.report(
      'inserted',
      position,
      cur.seq,
      `entry at position ${position} repeats seq ${cur.seq}: an inserted entry`,
    );
  }

  private accept(cur: AuditEntry, position: number): void {
    this.prev = { entry: cur, position };
    if (this.wanted.has(cur.seq)) this.seen.set(cur.seq, { hash: cur.hash, position });
  }

  finish(opts: VerifyOptions): number {
    for (const [seq, position] of [...this.missing].sort((a, b) => a[0] - b[0])) {
      this.report(
        'deleted',
        position,
        seq,
        `entry seq ${seq} is missing before position ${position}: deleted`,
      );
    }
    let checked = 0;
    const lastSeq = this.prev?.entry.seq ?? 0;
    for (const c of [...this.wanted.values()].sort((a, b) => a.seq - b.seq)) {
      const sig = verifyCheckpoint(c, opts.trustedKey);
      if (!sig.ok) {
        this.report('checkpoint', 0, c.seq, `checkpoint at seq ${c.seq}: ${sig.reason}`);
        continue;
      }
      checked++;
      const got = this.seen.get(c.seq);
      if (got && got.hash !== c.hash) {
        this.report(
          'checkpoint',
          got.position,
          c.seq,
          `entry seq ${c.seq} at position ${got.position} differs from the signed checkpoint: history was rewritten up to here`,
        );
      } else if (!got && c.seq > lastSeq && opts.complete) {
        this.report(
          'truncated',
          this.count + 1,
          c.seq,
          `log ends at seq ${lastSeq} but a signed checkpoint covers seq ${c.seq}: entries were cut from the end`,
        );
      }
    }
    return checked;
  }
}

/**
 * Verify a sequence of entries (from a store or a JSONL export) against its hash chain
 * and signed checkpoints. Every problem is reported with its position.
 * @example const r = await verifyEntries(log.list({})); if (!r.ok) console.error(r.problems[0].message);
 */
export async function verifyEntries(
  entries: AsyncIterable<unknown> | Iterable<unknown>,
  opts: VerifyOptions = {},
): Promise<VerifyResult> {
  const v = new ChainVerifier(opts.checkpoints ?? []);
  let position = 0;
  let held: unknown;
  let have = false;
  for await (const e of entries) {
    if (have) v.step(held, ++position, e);
    held = e;
    have = true;
  }
  if (have) v.step(held, ++position, undefined);
  const checkpointsChecked = v.finish(opts);
  const last = v.last?.entry;
  return {
    ok: v.problems.length === 0,
    entries: v.count,
    firstSeq: v.firstSeq,
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
    checkpointsChecked,
    problems: v.problems.sort((a, b) => a.position - b.position),
  };
}
