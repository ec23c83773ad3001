// Labelled traffic generator, written blind to Moat's detector.
// npx tsx bench/blind3/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CAMPAIGNS } from './campaigns.js';
import { loadCorpus } from './corpus.js';
import { HONEST } from './honest.js';
import { Network } from './net.js';
import { Rng } from './rng.js';
import { World } from './world.js';

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
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seed = get('seed');
  const out = get('out');
  if (!seed || !out) {
    process.stderr.write(
      'usage: tsx bench/blind3/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]\n',
    );
    process.exit(2);
  }
  const dataArg = get('data');
  const data =
    dataArg ??
    ['../shared/data', '/work/shared/data'].map((p) => resolve(p)).find((p) => existsSync(p)) ??
    null;
  return {
    seed,
    out,
    days: Number(get('days') ?? 7),
    accounts: Number(get('accounts') ?? 2500),
    data,
  };
}

// Monday 2 March 2026, 00:00 UTC: a fixed origin so output depends only on the options.
const ORIGIN = Date.UTC(2026, 2, 2);

function main(): void {
  const o = parseArgs(process.argv.slice(2));
  const t0 = process.hrtime.bigint();
  const root = new Rng(`blind3:${o.seed}:${o.days}:${o.accounts}`);
  const corpus = loadCorpus(o.data);
  const w = new World(
    root,
    new Network(root.fork('net')),
    corpus,
    ORIGIN,
    o.days,
    o.accounts / 2500,
  );
  HONEST.forEach((f, i) => f(w, root.fork(`h${i}`)));
  CAMPAIGNS.forEach((f, i) => f(w, root.fork(`c${i}`)));

  mkdirSync(o.out, { recursive: true });
  const plans = w.plans.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const counts = new Array<number>(w.families.length).fill(0);
  const acctsPer = new Map<string, number>();
  for (const l of w.labels.values()) acctsPer.set(l.persona, (acctsPer.get(l.persona) ?? 0) + 1);

  const fd = openSync(join(o.out, 'events.jsonl'), 'w');
  const evRng = root.fork('events');
  let buf: string[] = [];
  let size = 0;
  for (let i = 0; i < plans.length; i++) {
    const p = plans[i]!;
    const line = JSON.stringify(p.build(evRng.fork(p.seq)));
    counts[p.fam]!++;
    (plans as unknown[])[i] = null;
    buf.push(line);
    size += line.length;
    if (size > 4_000_000) {
      writeSync(fd, buf.join('\n') + '\n');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) writeSync(fd, buf.join('\n') + '\n');
  closeSync(fd);

  const accounts = [...w.accounts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  writeFileSync(
    join(o.out, 'accounts.jsonl'),
    accounts.map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  const labels: Record<string, unknown> = {};
  for (const a of accounts) labels[a.id] = w.labels.get(a.id);
  writeFileSync(
    join(o.out, 'labels.json'),
    JSON.stringify({ accounts: labels, campaigns: w.campaigns }, null, 1) + '\n',
  );

  const rows = w.families.map((f, i) => ({
    family: f.name,
    malicious: f.malicious,
    accounts: acctsPer.get(f.name) ?? 0,
    events: counts[i]!,
  }));
  rows.sort((a, b) => Number(a.malicious) - Number(b.malicious) || b.events - a.events);
  const pad = (s: string | number, n: number): string => String(s).padEnd(n);
  const lines = [
    `${pad('family', 26)}${pad('malicious', 11)}${pad('accounts', 10)}events`,
    ...rows.map(
      (r) =>
        `${pad(r.family, 26)}${pad(r.malicious ? 'yes' : 'no', 11)}${pad(r.accounts, 10)}${r.events}`,
    ),
  ];
  const mal = rows.filter((r) => r.malicious);
  const totA = rows.reduce((s, r) => s + r.accounts, 0);
  const totE = rows.reduce((s, r) => s + r.events, 0);
  const malA = mal.reduce((s, r) => s + r.accounts, 0);
  const malE = mal.reduce((s, r) => s + r.events, 0);
  lines.push(
    `${pad('TOTAL', 26)}${pad('', 11)}${pad(totA, 10)}${totE}`,
    `malicious: ${malA} accounts (${((100 * malA) / totA).toFixed(1)}%), ${malE} events (${((100 * malE) / totE).toFixed(1)}%); campaigns: ${w.campaigns.length}; corpus: ${corpus.source}`,
    `wrote ${o.out} in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
