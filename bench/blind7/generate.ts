// Blind labelled traffic generator: npx tsx bench/blind7/generate.ts --seed N --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  batchPipelines,
  casualChat,
  ciBots,
  codingAgents,
  edtechTutors,
  evalHarnesses,
  honestRouters,
  judgeVendors,
  licensedSynthetic,
  logprobClassifiers,
  powerUsers,
  quietSignups,
  sharedNatOrgs,
  startupBuilders,
  students,
  supportBots,
  teamAccounts,
  templateTools,
  toolApps,
  translators,
} from './benign.js';
import { loadCorpora, resolveDataDir } from './corpora.js';
import { EventSink } from './emit.js';
import type { Env } from './kit.js';
import { maliciousWorld } from './malicious.js';
import { Rng } from './rng.js';
import { makeClock } from './world.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  const t0 = performance.now();
  const seed = Number(arg('seed') ?? '1');
  const out = arg('out');
  if (!out) {
    console.error(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]',
    );
    process.exit(2);
  }
  const days = Math.max(1, Number(arg('days') ?? '7'));
  const target = Math.max(50, Number(arg('accounts') ?? '2500'));
  const scale = target / 2500;
  mkdirSync(out, { recursive: true });
  const clock = makeClock(days);
  const corp = loadCorpora(resolveDataDir(arg('data')));
  const env: Env = {
    rng: new Rng(`blind7:${seed}`),
    corp,
    clock,
    sink: new EventSink(out, clock),
    accounts: [],
    labels: {},
    campaigns: [],
    ids: new Set(),
  };
  const S = (n: number): number => Math.max(1, Math.round(n * scale));

  casualChat(env, S(920));
  students(env, S(300));
  powerUsers(env, S(140), false);
  powerUsers(env, S(55), true);
  sharedNatOrgs(env, S(4), [25, 50]);
  evalHarnesses(env, S(12));
  judgeVendors(env, S(5));
  edtechTutors(env, S(6));
  licensedSynthetic(env, S(3));
  logprobClassifiers(env, S(8));
  ciBots(env, S(20));
  batchPipelines(env, S(15));
  codingAgents(env, S(120));
  templateTools(env, S(14));
  supportBots(env, S(8));
  honestRouters(env, S(3));
  startupBuilders(env, S(70));
  teamAccounts(env, S(10));
  translators(env, S(6));
  toolApps(env, S(15));
  quietSignups(env, S(250));
  maliciousWorld(env, scale);

  env.sink.finish(join(out, 'events.jsonl'));
  const accounts = env.accounts.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  writeFileSync(
    join(out, 'accounts.jsonl'),
    accounts.map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  const labels: Env['labels'] = {};
  for (const a of accounts) {
    const l = env.labels[a.id];
    if (l) labels[a.id] = l;
  }
  writeFileSync(
    join(out, 'labels.json'),
    JSON.stringify({ accounts: labels, campaigns: env.campaigns }, null, 1) + '\n',
  );

  // Per-family table.
  const fam = new Map<string, { mal: boolean; accounts: number; events: number }>();
  for (const a of accounts) {
    const l = labels[a.id];
    if (!l) continue;
    const f = fam.get(l.family) ?? { mal: l.malicious, accounts: 0, events: 0 };
    f.accounts++;
    f.events += env.sink.perAccount.get(a.id) ?? 0;
    fam.set(l.family, f);
  }
  const rows = [...fam.entries()].sort(
    (x, y) => Number(x[1].mal) - Number(y[1].mal) || x[0].localeCompare(y[0]),
  );
  const pad = (s: string, n: number): string => s.padEnd(n);
  console.log(`${pad('family', 30)}${pad('malicious', 11)}${pad('accounts', 10)}events`);
  let ma = 0;
  for (const [name, f] of rows) {
    console.log(
      `${pad(name, 30)}${pad(String(f.mal), 11)}${pad(String(f.accounts), 10)}${f.events}`,
    );
    if (f.mal) ma += f.accounts;
  }
  console.log(
    `${pad('TOTAL', 30)}${pad(`${ma} mal`, 11)}${pad(String(accounts.length), 10)}${env.sink.count}`,
  );
  console.error(
    `seed ${seed}: ${accounts.length} accounts, ${env.sink.count} events, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main();
