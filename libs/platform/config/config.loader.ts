import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AppRole, LogLevel, RedisFailurePolicy, TollgateConfig } from './config.types';

/** Thrown with every bad variable named; `main.ts` prints `message` as one line and exits. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const POLICIES: RedisFailurePolicy[] = ['fail-closed', 'fail-open'];

/**
 * Reads and validates the environment of one process. Collects every problem before failing so an
 * operator fixes a deployment in one go rather than one variable per restart.
 */
export function loadConfig(
  env: Env,
  role: AppRole,
  opts: { localDir?: string; announce?: (line: string) => void } = {},
): TollgateConfig {
  const problems: string[] = [];
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const localDir = opts.localDir ?? resolve(process.cwd(), '.local');

  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return def;
    }
    return Number(raw);
  };
  const signedInt = (name: string, def: number, bound: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!/^-?\d+$/.test(raw) || Math.abs(Number(raw)) > bound) {
      problems.push(`${name} must be an integer from ${-bound} to ${bound} (got "${raw}")`);
      return def;
    }
    return Number(raw);
  };
  const url = (name: string, def: string | undefined, protocols: string[]): string => {
    const raw = env[name] || def;
    if (!raw) {
      problems.push(`${name} is required`);
      return '';
    }
    try {
      const { parsed, otherHosts } = parseUrl(raw);
      if (!protocols.includes(parsed.protocol))
        problems.push(`${name} must use ${protocols.join(' or ')} (got ${redactUrl(raw)})`);
      if (otherHosts.some((h) => !HOST_PORT.test(h)))
        problems.push(`${name} has a host list that is not host[:port],... (got ${redactUrl(raw)})`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const oneOf = <T extends string>(name: string, def: T, allowed: T[]): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!allowed.includes(raw as T)) {
      problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}")`);
      return def;
    }
    return raw as T;
  };
  // Secrets: required in production; generated once per checkout for local runs so a developer never
  // has to invent one, and stored under .local/ (gitignored) so restarts keep working tokens.
  const secret = (name: string, file: string): string => {
    const raw = env[name];
    if (raw) {
      if (raw.length < 16) problems.push(`${name} must be at least 16 characters`);
      return raw;
    }
    if (production) {
      problems.push(`${name} is required when NODE_ENV=production`);
      return '';
    }
    const path = resolve(localDir, file);
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
    const value = randomBytes(32).toString('base64url');
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, value + '\n', { mode: 0o600 });
    opts.announce?.(`${name} not set: generated one and stored it in ${path}`);
    return value;
  };

  const port = int('PORT', 3000, 1, 65535);
  const workerPortRaw = env.WORKER_PORT;
  const workerPort = workerPortRaw ? int('WORKER_PORT', 0, 1, 65535) : undefined;
  // The URL clients reach the API at: the issuer and endpoints of discovery, OpenAPI's server and
  // tokenUrl. Locally it is the address the stack prints (127.0.0.1, not `localhost`: strict OAuth
  // clients compare the issuer with the URL they fetched discovery from, byte for byte). In
  // production only the operator knows it (a proxy, TLS, a domain), so the API requires it there.
  if (production && role === 'api' && !env.PUBLIC_URL) problems.push('PUBLIC_URL is required when NODE_ENV=production');
  const publicUrl = url('PUBLIC_URL', `http://127.0.0.1:${port}`, ['http:', 'https:']).replace(/\/+$/, '');
  const config: TollgateConfig = {
    role,
    nodeEnv,
    port,
    host: env.HOST || (production ? '0.0.0.0' : '127.0.0.1'),
    workerPort,
    publicUrl,
    mongoUrl: url('MONGO_URL', undefined, ['mongodb:', 'mongodb+srv:']),
    redisUrl: url('REDIS_URL', undefined, ['redis:', 'rediss:']),
    redisCluster: oneOf('REDIS_CLUSTER', 'false', ['true', 'false']) === 'true',
    redisPrefix: env.REDIS_PREFIX || 'tg',
    operatorKey: secret('OPERATOR_KEY', 'operator-key'),
    secretPepper: secret('SECRET_PEPPER', 'secret-pepper'),
    logLevel: oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    redisFailurePolicy: oneOf('THROTTLE_REDIS_FAILURE', 'fail-closed', POLICIES),
    startupTimeoutMs: int('STARTUP_TIMEOUT_MS', 10_000, 100, 600_000),
    relayIntervalMs: int('USAGE_RELAY_INTERVAL_MS', 100, 10, 60_000),
    sweepIntervalMs: int('USAGE_SWEEP_INTERVAL_MS', 30_000, 100, 3_600_000),
    relayLeaseMs: int('USAGE_RELAY_LEASE_MS', 30_000, 100, 3_600_000),
    workerConcurrency: int('WORKER_CONCURRENCY', 8, 1, 256),
    workerLockDurationMs: int('WORKER_LOCK_DURATION_MS', 30_000, 500, 3_600_000),
    // Honoured outside production only: a moved clock in production would corrupt periods and days.
    clockOffsetMs: production ? 0 : signedInt('CLOCK_OFFSET_MS', 0, 10 * 365 * 86_400_000),
    allowPrivateWebhooks: oneOf('ALLOW_PRIVATE_WEBHOOKS', 'false', ['true', 'false']) === 'true',
    webhookTimeoutMs: int('WEBHOOK_TIMEOUT_MS', 5000, 100, 60_000),
    webhookBackoffMs: int('WEBHOOK_BACKOFF_MS', 1000, 10, 3_600_000),
    tokenRetentionDays: int('TOKEN_RETENTION_DAYS', 30, 0, 3650),
    tokenPurgeIntervalMs: int('TOKEN_PURGE_INTERVAL_MS', 3_600_000, 1000, 86_400_000),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 100 * 1024, 1024, 50 * 1024 * 1024),
    requestTimeoutMs: int('REQUEST_TIMEOUT_MS', 30_000, 1000, 600_000),
    headersTimeoutMs: int('HEADERS_TIMEOUT_MS', 10_000, 1000, 600_000),
    authFailureLimit: int('AUTH_FAILURE_LIMIT', 20, 1, 1_000_000),
    auditRetentionDays: int('AUDIT_RETENTION_DAYS', 400, 1, 36_500),
  };
  if (config.headersTimeoutMs > config.requestTimeoutMs)
    problems.push(
      `HEADERS_TIMEOUT_MS (${config.headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${config.requestTimeoutMs})`,
    );
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(config.redisPrefix))
    problems.push('REDIS_PREFIX must be 1-32 of A-Z a-z 0-9 _ . -');
  if (problems.length) throw new ConfigError(problems);
  return config;
}

