/**
 * Verdicts from detector partitions to the gateways (issue 18), through a Redis stream
 * (`{prefix}:detector-verdicts`) read by one consumer group of all gateways: each batch is
 * applied by exactly one gateway (its adjusters, audit and store write run once), which
 * then shares the adjusted verdicts with every replica over the existing verdict channel
 * (gateway/verdict-sync/redis.ts). A gateway that dies holding a batch loses it to another
 * gateway after `claimIdleMs` (XAUTOCLAIM). See https://redis.io/docs/latest/develop/data-types/streams/.
 */
import { Redis } from 'ioredis';
import type { Verdict } from '../../telemetry/event.js';
import type { VerdictOutbox } from './partition-service.js';

const GROUP = 'gateways';

function key(prefix: string): string {
  return `{${prefix}}:detector-verdicts`;
}

/** The detector side: append verdict batches to the stream (capped, approximately, at `maxLen`). */
export class RedisVerdictOutbox implements VerdictOutbox {
  private readonly redis: Redis;
  constructor(
    url: string,
    private readonly prefix: string,
    private readonly maxLen = 1_000_000,
    onError: (err: unknown) => void = () => undefined,
    /** Written with each batch (`p`): which partition decided it, for operators and the topology test. */
    private readonly source = '',
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectTimeout: 3000,
    });
    this.redis.on('error', onError);
  }

  async connect(): Promise<void> {
    await this.redis.connect();
  }

  async publish(verdicts: Verdict[]): Promise<void> {
    if (verdicts.length === 0) return;
    await this.redis.xadd(
      key(this.prefix),
      'MAXLEN',
      '~',
      String(this.maxLen),
      '*',
      'p',
      this.source,
      'v',
      JSON.stringify(verdicts),
    );
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** The gateway side: read the stream as one member of the gateways' group, apply, acknowledge. */
export class RedisVerdictInbox {
  private readonly redis: Redis;
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    url: string,
    private readonly prefix: string,
    private readonly consumer: string,
    private readonly apply: (verdicts: Verdict[]) => void,
    private readonly onError: (err: unknown) => void,
    private readonly claimIdleMs = 30_000,
  ) {
    this.redis = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectTimeout: 3000,
    });
    this.redis.on('error', onError);
  }

  async start(): Promise<void> {
    await this.redis.connect();
    // From the stream's start: verdicts written before any gateway ran are applied too.
    await this.redis
      .xgroup('CREATE', key(this.prefix), GROUP, '0', 'MKSTREAM')
      .catch((err: Error) => {
        if (!/BUSYGROUP/.test(err.message)) throw err;
      });
    this.loop = this.run();
  }

  private handle(entries: Array<[string, string[]]>): string[] {
    const ids: string[] = [];
    for (const [id, fields] of entries) {
      ids.push(id);
      const i = fields.indexOf('v');
      try {
        if (i >= 0) this.apply(JSON.parse(fields[i + 1]!) as Verdict[]);
      } catch (err) {
        this.onError(err);
      }
    }
    return ids;
  }

  private async run(): Promise<void> {
    const k = key(this.prefix);
    let lastClaim = 0;
    while (!this.stopped) {
      try {
        if (Date.now() - lastClaim > this.claimIdleMs / 2) {
          lastClaim = Date.now();
          const claimed = (await this.redis.xautoclaim(
            k,
            GROUP,
            this.consumer,
            this.claimIdleMs,
            '0',
            'COUNT',
            500,
          )) as [string, Array<[string, string[]]>];
          const ids = this.handle(claimed[1] ?? []);
          if (ids.length) await this.redis.xack(k, GROUP, ...ids);
        }
        const res = (await this.redis.xreadgroup(
          'GROUP',
          GROUP,
          this.consumer,
          'COUNT',
          200,
          'BLOCK',
          500,
          'STREAMS',
          k,
          '>',
        )) as Array<[string, Array<[string, string[]]>]> | null;
        for (const [, entries] of res ?? []) {
          const ids = this.handle(entries);
          if (ids.length) await this.redis.xack(k, GROUP, ...ids);
        }
      } catch (err) {
        if (this.stopped) break;
        this.onError(err);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.race([this.loop, new Promise((r) => setTimeout(r, 1500).unref())]);
    this.redis.disconnect();
  }
}
