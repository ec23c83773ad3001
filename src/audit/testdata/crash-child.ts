// Appends to an audit log in a tight loop until killed; prints each committed seq
// (every 25th) so the parent knows how far it got. Used by crash.test.ts.
import { join } from 'node:path';
import { SqliteAuditLog } from '../sqlite/sqlite-log.js';
import { loadOrCreateSigner } from '../signer.js';
import { openSqliteDatabase } from '../../store/database.js';

const dir = process.argv[2]!;
const log = new SqliteAuditLog(openSqliteDatabase(join(dir, 'audit.db')), {
  signer: loadOrCreateSigner(join(dir, 'key.pem')),
  checkpointEvery: 50,
});
for (let i = 0; ; i++) {
  const e = await log.append({
    actor: `child-${process.pid}`,
    action: 'load.write',
    subject: `s${i}`,
    data: { i, pad: 'x'.repeat(i % 200) },
  });
  if (e.seq % 25 === 0) process.stdout.write(`${e.seq}\n`);
}
