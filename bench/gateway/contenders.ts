/**
 * Start and stop what the benchmark compares: the mock upstream, Moat (compiled, with an
 * account and key made through the admin API), nginx as a plain keep-alive reverse proxy,
 * and Portkey's open-source gateway. Every process under test is pinned with `taskset`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A running process the benchmark talks to. */
export interface Running {
  name: string;
  /** PID whose process tree is charged for CPU (undefined: not measured, e.g. direct). */
  pid: number | undefined;
  /** Base URL up to and including `/v1`. */
  base: string;
  /** Headers every request to it carries. */
  headers: Record<string, string>;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Spawn `cmd` pinned to `cpu`; taskset execs, so the child's PID is the program's. */
function pinned(
  cpu: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  log?: string,
): ChildProcess {
  const child = spawn('taskset', ['-c', cpu, cmd, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  let tail = '';
  const keep = (b: Buffer) => (tail = (tail + b.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code, sig) => {
    if (code !== 0 && code !== null && sig === null)
      process.stderr.write(`[${log ?? cmd}] exited ${code}\n${tail}\n`);
  });
  return child;
}

export function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 5000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill(signal);
  });
}

/** Wait until `url` answers (any status) or throw after `ms`. */
export async function waitUp(url: string, ms: number, init?: RequestInit): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      await (await fetch(url, init)).arrayBuffer();
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not come up within ${ms} ms`);
      await sleep(200);
    }
  }
}

/** A free TCP port (bind to 0, read, close). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/** The mock upstream, pinned with the load generator; `words`: content chunks per stream. */
export async function startMock(cpu: string, words?: number): Promise<Running> {
  const port = await freePort();
  const child = pinned(
    cpu,
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench/gateway/mock.ts'),
      String(port),
      ...(words === undefined ? [] : [String(words)]),
    ],
    process.env,
    'mock',
  );
  const base = `http://127.0.0.1:${port}/v1`;
  await waitUp(`${base}/models`, 15_000);
  return {
    name: 'direct',
    pid: child.pid,
    base,
    headers: { authorization: 'Bearer upstream-key' },
    stop: () => stopChild(child),
  };
}

/**
 * Compile Moat into a directory outside the repository (dist/ there must stay absent), with
 * a `node_modules` link and a launcher that runs the CLI. Returns the launcher's path.
 */
export function compileMoat(outRoot: string, srcRoot = ROOT): string {
  mkdirSync(outRoot, { recursive: true });
  const out = join(outRoot, 'dist');
  const tsc = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(srcRoot, 'tsconfig.build.json'),
      '--outDir',
      out,
    ],
    {
      encoding: 'utf8',
    },
  );
  if (tsc.status !== 0) {
    // Other modules may be mid-edit: tsc still emits; say so and go on if the CLI exists.
    const lines = tsc.stdout.split('\n').filter((l) => l.includes('error TS'));
    process.stderr.write(
      `tsc reported ${lines.length} type error(s) (emitting anyway); first: ${lines[0] ?? tsc.stderr}\n`,
    );
  }
  if (!existsSync(join(out, 'cli', 'main.js')))
    throw new Error('compilation produced no cli/main.js');
  const link = join(outRoot, 'node_modules');
  if (!existsSync(link)) symlinkSync(join(ROOT, 'node_modules'), link);
  const launcher = join(outRoot, 'launch.mjs');
  writeFileSync(
    launcher,
    "import { main } from './dist/cli/main.js';\nprocess.exitCode = await main(process.argv.slice(2));\n",
  );
  writeFileSync(join(outRoot, 'ablate.mjs'), ABLATE);
  return launcher;
}

/**
 * `--baseline REF`: Moat as it was at a git revision, compiled the same way (its tree
 * extracted with `git archive`, this checkout's node_modules), so a change is measured
 * against what it replaced in the same run, under the same machine load.
 */
