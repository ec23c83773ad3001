/**
 * Run the Detector in a worker thread so detection never blocks the gateway's event loop.
 * Works from the TypeScript sources (through tsx) and from compiled dist/: the entry file
 * is resolved next to this module with the same extension, and a .ts entry gets tsx's
 * loader in its execArgv when the host was not started with it.
 */
import { Worker } from 'node:worker_threads';
import type { DetectConfig } from '../detect/config.js';
import type { AccountRecord, TelemetryEvent, Verdict } from '../telemetry/event.js';
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

function workerExecArgv(entry: URL): string[] {
  const argv = [...process.execArgv];
  if (!entry.pathname.endsWith('.ts')) return argv;
  const hasTsx = argv.some((a, i) => a.includes('tsx') && (argv[i - 1] === '--import' || argv[i - 1] === '--loader' || a.startsWith('--import=')));
  return hasTsx ? argv : [...argv, '--import', 'tsx'];
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
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const entry = new URL('./detector-thread' + ext, import.meta.url);
  const worker = new Worker(entry, { workerData: cfg, execArgv: workerExecArgv(entry) });
  let closed: Promise<void> | undefined;
  let resolveClosed: (() => void) | undefined;
  worker.on('message', (msg: FromWorker) => {
    if (msg.type === 'verdicts') onVerdicts(msg.verdicts);
    else if (msg.type === 'closed') resolveClosed?.();
  });
  worker.on('error', onError);
  const send = (m: ToWorker): void => {
    if (!closed) worker.postMessage(m);
  };
  return {
    push: (events) => send({ type: 'events', events }),
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
