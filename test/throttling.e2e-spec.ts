import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropStack,
  freePort,
  spawnApp,
  startApi,
  startWorker,
  waitForUsageDrained,
  type ChildApp,
  type RunningApi,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { processEnv, testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;
const limits = (base: string, token: string) => http(`${base}/api/v1/admin/limits`, { headers: bearer(token) });

beforeAll(async () => {
  api = await startApi(config);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('per-token limits and lockouts', () => {
  it('admits `limit` requests per period, then 429 with Retry-After and rate-limit fields', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'limit-five',
      throttle: { limit: 5, periodSeconds: 60, lockoutSeconds: 120 },
    });
    const token = await issueToken(api.url, acct);
    for (let i = 1; i <= 5; i++) {
      const res = await limits(api.url, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('ratelimit-policy')).toBe('"token";q=5;w=60');
      expect(res.headers.get('ratelimit')).toMatch(new RegExp(`^"token";r=${5 - i};t=(59|60)$`));
      expect(res.body.remaining).toBe(5 - i);
    }
    const refused = await limits(api.url, token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('120');
    expect(refused.headers.get('ratelimit')).toBe('"token";r=0;t=120');
    expect(refused.body).toMatchObject({ error: 'throttled', scope: 'account', retryAfter: 120 });
    expect(Date.parse(refused.body.lockedUntil)).toBeGreaterThan(Date.now() + 110_000);
    // Refused requests do not count and do not extend the lockout.
    for (let i = 0; i < 3; i++) expect((await limits(api.url, token)).status).toBe(429);
    api.clock.advance(121_000);
    try {
      const after = await limits(api.url, token);
      expect(after.status).toBe(200);
      expect(after.body.remaining).toBe(4);
    } finally {
      api.clock.advance(-121_000);
    }
  });

  it('locks every token of the account by default, only the offender with scope token', async () => {
    const shared = await createAccount(api.url, config, {
      name: 'scope-account',
      throttle: { limit: 2, periodSeconds: 60 },
    });
    const [a, b] = [await issueToken(api.url, shared), await issueToken(api.url, shared)];
    await limits(api.url, a);
    await limits(api.url, a);
    expect((await limits(api.url, a)).status).toBe(429);
    const other = await limits(api.url, b);
    expect(other.status).toBe(429);
    expect(other.body.scope).toBe('account');

    const solo = await createAccount(api.url, config, {
      name: 'scope-token',
      throttle: { limit: 2, periodSeconds: 60, scope: 'token' },
    });
    const [c, d] = [await issueToken(api.url, solo), await issueToken(api.url, solo)];
    await limits(api.url, c);
    await limits(api.url, c);
    const locked = await limits(api.url, c);
    expect([locked.status, locked.body.scope]).toEqual([429, 'token']);
    expect((await limits(api.url, d)).status).toBe(200);
  });

  it('starts a new period from zero when the period ends', async () => {
    const acct = await createAccount(api.url, config, { name: 'periods', throttle: { limit: 3, periodSeconds: 10 } });
    const token = await issueToken(api.url, acct);
    await limits(api.url, token);
    await limits(api.url, token);
    api.clock.advance(10_001);
    try {
      const res = await limits(api.url, token);
      expect(res.body.remaining).toBe(2);
    } finally {
      api.clock.advance(-10_001);
    }
  });

  it('lifts lockouts at once through the operator unlock', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'unlockable',
      throttle: { limit: 1, periodSeconds: 300 },
    });
    const token = await issueToken(api.url, acct);
    await limits(api.url, token);
    expect((await limits(api.url, token)).status).toBe(429);
    expect((await http(`${api.url}/operator/v1/accounts/unlockable/unlock`, { method: 'POST' })).status).toBe(401);
    const unlocked = await http(`${api.url}/operator/v1/accounts/unlockable/unlock`, {
      method: 'POST',
      headers: operator(config),
    });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.lifted).toBe(1);
    expect((await limits(api.url, token)).status).toBe(200);
  });
});

