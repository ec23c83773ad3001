/**
 * Cross-account evidence as one detector partition hands it to the others (issue 18: a
 * live `moat detector --partitions N` deployment). Each partition's detector sees only its
 * own accounts' events, so the links a single detector would make between accounts of
 * different partitions need the index touches and the counters behind them: a partition
 * publishes, for its own accounts, the link keys they touch (hashed: template frames,
 * request shape + signup window, network + client, timing bands — never prompt text) and a
 * copy of each such account's counters; the others apply them with
 * Detector.addEvidence and Detector.setRemote, which run the single detector's own gates.
 * These are plain data: the transport (engine/service/exchange.ts) is not this module's.
 */
import type { AccountState } from './account.js';
import type { Counters } from './stats.js';
import type { CoActivitySnapshot } from './timing.js';

/** The cross-account indexes whose keys are exchanged. */
export type EvidenceKind = 'template' | 'shape' | 'network' | 'timing';

/**
 * Account `account` (of another partition) touched link key `key` of index `kind`, having
 * passed there the gates the touching side of a link needs (listener.ts says which).
 */
export interface RemoteTouch {
  kind: EvidenceKind;
  /** A template frame, shape or timing band key (numbers), or a network+client digest. */
  key: number | string;
  account: string;
}

/** What a partition knows of one of its accounts that another needs to link and score it. */
export interface RemoteAccount {
  /** Stats counters (STATS_LEN), distinct-item sketch (HLL_REGISTERS) and their decay time. */
  c: Counters;
  items: Uint8Array;
  at: number;
  createdAt: number;
  firstTs: number;
  lastTs: number;
  /** The timing sketch (for timing links), null while it is empty. */
  timing: CoActivitySnapshot | null;
  /** Distinct end users the account names (absent from older peers). */
  endUsers?: number;
}

/** An account's current copy for other partitions (copies, not views). */
export function remoteAccountOf(st: AccountState): RemoteAccount {
  return {
    c: st.stats.c.slice(),
    items: st.stats.items.slice(),
    at: st.stats.at,
    createdAt: st.createdAt,
    firstTs: st.firstTs,
    lastTs: st.lastTs,
    endUsers: st.endUserCount,
    timing: st.timing.buckets > 0 ? st.timing.snapshot() : null,
  };
}
