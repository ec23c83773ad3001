import Database from 'better-sqlite3';
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

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, reason TEXT, data TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_ts ON audit_log(ts, seq);
CREATE TABLE IF NOT EXISTS audit_checkpoints (
  seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, hash TEXT NOT NULL, key_id TEXT NOT NULL,
  public_key TEXT NOT NULL, signature TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

/** Options of the SQLite audit log. */
export interface SqliteAuditOptions {
  signer: CheckpointSigner;
  checkpointEvery?: number;
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
 * Audit log in its own SQLite file (`<dataDir>/audit.db`). WAL with synchronous=FULL, so
 * an append that returned survives power loss and a killed process leaves the log at
 * the last committed entry; BEGIN IMMEDIATE serialises appends across processes.
 * Triggers refuse UPDATE and DELETE (tampering then needs raw file access, which the
 * chain and checkpoints expose).
 */
export class SqliteAuditLog implements AuditLog {
  private readonly db: Database.Database;
  private readonly every: number;
  private readonly now: () => number;
  private readonly appendTx: (inputs: AuditInput[]) => AuditEntry[];

  constructor(
    file: string,
    private readonly opts: SqliteAuditOptions,
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.every = opts.checkpointEvery ?? 1000;
    this.now = opts.now ?? Date.now;
    const last = this.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    const insert = this.db.prepare(
      'INSERT INTO audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
    );
    const tx = this.db.transaction((inputs: AuditInput[]) => {
      let prev = last.get() as { seq: number; hash: string } | undefined;
      const out: AuditEntry[] = [];
      for (const input of inputs) {
        const e = nextEntry(prev, input, this.now());
        insert.run(...rowValues(e));
        if (e.seq % this.every === 0)
          this.storeCheckpoint(this.opts.signer.sign(e.seq, e.hash, e.ts));
        out.push(e);
        prev = e;
      }
      return out;
    });
    this.appendTx = (inputs) => tx.immediate(inputs);
  }

  private storeCheckpoint(c: Checkpoint): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO audit_checkpoints (seq, ts, hash, key_id, public_key, signature) VALUES (?,?,?,?,?,?)',
      )
      .run(c.seq, c.ts, c.hash, c.keyId, c.publicKey, c.signature);
  }

  append(e: AuditInput): Promise<AuditEntry> {
    return Promise.resolve(this.appendTx([e])[0]!);
  }

  appendMany(es: AuditInput[]): Promise<AuditEntry[]> {
    return Promise.resolve(es.length ? this.appendTx(es) : []);
  }

  async *list(q: AuditQuery = {}): AsyncIterable<AuditEntry> {
    const page = this.db.prepare(
      'SELECT * FROM audit_log WHERE seq > ? AND ts >= ? AND ts < ? ORDER BY seq LIMIT ?',
    );
    let after = 0;
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
    });
  }

  /** Raw handle, for tamper tests and maintenance. */
  get database(): Database.Database {
    return this.db;
  }

  close(): Promise<void> {
    this.db.close();
    return Promise.resolve();
  }
}
