import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { BenchProcess, freePort } from './bench-process';
import { settings } from './bench-settings';
import type { ThrottlePolicy } from './stack-client';

/**
 * The servers under test and their shared environment: one Mongo database (`tollgate_bench`) and one
 * Redis key prefix (`tgbench`) for the whole bench, so it never touches the tests' data, and a clean
 * slate before and after. Paths are relative to the compiled bench in .local/bench/dist/bench.
 */

export const ROOT = resolve(__dirname, '../../../..');
export const DIST = resolve(__dirname, '..');
export const OUT_DIR = join(ROOT, '.local/bench');
export const LOG_DIR = join(OUT_DIR, 'logs');

/** The trivial protected route: bearer guard and admission script (one Redis call), no Mongo. */
export const ROUTE = '/api/v1/admin/limits';
/** The same answer from the bench apps (bench/apps): no guard, and the baseline's guards. */
export const BARE_ROUTE = '/api/v1/bench/bare';
export const BASELINE_ROUTE = '/api/v1/bench/baseline';
/** The API's maximum throttle limit: with a one-day period no bench run comes near it. */
export const NEVER_TRIPS = { limit: 10_000_000, periodSeconds: 86_400 };
/** The API product the protected route belongs to (its controller's `@ApiProduct`). */
export const ROUTE_API = 'admin';

/**
 * The `protected-policies` account (issue 16): every policy the admission script decides switched on,
 * none of them ever refusing in a bench run, so that its throughput beside the default policy's is
 * the price of the policies themselves.
 *
 * The burst and API windows are GCRA cells (one arrival time per window in the token's hash), at the
 * API's maximum limits (1,000,000 per window), which the bench's rate stays far below (a 1 s window
 * would need 1,000,000 req/s on one token): each is computed and written on every request, none
 * refuses.
 * The quota and the credit allocation are hard, so the script compares them on every request, with
 * limits no run reaches. The limits route costs no credits (an account's own admin routes are free):
 * the script still reads the month's spend, compares it and checks the warnings, and records the
 * cost's difference from one (a cost-1 route would record nothing more). The allow list holds the
 * loopback addresses the load comes from, so every request is checked against it and admitted.
 */
const BURST = { limit: 1_000_000, periodSeconds: 1 };
const API_WINDOWS = [{ api: ROUTE_API, limit: 1_000_000, periodSeconds: 60 }];
const QUOTAS = [{ api: ROUTE_API, period: 'day', limit: 1_000_000_000_000, enforce: 'hard', warnAt: [0.8] }];
const ALLOWED_IPS = ['127.0.0.0/8', '::1/128'];
const CREDITS = { monthly: 1_000_000_000_000, enforce: 'hard', warnAt: [0.8] };

export const EVERY_POLICY = {
  throttle: { ...NEVER_TRIPS, burst: BURST, apis: API_WINDOWS },
  quotas: QUOTAS,
  allowedIps: ALLOWED_IPS,
  credits: CREDITS,
};

/**
 * One policy at a time on the default one, to tell where the every-policy run's cost goes. Run only
 * when BENCH_TARGETS names them (each adds a target to every round).
 */
export const SINGLE_POLICIES: Record<string, { throttle: ThrottlePolicy } & Record<string, unknown>> = {
  'protected-burst': { throttle: { ...NEVER_TRIPS, burst: BURST } },
  'protected-api-window': { throttle: { ...NEVER_TRIPS, apis: API_WINDOWS } },
  'protected-quota': { throttle: NEVER_TRIPS, quotas: QUOTAS },
  'protected-allow-list': { throttle: NEVER_TRIPS, allowedIps: ALLOWED_IPS },
  'protected-credits': { throttle: NEVER_TRIPS, credits: CREDITS },
};

