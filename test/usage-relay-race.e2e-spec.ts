import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessScripts, usageDirtyKey } from '@tollgate/access-state';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

/**
 * Two relays may hold one account at once (a registration makes a leased account due again). A
 * late acknowledgement from the slower one must never clear a mark that a newer request set.
 */
const config = testConfig();
let api: RunningApi;
let redis: Redis;

beforeAll(async () => {
  api = await startApi(config);
  redis = new Redis(config.redisUrl);
});
afterAll(async () => {
  redis?.disconnect();
  await api?.close();
  await dropStack(config);
});

describe('usage relay acknowledgements', () => {
  it('a stale acknowledgement keeps the mark of a request that came after it', async () => {
    const acct = await createAccount(api.url, config, { name: 'relay-race' });
    const token = await issueToken(api.url, acct);
    const scripts = new AccessScripts(redis, config.redisPrefix);
    const ack = async (jobId: string) => {
      const snap = await scripts.usageSnapshot(acct.accountId, 500);
      return () =>
        scripts.usageAck(acct.accountId, { jobId, marks: snap.days.map((d) => [d.field, d.version]), eventIds: [] });
    };

    await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });
    const slow = await ack('slow'); // relay A
    const fast = await ack('fast'); // relay B, same data
    await fast(); // B ships and clears the mark
    await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) }); // a new request marks the day again
    await slow(); // A's late acknowledgement of the older snapshot
    expect(await redis.hlen(usageDirtyKey(config.redisPrefix, acct.accountId))).toBe(1);
  });
});
