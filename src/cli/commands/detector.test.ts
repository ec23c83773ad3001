import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main, makeContext } from '../main.js';

async function run(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; err: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'moat-detector-cli-'));
  const out = new PassThrough();
  const err = new PassThrough();
  let text = '';
  err.on('data', (b: Buffer) => (text += b.toString()));
  try {
    const code = await main(
      ['detector', ...argv],
      makeContext({ MOAT_DATA_DIR: dir, MOAT_ADMIN_TOKEN: 'x'.repeat(20), ...env }, out, err),
    );
    return { code, err: text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SERVICES = {
  MOAT_NATS_URL: 'nats://127.0.0.1:4222',
  MOAT_DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  MOAT_REDIS_URL: 'redis://127.0.0.1:6379',
};

test('issue 18: moat detector refuses bad flags and missing services with what to do, never a stack trace', async () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [[], SERVICES, /--partition and --partitions are required/],
    [['--partition', '0', '--partitions', '3'], SERVICES, /power of two/],
    [['--partition', '2', '--partitions', '2'], SERVICES, /expected 0 … 1/],
    [['--partition', 'x', '--partitions', '2'], SERVICES, /--partition: expected an integer/],
    [
      ['--partition', '0', '--partitions', '2'],
      {},
      /needs MOAT_NATS_URL .*MOAT_DATABASE_URL.*MOAT_REDIS_URL/,
    ],
    [
      ['--partition', '0', '--partitions', '2'],
      { ...SERVICES, MOAT_DATABASE_URL: 'postgres://postgres:hunter2secret@127.0.0.1:1/test' },
      /cannot reach PostgreSQL .*Start it or fix MOAT_DATABASE_URL/,
    ],
    [
      ['--partition', '0', '--partitions', '2'],
      { ...SERVICES, MOAT_NATS_URL: 'nats://127.0.0.1:1' },
      /cannot reach NATS .*fix MOAT_NATS_URL/,
    ],
  ];
  for (const [argv, env, want] of cases) {
    const r = await run(argv, env);
    assert.notEqual(r.code, 0, argv.join(' '));
    assert.match(r.err, want);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.doesNotMatch(r.err, /hunter2secret/, 'no password');
  }
});
