/**
 * Bounded memory of recent signups per key (an IP prefix, a card, a fingerprint, an
 * email pattern): at most `maxKeys` keys, least recently used forgotten first, and at
 * most `perKey` newest entries per key. That is all a sliding-window count needs to
 * decide "more than `max` within the window" (it only has to see `max + 1` entries).
 * Time is the signup's own timestamp, so a replay gives the same answers as live.
 */

/** One remembered signup under a key. */
export interface RecentEntry {
  id: string;
  ts: number;
  /** The email number for pattern keys (user017 → 17). */
  n?: number | null;
  /** The signup carried a risk signal beyond this key (for corroborated co-location). */
  corroborated?: boolean;
}

/** A bounded LRU map of key → newest entries. */
export class RecentIndex {
  readonly #map = new Map<string, RecentEntry[]>();
  readonly #maxKeys: number;
  readonly #perKey: number;

  constructor(maxKeys: number, perKey: number) {
    this.#maxKeys = Math.max(1, maxKeys);
    this.#perKey = Math.max(1, perKey);
  }

  /** Entries under `key`, oldest first (a copy is not made; do not mutate). */
  get(key: string): readonly RecentEntry[] {
    return this.#map.get(key) ?? [];
  }

  /** Entries under `key` whose time lies within `windowMs` of `ts` (either side: replays may be out of order). */
  within(key: string, ts: number, windowMs: number): RecentEntry[] {
    return this.get(key).filter((e) => Math.abs(e.ts - ts) <= windowMs);
  }

  /** Remembers `entry` under `key`, refreshing the key's recency. */
  add(key: string, entry: RecentEntry): void {
    const list = this.#map.get(key) ?? [];
    this.#map.delete(key);
    list.push(entry);
    if (list.length > this.#perKey) list.splice(0, list.length - this.#perKey);
    this.#map.set(key, list);
    if (this.#map.size > this.#maxKeys) {
      const oldest = this.#map.keys().next();
      if (oldest.done !== true) this.#map.delete(oldest.value);
    }
  }

  /** Entries kept per key. */
  get perKey(): number {
    return this.#perKey;
  }

  /** Keys held. */
  get size(): number {
    return this.#map.size;
  }
}
