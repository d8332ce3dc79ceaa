import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStateKey } from '@tollgate/access-state';
import { QueueName } from '@tollgate/queue';
import {
  dropStack,
  freePort,
  spawnApp,
  startApi,
  startWorker,
  waitForUsageDrained,
  type ChildApp,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * Issue 16, request costs, monthly credits and hourly quotas: every decision inside the one admission
 * script, exact under concurrency over two API processes (besides this test's own), refusals counted
 * nowhere, usage reported with credits and by hour, and the allocation surviving a Redis that lost
 * the account. A company lookup costs 1 credit (the default), a companies list 5 (`@Cost(5)`), and the
 * account's own routes (`/api/v1/admin/*`: limits, usage, alerts) none.
 */
const config = testConfig();
let api: RunningApi;
let p1: ChildApp;
let p2: ChildApp;
let worker: RunningWorker;
let queue: Queue;
let companyId: string;
/** Costs 1 credit. */
const lookup = (base: string, token: string) =>
  http(`${base}/api/v1/companies/${companyId}`, { headers: bearer(token) });
/** Costs 5 credits. */
const list = (base: string, token: string) => http(`${base}/api/v1/companies?pageSize=1`, { headers: bearer(token) });
const usage = (token: string, query: string) =>
  http(`${api.url}/api/v1/admin/usage?${query}`, { headers: bearer(token) });
const alerts = async (token: string) =>
  (await http(`${api.url}/api/v1/admin/alerts`, { headers: bearer(token) })).body.items as {
    type: string;
    threshold: number;
    count: number;
    limit: number;
    period: string;
  }[];
const month = (at = Date.now()) => new Date(at).toISOString().slice(0, 7);
const hour = (at = Date.now()) => new Date(at).toISOString().slice(0, 13);
/** Requests (cost 1 and 5 alternating), each on the other API process in turn. */
const mixed = (n: number, token: string) =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const base = i % 2 ? p1.url! : p2.url!;
      const cost = i % 4 < 2 ? 1 : 5;
      return { cost, res: await (cost === 1 ? lookup(base, token) : list(base, token)) };
    }),
  );

beforeAll(async () => {
  api = await startApi(config);
  queue = api.app.get<Queue>(getQueueToken(QueueName.Usage));
  worker = await startWorker(config);
  const env = processEnv(config);
  [p1, p2] = await Promise.all([spawnApp('api', env, await freePort()), spawnApp('api', env, await freePort())]);
  // One company for the lookups (the test stack starts with none).
  const probe = await createAccount(api.url, config, { name: 'credits-probe', scopes: ['data:read', 'data:write'] });
  const created = await http(`${api.url}/api/v1/companies`, {
    method: 'POST',
    headers: bearer(await issueToken(api.url, probe)),
    json: { name: 'Credits Probe', domain: `credits-${Date.now()}.example` },
  });
  if (created.status !== 201) throw new Error(`company not created: ${created.text}`);
  companyId = created.body.id;
}, 90_000);
afterAll(async () => {
  await Promise.all([p1?.kill(), p2?.kill()]);
  await worker?.close();
  await api?.close();
  await dropStack(config);
});

