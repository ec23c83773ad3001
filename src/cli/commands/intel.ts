import { closeSync, constants, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
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
  moat intel import FILE [--url URL] [--json]

export   writes a STIX 2.1 bundle of indicators for incidents resolved as confirmed
         campaigns: IP prefixes, hashed client/payment fingerprints and prompt-template
         signatures, campaign summaries, TLP marking (intel.tlp) and confidence. No raw
         prompt text or account ids leave. Nothing to share: a bundle without objects.
import   loads a peer's bundle; accounts matching its indicators get a shared_indicator
         reason. Malformed or oversized bundles are rejected with the reason. The
         running gateway (the config's host and port, or --url) is told to load the new
         indicators at once; one that cannot be reached loads them within 60 s.
`;

/**
 * Ask the running gateway to load newly imported indicators now (POST
 * /admin/v1/intel/reload with the admin token). Best effort: the import is stored either
 * way, and every gateway re-reads the intel store each minute (issue 15).
 */
async function notifyGateway(
  cfg: ReturnType<CommandContext['config']>,
  url: string | undefined,
): Promise<{ url: string; reloaded: boolean; error?: string }> {
  const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? '127.0.0.1' : cfg.host;
  const base = (url ?? `http://${host.includes(':') ? `[${host}]` : host}:${cfg.port}`).replace(
    /\/+$/,
    '',
  );
  try {
    const res = await fetch(`${base}/admin/v1/intel/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.adminTokenResolved}`, 'x-moat-actor': 'cli' },
      signal: AbortSignal.timeout(5_000),
    });
    await res.arrayBuffer();
    return res.ok
      ? { url: base, reloaded: true }
      : { url: base, reloaded: false, error: `HTTP ${res.status}` };
  } catch (err) {
    return { url: base, reloaded: false, error: (err as Error).message };
  }
}

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
  const { values, positionals } = parseCommandArgs(argv, {
    json: { type: 'boolean' },
    url: { type: 'string' },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('expected exactly one bundle FILE');
  const cfg = ctx.config();
  const limits = {
    maxBytes: cfg.intel.maxImportBytes,
    maxObjects: cfg.intel.maxImportObjects,
    minIpv4Prefix: cfg.intel.minIpv4Prefix,
    minIpv6Prefix: cfg.intel.minIpv6Prefix,
  };
  const text = readBundleFile(file, limits.maxBytes);
  const r = text.ok ? parseBundle(text.value, limits) : text;
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
    const gateway = await notifyGateway(cfg, values.url);
    if (values.json)
      ctx.stdout.write(
        JSON.stringify({ ...summary, stored: shared.length, gateway }, null, 2) + '\n',
      );
    else
      ctx.stdout.write(
        `imported ${file}: ${summary.objects} objects, ${summary.indicators} indicators, ${shared.length} matchable values stored (${summary.unmatchable} not matchable, ${summary.revoked} revoked)\n` +
          (gateway.reloaded
            ? `the gateway at ${gateway.url} matches them now\n`
            : `no gateway answered at ${gateway.url} (${gateway.error}); a running gateway loads them within 60 s (--url)\n`),
      );
    return 0;
  } finally {
    await store.close();
    await audit.close();
  }
}

/**
 * Read a bundle file: a regular file only (issue 14: `/dev/zero` reports size 0 and never
 * ends; a FIFO blocks), and never more than `maxBytes` + 1 bytes, whatever it claims.
 * O_NONBLOCK keeps the open itself from waiting on a FIFO with no writer.
 */
function readBundleFile(
  file: string,
  maxBytes: number,
): { ok: true; value: string } | { ok: false; error: string } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return {
      ok: false,
      error: `cannot open: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile())
      return {
        ok: false,
        error: 'not a regular file (a device, FIFO, socket or directory cannot be imported)',
      };
    if (st.size > maxBytes)
      return {
        ok: false,
        error: `bundle is ${st.size} bytes; the limit is ${maxBytes} (intel.maxImportBytes)`,
      };
    const buf = Buffer.alloc(Math.min(maxBytes + 1, st.size + 1));
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got)
      got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes)
      return { ok: false, error: `bundle is over ${maxBytes} bytes (intel.maxImportBytes)` };
    return { ok: true, value: buf.subarray(0, n).toString('utf8') };
  } finally {
    closeSync(fd);
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
