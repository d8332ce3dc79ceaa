import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropStack,
  startApi,
  startWorker,
  waitForUsageDrained,
  type RunningApi,
  type RunningWorker,
} from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { sibling, testConfig } from './support/test-config';

/**
 * Operators find accounts (name prefix, status, pages) and delete them: a deleted account's tokens
 * end at once, even after Redis lost its memory; its record stays (usage stays attributable), its
 * name and client ID are never reused, and it is not found anywhere else.
 */
const config = testConfig();
let api: RunningApi;
let worker: RunningWorker;

const list = (query = '') =>
  http(`${api.url}/operator/v1/accounts${query ? `?${query}` : ''}`, { headers: operator(config) });
const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((a) => a.name);
const basic = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
});
const tokenRequest = (acct: Pick<TestAccount, 'clientId' | 'clientSecret'>) =>
  http(`${api.url}/oauth/token`, {
    method: 'POST',
    headers: basic(acct.clientId, acct.clientSecret),
    form: { grant_type: 'client_credentials' },
  });
const limits = (token: string) => http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) });

beforeAll(async () => {
  [api, worker] = await Promise.all([startApi(config), startWorker(sibling(config, 'worker'))]);
  for (const name of ['acme', 'acme-labs', 'acorn', 'beta-co', 'zeta']) await createAccount(api.url, config, { name });
});
afterAll(async () => {
  await api?.close();
  await worker?.close();
  await dropStack(config);
});

describe('GET /operator/v1/accounts', () => {
  it('lists accounts in name order, by name prefix (any case) and by status, page by page with the exact total', async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(names(all)).toEqual(['acme', 'acme-labs', 'acorn', 'beta-co', 'zeta']);
    // A listing is no place for the webhook signing key (the account view has it).
    expect(all.body.items[0]).not.toHaveProperty('alertWebhookSecret');
    expect(all.body.items[0]).toMatchObject({ name: 'acme', status: 'active', scopes: ['data:read'] });
    expect(all.body.items[0].accountId).toMatch(/^acc_/);

    expect(names(await list('search=ac'))).toEqual(['acme', 'acme-labs', 'acorn']);
    expect(names(await list('search=ACME'))).toEqual(['acme', 'acme-labs']);
    expect(names(await list('search=acme-'))).toEqual(['acme-labs']);
    expect((await list('search=nobody')).body).toMatchObject({ items: [], total: 0 });
    // Empty filters, as a form sends them, are no filter.
    expect((await list('search=&status=')).body.total).toBe(5);

    const second = await list('search=a&pageSize=2&page=2');
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(names(second)).toEqual(['acorn']);

    expect(
      (
        await http(`${api.url}/operator/v1/accounts/acorn`, {
          method: 'PATCH',
          headers: operator(config),
          json: { status: 'disabled' },
        })
      ).status,
    ).toBe(200);
    expect(names(await list('status=disabled'))).toEqual(['acorn']);
    expect(names(await list('status=active&search=ac'))).toEqual(['acme', 'acme-labs']);
    expect((await list()).body.total).toBe(5); // disabled accounts are listed by default
  });

  it('finds accounts written before the list fields existed, once a process has started on the database', async () => {
    const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    try {
      const accounts = conn.db!.collection<Record<string, unknown>>('accounts');
      const {
        _id: _i,
        namePrefixes: _p,
        deleted: _d,
        deletedAt: _t,
        ...record
      } = (await accounts.findOne({ name: 'zeta' }))!;
      await accounts.insertOne({
        ...record,
        _id: 'acc_legacy-record01' as never,
        name: 'legacy-co',
        clientId: 'tgc_legacy-record-client-01',
      });
    } finally {
      await conn.close();
    }
    expect(names(await list('search=legacy'))).toEqual([]);
    // Another process starting on this database adds the fields, as an upgraded deployment's first
    // process does (a worker here: a second API in this process would share passport's strategies).
    const upgraded = await startWorker(sibling(config, 'worker'));
    await upgraded.close();
    const found = await list('search=LEG');
    expect(found.body).toMatchObject({
      total: 1,
      items: [{ accountId: 'acc_legacy-record01', name: 'legacy-co', status: 'active' }],
    });
    expect(names(await list('search=le'))).toEqual(['legacy-co']);
    expect((await list()).body.total).toBe(6);
  });

  it('refuses bad parameters with a 400 naming the field, and callers without the operator key', async () => {
    for (const [query, field] of [
      ['search=a%20b', 'search'],
      ['search=' + 'a'.repeat(65), 'search'],
      ['status=gone', 'status'],
      ['page=0', 'page'],
      ['page=1e3', 'page'],
      ['pageSize=101', 'pageSize'],
      ['pageSize=-1', 'pageSize'],
      ['sort=name', 'sort'],
    ]) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error, query).toBe('validation_failed');
      expect(
        res.body.fields.map((f: { field: string }) => f.field),
        query,
      ).toContain(field);
    }
    expect((await http(`${api.url}/operator/v1/accounts`)).status).toBe(401);
    expect(
      (await http(`${api.url}/operator/v1/accounts`, { headers: { 'x-operator-key': 'not-the-operator-key' } })).status,
    ).toBe(401);
  });
});

