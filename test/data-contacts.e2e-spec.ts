import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
let api: RunningApi;
let token: string;
let readOnly: string;

const call = (method: string, path: string, json?: unknown, auth = token, headers: Record<string, string> = {}) =>
  http(`${api.url}/api/v1${path}`, {
    method,
    headers: { ...bearer(auth), ...headers },
    ...(json === undefined ? {} : { json }),
  });
const fieldsOf = (body: { fields?: { field: string }[] }) => (body.fields ?? []).map((f) => f.field).sort();
const UNKNOWN_ID = 'fedcba9876543210fedcba98';

let seq = 0;
async function newCompany(): Promise<string> {
  const res = await call('POST', '/companies', { name: `Contacts Co ${++seq}`, domain: `contacts-co-${seq}.example` });
  expect(res.status).toBe(201);
  return res.body.id;
}
const contact = (companyId: string, over: Record<string, unknown> = {}) => ({
  companyId,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: `ada${++seq}@example.com`,
  ...over,
});

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule] });
  const account = await createAccount(api.url, config, { name: 'data-contacts', scopes: ['data:read', 'data:write'] });
  [token, readOnly] = await Promise.all([issueToken(api.url, account), issueToken(api.url, account, 'data:read')]);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('contacts: create, read, replace, delete', () => {
  it('creates a contact (201, Location) with its email lower-cased, and reads it back as JSON and XML', async () => {
    const companyId = await newCompany();
    const created = await call('POST', '/contacts', {
      companyId,
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'Grace.Hopper@Example.COM',
      title: 'Rear Admiral',
      phone: '+1 555 0100',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      companyId,
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace.hopper@example.com',
      title: 'Rear Admiral',
      phone: '+1 555 0100',
    });
    expect(created.headers.get('location')).toBe(`/api/v1/contacts/${created.body.id}`);
    expect((await call('GET', `/contacts/${created.body.id}`)).body).toEqual(created.body);
    const xml = await call('GET', `/contacts/${created.body.id}`, undefined, token, { accept: 'application/xml' });
    expect(xml.headers.get('content-type')).toMatch(/^application\/xml/);
    expect(xml.text).toContain(
      `<contact><id>${created.body.id}</id><companyId>${companyId}</companyId><firstName>Grace</firstName>`,
    );
  });

  it('replaces a contact with PUT (optional fields left out become null) and deletes it', async () => {
    const companyId = await newCompany();
    const created = (await call('POST', '/contacts', contact(companyId, { title: 'CTO', phone: '+44 20 7946 0000' })))
      .body;
    const replaced = await call('PUT', `/contacts/${created.id}`, {
      companyId,
      firstName: 'Ada',
      lastName: 'King',
      email: created.email,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      id: created.id,
      lastName: 'King',
      title: null,
      phone: null,
      createdAt: created.createdAt,
    });
    expect((await call('DELETE', `/contacts/${created.id}`)).status).toBe(204);
    expect((await call('GET', `/contacts/${created.id}`)).status).toBe(404);
    expect((await call('DELETE', `/contacts/${created.id}`)).status).toBe(404);
  });

  it('answers 404 for unknown ids and 400 naming `id` for malformed ones', async () => {
    const companyId = await newCompany();
    expect((await call('GET', `/contacts/${UNKNOWN_ID}`)).status).toBe(404);
    expect((await call('PUT', `/contacts/${UNKNOWN_ID}`, contact(companyId))).status).toBe(404);
    for (const res of [
      await call('GET', '/contacts/abc'),
      await call('PUT', '/contacts/abc', contact(companyId)),
      await call('DELETE', '/contacts/abc'),
    ]) {
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['id']);
    }
  });

  it('refuses a contact whose company does not exist: 400 naming companyId (malformed or unknown)', async () => {
    const unknown = await call('POST', '/contacts', contact(UNKNOWN_ID));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({
      error: 'validation_failed',
      fields: [{ field: 'companyId', problems: ['no company has this id'] }],
    });
    const malformed = await call('POST', '/contacts', contact('acme'));
    expect(malformed.status).toBe(400);
    expect(fieldsOf(malformed.body)).toEqual(['companyId']);
    const companyId = await newCompany();
    const created = (await call('POST', '/contacts', contact(companyId))).body;
    const moved = await call('PUT', `/contacts/${created.id}`, contact(UNKNOWN_ID, { email: created.email }));
    expect(moved.status).toBe(400);
    expect(fieldsOf(moved.body)).toEqual(['companyId']);
  });

  it('names every offending field and refuses operator objects', async () => {
    const res = await call('POST', '/contacts', {
      companyId: { $ne: null },
      firstName: '',
      email: 'not-an-email',
      phone: 'call me',
      title: 7,
      nickname: 'x',
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['companyId', 'email', 'firstName', 'lastName', 'nickname', 'phone', 'title']);
    const smuggled = await call('GET', '/contacts?companyId[$ne]=x');
    expect(smuggled.status).toBe(400);
    expect(fieldsOf(smuggled.body)).toEqual(['companyId[$ne]']);
  });

  it('keeps emails unique per company, whatever their case (409), but not across companies', async () => {
    const [a, b] = [await newCompany(), await newCompany()];
    expect((await call('POST', '/contacts', contact(a, { email: 'same@example.com' }))).status).toBe(201);
    const dup = await call('POST', '/contacts', contact(a, { email: 'SAME@example.com' }));
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ error: 'email_taken', field: 'email' });
    expect((await call('POST', '/contacts', contact(b, { email: 'same@example.com' }))).status).toBe(201);
    const other = (await call('POST', '/contacts', contact(a))).body;
    const clash = await call('PUT', `/contacts/${other.id}`, contact(a, { email: 'same@example.com' }));
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe('email_taken');
  });
});

