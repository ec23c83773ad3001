import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { runMoat, type CliRun } from '../test-support/cli.js';
import type { Verdict } from '../telemetry/event.js';
import { defaultExtensions } from './index.js';

let double: UpstreamDouble;
let gw: TestGateway;
let dir: string;
let policyFile: string;

/** The policy file of these tests; `freeRpm`, the enterprise cap and the free initial level vary. */
function policy(o: { freeRpm: number; enterpriseCap: string; freeInitial?: string }): string {
  return `version: 1
defaultTier: free
tiers:
  free:
    limits: { requestsPerMinute: ${o.freeRpm}, tokensPerMinute: 400000 }
    ladder: { initialLevel: ${o.freeInitial ?? 'allow'}, maxAutomaticLevel: block, reviewAt: challenge }
  starter:
    limits: { requestsPerMinute: 40 }
    ladder: { initialLevel: throttle }
  enterprise:
    limits: { requestsPerMinute: 400, tokensPerMinute: 4000000 }
    ladder: { maxAutomaticLevel: ${o.enterpriseCap}, reviewAt: degrade }
    sla: { p99LatencyMs: 10000, availabilityPercent: 99.9 }
`;
}

before(async () => {
  double = await startUpstreamDouble();
  dir = mkdtempSync(join(tmpdir(), 'moat-tiers-'));
  policyFile = join(dir, 'policy.yaml');
  writeFileSync(policyFile, policy({ freeRpm: 3, enterpriseCap: 'throttle' }));
  gw = await startGateway(
    double.url,
    {
      audit: { policy: { file: policyFile } },
      respond: { challenge: { minDifficulty: 1000, maxDifficulty: 5000 } },
    },
    { extensions: defaultExtensions },
  );
});
after(async () => {
  await gw.close();
  await double.close();
  rmSync(dir, { recursive: true, force: true });
});

async function chat(
  key: string,
): Promise<{ status: number; code: string | undefined; limit: string | null }> {
  const res = await fetch(gw.url + '/v1/chat/completions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({
      model: 'gpt-test',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'hello' }],
    }),
  });
  const json = (await res.json()) as { error?: { code?: string } };
  return {
    status: res.status,
    code: json.error?.code,
    limit: res.headers.get('x-ratelimit-limit-requests'),
  };
}

function cli(args: string[]): Promise<CliRun> {
  return runMoat(args, {
    MOAT_DATA_DIR: gw.dataDir,
    MOAT_ADMIN_TOKEN: ADMIN_TOKEN,
    MOAT_CONFIG: join(gw.dataDir, 'moat.yaml'),
  });
}

/** What the detector would send: an automatic verdict at `level`. */
function detectorSays(account: string, level: Verdict['level']): void {
  gw.app.applyVerdicts([
    {
      account,
      score: 0.95,
      level,
      reasons: [{ code: 'template_reuse', weight: 0.9, detail: 'test' }],
      cluster: null,
      updatedAt: Date.now(),
    },
  ]);
}

test('issue 15: a policy tier’s requests-per-minute limit is enforced, and changes on moat policy reload', async () => {
  const a = await gw.newKey('acct_free_a', { tier: 'free' });
  const first = await chat(a.key);
  assert.equal(first.status, 200);
  assert.equal(first.limit, '3', 'the policy file says 3, not the built-in free tier’s 20');
  await chat(a.key);
  await chat(a.key);
  const refused = await chat(a.key);
  assert.equal(refused.status, 429);
  assert.equal(refused.code, 'MOAT_RATE_LIMITED');

  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'throttle' }));
  const r = await cli(['policy', 'reload', '--url', gw.url]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /reloaded: 3 tier\(s\)/);
  const b = await gw.newKey('acct_free_b', { tier: 'free' });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const c = await chat(b.key);
    statuses.push(c.status);
    if (i === 0) assert.equal(c.limit, '5', 'the reloaded limit');
  }
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);

  // A bad file is refused with its problem named; the policy in force stays.
  writeFileSync(policyFile, policy({ freeRpm: 0, enterpriseCap: 'throttle' }));
  const bad = await cli(['policy', 'reload', '--url', gw.url]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /tiers\.free\.limits\.requestsPerMinute/);
  assert.equal((await chat((await gw.newKey('acct_free_c', { tier: 'free' })).key)).limit, '5');
  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'throttle' }));
  assert.equal((await gw.admin('POST', '/policy/reload')).status, 200);
});

