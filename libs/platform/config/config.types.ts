export type AppRole = 'api' | 'worker' | 'cli' | 'seed';
export type RedisFailurePolicy = 'fail-closed' | 'fail-open';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The validated, typed settings of one process. Built once at start-up by `loadConfig`. */
export interface TollgateConfig {
  role: AppRole;
  nodeEnv: string;
  port: number;
  /** Listening address: loopback by default outside production, all interfaces in production. */
  host: string;
  /** Worker health/metrics port; undefined means the worker opens no HTTP port. */
  workerPort?: number;
  publicUrl: string;
  mongoUrl: string;
  redisUrl: string;
  /** REDIS_URL is a seed node of a Redis Cluster. */
  redisCluster: boolean;
  /** Prefix of every Redis key we own, BullMQ's included; lets several stacks or test files share one Redis. */
  redisPrefix: string;
  operatorKey: string;
  /** Server-side key for HMAC of client secrets and access tokens. */
  secretPepper: string;
  logLevel: LogLevel;
  redisFailurePolicy: RedisFailurePolicy;
  /** How long start-up waits for Mongo and Redis before giving up. */
  startupTimeoutMs: number;
  /** How often the worker's relay moves recorded usage from Redis into the queue. */
  relayIntervalMs: number;
  /** How often the worker scans Redis for usage no process has registered (after a crash). */
  sweepIntervalMs: number;
  /** Lease an account's relay claim holds before another worker may take it over. */
  relayLeaseMs: number;
  /** Concurrency of each BullMQ worker. */
  workerConcurrency: number;
  /**
   * How long a worker holds a job's lock; a job whose worker died is re-delivered once it expires and
   * a stalled-job check (run as often) finds it. Tests of worker crashes shorten it.
   */
  workerLockDurationMs: number;
  /** Offset added to the product's clock (Redis TIME and Date.now); tests move time with it. Always 0 in production. */
  clockOffsetMs: number;
  /** Deliver alert webhooks to loopback, link-local and private addresses (off by default: SSRF). */
  allowPrivateWebhooks: boolean;
  /** Timeout of one webhook delivery attempt. */
  webhookTimeoutMs: number;
  /** First retry delay of a failed webhook delivery (exponential backoff). */
  webhookBackoffMs: number;
  /** How long records of expired or revoked tokens are kept before the worker deletes them. */
  tokenRetentionDays: number;
  /** How often the worker purges ended tokens. */
  tokenPurgeIntervalMs: number;
  /** Body size limit for every route, in bytes. */
  bodyLimitBytes: number;
  /**
   * A request (headers and body) must arrive whole within this time, and a connection silent for
   * this long is closed: a body trickled a byte at a time cannot hold a socket open.
   */
  requestTimeoutMs: number;
  /** The request line and headers must arrive within this time (at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** Failed authentications one client address may make per minute before it gets 429 `too_many_failures`. */
  authFailureLimit: number;
  /** How long audit log entries are kept before the worker deletes them. */
  auditRetentionDays: number;
}
