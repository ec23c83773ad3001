import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinCorpus } from './builtin-corpus.js';
import { simulate, splitBudget, type Labels } from './simulate.js';
import { validateEvent } from './validate.js';

const corpus = builtinCorpus();

async function run(
  seed: number,
  events: number,
  extra: { accounts?: number; maliciousShare?: number } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'moat-sim-'));
  const summary = await simulate({ seed, events, corpus, outDir: dir, ...extra });
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const out = {
    dir,
    summary,
    events: read('events.jsonl'),
    accounts: read('accounts.jsonl'),
    labels: read('labels.json'),
  };
  rmSync(dir, { recursive: true, force: true });
  return out;
}

test('same seed gives byte-identical files; another seed differs (issue 3)', async () => {
  const a = await run(7, 1500);
  const b = await run(7, 1500);
  assert.equal(a.events, b.events);
  assert.equal(a.accounts, b.accounts);
  assert.equal(a.labels, b.labels);
  const c = await run(8, 1500);
  assert.notEqual(a.events, c.events);
});

test('writes exactly N events sorted by ts, every account labelled and described', async () => {
  const r = await run(3, 3000, { accounts: 400, maliciousShare: 0.1 });
  const lines = r.events.trimEnd().split('\n');
  assert.equal(lines.length, 3000);
  const labels = JSON.parse(r.labels) as Labels;
  const accounts = new Set(
    r.accounts
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id),
  );
  assert.equal(accounts.size, 400);
  assert.deepEqual(new Set(Object.keys(labels.accounts)), accounts);
  let prev = -Infinity;
  const seen = new Set<string>();
  for (const l of lines) {
    const e = JSON.parse(l) as { ts: number; account: string };
    assert.ok(e.ts >= prev, 'events sorted by ts');
    prev = e.ts;
    assert.ok(accounts.has(e.account));
    seen.add(e.account);
  }
  assert.equal(seen.size, 400, 'every account sends at least one request');
});

test('persona mix and label integrity: ~share malicious, campaigns consistent, hydra present', async () => {
  const r = await run(11, 4000, { accounts: 600, maliciousShare: 0.1 });
  const labels = JSON.parse(r.labels) as Labels;
  const all = Object.values(labels.accounts);
  const bad = all.filter((l) => l.malicious);
  assert.equal(bad.length, 60);
  for (const l of all) assert.equal(l.malicious, l.campaign !== null, 'campaign iff malicious');
  const sizes = new Map<string, number>();
  for (const l of bad) sizes.set(l.campaign as string, (sizes.get(l.campaign as string) ?? 0) + 1);
  for (const c of labels.campaigns)
    assert.equal(sizes.get(c.id), c.accounts, `campaign ${c.id} size`);
  const hydras = labels.campaigns.filter((c) => c.kind === 'hydra');
  assert.ok(hydras.length >= 1 && hydras.every((h) => h.accounts >= 20));
  const personas = new Set(all.filter((l) => !l.malicious).map((l) => l.persona));
  for (const p of [
    'casual',
    'student',
    'coding-agent',
    'researcher',
    'nat-org',
    'reseller-customer',
  ])
    assert.ok(personas.has(p), `persona ${p}`);
});

test('events match the DESIGN.md telemetry contract on both endpoints', async () => {
  const r = await run(5, 3000, { accounts: 300, maliciousShare: 0.1 });
  const endpoints = new Set<string>();
  r.events
    .trimEnd()
    .split('\n')
    .forEach((l, i) => {
      const e = JSON.parse(l) as Record<string, unknown>;
      const problems = validateEvent(e);
      assert.deepEqual(problems, [], `line ${i + 1}: ${problems.join('; ')}`);
      endpoints.add(e['endpoint'] as string);
    });
  assert.deepEqual([...endpoints].sort(), ['chat.completions', 'messages']);
});

test('splitBudget: proportional, at least one each, exact total', () => {
  const out = splitBudget([1, 1, 2, 0], 10);
  assert.equal(
    out.reduce((a, b) => a + b, 0),
    10,
  );
  assert.ok(out.every((n) => n >= 1));
  assert.ok((out[2] as number) > (out[0] as number));
});
