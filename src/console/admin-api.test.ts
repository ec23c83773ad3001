import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import OpenAI from 'openai';
import { startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from '../extensions/index.js';

/** Issue 16: the admin API an operator needs on day one, and its OpenAPI document. */
describe('issue 16: admin API gaps', () => {
  let gw: TestGateway;
  const chat = (key: string) =>
    new OpenAI({ baseURL: `${gw.url}/v1`, apiKey: key, maxRetries: 0 }).chat.completions.create({
      model: 'moat-demo',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'hi' }],
    });
  before(async () => {
    gw = await startGateway(undefined, {}, { extensions: defaultExtensions });
  });
  after(() => gw.close());

  it('keys: name and expiresAt are stored, listed and applied; an expired key is refused (issue 16)', async () => {
    await gw.admin('POST', '/accounts', { id: 'acct_keys', tier: 'pro' });
    const expiresAt = Date.now() + 1500;
    const k = await gw.admin('POST', '/accounts/acct_keys/keys', { name: 'ci runner', expiresAt });
    assert.equal(k.status, 201);
    assert.equal(k.json.name, 'ci runner');
    assert.equal(k.json.expiresAt, expiresAt);
    const plain = await gw.admin('POST', '/accounts/acct_keys/keys');
    assert.equal(plain.status, 201, 'a body is optional');
    assert.equal(plain.json.name, null);

    const list = await gw.admin('GET', '/accounts/acct_keys/keys');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.json.data.map((x: { name: string | null; status: string }) => [x.name, x.status]),
      [
        ['ci runner', 'active'],
        [null, 'active'],
      ],
    );
    assert.ok(
      list.json.data.every((x: Record<string, unknown>) => !('hash' in x) && !('key' in x)),
    );

    await chat(k.json.key);
    await sleep(expiresAt - Date.now() + 50);
    await assert.rejects(chat(k.json.key), (e: unknown) => {
      assert.ok(e instanceof OpenAI.AuthenticationError);
      assert.equal((e.error as { code: string }).code, 'MOAT_INVALID_API_KEY');
      return true;
    });
    await chat(plain.json.key);
    const after = await gw.admin('GET', '/accounts/acct_keys/keys');
    assert.equal(after.json.data[0].status, 'expired');

    assert.equal(
      (await gw.admin('POST', '/accounts/acct_keys/keys', { expiresAt: Date.now() - 1 })).status,
      400,
    );
    assert.equal(
      (await gw.admin('POST', '/accounts/acct_keys/keys', { expiresAt: 'tomorrow' })).status,
      400,
    );
    assert.equal(
      (await gw.admin('POST', '/accounts/acct_keys/keys', { label: 'x' })).status,
      400,
      'unknown fields are refused',
    );
    assert.equal((await gw.admin('GET', '/accounts/nobody/keys')).status, 404);
  });

  it('PATCH an account: tier and profile change, audited; bad bodies are 400s (issue 16)', async () => {
    await gw.admin('POST', '/accounts', { id: 'acct_patch', tier: 'free' });
    const r = await gw.admin('PATCH', '/accounts/acct_patch', {
      tier: 'pro',
      name: 'Acme research',
    });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.tier, 'pro');
    assert.equal((await gw.admin('GET', '/accounts/acct_patch')).json.tier, 'pro');
    assert.equal((await gw.admin('PATCH', '/accounts/acct_patch', {})).status, 400);
    assert.equal(
      (await gw.admin('PATCH', '/accounts/acct_patch', { signupIp: '203.0.113.9' })).status,
      400,
      'signup evidence is not editable',
    );
    assert.equal(
      (await gw.admin('PATCH', '/accounts/acct_patch', { tier: 'no-such-tier' })).status,
      400,
      'tiers come from the tier table',
    );
    assert.equal((await gw.admin('PATCH', '/accounts/nobody', { tier: 'pro' })).status, 404);
    const audit = await gw.admin('GET', '/audit?limit=1000');
    const entry = (audit.json.entries ?? audit.json.data ?? []).find(
      (e: { action: string; subject: string }) =>
        e.action === 'account.updated' && e.subject === 'acct_patch',
    );
    assert.ok(entry, 'audited');
  });

  it('list and search accounts by level, tier, score, creation time and text, paged (issue 16)', async () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    for (const [id, tier, day] of [
      ['acct_s1', 'free', 0],
      ['acct_s2', 'pro', 1],
      ['acct_s3', 'pro', 2],
    ] as const) {
      assert.equal(
        (
          await gw.admin('POST', '/accounts', {
            id,
            tier,
            createdAt: t0 + day * 86_400_000,
            email: `${id}@example.com`,
          })
        ).status,
        201,
      );
    }
    await gw.admin('PUT', '/accounts/acct_s3/level', { level: 'throttle', reason: 'review' });
    const ids = async (q: string) => {
      const r = await gw.admin('GET', `/accounts?${q}`);
      assert.equal(r.status, 200, JSON.stringify(r.json));
      return (r.json.data as Array<{ id: string }>)
        .map((a) => a.id)
        .filter((id) => id.startsWith('acct_s'));
    };
    assert.deepEqual(await ids('tier=pro'), ['acct_s2', 'acct_s3']);
    assert.deepEqual(await ids('minLevel=throttle'), ['acct_s3']);
    assert.deepEqual(await ids('level=allow&q=acct_s'), ['acct_s1', 'acct_s2']);
    assert.deepEqual(
      await ids(`createdAfter=${t0 + 86_400_000}&createdBefore=2026-01-03T00:00:00Z`),
      ['acct_s2'],
    );
    assert.deepEqual(await ids('minScore=0.5&q=acct_s'), [], 'no detector score yet');
    const listed = await gw.admin('GET', '/accounts?q=acct_s3');
    assert.equal(listed.json.data[0].level, 'throttle');
    assert.equal(typeof listed.json.data[0].score, 'number');
    const page1 = await gw.admin('GET', '/accounts?q=acct_s&limit=2');
    assert.equal(page1.json.data.length, 2);
    const page2 = await gw.admin('GET', `/accounts?q=acct_s&limit=2&after=${page1.json.next}`);
    assert.deepEqual(
      page2.json.data.map((a: { id: string }) => a.id),
      ['acct_s3'],
    );
    assert.equal(page2.json.next, null);
    assert.equal((await gw.admin('GET', '/accounts?minLevel=worst')).status, 400);
    assert.equal((await gw.admin('GET', '/accounts?createdAfter=yesterday')).status, 400);
    assert.equal((await gw.admin('GET', '/accounts?bogus=1')).status, 400);
  });

  it('disable revokes every key and refuses new ones; enable allows new keys (issue 16)', async () => {
    const { key } = await gw.newKey('acct_dis', { tier: 'pro' });
    await chat(key);
    const d = await gw.admin('POST', '/accounts/acct_dis/disable', { reason: 'chargeback fraud' });
    assert.equal(d.status, 200, JSON.stringify(d.json));
    assert.equal(d.json.revokedKeys.length, 1);
    assert.equal(d.json.disabled.reason, 'chargeback fraud');
    await assert.rejects(chat(key), OpenAI.AuthenticationError);
    assert.equal((await gw.admin('POST', '/accounts/acct_dis/keys')).status, 409);
    assert.deepEqual(
      (await gw.admin('GET', '/accounts?disabled=true&q=acct_dis')).json.data.map(
        (a: { id: string }) => a.id,
      ),
      ['acct_dis'],
    );
    assert.equal(
      (await gw.admin('POST', '/accounts/acct_dis/disable', {})).status,
      400,
      'a reason is required',
    );
    assert.equal(
      (await gw.admin('POST', '/accounts/acct_dis/enable', { reason: 'refund settled' })).status,
      200,
    );
    assert.equal(
      (await gw.admin('POST', '/accounts/acct_dis/enable', { reason: 'again' })).status,
      409,
    );
    const fresh = await gw.admin('POST', '/accounts/acct_dis/keys');
    assert.equal(fresh.status, 201);
    await chat(fresh.json.key);
  });

  it('GET /events without account; organization usage reports (issue 16)', async () => {
    const { key } = await gw.newKey('acct_org1', { tier: 'pro', organization: 'org_acme' });
    await chat(key);
    await gw.app.flushTelemetry();
    const all = await gw.admin('GET', '/events?limit=1000');
    assert.equal(all.status, 200, JSON.stringify(all.json));
    assert.ok(all.json.data.some((e: { account: string }) => e.account === 'acct_org1'));
    assert.ok(
      new Set(all.json.data.map((e: { account: string }) => e.account)).size > 1,
      'every account',
    );

    const res = await fetch(`${gw.url}/admin/v1/organizations/org_acme/usage`, {
      headers: { authorization: `Bearer test-admin-token-0123456789` },
    });
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(res.headers.get('moat-signature') ?? '', /^ed25519;/);
    const report = (await res.json()) as { accounts?: string[] };
    assert.deepEqual(report.accounts, ['acct_org1']);
    assert.equal((await gw.admin('GET', '/organizations/org_nobody/usage')).status, 404);
  });

  it('GET /admin/v1/openapi.json: OpenAPI 3.1 covering every admin route, schemas from the validators (issue 16)', async () => {
    const r = await gw.admin('GET', '/openapi.json');
    assert.equal(r.status, 200);
    const doc = r.json as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            summary: string;
            requestBody?: { content: Record<string, { schema: object }> };
            parameters: Array<{ name: string; in: string }>;
          }
        >
      >;
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const [path, method] of [
      ['/admin/v1/accounts', 'get'],
      ['/admin/v1/accounts', 'post'],
      ['/admin/v1/accounts/{id}', 'patch'],
      ['/admin/v1/accounts/{id}/keys', 'get'],
      ['/admin/v1/accounts/{id}/keys', 'post'],
      ['/admin/v1/accounts/{id}/disable', 'post'],
      ['/admin/v1/keys/{keyId}', 'delete'],
      ['/admin/v1/events', 'get'],
      ['/admin/v1/organizations/{id}/usage', 'get'],
      ['/admin/v1/intel/reload', 'post'],
      ['/admin/v1/incidents', 'get'],
      ['/admin/v1/audit', 'get'],
    ] as const) {
      const op = doc.paths[path]?.[method];
      assert.ok(op, `${method} ${path}`);
      assert.ok(
        op.summary && !op.summary.startsWith(method.toUpperCase()),
        `${method} ${path} has a summary`,
      );
    }
    const events = doc.paths['/admin/v1/events']!['get']!;
    assert.ok(events.parameters.some((p) => p.name === 'account' && p.in === 'query'));
    const keySchema =
      doc.paths['/admin/v1/accounts/{id}/keys']!['post']!.requestBody!.content['application/json']!
        .schema;
    const validate = new Ajv2020({ strict: false }).compile(keySchema);
    assert.ok(validate({ name: 'ci', expiresAt: '2030-01-01T00:00:00Z' }));
    assert.ok(validate({ expiresAt: 1893456000000 }));
    assert.equal(validate({ label: 'x' }), false, 'the strict schema refuses unknown fields');
    assert.equal(
      (await fetch(`${gw.url}/admin/v1/openapi.json`)).status,
      401,
      'behind the admin token',
    );
  });
});
