// Ad-hoc measurement (not a test): appends/s and verify entries/s for both backends.
// Run: node --import tsx src/audit/testdata/bench-append.ts [N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SqliteAuditLog } from '../sqlite/sqlite-log.js';
import { PostgresAuditLog } from '../postgres/postgres-log.js';
import { loadOrCreateSigner } from '../signer.js';
import type { AuditLog } from '../log.js';
import { openPostgresDatabase, openSqliteDatabase } from '../../store/database.js';

const n = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'moat-bench-'));
const signer = loadOrCreateSigner(join(dir, 'k.pem'));

async function measure(name: string, log: AuditLog): Promise<void> {
  let t = performance.now();
  for (let i = 0; i < n; i++)
    await log.append({
      actor: 'bench',
      action: 'level.change',
      subject: `acct_${i % 100}`,
      data: { from: 'allow', to: 'throttle', score: 0.5 },
    });
  const appendS = (performance.now() - t) / 1000;
  const t2 = performance.now();
  const r = await log.verify();
  const verifyS = (performance.now() - t2) / 1000;
  t = performance.now();
  for (let i = 0; i < n; i += 100)
    await log.appendMany(
      Array.from({ length: 100 }, (_, j) => ({
        actor: 'bench',
        action: 'level.change',
        subject: `acct_${j}`,
      })),
    );
  const batchS = (performance.now() - t) / 1000;
  console.log(`${name}: appendMany in batches of 100 ${(n / batchS).toFixed(0)}/s`);
  console.log(
    `${name}: ${n} sequential appends ${(n / appendS).toFixed(0)}/s; verify ${r.entries} entries ${(r.entries / verifyS).toFixed(0)}/s ok=${r.ok}`,
  );
}

await measure(
  'sqlite (WAL, synchronous=FULL)',
  new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), { signer }),
);
const pg = new PostgresAuditLog(openPostgresDatabase('postgres://postgres@127.0.0.1:5432/test'), {
  signer,
  schema: `bench_${randomBytes(4).toString('hex')}`,
});
await pg.migrate();
await measure('postgres (advisory lock)', pg);
await pg.dropSchema();
await pg.close();
rmSync(dir, { recursive: true, force: true });
