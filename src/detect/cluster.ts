/**
 * Clusters of linked accounts: a union-find (union by size, path halving; Tarjan 1975)
 * whose roots carry the summed Stats of their members and a tally of the link kinds
 * that joined them. Coordination strength depends on the kinds: a shared network alone
 * (a university behind one NAT) is weak; shared payment, identity-module links or shared
 * templates are strong.
 */
import { Stats } from './stats.js';
import { fnv1a } from '../hash/fnv.js';
import { int } from './describe.js';
import { LINK } from './account.js';

/** Link kinds and how much each says about coordination on its own. */
const KIND_STRENGTH: Record<string, number> = {
  payment: 1,
  // One operator's accounts sharing its template: an organisation's integration as often as a
  // hydra. It links; the campaign's economics (young accounts, volume) must do the rest.
  template: 0.3,
  identity: 0.8,
  fingerprint: 0.5,
  shape: 0.6,
  timing: 0.4,
  network: 0.25,
  // Accounts rotating through one proxy pool on one TLS stack, each leaning to harvest.
  proxy: 0.8,
};

/**
 * Links that tie an account to one operator's infrastructure: a payment method, the identity
 * module's signup evidence, a proxy cohort. Honest groups share the others — a class's signup
 * week and SDK (shape), a public judge prompt (template), a NAT (network), a schedule (timing)
 * — and on the tuning generator those raised a course cohort and a judge service.
 */
const OPERATOR_LINKS = LINK.payment! | LINK.identity! | LINK.proxy!;

/**
 * Coordination the links an account took part in itself show: the strongest kind among its
 * LINK bits (a card shared with the campaign, not a NAT shared with a stranger).
 */
export function memberCoordination(links: number): number {
  if ((links & OPERATOR_LINKS) === 0) return 0;
  let x = 0;
  for (const kind in LINK) if (links & LINK[kind]!) x = Math.max(x, KIND_STRENGTH[kind] ?? 0.5);
  return x;
}

/** The state of a cluster root. */
export class ClusterState {
  readonly stats = new Stats();
  readonly members: number[] = [];
  readonly kinds = new Map<string, number>();
  createdAt = 0;
  firstTs = 0;
  lastTs = 0;
  score = 0;
  emittedScore = -1;
  /** Sum over members of each member's own distinct-item estimate (for complementary coverage). */
  memberItems = 0;
  /**
   * Sum over members of the distinct end users each names: a cluster of applications is
   * judged per person it serves, as each of them is (score.ts volume and focus).
   */
  endUsers = 0;

  constructor(readonly id: string) {}

  /** Whether the members' distinct items barely overlap (each sweeps its own slice). */
  private complementary(): boolean {
    return (
      this.members.length >= 3 &&
      this.memberItems > 20 &&
      this.stats.distinctItems() >= 0.8 * this.memberItems
    );
  }

  /**
   * Whether the members keep asking the same items (their union of distinct prompts is under
   * half the sum of each member's): organisations running the same public benchmark or
   * judge set do that; a campaign splits its item space so every answer is new.
   */
  overlapping(): boolean {
    return (
      this.members.length >= 2 &&
      this.memberItems > 20 &&
      this.stats.distinctItems() < 0.5 * this.memberItems
    );
  }

  /** Coordination strength in [0,1]: the strongest link kind, plus complementary coverage. */
  coordination(): number {
    let x = 0;
    for (const kind of this.kinds.keys()) x = Math.max(x, KIND_STRENGTH[kind] ?? 0.5);
    return this.complementary() ? Math.min(1, x + 0.2) : x;
  }

  /** The sentence behind coordination(). */
  coordinationDetail(): string {
    const parts = [...this.kinds]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([kind, count]) => `${kind} (${count})`);
    const cover = this.complementary()
      ? `; members cover ~${int(this.stats.distinctItems())} distinct items with little overlap`
      : this.overlapping()
        ? `; members repeat each other's items (~${int(this.stats.distinctItems())} distinct of ~${int(this.memberItems)}), as a shared public benchmark does: evidence halved`
        : '';
    return `${this.members.length} accounts linked by ${parts.join(', ')}${cover}`;
  }
}

/** Union-find over account indices. */
export class Clusters {
  private readonly parent: number[] = [];
  private readonly size: number[] = [];
  private readonly roots = new Map<number, ClusterState>();

  constructor(private readonly maxSize: number) {}

  /** Register account index `i` (indices are dense, in order). */
  add(i: number): void {
    this.parent[i] = i;
    this.size[i] = 1;
  }

  /** Root of `i`. */
  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      const p = this.parent[x]!;
      this.parent[x] = this.parent[p]!;
      x = p;
    }
    return x;
  }

  /** The cluster state of `i`, or undefined while it is alone. */
  of(i: number): ClusterState | undefined {
    return this.roots.get(this.find(i));
  }

  /** All clusters of two or more accounts. */
  all(): ClusterState[] {
    return [...this.roots.values()];
  }

  /**
   * Join the sets of `a` and `b`. `seed` builds a new cluster's state from a lone account.
   * Returns the surviving root's state, or undefined when nothing changed (already joined, or over the size cap).
   */
  union(
    a: number,
    b: number,
    kind: string,
    seed: (i: number) => ClusterState,
    halfLifeMs: number,
  ): ClusterState | undefined {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return undefined;
    if (this.size[ra]! + this.size[rb]! > this.maxSize) return undefined;
    if (this.size[ra]! < this.size[rb]! || (this.size[ra] === this.size[rb] && rb < ra))
      [ra, rb] = [rb, ra];
    const sa = this.roots.get(ra) ?? seed(ra);
    const sb = this.roots.get(rb) ?? seed(rb);
    sa.stats.merge(sb.stats, halfLifeMs);
    for (const m of sb.members) sa.members.push(m);
    for (const [k, v] of sb.kinds) sa.kinds.set(k, (sa.kinds.get(k) ?? 0) + v);
    sa.kinds.set(kind, (sa.kinds.get(kind) ?? 0) + 1);
    sa.memberItems += sb.memberItems;
    sa.endUsers += sb.endUsers;
    sa.createdAt = minKnown(sa.createdAt, sb.createdAt);
    sa.firstTs = minKnown(sa.firstTs, sb.firstTs);
    sa.lastTs = Math.max(sa.lastTs, sb.lastTs);
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    this.roots.delete(rb);
    this.roots.set(ra, sa);
    return sa;
  }
}

function minKnown(a: number, b: number): number {
  if (a === 0) return b;
  if (b === 0) return a;
  return Math.min(a, b);
}

/** Stable cluster id from its founding account's id. */
export function clusterId(accountId: string): string {
  return 'cl_' + fnv1a(accountId).toString(36);
}
