import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../config/config.js';
import { openGovernance } from './governance.js';

test('openGovernance wires audit, review, policy and intel from config', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-gov-'));
  const policyFile = join(dir, 'policy.yaml');
  writeFileSync(
    policyFile,
    'version: 1\ncontracts:\n  - id: c1\n    accounts: [a1]\n    allowedUses: [{ use: bench, exemptReasons: [burst_timing] }]\n',
  );
  const cfgFile = join(dir, 'moat.yaml');
  writeFileSync(
    cfgFile,
    `audit:\n  policy:\n    file: ${policyFile}\n  review:\n    openAtLevel: throttle\n`,
  );
  const gov = await openGovernance(
    loadConfig({ MOAT_CONFIG: cfgFile, MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) }),
  );
  const app = Fastify();
  await app.register(gov.routes, { prefix: '/admin/v1' });
  try {
    const inc = await gov.review.onVerdict({
      account: 'a1',
      score: 0.5,
      level: 'throttle',
      reasons: [{ code: 'template_reuse', weight: 1, detail: '' }],
      cluster: null,
      updatedAt: 0,
    });
    assert.ok(inc);
    await gov.review.resolve(inc.id, 'ana', 'false_positive', 'ok', {});
    assert.deepEqual(gov.exemptionsFor('a1').sort(), ['burst_timing', 'template_reuse']);
    assert.deepEqual(gov.matcher().matchIndicators({ ip: '10.0.0.1' }), []);
    const v = (await app.inject({ url: '/admin/v1/audit/verify' })).json();
    assert.equal(v.ok, true);
    const entries = (await app.inject({ url: '/admin/v1/audit?limit=10' })).json().entries;
    assert.deepEqual(
      entries.map((e: { action: string }) => e.action),
      ['audit.policy', 'policy.reload', 'incident.open', 'incident.resolve', 'exemption.add'],
    );
    assert.equal((await app.inject({ url: '/admin/v1/incidents' })).json().incidents.length, 1);
    assert.equal(
      (await app.inject({ url: '/admin/v1/policy' })).json().policy.contracts[0].id,
      'c1',
    );
  } finally {
    await app.close();
    await gov.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
