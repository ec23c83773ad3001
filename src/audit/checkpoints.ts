import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Checkpoint } from './signer.js';

/**
 * When the log must carry a signed checkpoint (issue 14): every `every` entries, and
 * whenever an entry's time is `everyMs` or more after the entry of the previous
 * checkpoint. The rule depends only on what the log holds (seqs, entry times, which
 * entries have checkpoints, the policy recorded in an `audit.policy` entry), so the
 * verifier recomputes it and reports an expected checkpoint that is missing — deleting
 * checkpoints to hide a rewrite no longer passes. Writers also checkpoint an uncovered
 * tail on a timer (every `everyMs`) and when they close.
 */
export interface CheckpointPolicy {
  every: number;
  everyMs: number;
}

/** The action of the entry in which a writer records its CheckpointPolicy. */
export const POLICY_ACTION = 'audit.policy';

/** The policy an `audit.policy` entry's data records, if well-formed. */
export function policyOf(data: unknown): CheckpointPolicy | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { checkpointEvery: every, checkpointEveryMs: everyMs } = data as Record<string, unknown>;
  return Number.isSafeInteger(every) &&
    (every as number) > 0 &&
    Number.isSafeInteger(everyMs) &&
    (everyMs as number) > 0
    ? { every: every as number, everyMs: everyMs as number }
    : undefined;
}

/** The entry a writer appends (before its first own entry) when the log's recorded policy is not its own. */
export function policyEntry(p: CheckpointPolicy): {
  actor: string;
  action: string;
  subject: string;
  data: Record<string, unknown>;
} {
  return {
    actor: 'system',
    action: POLICY_ACTION,
    subject: 'audit',
    data: { checkpointEvery: p.every, checkpointEveryMs: p.everyMs },
  };
}

/**
 * Whether the entry (seq, ts) is due a checkpoint. `base` is the entry time of the
 * newest earlier entry that has a checkpoint, or of the first entry when none has;
 * undefined when unknown (an export that starts after the log's first entry).
 */
export function checkpointDue(
  seq: number,
  ts: number,
  base: number | undefined,
  p: CheckpointPolicy,
): boolean {
  return seq % p.every === 0 || (base !== undefined && ts - base >= p.everyMs);
}

/**
 * The signed head: a copy of the newest checkpoint kept in a file beside the log (by
 * default `<dataDir>/audit-head.json`, 0600), outside the database. Entries cut from the
 * end, a tail replaced by forged entries, or a log deleted and recreated no longer
 * verify against it. An attacker who can delete both the database and this file can
 * still start a fresh log; anchor heads elsewhere (an export kept off the machine) for that.
 */
export function readHead(file: string): Checkpoint | 'missing' | 'unreadable' {
  if (!existsSync(file)) return 'missing';
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
    return Number.isSafeInteger(v.seq) &&
      typeof v.hash === 'string' &&
      typeof v.signature === 'string'
      ? v
      : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Replace the head with `c` (atomically) unless the head on disk is already at or past it. */
export function writeHead(file: string, c: Checkpoint): void {
  const cur = readHead(file);
  if (typeof cur === 'object' && cur.seq > c.seq) return;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(c) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}