describe('contacts: listing', () => {
  it("lists a company's contacts in creation order, paged, as JSON and XML", async () => {
    const companyId = await newCompany();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call('POST', '/contacts', contact(companyId))).body.id);
    const all = await call('GET', `/contacts?companyId=${companyId}`);
    expect(all.body).toMatchObject({ page: 1, pageSize: 20, total: 5 });
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(ids);
    const page2 = await call('GET', `/contacts?companyId=${companyId.toUpperCase()}&page=2&pageSize=2`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page2.body.items.map((c: { id: string }) => c.id)).toEqual(ids.slice(2, 4));
    const xml = await call('GET', `/contacts?companyId=${companyId}&pageSize=1`, undefined, token, {
      accept: 'application/xml',
    });
    expect(xml.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?><contacts><items><item><id>[0-9a-f]{24}<\/id><companyId>/,
    );
    expect(xml.text).toContain('<total>5</total></contacts>');
  });

  it('answers an empty page for an unknown company and 400 for a malformed companyId or page', async () => {
    expect((await call('GET', `/contacts?companyId=${UNKNOWN_ID}`)).body).toEqual({
      items: [],
      page: 1,
      pageSize: 20,
      total: 0,
    });
    const bad = await call('GET', '/contacts?companyId=xyz&pageSize=500');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['companyId', 'pageSize']);
  });

  it('lists all contacts without a filter', async () => {
    const res = await call('GET', '/contacts?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
  });
});

describe('deleting a company that has contacts', () => {
  it('is refused with 409 naming the number of contacts, unless cascade=true', async () => {
    const companyId = await newCompany();
    const contacts = [
      (await call('POST', '/contacts', contact(companyId))).body.id,
      (await call('POST', '/contacts', contact(companyId))).body.id,
    ];
    const refused = await call('DELETE', `/companies/${companyId}`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'company_has_contacts', contacts: 2 });
    expect((await call('DELETE', `/companies/${companyId}?cascade=false`)).status).toBe(409);
    expect((await call('GET', `/contacts/${contacts[0]}`)).status).toBe(200);

    const bad = await call('DELETE', `/companies/${companyId}?cascade=yes`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['cascade']);

    expect((await call('DELETE', `/companies/${companyId}?cascade=true`)).status).toBe(204);
    expect((await call('GET', `/companies/${companyId}`)).status).toBe(404);
    for (const id of contacts) expect((await call('GET', `/contacts/${id}`)).status).toBe(404);
    expect((await call('GET', `/contacts?companyId=${companyId}`)).body.total).toBe(0);
  });

  it('leaves the contacts of other companies alone', async () => {
    const [doomed, kept] = [await newCompany(), await newCompany()];
    await call('POST', '/contacts', contact(doomed));
    const survivor = (await call('POST', '/contacts', contact(kept))).body.id;
    expect((await call('DELETE', `/companies/${doomed}?cascade=true`)).status).toBe(204);
    expect((await call('GET', `/contacts/${survivor}`)).status).toBe(200);
  });
});

describe('contacts: scopes and metering', () => {
  it('reads with data:read, and refuses writes without data:write (403 insufficient_scope)', async () => {
    const companyId = await newCompany();
    expect((await call('GET', '/contacts', undefined, readOnly)).status).toBe(200);
    const res = await call('POST', '/contacts', contact(companyId), readOnly);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('insufficient_scope');
    expect((await call('DELETE', `/contacts/${UNKNOWN_ID}`, undefined, readOnly)).status).toBe(403);
    expect((await call('GET', '/contacts', undefined, 'not-a-token')).status).toBe(401);
  });

  it('meters the routes as API product `contacts`', async () => {
    const account = await createAccount(api.url, config, {
      name: 'contacts-quota',
      quotas: [{ api: 'contacts', period: 'day', limit: 1 }],
    });
    const limited = await issueToken(api.url, account);
    expect((await call('GET', '/contacts', undefined, limited)).status).toBe(200);
    const over = await call('GET', `/contacts/${UNKNOWN_ID}`, undefined, limited);
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ error: 'quota_exceeded', api: 'contacts' });
    expect((await call('GET', '/companies', undefined, limited)).status).toBe(200);
  });
});
