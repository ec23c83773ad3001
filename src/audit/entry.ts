import { canonicalJson, sha256Hex } from './canonical.js';

/** What a caller records: who did what to whom, and why. */
export interface AuditInput {
  /** Who: an admin token name, `system`, `detector`, an analyst's id. */
  actor: string;
  /** What, as a dotted verb: `level.change`, `pin.set`, `key.revoke`, `policy.reload`, `incident.resolve`. */
  action: string;
  /** The object acted on: an account id, a key id, a file, an incident id. */
  subject: string;
  /** Why, in words. */
  reason?: string | undefined;
  /** Structured details (JSON values only). */
  data?: Record<string, unknown> | undefined;
}

/** One entry of the hash-chained log. */
export interface AuditEntry extends AuditInput {
  /** 1, 2, 3 … without gaps. */
  seq: number;
  /** Epoch ms when appended. */
  ts: number;
  /** `hash` of the entry before (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every other field. */
  hash: string;
}

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry's hash: SHA-256 over the RFC 8785-style canonical JSON of all fields but
 * `hash`. Each entry commits to its predecessor through `prevHash`, the linear
 * hash chain of Haber & Stornetta (1991) used by tamper-evident logs (Crosby & Wallach,
 * USENIX Security 2009, §2; RFC 6962 applies the same idea in tree form).
 */
export function entryHash(e: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { seq, ts, actor, action, subject, reason, data, prevHash } = e;
  return sha256Hex(canonicalJson({ seq, ts, actor, action, subject, reason, data, prevHash }));
}

/** Build the entry that follows `prev` (or the first one when `prev` is undefined). */
export function nextEntry(
  prev: { seq: number; hash: string } | undefined,
  input: AuditInput,
  ts: number,
): AuditEntry {
  const base: Omit<AuditEntry, 'hash'> = {
    seq: prev ? prev.seq + 1 : 1,
    ts,
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
    ...(input.data !== undefined ? { data: input.data } : {}),
    prevHash: prev ? prev.hash : GENESIS_HASH,
  };
  return { ...base, hash: entryHash(base) };
}

/** Row shape shared by the SQL backends (data stored as its JSON text, never re-encoded). */
export interface AuditRow {
  seq: number | string;
  ts: number | string;
  actor: string;
  action: string;
  subject: string;
  reason: string | null;
  data: string | null;
  prev_hash: string;
  hash: string;
}

/** Turn a stored row back into an entry. */
export function entryFromRow(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    ts: Number(r.ts),
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    ...(r.reason !== null ? { reason: r.reason } : {}),
    ...(r.data !== null ? { data: JSON.parse(r.data) as Record<string, unknown> } : {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Columns of an entry in insertion order (seq, ts, actor, action, subject, reason, data, prev_hash, hash). */
export function rowValues(e: AuditEntry): unknown[] {
  return [
    e.seq,
    e.ts,
    e.actor,
    e.action,
    e.subject,
    e.reason ?? null,
    e.data === undefined ? null : JSON.stringify(e.data),
    e.prevHash,
    e.hash,
  ];
}
