import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../store/database.js';
import { createPublicKey } from 'node:crypto';
import {
  entryFromRow,
  nextEntry,
  rowValues,
  type AuditEntry,
  type AuditInput,
  type AuditRow,
} from '../entry.js';
import type { AuditLog, AuditQuery } from '../log.js';
import type { Checkpoint, CheckpointSigner } from '../signer.js';
import { verifyEntries, type VerifyResult } from '../verify.js';
import {
  checkpointDue,
  policyEntry,
  POLICY_ACTION,
  policyOf,
  readHead,
  writeHead,
  type CheckpointPolicy,
} from '../checkpoints.js';

// Created in schema `s` (the attached `<dataDir>/audit.db` in a running Moat); queries and
// trigger bodies name tables unqualified, which SQLite resolves across the connection's files.
const schemaSql = (s: string) => `
CREATE TABLE IF NOT EXISTS ${s}.audit_log (
  seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, reason TEXT, data TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ${s}.audit_log_ts ON audit_log(ts, seq);
CREATE INDEX IF NOT EXISTS ${s}.audit_log_action ON audit_log(action, seq);
CREATE TABLE IF NOT EXISTS ${s}.audit_checkpoints (
  seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, hash TEXT NOT NULL, key_id TEXT NOT NULL,
  public_key TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS ${s}.audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS ${s}.audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

/** Options of the SQLite audit log. */
export interface SqliteAuditOptions {
  signer: CheckpointSigner;
  checkpointEvery?: number;
  /**
   * Also checkpoint an entry this long (log time) after the previous checkpoint, and an
   * uncovered tail on a timer and on close; recorded in the log as an `audit.policy`
   * entry so verification holds the log to it. Unset: count-based checkpoints only.
   */
  checkpointEveryMs?: number;
  /** Where the signed head (the newest checkpoint) is kept outside the database. */
  headFile?: string;
  /** Open an existing log to read and verify it: nothing is created or written. */
  readOnly?: boolean;
  /** The connection's schema holding the log (`audit` when attached; default `main`). */
  schema?: string;
  /** Clock, for tests. */
  now?: () => number;
}

interface CheckpointRow {
  seq: number;
  ts: number;
  hash: string;
  key_id: string;
  public_key: string;
  signature: string;
}

/** Whether the recorded `audit.policy` row states `p`. */
function sameAs(p: CheckpointPolicy, row: { data: string } | undefined): boolean {
  let recorded: CheckpointPolicy | undefined;
  try {
    recorded = row ? policyOf(JSON.parse(row.data)) : undefined;
  } catch {
    recorded = undefined;
  }
  return recorded?.every === p.every && recorded.everyMs === p.everyMs;
}

function checkpointFromRow(r: CheckpointRow): Checkpoint {
  return {
    seq: r.seq,
    ts: r.ts,
    hash: r.hash,
    keyId: r.key_id,
    publicKey: r.public_key,
    signature: r.signature,
  };
}

/**
 * Audit log in its own SQLite file (`<dataDir>/audit.db`, attached to the process's one
 * connection as schema `audit`). WAL with synchronous=FULL on that file, so
 * an append that returned survives power loss and a killed process leaves the log at
 * the last committed entry; BEGIN IMMEDIATE serialises appends across processes.
 * Triggers refuse UPDATE and DELETE (tampering then needs raw file access, which the
 * chain and checkpoints expose).
 */
export class SqliteAuditLog implements AuditLog {
  private readonly db: Database.Database;
  private readonly every: number;
  private readonly policy: CheckpointPolicy | undefined;
  private readonly now: () => number;
  private readonly appendTx: (inputs: AuditInput[]) => {
    out: AuditEntry[];
    head: Checkpoint | undefined;
  };
  private policyRecorded: boolean;
  private readonly timer: NodeJS.Timeout | undefined;

  /**
   * @param handle the process's SQLite connection; the log lives in its schema `opts.schema`
   * (a read-only open checks that the log is there and writes nothing).
   */
  constructor(
    private readonly handle: SqliteDatabase,
    private readonly opts: SqliteAuditOptions,
  ) {
    this.db = handle.retain().db;
    const s = opts.schema ?? 'main';
    if (opts.readOnly) {
      const t = this.db
        .prepare(`SELECT 1 FROM ${s}.sqlite_master WHERE type = 'table' AND name = 'audit_log'`)
        .get();
      if (!t) {
        void handle.release();
        throw new Error(`${handle.file} holds no audit log`);
      }
    } else {
      // Every append durable on its own (the chain's evidence), whatever the other files do.
      this.db.pragma(`${s}.synchronous = FULL`);
      this.db.exec(schemaSql(s));
    }
    this.every = opts.checkpointEvery ?? 1000;
    this.policy = opts.checkpointEveryMs
      ? { every: this.every, everyMs: opts.checkpointEveryMs }
      : undefined;
    this.now = opts.now ?? Date.now;
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    // The time rule's base: the entry time of the newest checkpointed entry, else of the first entry.
    const base = this.db.prepare(
      'SELECT COALESCE((SELECT l.ts FROM audit_checkpoints c JOIN audit_log l ON l.seq = c.seq ORDER BY c.seq DESC LIMIT 1), (SELECT ts FROM audit_log ORDER BY seq LIMIT 1)) AS ts',
    );
    const recorded = this.db.prepare(
      `SELECT data FROM audit_log WHERE action = '${POLICY_ACTION}' ORDER BY seq DESC LIMIT 1`,
    );
    this.policyRecorded =
      !this.policy || sameAs(this.policy, recorded.get() as { data: string } | undefined);
    const insert = this.db.prepare(
      'INSERT INTO audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    const tx = this.db.transaction((inputs: AuditInput[]) => {
      let prev = last.get() as { seq: number; hash: string } | undefined;
      let baseTs = (base.get() as { ts: number | null }).ts ?? undefined;
      let head: Checkpoint | undefined;
      const out: AuditEntry[] = [];
      const all = this.policyRecorded ? inputs : [policyEntry(this.policy!), ...inputs];
      for (const input of all) {
        const e = nextEntry(prev, input, this.now());
        insert.run(...rowValues(e));
        baseTs ??= e.ts;
        if (
          this.policy ? checkpointDue(e.seq, e.ts, baseTs, this.policy) : e.seq % this.every === 0
        ) {
          head = this.opts.signer.sign(e.seq, e.hash, e.ts);
          this.storeCheckpoint(head);
          baseTs = e.ts;
        }
        prev = e;
        if (input !== all[0] || this.policyRecorded) out.push(e);
      }
      return { out, head };
    });
    this.appendTx = (inputs) => {
      const r = tx.immediate(inputs);
      this.policyRecorded = true;
      if (r.head) this.keepHead(r.head);
      return r;
    };
    if (this.policy && !opts.readOnly) {
      this.timer = setInterval(() => this.coverTail(), this.policy.everyMs);
      this.timer.unref();
    }
  }

  /** Write the signed head file, unless the head there no longer matches this log (keep the evidence). */
  private keepHead(c: Checkpoint): void {
    const file = this.opts.headFile;
    if (!file) return;
    const cur = readHead(file);
    if (typeof cur === 'object') {
      const row = this.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(cur.seq) as
        { hash: string } | undefined;
      if (row?.hash !== cur.hash) return;
    }
    writeHead(file, c);
  }

  private storeCheckpoint(c: Checkpoint): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO audit_checkpoints (seq, ts, hash, key_id, public_key, signature) VALUES (?,?,?,?,?,?)',
      )
      .run(c.seq, c.ts, c.hash, c.keyId, c.publicKey, c.signature);
  }

  /** Checkpoint the newest entry when no checkpoint covers it yet. */
  private coverTail(): void {
    try {
      const r = this.db
        .prepare(
          'SELECT (SELECT MAX(seq) FROM audit_log) AS l, (SELECT MAX(seq) FROM audit_checkpoints) AS c',
        )
        .get() as { l: number | null; c: number | null };
      if (r.l !== null && (r.c === null || r.c < r.l)) void this.checkpoint();
    } catch {
      // closed underneath the timer, or busy: the next tick or close() covers it
    }
  }

  append(e: AuditInput): Promise<AuditEntry> {
    return Promise.resolve(this.appendTx([e]).out[0]!);
  }

  appendMany(es: AuditInput[]): Promise<AuditEntry[]> {
    return Promise.resolve(es.length ? this.appendTx(es).out : []);
  }

  async *list(q: AuditQuery = {}): AsyncIterable<AuditEntry> {
    const desc = q.order === 'desc';
    const page = this.db.prepare(
      desc
        ? 'SELECT * FROM audit_log WHERE seq < ? AND ts >= ? AND ts < ? ORDER BY seq DESC LIMIT ?'
        : 'SELECT * FROM audit_log WHERE seq > ? AND ts >= ? AND ts < ? ORDER BY seq LIMIT ?',
    );
    let after = desc ? Number.MAX_SAFE_INTEGER : 0;
    let left = q.limit ?? Number.MAX_SAFE_INTEGER;
    while (left > 0) {
      const rows = page.all(
        after,
        q.since ?? -Number.MAX_SAFE_INTEGER,
        q.until ?? Number.MAX_SAFE_INTEGER,
        Math.min(500, left),
      ) as AuditRow[];
      if (rows.length === 0) return;
      for (const r of rows) yield entryFromRow(r);
      after = Number(rows[rows.length - 1]!.seq);
      left -= rows.length;
    }
  }

  checkpoint(): Promise<Checkpoint | undefined> {
    const last = this.db
      .prepare('SELECT seq, ts, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; ts: number; hash: string } | undefined;
    if (!last) return Promise.resolve(undefined);
    const c = this.opts.signer.sign(last.seq, last.hash, this.now());
    this.storeCheckpoint(c);
    this.keepHead(c);
    return Promise.resolve(c);
  }

  checkpoints(): Promise<Checkpoint[]> {
    const rows = this.db
      .prepare('SELECT * FROM audit_checkpoints ORDER BY seq')
      .all() as CheckpointRow[];
    return Promise.resolve(rows.map(checkpointFromRow));
  }

  async verify(): Promise<VerifyResult> {
    const trustedKey = createPublicKey({
      key: Buffer.from(this.opts.signer.publicKeyDer, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return verifyEntries(this.list(), {
      checkpoints: await this.checkpoints(),
      trustedKey,
      complete: true,
      ...(this.opts.headFile ? { head: readHead(this.opts.headFile) } : {}),
      now: this.now(),
    });
  }

  /** Raw handle, for tamper tests and maintenance. */
  get database(): Database.Database {
    return this.db;
  }

  close(): Promise<void> {
    clearInterval(this.timer);
    if (this.policy && !this.opts.readOnly) this.coverTail();
    return this.handle.release();
  }
}
