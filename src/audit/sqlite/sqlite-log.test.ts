import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLogTests } from '../log.case.js';
import { loadOrCreateSigner } from '../signer.js';
import { SqliteAuditLog } from './sqlite-log.js';
import { openSqliteDatabase } from '../../store/database.js';

auditLogTests('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-'));
  let t = 0;
  // As `moat serve` lays it out: audit.db attached to the connection on moat.db.
  const db = openSqliteDatabase(join(dir, 'moat.db'));
  const log = new SqliteAuditLog(db, {
    schema: db.attach('audit', join(dir, 'audit.db'), { synchronous: 'FULL' }),
    signer: loadOrCreateSigner(join(dir, 'key.pem')),
    checkpointEvery: 5,
    now: () => (t += 1000),
  });
  return {
    log,
    sql: (statement, args = []) => {
      // An attacker with the file drops the append-only triggers first.
      log.database.exec(
        'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
      );
      log.database.prepare(statement.replaceAll('$schema.', '')).run(...args);
      return Promise.resolve();
    },
    cleanup: async () => {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
