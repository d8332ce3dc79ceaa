import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** A single Redis or a Redis Cluster: every key we touch per account carries the account's hash tag. */
export type RedisClient = Redis | Cluster;

export type RedisPurpose = 'commands' | 'relay';

/**
 * One place that decides how we talk to Redis.
 *
 * - `commands` (request path, scripts): no offline queue and a short command timeout, so that while
 *   Redis is down a request fails within milliseconds and the throttling outage policy decides,
 *   instead of requests piling up in memory. Reconnects forever with a capped backoff.
 * - `relay` (background loops): waits for Redis to come back instead of failing at once.
 */
export function createRedis(url: string, purpose: RedisPurpose, extra: RedisOptions = {}, cluster = false): RedisClient {
  const common: RedisOptions = {
    lazyConnect: false,
    enableAutoPipelining: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2000),
    connectionName: `tollgate-${purpose}`,
  };
  // No auto-pipelining on any client: BullMQ must not use it, and on the request path the bench could
  // not tell it apart (protected/bare 0.52-0.54 with it, 0.53-0.56 without, in back-to-back runs).
  const byPurpose: RedisOptions =
    purpose === 'commands'
      ? { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 1000, connectTimeout: 2000 }
      : { maxRetriesPerRequest: null, commandTimeout: 10_000 };
  const options = { ...common, ...byPurpose, ...extra };
  const client: RedisClient = cluster
    ? // REDIS_URL names one seed node; the client discovers the others and routes each command (and
      // each script, by its keys' slot) to the node that owns it.
      new Cluster([seedNode(url)], {
        redisOptions: { ...options, ...auth(url) },
        enableOfflineQueue: options.enableOfflineQueue ?? true,
        lazyConnect: options.lazyConnect,
        clusterRetryStrategy: options.retryStrategy as never,
        enableAutoPipelining: false,
      })
    : new Redis(url, options);
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

function seedNode(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 6379) };
}

function auth(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** BullMQ's connection on a cluster: an instance (BullMQ does not create cluster clients itself). */
export function queueClusterConnection(url: string): Cluster {
  return new Cluster([seedNode(url)], {
    redisOptions: { ...auth(url), maxRetriesPerRequest: null, connectionName: 'tollgate-queue' },
    enableAutoPipelining: false,
  });
}

/** Resolves when the client is ready, or rejects after `timeoutMs`. */
export function redisReady(client: RedisClient, timeoutMs: number): Promise<void> {
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
