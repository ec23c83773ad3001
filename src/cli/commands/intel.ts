import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { openAuditLog } from '../../audit/open.js';
import { openReviewStore } from '../../review/open.js';
import { openIntelStore } from '../../intel/open.js';
import { buildBundle, campaignFromIncident } from '../../intel/export.js';
import { parseBundle } from '../../intel/import.js';

const usage = `Usage:
  moat intel export [--out FILE]
  moat intel import FILE [--json]

export   writes a STIX 2.1 bundle of indicators for incidents resolved as confirmed
         campaigns: IP prefixes, hashed client/payment fingerprints and prompt-template
         signatures, campaign summaries, TLP marking (intel.tlp) and confidence. No raw
         prompt text or account ids leave. Nothing to share: a bundle without objects.
import   loads a peer's bundle; accounts matching its indicators get a shared_indicator
         reason. Malformed or oversized bundles are rejected with the reason.
`;

async function runExport(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(argv, { out: { type: 'string' } }, false);
  const cfg = ctx.config();
  const review = await openReviewStore(cfg);
  const audit = await openAuditLog(cfg);
  try {
    const confirmed = await review.list({
      status: 'resolved',
      resolution: 'confirmed',
      limit: 1_000_000,
    });
    const bundle = buildBundle(confirmed.map(campaignFromIncident), {
      producerName: cfg.intel.producerName,
      tlp: cfg.intel.tlp,
      validDays: cfg.intel.validDays,
    });
    const text = JSON.stringify(bundle, null, 2) + '\n';
    if (values.out) writeFileSync(values.out, text);
    else ctx.stdout.write(text);
    const objects = (bundle['objects'] as unknown[] | undefined)?.length ?? 0;
    if (values.out)
      ctx.stderr.write(
        `wrote ${confirmed.length} campaign(s), ${objects} STIX object(s) to ${values.out}\n`,
      );
    await audit.append({
      actor: 'cli',
      action: 'intel.export',
      subject: values.out ?? 'stdout',
      data: {
        bundle: bundle['id'],
        campaigns: confirmed.map((i) => i.id),
        objects,
        tlp: cfg.intel.tlp,
      },
    });
    return 0;
  } finally {
    await review.close();
    await audit.close();
  }
}

async function runImport(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('expected exactly one bundle FILE');
  const cfg = ctx.config();
  const size = statSync(file).size;
  const limits = { maxBytes: cfg.intel.maxImportBytes, maxObjects: cfg.intel.maxImportObjects };
  // Check the size before reading so an oversized file is never loaded.
  const r =
    size > limits.maxBytes
      ? ({
          ok: false,
          error: `bundle is ${size} bytes; the limit is ${limits.maxBytes} (intel.maxImportBytes)`,
        } as const)
      : parseBundle(readFileSync(file, 'utf8'), limits);
  if (!r.ok) {
    ctx.stderr.write(`moat intel import: ${file}: rejected: ${r.error}\n`);
    return 1;
  }
  const store = await openIntelStore(cfg);
  const audit = await openAuditLog(cfg);
  try {
    await store.add(r.value.shared, {
      bundleId: r.value.bundleId,
      importedAt: Date.now(),
      origin: file,
    });
    const { shared, ...summary } = r.value;
    await audit.append({
      actor: 'cli',
      action: 'intel.import',
      subject: file,
      data: { ...summary, stored: shared.length },
    });
    if (values.json)
      ctx.stdout.write(JSON.stringify({ ...summary, stored: shared.length }, null, 2) + '\n');
    else
      ctx.stdout.write(
        `imported ${file}: ${summary.objects} objects, ${summary.indicators} indicators, ${shared.length} matchable values stored (${summary.unmatchable} not matchable, ${summary.revoked} revoked)\n`,
      );
    return 0;
  } finally {
    await store.close();
    await audit.close();
  }
}

/** `moat intel export|import`: STIX 2.1 indicator sharing. */
export const command: Command = {
  name: 'intel',
  summary: 'Export or import STIX 2.1 indicators of confirmed campaigns',
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'export') return runExport(rest, ctx);
    if (sub === 'import') return runImport(rest, ctx);
    throw new UsageError(
      sub ? `unknown sub-command "${sub}"` : 'missing sub-command (export or import)',
    );
  },
};
