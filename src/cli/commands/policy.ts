import { existsSync, readFileSync } from 'node:fs';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { parsePolicy } from '../../policy/load.js';
import { PolicyStore } from '../../policy/store.js';

const usage = `Usage:
  moat policy check [FILE] [--json]
  moat policy exemptions ACCOUNT [--org ORG] [--tier TIER] [--file FILE] [--json]

check        validates a policy file (default: audit.policy.file from the config) and
             prints every problem with its path; exit 1 when invalid.
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

/** `moat policy check|exemptions`: policy as code from the command line. */
export const command: Command = {
  name: 'policy',
  summary: 'Validate the policy file and query tiers, contracts and exemptions',
  usage,
  async run(argv, ctx) {
    const [sub, ...rest] = argv;
    if (sub === 'check') return runCheck(rest, ctx);
    if (sub === 'exemptions') return runExemptions(rest, ctx);
    throw new UsageError(
      sub ? `unknown sub-command "${sub}"` : 'missing sub-command (check or exemptions)',
    );
  },
};
