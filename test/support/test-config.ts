import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type TollgateConfig } from '@tollgate/config';

/**
 * A config for one test file: its own Mongo database and Redis key prefix, so files run in parallel
 * against the same servers without seeing each other's data.
 */
export function testConfig(role: 'api' | 'worker' = 'api', env: Record<string, string> = {}): TollgateConfig {
  const { redisUrl, mongoUrl } = inject('services');
  const id = randomBytes(5).toString('hex');
  const mongo = new URL(mongoUrl);
  mongo.pathname = `/tg_test_${id}`;
  return loadConfig(
    {
      NODE_ENV: 'test',
      REDIS_URL: redisUrl,
      MONGO_URL: mongo.toString(),
      REDIS_PREFIX: `t${id}`,
      OPERATOR_KEY: `operator-key-${id}-for-tests`,
      SECRET_PEPPER: `pepper-${id}-for-tests-only`,
      LOG_LEVEL: 'info',
      USAGE_RELAY_INTERVAL_MS: '50',
      USAGE_SWEEP_INTERVAL_MS: '2000',
      USAGE_RELAY_LEASE_MS: '3000',
      // A job left active by a worker that stopped is re-delivered after its lock expires: keep that
      // short in tests (30 s in production).
      WORKER_LOCK_DURATION_MS: '2000',
      ...env,
    },
    role,
  );
}

/** The same stack for another process (worker, second API): same database and prefix. */
export function sibling(config: TollgateConfig, role: 'api' | 'worker'): TollgateConfig {
  return { ...config, role };
}

/** Environment for a child process running `dist/apps/<role>/main.js` against the same stack. */
export function processEnv(config: TollgateConfig, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    MONGO_URL: config.mongoUrl,
    REDIS_URL: config.redisUrl,
    REDIS_PREFIX: config.redisPrefix,
    OPERATOR_KEY: config.operatorKey,
    SECRET_PEPPER: config.secretPepper,
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    USAGE_RELAY_INTERVAL_MS: String(config.relayIntervalMs),
    USAGE_SWEEP_INTERVAL_MS: String(config.sweepIntervalMs),
    USAGE_RELAY_LEASE_MS: String(config.relayLeaseMs),
    ...extra,
  };
}
