import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { pino } from 'pino';
import { loadConfig, type MoatConfig } from '../config/config.js';
import { createApp, type AppOptions, type MoatApp } from '../gateway/app.js';
import { DOUBLE_MODES } from './upstream-double.js';
import { consoleAdmin } from '../console/extension.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A gateway on port 0 for tests, in front of an upstream double. */
export interface TestGateway {
  url: string;
  app: MoatApp;
  config: MoatConfig;
  dataDir: string;
  /** Create an account (through the admin API) and a key for it; returns the secret. */
  newKey(
    account?: string,
    body?: Record<string, unknown>,
  ): Promise<{ account: string; keyId: string; key: string }>;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Start Moat with routes to an upstream double: `gpt-test` and `double/<mode>` over the
 * OpenAI API, `claude-test` and `claude/<mode>` over the Anthropic API, plus the demo model.
 * `at.dataDir` starts it on an existing data dir (a restart: close the first with `app.close()`,
 * which keeps the dir; `close()` removes it).
 */
export async function startGateway(
  upstreamUrl: string | undefined,
  extra: Record<string, unknown> = {},
  opts: AppOptions = {},
  at: { dataDir?: string } = {},
): Promise<TestGateway> {
  const dataDir = at.dataDir ?? mkdtempSync(join(tmpdir(), 'moat-gw-'));
  const upstreams: Record<string, unknown> = { demo: { kind: 'demo' } };
  const models: Array<Record<string, unknown>> = [
    { name: 'moat-demo', upstream: 'demo' },
    { name: 'moat-demo-reasoner', upstream: 'demo' },
  ];
  if (upstreamUrl) {
    upstreams['oa'] = {
      kind: 'openai',
      baseUrl: upstreamUrl,
      apiKey: 'upstream-secret-oa',
      timeoutMs: 1500,
    };
    upstreams['an'] = {
      kind: 'anthropic',
      baseUrl: upstreamUrl,
      apiKey: 'upstream-secret-an',
      timeoutMs: 1500,
    };
    models.push({ name: 'gpt-test', upstream: 'oa' }, { name: 'claude-test', upstream: 'an' });
    for (const m of DOUBLE_MODES) {
      models.push(
        { name: `double/${m}`, upstream: 'oa' },
        { name: `claude/${m}`, upstream: 'an', upstreamModel: `double/${m}` },
      );
    }
  }
  const file = join(dataDir, 'moat.yaml');
  writeFileSync(
    file,
    stringify({ upstreams, models, logLevel: 'silent', telemetry: { flushMs: 20 }, ...extra }),
  );
  const config = loadConfig({
    MOAT_CONFIG: file,
    MOAT_DATA_DIR: dataDir,
    MOAT_PORT: '0',
    MOAT_ADMIN_TOKEN: ADMIN_TOKEN,
  });
  const app = await createApp(config, {
    logger: pino({ level: 'silent' }),
    admin: consoleAdmin(process.env),
    ...opts,
  });
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });

  const admin = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(address + '/admin/v1' + path, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };
  return {
    url: address,
    app,
    config,
    dataDir,
    admin,
    async newKey(account = `acct_t${++counter}`, body = {}) {
      const a = await admin('POST', '/accounts', { id: account, ...body });
      if (a.status !== 201 && a.status !== 409)
        throw new Error(`account: ${a.status} ${JSON.stringify(a.json)}`);
      const k = await admin('POST', `/accounts/${account}/keys`);
      if (k.status !== 201) throw new Error(`key: ${k.status} ${JSON.stringify(k.json)}`);
      return { account, keyId: k.json.id, key: k.json.key };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
