/**
 * Generalisation evaluation (issue 13): the detector scored on traffic from the generators —
 * `moat simulate` (src/sim, the one the detector was tuned on), the independent held-out
 * generator (bench/heldout, its own code, personas and wording, never tuned on), the blind
 * one (bench/blind, written later from THREATS.md alone; its verdicts were read after runs
 * since) and a second blind one (bench/blind2, written by another helper the same way, run
 * only to report), and a third blind one (bench/blind3, written the same way and first run
 * against a detector that had never seen its traffic; bench/blind4 to bench/blind11 the same, later) —
 * each run
 * through `moat analyze` and `moat eval` exactly as an outside evaluator would. Writes one
 * report per generator and seed, and a summary (JSON and Markdown) beside them.
 *
 *   npx tsx bench/eval/generalisation.ts --out docs/evaluation/generalisation \
 *     [--sim-seeds 1,2,3] [--heldout-seeds 1,2,3] [--blind-seeds 1,2,3] [--blind2-seeds 1,2,3]
 *     [--blind3-seeds 1,2,3] [--blind4-seeds 1,2,3] [--blind5-seeds 1,2,3]
 *     [--blind6-seeds 1,2,3] [--blind7-seeds 1,2,3] [--blind8-seeds 1,2,3] [--blind9-seeds 1,2,3]
 *     [--blind10-seeds 1,2,3] [--blind11-seeds 1,2,3]
 *     [--events 200000]
 *     [--work /tmp/moat-gen] [--moat bin/moat.js] [--reuse]
 *
 * `--moat` scores with another checkout's CLI (a baseline); with `--reuse` the traffic an
 * earlier run generated in the work folder is scored again instead of generated afresh.
 *
 * Benchmark, not a test: it needs ../shared/data for realistic corpora (both generators fall
 * back to small built-in ones without it) and takes minutes per seed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** The generators under bench/NAME run with tsx, each with its --NAME-seeds option. */
const TSX_GENERATORS = [
  'heldout',
  'blind',
  'blind2',
  'blind3',
  'blind4',
  'blind5',
  'blind6',
  'blind7',
  'blind8',
  'blind9',
  'blind10',
  'blind11',
] as const;
type TsxGenerator = (typeof TSX_GENERATORS)[number];

const seedOptions = Object.fromEntries(
  TSX_GENERATORS.map((name) => [
    `${name}-seeds`,
    { type: 'string' as const, default: name === 'heldout' ? '1,2,3' : '' },
  ]),
);

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    'sim-seeds': { type: 'string', default: '1,2,3' },
    ...seedOptions,
    moat: { type: 'string', default: 'bin/moat.js' },
    reuse: { type: 'boolean', default: false },
    events: { type: 'string', default: '200000' },
    work: { type: 'string', default: '/tmp/moat-generalisation' },
    data: { type: 'string', default: '../shared/data' },
    /** Comma-separated summary.json files of other runs whose rows join this report (runs split over processes). */
    include: { type: 'string', default: '' },
    /**
     * Generators whose per-family tables summary.md leaves out: the ones nobody tuning the
     * detector has read (their families stay in summary.json and each seed's report.md, for
     * whoever is not tuning). A glance at the summary's tail must not read them.
     */
    sealed: { type: 'string', default: 'blind6,blind10,blind11' },
  },
});
if (!values.out) {
  console.error(
    `usage: npx tsx bench/eval/generalisation.ts --out DIR [--sim-seeds 1,2] ${TSX_GENERATORS.map((g) => `[--${g}-seeds 1,2]`).join(' ')} [--events N] [--work DIR] [--data DIR] [--moat CLI] [--reuse] [--include SUMMARY.json,…] [--sealed GEN,…]`,
  );
  process.exit(2);
}
const out = resolve(values.out);
const work = resolve(values.work!);
const data = existsSync(values.data!) ? ['--data', values.data!] : [];
const moat = [values.moat!];

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MOAT_LOG_LEVEL: 'silent' },
  });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
}

