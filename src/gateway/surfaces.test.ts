import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { startUpstreamDouble, type UpstreamDouble } from '../test-support/upstream-double.js';

/**
 * Issue 16: the API surfaces clients use beside chat — models.retrieve, messages.countTokens,
 * and the client headers that must reach the upstream — through the official SDKs.
 */
describe('issue 16: model lookup, token counting and forwarded headers', () => {
  let up: UpstreamDouble;
  let gw: TestGateway;
  let key: string;
  let openai: OpenAI;
  let anthropic: Anthropic;
  before(async () => {
    up = await startUpstreamDouble();
    gw = await startGateway(up.url, {
      models: [
        { name: 'moat-demo', upstream: 'demo' },
        { name: 'gpt-test', upstream: 'oa' },
        { name: 'claude-test', upstream: 'an' },
        { name: '*', upstream: 'oa' },
      ],
    });
    ({ key } = await gw.newKey('acct_surfaces'));
    openai = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 });
    anthropic = new Anthropic({ baseURL: gw.url, apiKey: key, maxRetries: 0 });
  });
  after(async () => {
    await gw.close();
    await up.close();
  });

  it('models.retrieve: routed names, wildcard names looked up upstream, unknown names 404 (issue 16)', async () => {
    const demo = await openai.models.retrieve('moat-demo');
    assert.equal(demo.id, 'moat-demo');
    assert.equal(demo.object, 'model');
    assert.equal((await openai.models.retrieve('gpt-test')).id, 'gpt-test');
    // Only the wildcard catches it: the upstream is asked, and its slash survives.
    assert.equal((await openai.models.retrieve('double/normal')).id, 'double/normal');
    assert.ok(
      up.requests.some((r) => r.method === 'GET' && r.path === '/v1/models/double%2Fnormal'),
    );
    await assert.rejects(openai.models.retrieve('no-such-model'), (e: unknown) => {
      assert.ok(e instanceof OpenAI.NotFoundError);
      assert.equal((e.error as { code?: string }).code, 'MOAT_UNKNOWN_MODEL');
      return true;
    });
    const a = await anthropic.models.retrieve('claude-test');
    assert.equal(a.id, 'claude-test');
    assert.equal(a.type, 'model');
    const list = await anthropic.models.list();
    assert.ok(list.data.some((m) => m.id === 'moat-demo'));
  });

  it('models routes need a key, and answer in the caller SDK shape (issue 16)', async () => {
    const bad = new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: 'sk-moat-wrong-key', maxRetries: 0 });
    await assert.rejects(bad.models.retrieve('moat-demo'), OpenAI.AuthenticationError);
    const res = await fetch(`${gw.url}/v1/models/nope`, {
      headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' },
    });
    assert.equal(res.status, 404);
    const body = (await res.json()) as { type: string; error: { type: string } };
    assert.equal(body.type, 'error');
    assert.equal(body.error.type, 'not_found_error');
  });

  it('messages.countTokens: counted by an Anthropic upstream, estimated locally otherwise (issue 16)', async () => {
    const messages = [
      { role: 'user' as const, content: 'How many tokens is this sentence, roughly?' },
    ];
    const there = await anthropic.messages.countTokens(
      { model: 'claude-test', messages, system: 'Be brief.' },
      { headers: { 'anthropic-beta': 'token-counting-2024-11-01' } },
    );
    assert.equal(there.input_tokens, 42);
    const seen = up.requests.findLast((r) => r.path === '/v1/messages/count_tokens');
    assert.ok(seen);
    assert.equal(seen.body?.['model'], 'claude-test');
    assert.equal(seen.headers['anthropic-beta'], 'token-counting-2024-11-01');
    assert.equal(
      seen.headers['x-api-key'],
      'upstream-secret-an',
      'the upstream credential, never the client key',
    );

    const here = await anthropic.messages.countTokens({
      model: 'moat-demo',
      messages,
      system: 'Be brief.',
    });
    assert.ok(
      here.input_tokens > 8 && here.input_tokens < 30,
      `local estimate ${here.input_tokens}`,
    );
  });

  it('messages.countTokens: bad input is a 400 in the Anthropic shape (issue 16)', async () => {
    await assert.rejects(
      anthropic.messages.countTokens({ model: 'moat-demo', messages: [] }),
      (e: unknown) => {
        assert.ok(e instanceof Anthropic.BadRequestError);
        const body = e.error as { type: string; error: { type: string; code: string } };
        assert.equal(body.type, 'error');
        assert.equal(body.error.type, 'invalid_request_error');
        assert.equal(body.error.code, 'MOAT_INVALID_REQUEST');
        return true;
      },
    );
    const noKey = await fetch(`${gw.url}/v1/messages/count_tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(noKey.status, 401);
    assert.equal(((await noKey.json()) as { type: string }).type, 'error');
  });

  it('anthropic-beta and anthropic-version reach an Anthropic upstream; the client version replaces the default (issue 16)', async () => {
    const stream = anthropic.messages.stream(
      { model: 'claude-test', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] },
      {
        headers: {
          'anthropic-beta': 'interleaved-thinking-2025-05-14,output-128k-2025-02-19',
          'anthropic-version': '2023-06-01',
        },
      },
    );
    await stream.finalMessage();
    const seen = up.requests.findLast((r) => r.path === '/v1/messages');
    assert.ok(seen);
    assert.equal(
      seen.headers['anthropic-beta'],
      'interleaved-thinking-2025-05-14,output-128k-2025-02-19',
    );
    assert.equal(seen.headers['anthropic-version'], '2023-06-01');
    assert.equal(seen.headers['x-api-key'], 'upstream-secret-an');
  });

  it('OpenAI-Organization and OpenAI-Project reach an OpenAI upstream, nothing else of the client does (issue 16)', async () => {
    const client = new OpenAI({
      baseURL: `${gw.url}/v1`,
      apiKey: key,
      maxRetries: 0,
      organization: 'org-client',
      project: 'proj_client',
    });
    await client.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'hi' }],
    });
    const seen = up.requests.findLast((r) => r.path === '/v1/chat/completions');
    assert.ok(seen);
    assert.equal(seen.headers['openai-organization'], 'org-client');
    assert.equal(seen.headers['openai-project'], 'proj_client');
    assert.equal(seen.headers['authorization'], 'Bearer upstream-secret-oa');
    assert.equal(seen.headers['anthropic-beta'], undefined);
  });
});

describe('issue 16: a header the upstream config sets wins over the client', () => {
  it('configured anthropic-version and openai-organization are not replaced by the client (issue 16)', async () => {
    const up = await startUpstreamDouble();
    const gw = await startGateway(undefined, {
      upstreams: {
        an: {
          kind: 'anthropic',
          baseUrl: up.url,
          apiKey: 'k-an',
          headers: { 'Anthropic-Version': '2099-01-01' },
        },
        oa: {
          kind: 'openai',
          baseUrl: up.url,
          apiKey: 'k-oa',
          headers: { 'OpenAI-Organization': 'org-operator' },
        },
      },
      models: [
        { name: 'claude-test', upstream: 'an' },
        { name: 'gpt-test', upstream: 'oa' },
      ],
    });
    try {
      const { key } = await gw.newKey('acct_pinned');
      const anthropic = new Anthropic({ baseURL: gw.url, apiKey: key, maxRetries: 0 });
      await anthropic.messages.create(
        { model: 'claude-test', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] },
        { headers: { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'b1' } },
      );
      const a = up.requests.findLast((r) => r.path === '/v1/messages')!;
      assert.equal(a.headers['anthropic-version'], '2099-01-01');
      assert.equal(a.headers['anthropic-beta'], 'b1');
      const openai = new OpenAI({
        baseURL: `${gw.url}/v1`,
        apiKey: key,
        maxRetries: 0,
        organization: 'org-client',
      });
      await openai.chat.completions.create({
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'hi' }],
      });
      const o = up.requests.findLast((r) => r.path === '/v1/chat/completions')!;
      assert.equal(o.headers['openai-organization'], 'org-operator');
      // No wildcard route here: an unknown name is a 404 on both surfaces.
      await assert.rejects(
        anthropic.messages.countTokens({
          model: 'nope-model',
          messages: [{ role: 'user', content: 'x' }],
        }),
        Anthropic.NotFoundError,
      );
      await assert.rejects(openai.models.retrieve('nope-model'), OpenAI.NotFoundError);
    } finally {
      await gw.close();
      await up.close();
    }
  });
});
