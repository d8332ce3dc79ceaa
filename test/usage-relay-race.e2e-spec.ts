import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountStateKey } from '@tollgate/credentials';
import { usageDirtyKey, usageEventsKey, usageKeyPrefix } from '@tollgate/usage';
import { ACK_LUA, SNAPSHOT_LUA } from '../libs/usage/usage-relay.lua';
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
    const p = config.redisPrefix;
    const keys = [usageDirtyKey(p, acct.accountId), usageEventsKey(p, acct.accountId), accountStateKey(p, acct.accountId)];
    const snapshot = async () => JSON.parse((await redis.eval(SNAPSHOT_LUA, 3, ...keys, usageKeyPrefix(p, acct.accountId), 500)) as string) as { days: [string, string, string[]][] };
    const ack = (snap: { days: [string, string, string[]][] }) => redis.eval(ACK_LUA, 2, keys[0], keys[1], ...snap.days.flatMap(([d, v]) => [d, String(v)]), '--');

    await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });
    const slow = await snapshot(); // relay A
    const fast = await snapshot(); // relay B, same data
    await ack(fast); // B ships and clears the mark
    await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) }); // a new request marks the day again
    await ack(slow); // A's late acknowledgement of the older snapshot
    const day = slow.days[0][0];
    expect(await redis.hexists(keys[0], day)).toBe(1);
  });
});
