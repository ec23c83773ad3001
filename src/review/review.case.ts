import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReviewStore } from './incident.js';
import { ReviewQueue } from './queue.js';
import type { Verdict } from '../telemetry/event.js';
import type { WebhookMessage } from './webhook.js';

const DAY = 86_400_000;

function verdict(
  account: string,
  level: Verdict['level'],
  cluster: string | null = null,
  codes = ['template_reuse'],
): Verdict {
  return {
    account,
    score: 0.9,
    level,
    reasons: codes.map((code) => ({ code, weight: 0.5, detail: code })),
    cluster,
    updatedAt: 1,
  };
}

/**
 * The conformance suite every ReviewStore backend passes, exercised through the
 * ReviewQueue. `factory` returns a fresh, migrated, empty store.
 */
export function reviewStoreTests(
  name: string,
  factory: () => Promise<{ store: ReviewStore; cleanup: () => Promise<void> }>,
): void {
  const withQueue = (
    title: string,
    fn: (
      q: ReviewQueue,
      ctx: { store: ReviewStore; sent: WebhookMessage[]; clock: { t: number } },
    ) => Promise<void>,
  ) =>
    test(`${name}: ${title}`, async () => {
      const { store, cleanup } = await factory();
      const sent: WebhookMessage[] = [];
      const clock = { t: 1_000_000 };
      const q = new ReviewQueue({
        store,
        config: { openAtLevel: 'challenge', groupByCluster: true, exemptionDays: 30 },
        notify: (m) => sent.push(m),
        now: () => clock.t,
      });
      try {
        await fn(q, { store, sent, clock });
      } finally {
        await cleanup();
      }
    });

  withQueue(
    'verdicts below the level open nothing; above it open one incident per subject',
    async (q, { sent }) => {
      assert.equal(await q.onVerdict(verdict('a1', 'degrade')), undefined);
      const i1 = await q.onVerdict(verdict('a1', 'challenge'), { ipPrefixes: ['203.0.113.0/24'] });
      const i2 = await q.onVerdict(verdict('a1', 'block', null, ['logit_probe']), {
        ipPrefixes: ['198.51.100.0/24'],
      });
      assert.ok(i1 && i2);
      assert.equal(i1.id, i2.id);
      assert.equal(i2.level, 'block');
      assert.deepEqual(i2.reasons.map((r) => r.code).sort(), ['logit_probe', 'template_reuse']);
      assert.deepEqual(i2.indicators.ipPrefixes, ['203.0.113.0/24', '198.51.100.0/24']);
      assert.equal(sent.length, 1, 'one webhook message per new incident');
      assert.match(sent[0]!.text, /account a1 reached level challenge/);
    },
  );

  withQueue('accounts of one cluster share an incident, even when verdicts race', async (q) => {
    await Promise.all(
      ['a1', 'a2', 'a3', 'a2'].map((a) => q.onVerdict(verdict(a, 'challenge', 'cl_7'))),
    );
    const all = await q.list();
    assert.equal(all.length, 1);
    assert.deepEqual(all[0]!.accounts.sort(), ['a1', 'a2', 'a3']);
    assert.deepEqual(
      (await q.list({ account: 'a3' })).map((i) => i.id),
      [all[0]!.id],
    );
  });

  withQueue('acknowledge, escalate, resolve; illegal transitions are refused', async (q) => {
    const inc = (await q.onVerdict(verdict('a1', 'block')))!;
    assert.equal((await q.acknowledge(inc.id, 'ana', 'looking')).ok, true);
    assert.deepEqual(await q.acknowledge(inc.id, 'ana'), {
      ok: false,
      error: {
        code: 'conflict',
        message: `incident ${inc.id} is acknowledged; cannot acknowledge`,
      },
    });
    assert.equal((await q.escalate(inc.id, 'ana', 'legal')).ok, true);
    const r = await q.resolve(inc.id, 'bob', 'confirmed', 'campaign');
    assert.ok(r.ok);
    assert.equal(r.value.status, 'resolved');
    assert.deepEqual(
      r.value.history.map((h) => h.action),
      ['open', 'acknowledge', 'escalate', 'resolve'],
    );
    assert.equal((await q.resolve(inc.id, 'bob', 'false_positive')).ok, false);
    assert.equal(await q.get('nope'), undefined);
    assert.equal((await q.escalate('nope', 'x')).ok, false);
    assert.deepEqual(
      (await q.confirmed()).map((i) => i.id),
      [inc.id],
    );
    const again = await q.onVerdict(verdict('a1', 'block'));
    assert.notEqual(again!.id, inc.id, 'a resolved incident is not reopened; a new one starts');
  });

  withQueue(
    'a false positive adds expiring exemptions and a ground-truth label',
    async (q, { store, clock }) => {
      const inc = (await q.onVerdict(
        verdict('a1', 'challenge', 'cl_1', ['template_reuse', 'burst']),
      ))!;
      await q.onVerdict(verdict('a2', 'challenge', 'cl_1', ['template_reuse']));
      await q.resolve(inc.id, 'ana', 'false_positive', 'eval partner', {
        reasonCodes: ['template_reuse'],
        days: 7,
      });
      assert.deepEqual(q.exemptions('a2'), ['template_reuse']);
      assert.deepEqual(q.exemptions('a1', clock.t + 8 * DAY), []);
      const fresh = new ReviewQueue({
        store,
        config: { openAtLevel: 'challenge', groupByCluster: true, exemptionDays: 30 },
        now: () => clock.t,
      });
      await fresh.refresh();
      assert.deepEqual(fresh.exemptions('a1'), ['template_reuse'], 'exemptions persist');
      assert.equal(
        await q.onVerdict(verdict('a1', 'block', null, ['template_reuse'])),
        undefined,
        'exempted reasons open nothing',
      );
      assert.ok(await q.onVerdict(verdict('a1', 'block', null, ['template_reuse', 'logit_probe'])));
      const labels = await q.labels();
      assert.deepEqual(labels.map((l) => [l.account, l.label, l.by]).sort(), [
        ['a1', 'false_positive', 'ana'],
        ['a2', 'false_positive', 'ana'],
      ]);
    },
  );
}
