import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLogTests } from '../log.case.js';
import { loadOrCreateSigner } from '../signer.js';
import { PostgresAuditLog } from './postgres-log.js';
import { auditConfigSchema } from '../config.js';
import { AuditLogMissingError, openAuditLog } from '../open.js';
import { openPostgresDatabase } from '../../store/database.js';

const url = process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

auditLogTests('postgres', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-pg-'));
  let t = 0;
  const log = new PostgresAuditLog(openPostgresDatabase(url), {
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

test('issue 14: a read-only open of a PostgreSQL audit log that does not exist fails and creates nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-audit-pg-'));
  const schema = `audit_${randomBytes(6).toString('hex')}`;
  try {
    const audit = auditConfigSchema.parse({
      backend: 'postgres',
      postgresSchema: schema,
      signingKeyFile: join(dir, 'k.pem'),
    });
    const cfg = {
      dataDirAbs: dir,
      audit,
      store: { kind: 'postgres', url },
    } as unknown as Parameters<typeof openAuditLog>[0];
    await assert.rejects(
      openAuditLog(cfg, { readOnly: true }),
      (err: Error) => err instanceof AuditLogMissingError && err.message.includes(schema),
    );
    const probe = new PostgresAuditLog(openPostgresDatabase(url), {
      signer: loadOrCreateSigner(join(dir, 'k.pem')),
      schema,
    });
    assert.equal(await probe.exists(), false, 'no schema was created');
    await probe.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
