import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { main, makeContext } from '../cli/main.js';

let gw: TestGateway;

before(async () => {
  gw = await startGateway(undefined, {}, { extensions: defaultExtensions });
});
after(async () => {
  await gw.close();
});

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const sink = (f: (s: string) => void) =>
    new Writable({
      write(c, _e, cb) {
        f(String(c));
        cb();
      },
    });
  const code = await main(
    args,
    makeContext(
      { MOAT_DATA_DIR: gw.dataDir },
      sink((s) => (out += s)),
      sink((s) => (err += s)),
    ),
  );
  return { code, out, err };
}

test('issue 7: admin actions and level changes land in the audit log, which verifies', async () => {
  const k = await gw.newKey('acct_gov', { tier: 'pro' });
  await gw.admin('PUT', '/accounts/acct_gov/level', {
    level: 'throttle',
    reason: 'analyst suspicion',
  });
  await gw.admin('DELETE', '/accounts/acct_gov/level');
  await gw.admin('DELETE', `/keys/${k.keyId}`);
  gw.app.applyVerdicts([
    {
      account: 'acct_gov',
      score: 0.7,
      level: 'degrade',
      reasons: [
        { code: 'template_reuse', weight: 0.5, detail: '90% of 100 prompts share 2 templates' },
      ],
      cluster: null,
      updatedAt: Date.now(),
    },
  ]);
  await new Promise((r) => setTimeout(r, 100));
  const log = await gw.admin('GET', '/audit?limit=1000');
  assert.equal(log.status, 200, JSON.stringify(log.json));
  const entries = (log.json.entries ?? log.json.data ?? log.json) as any[];
  const actions = entries.filter((e) => e.subject === 'acct_gov').map((e) => e.action);
  for (const a of [
    'account.created',
    'key.created',
    'level.pinned',
    'level.unpinned',
    'key.revoked',
    'level.change',
  ]) {
    assert.ok(actions.includes(a), `${a} in ${actions.join(',')}`);
  }
  const change = entries.find((e) => e.subject === 'acct_gov' && e.action === 'level.change');
  assert.deepEqual([change.data.from, change.data.to], ['allow', 'degrade']);
  assert.ok(!JSON.stringify(entries).includes(k.key), 'no secret in the audit log');
  const verify = await cli(['audit', 'verify']);
  assert.equal(verify.code, 0, verify.err);
});

test('issue 7: a verdict at challenge opens an incident; a false-positive resolution exempts its reasons', async () => {
  await gw.newKey('acct_fp', { tier: 'pro' });
  gw.app.applyVerdicts([
    {
      account: 'acct_fp',
      score: 0.9,
      level: 'challenge',
      reasons: [
        { code: 'coverage_sweep', weight: 0.6, detail: 'one template filled with ~500 items' },
      ],
      cluster: null,
      updatedAt: Date.now(),
    },
  ]);
  let incident: any;
  for (let i = 0; i < 50 && !incident; i++) {
    incident = (await gw.admin('GET', '/incidents?account=acct_fp')).json.incidents?.[0];
    if (!incident) await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(incident, 'incident opened');
  assert.equal(
    (await gw.admin('POST', `/incidents/${incident.id}/ack`, { note: 'looking' })).status,
    200,
  );
  const res = await gw.admin('POST', `/incidents/${incident.id}/resolve`, {
    resolution: 'false_positive',
    note: 'evaluation partner',
    exempt: { days: 30 },
  });
  assert.equal(res.status, 200, JSON.stringify(res.json));
  let level = '';
  for (let i = 0; i < 50 && level !== 'allow'; i++) {
    level = (await gw.admin('GET', '/accounts/acct_fp')).json.level;
    if (level !== 'allow') await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(level, 'allow', 'the exempted reason no longer counts');
  const labels = (await gw.admin('GET', '/incidents/labels')).json.labels;
  assert.ok(
    labels.some((l: any) => JSON.stringify(l).includes('acct_fp')),
    'ground truth recorded',
  );
});

test('issue 7: a signed usage report per account, in JSON and CSV', async () => {
  const k = await gw.newKey('acct_use', { tier: 'pro' });
  for (let i = 0; i < 3; i++) {
    const r = await fetch(gw.url + '/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${k.key}` },
      body: JSON.stringify({
        model: 'moat-demo',
        max_tokens: 20,
        messages: [{ role: 'user', content: `q${i}` }],
      }),
    });
    await r.arrayBuffer();
  }
  await gw.app.flushTelemetry();
  const headers = { authorization: 'Bearer test-admin-token-0123456789' };
  const json = await fetch(gw.url + '/admin/v1/accounts/acct_use/usage', { headers });
  assert.equal(json.status, 200);
  assert.match(json.headers.get('moat-signature') ?? '', /ed25519/);
  const body = (await json.json()) as any;
  assert.ok(JSON.stringify(body).includes('moat-demo'));
  const csv = await fetch(gw.url + '/admin/v1/accounts/acct_use/usage?format=csv', { headers });
  assert.match(csv.headers.get('content-type') ?? '', /csv/);
  const bad = await fetch(gw.url + '/admin/v1/accounts/acct_use/usage?from=yesterday', { headers });
  assert.equal(bad.status, 400);
});
