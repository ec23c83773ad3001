import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busTests } from '../bus.case.js';
import { MemoryBus } from './memory-bus.js';

busTests('memory', async () => {
  const bus = new MemoryBus({ capacity: 4096, batchSize: 100, flushMs: 5 });
  return { bus, cleanup: () => bus.close() };
});

test('memory: a full buffer drops and counts instead of blocking', async () => {
  const bus = new MemoryBus({ capacity: 4, batchSize: 100, flushMs: 1000 });
  const e = {
    ts: 1,
    account: 'a',
    key: 'k',
    endpoint: 'messages' as const,
    model: 'm',
    request: { messages: [] },
    status: 200,
    action: 'allow',
  };
  for (let i = 0; i < 4; i++) assert.equal(bus.publish(e), true);
  assert.equal(bus.publish(e), false);
  assert.equal(bus.dropped, 1);
  let n = 0;
  bus.subscribe((b) => void (n += b.length));
  await bus.close();
  assert.equal(n, 4, 'close delivers what was queued');
});

test('issue 14: an event without JSON is dropped and counted at publish, never queued with others', async () => {
  const bus = new MemoryBus({ capacity: 16, batchSize: 100, flushMs: 1000 });
  const e = {
    ts: 1,
    account: 'a',
    key: 'k',
    endpoint: 'messages' as const,
    model: 'm',
    request: { messages: [] as unknown[] },
    status: 200,
    action: 'allow',
  };
  const bad = { ...e, request: { messages: [] as unknown[], big: 1n } };
  assert.equal(bus.publish(bad), false);
  assert.equal(bus.publish(e), true);
  assert.equal(bus.dropped, 1);
  assert.equal(bus.pending, 1);
  await bus.close();
});
