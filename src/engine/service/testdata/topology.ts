/**
 * Processes for the multi-process tests of issue 18: a private nats-server (so killing it
 * touches no other test), gateways (`moat serve --no-detector`) and detector partitions
 * (`moat detector`) started as `node bin/moat.js …`, a fresh PostgreSQL schema and Redis
 * prefix per topology, and a cleanup that kills every child even when a test fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import pg from 'pg';
import { Redis } from 'ioredis';

export const PG =
  process.env['MOAT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS = process.env['MOAT_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
export const NATS_BIN = process.env['MOAT_TEST_NATS_SERVER'] ?? '/usr/sbin/nats-server';
export const ADMIN = 'topology-admin-token-0123456789';
const ROOT = resolve(import.meta.dirname, '../../../..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej).listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((res) => {
    const c = tcpConnect(port, '127.0.0.1');
    c.once('connect', () => (c.destroy(), res(true)));
    c.once('error', () => res(false));
  });
}

/** Poll `f` until it returns a truthy value or `ms` pass (then the last value). */
export async function until<T>(f: () => Promise<T> | T, ms = 30_000, every = 50): Promise<T> {
  const end = Date.now() + ms;
  let v = await f();
  while (!v && Date.now() < end) {
    await sleep(every);
    v = await f();
  }
  return v;
}

/** A child process with its output kept (for failure messages). */
export interface Proc {
  child: ChildProcess;
  out: string[];
  name: string;
}

/** Everything one topology runs; `close()` kills and removes it all. */
export class Topology {
  readonly id = randomBytes(4).toString('hex');
  readonly dir = mkdtempSync(join(tmpdir(), 'moat-topo-'));
  readonly schema = `t18_${this.id}`;
  readonly prefix = `t18_${this.id}`;
  readonly stream = `T18_${this.id.toUpperCase()}`;
  natsPort = 0;
  nats: Proc | undefined;
  readonly procs = new Set<Proc>();
  config = '';

  /** Start the private nats-server (again, after a kill, on the same port and store). */
  async startNats(): Promise<void> {
    if (!this.natsPort) this.natsPort = await freePort();
    this.nats = this.spawn('nats', NATS_BIN, [
      '-a',
      '127.0.0.1',
      '-p',
      String(this.natsPort),
      '-js',
      '-sd',
      join(this.dir, 'nats'),
    ]);
    if (!(await until(() => portOpen(this.natsPort), 10_000)))
      throw new Error(`nats-server did not start:\n${this.nats.out.join('')}`);
  }

  /** Write the shared config file (PostgreSQL schema, Redis prefix, private NATS stream). */
  writeConfig(extra: Record<string, unknown> = {}): void {
    this.config = join(this.dir, 'moat.yaml');
    writeFileSync(
      this.config,
      stringify({
        adminToken: ADMIN,
        keyPepper: 'k'.repeat(40),
        store: { kind: 'postgres', url: PG, schema: this.schema },
        redis: { url: REDIS, prefix: this.prefix },
        nats: { url: `nats://127.0.0.1:${this.natsPort}`, stream: this.stream },
        telemetry: { flushMs: 50 },
        ...extra,
      }),
    );
  }

  spawn(name: string, cmd: string, args: string[], env: Record<string, string> = {}): Proc {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, MOAT_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const p: Proc = { child, out: [], name };
    const keep = (b: Buffer) => {
      p.out.push(b.toString());
      if (p.out.length > 200) p.out.shift();
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.procs.add(p);
    child.once('exit', () => this.procs.delete(p));
    return p;
  }

  private moat(name: string, args: string[], env: Record<string, string> = {}): Proc {
    return this.spawn(name, process.execPath, ['bin/moat.js', ...args], {
      MOAT_CONFIG: this.config,
      ...env,
    });
  }

  /** A gateway without a detector; resolves with its base URL. */
  async gateway(name: string): Promise<{ url: string; proc: Proc }> {
    const proc = this.moat(name, ['serve', '--no-detector'], {
      MOAT_PORT: '0',
      MOAT_DATA_DIR: join(this.dir, name),
      MOAT_DEMO_TRAFFIC: '0',
    });
    const url = await until(
      () =>
        /Moat listening on (\S+)/.exec(proc.out.join(''))?.[1] ??
        (proc.child.exitCode !== null ? 'exit' : ''),
      60_000,
    );
    if (!url || url === 'exit') throw new Error(`${name} did not start:\n${proc.out.join('')}`);
    return { url, proc };
  }

  /** A detector partition; resolves once it consumes, with its probe port. */
  async detector(
    index: number,
    count: number,
    port?: number,
    args: string[] = [],
  ): Promise<{ port: number; proc: Proc }> {
    port ??= await freePort();
    const proc = this.moat(`detector-${index}`, [
      'detector',
      '--partition',
      String(index),
      '--partitions',
      String(count),
      '--port',
      String(port),
      '--snapshot-ms',
      '100',
      ...args,
    ]);
    const ok = await until(
      () => /consuming/.test(proc.out.join('')) || proc.child.exitCode !== null,
      60_000,
    );
    if (!ok || proc.child.exitCode !== null)
      throw new Error(`detector ${index} did not start:\n${proc.out.join('')}`);
    return { port, proc };
  }

  /** Kill -9 and wait for the exit. */
  async kill(p: Proc): Promise<void> {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return;
    const gone = new Promise((r) => p.child.once('exit', r));
    p.child.kill('SIGKILL');
    await gone;
  }

  /** Kill every process, drop the schema and the Redis keys, remove the directory. */
  async close(): Promise<void> {
    await Promise.all([...this.procs].map((p) => this.kill(p)));
    const pool = new pg.Pool({ connectionString: PG, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`).catch(() => undefined);
    await pool.end();
    const r = new Redis(REDIS);
    const keys = await r.keys(`*${this.prefix}*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A detector partition's /metrics as numbers. */
export async function detectorMetrics(port: number): Promise<Record<string, number>> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`)
    .then((r) => r.text())
    .catch(() => '');
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^moat_detector_(\w+)\{[^}]*\} (\S+)$/gm))
    out[m[1]!] = Number(m[2]);
  return out;
}

/** Every batch in the detector verdict stream: which partition wrote it, and its verdicts. */
export async function verdictStream(
  prefix: string,
): Promise<Array<{ p: string; v: Array<{ account: string; level: string; score: number }> }>> {
  const r = new Redis(REDIS);
  try {
    const rows = (await r.xrange(`{${prefix}}:detector-verdicts`, '-', '+')) as Array<
      [string, string[]]
    >;
    return rows.map(([, f]) => ({
      p: f[f.indexOf('p') + 1]!,
      v: JSON.parse(f[f.indexOf('v') + 1]!),
    }));
  } finally {
    r.disconnect();
  }
}
