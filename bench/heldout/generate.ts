/**
 * The held-out traffic generator: an independent simulation of an LLM API provider's
 * week — ordinary users, honest heavy customers that look like harvesting, and
 * distillation campaigns built from ../shared/THREATS.md — written in the formats
 * `moat simulate` writes (events.jsonl, accounts.jsonl, labels.json), so `moat analyze`
 * and `moat eval` read it unchanged. It shares no code with src/sim.
 *
 *   npx tsx bench/heldout/generate.ts --seed N --out DIR [--accounts N] [--days 7] [--data ../shared/data] [--scale F]
 */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DAY, HOUR } from './clock.js';
import { loadCorpus } from './corpus.js';
import { Net } from './people.js';
import { Rng } from './rng.js';
import type { HEvent } from './wire.js';
import { Ids, type Account, type CampaignOut, type Family, type World } from './world.js';
import { AGENTS } from './families/agents.js';
import { COVERT } from './families/covert.js';
import { HYDRAS } from './families/hydras.js';
import { NAT } from './families/nat.js';
import { ORDINARY } from './families/ordinary.js';
import { SERVICES } from './families/services.js';
import { SIGNALS } from './families/signals.js';
import { TOOLS } from './families/tools.js';
import { WORKERS } from './families/workers.js';

/** Every family, in build order (account ids are drawn in this order). */
export const FAMILIES: Family[] = [
  ...ORDINARY,
  ...WORKERS,
  ...SERVICES,
  ...TOOLS,
  ...AGENTS,
  ...NAT,
  ...HYDRAS,
  ...COVERT,
  ...SIGNALS,
];
/** Accounts at the default size: the sum of the families' base counts. */
export const DEFAULT_ACCOUNTS = FAMILIES.reduce((a, f) => a + f.base, 0);
/** The window opens on a Monday at 00:00 UTC. */
const START = Date.UTC(2026, 2, 2);

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Generation options. */
export interface Options {
  seed: number;
  out: string;
  accounts: number;
  days: number;
  data: string | null;
  scale: number;
}

/** A min-heap of account streams keyed by their next event's time (ties: account order). */
class StreamHeap {
  private readonly heap: { ts: number; i: number; ev: HEvent }[] = [];

  push(x: { ts: number; i: number; ev: HEvent }): void {
    const h = this.heap;
    h.push(x);
    let c = h.length - 1;
    while (c > 0) {
      const p = (c - 1) >> 1;
      if (!this.less(h[c]!, h[p]!)) break;
      [h[c], h[p]] = [h[p]!, h[c]!];
      c = p;
    }
  }

  pop(): { ts: number; i: number; ev: HEvent } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let p = 0;
      for (;;) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === p) break;
        [h[p], h[m]] = [h[m]!, h[p]!];
        p = m;
      }
    }
    return top;
  }

  private less(a: { ts: number; i: number }, b: { ts: number; i: number }): boolean {
    return a.ts < b.ts || (a.ts === b.ts && a.i < b.i);
  }
}

/** Buffered line writer (one write per few MB). */
class Lines {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  add(line: string): void {
    this.buf.push(line);
    this.size += line.length + 1;
    if (this.size > 4_000_000) this.flush();
  }

