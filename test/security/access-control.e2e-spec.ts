import { request as httpRequest } from 'node:http';
import { Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRouteAccess, registeredRoutes, type RegisteredRoute } from '@tollgate/http';
import { CurrentPrincipal, type Principal, Public } from '@tollgate/tokens';
import { ApiProduct } from '@tollgate/usage';
import { createWorkerApp } from '../../apps/worker/worker.bootstrap';
import { dropStack, freePort, type RunningApi, startApi } from '../support/apps';
import { bearer, createAccount, http, issueToken, operator, type TestAccount } from '../support/client';
import { ContractExempt } from '../support/contract';
import { testConfig } from '../support/test-config';

/** A team's module that declares no access rule at all: it must come out closed (bearer). */
@Controller('api/v1/undeclared')
@ApiProduct('undeclared')
@ContractExempt('test fixture')
class UndeclaredController {
  @Get()
  list() {
    return { secret: 'undeclared-data' };
  }

  @Post(':id')
  change() {
    return { changed: true };
  }
}

/** A public route that (wrongly) asks for the principal: 401, never a 500 and never a handler without a caller. */
@Controller('probe-public')
@ContractExempt('test fixture: a deliberately broken public route')
class PublicPrincipalController {
  @Get()
  @Public()
  who(@CurrentPrincipal() principal: Principal) {
    return { accountId: principal.accountId };
  }
}

/** Two controllers sharing one inherited handler, one public and one not: each keeps its own rule. */
class SharedRoutes {
  @Get('x')
  @ContractExempt('test fixture')
  read() {
    return { shared: 'data' };
  }
}
@Controller('probe-shared-public')
@Public()
@ContractExempt('test fixture')
class SharedPublicController extends SharedRoutes {}
@Controller('api/v1/probe-shared-private')
@ApiProduct('shared')
@ContractExempt('test fixture')
class SharedPrivateController extends SharedRoutes {}

/**
 * Routes open to anyone, by their registered pattern. Everything else must refuse a request without
 * credentials; a new public route has to be added here on purpose.
 */
const PUBLIC_ROUTES = [
  /^\/health\/(live|ready)$/,
  /^\/oauth\/(token|revoke|introspect)$/,
  /^\/Auth\/login\/v1\/token(\.json)?$/,
  /^\/\.well-known\/oauth-authorization-server$/,
  /^\/docs(\/.*)?$/,
  // The operator console's page and compiled assets (they hold no data; the data comes from operator routes).
  /^\/console(\/assets\/:file)?$/,
  /^\/probe-public$/,
  /^\/probe-shared-public\/x$/,
];
const PREFLIGHT = (r: RegisteredRoute) => r.method === 'OPTIONS' && r.url === '/api/v1/*';
// Signing in to the console checks the operator key itself; reading or ending a session is an operator route.
const SIGN_IN = (r: RegisteredRoute) => r.method === 'POST' && r.url === '/console/session';
const isPublic = (r: RegisteredRoute) => PREFLIGHT(r) || SIGN_IN(r) || PUBLIC_ROUTES.some((p) => p.test(r.url));

const config = testConfig();
let api: RunningApi;
let acct: TestAccount;
let token: string;
let routes: readonly RegisteredRoute[];

/** Sends the request line exactly as given (fetch would normalise the path first). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        timeout: 10_000,
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout on ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A concrete path for a route pattern: parameters get a plausible value, wildcards a file name. */
const concrete = (pattern: string) => pattern.replace(/:[A-Za-z]+/g, '0123456789abcdef01234567').replace(/\*$/, 'x.js');

beforeAll(async () => {
  api = await startApi(config, {
    imports: [
      {
        module: class TeamModule {},
        controllers: [UndeclaredController, PublicPrincipalController, SharedPublicController, SharedPrivateController],
      },
    ],
  });
  routes = registeredRoutes(api.app.getHttpAdapter().getInstance());
  acct = await createAccount(api.url, config, { name: 'attacker-corp', scopes: ['data:read', 'data:write'] });
  token = await issueToken(api.url, acct);
});
afterAll(async () => {
  await api?.close();
  await dropStack(config);
});

