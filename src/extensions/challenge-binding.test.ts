import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startUpstreamDouble } from '../test-support/upstream-double.js';
import { startGateway } from '../test-support/gateway.js';
import { defaultExtensions } from './index.js';
import { solveChallenge } from '../respond/client.js';

for (const algorithm of ['sha256', 'scrypt'] as const) {
  test(`issue 14 (22): through the gateway, a ${algorithm} solution for request A is refused for request B and admits A once`, async () => {
    const double = await startUpstreamDouble();
    const gw = await startGateway(
      double.url,
      {
        respond: {
          challenge: {
            minDifficulty: 1000,
            maxDifficulty: 5000,
            algorithm,
            scrypt: { N: 1024, r: 1, minBits: 1, maxBits: 2, prefilterBits: 2 },
          },
        },
      },
      { extensions: defaultExtensions },
    );
    try {
      const k = await gw.newKey('acct_bind', { tier: 'pro' });
      await gw.admin('PUT', '/accounts/acct_bind/level', { level: 'challenge', reason: 'test' });
      const send = async (content: string, solution?: string, path = '/v1/chat/completions') => {
        const res = await fetch(gw.url + path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${k.key}`,
            ...(solution ? { 'moat-challenge-solution': solution } : {}),
          },
          body: JSON.stringify({
            model: path === '/v1/messages' ? 'claude-test' : 'gpt-test',
            max_tokens: 16,
            messages: [{ role: 'user', content }],
          }),
        });
        return {
          status: res.status,
          header: res.headers.get('moat-challenge'),
          json: (await res.json()) as any,
        };
      };
      const first = await send('cheap question A');
      assert.equal(first.status, 429);
      const solution = (await solveChallenge(first.header!))!;
      assert.ok(solution);
      const other = await send('valuable question B', solution);
      assert.equal(other.status, 429);
      assert.match(other.json.error.message, /refused \(wrong request\)/);
      const elsewhere = await send('cheap question A', solution, '/v1/messages');
      assert.equal(elsewhere.status, 429, 'another route is another request');
      assert.equal(
        (await send('cheap question A', solution)).status,
        200,
        'the request it was issued for',
      );
      assert.equal((await send('cheap question A', solution)).status, 429, 'once');
    } finally {
      await gw.close();
      await double.close();
    }
  });
}
