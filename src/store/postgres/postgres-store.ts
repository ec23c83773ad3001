import { PostgresRepository, type DatabaseHealth } from '../database.js';
import {
  eventJson,
  levelRank,
  type Level,
  type TelemetryEvent,
  type Verdict,
} from '../../telemetry/event.js';
import type {
  EventQuery,
  LevelPin,
  LimitOverrides,
  Store,
  StoredAccount,
  StoredKey,
} from '../store.js';

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.accounts (id TEXT PRIMARY KEY, created_at BIGINT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.api_keys (
  id TEXT PRIMARY KEY, account TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL,
  created_at BIGINT NOT NULL, revoked_at BIGINT);
ALTER TABLE ${s}.api_keys ADD COLUMN IF NOT EXISTS name TEXT, ADD COLUMN IF NOT EXISTS expires_at BIGINT;
CREATE INDEX IF NOT EXISTS api_keys_account ON ${s}.api_keys(account);
CREATE TABLE IF NOT EXISTS ${s}.events (seq BIGSERIAL PRIMARY KEY, ts BIGINT NOT NULL, account TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_ts ON ${s}.events(ts, seq);
CREATE INDEX IF NOT EXISTS events_account_ts ON ${s}.events(account, ts, seq);
CREATE TABLE IF NOT EXISTS ${s}.verdicts (account TEXT PRIMARY KEY, rank INT NOT NULL, score DOUBLE PRECISION NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.pins (account TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.limit_overrides (account TEXT PRIMARY KEY, doc TEXT NOT NULL);
`;
}

type Row = Record<string, unknown>;

/** WHERE conditions of an event query, numbered after `args` already bound. */
function eventConditions(q: EventQuery, args: unknown[]): string[] {
  const conds: string[] = [];
  if (q.account !== undefined) {
    args.push(q.account);
    conds.push(`account = $${args.length}`);
  }
  if (q.since !== undefined) {
    args.push(q.since);
    conds.push(`ts >= $${args.length}`);
  }
  if (q.until !== undefined) {
    args.push(q.until);
    conds.push(`ts < $${args.length}`);
  }
  return conds;
}

function keyFromRow(r: Row): StoredKey {
  return {
    id: r['id'] as string,
    account: r['account'] as string,
    hash: r['hash'] as string,
    prefix: r['prefix'] as string,
    createdAt: Number(r['created_at']),
    revokedAt: r['revoked_at'] === null ? null : Number(r['revoked_at']),
    name: (r['name'] as string | null | undefined) ?? null,
    expiresAt:
      r['expires_at'] === null || r['expires_at'] === undefined ? null : Number(r['expires_at']),
  };
}

/**
 * PostgreSQL store for several replicas, on the process's one pool. All tables live in one
 * schema (default `moat`) so a test or a second deployment can use its own.
 */
export class PostgresStore extends PostgresRepository implements Store {
  readonly kind = 'postgres' as const;

  private async q(sql: string, args: unknown[] = []): Promise<Row[]> {
    const res = await this.pool.query(sql, args);
    return res.rows as Row[];
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      // Serialise concurrent migrations from several replicas.
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [this.s]);
      await client.query(schemaSql(this.s));
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.s]);
    } finally {
      client.release();
    }
  }

  async createAccount(account: StoredAccount): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO ${this.s}.accounts (id, created_at, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [account.id, account.createdAt, JSON.stringify(account)],
    );
    return rows.length === 1;
  }

  async getAccount(id: string): Promise<StoredAccount | undefined> {
    const rows = await this.q(`SELECT doc FROM ${this.s}.accounts WHERE id = $1`, [id]);
    return rows[0] ? (JSON.parse(rows[0]['doc'] as string) as StoredAccount) : undefined;
  }

  async updateAccount(
    id: string,
    patch: Partial<StoredAccount>,
  ): Promise<StoredAccount | undefined> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const res = await client.query(
        `SELECT doc FROM ${this.s}.accounts WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = res.rows[0] as Row | undefined;
      if (!row) {
        await client.query('ROLLBACK');
        return undefined;
      }
      const next = { ...(JSON.parse(row['doc'] as string) as StoredAccount), ...patch, id };
      await client.query(`UPDATE ${this.s}.accounts SET doc = $2 WHERE id = $1`, [
        id,
        JSON.stringify(next),
      ]);
      await client.query('COMMIT');
      return next;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async listAccounts(opts: { limit?: number; after?: string } = {}): Promise<StoredAccount[]> {
    const rows = await this.q(
      `SELECT doc FROM ${this.s}.accounts WHERE id > $1 ORDER BY id LIMIT $2`,
      [opts.after ?? '', opts.limit ?? 100],
    );
    return rows.map((r) => JSON.parse(r['doc'] as string) as StoredAccount);
  }

  async createKey(key: StoredKey): Promise<void> {
    await this.q(
      `INSERT INTO ${this.s}.api_keys (id, account, hash, prefix, created_at, revoked_at, name, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        key.id,
        key.account,
        key.hash,
        key.prefix,
        key.createdAt,
        key.revokedAt,
        key.name ?? null,
        key.expiresAt ?? null,
      ],
    );
  }

  async getKeyByHash(hash: string): Promise<StoredKey | undefined> {
    const rows = await this.q(`SELECT * FROM ${this.s}.api_keys WHERE hash = $1`, [hash]);
    return rows[0] ? keyFromRow(rows[0]) : undefined;
  }

  async getKey(id: string): Promise<StoredKey | undefined> {
    const rows = await this.q(`SELECT * FROM ${this.s}.api_keys WHERE id = $1`, [id]);
    return rows[0] ? keyFromRow(rows[0]) : undefined;
  }

  async listKeys(account: string): Promise<StoredKey[]> {
    const rows = await this.q(
      `SELECT * FROM ${this.s}.api_keys WHERE account = $1 ORDER BY created_at, id`,
      [account],
    );
    return rows.map(keyFromRow);
  }

  async revokeKey(id: string, at: number): Promise<StoredKey | undefined> {
    const rows = await this.q(
      `UPDATE ${this.s}.api_keys SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING *`,
      [id, at],
    );
    return rows[0] ? keyFromRow(rows[0]) : undefined;
  }

  async insertEvents(events: TelemetryEvent[]): Promise<void> {
    if (events.length === 0) return;
    // One multi-row INSERT per chunk: a round trip per batch, not per event.
    for (let i = 0; i < events.length; i += 1000) {
      const chunk = events.slice(i, i + 1000);
      const ts = chunk.map((e) => e.ts);
      const acct = chunk.map((e) => e.account);
      const docs = chunk.map(eventJson);
      await this.q(
        `INSERT INTO ${this.s}.events (ts, account, doc) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
        [ts, acct, docs],
      );
    }
  }

  async *events(query: EventQuery): AsyncIterable<TelemetryEvent> {
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
    const page = 1000;
    let lastTs = -1;
    let lastSeq = -1;
    let sent = 0;
    while (sent < limit) {
      const args: unknown[] = [lastTs, lastSeq];
      const conds = ['(ts > $1 OR (ts = $1 AND seq > $2))', ...eventConditions(query, args)];
      args.push(Math.min(page, limit - sent));
      const rows = await this.q(
        `SELECT seq, ts, doc FROM ${this.s}.events WHERE ${conds.join(' AND ')} ORDER BY ts, seq LIMIT $${args.length}`,
        args,
      );
      if (rows.length === 0) return;
      for (const r of rows) {
        yield JSON.parse(r['doc'] as string) as TelemetryEvent;
        sent++;
      }
      const last = rows[rows.length - 1]!;
      lastTs = Number(last['ts']);
      lastSeq = Number(last['seq']);
    }
  }

  async deleteEventsBefore(ts: number): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.q(
        `DELETE FROM ${this.s}.events WHERE seq IN (SELECT seq FROM ${this.s}.events WHERE ts < $1 ORDER BY ts LIMIT 5000) RETURNING 1 AS x`,
        [Math.trunc(ts)],
      );
      total += rows.length;
      if (rows.length < 5000) return total;
    }
  }

  async countEvents(query: EventQuery = {}): Promise<number> {
    const args: unknown[] = [];
    const conds = eventConditions(query, args);
    const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
    const rows = await this.q(`SELECT COUNT(*)::bigint AS n FROM ${this.s}.events ${where}`, args);
    return Number(rows[0]?.['n'] ?? 0);
  }

  async putVerdicts(verdicts: Verdict[]): Promise<void> {
    if (verdicts.length === 0) return;
    await this.q(
      `INSERT INTO ${this.s}.verdicts (account, rank, score, doc)
       SELECT * FROM unnest($1::text[], $2::int[], $3::float8[], $4::text[])
       ON CONFLICT (account) DO UPDATE SET rank = excluded.rank, score = excluded.score, doc = excluded.doc`,
      [
        verdicts.map((v) => v.account),
        verdicts.map((v) => levelRank(v.level)),
        verdicts.map((v) => v.score),
        verdicts.map((v) => JSON.stringify(v)),
      ],
    );
  }

  async getVerdict(account: string): Promise<Verdict | undefined> {
    const rows = await this.q(`SELECT doc FROM ${this.s}.verdicts WHERE account = $1`, [account]);
    return rows[0] ? (JSON.parse(rows[0]['doc'] as string) as Verdict) : undefined;
  }

  async listVerdicts(opts: { minLevel?: Level; limit?: number } = {}): Promise<Verdict[]> {
    const rows = await this.q(
      `SELECT doc FROM ${this.s}.verdicts WHERE rank >= $1 ORDER BY score DESC, account LIMIT $2`,
      [levelRank(opts.minLevel ?? 'allow'), opts.limit ?? 1000],
    );
    return rows.map((r) => JSON.parse(r['doc'] as string) as Verdict);
  }

  async setPin(account: string, pin: LevelPin): Promise<void> {
    await this.q(
      `INSERT INTO ${this.s}.pins (account, doc) VALUES ($1, $2) ON CONFLICT (account) DO UPDATE SET doc = excluded.doc`,
      [account, JSON.stringify(pin)],
    );
  }

  async clearPin(account: string): Promise<boolean> {
    const rows = await this.q(`DELETE FROM ${this.s}.pins WHERE account = $1 RETURNING account`, [
      account,
    ]);
    return rows.length === 1;
  }

  async getPin(account: string): Promise<LevelPin | undefined> {
    const rows = await this.q(`SELECT doc FROM ${this.s}.pins WHERE account = $1`, [account]);
    return rows[0] ? (JSON.parse(rows[0]['doc'] as string) as LevelPin) : undefined;
  }

  async listPins(): Promise<Array<{ account: string; pin: LevelPin }>> {
    const rows = await this.q(`SELECT account, doc FROM ${this.s}.pins ORDER BY account`);
    return rows.map((r) => ({
      account: r['account'] as string,
      pin: JSON.parse(r['doc'] as string) as LevelPin,
    }));
  }

  async setLimits(account: string, limits: LimitOverrides): Promise<void> {
    await this.q(
      `INSERT INTO ${this.s}.limit_overrides (account, doc) VALUES ($1, $2) ON CONFLICT (account) DO UPDATE SET doc = excluded.doc`,
      [account, JSON.stringify(limits)],
    );
  }

  async getLimits(account: string): Promise<LimitOverrides | undefined> {
    const rows = await this.q(`SELECT doc FROM ${this.s}.limit_overrides WHERE account = $1`, [
      account,
    ]);
    return rows[0] ? (JSON.parse(rows[0]['doc'] as string) as LimitOverrides) : undefined;
  }

  async ping(): Promise<boolean> {
    return (await this.handle.health()).ok;
  }

  health(): Promise<DatabaseHealth> {
    return this.handle.health();
  }
}
