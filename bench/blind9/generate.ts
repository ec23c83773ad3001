// blind9: an independent, labelled traffic generator for measuring an abuse detector out of
// sample. Usage:
//   npx tsx bench/blind9/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ATTACKS } from './attacks.js';
import { loadCorpora } from './corpora.js';
import { Ctx } from './ctx.js';
import { HONEST } from './honest.js';
import { Kit } from './kit.js';

interface Args {
  seed: number;
  out: string;
  days: number;
  accounts: number;
  data: string | null;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : undefined;
  };
  const seed = Number(get('seed') ?? '1');
  const out = get('out');
  const days = Number(get('days') ?? '7');
  const accounts = Number(get('accounts') ?? '2500');
  if (!out)
    throw new Error(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]',
    );
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!(days >= 1 && days <= 60)) throw new Error('--days must be between 1 and 60');
  if (!(accounts >= 100)) throw new Error('--accounts must be at least 100');
  let data: string | null = get('data') ?? null;
  if (data === null) {
    for (const d of [resolve('../shared/data'), '/work/shared/data']) {
      if (existsSync(d)) {
        data = d;
        break;
      }
    }
  } else if (!existsSync(data)) {
    process.stderr.write(`data dir ${data} not found; using built-in corpora\n`);
    data = null;
  }
  return { seed, out, days, accounts, data };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const corp = loadCorpora(args.data);
  const ctx = new Ctx(args.seed, args.days, args.accounts / 2500, corp);
  const kit = new Kit(corp);
  for (const f of HONEST) f(ctx, kit);
  for (const f of ATTACKS) f(ctx, kit);

  ctx.events.sort((a, b) => a.ts - b.ts);
  mkdirSync(args.out, { recursive: true });
  const fd = openSync(join(args.out, 'events.jsonl'), 'w');
  let buf: string[] = [];
  let size = 0;
  for (let i = 0; i < ctx.events.length; i++) {
    const line = JSON.stringify(ctx.events[i]);
    buf.push(line);
    size += line.length;
    if (size > 4_000_000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
      size = 0;
    }
  }
  if (buf.length) writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);

  const accounts = [...ctx.accounts].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  writeFileSync(
    join(args.out, 'accounts.jsonl'),
    accounts.map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  const labels = {
    accounts: ctx.labels,
    campaigns: [...ctx.campaigns.entries()].map(([id, c]) => ({
      id,
      kind: c.kind,
      accounts: c.accounts,
    })),
  };
  writeFileSync(join(args.out, 'labels.json'), JSON.stringify(labels, null, 1));

  const rows = [...ctx.famStats.entries()].sort((a, b) => b[1].events - a[1].events);
  const mal = new Set(
    Object.values(ctx.labels)
      .filter((l) => l.malicious)
      .map((l) => l.family),
  );
  const lines = [
    `blind9 seed=${args.seed} days=${args.days} data=${corp.source}`,
    'family                          mal  accounts    events',
  ];
  let mA = 0;
  let mE = 0;
  for (const [f, s] of rows) {
    lines.push(
      `${f.padEnd(32)}${mal.has(f) ? 'yes' : ' no'}  ${String(s.accounts).padStart(8)}  ${String(s.events).padStart(8)}`,
    );
    if (mal.has(f)) {
      mA += s.accounts;
      mE += s.events;
    }
  }
  lines.push(
    `total: ${ctx.accounts.length} accounts (${mA} malicious in ${ctx.campaigns.size} campaigns), ${ctx.events.length} events (${mE} malicious)`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
