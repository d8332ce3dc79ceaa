import { getConnectionToken } from '@nestjs/mongoose';
import { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { ChangeFeed } from '@tollgate/persistence';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

/**
 * The data lists' heads are kept in each API process and dropped by the change feed (Redis pub/sub)
 * whenever any process changes a list: two API processes on one store, a write on one, the list read
 * on the other at once. Store reads are counted with mongoose's per-connection debug hook.
 */
const config = testConfig();
let a: RunningApi;
let b: RunningApi;
let token: string;
const headReads = { a: 0, b: 0 };

const list = (api: RunningApi, query: string) =>
  http(`${api.url}/api/v1/companies?${query}`, { headers: bearer(token) });
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name).sort();
const countHeadReads = (api: RunningApi, key: 'a' | 'b') =>
  api.app.get<Connection>(getConnectionToken()).set('debug', (collection: string, method: string) => {
    if (collection === 'list_heads' && method === 'findOne') headReads[key]++;
  });
const feedOf = (api: RunningApi) => api.app.get(ChangeFeed);
async function until(what: string, ok: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  a = await startApi(config, { imports: [CompaniesModule] });
  b = await startApi(config, { imports: [CompaniesModule] });
  const account = await createAccount(a.url, config, { name: 'lists-cache', scopes: ['data:read', 'data:write'] });
  token = await issueToken(a.url, account);
  countHeadReads(a, 'a');
  countHeadReads(b, 'b');
  await until('both change feeds live', () => feedOf(a).isLive && feedOf(b).isLive);
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await dropStack(config);
});

describe('data lists kept in process', () => {
  it('serves a repeated page with no store read', async () => {
    expect((await list(b, 'name=qzx')).body.total).toBe(0);
    const before = headReads.b;
    for (let i = 0; i < 5; i++) expect((await list(b, 'name=qzx')).status).toBe(200);
    expect(headReads.b).toBe(before);
  });

  it('shows a write made on one process in the next read on the other, for create, replace and delete', async () => {
    expect(names(await list(b, 'name=qzx'))).toEqual([]);
    const created = await http(`${a.url}/api/v1/companies`, {
      method: 'POST',
      headers: bearer(token),
      json: { name: 'Qzx Analytics', domain: `qzx-${Date.now()}.example` },
    });
    expect(created.status).toBe(201);
    expect(names(await list(b, 'name=qzx'))).toEqual(['Qzx Analytics']);
    expect((await list(b, 'name=qzx')).body.total).toBe(1);

    expect(names(await list(a, 'name=qzx'))).toEqual(['Qzx Analytics']);
    const replaced = await http(`${b.url}/api/v1/companies/${created.body.id}`, {
      method: 'PUT',
      headers: bearer(token),
      json: { name: 'Qzx Labs', domain: created.body.domain },
    });
    expect(replaced.status).toBe(200);
    expect(names(await list(a, 'name=qzx'))).toEqual(['Qzx Labs']);

    expect(
      (await http(`${b.url}/api/v1/companies/${created.body.id}`, { method: 'DELETE', headers: bearer(token) })).status,
    ).toBe(204);
    expect(names(await list(a, 'name=qzx'))).toEqual([]);
    expect((await list(a, 'name=qzx')).body.total).toBe(0);
  });

  it('after its feed connection is killed, drops every copy, and shows writes made meanwhile', async () => {
    let resets = 0;
    feedOf(b).listen('test-probe', { changed: () => undefined, reset: () => resets++ });
    await list(b, 'name=qzx'); // b holds the head now
    const redis = new Redis(config.redisUrl);
    try {
      // Kill exactly b's subscriber connection, server side, as a network fault would end it.
      const port = (feedOf(b) as unknown as { subscriber: { stream: { localPort: number } } }).subscriber.stream
        .localPort;
      const clients = (await redis.client('LIST')) as string;
      const line = clients
        .split('\n')
        .find((l) => / name=tollgate-changes /.test(l) && new RegExp(`addr=127\\.0\\.0\\.1:${port} `).test(l));
      expect(line).toBeDefined();
      expect(await redis.client('KILL', 'ADDR', `127.0.0.1:${port}`)).toBe(1);
      // Dropped when the connection closed, and again when it subscribed anew.
      await until('b to lose its feed and subscribe again', () => resets >= 2 && feedOf(b).isLive);
      const before = headReads.b;
      await list(b, 'name=qzx');
      expect(headReads.b).toBe(before + 1); // the copy from before the fault was not served ...
      await list(b, 'name=qzx');
      expect(headReads.b).toBe(before + 1); // ... and the new one is kept
      const created = await http(`${a.url}/api/v1/companies`, {
        method: 'POST',
        headers: bearer(token),
        json: { name: 'Qzx After Fault', domain: `qzx-after-${Date.now()}.example` },
      });
      expect(created.status).toBe(201);
      expect(names(await list(b, 'name=qzx'))).toContain('Qzx After Fault');
    } finally {
      redis.disconnect();
    }
  });
});
