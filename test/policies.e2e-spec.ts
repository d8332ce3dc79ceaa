import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStateKey } from '@tollgate/access-state';
import { dropStack, freePort, spawnApp, startApi, type ChildApp, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken, operator } from './support/client';
import { processEnv, testConfig } from './support/test-config';

/**
 * Issue 16, the windows read from the account on every request: the burst window over every API and
 * a window per API, both GCRA cells (token buckets) in the admission script. Exact under concurrency over two API
 * processes (besides this test's own), refused without a lockout, refusals counted nowhere, changes
 * effective on the next request everywhere, and rebuilt from Mongo when Redis loses the account.
 */
const config = testConfig();
let api: RunningApi;
let p1: ChildApp;
let p2: ChildApp;
const limits = (base: string, token: string) => http(`${base}/api/v1/admin/limits`, { headers: bearer(token) });
const companies = (base: string, token: string) =>
  http(`${base}/api/v1/companies?pageSize=1`, { headers: bearer(token) });
const patch = (name: string, json: Record<string, unknown>) =>
  http(`${api.url}/operator/v1/accounts/${name}`, { method: 'PATCH', headers: operator(config), json });
/** n concurrent requests, alternating between the two other API processes. */
const split = (n: number, call: (base: string) => Promise<{ status: number; body: any }>) =>
  Promise.all(Array.from({ length: n }, (_, i) => call(i % 2 ? p1.url! : p2.url!)));

beforeAll(async () => {
  api = await startApi(config);
  const env = processEnv(config);
  [p1, p2] = await Promise.all([spawnApp('api', env, await freePort()), spawnApp('api', env, await freePort())]);
}, 90_000);
afterAll(async () => {
  await Promise.all([p1?.kill(), p2?.kill()]);
  await api?.close();
  await dropStack(config);
});

describe('burst window', () => {
  it('admits exactly its limit of a concurrent burst over two processes, with no lockout, and counts refusals nowhere', async () => {
    // 10 per 60 s: the bucket refills one request every 6 s, longer than the burst takes to arrive.
    const acct = await createAccount(api.url, config, {
      name: 'burst-exact',
      throttle: { limit: 1000, periodSeconds: 300, burst: { limit: 10, periodSeconds: 60 } },
    });
    const token = await issueToken(api.url, acct);
    const results = await split(60, (base) => limits(base, token));
    expect(results.filter((r) => r.status === 200)).toHaveLength(10);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(50);
    for (const r of refused) {
      expect(r.body).toMatchObject({ error: 'burst_limited' });
      expect(r.body.retryAfter).toBeGreaterThanOrEqual(1);
      expect(r.body.retryAfter).toBeLessThanOrEqual(6);
    }
    api.clock.advance(60_100);
    try {
      // The bucket is full again; no lockout was set, and the main window counted only the 10.
      const after = await limits(api.url, token);
      expect(after.status, after.text).toBe(200);
      expect(after.body.remaining).toBe(1000 - 11);
      expect(after.body.burst).toEqual({ limit: 10, periodSeconds: 60, remaining: 9 });
      expect(after.headers.get('ratelimit-policy')).toBe('"token";q=1000;w=300, "burst";q=10;w=60');
      // t: seconds until the bucket is full again (one request's worth, 6 s).
      expect(after.headers.get('ratelimit')).toMatch(/^"token";r=989;t=\d+, "burst";r=9;t=6$/);
    } finally {
      api.clock.advance(-60_100);
    }
  });

  it('refills one request every period / limit: no double burst at an edge, no window to wait out', async () => {
    // 5 per 10 s: one request every 2 s once the bucket is empty.
    const acct = await createAccount(api.url, config, {
      name: 'burst-refills',
      throttle: { limit: 1000, periodSeconds: 300, burst: { limit: 5, periodSeconds: 10 } },
    });
    const token = await issueToken(api.url, acct);
    // Clock moves are measured from the requests' real times, so a slow machine does not shift them.
    const firstAt = Date.now();
    for (let i = 0; i < 5; i++) expect((await limits(api.url, token)).status).toBe(200);
    const full = await limits(api.url, token);
    expect(full.status).toBe(429);
    expect(full.body).toMatchObject({ error: 'burst_limited', retryAfter: 2 });
    expect(full.headers.get('retry-after')).toBe('2');
    expect(full.headers.get('ratelimit-policy')).toBe('"burst";q=5;w=10');
    let moved = 0;
    const moveTo = (realAt: number) => {
      const ms = realAt - (Date.now() + moved);
      api.clock.advance(ms);
      moved += ms;
    };
    try {
      // 9 s after the burst the bucket has refilled four requests (not five: a window aligned to
      // 10 s boundaries could have opened afresh with five more at its edge).
      moveTo(firstAt + 9_000);
      for (let i = 0; i < 4; i++) expect((await limits(api.url, token)).status).toBe(200);
      const edge = await limits(api.url, token);
      expect(edge.status).toBe(429);
      expect([1, 2]).toContain(edge.body.retryAfter);
      // Idle for a whole period: full again, five fit, and no more.
      moveTo(firstAt + 40_000);
      for (let i = 0; i < 5; i++) expect((await limits(api.url, token)).status).toBe(200);
      expect((await limits(api.url, token)).status).toBe(429);
    } finally {
      api.clock.advance(-moved);
    }
  });
});

