/**
 * Run the Detector in a worker thread so detection never blocks the gateway's event loop.
 * Works from the TypeScript sources (through tsx) and from compiled dist/: the entry file
 * is resolved next to this module with the same extension.
 */
import { Worker } from 'node:worker_threads';
import type { DetectConfig } from '../detect/config.js';
import {
  eventJson,
  type AccountRecord,
  type TelemetryEvent,
  type Verdict,
} from '../telemetry/event.js';
import type { FromWorker, ToWorker } from './detector-thread.js';

/** Handle of a running detector worker. */
export interface DetectorWorker {
  /** Queue events (timestamp order); verdicts that change come back through onVerdicts. */
  push(events: TelemetryEvent[]): void;
  addAccount(rec: AccountRecord): void;
  addLink(a: string, b: string, kind: string, detail: string): void;
  /** Process what is queued, deliver its verdicts, stop the thread. */
  close(): Promise<void>;
}

/**
 * Build the Worker: a compiled .js entry runs directly; a .ts entry (development, tests)
 * first registers tsx's ESM loader inside the worker, because on Node 20 an `--import`
 * in a worker's execArgv does not apply to the worker's own entry module.
 */
export function spawnThread(entry: URL, workerData: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** A sibling module's URL with this module's extension (.ts from the sources, .js from dist/). */
export function siblingEntry(name: string): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL('./' + name + ext, import.meta.url);
}

/**
 * Start a detector in a worker thread.
 * @example
 * const w = startDetectorWorker(cfg.detect, (vs) => verdictCache.put(vs));
 * bus.subscribe((batch) => w.push(batch));
 */
export function startDetectorWorker(
  cfg: DetectConfig,
  onVerdicts: (v: Verdict[]) => void,
  onError: (err: Error) => void = (err) => process.emitWarning(err),
): DetectorWorker {
  const worker = spawnThread(siblingEntry('detector-thread'), cfg);
  let closed: Promise<void> | undefined;
  let resolveClosed: (() => void) | undefined;
  worker.on('message', (msg: FromWorker) => {
    if (msg.type === 'verdicts') onVerdicts(msg.verdicts);
    else if (msg.type === 'skipped')
      onError(
        new Error(
          `detector skipped ${msg.count} event(s) it could not use; the first: ${msg.reason}`,
        ),
      );
    else if (msg.type === 'closed') resolveClosed?.();
  });
  worker.on('error', onError);
  const send = (m: ToWorker): void => {
    if (!closed) worker.postMessage(m);
  };
  return {
    // As JSON text, serialised once for the store too: a string crosses to the thread as a
    // plain copy instead of a structured clone of every object.
    push: (events) => send({ type: 'events', lines: events.map(eventJson) }),
    addAccount: (record) => send({ type: 'account', record }),
    addLink: (a, b, kind, detail) => send({ type: 'link', a, b, kind, detail }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        const done = (): void => {
          void worker.terminate().then(() => resolve());
        };
        resolveClosed = done;
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'close' } satisfies ToWorker);
      });
      return closed;
    },
  };
}
