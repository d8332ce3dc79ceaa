import { Cluster, Redis, type RedisOptions } from 'ioredis';

/** A single Redis or a Redis Cluster: every key we touch per account carries the account's hash tag. */
export type RedisClient = Redis | Cluster;

export type RedisPurpose = 'commands' | 'relay';

/**
 * Reconnect backoff: short and capped low. A reconnect attempt to a Redis that is down costs one
 * refused (or timed-out) connection; waiting seconds after Redis is back costs every request of that
 * time, which fail-closed answers 503 and fail-open admits uncounted.
 */
const retryStrategy = (attempt: number) => Math.min(25 * 2 ** Math.min(attempt, 4), 250);

/**
 * Cluster options of the request-path client. By default ioredis re-sends a command whose node
 * connection closed (and one refused with CLUSTERDOWN) after a slot refresh, for up to 16 tries,
 * while the caller has already given up on it (command timeout) and answered 503: during a master's
 * failover the admission script then ran later on the promoted replica and counted requests that had
 * been refused (the cluster-shape test saw 9 such counts per account). So such a command fails at
 * once, as on a single Redis, and the slot map is refreshed every second instead: requests reach the
 * promoted replica about a second after its promotion. MOVED and ASK are still followed (the command
 * did not run).
 */
const REQUEST_PATH_CLUSTER = { retryDelayOnFailover: 0, retryDelayOnClusterDown: 0, slotsRefreshInterval: 1000 };

/**
 * One place that decides how we talk to Redis.
 *
 * - `commands` (request path, scripts): no offline queue and a short command timeout, so that while
 *   Redis is down a request fails within milliseconds and the throttling outage policy decides,
 *   instead of requests piling up in memory. Reconnects forever with a short capped backoff, and at
 *   once when a request finds Redis answering again (see reconnectNow).
 * - `relay` (background loops): waits for Redis to come back instead of failing at once.
 */
export function createRedis(
  url: string,
  purpose: RedisPurpose,
  extra: RedisOptions = {},
  cluster = false,
): RedisClient {
  const common: RedisOptions = {
    lazyConnect: false,
    enableAutoPipelining: false,
    retryStrategy,
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
        ...(purpose === 'commands' ? REQUEST_PATH_CLUSTER : {}),
      })
    : new Redis(url, options);
  // Without a listener ioredis prints every reconnect error as an unhandled 'error' event; the
  // outage is reported by health checks and the throttling policy instead.
  client.on('error', () => undefined);
  if (purpose === 'commands' && client instanceof Redis) coalesceWritesPerTurn(client);
  return client;
}

/**
 * Every command the request path sends in one event-loop turn leaves in one socket write. Requests
 * that arrive together (several connections readable in one poll, or several Redis replies read at
 * once whose handlers send their next command) each send their own commands; uncorked, each is a
 * write system call of its own, and Redis reads and answers each apart, which costs Redis about as
 * much CPU as the admission script itself. Corked until the turn's `setImmediate`, they go in one
 * write and Redis reads and answers them together (bench: Redis reads per protected request 0.8 ->
 * 0.1 and Redis CPU -25%; token issuance, three commands per token: Redis CPU per token 0.21-0.23 ->
 * 0.16 ms in a probe). A command waits at most the rest of the turn, and each is still sent and
 * answered on its own. (ioredis's auto-pipelining flushes on `process.nextTick`, after every I/O
 * callback, so it never joins two requests.) A cluster client routes each command to its node's own
 * connection and is left as it is.
 */
function coalesceWritesPerTurn(client: Redis): void {
  type Stream = { cork?(): void; uncork?(): void; writable?: boolean };
  let corked: Stream | undefined;
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((...args: Parameters<Redis['sendCommand']>) => {
    const stream = (client as unknown as { stream?: Stream }).stream;
    if (!corked && stream?.cork && stream.uncork && stream.writable) {
      const held = (corked = stream);
      held.cork!();
      setImmediate(() => {
        corked = undefined;
        held.uncork!();
      });
    }
    return send(...args);
  }) as Redis['sendCommand'];
}

/** A Lua script run as a client command: EVALSHA, falling back to EVAL once after a Redis restart. */
export type ScriptCommand = (...args: (string | number)[]) => Promise<unknown>;

/**
 * `lua` as a command of `client` named `id` (defined once per client, so every caller of one id shares
 * it): EVAL would send and hash the script's text on every call.
 */
export function scriptCommand(client: RedisClient, id: string, numberOfKeys: number, lua: string): ScriptCommand {
  if (!(id in client)) client.defineCommand(id, { numberOfKeys, lua });
  return (client as unknown as Record<string, ScriptCommand>)[id].bind(client);
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
    retryStrategy,
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

/**
 * A command failed because the client is not connected: probe Redis now instead of waiting for the
 * reconnect backoff, and wait (at most `timeoutMs`) for the client to be ready again. Resolves true
 * when it is ready (the caller retries its command once), false when Redis is still away. While
 * Redis is down on a reachable host the probe is refused at once, so a request pays almost nothing.
 */
export async function reconnectNow(client: RedisClient, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return true;
  if (client.status === 'end' || client.status === 'close') return false;
  // A standalone client between attempts connects now, in place of its pending backoff timer (so one
  // chain of attempts remains, and at most one attempt is in flight: others find it 'connecting').
  // A cluster client manages its nodes itself; it is only waited for.
  if (client instanceof Redis && client.status === 'reconnecting') {
    const pending = client as unknown as { reconnectTimeout?: NodeJS.Timeout | null };
    if (pending.reconnectTimeout) {
      clearTimeout(pending.reconnectTimeout);
      pending.reconnectTimeout = null;
      client.connect().catch(() => undefined);
    }
  }
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      client.off('reconnecting', onFailed);
      client.off('end', onFailed);
      resolve(ok);
    };
    const onReady = () => done(true);
    const onFailed = () => done(false);
    const timer = setTimeout(() => done(client.status === 'ready'), timeoutMs);
    client.on('ready', onReady);
    client.on('reconnecting', onFailed);
    client.on('end', onFailed);
    if (client.status === 'ready') done(true);
  });
}
