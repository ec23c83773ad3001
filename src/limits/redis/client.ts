/** An ioredis client configured for the hot path: fail fast, never queue while disconnected. */
import { Redis } from 'ioredis';

/** Timeouts for `createLimiterRedis`. */
export interface LimiterRedisOptions {
  connectTimeoutMs?: number;
  commandTimeoutMs?: number;
  onError?: (err: Error) => void;
}

/**
 * A Redis client for the limiter: no offline queue (a command while disconnected fails at
 * once and the fail mode decides), short connect/command timeouts, capped reconnect backoff.
 * @example const redis = createLimiterRedis(config.redis.url ?? 'redis://127.0.0.1:6379');
 */
export function createLimiterRedis(url: string, opts: LimiterRedisOptions = {}): Redis {
  const redis = new Redis(url, {
    // Commands issued in one tick share one write and one round trip (deferred settlements
    // ride along with the next admission).
    enableAutoPipelining: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: opts.connectTimeoutMs ?? 500,
    commandTimeout: opts.commandTimeoutMs ?? 100,
    retryStrategy: (times: number) => Math.min(times * 100, 2000),
  });
  // Without a listener ioredis prints every connection error; the limiter logs its own.
  redis.on('error', opts.onError ?? (() => undefined));
  return redis;
}
