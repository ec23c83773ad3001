import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLogTests } from '../log.case.js';
import { loadOrCreateSigner } from '../signer.js';
import { PostgresAuditLog } from './postgres-log.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

auditLogTests('postgres', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-pg-'));
  let t = 0;
  const log = new PostgresAuditLog(url, {
    signer: loadOrCreateSigner(join(dir, 'key.pem')),
    schema: `audit_${randomBytes(6).toString('hex')}`,
    checkpointEvery: 5,
    now: () => (t += 1000),
  });
  await log.migrate();
  return {
    log,
    sql: async (statement, args = []) => {
      await log.raw(statement, args);
    },
    cleanup: async () => {
      await log.dropSchema();
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
