import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePolicy } from './load.js';
import { PolicyStore } from './store.js';
import { SlaTracker } from './sla.js';
import { SqliteAuditLog } from '../audit/sqlite/sqlite-log.js';
import { loadOrCreateSigner } from '../audit/signer.js';
import type { AuditEntry } from '../audit/entry.js';
import { openSqliteDatabase } from '../store/database.js';

const example = readFileSync(new URL('../../examples/policy.yaml', import.meta.url), 'utf8');
const NOW = Date.parse('2026-06-01T00:00:00Z');
const reason = (code: string) => ({ code, weight: 0.5, detail: '' });

test('the shipped example policy is valid', () => {
  const r = parsePolicy(example, 'examples/policy.yaml');
  assert.ok(r.ok, r.ok ? '' : r.error);
  assert.deepEqual(Object.keys(r.value.tiers), ['free', 'pro', 'enterprise']);
  assert.deepEqual(
    r.value.contracts[1]!.prohibitedUses.map((p) => p.use),
    ['extraction', 'training_competing_models'],
  );
});

test('validation errors give the path and what was expected', () => {
  const bad = (yaml: string) => {
    const r = parsePolicy(yaml, 'p.yaml');
    return r.ok ? 'accepted' : r.error;
  };
  assert.match(
    bad(
      'version: 1\ntiers:\n  free:\n    limits: { requestsPerMinute: "sixty" }\ndefaultTier: free\n',
    ),
    /tiers\.free\.limits\.requestsPerMinute: .*expected number/,
  );
  assert.match(
    bad('version: 1\ntiers:\n  free:\n    limits: { requestPerMinute: 5 }\ndefaultTier: free\n'),
    /tiers\.free\.limits: Unrecognized key: "requestPerMinute"/,
  );
  assert.match(bad('version: 2\n'), /version: must be 1/);
  assert.match(
    bad('version: 1\ndefaultTier: gold\n'),
    /defaultTier: tier "gold" is not defined under tiers \(have: default\)/,
  );
  assert.match(
    bad('version: 1\ncontracts:\n  - id: c1\n'),
    /contracts\.0\.accounts: a contract must name at least one account/,
  );
  assert.match(
    bad(
      'version: 1\ncontracts:\n  - id: c1\n    accounts: [a]\n    onBreach: { levelFloor: jail }\n',
    ),
    /contracts\.0\.onBreach\.levelFloor: .*expected one of/,
  );
  assert.match(bad('version: 1\ntiers: [\n'), /p\.yaml: not valid YAML \(line \d+, column \d+\)/);
  assert.match(bad('- 1\n'), /expected a mapping/);
});

test('exemptions, tiers and breaches follow contracts in force', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-policy-'));
  try {
    const file = join(dir, 'policy.yaml');
    writeFileSync(file, example);
    const p = new PolicyStore({ file, now: () => NOW });
    assert.equal((await p.reload()).ok, true);
    const evalAcct = { id: 'acct_x', organization: 'org_evalco', tier: 'free' };
    assert.deepEqual(p.exemptionsFor(evalAcct), [
      'template_reuse',
      'coverage_sweep',
      'burst_timing',
      'low_temperature',
    ]);
    assert.deepEqual(p.exemptionsFor('acct_evalco_ci'), p.exemptionsFor(evalAcct));
    assert.deepEqual(
      p.exemptionsFor('acct_evalco_ci', Date.parse('2027-02-01T00:00:00Z')),
      [],
      'expired contract',
    );
    assert.deepEqual(p.exemptionsFor('acct_other'), []);
    assert.equal(p.tierName(evalAcct), 'enterprise');
    assert.equal(p.tierName({ id: 'a', tier: 'pro' }), 'pro');
    assert.equal(p.tierName({ id: 'a', tier: 'unknown' }), 'free');
    assert.equal(p.tier('a').limits.requestsPerMinute, 60);

    assert.equal(
      p.breachFor(evalAcct, { level: 'degrade', reasons: [reason('template_reuse')] }),
      undefined,
      'allowed use',
    );
    const b = p.breachFor(evalAcct, {
      level: 'degrade',
      reasons: [reason('template_reuse'), reason('reasoning_elicitation')],
    });
    assert.deepEqual(b, {
      contract: 'eval-partner-2026',
      use: 'extraction',
      reasons: ['reasoning_elicitation'],
      incident: true,
      levelFloor: 'degrade',
      notify: ['security@example.com', '#trust-and-safety'],
    });
    assert.equal(PolicyStore.withFloor('monitor', b), 'degrade');
    const lab = { id: 'l1', organization: 'org_university_lab' };
    assert.equal(
      p.breachFor(lab, { level: 'throttle', reasons: [reason('burst_timing')] })?.use,
      'extraction',
      'bare prohibited use: any non-exempt reason',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reloads take effect without restart, bad ones keep the old policy, all are audited (issue 7)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-policy-'));
  const audit = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
    signer: loadOrCreateSigner(join(dir, 'k.pem')),
  });
  try {
    const file = join(dir, 'policy.yaml');
    writeFileSync(
      file,
      'version: 1\ntiers: { t: { limits: { requestsPerMinute: 5 } } }\ndefaultTier: t\n',
    );
    const p = new PolicyStore({ file, audit });
    assert.equal((await p.reload('admin')).ok, true);
    assert.equal(p.tier('a').limits.requestsPerMinute, 5);
    writeFileSync(
      file,
      'version: 1\ntiers: { t: { limits: { requestsPerMinute: 0 } } }\ndefaultTier: t\n',
    );
    const bad = await p.reload('admin');
    assert.equal(bad.ok, false);
    assert.equal(p.tier('a').limits.requestsPerMinute, 5, 'kept');
    writeFileSync(
      file,
      'version: 1\ntiers: { t: { limits: { requestsPerMinute: 7 } } }\ndefaultTier: t\n',
    );
    const seen = new Promise<void>((resolve) => {
      const stop = p.watch(() => {
        stop();
        resolve();
      }, 20);
      writeFileSync(
        file,
        'version: 1\ntiers: { t: { limits: { requestsPerMinute: 9 } } }\ndefaultTier: t\n',
      );
    });
    await seen;
    assert.equal(p.tier('a').limits.requestsPerMinute, 9, 'fs.watch reload');
    const actions: string[] = [];
    for await (const e of audit.list() as AsyncIterable<AuditEntry>)
      actions.push(`${e.actor}:${e.action}`);
    assert.deepEqual(actions.slice(0, 2), ['admin:policy.reload', 'admin:policy.reload_failed']);
    assert.ok(actions.slice(2).every((a) => a === 'fs.watch:policy.reload'));
  } finally {
    await audit.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SLA tracker reports p99 latency and availability against tier objectives', () => {
  const sla = new SlaTracker(
    () => ({ pro: { sla: { p99LatencyMs: 1000, availabilityPercent: 99.5 } }, free: {} }),
    1000,
  );
  for (let i = 1; i <= 1000; i++) sla.observe('pro', i, i % 100 !== 0);
  sla.observe('free', 50, true);
  const [free, pro] = sla.report();
  assert.deepEqual(free, {
    tier: 'free',
    objective: null,
    requests: 1,
    failures: 0,
    availabilityPercent: 100,
    p99LatencyMs: 50,
    meetsLatency: null,
    meetsAvailability: null,
  });
  assert.equal(pro!.p99LatencyMs, 990);
  assert.equal(pro!.availabilityPercent, 99);
  assert.equal(pro!.meetsLatency, true);
  assert.equal(pro!.meetsAvailability, false);
});
