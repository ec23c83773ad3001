/**
 * The linked-account graph: accounts found at signup to share a card, a client
 * fingerprint, an email pattern, or a network prefix within one burst. Bounded: the
 * oldest accounts are forgotten beyond `maxAccounts`, and each signup adds at most a
 * few edges per shared key, so memory is O(maxAccounts).
 */
import type { Reason, Verdict } from '../../telemetry/event.js';

/** Why two accounts are linked. */
export type LinkKind = 'payment' | 'fingerprint' | 'ip_prefix_window' | 'email_pattern';

/** An undirected link between two accounts found at signup. */
export interface Link {
  a: string;
  b: string;
  kind: LinkKind;
  detail: string;
}

/** What the graph remembers about an account. */
export interface GraphNode {
  id: string;
  createdAt: number;
  /** Reasons from the account's own signup, before cluster propagation. */
  own: Reason[];
  /** The account's own reasons alone reach `monitor`. */
  flagged: boolean;
  verified: boolean;
  links: Link[];
  /** The latest verdict given for the account (own reasons plus any cluster reason). */
  verdict: Verdict;
}

/** Bounded adjacency-list graph of accounts and their signup links. */
export class LinkGraph {
  readonly #nodes = new Map<string, GraphNode>();
  readonly #max: number;

  constructor(maxAccounts: number) {
    this.#max = Math.max(1, maxAccounts);
  }

  /** The node for `id`, if remembered. */
  get(id: string): GraphNode | undefined {
    return this.#nodes.get(id);
  }

  /** Adds an account (no-op when present); forgets the oldest beyond the bound. */
  add(node: Omit<GraphNode, 'links'>): GraphNode {
    const existing = this.#nodes.get(node.id);
    if (existing !== undefined) return existing;
    const n: GraphNode = { ...node, links: [] };
    this.#nodes.set(node.id, n);
    if (this.#nodes.size > this.#max) this.#evictOldest();
    return n;
  }

  /** Records a link on both ends; ignored when either end is unknown or it is a self-link. */
  link(l: Link): boolean {
    const a = this.#nodes.get(l.a);
    const b = this.#nodes.get(l.b);
    if (a === undefined || b === undefined || l.a === l.b) return false;
    a.links.push(l);
    b.links.push(l);
    return true;
  }

  /**
   * Accounts reachable from `id` (itself included), breadth first, at most `limit`.
   */
  component(id: string, limit: number): GraphNode[] {
    const start = this.#nodes.get(id);
    if (start === undefined) return [];
    const seen = new Set<string>([id]);
    const out: GraphNode[] = [start];
    for (let i = 0; i < out.length && out.length < limit; i++) {
      for (const l of (out[i] as GraphNode).links) {
        const other = l.a === (out[i] as GraphNode).id ? l.b : l.a;
        if (seen.has(other)) continue;
        const n = this.#nodes.get(other);
        if (n === undefined) continue;
        seen.add(other);
        out.push(n);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** Every link between remembered accounts, each once. */
  allLinks(): Link[] {
    const out: Link[] = [];
    for (const n of this.#nodes.values()) for (const l of n.links) if (l.a === n.id) out.push(l);
    return out;
  }

  /** Accounts remembered. */
  get size(): number {
    return this.#nodes.size;
  }

  #evictOldest(): void {
    const first = this.#nodes.values().next();
    if (first.done === true) return;
    const gone = first.value;
    this.#nodes.delete(gone.id);
    for (const l of gone.links) {
      const other = this.#nodes.get(l.a === gone.id ? l.b : l.a);
      if (other !== undefined) other.links = other.links.filter((x) => x !== l);
    }
  }
}

/**
 * Connected components over links by union-find with path halving and union by size
 * (Tarjan 1975). Returns component root → member ids (sorted), for accounts that
 * appear in at least one link. The detector's clustering can seed from this.
 * @example connectedComponents([{a:'x',b:'y'},{a:'y',b:'z'}]) // Map { 'x' => ['x','y','z'] }
 */
export function connectedComponents(
  links: Iterable<{ a: string; b: string }>,
): Map<string, string[]> {
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    if (!parent.has(x)) {
      parent.set(x, x);
      size.set(x, 1);
    }
    let r = x;
    while (parent.get(r) !== r) {
      const gp = parent.get(parent.get(r) as string) as string;
      parent.set(r, gp);
      r = gp;
    }
    return r;
  };
  for (const { a, b } of links) {
    let ra = find(a);
    let rb = find(b);
    if (ra === rb) continue;
    if ((size.get(ra) as number) < (size.get(rb) as number)) [ra, rb] = [rb, ra];
    parent.set(rb, ra);
    size.set(ra, (size.get(ra) as number) + (size.get(rb) as number));
  }
  const out = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const r = find(x);
    const list = out.get(r) ?? [];
    list.push(x);
    out.set(r, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}
