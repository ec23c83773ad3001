import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limiterTests } from '../limiter.case.js';
import { MemoryLimiter } from './memory.js';

limiterTests('memory', () => Promise.resolve(new MemoryLimiter()));

test('memory: stale entries are swept once the map grows', () => {
  const l = new MemoryLimiter({ sweepAbove: 10 });
  const keys = [{ name: 'acct', rules: { requestsPerMinute: 60, tokensPerDay: 100 } }];
  // Each account is active once, two days apart: everything older than a day is stale.
  for (let i = 0; i < 100; i++)
    l.admitSync({ tag: `t${i}`, keys, tokens: 1, now: i * 2 * 86_400_000 });
  assert.ok(l.size <= 11, `size ${l.size}`);
});