export function compileMoatAt(ref: string, outRoot: string): string {
  const sha = spawnSync('git', ['rev-parse', '--short', ref], {
    cwd: ROOT,
    encoding: 'utf8',
  }).stdout.trim();
  if (!sha) throw new Error(`--baseline: no git revision "${ref}"`);
  const tree = join(outRoot, `src-${sha}`);
  if (!existsSync(tree)) {
    mkdirSync(tree, { recursive: true });
    const tar = spawnSync(
      'sh',
      [
        '-c',
        `git archive ${sha} src tsconfig.json tsconfig.build.json package.json | tar -x -C ${JSON.stringify(tree)}`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (tar.status !== 0) throw new Error(`--baseline: git archive failed: ${tar.stderr}`);
    symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  }
  return compileMoat(join(outRoot, `build-${sha}`), tree);
}

/**
 * A second launcher for `--ablate`: `serve` with only the extensions named in
 * BENCH_EXTENSIONS (by Extension.name; empty = the bare gateway core), to price each stage.
 */
const ABLATE = `import { loadConfig } from './dist/config/config.js';
import { createApp } from './dist/index.js';
import { defaultExtensions } from './dist/extensions/index.js';
const keep = new Set((process.env.BENCH_EXTENSIONS ?? '').split(',').filter(Boolean));
const config = loadConfig(process.env);
const app = await createApp(config, { extensions: async (core) => (await defaultExtensions(core)).filter((e) => keep.has(e.name)) });
await app.server.listen({ port: config.port, host: config.host });
await new Promise((r) => { process.once('SIGTERM', r); process.once('SIGINT', r); });
await app.close();
process.exit(0);
`;

/**
 * Who the load runs as (issue 19), each with limits high enough that the load is served,
 * not refused (every limit stays on; `tokensPerMonth` too: a free tier's 10M tokens a month
 * run out after ~180k requests of the mock's 55 tokens):
 * - `free`: a new account of the default free tier, no pin, no verdict yet;
 * - `enterprise-pinned`: an enterprise account pinned to `allow` by an admin.
 */
export type Tenant = 'free' | 'enterprise-pinned';

/** Raised limits of every bench tenant. */
const BENCH_LIMITS = {
  requestsPerMinute: 1e9,
  tokensPerMinute: 1e11,
  tokensPerDay: 1e12,
  tokensPerMonth: 1e12,
};

/**
 * Create account `id` as `tenant` through the admin API of the Moat at `root` (its admin
 * token: the benchmark's); returns a fresh API key.
 */
export async function makeTenant(root: string, tenant: Tenant, id = 'bench'): Promise<string> {
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const call = async (
    method: string,
    path: string,
    body: unknown,
    want: number,
  ): Promise<unknown> => {
    const res = await fetch(`${root}/admin/v1/accounts${path}`, {
      method,
      headers: admin,
      body: JSON.stringify(body),
    });
    if (res.status !== want)
      throw new Error(
        `bench tenant ${tenant}: ${method} ${path}: ${res.status} ${await res.text()}`,
      );
    return res.json();
  };
  await call('POST', '', { id, tier: tenant === 'free' ? 'free' : 'enterprise' }, 201);
  await call('PUT', `/${id}/limits`, BENCH_LIMITS, 200);
  if (tenant === 'enterprise-pinned')
    await call(
      'PUT',
      `/${id}/level`,
      { level: 'allow', reason: 'bench: known enterprise customer' },
      200,
    );
  const { key } = (await call('POST', `/${id}/keys`, {}, 201)) as { key: string };
  return key;
}

/** Moat from the compiled launcher, a fresh data dir, one account (as `tenant`) and key. */
export async function startMoat(
  launcher: string,
  upstream: string,
  cpu: string,
  nodeFlags: string[] = [],
  variant?: { name: string; extensions: string[]; env?: Record<string, string> },
  tenant: Tenant = 'free',
): Promise<Running> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'moat-bench-data-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOAT_PORT: String(port),
    MOAT_HOST: '127.0.0.1',
    MOAT_DATA_DIR: dataDir,
    MOAT_ADMIN_TOKEN: ADMIN_TOKEN,
    MOAT_UPSTREAM_URL: upstream,
    NODE_ENV: 'production',
  };
  delete env['MOAT_CONFIG'];
  Object.assign(env, variant?.env ?? {});
  if (variant && !variant.env) env['BENCH_EXTENSIONS'] = variant.extensions.join(',');
  const entry = variant && !variant.env ? join(launcher, '..', 'ablate.mjs') : launcher;
  const child = pinned(
    cpu,
    process.execPath,
    [...nodeFlags, entry, 'serve'],
    env,
    variant?.name ?? 'moat',
  );
  const root = `http://127.0.0.1:${port}`;
  await waitUp(`${root}/healthz`, 30_000);
  const key = await makeTenant(root, tenant);
  return {
    name: variant?.name ?? 'moat',
    pid: child.pid,
    base: `${root}/v1`,
    headers: { authorization: `Bearer ${key}` },
    stop: () => stopChild(child, 'SIGTERM', 15_000),
  };
}

