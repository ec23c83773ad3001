import type { KeyObject } from 'node:crypto';
import { GENESIS_HASH, entryHash, type AuditEntry } from './entry.js';
import { verifyCheckpoint, type Checkpoint } from './signer.js';
import { checkpointDue, policyOf, POLICY_ACTION, type CheckpointPolicy } from './checkpoints.js';

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
  /**
   * The signed head kept outside the log (checkpoints.ts): the log must reach it and hold
   * the same hash at its seq. 'missing' when the head file should exist but does not.
   */
  head?: Checkpoint | 'missing' | 'unreadable';
  /**
   * Now (epoch ms), for a live log: entries older than two checkpoint intervals must be
   * covered by a checkpoint (the writer checkpoints on a timer and when it closes).
   */
  now?: number;
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
  /** Entry time of the newest checkpointed entry so far (the time rule's base). */
  private base: number | undefined;
  count = 0;
  firstSeq: number | null = null;

  /**
   * The checkpoint rule in force: the one the last `audit.policy` entry recorded (the
   * writer records its rule in the chain itself, so the verifier needs no configuration
   * and a log written before the rule existed is not held to it).
   */
  private policy: CheckpointPolicy | undefined;

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
    const has = this.wanted.has(cur.seq);
    if (has) this.seen.set(cur.seq, { hash: cur.hash, position });
    if (this.policy && !has && checkpointDue(cur.seq, cur.ts, this.base, this.policy)) {
      this.report(
        'checkpoint',
        position,
        cur.seq,
        `entry seq ${cur.seq} at position ${position} is due a signed checkpoint (every ${this.policy.every} entries or ${this.policy.everyMs} ms of log time) but none exists: checkpoints were deleted, or the entries after the last one were written without the log's key`,
      );
    }
    if (has || (this.base === undefined && cur.seq === 1)) this.base = cur.ts;
    if (cur.action === POLICY_ACTION) this.policy = policyOf(cur.data) ?? this.policy;
  }

  /** A head file that should be there (the signed head itself is checked as a checkpoint). */
  private checkHead(head: NonNullable<VerifyOptions['head']>): void {
    // Before the first checkpoint there is no head yet.
    if (typeof head === 'object' || this.wanted.size === 0) return;
    this.report(
      'checkpoint',
      0,
      null,
      `the signed head file is ${head}: it records how far the log reached, so truncation cannot be ruled out without it`,
    );
  }

  finish(opts: VerifyOptions): number {
    if (opts.head !== undefined) this.checkHead(opts.head);
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
          this.count === 0
            ? `the log is empty but a signed checkpoint covers seq ${c.seq}: the log was deleted and recreated`
            : `log ends at seq ${lastSeq} but a signed checkpoint covers seq ${c.seq}: entries were cut from the end`,
        );
      }
    }
    this.checkTail(opts);
    return checked;
  }

  /** A live log's newest entries must not stay without a checkpoint for long. */
  private checkTail(opts: VerifyOptions): void {
    const last = this.prev?.entry;
    if (!last || opts.now === undefined || !this.policy) return;
    const covered = [...this.wanted.keys()].some((s) => s >= last.seq);
    if (covered || opts.now - last.ts <= 2 * this.policy.everyMs) return;
    const from = Math.max(0, ...[...this.wanted.keys()].filter((s) => s < last.seq)) + 1;
    this.report(
      'checkpoint',
      this.prev!.position,
      last.seq,
      `entries seq ${from}–${last.seq} (the newest written at ${new Date(last.ts).toISOString()}) are not covered by a signed checkpoint although one is written every ${this.policy.everyMs} ms and on close: they were appended without the log's key, or the process writing them died before checkpointing`,
    );
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
  const head = typeof opts.head === 'object' ? [opts.head] : [];
  const v = new ChainVerifier([
    ...(opts.checkpoints ?? []),
    ...head.filter((h) => !opts.checkpoints?.some((c) => c.seq === h.seq)),
  ]);
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