const HOST_PORT = /^(?:[A-Za-z0-9_.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const SEED_LIST = /^(mongodb:\/\/(?:[^@/?#]*@)?)([^/?#]*)/;

/**
 * A replica set's seed list (`mongodb://user:pw@a:27017,b:27017/db?replicaSet=rs0`, what managed
 * MongoDB services hand out) is not a WHATWG URL, which has one host: it is parsed with its first
 * host, which is enough to check the scheme, credentials and options, and the other hosts are
 * returned for a check of their own.
 */
function parseUrl(raw: string): { parsed: URL; otherHosts: string[] } {
  const hosts = SEED_LIST.exec(raw)?.[2].split(',') ?? [];
  if (hosts.length < 2) return { parsed: new URL(raw), otherHosts: [] };
  return { parsed: new URL(raw.replace(SEED_LIST, (_, head: string) => head + hosts[0])), otherHosts: hosts.slice(1) };
}

/** Hides the password of a connection URL so it can be logged. */
export function redactUrl(raw: string): string {
  try {
    const { parsed, otherHosts } = parseUrl(raw);
    if (parsed.password) parsed.password = '***';
    if (!otherHosts.length) return parsed.toString();
    // Put the seed list back as it was given.
    const [, head] = SEED_LIST.exec(parsed.toString())!;
    return parsed.toString().replace(SEED_LIST, () => head + [parsed.host, ...otherHosts].join(','));
  } catch {
    return '<unparseable url>';
  }
}
