/**
 * One partition's record of its detector's cross-account index touches (detect/listener.ts)
 * during `moat analyze --workers N` (issue 13): per link key, the accounts that touched it in
 * first-touch order and when. The merge (partition-merge.ts) lines these up across
 * partitions to make the links a single detector would have made between accounts that
 * were read by different workers.
 */
import type { AccountState } from '../detect/account.js';
import type { DetectConfig } from '../detect/config.js';
import type { IndexListener } from '../detect/listener.js';

/**
 * Accounts kept per key. Past this many, later accounts are only counted: accounts of one
 * partition that share a key were already linked there by its own detector, so the merge
 * needs each partition's first users of a key, not all of them.
 */
export const USERS_PER_KEY = 64;

/** A template touch asked for a harvest (reasoning, grades, data, a harvest-length answer). */
export const ASKED = 1;
/** A template touch took a harvest of any kind (an ask, or a derivation served). */
export const HARVESTED = 2;

interface KeyUsers {
  uses: number;
  /** Accounts that touched the key (counted past USERS_PER_KEY, where repeat touches may count twice). */
  accounts: number;
  /**
   * Partition-local account indexes in first-touch order, their first touch's time, and
   * (templates) what any of its touches carried: ASKED | HARVESTED bits.
   */
  users: number[];
  ts: number[];
  asked: number[];
}

/**
 * One index's table as it crosses to the main thread: parallel arrays, one row per key.
 * `users[i]` is null where the partition dropped the row's accounts (a template key none of
 * whose users can link nobody; its first use still counts).
 */
export interface KeyTableExport<K> {
  keys: K[];
  firstTs: number[];
  uses: number[];
  accounts: number[];
  users: (number[] | null)[];
  ts: (number[] | null)[];
  asked: (number[] | null)[];
}

/** Bounded map key → users, evicted as FirstSeenIndex evicts (keys of one account first). */
class KeyTable<K> {
  private readonly map = new Map<K, KeyUsers>();

  constructor(private readonly cap: number) {}

  touch(key: K, idx: number, ts: number, asked: number): void {
    let e = this.map.get(key);
    if (e === undefined) {
      if (this.map.size >= this.cap) this.evict();
      e = { uses: 0, accounts: 0, users: [], ts: [], asked: [] };
      this.map.set(key, e);
    }
    e.uses++;
    const j = e.users.lastIndexOf(idx);
    if (j >= 0) {
      e.asked[j]! |= asked;
      return;
    }
    e.accounts++;
    if (e.users.length >= USERS_PER_KEY) return;
    e.users.push(idx);
    e.ts.push(ts);
    e.asked.push(asked);
  }

  private evict(): void {
    for (const [k, e] of this.map) if (e.accounts <= 1) this.map.delete(k);
    if (this.map.size >= this.cap * 0.9) this.map.clear();
  }

  /** The table as parallel arrays; `keep(users)` says whether a row's accounts are worth sending. */
  export(keep: (users: number[]) => boolean): KeyTableExport<K> {
    const out: KeyTableExport<K> = {
      keys: [],
      firstTs: [],
      uses: [],
      accounts: [],
      users: [],
      ts: [],
      asked: [],
    };
    for (const [k, e] of this.map) {
      const kept = keep(e.users);
      out.keys.push(k);
      out.firstTs.push(e.ts[0]!);
      out.uses.push(e.uses);
      out.accounts.push(e.accounts);
      out.users.push(kept ? e.users : null);
      out.ts.push(kept ? e.ts : null);
      out.asked.push(kept ? e.asked : null);
    }
    return out;
  }
}

/** Every index's table of one partition. */
export interface KeyLogExport {
  template: KeyTableExport<number>;
  shape: KeyTableExport<number>;
  network: KeyTableExport<string>;
  timing: KeyTableExport<number>;
}

/**
 * The IndexListener a partition's detector reports to. Set `ts` to each event's time
 * before ingesting it: the detector's touches carry no time of their own.
 */
export class KeyLog implements IndexListener {
  /** Time of the event being ingested. */
  ts = 0;
  private readonly templates: KeyTable<number>;
  private readonly shapes: KeyTable<number>;
  private readonly networks: KeyTable<string>;
  private readonly timings: KeyTable<number>;

  constructor(cfg: DetectConfig) {
    this.templates = new KeyTable(cfg.templateIndexSize);
    this.shapes = new KeyTable(cfg.templateIndexSize);
    this.networks = new KeyTable(cfg.templateIndexSize);
    this.timings = new KeyTable(cfg.timingIndexSize);
  }

  template(key: number, st: AccountState, asks: boolean, harvest: boolean): void {
    this.templates.touch(key, st.idx, this.ts, (asks ? ASKED : 0) | (harvest ? HARVESTED : 0));
  }

  shape(key: number, st: AccountState): void {
    this.shapes.touch(key, st.idx, this.ts, 0);
  }

  network(key: string, st: AccountState): void {
    this.networks.touch(key, st.idx, this.ts, 0);
  }

  timing(key: number, st: AccountState): void {
    this.timings.touch(key, st.idx, this.ts, 0);
  }

  /**
   * The tables to send to the merge. A template link needs both of its accounts mostly
   * suspect (or both harvest senders), so a template row keeps its accounts only when one
   * of them can link (`linkable`);
   * the other indexes record only accounts that already passed their gates.
   */
  export(linkable: (idx: number) => boolean): KeyLogExport {
    const all = (): boolean => true;
    return {
      template: this.templates.export((users) => users.some(linkable)),
      shape: this.shapes.export(all),
      network: this.networks.export(all),
      timing: this.timings.export(all),
    };
  }
}
