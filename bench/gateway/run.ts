/**
 * Gateway benchmark (issue 2, "Performance"): direct-to-upstream, Moat, nginx and Portkey
 * side by side in one run, non-streaming and streaming, interleaved rounds, medians.
 * The gateway under test runs on CPU 0; wrk and the mock upstream share CPU 1. CPU time
 * per request comes from /proc/PID/stat before/after each round (see bench/README.md).
 *
 *   npx tsx bench/gateway/run.ts [--seconds 4] [--rounds 3] [--connections 16]
 *                                [--only moat,nginx,node-bare,portkey] [--modes json,stream]
 *                                [--profile] [--ablate fingerprint,detection,provenance] [--json]
 *                                [--tenant free|enterprise-pinned|both] [--baseline REF]
 *                                [--stream-words 30]
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  chatBody,
  compileMoat,
  compileMoatAt,
  hasNginx,
  startBare,
  startMock,
  startMoat,
  startNginx,
  startPortkey,
  type Running,
  type Tenant,
} from './contenders.js';
import { threadCostUs, threadCpuSeconds, treeCpuSeconds } from './proc.js';
import { summariseProfile } from './profile.js';
import { renderTable, summarise, type Mode, type RoundSample } from './report.js';
import { runWrk, writeScript, type LoadTarget } from './wrk.js';

const GATEWAY_CPU = '0';
const LOAD_CPU = '1';
const ROOT = resolve(import.meta.dirname, '..', '..');

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    'latency-seconds': { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    ablate: { type: 'string' },
    baseline: { type: 'string' },
    json: { type: 'boolean', default: false },
    modes: { type: 'string', default: 'json,stream' },
    // Issue 19: who the load runs as; `both` measures the two side by side.
    tenant: { type: 'string', default: 'free' },
    // Issue 19: content chunks per streamed answer; two runs give the cost per SSE event.
    'stream-words': { type: 'string' },
  },
});
const seconds = Number(args.seconds);
const latencySeconds = Number(args['latency-seconds']);
const rounds = Number(args.rounds);
const connections = Number(args.connections);
const modes = args.modes.split(',').filter((m): m is Mode => m === 'json' || m === 'stream');
const TENANTS: readonly Tenant[] = ['free', 'enterprise-pinned'];
const tenants: Tenant[] =
  args.tenant === 'both' ? [...TENANTS] : TENANTS.filter((t) => t === args.tenant);
if (tenants.length === 0)
  throw new Error(`--tenant: free, enterprise-pinned or both, not "${args.tenant}"`);
/** A contender's name for `tenant`: plain when one tenant is measured, suffixed when both are. */
const tenantName = (base: string, t: Tenant): string =>
  tenants.length > 1 ? `${base}/${t === 'free' ? 'free' : 'ent-pin'}` : base;

function target(c: Running, mode: Mode): LoadTarget {
  return {
    url: `${c.base}/chat/completions`,
    headers: { ...c.headers, 'content-type': 'application/json' },
    body: chatBody(mode === 'stream'),
  };
}

