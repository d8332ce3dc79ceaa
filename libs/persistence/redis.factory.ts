import { Redis, type RedisOptions } from 'ioredis';

export type RedisPurpose = 'commands' | 'relay';

/**
 * One place that decides how we talk to Redis.
 *
 * - `commands` (request path, scripts): no offline queue and a short command timeout, so that while
 *   Redis is down a request fails within milliseconds and the throttling outage policy decides,
 *   instead of requests piling up in memory. Reconnects forever with a capped backoff.
 * - `relay` (background loops): waits for Redis to come back instead of failing at once.
 */
export function createRedis(url: string, purpose: RedisPurpose, extra: RedisOptions = {}): Redis {
  const common: RedisOptions = {
    lazyConnect: false,
    enableAutoPipelining: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    connectionName: `tollgate-${purpose}`,
  };
  const byPurpose: RedisOptions =
    purpose === 'commands'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1000, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, commandTimeout: 10_000 };
  const client = new Redis(url, { ...common, ...byPurpose, ...extra });
  // Without a listener ioredis prints every reconnect error as an unhandled 'error' event; the
  // outage is reported by health checks and the throttling policy instead.
  client.on('error', () => undefined);
  return client;
}

/**
 * ioredis options for BullMQ, which then creates (and on close, closes) its own connections:
 * `maxRetriesPerRequest: null` as BullMQ's blocking commands require, and no auto-pipelining.
 */
export function queueConnectionOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number(parsed.pathname.replace('/', '') || 0),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    enableAutoPipelining: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    connectionName: 'tollgate-queue',
  };
}

/** Resolves when the client is ready, or rejects after `timeoutMs`. */
export function redisReady(client: Redis, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('timed out'));
    }, timeoutMs);
    const onReady = () => {
      cleanup();
      resolve();
    };
    const cleanup = () => {
      clearTimeout(timer);
      client.off('ready', onReady);
    };
    client.on('ready', onReady);
  });
}
