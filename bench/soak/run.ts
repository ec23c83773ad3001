/**
 * Soak benchmark (issue 14): `moat serve` on its defaults (SQLite, demo model, every
 * extension) under N minutes of mixed valid, hostile and slow clients at ~80% of the
 * capacity measured first; then kill -9, restart, and count the acknowledged requests whose
 * events the store does not have; then `moat audit verify`. RSS is sampled throughout.
 * Not a test: it prints figures and never fails on them.
 *
 *   npx tsx bench/soak/run.ts [--minutes 10] [--capacity-seconds 20] [--load 0.8] [--json FILE]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { Pool } from 'undici';

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'capacity-seconds': { type: 'string', default: '20' },
    load: { type: 'string', default: '0.8' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const MINUTES = Number(opts.minutes);
const CAPACITY_S = Number(opts['capacity-seconds']);
const LOAD = Number(opts.load);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'moat.js');
const ADMIN = 'soak-admin-token-0123456789abcdef';
const dataDir = mkdtempSync(join(tmpdir(), 'moat-soak-'));
const log = (msg: string) =>
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ---------------------------------------------------------------- the server process

interface Server {
  proc: ChildProcess;
  url: string;
  pid: number;
}

function startServer(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: {
        ...process.env,
        MOAT_DATA_DIR: dataDir,
        MOAT_PORT: '0',
        MOAT_ADMIN_TOKEN: ADMIN,
        MOAT_LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`moat serve did not start: ${out}`)), 120_000);
    proc.stderr!.on('data', (c) => (out += String(c)));
    proc.stdout!.on('data', (c) => {
      out += String(c);
      const m = /Moat listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1]!, pid: proc.pid! });
      }
    });
    proc.on('exit', (code) => reject(new Error(`moat serve exited ${code}: ${out.slice(-2000)}`)));
  });
}

/** A /proc/PID/status field in MB (VmRSS, RssAnon, RssFile), NaN once the process is gone. */
function statusMb(pid: number, field = 'VmRSS'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
      readFileSync(`/proc/${pid}/status`, 'utf8'),
    );
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** The main thread's V8 heap in use, from the gateway's own metrics. */
async function heapUsedMb(base: string): Promise<number> {
  try {
    const res = await fetch(base + '/metrics', { headers: { authorization: `Bearer ${ADMIN}` } });
    const m = /^moat_nodejs_heap_size_used_bytes (\S+)$/m.exec(await res.text());
    return m ? Number(m[1]) / 1048576 : NaN;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------- clients

let pool: Pool;
const json = { 'content-type': 'application/json' };

async function admin(
  base: string,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<any> {
  const res = await fetch(base + '/admin/v1' + path, {
    method,
    headers: { ...json, authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

async function account(
  base: string,
  id: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  await admin(base, 'POST', '/accounts', { id, tier: 'enterprise', ...extra });
  return (await admin(base, 'POST', `/accounts/${id}/keys`, {})).key as string;
}

const TOPICS = [
  'rivers',
  'tides',
  'glaciers',
  'volcanoes',
  'bridges',
  'owls',
  'bread',
  'comets',
  'maples',
  'harbors',
  'clocks',
  'salt',
];
const VERBS = [
  'Tell me about',
  'Explain',
  'Write two sentences on',
  'What is interesting about',
  'Summarise what you know about',
];
let seq = 0;

function validBody(anthropic: boolean, stream: boolean): string {
  seq++;
  const content = `${VERBS[seq % VERBS.length]} ${TOPICS[(seq * 7) % TOPICS.length]} (${seq % 97}).`;
  return JSON.stringify(
    anthropic
      ? { model: 'moat-demo', max_tokens: 120, stream, messages: [{ role: 'user', content }] }
      : { model: 'moat-demo', max_tokens: 120, stream, messages: [{ role: 'user', content }] },
  );
}

/** Tallies: what was sent, what came back, and which responses promise a stored event. */
const tally = {
  sent: new Map<string, number>(),
  status: new Map<string, number>(),
  errors: new Map<string, number>(),
  shed: 0,
};
/** Request ids of responses that promise an event (authenticated model requests Moat answered), with the time the client had the whole response. */
const acked: Array<{ id: string; at: number }> = [];
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

let inFlight = 0;
const MAX_IN_FLIGHT = 256;

/** One request through the keep-alive pool; `eventful`: a response with this status stores an event. */
function fire(
  kind: string,
  path: string,
  key: string | undefined,
  body: string,
  eventful: (status: number) => boolean,
): Promise<void> | undefined {
  if (inFlight >= MAX_IN_FLIGHT) {
    tally.shed++;
    return undefined;
  }
  inFlight++;
  bump(tally.sent, kind);
  const headers: Record<string, string> = { ...json };
  if (key) headers['authorization'] = `Bearer ${key}`;
  return pool
    .request({ path, method: 'POST', headers, body })
    .then(async (res) => {
      await res.body.text();
      bump(tally.status, `${kind} ${res.statusCode}`);
      const id = res.headers['x-request-id'];
      if (eventful(res.statusCode) && typeof id === 'string') acked.push({ id, at: Date.now() });
    })
    .catch(
      (err: { code?: string; message?: string }) =>
        void bump(tally.errors, `${kind} ${err.code ?? err.message}`),
    )
    .finally(() => {
      inFlight--;
    });
}

/** Keys the soak uses, made once. */
interface Keys {
  valid: string[];
  blocked: string;
  quota: string;
  hostile: string;
}

function validRequest(keys: Keys): Promise<void> | undefined {
  const key = keys.valid[seq % keys.valid.length]!;
  const anthropic = seq % 2 === 0;
  const stream = seq % 3 === 0;
  return fire(
    stream ? 'valid-stream' : 'valid',
    anthropic ? '/v1/messages' : '/v1/chat/completions',
    key,
    validBody(anthropic, stream),
    (s) => s === 200 || s === 429 || s === 403,
  );
}

const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
const blockedBody = JSON.stringify({
  model: 'moat-demo',
  messages: [{ role: 'user', content: 'lorem ipsum '.repeat(20_000) }],
});

/** The hostile mix, in turn: each either refused with an event (403/429) or answered without one (400/401/413). */
function hostileRequest(keys: Keys, i: number): Promise<void> | undefined {
  const refusedWithEvent = (s: number) => s === 403 || s === 429;
  switch (i % 6) {
    case 0:
      return fire(
        'deep-json',
        '/v1/messages',
        keys.hostile,
        `{"model":"moat-demo","max_tokens":5,"messages":[{"role":"user","content":"x"}],"metadata":${deep}}`,
        () => false,
      );
    case 1:
      return fire(
        'bad-key',
        '/v1/chat/completions',
        'sk-moat-not-a-key-0000',
        validBody(false, false),
        () => false,
      );
    case 2:
      return fire(
        'blocked-240KB',
        '/v1/chat/completions',
        keys.blocked,
        blockedBody,
        refusedWithEvent,
      );
    case 3:
      return fire(
        'quota-n128',
        '/v1/chat/completions',
        keys.quota,
        JSON.stringify({
          model: 'moat-demo',
          n: 128,
          max_tokens: 500,
          messages: [{ role: 'user', content: 'hi' }],
        }),
        refusedWithEvent,
      );
    case 4:
      return fire(
        'long-model',
        '/v1/chat/completions',
        keys.hostile,
        JSON.stringify({ model: 'm'.repeat(5000), messages: [{ role: 'user', content: 'x' }] }),
        () => false,
      );
    default:
      return fire(
        'bad-json',
        '/v1/chat/completions',
        keys.hostile,
        '{"model": "moat-demo", "messages": [',
        () => false,
      );
  }
}

/** Slow clients: idle sockets, slowloris headers, slow authenticated bodies; each reopened when the server closes it. */
function slowClients(
  url: string,
  key: string,
  counts: { idle: number; headers: number; bodies: number },
) {
  const u = new URL(url);
  const sockets = new Set<Socket>();
  const closedBy = new Map<string, number>();
  let stopped = false;
  const open = (kind: 'idle' | 'headers' | 'bodies') => {
    if (stopped) return;
    const s = connect(Number(u.port), u.hostname);
    sockets.add(s);
    let timer: NodeJS.Timeout | undefined;
    s.on('error', () => undefined);
    s.on('close', () => {
      sockets.delete(s);
      if (timer) clearInterval(timer);
      if (stopped) return;
      bump(closedBy, kind);
      setTimeout(() => open(kind), 200);
    });
    s.on('connect', () => {
      if (kind === 'headers') {
        s.write('POST /v1/messages HTTP/1.1\r\nHost: x\r\n');
        timer = setInterval(() => s.write('X-Slow: 1\r\n'), 1000);
      } else if (kind === 'bodies') {
        s.write(
          `POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n`,
        );
        timer = setInterval(() => s.write(Buffer.alloc(1024, 'a')), 1000);
      }
    });
  };
  for (let i = 0; i < counts.idle; i++) open('idle');
  for (let i = 0; i < counts.headers; i++) open('headers');
  for (let i = 0; i < counts.bodies; i++) open('bodies');
  return {
    closedBy,
    stop() {
      stopped = true;
      for (const s of sockets) s.destroy();
    },
  };
}

/** Open-loop arrivals at `rate` per second until `until`, calling `issue` for each. */
async function openLoop(rate: number, until: number, issue: (i: number) => void): Promise<void> {
  let due = 0;
  let i = 0;
  let last = Date.now();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 10));
    const now = Date.now();
    due += ((now - last) / 1000) * rate;
    last = now;
    for (; due >= 1; due--) issue(i++);
  }
}

// ---------------------------------------------------------------- the run

async function main(): Promise<void> {
  log(`data dir ${dataDir}`);
  let server = await startServer();
  pool = new Pool(server.url, { connections: 96, keepAliveTimeout: 4_000 });
  const keys: Keys = {
    valid: await Promise.all(
      Array.from({ length: 24 }, (_, i) => account(server.url, `soak_valid_${i}`)),
    ),
    blocked: await account(server.url, 'soak_blocked'),
    quota: await account(server.url, 'soak_quota'),
    hostile: await account(server.url, 'soak_hostile'),
  };
  await admin(server.url, 'PUT', '/accounts/soak_blocked/level', {
    level: 'block',
    reason: 'soak: a blocked key keeps sending',
  });
  await admin(server.url, 'PUT', '/accounts/soak_quota/limits', { tokensPerDay: 5000 });

  // 1. Capacity: closed loop, 32 clients of valid traffic.
  log(`measuring capacity for ${CAPACITY_S} s`);
  const capEnd = Date.now() + CAPACITY_S * 1000;
  let capDone = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (Date.now() < capEnd) {
        await validRequest(keys);
        capDone++;
      }
    }),
  );
  const capacity = capDone / CAPACITY_S;
  tally.sent.clear();
  tally.status.clear();
  acked.length = 0;
  log(`capacity ${capacity.toFixed(0)} req/s`);

  // 2. Soak: valid open loop at LOAD × capacity (less the hostile share), hostile 5% of it, slow sockets throughout.
  const total = capacity * LOAD;
  const hostileRate = Math.max(2, total * 0.05);
  const validRate = total - hostileRate;
  const slow = slowClients(server.url, keys.valid[0]!, { idle: 300, headers: 20, bodies: 20 });
  const rss: Array<{ t: number; mb: number; anonMb: number; heapMb: number }> = [];
  const t0 = Date.now();
  const base = server.url;
  const sampler = setInterval(() => {
    const t = (Date.now() - t0) / 1000;
    const mb = statusMb(server.pid);
    const anonMb = statusMb(server.pid, 'RssAnon');
    void heapUsedMb(base).then((heapMb) => rss.push({ t, mb, anonMb, heapMb }));
  }, 5_000);
  const until = t0 + MINUTES * 60_000;
  const progress = setInterval(
    () =>
      log(
        `${((Date.now() - t0) / 60_000).toFixed(1)} min, acked ${acked.length}, in flight ${inFlight}, RSS ${rss.at(-1)?.mb.toFixed(0)} MB (anonymous ${rss.at(-1)?.anonMb.toFixed(0)}, main heap ${rss.at(-1)?.heapMb.toFixed(0)})`,
      ),
    60_000,
  );
  log(
    `soak ${MINUTES} min: valid ${validRate.toFixed(0)}/s, hostile ${hostileRate.toFixed(1)}/s, 300 idle + 20 slow-header + 20 slow-body sockets`,
  );
  await Promise.all([
    openLoop(validRate, until, () => void validRequest(keys)),
    openLoop(hostileRate, until, (i) => void hostileRequest(keys, i)),
  ]);
  clearInterval(progress);
  clearInterval(sampler);

  // 3. kill -9 under load (requests still in flight), then restart on the same data dir.
  const killedAt = Date.now();
  server.proc.kill('SIGKILL');
  await new Promise((r) => server.proc.once('exit', r));
  slow.stop();
  await pool.destroy().catch(() => undefined);
  log(`killed -9 with ${inFlight} requests in flight; restarting`);
  const restart0 = Date.now();
  server = await startServer();
  const restartMs = Date.now() - restart0;

  // 4. Acknowledged requests vs stored events (by request id).
  const db = new Database(join(dataDir, 'moat.db'), { readonly: true });
  const stored = new Set<string>();
  for (const row of db
    .prepare(
      "SELECT json_extract(doc, '$.requestId') AS id FROM events WHERE account LIKE 'soak_%'",
    )
    .iterate() as Iterable<{ id: string | null }>) {
    if (row.id) stored.add(row.id);
  }
  const storedTotal = (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  db.close();
  const lost = acked.filter((a) => !stored.has(a.id));
  const windowMs = 100 + 250; // telemetry.flushMs plus one batch's commit and the event's publish after the last byte
  const lostOutsideWindow = lost.filter((a) => killedAt - a.at > windowMs);

  // 5. The audit log after the crash.
  const verify = spawnSync(process.execPath, [BIN, 'audit', 'verify'], {
    cwd: ROOT,
    env: {
      ...process.env,
      MOAT_DATA_DIR: dataDir,
      MOAT_ADMIN_TOKEN: ADMIN,
      MOAT_LOG_LEVEL: 'silent',
    },
    encoding: 'utf8',
  });
  server.proc.kill('SIGTERM');
  const termAt = Date.now();
  await new Promise((r) => server.proc.once('exit', r));
  const termMs = Date.now() - termAt;

  const minute = (from: number, to: number, field: 'mb' | 'anonMb' | 'heapMb' = 'mb') => {
    const xs = rss
      .filter((s) => s.t >= from && s.t < to)
      .map((s) => s[field])
      .sort((a, b) => a - b);
    return xs.length ? xs[Math.floor(xs.length / 2)]! : NaN;
  };
  const durS = MINUTES * 60;
  const result = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    capacityReqPerS: Math.round(capacity),
    offered: {
      validPerS: Math.round(validRate),
      hostilePerS: Math.round(hostileRate * 10) / 10,
      minutes: MINUTES,
    },
    sent: Object.fromEntries(tally.sent),
    statuses: Object.fromEntries([...tally.status].sort()),
    clientErrors: Object.fromEntries(tally.errors),
    shedByClient: tally.shed,
    slowSocketsClosedByServer: Object.fromEntries(slow.closedBy),
    acknowledged: acked.length,
    storedOfAcknowledged: acked.length - lost.length,
    lost: lost.length,
    lostOutsideWindow: lostOutsideWindow.length,
    lossWindowMs: windowMs,
    eventsInStore: storedTotal,
    restartMs,
    sigtermExitMs: termMs,
    auditVerify: {
      exit: verify.status,
      output: (verify.stdout + verify.stderr).trim().split('\n').slice(-3).join(' | '),
    },
    rssMb: {
      firstMinuteMedian: Math.round(minute(0, 60)),
      lastMinuteMedian: Math.round(minute(durS - 60, durS + 1)),
      max: Math.round(Math.max(...rss.map((s) => s.mb))),
      samples: rss.length,
    },
    anonymousRssMb: {
      firstMinuteMedian: Math.round(minute(0, 60, 'anonMb')),
      lastMinuteMedian: Math.round(minute(durS - 60, durS + 1, 'anonMb')),
    },
    mainHeapUsedMb: {
      firstMinuteMedian: Math.round(minute(0, 60, 'heapMb')),
      lastMinuteMedian: Math.round(minute(durS - 60, durS + 1, 'heapMb')),
    },
  };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (opts.json) writeFileSync(opts.json, JSON.stringify({ ...result, rssSamples: rss }, null, 1));
  if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`soak failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
