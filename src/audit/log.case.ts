import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditLog } from './log.js';
import type { AuditEntry } from './entry.js';

/** What a backend's test file hands the suite: a fresh empty log (checkpoint every 5) and raw SQL access. */
export interface AuditFixture {
  log: AuditLog;
  /** Run raw SQL as an attacker with database access would; `$schema.` prefixes table names. */
  sql(statement: string, args?: unknown[]): Promise<void>;
  cleanup(): Promise<void>;
}

async function collect(it: AsyncIterable<AuditEntry>): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

async function fill(log: AuditLog, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await log.append({
      actor: 'admin',
      action: 'level.change',
      subject: `acct_${i}`,
      reason: `r${i}`,
      data: { level: 'block', n: i },
    });
  }
}

/**
 * The conformance suite every AuditLog backend passes (STYLE.md: one suite per
 * interface), tamper cases included. `factory` must use checkpointEvery = 5 and a
 * clock that returns 1000, 2000, 3000 … on successive calls.
 */
export function auditLogTests(name: string, factory: () => Promise<AuditFixture>): void {
  const withLog = (title: string, fn: (f: AuditFixture) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const f = await factory();
      try {
        await fn(f);
      } finally {
        await f.cleanup();
      }
    });

  withLog('appends chain entries and list filters by time', async ({ log }) => {
    const a = await log.append({ actor: 'admin', action: 'key.create', subject: 'key_1' });
    const b = await log.append({
      actor: 'admin',
      action: 'pin.set',
      subject: 'acct_1',
      reason: 'abuse',
      data: { level: 'block' },
    });
    assert.equal(a.seq, 1);
    assert.equal(b.seq, 2);
    assert.equal(b.prevHash, a.hash);
    await fill(log, 4);
    const all = await collect(log.list());
    assert.deepEqual(
      all.map((e) => e.seq),
      [1, 2, 3, 4, 5, 6],
    );
    assert.deepEqual(all[1], b);
    assert.deepEqual(
      (await collect(log.list({ since: 2000, until: 4000 }))).map((e) => e.seq),
      [2, 3],
    );
    assert.deepEqual(
      (await collect(log.list({ limit: 2 }))).map((e) => e.seq),
      [1, 2],
    );
  });

  withLog(
    'lists newest first, the limit keeping the newest, across pages (issue 17)',
    async ({ log }) => {
      await fill(log, 6);
      assert.deepEqual(
        (await collect(log.list({ order: 'desc', limit: 3 }))).map((e) => e.seq),
        [6, 5, 4],
      );
      assert.deepEqual(
        (await collect(log.list({ order: 'desc', since: 2000, until: 4000 }))).map((e) => e.seq),
        [3, 2],
      );
      await log.appendMany(
        Array.from({ length: 1100 }, (_, i) => ({
          actor: 'detector',
          action: 'level.change',
          subject: `b${i}`,
        })),
      );
      const newest = (await collect(log.list({ order: 'desc', limit: 1050 }))).map((e) => e.seq);
      assert.equal(newest.length, 1050);
      assert.deepEqual(
        newest,
        Array.from({ length: 1050 }, (_, i) => 1106 - i),
      );
    },
  );

  withLog(
    'an untouched log verifies, with a signed checkpoint every 5 entries',
    async ({ log }) => {
      await fill(log, 12);
      const r = await log.verify();
      assert.equal(r.ok, true, JSON.stringify(r.problems));
      assert.equal(r.entries, 12);
      assert.deepEqual(
        (await log.checkpoints()).map((c) => c.seq),
        [5, 10],
      );
      assert.equal(r.checkpointsChecked, 2);
      assert.equal((await log.checkpoint())?.seq, 12);
    },
  );

  withLog('appendMany chains a batch in one transaction', async ({ log }) => {
    await log.append({ actor: 'a', action: 'x', subject: 's0' });
    const batch = await log.appendMany(
      Array.from({ length: 7 }, (_, i) => ({
        actor: 'detector',
        action: 'level.change',
        subject: `s${i + 1}`,
      })),
    );
    assert.deepEqual(
      batch.map((e) => e.seq),
      [2, 3, 4, 5, 6, 7, 8],
    );
    assert.equal(batch[0]!.prevHash, (await collect(log.list({ limit: 1 })))[0]!.hash);
    assert.deepEqual(await log.appendMany([]), []);
    assert.deepEqual(
      (await log.checkpoints()).map((c) => c.seq),
      [5],
    );
    assert.equal((await log.verify()).ok, true);
  });

  withLog('concurrent appends get consecutive seqs and a valid chain', async ({ log }) => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        log.append({ actor: 'a', action: 'x', subject: String(i) }),
      ),
    );
    const seqs = (await collect(log.list())).map((e) => e.seq);
    assert.deepEqual(
      seqs,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal((await log.verify()).ok, true);
  });

  withLog('a modified entry is reported with its position', async ({ log, sql }) => {
    await fill(log, 7);
    await sql(`UPDATE $schema.audit_log SET data = '{"level":"allow","n":3}' WHERE seq = 3`);
    const r = await log.verify();
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.problems.map((p) => [p.kind, p.position]),
      [['modified', 3]],
    );
  });

  withLog('a deleted entry is reported with its position', async ({ log, sql }) => {
    await fill(log, 7);
    await sql('DELETE FROM $schema.audit_log WHERE seq = 4');
    const r = await log.verify();
    assert.deepEqual(
      r.problems.map((p) => [p.kind, p.seq, p.position]),
      [['deleted', 4, 4]],
    );
  });

  withLog('entries cut from the end are caught by the signed checkpoint', async ({ log, sql }) => {
    await fill(log, 7);
    await sql('DELETE FROM $schema.audit_log WHERE seq >= 5');
    const r = await log.verify();
    assert.equal(r.ok, false);
    assert.equal(r.problems[0]?.kind, 'truncated');
  });

  withLog('a forged checkpoint signature is rejected', async ({ log, sql }) => {
    await fill(log, 5);
    await sql(`UPDATE $schema.audit_checkpoints SET signature = 'AAAA' WHERE seq = 5`);
    const r = await log.verify();
    assert.equal(r.problems[0]?.kind, 'checkpoint');
  });
}
