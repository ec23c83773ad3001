import pg from 'pg';
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

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.audit_log (
  seq BIGINT PRIMARY KEY, ts BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  subject TEXT NOT NULL, reason TEXT, data TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_log_ts ON ${s}.audit_log(ts, seq);
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
  max?: number;
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
 * Audit log in PostgreSQL, for several replicas. Appends run in one transaction that
 * first takes a transaction-scoped advisory lock (pg_advisory_xact_lock) keyed on the
 * table, so concurrent appenders on any replica are serialised and seq stays gap-free.
 */
export class PostgresAuditLog implements AuditLog {
  private readonly pool: pg.Pool;
  private readonly s: string;
  private readonly every: number;
  private readonly now: () => number;

  constructor(
    url: string,
    private readonly opts: PostgresAuditOptions,
  ) {
    const schema = opts.schema ?? 'moat';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
    this.s = schema;
    this.every = opts.checkpointEvery ?? 1000;
    this.now = opts.now ?? Date.now;
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 4,
      connectionTimeoutMillis: 5000,
    });
    this.pool.on('error', () => {});
  }

  /** Create the schema and tables. Idempotent. */
  async migrate(): Promise<void> {
    await this.pool.query(schemaSql(this.s));
  }

  /** Drop the whole schema (tests). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.s} CASCADE`);
  }

  async append(input: AuditInput): Promise<AuditEntry> {
    return (await this.appendMany([input]))[0]!;
  }

  async appendMany(inputs: AuditInput[]): Promise<AuditEntry[]> {
    if (inputs.length === 0) return [];
    const client = await this.pool.connect();
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
      const out: AuditEntry[] = [];
      for (const input of inputs) {
        const e = nextEntry(prev, input, this.now());
        await client.query(
          `INSERT INTO ${this.s}.audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          rowValues(e),
        );
        if (e.seq % this.every === 0)
          await this.storeCheckpoint(client, this.opts.signer.sign(e.seq, e.hash, e.ts));
        out.push(e);
        prev = e;
      }
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
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
    let after = 0;
    let left = q.limit ?? Number.MAX_SAFE_INTEGER;
    while (left > 0) {
      const res = await this.pool.query(
        `SELECT * FROM ${this.s}.audit_log WHERE seq > $1 AND ts >= $2 AND ts < $3 ORDER BY seq LIMIT $4`,
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
    });
  }

  /** Run raw SQL (tamper tests and maintenance). */
  async raw(sql: string, args: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql.replaceAll('$schema', this.s), args)).rows as Row[];
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
