/**
 * The evidence exchange's own cost (issue 18), in one process: the scale-out benchmark's
 * population through two Detectors, each fed its own partition's events, with the
 * exchange (batches delivered every 500 events, as a 50 ms tick would) and without. Not a
 * test: it prints wall time, records and bytes exchanged.
 *
 *   npx tsx bench/scaleout/exchange.ts [--events 60000] [--runs 3]
 */
import { Detector } from '../../src/detect/detector.js';
import { detectConfigSchema } from '../../src/detect/config.js';
import { arg, population } from './population.js';
import { EvidenceExchange } from '../../src/engine/service/exchange.js';
import type { TelemetryEvent } from '../../src/telemetry/event.js';
import { accountSlot } from '../../src/telemetry/slot.js';

const cfg = detectConfigSchema.parse({});

function run(events: TelemetryEvent[], exchange: boolean): string {
  const parts = [0, 1].map(() => ({
    d: new Detector(cfg),
    x: undefined as EvidenceExchange | undefined,
    inbox: [] as Buffer[],
  }));
  let bytes = 0;
  let messages = 0;
  parts.forEach((p, i) => {
    if (!exchange) return;
    const send = (to: number, b: Buffer) => {
      bytes += b.length;
      messages++;
      parts[to]!.inbox.push(b);
    };
    p.x = new EvidenceExchange({
      index: i,
      count: 2,
      send,
      owns: (a) => accountSlot(a) % 2 === i,
      copyMs: 1000,
      maxRemote: 200_000,
      maxMembers: 200_000,
      ringSize: 200_000,
    });
    p.x.attach(p.d);
  });
  const t0 = performance.now();
  let k = 0;
  for (const e of events) {
    const p = parts[accountSlot(e.account) % 2]!;
    p.d.ingest(e);
    p.x?.afterIngest(e.account);
    if (++k % 500 === 0)
      for (const q of parts) {
        q.x?.flush(e.ts);
        while (q.inbox.length) q.x!.receive(q.inbox.shift()!);
      }
  }
  const ms = Math.round(performance.now() - t0);
  if (!exchange) return `without: ${ms} ms`;
  const records = parts.reduce((s, p) => s + p.x!.stats.sent, 0);
  const remote = parts.map((p) => p.d.remoteCount()).join(' + ');
  return `with:    ${ms} ms; ${records} records, ${bytes} bytes in ${messages} messages; remote accounts ${remote}`;
}

const events = population(arg('events', 60_000));
console.log(`evidence exchange, two partitions in one process: ${events.length} events`);
for (let i = 0; i < arg('runs', 3); i++) {
  console.log(run(events, false));
  console.log(run(events, true));
}
