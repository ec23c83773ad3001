/**
 * Blind labelled traffic generator.
 *
 *   npx tsx bench/blind2/generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]
 *
 * Writes DIR/events.jsonl (sorted by ts), DIR/accounts.jsonl and DIR/labels.json, and
 * prints a per-family summary table on stdout. Deterministic per seed. Events are
 * spilled to six-hour bucket files while accounts are generated, then each bucket is
 * sorted and appended, so memory stays bounded.
 */
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import {
  adcopyFamily,
  benchCompanyFamily,
  benchLabFamily,
  ciBotFamily,
  edtechHomeworkFamily,
  edtechTutorFamily,
  judgeVendorFamily,
  kidsFamily,
  logprobLabFamily,
  resumeFamily,
  syntheticFamily,
} from './apps.js';
import {
  dormantFamily,
  followupFamily,
  lowResourceFamily,
  paddedFamily,
  pivotFamily,
  quietHydra,
  templatedHydra,
} from './campaigns.js';
import {
  agenticFamily,
  appMixFamily,
  logitBiasFamily,
  preferenceFamily,
  systemCotFamily,
} from './campaigns2.js';
import type { Family } from './common.js';
import { loadCorpora } from './corpus.js';
import { loadSentenceBank } from './text.js';
import {
  adopterFamily,
  casualFamily,
  codingFamily,
  mobileFamily,
  natFamily,
  powerFamily,
  routerFamily,
  studentFamily,
  translatorFamily,
} from './people.js';
import { Rng } from './rng.js';
import type { Actor, EventSink, World } from './wire.js';
import { AddressPlan, HOUR, makeWindow } from './world.js';

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
  if (!out)
    throw new Error(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 2500] [--data DIR]',
    );
  const defaultData = resolve(process.cwd(), '..', 'shared', 'data');
  const fallbackData = '/work/shared/data';
  return {
    seed: Number(get('seed') ?? '1'),
    out,
    days: Number(get('days') ?? '7'),
    accounts: Number(get('accounts') ?? '2500'),
    data:
      get('data') ??
      (existsSync(defaultData) ? defaultData : existsSync(fallbackData) ? fallbackData : undefined),
  };
}

const BUCKET = 6 * HOUR;

/** Spills event lines into per-bucket temp files, counting events per persona. */
class BucketSink implements EventSink {
  readonly counts = new Map<string, number>();
  private buffers: string[][] = [];
  private sizes: number[] = [];
  dropped = 0;

  constructor(
    private readonly dir: string,
    private readonly start: number,
    private readonly end: number,
  ) {
    const n = Math.ceil((end - start) / BUCKET);
    for (let i = 0; i < n; i += 1) {
      this.buffers.push([]);
      this.sizes.push(0);
    }
  }

  write(ts: number, persona: string, line: string): void {
    if (ts < this.start || ts >= this.end) {
      this.dropped += 1;
      return;
    }
    const b = Math.floor((ts - this.start) / BUCKET);
    const buf = this.buffers[b];
    if (!buf) return;
    const entry = `${Math.floor(ts)}\t${line}\n`;
    buf.push(entry);
    this.sizes[b] = (this.sizes[b] ?? 0) + entry.length;
    this.counts.set(persona, (this.counts.get(persona) ?? 0) + 1);
    if ((this.sizes[b] ?? 0) > 4_000_000) this.flush(b);
  }

  private flush(b: number): void {
    const buf = this.buffers[b];
    if (!buf || buf.length === 0) return;
    appendFileSync(join(this.dir, `b${b}.tsv`), buf.join(''));
    this.buffers[b] = [];
    this.sizes[b] = 0;
  }

  /** Sorts each bucket by ts (stable: ties keep generation order) and writes them out. */
  merge(outFile: string): number {
    for (let b = 0; b < this.buffers.length; b += 1) this.flush(b);
    const fd = openSync(outFile, 'w');
    let total = 0;
    for (let b = 0; b < this.buffers.length; b += 1) {
      const path = join(this.dir, `b${b}.tsv`);
      if (!existsSync(path)) continue;
      const lines = readFileSync(path, 'utf8').split('\n');
      lines.pop();
      const keyed = lines.map((l, i) => ({ ts: Number(l.slice(0, l.indexOf('\t'))), i }));
      keyed.sort((x, y) => x.ts - y.ts || x.i - y.i);
      let chunk: string[] = [];
      let size = 0;
      for (const k of keyed) {
        const l = lines[k.i] ?? '';
        const s = `${l.slice(l.indexOf('\t') + 1)}\n`;
        chunk.push(s);
        size += s.length;
        if (size > 8_000_000) {
          writeSync(fd, chunk.join(''));
          chunk = [];
          size = 0;
        }
      }
      if (chunk.length > 0) writeSync(fd, chunk.join(''));
      total += keyed.length;
      rmSync(path);
    }
    closeSync(fd);
    return total;
  }
}

