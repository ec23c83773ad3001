import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventBus } from './bus.js';
import type { TelemetryEvent } from './event.js';

function ev(i: number): TelemetryEvent {
  return {
    ts: 1000 + i,
    account: `a${i % 3}`,
    key: 'k',
    endpoint: 'messages',
    model: 'm',
    request: { messages: [{ role: 'user', content: `q${i}` }] },
    status: 200,
    action: 'allow',
  };
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(cond(), what);
}

/** Conformance suite every EventBus passes (in-process ring buffer, NATS JetStream). */
export function busTests(
  name: string,
  factory: () => Promise<{ bus: EventBus; cleanup: () => Promise<void> }>,
): void {
  test(`${name}: every group sees every event, in publish order`, async () => {
    const { bus, cleanup } = await factory();
    try {
      const a: number[] = [];
      const b: number[] = [];
      bus.subscribe((batch) => void a.push(...batch.map((e) => e.ts)), { group: 'writer' });
      bus.subscribe((batch) => void b.push(...batch.map((e) => e.ts)), { group: 'detector' });
      for (let i = 0; i < 1200; i++) assert.equal(bus.publish(ev(i)), true);
      await until(
        () => a.length === 1200 && b.length === 1200,
        `delivered ${a.length}/${b.length}`,
      );
      assert.deepEqual(
        a,
        Array.from({ length: 1200 }, (_, i) => 1000 + i),
      );
      assert.deepEqual(b, a);
    } finally {
      await cleanup();
    }
  });

  test(`${name}: a single event arrives intact`, async () => {
    const { bus, cleanup } = await factory();
    try {
      const got: TelemetryEvent[] = [];
      bus.subscribe((batch) => void got.push(...batch), { group: 'g' });
      bus.publish(ev(1));
      await until(() => got.length === 1, 'delivered');
      assert.deepEqual(got[0]?.request, ev(1).request);
    } finally {
      await cleanup();
    }
  });
}
