import { createServer, type Server } from 'node:http';
import pino from 'pino';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { parseCommandArgs } from '../args.js';
import { PartitionService } from '../../engine/service/partition-service.js';
import { RedisVerdictOutbox } from '../../engine/service/redis-outbox.js';
import { PgSnapshots } from '../../engine/service/snapshot-pg.js';
import { SLOTS, validPartitionCount } from '../../telemetry/slot.js';
import { openPostgres } from '../../store/index.js';

/** A URL with its credentials masked, for messages (secrets are never logged). */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}

function intFlag(name: string, raw: string | undefined, def: number, min: number): number {
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name}: expected an integer of at least ${min}, got "${raw}"`);
  return n;
}

/** Serve /healthz (alive), /readyz (consuming) and /metrics (Prometheus text) for probes and scrapers. */
function probes(svc: () => PartitionService | undefined, labels: string): Server {
  return createServer((req, res) => {
    const s = svc();
    if (req.url === '/healthz') {
      res.writeHead(200).end('ok\n');
    } else if (req.url === '/readyz') {
      res.writeHead(s?.ready ? 200 : 503).end(s?.ready ? 'ready\n' : 'starting\n');
    } else if (req.url === '/metrics') {
      const st = s?.stats;
      const lines = st
        ? [
            ...Object.entries(st).map(
              ([k, v]) =>
                `moat_detector_${k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}{${labels}} ${v}`,
            ),
            `moat_detector_state_bytes{${labels}} ${s.stateBytes()}`,
            `moat_detector_rss_bytes{${labels}} ${process.memoryUsage().rss}`,
          ]
        : [];
      res
        .writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
        .end(lines.join('\n') + '\n');
    } else res.writeHead(404).end();
  });
}

/** `moat detector`: one partition of the detection service (issue 18). */
export const command: Command = {
  name: 'detector',
  summary:
    'Run one detector partition as its own process (NATS in, Redis verdicts out, PostgreSQL snapshots)',
  usage: `Usage: moat detector --partition I --partitions N [--port P] [--snapshot-ms MS]
                     [--snapshot-events N] [--reset] [--no-exchange]

Consumes the telemetry stream (MOAT_NATS_URL, stream nats.stream) for the accounts
of partition I of N, snapshots its state to PostgreSQL (MOAT_DATABASE_URL, schema
store.schema) and sends verdicts to the gateways through Redis (MOAT_REDIS_URL,
prefix redis.prefix). Run the gateways with \`moat serve --no-detector\`.

  --partition I        this process's partition, 0 … N-1 (one process per partition)
  --partitions N       number of partitions: a power of two up to ${SLOTS}
  --port P             /healthz, /readyz and /metrics on 127.0.0.1:P (--host to change; 0: none)
  --host ADDR          address of that listener (default 127.0.0.1)
  --snapshot-ms MS     snapshot (and acknowledge) this often while events arrive (default 10000;
                       stretched to 10× the last snapshot's duration for a large state)
  --snapshot-events N  …or after this many unacknowledged messages (default 50000)
  --reset              discard this partition's snapshot and rebuild from the stream's start
  --no-exchange        do not exchange cross-partition cluster evidence with the other
                       partitions (on by default when N > 1: a campaign whose accounts fall
                       in several partitions is linked and scored as one detector would)`,
  async run(argv, ctx) {
    const { values } = parseCommandArgs(
      argv,
      {
        partition: { type: 'string' },
        partitions: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'snapshot-ms': { type: 'string' },
        'snapshot-events': { type: 'string' },
        reset: { type: 'boolean' },
        'no-exchange': { type: 'boolean' },
      },
      false,
    );
    if (values.partition === undefined || values.partitions === undefined)
      throw new UsageError('--partition and --partitions are required');
    const count = intFlag('partitions', values.partitions, 1, 1);
    if (!validPartitionCount(count))
      throw new UsageError(
        `--partitions: expected a power of two from 1 to ${SLOTS} (1, 2, 4, …), got ${count}`,
      );
    const index = intFlag('partition', values.partition, 0, 0);
    if (index >= count)
      throw new UsageError(`--partition: expected 0 … ${count - 1}, got ${index}`);
    const port = intFlag('port', values.port, 0, 0);
    const snapshotMs = intFlag('snapshot-ms', values['snapshot-ms'], 10_000, 10);
    const snapshotEvents = intFlag('snapshot-events', values['snapshot-events'], 50_000, 1);

    const config = ctx.config();
    const missing = [
      !config.nats.url && 'MOAT_NATS_URL (nats.url)',
      (config.store.kind !== 'postgres' || !config.store.url) &&
        'MOAT_DATABASE_URL (store.url, store.kind: postgres)',
      !config.redis.url && 'MOAT_REDIS_URL (redis.url)',
    ].filter(Boolean);
    if (missing.length)
      throw new UsageError(
        `a detector partition needs ${missing.join(', ')}; set them as for the gateways`,
      );

    const log = pino({ level: config.logLevel, base: { partition: `${index}/${count}` } });
    // The process's one pool (store/database.ts; issue 15), its errors logged.
    const db = openPostgres(config).retain();
    db.onError((err) => log.warn({ err: err.message }, 'postgres'));
    const pool = db.pool;
    const outbox = new RedisVerdictOutbox(
      config.redis.url!,
      config.redis.prefix,
      1_000_000,
      (err) => log.warn({ err: (err as Error).message }, 'redis'),
      `${index}/${count}`,
    );
    let svc: PartitionService | undefined;
    const server = port
      ? probes(() => svc, `partition="${index}",partitions="${count}"`)
      : undefined;
    const cleanup = async () => {
      await svc?.stop().catch(() => undefined);
      server?.close();
      await outbox.close().catch(() => undefined);
      await db.release().catch(() => undefined);
    };
    try {
      if (server)
        await new Promise<void>((res, rej) =>
          server.once('error', rej).listen(port, values.host ?? '127.0.0.1', res),
        );
      try {
        await pool.query('SELECT 1');
      } catch (err) {
        throw new Error(
          `cannot reach PostgreSQL at ${safeUrl(config.store.url!)}: ${(err as Error).message}. Start it or fix MOAT_DATABASE_URL.`,
        );
      }
      await outbox.connect().catch((err: unknown) => {
        throw new Error(
          `cannot reach Redis at ${safeUrl(config.redis.url!)}: ${(err as Error).message}. Start it or fix MOAT_REDIS_URL.`,
        );
      });
      svc = await PartitionService.start({
        natsUrl: config.nats.url!,
        stream: config.nats.stream,
        index,
        count,
        cfg: config.detect,
        snapshots: new PgSnapshots(pool, config.store.schema),
        outbox,
        snapshotMs,
        snapshotEvents,
        batchSize: config.telemetry.batchSize,
        dedupeIds: 100_000,
        reset: values.reset ?? false,
        exchange: !values['no-exchange'],
        log,
      }).catch((err: unknown) => {
        const e = err as Error & { code?: string };
        if (/CONNECTION_REFUSED|TIMEOUT|ECONNREFUSED/i.test(String(e.code ?? e.message))) {
          throw new Error(
            `cannot reach NATS at ${safeUrl(config.nats.url!)} (${e.message}). Start nats-server with JetStream (-js) or fix MOAT_NATS_URL.`,
          );
        }
        throw err;
      });
    } catch (err) {
      await cleanup();
      throw err;
    }
    ctx.stdout.write(
      `moat detector: partition ${index} of ${count} consuming ${config.nats.stream}${port ? `; probes on ${values.host ?? '127.0.0.1'}:${port}` : ''}\n`,
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await cleanup();
    return 0;
  },
};
