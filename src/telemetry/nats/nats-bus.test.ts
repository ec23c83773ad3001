import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { TelemetryEvent } from '../event.js';
import { busTests } from '../bus.case.js';
import { NatsBus } from './nats-bus.js';

const url = process.env['MOAT_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222';

busTests('nats', async () => {
  const bus = await NatsBus.connect({
    url,
    stream: `T_${randomBytes(5).toString('hex')}`,
    batchSize: 200,
    flushMs: 50,
    maxPending: 10_000,
  });
  return {
    bus,
    cleanup: async () => {
      await bus.destroy();
      await bus.close();
    },
  };
});

test('issue 14: an event that cannot be serialised is dropped without leaking a pending slot, and flush stays bounded', async () => {
  const bus = await NatsBus.connect({
    url,
    stream: `T_${randomBytes(5).toString('hex')}`,
    batchSize: 50,
    flushMs: 50,
    maxPending: 4,
  });
  try {
    const bad: TelemetryEvent = {
      ts: 1,
      account: 'a',
      key: 'k',
      endpoint: 'messages',
      model: 'm',
      request: { messages: [] },
      status: 200,
      action: 'allow',
    };
    bad.request['self'] = bad;
    for (let i = 0; i < 10; i++) assert.equal(bus.publish(bad), false);
    assert.equal(bus.inFlight, 0, 'no slot leaked');
    assert.equal(bus.dropped, 10);
    const good = { ...bad, request: { messages: [{ role: 'user', content: 'hi' }] } };
    assert.equal(
      bus.publish(good),
      true,
      'after more bad events than maxPending, good ones still go',
    );
    assert.equal(await bus.flush(2_000), true, 'flushed within its bound, nothing left pending');
  } finally {
    await bus.destroy();
    await bus.close(2_000);
  }
});
