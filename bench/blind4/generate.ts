// blind4 traffic generator: labelled telemetry for evaluating a distillation
// detector, written without access to the detector's code.
//
//   npx tsx bench/blind4/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Event } from './api.js';
import {
  agenticTrajectories,
  appMixedHarvest,
  buriedSystemPrompt,
  dormantWake,
  graderLabelling,
  hydraQuiet,
  logitBias,
  multilingualReasoning,
  multiturnFollowups,
  paddedPrompts,
  releasePivot,
  resellerRouter,
} from './attacks.js';
import { loadCorpus } from './corpus.js';
import {
  batchPipelines,
  ciBots,
  codingAgents,
  educationApps,
  evalHarnesses,
  hackathonCohort,
  judgeVendors,
  licensedSynthetic,
  logprobClassifiers,
  ordinaryUsers,
  powerUsers,
  sharedNatOrgs,
  startupApps,
  toolApps,
} from './honest.js';
import { Rng } from './rng.js';
import { Env, type Sim } from './sim.js';
import { makeTime } from './world.js';

interface Options {
  seed: string;
  out: string;
  days: number;
  accounts: number;
  data: string | null;
}

function parseArgs(argv: string[]): Options {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq?.slice(name.length + 3);
  };
  const seed = get('seed');
  const out = get('out');
  if (!seed || !out) {
    process.stderr.write(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]\n',
    );
    process.exit(2);
  }
  const days = Number(get('days') ?? 7);
  const accounts = Number(get('accounts') ?? 2500);
  if (!Number.isFinite(days) || days < 1 || days > 60)
    throw new Error('--days must be between 1 and 60');
  if (!Number.isFinite(accounts) || accounts < 50)
    throw new Error('--accounts must be at least 50');
  let data: string | null = get('data') ?? null;
  if (data === null) {
    const candidates = [resolve(process.cwd(), '../shared/data'), '/work/shared/data'];
    data = candidates.find((p) => existsSync(p)) ?? null;
  } else if (!existsSync(data)) {
    throw new Error(`--data ${data} does not exist`);
  }
  return { seed, out, days, accounts, data };
}

function populate(env: Env): void {
  const n = (x: number, min = 1): number => env.n(x, min);
  // honest
  ordinaryUsers(env, n(1150));
  powerUsers(env, n(90));
  codingAgents(env, n(160));
  sharedNatOrgs(env, 3, 45);
  batchPipelines(env, n(25));
  evalHarnesses(env, n(20));
  judgeVendors(env, n(4));
  educationApps(env, n(4));
  licensedSynthetic(env, n(2));
  logprobClassifiers(env, n(6));
  ciBots(env, n(12));
  toolApps(env, n(12, 3));
  startupApps(env, n(10));
  hackathonCohort(env, n(50));
  // malicious
  hydraQuiet(env, n(200));
  multilingualReasoning(env, n(100));
  buriedSystemPrompt(env, n(50));
  multiturnFollowups(env, n(70));
  agenticTrajectories(env, n(60));
  graderLabelling(env, n(50));
  logitBias(env, n(12), n(20));
  releasePivot(env, n(80));
  paddedPrompts(env, n(50));
  appMixedHarvest(env, n(4, 2));
  dormantWake(env, n(120));
  resellerRouter(env, n(6, 2));
}

interface Head {
  ts: number;
  i: number;
  ev: Event;
}

