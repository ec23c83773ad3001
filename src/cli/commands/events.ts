import { chmodSync, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { openStore } from '../../store/index.js';
import type { StoredAccount } from '../../store/store.js';
import { openAuditLog } from '../../audit/open.js';
import { parseCommandArgs, parseTime } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { Progress } from '../progress.js';

/** `moat events export`: telemetry events as JSONL (what `moat analyze` reads). */
export const command: Command = {
  name: 'events',
  summary: 'Export telemetry events as JSONL (moat events export)',
  usage: `Usage: moat events export [--since T] [--until T] [--account ID] [--out FILE] [--accounts FILE]

Writes every stored telemetry event (one JSON object per line; docs/telemetry.md) to
FILE or stdout, oldest first. T is epoch milliseconds or an ISO 8601 time; without
--since/--until the export covers everything. --accounts FILE also writes the account
records of the exported events' accounts (id, createdAt, email, signupIp,
paymentFingerprint, country, tier, route, verification), one per line: with them
\`moat analyze --events … --accounts …\` judges account age, signup route and standing
as the live detector does.`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, {
      since: { type: 'string' },
      until: { type: 'string' },
      account: { type: 'string' },
      out: { type: 'string' },
      accounts: { type: 'string' },
    });
    if (positionals[0] !== 'export' || positionals.length > 1)
      throw new UsageError('expected the sub-command "export"');
    const since = parseTime('--since', values.since);
    const until = parseTime('--until', values.until);
    const store = await openStore(ctx.config());
    // Customer traffic: owner-only, also when FILE already existed (issue 14: it was 0644).
    const out = values.out ? await ownerOnly(values.out) : ctx.stdout;
    const progress = new Progress(ctx.stderr, ctx.isTTY && Boolean(values.out), 'exporting');
    let n = 0;
    const seen = new Set<string>();
    let records = 0;
    try {
      for await (const e of store.events({ since, until, account: values.account })) {
        if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
        seen.add(e.account);
        progress.update(++n);
      }
      if (values.accounts) {
        const file = await ownerOnly(values.accounts);
        for (const id of [...seen].sort()) {
          const a = await store.getAccount(id);
          if (!a) continue;
          if (!file.write(JSON.stringify(accountRecordOf(a)) + '\n')) await once(file, 'drain');
          records++;
        }
        file.end();
        await once(file, 'finish');
      }
    } finally {
      await store.close();
    }
    progress.done();
    // Exports of customer traffic are themselves audited (issue 7).
    const audit = await openAuditLog(ctx.config());
    try {
      await audit.append({
        actor: 'cli',
        action: 'events.export',
        subject: values.account ?? '*',
        data: {
          events: n,
          ...(values.accounts ? { accounts: records } : {}),
          since: since ?? null,
          until: until ?? null,
          out: values.out ?? 'stdout',
        },
      });
    } finally {
      await audit.close();
    }
    if (values.out) {
      (out as NodeJS.WritableStream).end();
      await once(out, 'finish');
      ctx.stderr.write(`wrote ${n} events to ${values.out}\n`);
    }
    if (values.accounts)
      ctx.stderr.write(`wrote ${records} account records to ${values.accounts}\n`);
    return 0;
  },
};

/** An owner-only (0600) file stream, also when the file already existed. */
async function ownerOnly(path: string): Promise<WriteStream> {
  const s = createWriteStream(path, { mode: 0o600 });
  await once(s, 'open');
  chmodSync(path, 0o600);
  return s;
}

/** A stored account as DESIGN.md's account record (createdAt in ISO 8601), with its verification when there is one. */
function accountRecordOf(a: StoredAccount): Record<string, unknown> {
  const r: Record<string, unknown> = { id: a.id, createdAt: new Date(a.createdAt).toISOString() };
  for (const k of [
    'email',
    'signupIp',
    'paymentFingerprint',
    'country',
    'tier',
    'route',
    'organization',
  ] as const)
    if (typeof a[k] === 'string' && a[k] !== '') r[k] = a[k];
  if (a.verified) r.verified = a.verified;
  return r;
}
