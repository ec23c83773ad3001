import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What `/readyz` shows of a database: reachable or not, and the last error of its pool. */
export interface DatabaseHealth {
  ok: boolean;
  /** The last error the pool reported (an idle connection dropped, the server restarted…). */
  lastError?: { message: string; at: number } | undefined;
}

/**
 * A handle counted by the repositories that use it: each repository `retain()`s it when
 * built and `release()`s it on close, and the last release closes it. So a process opens
 * one handle however many repositories (store, audit, review, intel, canaries) sit on it,
 * and a test that closes its one repository leaves nothing open.
 */
abstract class Counted {
  private refs = 0;
  private closed = false;

  constructor(private readonly forget: () => void) {}

  /** Count one more user; a handle that is already closed cannot be reused. */
  retain(): this {
    if (this.closed) throw new Error('database handle already closed');
    this.refs++;
    return this;
  }

  /** One user is done; the last one closes the handle. */
  async release(): Promise<void> {
    if (this.closed || --this.refs > 0) return;
    this.closed = true;
    this.forget();
    await this.end();
  }

  /** Whether the last user released it. */
  get isClosed(): boolean {
    return this.closed;
  }

  protected abstract end(): Promise<void>;
}

/** Owner-only file (issue 14); SQLite gives its -wal and -shm files the database file's mode. */
function ensurePrivateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** Schema names (PostgreSQL schemas, attached SQLite files): a lower-case identifier, never user input. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * A schema name checked before it is written into SQL (it cannot be a bound parameter).
 * @example this.s = schemaName(opts.schema) // 'moat' when unset
 */
export function schemaName(schema = 'moat'): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  return schema;
}

/**
 * A repository with its tables created; when that fails, its use of the database is
 * released before the error goes on (so a failed start leaves no pool open).
 * @example const store = await migrated(new PostgresStore(db, { schema }))
 */
export async function migrated<T extends { migrate(): Promise<void>; close(): Promise<void> }>(
  repo: T,
): Promise<T> {
  try {
    await repo.migrate();
  } catch (err) {
    await repo.close();
    throw err;
  }
  return repo;
}

/**
 * One better-sqlite3 connection on the process's main database file (`moat.db`), with the
 * other files (`audit.db`, `governance.db`, `provenance.db`) ATTACHed to it, so existing data
 * directories keep their files and each keeps its own durability (`PRAGMA schema.synchronous`).
 */
export class SqliteDatabase extends Counted {
  readonly kind = 'sqlite' as const;
  readonly db: BetterSqlite3.Database;
  readonly readOnly: boolean;

  constructor(
    readonly file: string,
    opts: { readOnly?: boolean } = {},
    forget: () => void = () => {},
  ) {
    super(forget);
    this.readOnly = opts.readOnly === true;
    if (opts.readOnly) {
      // Not SQLITE_OPEN_READONLY: a reader of a WAL file without its -shm would fail. The
      // file must exist, and nothing is executed that writes.
      this.db = new BetterSqlite3(file, { fileMustExist: true });
    } else {
      if (file !== ':memory:') ensurePrivateFile(file);
      this.db = new BetterSqlite3(file);
      // 16 KiB pages for a new database (an existing one keeps its size): telemetry rows are
      // 1.5-3 KB, and each committed batch rewrites whole pages into the WAL, so larger pages
      // mean fewer WAL frames and write syscalls per event (bench/README.md). Before WAL mode.
      this.db.pragma('page_size = 16384');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('busy_timeout = 10000');
  }

  /**
   * Attach `file` as schema `name` (idempotent) and return the name to qualify tables with.
   * `synchronous: 'FULL'` makes every commit to that file durable (the audit log).
   * @example const s = db.attach('audit', join(dir, 'audit.db'), { synchronous: 'FULL' })
   */
  attach(
    name: string,
    file: string,
    opts: { synchronous?: 'NORMAL' | 'FULL'; mustExist?: boolean } = {},
  ): string {
    if (!SCHEMA_NAME.test(name) || name === 'main' || name === 'temp')
      throw new Error(`invalid schema name "${name}"`);
    const list = this.db.pragma('database_list') as Array<{ name: string; file: string }>;
    const had = list.find((d) => d.name === name);
    if (had) {
      if (resolve(had.file) !== resolve(file))
        throw new Error(`schema "${name}" is already ${had.file}, not ${file}`);
      return name;
    }
    if (opts.mustExist && !existsSync(file)) throw new Error(`${file} does not exist`);
    if (!this.readOnly) ensurePrivateFile(file);
    this.db.prepare('ATTACH DATABASE ? AS ' + name).run(file);
    if (!this.readOnly) {
      this.db.pragma(`${name}.journal_mode = WAL`);
      this.db.pragma(`${name}.synchronous = ${opts.synchronous ?? 'NORMAL'}`);
    }
    return name;
  }

  /** Liveness for `/readyz`. */
  health(): Promise<DatabaseHealth> {
    try {
      return Promise.resolve({
        ok: this.db.open && this.db.prepare('SELECT 1 AS ok').get() !== undefined,
      });
    } catch (err) {
      return Promise.resolve({
        ok: false,
        lastError: { message: (err as Error).message, at: Date.now() },
      });
    }
  }

  protected end(): Promise<void> {
    if (this.db.open) this.db.close();
    return Promise.resolve();
  }
}

/**
 * The process's one PostgreSQL pool. Every repository (store, audit, review, intel,
 * canaries) queries through it, each in its own schema; an error on an idle connection
 * is kept for `/readyz` and passed to the listeners instead of crashing the process.
 */
export class PostgresDatabase extends Counted {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private lastError: { message: string; at: number } | undefined;
  private readonly listeners = new Set<(err: Error) => void>();

