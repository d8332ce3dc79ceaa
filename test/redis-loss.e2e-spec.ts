import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TollgateConfig } from '@tollgate/config';
import { dropStack, freePort, spawnApp, type ChildApp } from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { TestRedisServer } from './support/redis-server';
import { processEnv, testConfig } from './support/test-config';

/**
 * Redis killed and restarted EMPTY (as a restart without persistence, a flush, or a failover to a
 * replica that had nothing would leave it) under bounded load, with two API processes and a worker.
 * Afterwards nothing Redis enforced may be undone (revocations, disabling, revoke-all, a used-up
 * hard quota), and the usage report keeps what it had plus everything admitted after the restart.
 */
const LOAD_WORKERS = 4;
const MAX_REQUESTS = 20_000;

type Sample = { startedAt: number; status: number; counted: boolean };

interface Scenario {
  config: TollgateConfig;
  server: TestRedisServer;
  apis: ChildApp[];
  worker: ChildApp;
}

const limits = (base: string, token: string) => http(`${base}/api/v1/admin/limits`, { headers: bearer(token) });
const today = () => new Date().toISOString().slice(0, 10);
const adminUsage = async (base: string, config: TollgateConfig, name: string) => {
  const res = await http(`${base}/operator/v1/accounts/${name}/usage?period=day&start=${today()}&end=${today()}`, {
    headers: operator(config),
  });
  expect(res.status).toBe(200);
  return (res.body.usageForAccount as { api: string; transactions: number }[])
    .filter((r) => r.api === 'admin')
    .reduce((s, r) => s + r.transactions, 0);
};
const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

async function start(policy: 'fail-closed' | 'fail-open'): Promise<Scenario> {
  const server = await TestRedisServer.start();
  const config = { ...testConfig('api', { THROTTLE_REDIS_FAILURE: policy }), redisUrl: server.url };
  const env = processEnv(config, { THROTTLE_REDIS_FAILURE: policy });
  const started: ChildApp[] = [];
  const spawned = (p: Promise<ChildApp>) => p.then((app) => (started.push(app), app));
  try {
    const [a, b] = await Promise.all([
      spawned(spawnApp('api', env, await freePort())),
      spawned(spawnApp('api', env, await freePort())),
    ]);
    const worker = await spawned(spawnApp('worker', env));
    return { config, server, apis: [a, b], worker };
  } catch (err) {
    // Nothing of a failed start outlives the test: processes, this file's Redis, its database.
    await Promise.all(started.map((app) => app.kill()));
    await server.stop();
    await dropStack(config, { redis: false });
    throw err;
  }
}

async function stop(s: Scenario | undefined): Promise<void> {
  if (!s) return;
  await Promise.all([...s.apis.map((a) => a.kill()), s.worker.kill()]);
  await s.server.stop();
  await dropStack(s.config, { redis: false });
}