describe('every registered route is closed unless it says otherwise', () => {
  it('walks Nest and plugin routes alike, the queue dashboard, Swagger and an undeclared module included', () => {
    const urls = new Set(routes.map((r) => r.url));
    // ROUTE_WALK_EXPECT: a route the caller registered (the scaffold test's generated module).
    const extra = process.env.ROUTE_WALK_EXPECT ? [process.env.ROUTE_WALK_EXPECT] : [];
    for (const expected of [
      '/api/v1/companies/:id',
      '/operator/v1/accounts',
      '/operator/queues/api/queues',
      '/docs/openapi.json',
      '/api/v1/undeclared',
      '/metrics',
      ...extra,
    ]) {
      expect(urls, expected).toContain(expected);
    }
    // Nothing registered that the registry could not place (a plugin nobody declared would show here).
    expect(routes.filter((r) => r.kind === 'closed')).toEqual([]);
    expect(routes.filter((r) => r.url.startsWith('/operator/queues')).every((r) => r.kind === 'operator')).toBe(true);
  });

  it('refuses every non-public route without credentials, with a wrong operator key, and with the other kind of credential', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      if (isPublic(route)) continue;
      const path = concrete(route.url);
      const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? '{}' : undefined;
      const json: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
      const anonymous = await raw(api.url, route.method, path, json, body);
      if (anonymous.status !== 401) failures.push(`${route.method} ${path} without credentials: ${anonymous.status}`);
      const wrongKey = await raw(
        api.url,
        route.method,
        path,
        { ...json, 'x-operator-key': 'not-the-operator-key-at-all' },
        body,
      );
      if (wrongKey.status !== 401)
        failures.push(`${route.method} ${path} with a wrong operator key: ${wrongKey.status}`);
      // Operator routes: the operator API, metrics, and reading or ending a console session.
      const operatorRoute =
        route.url.startsWith('/operator/') || route.url === '/metrics' || route.url === '/console/session';
      if (operatorRoute) {
        // A customer's valid access token never opens an operator route.
        const customer = await raw(api.url, route.method, path, { ...json, authorization: `Bearer ${token}` }, body);
        if (customer.status !== 401) failures.push(`${route.method} ${path} with a customer token: ${customer.status}`);
      } else {
        // The operator key is not an access token.
        const op = await raw(
          api.url,
          route.method,
          path,
          { ...json, authorization: `Bearer ${config.operatorKey}` },
          body,
        );
        if (op.status !== 401)
          failures.push(`${route.method} ${path} with the operator key as a bearer token: ${op.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('the public routes are exactly the declared ones', () => {
    const open = routes.filter(isPublic).map((r) => `${r.method} ${r.url}`);
    expect(open.length).toBeGreaterThan(0);
    // Every public route answers without credentials and none of them is a data or operator route.
    expect(open.filter((r) => /\/(api|operator)\//.test(r) && !r.startsWith('OPTIONS /api/v1/*'))).toEqual([]);
  });

  it('serves an undeclared module only with a valid token', async () => {
    expect((await http(`${api.url}/api/v1/undeclared`)).status).toBe(401);
    const ok = await http(`${api.url}/api/v1/undeclared`, { headers: bearer(token) });
    expect(ok.status).toBe(200);
    expect(ok.body.secret).toBe('undeclared-data');
    expect(ok.headers.get('ratelimit')).toMatch(/^"token";r=\d+;t=\d+$/);
  });

  it("keeps each controller's rule when two controllers inherit the same handler, whichever is called first", async () => {
    expect((await http(`${api.url}/probe-shared-public/x`)).status).toBe(200);
    expect((await http(`${api.url}/api/v1/probe-shared-private/x`)).status).toBe(401);
    expect((await http(`${api.url}/api/v1/probe-shared-private/x`, { headers: bearer(token) })).status).toBe(200);
    expect((await http(`${api.url}/probe-shared-public/x`)).status).toBe(200);
  });

  it('refuses with 401 rather than run a handler that needs a principal on a route that has none', async () => {
    const res = await http(`${api.url}/probe-public`);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('internal');
  });

  it('a route that a plugin registers outside Nest without a declaration is closed', async () => {
    const fastify = Fastify();
    installRouteAccess(fastify, { operatorKey: 'k'.repeat(20) });
    fastify.get('/rogue', async () => ({ open: true }));
    fastify.get('/operator/queues/extra', async () => ({ open: true }));
    await fastify.ready();
    expect((await fastify.inject({ method: 'GET', url: '/rogue' })).statusCode).toBe(404);
    expect((await fastify.inject({ method: 'GET', url: '/%72ogue' })).statusCode).toBe(404);
    expect((await fastify.inject({ method: 'GET', url: '/%6Fperator/queues/extra' })).statusCode).toBe(401);
    expect(
      (
        await fastify.inject({
          method: 'GET',
          url: '/operator/queues/extra',
          headers: { 'x-operator-key': 'k'.repeat(20) },
        })
      ).statusCode,
    ).toBe(200);
    await fastify.close();
  });
});

describe('path spellings never get around the checks', () => {
  const families = [
    { method: 'GET', path: '/api/v1/companies?pageSize=1' },
    { method: 'POST', path: '/api/v1/companies', body: '{"name":"Evil","domain":"evil.example"}' },
    {
      method: 'PUT',
      path: '/api/v1/companies/0123456789abcdef01234567',
      body: '{"name":"Evil","domain":"evil2.example"}',
    },
    { method: 'DELETE', path: '/api/v1/companies/0123456789abcdef01234567' },
    { method: 'GET', path: '/api/v1/contacts' },
    { method: 'GET', path: '/api/v1/admin/limits' },
    { method: 'GET', path: '/api/v1/admin/usage?period=day' },
    { method: 'GET', path: '/api/v1/admin/alerts' },
    { method: 'GET', path: '/operator/v1/accounts/attacker-corp' },
    { method: 'POST', path: '/operator/v1/accounts', body: '{"name":"evil-corp"}' },
    { method: 'GET', path: '/operator/v1/alerts' },
    { method: 'GET', path: '/operator/queues/api/queues' },
    { method: 'POST', path: '/operator/queues/api/queues/usage/add', body: '{"name":"usage.snapshot","data":{}}' },
    { method: 'GET', path: '/operator/queues' },
    { method: 'GET', path: '/metrics' },
  ];
  const encodeFirst = (p: string) => p.replace(/^\/(.)/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`);
  const encodeAll = (p: string) => p.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const spellings: [string, (p: string) => string][] = [
    ['as is', (p) => p],
    ['first letter percent-encoded', encodeFirst],
    [
      'every letter percent-encoded',
      (p) => {
        const [a, q] = p.split('?');
        return encodeAll(a) + (q ? `?${q}` : '');
      },
    ],
    ['encoded slashes', (p) => p.replace(/(?<=.)\//g, '%2F')],
    ['doubled leading slash', (p) => `/${p}`],
    ['doubled inner slashes', (p) => p.replace(/(?<=.)\//g, '//')],
    ['dot segment', (p) => p.replace(/^\/([^/]+)\//, '/$1/./')],
    ['dot-dot segment', (p) => p.replace(/^\/([^/]+)\//, '/$1/x/../')],
    ['upper case', (p) => p.toUpperCase()],
    ['first letter upper case', (p) => p.replace(/^\/(.)/, (_m, c: string) => `/${c.toUpperCase()}`)],
    ['matrix parameter on a segment', (p) => p.replace(/^\/([^/]+)\//, '/$1;x=1/')],
    [
      'matrix parameter at the end',
      (p) => {
        const [a, q] = p.split('?');
        return `${a};jsessionid=1${q ? `?${q}` : ''}`;
      },
    ],
    [
      'trailing slash',
      (p) => {
        const [a, q] = p.split('?');
        return `${a}/${q ? `?${q}` : ''}`;
      },
    ],
    [
      'trailing space',
      (p) => {
        const [a, q] = p.split('?');
        return `${a}%20${q ? `?${q}` : ''}`;
      },
    ],
    [
      'trailing NUL',
      (p) => {
        const [a, q] = p.split('?');
        return `${a}%00${q ? `?${q}` : ''}`;
      },
    ],
    [
      'trailing dot',
      (p) => {
        const [a, q] = p.split('?');
        return `${a}.${q ? `?${q}` : ''}`;
      },
    ],
    ['backslash', (p) => p.replace(/(?<=.)\//, '\\')],
    ['encoded dot segment', (p) => p.replace(/^\/([^/]+)\//, '/$1/%2e/')],
  ];

  it('answers 400, 401, 404 or 405 to every spelling of every protected route without credentials, never 2xx or 5xx', async () => {
    const failures: string[] = [];
    for (const family of families) {
      for (const [name, spell] of spellings) {
        const path = spell(family.path);
        const headers: Record<string, string> = family.body ? { 'content-type': 'application/json' } : {};
        const res = await raw(api.url, family.method, path, headers, family.body);
        if (![400, 401, 404, 405].includes(res.status))
          failures.push(`${family.method} ${path} (${name}): ${res.status} ${res.text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing was created by any of those requests.
    const evil = await http(`${api.url}/operator/v1/accounts/evil-corp`, { headers: operator(config) });
    expect(evil.status).toBe(404);
  }, 120_000);
});

describe('where a token may be presented', () => {
  it('refuses access_token in the query string or the body (400 invalid_request)', async () => {
    const query = await http(`${api.url}/api/v1/admin/limits?access_token=${token}`);
    expect(query.status).toBe(400);
    expect(query.body.error).toBe('invalid_request');
    const form = await http(`${api.url}/api/v1/companies`, { method: 'POST', form: { access_token: token } });
    expect(form.status).toBe(400);
    const json = await http(`${api.url}/api/v1/companies`, {
      method: 'POST',
      json: { access_token: token, name: 'x' },
    });
    expect(json.status).toBe(400);
    // Even next to a valid header, a token in the query is refused rather than ignored.
    const both = await http(`${api.url}/api/v1/admin/limits?access_token=${token}`, { headers: bearer(token) });
    expect(both.status).toBe(400);
  });

  it('refuses two tokens instead of letting one win', async () => {
    const twoAuthorizations = await raw(api.url, 'GET', '/api/v1/admin/limits', {});
    expect(twoAuthorizations.status).toBe(401);
    const dup = await new Promise<number>((resolve, reject) => {
      const url = new URL(api.url);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: 'GET',
          path: '/api/v1/admin/limits',
          headers: [
            ['authorization', `Bearer ${token}`],
            ['authorization', 'Bearer tgt_' + 'A'.repeat(43)],
          ] as unknown as Record<string, string>,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(dup).toBe(400);
    const different = await http(`${api.url}/api/v1/admin/limits`, {
      headers: { ...bearer(token), accesstoken: 'tgt_' + 'B'.repeat(43) },
    });
    expect(different.status).toBe(400);
    const same = await http(`${api.url}/api/v1/admin/limits`, { headers: { ...bearer(token), accesstoken: token } });
    expect(same.status).toBe(200);
    const insideView = await http(`${api.url}/api/v1/admin/limits`, { headers: { accesstoken: token } });
    expect(insideView.status).toBe(200);
  });

  it('the OAuth endpoints answer crafted parameter shapes with 4xx', async () => {
    const basic = { authorization: `Basic ${Buffer.from(`${acct.clientId}:${acct.clientSecret}`).toString('base64')}` };
    for (const path of ['/oauth/revoke', '/oauth/introspect', '/oauth/token']) {
      const arrayJson = await http(`${api.url}${path}`, {
        method: 'POST',
        headers: basic,
        json: { access_token: [token], token: [token] },
      });
      expect(arrayJson.status, path).toBeGreaterThanOrEqual(400);
      expect(arrayJson.status, path).toBeLessThan(500);
      const repeated = await http(`${api.url}${path}`, {
        method: 'POST',
        headers: { ...basic, 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${token}&token=${token}x&access_token=${token}`,
      });
      expect(repeated.status, path).toBe(400);
    }
  });

  it('refuses two Authorization headers on the token endpoints instead of letting the first win', async () => {
    const url = new URL(api.url);
    const basic = `Basic ${Buffer.from(`${acct.clientId}:${acct.clientSecret}`).toString('base64')}`;
    const status = await new Promise<number>((resolve, reject) => {
      const body = 'grant_type=client_credentials';
      const headers = [
        ['authorization', basic],
        ['authorization', 'Basic ' + Buffer.from('someone:else').toString('base64')],
        ['content-type', 'application/x-www-form-urlencoded'],
        ['content-length', String(body.length)],
      ];
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/oauth/token',
          headers: headers as unknown as Record<string, string>,
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(400);
  });

  it('the InsideView endpoint requires grantType=cred', async () => {
    const missing = await http(`${api.url}/Auth/login/v1/token.json`, {
      method: 'POST',
      form: { clientId: acct.clientId, clientSecret: acct.clientSecret },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const ok = await http(`${api.url}/Auth/login/v1/token.json`, {
      method: 'POST',
      form: { clientId: acct.clientId, clientSecret: acct.clientSecret, grantType: 'cred' },
    });
    expect(ok.status).toBe(200);
  });
});

describe('the worker serves health and metrics only', () => {
  it('mounts no route besides /health and /metrics on WORKER_PORT', async () => {
    const port = await freePort();
    const worker = (await createWorkerApp({ ...config, role: 'worker', workerPort: port })) as NestFastifyApplication;
    try {
      const workerRoutes = registeredRoutes(worker.getHttpAdapter().getInstance());
      expect([...new Set(workerRoutes.map((r) => r.url))].sort()).toEqual([
        '/health/live',
        '/health/ready',
        '/metrics',
      ]);
      const base = `http://127.0.0.1:${port}`;
      expect(
        (
          await http(`${base}/operator/v1/accounts`, {
            method: 'POST',
            headers: operator(config),
            json: { name: 'via-worker' },
          })
        ).status,
      ).toBe(404);
      expect((await http(`${base}/api/v1/admin/alerts`)).status).toBe(404);
      expect((await http(`${base}/%6Detrics`)).status).toBe(401);
      expect((await http(`${base}/metrics`, { headers: operator(config) })).status).toBe(200);
    } finally {
      await worker.close();
    }
  });
});

describe('guessing tokens', () => {
  it('slows down an address that presents unknown tokens: 429 too_many_failures from the bearer guard', async () => {
    const guess = () =>
      http(`${api.url}/api/v1/admin/limits`, {
        headers: bearer(`tgt_${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url')}`),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await guess()).status);
    expect(statuses.slice(0, 15).every((s) => s === 401)).toBe(true);
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toBe('too_many_failures');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
