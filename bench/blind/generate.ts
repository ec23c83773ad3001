/**
 * Blind traffic generator: writes events.jsonl, accounts.jsonl and labels.json for evaluating
 * an abuse detector on populations designed from THREATS.md alone.
 *
 *   npx tsx bench/blind/generate.ts --seed 1 --out /tmp/blind [--days 7] [--accounts 3000] [--data ../shared/data]
 */
import { closeSync, existsSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  agentDistill,
  followupChains,
  quietHydra,
  rubricGrader,
  syspromptCot,
} from './campaigns-a.js';
import {
  appMix,
  dormantWake,
  logitSweep,
  modelPivot,
  multilingual,
  padding,
} from './campaigns-b.js';
import { loadCorpus } from './corpus.js';
import {
  adCopyTool,
  batchSummariser,
  ciReviewBot,
  edtechApp,
  evalHarness,
  judgeVendor,
  kidsRewriter,
  logprobClassifier,
  resumeScreener,
  syntheticDataLicensed,
  travelApp,
} from './honest-apps.js';
import {
  casualChat,
  codingAgents,
  newModelTryers,
  powerUsers,
  researchers,
  sharedNatOrgs,
  students,
  translators,
} from './honest-people.js';
import { Rng } from './rng.js';
import { World } from './world.js';

/** Run start: Monday 2 March 2026, 00:00 UTC. */
const START = Date.UTC(2026, 2, 2);

function main(): void {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      days: { type: 'string', default: '7' },
      accounts: { type: 'string', default: '3000' },
      data: { type: 'string' },
    },
  });
  if (!values.out) {
    process.stderr.write(
      'usage: generate.ts --seed N --out DIR [--days 7] [--accounts 3000] [--data DIR]\n',
    );
    process.exit(2);
  }
  const seed = Number(values.seed);
  const days = Number(values.days);
  const total = Number(values.accounts);
  if (!Number.isInteger(seed) || !(days >= 1) || !(total >= 300)) {
    process.stderr.write('--seed must be an integer, --days ≥ 1, --accounts ≥ 300\n');
    process.exit(2);
  }
  const dataDir = values.data ?? (existsSync('../shared/data') ? '../shared/data' : undefined);
  const root = new Rng(`blind:${seed}`);
  const corpus = loadCorpus(dataDir, root.fork('corpus'));
  const world = new World(START, days, total, corpus);
  const s = (n: number, min = 1): number => world.scale(n, min);

  // Campaigns (11 families).
  quietHydra(world, root.fork('quiet-hydra'));
  syspromptCot(world, root.fork('sysprompt-cot'));
  agentDistill(world, root.fork('agent-distill'));
  followupChains(world, root.fork('followup-chain'));
  rubricGrader(world, root.fork('rubric-grader'));
  appMix(world, root.fork('app-mix'));
  logitSweep(world, root.fork('logit-sweep'));
  multilingual(world, root.fork('multilingual'));
  padding(world, root.fork('padding'));
  dormantWake(world, root.fork('dormant-wake'));
  modelPivot(world, root.fork('model-pivot'));

  // Honest software customers.
  evalHarness(world, root.fork('eval'), s(8));
  judgeVendor(world, root.fork('judge'), s(4));
  edtechApp(world, root.fork('edtech'), s(3));
  syntheticDataLicensed(world, root.fork('synth'), s(2));
  logprobClassifier(world, root.fork('clf'), s(5));
  ciReviewBot(world, root.fork('ci'), s(6));
  resumeScreener(world, root.fork('resume'), s(4));
  adCopyTool(world, root.fork('adcopy'), s(6));
  kidsRewriter(world, root.fork('kids'), s(3));
  batchSummariser(world, root.fork('batch'), s(8));
  travelApp(world, root.fork('travel'), s(6));

  // Honest people; casual users take whatever remains of the account total.
  students(world, root.fork('students'), s(220));
  powerUsers(world, root.fork('power'), s(120));
  researchers(world, root.fork('research'), s(20));
  codingAgents(world, root.fork('coders'), s(90));
  sharedNatOrgs(world, root.fork('orgs'), 3, s(50, 3));
  translators(world, root.fork('translators'), s(40));
  newModelTryers(world, root.fork('tryers'), s(150));
  casualChat(world, root.fork('casual'), Math.max(0, total - world.accounts.length));

  const out = values.out;
  mkdirSync(out, { recursive: true });
  const fd = openSync(join(out, 'events.jsonl'), 'w');
  const lines = world.sortedLines();
  for (let i = 0; i < lines.length; i += 2000)
    writeSync(fd, Buffer.concat(lines.slice(i, i + 2000)));
  closeSync(fd);
  const accounts = [...world.accounts].sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1,
  );
  writeFileSync(
    join(out, 'accounts.jsonl'),
    accounts.map((a) => JSON.stringify(a)).join('\n') + '\n',
  );
  writeFileSync(
    join(out, 'labels.json'),
    JSON.stringify(
      {
        seed,
        generator: 'bench/blind',
        start: new Date(START).toISOString(),
        days,
        accounts: world.labels,
        campaigns: world.campaigns,
      },
      null,
      1,
    ) + '\n',
  );
  const malicious = Object.values(world.labels).filter((l) => l.malicious).length;
  process.stderr.write(
    `blind: ${lines.length} events, ${accounts.length} accounts (${malicious} malicious, ${world.campaigns.length} campaigns), data: ${corpus.external ? dataDir : 'built-in only'}\n`,
  );
}

main();