interface Row {
  generator: string;
  seed: number;
  accounts: number;
  attack: number;
  recall: number;
  fpr: number;
  auc: number | null;
  medianRtd: number | null;
  yield: number | null;
  friction: number | null;
  campaigns: { name: string; kind?: string; accounts: number; rate: number }[];
  personas: { name: string; accounts: number; rate: number }[];
}

function evaluateRun(generator: string, seed: number, dir: string): Row {
  const report = join(out, generator, `seed-${seed}`);
  mkdirSync(report, { recursive: true });
  run(process.execPath, [
    ...moat,
    'analyze',
    '--events',
    join(dir, 'events.jsonl'),
    '--accounts',
    join(dir, 'accounts.jsonl'),
    '--out',
    join(dir, 'verdicts.json'),
    '--timeline',
    join(dir, 'timeline.jsonl'),
  ]);
  run(process.execPath, [
    ...moat,
    'eval',
    '--verdicts',
    join(dir, 'verdicts.json'),
    '--labels',
    join(dir, 'labels.json'),
    '--events',
    join(dir, 'events.jsonl'),
    '--timeline',
    join(dir, 'timeline.jsonl'),
    '--out',
    report,
    '--title',
    `${generator} seed ${seed}`,
  ]);
  copyFileSync(join(dir, 'labels.json'), join(report, 'labels.json'));
  const e = JSON.parse(readFileSync(join(report, 'eval.json'), 'utf8')) as {
    accounts: { total: number; malicious: number };
    byLevel: { level: string; recall: number; fpr: number }[];
    auc: number | null;
    requestsToDetect: { median: number | null } | null;
    yield: { share: number | null } | null;
    friction: { share: number | null } | null;
    campaigns: { name: string; kind?: string; accounts: number; rate: number }[];
    personas: { name: string; accounts: number; rate: number; malicious: boolean }[];
  };
  const t = e.byLevel.find((b) => b.level === 'throttle')!;
  return {
    generator,
    seed,
    accounts: e.accounts.total,
    attack: e.accounts.malicious,
    recall: t.recall,
    fpr: t.fpr,
    auc: e.auc,
    medianRtd: e.requestsToDetect?.median ?? null,
    yield: e.yield?.share ?? null,
    friction: e.friction?.share ?? null,
    campaigns: e.campaigns.map(({ name, kind, accounts, rate }) => ({
      name,
      ...(kind ? { kind } : {}),
      accounts,
      rate,
    })),
    personas: e.personas
      .filter((p) => !p.malicious)
      .map(({ name, accounts, rate }) => ({ name, accounts, rate })),
  };
}

/**
 * The generators, each with the command that writes a seed's traffic into a folder: the
 * simulator is this checkout's (a --moat baseline scores the same traffic), the others are
 * bench scripts run through tsx.
 */
/** A traffic generator: its name, the seeds asked for, and node's arguments to run one seed into a folder. */
interface Generator {
  name: string;
  seeds: string;
  generate: (seed: number, dir: string) => string[];
}

/** A generator under bench/NAME run with tsx, its seeds from --NAME-seeds. */
function tsxGenerator(name: TsxGenerator): Generator {
  return {
    name,
    seeds: String((values as Record<string, unknown>)[`${name}-seeds`] ?? ''),
    generate: (seed, dir) => [
      '--import',
      'tsx',
      `bench/${name}/generate.ts`,
      '--seed',
      String(seed),
      '--out',
      dir,
    ],
  };
}

const GENERATORS: Generator[] = [
  {
    name: 'simulate',
    seeds: values['sim-seeds']!,
    generate: (seed, dir) => [
      'bin/moat.js',
      'simulate',
      '--seed',
      String(seed),
      '--events',
      values.events!,
      '--out',
      dir,
    ],
  },
  ...TSX_GENERATORS.map(tsxGenerator),
];

const rows: Row[] = [];
for (const file of values.include!.split(',').filter(Boolean))
  rows.push(...(JSON.parse(readFileSync(file, 'utf8')) as { runs: Row[] }).runs);
