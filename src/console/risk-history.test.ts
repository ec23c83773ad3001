import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from '../extensions/index.js';
import type { Level, Verdict } from '../telemetry/event.js';
import { riskSampleOf } from './risk-history.js';
import { VerdictHistory } from './traffic.js';

const verdict = (account: string, score: number, level: Level, updatedAt: number): Verdict => ({
  account,
  score,
  level,
  cluster: null,
  reasons: [
    { code: 'reasoning_elicitation', weight: score, detail: 'asks for step-by-step reasoning' },
  ],
  updatedAt,
});

async function until<T>(
  what: string,
  f: () => Promise<T | undefined | false>,
  tries = 100,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    await sleep(100);
  }
  throw new Error(`gave up waiting: ${what}`);
}

describe('issue 17: risk timelines survive a restart', () => {
  it('seed merges older points by time with live ones, dropping repeats', () => {
    const h = new VerdictHistory(4, 10, 0.01);
    h.add([verdict('a', 0.7, 'degrade', 500)]);
    h.seed([
      { account: 'a', ts: 300, score: 0.55, level: 'throttle' },
      { account: 'a', ts: 100, score: 0.4, level: 'monitor' },
      { account: 'a', ts: 200, score: 0.403, level: 'monitor' },
      { account: 'a', ts: 400, score: 0.7, level: 'degrade' },
    ]);
    assert.deepEqual(
      h.of('a').map((p) => [p.ts, p.level]),
      [
        [100, 'monitor'],
        [300, 'throttle'],
        [400, 'degrade'],
      ],
      'in time order; the live point repeating the audited one is dropped',
    );
    h.seed(
      Array.from({ length: 6 }, (_, i) => ({
        account: 'a',
        ts: 1000 + i,
        score: i / 10,
        level: 'allow' as const,
      })),
    );
    assert.equal(h.of('a').length, 4, 'bounded per account, newest kept');
    assert.equal(h.of('a').at(-1)!.ts, 1005);
  });

  it('reads the score and level of detector level changes only', () => {
    const base = { seq: 1, ts: 5, actor: 'detector', subject: 'acct_x', prevHash: '', hash: '' };
    assert.deepEqual(
      riskSampleOf({
        ...base,
        action: 'level.change',
        data: { from: 'allow', to: 'throttle', score: 0.52 },
      }),
      { account: 'acct_x', ts: 5, score: 0.52, level: 'throttle' },
    );
    assert.equal(
      riskSampleOf({ ...base, action: 'level.pinned', data: { level: 'block' } }),
      undefined,
    );
    assert.equal(
      riskSampleOf({ ...base, action: 'level.change', data: { to: 'nonsense', score: 2 } }),
      undefined,
    );
  });

  it("after a restart the account's timeline still shows its level changes, from the audit log (issue 17)", async () => {
    const first = await startGateway(undefined, {}, { extensions: defaultExtensions });
    let second: TestGateway | undefined;
    try {
      await first.admin('POST', '/accounts', { id: 'acct_risky', tier: 'pro' });
      const t0 = Date.now();
      for (const [score, level, dt] of [
        [0.4, 'monitor', 0],
        [0.55, 'throttle', 1000],
        [0.7, 'degrade', 2000],
      ] as const) {
        first.app.applyVerdicts([verdict('acct_risky', score, level, t0 + dt)]);
        await sleep(20);
      }
      const levels = async (gw: TestGateway) =>
        (
          (await gw.admin('GET', '/accounts/acct_risky/timeline')).json.risk as Array<{
            level: string;
            score: number;
          }>
        ).map((p) => `${p.level}@${p.score}`);
      assert.deepEqual(await levels(first), ['monitor@0.4', 'throttle@0.55', 'degrade@0.7']);
      await until(
        'the level changes audited',
        async () =>
          (
            (await first.admin('GET', '/audit')).json.entries as Array<{
              action: string;
              subject: string;
            }>
          ).filter((e) => e.action === 'level.change' && e.subject === 'acct_risky').length === 3,
      );
      await first.app.close();

      second = await startGateway(
        undefined,
        {},
        { extensions: defaultExtensions },
        { dataDir: first.dataDir },
      );
      const gw = second;
      const after = await until('the timeline rebuilt', async () => {
        const l = await levels(gw);
        return l.length >= 3 ? l : undefined;
      });
      assert.deepEqual(
        after,
        ['monitor@0.4', 'throttle@0.55', 'degrade@0.7'],
        'the same points, not only the verdict in force',
      );
    } finally {
      await (second ?? first).close();
    }
  });
});
