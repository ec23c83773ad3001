import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startGateway } from '../../test-support/gateway.js';
import { main, makeContext } from '../main.js';
import { openAuditLog } from '../../audit/open.js';
import { loadConfig } from '../../config/config.js';

function sink() {
  let text = '';
  return {
    stream: new Writable({
      write(c, _e, cb) {
        text += String(c);
        cb();
      },
    }),
    text: () => text,
  };
}

test('issue 2: moat events export writes the JSONL that moat analyze reads, and the export is audited', async () => {
  const gw = await startGateway(undefined);
  try {
    const k = await gw.newKey('acct_exp');
    for (let i = 0; i < 4; i++) {
      const r = await fetch(gw.url + '/v1/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': k.key },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 10,
          system: 'terse',
          messages: [{ role: 'user', content: `q${i}` }],
        }),
      });
      await r.arrayBuffer();
    }
    await gw.app.flushTelemetry();
    const out = join(gw.dataDir, 'events.jsonl');
    const env = { MOAT_DATA_DIR: gw.dataDir };
    const err = sink();
    assert.equal(
      await main(['events', 'export', '--out', out], makeContext(env, sink().stream, err.stream)),
      0,
      err.text(),
    );
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    assert.equal(lines[0].endpoint, 'messages');
    assert.equal(lines[0].request.system, 'terse');
    assert.ok(
      lines.every(
        (e) =>
          typeof e.ts === 'number' && e.account === 'acct_exp' && Array.isArray(e.request.messages),
      ),
    );
    const bad = sink();
    assert.equal(
      await main(
        ['events', 'export', '--since', 'yesterday'],
        makeContext(env, sink().stream, bad.stream),
      ),
      2,
    );
    assert.match(bad.text(), /--since/);
    // With the account records beside them, for an offline re-analysis as the live detector judges.
    const accounts = join(gw.dataDir, 'accounts.jsonl');
    const withAccounts = sink();
    assert.equal(
      await main(
        ['events', 'export', '--out', out, '--accounts', accounts],
        makeContext(env, sink().stream, withAccounts.stream),
      ),
      0,
      withAccounts.text(),
    );
    assert.match(withAccounts.text(), /wrote 1 account records/);
    assert.equal(statSync(accounts).mode & 0o777, 0o600);
    const records = readFileSync(accounts, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      records.map((r) => r.id),
      ['acct_exp'],
    );
    assert.match(String(records[0]!.createdAt), /^\d{4}-\d\d-\d\dT/);
    const verdicts = join(gw.dataDir, 'verdicts.json');
    assert.equal(
      await main(
        ['analyze', '--events', out, '--accounts', accounts, '--out', verdicts],
        makeContext(env, sink().stream, sink().stream),
      ),
      0,
    );
    assert.ok(Array.isArray(JSON.parse(readFileSync(verdicts, 'utf8')).accounts));
    const log = await openAuditLog(loadConfig(env));
    const actions: string[] = [];
    for await (const e of log.list({})) actions.push(e.action);
    await log.close();
    assert.ok(actions.includes('events.export'));
  } finally {
    await gw.close();
  }
});

test('issue 14: moat events export --out writes an owner-only file (0600), even over an existing 0644 one', async () => {
  const gw = await startGateway(undefined);
  const old = process.umask(0o022);
  try {
    const env = { MOAT_DATA_DIR: gw.dataDir };
    const fresh = join(gw.dataDir, 'fresh.jsonl');
    const err = sink();
    assert.equal(
      await main(['events', 'export', '--out', fresh], makeContext(env, sink().stream, err.stream)),
      0,
      err.text(),
    );
    assert.equal(statSync(fresh).mode & 0o777, 0o600);
    const existing = join(gw.dataDir, 'existing.jsonl');
    writeFileSync(existing, 'old\n', { mode: 0o644 });
    assert.equal(
      await main(
        ['events', 'export', '--out', existing],
        makeContext(env, sink().stream, sink().stream),
      ),
      0,
    );
    assert.equal(statSync(existing).mode & 0o777, 0o600);
    assert.equal(
      statSync(join(gw.dataDir, 'moat.db')).mode & 0o777,
      0o600,
      'the database file too',
    );
    const huge = sink();
    assert.equal(
      await main(
        ['events', 'export', '--since', '1000000000000000000000'],
        makeContext(env, sink().stream, huge.stream),
      ),
      2,
      'a time beyond a Date is a usage error',
    );
  } finally {
    process.umask(old);
    await gw.close();
  }
});
