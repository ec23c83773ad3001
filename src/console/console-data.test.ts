import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeClusters, templateFrame } from './clusters.js';
import { TrafficRecorder, VerdictHistory } from './traffic.js';
import type { TelemetryEvent, Verdict } from '../telemetry/event.js';

const ev = (ts: number, account: string, action = 'allow', out = 10): TelemetryEvent => ({
  ts,
  account,
  key: 'k',
  endpoint: 'chat.completions',
  model: 'm',
  request: { messages: [] },
  response: { text: '', inputTokens: 1, outputTokens: out, finishReason: 'stop', latencyMs: 1 },
  status: 200,
  action,
});
const v = (
  account: string,
  score: number,
  level: Verdict['level'],
  cluster: string | null,
  codes: string[] = [],
): Verdict => ({
  account,
  score,
  level,
  cluster,
  reasons: codes.map((code) => ({ code, weight: 0.1, detail: code })),
  updatedAt: 1000,
});

describe('issue 17: console data', () => {
  it('traffic: per-minute buckets with actions, zero-filled gaps, per-account totals', () => {
    const t = new TrafficRecorder();
    const m = 60_000;
    t.add([ev(10 * m + 5, 'a'), ev(10 * m + 50_000, 'b', 'throttle', 20), ev(12 * m, 'a')]);
    const s = t.series(10 * m, 12 * m + 1);
    assert.deepEqual(
      s.map((b) => [b.t, b.requests, b.outputTokens, b.actions]),
      [
        [10 * m, 2, 30, { allow: 1, throttle: 1 }],
        [11 * m, 0, 0, {}],
        [12 * m, 1, 10, { allow: 1 }],
      ],
    );
    assert.deepEqual(t.volume('a'), { requests: 2, tokens: 22, last: 12 * m });
    assert.deepEqual(t.volume('nobody'), { requests: 0, tokens: 0, last: null });
  });

  it('traffic: minutes older than the window are dropped', () => {
    const t = new TrafficRecorder(5);
    t.add([ev(0, 'a')]);
    t.add([ev(10 * 60_000, 'a')]);
    assert.equal(t.series(0, 10 * 60_000)[0]!.requests, 0);
  });

  it('verdict history keeps changes only, bounded per account', () => {
    const h = new VerdictHistory(3, 10, 0.01);
    h.add([v('a', 0.1, 'allow', null), v('a', 0.105, 'allow', null), v('a', 0.2, 'monitor', null)]);
    assert.deepEqual(
      h.of('a').map((p) => [p.score, p.level]),
      [
        [0.1, 'allow'],
        [0.2, 'monitor'],
      ],
    );
    h.add([v('a', 0.5, 'throttle', null), v('a', 0.9, 'block', null)]);
    assert.deepEqual(
      h.of('a').map((p) => p.level),
      ['monitor', 'throttle', 'block'],
    );
  });

  it('clusters: members grouped, riskiest first, reason codes counted per member', () => {
    const list = summarizeClusters([
      v('a', 0.4, 'monitor', 'c1', ['x']),
      v('b', 0.9, 'degrade', 'c2', ['x', 'y']),
      v('c', 0.2, 'allow', 'c2', ['y']),
      v('d', 0.99, 'block', null),
    ]);
    assert.deepEqual(
      list.map((c) => [c.id, c.level, c.maxScore, c.accounts.map((a) => a.id)]),
      [
        ['c2', 'degrade', 0.9, ['b', 'c']],
        ['c1', 'monitor', 0.4, ['a']],
      ],
    );
    assert.deepEqual(
      list[0]!.reasons.map((r) => [r.code, r.members]),
      [
        ['y', 2],
        ['x', 1],
      ],
    );
  });

  it('template frames: two fillings of one template share a frame, a short prompt has none', () => {
    assert.equal(
      templateFrame('Solve step 12 by step: what is 4+5?'),
      templateFrame('Solve step 7 by step: what is 9+1?'),
    );
    assert.equal(templateFrame('hi there'), '');
  });
});
