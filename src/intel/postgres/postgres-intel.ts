import { PostgresRepository } from '../../store/database.js';
import type { SharedIndicator } from '../indicators.js';
import { indicatorFromRow, type ImportRecord, type IntelRow, type IntelStore } from '../store.js';

/** Imported indicators in PostgreSQL (schema default `moat`), on the process's one pool. */
export class PostgresIntelStore extends PostgresRepository implements IntelStore {
  async migrate(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.s};
CREATE TABLE IF NOT EXISTS ${this.s}.intel_indicators (
  stix_id TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, confidence INT NOT NULL,
  valid_until BIGINT, source TEXT NOT NULL, tlp TEXT, bundle_id TEXT NOT NULL, origin TEXT NOT NULL,
  imported_at BIGINT NOT NULL, PRIMARY KEY (stix_id, value));`);
  }

  async add(indicators: SharedIndicator[], from: ImportRecord): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const i of indicators) {
        await client.query(
          `INSERT INTO ${this.s}.intel_indicators (stix_id, kind, value, confidence, valid_until, source, tlp, bundle_id, origin, imported_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
           ON CONFLICT (stix_id, value) DO UPDATE SET kind = EXCLUDED.kind, confidence = EXCLUDED.confidence,
             valid_until = EXCLUDED.valid_until, source = EXCLUDED.source, tlp = EXCLUDED.tlp,
             bundle_id = EXCLUDED.bundle_id, origin = EXCLUDED.origin, imported_at = EXCLUDED.imported_at`,
          [
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
          ],
        );
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async live(now: number): Promise<SharedIndicator[]> {
    const res = await this.pool.query(
      `SELECT * FROM ${this.s}.intel_indicators WHERE valid_until IS NULL OR valid_until > $1 ORDER BY stix_id, value`,
      [now],
    );
    return (res.rows as IntelRow[]).map(indicatorFromRow);
  }
}
