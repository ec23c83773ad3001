/**
 * Scale-out detector benchmark (issue 18). Not a test: it prints figures.
 *
 *   npx tsx bench/scaleout/run.ts [--events 40000] [--accounts 100000] [--samples 200]
 *
 * 1. events/s through NATS JetStream into N = 1 and 2 `moat detector` processes (the same
 *    events pre-published to a private nats-server; clock from every partition ready to
 *    every event ingested, snapshots to PostgreSQL included); N = 2 with the cross-partition
 *    evidence exchange (the default) and without it (`--no-exchange`);
 * 2. one partition's state at --accounts accounts (in this process: heap, stateBytes,
 *    snapshot bytes and encode time);
 * 3. verdict propagation: a verdict appended to the detector verdict stream until the
 *    gateway that applied it publishes it on the channel every gateway's cache listens to.
 */
import { Redis } from 'ioredis';
import { Detector } from '../../src/detect/detector.js';
import { detectConfigSchema } from '../../src/detect/config.js';
import { chatUser, rng } from '../../src/detect/testdata/traffic.js';
import { arg, population } from './population.js';
import { NatsBus } from '../../src/telemetry/nats/nats-bus.js';
import type { TelemetryEvent } from '../../src/telemetry/event.js';
import { encodeDetector } from '../../src/engine/service/state-codec.js';
import {
  REDIS,
  Topology,
  detectorMetrics,
  sleep,
  until,
} from '../../src/engine/service/testdata/topology.js';

const EVENTS = arg('events', 40_000);
const ACCOUNTS = arg('accounts', 100_000);
const SAMPLES = arg('samples', 200);

interface Throughput {
  eps: number;
  ms: number;
  /** Events ingested after every partition was ready (those the clock covers). */
  timed: number;
  rss: number[];
  /** Per partition: evidence records sent and received, links with a remote end, remote accounts held. */
  evidence: string[];
}

async function throughput(
  events: TelemetryEvent[],
  n: number,
  args: string[] = [],
): Promise<Throughput> {
  const topo = new Topology();
  try {
    await topo.startNats();
    topo.writeConfig({ logLevel: 'warn' });
    const bus = await NatsBus.connect({
      url: `nats://127.0.0.1:${topo.natsPort}`,
      stream: topo.stream,
      batchSize: 500,
      flushMs: 50,
      maxPending: 20_000,
    });
    for (const e of events) {
      while (!bus.publish(e)) await sleep(1);
    }
    await bus.flush(60_000);
    await bus.close();
    // Started together, then timed from when all are ready; what a partition ingested before
    // the last one was ready (a head start while the others still compile through tsx) is
    // left out of the count.
    const ports = (
      await Promise.all(
        Array.from({ length: n }, (_, p) =>
          topo.detector(p, n, undefined, ['--snapshot-ms', '1000', ...args]),
        ),
      )
    ).map((d) => d.port);
    const total = async () =>
      (await Promise.all(ports.map((p) => detectorMetrics(p)))).reduce(
        (s, m) => s + (m['events'] ?? 0),
        0,
      );
    const t0 = performance.now();
    const base = await total();
    await until(async () => (await total()) >= events.length, 600_000, 20);
    const ms = performance.now() - t0;
    const timed = events.length - base;
    const all = await Promise.all(ports.map((p) => detectorMetrics(p)));
    const rss = all.map((m) => Math.round((m['rss_bytes'] ?? 0) / 2 ** 20));
    const evidence = all.map(
      (m) =>
        `sent ${m['evidence_sent']}, received ${m['evidence_received']}, links ${m['evidence_links']}, remote accounts ${m['remote_accounts']}`,
    );
    return { eps: timed / (ms / 1000), ms, timed, rss, evidence };
  } finally {
    await topo.close();
  }
}

