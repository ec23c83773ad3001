import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteAuditLog } from './sqlite/sqlite-log.js';
import { loadOrCreateSigner } from './signer.js';
import { openSqliteDatabase } from '../store/database.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Start the appender, wait until it has committed `atLeast` entries, then SIGKILL it. */
function runAndKill(dir: string, atLeast: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(here, 'testdata', 'crash-child.ts'), dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let seen = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) if (line) seen = Math.max(seen, Number(line));
      if (seen >= atLeast) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(seen)
        : reject(new Error(`child exited without being killed: ${err}`)),
    );
  });
}

test('audit log verifies after kill -9 during heavy writes (issue 7 crash safety)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-crash-'));
  try {
    let committed = 0;
    for (let round = 1; round <= 3; round++) {
      committed = await runAndKill(dir, committed + 300);
      const log = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
        signer: loadOrCreateSigner(join(dir, 'key.pem')),
        checkpointEvery: 50,
      });
      const r = await log.verify();
      assert.equal(r.ok, true, JSON.stringify(r.problems.slice(0, 3)));
      assert.ok(
        (r.lastSeq ?? 0) >= committed,
        `every reported append survived (${r.lastSeq} >= ${committed})`,
      );
      const after = await log.append({
        actor: 'test',
        action: 'after.crash',
        subject: `round${round}`,
      });
      assert.equal(after.seq, (r.lastSeq ?? 0) + 1);
      committed = after.seq;
      await log.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('two processes appending at once, both killed with SIGKILL, leave one valid chain', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-crash2-'));
  try {
    loadOrCreateSigner(join(dir, 'key.pem'));
    const seen = await Promise.all([runAndKill(dir, 200), runAndKill(dir, 200)]);
    const log = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
      signer: loadOrCreateSigner(join(dir, 'key.pem')),
      checkpointEvery: 50,
    });
    const r = await log.verify();
    assert.equal(r.ok, true, JSON.stringify(r.problems.slice(0, 3)));
    assert.ok((r.lastSeq ?? 0) >= Math.max(...seen));
    const actors = new Set<string>();
    for await (const e of log.list()) actors.add(e.actor);
    assert.equal(actors.size, 2, 'both writers are in the one chain');
    await log.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
