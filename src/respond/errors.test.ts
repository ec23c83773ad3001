import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorBody } from '../errors/registry.js';
import { MemoryLimiter } from '../limits/memory/memory.js';
import { Challenger, CHALLENGE_HEADER } from './challenge.js';
import { blockedError, challengeError, limitError } from './errors.js';

test('errors: a denied decision becomes a 429 with Retry-After in both API shapes', () => {
  const l = new MemoryLimiter();
  const keys = [{ name: 'acct', rules: { requestsPerMinute: 1, tokensPerDay: 100 } }];
  l.admitSync({ tag: 'e', keys, tokens: 0, now: 0 });
  const err = limitError(l.admitSync({ tag: 'e', keys, tokens: 0, now: 0 }));
  assert.equal(err.status, 429);
  assert.equal(err.code, 'MOAT_RATE_LIMITED');
  assert.equal(err.headers['retry-after'], '60');
  assert.match(err.message, /requests per minute \(limit 1\)/);
  const oa = errorBody('openai', err) as { error: { type: string } };
  assert.equal(oa.error.type, 'rate_limit_error');
  const quota = limitError(l.admitSync({ tag: 'e2', keys, tokens: 101, now: 0 }));
  assert.equal(quota.code, 'MOAT_QUOTA_EXCEEDED');
  assert.match(quota.message, /larger than the limit/);
  const closed = limitError({
    ...l.admitSync({ tag: 'e3', keys, tokens: 0, now: 0 }),
    allowed: false,
    failMode: 'closed',
  });
  assert.equal(closed.status, 503);
});

test('errors: challenge and block errors carry their header, body and reference (issue 15: the live errors)', () => {
  const pow = new Challenger({ secret: 'errors-test-secret-errors-test-secret' });
  const c = challengeError(pow, 'acct_1', 0.3, { failure: 'replayed', request: 'r1' });
  assert.equal(c.status, 429);
  assert.ok(c.headers[CHALLENGE_HEADER]);
  assert.equal(c.headers['retry-after'], '0');
  assert.match(c.message, /refused \(replayed\): That solution was already used/);
  const body = errorBody('anthropic', c) as { error: { challenge: { maxnumber: number } } };
  assert.equal(typeof body.error.challenge.maxnumber, 'number');
  const b = blockedError('acct_1', Date.UTC(2026, 5, 15));
  assert.equal(b.status, 403);
  assert.match(b.message, /MOAT-20260615-[0-9A-F]{8}/);
  assert.match(String(b.extra?.['reference']), /^MOAT-20260615-[0-9A-F]{8}$/);
});
