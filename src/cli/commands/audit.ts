import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { KeyObject } from 'node:crypto';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs, parseTime } from '../args.js';
import { Progress } from '../progress.js';
import { AuditLogMissingError, openAuditLog, auditSigner } from '../../audit/open.js';
import { exportLine, readCheckpoints, readEntries } from '../../audit/jsonl.js';
import { publicKeyFrom } from '../../audit/signer.js';
import { verifyEntries, type VerifyResult } from '../../audit/verify.js';

const usage = `Usage:
  moat audit export [--since T] [--until T] [--out FILE]
  moat audit verify [--file FILE] [--public-key PEM] [--json]

export   writes the audit log as JSONL (one entry per line, then the signed checkpoints
         of that range and a fresh signed head checkpoint); stdout without --out.
verify   checks the hash chain and signed checkpoints of the live log (found through
         MOAT_CONFIG / MOAT_DATA_DIR), or of an export with --file. Any modified,
         deleted, inserted or reordered entry, a missing expected checkpoint, a log
         shorter than its signed head (audit-head.json) or a missing log is reported;
         exit 1. Verification never creates or writes the log.
         --public-key: the Ed25519 key checkpoints must be signed with (default: this
         installation's key, when present).
T is epoch milliseconds or an ISO 8601 time; --since is inclusive, --until exclusive.
`;

async function runExport(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { since: { type: 'string' }, until: { type: 'string' }, out: { type: 'string' } },
    false,
  );
  const since = parseTime('--since', values.since);
  const until = parseTime('--until', values.until);
  const cfg = ctx.config();
  const log = await openAuditLog(cfg);
  const out = values.out ? createWriteStream(values.out, { mode: 0o600 }) : ctx.stdout;
  const progress = new Progress(ctx.stderr, ctx.isTTY && Boolean(values.out), 'audit export');
  let n = 0;
  let first: number | undefined;
  let last: { seq: number; hash: string } | undefined;
  try {
    for await (const entry of log.list({ since, until })) {
      if (!out.write(exportLine({ entry }))) await once(out, 'drain');
      first ??= entry.seq;
      last = entry;
      progress.update(++n);
    }
    if (first !== undefined && last) {
      for (const c of await log.checkpoints())
        if (c.seq >= first && c.seq < last.seq) out.write(exportLine({ checkpoint: c }));
      out.write(exportLine({ checkpoint: auditSigner(cfg).sign(last.seq, last.hash, Date.now()) }));
    }
    progress.done();
    if (values.out) {
      (out as ReturnType<typeof createWriteStream>).end();
      await once(out, 'finish');
      ctx.stderr.write(`wrote ${n} audit entries to ${values.out}\n`);
    }
    await log.append({
      actor: 'cli',
      action: 'audit.export',
      subject: values.out ?? 'stdout',
      data: { since: since ?? null, until: until ?? null, entries: n },
    });
  } finally {
    await log.close();
  }
  return 0;
}

function trustedKey(ctx: CommandContext, file: string | undefined): KeyObject | undefined {
  if (file) return publicKeyFrom(readFileSync(file, 'utf8'));
  const cfg = ctx.config();
  const own = cfg.audit.signingKeyFile ?? join(cfg.dataDirAbs, 'audit-ed25519.pem');
  return existsSync(own) ? publicKeyFrom(readFileSync(own, 'utf8')) : undefined;
}

function report(
  ctx: CommandContext,
  r: VerifyResult,
  json: boolean,
  what: string,
  unit: string,
): number {
  if (json) ctx.stdout.write(JSON.stringify(r, null, 2) + '\n');
  if (r.ok) {
    if (!json) {
      const range = r.entries ? ` (seq ${r.firstSeq}–${r.lastSeq})` : '';
      ctx.stdout.write(
        `ok: ${what}: ${r.entries} entries${range}, hash chain intact, ${r.checkpointsChecked} signed checkpoint(s) verified\n`,
      );
    }
    return 0;
  }
  ctx.stderr.write(`audit verification FAILED for ${what}: ${r.problems.length} problem(s)\n`);
  for (const p of r.problems)
    ctx.stderr.write(
      `  ${unit} ${p.position}${p.seq !== null ? ` (seq ${p.seq})` : ''}: ${p.kind}: ${p.message}\n`,
    );
  return 1;
}

async function runVerify(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { file: { type: 'string' }, 'public-key': { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const json = Boolean(values.json);
  if (values.file) {
    if (!existsSync(values.file)) throw new UsageError(`--file: no such file: ${values.file}`);
    const key = trustedKey(ctx, values['public-key']);
    if (!key)
      ctx.stderr.write(
        'note: no trusted key found; checkpoints are checked against the key they carry (integrity only)\n',
      );
    const checkpoints = await readCheckpoints(values.file);
    const r = await verifyEntries(readEntries(values.file), {
      checkpoints,
      ...(key ? { trustedKey: key } : {}),
      complete: true,
    });
    return report(ctx, r, json, values.file, 'line');
  }
  let log;
  try {
    log = await openAuditLog(ctx.config(), { readOnly: true });
  } catch (err) {
    if (!(err instanceof AuditLogMissingError)) throw err;
    ctx.stderr.write(`audit verification FAILED: ${err.message}\n`);
    return 1;
  }
  try {
    return report(ctx, await log.verify(), json, 'live audit log', 'position');
  } finally {
    await log.close();
  }
}

/** `moat audit export|verify`: the hash-chained audit log from the command line. */
export const command: Command = {
  name: 'audit',
  summary: 'Export or verify the tamper-evident audit log',
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'export') return runExport(rest, ctx);
    if (sub === 'verify') return runVerify(rest, ctx);
    throw new UsageError(
      sub ? `unknown sub-command "${sub}"` : 'missing sub-command (export or verify)',
    );
  },
};
