/**
 * Summarise a V8 `.cpuprofile` (the Chrome DevTools Profiler.Profile format written by
 * `node --cpu-prof`): self time per function, and inclusive time of Moat's own functions
 * (code under the compiled `dist/`), so hot spots can be named by source file and line.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Hits per node id, counting only samples from the first one inside `marker` on. */
function steadyHits(
  prof: CpuProfile,
  parent: Map<number, number>,
  byId: Map<number, ProfileNode>,
  marker: string,
): Map<number, number> {
  const inMarker = new Map<number, boolean>();
  const has = (id: number): boolean => {
    const known = inMarker.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const v = byId.get(id)!.callFrame.functionName === marker || (up !== undefined && has(up));
    inMarker.set(id, v);
    return v;
  };
  const hits = new Map<number, number>();
  let started = false;
  for (const id of prof.samples) {
    started ||= has(id);
    if (started) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return hits;
}

function label(n: ProfileNode): string {
  const url = n.callFrame.url.replace(/^file:\/\//, '');
  const i = url.indexOf('/dist/');
  const where =
    i >= 0
      ? 'src/' + url.slice(i + 6).replace(/\.js$/, '.ts')
      : url.replace(/^.*node_modules\//, '');
  return `${n.callFrame.functionName || '(anonymous)'} ${where || '(native)'}:${n.callFrame.lineNumber + 1}`;
}

function top(map: Map<string, number>, total: number, n: number): string[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
}

/**
 * Text report: top self-time functions overall, then Moat functions by inclusive time.
 * With `marker` (a function name, e.g. `proxyRequest`), samples before the first one
 * inside it are dropped, so start-up (module loading, tokenizer tables) does not count.
 */
export function summariseProfile(file: string, n = 25, marker?: string): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(prof.nodes.map((x) => [x.id, x]));
  const parent = new Map<number, number>();
  for (const node of prof.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
  const hitsOf = marker
    ? steadyHits(prof, parent, byId, marker)
    : new Map(prof.nodes.map((x) => [x.id, x.hitCount ?? 0]));
  const total = [...hitsOf.values()].reduce((a, b) => a + b, 0) || 1;
  const self = new Map<string, number>();
  for (const node of prof.nodes)
    self.set(label(node), (self.get(label(node)) ?? 0) + (hitsOf.get(node.id) ?? 0));

  // Inclusive hits: each sample charges every distinct Moat frame on its stack once.
  const inclusive = new Map<string, number>();
  for (const node of prof.nodes) {
    const hits = hitsOf.get(node.id) ?? 0;
    if (!hits) continue;
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!;
      if (!frame.callFrame.url.includes('/dist/')) continue;
      const l = label(frame);
      if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + hits);
      seen.add(l);
    }
  }
  const moatSelf = [...self.entries()]
    .filter(([k]) => k.includes(' src/'))
    .reduce((a, [, v]) => a + v, 0);
  return [
    `${total} samples${marker ? ` from the first in ${marker}` : ''} (profile ${((prof.endTime - prof.startTime) / 1e6).toFixed(1)} s); Moat's own code (self): ${((100 * moatSelf) / total).toFixed(1)}%`,
    'Top self time:',
    ...top(self, total, n),
    "Moat's functions by inclusive time:",
    ...top(inclusive, total, n),
  ].join('\n');
}

if (process.argv[1]?.endsWith('profile.ts') && process.argv[2])
  process.stdout.write(summariseProfile(process.argv[2], 25, process.argv[3]) + '\n');