/** True when an `nginx` binary is on PATH (Debian: `apt-get install -y nginx-light`). */
export function hasNginx(): boolean {
  return spawnSync('nginx', ['-v']).status === 0;
}

/** nginx: one worker, keep-alive to the upstream, no buffering (SSE passes through). */
export async function startNginx(upstream: string, cpu: string): Promise<Running> {
  const port = await freePort();
  const prefix = mkdtempSync(join(tmpdir(), 'moat-bench-nginx-'));
  const up = new URL(upstream);
  const conf = `worker_processes 1;
daemon off;
master_process on;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  upstream mock { server ${up.host}; keepalive 128; }
  server {
    listen 127.0.0.1:${port};
    keepalive_requests 1000000;
    location / {
      proxy_pass http://mock;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
`;
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const child = pinned(
    cpu,
    'nginx',
    ['-p', prefix, '-c', join(prefix, 'nginx.conf')],
    process.env,
    'nginx',
  );
  const base = `http://127.0.0.1:${port}/v1`;
  await waitUp(`${base}/models`, 10_000);
  return {
    name: 'nginx',
    pid: child.pid,
    base,
    headers: { authorization: 'Bearer upstream-key' },
    stop: () => stopChild(child, 'SIGQUIT'),
  };
}

/** Portkey's gateway, headless, routing to the mock as a custom OpenAI host. */
export async function startPortkey(upstream: string, cpu: string): Promise<Running> {
  const port = await freePort();
  const script = join(ROOT, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  if (!existsSync(script))
    throw new Error(
      'Portkey is not installed (npm ci installs @portkey-ai/gateway as a devDependency)',
    );
  const child = pinned(
    cpu,
    process.execPath,
    [script, `--port=${port}`, '--headless'],
    { ...process.env, NODE_ENV: 'production' },
    'portkey',
  );
  const base = `http://127.0.0.1:${port}/v1`;
  await waitUp(`http://127.0.0.1:${port}/`, 30_000);
  const headers = {
    authorization: 'Bearer upstream-key',
    'x-portkey-provider': 'openai',
    'x-portkey-custom-host': upstream,
  };
  return { name: 'portkey', pid: child.pid, base, headers, stop: () => stopChild(child) };
}

/** The bare node:http + undici forwarder (bench/gateway/bare-proxy.ts): Node's floor. */
export async function startBare(upstream: string, cpu: string): Promise<Running> {
  const port = await freePort();
  const origin = new URL(upstream).origin;
  const args = ['--import', 'tsx', join(ROOT, 'bench/gateway/bare-proxy.ts'), String(port), origin];
  const child = pinned(
    cpu,
    process.execPath,
    args,
    { ...process.env, NODE_ENV: 'production' },
    'node-bare',
  );
  const base = `http://127.0.0.1:${port}/v1`;
  await waitUp(`${base}/models`, 15_000);
  return {
    name: 'node-bare',
    pid: child.pid,
    base,
    headers: { authorization: 'Bearer upstream-key' },
    stop: () => stopChild(child),
  };
}

/** A chat request of realistic shape (system + user message, common parameters). */
export function chatBody(stream: boolean): string {
  return JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: 'You are a helpful assistant.' },
      {
        role: 'user',
        content: 'Explain in two sentences how rivers shape the valleys they flow through.',
      },
    ],
    temperature: 0.7,
    max_tokens: 256,
    ...(stream ? { stream: true } : {}),
  });
}