export const OPERATOR_KEY = `bench-operator-${randomBytes(12).toString('hex')}`;
const SECRET_PEPPER = `bench-pepper-${randomBytes(12).toString('hex')}`;
const REDIS_PREFIX = 'tgbench';
/** The earlier build's servers (BENCH_BEFORE) keep their Redis state apart: its scripts may differ. */
export const BEFORE_REDIS_PREFIX = 'tgbenchb';
/** Where scripts/bench.sh compiled the BENCH_BEFORE ref's apps and libs (with the working tree's bench/). */
export const BEFORE_DIST = process.env.BENCH_BEFORE_DIST || undefined;
export const BEFORE_REF = process.env.BENCH_BEFORE || undefined;

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set; run the bench with npm run bench`);
  return v;
}

function mongoUrl(): string {
  const url = new URL(required('MONGO_URL'));
  url.pathname = '/tollgate_bench';
  return url.toString();
}

/** Production settings, loopback only, explicit secrets (so nothing is generated under .local/). */
function stackEnv(port?: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    MONGO_URL: mongoUrl(),
    REDIS_URL: required('REDIS_URL'),
    REDIS_PREFIX,
    OPERATOR_KEY,
    SECRET_PEPPER,
    LOG_LEVEL: settings.logLevel,
    ...(port ? { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...extra,
  };
}

export interface Server {
  proc: BenchProcess;
  url: string;
}

/** The real API, `dist/apps/api/main.js`, ready when /health/ready says so. */
export async function startApi(name: string, dist = DIST, redisPrefix = REDIS_PREFIX): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await BenchProcess.start(
    name,
    join(dist, 'apps/api/main.js'),
    stackEnv(port, { REDIS_PREFIX: redisPrefix }),
    { http: `${url}/health/ready`, status: 200 },
    LOG_DIR,
  );
  return { proc, url };
}

/** The real API app plus a bench route (bench/apps): `bare` or `baseline`. */
export async function startBenchApp(
  kind: 'bare' | 'baseline',
  name: string = kind,
  dist = DIST,
  redisPrefix = REDIS_PREFIX,
): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = await BenchProcess.start(
    name,
    join(dist, 'bench/apps/main.js'),
    stackEnv(port, { BENCH_APP: kind, REDIS_PREFIX: redisPrefix }),
    { logLine: `bench ${kind}: listening` },
    LOG_DIR,
  );
  return { proc, url };
}

/** A token a peer app accepts (its in-process map), and whose it is. */
export interface PeerToken {
  token: string;
  accountId: string;
  tokenId: string;
}

/** A peer stack's app (bench/peers/<stack>-peer.ts): its plain, protected and exactness routes. */
export async function startPeer(stack: string, name: string, tokens: PeerToken[]): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = stackEnv(port, { PEER_TOKENS: JSON.stringify(tokens), PEER_BURST_LIMIT: String(settings.burstLimit) });
  const proc = await BenchProcess.start(
    name,
    join(DIST, `bench/peers/${stack}-peer.js`),
    env,
    { logLine: `peer ${stack}: listening` },
    LOG_DIR,
  );
  return { proc, url };
}

/** The real worker, `dist/apps/worker/main.js` (relay and processors, no HTTP port). */
export function startWorker(name: string): Promise<BenchProcess> {
  return BenchProcess.start(
    name,
    join(DIST, 'apps/worker/main.js'),
    stackEnv(),
    { logLine: 'tollgate worker: started' },
    LOG_DIR,
  );
}

/** `npm run seed` against the bench database (the sample dataset and its read model); its output. */
export async function runSeed(): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [join(DIST, 'apps/seed/main.js')],
      { env: stackEnv(undefined, { PUBLIC_URL: 'http://127.0.0.1' }), timeout: 300_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`seed failed: ${err.message} ${stderr}`));
        else resolvePromise(stdout);
      },
    );
  });
}

/** Drops the bench database and deletes the bench's Redis keys (before a run, after it, and after an aborted one). */
export async function cleanStack(): Promise<void> {
  const conn = await mongoose.createConnection(mongoUrl()).asPromise();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  const redis = new Redis(required('REDIS_URL'));
  try {
    for (const prefix of [REDIS_PREFIX, BEFORE_REDIS_PREFIX]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

/** The baseline keeps SHA-256 hashes of its tokens in its own collection, as a typical app does. */
export async function seedBaselineToken(): Promise<string> {
  const token = `bl_${randomBytes(32).toString('base64url')}`;
  const conn = await mongoose.createConnection(mongoUrl()).asPromise();
  try {
    await conn.collection('baseline_tokens').insertOne({
      tokenHash: createHash('sha256').update(token).digest('hex'),
      accountId: 'acc_baseline',
      scopes: [],
      expiresAt: new Date(Date.now() + 3_600_000),
    });
  } finally {
    await conn.close();
  }
  return token;
}

export async function redisVersion(): Promise<string> {
  const redis = new Redis(required('REDIS_URL'));
  try {
    return /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A sanity check before load: a run against a route that answers 401 would measure nothing. */
export async function expectStatus(
  url: string,
  headers: Record<string, string>,
  status: number,
  what: string,
): Promise<void> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== status)
    throw new Error(`${what}: expected ${status} from ${url}, got ${res.status} ${text.slice(0, 300)}`);
}

/**
 * The check before the every-policy run: a 200 whose rate-limit fields name the burst and API
 * windows, the quota and the credits (so the script ran them), from an account the operator API says
 * holds them and the allow list. Without it a policy the API dropped would make the run measure the
 * default policy.
 */
export async function expectEveryPolicy(url: string, token: string, account: Record<string, unknown>): Promise<void> {
  // Compared by count and kind: the API stores addresses normalised (`::1/128` as `::1`).
  const quotas = (account.quotas ?? []) as { api?: string; enforce?: string }[];
  const ips = (account.allowedIps ?? []) as string[];
  const credits = account.credits as { monthly?: number; enforce?: string } | undefined;
  if (
    !quotas.some((q) => q.api === ROUTE_API && q.enforce === 'hard') ||
    ips.length !== EVERY_POLICY.allowedIps.length ||
    credits?.monthly !== EVERY_POLICY.credits.monthly ||
    credits.enforce !== 'hard'
  )
    throw new Error(
      `every-policy account: quota, allow list or credits not as set: ${JSON.stringify({ quotas, ips, credits })}`,
    );
  const res = await fetch(url, { headers: bearer(token) });
  await res.arrayBuffer();
  const policy = res.headers.get('ratelimit-policy') ?? '';
  for (const name of ['"token"', '"burst"', `"api:${ROUTE_API}"`, `"quota:${ROUTE_API}:day"`, '"credits"'])
    if (res.status !== 200 || !policy.includes(name))
      throw new Error(
        `every-policy route: expected 200 naming ${name} in RateLimit-Policy, got ${res.status} "${policy}"`,
      );
}
