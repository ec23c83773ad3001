/**
 * The two tenants of issue 19 in ONE Moat process: a new free-tier account and an
 * enterprise account with raised limits pinned to `allow`, served by the same process in
 * alternating phases (free, enterprise, enterprise, free, … so neither always goes first),
 * CPU per request of each phase from /proc. Two processes measured minutes apart differ by
 * their history and the machine's load at the time; here both tenants share the process,
 * its caches and its history, so what is left between them is what the tenant's
 * configuration costs per request.
 *
 *   npx tsx bench/gateway/tenants.ts [--modes json,stream] [--rounds 6] [--seconds 2]
 *                                    [--connections 16] [--profile]
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  chatBody,
  compileMoat,
  makeTenant,
  startMock,
  startMoat,
  type Tenant,
} from './contenders.js';
import { treeCpuSeconds } from './proc.js';
import { summariseProfile } from './profile.js';
import { median } from './report.js';
import { runWrk, writeScript, type LoadTarget } from './wrk.js';

const { values: args } = parseArgs({
  options: {
    modes: { type: 'string', default: 'json,stream' },
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    profile: { type: 'boolean', default: false },
  },
});
const GATEWAY_CPU = '0';
const LOAD_CPU = '1';
const TENANTS: Tenant[] = ['free', 'enterprise-pinned'];

function target(base: string, key: string, stream: boolean): LoadTarget {
  return {
    url: `${base}/chat/completions`,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: chatBody(stream),
  };
}

async function main(): Promise<void> {
  const mock = await startMock(LOAD_CPU);
  const launcher = compileMoat(join(tmpdir(), 'moat-bench-dist'));
  const profDir = args.profile ? mkdtempSync(join(tmpdir(), 'moat-bench-prof-')) : undefined;
  const flags = profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  // The process's own `bench` account stays unused: the two tenants are made beside it.
  const moat = await startMoat(launcher, mock.base, GATEWAY_CPU, flags, undefined, 'free');
  const root = moat.base.replace(/\/v1$/, '');
  const keys = {
    free: await makeTenant(root, 'free', 'tenant-free'),
    'enterprise-pinned': await makeTenant(root, 'enterprise-pinned', 'tenant-ent'),
  };
  const rounds = Number(args.rounds);
  const seconds = Number(args.seconds);
  const connections = Number(args.connections);
  try {
    for (const mode of args.modes.split(',')) {
      const stream = mode === 'stream';
      const targets = TENANTS.map((t) => target(moat.base, keys[t], stream));
      const scripts = targets.map((t) => writeScript(t));
      for (let i = 0; i < 2; i++) await runWrk(targets[i]!, scripts[i]!, connections, 2, LOAD_CPU);
      const us: number[][] = [[], []];
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? [0, 1] : [1, 0];
        for (const i of order) {
          const before = treeCpuSeconds(moat.pid!);
          const load = await runWrk(targets[i]!, scripts[i]!, connections, seconds, LOAD_CPU);
          const cpu = treeCpuSeconds(moat.pid!) - before;
          if (load.errors > 0) throw new Error(`${TENANTS[i]} ${mode}: ${load.errors} errors`);
          us[i]!.push((cpu * 1e6) / Math.max(1, load.requests));
        }
      }
      const ratios = us[1]!.map((e, r) => e / us[0]![r]!);
      process.stdout.write(
        `${mode}: CPU µs/req median (min) free ${median(us[0]!).toFixed(0)} (${Math.min(...us[0]!).toFixed(0)}), ` +
          `enterprise-pinned ${median(us[1]!).toFixed(0)} (${Math.min(...us[1]!).toFixed(0)}); ` +
          `enterprise/free per round ${ratios.map((x) => x.toFixed(2)).join(' ')}, median ${median(ratios).toFixed(3)}\n`,
      );
    }
  } finally {
    await moat.stop();
    await mock.stop();
  }
  if (profDir) {
    const file = readdirSync(profDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()[0];
    if (file)
      process.stdout.write(
        `\nmain thread profile: ${join(profDir, file)}\n${summariseProfile(join(profDir, file), 25, 'proxyRequest')}\n`,
      );
  }
}

await main();
