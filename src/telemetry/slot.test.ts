import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { partitionOf } from '../engine/route.js';
import { SLOTS, accountSlot, partitionFilter, slotSubject, validPartitionCount } from './slot.js';

/** NATS subject matching: `*` one token, `>` the rest (https://docs.nats.io/nats-concepts/subjects). */
function matches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

test('issue 18: a live partition of N owns the accounts `moat analyze --workers N` gives it (ASCII and non-ASCII ids)', () => {
  fc.assert(
    fc.property(
      fc.string({ unit: 'grapheme', maxLength: 24 }),
      fc.constantFrom(1, 2, 4, 8, 16, 32, 64),
      (id, n) => {
        assert.equal(accountSlot(id) % n, partitionOf(id, n));
      },
    ),
    { numRuns: 2000 },
  );
});

test('issue 18: exactly one partition filter matches each slot subject, and it is the slot modulo the count', () => {
  for (const n of [1, 2, 4, 8, 64]) {
    for (let slot = 0; slot < SLOTS; slot++) {
      for (const kind of ['events', 'accounts', 'links']) {
        const owners = Array.from({ length: n }, (_, p) => p).filter((p) =>
          matches(partitionFilter('S', p, n), slotSubject('S', kind, slot)),
        );
        assert.deepEqual(owners, [slot % n], `slot ${slot} of ${n}`);
      }
    }
  }
  assert.equal(validPartitionCount(3), false);
  assert.equal(validPartitionCount(128), false);
  assert.throws(() => partitionFilter('S', 2, 2), /power of two/);
});
