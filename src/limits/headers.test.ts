import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, rateLimitHeaders } from './headers.js';
import { MemoryLimiter } from './memory/memory.js';

test('formatDuration writes OpenAI-style durations', () => {
  assert.equal(formatDuration(0), '0ms');
  assert.equal(formatDuration(20), '20ms');
  assert.equal(formatDuration(1500), '1.5s');
  assert.equal(formatDuration(59_999), '59.999s');
  assert.equal(formatDuration(360_000), '6m0s');
  assert.equal(formatDuration(3_723_000), '1h2m3s');
});

test('rateLimitHeaders reports both dimensions and Retry-After on denial', () => {
  const l = new MemoryLimiter();
  const keys = [{ name: 'acct', rules: { requestsPerMinute: 1, tokensPerMinute: 1000 } }];
  const ok = l.admitSync({ tag: 'h', keys, tokens: 250, now: 0 });
  assert.deepEqual(rateLimitHeaders(ok), {
    'x-ratelimit-limit-requests': '1',
    'x-ratelimit-remaining-requests': '0',
    'x-ratelimit-reset-requests': '1m0s',
    'x-ratelimit-limit-tokens': '1000',
    'x-ratelimit-remaining-tokens': '750',
    'x-ratelimit-reset-tokens': '15s',
  });
  const denied = rateLimitHeaders(l.admitSync({ tag: 'h', keys, tokens: 0, now: 500 }));
  assert.equal(denied['retry-after'], '60');
  assert.equal(denied['retry-after-ms'], '59500');
});

test('rateLimitHeaders falls back to the daily quota for token headers', () => {
  const l = new MemoryLimiter();
  const d = l.admitSync({
    tag: 'h2',
    keys: [{ name: 'acct', rules: { tokensPerDay: 100 } }],
    tokens: 10,
    now: 0,
  });
  const h = rateLimitHeaders(d);
  assert.equal(h['x-ratelimit-remaining-tokens'], '90');
  assert.equal(h['x-ratelimit-reset-tokens'], '24h0m0s');
  assert.equal(h['x-ratelimit-limit-requests'], undefined);
});
