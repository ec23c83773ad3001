import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main, makeContext } from '../main.js';
import { loadConfig } from '../../config/config.js';
import { openAuditLog } from '../../audit/open.js';

function sink() {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d: Buffer) => (text += d.toString()));
  return { s, text: () => text };
}

async function moat(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out = sink();
  const err = sink();
  const code = await main(argv, makeContext(env, out.s, err.s));
  return { code, stdout: out.text(), stderr: err.text() };
}

test('moat audit export / verify, with tampered exports reported by line (issue 7)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-cli-'));
  const env = { MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  try {
    const log = await openAuditLog(loadConfig(env));
    for (let i = 1; i <= 6; i++)
      await log.append({ actor: 'admin', action: 'pin.set', subject: `acct_${i}`, reason: 'test' });
    await log.close();

    assert.equal((await moat(env, 'audit', 'verify')).code, 0);
    const file = join(dir, 'audit.jsonl');
    const exp = await moat(env, 'audit', 'export', '--out', file);
    assert.equal(exp.code, 0, exp.stderr);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines.length, 8, 'the policy entry, six entries and a signed head checkpoint');
    const ok = await moat(env, 'audit', 'verify', '--file', file);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /7 entries/);

    const edited = [...lines];
    edited[2] = edited[2]!.replace('acct_2', 'acct_X');
    writeFileSync(file, edited.join('\n'));
    const bad = await moat(env, 'audit', 'verify', '--file', file);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /line 3 \(seq 3\): modified/);

    writeFileSync(file, [...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
    assert.match((await moat(env, 'audit', 'verify', '--file', file)).stderr, /seq 4\): deleted/);

    writeFileSync(file, [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n'));
    assert.match((await moat(env, 'audit', 'verify', '--file', file)).stderr, /reordered/);

    writeFileSync(file, [...lines.slice(0, 4), lines[7]].join('\n'));
    assert.match((await moat(env, 'audit', 'verify', '--file', file)).stderr, /truncated/);

    const json = await moat(env, 'audit', 'verify', '--json');
    assert.equal(
      JSON.parse(json.stdout).ok,
      true,
      'the export itself was audited and the live log still verifies',
    );
    assert.equal(JSON.parse(json.stdout).entries, 8);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('issue 14: moat audit verify of a missing or deleted log exits 1 with a clear message and creates nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-missing-'));
  const env = { MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20) };
  try {
    const never = await moat(env, 'audit', 'verify');
    assert.equal(never.code, 1);
    assert.match(never.stderr, /no audit log at .*audit\.db: nothing to verify/);
    assert.equal(existsSync(join(dir, 'audit.db')), false, 'verify did not create a log');

    const log = await openAuditLog(loadConfig(env));
    for (let i = 1; i <= 3; i++)
      await log.append({ actor: 'admin', action: 'pin.set', subject: `acct_${i}` });
    await log.close();
    assert.equal((await moat(env, 'audit', 'verify')).code, 0);
    for (const f of ['audit.db', 'audit.db-wal', 'audit.db-shm'])
      rmSync(join(dir, f), { force: true });
    const gone = await moat(env, 'audit', 'verify');
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /nothing to verify \(it was never created here, or it was deleted\)/);
    assert.equal(existsSync(join(dir, 'audit.db')), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
