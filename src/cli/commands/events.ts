import { chmodSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { openStore } from '../../store/index.js';
import { openAuditLog } from '../../audit/open.js';
import { parseCommandArgs, parseTime } from '../args.js';
import { UsageError, type Command } from '../command.js';
import { Progress } from '../progress.js';

/** `moat events export`: telemetry events as JSONL (what `moat analyze` reads). */
export const command: Command = {
  name: 'events',
  summary: 'Export telemetry events as JSONL (moat events export)',
  usage: `Usage: moat events export [--since T] [--until T] [--account ID] [--out FILE]

Writes every stored telemetry event (one JSON object per line; docs/telemetry.md) to
FILE or stdout, oldest first. T is epoch milliseconds or an ISO 8601 time; without
--since/--until the export covers everything.`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs(argv, {
      since: { type: 'string' },
      until: { type: 'string' },
      account: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals[0] !== 'export' || positionals.length > 1)
      throw new UsageError('expected the sub-command "export"');
    const since = parseTime('--since', values.since);
    const until = parseTime('--until', values.until);
    const store = await openStore(ctx.config());
    // Customer traffic: owner-only, also when FILE already existed (issue 14: it was 0644).
    const out = values.out ? createWriteStream(values.out, { mode: 0o600 }) : ctx.stdout;
    if (values.out) {
      await once(out, 'open');
      chmodSync(values.out, 0o600);
    }
    const progress = new Progress(ctx.stderr, ctx.isTTY && Boolean(values.out), 'exporting');
    let n = 0;
    try {
      for await (const e of store.events({ since, until, account: values.account })) {
        if (!out.write(JSON.stringify(e) + '\n')) await once(out, 'drain');
        progress.update(++n);
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
    return 0;
  },
};
