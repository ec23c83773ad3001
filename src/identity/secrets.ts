import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/**
 * Read a server secret from the data directory, creating it (0600) on first use, so the
 * server and the CLI run with the same MOAT_DATA_DIR share it without flags.
 */
export function loadOrCreateSecret(dataDir: string, name: string, bytes = 32): Buffer {
  const file = join(dataDir, name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  try {
    writeFileSync(file, secret.toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Another process created it first: use theirs.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  }
  return secret;
}