class Heap {
  private a: Head[] = [];
  get size(): number {
    return this.a.length;
  }
  private less(x: Head, y: Head): boolean {
    return x.ts < y.ts || (x.ts === y.ts && x.i < y.i);
  }
  push(h: Head): void {
    const a = this.a;
    a.push(h);
    let k = a.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!this.less(a[k] as Head, a[p] as Head)) break;
      [a[k], a[p]] = [a[p] as Head, a[k] as Head];
      k = p;
    }
  }
  pop(): Head | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        const r = l + 1;
        let m = k;
        if (l < a.length && this.less(a[l] as Head, a[m] as Head)) m = l;
        if (r < a.length && this.less(a[r] as Head, a[m] as Head)) m = r;
        if (m === k) break;
        [a[k], a[m]] = [a[m] as Head, a[k] as Head];
        k = m;
      }
    }
    return top;
  }
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const corpus = loadCorpus(opts.data);
  const time = makeTime(opts.days);
  const env = new Env(new Rng(`blind4:${opts.seed}`), corpus, time, opts.accounts / 2500);
  populate(env);
  mkdirSync(opts.out, { recursive: true });

  const sims: Sim[] = env.sims;
  const last = new Array<number>(sims.length).fill(0);
  const created = sims.map((s) => Date.parse(s.account.createdAt));
  const counts = new Map<
    string,
    { malicious: boolean; accounts: number; events: number; active: number }
  >();
  const perAccount = new Array<number>(sims.length).fill(0);
  for (const s of sims) {
    const row = counts.get(s.family) ?? {
      malicious: s.label.malicious,
      accounts: 0,
      events: 0,
      active: 0,
    };
    row.accounts++;
    counts.set(s.family, row);
  }

  // Pull the next in-window event of sim i, keeping each account's stream non-decreasing.
  const pull = (i: number): Head | null => {
    const sim = sims[i] as Sim;
    for (;;) {
      const r = sim.gen.next();
      if (r.done) return null;
      const ev = r.value;
      let ts = Math.max(ev.ts, last[i] ?? 0, created[i] ?? 0);
      if (ts < time.start) continue;
      if (ts >= time.end) return null;
      ts = Math.floor(ts);
      ev.ts = ts;
      last[i] = ts;
      return { ts, i, ev };
    }
  };

  const heap = new Heap();
  for (let i = 0; i < sims.length; i++) {
    const h = pull(i);
    if (h) heap.push(h);
  }
  const fd = openSync(join(opts.out, 'events.jsonl'), 'w');
  let buf = '';
  let total = 0;
  while (heap.size) {
    const h = heap.pop() as Head;
    buf += JSON.stringify(h.ev) + '\n';
    total++;
    perAccount[h.i] = (perAccount[h.i] ?? 0) + 1;
    if (buf.length > 4_000_000) {
      writeSync(fd, buf);
      buf = '';
    }
    const nx = pull(h.i);
    if (nx) heap.push(nx);
  }
  if (buf) writeSync(fd, buf);
  closeSync(fd);

  sims.forEach((s, i) => {
    const row = counts.get(s.family);
    if (row) {
      row.events += perAccount[i] ?? 0;
      if ((perAccount[i] ?? 0) > 0) row.active++;
    }
  });

  const byId = [...sims].sort((x, y) => (x.account.id < y.account.id ? -1 : 1));
  writeFileSync(
    join(opts.out, 'accounts.jsonl'),
    byId.map((s) => JSON.stringify(s.account)).join('\n') + '\n',
  );
  const labels = {
    generator: 'blind4',
    seed: opts.seed,
    window: { start: time.start, end: time.end, newModelRelease: time.release },
    accounts: Object.fromEntries(
      byId.map((s) => [
        s.account.id,
        {
          malicious: s.label.malicious,
          persona: s.label.persona,
          campaign: s.label.campaign,
          family: s.family,
        },
      ]),
    ),
    campaigns: env.campaigns.map((c) => ({ id: c.id, kind: c.kind, accounts: c.accounts })),
  };
  writeFileSync(join(opts.out, 'labels.json'), JSON.stringify(labels, null, 1) + '\n');

  const rows = [...counts.entries()].sort(
    (x, y) => Number(x[1].malicious) - Number(y[1].malicious) || y[1].events - x[1].events,
  );
  const w = Math.max(...rows.map(([f]) => f.length), 6);
  const lines = [`${'family'.padEnd(w)}  malicious  accounts  active   events`];
  let ma = 0;
  let me = 0;
  for (const [f, r] of rows) {
    lines.push(
      `${f.padEnd(w)}  ${(r.malicious ? 'yes' : 'no').padEnd(9)}  ${String(r.accounts).padStart(8)}  ${String(r.active).padStart(6)}  ${String(r.events).padStart(7)}`,
    );
    if (r.malicious) {
      ma += r.accounts;
      me += r.events;
    }
  }
  lines.push(
    `${'TOTAL'.padEnd(w)}  ${''.padEnd(9)}  ${String(sims.length).padStart(8)}  ${''.padStart(6)}  ${String(total).padStart(7)}`,
  );
  lines.push(
    `malicious: ${ma} accounts, ${me} events in ${env.campaigns.length} campaigns; data: ${corpus.source}; ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
