import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompaniesModule } from '@tollgate/companies';
import { dropStack, startApi, type RunningApi } from '../support/apps';
import { bearer, createAccount, http, issueToken, operator } from '../support/client';
import { testConfig } from '../support/test-config';

/** Issue 11: security headers on every answer, and no cache may keep account data. */
const config = testConfig();
let api: RunningApi;
let token: string;
let basic: string;

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule] });
  const account = await createAccount(api.url, config, { name: 'security-headers', scopes: ['data:read'] });
  token = await issueToken(api.url, account);
  basic = `Basic ${Buffer.from(`${account.clientId}:${account.clientSecret}`).toString('base64')}`;
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(headers.get('content-security-policy'), what).toContain("default-src 'self'");
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on every kind of answer: data, operator, OAuth, InsideView, docs, dashboard, errors and 404s', async () => {
    const answers = {
      'data 200': await http(`${api.url}/api/v1/companies`, { headers: bearer(token) }),
      'data 401': await http(`${api.url}/api/v1/companies`),
      'operator 200': await http(`${api.url}/operator/v1/accounts/security-headers`, { headers: operator(config) }),
      'oauth token 200': await http(`${api.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic },
        form: { grant_type: 'client_credentials' },
      }),
      'oauth 400': await http(`${api.url}/oauth/token`, { method: 'POST', form: { grant_type: 'password' } }),
      'introspect 200': await http(`${api.url}/oauth/introspect`, {
        method: 'POST',
        headers: { authorization: basic },
        form: { token },
      }),
      'docs 200': await http(`${api.url}/docs`),
      'openapi 200': await http(`${api.url}/docs/openapi.json`),
      'dashboard 401': await http(`${api.url}/operator/queues`),
      'dashboard 200': await http(`${api.url}/operator/queues`, { headers: operator(config) }),
      'health 200': await http(`${api.url}/health/live`),
      '404': await http(`${api.url}/nothing/here`),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect(res.status, what).toBeLessThan(500);
      expectSecurityHeaders(res.headers, what);
    }
    expect(answers['data 200'].status).toBe(200);
    expect(answers['dashboard 200'].status).toBe(200);
  });

  it('`Cache-Control: no-store` on every answer that carries account data or credentials', async () => {
    const answers = [
      await http(`${api.url}/api/v1/companies`, { headers: bearer(token) }),
      await http(`${api.url}/api/v1/admin/limits`, { headers: bearer(token) }),
      await http(`${api.url}/api/v1/admin/usage?period=day`, { headers: bearer(token) }),
      await http(`${api.url}/operator/v1/accounts/security-headers`, { headers: operator(config) }),
      await http(`${api.url}/operator/v1/accounts/security-headers/tokens`, { headers: operator(config) }),
      await http(`${api.url}/operator/queues/api/queues`, { headers: operator(config) }),
      await http(`${api.url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basic },
        form: { grant_type: 'client_credentials' },
      }),
      await http(`${api.url}/oauth/introspect`, { method: 'POST', headers: { authorization: basic }, form: { token } }),
      await http(`${api.url}/Auth/login/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grantType=cred',
      }),
    ];
    for (const res of answers) {
      expect(res.status, res.text).toBeLessThan(500);
      expect(res.headers.get('cache-control'), res.text.slice(0, 80)).toBe('no-store');
    }
  });
});