/** One request of each mode must succeed before a contender is measured. */
async function check(c: Running): Promise<void> {
  for (const mode of ['json', 'stream'] as const) {
    const t = target(c, mode);
    const res = await fetch(t.url, { method: 'POST', headers: t.headers, body: t.body });
    const text = await res.text();
    const ok =
      res.status === 200 &&
      (mode === 'json' ? text.includes('"choices"') : text.includes('[DONE]'));
    if (!ok) throw new Error(`${c.name} ${mode}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  }
}

async function measure(
  c: Running,
  mode: Mode,
  round: number,
  scripts: Map<string, string>,
): Promise<RoundSample> {
  const t = target(c, mode);
  const script = scripts.get(`${c.name}/${mode}`)!;
  const before = c.pid === undefined ? 0 : treeCpuSeconds(c.pid);
  const threadsBefore = c.pid === undefined ? new Map<string, number>() : threadCpuSeconds(c.pid);
  const load = await runWrk(t, script, connections, seconds, LOAD_CPU);
  const after = c.pid === undefined ? 0 : treeCpuSeconds(c.pid);
  const threads =
    c.pid === undefined
      ? undefined
      : threadCostUs(threadsBefore, threadCpuSeconds(c.pid), load.requests);
  const one = await runWrk(t, script, 1, latencySeconds, LOAD_CPU);
  const cpuUs =
    c.pid === undefined ? undefined : ((after - before) * 1e6) / Math.max(1, load.requests);
  const sample: RoundSample = {
    contender: c.name,
    mode,
    round,
    rps: load.rps,
    p50: load.p50,
    p99: load.p99,
    cpuUs,
    p50One: one.p50,
    errors: load.errors + one.errors,
  };
  if (threads) sample.threads = threads;
  return sample;
}

/** A config that only namespaces Redis keys for the benchmark's Moat. */
function writeRedisConfig(prefix: string): string {
  const file = join(tmpdir(), `moat-bench-redis-${prefix}.yaml`);
  writeFileSync(
    file,
    `redis:\n  prefix: ${prefix}\nlimits:\n  redis:\n    prefix: "${prefix}:rl:"\n`,
  );
  return file;
}

async function startAll(upstream: string, launcher: string): Promise<Running[]> {
  if (args.ablate !== undefined)
    return startVariants(upstream, launcher, args.ablate.split(',').filter(Boolean));
  const only = args.only?.split(',');
  const want = (n: string) => !only || only.includes(n);
  const list: Running[] = [];
  for (const t of tenants)
    if (want('moat'))
      list.push(
        await startMoat(
          launcher,
          upstream,
          GATEWAY_CPU,
          [],
          { name: tenantName('moat', t), extensions: [], env: {} },
          t,
        ),
      );
  // `--baseline REF`: the same Moat at another revision, side by side (A/B under one load).
  if (args.baseline) {
    const ref = compileMoatAt(args.baseline, join(tmpdir(), 'moat-bench-ref'));
    for (const t of tenants)
      list.push(
        await startMoat(
          ref,
          upstream,
          GATEWAY_CPU,
          [],
          { name: tenantName(`moat@${args.baseline}`, t), extensions: [], env: {} },
          t,
        ),
      );
  }
  // The same Moat with its limiter, verdicts and challenge replay set in Redis (issue 4).
  if (want('moat-redis')) {
    const prefix = `bench${process.pid}`;
    list.push(
      await startMoat(launcher, upstream, GATEWAY_CPU, [], {
        name: 'moat-redis',
        extensions: [],
        env: {
          MOAT_REDIS_URL: process.env['MOAT_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
          MOAT_CONFIG: writeRedisConfig(prefix),
        },
      }),
    );
  }
  if (want('nginx')) {
    if (hasNginx()) list.push(await startNginx(upstream, GATEWAY_CPU));
    else
      process.stderr.write(
        'nginx not found: skipping it (Debian/Ubuntu: apt-get install -y nginx-light)\n',
      );
  }
  if (want('node-bare')) list.push(await startBare(upstream, GATEWAY_CPU));
  if (want('portkey')) list.push(await startPortkey(upstream, GATEWAY_CPU));
  return list;
}

/**
 * `--ablate fingerprint,detection,provenance`: Moat's bare core, the core plus each named
 * extension alone, and the full standard wiring, so each stage's CPU cost shows directly.
 */
async function startVariants(
  upstream: string,
  launcher: string,
  names: string[],
): Promise<Running[]> {
  const t = tenants[0]!;
  const list = [
    await startMoat(launcher, upstream, GATEWAY_CPU, [], { name: 'moat-core', extensions: [] }, t),
  ];
  for (const n of names)
    list.push(
      await startMoat(
        launcher,
        upstream,
        GATEWAY_CPU,
        [],
        { name: `core+${n}`, extensions: [n] },
        t,
      ),
    );
  list.push(await startMoat(launcher, upstream, GATEWAY_CPU, [], undefined, t));
  return list;
}

async function warmUp(list: Running[], scripts: Map<string, string>): Promise<void> {
  for (const c of list) {
    // Portkey needs ~10 s of load before it reaches steady state (issue 2); JITs need a little.
    const secs = c.name === 'portkey' ? 5 : c.name === 'direct' || c.name === 'nginx' ? 1 : 3;
    for (const mode of modes)
      await runWrk(target(c, mode), scripts.get(`${c.name}/${mode}`)!, connections, secs, LOAD_CPU);
  }
}

async function benchmark(mock: Running, launcher: string): Promise<void> {
  const gateways = await startAll(mock.base, launcher);
  const all = [{ ...mock, pid: undefined }, ...gateways];
  try {
    for (const c of all) await check(c);
    const scripts = new Map<string, string>();
    for (const c of all)
      for (const mode of ['json', 'stream'] as const)
        scripts.set(`${c.name}/${mode}`, writeScript(target(c, mode)));
    process.stderr.write(`warming up ${all.map((c) => c.name).join(', ')}…\n`);
    await warmUp(all, scripts);
    const samples: RoundSample[] = [];
    for (let r = 0; r < rounds; r++) {
      // Interleave: rotate the order each round so no contender always follows another.
      const order = all.map((_, i) => all[(i + r) % all.length]!);
      for (const mode of modes) {
        for (const c of order) {
          const s = await measure(c, mode, r, scripts);
          samples.push(s);
          process.stderr.write(
            `round ${r + 1}/${rounds} ${mode} ${c.name}: ${s.rps.toFixed(0)} req/s, ${s.cpuUs?.toFixed(0) ?? '—'} µs/req, p50@1 ${s.p50One.toFixed(3)} ms\n`,
          );
        }
      }
    }
    const rows = summarise(samples);
    const table = renderTable(rows, connections);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `gateway-${stamp}.json`),
      JSON.stringify({ seconds, latencySeconds, rounds, connections, samples, rows }, null, 2),
    );
    process.stdout.write(args.json ? JSON.stringify({ rows, samples }) + '\n' : table + '\n');
  } finally {
    for (const c of gateways) await c.stop();
  }
}

/** `--profile`: Moat alone under --cpu-prof, both modes, then the hottest functions. */
async function profile(mock: Running, launcher: string): Promise<void> {
  const profDir = mkdtempSync(join(tmpdir(), 'moat-bench-prof-'));
  // With --ablate LIST, profile Moat with only those extensions (`--ablate ''`: the bare core).
  const variant =
    args.ablate === undefined
      ? undefined
      : { name: 'moat-variant', extensions: args.ablate.split(',').filter(Boolean) };
  const moat = await startMoat(
    launcher,
    mock.base,
    GATEWAY_CPU,
    ['--cpu-prof', `--cpu-prof-dir=${profDir}`],
    variant,
    tenants[0],
  );
  try {
    for (const mode of modes) {
      const t = target(moat, mode);
      const before = threadCpuSeconds(moat.pid!);
      const load = await runWrk(t, writeScript(t), connections, seconds, LOAD_CPU);
      const threads = threadCostUs(before, threadCpuSeconds(moat.pid!), load.requests);
      const parts = Object.entries(threads)
        .filter(([, us]) => us >= 1)
        .map(([name, us]) => `${name} ${us.toFixed(0)}`);
      process.stdout.write(
        `${mode}: ${load.rps.toFixed(0)} req/s; CPU µs/req by thread: ${parts.join(', ')}\n`,
      );
    }
  } finally {
    await moat.stop();
  }
  // One profile per thread, main thread first (its file sorts first: it was started first).
  const files = readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${profDir}`);
  files.forEach((f, i) => {
    const marker = i === 0 ? 'proxyRequest' : undefined;
    process.stdout.write(
      `\n${i === 0 ? 'main thread' : 'worker thread'} profile: ${join(profDir, f)}\n${summariseProfile(join(profDir, f), 25, marker)}\n`,
    );
  });
}

async function main(): Promise<void> {
  const words = args['stream-words'];
  const mock = await startMock(LOAD_CPU, words === undefined ? undefined : Number(words));
  try {
    const launcher = compileMoat(join(tmpdir(), 'moat-bench-dist'));
    if (args.profile) await profile(mock, launcher);
    else await benchmark(mock, launcher);
  } finally {
    await mock.stop();
  }
}

await main();