describe('monthly credits, hard', () => {
  it('spends exactly the allocation under concurrent requests costing 1 and 5 over two processes', async () => {
    const acct = await createAccount(api.url, config, { name: 'credits-exact', credits: { monthly: 50 } });
    const token = await issueToken(api.url, acct);
    // 90 credits asked for, 50 allocated.
    const results = await mixed(36, token);
    const admitted = results.filter((r) => r.res.status === 200);
    const refused = results.filter((r) => r.res.status !== 200);
    const spent = admitted.reduce((s, r) => s + r.cost, 0);
    expect(spent).toBeLessThanOrEqual(50);
    for (const r of refused) {
      expect(r.res.status, r.res.text).toBe(429);
      expect(r.res.body).toMatchObject({ error: 'credits_exhausted', cost: r.cost });
      expect(r.res.body.resetAt).toBe(`${nextMonth(month())}-01T00:00:00.000Z`);
      expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Whatever order the requests ran in, no admissible one was refused: once a 1-credit request was
    // refused, everything was spent.
    if (refused.some((r) => r.cost === 1)) expect(spent).toBe(50);
    const left = 50 - spent;
    // What is left is exactly what the script says is left: a request of 1 fits while anything is.
    for (let i = 0; i < left; i++) expect((await lookup(api.url, token)).status).toBe(200);
    const last = await lookup(api.url, token);
    expect(last.status).toBe(429);
    expect(last.body).toMatchObject({ error: 'credits_exhausted', remaining: 0, cost: 1 });
    await waitForUsageDrained(config, queue);
    const report = await usage(token, `period=month&start=${month()}&end=${month()}`);
    expect(report.status, report.text).toBe(200);
    expect(report.body.creditsForAccount).toEqual([{ month: month(), allocatedCredits: 50, consumedCredits: 50 }]);
    // Refused requests counted nowhere: the transactions are the admitted requests alone.
    expect(report.body.usageForAccount).toContainEqual({
      api: 'companies',
      transactions: admitted.length + left,
      credits: 50,
      date: month(),
    });
  });

  it('refuses a request costing more than what is left, while cheaper ones go on; alerts once each', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'credits-left',
      credits: { monthly: 7, enforce: 'hard', warnAt: [0.8] },
    });
    const token = await issueToken(api.url, acct);
    const first = await list(api.url, token);
    expect(first.status).toBe(200);
    // The allocation is a policy of its own in the rate-limit fields: 7 a month, 2 left.
    const monthSeconds = (Date.parse(`${nextMonth(month())}-01`) - Date.parse(`${month()}-01`)) / 1000;
    expect(first.headers.get('ratelimit-policy')).toBe(`"token";q=1000;w=300, "credits";q=7;w=${monthSeconds}`);
    expect(first.headers.get('ratelimit')).toMatch(/^"token";r=999;t=\d+, "credits";r=2;t=\d+$/);
    const tooDear = await list(api.url, token);
    expect(tooDear.status).toBe(429);
    expect(tooDear.body).toMatchObject({ error: 'credits_exhausted', remaining: 2, cost: 5 });
    expect((await lookup(api.url, token)).status).toBe(200);
    expect((await lookup(api.url, token)).status).toBe(200);
    expect((await lookup(api.url, token)).status).toBe(429);
    await waitForUsageDrained(config, queue);
    const found = (await alerts(token)).map((a) => `${a.type}@${a.threshold}:${a.count}/${a.limit}:${a.period}`);
    // 0.8 of 7 is 5.6: crossed by the sixth credit; exhausted at the seventh.
    expect(found.sort()).toEqual([`credits.exhausted@1:7/7:${month()}`, `credits.warning@0.8:6/7:${month()}`]);
    const report = await usage(token, `period=day&start=${today()}&end=${today()}`);
    expect(report.body.usageForAccount).toContainEqual({
      api: 'companies',
      transactions: 3,
      credits: 7,
      date: today(),
    });
  });

  it('renews at the next UTC month', async () => {
    const acct = await createAccount(api.url, config, { name: 'credits-renew', credits: { monthly: 1 } });
    const token = await issueToken(api.url, acct);
    expect((await lookup(api.url, token)).status).toBe(200);
    const refused = await lookup(api.url, token);
    expect(refused.status).toBe(429);
    api.clock.setOffset(Date.parse(refused.body.resetAt) - Date.now() + 1000);
    try {
      // The token has expired by then (an hour's lifetime): a new one, same account.
      const later = await issueToken(api.url, acct);
      expect((await lookup(api.url, later)).status).toBe(200);
      expect((await lookup(api.url, later)).status).toBe(429);
    } finally {
      api.clock.setOffset(0);
    }
  });

  it('keeps what was spent after Redis lost the account (rebuilt from the usage record)', async () => {
    const acct = await createAccount(api.url, config, { name: 'credits-rebuilt', credits: { monthly: 12 } });
    const token = await issueToken(api.url, acct);
    expect((await list(api.url, token)).status).toBe(200);
    expect((await list(api.url, token)).status).toBe(200);
    await waitForUsageDrained(config, queue);
    const redis = new Redis(config.redisUrl);
    try {
      await redis.del(accountStateKey(config.redisPrefix, acct.accountId));
      // 10 spent before the loss: 2 left, whichever process rebuilds.
      const results = await Promise.all([p1, p2, p1, p2].map((p) => lookup(p.url!, token)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(2);
      expect(results.filter((r) => r.status === 429)).toHaveLength(2);
    } finally {
      redis.disconnect();
    }
  });
});

describe('monthly credits, alert only', () => {
  it('never refuses; the warnings and the crossing are raised once each', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'credits-alert',
      credits: { monthly: 20, enforce: 'alert', warnAt: [0.5, 0.9] },
    });
    const token = await issueToken(api.url, acct);
    const results = await mixed(12, token);
    expect(results.every((r) => r.res.status === 200)).toBe(true);
    await waitForUsageDrained(config, queue);
    expect((await alerts(token)).map((a) => `${a.type}@${a.threshold}`).sort()).toEqual([
      'credits.exhausted@1',
      'credits.warning@0.5',
      'credits.warning@0.9',
    ]);
    const report = await usage(token, `period=month&start=${month()}&end=${month()}`);
    // 6 requests of 1 and 6 of 5.
    expect(report.body.creditsForAccount).toEqual([{ month: month(), allocatedCredits: 20, consumedCredits: 36 }]);
  });
});

