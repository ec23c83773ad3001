import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventHead, normalizeTimeline, replay, type TimelineEntry } from './replay.js';

const ev = (ts: number, account: string): string =>
  JSON.stringify({ ts, account, request: { messages: [] } });

test('a verdict applies to requests after its updatedAt; reachedAfter counts requests served', async () => {
  const lines = [ev(1, 'a'), ev(2, 'b'), ev(3, 'a'), ev(4, 'a'), ev(5, 'b'), ev(6, 'a')];
  const timeline: TimelineEntry[] = normalizeTimeline([
    { account: 'a', level: 'throttle', updatedAt: 3 }, // produced by a's 2nd request
    { account: 'a', level: 'throttle', updatedAt: 4 }, // no change: dropped
    { account: 'b', level: 'monitor', updatedAt: 2 },
  ]);
  assert.equal(timeline.length, 2);
  const { accounts } = await replay(lines, timeline);
  const a = accounts.get('a')!;
  assert.equal(a.requests, 4);
  assert.equal(a.reachedAfter[1], 2); // monitor+ reached after 2 requests
  assert.equal(a.reachedAfter[2], 2); // throttle+
  assert.equal(a.reachedAfter[3], null);
  assert.deepEqual(a.servedAt, [2, 0, 2, 0, 0, 0]);
  const b = accounts.get('b')!;
  assert.deepEqual(b.servedAt, [1, 1, 0, 0, 0, 0]);
  assert.equal(b.reachedAfter[1], 1);
});

test('eventHead: fast path and JSON fallback', () => {
  assert.deepEqual(eventHead('{"ts":12,"account":"acct_1","x":1}'), { ts: 12, account: 'acct_1' });
  assert.deepEqual(eventHead('{"account":"z","ts":5}'), { ts: 5, account: 'z' });
  assert.equal(eventHead('not json'), undefined);
});
