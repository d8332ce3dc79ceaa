import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueName } from '@tollgate/queue';
import {
  dropStack,
  freePort,
  spawnApp,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { testProducts } from './support/products';
import { processEnv, testConfig } from './support/test-config';

const config = testConfig('api', { USAGE_RELAY_LEASE_MS: '2000' });
let api: RunningApi;
let queue: Queue;
const today = () => new Date().toISOString().slice(0, 10);
const call = (path: string, token: string) => http(`${api.url}/api/v1/${path}`, { headers: bearer(token) });
const report = (token: string, q: string, accept?: string) =>
  http(`${api.url}/api/v1/admin/usage?${q}`, { headers: { ...bearer(token), ...(accept ? { accept } : {}) } });
const operatorReport = (name: string, q: string) =>
  http(`${api.url}/operator/v1/accounts/${name}/usage?${q}`, { headers: operator(config) });
const total = (rows: { api: string; transactions: number; date: string }[], apiName: string, date?: string) =>
  rows.filter((r) => r.api === apiName && (!date || r.date === date)).reduce((s, r) => s + r.transactions, 0);

beforeAll(async () => {
  api = await startApi(config, testProducts);
  queue = api.app.get<Queue>(getQueueToken(QueueName.Usage));
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('exact totals', () => {
  it('counts every admitted request once, per API, token and UTC day, across a day boundary', async () => {
    const worker = await startWorker(config);
    const acct = await createAccount(api.url, config, {
      name: 'midnight',
      throttle: { limit: 1000, periodSeconds: 300 },
    });
    const now = Date.now();
    const midnight = Math.ceil(now / 86_400_000) * 86_400_000;
    // Move the API's clock (and so the admission script's) to 30 s before the next UTC midnight.
    api.clock.setOffset(midnight - 30_000 - now);
    const [t1, t2] = [await issueToken(api.url, acct), await issueToken(api.url, acct)];
    const dayBefore = new Date(midnight - 1).toISOString().slice(0, 10);
    const dayAfter = new Date(midnight).toISOString().slice(0, 10);
    try {
      await Promise.all([...Array(7)].map(() => call('alpha', t1)));
      await Promise.all([...Array(3)].map(() => call('beta', t2)));
      await Promise.all([...Array(2)].map(() => call('alpha', t2)));
      api.clock.advance(60_000);
      await Promise.all([...Array(5)].map(() => call('alpha', t1)));
      await Promise.all([...Array(4)].map(() => call('beta', t1)));
      await waitForUsageDrained(config, queue);
      const res = await report(t1, `period=day&start=${dayBefore}&end=${dayAfter}`);
      expect(res.status).toBe(200);
      const rows = res.body.usageForAccount;
      expect(total(rows, 'alpha', dayBefore)).toBe(9);
      expect(total(rows, 'beta', dayBefore)).toBe(3);
      expect(total(rows, 'alpha', dayAfter)).toBe(5);
      expect(total(rows, 'beta', dayAfter)).toBe(4);
      const byToken = (await operatorReport('midnight', `period=day&start=${dayBefore}&end=${dayAfter}`)).body
        .usageForTokens as { tokenId: string; api: string; date: string; transactions: number }[];
      const sum = (api: string, date: string) =>
        byToken
          .filter((r) => r.api === api && r.date === date)
          .map((r) => r.transactions)
          .sort();
      expect(sum('alpha', dayBefore)).toEqual([2, 7]);
      expect(sum('beta', dayAfter)).toEqual([4]);
      const months = await report(t1, `period=month&start=${dayBefore.slice(0, 7)}&end=${dayAfter.slice(0, 7)}`);
      expect(total(months.body.usageForAccount, 'alpha')).toBe(14);
      const years = await report(t1, `period=year&start=${dayBefore.slice(0, 4)}&end=${dayAfter.slice(0, 4)}`);
      expect(total(years.body.usageForAccount, 'beta')).toBe(7);
    } finally {
      api.clock.setOffset(0);
      await worker.close();
    }
  });

  it('gives the same totals with two workers at once, and records each warning once', async () => {
    const workers = [await startWorker(config), await startWorker(config)];
    try {
      const accounts: TestAccount[] = [];
      for (let i = 0; i < 3; i++)
        accounts.push(
          await createAccount(api.url, config, {
            name: `two-workers-${i}`,
            throttle: { limit: 100, periodSeconds: 300, warnAt: [0.1, 0.2] },
          }),
        );
      const tokens = await Promise.all(accounts.map((a) => issueToken(api.url, a)));
      for (let round = 0; round < 6; round++) {
        await Promise.all(tokens.flatMap((t, i) => [...Array(5 + i)].map(() => call(round % 2 ? 'alpha' : 'beta', t))));
      }
      await waitForUsageDrained(config, queue);
      for (let i = 0; i < 3; i++) {
        const rows = (await operatorReport(`two-workers-${i}`, `period=day&start=${today()}&end=${today()}`)).body
          .usageForAccount;
        expect(total(rows, 'alpha') + total(rows, 'beta')).toBe(6 * (5 + i));
      }
      const { default: mongoose } = await import('mongoose');
      const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
      try {
        const warnings = await conn
          .db!.collection('alerts')
          .find({ accountId: accounts[0].accountId, type: 'throttle.warning' })
          .toArray();
        expect(warnings.map((w) => w.threshold).sort()).toEqual([0.1, 0.2]);
      } finally {
        await conn.close();
      }
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});

describe('crashes', () => {
  it('keeps the usage of answered requests when the API process is killed with SIGKILL under load', async () => {
    const worker = await startWorker(config);
    const child = await spawnApp('api', processEnv(config), await freePort());
    try {
      const acct = await createAccount(api.url, config, {
        name: 'api-killed',
        throttle: { limit: 100000, periodSeconds: 300 },
      });
      const token = await issueToken(api.url, acct);
      let ok = 0;
      let killed = false;
      const fire = async () => {
        for (let i = 0; i < 60; i++) {
          try {
            const res = await fetch(`${child.url}/api/v1/admin/limits`, { headers: bearer(token) });
            await res.text();
            if (res.status === 200) ok++;
            if (ok >= 150 && !killed) {
              killed = true;
              child.proc.kill('SIGKILL');
            }
          } catch {
            // The process was killed under this request: an answer never came, nothing to count.
          }
        }
      };
      await Promise.all([...Array(8)].map(fire));
      expect(killed).toBe(true);
      await waitForUsageDrained(config, queue, 30_000);
      const rows = (await operatorReport('api-killed', `period=day&start=${today()}&end=${today()}`)).body
        .usageForAccount;
      const counted = total(rows, 'admin');
      // Every answered request is counted; requests cut off by the kill may or may not have been admitted.
      expect(counted).toBeGreaterThanOrEqual(ok);
      expect(counted).toBeLessThanOrEqual(ok + 8);
    } finally {
      await child.kill('SIGKILL');
      await worker.close();
    }
  });

  it('loses nothing and counts nothing twice when a worker is killed mid-batch and another starts', async () => {
    const env = processEnv(config, { WORKER_LOCK_DURATION_MS: '1500', USAGE_RELAY_INTERVAL_MS: '20' });
    const first = await spawnApp('worker', env);
    const acct = await createAccount(api.url, config, {
      name: 'worker-killed',
      throttle: { limit: 100000, periodSeconds: 300 },
    });
    const tokens = await Promise.all([...Array(4)].map(() => issueToken(api.url, acct)));
    let sent = 0;
    const load = async (rounds: number) => {
      for (let r = 0; r < rounds; r++) {
        const batch = await Promise.all(tokens.map((t, i) => call(i % 2 ? 'alpha' : 'beta', t)));
        sent += batch.filter((b) => b.status === 200).length;
      }
    };
    // Kill the worker while it holds a job (bounded: at most 5 s of looking).
    const loading = load(25);
    let sawActive = false;
    for (const deadline = Date.now() + 5000; !sawActive && Date.now() < deadline;) {
      sawActive = (await queue.getActiveCount()) > 0;
      if (!sawActive) await new Promise((r) => setTimeout(r, 2));
    }
    await first.kill('SIGKILL');
    await loading;
    await load(25);
    expect(sawActive).toBe(true);
    const second = await spawnApp('worker', env);
    try {
      await waitForUsageDrained(config, queue, 30_000);
      const rows = (await operatorReport('worker-killed', `period=day&start=${today()}&end=${today()}`)).body
        .usageForAccount;
      expect(total(rows, 'alpha') + total(rows, 'beta')).toBe(sent);
      expect(sent).toBe(200);
    } finally {
      await second.kill();
    }
  });
});

describe('the usage endpoint', () => {
  let token: string;
  beforeAll(async () => {
    const acct = await createAccount(api.url, config, {
      name: 'reporting',
      quotas: [
        { api: 'alpha', period: 'month', limit: 1000 },
        { api: 'beta', period: 'month', limit: 500 },
      ],
    });
    token = await issueToken(api.url, acct);
    const worker = await startWorker(config);
    await Promise.all([...Array(3)].map(() => call('alpha', token)));
    await waitForUsageDrained(config, queue);
    await worker.close();
  });

  it("answers InsideView's JSON shape with credits", async () => {
    const res = await report(token, `period=day&start=${today()}&end=${today()}`);
    expect(res.body).toMatchObject({ period: 'day', start: today(), end: today() });
    expect(res.body.usageForAccount).toContainEqual({ api: 'alpha', transactions: 3, credits: 3, date: today() });
    expect(res.body.creditsForAccount).toEqual([
      { month: today().slice(0, 7), allocatedCredits: 1500, consumedCredits: 3 },
    ]);
  });

  it('answers XML for Accept: application/xml', async () => {
    const res = await report(
      token,
      `period=month&start=${today().slice(0, 7)}&end=${today().slice(0, 7)}`,
      'application/xml',
    );
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    expect(res.text).toContain('<usage><accountId>');
    expect(res.text).toMatch(
      /<usageForAccount><item><api>[a-z]+<\/api><transactions>\d+<\/transactions><credits>\d+<\/credits><date>\d{4}-\d{2}<\/date><\/item>/,
    );
  });

  it('refuses every bad parameter with 400 naming it', async () => {
    const cases: [string, string][] = [
      ['', 'period'],
      ['period=week&start=2026-01-01&end=2026-01-02', 'period'],
      ['period=day&end=2026-01-02', 'start'],
      ['period=day&start=2026-01-01', 'end'],
      ['period=day&start=2026-13-01&end=2026-12-31', 'start'],
      ['period=day&start=2026-02-30&end=2026-03-01', 'start'],
      ['period=month&start=2026-01-01&end=2026-02', 'start'],
      ['period=year&start=2026&end=26', 'end'],
      ['period=day&start=2026-03-02&end=2026-03-01', 'start'],
      ['period=day&start=2024-01-01&end=2026-01-01', 'end'],
      ['period=day&start[$gt]=&end=2026-01-01', 'start'],
      ['period=day&period=month&start=2026-01-01&end=2026-01-01', 'period'],
    ];
    for (const [q, field] of cases) {
      const res = await report(token, q);
      expect(res.status, q).toBe(400);
      expect(res.body.fields[0].field, q).toBe(field);
    }
  });
});
