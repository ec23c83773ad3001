import { PostgresRepository } from '../../store/database.js';
import type { Exemption, Incident, IncidentQuery, ReviewStore } from '../incident.js';

function schemaSql(s: string): string {
  return `
CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}.incidents (
  id TEXT PRIMARY KEY, subject TEXT NOT NULL, open_subject TEXT UNIQUE, status TEXT NOT NULL,
  resolution TEXT, opened_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, doc TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_status ON ${s}.incidents(status, opened_at);
CREATE TABLE IF NOT EXISTS ${s}.incident_accounts (incident TEXT NOT NULL, account TEXT NOT NULL, PRIMARY KEY (account, incident));
CREATE TABLE IF NOT EXISTS ${s}.exemptions (
  account TEXT NOT NULL, reason_code TEXT NOT NULL, until BIGINT NOT NULL, incident TEXT NOT NULL,
  by TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (account, reason_code, incident));
`;
}

type Row = Record<string, unknown>;

/** Review store in PostgreSQL (schema default `moat`) on the process's one pool, for several replicas. */
export class PostgresReviewStore extends PostgresRepository implements ReviewStore {
  private async q(sql: string, args: unknown[] = []): Promise<Row[]> {
    return (await this.pool.query(sql, args)).rows as Row[];
  }

  async migrate(): Promise<void> {
    await this.pool.query(schemaSql(this.s));
  }

  private async indexAccounts(i: Incident): Promise<void> {
    if (i.accounts.length === 0) return;
    await this.q(
      `INSERT INTO ${this.s}.incident_accounts (incident, account) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`,
      [i.id, i.accounts],
    );
  }

  async insert(i: Incident): Promise<boolean> {
    const rows = await this.q(
      `INSERT INTO ${this.s}.incidents (id, subject, open_subject, status, resolution, opened_at, updated_at, doc)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING RETURNING id`,
      [
        i.id,
        i.subject,
        i.status === 'resolved' ? null : i.subject,
        i.status,
        i.resolution,
        i.openedAt,
        i.updatedAt,
        JSON.stringify(i),
      ],
    );
    if (rows.length === 1) await this.indexAccounts(i);
    return rows.length === 1;
  }

  async update(i: Incident): Promise<void> {
    await this.q(
      `UPDATE ${this.s}.incidents SET open_subject = $1, status = $2, resolution = $3, updated_at = $4, doc = $5 WHERE id = $6`,
      [
        i.status === 'resolved' ? null : i.subject,
        i.status,
        i.resolution,
        i.updatedAt,
        JSON.stringify(i),
        i.id,
      ],
    );
    await this.indexAccounts(i);
  }

  async get(id: string): Promise<Incident | undefined> {
    const r = (await this.q(`SELECT doc FROM ${this.s}.incidents WHERE id = $1`, [id]))[0];
    return r ? (JSON.parse(r['doc'] as string) as Incident) : undefined;
  }

  async findOpen(subject: string): Promise<Incident | undefined> {
    const r = (
      await this.q(`SELECT doc FROM ${this.s}.incidents WHERE open_subject = $1`, [subject])
    )[0];
    return r ? (JSON.parse(r['doc'] as string) as Incident) : undefined;
  }

  async list(q: IncidentQuery = {}): Promise<Incident[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      args.push(v);
      where.push(cond.replace('?', `$${args.length}`));
    };
    if (q.status) add('status = ?', q.status);
    if (q.resolution) add('resolution = ?', q.resolution);
    if (q.account)
      add(`id IN (SELECT incident FROM ${this.s}.incident_accounts WHERE account = ?)`, q.account);
    args.push(q.limit ?? 1000);
    const sql = `SELECT doc FROM ${this.s}.incidents ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY opened_at DESC, id LIMIT $${args.length}`;
    return (await this.q(sql, args)).map((r) => JSON.parse(r['doc'] as string) as Incident);
  }

  async addExemption(e: Exemption): Promise<void> {
    await this.q(
      `INSERT INTO ${this.s}.exemptions (account, reason_code, until, incident, by, created_at) VALUES ($1,$2,$3,$4,$5,$6)
       ON CONFLICT (account, reason_code, incident) DO UPDATE SET until = EXCLUDED.until, by = EXCLUDED.by, created_at = EXCLUDED.created_at`,
      [e.account, e.reasonCode, e.until, e.incident, e.by, e.createdAt],
    );
  }

  async exemptions(account: string | undefined, now: number): Promise<Exemption[]> {
    const rows =
      account === undefined
        ? await this.q(
            `SELECT * FROM ${this.s}.exemptions WHERE until > $1 ORDER BY account, reason_code`,
            [now],
          )
        : await this.q(
            `SELECT * FROM ${this.s}.exemptions WHERE account = $1 AND until > $2 ORDER BY reason_code`,
            [account, now],
          );
    return rows.map((r) => ({
      account: r['account'] as string,
      reasonCode: r['reason_code'] as string,
      until: Number(r['until']),
      incident: r['incident'] as string,
      by: r['by'] as string,
      createdAt: Number(r['created_at']),
    }));
  }
}