/** Bounded load (time and count) on both APIs: records when each request started and how it ended. */
function load(apis: ChildApp[], tokens: string[]) {
  const samples: Sample[] = [];
  let stopped = false;
  const loops = Array.from({ length: LOAD_WORKERS }, async (_, w) => {
    for (let i = 0; !stopped && samples.length < MAX_REQUESTS; i++) {
      const startedAt = Date.now();
      try {
        const res = await limits(apis[(i + w) % apis.length].url!, tokens[(i + w) % tokens.length]);
        // An admission counted by the script carries the rate-limit fields; a fail-open admit does not.
        samples.push({
          startedAt,
          status: res.status,
          counted: res.status === 200 && res.headers.get('ratelimit') !== null,
        });
      } catch {
        samples.push({ startedAt, status: 0, counted: false });
      }
    }
  });
  return {
    samples,
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** The accounts whose refusals must survive, set up and checked before the loss. */
async function refusals(s: Scenario) {
  const [p1, p2] = s.apis.map((a) => a.url!);
  const c = s.config;
  const revoked = await createAccount(p1, c, { name: 'loss-revoked' });
  const disabled = await createAccount(p1, c, { name: 'loss-disabled' });
  const revokeAll = await createAccount(p1, c, { name: 'loss-revoke-all' });
  const quota = await createAccount(p1, c, {
    name: 'loss-quota',
    tokenTtlSeconds: 86_400,
    quotas: [{ api: 'admin', period: 'day', limit: 20 }],
  });
  const tokens = {
    revoked: await issueToken(p1, revoked),
    disabled: await issueToken(p1, disabled),
    revokeAll: await issueToken(p1, revokeAll),
    quota: await issueToken(p1, quota),
  };
  // Every token is used on both APIs first, so both have it in their principal cache.
  for (const t of Object.values(tokens)) for (const p of [p1, p2]) expect((await limits(p, t)).status).toBe(200);
  expect(
    (
      await http(`${p1}/oauth/revoke`, {
        method: 'POST',
        form: { token: tokens.revoked, client_id: revoked.clientId, client_secret: revoked.clientSecret },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await http(`${p1}/operator/v1/accounts/loss-disabled`, {
        method: 'PATCH',
        headers: operator(c),
        json: { status: 'disabled' },
      })
    ).status,
  ).toBe(200);
  expect(
    (await http(`${p1}/operator/v1/accounts/loss-revoke-all/tokens/revoke`, { method: 'POST', headers: operator(c) }))
      .status,
  ).toBeLessThan(300);
  for (let i = 2; i < 20; i++) expect((await limits(i % 2 ? p1 : p2, tokens.quota)).status).toBe(200);
  const refusedBefore = await expectRefused(s, tokens);
  // The used-up quota must be in the record (Mongo) before the loss: that is what it is rebuilt from.
  await until('the quota usage to reach the report', async () => (await adminUsage(p1, c, 'loss-quota')) === 20);
  return { tokens, refusedBefore, accounts: { revoked, disabled, revokeAll, quota } };
}

async function expectRefused(s: Scenario, tokens: Record<'revoked' | 'disabled' | 'revokeAll' | 'quota', string>) {
  const out: Record<string, number[]> = {};
  // A 503 means "not rebuilt yet" (allowed briefly); anything else is the answer.
  const settled = async (base: string, token: string) => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const status = (await limits(base, token)).status;
      if (status !== 503 || Date.now() > deadline) return status;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  for (const [name, token] of Object.entries(tokens))
    out[name] = await Promise.all(s.apis.map((a) => settled(a.url!, token)));
  expect(out).toEqual({ revoked: [401, 401], disabled: [401, 401], revokeAll: [401, 401], quota: [429, 429] });
  return out;
}

for (const policy of ['fail-closed', 'fail-open'] as const) {
  describe(`Redis restarted empty under load (${policy})`, () => {
    let s: Scenario | undefined;
    beforeAll(async () => {
      s = await start(policy);
    }, 90_000);
    afterAll(async () => stop(s), 60_000);

    it('keeps every refusal, the used-up quota and the usage report; counts everything admitted after the restart', async () => {
      const { config, server, apis } = s!;
      const p1 = apis[0].url!;
      const { tokens } = await refusals(s!);
      const busy: TestAccount = await createAccount(p1, config, {
        name: 'loss-busy',
        tokenTtlSeconds: 3600,
        throttle: { limit: 1_000_000, periodSeconds: 300 },
      });
      const busyTokens = [await issueToken(p1, busy), await issueToken(p1, busy)];
      const traffic = load(apis, busyTokens);
      let reportBefore = 0;
      let restartedAt = 0;
      try {
        await until('usage of the load in the report', async () => (await adminUsage(p1, config, 'loss-busy')) >= 200);
        reportBefore = await adminUsage(p1, config, 'loss-busy');
        await server.kill();
        await new Promise((r) => setTimeout(r, 1000));
        await server.restart();
        restartedAt = Date.now();
        // Load after the restart until enough of it was admitted (bounded: 20 s).
        await until(
          'load admitted after the restart',
          async () => traffic.samples.filter((x) => x.startedAt >= restartedAt && x.counted).length >= 100,
          20_000,
        );
      } finally {
        await traffic.stop();
      }
      const after = traffic.samples.filter((x) => x.startedAt >= restartedAt);
      const admittedAfter = after.filter((x) => x.status === 200);
      const countedAfter = after.filter((x) => x.counted).length;
      expect(traffic.samples.filter((x) => x.status >= 500 && x.status !== 503)).toEqual([]);
      expect(countedAfter).toBeGreaterThan(100);
      // Admitted after Redis returned but not counted: none, whatever the policy.
      expect(admittedAfter.length - countedAfter).toBe(0);

      // Nothing the record refuses is admitted again, on either API (both had the tokens cached).
      await expectRefused(s!, tokens);

      // The report: what it had before the loss, plus everything admitted after the restart.
      let reportAfter = 0;
      await until(
        'the usage after the restart to reach the report',
        async () => (reportAfter = await adminUsage(p1, config, 'loss-busy')) >= reportBefore + countedAfter,
      );
      expect(reportAfter).toBeGreaterThanOrEqual(reportBefore + countedAfter);
      // And never more than was admitted and counted in all.
      expect(reportAfter).toBeLessThanOrEqual(traffic.samples.filter((x) => x.counted).length);

      // Each detected loss is a log line and a metric.
      const output = apis.map((a) => a.output()).join('\n');
      expect(output).toContain('redis had lost this account access state; rebuilt it from the record');
      const metrics = await Promise.all(
        apis.map(async (a) => (await http(`${a.url}/metrics`, { headers: operator(config) })).text),
      );
      const rebuilds = metrics
        .map((m) => Number(/^tollgate_access_state_rebuilds_total (\d+)/m.exec(m)?.[1] ?? 0))
        .reduce((x, y) => x + y, 0);
      // The five accounts of this test, each rebuilt by exactly one of the two processes.
      expect(rebuilds).toBe(5);
      expect(apis.every((a) => a.proc.exitCode === null) && s!.worker.proc.exitCode === null).toBe(true);
    });
  });
}
