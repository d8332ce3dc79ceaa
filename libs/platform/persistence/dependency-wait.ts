import mongoose from 'mongoose';
import { redactUrl, type TollgateConfig } from '@tollgate/config';
import { createRedis, redisReady } from './redis.factory';

/** Start-up could not reach a dependency in time. The message names it and its redacted URL. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: 'mongo' | 'redis',
    url: string,
    timeoutMs: number,
  ) {
    super(`cannot reach ${dependency} at ${redactUrl(url)} after ${Math.round(timeoutMs / 1000)} s`);
  }
}

/**
 * Bounded wait for Mongo and Redis before Nest boots: retries until `timeoutMs`, then fails with one
 * line. Nest's own module initialisation would otherwise retry forever or die with a stack trace.
 */
export async function waitForDependencies(
  config: Pick<TollgateConfig, 'mongoUrl' | 'redisUrl' | 'redisCluster' | 'startupTimeoutMs'>,
): Promise<void> {
  await Promise.all([
    waitForMongo(config.mongoUrl, config.startupTimeoutMs),
    waitForRedis(config.redisUrl, config.startupTimeoutMs, config.redisCluster),
  ]);
}

async function waitForRedis(url: string, timeoutMs: number, cluster: boolean): Promise<void> {
  const client = createRedis(
    url,
    'commands',
    { lazyConnect: true, connectTimeout: Math.min(timeoutMs, 2000) },
    cluster,
  );
  try {
    client.connect().catch(() => undefined);
    await redisReady(client, timeoutMs);
  } catch {
    throw new DependencyUnavailableError('redis', url, timeoutMs);
  } finally {
    client.disconnect();
  }
}

async function waitForMongo(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    const conn = mongoose.createConnection();
    try {
      await conn.openUri(url, { serverSelectionTimeoutMS: Math.max(200, Math.min(remaining, 2000)) });
      await conn.db!.admin().ping();
      return;
    } catch {
      if (Date.now() >= deadline) throw new DependencyUnavailableError('mongo', url, timeoutMs);
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await conn.close(true).catch(() => undefined);
    }
  }
}
