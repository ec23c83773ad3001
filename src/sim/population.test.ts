import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocateCampaigns, buildPopulation } from './population.js';
import { FIXED_KINDS, HYDRA_KINDS } from './allocate.js';
import { builtinCorpus } from './builtin-corpus.js';
import { Rng } from './prng.js';

test('campaign allocation: every kind present, hydras of 20–500, sizes add up (issue 13: with room for all, from 82)', () => {
  for (const m of [82, 100, 400, 2000]) {
    const allocs = allocateCampaigns(new Rng(m), m);
    assert.equal(
      allocs.reduce((a, x) => a + x.size, 0),
      m,
    );
    const kinds = new Set(allocs.map((a) => a.kind.name));
    for (const k of [...FIXED_KINDS, ...HYDRA_KINDS])
      assert.ok(kinds.has(k.name), `${k.name} at m=${m}`);
    for (const a of allocs) assert.ok(a.size >= a.kind.size[0], `${a.kind.name} of ${a.size}`);
    const hydras = allocs.filter((a) => a.kind.name === 'hydra');
    assert.ok(hydras.length >= 1);
    for (const h of hydras) assert.ok(h.size >= 20 && h.size <= 500, `hydra of ${h.size}`);
  }
  // Too few malicious accounts for every kind: still exactly m, no empty campaign.
  for (const m of [3, 20, 50]) {
    const small = allocateCampaigns(new Rng(1), m);
    assert.equal(
      small.reduce((a, x) => a + x.size, 0),
      m,
    );
    assert.ok(small.every((a) => a.size > 0));
  }
});

test('campaign members share infrastructure; honest orgs share a /24 (labels follow behaviour)', () => {
  const start = Date.UTC(2026, 0, 5);
  const pop = buildPopulation(
    4,
    builtinCorpus(),
    { start, window: 7 * 86_400_000, release: start + 3 * 86_400_000 },
    2000,
    0.05,
  );
  assert.equal(pop.plans.filter((p) => p.label.malicious).length, 100);
  const hydra = pop.plans.filter((p) => p.label.persona === 'hydra');
  const payments = new Set(hydra.map((p) => p.account.paymentFingerprint).filter(Boolean));
  assert.ok(payments.size < hydra.length / 4, 'hydra members share payment methods');
  const orgs = pop.plans.filter((p) => p.label.persona === 'nat-org');
  const orgPrefixes = new Set(orgs.map((p) => p.account.signupIp.split('.').slice(0, 3).join('.')));
  assert.ok(orgPrefixes.size < orgs.length / 4, 'organisation members share egress prefixes');
  assert.ok(orgs.every((p) => !p.label.malicious && p.label.campaign === null));
  const ids = new Set(pop.plans.map((p) => p.account.id));
  assert.equal(ids.size, 2000);
});
