import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../test-support/gateway.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../test-support/browser.js';
import { defaultExtensions } from '../extensions/index.js';
import { startDemoTraffic } from '../cli/demo-traffic.js';
import { CONSOLE_ASSETS } from './web.js';
import { ConsoleSessions } from './session.js';

/** The system Chromium (Debian's `chromium` package; .ci/run installs it). Never downloaded. */
const SHOTS = join(process.cwd(), 'artifacts', 'console');
const ANALYST = 'e2e-analyst';

/** Poll `f` until it returns a truthy value; fails with `what` after `tries` rounds. */
async function until<T>(
  what: string,
  f: () => Promise<T | undefined | false>,
  tries = 240,
  everyMs = 500,
): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    await sleep(everyMs);
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** WCAG 2.1 relative luminance and contrast ratio (Understanding SC 1.4.3). */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('issue 17: analyst console', () => {
  let gw: TestGateway;
  let demo: ReturnType<typeof startDemoTraffic>;
  let ctx: BrowserContext;
  let page: Page;
  let profile: string;
  const cspErrors: string[] = [];

  before(async () => {
    const built = spawnSync(process.execPath, ['scripts/build-console.mjs'], { encoding: 'utf8' });
    assert.equal(built.status, 0, built.stderr);
    assert.ok(
      existsSync(CHROMIUM),
      `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium; .ci/run does)`,
    );
    // Incidents open from monitor up, so the demo's campaigns reach the review queue quickly.
    gw = await startGateway(
      undefined,
      { audit: { review: { openAtLevel: 'monitor' } }, demo: { meanTokens: 700 } },
      { extensions: defaultExtensions },
    );
    demo = startDemoTraffic({
      url: gw.url,
      adminToken: ADMIN_TOKEN,
      models: { plain: 'moat-demo', reasoner: 'moat-demo-reasoner' },
      tiers: Object.keys(gw.config.limits.tiers),
      fallbackTier: 'pro',
      rate: 20,
    });
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'moat-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
  });
  after(async () => {
    await ctx?.close();
    await demo?.stop();
    await gw?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('refuses every console route and data-carrying asset without a session (issue 17)', async () => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(gw.url + path, { redirect: 'manual', headers });
    for (const path of ['/console', '/console/']) {
      const r = await get(path);
      assert.equal(r.status, 303, path);
      assert.equal(r.headers.get('location'), '/console/login');
      assert.equal(await r.text(), '', `${path} gives nothing away`);
    }
    const assets = readdirSync(CONSOLE_ASSETS).filter((f) => f.endsWith('.js'));
    assert.ok(
      assets.includes('app.js') && assets.length >= 2,
      'the app and its lazily loaded chunks',
    );
    for (const f of assets) assert.equal((await get(`/console/assets/${f}`)).status, 401, f);
    for (const path of [
      '/admin/v1/overview',
      '/admin/v1/clusters',
      '/admin/v1/accounts',
      '/admin/v1/audit',
      '/admin/v1/incidents',
    ]) {
      const r = await get(path, { cookie: 'moat_console=forged' });
      assert.equal(r.status, 401, path);
      assert.equal(
        ((await r.json()) as { error: { code: string } }).error.code,
        'MOAT_ADMIN_UNAUTHORIZED',
      );
    }
    // The login page and its stylesheet carry no data and are served under the same CSP.
    const login = await get('/console/login');
    assert.equal(login.status, 200);
    assert.match(login.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.doesNotMatch(await login.text(), /<script/i, 'no script at all on the login page');
    assert.equal((await get('/console/assets/console.css')).status, 200);

    const form = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${gw.url}/console/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    assert.equal((await form('token=wrong-token-0000000000&name=x')).status, 401);
    assert.equal(
      (await form(`token=${ADMIN_TOKEN}&name=x`, { origin: 'https://evil.example' })).status,
      403,
      'a login posted from another site',
    );
    assert.equal((await form(`token=${ADMIN_TOKEN}&name=<script>`)).status, 400);
    const ok = await form(`token=${ADMIN_TOKEN}&name=curl`);
    assert.equal(ok.status, 303);
    const cookie = ok.headers.get('set-cookie') ?? '';
    assert.match(
      cookie,
      /^moat_console=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/,
    );
    const session = cookie.split(';')[0]!;
    assert.equal(
      (await get('/admin/v1/overview', { cookie: session })).status,
      200,
      'the session reads the admin API',
    );
    // A state change needs the CSRF token from the page, not just the cookie.
    const shell = await (await get('/console/', { cookie: session })).text();
    const csrf = /name="moat-csrf" content="([^"]+)"/.exec(shell)?.[1];
    assert.ok(csrf);
    const pin = (headers: Record<string, string>) =>
      fetch(`${gw.url}/admin/v1/accounts/acct_nobody/level`, {
        method: 'PUT',
        headers: { cookie: session, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ level: 'block', reason: 'x' }),
      });
    assert.equal((await pin({})).status, 401, 'no CSRF token');
    assert.equal((await pin({ 'x-moat-csrf': 'guess' })).status, 401, 'a wrong CSRF token');
    assert.equal(
      (await pin({ 'x-moat-csrf': csrf, origin: 'https://evil.example' })).status,
      401,
      'another origin',
    );
    assert.equal(
      (await pin({ 'x-moat-csrf': csrf })).status,
      404,
      'with the token the call goes through (no such account)',
    );
    // Signing out needs the token too, clears the cookie and ends the session on the server.
    const logout = (headers: Record<string, string>) =>
      fetch(`${gw.url}/console/logout`, {
        method: 'POST',
        headers: { cookie: session, ...headers },
      });
    assert.equal((await logout({})).status, 401);
    const out = await logout({ 'x-moat-csrf': csrf });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie') ?? '', /^moat_console=; .*Max-Age=0/);
    assert.equal(
      (await get('/admin/v1/overview', { cookie: session })).status,
      401,
      'the old cookie no longer works',
    );
  });

  it('stores only a hash of the session id (issue 17)', () => {
    const s = new ConsoleSessions();
    const { id } = s.open('alice');
    assert.ok(s.get(id));
    assert.ok(
      !JSON.stringify([...(s as unknown as { byHash: Map<string, unknown> }).byHash]).includes(id),
    );
    s.close(id);
    assert.equal(s.get(id), undefined);
  });

  it('level colours and text meet WCAG AA contrast (issue 17)', () => {
    const css = readFileSync(join(CONSOLE_ASSETS, 'console.css'), 'utf8');
    const hex = (c: string) =>
      c.length === 4 ? '#' + [...c.slice(1)].map((d) => d + d).join('') : c;
    const pairs = [
      ...css.matchAll(/\.level-(\w+)\{background:(#[0-9a-f]{3,6});color:(#[0-9a-f]{3,6})\}/gi),
    ].map(([, l, bg, fg]) => [l!, hex(bg!), hex(fg!)] as const);
    assert.ok(pairs.length >= 6, 'a colour pair per level');
    for (const [level, bg, fg] of pairs)
      assert.ok(contrast(bg, fg) >= 4.5, `${level}: ${contrast(bg, fg).toFixed(2)}:1`);
    for (const [name, fg] of [
      ['muted', '#4d5156'],
      ['link', '#0b57d0'],
      ['bad', '#a50e0e'],
    ] as const)
      assert.ok(contrast(fg, '#ffffff') >= 4.5, name);
  });

  it('an analyst signs in, finds the demo attackers on top, pins one, sees it audited, decides an incident and attributes a served answer (issue 17)', async () => {
    const campaign = new Set(demo.campaignAccounts());
    // Wait for the detector to rank some of the demo's accounts.
    await until('demo accounts flagged', async () => {
      const o = await gw.admin('GET', '/overview?top=5');
      return (
        (o.json.top as Array<{ level: string }>).filter((t) => t.level !== 'allow').length >= 3
      );
    });

    await page.goto(`${gw.url}/console/`);
    await page.waitForURL(/\/console\/login$/);
    await page.screenshot({ path: join(SHOTS, '01-login.png') });
    await page.fill('#name', ANALYST);
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=top-risk] tbody tr');
    // Keyboard: the first Tab stop is the skip link, and it moves focus to the page.
    await page.keyboard.press('Tab');
    assert.equal((await page.locator(':focus').textContent())?.trim(), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(':focus').getAttribute('id'), 'main');
    await page.screenshot({ path: join(SHOTS, '02-overview.png'), fullPage: true });

    const top = await page.$$eval('[data-testid=top-risk] tbody tr td:first-child a', (as) =>
      as.map((a) => a.textContent ?? ''),
    );
    assert.ok(campaign.has(top[0]!), `the top account ${top[0]} is one of the demo's campaigns`);
    assert.ok(
      top.slice(0, 5).filter((a) => campaign.has(a)).length >= 3,
      `most of the top five are campaign accounts: ${top.slice(0, 5).join(', ')}`,
    );

    await page.click('[data-testid=top-risk] tbody tr:first-child td:first-child a');
    const attacker = top[0]!;
    await page.waitForSelector('[data-testid=reasons] tbody tr');
    const reasons = await page.$$eval('[data-testid=reasons] tbody tr', (rows) =>
      rows.map((r) => r.textContent ?? ''),
    );
    assert.ok(
      reasons.length > 0 && reasons.every((r) => /\d/.test(r)),
      `reasons with their numbers: ${reasons.join(' | ')}`,
    );
    await page.screenshot({ path: join(SHOTS, '03-account.png'), fullPage: true });

    await page.selectOption('select[name=level]', 'challenge');
    await page.fill('input[name=reason]', 'confirmed by console e2e');
    await page.fill('input[name=hours]', '2');
    await page.click('button:has-text("Pin level")');
    await page.waitForSelector('text=Pinned at challenge.');
    const acct = await gw.admin('GET', `/accounts/${attacker}`);
    assert.equal(acct.json.pin.level, 'challenge');
    assert.equal(acct.json.pin.by, `console:${ANALYST}`, 'audited under the signed-in analyst');

    await page.goto(`${gw.url}/console/#/audit`);
    await page.fill('input[type=search] >> nth=2', attacker);
    const row = page.locator('[data-testid=audit] tbody tr', { hasText: 'level.pinned' });
    await row.first().waitFor();
    assert.match(
      (await row.first().textContent()) ?? '',
      new RegExp(`console:${ANALYST}.*level\\.pinned.*${attacker}.*confirmed by console e2e`),
    );
    await page.waitForSelector('[data-testid=chain]:has-text("Chain verified")');
    // The time filter is the admin API's (since inclusive, until exclusive; the inputs are UTC):
    // the seconds around the pin hold it, the minute after them does not.
    const pinAt = acct.json.pin.at as number;
    const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const asked = (from: number, to: number) =>
      page.waitForResponse(
        (r) =>
          r.url().includes('/admin/v1/audit?') &&
          r.url().includes(`since=${Date.parse(utc(from) + 'Z')}`) &&
          r.url().includes(`until=${Date.parse(utc(to) + 'Z')}`),
      );
    let answer = asked(pinAt - 1000, pinAt + 1000);
    await page.fill('input[name=to]', utc(pinAt + 1000));
    await page.fill('input[name=from]', utc(pinAt - 1000));
    assert.equal((await answer).status(), 200);
    await row.first().waitFor();
    await page.screenshot({ path: join(SHOTS, '04-audit.png'), fullPage: true });
    answer = asked(pinAt + 1000, pinAt + 60_000);
    await page.fill('input[name=to]', utc(pinAt + 60_000));
    await page.fill('input[name=from]', utc(pinAt + 1000));
    assert.equal((await answer).status(), 200);
    await until('the pin filtered out by time', async () => (await row.count()) === 0, 40, 250);
    await page.click('button:has-text("Any time")');
    await row.first().waitFor();

    await page.goto(`${gw.url}/console/#/accounts`);
    await page.waitForSelector('[data-testid=accounts] tbody tr');
    await page.screenshot({ path: join(SHOTS, '05-accounts.png') });
    await page.goto(`${gw.url}/console/#/campaigns`);
    await page.waitForSelector('[data-testid=campaigns] tbody tr a');
    await page.screenshot({ path: join(SHOTS, '06-campaigns.png') });
    await page.click('[data-testid=campaigns] tbody tr:first-child a');
    await page.waitForSelector('.graph canvas');
    await page.screenshot({ path: join(SHOTS, '07-campaign-graph.png'), fullPage: true });

    // Review queue: an open incident, confirmed at a level.
    await until(
      'an open incident',
      async () => (await gw.admin('GET', '/incidents?status=open')).json.incidents.length > 0,
    );
    await page.goto(`${gw.url}/console/#/review`);
    const incident = page.locator('[data-testid=incidents] > li').first();
    await incident.waitFor();
    const id = ((await incident.locator('h2').textContent()) ?? '').split(' ')[0]!;
    await page.screenshot({ path: join(SHOTS, '08-review.png'), fullPage: true });
    await incident.locator('input[value=confirm]').check();
    await incident.locator('select').selectOption('throttle');
    await incident.locator('input[name=note]').fill('same templates, same network');
    await incident.locator('button:has-text("Record decision")').click();
    const resolved = await until(
      'incident resolved',
      async () => {
        const i = await gw.admin('GET', `/incidents/${id}`);
        return i.json.status === 'resolved' ? i.json : undefined;
      },
      60,
    );
    assert.equal(resolved.resolution, 'confirmed');
    assert.equal(resolved.history.at(-1).by, `console:${ANALYST}`);
    const audit = (await gw.admin('GET', '/audit?limit=10000')).json.entries as Array<{
      action: string;
      actor: string;
    }>;
    assert.ok(
      audit.some((e) => e.actor === `console:${ANALYST}` && /resolve|incident/.test(e.action)),
      'the decision is in the audit log',
    );

    // Provenance: a served answer, pasted, is found watermarked and attributed to its account.
    const { key, account } = await gw.newKey('acct_leaker', { tier: 'pro' });
    let served = '';
    let receipt = '';
    // Varied questions, as a real user asks them (one template repeated would rightly raise the account).
    const questions = [
      'How do mountains form?',
      'What makes the sea salty?',
      'Tell me about the history of paper.',
      'Explain how bees make honey.',
      'How are clouds made?',
      'Why do cats purr?',
      'How does a compass work?',
      'What is a comet?',
      'How do fish breathe?',
      'Describe life in a desert.',
      'What do owls eat?',
      'Why is the sky blue?',
      'What is a volcano?',
      'How do trains stay on the rails?',
      'What is the tallest tree?',
    ];
    // Enough served text for the per-account test (the API the page calls says when).
    const attributed = async () =>
      served &&
      (
        (await gw.admin('POST', '/provenance/detect', { text: served })).json.accounts as Array<{
          account: string;
        }>
      ).some((a) => a.account === account);
    for (let i = 0; i < 3 * questions.length && !(i % 3 === 2 && (await attributed())); i++) {
      const r = await fetch(`${gw.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'moat-demo',
          max_tokens: 800,
          messages: [
            {
              role: 'user',
              content: `${questions[i % questions.length]}${i >= questions.length ? ' Tell me more.' : ''}`,
            },
          ],
        }),
      });
      const text = ((await r.json()) as { choices: Array<{ message: { content: string } }> })
        .choices[0]!.message.content;
      if (i === 0) receipt = r.headers.get('moat-receipt') ?? '';
      served += (served ? '\n\n' : '') + text;
      if (i === 0)
        await page.goto(`${gw.url}/console/#/provenance`).then(() => page.fill('#rc-text', text));
    }
    await page.fill('#rc-receipt', receipt);
    await page.click('button:has-text("Verify")');
    await page.waitForSelector('text=The receipt matches this text.');
    await page.fill('#wm-text', served);
    await page.click('button:has-text("Test for the watermark")');
    const det = page.locator('[data-testid=detection]');
    await det.waitFor();
    const verdict = (await det.textContent()) ?? '';
    assert.match(verdict, /^watermarked/, verdict);
    assert.match(verdict, new RegExp(`Served to: ${account}`), verdict);
    await page.screenshot({ path: join(SHOTS, '09-provenance.png'), fullPage: true });

    assert.deepEqual(cspErrors, [], 'no content-security-policy violations');
  });
});
