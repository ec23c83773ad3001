// Labelled traffic generator (written blind to the detector). See README.md.
//   npx tsx bench/blind8/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { type Ctx, type Plan } from './core.js';
import { loadCorpus, resolveDataDir } from './corpus.js';
import { buildPopulation } from './population.js';
import { Rng } from './rng.js';
import { makeTime, models } from './world.js';

interface Args {
  seed: number;
  out: string;
  days: number;
  accounts: number;
  data: string | undefined;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = get('out');
  if (!out) {
    process.stderr.write(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]\n',
    );
    process.exit(2);
  }
  return {
    seed: Number(get('seed') ?? 1),
    out,
    days: Number(get('days') ?? 7),
    accounts: Number(get('accounts') ?? 2500),
    data: get('data'),
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const corpus = loadCorpus(resolveDataDir(args.data));
  const time = makeTime(args.days);
  const ctx: Ctx = { corpus, time, models: models(time) };
  const root = new Rng(`blind8:${args.seed}`);
  const pop = buildPopulation(root.fork('population'), ctx, args.accounts);

  // 1. Plans (small placeholders), per account, only after the account exists.
  const plans: Plan[] = [];
  for (const m of pop.members) {
    const created = Date.parse(m.acct.rec.createdAt);
    const rng = new Rng(`blind8:${args.seed}:plan:${m.acct.rec.id}`);
    m.fam.plan(m.acct, rng, ctx, (p) => {
      if (p.ts >= time.start && p.ts < time.end && p.ts >= created) plans.push(p);
    });
  }
  plans.sort((a, b) => a.ts - b.ts || a.a - b.a || a.s - b.s || a.t - b.t);

  // 2. Render in time order, streaming to disk.
  mkdirSync(args.out, { recursive: true });
  const fd = openSync(join(args.out, 'events.jsonl'), 'w');
  const perAcct = new Map<number, number>();
  let buf = '';
  let bytes = 0;
  for (const p of plans) {
    const m = pop.members[p.a]!;
    const ev = m.fam.render(m.acct, p, ctx);
    buf += JSON.stringify(ev) + '\n';
    perAcct.set(p.a, (perAcct.get(p.a) ?? 0) + 1);
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      writeSync(fd, buf);
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  writeSync(fd, buf);
  closeSync(fd);

  // 3. Accounts and labels.
  writeFileSync(
    join(args.out, 'accounts.jsonl'),
    pop.members.map((m) => JSON.stringify(m.acct.rec)).join('\n') + '\n',
  );
  const labels: Record<string, unknown> = {};
  for (const m of pop.members)
    labels[m.acct.rec.id] = {
      malicious: m.acct.malicious,
      persona: m.acct.persona,
      campaign: m.acct.campaign,
      family: m.acct.family,
    };
  writeFileSync(
    join(args.out, 'labels.json'),
    JSON.stringify({ accounts: labels, campaigns: pop.campaigns }, null, 1),
  );

  // 4. Per-family table.
  const fam = new Map<string, { mal: boolean; accounts: number; events: number }>();
  for (const m of pop.members) {
    const f = fam.get(m.acct.family) ?? { mal: m.acct.malicious, accounts: 0, events: 0 };
    f.accounts++;
    f.events += perAcct.get(m.acct.idx) ?? 0;
    fam.set(m.acct.family, f);
  }
  const rows = [...fam.entries()].sort(
    (a, b) => Number(a[1].mal) - Number(b[1].mal) || a[0].localeCompare(b[0]),
  );
  const line = (a: string, b: string, c: string, d: string): string =>
    `${a.padEnd(24)} ${b.padEnd(9)} ${c.padStart(8)} ${d.padStart(9)}`;
  const out = [line('family', 'malicious', 'accounts', 'events')];
  let ta = 0;
  let te = 0;
  let ma = 0;
  for (const [name, f] of rows) {
    out.push(line(name, f.mal ? 'yes' : 'no', String(f.accounts), String(f.events)));
    ta += f.accounts;
    te += f.events;
    if (f.mal) ma += f.accounts;
  }
  out.push(line('total', `${((100 * ma) / ta).toFixed(1)}%`, String(ta), String(te)));
  out.push(`events.jsonl: ${(bytes / 1e6).toFixed(1)} MB, campaigns: ${pop.campaigns.length}`);
  process.stdout.write(out.join('\n') + '\n');
}

main();