describe('hourly quotas', () => {
  it('admit exactly the limit over two processes, refuse until the hour ends, and report by hour', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'hourly-quota',
      tokenTtlSeconds: 3 * 3600,
      quotas: [{ api: 'companies', period: 'hour', limit: 12 }],
    });
    const token = await issueToken(api.url, acct);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => lookup(i % 2 ? p1.url! : p2.url!, token)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(12);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(28);
    const resetAt = Date.parse(refused[0].body.resetAt);
    expect(refused[0].body).toMatchObject({ error: 'quota_exceeded', api: 'companies', period: 'hour' });
    expect(refused[0].headers.get('ratelimit-policy')).toBe('"quota:companies:hour";q=12;w=3600');
    expect(refused[0].headers.get('ratelimit')).toMatch(/^"quota:companies:hour";r=0;t=\d+$/);
    const admitted = results.filter((r) => r.status === 200).map((r) => r.headers.get('ratelimit'));
    // Each admitted request saw what was left after it: 11 down to 0, each once.
    expect(
      admitted.map((h) => Number(/"quota:companies:hour";r=(\d+)/.exec(h ?? '')?.[1])).sort((a, b) => a - b),
    ).toEqual([...Array(12).keys()]);
    expect(resetAt % 3_600_000).toBe(0);
    expect(resetAt - Date.now()).toBeLessThanOrEqual(3_600_000);
    // Other APIs are not limited by it.
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(200);
    const first = hour();
    api.clock.setOffset(resetAt - Date.now() + 1000);
    let second = '';
    try {
      second = hour(api.clock.now());
      // The hour has rolled over (on this process's clock): counting starts again.
      for (let i = 0; i < 3; i++) expect((await lookup(api.url, token)).status).toBe(200);
    } finally {
      api.clock.setOffset(0);
    }
    await waitForUsageDrained(config, queue);
    const report = await usage(token, `period=hour&start=${first}&end=${second}`);
    expect(report.status, report.text).toBe(200);
    // The account's own routes spend no credits.
    expect(report.body.usageForAccount).toEqual([
      { api: 'admin', transactions: 1, credits: 0, date: first },
      { api: 'companies', transactions: 12, credits: 12, date: first },
      { api: 'companies', transactions: 3, credits: 3, date: second },
    ]);
  });

  it('refuse bad hourly report ranges with 400 naming the parameter', async () => {
    const acct = await createAccount(api.url, config, { name: 'hourly-report' });
    const token = await issueToken(api.url, acct);
    const long = await usage(token, 'period=hour&start=2026-11-01T00&end=2026-11-03T00');
    expect(long.status).toBe(400);
    expect(long.body.fields[0].field).toBe('end');
    const malformed = await usage(token, 'period=hour&start=2026-11-01&end=2026-11-01');
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields[0].field).toBe('start');
  });
});

describe('policy validation', () => {
  it('refuses bad credit allocations with 400 naming the field, and removes one with null', async () => {
    const bad = async (credits: unknown, field: string) => {
      const res = await http(`${api.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(config),
        json: { name: `bad-credits-${Math.random().toString(36).slice(2, 8)}`, credits },
      });
      expect(res.status, res.text).toBe(400);
      expect(JSON.stringify(res.body.fields), res.text).toContain(field);
    };
    await bad({ monthly: 0 }, 'credits.monthly');
    await bad({ monthly: 10, enforce: 'soft' }, 'credits.enforce');
    await bad({ monthly: 10, warnAt: [2] }, 'credits.warnAt');
    await bad([10], 'credits');
    await bad({ monthly: 10, period: 'hour' }, 'credits');
    const acct = await createAccount(api.url, config, { name: 'credits-removed', credits: { monthly: 1 } });
    const token = await issueToken(api.url, acct);
    expect((await lookup(api.url, token)).status).toBe(200);
    expect((await lookup(api.url, token)).status).toBe(429);
    const removed = await http(`${api.url}/operator/v1/accounts/credits-removed`, {
      method: 'PATCH',
      headers: operator(config),
      json: { credits: null },
    });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.credits).toBeUndefined();
    // Effective at once, on every process.
    expect((await lookup(p1.url!, token)).status).toBe(200);
    expect((await lookup(p2.url!, token)).status).toBe(200);
  });
});

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function nextMonth(m: string): string {
  const [y, mm] = m.split('-').map(Number);
  return mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
}
