import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { openSqliteDatabase } from '../store/database.js';
import { loadConfig } from '../config/config.js';
import { startRetention } from './retention.js';

const DAY = 86_400_000;
const quiet = { info: () => undefined, error: () => undefined };

test('issue 14: telemetry retention deletes events older than retentionDays (default 30) and keeps the rest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-retention-'));
  const store = new SqliteStore(openSqliteDatabase(join(dir, 'moat.db')));
  await store.migrate();
  try {
    const cfg = loadConfig({ MOAT_DATA_DIR: dir }).telemetry;
    assert.equal(cfg.retentionDays, 30);
    const now = 100 * DAY;
    const ev = (ts: number) => ({
      ts,
      account: 'a',
      key: 'k',
      endpoint: 'messages' as const,
      model: 'm',
      request: { messages: [] },
      status: 429,
      action: 'rate_limited',
    });
    await store.insertEvents([ev(now - 40 * DAY), ev(now - 31 * DAY), ev(now - 29 * DAY), ev(now)]);
    const r = startRetention(store, cfg, quiet, () => now);
    assert.equal(await r.sweep(), 2);
    r.stop();
    assert.equal(await store.countEvents(), 2);
    const forever = startRetention(
      store,
      { retentionDays: 0, retentionSweepMs: 1000 },
      quiet,
      () => now + 1000 * DAY,
    );
    assert.equal(await forever.sweep(), 0, 'retentionDays: 0 keeps everything');
    forever.stop();
    assert.equal(await store.countEvents(), 2);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
