import { PostgresRepository } from '../../store/database.js';
import type { Canary, CanaryPlant, CanaryStore } from '../canary-store.js';

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.canaries (
  id TEXT PRIMARY KEY, account TEXT NOT NULL, text TEXT NOT NULL, trigger TEXT NOT NULL,
  secret TEXT NOT NULL, created_ts BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.canary_plants (
  seq BIGSERIAL PRIMARY KEY, canary_id TEXT NOT NULL REFERENCES ${s}.canaries(id), account TEXT NOT NULL,
  request_id TEXT NOT NULL, ts BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS canary_plants_account ON ${s}.canary_plants(account, ts);
CREATE TABLE IF NOT EXISTS ${s}.watermarked_accounts (
  account TEXT PRIMARY KEY, first_ts BIGINT NOT NULL, last_ts BIGINT NOT NULL);
`;
}

type Row = Record<string, unknown>;

/**
 * CanaryStore in PostgreSQL (schema default `moat`) on the process's one pool, so a probe
 * run from any replica sees the canaries every replica planted (issue 15).
 */
export class PostgresCanaryStore extends PostgresRepository implements CanaryStore {
  /** Create the schema and tables. Idempotent; serialised across replicas starting at once. */
  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [`${this.s}.canaries`]);
      await client.query(schemaSql(this.s));
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`${this.s}.canaries`]);
    } finally {
      client.release();
    }
  }

  async record(c: Canary, p: CanaryPlant): Promise<void> {
    // One statement: the canary once, then the planting, atomically.
    await this.pool.query(
      `WITH c AS (INSERT INTO ${this.s}.canaries (id, account, text, trigger, secret, created_ts)
         VALUES ($1, $2, $3, $4, $5, $9) ON CONFLICT (id) DO NOTHING)
       INSERT INTO ${this.s}.canary_plants (canary_id, account, request_id, ts) VALUES ($6, $7, $8, $9)`,
      [c.id, c.account, c.text, c.trigger, c.secret, p.canaryId, p.account, p.requestId, p.ts],
    );
  }

  async canaries(): Promise<Canary[]> {
    const res = await this.pool.query(
      `SELECT id, account, text, trigger, secret FROM ${this.s}.canaries ORDER BY created_ts, id`,
    );
    return (res.rows as Row[]).map((r) => ({
      id: r['id'] as string,
      account: r['account'] as string,
      text: r['text'] as string,
      trigger: r['trigger'] as string,
      secret: r['secret'] as string,
    }));
  }

  async plants(account?: string): Promise<CanaryPlant[]> {
    const res =
      account === undefined
        ? await this.pool.query(`SELECT * FROM ${this.s}.canary_plants ORDER BY ts, seq`)
        : await this.pool.query(
            `SELECT * FROM ${this.s}.canary_plants WHERE account = $1 ORDER BY ts, seq`,
            [account],
          );
    return (res.rows as Row[]).map((r) => ({
      canaryId: r['canary_id'] as string,
      account: r['account'] as string,
      requestId: r['request_id'] as string,
      ts: Number(r['ts']),
    }));
  }

  async noteAccount(account: string, ts: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.watermarked_accounts (account, first_ts, last_ts) VALUES ($1, $2, $2)
       ON CONFLICT (account) DO UPDATE SET last_ts = GREATEST(${this.s}.watermarked_accounts.last_ts, EXCLUDED.last_ts)`,
      [account, ts],
    );
  }

  async accounts(): Promise<string[]> {
    const res = await this.pool.query(
      `SELECT account FROM ${this.s}.watermarked_accounts ORDER BY account`,
    );
    return (res.rows as Row[]).map((r) => r['account'] as string);
  }
}
