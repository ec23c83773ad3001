import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../store/database.js';
import type { SharedIndicator } from '../indicators.js';
import { indicatorFromRow, type ImportRecord, type IntelRow, type IntelStore } from '../store.js';

const schemaSql = (s: string) => `
CREATE TABLE IF NOT EXISTS ${s}.intel_indicators (
  stix_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, confidence INTEGER NOT NULL,
  valid_until INTEGER, source TEXT NOT NULL, tlp TEXT, bundle_id TEXT NOT NULL, origin TEXT NOT NULL,
  imported_at INTEGER NOT NULL, PRIMARY KEY (stix_id, value));
`;

/** Imported indicators on the process's SQLite connection, in schema `schema` (`governance`: `<dataDir>/governance.db`). */
export class SqliteIntelStore implements IntelStore {
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

  add(indicators: SharedIndicator[], from: ImportRecord): Promise<void> {
    const ins = this.db.prepare(
      'INSERT OR REPLACE INTO intel_indicators (stix_id, kind, value, confidence, valid_until, source, tlp, bundle_id, origin, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
    );
    this.db.transaction(() => {
      for (const i of indicators)
        ins.run(
          i.stixId,
          i.kind,
          i.value,
          i.confidence,
          i.validUntil,
          i.source,
          i.tlp,
          from.bundleId,
          from.origin,
          from.importedAt,
        );
    })();
    return Promise.resolve();
  }

  live(now: number): Promise<SharedIndicator[]> {
    const rows = this.db
      .prepare(
        'SELECT * FROM intel_indicators WHERE valid_until IS NULL OR valid_until > ? ORDER BY stix_id, value',
      )
      .all(now) as IntelRow[];
    return Promise.resolve(rows.map(indicatorFromRow));
  }

  close(): Promise<void> {
    return this.handle.release();
  }
}