describe('per-API windows', () => {
  it('admits exactly the API window of a concurrent burst over two processes; other APIs go on', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'api-window',
      throttle: { limit: 1000, periodSeconds: 300, apis: [{ api: 'admin', limit: 7, periodSeconds: 60 }] },
    });
    const token = await issueToken(api.url, acct);
    const results = await split(40, (base) => limits(base, token));
    expect(results.filter((r) => r.status === 200)).toHaveLength(7);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(33);
    for (const r of refused) expect(r.body).toMatchObject({ error: 'api_limited', api: 'admin' });
    // Another API product is not limited by it, and its headers carry no API window.
    const other = await companies(api.url, token);
    expect(other.status, other.text).toBe(200);
    expect(other.headers.get('ratelimit-policy')).toBe('"token";q=1000;w=300');
    // The main window counted the 7 and the companies request, not the 33 refusals.
    api.clock.advance(60_100);
    try {
      const after = await limits(api.url, token);
      expect(after.status).toBe(200);
      expect(after.body.remaining).toBe(1000 - 9);
      expect(after.headers.get('ratelimit-policy')).toBe('"token";q=1000;w=300, "api:admin";q=7;w=60');
    } finally {
      api.clock.advance(-60_100);
    }
  });
});

describe('changes and losses', () => {
  it('applies a change to tokens already issued on every instance at once, and removes it with null', async () => {
    const acct = await createAccount(api.url, config, { name: 'burst-later', throttle: { limit: 1000 } });
    const token = await issueToken(api.url, acct);
    expect((await split(6, (base) => limits(base, token))).every((r) => r.status === 200)).toBe(true);
    const changed = await patch('burst-later', { throttle: { limit: 1000, burst: { limit: 2, periodSeconds: 60 } } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.throttle.burst).toEqual({ limit: 2, periodSeconds: 60 });
    const results = await split(8, (base) => limits(base, token));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(
      (await patch('burst-later', { throttle: { limit: 1000, burst: null } })).body.throttle.burst,
    ).toBeUndefined();
    expect((await split(4, (base) => limits(base, token))).every((r) => r.status === 200)).toBe(true);
  });

  it('keeps enforcing the windows after Redis lost the account (rebuilt from the record)', async () => {
    const acct = await createAccount(api.url, config, {
      name: 'burst-rebuilt',
      throttle: { limit: 1000, periodSeconds: 300, burst: { limit: 3, periodSeconds: 60 } },
    });
    const token = await issueToken(api.url, acct);
    const redis = new Redis(config.redisUrl);
    try {
      await redis.del(accountStateKey(config.redisPrefix, acct.accountId));
      const results = await split(10, (base) => limits(base, token));
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      expect(await redis.hget(accountStateKey(config.redisPrefix, acct.accountId), 'bw')).toBe('3,60000');
    } finally {
      redis.disconnect();
    }
  });

  it('refuses windows that make no sense with 400 naming the field', async () => {
    const bad = async (throttle: Record<string, unknown>, field: string) => {
      const res = await http(`${api.url}/operator/v1/accounts`, {
        method: 'POST',
        headers: operator(config),
        json: {
          name: `bad-${field.replace(/\W/g, '-').toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`,
          throttle,
        },
      });
      expect(res.status, res.text).toBe(400);
      expect(JSON.stringify(res.body), res.text).toContain(field);
    };
    await bad(
      { limit: 100, periodSeconds: 60, burst: { limit: 10, periodSeconds: 60 } },
      'throttle.burst.periodSeconds',
    );
    await bad({ limit: 100, burst: { limit: 0, periodSeconds: 1 } }, 'burst');
    await bad({ limit: 100, burst: [] }, 'burst');
    await bad({ limit: 100, apis: [{ api: 'Contacts!', limit: 5, periodSeconds: 60 }] }, 'api');
    await bad(
      {
        limit: 100,
        apis: [
          { api: 'contacts', limit: 5, periodSeconds: 60 },
          { api: 'contacts', limit: 9, periodSeconds: 60 },
        ],
      },
      'throttle.apis',
    );
  });
});
