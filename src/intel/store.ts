import type { SharedIndicator } from './indicators.js';

/** Where an import came from. */
export interface ImportRecord {
  bundleId: string;
  importedAt: number;
  /** File name or peer, for the audit trail. */
  origin: string;
}

/**
 * Storage of indicators imported from peers. Implementations: SQLite (`sqlite/`, in
 * `<dataDir>/governance.db`) and PostgreSQL (`postgres/`); both pass `intel.case.ts`.
 * Re-importing an indicator (same STIX id and value) replaces it.
 */
export interface IntelStore {
  migrate(): Promise<void>;
  add(indicators: SharedIndicator[], from: ImportRecord): Promise<void>;
  /** Indicators still valid at `now`. */
  live(now: number): Promise<SharedIndicator[]>;
  close(): Promise<void>;
}

/** Row shape shared by the SQL backends. */
export interface IntelRow {
  stix_id: string;
  kind: string;
  value: string;
  confidence: number | string;
  valid_until: number | string | null;
  source: string;
  tlp: string | null;
}

/** A stored row back to an indicator. */
export function indicatorFromRow(r: IntelRow): SharedIndicator {
  return {
    stixId: r.stix_id,
    kind: r.kind as SharedIndicator['kind'],
    value: r.value,
    confidence: Number(r.confidence),
    validUntil: r.valid_until === null ? null : Number(r.valid_until),
    source: r.source,
    tlp: r.tlp,
  };
}
