import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MoatConfig } from '../../config/config.js';
import { createApp, type MoatApp } from '../../gateway/app.js';
import { extensionsFor } from '../../extensions/index.js';
import { consoleAdmin } from '../../console/extension.js';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { startDemoTraffic } from '../demo-traffic.js';

const DEMO_ACCOUNT = 'acct_demo';
/** The demo key's secret, kept in the data dir (0600) so it survives restarts, like the admin token. */
const DEMO_KEY_FILE = 'demo-key';

/**
 * The demo account's key: the one saved in the data dir while it still works, else a new
 * one (saved). The account is on the `pro` tier when the tier table has it (500 requests a
 * minute), so an SDK walk-through does not meet a 429; an older demo account still on
 * `free` is moved (issue 16: 20 rpm, and a new key each restart).
 */
async function demoKey(app: MoatApp, config: MoatConfig): Promise<string> {
  const tier = config.limits.tiers['pro'] ? 'pro' : config.limits.defaultTier;
  const created = await app.store.createAccount({
    id: DEMO_ACCOUNT,
    createdAt: Date.now(),
    name: 'Demo account',
    tier,
    route: 'self-serve',
  });
  if (!created) {
    const existing = await app.store.getAccount(DEMO_ACCOUNT);
    if (existing?.tier === 'free' && existing.name === 'Demo account' && tier !== 'free')
      await app.store.updateAccount(DEMO_ACCOUNT, { tier });
  }
  const file = join(config.dataDirAbs, DEMO_KEY_FILE);
  if (existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    const key = await app.keys.authenticate(saved);
    if (key?.account === DEMO_ACCOUNT) return saved;
  }
  const { secret } = await app.keys.create(DEMO_ACCOUNT, Date.now(), {
    name: 'demo key (moat serve)',
  });
  mkdirSync(config.dataDirAbs, { recursive: true, mode: 0o700 });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** A listen failure in words an operator can act on. */
function listenError(
  err: unknown,
  host: string,
  port: number,
  metricsPort: number | undefined,
): Error {
  const e = err as NodeJS.ErrnoException & { address?: string; port?: number };
  const where = `${e.address ?? host}:${e.port ?? port}`;
  const which =
    e.port !== undefined && e.port === metricsPort && metricsPort !== port ? ' (metrics.port)' : '';
  if (e.code === 'EADDRINUSE') {
    return new Error(
      `cannot listen on ${where}${which}: the port is already in use. Stop the other process or choose another port (--port, MOAT_PORT).`,
    );
  }
  if (e.code === 'EACCES')
    return new Error(
      `cannot listen on ${where}${which}: permission denied (ports below 1024 need privileges).`,
    );
  if (e.code === 'EADDRNOTAVAIL')
    return new Error(
      `cannot listen on ${where}${which}: no such local address (check --host, MOAT_HOST).`,
    );
  return new Error(`cannot listen on ${where}${which}: ${e.message}`);
}

/** `moat serve`: start the gateway (what `npm start` runs). */
export const command: Command = {
  name: 'serve',
  summary: 'Start the gateway (OpenAI + Anthropic routes, admin API, detector)',
  usage: `Usage: moat serve [--port N] [--host ADDR] [--no-detector] [--demo-traffic | --no-demo-traffic]

Starts Moat on its configuration (MOAT_CONFIG, MOAT_PORT, MOAT_DATA_DIR, …).
With no configuration it runs embedded: SQLite in ./.moat, the built-in demo
model, and prints an admin token and a demo API key (kept in the data dir
across restarts). In front of a real model it prints how to create a key.

--no-detector   run no detector in this process: \`moat detector\` partitions
                read the events from NATS (MOAT_NATS_URL) and send verdicts
                back through Redis (MOAT_REDIS_URL); both must be set.
--demo-traffic  send simulated honest and campaign traffic to the demo model,
                so the console (/console) shows live detection; on by default
                with the built-in demo model (MOAT_DEMO_TRAFFIC=0 or
                --no-demo-traffic turns it off, MOAT_DEMO_TRAFFIC=1 on).`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        port: { type: 'string' },
        host: { type: 'string' },
        'no-detector': { type: 'boolean' },
        'demo-traffic': { type: 'boolean' },
        'no-demo-traffic': { type: 'boolean' },
      },
      false,
    );
    const env = { ...ctx.env };
    if (values.port) env['MOAT_PORT'] = values.port;
    if (values.host) env['MOAT_HOST'] = values.host;
    const { loadConfig } = await import('../../config/config.js');
    const config = values.port || values.host ? loadConfig(env) : ctx.config();
    const app = await createApp(config, {
      extensions: extensionsFor(values['no-detector'] ? 'remote' : 'embedded'),
      admin: consoleAdmin(process.env),
    });
    let address: string;
    try {
      address = await app.server.listen({ port: config.port, host: config.host });
    } catch (err) {
      // Close what createApp started (detector thread, timers, connections): left open,
      // they kept the process alive after the error (issue 14).
      await app.close().catch(() => undefined);
      throw listenError(err, config.host, config.port, config.metrics.port);
    }
    const url = address.replace('0.0.0.0', '127.0.0.1');

    const usesDemo = config.models.some((m) => config.upstreams[m.upstream]?.kind === 'demo');
    const lines = [
      `Moat listening on ${url}`,
      `  console:     ${url}/console/  (sign in with the admin token)`,
      `  data dir:    ${config.dataDirAbs} (${app.store.kind})`,
    ];
    if (config.adminTokenGenerated)
      lines.push(
        `  admin token: ${config.adminTokenResolved}  (saved in ${config.dataDirAbs}/admin-token)`,
      );
    else
      lines.push(
        `  admin token: from ${config.adminToken ? 'config/MOAT_ADMIN_TOKEN' : `${config.dataDirAbs}/admin-token`}`,
      );
    const adminAuth = `-H "Authorization: Bearer $(cat ${config.dataDirAbs}/admin-token 2>/dev/null || echo ADMIN_TOKEN)"`;
    if (usesDemo) {
      const demoModel = config.models.find(
        (m) => config.upstreams[m.upstream]?.kind === 'demo',
      )!.name;
      const secret = await demoKey(app, config);
      lines.push(
        `  demo key:    ${secret}  (account ${DEMO_ACCOUNT})`,
        '',
        'Try it:',
        `  curl -s ${url}/v1/chat/completions -H "Authorization: Bearer ${secret}" -H "Content-Type: application/json" -d '{"model":"${demoModel}","messages":[{"role":"user","content":"Tell me about rivers."}]}'`,
        '',
        'Admin API:',
        `  curl -s ${url}/admin/v1/accounts/${DEMO_ACCOUNT} ${adminAuth}`,
      );
    } else {
      // No demo key in front of a real model: say how to make one (issue 16).
      const model = config.models.find((m) => m.name !== '*')?.name ?? 'MODEL';
      lines.push(
        '',
        'Create an account and an API key for it (the key is shown once):',
        `  curl -s -X POST ${url}/admin/v1/accounts ${adminAuth} -H "Content-Type: application/json" -d '{"id":"acct_first","tier":"pro"}'`,
        `  curl -s -X POST ${url}/admin/v1/accounts/acct_first/keys ${adminAuth} -H "Content-Type: application/json" -d '{"name":"first key"}'`,
        'Then call it with the "key" from that answer:',
        `  curl -s ${url}/v1/chat/completions -H "Authorization: Bearer sk-moat-…" -H "Content-Type: application/json" -d '{"model":"${model}","messages":[{"role":"user","content":"Hello"}]}'`,
      );
    }
    // Demo traffic (issue 17): on by default only in front of the built-in demo model.
    const demoModels = config.models
      .filter((m) => config.upstreams[m.upstream]?.kind === 'demo' && m.name !== '*')
      .map((m) => m.name);
    const wanted = values['no-demo-traffic']
      ? false
      : values['demo-traffic']
        ? true
        : env['MOAT_DEMO_TRAFFIC'] === undefined || env['MOAT_DEMO_TRAFFIC'] === ''
          ? usesDemo
          : env['MOAT_DEMO_TRAFFIC'] !== '0';
    let demo: ReturnType<typeof startDemoTraffic> | undefined;
    // In the banner's head: its last lines stay the how-to that scripts wait for.
    if (wanted && demoModels.length === 0)
      lines.splice(2, 0, '  demo traffic: off (it needs a route to the built-in demo model)');
    else if (wanted) {
      let warned = 0;
      demo = startDemoTraffic({
        url,
        adminToken: config.adminTokenResolved,
        models: { plain: demoModels[0]!, reasoner: demoModels.find((m) => m.includes('reason')) },
        tiers: Object.keys(config.limits.tiers),
        fallbackTier: config.limits.tiers['pro'] ? 'pro' : config.limits.defaultTier,
        onError: (err) => {
          if (warned++ < 3) app.logger.warn({ err }, 'demo traffic request failed');
        },
      });
      lines.splice(
        2,
        0,
        '  demo traffic: on — simulated users and extraction campaigns to watch in the console (--no-demo-traffic or MOAT_DEMO_TRAFFIC=0: off)',
      );
    }
    ctx.stdout.write(lines.join('\n') + '\n');

    await new Promise<void>((resolve) => {
      const stop = (sig: string) => {
        app.logger.info({ signal: sig }, 'shutting down');
        resolve();
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    await demo?.stop();
    await app.close();
    return 0;
  },
};
