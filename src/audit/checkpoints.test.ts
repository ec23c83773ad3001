import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAuditLog } from './sqlite/sqlite-log.js';
import { loadOrCreateSigner } from './signer.js';
import { nextEntry, rowValues, type AuditEntry } from './entry.js';
import { readHead } from './checkpoints.js';
import { openSqliteDatabase } from '../store/database.js';

/** A log as `moat serve` opens it (1,000 entries / 60 s), on a clock that advances `stepMs` per entry. */
function open(dir: string, stepMs = 1000, start = 1_767_225_600_000) {
  let t = start;
  const log = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
    signer: loadOrCreateSigner(join(dir, 'key.pem')),
    checkpointEvery: 1000,
    checkpointEveryMs: 60_000,
    headFile: join(dir, 'audit-head.json'),
    now: () => (t += stepMs),
  });
  return { log, at: () => t };
}

async function fill(log: SqliteAuditLog, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await log.append({ actor: 'admin', action: 'pin.set', subject: `acct_${i}`, reason: 'r' });
}

/** Raw access as an attacker with the file would have it: the append-only triggers dropped. */
function tamper(log: SqliteAuditLog, sql: string, ...args: unknown[]): void {
  log.database.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
  );
  log.database.prepare(sql).run(...args);
}

const kinds = (r: { problems: Array<{ kind: string }> }) => r.problems.map((p) => p.kind);

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'moat-ckpt-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('issue 14: checkpoints come by time as well as by count, and the writer records its rule in the log', () =>
  withDir(async (dir) => {
    const { log } = open(dir, 10_000); // an entry every 10 s: a checkpoint every ~6 entries
    await fill(log, 30);
    const cps = (await log.checkpoints()).map((c) => c.seq);
    assert.ok(cps.length >= 4, `time-based checkpoints: ${cps.join(',')}`);
    const first = (await log.list({ limit: 1 })[Symbol.asyncIterator]().next()).value as AuditEntry;
    assert.equal(first.action, 'audit.policy');
    assert.deepEqual(first.data, { checkpointEvery: 1000, checkpointEveryMs: 60_000 });
    assert.equal((await log.verify()).ok, true);
    await log.close();
  }));

test('issue 14: a missing expected checkpoint fails verification', () =>
  withDir(async (dir) => {
    const { log } = open(dir, 10_000);
    await fill(log, 30);
    const victim = (await log.checkpoints())[1]!.seq;
    tamper(log, 'DELETE FROM audit_checkpoints WHERE seq = ?', victim);
    const r = await log.verify();
    assert.equal(r.ok, false);
    assert.ok(
      r.problems.some(
        (p) =>
          p.kind === 'checkpoint' && p.seq === victim && /due a signed checkpoint/.test(p.message),
      ),
      JSON.stringify(r.problems),
    );
    await log.close();
  }));

test('issue 14: a truncated log fails against its signed head, with default (1,000-entry) checkpoints', () =>
  withDir(async (dir) => {
    const { log } = open(dir);
    await fill(log, 50);
    await log.close(); // closing checkpoints the tail: the head records seq 51
    assert.equal((readHead(join(dir, 'audit-head.json')) as { seq: number }).seq, 51);
    const again = open(dir).log;
    assert.equal((await again.verify()).ok, true);
    tamper(again, 'DELETE FROM audit_log WHERE seq >= 45');
    tamper(again, 'DELETE FROM audit_checkpoints');
    const r = await again.verify();
    assert.equal(r.ok, false);
    assert.ok(kinds(r).includes('truncated'), JSON.stringify(r.problems));
    await again.close();
  }));

test('issue 14: a tail rewritten with forged, correctly chained entries fails', () =>
  withDir(async (dir) => {
    const { log } = open(dir);
    await fill(log, 50);
    await log.close();
    const again = open(dir).log;
    tamper(again, 'DELETE FROM audit_log WHERE seq >= 40');
    tamper(again, 'DELETE FROM audit_checkpoints');
    const prev = again.database
      .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; hash: string };
    let p: { seq: number; hash: string } = prev;
    for (let i = 0; i < 15; i++) {
      const e = nextEntry(
        p,
        { actor: 'admin', action: 'pin.set', subject: `forged_${i}` },
        Date.now(),
      );
      tamper(
        again,
        'INSERT INTO audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
        ...rowValues(e),
      );
      p = e;
    }
    const r = await again.verify();
    assert.equal(r.ok, false, 'the chain is intact but the head disagrees');
    assert.ok(
      r.problems.some((x) => x.kind === 'checkpoint' && x.seq === 51),
      JSON.stringify(r.problems),
    );
    await again.close();
  }));

test('issue 14: a deleted log recreated by a restart fails; the old head is kept as evidence', () =>
  withDir(async (dir) => {
    const { log } = open(dir);
    await fill(log, 20);
    await log.close();
    for (const f of ['audit.db', 'audit.db-wal', 'audit.db-shm'])
      if (existsSync(join(dir, f))) unlinkSync(join(dir, f));
    const fresh = open(dir, 1000, Date.now()).log;
    await fill(fresh, 30);
    await fresh.checkpoint();
    const r = await fresh.verify();
    assert.equal(r.ok, false);
    assert.ok(
      r.problems.some((x) => x.seq === 21),
      JSON.stringify(r.problems),
    );
    assert.equal(
      (readHead(join(dir, 'audit-head.json')) as { seq: number }).seq,
      21,
      'the head of the deleted log is not overwritten',
    );
    await fresh.close();
  }));

test('issue 14: newest entries left without a checkpoint for two intervals fail (appended without the key)', () =>
  withDir(async (dir) => {
    const { log } = open(dir);
    await fill(log, 5);
    await log.checkpoint();
    const last = log.database
      .prepare('SELECT seq, hash, ts FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; hash: string; ts: number };
    const e = nextEntry(
      last,
      { actor: 'evil', action: 'pin.clear', subject: 'acct_x' },
      last.ts + 1000,
    );
    tamper(
      log,
      'INSERT INTO audit_log (seq, ts, actor, action, subject, reason, data, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)',
      ...rowValues(e),
    );
    // Verified right away it passes (a checkpoint may not be due yet); the same log verified three minutes on does not.
    const ro = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db'), { readOnly: true }), {
      signer: loadOrCreateSigner(join(dir, 'key.pem')),
      headFile: join(dir, 'audit-head.json'),
      readOnly: true,
      now: () => e.ts + 180_000,
    });
    const r = await ro.verify();
    assert.equal(r.ok, false);
    assert.match(r.problems.at(-1)!.message, /not covered by a signed checkpoint/);
    await ro.close();
    await log.database.close();
  }));

test('issue 14: a read-only open never creates a log', () =>
  withDir(async (dir) => {
    const file = join(dir, 'audit.db');
    assert.throws(
      () =>
        new SqliteAuditLog(openSqliteDatabase(file, { readOnly: true }), {
          signer: loadOrCreateSigner(join(dir, 'key.pem')),
          readOnly: true,
        }),
    );
    assert.equal(existsSync(file), false);
  }));
