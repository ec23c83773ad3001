import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/moat.js', import.meta.url));

test('issue 14: moat serve on a busy port exits non-zero with a clear message instead of hanging', async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
  const port = (busy.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'moat-serve-'));
  try {
    const proc = spawn(process.execPath, [BIN, 'serve'], {
      env: {
        ...process.env,
        MOAT_DATA_DIR: dir,
        MOAT_PORT: String(port),
        MOAT_HOST: '127.0.0.1',
        MOAT_LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    proc.stderr.on('data', (c) => (err += String(c)));
    proc.stdout.resume();
    const code = await new Promise<number | null>((resolve) => {
      // Generous: start-up loads the demo model; a hang is what this guards against.
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        resolve(null);
      }, 90_000);
      proc.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.notEqual(code, null, `still running after 90 s; stderr: ${err}`);
    assert.notEqual(code, 0);
    assert.match(err, new RegExp(`127\\.0\\.0\\.1:${port}.*already in use`), err);
  } finally {
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