describe('DELETE /operator/v1/accounts/:idOrName', () => {
  it('ends the tokens at once, keeps the record as deleted, never reuses the name, and is 404 everywhere else', async () => {
    const acct = await createAccount(api.url, config, { name: 'leaving-co', alertWebhookUrl: null });
    const [token, other] = [await issueToken(api.url, acct), await issueToken(api.url, acct)];
    expect((await limits(token)).status).toBe(200);
    await waitForUsageDrained(config, worker.usageQueue);

    const deleted = await http(`${api.url}/operator/v1/accounts/leaving-co`, {
      method: 'DELETE',
      headers: operator(config),
    });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      accountId: acct.accountId,
      name: 'leaving-co',
      clientId: acct.clientId,
      status: 'deleted',
      secrets: [],
    });
    expect(Date.parse(deleted.body.deletedAt)).not.toBeNaN();
    expect(deleted.body).not.toHaveProperty('alertWebhookSecret');

    // Its tokens: refused at once, the one this instance had cached included; introspection says inactive.
    for (const t of [token, other]) expect((await limits(t)).status).toBe(401);
    expect(
      (await http(`${api.url}/oauth/introspect`, { method: 'POST', headers: operator(config), form: { token } })).body,
    ).toEqual({ active: false });
    // Its client: the same invalid_client as an unknown one, by client ID or by name.
    for (const login of [acct.clientId, 'leaving-co']) {
      const refused = await tokenRequest({ clientId: login, clientSecret: acct.clientSecret });
      expect([refused.status, refused.body.error], login).toEqual([401, 'invalid_client']);
    }
    // Everywhere else it is not found: by name and by id, on every operator route.
    for (const [method, path] of [
      ['GET', '/operator/v1/accounts/leaving-co'],
      ['GET', `/operator/v1/accounts/${acct.accountId}`],
      ['PATCH', '/operator/v1/accounts/leaving-co'],
      ['DELETE', '/operator/v1/accounts/leaving-co'],
      ['POST', '/operator/v1/accounts/leaving-co/secrets'],
      ['GET', '/operator/v1/accounts/leaving-co/tokens'],
      ['POST', '/operator/v1/accounts/leaving-co/tokens/revoke'],
      ['POST', '/operator/v1/accounts/leaving-co/unlock'],
      ['GET', `/operator/v1/accounts/leaving-co/usage?period=day&start=2026-01-01&end=2026-01-01`],
      ['GET', '/operator/v1/alerts?account=leaving-co'],
    ]) {
      const res = await http(`${api.url}${path}`, {
        method,
        headers: operator(config),
        ...(method === 'PATCH' ? { json: { status: 'active' } } : method === 'POST' ? { json: {} } : {}),
      });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // Name and client ID are never given to another account.
    const again = await http(`${api.url}/operator/v1/accounts`, {
      method: 'POST',
      headers: operator(config),
      json: { name: 'leaving-co' },
    });
    expect(again.status).toBe(409);

    // The listing leaves it out unless asked for deleted accounts; the record is still there.
    expect(names(await list('search=leaving'))).toEqual([]);
    const listed = await list('status=deleted');
    expect(names(listed)).toEqual(['leaving-co']);
    expect(listed.body.items[0]).toMatchObject({
      accountId: acct.accountId,
      status: 'deleted',
      deletedAt: deleted.body.deletedAt,
    });
    // Usage recorded before the deletion still names the account.
    const conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    try {
      const usage = await conn.db!.collection('usage_daily').find({ accountId: acct.accountId }).toArray();
      expect(usage.length).toBeGreaterThan(0);
      const record = await conn.db!.collection('accounts').findOne({ _id: acct.accountId as never });
      expect(record).toMatchObject({ name: 'leaving-co', status: 'deleted', clientId: acct.clientId });
    } finally {
      await conn.close();
    }
  });

  it('stays deleted when Redis loses its memory: the state rebuilt from the record refuses the tokens', async () => {
    const acct = await createAccount(api.url, config, { name: 'gone-co' });
    const token = await issueToken(api.url, acct);
    expect((await limits(token)).status).toBe(200);
    expect(
      (await http(`${api.url}/operator/v1/accounts/gone-co`, { method: 'DELETE', headers: operator(config) })).status,
    ).toBe(200);
    // The account's whole state goes, as when a Redis master restarts without persistence (its keys
    // share one hash tag, so a lost master loses whole accounts).
    const redis = new Redis(config.redisUrl);
    try {
      const keys = await redis.keys(`${config.redisPrefix}:{${acct.accountId}}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    expect((await limits(token)).status).toBe(401);
    expect((await tokenRequest(acct)).status).toBe(401);
  });
});
