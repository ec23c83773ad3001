/**
 * blind10: an independent, labelled traffic generator for evaluating a distillation-campaign
 * detector. One week of telemetry for a simulated LLM API provider.
 *
 *   npx tsx bench/blind10/generate.ts --seed N --out DIR [--data DIR]
 *
 * Writes DIR/events.jsonl (sorted by ts), DIR/accounts.jsonl and DIR/labels.json.
 * Deterministic per seed. See README.md (contract, world) and FAMILIES.md (what is inside).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  cmpAsh,
  cmpBirch,
  cmpCedar,
  cmpDune,
  cmpElm,
  cmpFjord,
  cmpGale,
  cmpHeron,
  cmpIris,
} from './campaigns.js';
import { Ctx } from './core.js';
import { loadCorpora, resolveDataDir } from './corpora.js';
import {
  agentDevelopers,
  appBuilders,
  batchPipelines,
  campusStudents,
  casualChat,
  ciReviewBots,
  corporateNat,
  edtechApps,
  evalHarness,
  evalVendor,
  judgeVendor,
  logprobClassifiers,
  makeRouter,
  powerUsers,
  researchLogprobs,
  resellerCustomers,
  syntheticLicensed,
  translationServices,
  variationTools,
} from './honest.js';
import { Rng } from './rng.js';
import { Net } from './world.js';

interface Args {
  seed: number;
  out: string;
  data: string | null;
}

function parseArgs(argv: string[]): Args {
  let seed = 1;
  let out: string | null = null;
  let data: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--seed' && v !== undefined) {
      seed = Number(v);
      i++;
    } else if (a === '--out' && v !== undefined) {
      out = v;
      i++;
    } else if (a === '--data' && v !== undefined) {
      data = v;
      i++;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: generate.ts --seed N --out DIR [--data DIR]\n');
      process.exit(0);
    } else {
      process.stderr.write(`unknown argument: ${a}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(seed)) {
    process.stderr.write('--seed must be an integer\n');
    process.exit(2);
  }
  if (!out) {
    process.stderr.write('--out DIR is required\n');
    process.exit(2);
  }
  return { seed, out: resolve(out), data };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const dataDir = resolveDataDir(args.data, process.cwd());
  const corp = loadCorpora(dataDir);
  const root = new Rng(`blind10:${args.seed}`);
  const net = new Net(root.fork('net'));
  const ctx = new Ctx(root, net, corp, args.out);
  const size = root.fork('sizes');
  const vary = (base: number, spread = 0.12): number =>
    Math.max(1, Math.round(base * size.float(1 - spread, 1 + spread)));

  // honest
  casualChat(ctx, vary(1250, 0.06));
  appBuilders(ctx, vary(180));
  batchPipelines(ctx, vary(35));
  evalHarness(ctx, vary(30));
  evalVendor(ctx, 3);
  judgeVendor(ctx, 4);
  edtechApps(ctx, 12);
  syntheticLicensed(ctx, 4);
  researchLogprobs(ctx, vary(12));
  logprobClassifiers(ctx, vary(10));
  ciReviewBots(ctx, vary(18));
  agentDevelopers(ctx, vary(90));
  translationServices(ctx, vary(10));
  campusStudents(ctx, vary(170));
  corporateNat(ctx, vary(110));
  variationTools(ctx, vary(16));
  powerUsers(ctx, vary(70));
  const router = makeRouter(ctx);
  resellerCustomers(ctx, vary(45), router);

  // campaigns
  cmpAsh(ctx, vary(95, 0.2));
  cmpBirch(ctx, 4);
  cmpCedar(ctx, vary(30, 0.2));
  cmpDune(ctx, vary(26, 0.2));
  cmpElm(ctx, vary(6, 0.3));
  cmpFjord(ctx, vary(16, 0.2), router);
  cmpGale(ctx, vary(60, 0.2));
  cmpHeron(ctx, vary(40, 0.2));
  cmpIris(ctx, vary(30, 0.2));

  const { written, dropped } = ctx.finish(join(args.out, 'events.jsonl'));

  const actors = ctx.actors
    .slice()
    .sort((a, b) => (a.rec.id < b.rec.id ? -1 : a.rec.id > b.rec.id ? 1 : 0));
  writeFileSync(
    join(args.out, 'accounts.jsonl'),
    actors.map((a) => JSON.stringify(a.rec)).join('\n') + '\n',
  );
  const labels = {
    accounts: Object.fromEntries(actors.map((a) => [a.rec.id, a.label])),
    campaigns: [...ctx.campaigns.values()],
  };
  writeFileSync(join(args.out, 'labels.json'), JSON.stringify(labels, null, 1) + '\n');

  const mal = actors.filter((a) => a.label.malicious).length;
  const lines: string[] = [];
  lines.push(`blind10 seed=${args.seed} data=${corp.source}`);
  lines.push(
    `accounts=${actors.length} malicious=${mal} (${((100 * mal) / actors.length).toFixed(1)}%) events=${written}${dropped ? ` (dropped outside window: ${dropped})` : ''}`,
  );
  const fams = [...ctx.perFamily.entries()].sort(
    (a, b) => Number(a[1].malicious) - Number(b[1].malicious) || b[1].events - a[1].events,
  );
  for (const [name, f] of fams)
    lines.push(
      `  ${f.malicious ? 'M' : 'H'} ${name.padEnd(24)} accounts=${String(f.accounts).padStart(5)} events=${String(f.events).padStart(7)}`,
    );
  process.stdout.write(lines.join('\n') + '\n');
}

main();
