import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { runMoat } from '../../test-support/cli.js';
import { loadConfig } from '../../config/config.js';
import { openReviewStore } from '../../review/open.js';
import { ReviewQueue } from '../../review/queue.js';
import { openIntelStore, loadIndicatorMatcher } from '../../intel/open.js';

const moat = (env: NodeJS.ProcessEnv, ...argv: string[]) => runMoat(argv, env);

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

test(
  'issue 14: intel import reads regular files only, bounded; a bad marking ref is a clear validation error',
  { timeout: 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moat-intel-c-'));
    const env = { MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
    try {
      // Neither read may hang: a hang fails the test at its timeout, not a clock comparison.
      const zero = await moat(env, 'intel', 'import', '/dev/zero');
      assert.equal(zero.code, 1);
      assert.match(zero.stderr, /\/dev\/zero: rejected: not a regular file/);
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      const f = await moat(env, 'intel', 'import', fifo);
      assert.equal(f.code, 1);
      assert.match(f.stderr, /not a regular file/);
      assert.match(
        (await moat(env, 'intel', 'import', join(dir, 'nope.json'))).stderr,
        /cannot open: ENOENT/,
      );

      const proto = join(dir, 'proto.json');
      writeFileSync(
        proto,
        JSON.stringify({
          type: 'bundle',
          id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982',
          objects: [
            {
              type: 'indicator',
              spec_version: '2.1',
              id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
              created: '2014-05-08T09:00:00.000Z',
              modified: '2014-05-08T09:00:00.000Z',
              pattern: "[ipv4-addr:value = '10.0.0.1']",
              pattern_type: 'stix',
              valid_from: '2014-05-08T09:00:00Z',
              object_marking_refs: ['__proto__'],
            },
          ],
        }),
      );
      const p = await moat(env, 'intel', 'import', proto);
      assert.equal(p.code, 1);
      assert.match(p.stderr, /object_marking_refs\.0: must be "marking-definition--<UUID>"/);
      assert.doesNotMatch(p.stderr, /SQLite|SQLITE/);

      const big = join(dir, 'big.json');
      writeFileSync(join(dir, 'moat.yaml'), 'intel:\n  maxImportBytes: 1000\n');
      writeFileSync(big, ' '.repeat(5000));
      const b = await moat({ ...env, MOAT_CONFIG: join(dir, 'moat.yaml') }, 'intel', 'import', big);
      assert.match(b.stderr, /5000 bytes; the limit is 1000/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
