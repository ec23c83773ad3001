import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AckPolicy, DeliverPolicy, connect } from 'nats';
import { Detector } from '../../detect/detector.js';
import { detectConfigSchema } from '../../detect/config.js';
import { levelRank, type Verdict } from '../../telemetry/event.js';
import { NatsBus } from '../../telemetry/nats/nats-bus.js';
import { accountSlot } from '../../telemetry/slot.js';
import { splitHydra } from './testdata/split-hydra.js';
import { Topology, detectorMetrics, until, verdictStream } from './testdata/topology.js';

/** The last verdict written for each account, and which partition wrote it. */
async function lastVerdicts(prefix: string): Promise<Map<string, { v: Verdict; p: string }>> {
  const out = new Map<string, { v: Verdict; p: string }>();
  for (const b of await verdictStream(prefix))
    for (const v of b.v) out.set(v.account, { v: v as Verdict, p: b.p });
  return out;
}

/** Every evidence message in the stream so far (subject and body), through an ephemeral consumer. */
async function evidenceMessages(url: string, stream: string): Promise<Array<[string, Uint8Array]>> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await nc.jetstreamManager();
    const info = await jsm.consumers.add(stream, {
      filter_subject: `${stream}.evidence.*.*.*.*.*.*`,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.All,
      inactive_threshold: 10_000_000_000,
    });
    const pending = info.num_pending;
    const consumer = await nc.jetstream().consumers.get(stream, info.name);
    const out: Array<[string, Uint8Array]> = [];
    while (out.length < pending) {
      const batch = await consumer.fetch({ max_messages: 500, expires: 2000 });
      let n = 0;
      for await (const m of batch) {
        out.push([m.subject, m.data]);
        n++;
      }
      if (n === 0) break;
    }
    return out;
  } finally {
    await nc.drain();
  }
}

test("issue 18: a hydra split over two detector partitions (each half below throttle alone) reaches the single detector's level in both, through the NATS evidence exchange, across a kill -9 and repeated evidence", async () => {
  const topo = new Topology();
  let bus: NatsBus | undefined;
  try {
    await topo.startNats();
    topo.writeConfig();
    const { events, members } = splitHydra(18);
    const cfg = detectConfigSchema.parse({});
    // The levels to reach: one detector over everything; and what each partition reaches on its own.
    const one = new Detector(cfg);
    for (const e of events) one.ingest(e);
    const halves = [new Detector(cfg), new Detector(cfg)];
    for (const e of events) halves[accountSlot(e.account) % 2]!.ingest(e);
    for (const m of members) {
      assert.equal(one.verdict(m).level, 'throttle', `one detector raises ${m} to throttle`);
      assert.ok(
        levelRank(halves[accountSlot(m) % 2]!.verdict(m).level) < levelRank('throttle'),
        `its partition alone keeps ${m} below throttle`,
      );
    }
    assert.deepEqual(new Set(members.map((m) => accountSlot(m) % 2)), new Set([0, 1]));

    const url = `nats://127.0.0.1:${topo.natsPort}`;
    const d0 = await topo.detector(0, 2);
    let d1 = await topo.detector(1, 2);
    bus = await NatsBus.connect({
      url,
      stream: topo.stream,
      batchSize: 100,
      flushMs: 50,
      maxPending: 100_000,
    });
    const cut = Math.floor(events.length * 0.6);
    for (const e of events.slice(0, cut)) bus.publish(e);
    assert.ok(await bus.flush(10_000));
    // Mid-stream: partition 1 has applied evidence of partition 0 and holds it in a snapshot.
    const mid = await until(async () => {
      const m = await detectorMetrics(d1.port);
      return (
        (m['evidence_received'] ?? 0) > 0 &&
        (m['durable_seq'] ?? 0) >= (m['seq'] ?? 1) &&
        (m['snapshots'] ?? 0) > 0
      );
    }, 30_000);
    assert.ok(
      mid,
      `partition 1 received evidence before the kill: ${JSON.stringify(await detectorMetrics(d1.port))}`,
    );
    await topo.kill(d1.proc);
    for (const e of events.slice(cut)) bus.publish(e);
    assert.ok(await bus.flush(10_000));
    d1 = await topo.detector(1, 2, d1.port);
    const metrics = async () => [await detectorMetrics(d0.port), await detectorMetrics(d1.port)];
    const ingested = async () => (await metrics()).reduce((s, m) => s + (m['events'] ?? 0), 0);
    assert.ok(
      await until(async () => (await ingested()) === events.length, 30_000),
      `ingested ${await ingested()} of ${events.length}`,
    );

    // Every evidence message again, as a partition restarted from an older snapshot would send it.
    await until(
      async () => (await metrics()).every((m) => (m['durable_seq'] ?? 0) >= (m['seq'] ?? 1)),
      10_000,
    );
    const again = await evidenceMessages(url, topo.stream);
    const touches = again.reduce(
      (s, [, body]) =>
        s +
        (JSON.parse(Buffer.from(body).toString('utf8')) as { r: Array<{ t: string }> }).r.filter(
          (r) => r.t === 'touch',
        ).length,
      0,
    );
    assert.ok(touches > 0, 'the partitions published touches');
    const nc = await connect({ servers: url });
    const js = nc.jetstream();
    const before = await metrics();
    for (const [subject, body] of again) await js.publish(subject, body);
    await nc.drain();
    const dupes = async () =>
      (await metrics()).reduce(
        (s, m, i) => s + (m['evidence_duplicates'] ?? 0) - (before[i]!['evidence_duplicates'] ?? 0),
        0,
      );
    assert.ok(
      await until(async () => (await dupes()) === touches, 20_000),
      `${await dupes()} of ${touches} repeated touches recognised`,
    );

    // Both partitions' verdicts reach the single detector's level, each written by its owner.
    const reached = await until(async () => {
      const last = await lastVerdicts(topo.prefix);
      return members.every((m) => last.get(m)?.v.level === one.verdict(m).level) ? last : undefined;
    }, 20_000);
    const last = reached ?? (await lastVerdicts(topo.prefix));
    for (const m of members) {
      assert.equal(
        last.get(m)?.v.level,
        one.verdict(m).level,
        `${m}: ${JSON.stringify(last.get(m)?.v)} ${JSON.stringify(await metrics())}`,
      );
      assert.equal(last.get(m)?.p, `${accountSlot(m) % 2}/2`);
    }
    for (const [i, m] of (await metrics()).entries()) {
      assert.ok(
        (m['remote_accounts'] ?? 0) >= 3,
        `partition ${i} holds the other half: ${JSON.stringify(m)}`,
      );
      // A cluster of six is five joins: links with a remote end are at most that (none made twice).
      assert.ok(
        (m['evidence_links'] ?? 0) >= 1 && (m['evidence_links'] ?? 0) <= 5,
        `partition ${i}'s cross links: ${JSON.stringify(m)}`,
      );
      assert.ok((m['evidence_sent'] ?? 0) > 0 && (m['evidence_received'] ?? 0) > 0);
    }
  } finally {
    await bus?.close(1000).catch(() => undefined);
    await topo.close();
  }
});
