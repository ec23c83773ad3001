import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMoat } from '../../test-support/cli.js';

const example = fileURLToPath(new URL('../../../examples/policy.yaml', import.meta.url));

const moat = (env: NodeJS.ProcessEnv, ...argv: string[]) => runMoat(argv, env);

test('moat policy check / exemptions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-policy-cli-'));
  const env = { MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  try {
    const ok = await moat(env, 'policy', 'check', example);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /3 tier\(s\), 2 contract\(s\)/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'version: 1\ntiers: { a: { limits: { tokensPerDay: -1 } } }\ndefaultTier: a\n',
    );
    const r = await moat(env, 'policy', 'check', bad);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /tiers\.a\.limits\.tokensPerDay: Too small/);
    const ex = await moat(
      env,
      'policy',
      'exemptions',
      'acct_9',
      '--org',
      'org_evalco',
      '--file',
      example,
      '--json',
    );
    assert.equal(ex.code, 0, ex.stderr);
    assert.deepEqual(JSON.parse(ex.stdout).contracts, ['eval-partner-2026']);
    assert.equal((await moat(env, 'policy', 'check')).code, 2, 'no file given or configured');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
