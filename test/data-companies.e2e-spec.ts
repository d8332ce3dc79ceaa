import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CompaniesModule, companyListQuery } from '@tollgate/companies';
import { SampleDataService } from '@tollgate/sample-data';
import { SeedModule } from '../apps/seed/seed.module';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;
let readWrite: string;
let readOnly: string;
let writeOnly: string;

const url = (path: string) => `${api.url}/api/v1/companies${path}`;
const get = (path: string, token = readWrite, headers: Record<string, string> = {}) =>
  http(url(path), { headers: { ...bearer(token), ...headers } });
const post = (json: unknown, token = readWrite) => http(url(''), { method: 'POST', headers: bearer(token), json });
const put = (id: string, json: unknown, token = readWrite) =>
  http(url(`/${id}`), { method: 'PUT', headers: bearer(token), json });
const del = (path: string, token = readWrite) => http(url(path), { method: 'DELETE', headers: bearer(token) });
const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();

let seq = 0;
/** A valid company whose domain no other test uses. */
const company = (over: Record<string, unknown> = {}) => ({
  name: `Company ${++seq}`,
  domain: `c${seq}-${Date.now()}.example`,
  ...over,
});
const UNKNOWN_ID = '0123456789abcdef01234567';

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule] });
  const account = await createAccount(api.url, config, { name: 'data-companies', scopes: ['data:read', 'data:write'] });
  [readWrite, readOnly, writeOnly] = await Promise.all([
    issueToken(api.url, account),
    issueToken(api.url, account, 'data:read'),
    issueToken(api.url, account, 'data:write'),
  ]);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('companies: create, read, replace, delete', () => {
  it('creates a company (201, Location), normalizing domain and country, and reads it back', async () => {
    const created = await post({
      name: '  Initech  ',
      domain: 'WWW.Initech.Example',
      country: 'us',
      industry: 'Software',
      employees: 120,
      revenue: 1_500_000.5,
      website: 'https://initech.example',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Initech',
      domain: 'www.initech.example',
      country: 'US',
      industry: 'Software',
      city: null,
      employees: 120,
      revenue: 1_500_000.5,
    });
    expect(created.body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(created.headers.get('location')).toBe(`/api/v1/companies/${created.body.id}`);
    expect(created.body).not.toHaveProperty('nameLower');
    const read = await get(`/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('replaces a company with PUT: omitted optional fields become null, createdAt is kept', async () => {
    const created = (await post(company({ city: 'Paris', country: 'FR', employees: 5 }))).body;
    api.clock.advance(1000);
    const replaced = await put(created.id, { name: 'Renamed', domain: created.domain, industry: 'Retail' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: created.id,
      name: 'Renamed',
      industry: 'Retail',
      city: null,
      country: null,
      employees: null,
      createdAt: created.createdAt,
    });
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThan(Date.parse(created.updatedAt));
    expect((await get(`/${created.id}`)).body.name).toBe('Renamed');
  });

  it('deletes a company without contacts (204), after which it is gone', async () => {
    const created = (await post(company())).body;
    const res = await del(`/${created.id}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await get(`/${created.id}`)).status).toBe(404);
  });

  it('answers 404 for an unknown id on GET, PUT and DELETE', async () => {
    for (const res of [await get(`/${UNKNOWN_ID}`), await put(UNKNOWN_ID, company()), await del(`/${UNKNOWN_ID}`)]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toBe('not_found');
    }
  });

  it('answers 400 naming `id` for a malformed id on GET, PUT and DELETE', async () => {
    for (const res of [
      await get('/not-an-id'),
      await put('123', company()),
      await del(`/${UNKNOWN_ID}0`),
      await get('/zzzzzzzzzzzzzzzzzzzzzzzz'),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('validation_failed');
      expect(fieldsOf(res.body)).toEqual(['id']);
    }
  });

  it('refuses a second company with the same domain, whatever its case (409), on POST and PUT', async () => {
    const first = (await post(company({ domain: 'dup-domain.example' }))).body;
    const again = await post(company({ domain: 'DUP-Domain.example' }));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: 'domain_taken', field: 'domain' });
    const other = (await post(company())).body;
    const moved = await put(other.id, { name: other.name, domain: first.domain });
    expect(moved.status).toBe(409);
    expect(moved.body.error).toBe('domain_taken');
    // Keeping its own domain is not a conflict.
    expect((await put(first.id, { name: 'Same domain', domain: first.domain })).status).toBe(200);
  });
});

