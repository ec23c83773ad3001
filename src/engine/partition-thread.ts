/**
 * Worker-thread entry of `moat analyze --workers N` (issue 13): runs one partition
 * (partition.ts) and posts its progress and its result to the host (parallel.ts).
 */
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { detectConfigSchema } from '../detect/config.js';
import { analyzePartition, type PartitionJob, type PartitionResult } from './partition.js';

/** Messages to the host. */
export type FromPartition =
  | { type: 'progress'; bytes: number; events: number }
  | { type: 'done'; result: PartitionResult }
  | { type: 'error'; message: string };

/**
 * Name this thread `moat-partition` (Linux: /proc/thread-self/comm), as the live detector
 * thread names itself `moat-detector`, so `top -H` and bench/detect/workers.ts tell the
 * partitions' CPU apart from the main thread's and V8's helpers'.
 */
function nameThread(): void {
  try {
    writeFileSync('/proc/thread-self/comm', 'moat-partition');
  } catch {
    // not Linux, or /proc not mounted: the name is cosmetic
  }
}

const port = parentPort;
if (port) {
  nameThread();
  const job = workerData as PartitionJob;
  const send = (m: FromPartition, transfer: ArrayBuffer[] = []): void =>
    port.postMessage(m, transfer);
  analyzePartition({ ...job, cfg: detectConfigSchema.parse(job.cfg) }, (bytes, events) =>
    send({ type: 'progress', bytes, events }),
  ).then(
    // The packed Stats move to the host instead of being copied.
    (result) =>
      send({ type: 'done', result }, [
        result.counters.buffer,
        result.items.buffer,
        result.at.buffer,
      ] as ArrayBuffer[]),
    (err: unknown) =>
      send({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      }),
  );
}
