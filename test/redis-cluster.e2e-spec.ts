import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropStack, freePort, spawnApp, type ChildApp } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { TestRedisCluster } from './support/redis-cluster';
import { processEnv, testConfig } from './support/test-config';

/**
 * The product on a real three-master Redis Cluster (loopback): every key the admission script
 * touches for a request carries the account's hash tag, so the same script runs there unchanged.
 */
const config = testConfig();
let cluster: TestRedisCluster;
let api: ChildApp;
let worker: ChildApp;

beforeAll(async () => {
  cluster = await TestRedisCluster.start({ masters: 3 });
  const env = processEnv(config, { REDIS_URL: cluster.url, REDIS_CLUSTER: 'true' });
  api = await spawnApp('api', env, await freePort());
  worker = await spawnApp('worker', env);
}, 90_000);

afterAll(async () => {
  await api?.kill();
  await worker?.kill();
  // The cluster's data dies with its nodes; only the Mongo database needs dropping.
  await cluster?.stop();
  await dropStack(config, { redis: false });
});

describe('on Redis Cluster', () => {
  it('throttles, revokes and meters exactly, with accounts spread over the masters', async () => {
    // Account ids are random: add accounts (bounded) until their keys sit on at least two masters,
    // as the cluster itself reports slot ownership.
    const accounts: Awaited<ReturnType<typeof createAccount>>[] = [];
    const owners: number[] = [];
    while (accounts.length < 20 && (accounts.length < 4 || new Set(owners).size < 2)) {
      const account = await createAccount(api.url!, config, {
        name: `cluster-${accounts.length}`,
        throttle: { limit: 5, periodSeconds: 60 },
      });
      accounts.push(account);
      owners.push(await cluster.ownerOf(`{${account.accountId}}`));
    }
    expect(new Set(owners).size).toBeGreaterThan(1);
    const tokens = await Promise.all(accounts.map((a) => issueToken(api.url!, a)));
    for (const token of tokens) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    }
    // Revocation takes effect at once.
    const extra = await createAccount(api.url!, config, { name: 'cluster-revoke' });
    const token = await issueToken(api.url!, extra);
    await http(`${api.url}/oauth/revoke`, {
      method: 'POST',
      form: { token, client_id: extra.clientId, client_secret: extra.clientSecret },
    });
    expect((await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) })).status).toBe(401);
    // Usage reaches Mongo through BullMQ on the cluster: 5 admitted requests per account.
    const day = new Date().toISOString().slice(0, 10);
    let counted = -1;
    for (let i = 0; i < 100 && counted !== 5; i++) {
      const res = await http(`${api.url}/operator/v1/accounts/cluster-0/usage?period=day&start=${day}&end=${day}`, {
        headers: { 'x-operator-key': config.operatorKey },
      });
      counted = (res.body.usageForAccount as { api: string; transactions: number }[])
        .filter((r) => r.api === 'admin')
        .reduce((s, r) => s + r.transactions, 0);
      if (counted !== 5) await new Promise((r) => setTimeout(r, 100));
    }
    expect(counted).toBe(5);
  });
});