const HONEST: Family[] = [
  studentFamily,
  powerFamily,
  codingFamily,
  natFamily,
  translatorFamily,
  adopterFamily,
  mobileFamily,
  routerFamily,
  benchCompanyFamily,
  benchLabFamily,
  judgeVendorFamily,
  edtechTutorFamily,
  edtechHomeworkFamily,
  syntheticFamily,
  logprobLabFamily,
  ciBotFamily,
  resumeFamily,
  adcopyFamily,
  kidsFamily,
];

const MALICIOUS: Family[] = [
  quietHydra,
  templatedHydra,
  agenticFamily,
  followupFamily,
  systemCotFamily,
  appMixFamily,
  preferenceFamily,
  logitBiasFamily,
  lowResourceFamily,
  dormantFamily,
  pivotFamily,
  paddedFamily,
];

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const out = resolve(args.out);
  mkdirSync(out, { recursive: true });
  const tmp = join(out, '.blind2-buckets');
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });

  const win = makeWindow(args.days);
  const rng = new Rng(`${args.seed}/world`);
  const sink = new BucketSink(tmp, win.start, win.end);
  const corpora = loadCorpora(args.data);
  loadSentenceBank(
    [
      ...corpora.dialogs.flatMap((d) => d.map((e) => e.assistant)),
      ...corpora.tasks.map((t) => t.output),
    ],
    corpora.code.filter((x) => x.src === 'mbpp').map((x) => x.code),
  );
  const w: World = { seed: args.seed, win, plan: new AddressPlan(rng), corpora, sink, rng };

  const sized: { f: Family; n: number }[] = [...MALICIOUS, ...HONEST].map((f) => ({
    f,
    n: f.size(args.accounts),
  }));
  const used = sized.reduce((s, x) => s + x.n, 0);
  sized.push({ f: casualFamily, n: Math.max(0, args.accounts - used) });

  const all: { f: Family; actors: Actor[] }[] = [];
  for (const { f, n } of sized) {
    if (n <= 0) continue;
    const built = f.make(w, n);
    built.run();
    all.push({ f, actors: built.actors });
  }
  const events = sink.merge(join(out, 'events.jsonl'));
  rmSync(tmp, { recursive: true, force: true });

  const actors = all
    .flatMap((x) => x.actors)
    .sort((a, b) => (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0));
  writeFileSync(
    join(out, 'accounts.jsonl'),
    actors.map((a) => JSON.stringify(a.rec)).join('\n') + '\n',
  );
  const labels: Record<string, unknown> = {};
  for (const a of actors) labels[a.rec.id] = a.label;
  const campaigns = all
    .filter((x) => x.f.campaign)
    .map((x) => ({
      id: x.f.campaign?.id,
      kind: x.f.campaign?.kind,
      accounts: x.actors.map((a) => a.rec.id).sort(),
    }));
  writeFileSync(
    join(out, 'labels.json'),
    JSON.stringify({ accounts: labels, campaigns }, null, 1) + '\n',
  );

  const malicious = actors.filter((a) => a.label.malicious).length;
  const rows = all.map(
    (x) =>
      `| ${x.f.persona} | ${x.f.malicious ? 'yes' : 'no'} | ${x.actors.length} | ${sink.counts.get(x.f.persona) ?? 0} | ${x.f.behaviour} |`,
  );
  process.stdout.write(
    [
      `seed ${args.seed}: ${actors.length} accounts (${malicious} malicious, ${((100 * malicious) / actors.length).toFixed(1)}%), ${events} events over ${args.days} days; corpora ${w.corpora.fromDisk ? 'from ' + String(args.data) : 'built-in'}`,
      '',
      '| family | malicious | accounts | events | behaviour |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

main();
