import { resolve } from 'node:path';
import { parseCommandArgs, parseTime } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { Progress } from '../progress.js';
import { defaultDataDir, loadCorpus } from '../../sim/corpus.js';
import { simulate } from '../../sim/simulate.js';

const usage = `Usage: moat simulate --seed N --events N --out DIR [options]

Writes labelled, reproducible traffic: DIR/events.jsonl (telemetry events, sorted by ts),
DIR/accounts.jsonl (account records) and DIR/labels.json (ground truth per account).

Options:
  --seed N             PRNG seed (same seed and options: byte-identical files)
  --events N           number of events (1,000 to 10,000,000)
  --out DIR            output folder (created)
  --accounts N         number of accounts (default: events / 130, at least 10)
  --malicious F        share of accounts in campaigns (default 0.05)
  --start ISO          start of the simulated period (default 2026-01-05T00:00:00Z)
  --days N             length of the period in days (default 7)
  --data DIR           corpora folder (default ../shared/data when present)
  --builtin            use the small built-in corpus even when the data folder exists
  --max-response-chars N  cap on recorded response text (default 800)
  --json               print the summary as JSON

Families (labels.json: each account's "persona"; "campaigns" lists campaign kinds):
  honest     casual, student, coding-agent, batch-pipeline, eval-harness, researcher,
             logprob-user, nat-org, nat-org-bench, reseller-customer, benchmark-vendor,
             judge-service, edtech-app, synthetic-data-licensed, lab-classifier,
             ci-review-bot, resume-screener, ad-variations, kids-rewriter,
             math-learner, course-cohort, release-tryer
  campaigns  heavy-harvester, reasoning-harvest, grader-abuse, slow-low, logit-sweep,
             paraphrase, model-pivot, rotating-fingerprint, hydra, lowslow-hydra,
             reword-hydra, scatter-hydra, agentic-distill, why-chain, buried-cot, mixed-app,
             grader-reworded, logit-bias-only, polyglot-cot, taxonomy-sweep, padded,
             dormant-wake
Every family appears once a run has about 75 campaign accounts and 150 honest ones
(--events 200000 with the defaults). docs/simulator.md describes each.
`;

function int(flag: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected an integer from ${min} to ${max}, got "${v}"`);
  return n;
}

/** `moat simulate`: the seeded campaign simulator (src/sim). */
export const command: Command = {
  name: 'simulate',
  summary: 'Generate labelled, seeded traffic with benign personas and extraction campaigns',
  usage,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        seed: { type: 'string' },
        events: { type: 'string' },
        out: { type: 'string' },
        accounts: { type: 'string' },
        malicious: { type: 'string' },
        start: { type: 'string' },
        days: { type: 'string' },
        data: { type: 'string' },
        builtin: { type: 'boolean' },
        'max-response-chars': { type: 'string' },
        json: { type: 'boolean' },
      },
      false,
    );
    const seed = int('--seed', values.seed, 0, 2 ** 32 - 1);
    const events = int('--events', values.events, 1, 100_000_000);
    if (seed === undefined || events === undefined || !values.out)
      throw new UsageError('--seed, --events and --out are required');
    const malicious = values.malicious === undefined ? undefined : Number(values.malicious);
    if (malicious !== undefined && !(malicious >= 0 && malicious <= 1))
      throw new UsageError(`--malicious: expected a share from 0 to 1, got "${values.malicious}"`);
    const dataDir = values.builtin
      ? undefined
      : values.data
        ? resolve(values.data)
        : defaultDataDir();
    const progress = new Progress(ctx.stderr, ctx.isTTY, 'simulate', events);
    const opts = {
      seed,
      events,
      outDir: resolve(values.out),
      corpus: loadCorpus(dataDir),
      onProgress: (d: number) => progress.update(d),
      ...(values.accounts !== undefined
        ? { accounts: int('--accounts', values.accounts, 1, 10_000_000) as number }
        : {}),
      ...(malicious !== undefined ? { maliciousShare: malicious } : {}),
      ...(values.start !== undefined
        ? { start: parseTime('--start', values.start) as number }
        : {}),
      ...(values.days !== undefined ? { days: int('--days', values.days, 1, 365) as number } : {}),
      ...(values['max-response-chars'] !== undefined
        ? {
            maxResponseChars: int(
              '--max-response-chars',
              values['max-response-chars'],
              0,
              1_000_000,
            ) as number,
          }
        : {}),
    };
    const summary = await simulate(opts);
    progress.done();
    if (values.json) ctx.stdout.write(JSON.stringify(summary, null, 2) + '\n');
    else {
      const kinds = summary.campaigns.map((c) => `${c.id} (${c.accounts})`).join(', ');
      ctx.stdout.write(
        `Wrote ${summary.events.toLocaleString('en-US')} events from ${summary.accounts.toLocaleString('en-US')} accounts ` +
          `(${summary.malicious} in campaigns) to ${opts.outDir}\nCorpus: ${opts.corpus.source}${dataDir ? ` (${dataDir})` : ''}\nCampaigns: ${kinds || 'none'}\n`,
      );
    }
    return 0;
  },
};
