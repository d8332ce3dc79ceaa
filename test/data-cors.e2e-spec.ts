import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AllowedOriginsCache, CorsModule } from '@tollgate/cors';
import { CompaniesModule } from '@tollgate/companies';
import { dropStack, startApi, type RunningApi } from './support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from './support/client';
import { testConfig } from './support/test-config';

const config = testConfig();
const APP = 'https://app.example.com';
const THROTTLED_APP = 'https://throttled.example.com';
let api: RunningApi;
let app: TestAccount;
let other: TestAccount;
let appToken: string;
let otherToken: string;

const preflight = (path: string, origin: string, headers: Record<string, string> = {}) =>
  http(`${api.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'authorization',
      ...headers,
    },
  });
const acao = (res: { headers: Headers }) => res.headers.get('access-control-allow-origin');
const refreshOrigins = () => api.app.get(AllowedOriginsCache).refresh();

beforeAll(async () => {
  api = await startApi(config, { imports: [CompaniesModule, CorsModule] });
  app = await createAccount(api.url, config, { name: 'cors-app', allowedOrigins: [APP] });
  other = await createAccount(api.url, config, { name: 'cors-other' });
  [appToken, otherToken] = await Promise.all([issueToken(api.url, app), issueToken(api.url, other)]);
  await refreshOrigins();
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('CORS preflight on /api/v1', () => {
  it('answers 204 with the allowed methods, headers and max-age for an origin an account lists, without a token', async () => {
    const res = await preflight('/api/v1/companies?page=2', APP, {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization, content-type',
    });
    expect(res.status).toBe(204);
    expect(acao(res)).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization, accessToken, Content-Type, X-Request-Id',
    );
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    // Answered before the guards: not throttled, not metered.
    expect(res.headers.get('ratelimit')).toBeNull();
  });

  it('answers 204 without CORS headers for an origin no account lists, and for the null origin', async () => {
    for (const origin of ['https://evil.example.com', 'null', 'https://app.example.com.evil.example']) {
      const res = await preflight('/api/v1/companies', origin);
      expect(res.status).toBe(204);
      expect(acao(res)).toBeNull();
      expect(res.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('picks up an origin an operator adds, without waiting for the periodic refresh', async () => {
    const added = 'http://localhost:5173';
    const res = await http(`${api.url}/operator/v1/accounts/cors-other`, {
      method: 'PATCH',
      headers: operator(config),
      json: { allowedOrigins: [added] },
    });
    expect(res.status).toBe(200);
    // An unknown origin triggers a refresh at most every 2 s: poll, bounded.
    const deadline = Date.now() + 5_000;
    let allowed: string | null = null;
    while (!allowed && Date.now() < deadline) {
      allowed = acao(await preflight('/api/v1/contacts', added));
      if (!allowed) await new Promise((r) => setTimeout(r, 200));
    }
    expect(allowed).toBe(added);
    // Actual requests follow the account as of the token's first use: a new token carries the new origin.
    const fresh = await issueToken(api.url, other);
    expect(acao(await http(`${api.url}/api/v1/contacts`, { headers: { ...bearer(fresh), origin: added } }))).toBe(
      added,
    );
  });

  it("stops allowing a disabled account's origins", async () => {
    const origin = 'https://soon-disabled.example.com';
    await createAccount(api.url, config, { name: 'cors-disabled', allowedOrigins: [origin] });
    await refreshOrigins();
    expect(acao(await preflight('/api/v1/companies', origin))).toBe(origin);
    await http(`${api.url}/operator/v1/accounts/cors-disabled`, {
      method: 'PATCH',
      headers: operator(config),
      json: { status: 'disabled' },
    });
    await refreshOrigins();
    expect(acao(await preflight('/api/v1/companies', origin))).toBeNull();
  });
});

describe('CORS on actual /api/v1 requests', () => {
  it("allows the origin the caller's own account lists, exposing the rate-limit and request-id headers", async () => {
    const res = await http(`${api.url}/api/v1/companies`, { headers: { ...bearer(appToken), origin: APP } });
    expect(res.status).toBe(200);
    expect(acao(res)).toBe(APP);
    expect(res.headers.get('access-control-expose-headers')).toBe(
      'RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, Tollgate-Throttle-Warning',
    );
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('ratelimit')).toBeTruthy();
  });

  it('does not allow an origin only another account lists, nor one nobody lists', async () => {
    const other = await http(`${api.url}/api/v1/companies`, { headers: { ...bearer(otherToken), origin: APP } });
    expect(other.status).toBe(200);
    expect(acao(other)).toBeNull();
    expect(other.headers.get('vary')).toMatch(/Origin/);
    const unknown = await http(`${api.url}/api/v1/companies`, {
      headers: { ...bearer(appToken), origin: 'https://evil.example.com' },
    });
    expect(acao(unknown)).toBeNull();
  });

  it('adds nothing to a same-origin request (no Origin header)', async () => {
    const res = await http(`${api.url}/api/v1/companies`, { headers: bearer(appToken) });
    expect(acao(res)).toBeNull();
  });

  it('lets the browser read a 429 and its Retry-After', async () => {
    const throttled = await createAccount(api.url, config, {
      name: 'cors-throttled',
      allowedOrigins: [THROTTLED_APP],
      throttle: { limit: 1, periodSeconds: 60 },
    });
    const token = await issueToken(api.url, throttled);
    const call = () => http(`${api.url}/api/v1/companies`, { headers: { ...bearer(token), origin: THROTTLED_APP } });
    expect((await call()).status).toBe(200);
    const res = await call();
    expect(res.status).toBe(429);
    expect(acao(res)).toBe(THROTTLED_APP);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('lets the browser read a 403 insufficient_scope', async () => {
    const readOnly = await issueToken(api.url, app, 'data:read');
    const res = await http(`${api.url}/api/v1/companies`, {
      method: 'POST',
      headers: { ...bearer(readOnly), origin: APP },
      json: { name: 'x', domain: 'x.example' },
    });
    expect(res.status).toBe(403);
    expect(acao(res)).toBe(APP);
  });

  it('lets a listed origin read a 401 (expired or missing token), so the application can fetch a new one', async () => {
    const res = await http(`${api.url}/api/v1/companies`, {
      headers: { ...bearer('expired-or-made-up'), origin: APP },
    });
    expect(res.status).toBe(401);
    expect(acao(res)).toBe(APP);
    const foreign = await http(`${api.url}/api/v1/companies`, { headers: { origin: 'https://evil.example.com' } });
    expect(foreign.status).toBe(401);
    expect(acao(foreign)).toBeNull();
  });
});

describe('endpoints outside /api/v1 never answer CORS', () => {
  it('token, operator and health endpoints ignore Origin and preflights, even from an allowed origin', async () => {
    for (const path of ['/oauth/token', '/Auth/login/v1/token', '/operator/v1/accounts', '/health/ready']) {
      const pre = await preflight(path, APP, { 'access-control-request-method': 'POST' });
      expect(pre.status, path).not.toBe(204);
      expect(acao(pre), path).toBeNull();
    }
    const token = await http(`${api.url}/oauth/token`, {
      method: 'POST',
      headers: {
        origin: APP,
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      },
      form: { grant_type: 'client_credentials' },
    });
    expect(token.status).toBe(200);
    expect(acao(token)).toBeNull();
    const insideView = await http(`${api.url}/Auth/login/v1/token.json`, {
      method: 'POST',
      headers: { origin: APP },
      form: { clientId: app.clientId, clientSecret: app.clientSecret, grantType: 'cred' },
    });
    expect(insideView.status).toBe(200);
    expect(acao(insideView)).toBeNull();
    const operatorCall = await http(`${api.url}/operator/v1/accounts/cors-app`, {
      headers: { ...operator(config), origin: APP },
    });
    expect(operatorCall.status).toBe(200);
    expect(acao(operatorCall)).toBeNull();
  });
});
