import type { AuditEntry, AuditInput } from './entry.js';
import type { Checkpoint } from './signer.js';
import type { VerifyResult } from './verify.js';

export type { AuditEntry, AuditInput } from './entry.js';
export type { Checkpoint } from './signer.js';
export type { VerifyResult, VerifyProblem } from './verify.js';

/** Range of a listing: `since` inclusive, `until` exclusive, both epoch ms. */
export interface AuditQuery {
  since?: number | undefined;
  until?: number | undefined;
  limit?: number | undefined;
  /** `asc` (default): oldest first; `desc`: newest first, so `limit` keeps the newest entries. */
  order?: 'asc' | 'desc' | undefined;
}

/**
 * The append-only, hash-chained audit log. Implementations: SQLite (`sqlite/`) and
 * PostgreSQL (`postgres/`); both pass `log.case.ts`. Appends are serialised across
 * processes, so seq has no gaps and every entry links to the one before.
 * @example await log.append({ actor: 'admin', action: 'pin.set', subject: 'acct_1', reason: 'abuse report', data: { level: 'block' } })
 */
export interface AuditLog {
  append(e: AuditInput): Promise<AuditEntry>;
  /** Append several entries in one transaction (one fsync): for bursts such as a detector pass changing many levels. */
  appendMany(es: AuditInput[]): Promise<AuditEntry[]>;
  /** Entries in seq order (`order: 'desc'`: newest first), streamed page by page. */
  list(q?: AuditQuery): AsyncIterable<AuditEntry>;
  /** Verify the whole chain and every stored checkpoint with this log's key. */
  verify(): Promise<VerifyResult>;
  /** Write a signed checkpoint for the newest entry now (undefined when the log is empty). */
  checkpoint(): Promise<Checkpoint | undefined>;
  /** Stored checkpoints, oldest first. */
  checkpoints(): Promise<Checkpoint[]>;
  close(): Promise<void>;
}
