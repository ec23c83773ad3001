/**
 * A Detector's whole state as bytes, and back (issue 18: a restarted detector partition
 * resumes from its last snapshot instead of replaying history). The object graph is written
 * with V8's structured-clone serializer (node:v8 serialize), which keeps shared references,
 * Maps, Sets and typed arrays but not prototypes; the classes are recorded beside it, in
 * the order a depth-first walk meets them, and the same walk over the copy puts them back.
 * A class the detector starts to use that the registry does not know fails the snapshot
 * loudly (and state-codec.test.ts), never a silently broken restore.
 */
import { deserialize, serialize } from 'node:v8';
import { AccountState, SubStreams, TemplateSketch } from '../../detect/account.js';
import { ClusterState, Clusters } from '../../detect/cluster.js';
import type { DetectConfig } from '../../detect/config.js';
import { Detector } from '../../detect/detector.js';
import { FirstSeenIndex } from '../../detect/links.js';
import { Stats } from '../../detect/stats.js';
import { CoActivity } from '../../detect/timing.js';

const PLAIN = new Set<object | null>([
  Object.prototype,
  Array.prototype,
  Map.prototype,
  Set.prototype,
  null,
]);

/** Prototypes by class name: the exported classes, and those only a live Detector holds (found on a fresh one). */
function registry(cfg: DetectConfig): Map<string, object> {
  const reg = new Map<string, object>();
  for (const c of [
    Detector,
    AccountState,
    SubStreams,
    TemplateSketch,
    ClusterState,
    Clusters,
    FirstSeenIndex,
    Stats,
    CoActivity,
  ]) {
    reg.set(c.name, c.prototype as object);
  }
  walk(new Detector(cfg), (o) => {
    const p = Object.getPrototypeOf(o) as object | null;
    if (!PLAIN.has(p) && !ArrayBuffer.isView(o))
      reg.set((p as { constructor: { name: string } }).constructor.name, p!);
  });
  return reg;
}

/** Depth-first over own enumerable properties, Map entries, Set values and array items; each object once. */
function walk(root: object, visit: (o: object) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) continue;
    visit(v);
    const kids: unknown[] = [];
    if (v instanceof Map) for (const [k, x] of v) kids.push(k, x);
    else if (v instanceof Set) for (const x of v) kids.push(x);
    else for (const k of Object.keys(v)) kids.push((v as Record<string, unknown>)[k]);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}

/** The class name of every non-plain object, in walk order (index → name), for restore. */
function classesOf(root: object): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let i = 0;
  walk(root, (o) => {
    const p = Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null;
    if (!PLAIN.has(p)) out.push([i, p?.constructor?.name ?? '?']);
    i++;
  });
  return out;
}

/** Serialise a detector (and whatever plain data rides with it) to bytes. */
export function encodeDetector(detector: Detector, cfg: DetectConfig): Buffer {
  const reg = registry(cfg);
  const classes = classesOf(detector);
  for (const [, name] of classes) {
    if (!reg.has(name))
      throw new Error(
        `detector snapshot: class ${name} is not in the state codec's registry (engine/service/state-codec.ts)`,
      );
  }
  return serialize({ v: 1, classes, detector });
}

/**
 * Rebuild a detector from encodeDetector's bytes. It keeps the config it was built with:
 * the caller refuses a snapshot whose config differs from the running one (a changed
 * half-life cannot be applied to decayed state after the fact).
 */
export function decodeDetector(bytes: Buffer, cfg: DetectConfig): Detector {
  const doc = deserialize(bytes) as {
    v: number;
    classes: Array<[number, string]>;
    detector: object;
  };
  if (doc.v !== 1) throw new Error(`detector snapshot: unknown format version ${doc.v}`);
  const reg = registry(cfg);
  const byIndex = new Map(doc.classes);
  let i = 0;
  walk(doc.detector, (o) => {
    const name = byIndex.get(i++);
    if (name === undefined) return;
    const proto = reg.get(name);
    if (!proto) throw new Error(`detector snapshot: class ${name} is unknown to this version`);
    Object.setPrototypeOf(o, proto);
  });
  return doc.detector as Detector;
}