  flush(): void {
    if (this.buf.length > 0) writeSync(this.fd, this.buf.join('\n') + '\n');
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Per-family tallies for the summary. */
interface Tally {
  family: string;
  malicious: boolean;
  accounts: number;
  events: number;
}

/** Generate a dataset into `opts.out`; returns the tallies. */
export function generate(opts: Options): { tallies: Tally[]; events: number; accounts: number } {
  const rng = new Rng(`heldout:${opts.seed}`);
  const start = START;
  const end = start + opts.days * DAY;
  const releaseDay = opts.days >= 2 ? Math.floor(opts.days * 0.5) : 0;
  const world: World = {
    seed: opts.seed,
    start,
    end,
    days: opts.days,
    release: opts.days >= 2 ? start + releaseDay * DAY + 16 * HOUR : start + (end - start) / 2,
    corpus: loadCorpus(opts.data),
    net: new Net(rng.fork('net')),
    volume: opts.scale,
    rng,
    ids: new Ids(rng.fork('ids')),
  };
  const factor = opts.accounts / DEFAULT_ACCOUNTS;
  const all: { account: Account; family: Family }[] = [];
  const campaigns: CampaignOut[] = [];
  for (const f of FAMILIES) {
    const n = Math.max(f.min ?? 1, Math.round(f.base * factor));
    const built = f.build(world, n, rng.fork(`family:${f.name}`));
    for (const a of built.accounts) all.push({ account: a, family: f });
    if (built.campaigns) campaigns.push(...built.campaigns);
  }
  mkdirSync(opts.out, { recursive: true });

  // Events: a k-way merge of the accounts' time-ordered streams.
  const heap = new StreamHeap();
  const iters = all.map((x) => x.account.events());
  const last = new Float64Array(all.length);
  const counts = new Int32Array(all.length);
  const pull = (i: number): void => {
    for (;;) {
      const r = iters[i]!.next();
      if (r.done) return;
      const ev = r.value;
      // An account's requests never go back in time and stay inside the window.
      const ts = Math.max(ev.ts, last[i]! + 1);
      if (ts < start) continue;
      if (ts >= end) return;
      ev.ts = ts;
      last[i] = ts;
      heap.push({ ts, i, ev });
      return;
    }
  };
  for (let i = 0; i < iters.length; i++) pull(i);
  const events = new Lines(join(opts.out, 'events.jsonl'));
  let total = 0;
  for (let x = heap.pop(); x; x = heap.pop()) {
    events.add(JSON.stringify(x.ev));
    counts[x.i]!++;
    total++;
    pull(x.i);
  }
  events.close();

  // Accounts, oldest first; labels by id.
  const accounts = new Lines(join(opts.out, 'accounts.jsonl'));
  const sorted = all
    .map((x) => x.account.record)
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
    );
  for (const rec of sorted) accounts.add(JSON.stringify(rec));
  accounts.close();
  const labels = {
    seed: opts.seed,
    generator: 'heldout',
    accounts: Object.fromEntries(all.map((x) => [x.account.record.id, x.account.label])),
    campaigns,
  };
  writeFileSync(join(opts.out, 'labels.json'), JSON.stringify(labels, null, 1) + '\n');

  const tallies = new Map<string, Tally>();
  all.forEach((x, i) => {
    const t = tallies.get(x.family.name) ?? {
      family: x.family.name,
      malicious: x.family.malicious,
      accounts: 0,
      events: 0,
    };
    t.accounts++;
    t.events += counts[i]!;
    tallies.set(x.family.name, t);
  });
  return { tallies: [...tallies.values()], events: total, accounts: all.length };
}

function usage(): string {
  return `Usage: npx tsx bench/heldout/generate.ts --seed N --out DIR [--accounts N] [--days 7] [--data DIR] [--scale F]

  --seed N       PRNG seed (the same seed gives byte-identical output)
  --out DIR      output folder: events.jsonl, accounts.jsonl, labels.json
  --accounts N   total accounts (default ${DEFAULT_ACCOUNTS}); every family scales with it
  --days D       window length in days (default 7)
  --data DIR     prompt corpora (default ../shared/data when present, else built-in text)
  --scale F      multiplier on every account's request rate (default 1)
`;
}

function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      accounts: { type: 'string' },
      days: { type: 'string' },
      data: { type: 'string' },
      scale: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || values.seed === undefined || values.out === undefined) {
    process.stderr.write(usage());
    return values.help ? 0 : 2;
  }
  const num = (v: string | undefined, d: number, name: string): number => {
    if (v === undefined) return d;
    const x = Number(v);
    if (!Number.isFinite(x) || x <= 0)
      throw new Error(`--${name}: expected a positive number, got "${v}"`);
    return x;
  };
  const defaultData = join(root, '..', 'shared', 'data');
  const data =
    values.data !== undefined ? resolve(values.data) : existsSync(defaultData) ? defaultData : null;
  const opts: Options = {
    seed: Math.floor(num(values.seed, 1, 'seed')),
    out: resolve(values.out),
    accounts: Math.round(num(values.accounts, DEFAULT_ACCOUNTS, 'accounts')),
    days: num(values.days, 7, 'days'),
    data,
    scale: num(values.scale, 1, 'scale'),
  };
  const t0 = Date.now();
  const r = generate(opts);
  const secs = (Date.now() - t0) / 1000;
  const mal = r.tallies.filter((t) => t.malicious).reduce((a, t) => a + t.accounts, 0);
  const lines = r.tallies.map(
    (t) =>
      `  ${t.malicious ? 'attack' : 'honest'}  ${t.family.padEnd(26)} ${String(t.accounts).padStart(5)} accounts ${String(t.events).padStart(8)} events`,
  );
  process.stderr.write(
    `heldout: seed ${opts.seed}, ${opts.days} days, corpora ${data ?? 'built-in'}\n${lines.join('\n')}\n` +
      `${r.accounts} accounts (${mal} malicious, ${((100 * mal) / r.accounts).toFixed(1)}%), ${r.events} events in ${secs.toFixed(1)}s → ${opts.out}\n`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = main(process.argv.slice(2));