  constructor(url: string, opts: { max?: number } = {}, forget: () => void = () => {}) {
    super(forget);
    this.pool = new pg.Pool({
      connectionString: url,
      max: opts.max ?? 10,
      connectionTimeoutMillis: 5000,
    });
    this.pool.on('error', (err) => this.fail(err));
  }

  private fail(err: Error): void {
    this.lastError = { message: err.message, at: Date.now() };
    for (const l of this.listeners) l(err);
  }

  /** Be told of pool errors (the gateway logs them); returns the unsubscribe function. */
  onError(listener: (err: Error) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * A round trip, plus the last pool error; a failed round trip is recorded as one. One
   * retry: a connection the server dropped while idle fails its next query and leaves the
   * pool, so a second round trip on a fresh connection tells a dead server from a dead socket.
   */
  async health(): Promise<DatabaseHealth> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.pool.query('SELECT 1');
        return { ok: true, lastError: this.lastError };
      } catch (err) {
        this.fail(err as Error);
        if (attempt >= 1) return { ok: false, lastError: this.lastError };
      }
    }
  }

  protected async end(): Promise<void> {
    await this.pool.end();
  }
}

/**
 * Base of the repositories on the process's PostgreSQL pool: the checked schema its tables
 * live in, the pool retained when built and released on close.
 */
export abstract class PostgresRepository {
  protected readonly pool: pg.Pool;
  protected readonly s: string;

  /** @param handle the process's PostgreSQL pool (`openPostgresDatabase`). */
  constructor(
    protected readonly handle: PostgresDatabase,
    opts: { schema?: string | undefined } = {},
  ) {
    this.s = schemaName(opts.schema);
    this.pool = handle.retain().pool;
  }

  /** Drop this repository's schema and everything in it (tests). */
  async dropSchema(): Promise<void> {
    await this.pool.query(`DROP SCHEMA IF EXISTS ${this.s} CASCADE`);
  }

  /** Release this repository's use of the pool (the last user closes it). */
  async close(): Promise<void> {
    await this.handle.release();
  }
}

/** Either database a process uses. */
export type DatabaseHandle = SqliteDatabase | PostgresDatabase;

// One handle per file or URL per process; the entry goes when its last user releases it.
const open = new Map<string, DatabaseHandle>();

/**
 * The process's SQLite connection on `file`: opened on the first call, the same handle
 * afterwards until every user has released it. A read-only open (verification) is its own
 * handle, never shared with writers.
 * @example const db = openSqliteDatabase(join(dataDir, 'moat.db')); new SqliteStore(db)
 */
export function openSqliteDatabase(
  file: string,
  opts: { readOnly?: boolean } = {},
): SqliteDatabase {
  if (opts.readOnly) return new SqliteDatabase(file, opts);
  const key = `sqlite:${file === ':memory:' ? `:memory:${open.size}:${Math.random()}` : resolve(file)}`;
  const had = open.get(key);
  if (had?.kind === 'sqlite' && !had.isClosed && had.db.open) return had;
  const db = new SqliteDatabase(file, {}, () => open.delete(key));
  open.set(key, db);
  return db;
}

/**
 * The process's PostgreSQL pool for `url` (one per URL: replicas of one process share it).
 * `max` applies when the pool is created.
 * @example const db = openPostgresDatabase(url); new PostgresStore(db, { schema: 'moat' })
 */
export function openPostgresDatabase(url: string, opts: { max?: number } = {}): PostgresDatabase {
  const key = `postgres:${url}`;
  const had = open.get(key);
  if (had?.kind === 'postgres' && !had.isClosed) return had;
  const db = new PostgresDatabase(url, opts, () => open.delete(key));
  open.set(key, db);
  return db;
}
