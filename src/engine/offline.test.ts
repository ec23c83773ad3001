import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eachLine, lines } from './offline.js';

async function collect(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const l of lines(file)) out.push(l);
  return out;
}

test('offline: lines() splits LF and CRLF, keeps a last line without newline, reads .gz', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-lines-'));
  try {
    const long = 'x'.repeat(200_000); // longer than one stream chunk
    const text = `a\r\nb\n\n${long}\nlast`;
    writeFileSync(join(dir, 'f.jsonl'), text);
    writeFileSync(join(dir, 'f.jsonl.gz'), gzipSync(text));
    const want = ['a', 'b', '', long, 'last'];
    assert.deepEqual(await collect(join(dir, 'f.jsonl')), want);
    assert.deepEqual(await collect(join(dir, 'f.jsonl.gz')), want);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: eachLine() gives the same lines as lines(), a line longer than its read buffer included (issue 3)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moat-each-'));
  try {
    const huge = 'y'.repeat(5_000_000); // longer than the 4 MiB read buffer
    const text = `{"a":1}\r\n\n${huge}\nmiddle\n\u00e9t\u00e9\nlast`;
    writeFileSync(join(dir, 'f.jsonl'), text);
    writeFileSync(join(dir, 'f.jsonl.gz'), gzipSync(text));
    for (const f of ['f.jsonl', 'f.jsonl.gz']) {
      const got: string[] = [];
      await eachLine(join(dir, f), (buf, start, end) =>
        got.push(buf.toString('utf8', start, end).replace(/\r$/, '')),
      );
      assert.deepEqual(got, await collect(join(dir, f)));
      assert.equal(got.length, 6);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
