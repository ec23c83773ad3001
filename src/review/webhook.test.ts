import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebhookNotifier } from './webhook.js';

async function server(handler: (body: string, n: number, res: ServerResponse) => void) {
  let n = 0;
  const s = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => handler(body, ++n, res));
  });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`,
    close: () => new Promise<void>((r) => s.close(() => r())),
  };
}

test('webhook retries 5xx with backoff and delivers Slack-style JSON', async () => {
  const got: string[] = [];
  const s = await server((body, n, res) => {
    if (n < 3) return void res.writeHead(503).end();
    got.push(body);
    res.writeHead(200).end('ok');
  });
  try {
    const w = new WebhookNotifier(s.url, { attempts: 5, backoffMs: 5 });
    w.notify({ text: 'incident inc_1' });
    await w.drain();
    assert.deepEqual(
      got.map((b) => JSON.parse(b)),
      [{ text: 'incident inc_1' }],
    );
    assert.deepEqual(w.stats, { sent: 1, failed: 0, dropped: 0 });
  } finally {
    await s.close();
  }
});

test('webhook never blocks the caller, gives up on 4xx and bounds its queue', async () => {
  const s = await server((_b, _n, res) => void res.writeHead(400).end());
  try {
    const failures: string[] = [];
    const w = new WebhookNotifier(s.url, {
      attempts: 3,
      backoffMs: 5,
      queueSize: 2,
      onFailure: (_m, r) => failures.push(r),
    });
    for (let i = 0; i < 5; i++) w.notify({ text: `m${i}` }); // returns at once
    await w.drain();
    assert.equal(w.stats.sent, 0);
    assert.equal(w.stats.dropped + w.stats.failed, 5);
    assert.ok(w.stats.dropped >= 2);
    assert.ok(failures.includes('HTTP 400'));
  } finally {
    await s.close();
  }
});

test('webhook to a dead endpoint gives up after its attempts', async () => {
  const w = new WebhookNotifier('http://127.0.0.1:1/hook', { attempts: 2, backoffMs: 1 });
  w.notify({ text: 'x' });
  await w.drain();
  assert.deepEqual(w.stats, { sent: 0, failed: 1, dropped: 0 });
});

test('drain waits for the retries even when nothing else keeps the process alive (shutdown)', () => {
  // Backoff timers are unref'd; before drain kept the loop alive, this process exited
  // (code 13, unsettled await) in the middle of its retries and the stats never printed.
  const child = join(dirname(fileURLToPath(import.meta.url)), 'testdata', 'drain-child.ts');
  const res = spawnSync(process.execPath, ['--import', 'tsx', child], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(res.status, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { sent: 0, failed: 1, dropped: 0 });
});
