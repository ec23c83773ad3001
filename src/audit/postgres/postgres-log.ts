import type pg from 'pg';
import { PostgresRepository, type PostgresDatabase } from '../../store/database.js';
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

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.audit_log (
  seq BIGINT PRIMARY KEY, ts BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, reason TEXT, data TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_ts ON ${s}.audit_log(ts, seq);
CREATE INDEX IF NOT EXISTS audit_log_action ON ${s}.audit_log(action, seq);
CREATE TABLE IF NOT EXISTS ${s}.audit_checkpoints (
  seq BIGINT PRIMARY KEY, ts BIGINT NOT NULL, hash TEXT NOT NULL, key_id TEXT NOT NULL,
  public_key TEXT NOT NULL, signature TEXT NOT NULL);
`;
}

/** Options of the PostgreSQL audit log. */
export interface PostgresAuditOptions {
  signer: CheckpointSigner;
  /** Schema holding the tables (default `moat`). */
  schema?: string;
  checkpointEvery?: number;
  /** As in SqliteAuditOptions: time-based checkpoints, recorded as an `audit.policy` entry. */
  checkpointEveryMs?: number;
  /** Where this process keeps the signed head (the newest checkpoint it wrote or saw). */
  headFile?: string;
  /** Read and verify only: never create the schema, append, or checkpoint on close. */
  readOnly?: boolean;
  now?: () => number;
}

type Row = Record<string, unknown>;

function checkpointFromRow(r: Row): Checkpoint {
  return {
    seq: Number(r['seq']),
    ts: Number(r['ts']),
    hash: r['hash'] as string,
    keyId: r['key_id'] as string,
    publicKey: r['public_key'] as string,
    signature: r['signature'] as string,
  };
}

/**
 * Audit log in PostgreSQL (on the process's one pool), for several replicas. Appends run in one transaction that
 * first takes a transaction-scoped advisory lock (pg_advisory_xact_lock) keyed on the
 * table, so concurrent appenders on any replica are serialised and seq stays gap-free.
 */
export class PostgresAuditLog extends PostgresRepository implements AuditLog {
  private readonly every: number;
  private readonly policy: CheckpointPolicy | undefined;
  private readonly now: () => number;
  private policyRecorded: boolean | undefined;
  private timer: NodeJS.Timeout | undefined;

  /** @param handle the process's PostgreSQL pool (`openPostgresDatabase`). */
  constructor(
    handle: PostgresDatabase,
    private readonly opts: PostgresAuditOptions,
  ) {
    super(handle, opts);
    this.every = opts.checkpointEvery ?? 1000;
    this.now = opts.now ?? Date.now;
    this.policy = opts.checkpointEveryMs
      ? { every: this.every, everyMs: opts.checkpointEveryMs }
      : undefined;
    if (this.policy && !opts.readOnly) {
      this.timer = setInterval(() => void this.coverTail().catch(() => {}), this.policy.everyMs);
      this.timer.unref();
    }
  }

  /** Whether the log's tables exist (a read-only open must not create them). */
  async exists(): Promise<boolean> {
    const r = await this.pool.query('SELECT to_regclass($1) AS t', [`${this.s}.audit_log`]);
    return (r.rows[0] as Row)['t'] !== null;
  }

  /** Write the signed head file, unless the head there no longer matches this log (keep the evidence). */
  private async keepHead(c: Checkpoint): Promise<void> {
    const file = this.opts.headFile;
    if (!file) return;
    const cur = readHead(file);
    if (typeof cur === 'object') {
      const r = await this.pool.query(`SELECT hash FROM ${this.s}.audit_log WHERE seq = $1`, [
        cur.seq,
      ]);
      if ((r.rows[0] as Row | undefined)?.['hash'] !== cur.hash) return;
    }
    writeHead(file, c);
  }

  /** Checkpoint the newest entry when no checkpoint covers it yet. */
  private async coverTail(): Promise<void> {
    const r = await this.pool.query(
      `SELECT (SELECT MAX(seq) FROM ${this.s}.audit_log) AS l, (SELECT MAX(seq) FROM ${this.s}.audit_checkpoints) AS c`,
    );
    const row = r.rows[0] as Row;
    if (row['l'] !== null && (row['c'] === null || Number(row['c']) < Number(row['l'])))
      await this.checkpoint();
  }

  /** Create the schema and tables. Idempotent. */
  async migrate(): Promise<void> {
    await this.pool.query(schemaSql(this.s));
  }

  async append(input: AuditInput): Promise<AuditEntry> {
    return (await this.appendMany([input]))[0]!;
  }

  async appendMany(inputs: AuditInput[]): Promise<AuditEntry[]> {
    if (inputs.length === 0) return [];
    const client = await this.pool.connect();
    let head: Checkpoint | undefined;
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.s}.audit_log`]);
      const last = await client.query(
        `SELECT seq, hash FROM ${this.s}.audit_log ORDER BY seq DESC LIMIT 1`,
      );
      const row = last.rows[0] as Row | undefined;
      let prev: { seq: number; hash: string } | undefined = row
        ? { seq: Number(row['seq']), hash: row['hash'] as string }
        : undefined;
      // The time rule's base: the entry time of the newest checkpointed entry, else of the first entry.
      const b = await client.query(
        `SELECT COALESCE((SELECT l.ts FROM ${this.s}.audit_checkpoints c JOIN ${this.s}.audit_log l ON l.seq = c.seq ORDER BY c.seq DESC LIMIT 1), (SELECT ts FROM ${this.s}.audit_log ORDER BY seq LIMIT 1)) AS ts`,
      );
      let baseTs = (b.rows[0] as Row)['ts'] === null ? undefined : Number((b.rows[0] as Row)['ts']);
      const record = this.policy !== undefined && !(await this.policyIsRecorded(client));
      const all = record ? [policyEntry(this.policy!), ...inputs] : inputs;
      const out: AuditEntry[] = [];
      for (const input of all) {
        const e = nextEntry(prev, input, this.now());
        await client.query(
          `INSERT INTO ${this.s}.audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          rowValues(e),
        );
        baseTs ??= e.ts;
        if (
          this.policy ? checkpointDue(e.seq, e.ts, baseTs, this.policy) : e.seq % this.every === 0
        ) {
          head = this.opts.signer.sign(e.seq, e.hash, e.ts);
          await this.storeCheckpoint(client, head);
          baseTs = e.ts;
        }
        prev = e;
        if (input !== all[0] || !record) out.push(e);
      }
      await client.query('COMMIT');
      this.policyRecorded = true;
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
      if (head) await this.keepHead(head).catch(() => {});
    }
  }

  /** Whether the newest `audit.policy` entry states this writer's policy (cached once true). */
  private async policyIsRecorded(client: pg.PoolClient): Promise<boolean> {
    if (this.policyRecorded) return true;
    const r = await client.query(
      `SELECT data FROM ${this.s}.audit_log WHERE action = $1 ORDER BY seq DESC LIMIT 1`,
      [POLICY_ACTION],
    );
    const data = (r.rows[0] as Row | undefined)?.['data'];
    let recorded: CheckpointPolicy | undefined;
    try {
      recorded = typeof data === 'string' ? policyOf(JSON.parse(data)) : undefined;
    } catch {
      recorded = undefined;
    }
    this.policyRecorded =
      recorded?.every === this.policy!.every && recorded.everyMs === this.policy!.everyMs;
    return this.policyRecorded;
  }

  private async storeCheckpoint(q: pg.Pool | pg.PoolClient, c: Checkpoint): Promise<void> {
    await q.query(
      `INSERT INTO ${this.s}.audit_checkpoints (seq, ts, hash, key_id, public_key, signature) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (seq) DO UPDATE SET ts = EXCLUDED.ts, hash = EXCLUDED.hash, key_id = EXCLUDED.key_id,
         public_key = EXCLUDED.public_key, signature = EXCLUDED.signature`,
      [c.seq, c.ts, c.hash, c.keyId, c.publicKey, c.signature],
    );
  }

  async *list(q: AuditQuery = {}): AsyncIterable<AuditEntry> {
    const desc = q.order === 'desc';
    let after = desc ? Number.MAX_SAFE_INTEGER : 0;
    let left = q.limit ?? Number.MAX_SAFE_INTEGER;
    while (left > 0) {
      const res = await this.pool.query(
        desc
          ? `SELECT * FROM ${this.s}.audit_log WHERE seq < $1 AND ts >= $2 AND ts < $3 ORDER BY seq DESC LIMIT $4`
          : `SELECT * FROM ${this.s}.audit_log WHERE seq > $1 AND ts >= $2 AND ts < $3 ORDER BY seq LIMIT $4`,
        [
          after,
          q.since ?? -Number.MAX_SAFE_INTEGER,
          q.until ?? Number.MAX_SAFE_INTEGER,
          Math.min(500, left),
        ],
      );
      const rows = res.rows as AuditRow[];
      if (rows.length === 0) return;
      for (const r of rows) yield entryFromRow(r);
      after = Number(rows[rows.length - 1]!.seq);
      left -= rows.length;
    }
  }

  async checkpoint(): Promise<Checkpoint | undefined> {
    const res = await this.pool.query(
      `SELECT seq, hash FROM ${this.s}.audit_log ORDER BY seq DESC LIMIT 1`,
    );
    const row = res.rows[0] as Row | undefined;
    if (!row) return undefined;
    const c = this.opts.signer.sign(Number(row['seq']), row['hash'] as string, this.now());
    await this.storeCheckpoint(this.pool, c);
    await this.keepHead(c);
    return c;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    const res = await this.pool.query(`SELECT * FROM ${this.s}.audit_checkpoints ORDER BY seq`);
    return (res.rows as Row[]).map(checkpointFromRow);
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

  /** Run raw SQL (tamper tests and maintenance). */
  async raw(sql: string, args: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql.replaceAll('$schema', this.s), args)).rows as Row[];
  }

  override async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.policy && !this.opts.readOnly) await this.coverTail().catch(() => {});
    await super.close();
  }
}
