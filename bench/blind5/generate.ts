// blind5: an independent, labelled traffic generator (see README.md).
// Usage: npx tsx bench/blind5/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import {
  closeSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, resolveDataDir } from './corpus.js';
import { DAY, HOUR } from './lib.js';
import { Sink } from './sim.js';
import type { World } from './sim.js';
import * as F from './families.js';
import type { Ctx } from './families.js';

interface Opts {
  seed: number;
  out: string;
  days: number;
  accounts: number;
  data: string | undefined;
}

function parse(argv: string[]): Opts {
  const o: Opts = { seed: 1, out: '', days: 7, accounts: 2500, data: undefined };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = argv[i + 1];
    if (k === '--seed' && v) o.seed = Number(v);
    else if (k === '--out' && v) o.out = v;
    else if (k === '--days' && v) o.days = Number(v);
    else if (k === '--accounts' && v) o.accounts = Number(v);
    else if (k === '--data' && v) o.data = v;
    else continue;
    i++;
  }
  if (!o.out) throw new Error('--out DIR is required');
  if (
    !Number.isFinite(o.seed) ||
    !Number.isFinite(o.days) ||
    o.days < 1 ||
    !Number.isFinite(o.accounts) ||
    o.accounts < 50
  ) {
    throw new Error('bad --seed/--days/--accounts');
  }
  return o;
}

// Base populations for 2,500 accounts; scaled linearly by --accounts.
const BASE = {
  hydra: 280,
  polyglot: 110,
  sysprompt: 70,
  followup: 90,
  trajectory: 60,
  rubric: 60,
  logit: 24,
  pivot: 130,
  padding: 70,
  frontapp: 12,
  sleepers: 180,
  ordinary: 1010,
  power: 70,
  batch: 24,
  evals: 20,
  coding: 120,
  natOrgs: 3,
  natPer: 35,
  judge: 5,
  edu: 8,
  licensed: 3,
  lpcls: 8,
  ci: 16,
  tools: 25,
};

function main(): void {
  const o = parse(process.argv.slice(2));
  const t0 = performance.now();
  const dataDir = resolveDataDir(o.data);
  const corpus = loadCorpus(dataDir);
  const start = Date.UTC(2026, 10, 2); // Monday 2 Nov 2026, 00:00 UTC
  const end = start + o.days * DAY;
  const release = start + Math.floor(o.days / 2) * DAY + 15 * HOUR + 30 * 60_000;
  const w: World = { start, end, days: o.days, release, corpus };
  const sink = new Sink(w, o.seed);
  mkdirSync(o.out, { recursive: true });
  const spool = join(o.out, 'events.unsorted.tmp');
  sink.open(spool);
  const ctx: Ctx = { w, sink, seed: o.seed, accounts: [], campaigns: [], ids: new Set(), fam: 0 };
  const s = o.accounts / 2500;
  const k = (x: number): number => Math.max(1, Math.round(x * s));

  F.hydra(ctx, k(BASE.hydra));
  F.polyglot(ctx, k(BASE.polyglot));
  F.buriedSystem(ctx, k(BASE.sysprompt));
  F.followups(ctx, k(BASE.followup));
  F.trajectories(ctx, k(BASE.trajectory));
  F.rubric(ctx, k(BASE.rubric));
  F.logitSweep(ctx, k(BASE.logit));
  F.pivot(ctx, k(BASE.pivot));
  F.padded(ctx, k(BASE.padding));
  F.mixedApp(ctx, k(BASE.frontapp));
  F.sleepers(ctx, k(BASE.sleepers));
  F.ordinary(ctx, k(BASE.ordinary));
  F.powerUsers(ctx, k(BASE.power));
  F.batch(ctx, k(BASE.batch));
  F.evalHarness(ctx, k(BASE.evals));
  F.codingAgents(ctx, k(BASE.coding));
  F.sharedNat(ctx, BASE.natOrgs, k(BASE.natPer));
  F.judgeVendor(ctx, k(BASE.judge));
  F.eduApps(ctx, k(BASE.edu));
  F.licensedSynth(ctx, k(BASE.licensed));
  F.logprobClassifier(ctx, k(BASE.lpcls));
  F.ciBots(ctx, k(BASE.ci));
  F.templateTools(ctx, k(BASE.tools));

  // events, in timestamp order (stable on ties): spooled unsorted, then copied in order
  const n = sink.ts.length;
  sink.close();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const ts = sink.ts;
  order.sort((a, b) => (ts[a] ?? 0) - (ts[b] ?? 0) || a - b);
  const inFd = openSync(spool, 'r');
  const outFd = openSync(join(o.out, 'events.jsonl'), 'w');
  const chunk = Buffer.alloc(8 << 20);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const idx = order[i] ?? 0;
    const len = sink.lens[idx] ?? 0;
    if (used + len > chunk.length) {
      writeSync(outFd, chunk, 0, used);
      used = 0;
    }
    if (len > chunk.length) {
      const big = Buffer.alloc(len);
      readSync(inFd, big, 0, len, sink.offs[idx] ?? 0);
      writeSync(outFd, big);
      continue;
    }
    readSync(inFd, chunk, used, len, sink.offs[idx] ?? 0);
    used += len;
  }
  if (used) writeSync(outFd, chunk, 0, used);
  closeSync(inFd);
  closeSync(outFd);
  rmSync(spool);

  const accLines = ctx.accounts.map((a) =>
    JSON.stringify({
      id: a.id,
      createdAt: new Date(a.createdAt).toISOString(),
      email: a.email,
      signupIp: a.signupIp,
      paymentFingerprint: a.paymentFingerprint,
      country: a.country.code,
      tier: a.tier,
      route: a.route,
    }),
  );
  writeFileSync(join(o.out, 'accounts.jsonl'), accLines.join('\n') + '\n');
  const labels: {
    accounts: Record<
      string,
      { malicious: boolean; persona: string; campaign: string | null; family: string }
    >;
    campaigns: { id: string; kind: string; accounts: string[] }[];
  } = {
    accounts: {},
    campaigns: ctx.campaigns,
  };
  for (const a of ctx.accounts)
    labels.accounts[a.id] = {
      malicious: a.malicious,
      persona: a.persona,
      campaign: a.campaign,
      family: a.family,
    };
  writeFileSync(join(o.out, 'labels.json'), JSON.stringify(labels));

  // per-family table
  const fams = new Map<string, { mal: boolean; accounts: number; events: number }>();
  for (const a of ctx.accounts) {
    const f = fams.get(a.family) ?? {
      mal: a.malicious,
      accounts: 0,
      events: sink.perFamily.get(a.family) ?? 0,
    };
    f.accounts++;
    fams.set(a.family, f);
  }
  const rows = [...fams.entries()].sort(
    (x, y) => Number(y[1].mal) - Number(x[1].mal) || x[0].localeCompare(y[0]),
  );
  const pad = (x: string, k2: number): string => x.padEnd(k2);
  console.log(`${pad('family', 24)}${pad('malicious', 11)}${pad('accounts', 10)}events`);
  let ta = 0;
  let te = 0;
  for (const [name, f] of rows) {
    console.log(
      `${pad(name, 24)}${pad(f.mal ? 'yes' : 'no', 11)}${pad(String(f.accounts), 10)}${f.events}`,
    );
    ta += f.accounts;
    te += f.events;
  }
  console.log(`${pad('TOTAL', 35)}${pad(String(ta), 10)}${te}`);
  console.log(
    `corpus: ${corpus.source}; release of corvid-4 at ${new Date(release).toISOString()}; ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
}

try {
  main();
} catch (e: unknown) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
