import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessStateEvents, AccessStateStore, accountStateKey } from '@tollgate/access-state';
import { Clock } from '@tollgate/clock';
import type { TollgateConfig } from '@tollgate/config';
import { TestRedisServer } from './support/redis-server';

/**
 * A security write waits for a replica when the account's node has one (WAIT), so a failover to
 * that replica cannot undo it; one that no replica acknowledged in time is reported, not hidden.
 */
const P = 'tr';
let master: TestRedisServer;
let replica: TestRedisServer;
let primary: Redis;
let secondary: Redis;
const shortfalls: string[] = [];
let pid = 0;
let store: AccessStateStore;

beforeAll(async () => {
  master = await TestRedisServer.start();
  replica = await TestRedisServer.start(['--replicaof', '127.0.0.1', String(master.port)]);
  primary = new Redis(master.url);
  secondary = new Redis(replica.url);
  for (let i = 0; i < 200 && !/slave0:.*state=online/.test(await primary.info('replication')); i++)
    await new Promise((r) => setTimeout(r, 50));
  const events = new AccessStateEvents();
  events.onReplicaShortfall((accountId) => shortfalls.push(accountId));
  store = new AccessStateStore(
    primary,
    { redisPrefix: P } as TollgateConfig,
    new Clock(),
    { record: async () => undefined, current: async () => [] } as never,
    events,
  );
});
afterAll(async () => {
  primary?.disconnect();
  secondary?.disconnect();
  // A replica left stopped by a failed assertion is resumed before it is killed.
  if (replica?.running && pid > 0) process.kill(pid, 'SIGCONT');
  await replica?.stop();
  await master?.stop();
});

describe('security writes with a replica', () => {
  it('return once the replica has them', async () => {
    expect(/connected_slaves:1/.test(await primary.info('replication'))).toBe(true);
    await store.setDisabled('acc_r1', true);
    // Read from the replica right away: the write is there, because the store waited for it.
    expect(await secondary.hget(accountStateKey(P, 'acc_r1'), 'disabled')).toBe('1');
    expect(shortfalls).toEqual([]);
  });

  it('report a write no replica acknowledged in time', async () => {
    pid = Number(/process_id:(\d+)/.exec(await secondary.info('server'))![1]);
    secondary.disconnect();
    process.kill(pid, 'SIGSTOP');
    try {
      const started = Date.now();
      await store.revokeToken('acc_r2', 'tok_x', new Date(Date.now() + 60_000));
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(shortfalls).toEqual(['acc_r2']);
      // The master has it: the request path enforces it; only a failover in this window could lose it.
      expect(await primary.hget(`${P}:{acc_r2}:t:tok_x`, 'revoked')).toBe('1');
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  });
});
