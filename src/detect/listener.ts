/**
 * What the detector tells a listener about its cross-account indexes (issue 13, offline
 * throughput): `moat analyze --workers N` runs one Detector per partition of the accounts,
 * and each partition's listener records which accounts touched which link key, so the
 * links a single detector would have made between partitions can be made after the fact
 * (engine/partition-merge.ts). The detector calls it at the very points where it touches
 * an index, after that index's own gates on the account have passed. A live detector
 * partition (issue 18) listens too: its evidence exchange (engine/service/exchange.ts)
 * publishes those touches to the other partitions.
 */
import type { AccountState } from './account.js';

/** Listener of a Detector's cross-account index touches (Detector.listen). */
export interface IndexListener {
  /**
   * The request's opening frame (`key`, a template head key) was looked up in the template
   * index; `asks` says whether the request asks for what a template link needs (reasoning,
   * grading, generated data, a harvest-length answer), `harvest` whether it took a harvest
   * of any kind (an ask, or a derivation served: what a harvest-template link needs).
   */
  template(key: number, st: AccountState, asks: boolean, harvest: boolean): void;
  /** A mostly suspect account with a signup time touched the request-shape index (shape + signup window). */
  shape(key: number, st: AccountState): void;
  /** An account at monitor or above on its own evidence used, or a detected account was registered on, a network+client key. */
  network(key: string, st: AccountState): void;
  /** An account's moved timing band (MinHash LSH band key) was looked up in the timing index. */
  timing(key: number, st: AccountState): void;
  /** Two accounts' clusters were joined by a link of `kind` (a live partition counts the links remote evidence made, issue 18). */
  joined?(a: AccountState, b: AccountState, kind: string): void;
}
