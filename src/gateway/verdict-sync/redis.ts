import { Redis } from 'ioredis';
import type { LevelPin } from '../../store/store.js';
import type { Verdict } from '../../telemetry/event.js';
import type { VerdictCache } from '../verdict-cache.js';

type Message = { t: 'v'; v: Verdict[] } | { t: 'p'; a: string; p: LevelPin | null };

/**
 * Keeps every replica's verdict cache in step through Redis: verdicts and pins live in two
 * hashes (so a starting replica loads them) and every change is published on one channel
 * (so running replicas apply it within a round trip). The hot path still reads only
 * memory.
 */
export class RedisVerdictSync {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly vKey: string;
  private readonly pKey: string;
  private readonly channel: string;

  constructor(
    url: string,
    prefix: string,
    private readonly cache: VerdictCache,
    private readonly onError: (err: unknown) => void,
  ) {
    const opts = {
      lazyConnect: true,
      maxRetriesPerRequest: 2,
      connectTimeout: 2000,
      enableOfflineQueue: true,
    };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    // {prefix} hash tag: one cluster slot for the pair of hashes.
    this.vKey = `{${prefix}}:verdicts`;
    this.pKey = `{${prefix}}:pins`;
    this.channel = `${prefix}:verdict-events`;
  }

  /** Connect, subscribe, then load current verdicts and pins (subscribe first: nothing is missed). */
  async start(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    this.sub.on('message', (_ch: string, raw: string) => this.apply(raw));
    await this.sub.subscribe(this.channel);
    const [verdicts, pins] = await Promise.all([
      this.pub.hgetall(this.vKey),
      this.pub.hgetall(this.pKey),
    ]);
    for (const raw of Object.values(verdicts)) this.cache.put(JSON.parse(raw) as Verdict);
    for (const [account, raw] of Object.entries(pins))
      this.cache.setPin(account, JSON.parse(raw) as LevelPin);
  }

  private apply(raw: string): void {
    try {
      const m = JSON.parse(raw) as Message;
      if (m.t === 'v') for (const v of m.v) this.cache.put(v);
      else this.cache.setPin(m.a, m.p ?? undefined);
    } catch (err) {
      this.onError(err);
    }
  }

  /** Share verdicts with every replica. */
  async publishVerdicts(list: Verdict[]): Promise<void> {
    if (list.length === 0) return;
    const flat: string[] = [];
    for (const v of list) flat.push(v.account, JSON.stringify(v));
    await this.pub
      .multi()
      .hset(this.vKey, ...flat)
      .publish(this.channel, JSON.stringify({ t: 'v', v: list } satisfies Message))
      .exec();
  }

  /** Share a pin (or its removal) with every replica. */
  async publishPin(account: string, pin: LevelPin | undefined): Promise<void> {
    const m: Message = { t: 'p', a: account, p: pin ?? null };
    const tx = this.pub.multi();
    if (pin) tx.hset(this.pKey, account, JSON.stringify(pin));
    else tx.hdel(this.pKey, account);
    await tx.publish(this.channel, JSON.stringify(m)).exec();
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
