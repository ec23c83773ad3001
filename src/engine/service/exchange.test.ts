import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Detector } from '../../detect/detector.js';
import { detectConfigSchema } from '../../detect/config.js';
import { levelRank, type TelemetryEvent, type Verdict } from '../../telemetry/event.js';
import { accountSlot } from '../../telemetry/slot.js';
import { EvidenceExchange } from './exchange.js';
import { decodeDetector, encodeDetector } from './state-codec.js';
import { splitHydra } from './testdata/split-hydra.js';
import * as g from '../../detect/testdata/traffic.js';

const cfg = detectConfigSchema.parse({});
const owner = (account: string) => accountSlot(account) % 2;

interface Part {
  d: Detector;
  x: EvidenceExchange | undefined;
  /** Batches sent to this partition, with the event count when they were sent. */
  inbox: Array<[number, Buffer]>;
  last: Map<string, Verdict>;
}

/** Partition `i`'s exchange, its batches stamped with `clock()`. */
function exchangeFor(i: number, parts: Part[], clock: () => number): EvidenceExchange {
  return new EvidenceExchange({
    index: i,
    count: 2,
    send: (to, b) => parts[to]!.inbox.push([clock(), b]),
    owns: (a) => owner(a) === i,
    copyMs: 1000,
    maxRemote: 1000,
    maxMembers: 1000,
    ringSize: 1000,
  });
}

function partition(i: number, parts: Part[], clock: () => number, exchange: boolean): Part {
  const p: Part = { d: new Detector(cfg), x: undefined, inbox: [], last: new Map() };
  if (exchange) {
    p.x = exchangeFor(i, parts, clock);
    p.x.attach(p.d);
  }
  return p;
}

/**
 * Two partitions fed their own accounts' events in order; each batch of evidence reaches the
 * other `lag` events after it was sent (Infinity: after the whole stream). `each` runs after
 * every event (a test's snapshot); `twice` delivers every batch two times.
 */
function run(
  events: TelemetryEvent[],
  o: {
    exchange: boolean;
    lag?: number;
    twice?: boolean;
    each?: (k: number, ts: number, parts: Part[], clock: () => number) => void;
  },
): Part[] {
  let k = 0;
  const parts: Part[] = [];
  for (let i = 0; i < 2; i++) parts.push(partition(i, parts, () => k, o.exchange));
  const record = (p: Part, i: number, vs: Verdict[]) => {
    for (const v of vs) if (owner(v.account) === i) p.last.set(v.account, v);
  };
  const deliver = (upTo: number) =>
    parts.forEach((p, i) => {
      while (p.inbox.length && p.inbox[0]![0] <= upTo) {
        const body = p.inbox.shift()![1];
        record(p, i, p.x!.receive(body));
        if (o.twice) record(p, i, p.x!.receive(body));
      }
    });
  for (const e of events) {
    k++;
    const i = owner(e.account);
    const p = parts[i]!;
    record(p, i, p.d.ingest(e));
    p.x?.afterIngest(e.account);
    p.x?.flush(e.ts);
    deliver(k - (o.lag ?? 0));
    o.each?.(k, e.ts, parts, () => k);
  }
  for (const p of parts) p.x?.flush(Infinity, true);
  deliver(Infinity);
  return parts;
}

/** Each account's last published verdict over both partitions. */
function published(parts: Part[]): Map<string, Verdict> {
  return new Map([...parts[0]!.last, ...parts[1]!.last]);
}

function single(events: TelemetryEvent[]): Map<string, Verdict> {
  const d = new Detector(cfg);
  const out = new Map<string, Verdict>();
  for (const e of events) for (const v of d.ingest(e)) out.set(v.account, v);
  return out;
}

