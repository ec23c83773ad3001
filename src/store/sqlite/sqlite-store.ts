import type Database from 'better-sqlite3';
import type { DatabaseHealth, SqliteDatabase } from '../database.js';
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

// events.seq is the rowid without AUTOINCREMENT (no sqlite_sequence write per insert, ~4 µs
// per event here): rows are only ever appended, so it still grows with insertion order.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY, account TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL,
  created_at INTEGER NOT NULL, revoked_at INTEGER);
CREATE INDEX IF NOT EXISTS api_keys_account ON api_keys(account);
CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, account TEXT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_ts ON events(ts, seq);
CREATE INDEX IF NOT EXISTS events_account_ts ON events(account, ts, seq);
CREATE TABLE IF NOT EXISTS verdicts (account TEXT PRIMARY KEY, rank INTEGER NOT NULL, score REAL NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS pins (account TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS limit_overrides (account TEXT PRIMARY KEY, doc TEXT NOT NULL);
`;

type Row = Record<string, unknown>;

function keyFromRow(r: Row): StoredKey {
  return {
    id: r['id'] as string,
    account: r['account'] as string,
    hash: r['hash'] as string,
    prefix: r['prefix'] as string,
    createdAt: r['created_at'] as number,
    revokedAt: (r['revoked_at'] as number | null) ?? null,
    name: (r['name'] as string | null | undefined) ?? null,
    expiresAt: (r['expires_at'] as number | null | undefined) ?? null,
  };
}

function whereEvents(q: EventQuery): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  if (q.account !== undefined) {
    parts.push('account = ?');
    args.push(q.account);
  }
  if (q.since !== undefined) {
    parts.push('ts >= ?');
    args.push(q.since);
  }
  if (q.until !== undefined) {
    parts.push('ts < ?');
    args.push(q.until);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', args };
}

/**
 * The embedded store: tables in the main file of the process's SQLite connection
 * (better-sqlite3 12, WAL). Synchronous underneath; exposed through the async Store interface.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  /** @param handle the process's SQLite connection (`openSqliteDatabase`); the tables live in its main file. */
  constructor(private readonly handle: SqliteDatabase) {
    this.db = handle.retain().db;
  }

  async migrate(): Promise<void> {
    this.db.exec(SCHEMA);
    // Issue 16: key names and expiry, added to databases made before them.
    const columns = new Set(
      (this.db.prepare('PRAGMA table_info(api_keys)').all() as Row[]).map((c) => c['name']),
    );
    if (!columns.has('name')) this.db.exec('ALTER TABLE api_keys ADD COLUMN name TEXT');
    if (!columns.has('expires_at'))
      this.db.exec('ALTER TABLE api_keys ADD COLUMN expires_at INTEGER');
  }

  async createAccount(account: StoredAccount): Promise<boolean> {
    const res = this.db
      .prepare('INSERT OR IGNORE INTO accounts (id, created_at, doc) VALUES (?, ?, ?)')
      .run(account.id, account.createdAt, JSON.stringify(account));
    return res.changes === 1;
  }

  async getAccount(id: string): Promise<StoredAccount | undefined> {
    const row = this.db.prepare('SELECT doc FROM accounts WHERE id = ?').get(id) as Row | undefined;
    return row ? (JSON.parse(row['doc'] as string) as StoredAccount) : undefined;
  }

  async updateAccount(
    id: string,
    patch: Partial<StoredAccount>,
  ): Promise<StoredAccount | undefined> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT doc FROM accounts WHERE id = ?').get(id) as
        Row | undefined;
      if (!row) return undefined;
      const next = { ...(JSON.parse(row['doc'] as string) as StoredAccount), ...patch, id };
      this.db.prepare('UPDATE accounts SET doc = ? WHERE id = ?').run(JSON.stringify(next), id);
      return next;
    })();
  }

  async listAccounts(opts: { limit?: number; after?: string } = {}): Promise<StoredAccount[]> {
    const rows = this.db
      .prepare('SELECT doc FROM accounts WHERE id > ? ORDER BY id LIMIT ?')
      .all(opts.after ?? '', opts.limit ?? 100) as Row[];
    return rows.map((r) => JSON.parse(r['doc'] as string) as StoredAccount);
  }

  async createKey(key: StoredKey): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO api_keys (id, account, hash, prefix, created_at, revoked_at, name, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        key.id,
        key.account,
        key.hash,
        key.prefix,
        key.createdAt,
        key.revokedAt,
        key.name ?? null,
        key.expiresAt ?? null,
      );
  }

  async getKeyByHash(hash: string): Promise<StoredKey | undefined> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE hash = ?').get(hash) as
      Row | undefined;
    return row ? keyFromRow(row) : undefined;
  }

  async getKey(id: string): Promise<StoredKey | undefined> {
    const row = this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as Row | undefined;
    return row ? keyFromRow(row) : undefined;
  }

  async listKeys(account: string): Promise<StoredKey[]> {
    const rows = this.db
      .prepare('SELECT * FROM api_keys WHERE account = ? ORDER BY created_at, id')
      .all(account) as Row[];
    return rows.map(keyFromRow);
  }

  async revokeKey(id: string, at: number): Promise<StoredKey | undefined> {
    this.db
      .prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?')
      .run(at, id);
    return this.getKey(id);
  }

  async insertEvents(events: TelemetryEvent[]): Promise<void> {
    if (events.length === 0) return;
    const stmt = this.db.prepare('INSERT INTO events (ts, account, doc) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const e of events) stmt.run(e.ts, e.account, eventJson(e));
    })();
  }

  async *events(query: EventQuery): AsyncIterable<TelemetryEvent> {
    const { sql, args } = whereEvents(query);
    const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
    // Page by (ts, seq) so a huge export never holds the whole table in memory.
    const page = 1000;
    let lastTs = -Infinity;
    let lastSeq = -1;
    let sent = 0;
    const cond = sql ? `${sql} AND` : 'WHERE';
    const stmt = this.db.prepare(
      `SELECT seq, ts, doc FROM events ${cond} (ts > ? OR (ts = ? AND seq > ?)) ORDER BY ts, seq LIMIT ?`,
    );
    while (sent < limit) {
      const rows = stmt.all(
        ...args,
        lastTs,
        lastTs,
        lastSeq,
        Math.min(page, limit - sent),
      ) as Row[];
      if (rows.length === 0) return;
      for (const r of rows) {
        yield JSON.parse(r['doc'] as string) as TelemetryEvent;
        sent++;
      }
      const last = rows[rows.length - 1]!;
      lastTs = last['ts'] as number;
      lastSeq = last['seq'] as number;
    }
  }

  async deleteEventsBefore(ts: number): Promise<number> {
    const stmt = this.db.prepare(
      'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE ts < ? ORDER BY ts LIMIT 5000)',
    );
    let total = 0;
    for (;;) {
      const n = stmt.run(ts).changes;
      total += n;
      if (n < 5000) return total;
      // Let the store writer's transactions in between chunks.
      await new Promise((r) => setImmediate(r));
    }
  }

  async countEvents(query: EventQuery = {}): Promise<number> {
    const { sql, args } = whereEvents(query);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM events ${sql}`).get(...args) as Row;
    return row['n'] as number;
  }

  async putVerdicts(verdicts: Verdict[]): Promise<void> {
    const stmt = this.db.prepare(
      'INSERT INTO verdicts (account, rank, score, doc) VALUES (?, ?, ?, ?) ON CONFLICT(account) DO UPDATE SET rank = excluded.rank, score = excluded.score, doc = excluded.doc',
    );
    this.db.transaction(() => {
      for (const v of verdicts) stmt.run(v.account, levelRank(v.level), v.score, JSON.stringify(v));
    })();
  }

  async getVerdict(account: string): Promise<Verdict | undefined> {
    const row = this.db.prepare('SELECT doc FROM verdicts WHERE account = ?').get(account) as
      Row | undefined;
    return row ? (JSON.parse(row['doc'] as string) as Verdict) : undefined;
  }

  async listVerdicts(opts: { minLevel?: Level; limit?: number } = {}): Promise<Verdict[]> {
    const rows = this.db
      .prepare('SELECT doc FROM verdicts WHERE rank >= ? ORDER BY score DESC, account LIMIT ?')
      .all(levelRank(opts.minLevel ?? 'allow'), opts.limit ?? 1000) as Row[];
    return rows.map((r) => JSON.parse(r['doc'] as string) as Verdict);
  }

  async setPin(account: string, pin: LevelPin): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO pins (account, doc) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET doc = excluded.doc',
      )
      .run(account, JSON.stringify(pin));
  }

  async clearPin(account: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM pins WHERE account = ?').run(account).changes === 1;
  }

  async getPin(account: string): Promise<LevelPin | undefined> {
    const row = this.db.prepare('SELECT doc FROM pins WHERE account = ?').get(account) as
      Row | undefined;
    return row ? (JSON.parse(row['doc'] as string) as LevelPin) : undefined;
  }

  async listPins(): Promise<Array<{ account: string; pin: LevelPin }>> {
    const rows = this.db.prepare('SELECT account, doc FROM pins ORDER BY account').all() as Row[];
    return rows.map((r) => ({
      account: r['account'] as string,
      pin: JSON.parse(r['doc'] as string) as LevelPin,
    }));
  }

  async setLimits(account: string, limits: LimitOverrides): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO limit_overrides (account, doc) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET doc = excluded.doc',
      )
      .run(account, JSON.stringify(limits));
  }

  async getLimits(account: string): Promise<LimitOverrides | undefined> {
    const row = this.db
      .prepare('SELECT doc FROM limit_overrides WHERE account = ?')
      .get(account) as Row | undefined;
    return row ? (JSON.parse(row['doc'] as string) as LimitOverrides) : undefined;
  }

  async ping(): Promise<boolean> {
    return (await this.handle.health()).ok;
  }

  health(): Promise<DatabaseHealth> {
    return this.handle.health();
  }

  async close(): Promise<void> {
    await this.handle.release();
  }
}