describe('companies: bad input', () => {
  it('names every offending field of a body in one 400', async () => {
    const res = await post({
      name: '',
      domain: 'not a domain',
      country: 'XX',
      employees: -1,
      revenue: 'lots',
      website: 'ftp://x.example',
      city: 42,
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    expect(fieldsOf(res.body)).toEqual([
      'city',
      'country',
      'domain',
      'employees',
      'extra',
      'name',
      'revenue',
      'website',
    ]);
    expect(res.body.requestId).toBeTruthy();
  });

  it('requires name and domain', async () => {
    const res = await post({});
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['domain', 'name']);
    const blank = await post(company({ name: '   ' }));
    expect(blank.status).toBe(400);
    expect(fieldsOf(blank.body)).toEqual(['name']);
  });

  it('names every offending list parameter', async () => {
    const res = await get('?page=0&pageSize=101&country=XX&sort=name&name=');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['country', 'name', 'page', 'pageSize', 'sort']);
    for (const bad of ['?page=1e3', '?page=0x10', '?pageSize=2.5', '?page=-1'])
      expect((await get(bad)).status).toBe(400);
  });

  it('refuses a body that is not JSON, and a body over the size limit (413)', async () => {
    const notJson = await http(url(''), {
      method: 'POST',
      headers: { ...bearer(readWrite), 'content-type': 'application/json' },
      body: '{"name":',
    });
    expect(notJson.status).toBe(400);
    const big = await post(company({ industry: 'x'.repeat(config.bodyLimitBytes + 1) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');
  });
});

describe('companies: query operators are never executed', () => {
  beforeAll(async () => {
    await post(company({ name: 'Operator Target', country: 'DE' }));
  });

  it('refuses operator keys in the query string (`name[$ne]=`, `domain[$regex]=`) with a 400 naming them', async () => {
    for (const [query, field] of [
      ['?name[$ne]=x', 'name[$ne]'],
      ['?domain[$regex]=.*', 'domain[$regex]'],
      ['?country[$gt]=', 'country[$gt]'],
    ]) {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
  });

  it('refuses a repeated key (an array) instead of matching any of its values', async () => {
    const res = await get('?name=a&name=b');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['name']);
  });

  it('treats regex and operator text in a filter value literally', async () => {
    for (const q of ['.*', '^', '$ne', '{"$gt":""}', 'Operator.*']) {
      const res = await get(`?name=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
    expect((await get(`?name=${encodeURIComponent('operator ta')}`)).body.total).toBe(1);
  });

  it('refuses operator objects in a JSON body (`{"$gt": ""}`) as type errors', async () => {
    const res = await post({ name: { $gt: '' }, domain: { $ne: null }, country: { $exists: true } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['country', 'domain', 'name']);
    const topLevel = await post({ ...company(), $set: { domain: 'x.example' } });
    expect(topLevel.status).toBe(400);
    expect(fieldsOf(topLevel.body)).toEqual(['$set']);
  });
});

describe('companies: listing', () => {
  const ids: Record<string, string> = {};
  const tag = `lst${Date.now().toString(36)}`;

  beforeAll(async () => {
    // Names share a unique prefix so this block's lists do not see other blocks' companies.
    const specs: [string, string, string | null, string | null][] = [
      ['alpha', `${tag} Alpha`, 'US', 'Software'],
      ['beta', `${tag.toUpperCase()} beta`, 'FR', 'Software'],
      ['gamma1', `${tag} Gamma`, 'US', 'Retail'],
      ['gamma2', `${tag} GAMMA`, 'US', 'Retail'],
      ['delta', `${tag} Delta`, 'DE', null],
      ['omega', `${tag} Ωmega`, null, 'Retail'],
    ];
    for (const [key, name, country, industry] of specs) {
      const res = await post({ name, domain: `${key}.${tag}.example`, country, industry });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
  });

  const names = (body: { items: { name: string }[] }) => body.items.map((c) => c.name);

  it('filters by case-insensitive name prefix, sorted by name then id (stable for equal names)', async () => {
    const res = await get(`?name=${tag.toUpperCase()}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 1, pageSize: 20, total: 6 });
    const gammas = [ids.gamma1, ids.gamma2].sort();
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([
      ids.alpha,
      ids.beta,
      ids.delta,
      ...gammas,
      ids.omega,
    ]);
    expect(names((await get(`?name=${encodeURIComponent(`${tag} g`)}`)).body)).toHaveLength(2);
    expect(names((await get(`?name=${encodeURIComponent(`${tag} ω`)}`)).body)).toEqual([`${tag} Ωmega`]);
  });

  it('filters by country (any case), industry, both, and domain (any case)', async () => {
    const count = async (q: string) => (await get(`?name=${tag}&${q}`)).body.total;
    expect(await count('country=us')).toBe(3);
    expect(await count('industry=Software')).toBe(2);
    expect(await count('industry=software')).toBe(0);
    expect(await count('country=US&industry=Retail')).toBe(2);
    const byDomain = await get(`?domain=BETA.${tag.toUpperCase()}.example`);
    expect(byDomain.body.total).toBe(1);
    expect(byDomain.body.items[0].id).toBe(ids.beta);
  });

  it('pages through the list without gaps or repeats', async () => {
    const all = (await get(`?name=${tag}`)).body.items.map((c: { id: string }) => c.id);
    const paged: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await get(`?name=${tag}&page=${page}&pageSize=2`);
      expect(res.body).toMatchObject({ page, pageSize: 2, total: 6 });
      paged.push(...res.body.items.map((c: { id: string }) => c.id));
    }
    expect(paged).toEqual(all);
    expect((await get(`?name=${tag}&page=4&pageSize=2`)).body.items).toEqual([]);
    expect((await get('?pageSize=100')).status).toBe(200);
  });

  it('renders a list and an item as XML for Accept: application/xml', async () => {
    const list = await get(`?name=${tag}&pageSize=2`, readWrite, { accept: 'application/xml' });
    expect(list.status).toBe(200);
    expect(list.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(list.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><companies><items><item><id>[0-9a-f]{24}<\/id><name>/,
    );
    expect(list.text).toContain('<page>1</page><pageSize>2</pageSize><total>6</total></companies>');
    const item = await get(`/${ids.delta}`, readWrite, { accept: 'application/xml' });
    expect(item.text).toContain(
      `<company><id>${ids.delta}</id><name>${tag} Delta</name><domain>delta.${tag}.example</domain><industry/>`,
    );
    const missing = await get(`/${UNKNOWN_ID}`, readWrite, { accept: 'application/xml' });
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<error><error>not_found</error>');
  });
});

describe('companies: scopes, authentication and metering', () => {
  it('needs a token (401) and data:read to read, data:write to write (403 insufficient_scope)', async () => {
    expect((await http(url(''))).status).toBe(401);
    const created = await post(company(), readOnly);
    expect(created.status).toBe(403);
    expect(created.body.error).toBe('insufficient_scope');
    expect(created.headers.get('www-authenticate')).toContain('scope="data:write"');
    expect((await get('', writeOnly)).status).toBe(403);
    expect((await get(`/${UNKNOWN_ID}`, writeOnly)).body.error).toBe('insufficient_scope');
    expect((await get('', readOnly)).status).toBe(200);
    const mine = (await post(company(), writeOnly)).body;
    expect((await put(mine.id, company(), readOnly)).status).toBe(403);
    expect((await del(`/${mine.id}`, readOnly)).status).toBe(403);
    expect((await del(`/${mine.id}`, writeOnly)).status).toBe(204);
  });

  it('meters the routes as API product `companies` (a quota on it stops them, not contacts)', async () => {
    const account = await createAccount(api.url, config, {
      name: 'data-quota',
      quotas: [{ api: 'companies', period: 'day', limit: 2 }],
    });
    const token = await issueToken(api.url, account);
    expect((await get('', token)).status).toBe(200);
    expect((await get(`/${UNKNOWN_ID}`, token)).status).toBe(404);
    const over = await get('', token);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: 'quota_exceeded', api: 'companies' });
    expect((await http(`${api.url}/api/v1/contacts`, { headers: bearer(token) })).status).toBe(200);
  });
});

describe('companies: indexes', () => {
  const filters = ['name', 'domain', 'country', 'industry'] as const;
  const combos = Array.from({ length: 16 }, (_, mask) => filters.filter((_, i) => mask & (1 << i)));
  let indexes: { key: Record<string, number>; name: string }[];
  let conn: mongoose.Connection;

  beforeAll(async () => {
    conn = await mongoose.createConnection(config.mongoUrl).asPromise();
    indexes = (await conn.db!.collection('companies').indexes()) as never;
  });
  afterAll(async () => {
    await conn?.close();
  });

  /**
   * An index serves a list query without a collection scan or an in-memory sort when its keys are
   * the equality filters (any order), then the sort keys in order, with the range (the name prefix)
   * on the first sort key; or when an equality is on a unique key (at most one document).
   */
  function serving(query: ReturnType<typeof companyListQuery>) {
    const equalities = Object.entries(query.filter)
      .filter(([, v]) => typeof v !== 'object')
      .map(([k]) => k);
    const sortKeys = Object.keys(query.sort);
    return indexes.find((index) => {
      const keys = Object.keys(index.key);
      if ((index as { unique?: boolean }).unique && keys.length === 1 && equalities.includes(keys[0])) return true;
      const head = keys.slice(0, equalities.length);
      return (
        head.every((k) => equalities.includes(k)) &&
        head.length === equalities.length &&
        keys.slice(equalities.length).join() === sortKeys.join()
      );
    });
  }

  it('has an index serving the filter and sort of every filter combination', () => {
    for (const combo of combos) {
      const query = companyListQuery(Object.fromEntries(combo.map((f) => [f, f === 'country' ? 'US' : 'x'])));
      expect(serving(query), `no index serves ${JSON.stringify(combo)}`).toBeDefined();
    }
  });
});

/*
 * FerretDB 1.24 (SQLite) answers every query except `{ _id: <id> }` with a full scan and sorts in
 * memory, whatever indexes exist (its explain says `SCAN` and `filterPushdown: false`), so query
 * plans can only be checked on MongoDB; the index coverage test above runs everywhere.
 */
describe.skipIf(inject('services').mongoServer === 'ferretdb')(
  'companies: query plans on 100,000 companies (MongoDB only)',
  () => {
    const planConfig = testConfig();
    const filters = ['name', 'domain', 'country', 'industry'] as const;
    const values = { name: 'sum', domain: 'nimbusholdings.fr', country: 'US', industry: 'Software' };
    let app: INestApplicationContext;
    let conn: mongoose.Connection;

    beforeAll(async () => {
      app = await NestFactory.createApplicationContext(SeedModule.forRoot(planConfig), { logger: ['error', 'warn'] });
      expect(await app.get(SampleDataService).loadSample({ companies: 100_000, contacts: 0 })).toMatchObject({
        status: 'loaded',
      });
      conn = await mongoose.createConnection(planConfig.mongoUrl).asPromise();
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await conn?.close();
      await dropStack(planConfig);
    });

    it('plans every filter combination as an index scan that reads only the documents it returns, with no in-memory sort', async () => {
      const companies = conn.db!.collection('companies');
      for (let mask = 0; mask < 16; mask++) {
        const combo = filters.filter((_, i) => mask & (1 << i));
        const query = companyListQuery(Object.fromEntries(combo.map((f) => [f, values[f]])));
        const explain = (await companies
          .find(query.filter)
          .sort(query.sort as never)
          .limit(20)
          .explain('executionStats')) as {
          queryPlanner: { winningPlan: unknown };
          executionStats: { nReturned: number; totalDocsExamined: number };
        };
        const plan = JSON.stringify(explain.queryPlanner.winningPlan);
        const label = JSON.stringify(combo);
        expect(plan, label).toContain('IXSCAN');
        expect(plan, label).not.toContain('COLLSCAN');
        if (combo.includes('domain')) {
          // The unique domain index finds at most one document; sorting it is free.
          expect(explain.executionStats.totalDocsExamined, label).toBeLessThanOrEqual(1);
        } else {
          expect(plan, label).not.toMatch(/"stage":"SORT"/);
          expect(explain.executionStats.totalDocsExamined, label).toBe(explain.executionStats.nReturned);
        }
      }
    });
  },
);
