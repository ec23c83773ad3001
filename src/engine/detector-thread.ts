/**
 * Worker-thread entry: owns one Detector and answers the messages of startDetectorWorker
 * (worker.ts). Every batch's changed verdicts are posted back as soon as it is ingested.
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Detector } from '../detect/detector.js';
import { detectConfigSchema } from '../detect/config.js';
import type { AccountRecord, TelemetryEvent, Verdict } from '../telemetry/event.js';

/** Messages from the host. */
export type ToWorker =
  | { type: 'events'; lines: string[] }
  | { type: 'account'; record: AccountRecord }
  | { type: 'link'; a: string; b: string; kind: string; detail: string }
  | { type: 'close' };

/** Messages to the host. */
export type FromWorker = { type: 'verdicts'; verdicts: Verdict[] } | { type: 'closed' };

/**
 * Name this thread `moat-detector` (Linux: a thread may rename itself through
 * /proc/thread-self/comm), so `top -H`, `ps -L` and the gateway benchmark show the
 * detector's CPU apart from the request path's. Elsewhere it keeps its default name.
 */
function nameThread(): void {
  try {
    writeFileSync('/proc/thread-self/comm', 'moat-detector');
  } catch {
    // not Linux, or /proc not mounted: the name is cosmetic
  }
}

const port = parentPort;
if (port) {
  nameThread();
  const detector = new Detector(detectConfigSchema.parse(workerData ?? {}));
  port.on('message', (msg: ToWorker) => {
    let out: Verdict[] = [];
    if (msg.type === 'events') {
      for (const line of msg.lines) {
        const changed = detector.ingest(JSON.parse(line) as TelemetryEvent);
        if (changed.length) out = out.concat(changed);
      }
    } else if (msg.type === 'account') detector.addAccount(msg.record);
    else if (msg.type === 'link') out = detector.addLink(msg.a, msg.b, msg.kind, msg.detail);
    else if (msg.type === 'close') {
      port.postMessage({ type: 'closed' } satisfies FromWorker);
      port.close();
      return;
    }
    if (out.length) port.postMessage({ type: 'verdicts', verdicts: out } satisfies FromWorker);
  });
}
