import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { MoatError, errorBody } from '../errors/registry.js';
import { PolicyStore } from './store.js';
import { SlaTracker } from './sla.js';
import { policyRoutes } from './routes.js';

test('policy routes: show, reload (refusing a bad file), SLA report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-policy-routes-'));
  const file = join(dir, 'p.yaml');
  writeFileSync(
    file,
    'version: 1\ntiers: { t: { sla: { p99LatencyMs: 100, availabilityPercent: 99 } } }\ndefaultTier: t\n',
  );
  const policy = new PolicyStore({ file });
  await policy.reload();
  const sla = new SlaTracker(() => policy.policy.tiers);
  sla.observe('t', 50, true);
  const app = Fastify();
  app.setErrorHandler((err, _req, reply) =>
    err instanceof MoatError
      ? reply.status(err.status).send(errorBody('openai', err))
      : reply.status(500).send(err),
  );
  await app.register(policyRoutes, { prefix: '/admin/v1', policy, sla });
  try {
    assert.equal((await app.inject({ url: '/admin/v1/policy' })).json().policy.defaultTier, 't');
    writeFileSync(file, 'version: 1\ndefaultTier: nope\n');
    const bad = await app.inject({ method: 'POST', url: '/admin/v1/policy/reload' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /defaultTier: tier "nope"/);
    writeFileSync(file, 'version: 1\n');
    assert.deepEqual(
      (await app.inject({ method: 'POST', url: '/admin/v1/policy/reload' })).json().tiers,
      ['default'],
    );
    const rep = (await app.inject({ url: '/admin/v1/policy/sla' })).json();
    assert.equal(rep.tiers[0].tier, 't');
    assert.equal(rep.tiers[0].p99LatencyMs, 50);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
