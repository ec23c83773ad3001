import { existsSync, readFileSync } from 'node:fs';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { parsePolicy } from '../../policy/load.js';
import { PolicyStore } from '../../policy/store.js';

const usage = `Usage:
  moat policy check [FILE] [--json]
  moat policy reload [--url URL] [--json]
  moat policy exemptions ACCOUNT [--org ORG] [--tier TIER] [--file FILE] [--json]

check        validates a policy file (default: audit.policy.file from the config) and
             prints every problem with its path; exit 1 when invalid.
reload       asks the running gateway (default: the config's host and port) to re-read
             audit.policy.file: tiers, limits, ladder caps and contracts take effect at
             once (POST /admin/v1/policy/reload with the admin token). A bad file is
             refused with every problem and the policy in force stays; exit 1.
exemptions   shows the tier, contracts in force and exempted reason codes for an account.
`;

function policyFile(ctx: CommandContext, given: string | undefined): string {
  const file = given ?? ctx.config().audit.policy.file;
  if (!file) throw new UsageError('no FILE given and audit.policy.file is not set');
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return file;
}

function runCheck(argv: string[], ctx: CommandContext): number {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' } });
  const file = policyFile(ctx, positionals[0]);
  const r = parsePolicy(readFileSync(file, 'utf8'), file);
  if (values.json)
    ctx.stdout.write(
      JSON.stringify(
        r.ok ? { ok: true, policy: r.value } : { ok: false, error: r.error },
        null,
        2,
      ) + '\n',
    );
  if (!r.ok) {
    ctx.stderr.write(r.error + '\n');
    return 1;
  }
  if (!values.json)
    ctx.stdout.write(
      `ok: ${file}: ${Object.keys(r.value.tiers).length} tier(s), ${r.value.contracts.length} contract(s)\n`,
    );
  return 0;
}

async function runExemptions(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    org: { type: 'string' },
    tier: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
  });
  const id = positionals[0];
  if (!id) throw new UsageError('expected an ACCOUNT id');
  const store = new PolicyStore({ file: policyFile(ctx, values.file) });
  const r = await store.reload('cli');
  if (!r.ok) {
    ctx.stderr.write(r.error + '\n');
    return 1;
  }
  const account = { id, organization: values.org, tier: values.tier };
  const out = {
    account: id,
    tier: store.tierName(account),
    contracts: store.contractsFor(account).map((c) => c.id),
    exemptReasons: store.exemptionsFor(account),
  };
  ctx.stdout.write(
    values.json
      ? JSON.stringify(out, null, 2) + '\n'
      : `${id}: tier ${out.tier}; contracts: ${out.contracts.join(', ') || 'none'}; exempt reasons: ${out.exemptReasons.join(', ') || 'none'}\n`,
  );
  return 0;
}

async function runReload(argv: string[], ctx: CommandContext): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { url: { type: 'string' }, json: { type: 'boolean' } },
    false,
  );
  const cfg = ctx.config();
  const host = cfg.host === '0.0.0.0' || cfg.host === '::' ? '127.0.0.1' : cfg.host;
  const base = (
    values.url ?? `http://${host.includes(':') ? `[${host}]` : host}:${cfg.port}`
  ).replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/admin/v1/policy/reload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.adminTokenResolved}`, 'x-moat-actor': 'cli' },
    });
  } catch (err) {
    throw new Error(
      `cannot reach the gateway at ${base} (${(err as Error).message}); is moat serve running? (--url)`,
    );
  }
  const body = (await res.json().catch(() => undefined)) as
    | { tiers?: string[]; contracts?: string[]; version?: string; error?: { message?: string } }
    | undefined;
  if (!res.ok) {
    ctx.stderr.write(`moat policy reload: ${body?.error?.message ?? `HTTP ${res.status}`}\n`);
    return 1;
  }
  ctx.stdout.write(
    values.json
      ? JSON.stringify(body, null, 2) + '\n'
      : `reloaded: ${body?.tiers?.length ?? 0} tier(s) (${body?.tiers?.join(', ') ?? ''}), ${body?.contracts?.length ?? 0} contract(s); sha256 ${body?.version ?? '?'}\n`,
  );
  return 0;
}

/** `moat policy check|reload|exemptions`: policy as code from the command line. */
export const command: Command = {
  name: 'policy',
  summary: 'Validate or reload the policy file; query tiers, contracts and exemptions',
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'check') return runCheck(rest, ctx);
    if (sub === 'reload') return runReload(rest, ctx);
    if (sub === 'exemptions') return runExemptions(rest, ctx);
    throw new UsageError(
      sub ? `unknown sub-command "${sub}"` : 'missing sub-command (check, reload or exemptions)',
    );
  },
};
