/**
 * Bounded cross-account indexes that propose links: who first sent a template frame, who
 * first used a network+client key or a payment fingerprint — and how many accounts
 * detected on their own evidence used each key (what makes a cluster "known"). Each index holds at most
 * `cap` keys; when full, keys seen by one account only are dropped first (deterministic:
 * Map iteration is insertion order), then everything.
 */

interface Entry {
  first: number;
  accounts: number;
  /** Times the key was used (by anyone). */
  uses: number;
  /** Accounts detected on their own evidence that used the key, and the sum of their scores then. */
  flagged: number;
  flaggedScore: number;
  /**
   * The first harvest sender (Detector.harvestSender) of a template key, -1 for none: a
   * harvest-template link joins the next one to it, whoever opened the frame (an application
   * or a student may have sent it first). Absent in snapshots from before it existed.
   */
  harvester?: number;
  /**
   * Accounts other than the first that sent the key, counted when an account is neither of the
   * last two such senders: exact while three or fewer did, an overcount past that (so
   * `senders >= 3` holds exactly when three other accounts sent it).
   */
  senders: number;
  last1: number;
  last2: number;
}

/** First account seen per key, with an approximate count of accounts using it. */
export class FirstSeenIndex<K> {
  private readonly map = new Map<K, Entry>();
  /** What touch() returns: one object per index, overwritten by the next touch (no allocation per event). */
  private readonly before: Entry = {
    first: 0,
    accounts: 0,
    uses: 0,
    flagged: 0,
    flaggedScore: 0,
    senders: 0,
    last1: -1,
    last2: -1,
  };

  constructor(private readonly cap: number) {}

  /**
   * Record that account `idx` used `key`; `newForAccount` says whether this account had not
   * used it before. Returns the entry as it was before this use (undefined on first sight),
   * valid until the next touch() of this index.
   */
  touch(key: K, idx: number, newForAccount: boolean): Entry | undefined {
    const e = this.map.get(key);
    if (e === undefined) {
      this.add(key, idx).uses = 1;
      return undefined;
    }
    const before = this.before;
    before.first = e.first;
    before.accounts = e.accounts;
    before.uses = e.uses;
    before.flagged = e.flagged;
    before.flaggedScore = e.flaggedScore;
    before.senders = e.senders;
    e.uses++;
    if (newForAccount && e.first !== idx) e.accounts++;
    if (idx !== e.first && idx !== e.last1 && idx !== e.last2) {
      e.senders++;
      e.last2 = e.last1;
      e.last1 = idx;
    }
    return before;
  }

  /** The entry of `key`, if held. */
  get(key: K): Readonly<Entry> | undefined {
    return this.map.get(key);
  }

  /** Record that account `idx`, detected on its own evidence with `score`, used `key`. */
  flag(key: K, idx: number, score: number): void {
    let e = this.map.get(key);
    e ??= this.add(key, idx);
    e.flagged++;
    e.flaggedScore += score;
  }

  /** The account recorded as `key`'s first harvest sender, or -1 (none, or a key not held). */
  harvesterOf(key: K): number {
    return this.map.get(key)?.harvester ?? -1;
  }

  /** Record `idx` as `key`'s first harvest sender (a key not held is left alone). */
  setHarvester(key: K, idx: number): void {
    const e = this.map.get(key);
    if (e) e.harvester = idx;
  }

  /** Number of keys held. */
  get size(): number {
    return this.map.size;
  }

  /** A new entry for `key`, first sent by `idx`, unused (evicting first when full). */
  private add(key: K, idx: number): Entry {
    if (this.map.size >= this.cap) this.evict();
    const e: Entry = {
      first: idx,
      accounts: 1,
      uses: 0,
      flagged: 0,
      flaggedScore: 0,
      harvester: -1,
      senders: 0,
      last1: -1,
      last2: -1,
    };
    this.map.set(key, e);
    return e;
  }

  private evict(): void {
    for (const [k, e] of this.map) if (e.accounts <= 1 && e.flagged === 0) this.map.delete(k);
    if (this.map.size >= this.cap * 0.9) this.map.clear();
  }
}
