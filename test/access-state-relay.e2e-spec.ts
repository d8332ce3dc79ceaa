import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageService } from '@tollgate/usage';
import {
  dropStack,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { testConfig } from './support/test-config';

/**
 * While an account's usage job waits (here: the queue is paused, as when every attempt fails during
 * a store outage), the relay adds no more jobs for it: newer totals and events coalesce in Redis and
 * go in the next job. Nothing is lost or counted twice, and every event reaches the record.
 */
const config = testConfig();
let api: RunningApi;
let worker: RunningWorker;

beforeAll(async () => {
  api = await startApi(config);
  worker = await startWorker(config);
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
  await dropStack(config);
});

describe('usage relay while the queue does not move', () => {
  it('keeps one job per account in the queue and ships everything once it moves again', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'coalesced',
      throttle: { limit: 40, periodSeconds: 300, warnAt: [0.25, 0.5, 0.75] },
    });
    const token = await issueToken(api.url, acct);
    await worker.usageQueue.pause();
    let maxJobs = 0;
    try {
      for (let i = 0; i < 30; i++) {
        expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(200);
        await new Promise((r) => setTimeout(r, 50)); // 1.5 s of traffic: about 30 relay ticks
        const counts = await worker.usageQueue.getJobCounts('waiting', 'delayed', 'prioritized', 'active');
        maxJobs = Math.max(
          maxJobs,
          Object.values(counts).reduce((a, b) => a + b, 0),
        );
      }
    } finally {
      await worker.usageQueue.resume();
    }
    expect(maxJobs).toBe(1);
    await waitForUsageDrained(config, worker.usageQueue);
    const day = new Date().toISOString().slice(0, 10);
    const report = await http(`${api.url}/operator/v1/accounts/coalesced/usage?period=day&start=${day}&end=${day}`, {
      headers: operator(config),
    });
    expect(report.body.usageForAccount).toEqual([{ api: 'admin', transactions: 30, credits: 0, date: day }]); // the account's own routes cost nothing
    const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    try {
      const alerts = await conn.db!.collection('alerts').find({ accountId: acct.accountId }).toArray();
      expect(alerts.map((a) => a.threshold).sort()).toEqual([0.25, 0.5, 0.75]);
    } finally {
      await conn.close();
    }
  });

  it('stores a snapshot with more (day, API, token) totals than the store has connections, in bounded writes', async () => {
    // The local store (FerretDB 1.24 on SQLite) holds a connection per statement of a bulkWrite and
    // has 100: one write of 150 statements never returned. Chunked, it completes.
    const acct = await createAccount(api.url, config, { name: 'many-tokens' });
    const day = new Date().toISOString().slice(0, 10);
    const tokens = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`tok_${i}`, 1 + (i % 3)]));
    const total = Object.values(tokens).reduce((a, b) => a + b, 0);
    const usage = worker.app.get(UsageService);
    const applied = usage.applyTotals(
      acct.accountId,
      [{ epoch: 'e1', day, apis: { admin: total }, tokens: { admin: tokens } }],
      [{ epoch: 'e1', month: day.slice(0, 7), apis: { admin: total } }],
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise(
      (_, reject) => (timer = setTimeout(() => reject(new Error('applyTotals did not return within 20 s')), 20_000)),
    );
    try {
      await Promise.race([applied, deadline]);
    } finally {
      clearTimeout(timer);
    }
    const report = await http(`${api.url}/operator/v1/accounts/many-tokens/usage?period=day&start=${day}&end=${day}`, {
      headers: operator(config),
    });
    expect(report.body.usageForAccount).toEqual([{ api: 'admin', transactions: total, credits: total, date: day }]);
    expect(report.body.usageForTokens).toHaveLength(150);
  });

  it('inserts totals first seen and updates existing ones with $max, whichever worker stored them before', async () => {
    const acct = await createAccount(api.url, config, { name: 'insert-first' });
    const day = new Date().toISOString().slice(0, 10);
    const apply = (svc: UsageService, tokens: Record<string, number>) =>
      svc.applyTotals(
        acct.accountId,
        [
          {
            epoch: 'e1',
            day,
            apis: { admin: Object.values(tokens).reduce((a, b) => a + b, 0) },
            tokens: { admin: tokens },
          },
        ],
        [],
      );
    const first = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`tok_${i}`, 5]));
    await apply(worker.app.get(UsageService), first);
    // Another worker (which has stored nothing itself): lower totals for some tokens, higher for others, new tokens too.
    const other = await startWorker(config);
    try {
      const second = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`tok_${i}`, i < 30 ? 3 : 7]));
      await apply(other.app.get(UsageService), second);
    } finally {
      await other.close();
    }
    await apply(worker.app.get(UsageService), first); // a redelivered job: changes nothing
    const report = await http(`${api.url}/operator/v1/accounts/insert-first/usage?period=day&start=${day}&end=${day}`, {
      headers: operator(config),
    });
    const perToken = Object.fromEntries(
      (report.body.usageForTokens as { tokenId: string; transactions: number }[]).map((t) => [
        t.tokenId,
        t.transactions,
      ]),
    );
    expect(Object.keys(perToken)).toHaveLength(90);
    expect([
      perToken.tok_0,
      perToken.tok_29,
      perToken.tok_30,
      perToken.tok_59,
      perToken.tok_60,
      perToken.tok_89,
    ]).toEqual([5, 5, 7, 7, 7, 7]);
    expect(report.body.usageForAccount).toEqual([
      // The largest running total sent (jobs without credits: one per request).
      { api: 'admin', transactions: 30 * 3 + 60 * 7, credits: 30 * 3 + 60 * 7, date: day },
    ]);
  });
});
