import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis, redisReady, type RedisClient } from '@tollgate/persistence';
import { testConfig } from './support/test-config';

/**
 * The request-path client sends every command of one event-loop turn in one socket write (see
 * `createRedis`): counted on the client's socket (its `_write`/`_writev` calls, one per write system
 * call), since Redis's own read counters also count every other test's traffic.
 */
const config = testConfig();
let commands: RedisClient;
let relay: RedisClient;

type Socket = { _write: (...a: unknown[]) => unknown; _writev?: (...a: unknown[]) => unknown };

/** The socket writes while `count` GETs, all sent in one turn, are answered. */
async function writesFor(client: RedisClient, count: number): Promise<number> {
  const socket = (client as unknown as { stream: Socket }).stream;
  const write = socket._write;
  const writev = socket._writev;
  let writes = 0;
  socket._write = (...a) => (writes++, write.apply(socket, a));
  if (writev) socket._writev = (...a) => (writes++, writev.apply(socket, a));
  try {
    await Promise.all(Array.from({ length: count }, (_, i) => client.get(`${config.redisPrefix}:coalescing:${i}`)));
  } finally {
    socket._write = write;
    if (writev) socket._writev = writev;
  }
  return writes;
}

beforeAll(async () => {
  commands = createRedis(config.redisUrl, 'commands');
  relay = createRedis(config.redisUrl, 'relay');
  await Promise.all([redisReady(commands, 5_000), redisReady(relay, 5_000)]);
});
afterAll(async () => {
  commands?.disconnect();
  relay?.disconnect();
});

describe('the request-path Redis client', () => {
  it('sends the commands of one event-loop turn in one write, answered each on its own', async () => {
    await commands.set(`${config.redisPrefix}:coalescing:3`, 'three');
    const values = await Promise.all([0, 1, 2, 3].map((i) => commands.get(`${config.redisPrefix}:coalescing:${i}`)));
    expect(values).toEqual([null, null, null, 'three']);
    expect(await writesFor(commands, 50)).toBe(1);
    // A reconnect gives the client a new socket: coalesced the same way (the wrapper reads the
    // current one), and nothing left corked on the old one holds a command back.
    const ready = new Promise((resolve) => commands.once('ready', resolve));
    (commands as { disconnect(reconnect?: boolean): void }).disconnect(true);
    await ready;
    expect(await writesFor(commands, 50)).toBe(1);
    expect(await commands.get(`${config.redisPrefix}:coalescing:3`)).toBe('three');
    // The background client is left as it is: a write per command (Node joins writes only while
    // one is still in flight, which a plain-TCP write to loopback never is; the tests' Redis URL is one).
    expect(await writesFor(relay, 50)).toBeGreaterThan(10);
  });
});
