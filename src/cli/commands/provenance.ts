import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { parseCommandArgs } from '../args.js';
import { UsageError, type Command, type CommandContext } from '../command.js';
import { Progress } from '../progress.js';
import { findWatermarkKey, keysFromJwks, loadPublicKeys } from '../../provenance/keys.js';
import { verifyReceipt } from '../../provenance/receipt.js';
import {
  detectWatermark,
  scanPositions,
  type WatermarkDetection,
} from '../../provenance/watermark/detect.js';
import { attributeAccounts, type AccountMatch } from '../../provenance/watermark/attribute.js';
import { LEXICON_VERSION } from '../../provenance/watermark/lexicon.js';
import { openExistingCanaryStore } from '../../extensions/canaries.js';
import type { MoatConfig } from '../../config/config.js';
import { runProbe, type ProbeReport } from '../../provenance/probe.js';
import { createSuspectClient } from '../../provenance/suspect-client.js';
import { loadServedEvents, type ServedLoad } from '../../provenance/watermark/served.js';
import { countTokens } from '../../tokens/count.js';

const USAGE = `Usage:
  moat provenance detect [--key HEX]... [--json] [--out FILE] FILE|-
      Test a text for Moat's watermark. Without --key, uses the data dir's key and the
      per-account keys of every account that received watermarked text.
  moat provenance verify --text FILE --receipt RECEIPT|@FILE [--jwks FILE] [--json]
      Check a text against a moat-receipt header value. Exit 0 only when it matches.
  moat provenance probe --suspect URL --model M [--api-key K] [--max-requests N]
      [--max-tokens N] [--prompts FILE] [--served EVENTS] [--timeout-ms N] [--json] [--out FILE]
      Query a suspect OpenAI-compatible endpoint with canary triggers and score its
      answers for the watermark (radioactivity test). --served EVENTS (JSONL or .jsonl.gz,
      as \`moat events export\` writes) scores only positions that occurred in the text
      actually served — stronger evidence from the same tokens. --out is rewritten after
      every request, so partial results survive an interruption.
`;

