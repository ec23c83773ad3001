import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { ADMIN_TOKEN, startGateway } from '../../test-support/gateway.js';
import { startUpstreamDouble } from '../../test-support/upstream-double.js';

const BIN = fileURLToPath(new URL('../../../bin/moat.js', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Start `moat serve` on port 0 and resolve with its process and printed text once it listens. */
async function serve(
  env: Record<string, string>,
): Promise<{ proc: ChildProcess; text: string; url: string }> {
  const proc = spawn(process.execPath, [BIN, 'serve'], {
    env: {
      ...process.env,
      MOAT_PORT: '0',
      MOAT_HOST: '127.0.0.1',
      MOAT_LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  let err = '';
  proc.stderr!.on('data', (c) => (err += String(c)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`moat serve printed nothing in 90 s; stderr: ${err}`));
    }, 90_000);
    proc.stdout!.on('data', (c) => {
      text += String(c);
      const url = /Moat listening on (\S+)/.exec(text)?.[1];
      // The banner is written in one piece; wait for its last line.
      if (url && /\n$/.test(text) && /(Admin API:\n.*\n|Then call it.*\n.*\n)$/.test(text)) {
        clearTimeout(timer);
        resolve({ proc, text, url });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`moat serve exited ${code}; stderr: ${err}`));
    });
  });
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

describe('issue 16: first contact', () => {
  it('the demo key survives restarts, sits on a tier an SDK walk-through does not exhaust, and is saved 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moat-first-'));
    const procs: ChildProcess[] = [];
    try {
      const first = await serve({ MOAT_DATA_DIR: dir });
      procs.push(first.proc);
      const key = /demo key:\s+(\S+)/.exec(first.text)?.[1];
      // Issue 17: the banner names the console, and the demo model brings demo traffic.
      assert.match(first.text, /console:\s+http:\/\/127\.0\.0\.1:\d+\/console\//);
      assert.match(first.text, /demo traffic: on/);
      assert.ok(key?.startsWith('sk-moat-'), first.text);
      const openai = new OpenAI({ baseURL: `${first.url}/v1`, apiKey: key, maxRetries: 0 });
      const anthropic = new Anthropic({ baseURL: first.url, apiKey: key, maxRetries: 0 });
      // A walk-through: list, retrieve, 30 requests over both APIs, streaming and not.
      await openai.models.list();
      await openai.models.retrieve('moat-demo');
      for (let i = 0; i < 15; i++) {
        await openai.chat.completions
          .create({
            model: 'moat-demo',
            max_tokens: 20,
            stream: i % 2 === 1,
            messages: [{ role: 'user', content: `Question ${i} about rivers and lakes?` }],
          })
          .then(async (r) => {
            if (Symbol.asyncIterator in r) for await (const _ of r);
          });
        await anthropic.messages.create({
          model: 'moat-demo',
          max_tokens: 20,
          messages: [{ role: 'user', content: `Question ${i} about mountains?` }],
        });
      }
      assert.equal(statSync(join(dir, 'demo-key')).mode & 0o777, 0o600);
      await stop(first.proc);

      const second = await serve({ MOAT_DATA_DIR: dir });
      procs.push(second.proc);
      assert.equal(/demo key:\s+(\S+)/.exec(second.text)?.[1], key, 'the same key after a restart');
      const again = new OpenAI({ baseURL: `${second.url}/v1`, apiKey: key, maxRetries: 0 });
      await again.chat.completions.create({
        model: 'moat-demo',
        max_tokens: 5,
        messages: [{ role: 'user', content: 'still there?' }],
      });
      const token = readFileSync(join(dir, 'admin-token'), 'utf8').trim();
      const acct = await fetch(`${second.url}/admin/v1/accounts/acct_demo`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await acct.json()) as { tier: string; keys: Array<{ status: string }> };
      assert.equal(body.tier, 'pro');
      assert.equal(
        body.keys.filter((k) => k.status === 'active').length,
        1,
        'no key revoked or added',
      );
      await stop(second.proc);
    } finally {
      for (const p of procs) await stop(p);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with MOAT_UPSTREAM_URL the banner says how to create a key; /readyz reports the upstream down, /healthz stays up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moat-first-'));
    try {
      // Port 9 (discard) is closed on a test machine: the upstream is down.
      const s = await serve({ MOAT_DATA_DIR: dir, MOAT_UPSTREAM_URL: 'http://127.0.0.1:9/v1' });
      try {
        assert.doesNotMatch(s.text, /demo key/);
        assert.match(s.text, /Create an account and an API key/);
        assert.match(s.text, /POST \S+\/admin\/v1\/accounts\/acct_first\/keys/);
        assert.equal((await fetch(`${s.url}/healthz`)).status, 200);
        let ready: Response | undefined;
        for (let i = 0; i < 50; i++) {
          ready = await fetch(`${s.url}/readyz`);
          if (ready.status === 503) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        assert.equal(ready!.status, 503);
        const body = (await ready!.json()) as {
          detail: string;
          store: string;
          upstreams: { up: number; total: number };
        };
        assert.match(body.detail, /every upstream is down/);
        assert.equal(body.store, 'ok');
        assert.deepEqual(body.upstreams, { up: 0, total: 1 });
        assert.doesNotMatch(
          JSON.stringify(body),
          /127\.0\.0\.1|:9\b/,
          'no address in a public answer',
        );
      } finally {
        await stop(s.proc);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('/readyz: ready with the upstream up; each upstream shown only with the admin token (issue 16)', async () => {
    const up = await startUpstreamDouble();
    const gw = await startGateway(up.url, { models: [{ name: 'gpt-test', upstream: 'oa' }] });
    try {
      let r: Response | undefined;
      let body: Record<string, unknown> = {};
      for (let i = 0; i < 50; i++) {
        r = await fetch(`${gw.url}/readyz`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        body = (await r.json()) as Record<string, unknown>;
        if ((body['byUpstream'] as Record<string, { checkedAt: number | null }>)['oa']?.checkedAt)
          break;
        await new Promise((res) => setTimeout(res, 50));
      }
      assert.equal(r!.status, 200);
      const oa = (
        body['byUpstream'] as Record<string, { ok: boolean; kind: string; detail: string }>
      )['oa']!;
      assert.deepEqual(body['upstreams'], { up: 1, total: 1 });
      assert.equal(oa.ok, true);
      assert.equal(oa.kind, 'openai');
      assert.equal(oa.detail, 'HTTP 200');
      assert.ok(
        up.requests.some((q) => q.method === 'GET' && q.path === '/v1/models'),
        'probed with GET /models',
      );
      const anon = (await (await fetch(`${gw.url}/readyz`)).json()) as Record<string, unknown>;
      assert.deepEqual(anon['upstreams'], { up: 1, total: 1 });
      assert.equal(anon['byUpstream'], undefined);
    } finally {
      await gw.close();
      await up.close();
    }
  });

  it("README's first contact: the curl `moat serve` prints and the SDK snippet for each API work (issue 16)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'moat-first-'));
    try {
      const s = await serve({ MOAT_DATA_DIR: dir, MOAT_DEMO_TRAFFIC: '0' });
      try {
        const key = /demo key:\s+(\S+)/.exec(s.text)?.[1];
        assert.ok(key, s.text);
        // The printed curl, sent as curl would send it.
        const curl = /^\s+curl -s (\S+\/v1\/chat\/completions) (.*)$/m.exec(s.text);
        assert.ok(curl, s.text);
        const headers = Object.fromEntries(
          [...curl[2]!.matchAll(/-H "([^:]+): ([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
        );
        const body = /-d '([^']+)'/.exec(curl[2]!)?.[1];
        assert.ok(body, curl[2]);
        const res = await fetch(curl[1]!, { method: 'POST', headers, body });
        assert.equal(res.status, 200);
        assert.ok(((await res.json()) as { choices: unknown[] }).choices.length > 0);

        // README's SDK snippet, run as a user would run try.mjs (bare imports from the project).
        const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
        const snippet = /From the official SDKs[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
        assert.ok(snippet, 'README has the SDK snippet');
        for (const call of [
          'chat.completions.create',
          'responses.create',
          'responses.stream',
          'completions.create',
          'embeddings.create',
          'models.retrieve',
          'messages.create',
          'messages.countTokens',
        ])
          assert.ok(snippet.includes(call), call);
        const out = await new Promise<string>((resolve, reject) =>
          execFile(
            process.execPath,
            ['--input-type=module', '--eval', snippet],
            { cwd: ROOT, env: { ...process.env, MOAT_URL: s.url, MOAT_KEY: key }, timeout: 60_000 },
            (err, stdout, stderr) =>
              err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
          ),
        );
        for (const line of [
          /^chat: \S/m,
          /^responses: \S/m,
          /^streamed: resp_/m,
          /^completions: \S/m,
          /^embeddings: 2 x 256$/m,
          /^models\.retrieve: moat-demo$/m,
          /^messages: \S/m,
          /^count_tokens: \d+$/m,
        ])
          assert.match(out, line);
      } finally {
        await stop(s.proc);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
