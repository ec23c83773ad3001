import type { AccountRecord, Level, TelemetryEvent, Verdict } from '../telemetry/event.js';
import type { DatabaseHealth } from './database.js';

/** An account as stored: the signup record plus what administrators changed since. */
export interface StoredAccount extends AccountRecord {
  verified?:
    | { at: number; by: string; organization?: string | undefined; note?: string | undefined }
    | undefined;
  /** Set while an administrator has disabled the account (its keys were revoked then); null once enabled again. */
  disabled?: { at: number; by: string; reason: string } | null | undefined;
}

/** An API key as stored: never the secret, only its keyed hash. */
export interface StoredKey {
  id: string;
  account: string;
  /** HMAC-SHA256 of the secret under the server's key pepper, hex. */
  hash: string;
  /** First characters of the secret, to recognise a key in lists. */
  prefix: string;
  createdAt: number;
  revokedAt: number | null;
  /** A label for lists (`POST /admin/v1/accounts/{id}/keys {name}`); null when none was given. */
  name?: string | null | undefined;
  /** Epoch ms after which the key is refused; null when it does not expire. */
  expiresAt?: number | null | undefined;
}

/** An administrator's pin of an account's level; wins over the detector until removed or expired. */
export interface LevelPin {
  level: Level;
  reason: string;
  by: string;
  at: number;
  until: number | null;
}

/** Per-account limit overrides (PUT /admin/v1/accounts/{id}/limits). */
export interface LimitOverrides {
  requestsPerMinute?: number | undefined;
  tokensPerMinute?: number | undefined;
  tokensPerDay?: number | undefined;
  tokensPerMonth?: number | undefined;
}

export interface EventQuery {
  account?: string | undefined;
  since?: number | undefined;
  until?: number | undefined;
  limit?: number | undefined;
}

/**
 * The durable store: accounts, keys, telemetry events, verdicts, pins and limit
 * overrides. Implementations: SQLite (embedded default) and PostgreSQL (scale-out).
 * All methods are async so both backends share one interface and one conformance suite.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Create tables if needed. Idempotent. */
  migrate(): Promise<void>;
  /** Inserts a new account; returns false when the id exists. */
  createAccount(account: StoredAccount): Promise<boolean>;
  getAccount(id: string): Promise<StoredAccount | undefined>;
  updateAccount(id: string, patch: Partial<StoredAccount>): Promise<StoredAccount | undefined>;
  listAccounts(opts?: { limit?: number; after?: string }): Promise<StoredAccount[]>;

  createKey(key: StoredKey): Promise<void>;
  getKeyByHash(hash: string): Promise<StoredKey | undefined>;
  getKey(id: string): Promise<StoredKey | undefined>;
  listKeys(account: string): Promise<StoredKey[]>;
  /** Marks the key revoked; returns the key, or undefined when unknown. */
  revokeKey(id: string, at: number): Promise<StoredKey | undefined>;

  /** Appends events (one transaction per batch). */
  insertEvents(events: TelemetryEvent[]): Promise<void>;
  /** Events in arrival order (ts, then insertion). Streams: never loads everything at once. */
  events(query: EventQuery): AsyncIterable<TelemetryEvent>;
  countEvents(query?: EventQuery): Promise<number>;
  /**
   * Delete events that arrived before `ts` (epoch ms); returns how many. Deletes in
   * bounded chunks so writers are never locked out for long (telemetry retention).
   */
  deleteEventsBefore(ts: number): Promise<number>;

  putVerdicts(verdicts: Verdict[]): Promise<void>;
  getVerdict(account: string): Promise<Verdict | undefined>;
  listVerdicts(opts?: { minLevel?: Level; limit?: number }): Promise<Verdict[]>;

  setPin(account: string, pin: LevelPin): Promise<void>;
  clearPin(account: string): Promise<boolean>;
  getPin(account: string): Promise<LevelPin | undefined>;
  listPins(): Promise<Array<{ account: string; pin: LevelPin }>>;

  setLimits(account: string, limits: LimitOverrides): Promise<void>;
  getLimits(account: string): Promise<LimitOverrides | undefined>;

  /** Liveness of the backing service (readyz). */
  ping(): Promise<boolean>;
  /** Liveness plus the last error of the process's database pool (readyz shows it). */
  health(): Promise<DatabaseHealth>;
  /** Release this store's use of the process's database (the last user closes it). */
  close(): Promise<void>;
}

/** Every stored account in id order, read a page at a time (listAccounts' keyset paging). */
export async function* eachAccount(
  store: Pick<Store, 'listAccounts'>,
  pageSize = 1000,
): AsyncGenerator<StoredAccount> {
  for (let after: string | undefined; ;) {
    const page = await store.listAccounts({ limit: pageSize, ...(after ? { after } : {}) });
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.id;
  }
}
