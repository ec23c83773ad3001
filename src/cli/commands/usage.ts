import { writeFileSync } from 'node:fs';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs, parseTime } from '../args.js';
import { openStore } from '../../store/index.js';
import { openAuditLog, auditSigner } from '../../audit/open.js';
import { produceUsageReport } from '../../usage/service.js';
import { organizationAccounts } from '../../usage/organization.js';

const DAY = 86_400_000;

const usage = `Usage:
  moat usage (--account ID | --org ORG) [--from T] [--to T] [--format json|csv] [--out FILE]

Writes a signed usage report (audit rights): requests, tokens in/out per model, actions
taken (throttled, degraded, challenged, blocked) with counts, and levels at the start,
at the end and in between. With --out, the Ed25519 signature over the exact bytes goes
to FILE.sig (JSON: alg, keyId, publicKey, signature). Default period: the last 30 days.
--org reports on every account verified as belonging to ORG.
`;

/** `moat usage`: a signed per-account or per-organisation usage report. */
export const command: Command = {
  name: 'usage',
  summary: 'Signed usage report for an account or organisation (JSON or CSV)',
  usage,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        account: { type: 'string' },
        org: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
      },
      false,
    );
    if (Boolean(values.account) === Boolean(values.org))
      throw new UsageError('give exactly one of --account or --org');
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'csv')
      throw new UsageError(`--format: expected json or csv, got "${format}"`);
    const to = parseTime('--to', values.to) ?? Date.now();
    const from = parseTime('--from', values.from) ?? to - 30 * DAY;
    if (from >= to) throw new UsageError('--from must be before --to');
    const cfg = ctx.config();
    const store = await openStore(cfg);
    const audit = await openAuditLog(cfg);
    try {
      const subject = values.account
        ? { kind: 'account' as const, id: values.account }
        : { kind: 'organization' as const, id: values.org! };
      const signed = await produceUsageReport(
        {
          events: (q) => store.events(q),
          audit,
          signer: auditSigner(cfg),
          currentLevel: async (a) =>
            (await store.getPin(a))?.level ?? (await store.getVerdict(a))?.level ?? null,
          organizationAccounts: (org) => organizationAccounts(store, org),
        },
        { subject, from, to, format, actor: 'cli' },
      );
      if (!signed) {
        ctx.stderr.write(`moat usage: no accounts found for organization ${values.org}\n`);
        return 1;
      }
      if (!values.out) {
        ctx.stdout.write(signed.body);
        ctx.stderr.write(`signature (Ed25519, key ${signed.keyId}): ${signed.signature}\n`);
        return 0;
      }
      writeFileSync(values.out, signed.body);
      writeFileSync(
        values.out + '.sig',
        JSON.stringify(
          {
            alg: 'Ed25519',
            keyId: signed.keyId,
            publicKey: signed.publicKey,
            signature: signed.signature,
          },
          null,
          2,
        ) + '\n',
      );
      ctx.stderr.write(`wrote ${values.out} and ${values.out}.sig\n`);
      return 0;
    } finally {
      await store.close();
      await audit.close();
    }
  },
};
