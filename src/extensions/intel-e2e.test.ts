import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { stixSkip, stixValidator } from '../test-support/stix-schemas.js';
import { runMoat, type CliRun } from '../test-support/cli.js';
import { defaultExtensions } from './index.js';

let double: UpstreamDouble;
let a: TestGateway;
let b: TestGateway;

before(async () => {
  double = await startUpstreamDouble();
  a = await startGateway(double.url, {}, { extensions: defaultExtensions });
  b = await startGateway(double.url, {}, { extensions: defaultExtensions });
});
after(async () => {
  await a.close();
  await b.close();
  await double.close();
});

function cli(gw: TestGateway, args: string[]): Promise<CliRun> {
  return runMoat(args, {
    MOAT_DATA_DIR: gw.dataDir,
    MOAT_ADMIN_TOKEN: ADMIN_TOKEN,
    MOAT_CONFIG: join(gw.dataDir, 'moat.yaml'),
  });
}

/** One request in the harvesting template (the sentence varies, the frame does not). */
async function harvest(gw: TestGateway, key: string, i: number): Promise<void> {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${key}`,
      'user-agent': 'harvester/1.0',
    },
    body: JSON.stringify({
      model: 'gpt-test',
      max_tokens: 50,
      messages: [
        {
          role: 'user',
          content: `Translate the following sentence into French and explain every grammar point: sentence ${i} about the ${['sea', 'sky', 'city', 'forest'][i % 4]}.`,
        },
      ],
    }),
  });
  assert.equal(res.status, 200);
  await res.arrayBuffer();
}

async function until<T>(what: string, get: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('issue 15: an incident confirmed on gateway A exports indicators that gateway B imports and matches, without a manual reload', async () => {
  // Gateway A: a harvesting account's traffic, then the detector's verdict opens an incident.
  const h = await a.newKey('acct_harvest', { tier: 'pro', paymentFingerprint: 'card_fp_hydra' });
  await a.admin('PUT', '/accounts/acct_harvest/limits', { requestsPerMinute: 10_000 });
  for (let i = 0; i < 6; i++) await harvest(a, h.key, i);
  await a.app.flushTelemetry();
  a.app.applyVerdicts([
    {
      account: 'acct_harvest',
      score: 0.97,
      level: 'block',
      reasons: [{ code: 'template_reuse', weight: 0.9, detail: '6 of 6 prompts share a template' }],
      cluster: null,
      updatedAt: Date.now(),
    },
  ]);
  type Incident = { id: string; accounts: string[]; indicators: Record<string, string[]> };
  const incident = await until('the incident', async () =>
    ((await a.admin('GET', '/incidents')).json.incidents as Incident[]).find((x) =>
      x.accounts.includes('acct_harvest'),
    ),
  );
  assert.deepEqual(incident.indicators['ipPrefixes'], ['127.0.0.0/24']);
  assert.equal(incident.indicators['fingerprints']?.length, 1);
  assert.deepEqual(incident.indicators['templates'], [
    'tpl1:translate the following sentence into french and explain',
  ]);
  assert.deepEqual(incident.indicators['paymentFingerprints'], ['card_fp_hydra']);
  const resolved = await a.admin('POST', `/incidents/${incident.id}/resolve`, {
    resolution: 'confirmed',
    note: 'hydra campaign',
  });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.json));

  // moat intel export on A: hashed indicators as STIX patterns, valid against the schemas.
  const file = join(a.dataDir, 'bundle.json');
  const exp = await cli(a, ['intel', 'export', '--out', file]);
  assert.equal(exp.code, 0, exp.stderr);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as {
    objects: Array<{ type: string; pattern?: string }>;
  };
  const patterns = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern!);
  assert.ok(patterns.length >= 1);
  assert.ok(patterns.includes("[ipv4-addr:value ISSUBSET '127.0.0.0/24']"), patterns.join('\n'));
  for (const kind of [
    'x-moat-client-fingerprint',
    'x-moat-prompt-template',
    'x-moat-payment-fingerprint',
  ])
    assert.ok(
      patterns.some((p) => p.startsWith(`[${kind}:sha256 = '`)),
      kind,
    );
  assert.ok(
    !JSON.stringify(bundle).includes('translate the following'),
    'templates leave only hashed',
  );
  if (!stixSkip) assert.deepEqual(stixValidator()(bundle), []);

  // moat intel import on B: the running gateway matches at once (no POST /intel/reload by hand).
  const imp = await cli(b, ['intel', 'import', file, '--url', b.url, '--json']);
  assert.equal(imp.code, 0, imp.stderr);
  const summary = JSON.parse(imp.stdout) as { stored: number; gateway: { reloaded: boolean } };
  assert.equal(summary.stored, patterns.length);
  assert.equal(summary.gateway.reloaded, true);
  const p = await b.newKey('acct_peer_side', { tier: 'pro' });
  await harvest(b, p.key, 99);
  await b.app.flushTelemetry();
  type Reason = { code: string; detail: string };
  const reasons = await until('the shared_indicator flag on B', async () => {
    const v = (await b.admin('GET', '/accounts/acct_peer_side')).json.verdict as {
      reasons: Reason[];
    };
    return v.reasons.some((r) => r.code === 'shared_indicator') ? v.reasons : undefined;
  });
  const details = reasons
    .filter((r) => r.code === 'shared_indicator')
    .map((r) => r.detail)
    .join('\n');
  assert.match(details, /prompt template matches/);
  assert.match(details, /client fingerprint matches/);
  assert.match(details, /IP 127\.0\.0\.1 \(in 127\.0\.0\.0\/24\) matches/);
});
