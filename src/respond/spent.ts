/**
 * Replay protection for challenge solutions: a solution is redeemable once. In memory
 * (one replica) or in Redis with `SET key 1 NX PX ttl` (every replica).
 */
import type { Redis } from 'ioredis';

/** Remembers spent solutions until their challenge expires. */
export interface SpentStore {
  /** Marks `id` spent for `ttlMs`; resolves true the first time, false on a replay. */
  markSpent(id: string, ttlMs: number): Promise<boolean>;
}

/** In-process spent set with expiry (swept as it grows). */
export class MemorySpentStore implements SpentStore {
  private readonly until = new Map<string, number>();
  private sweepAbove = 10_000;

  constructor(private readonly clock: () => number = Date.now) {}

  /** Synchronous form of `markSpent`. */
  markSpentSync(id: string, ttlMs: number): boolean {
    const now = this.clock();
    const exp = this.until.get(id);
    if (exp !== undefined && exp > now) return false;
    this.until.set(id, now + ttlMs);
    if (this.until.size > this.sweepAbove) {
      for (const [k, t] of this.until) if (t <= now) this.until.delete(k);
      this.sweepAbove = Math.max(10_000, this.until.size * 2);
    }
    return true;
  }

  /** @inheritdoc */
  markSpent(id: string, ttlMs: number): Promise<boolean> {
    return Promise.resolve(this.markSpentSync(id, ttlMs));
  }
}

/**
 * Spent set in Redis, shared by replicas. If Redis fails, it falls back to a per-process
 * set (replays across replicas become possible for that moment; proof of work is friction,
 * not authentication) and reports the error to `onError`.
 */
export class RedisSpentStore implements SpentStore {
  private readonly fallback = new MemorySpentStore();

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'moat:pow:',
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** @inheritdoc */
  async markSpent(id: string, ttlMs: number): Promise<boolean> {
    try {
      const r = await this.redis.set(
        `${this.prefix}${id}`,
        '1',
        'PX',
        Math.max(1, Math.ceil(ttlMs)),
        'NX',
      );
      return r === 'OK';
    } catch (err) {
      this.onError(err);
      return this.fallback.markSpentSync(id, ttlMs);
    }
  }
}
