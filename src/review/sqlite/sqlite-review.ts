import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../store/database.js';
import type { Exemption, Incident, IncidentQuery, ReviewStore } from '../incident.js';

// Created in schema `s` (an attached file); queries name tables unqualified, which SQLite
// resolves across the connection's files (Moat's table names are unique among them).
const schemaSql = (s: string) => `
CREATE TABLE IF NOT EXISTS ${s}.incidents (
  id TEXT PRIMARY KEY, subject TEXT NOT NULL, open_subject TEXT UNIQUE, status TEXT NOT NULL,
  resolution TEXT, opened_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ${s}.incidents_status ON incidents(status, opened_at);
CREATE TABLE IF NOT EXISTS ${s}.incident_accounts (incident TEXT NOT NULL, account TEXT NOT NULL, PRIMARY KEY (account, incident));
CREATE TABLE IF NOT EXISTS ${s}.exemptions (
  account TEXT NOT NULL, reason_code TEXT NOT NULL, until INTEGER NOT NULL, incident TEXT NOT NULL,
  by TEXT NOT NULL, created_at INTEGER NOT NULL, PRIMARY KEY (account, reason_code, incident));
`;

function openSubject(i: Incident): string | null {
  return i.status === 'resolved' ? null : i.subject;
}

/**
 * Review store on the process's SQLite connection, in schema `schema` (`governance`, the
 * attached `<dataDir>/governance.db`, in a running Moat). Unresolved incidents are unique per subject.
 */
export class SqliteReviewStore implements ReviewStore {
  private readonly db: Database.Database;
  private readonly s: string;

  constructor(
    private readonly handle: SqliteDatabase,
    opts: { schema?: string } = {},
  ) {
    this.db = handle.retain().db;
    this.s = opts.schema ?? 'main';
  }

  migrate(): Promise<void> {
    this.db.exec(schemaSql(this.s));
    return Promise.resolve();
  }

  private indexAccounts(i: Incident): void {
    const ins = this.db.prepare(
      'INSERT OR IGNORE INTO incident_accounts (incident, account) VALUES (?, ?)',
    );
    for (const a of i.accounts) ins.run(i.id, a);
  }

  insert(i: Incident): Promise<boolean> {
    const tx = this.db.transaction(() => {
      const r = this.db
        .prepare(
          'INSERT OR IGNORE INTO incidents (id, subject, open_subject, status, resolution, opened_at, updated_at, doc) VALUES (?,?,?,?,?,?,?,?)',
        )
        .run(
          i.id,
          i.subject,
          openSubject(i),
          i.status,
          i.resolution,
          i.openedAt,
          i.updatedAt,
          JSON.stringify(i),
        );
      if (r.changes === 1) this.indexAccounts(i);
      return r.changes === 1;
    });
    return Promise.resolve(tx.immediate());
  }

  update(i: Incident): Promise<void> {
    this.db
      .transaction(() => {
        this.db
          .prepare(
            'UPDATE incidents SET open_subject = ?, status = ?, resolution = ?, updated_at = ?, doc = ? WHERE id = ?',
          )
          .run(openSubject(i), i.status, i.resolution, i.updatedAt, JSON.stringify(i), i.id);
        this.indexAccounts(i);
      })
      .immediate();
    return Promise.resolve();
  }

  get(id: string): Promise<Incident | undefined> {
    const r = this.db.prepare('SELECT doc FROM incidents WHERE id = ?').get(id) as
      { doc: string } | undefined;
    return Promise.resolve(r ? (JSON.parse(r.doc) as Incident) : undefined);
  }

  findOpen(subject: string): Promise<Incident | undefined> {
    const r = this.db.prepare('SELECT doc FROM incidents WHERE open_subject = ?').get(subject) as
      { doc: string } | undefined;
    return Promise.resolve(r ? (JSON.parse(r.doc) as Incident) : undefined);
  }

  list(q: IncidentQuery = {}): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      where.push(cond);
      args.push(v);
    };
    if (q.status) add('status = ?', q.status);
    if (q.resolution) add('resolution = ?', q.resolution);
    if (q.account)
      add('id IN (SELECT incident FROM incident_accounts WHERE account = ?)', q.account);
    const sql = `SELECT doc FROM incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY opened_at DESC, id LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, q.limit ?? 1000) as Array<{ doc: string }>;
    return Promise.resolve(rows.map((r) => JSON.parse(r.doc) as Incident));
  }

  addExemption(e: Exemption): Promise<void> {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO exemptions (account, reason_code, until, incident, by, created_at) VALUES (?,?,?,?,?,?)',
      )
      .run(e.account, e.reasonCode, e.until, e.incident, e.by, e.createdAt);
    return Promise.resolve();
  }

  exemptions(account: string | undefined, now: number): Promise<Exemption[]> {
    const rows = (
      account === undefined
        ? this.db
            .prepare('SELECT * FROM exemptions WHERE until > ? ORDER BY account, reason_code')
            .all(now)
        : this.db
            .prepare(
              'SELECT * FROM exemptions WHERE account = ? AND until > ? ORDER BY reason_code',
            )
            .all(account, now)
    ) as Array<Record<string, unknown>>;
    return Promise.resolve(
      rows.map((r) => ({
        account: r['account'] as string,
        reasonCode: r['reason_code'] as string,
        until: Number(r['until']),
        incident: r['incident'] as string,
        by: r['by'] as string,
        createdAt: Number(r['created_at']),
      })),
    );
  }

  close(): Promise<void> {
    return this.handle.release();
  }
}