describe('warnings', () => {
  it('warns in a header and records each threshold exactly once per period', async () => {
    const worker = await startWorker(config);
    try {
      const acct = await createAccount(api.url, config, {
        name: 'warned',
        throttle: { limit: 10, periodSeconds: 60, warnAt: [0.5, 0.8] },
      });
      const token = await issueToken(api.url, acct);
      const headers: (string | null)[] = [];
      for (let i = 0; i < 10; i++)
        headers.push((await limits(api.url, token)).headers.get('tollgate-throttle-warning'));
      expect(headers.slice(0, 4)).toEqual([null, null, null, null]);
      expect(headers[4]).toBe('0.5; remaining=5');
      expect(headers[7]).toBe('0.8; remaining=2');
      expect(headers[9]).toBe('0.8; remaining=0');
      expect((await limits(api.url, token)).status).toBe(429);
      await http(`${api.url}/operator/v1/accounts/warned/unlock`, { method: 'POST', headers: operator(config) });
      for (let i = 0; i < 6; i++) await limits(api.url, token);
      await waitForUsageDrained(config, worker.usageQueue);
      const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
      try {
        const alerts = await conn
          .db!.collection('alerts')
          .find({ accountId: acct.accountId })
          .sort({ at: 1 })
          .toArray();
        expect(alerts.map((a) => `${a.type}@${a.threshold}`)).toEqual([
          'throttle.warning@0.5',
          'throttle.warning@0.8',
          'throttle.lockout@1',
          'throttle.warning@0.5',
        ]);
      } finally {
        await conn.close();
      }
    } finally {
      await worker.close();
    }
  });
});

describe('exactness across API processes', () => {
  it('admits exactly `limit` of a concurrent burst split over two processes', async () => {
    const env = processEnv(config);
    const [p1, p2] = await Promise.all([
      spawnApp('api', env, await freePort()),
      spawnApp('api', env, await freePort()),
    ]);
    try {
      const limit = 60;
      const acct = await createAccount(api.url, config, { name: 'burst', throttle: { limit, periodSeconds: 300 } });
      const token = await issueToken(api.url, acct);
      const burst = await Promise.all(
        Array.from({ length: 5 * limit }, (_, i) => limits(i % 2 ? p1.url! : p2.url!, token)),
      );
      const statuses = burst.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(limit);
      expect(statuses.filter((s) => s === 429)).toHaveLength(4 * limit);
    } finally {
      await Promise.all([p1.kill(), p2.kill()]);
    }
  });
});

describe('Redis outage', () => {
  let redisProc: ChildProcess | undefined;
  let redisPort: number;
  const dir = mkdtempSync(join(tmpdir(), 'tg-redis-'));

  const startRedis = async () => {
    redisProc = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 100; i++) {
      const net = await import('node:net');
      const up = await new Promise<boolean>((r) => {
        const s = net.connect(redisPort, '127.0.0.1', () => (s.end(), r(true)));
        s.on('error', () => r(false));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis did not start');
  };
  const stopRedis = async () => {
    const p = redisProc!;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    redisPort = await freePort();
    await startRedis();
  });
  afterAll(async () => {
    if (redisProc && redisProc.exitCode === null) await stopRedis();
  });

  for (const policy of ['fail-closed', 'fail-open'] as const) {
    it(`${policy}: ${policy === 'fail-closed' ? '503' : 'admits'} while Redis is down and recovers by itself`, async () => {
      const own = {
        ...testConfig('api', { THROTTLE_REDIS_FAILURE: policy }),
        redisUrl: `redis://127.0.0.1:${redisPort}`,
      };
      const child: ChildApp = await spawnApp(
        'api',
        processEnv(own, { THROTTLE_REDIS_FAILURE: policy }),
        await freePort(),
      );
      try {
        const acct = await createAccount(child.url!, own, { name: `outage-${policy}` });
        const token = await issueToken(child.url!, acct);
        expect((await limits(child.url!, token)).status).toBe(200);
        await stopRedis();
        const during = await limits(child.url!, token);
        if (policy === 'fail-closed') {
          expect(during.status).toBe(503);
          expect(during.body.error).toBe('throttling_unavailable');
          expect(during.headers.get('retry-after')).toBe('1');
        } else {
          expect(during.status).toBe(200);
          expect(during.headers.get('ratelimit')).toBeNull();
        }
        expect((await http(`${child.url}/health/ready`)).status).toBe(503);
        await startRedis();
        let back = 0;
        for (let i = 0; i < 100 && back !== 200; i++) {
          back = (await limits(child.url!, token)).status;
          if (back !== 200) await new Promise((r) => setTimeout(r, 100));
        }
        expect(back).toBe(200);
        expect(child.proc.exitCode).toBeNull();
      } finally {
        await child.kill();
        await dropStack(own).catch(() => undefined);
      }
    });
  }
});
