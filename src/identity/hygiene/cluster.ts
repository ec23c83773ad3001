/**
 * The `signup_cluster` reason: what a flagged signup cluster says about each member.
 */
import type { Reason } from '../../telemetry/event.js';
import type { GraphNode, LinkKind } from './graph.js';

/** Links inside a set of accounts, counted by kind (each link once). */
export function linkCounts(members: readonly GraphNode[]): Map<LinkKind, number> {
  const ids = new Set(members.map((m) => m.id));
  const counts = new Map<LinkKind, number>();
  for (const m of members) {
    for (const l of m.links) {
      // Count each link from its `a` end only, and only when both ends are inside.
      if (l.a !== m.id || !ids.has(l.b)) continue;
      counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The reason every member of a flagged cluster carries.
 * @example clusterReason(50, 48, new Map([['payment', 147]]), 0.35).detail
 * // 'one of 50 accounts linked at signup (payment ×147); 48 flagged on their own signup'
 */
export function clusterReason(
  size: number,
  flagged: number,
  counts: Map<LinkKind, number>,
  weight: number,
): Reason {
  const kinds = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
  return {
    code: 'signup_cluster',
    weight,
    detail: `one of ${size} accounts linked at signup (${kinds}); ${flagged} flagged on their own signup`,
  };
}
