import { createApp } from '../../gateway/app.js';
import { defaultExtensions } from '../wiring/index.js';
import type { Command } from '../command.js';
import { parseCommandArgs } from '../args.js';

const DEMO_ACCOUNT = 'acct_demo';

/** `moat serve`: start the gateway (what `npm start` runs). */
export const command: Command = {
  name: 'serve',
  summary: 'Start the gateway (OpenAI + Anthropic routes, admin API, detector)',
  usage: `Usage: moat serve [--port N] [--host ADDR]

Starts Moat on its configuration (MOAT_CONFIG, MOAT_PORT, MOAT_DATA_DIR, …).
With no configuration it runs embedded: SQLite in ./.moat, the built-in demo
model, and prints an admin token and a demo API key.`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(argv, { port: { type: 'string' }, host: { type: 'string' } }, false);
    const env = { ...ctx.env };
    if (values.port) env['MOAT_PORT'] = values.port;
    if (values.host) env['MOAT_HOST'] = values.host;
    const { loadConfig } = await import('../../config/config.js');
    const config = values.port || values.host ? loadConfig(env) : ctx.config();
    const app = await createApp(config, { extensions: defaultExtensions });
    const address = await app.server.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', '127.0.0.1');

    const usesDemo = config.models.some((m) => config.upstreams[m.upstream]?.kind === 'demo');
    const lines = [`Moat listening on ${url}`, `  data dir:    ${config.dataDirAbs} (${app.store.kind})`];
    if (config.adminTokenGenerated) lines.push(`  admin token: ${config.adminTokenResolved}  (saved in ${config.dataDirAbs}/admin-token)`);
    else lines.push(`  admin token: from ${config.adminToken ? 'config/MOAT_ADMIN_TOKEN' : `${config.dataDirAbs}/admin-token`}`);
    if (usesDemo) {
      const demoModel = config.models.find((m) => config.upstreams[m.upstream]?.kind === 'demo')!.name;
      await app.store.createAccount({ id: DEMO_ACCOUNT, createdAt: Date.now(), name: 'Demo account', tier: 'free', route: 'self-serve' });
      // A fresh demo key each start; earlier demo keys are revoked (a secret is shown only once).
      for (const k of await app.store.listKeys(DEMO_ACCOUNT)) if (k.revokedAt === null) await app.keys.revoke(k.id);
      const { secret } = await app.keys.create(DEMO_ACCOUNT);
      lines.push(
        `  demo key:    ${secret}  (account ${DEMO_ACCOUNT})`,
        '',
        'Try it:',
        `  curl -s ${url}/v1/chat/completions -H "Authorization: Bearer ${secret}" -H "Content-Type: application/json" -d '{"model":"${demoModel}","messages":[{"role":"user","content":"Tell me about rivers."}]}'`,
        '',
        'Admin API:',
        `  curl -s ${url}/admin/v1/accounts/${DEMO_ACCOUNT} -H "Authorization: Bearer $(cat ${config.dataDirAbs}/admin-token 2>/dev/null || echo ADMIN_TOKEN)"`,
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
    await app.close();
    return 0;
  },
};
