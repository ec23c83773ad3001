import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { UpstreamConfig } from '../../config/config.js';
import { MoatError } from '../../errors/registry.js';
import { startUpstreamDouble } from '../../test-support/upstream-double.js';
import type { UpstreamDouble } from '../../test-support/upstream-double.js';
import { DOUBLE_TEXT } from '../../test-support/double-bodies.js';
import type { Protocol, SseEvent, Upstream, UpstreamResponse } from '../upstream.js';
import { createUpstream } from './index.js';

async function collect(res: UpstreamResponse): Promise<SseEvent[]> {
  assert.ok(res.events, 'expected an event stream');
  const out: SseEvent[] = [];
  for await (const ev of res.events) out.push(ev);
  return out;
}

function isCode(code: string) {
  return (err: unknown): boolean => err instanceof MoatError && err.code === code;
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

const BODY = {
  openai: {
    model: 'm-1',
    messages: [{ role: 'user', content: 'hi ☃' }],
    temperature: 0.3,
    logit_bias: { '42': 1 },
  },
  anthropic: {
    model: 'm-1',
    max_tokens: 64,
    system: 'be brief',
    messages: [{ role: 'user', content: 'hi ☃' }],
  },
};

for (const protocol of ['openai', 'anthropic'] as const satisfies readonly Protocol[]) {
  describe(`${protocol} upstream adapter against the double`, () => {
    let double: UpstreamDouble;
    let up: Upstream;
    let fast: Upstream;
    const cfg = (timeoutMs: number, headers: Record<string, string> = {}): UpstreamConfig => ({
      kind: protocol,
      baseUrl: double.url,
      apiKey: 'sk-upstream-secret',
      timeoutMs,
      headers,
    });
    const call = (
      u: Upstream,
      stream: boolean,
      extra: Record<string, unknown> = {},
      signal = new AbortController().signal,
    ) =>
      u.call({
        protocol,
        body: { ...BODY[protocol], ...extra, ...(stream ? { stream: true } : {}) },
        stream,
        signal,
        requestId: 'r1',
      });

    before(async () => {
      double = await startUpstreamDouble({ slowDelayMs: 30, hugeBytes: 1024 * 1024 });
      up = createUpstream('main', cfg(10_000, { 'X-Extra': 'yes' }));
      fast = createUpstream('fast', cfg(300));
    });
    after(async () => {
      await up.close();
      await fast.close();
      await double.close();
    });

    it('forwards the body untouched with credentials from config, and returns JSON', async () => {
      assert.ok(up.speaks(protocol));
      assert.ok(!up.speaks(protocol === 'openai' ? 'anthropic' : 'openai'));
      const res = await call(up, false);
      assert.equal(res.status, 200);
      assert.equal(res.headers['x-request-id'], 'req_double');
      const text =
        protocol === 'openai'
          ? (res.json?.['choices'] as Array<{ message: { content: string } }>)[0]!.message.content
          : (res.json?.['content'] as Array<{ text: string }>)[0]!.text;
      assert.equal(text, DOUBLE_TEXT);
      const rec = double.requests.at(-1)!;
      assert.equal(rec.path, protocol === 'openai' ? '/v1/chat/completions' : '/v1/messages');
      assert.deepEqual(rec.body, BODY[protocol]);
      assert.equal(rec.headers['x-extra'], 'yes');
      if (protocol === 'openai')
        assert.equal(rec.headers['authorization'], 'Bearer sk-upstream-secret');
      else {
        assert.equal(rec.headers['x-api-key'], 'sk-upstream-secret');
        assert.equal(rec.headers['anthropic-version'], '2023-06-01');
      }
    });

    it('streams events in order, ending with the protocol terminator', async () => {
      const events = await collect(await call(up, true));
      if (protocol === 'openai') {
        assert.equal(events.at(-1)!.data, '[DONE]');
        const text = events
          .slice(0, -1)
          .map(
            (e) =>
              (JSON.parse(e.data) as { choices: Array<{ delta: { content?: string } }> }).choices[0]
                ?.delta.content ?? '',
          )
          .join('');
        assert.equal(text, DOUBLE_TEXT);
      } else {
        assert.equal(events[0]!.event, 'message_start');
        assert.equal(events.at(-1)!.event, 'message_stop');
        assert.ok(events.some((e) => e.event === 'message_delta'));
      }
    });

    it('returns upstream error statuses with their JSON bodies', async () => {
      for (const status of [400, 429, 500]) {
        const res = await call(up, status === 500, { model: `double/error-${status}` });
        assert.equal(res.status, status);
        assert.equal(res.events, undefined);
        assert.match(JSON.stringify(res.json), /simulated HTTP/);
        if (status === 429) assert.equal(res.headers['retry-after'], '1');
      }
    });

    it('synthesises an API-shaped error when the error body is not JSON', async () => {
      const res = await call(up, true, { model: 'double/non-json-500' });
      assert.equal(res.status, 500);
      const err = (
        protocol === 'openai' ? res.json?.['error'] : (res.json?.['error'] as object)
      ) as { message: string; type: string };
      assert.match(err.message, /HTTP 500.*Internal Server Error/);
      assert.equal(err.type, protocol === 'openai' ? 'server_error' : 'api_error');
      if (protocol === 'anthropic') assert.equal(res.json?.['type'], 'error');
    });

    it('returns JSON when the upstream ignores stream: true', async () => {
      const res = await call(up, true, { model: 'double/ignore-stream' });
      assert.equal(res.status, 200);
      assert.equal(res.events, undefined);
      assert.ok(res.json);
    });

    it('refuses a 200 whose body is not JSON with MOAT_UPSTREAM_ERROR', async () => {
      await assert.rejects(
        call(up, false, { model: 'double/non-json-200' }),
        isCode('MOAT_UPSTREAM_ERROR'),
      );
    });

    it('times out waiting for headers with MOAT_UPSTREAM_TIMEOUT', async () => {
      await assert.rejects(
        call(fast, false, { model: 'double/hang-headers' }),
        isCode('MOAT_UPSTREAM_TIMEOUT'),
      );
    });

    it('times out a stalled stream with MOAT_UPSTREAM_TIMEOUT from the iterator', async () => {
      const res = await call(fast, true, { model: 'double/hang-stream' });
      const seen: SseEvent[] = [];
      await assert.rejects(async () => {
        for await (const ev of res.events!) seen.push(ev);
      }, isCode('MOAT_UPSTREAM_TIMEOUT'));
      assert.equal(seen.length, 2);
    });

    it('reports a connection cut mid-stream as MOAT_UPSTREAM_ERROR', async () => {
      const res = await call(up, true, { model: 'double/close-stream' });
      await assert.rejects(collect(res), isCode('MOAT_UPSTREAM_ERROR'));
    });

    it('reports a refused connection as MOAT_UPSTREAM_UNREACHABLE', async () => {
      const port = await closedPort();
      const dead = createUpstream('dead', { ...cfg(1000), baseUrl: `http://127.0.0.1:${port}/v1` });
      await assert.rejects(call(dead, false), isCode('MOAT_UPSTREAM_UNREACHABLE'));
      await assert.rejects(call(dead, true), isCode('MOAT_UPSTREAM_UNREACHABLE'));
      await dead.close();
    });

    it('aborts the upstream request when the signal fires before headers', async () => {
      const ac = new AbortController();
      const aborted = double.waitForAbort();
      const p = call(up, false, { model: 'double/hang-headers' }, ac.signal);
      setTimeout(() => ac.abort(), 20);
      await assert.rejects(p, (e: unknown) => (e as Error).name === 'AbortError');
      await aborted;
    });

    it('ends the stream quietly and closes the upstream connection when the signal fires mid-stream', async () => {
      const ac = new AbortController();
      const aborted = double.waitForAbort();
      const res = await call(up, true, { model: 'double/slow-stream' }, ac.signal);
      const seen: SseEvent[] = [];
      for await (const ev of res.events!) {
        seen.push(ev);
        if (seen.length === 2) ac.abort();
      }
      assert.ok(seen.length >= 2 && seen.length < 6);
      await aborted;
    });

    it('aborts the upstream request when the consumer stops iterating', async () => {
      const aborted = double.waitForAbort();
      const res = await call(up, true, { model: 'double/slow-stream' });
      for await (const _ of res.events!) break;
      await aborted;
    });

    it('reads a huge response whole, and a huge stream chunk by chunk', async () => {
      const res = await call(up, false, { model: 'double/huge' });
      assert.equal((res.json?.['filler'] as string).length, 1024 * 1024);
      const events = await collect(await call(up, true, { model: 'double/huge' }));
      assert.ok(events.length > 60);
    });

    it('lists the upstream models', async () => {
      const models = await (up as Upstream & { listModels(): Promise<string[]> }).listModels();
      assert.deepEqual(models, ['double-model']);
    });
  });
}

describe('anthropic-version', () => {
  it('is replaced by a configured header', async () => {
    const double = await startUpstreamDouble();
    const up = createUpstream('a', {
      kind: 'anthropic',
      baseUrl: double.url,
      timeoutMs: 5000,
      headers: { 'Anthropic-Version': '2099-01-01' },
    });
    await up.call({
      protocol: 'anthropic',
      body: BODY.anthropic,
      stream: false,
      signal: new AbortController().signal,
      requestId: 'x',
    });
    assert.equal(double.requests[0]!.headers['anthropic-version'], '2099-01-01');
    assert.equal(double.requests[0]!.headers['x-api-key'], undefined);
    await up.close();
    await double.close();
  });
});
