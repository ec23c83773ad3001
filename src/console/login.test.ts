import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { defaultExtensions } from '../extensions/index.js';
import { LoginThrottle, loginClient } from './login-throttle.js';

describe('issue 17: console sign-in throttle (unit)', () => {
  const opts = { perClient: 3, global: 10, windowMs: 60_000, baseLockMs: 1000, maxLockMs: 8000 };

  it('locks a client out after perClient failures, doubling the lockout with each further failure', () => {
    const t = new LoginThrottle(opts);
    assert.equal(t.failed('a', 0).lockedMs, undefined);
    assert.equal(t.failed('a', 1).lockedMs, undefined);
    const third = t.failed('a', 2);
    assert.deepEqual([third.failures, third.lockedMs, third.scope], [3, 1000, 'client']);
    assert.deepEqual(t.check('a', 500), { ok: false, retryAfterMs: 502, scope: 'client' });
    assert.deepEqual(t.check('b', 500), { ok: true }, 'another client is not affected');
    assert.deepEqual(t.check('a', 1002), { ok: true }, 'the lockout ends');
    assert.equal(t.failed('a', 1100).lockedMs, 2000);
    assert.equal(t.failed('a', 3200).lockedMs, 4000);
    assert.equal(t.failed('a', 7300).lockedMs, 8000);
    assert.equal(t.failed('a', 15_400).lockedMs, 8000, 'capped at maxLockMs');
  });

  it('a success forgives the client; a quiet window forgets it', () => {
    const t = new LoginThrottle(opts);
    t.failed('a', 0);
    t.failed('a', 1);
    t.succeeded('a');
    assert.equal(t.failed('a', 2).failures, 1);
    t.failed('a', 3);
    assert.equal(t.failed('a', 60_010).failures, 1, 'failures older than the window do not count');
  });

  it('locks everyone out after `global` failures from all clients', () => {
    const t = new LoginThrottle(opts);
    for (let i = 0; i < 9; i++) assert.equal(t.failed(`c${i}`, i).lockedMs, undefined);
    const tenth = t.failed('c9', 9);
    assert.deepEqual([tenth.globalFailures, tenth.lockedMs, tenth.scope], [10, 1000, 'global']);
    assert.deepEqual(t.check('fresh', 10), { ok: false, retryAfterMs: 999, scope: 'global' });
  });

  it('tracks at most maxClients (the oldest forgotten first)', () => {
    const t = new LoginThrottle({ ...opts, maxClients: 2, global: 1000 });
    t.failed('a', 0);
    t.failed('a', 0);
    t.failed('b', 0);
    t.failed('c', 0);
    assert.equal(t.failed('a', 1).failures, 1, '"a" was forgotten');
  });

  it('keys IPv4 by address and IPv6 by /64', () => {
    assert.equal(loginClient('203.0.113.7'), '203.0.113.7');
    assert.equal(loginClient('::ffff:203.0.113.7'), '203.0.113.7');
    assert.equal(loginClient('2001:db8:1:2:aaaa::1'), loginClient('2001:db8:1:2:bbbb::9'));
    assert.notEqual(loginClient('2001:db8:1:2::1'), loginClient('2001:db8:1:3::1'));
  });
});

describe('issue 17: console sign-in throttle (gateway)', () => {
  let gw: TestGateway;
  const logged: string[] = [];
  const WRONG = 'wrong-token-SECRET-GUESS-4242';
  const form = (token: string, accept = 'application/json') =>
    fetch(`${gw.url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
      body: new URLSearchParams({ token, name: 'mallory' }).toString(),
    });

  before(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString('utf8'));
        done();
      },
    });
    gw = await startGateway(
      undefined,
      {},
      { extensions: defaultExtensions, logger: pino({ level: 'info' }, sink) },
    );
  });
  after(() => gw?.close());

  it('the 5th wrong token from one address locks it out: 429 + Retry-After in the admin error format, the right token refused while locked; audited and logged without the token (issue 17)', async () => {
    for (let i = 1; i <= 4; i++) assert.equal((await form(WRONG)).status, 401, `failure ${i}`);
    const fifth = await form(WRONG);
    assert.equal(fifth.status, 429, 'the failure that reaches the limit');
    const retry = Number(fifth.headers.get('retry-after'));
    assert.ok(retry >= 1 && retry <= 30, `Retry-After: ${retry}`);
    const body = (await fifth.json()) as { error: { code: string; type: string; message: string } };
    assert.equal(body.error.code, 'MOAT_RATE_LIMITED');
    assert.equal(body.error.type, 'rate_limit_error');
    assert.match(body.error.message, /console sign-in/);

    const right = await form(ADMIN_TOKEN);
    assert.equal(right.status, 429, 'while locked out the token is not even compared');
    assert.equal(right.headers.get('set-cookie'), null);
    assert.ok(Number(right.headers.get('retry-after')) >= 1);

    // A browser's form post gets the login page, saying when to try again.
    const page = await form(WRONG, 'text/html,application/xhtml+xml');
    assert.equal(page.status, 429);
    assert.ok(Number(page.headers.get('retry-after')) >= 1);
    assert.match(
      await page.text(),
      /Too many failed sign-ins from your address: try again in \d+ seconds/,
    );

    const audit = await gw.admin('GET', '/audit');
    const entries = (
      audit.json as {
        entries: Array<{
          action: string;
          subject: string;
          actor: string;
          data: Record<string, unknown>;
        }>;
      }
    ).entries.filter((e) => e.action.startsWith('console.login'));
    assert.deepEqual(
      entries.map((e) => e.action),
      [
        'console.login.failed',
        'console.login.failed',
        'console.login.failed',
        'console.login.failed',
        'console.login.locked',
      ],
      'each failure counted until the lockout; refused attempts while locked are only logged',
    );
    assert.equal(entries[4]!.subject, '127.0.0.1');
    assert.equal(entries[4]!.actor, 'console:mallory');
    assert.equal(entries[4]!.data['failures'], 5);
    assert.ok(!JSON.stringify(audit.json).includes(WRONG), 'no submitted token in the audit log');
    assert.ok(!JSON.stringify(audit.json).includes(ADMIN_TOKEN), 'nor the admin token');

    const log = logged.join('');
    assert.match(log, /console sign-in failed: locked out/);
    assert.match(log, /console sign-in refused: too many failed attempts/);
    assert.ok(!log.includes(WRONG), 'no submitted token in the server log');
    assert.ok(!log.includes(ADMIN_TOKEN), 'nor the admin token');

    // The admin API itself, with the bearer token, is not the console's sign-in.
    assert.equal((await gw.admin('GET', '/overview')).status, 200);
  });
});
