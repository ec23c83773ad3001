import type { Level, Reason } from '../telemetry/event.js';

/** Where an incident is in review. */
export type IncidentStatus = 'open' | 'acknowledged' | 'escalated' | 'resolved';
/** An analyst's finding. */
export type Resolution = 'confirmed' | 'false_positive';

/**
 * Shareable attributes of the accounts in an incident. Values are what the detector and
 * fingerprint modules see; intel export hashes every one except IP prefixes, so raw
 * prompt text or customer data never leaves.
 */
export interface IncidentIndicators {
  /** CIDR prefixes, e.g. 203.0.113.0/24. */
  ipPrefixes?: string[];
  /** Client fingerprint ids (fingerprint module). */
  fingerprints?: string[];
  /** Payment fingerprints (hashed on export). */
  paymentFingerprints?: string[];
  /** Prompt-template signatures: masked template text or its hash (hashed on export). */
  templates?: string[];
}

/** One step of an incident's history. */
export interface IncidentNote {
  at: number;
  by: string;
  action: 'open' | 'update' | 'acknowledge' | 'escalate' | 'resolve';
  note?: string;
}

/** An incident: an account, or a detector cluster of accounts, that crossed the review level. */
export interface Incident {
  id: string;
  /** `account:<id>` or `cluster:<id>`: one unresolved incident per subject. */
  subject: string;
  accounts: string[];
  cluster: string | null;
  /** Highest level seen while open. */
  level: Level;
  score: number;
  reasons: Reason[];
  indicators: IncidentIndicators;
  status: IncidentStatus;
  resolution: Resolution | null;
  openedAt: number;
  updatedAt: number;
  history: IncidentNote[];
}

/** A false-positive exemption: `reasonCode` is ignored for `account` until `until`. */
export interface Exemption {
  account: string;
  reasonCode: string;
  until: number;
  incident: string;
  by: string;
  createdAt: number;
}

/** A ground-truth label from an analyst's resolution (feeds the evaluation). */
export interface GroundTruthLabel {
  account: string;
  incident: string;
  cluster: string | null;
  label: Resolution;
  reasons: string[];
  level: Level;
  resolvedAt: number;
  by: string;
  note?: string;
}

/** Filter for listing incidents (newest first). */
export interface IncidentQuery {
  status?: IncidentStatus | undefined;
  account?: string | undefined;
  resolution?: Resolution | undefined;
  limit?: number | undefined;
}

/**
 * Storage of incidents and exemptions. Implementations: SQLite (`sqlite/`, the
 * `<dataDir>/governance.db` file) and PostgreSQL (`postgres/`); both pass `review.case.ts`.
 */
export interface ReviewStore {
  migrate(): Promise<void>;
  /** Inserts; false when an unresolved incident for the same subject exists. */
  insert(i: Incident): Promise<boolean>;
  /** Replaces the stored incident (by id). */
  update(i: Incident): Promise<void>;
  get(id: string): Promise<Incident | undefined>;
  /** The unresolved incident for a subject, if any. */
  findOpen(subject: string): Promise<Incident | undefined>;
  list(q?: IncidentQuery): Promise<Incident[]>;
  addExemption(e: Exemption): Promise<void>;
  /** Exemptions still in force at `now` (all accounts when `account` is undefined). */
  exemptions(account: string | undefined, now: number): Promise<Exemption[]>;
  close(): Promise<void>;
}
