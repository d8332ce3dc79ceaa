import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { configureApiApp, createFastifyAdapter } from '../../apps/api/api.bootstrap';
import { ApiModule, type ApiModuleOptions } from '../../apps/api/api.module';
import { WorkerModule } from '../../apps/worker/worker.module';
import { Clock } from '@tollgate/clock';
import type { TollgateConfig } from '@tollgate/config';
import { QueueName } from '@tollgate/queue';
import { UsageRelay } from '@tollgate/usage';
import { LogCapture } from './log-capture';

const ROOT = resolve(__dirname, '../..');

export interface RunningApi {
  app: NestFastifyApplication;
  url: string;
  logs: LogCapture;
  clock: Clock;
  close(): Promise<void>;
}

/** Boots the real API (the same module and Fastify setup as main.ts) on a loopback port. */
export async function startApi(config: TollgateConfig, options: ApiModuleOptions = {}): Promise<RunningApi> {
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [ApiModule.forRoot(config, { logDestination: logs, ...options })],
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureApiApp(app, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, logs, clock: app.get(Clock), close: () => app.close() };
}

export interface RunningWorker {
  app: INestApplicationContext;
  logs: LogCapture;
  clock: Clock;
  usageQueue: Queue;
  relay: UsageRelay;
  close(): Promise<void>;
}

/** Boots the real worker module (relay and processors) in this process. */
export async function startWorker(config: TollgateConfig): Promise<RunningWorker> {
  const logs = new LogCapture();
  const moduleRef = await Test.createTestingModule({
    imports: [WorkerModule.forRoot({ ...config, role: 'worker' }, { logDestination: logs })],
  }).compile();
  const app = await moduleRef.init();
  return {
    app,
    logs,
    clock: app.get(Clock),
    usageQueue: app.get<Queue>(getQueueToken(QueueName.Usage)),
    relay: app.get(UsageRelay),
    close: () => app.close(),
  };
}

export interface ChildApp {
  proc: ChildProcess;
  url?: string;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs `node dist/apps/<role>/main.js` as a real process; for the API, waits until /health/ready is
 * 200 (at most `readyTimeoutMs`: a file that starts many processes at once on a busy machine needs more).
 */
export async function spawnApp(
  role: 'api' | 'worker',
  env: NodeJS.ProcessEnv,
  port?: number,
  readyTimeoutMs = 30_000,
): Promise<ChildApp> {
  const proc = spawn(process.execPath, [resolve(ROOT, `dist/apps/${role}/main.js`)], {
    env: { ...env, ...(port ? { PORT: String(port) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  const child: ChildApp = {
    proc,
    url: port ? `http://127.0.0.1:${port}` : undefined,
    output: () => out,
    kill: async (signal = 'SIGTERM') => {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${role} exited early: ${out}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`${role} did not become ready: ${out}`);
    }
    if (role === 'worker' ? out.includes('tollgate worker: started') : await isReady(child.url!)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/ready`)).status === 200;
  } catch {
    return false;
  }
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
    srv.on('error', reject);
  });
}

/** Removes what a test file wrote: its database and its Redis keys. */
export async function dropStack(config: TollgateConfig, opts: { redis?: boolean } = {}): Promise<void> {
  const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  if (opts.redis === false) return;
  const redis = new Redis(config.redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.redisPrefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  await redis.quit();
}

/**
 * Waits until every recorded usage has reached Mongo: nothing pending in Redis for the relay and
 * the usage queue empty. Polls state instead of sleeping a fixed time; bounded.
 */
export async function waitForUsageDrained(config: TollgateConfig, queue: Queue, timeoutMs = 20_000): Promise<void> {
  const redis = new Redis(config.redisUrl);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const [dirty, events] = await Promise.all([
        redis.scan('0', 'MATCH', `${config.redisPrefix}:{*}:dirty`, 'COUNT', 10_000),
        redis.scan('0', 'MATCH', `${config.redisPrefix}:{*}:ev`, 'COUNT', 10_000),
      ]);
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      const busy = Object.values(counts).reduce((a, b) => a + b, 0);
      if (!dirty[1].length && !events[1].length && busy === 0 && dirty[0] === '0' && events[0] === '0') return;
      if (Date.now() > deadline)
        throw new Error(
          `usage not drained after ${timeoutMs} ms (dirty ${dirty[1].length}, events ${events[1].length}, jobs ${busy})`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    redis.disconnect();
  }
}
