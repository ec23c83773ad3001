// blind11: an independent, labelled traffic generator for evaluating an LLM-API abuse detector.
//
//   npx tsx bench/blind11/generate.ts --seed N --out DIR [--data DIR] [--days D] [--scale S]
//
// Writes DIR/events.jsonl (telemetry events in timestamp order), DIR/accounts.jsonl and
// DIR/labels.json, and prints a per-family table. Deterministic per seed: every random number
// comes from a seeded generator and no clock is read.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpora, resolveDataDir } from './corpora.js';
import { HONEST, type Family } from './honest.js';
import { Env } from './kit.js';
import { MALICIOUS } from './malicious.js';
import { World } from './world.js';

interface Args {
  seed: number;
  out: string;
  data: string | undefined;
  days: number;
  scale: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(name + '='));
    return eq ? eq.slice(name.length + 1) : undefined;
  };
  const out = get('--out');
  if (!out) {
    process.stderr.write(
      'usage: generate.ts --seed N --out DIR [--data DIR] [--days 7] [--scale 1]\n',
    );
    process.exit(2);
  }
  const num = (v: string | undefined, d: number, name: string): number => {
    if (v === undefined) return d;
    const n = Number(v);
    if (!Number.isFinite(n)) {
      process.stderr.write(`${name} must be a number, got ${v}\n`);
      process.exit(2);
    }
    return n;
  };
  return {
    seed: Math.floor(num(get('--seed'), 1, '--seed')),
    out,
    data: get('--data'),
    days: Math.max(1, Math.floor(num(get('--days'), 7, '--days'))),
    scale: Math.max(0.01, num(get('--scale'), 1, '--scale')),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = resolveDataDir(args.data);
  if (args.data && dataDir === null) {
    process.stderr.write(`--data ${args.data}: no corpora found there, using built-in text\n`);
  }
  const corpora = loadCorpora(dataDir);
  // Window: Monday 2026-03-02 00:00 UTC, `days` long.
  const w = new World(args.seed, Date.UTC(2026, 2, 2), args.days, args.scale);
  const env = new Env(w, corpora);
  const families: Family[] = [...MALICIOUS, ...HONEST];
  for (const f of families) f.run(env);

  mkdirSync(args.out, { recursive: true });

  // events.jsonl: sorted by time (ties by emission order), bodies built as they are written
  const pending = w.pending;
  pending.sort((a, b) => a.ts - b.ts || a.seq - b.seq);
  const fd = openSync(join(args.out, 'events.jsonl'), 'w');
  let buf: string[] = [];
  let bufLen = 0;
  const flush = () => {
    if (buf.length > 0) writeSync(fd, buf.join(''));
    buf = [];
    bufLen = 0;
  };
  const perFamilyEvents = new Map<string, number>();
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    const a = w.accounts[p.acct]!;
    const cl = a.clients[p.client]!;
    const body = p.build!(w.eventRng(p.seq), cl);
    p.build = null;
    const ev = {
      ts: p.ts,
      account: a.id,
      key: a.keys[p.key]!,
      ip: p.ip,
      userAgent: cl.ua,
      ja4: cl.ja4,
      headerOrder: cl.headerOrder,
      endpoint: body.endpoint,
      model: body.model,
      request: body.request,
      response: body.response,
      status: body.status,
      action: 'allow',
    };
    const line = JSON.stringify(ev) + '\n';
    buf.push(line);
    bufLen += line.length;
    if (bufLen > 4_000_000) flush();
    perFamilyEvents.set(a.label.family, (perFamilyEvents.get(a.label.family) ?? 0) + 1);
  }
  flush();
  closeSync(fd);
  const totalEvents = pending.length;
  pending.length = 0;

  // accounts.jsonl, ordered by creation time
  const accts = w.accounts
    .slice()
    .sort((x, y) => x.createdMs - y.createdMs || (x.id < y.id ? -1 : 1));
  writeFileSync(
    join(args.out, 'accounts.jsonl'),
    accts.map((a) => JSON.stringify(a.rec)).join('\n') + '\n',
  );

  // labels.json
  const labels: Record<string, unknown> = {};
  for (const a of accts) labels[a.id] = a.label;
  writeFileSync(
    join(args.out, 'labels.json'),
    JSON.stringify(
      { accounts: labels, campaigns: w.campaigns.filter((c) => c.accounts.length > 0) },
      null,
      1,
    ) + '\n',
  );

  // stdout table
  const rows: { fam: string; mal: boolean; accounts: number; events: number }[] = [];
  for (const f of families) {
    const accounts = w.accounts.filter((a) => a.label.family === f.name).length;
    rows.push({
      fam: f.name,
      mal: f.malicious,
      accounts,
      events: perFamilyEvents.get(f.name) ?? 0,
    });
  }
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lpad = (s: string | number, n: number) => String(s).padStart(n);
  const lines: string[] = [];
  lines.push(
    `blind11 seed=${args.seed} days=${args.days} scale=${args.scale} data=${corpora.source}`,
  );
  lines.push(`${pad('family', 30)} ${pad('label', 9)} ${lpad('accounts', 8)} ${lpad('events', 9)}`);
  for (const r of rows) {
    lines.push(
      `${pad(r.fam, 30)} ${pad(r.mal ? 'malicious' : 'honest', 9)} ${lpad(r.accounts, 8)} ${lpad(r.events, 9)}`,
    );
  }
  const malAccts = w.accounts.filter((a) => a.label.malicious).length;
  const malEvents = rows.filter((r) => r.mal).reduce((s, r) => s + r.events, 0);
  lines.push(
    `${pad('TOTAL', 30)} ${pad('', 9)} ${lpad(w.accounts.length, 8)} ${lpad(totalEvents, 9)}`,
  );
  lines.push(
    `malicious: ${malAccts} accounts (${((100 * malAccts) / w.accounts.length).toFixed(1)}%), ${malEvents} events (${((100 * malEvents) / Math.max(1, totalEvents)).toFixed(1)}%); campaigns: ${w.campaigns.length}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
