import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { dropStack, startApi, type RunningApi } from '../support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from '../support/client';
import { testConfig } from '../support/test-config';

/** Issue 11: crafted input is a 4xx, never a 500; validation errors are bounded. */
const config = testConfig();
let api: RunningApi;
let account: TestAccount;
let token: string;

const rawPost = (path: string, body: string, headers: Record<string, string> = {}) =>
  http(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule] });
  account = await createAccount(api.url, config, { name: 'crafted-input', scopes: ['data:read', 'data:write'] });
  token = await issueToken(api.url, account);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('deeply nested JSON', () => {
  it('is a 400 in our validation shape, refused before parsing, on every JSON route', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const deepObject = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const [path, headers] of [
      ['/api/v1/companies', bearer(token)],
      ['/operator/v1/accounts', operator(config)],
    ] as const) {
      for (const body of [deep, deepObject]) {
        const res = await rawPost(path, body, headers);
        expect(res.status, path).toBe(400);
        expect(res.body).toMatchObject({
          error: 'validation_failed',
          fields: [{ field: 'body', problems: [expect.stringMatching(/deeper than 64 levels/)] }],
        });
      }
    }
  });

  it('still accepts ordinary nesting, and names malformed JSON with the documented `fields`', async () => {
    const ok = await http(`${api.url}/operator/v1/accounts/crafted-input`, {
      method: 'PATCH',
      headers: operator(config),
      json: { quotas: [{ api: 'companies', period: 'day', limit: 5, warnAt: [0.5] }] },
    });
    expect(ok.status).toBe(200);
    const bad = await rawPost('/api/v1/companies', '{"name": ', bearer(token));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: 'validation_failed',
      fields: [{ field: 'body', problems: ['the body is not valid JSON'] }],
    });
  });
});

describe('nested policy objects', () => {
  it('refuses an array where an object is expected, and the stored throttle stays readable', async () => {
    const before = (await http(`${api.url}/operator/v1/accounts/crafted-input`, { headers: operator(config) })).body
      .throttle;
    const res = await http(`${api.url}/operator/v1/accounts/crafted-input`, {
      method: 'PATCH',
      headers: operator(config),
      json: { throttle: [{ limit: 10 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('throttle');
    const after = (await http(`${api.url}/operator/v1/accounts/crafted-input`, { headers: operator(config) })).body
      .throttle;
    expect(after).toEqual(before);
    expect(await issueToken(api.url, account)).toMatch(/^tgt_/);
  });

  it('refuses a quota list whose entries are arrays or scalars', async () => {
    for (const quotas of [[[{ api: 'companies', period: 'day', limit: 5 }]], ['x'], [null]]) {
      const res = await http(`${api.url}/operator/v1/accounts/crafted-input`, {
        method: 'PATCH',
        headers: operator(config),
        json: { quotas },
      });
      expect(res.status, JSON.stringify(quotas)).toBe(400);
    }
  });
});

describe('bodies with thousands of unknown keys', () => {
  it('are refused before validation with a small answer', async () => {
    const body = JSON.stringify(Object.fromEntries(Array.from({ length: 9000 }, (_, i) => [`k${i}`, 1])));
    expect(body.length).toBeGreaterThan(80_000);
    const res = await rawPost('/api/v1/companies', body, bearer(token));
    expect(res.status).toBe(400);
    expect(res.text.length).toBeLessThan(1000);
    expect(res.body.fields[0].problems[0]).toMatch(/more than 100 keys/);
  });

  it('list at most 20 offending fields and say how many there were', async () => {
    const body = JSON.stringify({
      name: 'x',
      domain: 'x.example',
      ...Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`unknown${i}`, 1])),
    });
    const res = await rawPost('/api/v1/companies', body, bearer(token));
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveLength(20);
    expect(res.body).toMatchObject({ error: 'validation_failed', truncated: true, fieldCount: 90 });
    expect(res.body.message).toMatch(/and 70 more fields$/);
  });
});

describe('NUL characters', () => {
  it('are a 400 naming the field in bodies, queries, paths and logins, never a 500 from the store', async () => {
    const auth = bearer(token);
    const cases: [string, RequestInit & { json?: unknown; form?: Record<string, string> }, string][] = [
      ['/api/v1/companies?name=a%00b', { headers: auth }, 'name'],
      ['/api/v1/companies?domain=a%00b', { headers: auth }, 'domain'],
      [
        '/api/v1/companies',
        { method: 'POST', headers: auth, json: { name: 'a\u0000b', domain: 'nul.example' } },
        'name',
      ],
      ['/operator/v1/accounts/a%00b', { headers: operator(config) }, 'idOrName'],
      ['/operator/v1/alerts?account=a%00b', { headers: operator(config) }, 'account'],
    ];
    for (const [path, init, field] of cases) {
      const res = await http(`${api.url}${path}`, init);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toBe('validation_failed');
      expect(
        res.body.fields.map((f: { field: string }) => f.field),
        path,
      ).toEqual([field]);
    }
    // A login with a NUL names no client: the same answer as any unknown client.
    const token1 = await http(`${api.url}/oauth/token`, {
      method: 'POST',
      form: { grant_type: 'client_credentials', client_id: 'a\u0000b', client_secret: 'x' },
    });
    expect(token1.status).toBe(401);
    expect(token1.body.error).toBe('invalid_client');
    const insideView = await http(`${api.url}/Auth/login/v1/token.json?clientId=a%00b&clientSecret=x&grantType=cred`, {
      method: 'POST',
    });
    expect(insideView.status).toBe(401);
  });
});