test("issue 18: a hydra split over two partitions, each half below throttle alone, reaches the single detector's level in both with the evidence exchange", () => {
  const { events, members } = splitHydra(18);
  const one = single(events);
  for (const m of members) assert.equal(one.get(m)?.level, 'throttle', `one detector: ${m}`);
  const alone = published(run(events, { exchange: false }));
  for (const m of members)
    assert.ok(
      levelRank(alone.get(m)!.level) < levelRank('throttle'),
      `no exchange: ${m} stays at ${alone.get(m)!.level}`,
    );
  for (const lag of [0, 50, Infinity]) {
    const parts = run(events, { exchange: true, lag });
    const got = published(parts);
    for (const m of members)
      assert.equal(
        got.get(m)?.level,
        one.get(m)!.level,
        `lag ${lag}: ${m} (${got.get(m)?.score} vs ${one.get(m)!.score})`,
      );
    // Honest accounts are not raised by what the exchange brought.
    for (const [a, v] of one)
      if (!members.includes(a))
        assert.equal(got.get(a)?.level ?? 'allow', v.level, `lag ${lag}: ${a}`);
    for (const [i, p] of parts.entries()) {
      const remote = p.d
        .accountStates()
        .filter((st) => st.remote)
        .map((st) => st.id);
      for (const m of members.filter((m) => owner(m) !== i))
        assert.ok(remote.includes(m), `lag ${lag}: partition ${i} holds ${m} as a remote account`);
      assert.ok(
        remote.length <= 4,
        `lag ${lag}: partition ${i} holds few others (${remote.join(', ')})`,
      );
      // A cluster of six is five joins: never more, whatever evidence came twice.
      assert.ok(
        p.x!.stats.links >= 1 && p.x!.stats.links <= 5,
        `lag ${lag}: partition ${i} links ${p.x!.stats.links}`,
      );
      const cluster = new Set(
        members.filter((m) => owner(m) === i).map((m) => got.get(m)?.cluster),
      );
      assert.equal(cluster.size, 1, `lag ${lag}: partition ${i}'s members are one cluster`);
    }
  }
});

test('issue 18: evidence delivered twice (a restarted partition publishes again) links nothing twice and changes no verdict', () => {
  const { events } = splitHydra(7);
  const once = run(events, { exchange: true, lag: 10 });
  const twice = run(events, { exchange: true, lag: 10, twice: true });
  assert.deepEqual(published(twice), published(once));
  for (const i of [0, 1]) {
    assert.equal(twice[i]!.x!.stats.links, once[i]!.x!.stats.links);
    assert.ok(twice[i]!.x!.stats.duplicates > 0, `partition ${i} recognised the repeated touches`);
    assert.equal(once[i]!.x!.stats.duplicates, 0);
  }
});

test('issue 18: a partition restored mid-stream from its snapshot (detector with remote accounts, exchange state) ends as one that never stopped', () => {
  const { events } = splitHydra(3);
  const cut = Math.floor(events.length * 0.6);
  // A snapshot sends what is due first (PartitionService.snapshot): both runs do at the cut.
  const whole = run(events, {
    exchange: true,
    lag: 5,
    each(k, ts, parts) {
      if (k === cut) for (const p of parts) p.x!.flush(ts, true);
    },
  });
  const resumed = run(events, {
    exchange: true,
    lag: 5,
    each(k, ts, parts, clock) {
      if (k !== cut) return;
      for (const [i, p] of parts.entries()) {
        p.x!.flush(ts, true);
        p.d.listen(undefined);
        const bytes = encodeDetector(p.d, cfg);
        const state = structuredClone(p.x!.save());
        p.d = decodeDetector(bytes, cfg);
        p.x = exchangeFor(i, parts, clock);
        p.x.restore(state);
        p.x.attach(p.d);
      }
    },
  });
  assert.ok(resumed[0]!.d.remoteCount() > 0, 'the snapshot held remote accounts');
  assert.deepEqual(
    [...published(resumed)].map(([a, v]) => [a, v.level]),
    [...published(whole)].map(([a, v]) => [a, v.level]),
  );
  for (const i of [0, 1])
    assert.deepEqual(
      resumed[i]!.d.verdicts().filter((v) => owner(v.account) === i),
      whole[i]!.d.verdicts().filter((v) => owner(v.account) === i),
    );
});

test("issue 13: another partition's copy of an application carries the end users it names (what a cluster holding it is judged per person by)", () => {
  const r = g.rng(21);
  // Two tutoring apps, one in each partition.
  const ids = ['app-a', 'app-b', 'app-c', 'app-d', 'app-e', 'app-f'];
  const a = ids.find((x) => owner(x) === 0)!;
  const b = ids.find((x) => owner(x) === 1)!;
  const events = [...g.tutorApp(r, a, 400, 800), ...g.tutorApp(r, b, 400, 800)];
  const parts = run(
    events.sort((x, y) => x.ts - y.ts),
    { exchange: true },
  );
  for (const [i, p] of parts.entries()) {
    const other = i === 0 ? b : a;
    const copy = p.d.accountStates().find((st) => st.id === other && st.remote);
    assert.ok(copy, `partition ${i} holds ${other}'s copy`);
    assert.ok(
      copy.endUserCount > 200,
      `partition ${i}: ${other} names ~${copy.endUserCount} end users`,
    );
  }
});
