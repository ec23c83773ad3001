/**
 * Detector partition snapshots in PostgreSQL (issue 18): one row per partition, replaced
 * in one statement, so a crash mid-write leaves the previous snapshot whole. The pool is
 * the caller's (one per process).
 */
import type pg from 'pg';

/** One partition's saved state. */
export interface PartitionSnapshot {
  /** Last stream sequence whose message is in `state`. */
  seq: number;
  /** Events ingested into `state` (for metrics and the restart test). */
  events: number;
  /** encodeDetector bytes plus the recent event ids (service.ts). */
  state: Buffer;
  takenAt: number;
}

/** Read and write snapshots of partition `id` (e.g. `MOAT_EVENTS/0-of-2`) in `schema`. */
export class PgSnapshots {
  private readonly table: string;
  constructor(
    private readonly pool: pg.Pool,
    private readonly schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`snapshot schema: expected a lower-case SQL identifier, got "${schema}"`);
    this.table = `${schema}.detector_snapshots`;
  }

  /** Create the schema and table when missing. */
  async migrate(): Promise<void> {
    await this.pool.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    await this.pool.query(
      `CREATE TABLE IF NOT EXISTS ${this.table} (id TEXT PRIMARY KEY, seq BIGINT NOT NULL, events BIGINT NOT NULL, taken_at BIGINT NOT NULL, state BYTEA NOT NULL)`,
    );
  }

  async load(id: string): Promise<PartitionSnapshot | undefined> {
    const r = await this.pool.query<{
      seq: string;
      events: string;
      taken_at: string;
      state: Buffer;
    }>(`SELECT seq, events, taken_at, state FROM ${this.table} WHERE id = $1`, [id]);
    const row = r.rows[0];
    return row
      ? {
          seq: Number(row.seq),
          events: Number(row.events),
          takenAt: Number(row.taken_at),
          state: row.state,
        }
      : undefined;
  }

  async save(id: string, snap: PartitionSnapshot): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} (id, seq, events, taken_at, state) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET seq = EXCLUDED.seq, events = EXCLUDED.events, taken_at = EXCLUDED.taken_at, state = EXCLUDED.state`,
      [id, snap.seq, snap.events, snap.takenAt, snap.state],
    );
  }

  async remove(id: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE id = $1`, [id]);
  }
}