async function readInput(path: string): Promise<string> {
  if (path !== '-') return readFileSync(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function emit(
  ctx: CommandContext,
  json: boolean,
  out: string | undefined,
  doc: unknown,
  human: string,
): void {
  const body = json || out ? JSON.stringify(doc, null, 2) + '\n' : human;
  if (out) writeFileSync(out, body);
  else ctx.stdout.write(body);
}

/**
 * Accounts the gateway served watermarked text to, from the config's canary store (PostgreSQL
 * when it is the store); a bare data dir means its SQLite files.
 */
export async function knownAccounts(
  cfg: Pick<MoatConfig, 'store' | 'dataDirAbs'> | string,
): Promise<string[]> {
  const store = await openExistingCanaryStore(
    typeof cfg === 'string'
      ? { store: { kind: 'sqlite', schema: 'moat', poolMax: 1 }, dataDirAbs: cfg }
      : cfg,
  );
  if (!store) return [];
  try {
    return await store.accounts();
  } finally {
    await store.close();
  }
}

/**
 * The master key's test and the accounts' (attributeAccounts) as one answer. With accounts
 * to try there are two families of tests, so each p-value is doubled (Bonferroni): the
 * verdict is `watermarked` when either family rejects at alpha, and false positives stay
 * below alpha (issue 15: text served to one account, whose master-key share alone fell
 * short, was called "not watermarked").
 */
export function combine(
  master: Buffer,
  accounts: string[],
  text: string,
  r: WatermarkDetection,
  opts: { alpha: number; share: number },
): { pValue: number; verdict: WatermarkDetection['verdict']; matches: AccountMatch[] } {
  if (r.verdict === 'insufficient_evidence' || accounts.length === 0 || opts.share <= 0)
    return { pValue: r.pValue, verdict: r.verdict, matches: [] };
  const { positions } = scanPositions(text);
  const all = attributeAccounts(master, accounts, positions, { share: opts.share, alpha: 1 });
  const matches = all
    .map((m) => ({ ...m, pValue: Math.min(1, 2 * m.pValue) }))
    .filter((m) => m.pValue < opts.alpha);
  const pValue = Math.min(1, 2 * r.pValue, all[0] ? 2 * all[0].pValue : 1);
  return { pValue, verdict: pValue < opts.alpha ? 'watermarked' : 'not_watermarked', matches };
}

async function detect(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    key: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    out: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('detect takes one FILE (or - for stdin)');
  const text = await readInput(positionals[0]!);
  const cfg = ctx.config();
  const { alpha, minTrials } = cfg.provenance.watermark;
  let keys: Buffer[];
  let accounts: string[] = [];
  if (values.key?.length) {
    if (values.key.some((k) => !/^[0-9a-fA-F]{64}$/.test(k)))
      throw new UsageError('--key: expected 64 hex characters');
    keys = values.key.map((k) => Buffer.from(k, 'hex')); // several keys: Bonferroni inside detectWatermark
  } else {
    const master = findWatermarkKey(cfg.dataDirAbs, cfg.provenance, ctx.env);
    if (!master)
      throw new Error(
        `no watermark key in ${join(cfg.dataDirAbs, 'provenance')} (set MOAT_DATA_DIR or pass --key HEX)`,
      );
    keys = [master];
    accounts = await knownAccounts(cfg);
  }
  const r = detectWatermark(keys, text, { alpha, minTrials });
  const tokens = countTokens(text);
  const { accountShare, perAccount } = cfg.provenance.watermark;
  const c = combine(keys[0]!, accounts, text, r, {
    alpha,
    share: perAccount ? accountShare : 0,
  });
  const doc = {
    pValue: c.pValue,
    verdict: c.verdict,
    trials: r.trials,
    hits: r.hits,
    tokens,
    reason: r.reason,
    accounts: c.matches,
    /** The watermark scheme the text was scored with (lexicon.ts). */
    lexiconVersion: LEXICON_VERSION,
  };
  const head =
    c.verdict === 'insufficient_evidence'
      ? r.reason
      : `${c.verdict.replaceAll('_', ' ')}: master key ${r.reason}` +
        (c.pValue === r.pValue ? '' : `; with per-account keys p = ${c.pValue.toExponential(2)}`);
  const attributed = c.matches
    .map((a) => `${a.account} (p = ${a.pValue.toExponential(2)})`)
    .join(', ');
  emit(
    ctx,
    Boolean(values.json),
    values.out,
    doc,
    `${head}; ${tokens} tokens` + (attributed ? `\nserved to: ${attributed}` : '') + '\n',
  );
  return 0;
}

function verify(argv: string[], ctx: CommandContext): number {
  const { values } = parseCommandArgs(
    argv,
    {
      text: { type: 'string' },
      receipt: { type: 'string' },
      jwks: { type: 'string' },
      json: { type: 'boolean' },
    },
    false,
  );
  if (!values.text || !values.receipt)
    throw new UsageError('verify needs --text FILE and --receipt RECEIPT|@FILE');
  const text = readFileSync(values.text, 'utf8');
  const receipt = values.receipt.startsWith('@')
    ? readFileSync(values.receipt.slice(1), 'utf8').trim()
    : values.receipt;
  const keys = values.jwks
    ? keysFromJwks(JSON.parse(readFileSync(values.jwks, 'utf8')) as { keys: [] })
    : loadPublicKeys(ctx.config().dataDirAbs);
  const r = verifyReceipt(text, receipt, keys);
  if (values.json) ctx.stdout.write(JSON.stringify(r, null, 2) + '\n');
  if (!r.ok) {
    ctx.stderr.write(`moat provenance verify: ${r.reason}\n`);
    return 1;
  }
  if (!values.json) {
    const f = r.fields;
    ctx.stdout.write(
      `receipt matches: account ${f.account}, key ${f.keyId}, model ${f.model}, request ${f.requestId}, ${new Date(f.ts).toISOString()}, signed by ${f.kid}\n`,
    );
  }
  return 0;
}

function positiveInt(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag}: expected a positive integer, got "${v}"`);
  return n;
}

/**
 * Stream an events export into the served positions, line by line (bounded memory: the
 * file is never held whole). Malformed lines are skipped and reported on stderr by line
 * number, as `moat analyze` does; a file with no usable event is an error.
 */
async function loadServed(file: string, ctx: CommandContext): Promise<ServedLoad> {
  if (!existsSync(file)) throw new UsageError(`--served: no such file "${file}"`);
  const raw = createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  const load = await loadServedEvents(lines);
  for (const msg of load.badSamples)
    ctx.stderr.write(`moat provenance probe: skipped ${file} ${msg}\n`);
  if (load.bad > load.badSamples.length)
    ctx.stderr.write(
      `moat provenance probe: … and ${load.bad - load.badSamples.length} more malformed lines\n`,
    );
  if (!load.events)
    throw new Error(
      `--served ${file}: no served text in ${load.lines} lines (${load.bad} malformed, ${load.empty} without response.text; is telemetry.storeText off?)`,
    );
  return load;
}

function humanProbe(r: ProbeReport, load?: ServedLoad): string {
  const w = r.watermark;
  const lines = [
    `requests ${r.requests}, tokens ${r.tokens}, errors ${r.errors.length}${r.complete ? '' : ` (stopped: ${r.stoppedBecause})`}`,
    ...(load && w.served
      ? [
          `served: ${w.served.positions} positions from ${load.events} events (${load.bad} malformed lines skipped); ${w.served.matched} suspect positions matched`,
        ]
      : []),
    `watermark: ${w.verdict.replaceAll('_', ' ')} — ${w.reason}`,
    `canaries: ${r.canaries.hits.length} of ${r.canaries.probed} revealed`,
    ...r.canaries.hits.map((h) => `  ${h.secret} (account ${h.account}, canary ${h.canaryId})`),
    `implicated accounts: ${r.implicatedAccounts.length ? r.implicatedAccounts.join(', ') : 'none'}`,
  ];
  return lines.join('\n') + '\n';
}

async function probe(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      suspect: { type: 'string' },
      model: { type: 'string' },
      'api-key': { type: 'string' },
      'max-requests': { type: 'string' },
      'max-tokens': { type: 'string' },
      prompts: { type: 'string' },
      served: { type: 'string' },
      'timeout-ms': { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
    },
    false,
  );
  if (!values.suspect || !values.model)
    throw new UsageError('probe needs --suspect URL and --model M');
  const cfg = ctx.config();
  const p = cfg.provenance.probe;
  const master = findWatermarkKey(cfg.dataDirAbs, cfg.provenance, ctx.env);
  if (!master)
    throw new Error(
      `no watermark key in ${join(cfg.dataDirAbs, 'provenance')} (set MOAT_DATA_DIR)`,
    );
  const store = await openExistingCanaryStore(cfg);
  const [canaries, accounts] = store
    ? await Promise.all([store.canaries(), store.accounts()])
    : [[], []];
  await store?.close();
  const prompts = values.prompts
    ? readFileSync(values.prompts, 'utf8')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
  const load = values.served ? await loadServed(values.served, ctx) : undefined;
  const progress = new Progress(ctx.stderr, ctx.isTTY, 'probe');
  const client = createSuspectClient({
    url: values.suspect,
    model: values.model,
    apiKey: values['api-key'],
    timeoutMs: positiveInt('--timeout-ms', values['timeout-ms'], p.timeoutMs),
    retries: p.retries,
  });
  const report = await runProbe({
    client,
    masterKey: master,
    accounts,
    canaries,
    ...(prompts ? { prompts } : {}),
    maxRequests: positiveInt('--max-requests', values['max-requests'], p.maxRequests),
    maxTokens: positiveInt('--max-tokens', values['max-tokens'], p.maxTokens),
    alpha: cfg.provenance.watermark.alpha,
    minTrials: cfg.provenance.watermark.minTrials,
    ...(load ? { served: load.served } : {}),
    onProgress: (done, total, note) => {
      progress.setTotal(total);
      progress.update(done, note);
    },
    ...(values.out
      ? {
          onPartial: (r: ProbeReport) =>
            writeFileSync(values.out!, JSON.stringify({ ...r, partial: true }, null, 2) + '\n'),
        }
      : {}),
  });
  progress.done();
  emit(
    ctx,
    Boolean(values.json),
    values.out,
    {
      ...report,
      lexiconVersion: LEXICON_VERSION,
      ...(load
        ? { servedFile: { events: load.events, lines: load.lines, malformed: load.bad } }
        : {}),
    },
    humanProbe(report, load),
  );
  if (report.requests > 0 && report.errors.length === report.requests) {
    ctx.stderr.write(
      `moat provenance probe: every request failed; last error: ${report.errors.at(-1)?.error}\n`,
    );
    return 1;
  }
  return 0;
}

/** `moat provenance detect|verify|probe` (issue 6). */
export const command: Command = {
  name: 'provenance',
  summary: 'Watermark detection, receipt verification and suspect-model probes',
  usage: USAGE,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'detect') return detect(rest, ctx);
    if (sub === 'verify') return verify(rest, ctx);
    if (sub === 'probe') return probe(rest, ctx);
    throw new UsageError(
      sub ? `unknown sub-command "${sub}"` : 'expected a sub-command: detect, verify or probe',
    );
  },
};
