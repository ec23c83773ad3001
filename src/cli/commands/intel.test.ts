import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main, makeContext } from '../main.js';
import { loadConfig } from '../../config/config.js';
import { openReviewStore } from '../../review/open.js';
import { ReviewQueue } from '../../review/queue.js';
import { openIntelStore, loadIndicatorMatcher } from '../../intel/open.js';

async function moat(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await main(argv, makeContext(env, out, err));
  return { code, stdout, stderr };
}

test('moat intel export → peer import → shared_indicator match (issue 7)', async () => {
  const ours = mkdtempSync(join(tmpdir(), 'moat-intel-a-'));
  const peer = mkdtempSync(join(tmpdir(), 'moat-intel-b-'));
  const envA = { MOAT_DATA_DIR: ours, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  const envB = { MOAT_DATA_DIR: peer, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  try {
    const empty = await moat(envA, 'intel', 'export');
    assert.equal(empty.code, 0, empty.stderr);
    assert.equal('objects' in JSON.parse(empty.stdout), false);

    const store = await openReviewStore(loadConfig(envA));
    const q = new ReviewQueue({
      store,
      config: { openAtLevel: 'challenge', groupByCluster: true, exemptionDays: 30 },
    });
    const inc = (await q.onVerdict(
      {
        account: 'acct_1',
        score: 0.97,
        level: 'block',
        reasons: [{ code: 'template_reuse', weight: 0.5, detail: '' }],
        cluster: 'cl_1',
        updatedAt: 1,
      },
      { ipPrefixes: ['203.0.113.0/24'], fingerprints: ['fp_1'] },
    ))!;
    await q.resolve(inc.id, 'ana', 'confirmed', 'hydra cluster');
    await store.close();

    const file = join(ours, 'bundle.json');
    const exp = await moat(envA, 'intel', 'export', '--out', file);
    assert.equal(exp.code, 0, exp.stderr);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(bundle.objects.filter((o: { type: string }) => o.type === 'indicator').length, 2);

    const imp = await moat(envB, 'intel', 'import', file, '--json');
    assert.equal(imp.code, 0, imp.stderr);
    assert.equal(JSON.parse(imp.stdout).stored, 2);
    const intel = await openIntelStore(loadConfig(envB));
    const m = await loadIndicatorMatcher(intel, 0.3);
    await intel.close();
    assert.deepEqual(
      m.matchIndicators({ ip: '203.0.113.50', fingerprint: 'fp_1' }).map((r) => r.code),
      ['shared_indicator', 'shared_indicator'],
    );

    const bad = join(peer, 'bad.json');
    writeFileSync(bad, JSON.stringify({ type: 'bundle', id: 'bundle--nope' }));
    const rej = await moat(envB, 'intel', 'import', bad);
    assert.equal(rej.code, 1);
    assert.match(rej.stderr, /rejected: not a STIX 2.1 bundle: id: must be/);

    const audit = await moat(envA, 'audit', 'verify', '--json');
    assert.equal(JSON.parse(audit.stdout).ok, true);
  } finally {
    rmSync(ours, { recursive: true, force: true });
    rmSync(peer, { recursive: true, force: true });
  }
});