test('issue 15: an enterprise account capped at throttle by maxAutomaticLevel is never challenged; the cap changes on reload', async () => {
  const ent = await gw.newKey('acct_ent', { tier: 'enterprise' });
  const free = await gw.newKey('acct_free_pow', { tier: 'free' });
  detectorSays('acct_ent', 'challenge');
  detectorSays('acct_free_pow', 'challenge');
  for (let i = 0; i < 5; i++) {
    const r = await chat(ent.key);
    assert.equal(r.status, 200, 'never challenged');
    assert.equal(r.limit, '100', 'throttled: 400 × throttle factor 0.25');
  }
  assert.equal(
    (await chat(free.key)).code,
    'MOAT_CHALLENGE_REQUIRED',
    'the free tier has no cap below challenge',
  );
  // Held back by the cap, the verdict waits for a person: an incident is open for review.
  let incidents: Array<{ accounts: string[] }> = [];
  for (let i = 0; i < 50 && !incidents.some((x) => x.accounts.includes('acct_ent')); i++) {
    await new Promise((r) => setTimeout(r, 20));
    incidents = (await gw.admin('GET', '/incidents')).json.incidents;
  }
  assert.ok(
    incidents.some((x) => x.accounts.includes('acct_ent')),
    'an incident for the capped account',
  );
  // A person's pin is not capped.
  assert.equal(
    (await gw.admin('PUT', '/accounts/acct_ent/level', { level: 'challenge', reason: 'reviewed' }))
      .status,
    200,
  );
  assert.equal((await chat(ent.key)).code, 'MOAT_CHALLENGE_REQUIRED');
  assert.equal((await gw.admin('DELETE', '/accounts/acct_ent/level')).status, 200);
  assert.equal((await chat(ent.key)).status, 200);

  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'challenge' }));
  assert.equal((await gw.admin('POST', '/policy/reload')).status, 200);
  assert.equal(
    (await chat(ent.key)).code,
    'MOAT_CHALLENGE_REQUIRED',
    'the raised cap applies at once',
  );
  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'throttle' }));
  assert.equal((await gw.admin('POST', '/policy/reload')).status, 200);
  assert.equal((await chat(ent.key)).status, 200, 'and the lowered one');
});

test('issue 15: a tier’s initialLevel applies until the detector’s first verdict', async () => {
  const k = await gw.newKey('acct_starter', { tier: 'starter' });
  assert.equal((await chat(k.key)).limit, '10', 'starts at throttle: 40 × 0.25');
  detectorSays('acct_starter', 'allow');
  assert.equal((await chat(k.key)).limit, '40');
});

test('issue 15: an unknown tier is refused naming the field; the SLA report counts by the account’s real tier', async () => {
  const bad = await gw.admin('POST', '/accounts', { id: 'acct_platinum', tier: 'platinum' });
  assert.equal(bad.status, 400);
  assert.match(
    bad.json.error.message,
    /tier: unknown tier "platinum" \(defined in the policy file: enterprise, free, starter\)/,
  );
  assert.equal((await gw.admin('GET', '/accounts/acct_platinum')).status, 404, 'not created');

  const ent = await gw.newKey('acct_ent_sla', { tier: 'enterprise' });
  for (let i = 0; i < 3; i++) assert.equal((await chat(ent.key)).status, 200);
  await gw.app.flushTelemetry();
  let tiers: Array<{ tier: string; requests: number; objective: unknown }> = [];
  for (let i = 0; i < 50; i++) {
    tiers = (await gw.admin('GET', '/policy/sla')).json.tiers;
    if ((tiers.find((t) => t.tier === 'enterprise')?.requests ?? 0) >= 3) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const enterprise = tiers.find((t) => t.tier === 'enterprise');
  assert.ok(enterprise && enterprise.requests >= 3, JSON.stringify(tiers));
  assert.deepEqual(enterprise.objective, { p99LatencyMs: 10000, availabilityPercent: 99.9 });
});

/** moat_accounts_by_level from /metrics (behind the admin token). */
async function levelGauge(): Promise<Record<string, number>> {
  const text = await fetch(gw.url + '/metrics', {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  }).then((r) => r.text());
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^moat_accounts_by_level\{level="(\w+)"\} (\d+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}

test('issue 15: GET /admin/v1/accounts/{id} and moat_accounts_by_level show the level the gateway applies (tier cap), not the raw verdict', async () => {
  const k = await gw.newKey('acct_ent_shown', { tier: 'enterprise' });
  assert.equal((await chat(k.key)).status, 200);
  const before = await levelGauge();
  detectorSays('acct_ent_shown', 'challenge');
  const shown = (await gw.admin('GET', '/accounts/acct_ent_shown')).json;
  assert.equal(shown.verdict.level, 'challenge', 'the detector’s verdict is kept');
  assert.equal(shown.level, 'throttle', 'the level in force is capped by maxAutomaticLevel');
  assert.equal((await chat(k.key)).limit, '100', 'which is what the gateway applies: throttle');
  const after = await levelGauge();
  assert.equal((after['throttle'] ?? 0) - (before['throttle'] ?? 0), 1);
  assert.equal((after['challenge'] ?? 0) - (before['challenge'] ?? 0), 0);

  // A reload moves both at once, without a new verdict.
  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'challenge' }));
  assert.equal((await gw.admin('POST', '/policy/reload')).status, 200);
  assert.equal((await gw.admin('GET', '/accounts/acct_ent_shown')).json.level, 'challenge');
  const reloaded = await levelGauge();
  const up = (reloaded['challenge'] ?? 0) - (after['challenge'] ?? 0);
  assert.ok(up >= 1, 'capped enterprise accounts rise to challenge');
  assert.equal((after['throttle'] ?? 0) - (reloaded['throttle'] ?? 0), up, 'from throttle');
  writeFileSync(policyFile, policy({ freeRpm: 5, enterpriseCap: 'throttle' }));
  assert.equal((await gw.admin('POST', '/policy/reload')).status, 200);
  // A pin is shown as it is, above the cap.
  await gw.admin('PUT', '/accounts/acct_ent_shown/level', { level: 'block', reason: 'reviewed' });
  assert.equal((await gw.admin('GET', '/accounts/acct_ent_shown')).json.level, 'block');
  await gw.admin('DELETE', '/accounts/acct_ent_shown/level');
});