for (const g of GENERATORS) {
  for (const seed of g.seeds.split(',').filter(Boolean).map(Number)) {
    const dir = join(work, `${g.name === 'simulate' ? 'sim' : g.name}-${seed}`);
    // --reuse keeps what an earlier run left in the work folder.
    if (!(values.reuse && existsSync(join(dir, 'events.jsonl'))))
      run(process.execPath, [...g.generate(seed, dir), ...data]);
    const row = evaluateRun(g.name, seed, dir);
    rows.push(row);
    console.error(
      `${g.name} seed ${seed}: recall ${row.recall.toFixed(4)}, FPR ${row.fpr.toFixed(4)}`,
    );
  }
}

/** Pooled per generator: accounts-weighted recall and FPR; per family over all seeds. */
function pooled(generator: string) {
  const rs = rows.filter((r) => r.generator === generator);
  const attack = rs.reduce((s, r) => s + r.attack, 0);
  const benign = rs.reduce((s, r) => s + r.accounts - r.attack, 0);
  const fam = new Map<string, { accounts: number; hit: number; malicious: boolean }>();
  const add = (name: string, accounts: number, rate: number, malicious: boolean) => {
    const f = fam.get(name) ?? { accounts: 0, hit: 0, malicious };
    f.accounts += accounts;
    f.hit += Math.round(rate * accounts);
    fam.set(name, f);
  };
  for (const r of rs) {
    for (const c of r.campaigns)
      add(c.kind ?? c.name.replace(/-\d+$/, ''), c.accounts, c.rate, true);
    for (const p of r.personas) add(p.name, p.accounts, p.rate, false);
  }
  return {
    generator,
    seeds: rs.map((r) => r.seed),
    attack,
    benign,
    recall: attack ? rs.reduce((s, r) => s + r.recall * r.attack, 0) / attack : null,
    fpr: benign ? rs.reduce((s, r) => s + r.fpr * (r.accounts - r.attack), 0) / benign : null,
    families: [...fam]
      .map(([name, f]) => ({
        name,
        malicious: f.malicious,
        accounts: f.accounts,
        atThrottle: f.hit,
      }))
      .sort((a, b) => Number(b.malicious) - Number(a.malicious) || a.name.localeCompare(b.name)),
  };
}

const generators = [...new Set(rows.map((r) => r.generator))];
const summary = { runs: rows, pooled: generators.map(pooled) };
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'summary.json'), JSON.stringify(summary, null, 1) + '\n');
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(2)}%`);
let md = `# Generalisation: the detector on ${generators.length} generators\n\n`;
md +=
  '| generator | seed | accounts (attack) | recall at throttle+ | benign FPR | ROC-AUC | median requests to detect | attacker yield | benign friction |\n|---|---|---|---|---|---|---|---|---|\n';
for (const r of rows)
  md += `| ${r.generator} | ${r.seed} | ${r.accounts} (${r.attack}) | ${pct(r.recall)} | ${pct(r.fpr)} | ${r.auc?.toFixed(4) ?? 'n/a'} | ${r.medianRtd ?? 'n/a'} | ${pct(r.yield)} | ${pct(r.friction)} |\n`;
const sealed = new Set(values.sealed!.split(',').filter(Boolean));
for (const p of summary.pooled) {
  md += `\n## ${p.generator}, seeds ${p.seeds.join(', ')} pooled: recall ${pct(p.recall)}, FPR ${pct(p.fpr)}\n\n`;
  if (sealed.has(p.generator)) {
    md += `Families sealed (unread by whoever tunes the detector): in summary.json and each seed's report.md.\n`;
    continue;
  }
  md += `| family | label | accounts | at throttle+ |\n|---|---|---|---|\n`;
  for (const f of p.families)
    md += `| ${f.name} | ${f.malicious ? 'attack' : 'honest'} | ${f.accounts} | ${f.atThrottle} (${pct(f.accounts ? f.atThrottle / f.accounts : null)}) |\n`;
}
writeFileSync(join(out, 'summary.md'), md);
console.error(`wrote ${out}/summary.md`);
