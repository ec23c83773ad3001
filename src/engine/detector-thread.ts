/**
 * Worker-thread entry: owns one Detector and answers the messages of startDetectorWorker
 * (worker.ts). Every batch's changed verdicts are posted back as soon as it is ingested.
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Detector } from '../detect/detector.js';
import { detectConfigSchema } from '../detect/config.js';
import { parseEventLine } from '../detect/reader.js';
import type { AccountRecord, Verdict } from '../telemetry/event.js';

/** Messages from the host. */
export type ToWorker =
  | { type: 'events'; lines: string[] }
  | { type: 'account'; record: AccountRecord }
  | { type: 'link'; a: string; b: string; kind: string; detail: string }
  | { type: 'close' };

/** Messages to the host. `skipped`: events of a batch that could not be used, and why (the first reason). */
export type FromWorker =
  | { type: 'verdicts'; verdicts: Verdict[] }
  | { type: 'skipped'; count: number; reason: string }
  | { type: 'closed' };

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
      // Events come off a bus another process may write to: each is checked as `moat analyze`
      // checks a log line, and one that cannot be used is skipped and reported, so a single
      // bad record never stops live detection.
      let skipped = 0;
      let reason = '';
      const skip = (why: string): void => {
        if (skipped++ === 0) reason = why;
      };
      for (const line of msg.lines) {
        const r = parseEventLine(line, 0);
        if (!r.ok) {
          skip(r.error.replace(/^line 0: /, ''));
          continue;
        }
        try {
          const changed = detector.ingest(r.value);
          if (changed.length) out = out.concat(changed);
        } catch (err) {
          skip((err as Error).message);
        }
      }
      if (skipped)
        port.postMessage({ type: 'skipped', count: skipped, reason } satisfies FromWorker);
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
