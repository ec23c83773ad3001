/**
 * First load of the analyst console's overview, in the system Chromium (playwright-core):
 * bytes over the wire (CDP Network.loadingFinished encodedDataLength, every response
 * included, after the network is idle) and time from navigation to the top-risk table drawn, with 10,000 accounts
 * (1,000 of them with a verdict, 200 in campaigns, an hour of traffic) against a baseline
 * of an empty store measured in the same run.
 *
 *   npm run bench:console [-- --accounts 10000 --runs 5]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';
import { ADMIN_TOKEN, startGateway, type TestGateway } from '../../src/test-support/gateway.js';
import { CHROMIUM, CHROMIUM_ARGS } from '../../src/test-support/browser.js';
import { defaultExtensions } from '../../src/extensions/index.js';
import { LEVELS, type TelemetryEvent, type Verdict } from '../../src/telemetry/event.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '5' },
  },
});
const ACCOUNTS = Number(values.accounts);
const RUNS = Number(values.runs);

async function populate(gw: TestGateway, n: number): Promise<void> {
  const now = Date.now();
  const verdicts: Verdict[] = [];
  for (let i = 0; i < n; i++) {
    const id = `acct_${String(i).padStart(6, '0')}`;
    await gw.app.store.createAccount({
      id,
      createdAt: now - i * 60_000,
      email: `${id}@example.com`,
      tier: i % 3 ? 'free' : 'pro',
      route: 'self-serve',
    });
    if (i % 10 === 0) {
      const score = ((i * 7919) % 1000) / 1000;
      verdicts.push({
        account: id,
        score,
        level: LEVELS[Math.min(5, Math.floor(score * 6))]!,
        reasons: [
          {
            code: 'template_reuse',
            weight: score,
            detail: `${Math.round(score * 100)}% of prompts share 3 templates`,
          },
        ],
        cluster: i % 50 === 0 ? `cl_${i % 7}` : null,
        updatedAt: now,
      });
    }
  }
  gw.app.applyVerdicts(verdicts);
  // An hour of traffic, 20 requests a minute, through the bus as the gateway emits it.
  for (let m = 60; m > 0; m--) {
    for (let k = 0; k < 20; k++) {
      const e: TelemetryEvent = {
        ts: now - m * 60_000 + k * 1000,
        account: `acct_${String((m * 20 + k) % n).padStart(6, '0')}`,
        key: 'key_bench',
        endpoint: 'chat.completions',
        model: 'moat-demo',
        request: { messages: [{ role: 'user', content: 'hi' }] },
        response: {
          text: 'hello',
          inputTokens: 10,
          outputTokens: 200,
          finishReason: 'stop',
          latencyMs: 5,
        },
        status: 200,
        action: 'allow',
      };
      gw.app.bus.publish(e);
    }
  }
  await gw.app.flushTelemetry();
}

async function measure(
  ctx: BrowserContext,
  url: string,
): Promise<{ bytes: number; ms: number; requests: number }> {
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  const t0 = performance.now();
  await page.goto(`${url}/console/`);
  await page.waitForSelector(
    '[data-testid=top-risk] tbody tr, [data-testid=top-risk] tbody:empty',
    { state: 'attached' },
  );
  const ms = performance.now() - t0;
  // Bytes once everything the page asked for has arrived (plots, incidents).
  await page.waitForLoadState('networkidle');
  await page.close();
  return { bytes, ms, requests };
}

async function run(
  n: number,
): Promise<{ bytes: number; ms: number[]; requests: number; api: number[] }> {
  const gw = await startGateway(undefined, {}, { extensions: defaultExtensions });
  const profile = mkdtempSync(join(tmpdir(), 'moat-bench-chromium-'));
  try {
    await populate(gw, n);
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    try {
      const login = await ctx.newPage();
      await login.goto(`${gw.url}/console/login`);
      await login.fill('#token', ADMIN_TOKEN);
      await login.click('button[type=submit]');
      await login.waitForURL(/\/console\/$/);
      await login.close();
      const results = [];
      for (let i = 0; i < RUNS; i++) results.push(await measure(ctx, gw.url));
      const api: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await gw.admin('GET', '/overview?minutes=60&top=10');
        api.push(performance.now() - t0);
      }
      return {
        bytes: results[0]!.bytes,
        requests: results[0]!.requests,
        ms: results.map((r) => r.ms),
        api,
      };
    } finally {
      await ctx.close();
    }
  } finally {
    await gw.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const built = spawnSync(process.execPath, ['scripts/build-console.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);
const empty = await run(0);
const full = await run(ACCOUNTS);
const row = (label: string, r: typeof full) =>
  `${label.padEnd(16)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KiB in ${String(r.requests).padStart(2)} responses   table drawn after median ${median(r.ms).toFixed(0).padStart(5)} ms (min ${Math.min(...r.ms).toFixed(0)})   GET /overview median ${median(r.api).toFixed(1)} ms`;
console.log(
  `console overview, first load (cache disabled), ${RUNS} runs each, system Chromium headless`,
);
console.log(row('empty store', empty));
console.log(row(`${ACCOUNTS} accounts`, full));
console.log(
  `ratio ${ACCOUNTS} accounts / empty: bytes ×${(full.bytes / empty.bytes).toFixed(2)}, load time ×${(median(full.ms) / median(empty.ms)).toFixed(2)}`,
);