function memory(accounts: number): Record<string, number> {
  const cfg = detectConfigSchema.parse({});
  const r = rng(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const d = new Detector(cfg);
  for (let i = 0; i < accounts; i++) for (const e of chatUser(r, `acct_m${i}`, 3)) d.ingest(e);
  gc?.();
  const heap = process.memoryUsage().heapUsed - before;
  const t0 = performance.now();
  const snap = encodeDetector(d, cfg);
  const encodeMs = performance.now() - t0;
  return {
    accounts,
    heapMiB: Math.round(heap / 2 ** 20),
    heapBytesPerAccount: Math.round(heap / accounts),
    stateBytesPerAccount: Math.round(d.stateBytes() / accounts),
    snapshotMiB: Math.round(snap.length / 2 ** 20),
    snapshotBytesPerAccount: Math.round(snap.length / accounts),
    encodeMs: Math.round(encodeMs),
  };
}

async function propagation(samples: number): Promise<{ p50: number; p99: number; n: number }> {
  const topo = new Topology();
  const sub = new Redis(REDIS);
  const pub = new Redis(REDIS);
  try {
    await topo.startNats();
    topo.writeConfig({ logLevel: 'warn' });
    await topo.gateway('gw-a');
    await topo.gateway('gw-b');
    const seen = new Map<string, number>();
    sub.on('message', (_c: string, raw: string) => {
      const m = JSON.parse(raw) as { t: string; v?: Array<{ account: string }> };
      for (const v of m.v ?? []) if (!seen.has(v.account)) seen.set(v.account, performance.now());
    });
    await sub.subscribe(`${topo.prefix}:verdict-events`);
    const lat: number[] = [];
    for (let i = 0; i < samples; i++) {
      const account = `acct_p${i}`;
      const t0 = performance.now();
      await pub.xadd(
        `{${topo.prefix}}:detector-verdicts`,
        '*',
        'p',
        'bench',
        'v',
        JSON.stringify([
          {
            account,
            score: 0.9,
            level: 'throttle',
            reasons: [],
            cluster: null,
            updatedAt: Date.now(),
          },
        ]),
      );
      await until(() => seen.has(account), 5_000, 1);
      if (seen.has(account)) lat.push(seen.get(account)! - t0);
      await sleep(10);
    }
    lat.sort((a, b) => a - b);
    const q = (p: number) =>
      Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]! * 10) / 10;
    return { p50: q(0.5), p99: q(0.99), n: lat.length };
  } finally {
    sub.disconnect();
    pub.disconnect();
    await topo.close();
  }
}

const events = population(EVENTS);
console.log(
  `scale-out detector benchmark: ${events.length} events, ${new Set(events.map((e) => e.account)).size} accounts`,
);
const one = await throughput(events, 1);
console.log(
  `N=1: ${Math.round(one.eps)} events/s (${one.timed} in ${Math.round(one.ms)} ms), RSS MiB ${one.rss.join(', ')}`,
);
const two = await throughput(events, 2);
console.log(
  `N=2: ${Math.round(two.eps)} events/s (${two.timed} in ${Math.round(two.ms)} ms), RSS MiB ${two.rss.join(', ')}; evidence: ${two.evidence.join(' | ')}`,
);
console.log(`scaling ratio N=2/N=1: ${(two.eps / one.eps).toFixed(2)}`);
const alone = await throughput(events, 2, ['--no-exchange']);
console.log(
  `N=2 --no-exchange: ${Math.round(alone.eps)} events/s (${alone.timed} in ${Math.round(alone.ms)} ms), RSS MiB ${alone.rss.join(', ')}`,
);
console.log(
  `evidence exchange cost at N=2: ${(100 * (1 - two.eps / alone.eps)).toFixed(1)}% of events/s`,
);
// --accounts 0 / --samples 0 skip the memory and propagation parts.
if (ACCOUNTS > 0) {
  const mem = memory(ACCOUNTS);
  console.log('one partition at', ACCOUNTS, 'accounts:', JSON.stringify(mem));
}
if (SAMPLES > 0) {
  const prop = await propagation(SAMPLES);
  console.log(
    `verdict propagation (stream → applying gateway → channel of every gateway), ${prop.n} samples: p50 ${prop.p50} ms, p99 ${prop.p99} ms`,
  );
}
