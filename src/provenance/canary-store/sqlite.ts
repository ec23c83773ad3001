import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../store/database.js';
import type { Canary, CanaryPlant, CanaryStore } from '../canary-store.js';

// Created in schema `s` (the attached `<dataDir>/provenance.db` in a running Moat); queries
// name tables unqualified, which SQLite resolves across the connection's files.
const schemaSql = (s: string) => `
CREATE TABLE IF NOT EXISTS ${s}.canaries (
  id TEXT PRIMARY KEY, account TEXT NOT NULL, text TEXT NOT NULL, trigger TEXT NOT NULL,
  secret TEXT NOT NULL, created_ts INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ${s}.canary_plants (
  canary_id TEXT NOT NULL REFERENCES canaries(id), account TEXT NOT NULL,
  request_id TEXT NOT NULL, ts INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS ${s}.canary_plants_account ON canary_plants(account, ts);
CREATE TABLE IF NOT EXISTS ${s}.watermarked_accounts (
  account TEXT PRIMARY KEY, first_ts INTEGER NOT NULL, last_ts INTEGER NOT NULL);
`;

interface CanaryRow {
  id: string;
  account: string;
  text: string;
  trigger: string;
  secret: string;
}
interface PlantRow {
  canary_id: string;
  account: string;
  request_id: string;
  ts: number;
}

/**
 * CanaryStore on the process's SQLite connection, in schema `schema` (`provenance`, the
 * attached `<dataDir>/provenance.db`, in a running Moat). Tables are created when built.
 */
export class SqliteCanaryStore implements CanaryStore {
  private readonly db: Database.Database;

  constructor(
    private readonly handle: SqliteDatabase,
    opts: { schema?: string } = {},
  ) {
    this.db = handle.retain().db;
    if (!handle.readOnly) this.db.exec(schemaSql(opts.schema ?? 'main'));
  }

  async record(c: Canary, p: CanaryPlant): Promise<void> {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT OR IGNORE INTO canaries (id, account, text, trigger, secret, created_ts) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(c.id, c.account, c.text, c.trigger, c.secret, p.ts);
      this.db
        .prepare(
          'INSERT INTO canary_plants (canary_id, account, request_id, ts) VALUES (?, ?, ?, ?)',
        )
        .run(p.canaryId, p.account, p.requestId, p.ts);
    })();
  }

  async canaries(): Promise<Canary[]> {
    const rows = this.db
      .prepare('SELECT id, account, text, trigger, secret FROM canaries ORDER BY created_ts, id')
      .all() as CanaryRow[];
    return rows.map((r) => ({ ...r }));
  }

  async plants(account?: string): Promise<CanaryPlant[]> {
    const sql =
      'SELECT canary_id, account, request_id, ts FROM canary_plants' +
      (account === undefined ? '' : ' WHERE account = ?') +
      ' ORDER BY ts, rowid';
    const rows = (
      account === undefined ? this.db.prepare(sql).all() : this.db.prepare(sql).all(account)
    ) as PlantRow[];
    return rows.map((r) => ({
      canaryId: r.canary_id,
      account: r.account,
      requestId: r.request_id,
      ts: r.ts,
    }));
  }

  async noteAccount(account: string, ts: number): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO watermarked_accounts (account, first_ts, last_ts) VALUES (?, ?, ?) ON CONFLICT(account) DO UPDATE SET last_ts = MAX(last_ts, excluded.last_ts)',
      )
      .run(account, ts, ts);
  }

  async accounts(): Promise<string[]> {
    return (
      this.db.prepare('SELECT account FROM watermarked_accounts ORDER BY account').all() as {
        account: string;
      }[]
    ).map((r) => r.account);
  }

  async close(): Promise<void> {
    await this.handle.release();
  }
}
