/**
 * Issue 18: a detector partition's snapshot and the verdicts still on their way out. The
 * consume loop keeps applying messages while a tick waits for the verdict outbox; a snapshot
 * taken then holds a state that counts their verdicts as emitted, so it must carry them too,
 * or a partition killed before its next tick resumes without ever sending them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { connect } from 'nats';
import pg from 'pg';
import { Detector } from '../../detect/detector.js';
import { detectConfigSchema } from '../../detect/config.js';
import { harvester, rng } from '../../detect/testdata/traffic.js';
import type { Verdict } from '../../telemetry/event.js';
import { accountSlot, slotSubject } from '../../telemetry/slot.js';
import { PartitionService, type VerdictOutbox } from './partition-service.js';
import { PgSnapshots } from './snapshot-pg.js';
import { PG, until } from './testdata/topology.js';

const NATS = process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** An outbox that holds its first publish until `open()` (a slow Redis), recording what it sent. */
class HeldOutbox implements VerdictOutbox {
  readonly sent: Verdict[] = [];
  calls = 0;
  open: () => void = () => {};
  private readonly gate: Promise<void>;
  constructor(held: boolean) {
    this.gate = held ? new Promise((r) => (this.open = r)) : Promise.resolve();
  }
  async publish(verdicts: Verdict[]): Promise<void> {
    this.calls++;
    await this.gate;
    this.sent.push(...verdicts);
  }
}

test('issue 18: a snapshot taken while verdicts wait for the outbox carries them; the resumed partition sends them', async () => {
  const tag = randomBytes(4).toString('hex');
  const stream = `pending_${tag}`;
  const pool = new pg.Pool({ connectionString: PG });
  const snapshots = new PgSnapshots(pool, `pending_${tag}`);
  const cfg = detectConfigSchema.parse({});
  const opts = (outbox: VerdictOutbox) => ({
    natsUrl: NATS,
    stream,
    index: 0,
    count: 1,
    cfg,
    snapshots,
    outbox,
    snapshotMs: 600_000,
    snapshotEvents: 100_000,
    batchSize: 64,
    dedupeIds: 10_000,
    log: quiet,
  });
  const nc = await connect({ servers: NATS });
  const js = nc.jetstream();
  const events = harvester(rng(173), 'acct_pending', 60);
  const send = async (from: number, to: number) => {
    for (const e of events.slice(from, to))
      await js.publish(
        slotSubject(stream, 'events', accountSlot(e.account)),
        Buffer.from(JSON.stringify(e)),
      );
  };
  const held = new HeldOutbox(true);
  const first = await PartitionService.start(opts(held));
  let second: PartitionService | undefined;
  try {
    // The first verdicts leave and the outbox holds them; the rest of the stream is applied meanwhile.
    await send(0, 10);
    assert.ok(await until(() => held.calls > 0, 10_000), 'a tick is publishing');
    await send(10, events.length);
    assert.ok(await until(() => first.stats.events === events.length, 10_000));
    await first.snapshot();

    // Killed here: the resumed partition has no message left to apply.
    const outbox = new HeldOutbox(false);
    second = await PartitionService.start(opts(outbox));
    assert.equal(second.stats.resumedSeq, first.stats.durableSeq);
    const ref = new Detector(cfg);
    let last: Verdict | undefined;
    for (const e of events) for (const v of ref.ingest(e)) last = v;
    assert.ok(last && last.level !== 'allow', 'the harvester is raised');
    const got = await until(
      () => outbox.sent.filter((v) => v.account === 'acct_pending').at(-1),
      10_000,
    );
    assert.deepEqual(got, last);
  } finally {
    held.open();
    await second?.stop();
    await first.stop();
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false);
    await nc.drain();
    await pool.query(`DROP SCHEMA IF EXISTS pending_${tag} CASCADE`);
    await pool.end();
  }
});
