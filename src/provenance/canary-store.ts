/** One canary: a harmless fictitious fact, unique to one account, and the question that reveals it. */
export interface Canary {
  /** Stable id (hex), derived from the master key, the account and the slot. */
  id: string;
  account: string;
  /** The sentence appended to a response. */
  text: string;
  /** A question a model trained on the sentence would answer with the secret. */
  trigger: string;
  /** The invented word that only this canary contains. */
  secret: string;
}

/** One time a canary was served. */
export interface CanaryPlant {
  canaryId: string;
  account: string;
  requestId: string;
  ts: number;
}

/**
 * Where canaries and their plantings are recorded. Implementations: memory
 * (canary-store/memory.ts) and SQLite (canary-store/sqlite.ts, `<dataDir>/provenance.db`);
 * both pass canary-store/conformance.ts.
 */
export interface CanaryStore {
  /** Record a planting; stores the canary itself the first time it is seen. */
  record(canary: Canary, plant: CanaryPlant): Promise<void>;
  /** Every canary planted at least once, oldest first. */
  canaries(): Promise<Canary[]>;
  /** Plantings, optionally for one account, oldest first. */
  plants(account?: string): Promise<CanaryPlant[]>;
  /** Note that an account received watermarked text (for per-account key attribution). */
  noteAccount(account: string, ts: number): Promise<void>;
  /** Accounts that received watermarked text. */
  accounts(): Promise<string[]>;
  close(): Promise<void>;
}
